/*
 * timeline_test.c - the timeline rules (date-invalid, timeline-order,
 * timeline-gap) and tech-casing, through the real parsers and the whole
 * analysis, in Markdown and LaTeX, with non-ASCII text; the fixes they
 * offer, applied and read again.
 */
#include <string.h>

#include "rls/actions.h"
#include "rls/alloc.h"
#include "rls/analysis.h"
#include "rls/buf.h"
#include "rls/dates.h"
#include "rls/hover.h"
#include "test.h"

typedef struct {
    RlsParser *parser;
    RlsAnalysis an;
    RlsConfig config;
    const char *src;
} Run;

/* Today is March 2025 in these tests unless a test says otherwise. */
#define TODAY_2025_03 (2025 * 12 + 2)

static void run_open(Run *r, const char *src, RlsFormat fmt, RlsConfig *config) {
    memset(r, 0, sizeof(*r));
    r->parser = rls_parser_new(fmt);
    rls_analysis_init(&r->an);
    rls_config_init(&r->config);
    if (config) rls_config_copy(&r->config, config);
    if (!r->config.today_months) r->config.today_months = TODAY_2025_03;
    r->src = src;
    rls_analyze(&r->an, r->parser, src, (uint32_t)strlen(src), &r->config);
}

static void run_close(Run *r) {
    rls_analysis_close(&r->an);
    rls_parser_delete(r->parser);
    rls_config_close(&r->config);
}

static size_t count(const Run *r, const char *rule) {
    size_t n = 0;
    for (size_t i = 0; i < r->an.diags.len; i++)
        n += strcmp(r->an.diags.items[i].rule, rule) == 0;
    return n;
}

static const RlsDiag *find(const Run *r, const char *rule, size_t nth) {
    for (size_t i = 0; i < r->an.diags.len; i++)
        if (strcmp(r->an.diags.items[i].rule, rule) == 0 && nth-- == 0)
            return &r->an.diags.items[i];
    return NULL;
}

static bool covers(const Run *r, const RlsDiag *d, const char *text) {
    size_t n = strlen(text);
    return d && d->span.end_byte - d->span.start_byte == n &&
           memcmp(r->src + d->span.start_byte, text, n) == 0;
}

/* ---- date-invalid ------------------------------------------------------------ */

static void test_date_invalid_end_before_start_future_start_and_month_13(void) {
    const char *md = "# Zoë Ångström\n\nzoe@example.com\n\n## Experience\n\n"
                     "### Développeuse, Café Ünïcode — Nov 2022 – Mar 2021\n\n"
                     "- Built a billing service used by 3 teams\n\n"
                     "### Ingénieure, Société Générale — Jan 2026 – Present\n\n"
                     "- Cut build times by 40%\n\n"
                     "### Analyst, 東京 Labs — 13/2019 – 05/2020\n\n"
                     "- Cut costs by 10%\n";
    Run r;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "date-invalid"), 3);
    const RlsDiag *d = find(&r, "date-invalid", 0);
    EXPECT_TRUE(d && strstr(d->message, "ends before it starts"));
    EXPECT_TRUE(covers(&r, find(&r, "date-invalid", 2), "13/2019"));
    bool future = false;
    for (size_t i = 0; i < 3; i++)
        future = future || (find(&r, "date-invalid", i) &&
                            strstr(find(&r, "date-invalid", i)->message, "after today"));
    EXPECT_TRUE(future);
    run_close(&r);

    /* Next year the same start is in the past. */
    RlsConfig c;
    rls_config_init(&c);
    c.today_months = 2026 * 12 + 5;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, &c);
    EXPECT_EQ_INT(count(&r, "date-invalid"), 2);
    run_close(&r);
    rls_config_close(&c);
}

static void test_date_invalid_says_nothing_of_normal_timelines(void) {
    /* Several current roles, an expected degree, an announced offer, a
     * year-only range ending in its start year, ISO and short ranges. */
    const char *md = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                     "### Engineer, Acme — Mar 2021 – Present\n\n- Cut costs by 10%\n\n"
                     "### Mentor, Ünïcode School — 2019 – Present\n\n- Taught 20 students\n\n"
                     "### Incoming Engineer, Stripe — Jun 2026 – Aug 2026\n\n- Joining in June\n\n"
                     "### Analyst, Beta — 2019-20\n\n- Cut costs by 5%\n\n"
                     "## Education\n\n### MSc, ETH Zürich — May 2027\n";
    Run r;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "date-invalid"), 0);
    run_close(&r);
}

