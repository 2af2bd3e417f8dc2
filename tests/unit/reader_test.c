/* Tests for the format-neutral reader's pass over entries
 * (server/model/reader.c): the same settling for Markdown and LaTeX. */
#include <string.h>

#include "model/reader.h"
#include "rls/alloc.h"
#include "rls/parse.h"
#include "test.h"

/* Checks a settled entry's fields (NULL: none set; title unchecked when
 * title is "*") and frees them. */
static void expect_fields(RlsEntry *e, const char *title, const char *org, const char *location) {
    const char *want[3] = {title, org, location};
    char **got[3] = {&e->title, &e->org, &e->location};
    for (size_t k = 0; k < 3; k++) {
        if (!want[k])
            EXPECT_TRUE(*got[k] == NULL);
        else if (strcmp(want[k], "*") != 0)
            EXPECT_STR_EQ(*got[k], want[k]);
        rls_free(*got[k]);
        *got[k] = NULL;
    }
}

typedef struct {
    const char *org;
    const char *want_org;
    const char *want_location; /* NULL: none set */
} OrgCase;

static void test_a_place_glued_to_the_organisation_becomes_its_location(void) {
    static const OrgCase cases[] = {
        {"Fraunhofer FKIE, Germany", "Fraunhofer FKIE", "Germany"},
        {"Lycée Jacques Decour, Paris 75009, Île-de-France", "Lycée Jacques Decour",
         "Paris 75009, Île-de-France"},
        {"TELECOM Nancy, Université de Lorraine, Villers-lès-Nancy 54600, Lorraine",
         "TELECOM Nancy, Université de Lorraine", "Villers-lès-Nancy 54600, Lorraine"},
        {"Acme GmbH, Москва, Россия", "Acme GmbH", "Москва, Россия"},
        /* A name unknown to the lexicon before a place keeps its place. */
        {"한빛 Securities, Seoul", "한빛 Securities", "Seoul"},
        /* A department and its institution stay together. */
        {"Department of Astronomy, University of Maryland",
         "Department of Astronomy, University of Maryland", NULL},
        /* No place: nothing moves. */
        {"Sam's Club, Computer Vision Group", "Sam's Club, Computer Vision Group", NULL},
        {"Acme", "Acme", NULL},
        /* A country glued after the name without a comma; a code or a town
         * after it is part of the name. */
        {"Sabanci University Turchia", "Sabanci University", "Turchia"},
        {"Samsung R&D Institute UK", "Samsung R&D Institute UK", NULL},
        {"Technische Universität München", "Technische Universität München", NULL},
        /* A place first is no organisation with a place after it. */
        {"Germany, Acme GmbH", "Germany, Acme GmbH", NULL},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsEntry e = {.org = rls_strdup(cases[i].org)};
        rls_reader_settle_entry(&e);
        expect_fields(&e, NULL, cases[i].want_org, cases[i].want_location);
    }
}

/* A place taken whole for the location gives back the name before it, but
 * a city with its state code is a place only. */
static void test_a_name_before_a_place_in_the_location_is_the_organisation(void) {
    RlsEntry e = {.location = rls_strdup("Fraunhofer FKIE, Germany")};
    rls_reader_settle_entry(&e);
    EXPECT_STR_EQ(e.org, "Fraunhofer FKIE");
    EXPECT_STR_EQ(e.location, "Germany");
    rls_free(e.org);
    rls_free(e.location);
    const char *places[] = {"Palo Alto, CA, USA", "Houston, TX", "Berlin, Germany",
                            "Mainz, Germany"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(places); i++) {
        RlsEntry p = {.location = rls_strdup(places[i])};
        rls_reader_settle_entry(&p);
        EXPECT_TRUE(p.org == NULL);
        EXPECT_STR_EQ(p.location, places[i]);
        rls_free(p.location);
    }
}

