/* Tests for what a short line next to an entry says about it
 * (server/model/entry_reader.c): plain text and entries in, no parser. */
#include "model/entry_reader.h"
#include "rls/alloc.h"
#include "rls/dates.h"
#include "test.h"

static const char *opt(const char *s) {
    return s ? s : "(null)";
}

static void entry_free(RlsEntry *e) {
    rls_free(e->title);
    rls_free(e->org);
    rls_free(e->location);
}

/* An entry made from a line of dates alone, spanning [0, 20). */
static RlsEntry dates_only(const char *dates) {
    RlsEntry e;
    memset(&e, 0, sizeof(e));
    size_t ds, de;
    EXPECT_TRUE(rls_date_range_find(dates, strlen(dates), &e.dates, &ds, &de));
    e.span = (RlsSpan){0, 20};
    return e;
}

static void test_a_dates_only_entry_takes_the_undated_fields_under_it(void) {
    static const struct {
        const char *dates, *heading;
        RlsSectionKind kind;
        const char *title, *org; /* NULL title: nothing moves */
    } cases[] = {
        {"März 2020 – heute", "Teamleiter Vertrieb, Bosch", RLS_SECTION_EXPERIENCE,
         "Teamleiter Vertrieb", "Bosch"},
        {"2012 - 2016", "BSc Physics, University of Leeds", RLS_SECTION_EDUCATION, "BSc Physics",
         "University of Leeds"},
        /* The heading has dates of its own: the line above is no part of it. */
        {"2019 - 2020", "Nurse, St Mary's, 2021 - 2023", RLS_SECTION_EXPERIENCE, NULL, NULL},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsEntry e = dates_only(cases[i].dates);
        RlsEntryFields f;
        rls_entry_fields_split(cases[i].heading, strlen(cases[i].heading), cases[i].kind, false,
                               &f);
        bool moved = rls_entry_reader_dates_above(&e, &f, 60);
        EXPECT_EQ_INT(moved, cases[i].title != NULL);
        if (cases[i].title) {
            EXPECT_STR_EQ(opt(e.title), cases[i].title);
            EXPECT_STR_EQ(opt(e.org), cases[i].org);
            EXPECT_EQ_INT(e.span.end_byte, 60);
            EXPECT_TRUE(!f.title && !f.org && !f.location);
        } else {
            EXPECT_TRUE(!e.title && !e.org && f.title);
            EXPECT_EQ_INT(e.span.end_byte, 20);
        }
        rls_entry_fields_close(&f);
        entry_free(&e);
    }
}

static void test_an_entry_with_a_name_takes_no_fields_from_below(void) {
    RlsEntry e = dates_only("2010 - 2011");
    e.org = rls_strdup("Initech");
    RlsEntryFields f;
    rls_entry_fields_split("Data Analyst", 12, RLS_SECTION_EXPERIENCE, false, &f);
    EXPECT_TRUE(!rls_entry_reader_dates_above(&e, &f, 60));
    EXPECT_STR_EQ(opt(e.org), "Initech");
    EXPECT_TRUE(!e.title);
    rls_entry_fields_close(&f);
    entry_free(&e);
}

static void test_labels_and_labelled_dates(void) {
    static const struct {
        const char *text;
        bool label, labelled_date;
    } cases[] = {
        {"GPA: 3.9", true, false},
        {"Last updated: 03/2024", true, true},
        {"Acme Corp: 2018", true, false},
        {"Check it out:", false, false},
        {"A very long label of words: x", false, false},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        const char *t = cases[i].text;
        EXPECT_EQ_INT(rls_entry_reader_label_prefix(t, strlen(t)), cases[i].label);
        EXPECT_EQ_INT(rls_entry_reader_labelled_date(t, strlen(t)), cases[i].labelled_date);
    }
}