static void test_the_date_grammar_finds_months_that_do_not_exist(void) {
    static const struct {
        const char *text;
        const char *bad; /* NULL: none */
    } cases[] = {
        {"13/2020 – 05/2021", "13/2020"},
        {"Analyst — 00/2021", "00/2021"},
        {"2021-13 – 2022-01", "2021-13"},
        {"2020/00", "2020/00"},
        {"2019-20", NULL},           /* a short range */
        {"2015-19", NULL},           /* a short range too */
        {"15.03.2021", NULL},        /* a day */
        {"2002-05-11", NULL},        /* a day */
        {"12/2020 – 01/2021", NULL}, /* real months */
        {"ISO 9001:2015, v13/2020x", NULL},
        {"東京 13/2020", "13/2020"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        size_t s = 0, e = 0;
        bool got = rls_date_bad_month_find(cases[i].text, strlen(cases[i].text), &s, &e);
        EXPECT_TRUE(got == (cases[i].bad != NULL));
        if (got && cases[i].bad) {
            EXPECT_EQ_INT(e - s, strlen(cases[i].bad));
            EXPECT_TRUE(memcmp(cases[i].text + s, cases[i].bad, e - s) == 0);
        }
    }
}

/* ---- timeline-order -------------------------------------------------------------- */

static const char *order_md = "# Zoë Ångström\n\nzoe@example.com\n\n## Experience\n\n"
                              "### Ingénieure, Société Générale — Jan 2018 – Dec 2019\n\n"
                              "- Built a **billing** service used by 3 teams\n\n"
                              "### Développeuse, Café Ünïcode — Mar 2020 – Present\n\n"
                              "- Cut build times by 40% with `ccache` 🚀\n";

static const char *order_tex =
    "\\documentclass{article}\n\\begin{document}\nzoe@example.com\n"
    "\\section{Experience}\n\\resumeSubHeadingListStart\n"
    "  \\resumeSubheading{Ingénieure}{Jan 2018 -- Dec 2019}{Société Générale}{Paris}\n"
    "  \\resumeItemListStart\n"
    "    \\resumeItem{Built a \\textbf{billing} service used by 3 teams}\n"
    "  \\resumeItemListEnd\n"
    "  \\resumeSubheading{Développeuse}{Mar 2020 -- Present}{Café Ünïcode}{Zürich}\n"
    "  \\resumeItemListStart\n"
    "    \\resumeItem{Cut build times by 40\\% with \\texttt{ccache}}\n"
    "  \\resumeItemListEnd\n"
    "\\resumeSubHeadingListEnd\n\\end{document}\n";

/* Applies the timeline-order move and checks the document read again. */
static void check_move(const char *src, RlsFormat fmt, const char *markup) {
    Run r;
    run_open(&r, src, fmt, NULL);
    ASSERT_EQ_INT(count(&r, "timeline-order"), 1);
    const RlsDiag *d = find(&r, "timeline-order", 0);
    EXPECT_TRUE(strstr(d->message, "above \"Ingénieure\"") != NULL);
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_for_diag(r.an.model, src, (uint32_t)strlen(src), d, &list);
    ASSERT_EQ_INT(list.len, 1);
    EXPECT_TRUE(!list.items[0].preferred);
    EXPECT_EQ_INT(list.items[0].applicability, RLS_APPLY_CHOICE);
    RlsBuf out;
    rls_buf_init(&out);
    ASSERT_EQ_INT(rls_edits_apply(src, (uint32_t)strlen(src), list.items[0].edits,
                                  list.items[0].n_edits, &out),
                  0);
    Run again;
    run_open(&again, out.data, fmt, NULL);
    EXPECT_EQ_INT(count(&again, "timeline-order"), 0);
    ASSERT_EQ_INT(again.an.model->n_entries, r.an.model->n_entries);
    EXPECT_STR_EQ(again.an.model->entries[0].title, r.an.model->entries[1].title);
    EXPECT_STR_EQ(again.an.model->entries[1].title, r.an.model->entries[0].title);
    EXPECT_EQ_INT(again.an.model->n_bullets, r.an.model->n_bullets);
    EXPECT_EQ_INT(again.an.model->entries[0].n_bullets, 1);
    EXPECT_EQ_INT(again.an.model->entries[1].n_bullets, 1);
    /* The same lines, blank ones too: one gap between entries, none lost
     * or doubled where the entry was. */
    EXPECT_EQ_INT(strlen(out.data), strlen(src));
    EXPECT_TRUE(strstr(out.data, "\n\n\n") == NULL && strstr(out.data, "\n\r\n\r\n") == NULL);
    EXPECT_TRUE(strstr(out.data, markup) != NULL);
    if (strchr(src, '\r')) EXPECT_TRUE(strstr(out.data, "\n\n") == NULL);
    EXPECT_EQ_INT(again.an.model->n_errors, r.an.model->n_errors);
    run_close(&again);
    rls_buf_close(&out);
    rls_action_list_close(&list);
    run_close(&r);
}

static void test_timeline_order_moves_the_entry_whole_in_markdown(void) {
    check_move(order_md, RLS_FORMAT_MARKDOWN, "**billing**");
}

static void test_timeline_order_moves_the_entry_whole_with_crlf(void) {
    RlsBuf b;
    rls_buf_init(&b);
    for (const char *p = order_md; *p; p++) {
        if (*p == '\n') rls_buf_putc(&b, '\r');
        rls_buf_putc(&b, *p);
    }
    check_move(b.data, RLS_FORMAT_MARKDOWN, "**billing**");
    rls_buf_close(&b);
}

static void test_timeline_order_moves_the_entry_whole_in_latex(void) {
    check_move(order_tex, RLS_FORMAT_LATEX, "\\textbf{billing}");
}

/* Entries set apart by blank lines keep one blank line between them, and
 * none is left doubled where the moved entry was. */
static void test_timeline_order_move_keeps_the_blank_lines_between_entries(void) {
    const char *tex =
        "\\documentclass{article}\n\\begin{document}\nzoe@example.com\n"
        "\\section{Experience}\n\\resumeSubHeadingListStart\n\n"
        "  \\resumeSubheading{Ingénieure}{Jan 2018 -- Dec 2019}{Société Générale}{Paris}\n"
        "  \\resumeItemListStart\n"
        "    \\resumeItem{Built a \\textbf{billing} service used by 3 teams}\n"
        "  \\resumeItemListEnd\n\n"
        "  \\resumeSubheading{Développeuse}{Mar 2020 -- Present}{Café Ünïcode}{Zürich}\n"
        "  \\resumeItemListStart\n"
        "    \\resumeItem{Cut build times by 40\\% with \\texttt{ccache} 東京}\n"
        "  \\resumeItemListEnd\n\n"
        "\\resumeSubHeadingListEnd\n\\end{document}\n";
    check_move(tex, RLS_FORMAT_LATEX, "\\textbf{billing}");
    RlsBuf md;
    rls_buf_init(&md);
    rls_buf_printf(&md, "%s\n## Education\n\n### BSc, Lyon — 2014 – 2017\n", order_md);
    check_move(md.data, RLS_FORMAT_MARKDOWN, "**billing**");
    rls_buf_close(&md);
}

static void test_timeline_order_spares_overlaps_year_only_and_undated_entries(void) {
    /* A side role inside a long one, a year-only date against a month in
     * the same year, an undated entry, and education apart from jobs. */
    const char *md = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                     "### Engineer, Acme — 2015 – 2022\n\n- Cut costs by 10%\n\n"
                     "### Advisor, Ünïcode — 2018 – 2019\n\n- Cut costs by 5%\n\n"
                     "### Analyst, Beta — Mar 2014 – 2015\n\n- Cut costs by 5%\n\n"
                     "### Intern, Gamma — 2014\n\n- Cut costs by 2%\n\n"
                     "### Volunteer, Delta\n\n- Taught 20 students\n\n"
                     "## Education\n\n### BSc, ETH Zürich — 2010 – 2014\n";
    Run r;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "timeline-order"), 0);
    run_close(&r);
}