static void test_a_stack_or_a_grade_is_cut_from_the_name(void) {
    static const char *const cases[][2] = {
        {"Database Kernel R&D(Golang/Rust)", "Database Kernel R&D"},
        {"핑퐁 및 채팅 서비스 개발 (React, TypeScript)", "핑퐁 및 채팅 서비스 개발"},
        {"Game mod (C++, TypeScript)", "Game mod"},
        /* Acronyms, subjects and notes are no stack. */
        {"Leibniz Research Centre (IfADo)", "Leibniz Research Centre (IfADo)"},
        {"BSc Biomedical Sciences (Neuroscience)", "BSc Biomedical Sciences (Neuroscience)"},
        {"Consultante junior (part time job)", "Consultante junior (part time job)"},
        {"(Python)", "(Python)"},
        /* A grade after a degree is no part of its title. */
        {"Master of Science in Computer Science; GPA: 4.00",
         "Master of Science in Computer Science"},
        {"Bachelor of Engineering; GPA: 3.66 (9.15/10.0)", "Bachelor of Engineering"},
        {"High School Diploma in Science, with Honors (9.95/10.0)",
         "High School Diploma in Science, with Honors"},
        {"MSc Physics; Thesis on lasers", "MSc Physics; Thesis on lasers"},
        /* Where the holder stands, with a date, is no part of it either. */
        {"B.Sc. in Informatics Engineering; Third-year student (Expected graduation: Jul 2027)",
         "B.Sc. in Informatics Engineering"},
        {"Pathfinder; shipped Jul 2027", "Pathfinder; shipped Jul 2027"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsEntry e = {.title = rls_strdup(cases[i][0])};
        rls_reader_settle_entry(&e);
        EXPECT_STR_EQ(e.title, cases[i][1]);
        rls_free(e.title);
    }
}

/* The pass runs for both formats: the same line gives the same fields. */
static void test_both_formats_settle_alike(void) {
    const char *md = "# Ana\n\n## Experience\n\n### Engineer | Fraunhofer FKIE, Germany | 2019 – "
                     "2021\n\n- Built the radar pipeline\n";
    const char *tex = "\\documentclass{article}\\begin{document}\n\\section{Experience}\n"
                      "Engineer | Fraunhofer FKIE, Germany \\hfill 2019 -- 2021\n"
                      "\\begin{itemize}\\item Built the radar pipeline\\end{itemize}\n"
                      "\\end{document}\n";
    const char *srcs[] = {md, tex};
    RlsFormat formats[] = {RLS_FORMAT_MARKDOWN, RLS_FORMAT_LATEX};
    for (int k = 0; k < 2; k++) {
        RlsParser *p = rls_parser_new(formats[k]);
        RlsResume *m = rls_parser_parse(p, srcs[k], (uint32_t)strlen(srcs[k]), NULL);
        ASSERT_EQ_INT(m->n_entries, 1);
        EXPECT_STR_EQ(m->entries[0].title, "Engineer");
        EXPECT_STR_EQ(m->entries[0].org, "Fraunhofer FKIE");
        EXPECT_STR_EQ(m->entries[0].location, "Germany");
        rls_resume_delete(m);
        rls_parser_delete(p);
    }
}

/* Names that say nothing of which is the role follow the order the
 * section writes its other entries in; a section without a clear order
 * keeps the positions. */
static void test_a_section_order_decides_names_that_say_nothing(void) {
    const char *src = "# Ana\n\n## Experience\n\n### Initech - Senior Engineer\n\n- Ran it\n\n"
                      "### Globex - Data Analyst\n\n- Read it\n\n"
                      "### Huenei - Application Support\n\n- Kept it\n";
    RlsParser *p = rls_parser_new(RLS_FORMAT_MARKDOWN);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[2].title, "Application Support");
    EXPECT_STR_EQ(m->entries[2].org, "Huenei");
    rls_resume_delete(m);
    rls_parser_delete(p);
    p = rls_parser_new(RLS_FORMAT_MARKDOWN);
    const char *alone = "# Ana\n\n## Experience\n\n### Huenei - Application Support\n\n- Kept it\n";
    m = rls_parser_parse(p, alone, (uint32_t)strlen(alone), NULL);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Huenei");
    rls_resume_delete(m);
    rls_parser_delete(p);
}

/* A web address in the organisation's slot gives way to a name beside it,
 * and stays when nothing else names the organisation. */
static void test_a_web_address_is_the_organisation_only_when_nothing_else_is(void) {
    static const struct {
        const char *title, *org, *location;
        const char *want_title, *want_org, *want_location;
    } cases[] = {
        {"Lecturer Tidewise", "https://www.tidewise.no/team", NULL, "Lecturer", "Tidewise", NULL},
        {"Certificate in Hydrology", "learn.example.org/verify/X12", "Fjordskolen",
         "Certificate in Hydrology", "Fjordskolen", NULL},
        /* A place beside the address is where, not who. */
        {"Treasurer", "harbourclub.no", "Bergen, Norway", "Treasurer", "harbourclub.no",
         "Bergen, Norway"},
        {"Treasurer", "harbourclub.no", NULL, "Treasurer", "harbourclub.no", NULL},
        /* A name with a dot is no address. */
        {"Engineer Acme", "Acme Inc.", NULL, "Engineer Acme", "Acme Inc.", NULL},
        /* A company that writes its name as its domain keeps it, beside a
         * town the lexicons do not know. */
        {"Developer", "Fjordfisk.no", "Florø", "Developer", "Fjordfisk.no", "Florø"},
        {"Developer", "fjordfisk.no/jobs", "Florø", "Developer", "Florø", NULL},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsEntry e = {.title = rls_strdup(cases[i].title),
                      .org = rls_strdup(cases[i].org),
                      .location = rls_strdup(cases[i].location)};
        rls_reader_settle_entry(&e);
        expect_fields(&e, cases[i].want_title, cases[i].want_org, cases[i].want_location);
    }
}

/* A slot that ends with the word joining a list is finished by the place
 * after it: both are the place, and no organisation is named. A name that
 * only holds "&" inside it is a name. */