static void test_a_role_line_under_an_entry_naming_none_is_its_title(void) {
    RlsEntry e;
    memset(&e, 0, sizeof(e));
    e.title = rls_strdup("Globex");
    const char *line = "Senior Engineer";
    EXPECT_TRUE(
        rls_entry_reader_role_line(NULL, RLS_SECTION_EXPERIENCE, &e, line, strlen(line), 90));
    EXPECT_STR_EQ(opt(e.title), "Senior Engineer");
    EXPECT_STR_EQ(opt(e.org), "Globex");
    EXPECT_EQ_INT(e.span.end_byte, 90);
    /* It names a role now: a second one does not replace it. */
    EXPECT_TRUE(!rls_entry_reader_role_line(NULL, RLS_SECTION_EXPERIENCE, &e, "Manager", 7, 99));
    entry_free(&e);
}

/* Under an employer's heading a role has completed, the next dated role
 * line naming no organisation is held there too; a line naming its own
 * organisation, an undated one, or one under a heading with no role yet
 * is not. */
static void test_the_next_role_under_an_employer_heading_is_held_there(void) {
    RlsEntry g;
    memset(&g, 0, sizeof(g));
    g.org = rls_strdup("Shopify");
    g.location = rls_strdup("Ottawa");
    RlsEntryFields f;
    const char *next = "Backend Developer (Mar 2016 – Apr 2019)";
    rls_entry_fields_split(next, strlen(next), RLS_SECTION_EXPERIENCE, false, &f);
    EXPECT_TRUE(!rls_entry_reader_next_role_at(&g, &f)); /* no role in the group yet */
    g.title = rls_strdup("Staff Developer");
    EXPECT_TRUE(rls_entry_reader_next_role_at(&g, &f));
    EXPECT_STR_EQ(opt(f.org), "Shopify");
    EXPECT_STR_EQ(opt(f.location), "Ottawa");
    rls_entry_fields_close(&f);
    static const char *const not_there[] = {"Backend Developer, Wealthsimple (2014 – 2016)",
                                            "Backend Developer", "Hackathon winner (2015)"};
    for (size_t i = 0; i < sizeof not_there / sizeof not_there[0]; i++) {
        rls_entry_fields_split(not_there[i], strlen(not_there[i]), RLS_SECTION_EXPERIENCE, false,
                               &f);
        char *org_before = f.org ? rls_strdup(f.org) : NULL;
        EXPECT_TRUE(!rls_entry_reader_next_role_at(&g, &f));
        EXPECT_STR_EQ(opt(f.org), opt(org_before));
        rls_free(org_before);
        rls_entry_fields_close(&f);
    }
    entry_free(&g);
}

static void test_which_lines_look_like_entries_by_text_and_layout(void) {
    static const struct {
        const char *text;
        uint32_t n_lines;
        bool starts_marked, whole_marked, entry;
    } cases[] = {
        {"Data Analyst, Globex | 2019 - 2022", 1, false, false, true},
        {"Data Analyst, Globex", 1, true, true, true},
        {"Data Analyst, Globex", 1, false, false, false},
        /* A sentence is prose, bold or not. */
        {"Led a team of five analysts and shipped the new dashboards in 2021.", 1, true, true,
         false},
        {"{{ item.degree }} in {{ item.field }}", 1, true, true, false},
        {"Data Analyst Globex Ltd 2019 - 2022", 3, true, false, true},
        {"Data Analyst Globex Ltd 2019 - 2022", 3, false, false, false},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        size_t len = strlen(cases[i].text);
        RlsLineLayout layout = {
            .n_lines = cases[i].n_lines,
            .starts_marked = cases[i].starts_marked,
            .marked_len = cases[i].whole_marked ? (uint32_t)len : 0,
        };
        EXPECT_EQ_INT(rls_entry_reader_looks_like_entry(cases[i].text, len, &layout),
                      cases[i].entry);
    }
}