static void test_timeline_order_said_once_for_a_list_oldest_first(void) {
    const char *md = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                     "### A, Acme — 2012 – 2014\n\n- Cut costs by 10%\n\n"
                     "### B, Beta — 2015 – 2017\n\n- Cut costs by 5%\n\n"
                     "### C, Gamma — 2018 – 2020\n\n- Cut costs by 5%\n\n"
                     "### D, Delta — 2021 – Present\n\n- Cut costs by 2%\n";
    Run r;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "timeline-order"), 1);
    EXPECT_TRUE(strstr(find(&r, "timeline-order", 0)->message, "not listed most recent first"));
    run_close(&r);
}

/* An entry older than one kept below it belongs further down: the advice
 * says so instead of "above" an entry it is already above. */
static void test_timeline_order_says_down_when_the_place_is_below(void) {
    const char *md = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                     "### Lead, Acme — Jan 2023 – Present\n\n- Cut costs by 10%\n\n"
                     "### Junior, Ünïcode — Jan 2018 – Dec 2019\n\n- Cut costs by 5%\n\n"
                     "### Senior, Beta — Jan 2021 – Dec 2022\n\n- Cut costs by 5%\n\n"
                     "### Mid, Gamma — Jan 2020 – Dec 2020\n\n- Cut costs by 5%\n\n"
                     "### Intern, Delta — Jan 2016 – Dec 2016\n\n- Cut costs by 2%\n";
    Run r;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    ASSERT_EQ_INT(count(&r, "timeline-order"), 1);
    const RlsDiag *d = find(&r, "timeline-order", 0);
    EXPECT_TRUE(strstr(d->message, "\"Jan 2018 – Dec 2019\" is out of order") != NULL);
    EXPECT_TRUE(strstr(d->message, "move this entry down, above \"Intern\"") != NULL);
    run_close(&r);
}

