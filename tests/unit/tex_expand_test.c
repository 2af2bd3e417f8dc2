/*
 * tex_expand_test.c - resumes that define their own LaTeX macros read by
 * what the macros expand to (server/parse/tex_expand.c): headings, entries
 * and bullets written through an author's \newcommand, \NewDocumentCommand,
 * \def or \newenvironment, with spans mapped back to the exact source bytes
 * and text a definition wrote kept out of reach of edits.
 */
#include "parse/tex_expand.h"
#include "parse/tex_internal.h"
#include "rls/parse.h"
#include "test.h"

static RlsResume *parse(const char *src) {
    RlsParser *p = rls_parser_new(RLS_FORMAT_LATEX);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    rls_parser_delete(p);
    return m;
}

static bool span_is(const char *src, RlsSpan span, const char *text) {
    size_t n = strlen(text);
    return span.end_byte - span.start_byte == n && !memcmp(src + span.start_byte, text, n);
}

/* The plain bytes of `word` inside p map to exactly `word` in the source. */
static bool word_maps_exactly(const char *src, const RlsPlain *p, const char *word) {
    const char *at = strstr(p->text, word);
    if (!at) return false;
    uint32_t s = (uint32_t)(at - p->text), e = s + (uint32_t)strlen(word);
    RlsSpan span;
    if (rls_plain_to_source(p, s, e, &span) != 0) return false;
    return span_is(src, span, word);
}

static void test_four_argument_heading_macro_makes_dated_entries(void) {
    const char *src =
        "\\newcommand{\\jobhead}[4]{\\textbf{#1} \\hfill #2 \\\\ \\textit{#3} \\hfill #4}\n"
        "\\begin{document}\n\\section{Experience}\n"
        "\\jobhead{Ingénieure logiciel}{Jan 2020 -- Present}{Société Générale}{Paris}\n"
        "\\begin{itemize}\n\\item Réduit la latence de 40\\%\n\\item Migré 12 services\n"
        "\\end{itemize}\n"
        "\\jobhead{Intern}{Jun 2018 -- Aug 2018}{東京データ株式会社}{Tokyo}\n"
        "\\begin{itemize}\n\\item Built the 日本語 search index\n\\end{itemize}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_TRUE(m->entries[0].dates.valid);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2020);
    EXPECT_TRUE(m->entries[0].dates.end.present);
    EXPECT_TRUE(span_is(src, m->entries[0].dates.span, "Jan 2020 -- Present"));
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2018);
    ASSERT_EQ_INT(m->n_bullets, 3);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_EQ_INT(m->bullets[2].entry, 1);
    EXPECT_STR_EQ(m->bullets[2].plain.text, "Built the 日本語 search index");
    EXPECT_TRUE(word_maps_exactly(src, &m->bullets[2].plain, "日本語"));
    /* Every span lies in the source. */
    for (uint32_t i = 0; i < m->n_entries; i++)
        EXPECT_TRUE(m->entries[i].span.end_byte <= strlen(src));
    bool org = false;
    for (uint32_t i = 0; i < m->n_entries; i++)
        org |= (m->entries[i].org && strstr(m->entries[i].org, "東京データ")) ||
               (m->entries[i].title && strstr(m->entries[i].title, "東京データ")) ||
               (m->entries[i].location && strstr(m->entries[i].location, "東京データ"));
    EXPECT_TRUE(org);
    EXPECT_EQ_INT(m->src_len, strlen(src));
    rls_resume_delete(m);
}

static void test_seven_argument_entry_macro_holds_its_bullets(void) {
    const char *src =
        "\\newcommand{\\myentry}[7]{%\n"
        "  \\noindent\\textbf{#1}, #2 \\hfill #3 -- #4\\\\\n"
        "  \\textit{#5} \\hfill #6\n"
        "  \\begin{itemize}#7\\end{itemize}}\n"
        "\\begin{document}\n\\section{Work Experience}\n"
        "\\myentry{Acme Corp}{Zürich}{Mar 2019}{Dec 2021}{Data Engineer}{Full-time}{\n"
        "  \\item Cut nightly batch time from 6h to 2h\n"
        "  \\item Wrote the café ordering API}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_TRUE(m->entries[0].dates.valid);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2019);
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2021);
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_EQ_INT(m->bullets[1].entry, 0);
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Wrote the café ordering API");
    /* A finding on "café" points at the exact bytes inside the argument. */
    EXPECT_TRUE(word_maps_exactly(src, &m->bullets[1].plain, "café"));
    EXPECT_TRUE(span_is(src, m->bullets[1].span, "Wrote the café ordering API"));
    rls_resume_delete(m);
}