static void test_symbols_as_markers_and_dates_with_a_name(void) {
    EXPECT_EQ_INT(rls_entry_reader_symbol_marker("\xE2\x80\xA2  Led", 8), 5);
    EXPECT_EQ_INT(rls_entry_reader_symbol_marker("\xF0\x9F\x94\x8E Focus", 10), 5);
    EXPECT_EQ_INT(rls_entry_reader_symbol_marker("\xE2\x80\xA2", 3), 0);
    EXPECT_EQ_INT(rls_entry_reader_symbol_marker("Led", 3), 0);
    const char *line = "Acme, 2020 - 2022";
    EXPECT_TRUE(rls_entry_reader_names_beyond_dates(line, strlen(line), 6, strlen(line)));
    EXPECT_TRUE(!rls_entry_reader_names_beyond_dates("2020 - 2022", 11, 0, 11));
}

static void test_a_bold_name_over_a_list_and_a_bold_label_over_headings(void) {
    static const struct {
        const char *text;
        uint32_t n_lines, marked_end, marked_len;
        bool names_list, label;
    } cases[] = {
        /* "**resume-ls** — a language server for resumes" */
        {"resume-ls \xE2\x80\x94 a language server for resumes", 1, 9, 9, true, false},
        /* "**Stack**: Go, Postgres": a label. */
        {"Stack: Go, Postgres", 1, 5, 5, false, false},
        /* Ends in a colon or a full stop: a lead-in or a sentence. */
        {"Acme Corp builds rockets:", 1, 9, 9, false, false},
        {"Acme Corp builds rockets.", 1, 9, 9, false, false},
        /* No bold name at its start. */
        {"resume-ls, a language server", 1, 0, 0, false, false},
        /* A bold name of seven words is a sentence's opening. */
        {"one two three four five six seven", 1, 33, 33, false, false},
        {"Earlier roles", 1, 0, 13, false, true},
        {"Engineer | Globex", 1, 0, 17, false, false},
        {"Earlier roles 2015 - 2019", 1, 0, 25, false, false},
        {"Earlier roles at three small startups abroad", 1, 0, 44, false, false},
        /* Less than 80% of it in bold. */
        {"Earlier roles elsewhere", 1, 0, 13, false, false},
        {"Earlier roles", 2, 0, 13, false, false},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        size_t len = strlen(cases[i].text);
        RlsLineLayout layout = {
            .n_lines = cases[i].n_lines,
            .starts_marked = cases[i].marked_len > 0,
            .marked_len = cases[i].marked_len,
            .marked_end = cases[i].marked_end,
        };
        EXPECT_EQ_INT(rls_entry_reader_names_a_list(cases[i].text, len, &layout),
                      cases[i].names_list);
        EXPECT_EQ_INT(rls_entry_reader_bold_label(cases[i].text, len, &layout), cases[i].label);
    }
}