/* Roles at one employer (a promotion listed under it, then side jobs
 * that overlap it) and projects inside a role (one name, dates within the
 * role's) are one unit: their own order is the writer's way of telling
 * that role, and the unit is compared with the other roles as a whole. A
 * unit out of order among the roles is still said. */
static void test_timeline_order_reads_one_employer_as_one_unit(void) {
    const char *promoted =
        "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
        "### Backend Engineer, Avito — Dec 2023 – Present\n\n- Cut costs by 8%\n\n"
        "### Engineer, Rambler — Jun 2021 – Nov 2023\n\n- Cut costs by 10%\n\n"
        "### Junior Engineer, Rambler — Apr 2020 – Jun 2021\n\n- Cut costs by 5%\n\n"
        "### Lecturer, Stankin — Sep 2021 – Jan 2022\n\n- Taught 40 students\n\n"
        "### Reviewer, Practicum — Sep 2020 – Sep 2021\n\n- Reviewed 300 apps\n\n"
        "### Developer, Ostrovok — Jul 2019 – Mar 2020\n\n- Cut costs by 2%\n";
    Run r;
    run_open(&r, promoted, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "timeline-order"), 0);
    run_close(&r);
    const char *projects =
        "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
        "### Engineer, Itseez — Sep 2009 – Apr 2016\n\n- Cut costs by 10%\n\n"
        "### CI — 2010 – 2011\n\n- Cut build time by 50%\n\n"
        "### Agile — 2013 – 2015\n\n- Taught 40 students\n\n"
        "### Optimisation — 2014 – 2016\n\n- Cut costs by 5%\n\n"
        "### Teacher, School 91 — Jun 2005 – May 2010\n\n- Taught 200 students\n";
    run_open(&r, projects, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "timeline-order"), 0);
    run_close(&r);
    const char *late = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                       "### Principal, Delta — Jan 2023 – Present\n\n- Cut costs by 8%\n\n"
                       "### Engineer, Acme — Jan 2015 – Dec 2017\n\n- Cut costs by 10%\n\n"
                       "### Junior, Acme — Jan 2013 – Dec 2014\n\n- Cut costs by 5%\n\n"
                       "### Lead, Beta — Jan 2019 – Dec 2022\n\n- Cut costs by 5%\n\n"
                       "### Intern, Gamma — Jun 2012 – Aug 2012\n\n- Cut costs by 2%\n";
    run_open(&r, late, RLS_FORMAT_MARKDOWN, NULL);
    ASSERT_EQ_INT(count(&r, "timeline-order"), 1);
    EXPECT_TRUE(covers(&r, find(&r, "timeline-order", 0), "Jan 2019 – Dec 2022"));
    run_close(&r);
}

/* ---- timeline-gap -------------------------------------------------------------- */

static const char *gap_md = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                            "### Développeuse, Café Ünïcode — Jun 2019 – Present\n\n"
                            "- Cut costs by 10%\n\n"
                            "### Ingénieure, Société Générale — Jan 2016 – Sep 2018\n\n"
                            "- Cut costs by 5%\n\n"
                            "## Education\n\n### BSc, ETH Zürich — 2011 – 2015\n";

