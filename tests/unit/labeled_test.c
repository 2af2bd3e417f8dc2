/*
 * The quality bar of issue 4 on tests/data/bullets/labeled.tsv: every weak
 * bullet gets every rule listed for it, and no strong bullet gets any
 * content rule. Each bullet is checked in a hand-built model (exact control
 * of the section and dates), and through the real parsers inside a small
 * Markdown resume and two LaTeX resumes (Jake's \resumeItem and plain
 * itemize).
 */
#define _POSIX_C_SOURCE 200809L
#include "rls/parse.h"
#include "rules_fixture.h"
#include "test.h"

typedef struct {
    bool strong;
    char rules[160];
    char text[400];
} Labeled;

static Labeled labeled__rows[256];
static size_t labeled__n;

static void labeled__load(void) {
    if (labeled__n) return;
    char *data = rls_test_read_file(RLS_TEST_DATA_DIR "/bullets/labeled.tsv", NULL);
    if (!data) return;
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || !line[0]) continue;
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2 || labeled__n >= RLS_ARRAY_LEN(labeled__rows)) continue;
        Labeled *r = &labeled__rows[labeled__n++];
        r->strong = strncmp(line, "strong", 6) == 0;
        snprintf(r->rules, sizeof(r->rules), "%.*s", (int)(t2 - t1 - 1), t1 + 1);
        snprintf(r->text, sizeof(r->text), "%s", t2 + 1);
        size_t l = strlen(r->text);
        if (l && r->text[l - 1] == '\r') r->text[l - 1] = '\0';
    }
    rls_free(data);
}

static bool labeled__is_content(const char *rule) {
    const RlsRuleInfo *info = rls_rule_find(rule);
    return info && info->content;
}

/* Checks one labelled row against the findings on bullet 0 of a model.
 * Returns the number of problems (printed). */
static int labeled__judge(const Labeled *r, const RlsDiagList *l, const char *where) {
    int problems = 0;
    if (r->strong) {
        for (size_t i = 0; i < l->len; i++) {
            if (l->items[i].bullet < 0 || !labeled__is_content(l->items[i].rule)) continue;
            printf("#   [%s] strong bullet got %s: %s\n#     %s\n", where, l->items[i].rule,
                   l->items[i].message, r->text);
            problems++;
        }
        return problems;
    }
    char rules[160];
    snprintf(rules, sizeof(rules), "%s", r->rules);
    char *save = NULL;
    for (char *rule = strtok_r(rules, ",", &save); rule; rule = strtok_r(NULL, ",", &save)) {
        if (strcmp(rule, "-") == 0) continue;
        bool found = false;
        for (size_t i = 0; i < l->len && !found; i++)
            found = l->items[i].bullet >= 0 && strcmp(l->items[i].rule, rule) == 0;
        if (!found) {
            printf("#   [%s] weak bullet missed %s:\n#     %s\n", where, rule, r->text);
            problems++;
        }
    }
    return problems;
}

static void test_the_labelled_set_loads(void) {
    labeled__load();
    ASSERT_TRUE(labeled__n >= 70);
    size_t strong = 0;
    for (size_t i = 0; i < labeled__n; i++)
        strong += labeled__rows[i].strong;
    printf("# %zu labelled bullets: %zu strong, %zu weak\n", labeled__n, strong,
           labeled__n - strong);
    EXPECT_TRUE(strong >= 30);
    EXPECT_TRUE(labeled__n - strong >= 30);
}

static void test_every_labelled_bullet_is_judged_right_in_a_built_model(void) {
    labeled__load();
    int problems = 0;
    size_t weak_rules = 0;
    for (size_t i = 0; i < labeled__n; i++) {
        const Labeled *r = &labeled__rows[i];
        char src[600];
        snprintf(src, sizeof(src), "## Experience\n### Engineer | Acme | 2019 - 2021\n- %s\n",
                 r->text);
        RlsDiagList l;
        fx_check(src, NULL, &l);
        problems += labeled__judge(r, &l, "model");
        if (!r->strong) weak_rules += fx_count(&l, NULL);
        rls_diag_list_close(&l);
    }
    printf("# built models: %d problems over %zu bullets (%zu findings on weak ones)\n", problems,
           labeled__n, weak_rules);
    EXPECT_EQ_INT(problems, 0);
}