static void test_date_slots_their_labels_name_lines_and_siblings(void) {
    RlsDateRange r;
    const char *terms = "Spring 2022, Spring 2023; Summer 2025";
    EXPECT_TRUE(rls_entry_reader_slot_dates(terms, strlen(terms), &r));
    EXPECT_EQ_INT(r.start.year, 2022);
    EXPECT_EQ_INT(r.end.year, 2025);
    EXPECT_TRUE(rls_entry_reader_slot_dates("2012", 4, &r) && r.start.year == 2012);
    /* Out of order, one item only, or an item that is no date. */
    const char *back = "2023, 2021";
    EXPECT_TRUE(!rls_entry_reader_slot_dates(back, strlen(back), &r));
    const char *word = "2021, Oslo";
    EXPECT_TRUE(!rls_entry_reader_slot_dates(word, strlen(word), &r));
    EXPECT_TRUE(!rls_entry_reader_slot_dates("Side project", 12, &r));

    EXPECT_TRUE(rls_entry_reader_slot_label(RLS_SECTION_PROJECTS, "Side project", 12));
    EXPECT_TRUE(rls_entry_reader_slot_label(RLS_SECTION_PROJECTS, "Open source work", 16));
    EXPECT_TRUE(!rls_entry_reader_slot_label(RLS_SECTION_PUBLICATIONS, "Side project", 12));
    EXPECT_TRUE(!rls_entry_reader_slot_label(RLS_SECTION_PROJECTS, "Q3 project", 10));
    EXPECT_TRUE(!rls_entry_reader_slot_label(RLS_SECTION_PROJECTS, "a b c d", 7));
    const char *long_label = "A side project of many months";
    EXPECT_TRUE(rls_entry_reader_slot_label(RLS_SECTION_PROJECTS, "Aside", 5));
    EXPECT_TRUE(!rls_entry_reader_slot_label(RLS_SECTION_PROJECTS, long_label, 31));

    const char *place = "American Statistical Association, Alexandria, VA  ";
    EXPECT_TRUE(rls_entry_reader_slot_name_line(place, strlen(place)));
    const char *prose = "Ran the weekly reporting for three clients.";
    EXPECT_TRUE(!rls_entry_reader_slot_name_line(prose, strlen(prose)));
    EXPECT_TRUE(!rls_entry_reader_slot_name_line("   ", 3));
    char wide[90];
    memset(wide, 'a', sizeof(wide));
    EXPECT_TRUE(rls_entry_reader_slot_name_line(wide, 80));
    EXPECT_TRUE(!rls_entry_reader_slot_name_line(wide, 81));

    const char *plain = "Associate, French Academy of Science, Paris, France";
    const char *fields = "Associate,  | French Academy of Science | , Paris, France";
    EXPECT_TRUE(rls_entry_reader_slot_sibling(NULL, RLS_SECTION_AWARDS, plain, strlen(plain),
                                              fields, strlen(fields)));
    EXPECT_TRUE(!rls_entry_reader_slot_sibling(NULL, RLS_SECTION_PUBLICATIONS, plain, strlen(plain),
                                               fields, strlen(fields)));
    /* A sentence is prose whatever its fields split into. */
    const char *sentence = "Associate, French Academy of Science, Paris, France, since it began.";
    EXPECT_TRUE(!rls_entry_reader_slot_sibling(NULL, RLS_SECTION_AWARDS, sentence, strlen(sentence),
                                               fields, strlen(fields)));
}

static void test_definitions_under_a_term(void) {
    EXPECT_TRUE(rls_entry_reader_term_groups(RLS_SECTION_AWARDS));
    EXPECT_TRUE(!rls_entry_reader_term_groups(RLS_SECTION_EXPERIENCE));

    const char *prose = "Thesis on graph search in large networks.";
    EXPECT_TRUE(rls_entry_reader_definition_prose(prose, strlen(prose), true));
    EXPECT_TRUE(!rls_entry_reader_definition_prose(prose, strlen(prose), false));
    EXPECT_TRUE(!rls_entry_reader_definition_prose("HomeTown", 8, true));
    EXPECT_TRUE(rls_entry_reader_definition_prose("Graph search in large networks.", 31, true));
    EXPECT_TRUE(!rls_entry_reader_definition_prose("Graph search in networks.", 25, true));

    static const struct {
        const char *term, *def;
        bool marked, field;
    } cases[] = {
        {"12/2020-Present", "VMware, Solutions Architect", true, true},
        {"12/2020-Present", "Houston, TX", false, true},
        /* A sentence under the term is prose, unless it opens marked. */
        {"12/2020-Present", "Built the migration tooling for teams.", false, false},
        {"12/2020-Present", "Built the migration tooling for teams.", true, true},
        {"12/2020-Present", "GPA: 3.7/4.0", false, false},
        /* Nine words: a field under a dated term, prose under an undated one. */
        {"12/2020-Present", "one two three four five six seven eight nine", false, true},
        {"VMware", "one two three four five six seven eight nine", false, false},
        {"VMware", "one two three four five six seven eight nine", true, true},
        {"12/2020-Present", "a b c d e f g h i j k l m n o", true, false},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++)
        EXPECT_EQ_INT(rls_entry_reader_definition_field(cases[i].term, strlen(cases[i].term),
                                                        cases[i].def, strlen(cases[i].def),
                                                        cases[i].marked),
                      cases[i].field);
    char wide[101];
    memset(wide, 'a', sizeof(wide));
    EXPECT_TRUE(rls_entry_reader_definition_field("2020", 4, wide, 100, true));
    EXPECT_TRUE(!rls_entry_reader_definition_field("2020", 4, wide, 101, true));
}