static void test_timeline_gap_over_six_months_as_information(void) {
    Run r;
    run_open(&r, gap_md, RLS_FORMAT_MARKDOWN, NULL);
    ASSERT_EQ_INT(count(&r, "timeline-gap"), 1);
    const RlsDiag *d = find(&r, "timeline-gap", 0);
    EXPECT_EQ_INT(d->severity, RLS_SEV_INFO);
    EXPECT_TRUE(strstr(d->message, "No role listed for 8 months") != NULL);
    EXPECT_TRUE(strstr(d->message, "recruiters often ask about gaps over 6 months; a line on "
                                   "what you did then helps") != NULL);
    EXPECT_TRUE(strstr(d->message, "between \"Jan 2016 – Sep 2018\" and \"Jun 2019 – present\""));
    EXPECT_TRUE(d->span.start_byte < (uint32_t)(strstr(gap_md, "Jun 2019") - gap_md) + 8);
    run_close(&r);

    /* A longer threshold, and the rule turned off. */
    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_threshold(&c, "timeline-gap.months", 8);
    run_open(&r, gap_md, RLS_FORMAT_MARKDOWN, &c);
    EXPECT_EQ_INT(count(&r, "timeline-gap"), 0);
    run_close(&r);
    rls_config_close(&c);
    rls_config_init(&c);
    rls_config_set_severity(&c, "timeline-gap", RLS_SEV_OFF);
    run_open(&r, gap_md, RLS_FORMAT_MARKDOWN, &c);
    EXPECT_EQ_INT(count(&r, "timeline-gap"), 0);
    run_close(&r);
    rls_config_close(&c);
}

static void test_timeline_gap_spares_studies_overlaps_and_year_only_dates(void) {
    /* Jobs held while studying; a degree between two jobs; overlapping
     * roles; "2017" then "2018": no month is known to be empty. */
    const char *md = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                     "### Engineer, Acme — 2018 – Present\n\n- Cut costs by 10%\n\n"
                     "### Analyst, Beta — 2017\n\n- Cut costs by 5%\n\n"
                     "### Researcher, Gamma — Jan 2014 – Dec 2016\n\n- Cut costs by 5%\n\n"
                     "### Tutor, Delta — Jan 2010 – Mar 2010\n\n- Taught 20 students\n\n"
                     "### Intern, Eta — Jun 2008 – Aug 2008\n\n- Taught 20 students\n\n"
                     "## Education\n\n### MSc, ETH Zürich — Sep 2011 – Oct 2013\n\n"
                     "### BSc, Université Paris — Jun 2010\n";
    Run r;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "timeline-gap"), 0);
    run_close(&r);
}

static void test_disable_comments_cover_the_timeline_rules(void) {
    const char *md =
        "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
        "<!-- resume-ls-disable timeline-gap, timeline-order -->\n"
        "### Ingénieure, Société Générale — Jan 2010 – Dec 2011\n\n- Cut costs by 5%\n\n"
        "### Développeuse, Café Ünïcode — Mar 2020 – Present\n\n- Cut costs by 10%\n";
    Run r;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "timeline-order"), 0);
    EXPECT_EQ_INT(count(&r, "timeline-gap"), 0);
    run_close(&r);
    const char *tex = "\\documentclass{article}\n\\begin{document}\nzoe@example.com\n"
                      "\\section{Experience}\n"
                      "% resume-ls-disable-next-line date-invalid\n"
                      "\\resumeSubheading{Ingénieure}{Dec 2019 -- Jan 2018}{Société}{Paris}\n"
                      "\\resumeSubheading{Analyst}{Dec 2017 -- Jan 2016}{Beta}{Zürich}\n"
                      "\\end{document}\n";
    run_open(&r, tex, RLS_FORMAT_LATEX, NULL);
    EXPECT_EQ_INT(count(&r, "date-invalid"), 1);
    run_close(&r);
}

/* ---- tech-casing ------------------------------------------------------------------ */

static const char *casing_md =
    "# Zoë Ångström\n\nzoë@example.com · github.com/zoe · <https://kubernetes.io/docs>\n\n"
    "## Experience\n\n### Développeuse, Café Ünïcode — 2020 – Present\n\n"
    "- Built a Javascript client and a nodejs API on Postgresql, cutting load by 30% 🚀\n"
    "- Moved 12 services to kubernetes on aws from MacOS hosts, saving 4 hours a week\n"
    "- Wrote `nodejs` scripts; I go to meetups and react to incidents within 5 minutes\n"
    "- Hosted the Github wiki on Postgres, serving 2,000 users\n\n"
    "## Skills\n\nLanguages: go, rust, swift, bash, Python\n";