static void test_organisation_first_dated_subsection_macro(void) {
    const char *src = "\\newcommand{\\orgsub}[3]{\\subsection*{#1 \\hfill #3}\\textit{#2}\\par}\n"
                      "\\begin{document}\n\\section{Experience}\n"
                      "\\orgsub{Globex}{Senior Analyst}{2016 -- 2019}\n"
                      "\\begin{itemize}\n\\item Built the pricing model\n\\end{itemize}\n"
                      "\\orgsub{Initech}{Analyst}{2014 -- 2016}\n"
                      "\\begin{itemize}\n\\item Automated TPS reports\n\\end{itemize}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_TRUE(m->entries[0].dates.valid);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2016);
    EXPECT_EQ_INT(m->entries[1].dates.end.year, 2016);
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_EQ_INT(m->bullets[1].entry, 1);
    rls_resume_delete(m);
}

static void test_environment_per_role_with_begin_and_end_code(void) {
    const char *src =
        "\\newenvironment{role}[3]{\\textbf{#1} \\hfill #3\\\\ \\textit{#2}\\begin{itemize}}"
        "{\\end{itemize}}\n"
        "\\begin{document}\n\\section{Experience}\n"
        "\\begin{role}{Staff Engineer}{Umbrella Labs}{2021 -- Present}\n"
        "\\item Led the storage team\n\\item Shipped the new indexer\n\\end{role}\n"
        "\\begin{role}{Engineer}{Hooli}{2017 -- 2021}\n\\item Scaled search\n\\end{role}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2021);
    ASSERT_EQ_INT(m->n_bullets, 3);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_EQ_INT(m->bullets[1].entry, 0);
    EXPECT_EQ_INT(m->bullets[2].entry, 1);
    EXPECT_TRUE(span_is(src, m->bullets[2].span, "Scaled search"));
    rls_resume_delete(m);
}

static void test_xparse_command_with_optional_middle_argument(void) {
    const char *src = "\\NewDocumentCommand{\\gig}{m o m}{\\textbf{#1} \\hfill #3\\par}\n"
                      "\\NewDocumentCommand\\point{m}{\\item #1}\n"
                      "\\begin{document}\n\\section{Experience}\n"
                      "\\gig{Tech Lead}[remote]{2019 -- 2022}\n"
                      "\\begin{itemize}\n\\point{Hired five engineers}\n\\end{itemize}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2019);
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Hired five engineers");
    EXPECT_TRUE(span_is(src, m->bullets[0].span, "Hired five engineers"));
    rls_resume_delete(m);
}

/* A definition's tests of its own arguments are decided at each call:
 * the branch taken is written, the other is not, and the test's name
 * leaves nothing behind ("\\IfValueT{#2}{, #2}" writes ", Porto" or
 * nothing; left as it was, both calls would run the role into the place). */
static void test_argument_tests_write_the_branch_taken(void) {
    const char *src = "\\NewDocumentCommand{\\gig}{s m o}{\\textit{#2}\\IfValueT{#3}{, #3}"
                      "\\IfBooleanTF{#1}{ (contract)}{}\\par}\n"
                      "\\newcommand{\\place}[2]{#1\\ifthenelse{\\equal{#2}{}}{}{ in #2}\\par}\n"
                      "\\newcommand{\\note}[1]{\\ifblank{#1}{none}{#1}\\par}\n"
                      "\\begin{document}\n\\section{Summary}\n"
                      "\\gig{Data Engineer}[Porto]\n\n\\gig*{Tester}\n\n"
                      "\\place{Harbour Lab}{}\n\n\\place{Dock Works}{Gdynia}\n\n"
                      "\\note{ }\n\n\\note{kept}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    static const char *const want[] = {"Data Engineer, Porto",
                                       "Tester (contract)",
                                       "Harbour Lab",
                                       "Dock Works in Gdynia",
                                       "none",
                                       "kept"};
    ASSERT_EQ_INT(m->n_paragraphs, RLS_ARRAY_LEN(want));
    for (size_t i = 0; i < RLS_ARRAY_LEN(want); i++)
        EXPECT_STR_EQ(m->paragraphs[i].plain.text, want[i]);
    /* The argument in the branch is still the call's own text. */
    EXPECT_TRUE(word_maps_exactly(src, &m->paragraphs[0].plain, "Porto"));
    rls_resume_delete(m);
}