static void test_which_list_items_are_entries(void) {
#define EXP RLS_SECTION_EXPERIENCE
#define EDU RLS_SECTION_EDUCATION
    static const struct {
        RlsSectionKind kind;
        const char *text;
        bool marked, has_list, nested, all_dated;
        RlsItemKind want;
    } cases[] = {
        {EXP, "Senior Engineer, Acme Corp (2019 - 2021)", true, true, true, false, RLS_ITEM_ENTRY},
        {EXP, "Senior Engineer, Acme Corp (2019 - 2021)", true, false, true, false, RLS_ITEM_ENTRY},
        {EXP, "Senior Engineer, Acme Corp", true, true, true, false, RLS_ITEM_ENTRY},
        {EXP, "Senior Engineer, Acme Corp", true, false, true, false, RLS_ITEM_BULLET},
        /* Marked and dated, but no role at an organisation. */
        {EXP, "Acme Corp (2019 - 2021)", true, false, true, false, RLS_ITEM_BULLET},
        {EXP, "Acme Corp, 2019 - 2021", false, true, true, false, RLS_ITEM_ENTRY},
        /* Dates inside the line, bullets under it: a bullet. */
        {EXP, "Led Acme in 2019 to a new market", false, true, true, false, RLS_ITEM_BULLET},
        {EXP, "Built the billing service with Go", false, true, true, false, RLS_ITEM_BULLET},
        {EXP, "2021 - present: Assistant Professor, University of Oslo", false, false, true, true,
         RLS_ITEM_ENTRY},
        {EXP, "2021 - present: Assistant Professor, University of Oslo", false, false, true, false,
         RLS_ITEM_BULLET},
        {EXP, "2021 - present: Assistant Professor, University of Oslo", false, false, false, true,
         RLS_ITEM_BULLET},
        {EXP, "Shipped the new dashboards to all clients in 2021.", false, true, true, false,
         RLS_ITEM_BULLET},
        {EDU, "MSc Computer Science, University of Oslo, 2018 - 2020", false, false, true, false,
         RLS_ITEM_ENTRY},
        {EDU, "MSc Computer Science (2018 - 2020)", false, false, true, false,
         RLS_ITEM_ENTRY_IF_SCHOOL},
        {EDU, "MSc Computer Science (2018 - 2020)", false, false, false, false, RLS_ITEM_BULLET},
        {RLS_SECTION_SKILLS, "Acme Corp, 2019 - 2021", false, true, true, false, RLS_ITEM_BULLET},
    };
#undef EXP
#undef EDU
    /* One section, of a kind each case gives; its heading a field of work
     * or a list of talks. */
    RlsSection section;
    memset(&section, 0, sizeof(section));
    RlsResume m;
    memset(&m, 0, sizeof(m));
    m.sections = &section;
    m.n_sections = 1;
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        const char *text = cases[i].text;
        section.heading.text = (char *)"Research";
        section.heading.len = 8;
        RlsItemLayout layout = {
            .n_lines = 1,
            .marked = cases[i].marked,
            .has_list = cases[i].has_list,
            .nested = cases[i].nested,
            .list_all_dated = cases[i].all_dated,
        };
        EXPECT_EQ_INT(rls_entry_reader_list_item(NULL, &m, cases[i].kind, text, strlen(text), text,
                                                 strlen(text), &layout),
                      cases[i].want);
        /* "Research" may hold roles; "Talks" holds records. */
        if (cases[i].kind == RLS_SECTION_EXPERIENCE)
            EXPECT_EQ_INT(rls_entry_reader_list_item(NULL, &m, RLS_SECTION_PUBLICATIONS, text,
                                                     strlen(text), text, strlen(text), &layout),
                          cases[i].want);
        section.heading.text = (char *)"Talks";
        section.heading.len = 5;
        EXPECT_EQ_INT(rls_entry_reader_list_item(NULL, &m, RLS_SECTION_PUBLICATIONS, text,
                                                 strlen(text), text, strlen(text), &layout),
                      RLS_ITEM_BULLET);
        /* Two lines are no entry line. */
        layout.n_lines = 2;
        EXPECT_EQ_INT(rls_entry_reader_list_item(NULL, &m, cases[i].kind, text, strlen(text), text,
                                                 strlen(text), &layout),
                      RLS_ITEM_BULLET);
    }
    const char *school = "University of Florida";
    EXPECT_TRUE(rls_entry_reader_parent_name(school, strlen(school), 1));
    EXPECT_TRUE(!rls_entry_reader_parent_name(school, strlen(school), 2));
    EXPECT_TRUE(!rls_entry_reader_parent_name("Acme: Oslo", 10, 1));
    EXPECT_TRUE(!rls_entry_reader_parent_name("Acme, 2019 - 2021", 17, 1));
    EXPECT_TRUE(!rls_entry_reader_parent_name("Senior Engineer", 15, 1));
    EXPECT_TRUE(!rls_entry_reader_parent_name("Acme Corp.", 10, 1));
}