static void test_tech_casing_flags_official_names_written_wrong(void) {
    Run r;
    run_open(&r, casing_md, RLS_FORMAT_MARKDOWN, NULL);
    static const char *const wrong[] = {"Javascript", "nodejs", "Postgresql", "kubernetes",
                                        "aws",        "MacOS",  "Github",     "bash"};
    size_t casing = 0;
    for (size_t i = 0; i < r.an.diags.len; i++) {
        const RlsDiag *d = &r.an.diags.items[i];
        if (strcmp(d->rule, "tech-casing") != 0 || d->severity != RLS_SEV_WARNING) continue;
        bool known = false;
        for (size_t k = 0; k < RLS_ARRAY_LEN(wrong); k++)
            known = known || covers(&r, d, wrong[k]);
        EXPECT_TRUE(known);
        casing++;
    }
    EXPECT_EQ_INT(casing, RLS_ARRAY_LEN(wrong));
    /* "Postgres" and "PostgreSQL": one name, two forms. */
    size_t pick = 0;
    for (size_t i = 0; i < r.an.diags.len; i++)
        pick += strcmp(r.an.diags.items[i].rule, "tech-casing") == 0 &&
                strstr(r.an.diags.items[i].message, "pick one") != NULL;
    EXPECT_EQ_INT(pick, 1);
    run_close(&r);
}

/* A list of three or more names on one line, every one in lower case
 * ("Tools: docker, kubernetes, jenkins", a table cell "& rust, python,
 * golang \\\\"), is the writer's style, not a misspelling; a list that
 * capitalises some names, and a sentence, are still judged. */
static void test_tech_casing_leaves_a_lower_case_list_alone(void) {
    const char *md = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                     "### Engineer, Acme — 2019 – 2022\n\n"
                     "- Moved 12 services to kubernetes, cutting costs by 20%\n"
                     "- Stack: rust, python, golang\n\n"
                     "## Skills\n\n"
                     "- Tools: docker, kubernetes, jenkins\n"
                     "- Cloud: Docker, Kubernetes, aws\n";
    Run r;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    size_t n = 0;
    for (size_t i = 0; i < r.an.diags.len; i++) {
        const RlsDiag *d = &r.an.diags.items[i];
        if (strcmp(d->rule, "tech-casing") != 0 || strstr(d->message, "pick one")) continue;
        EXPECT_TRUE(covers(&r, d, "kubernetes") || covers(&r, d, "aws"));
        if (covers(&r, d, "kubernetes"))
            EXPECT_TRUE(d->span.start_byte < (uint32_t)(strstr(md, "Stack") - md));
        n++;
    }
    EXPECT_EQ_INT(n, 2);
    run_close(&r);
}

static void test_tech_casing_fix_is_safe_and_fix_all_applies_it(void) {
    Run r;
    run_open(&r, casing_md, RLS_FORMAT_MARKDOWN, NULL);
    const RlsDiag *d = find(&r, "tech-casing", 0);
    ASSERT_TRUE(d != NULL);
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_for_diag(r.an.model, casing_md, (uint32_t)strlen(casing_md), d, &list);
    ASSERT_TRUE(list.len >= 1);
    EXPECT_TRUE(list.items[0].preferred);
    EXPECT_EQ_INT(list.items[0].applicability, RLS_APPLY_SAFE);
    rls_action_list_close(&list);
    rls_action_list_init(&list);
    rls_actions_fix_all(r.an.model, casing_md, (uint32_t)strlen(casing_md), &r.an.diags, NULL,
                        &list);
    ASSERT_EQ_INT(list.len, 1);
    RlsBuf out;
    rls_buf_init(&out);
    ASSERT_EQ_INT(rls_edits_apply(casing_md, (uint32_t)strlen(casing_md), list.items[0].edits,
                                  list.items[0].n_edits, &out),
                  0);
    EXPECT_TRUE(strstr(out.data, "a JavaScript client and a Node.js API on PostgreSQL"));
    EXPECT_TRUE(strstr(out.data, "to Kubernetes on AWS from macOS hosts"));
    EXPECT_TRUE(strstr(out.data, "`nodejs` scripts; I go to meetups and react"));
    EXPECT_TRUE(strstr(out.data, "github.com/zoe"));
    Run again;
    run_open(&again, out.data, RLS_FORMAT_MARKDOWN, NULL);
    size_t left = 0;
    for (size_t i = 0; i < again.an.diags.len; i++)
        left += strcmp(again.an.diags.items[i].rule, "tech-casing") == 0 &&
                again.an.diags.items[i].severity == RLS_SEV_WARNING;
    EXPECT_EQ_INT(left, 0);
    run_close(&again);
    rls_buf_close(&out);
    rls_action_list_close(&list);
    run_close(&r);
}

