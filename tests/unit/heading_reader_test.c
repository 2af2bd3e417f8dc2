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

static void test_a_heading_over_what_follows_is_a_group_label_or_an_entry(void) {
#define E RLS_SECTION_EXPERIENCE
#define O RLS_SECTION_OTHER
#define P RLS_SECTION_PUBLICATIONS
#define TA "Teaching Assistant, University of California, Davis"
    static const struct {
        RlsSectionKind kind;
        const char *heading;
        RlsNextBlock next;
        bool label;
    } cases[] = {
        /* An employer over its roles; a sibling heading or the end under it. */
        {E, "Acme Corp", {.kind = RLS_NEXT_HEADING, .level = 4}, false},
        {E, "Acme Corp", {.kind = RLS_NEXT_HEADING, .level = 3}, true},
        {E, "Acme Corp", {.kind = RLS_NEXT_NONE}, true},
        {E, "Senior Engineer", {.kind = RLS_NEXT_NONE}, false},
        /* In a section of roles, an undated heading over prose is an entry. */
        {E, "Acme Corp", {.kind = RLS_NEXT_PARAGRAPH}, false},
        {E, "Journals", {.kind = RLS_NEXT_PARAGRAPH, .opens_slot = true}, true},
        {P, "Selected Publications", {.kind = RLS_NEXT_ITEM}, true},
        {P, "Engineer, Acme (2019 - 2021)", {.kind = RLS_NEXT_ITEM}, false},
        /* Over a template, whatever it names. */
        {O, TA, {.kind = RLS_NEXT_PARAGRAPH, .template_only = true}, true},
        {O, TA, {.kind = RLS_NEXT_PARAGRAPH}, false},
        {O, "PhD", {.kind = RLS_NEXT_ITEM, .items_all_dated = true}, true},
        {O, "PhD", {.kind = RLS_NEXT_ITEM}, false},
        {O, "Research interests", {.kind = RLS_NEXT_PARAGRAPH}, true},
        {O, "Research interests", {.kind = RLS_NEXT_HTML}, true},
        {O, "Research interests", {.kind = RLS_NEXT_OTHER}, false},
        {O, "Research interests", {.kind = RLS_NEXT_PARAGRAPH, .opens_marked = true}, false},
        {O, "Research interests", {.kind = RLS_NEXT_PARAGRAPH, .first_line_dated = true}, false},
        {O, "Staff Engineer", {.kind = RLS_NEXT_PARAGRAPH}, false},
    };
#undef E
#undef O
#undef P
#undef TA
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsEntryFields f;
        rls_entry_fields_split(cases[i].heading, strlen(cases[i].heading), cases[i].kind, false,
                               &f);
        EXPECT_EQ_INT(rls_heading_reader_group_label(cases[i].kind, &f, &cases[i].next, 3),
                      cases[i].label);
        rls_entry_fields_close(&f);
    }
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_section_wordings_and_entry_headings_apart),
        RLS_TEST(test_a_heading_over_what_follows_is_a_group_label_or_an_entry),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