static void test_a_linked_title_that_names_no_role_is_the_employer(void) {
    static const struct {
        RlsSectionKind kind;
        const char *title, *org;
        bool title_linked, org_linked, trade;
    } cases[] = {
        {RLS_SECTION_EXPERIENCE, "Volt Europa", "Policy & Data Analytics", true, false, true},
        {RLS_SECTION_EXPERIENCE, "Volt Europa", "Policy & Data Analytics", false, false, false},
        {RLS_SECTION_EXPERIENCE, "Volt Europa", "Policy & Data Analytics", true, true, false},
        {RLS_SECTION_PROJECTS, "Volt Europa", "Policy & Data Analytics", true, false, false},
        /* A linked role stays the title; a remark after the dates is no post. */
        {RLS_SECTION_EXPERIENCE, "Senior Engineer", "Policy & Data Analytics", true, false, false},
        {RLS_SECTION_EXPERIENCE, "Volt Europa", "6 mois", true, false, false},
        {RLS_SECTION_EXPERIENCE, "Volt Europa", "(remote)", true, false, false},
        /* The other part reads as an organisation: nothing to trade. */
        {RLS_SECTION_EXPERIENCE, "Volt Europa", "Acme Corp", true, false, false},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsEntryFields f;
        memset(&f, 0, sizeof(f));
        f.title = rls_strdup(cases[i].title);
        f.org = rls_strdup(cases[i].org);
        EXPECT_EQ_INT(rls_entry_reader_linked_org(cases[i].kind, &f, cases[i].title_linked,
                                                  cases[i].org_linked),
                      cases[i].trade);
        EXPECT_STR_EQ(f.org, cases[i].trade ? cases[i].title : cases[i].org);
        EXPECT_STR_EQ(f.title, cases[i].trade ? cases[i].org : cases[i].title);
        rls_entry_fields_close(&f);
    }
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_dates_only_entry_takes_the_undated_fields_under_it),
        RLS_TEST(test_an_entry_with_a_name_takes_no_fields_from_below),
        RLS_TEST(test_labels_and_labelled_dates),
        RLS_TEST(test_a_role_line_under_an_entry_naming_none_is_its_title),
        RLS_TEST(test_the_next_role_under_an_employer_heading_is_held_there),
        RLS_TEST(test_which_lines_look_like_entries_by_text_and_layout),
        RLS_TEST(test_symbols_as_markers_and_dates_with_a_name),
        RLS_TEST(test_a_bold_name_over_a_list_and_a_bold_label_over_headings),
        RLS_TEST(test_date_slots_their_labels_name_lines_and_siblings),
        RLS_TEST(test_definitions_under_a_term),
        RLS_TEST(test_which_list_items_are_entries),
        RLS_TEST(test_a_linked_title_that_names_no_role_is_the_employer),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