static void test_tech_casing_in_latex_spares_commands_and_verbatim(void) {
    const char *tex = "\\documentclass{article}\n\\begin{document}\n"
                      "\\href{https://github.com/zoe}{Github} \\faGithub\\ zoe@example.com\n"
                      "\\section{Experience}\n"
                      "\\resumeSubheading{Développeuse}{2020 -- Present}{Café Ünïcode}{Zürich}\n"
                      "\\resumeItemListStart\n"
                      "\\resumeItem{Built a \\textbf{Typescript} client in \\texttt{nodejs}, "
                      "cutting load by 30\\%}\n"
                      "\\resumeItemListEnd\n\\end{document}\n";
    Run r;
    run_open(&r, tex, RLS_FORMAT_LATEX, NULL);
    /* The header's link is a contact detail, as written; the icon is a
     * command; \texttt is code. */
    EXPECT_EQ_INT(count(&r, "tech-casing"), 1);
    EXPECT_TRUE(covers(&r, find(&r, "tech-casing", 0), "Typescript"));
    run_close(&r);
    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_severity(&c, "tech-casing", RLS_SEV_OFF);
    run_open(&r, tex, RLS_FORMAT_LATEX, &c);
    EXPECT_EQ_INT(count(&r, "tech-casing"), 0);
    run_close(&r);
    rls_config_close(&c);
}

/* Where a name is code is read in one pass over the source (a scan back
 * from every name was quadratic): an argument of \texttt that runs over
 * lines is code to its closing brace, a paragraph break ends it, a closed
 * group before a name leaves it prose; in Markdown a backtick left open
 * ends with its line and a link's target with its bracket. */
static void test_tech_casing_reads_code_stretches_in_one_pass(void) {
    const char *tex = "\\documentclass{article}\n\\begin{document}\n"
                      "\\section{Experience}\n"
                      "\\textbf{Engineer}, Acme \\hfill 2020 -- 2022\n"
                      "\\begin{itemize}\n"
                      "\\item Wrote \\texttt{a long\nGithub action} and \\texttt{x} Javascript\n"
                      "\\item Kept \\url{broken\n\nTypescript} apart\n"
                      "\\end{itemize}\n\\end{document}\n";
    Run r;
    run_open(&r, tex, RLS_FORMAT_LATEX, NULL);
    EXPECT_EQ_INT(count(&r, "tech-casing"), 2);
    for (size_t i = 0; i < r.an.diags.len; i++) {
        const RlsDiag *d = &r.an.diags.items[i];
        if (strcmp(d->rule, "tech-casing") == 0)
            EXPECT_TRUE(covers(&r, d, "Javascript") || covers(&r, d, "Typescript"));
    }
    run_close(&r);
    const char *md = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                     "### Engineer, Acme — 2019 – 2022\n\n"
                     "- Wrote `a Github action` and a Javascript client, see [notes](Typescript)\n"
                     "- Ran `odd tick\n- Moved the Nodejs API\n";
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    size_t n = 0;
    for (size_t i = 0; i < r.an.diags.len; i++) {
        const RlsDiag *d = &r.an.diags.items[i];
        if (strcmp(d->rule, "tech-casing") != 0) continue;
        EXPECT_TRUE(covers(&r, d, "Javascript") || covers(&r, d, "Nodejs"));
        n++;
    }
    EXPECT_EQ_INT(n, 2);
    run_close(&r);
}