static void test_a_slot_ending_in_and_continues_into_the_place(void) {
    static const struct {
        const char *org, *location;
        const char *want_org, *want_location;
    } cases[] = {
        {"Harlan County, KY &", "Asheville, NC", NULL, "Harlan County, KY & Asheville, NC"},
        {"Bergen and", "Oslo, Norway", NULL, "Bergen and Oslo, Norway"},
        {"Procter & Gamble", "Cincinnati, OH", "Procter & Gamble", "Cincinnati, OH"},
        {"Tidewise &", "Project Alpha", "Tidewise &", "Project Alpha"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsEntry e = {.title = rls_strdup("Field Survey of Soil Gas"),
                      .org = rls_strdup(cases[i].org),
                      .location = rls_strdup(cases[i].location)};
        rls_reader_settle_entry(&e);
        expect_fields(&e, "*", cases[i].want_org, cases[i].want_location);
    }
}

/* A school or company in the title's slot beside a place in the
 * employer's is the employer and its place, shifted one slot early. */
static void test_an_employer_written_in_the_title_slot_moves_over(void) {
    static const struct {
        const char *title, *org;
        const char *want_title, *want_org, *want_location;
    } cases[] = {
        {"Riverside High School", "Leeds, UK", NULL, "Riverside High School", "Leeds, UK"},
        {"Гимназия №3", "Москва, Россия", NULL, "Гимназия №3", "Москва, Россия"},
        /* A role beside a place keeps its slot; two names stay. */
        {"Data Engineer", "Lisbon", "Data Engineer", "Lisbon", NULL},
        {"Riverside High School", "Acme Robotics", "Riverside High School", "Acme Robotics", NULL},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsEntry e = {.title = rls_strdup(cases[i].title), .org = rls_strdup(cases[i].org)};
        rls_reader_settle_entry(&e);
        expect_fields(&e, cases[i].want_title, cases[i].want_org, cases[i].want_location);
    }
}

/* An entry that names its employer or school and no role or degree takes
 * one from its own text: a short first sentence naming a job, a short line
 * naming a degree. A report of work or a label names none. */
static void test_a_role_missing_from_the_heading_is_read_from_its_text(void) {
    const char *src = "## Experience\n\n"
                      "### Riverside High School, Leeds, UK | 2011 – 2015\n\n"
                      "Science Teacher. Ran the robotics club.\n\n"
                      "### Harbour Bank, Oslo | 2016 – 2018\n\n"
                      "Managed developers of the payments app.\n\n"
                      "### Fjord Institute, Bergen | 2018 – 2019\n\nSupervisor: Kari Nordmann\n\n"
                      "## Education\n\n### University of Leeds, Leeds, UK | 2008 – 2012\n\n"
                      "School of Chemistry.\n\nMaster of Chemistry\n";
    static const char *const want[] = {"Science Teacher", NULL, NULL, "Master of Chemistry"};
    RlsParser *p = rls_parser_new(RLS_FORMAT_MARKDOWN);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    ASSERT_EQ_INT(m->n_entries, RLS_ARRAY_LEN(want));
    for (size_t i = 0; i < RLS_ARRAY_LEN(want); i++) {
        if (want[i])
            EXPECT_STR_EQ(m->entries[i].title, want[i]);
        else
            EXPECT_TRUE(m->entries[i].title == NULL);
        EXPECT_TRUE(m->entries[i].org != NULL);
    }
    /* The text stays the entry's. */
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "Science Teacher. Ran the robotics club.");
    rls_resume_delete(m);
    rls_parser_delete(p);
}

/* A web address for the employer gives way to the group's label above the
 * roles when the label's initials spell the address's host. */
static void test_a_group_label_spelled_by_the_address_names_the_employer(void) {
    const char *src = "## Volunteering\n\nNordic Robotics Association\n\n"
                      "### Treasurer | nra.no | 2015 – 2017\n\n### Coach | nra.no | 2013 – 2015\n\n"
                      "## Experience\n\nHarbour Rowing Club\n\n"
                      "### Captain | nra.no | 2011 – 2013\n";
    static const char *const want[] = {"Nordic Robotics Association", "Nordic Robotics Association",
                                       "nra.no"};
    RlsParser *p = rls_parser_new(RLS_FORMAT_MARKDOWN);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    ASSERT_EQ_INT(m->n_entries, RLS_ARRAY_LEN(want));
    for (size_t i = 0; i < RLS_ARRAY_LEN(want); i++)
        EXPECT_STR_EQ(m->entries[i].org, want[i]);
    rls_resume_delete(m);
    rls_parser_delete(p);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_place_glued_to_the_organisation_becomes_its_location),
        RLS_TEST(test_a_name_before_a_place_in_the_location_is_the_organisation),
        RLS_TEST(test_a_stack_or_a_grade_is_cut_from_the_name),
        RLS_TEST(test_both_formats_settle_alike),
        RLS_TEST(test_a_section_order_decides_names_that_say_nothing),
        RLS_TEST(test_a_web_address_is_the_organisation_only_when_nothing_else_is),
        RLS_TEST(test_a_slot_ending_in_and_continues_into_the_place),
        RLS_TEST(test_an_employer_written_in_the_title_slot_moves_over),
        RLS_TEST(test_a_role_missing_from_the_heading_is_read_from_its_text),
        RLS_TEST(test_a_group_label_spelled_by_the_address_names_the_employer),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
