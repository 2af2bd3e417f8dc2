/*
 * top_line_test.c - where findings about the whole document go
 * (rls_resume_top_line): on the first line a reader sees, through the real
 * parsers, never inside YAML front matter, a LaTeX preamble or a comment
 * block, so that the editor shows them at the name and a suppression comment
 * above that line silences them.
 */
#include <string.h>

#include "rls/analysis.h"
#include "rls/parse.h"
#include "test.h"

/* The source line of the first finding of rule, or NULL. */
static char *finding_line(RlsFormat format, const char *src, const char *rule) {
    RlsParser *p = rls_parser_new(format);
    RlsAnalysis an;
    rls_analysis_init(&an);
    rls_analyze(&an, p, src, (uint32_t)strlen(src), NULL);
    char *line = NULL;
    for (size_t i = 0; i < an.diags.len && !line; i++) {
        const RlsDiag *d = &an.diags.items[i];
        if (strcmp(d->rule, rule) != 0) continue;
        line = rls_strndup(src + d->span.start_byte, d->span.end_byte - d->span.start_byte);
    }
    rls_analysis_close(&an);
    rls_parser_delete(p);
    return line;
}

static void expect_line(RlsFormat format, const char *src, const char *rule, const char *want) {
    char *got = finding_line(format, src, rule);
    EXPECT_STR_EQ(got ? got : "(none)", want);
    rls_free(got);
}

static void test_markdown_front_matter_and_comments_are_skipped(void) {
    const char *src = "---\r\nlayout: cv\r\ntitle: Zoë's CV\r\n---\r\n"
                      "<!-- draft: do not send -->\r\n\r\n"
                      "# Zoë Martín-Li 🚀\r\n\r\n## Experience\r\n\r\n"
                      "- Cut p99 latency from 1.2s to 240ms by adding Redis caching.\r\n";
    expect_line(RLS_FORMAT_MARKDOWN, src, "missing-section", "# Zoë Martín-Li 🚀");
    expect_line(RLS_FORMAT_MARKDOWN, src, "contact-missing", "# Zoë Martín-Li 🚀");
}

static void test_latex_preamble_is_skipped(void) {
    const char *src = "% resume of 李华\n\\documentclass{article}\n\\usepackage{hyperref}\n"
                      "\\begin{document}\n\\begin{center}\\textbf{李华 Li Hua}\\end{center}\n"
                      "\\section{Experience}\n\\begin{itemize}\n"
                      "\\item Cut build time from 40 to 12 minutes by caching Docker layers.\n"
                      "\\end{itemize}\n\\end{document}\n";
    expect_line(RLS_FORMAT_LATEX, src, "missing-section",
                "\\begin{center}\\textbf{李华 Li Hua}\\end{center}");
}

static void test_a_headingless_start_falls_back_to_the_first_line(void) {
    RlsParser *p = rls_parser_new(RLS_FORMAT_MARKDOWN);
    const char *blank = " \n\t\n";
    RlsResume *m = rls_parser_parse(p, blank, (uint32_t)strlen(blank), NULL);
    RlsSpan s = rls_resume_top_line(m, blank, (uint32_t)strlen(blank));
    EXPECT_EQ_INT(s.start_byte, 0);
    EXPECT_EQ_INT(s.end_byte, 0);
    rls_resume_delete(m);
    const char *src = "\n\n## Experience\n- Shipped 3 releases.\n";
    m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    s = rls_resume_top_line(m, src, (uint32_t)strlen(src));
    EXPECT_EQ_INT(s.start_byte, 2);
    EXPECT_EQ_INT(s.end_byte, 15);
    rls_resume_delete(m);
    rls_parser_delete(p);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_markdown_front_matter_and_comments_are_skipped),
        RLS_TEST(test_latex_preamble_is_skipped),
        RLS_TEST(test_a_headingless_start_falls_back_to_the_first_line),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
