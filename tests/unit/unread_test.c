/* Tests that a file whose roles went unread says so (rule
 * unread-structure) instead of showing an empty list, in both formats, and
 * that a resume with nothing unread stays quiet. */
#include "rls/diag.h"
#include "rls/parse.h"
#include "rls/rules.h"
#include "test.h"

/* Findings of rule unread-structure on src: their count; the first's
 * message and line-start byte go to msg/at. */
static int unread(RlsFormat format, const char *src, char *msg, size_t cap, uint32_t *at) {
    RlsParser *p = rls_parser_new(format);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    RlsDiagList out;
    rls_diag_list_init(&out);
    rls_rules_run(m, src, (uint32_t)strlen(src), NULL, &out);
    int n = 0;
    msg[0] = '\0';
    for (size_t i = 0; i < out.len; i++) {
        if (strcmp(out.items[i].rule, "unread-structure") != 0) continue;
        if (n++ == 0) {
            snprintf(msg, cap, "%s", out.items[i].message);
            *at = out.items[i].span.start_byte;
            EXPECT_EQ_INT(out.items[i].severity, RLS_SEV_INFO);
        }
    }
    rls_diag_list_close(&out);
    rls_resume_delete(m);
    rls_parser_delete(p);
    return n;
}

static void test_a_resume_in_a_code_block_says_what_was_read(void) {
    char msg[512];
    uint32_t at = 99;
    const char *src = "# Zoë\r\n\r\n```\r\nExperience\r\n  Engineer, Acme 2019 - 2021\r\n"
                      "  - Built the 東京 office API 🚀\r\n  - Cut costs 20%\r\n"
                      "Education\r\n  BSc, MIT 2015 - 2019\r\n```\r\n";
    ASSERT_EQ_INT(unread(RLS_FORMAT_MARKDOWN, src, msg, sizeof(msg), &at), 1);
    EXPECT_TRUE(strstr(msg, "read 0 roles and 0 bullets") != NULL);
    EXPECT_TRUE(strstr(msg, "code block") != NULL);
    EXPECT_EQ_INT(at, 0);
}

static void test_dated_lines_no_role_owns_are_reported(void) {
    char msg[512];
    uint32_t at = 99;
    const char *src = "# Ada\n\n## Experience\n\nI worked at Acme from 2019 to 2021 and then "
                      "moved on to other things in my career, which I describe below at length.\n\n"
                      "- built things people used every day\n";
    ASSERT_EQ_INT(unread(RLS_FORMAT_MARKDOWN, src, msg, sizeof(msg), &at), 1);
    EXPECT_TRUE(strstr(msg, "read 0 roles and 0 bullets") != NULL);
    EXPECT_TRUE(strstr(msg, "resume-ls outline") != NULL);
}

static void test_latex_items_without_a_recognised_role_name_the_macros_setting(void) {
    char msg[512];
    uint32_t at = 99;
    const char *src = "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n"
                      "Engineer at Acme, a firm I joined in 2019 and left in 2021 for good "
                      "reasons.\n\n\\begin{itemize}\n"
                      "\\item Built the API\n\\end{itemize}\n\\end{document}\n";
    int n = unread(RLS_FORMAT_LATEX, src, msg, sizeof(msg), &at);
    ASSERT_EQ_INT(n, 1);
    EXPECT_TRUE(strstr(msg, "macros") != NULL);
}

/* A class this file does not define nor resume-ls know: its macros' text is
 * kept, but no section or role is found, and the whole file is a header. */
static void test_a_file_read_as_one_header_block_with_spans_of_time_is_unread(void) {
    char msg[512];
    uint32_t at = 99;
    const char *src = "\\documentclass{foreign}\n\\begin{document}\n\\name{Ada Li}\n\n"
                      "\\myrole{Engineer}{Acme}{2019 -- 2021}\n\n"
                      "\\myrole{Analyst}{Initech}{2016 -- 2019}\n\\end{document}\n";
    ASSERT_EQ_INT(unread(RLS_FORMAT_LATEX, src, msg, sizeof(msg), &at), 1);
    EXPECT_TRUE(strstr(msg, "read 0 roles") != NULL);
    /* One date of the header's own is no role. */
    EXPECT_EQ_INT(unread(RLS_FORMAT_MARKDOWN, "# Ada Li\n\nada@example.com, updated May 2024\n",
                         msg, sizeof(msg), &at),
                  0);
}

/* Roles whose descriptions are prose, and a project written as one list
 * item: nothing is unread. */
static void test_project_items_without_entries_are_not_unread(void) {
    char msg[512];
    uint32_t at = 0;
    const char *src = "# Ada\n\n## Experience\n\n### Engineer | Acme | 2019 - 2021\n\n"
                      "Ran the billing platform.\n\n## Projects\n\n"
                      "- **ledgerlint**: a ledger checker in Go (300 stars)\n";
    EXPECT_EQ_INT(unread(RLS_FORMAT_MARKDOWN, src, msg, sizeof(msg), &at), 0);
}

static void test_a_header_and_skills_only_resume_is_quiet(void) {
    char msg[512];
    uint32_t at = 0;
    EXPECT_EQ_INT(unread(RLS_FORMAT_MARKDOWN,
                         "# Ada\n\nada@example.com\n\n## Skills\n\n- Go, C, SQL\n- Kafka\n", msg,
                         sizeof(msg), &at),
                  0);
    EXPECT_EQ_INT(unread(RLS_FORMAT_MARKDOWN,
                         "# Ada\n\n## Experience\n\n### Engineer | Acme | 2019 - 2021\n\n- Built "
                         "the API\n",
                         msg, sizeof(msg), &at),
                  0);
}

static void test_prizes_and_papers_outside_roles_are_not_unread(void) {
    char msg[512];
    uint32_t at = 99;
    const char *src = "# Li\n\n## Appointments\n\n**Assistant Professor**, Peking University, "
                      "2025 - present\n\n## Honors and Awards\n\n- Best Paper Award, 2023\n"
                      "- Outstanding Thesis Award, 2024\n\n## Publications\n\n- Li, C. (2024). "
                      "A paper. Journal of Economics.\n";
    EXPECT_EQ_INT(unread(RLS_FORMAT_MARKDOWN, src, msg, sizeof(msg), &at), 0);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_resume_in_a_code_block_says_what_was_read),
        RLS_TEST(test_dated_lines_no_role_owns_are_reported),
        RLS_TEST(test_latex_items_without_a_recognised_role_name_the_macros_setting),
        RLS_TEST(test_a_file_read_as_one_header_block_with_spans_of_time_is_unread),
        RLS_TEST(test_project_items_without_entries_are_not_unread),
        RLS_TEST(test_a_header_and_skills_only_resume_is_quiet),
        RLS_TEST(test_prizes_and_papers_outside_roles_are_not_unread),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