static void test_optional_argument_default_is_generated_text(void) {
    /* "[2][Remote]": the default lands in the text, but no source bytes
     * hold it, so an edit of it is refused instead of replacing the call. */
    const char *src = "\\newcommand{\\bul}[2][Remote]{\\item #2 (#1)}\n"
                      "\\begin{document}\n\\section{Experience}\n\\begin{itemize}\n"
                      "\\bul{Ran the on-call rota}\n\\bul[Berlin]{Mentored two juniors}\n"
                      "\\end{itemize}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_bullets, 2);
    const RlsPlain *p = &m->bullets[0].plain;
    EXPECT_STR_EQ(p->text, "Ran the on-call rota (Remote)");
    uint32_t at = (uint32_t)(strstr(p->text, "Remote") - p->text);
    RlsSpan span;
    EXPECT_EQ_INT(rls_plain_to_source(p, at, at + 6, &span), RLS_EREFUSED);
    EXPECT_TRUE(rls_plain_is_generated(p, at, at + 6));
    /* The diagnostic still lands on the call. */
    RlsSpan cover = rls_plain_cover(p, at, at + 6);
    EXPECT_TRUE(span_is(src, cover, "\\bul{Ran the on-call rota}"));
    /* A word of the call's own argument is edited in place. */
    EXPECT_TRUE(word_maps_exactly(src, p, "on-call"));
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Mentored two juniors (Berlin)");
    EXPECT_TRUE(word_maps_exactly(src, &m->bullets[1].plain, "Berlin"));
    rls_resume_delete(m);
}

static void test_body_text_between_arguments_is_not_editable(void) {
    const char *src = "\\newcommand{\\did}[2]{\\item #1 at #2}\n"
                      "\\begin{document}\n\\section{Experience}\n\\begin{itemize}\n"
                      "\\did{Built dashboards}{Initech}\n\\end{itemize}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_bullets, 1);
    const RlsPlain *p = &m->bullets[0].plain;
    EXPECT_STR_EQ(p->text, "Built dashboards at Initech");
    uint32_t at = (uint32_t)(strstr(p->text, " at ") - p->text);
    RlsSpan span;
    EXPECT_EQ_INT(rls_plain_to_source(p, at + 1, at + 3, &span), RLS_EREFUSED);
    /* Crossing from an argument into the definition's text is refused too. */
    EXPECT_EQ_INT(rls_plain_to_source(p, 0, at + 3, &span), RLS_EREFUSED);
    EXPECT_TRUE(word_maps_exactly(src, p, "dashboards"));
    EXPECT_TRUE(word_maps_exactly(src, p, "Initech"));
    rls_resume_delete(m);
}

static void test_def_macro_and_crlf_source(void) {
    const char *src = "\\def\\pos#1#2{\\textbf{#1} \\hfill #2\\par}\r\n"
                      "\\begin{document}\r\n\\section{Experience}\r\n"
                      "\\pos{Designer 🎨 at Initrode}{2012 -- 2015}\r\n"
                      "\\begin{itemize}\r\n\\item Drew 300 icons\r\n\\end{itemize}\r\n"
                      "\\end{document}\r\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2012);
    EXPECT_TRUE(span_is(src, m->entries[0].dates.span, "2012 -- 2015"));
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    rls_resume_delete(m);
}

