/* Tests for whether a heading's words name a section or something inside
 * one (server/model/heading_reader.c): words in, no parser. */
#include "model/heading_reader.h"
#include "test.h"

static void test_section_wordings_and_entry_headings_apart(void) {
    static const struct {
        const char *words;
        bool section, standard, deep_sibling;
    } cases[] = {
        {"awards", true, true, true},
        /* Not standard, but a section wording and nothing more. */
        {"public speaking", true, false, true},
        /* Holds a section's word, is no section wording. */
        {"project engineer | wipro", true, false, false},
        {"engineer, acme (2021)", false, false, false},
        /* Holds a section word ("project"), and names a role. */
        {"project manager", true, false, false},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        const char *w = cases[i].words;
        size_t n = strlen(w);
        EXPECT_EQ_INT(rls_heading_reader_names_section(w, n, true), cases[i].standard);
        EXPECT_EQ_INT(rls_heading_reader_names_section(w, n, false), cases[i].section);
        EXPECT_EQ_INT(rls_heading_reader_deep_sibling_section(w, n), cases[i].deep_sibling);
    }
    EXPECT_TRUE(rls_heading_reader_bare_words("formation", 9));
    EXPECT_TRUE(!rls_heading_reader_bare_words("engineer 2021", 13));
    EXPECT_TRUE(!rls_heading_reader_has_words(" * ", 3));
    EXPECT_TRUE(rls_heading_reader_has_words("\xE9\xA1\xB9\xE7\x9B\xAE", 6));
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_section_wordings_and_entry_headings_apart),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