/* Runs one row through a real parser. Returns problems, or -1 when the
 * parser found no bullet at all. */
static int labeled__through_parser(const Labeled *r, RlsFormat fmt, const char *tmpl,
                                   const char *where) {
    char src[1600];
    char text[800];
    /* LaTeX needs its specials escaped; Markdown takes the text as is. */
    size_t o = 0;
    for (const char *p = r->text; *p && o + 3 < sizeof(text); p++) {
        if (fmt == RLS_FORMAT_LATEX && (*p == '%' || *p == '$' || *p == '&' || *p == '#'))
            text[o++] = '\\';
        text[o++] = *p;
    }
    text[o] = '\0';
    snprintf(src, sizeof(src), tmpl, text);
    RlsParser *p = rls_parser_new(fmt);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    int problems = -1;
    if (m && m->n_bullets > 0) {
        RlsDiagList l;
        rls_diag_list_init(&l);
        rls_rules_run(m, src, (uint32_t)strlen(src), NULL, &l);
        problems = labeled__judge(r, &l, where);
        rls_diag_list_close(&l);
    }
    rls_resume_delete(m);
    rls_parser_delete(p);
    return problems;
}

static const char labeled__md[] = "# Alex Doe\n\n"
                                  "alex@example.com\n\n"
                                  "## Experience\n\n"
                                  "### Senior Engineer | Acme Corp | 2019 - 2021\n\n"
                                  "- %s\n\n"
                                  "## Skills\n\n"
                                  "Go, PostgreSQL, Kafka\n\n"
                                  "## Education\n\n"
                                  "BSc Computer Science, State University, 2015\n";

static const char labeled__jake[] =
    "\\documentclass{article}\n"
    "\\begin{document}\n"
    "\\section{Experience}\n"
    "\\resumeSubHeadingListStart\n"
    "\\resumeSubheading{Acme Corp}{2019 -- 2021}{Senior Engineer}{Remote}\n"
    "\\resumeItemListStart\n"
    "\\resumeItem{%s}\n"
    "\\resumeItemListEnd\n"
    "\\resumeSubHeadingListEnd\n"
    "\\section{Education}\n"
    "State University, BSc Computer Science, 2015\n"
    "\\end{document}\n";

static const char labeled__itemize[] = "\\documentclass{article}\n"
                                       "\\begin{document}\n"
                                       "\\section{Experience}\n"
                                       "\\textbf{Senior Engineer}, Acme Corp \\hfill 2019 -- 2021\n"
                                       "\\begin{itemize}\n"
                                       "\\item %s\n"
                                       "\\end{itemize}\n"
                                       "\\end{document}\n";

static void labeled__run_parser(RlsFormat fmt, const char *tmpl, const char *where) {
    labeled__load();
    int problems = 0;
    size_t parsed = 0;
    for (size_t i = 0; i < labeled__n; i++) {
        int p = labeled__through_parser(&labeled__rows[i], fmt, tmpl, where);
        if (p < 0) continue;
        parsed++;
        problems += p;
    }
    printf("# %s: %zu of %zu bullets parsed, %d problems\n", where, parsed, labeled__n, problems);
    /* Every row must reach the rules as a bullet: a parser that finds none
     * would otherwise pass with no problems. */
    EXPECT_TRUE(labeled__n > 0);
    EXPECT_EQ_INT(parsed, labeled__n);
    EXPECT_EQ_INT(problems, 0);
}

static void test_every_labelled_bullet_is_judged_right_in_markdown(void) {
    labeled__run_parser(RLS_FORMAT_MARKDOWN, labeled__md, "markdown");
}

static void test_every_labelled_bullet_is_judged_right_in_jakes_latex(void) {
    labeled__run_parser(RLS_FORMAT_LATEX, labeled__jake, "latex-jake");
}

static void test_every_labelled_bullet_is_judged_right_in_latex_itemize(void) {
    labeled__run_parser(RLS_FORMAT_LATEX, labeled__itemize, "latex-itemize");
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_the_labelled_set_loads),
        RLS_TEST(test_every_labelled_bullet_is_judged_right_in_a_built_model),
        RLS_TEST(test_every_labelled_bullet_is_judged_right_in_markdown),
        RLS_TEST(test_every_labelled_bullet_is_judged_right_in_jakes_latex),
        RLS_TEST(test_every_labelled_bullet_is_judged_right_in_latex_itemize),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