static void test_disable_comments_cover_tech_casing(void) {
    const char *md = "# Zoë\n\nzoe@example.com\n\n## Experience\n\n"
                     "### Développeuse, Café Ünïcode — 2020 – Present\n\n"
                     "<!-- resume-ls-disable-next-line tech-casing -->\n"
                     "- Built a Javascript client, cutting load by 30%\n"
                     "- Built a Typescript client, cutting load by 20%\n";
    Run r;
    run_open(&r, md, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "tech-casing"), 1);
    EXPECT_TRUE(covers(&r, find(&r, "tech-casing", 0), "Typescript"));
    run_close(&r);
}

static void test_a_long_generated_section_is_read_in_time(void) {
    /* 3000 entries in one section, in no order: the order is not read
     * (quadratic), the rest is linear. */
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_puts(&b, "# Zoë\n\nzoe@example.com\n\n## Experience\n\n");
    for (int i = 0; i < 3000; i++)
        rls_buf_printf(&b, "### Role %d, Acme — %d – %d\n\n- Cut costs by %d%%\n\n", i,
                       1950 + (i * 7) % 70, 1951 + (i * 7) % 70, i % 90 + 1);
    Run r;
    run_open(&r, b.data, RLS_FORMAT_MARKDOWN, NULL);
    EXPECT_EQ_INT(count(&r, "timeline-order"), 0);
    run_close(&r);
    rls_buf_close(&b);
}

static void test_the_bullet_hover_lists_tech_casing(void) {
    Run r;
    run_open(&r, casing_md, RLS_FORMAT_MARKDOWN, NULL);
    ASSERT_TRUE(r.an.model->n_bullets >= 3);
    char *h0 = rls_hover_bullet(r.an.model, &r.an.diags, NULL, NULL, NULL, 0);
    EXPECT_TRUE(strstr(h0, "**Fails**") && strstr(h0, "`tech-casing`: \"Javascript\""));
    rls_free(h0);
    char *h2 = rls_hover_bullet(r.an.model, &r.an.diags, NULL, NULL, NULL, 2);
    const char *passes = strstr(h2, "**Passes**");
    EXPECT_TRUE(passes && strstr(passes, "`tech-casing`"));
    rls_free(h2);
    /* Turned off, it checks nothing, so the hover does not say it passes. */
    RlsConfig off;
    rls_config_init(&off);
    rls_config_set_severity(&off, "tech-casing", RLS_SEV_OFF);
    char *h2_off = rls_hover_bullet(r.an.model, &r.an.diags, NULL, NULL, &off, 2);
    passes = strstr(h2_off, "**Passes**");
    EXPECT_TRUE(passes && !strstr(passes, "`tech-casing`") && strstr(passes, "`weak-opener`"));
    rls_free(h2_off);
    rls_config_close(&off);
    run_close(&r);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_date_invalid_end_before_start_future_start_and_month_13),
        RLS_TEST(test_date_invalid_says_nothing_of_normal_timelines),
        RLS_TEST(test_the_date_grammar_finds_months_that_do_not_exist),
        RLS_TEST(test_timeline_order_moves_the_entry_whole_in_markdown),
        RLS_TEST(test_timeline_order_moves_the_entry_whole_with_crlf),
        RLS_TEST(test_timeline_order_moves_the_entry_whole_in_latex),
        RLS_TEST(test_timeline_order_move_keeps_the_blank_lines_between_entries),
        RLS_TEST(test_timeline_order_spares_overlaps_year_only_and_undated_entries),
        RLS_TEST(test_timeline_order_said_once_for_a_list_oldest_first),
        RLS_TEST(test_timeline_order_says_down_when_the_place_is_below),
        RLS_TEST(test_timeline_order_reads_one_employer_as_one_unit),
        RLS_TEST(test_timeline_gap_over_six_months_as_information),
        RLS_TEST(test_timeline_gap_spares_studies_overlaps_and_year_only_dates),
        RLS_TEST(test_disable_comments_cover_the_timeline_rules),
        RLS_TEST(test_tech_casing_flags_official_names_written_wrong),
        RLS_TEST(test_tech_casing_leaves_a_lower_case_list_alone),
        RLS_TEST(test_tech_casing_fix_is_safe_and_fix_all_applies_it),
        RLS_TEST(test_tech_casing_in_latex_spares_commands_and_verbatim),
        RLS_TEST(test_tech_casing_reads_code_stretches_in_one_pass),
        RLS_TEST(test_disable_comments_cover_tech_casing),
        RLS_TEST(test_a_long_generated_section_is_read_in_time),
        RLS_TEST(test_the_bullet_hover_lists_tech_casing),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