static void test_self_recursive_macro_expands_once(void) {
    const char *src = "\\newcommand\\a{x\\a}\n\\begin{document}\n\\section{Skills}\n\\a\\a\n"
                      "\\end{document}\n";
    RlsTexExpansion *x = rls_tex_expand(src, (uint32_t)strlen(src), NULL);
    ASSERT_TRUE(x != NULL);
    uint32_t len;
    const char *t = rls_tex_expansion_text(x, &len);
    EXPECT_TRUE(strstr(t, "x\\ax\\a\n") != NULL);
    rls_tex_expansion_delete(x);
    RlsResume *m = parse(src);
    EXPECT_EQ_INT(m->n_sections, 1);
    rls_resume_delete(m);
}

static void test_expansion_stops_at_its_budget(void) {
    /* Each call doubles; a thousand calls of a 64-byte body would be far
     * more than four times the source. */
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_puts(&b, "\\newcommand\\big{");
    for (int i = 0; i < 64; i++)
        rls_buf_puts(&b, "0123456789");
    rls_buf_puts(&b, "}\n");
    for (int i = 0; i < 1000; i++)
        rls_buf_puts(&b, "\\big ");
    RlsTexExpansion *x = rls_tex_expand(b.data, (uint32_t)b.len, NULL);
    ASSERT_TRUE(x != NULL);
    uint32_t len;
    rls_tex_expansion_text(x, &len);
    EXPECT_TRUE(len <= b.len * 5 + 4096);
    EXPECT_TRUE(len > b.len);
    rls_tex_expansion_delete(x);
    rls_buf_close(&b);
}

static void test_no_own_macro_means_no_expansion(void) {
    /* Template macros keep their table meaning; a document without calls
     * of its own macros is read as it is. */
    const char *src = "\\newcommand{\\resumeItem}[1]{\\item\\small{#1}}\n"
                      "\\newcommand{\\unused}[1]{\\item #1}\n"
                      "\\begin{document}\n\\section{Experience}\n\\begin{itemize}\n"
                      "\\resumeItem{Did things}\n\\end{itemize}\n\\end{document}\n";
    EXPECT_TRUE(rls_tex_expand(src, (uint32_t)strlen(src), NULL) == NULL);
    const char *plain = "\\begin{document}\n\\section{Skills}\nC, Go\n\\end{document}\n";
    EXPECT_TRUE(rls_tex_expand(plain, (uint32_t)strlen(plain), NULL) == NULL);
}

static void test_configured_macro_wins_over_the_definition(void) {
    const char *src = "\\newcommand{\\job}[2]{\\item #1 #2}\n"
                      "\\begin{document}\n\\section{Experience}\n"
                      "\\job{Analyst}{2019 -- 2020}\n\\end{document}\n";
    RlsParseOptions opts;
    memset(&opts, 0, sizeof(opts));
    RlsMacroSpec mc = {
        .name = (char *)"job", .role = RLS_MACRO_ENTRY, .title_arg = 1, .dates_arg = 2};
    opts.macros = &mc;
    opts.n_macros = 1;
    EXPECT_TRUE(rls_tex_expand(src, (uint32_t)strlen(src), &opts) == NULL);
    RlsTexExpansion *x = rls_tex_expand(src, (uint32_t)strlen(src), NULL);
    EXPECT_TRUE(x != NULL);
    rls_tex_expansion_delete(x);
}

static void test_release_queries(void) {
    rls_tex_queries_release();
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_four_argument_heading_macro_makes_dated_entries),
        RLS_TEST(test_seven_argument_entry_macro_holds_its_bullets),
        RLS_TEST(test_organisation_first_dated_subsection_macro),
        RLS_TEST(test_environment_per_role_with_begin_and_end_code),
        RLS_TEST(test_xparse_command_with_optional_middle_argument),
        RLS_TEST(test_argument_tests_write_the_branch_taken),
        RLS_TEST(test_optional_argument_default_is_generated_text),
        RLS_TEST(test_body_text_between_arguments_is_not_editable),
        RLS_TEST(test_def_macro_and_crlf_source),
        RLS_TEST(test_self_recursive_macro_expands_once),
        RLS_TEST(test_expansion_stops_at_its_budget),
        RLS_TEST(test_no_own_macro_means_no_expansion),
        RLS_TEST(test_configured_macro_wins_over_the_definition),
        RLS_TEST(test_release_queries),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
