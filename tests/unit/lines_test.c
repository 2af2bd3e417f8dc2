/* Tests for entry-line splitting and contact detection (server/model/lines.c). */
#include "model/lines.h"
#include "test.h"

typedef struct {
    const char *line;
    RlsSectionKind kind;
    const char *title, *org, *location;
    int start_year;
} SplitCase;

static void test_entry_lines_split_into_role_org_place_and_dates(void) {
    static const SplitCase cases[] = {
        {"Senior Engineer, Acme Corp — 2021–Present", RLS_SECTION_EXPERIENCE, "Senior Engineer",
         "Acme Corp", NULL, 2021},
        {"Acme Corp | Senior Engineer | Jan 2021 – Present", RLS_SECTION_EXPERIENCE,
         "Senior Engineer", "Acme Corp", NULL, 2021},
        {"Data Scientist at Samsung R&D Institute UK | ; Nov18 - now", RLS_SECTION_EXPERIENCE,
         "Data Scientist", "Samsung R&D Institute UK", NULL, 2018},
        {"Software Development Intern | Edifixio", RLS_SECTION_EXPERIENCE,
         "Software Development Intern", "Edifixio", NULL, 0},
        {"Software Engineer - Loopline Systems | (Berlin, Germany)", RLS_SECTION_EXPERIENCE,
         "Software Engineer", "Loopline Systems", "Berlin, Germany", 0},
        {"PhD, Computer Science | ; Awesome University (MyTown)", RLS_SECTION_EDUCATION,
         "PhD, Computer Science", "Awesome University", "MyTown", 0},
        {"Roundhuit Co., Ltd Sep 2018 -- Oct 2020", RLS_SECTION_EXPERIENCE, NULL,
         "Roundhuit Co., Ltd", NULL, 2018},
        /* A name without a role word beside dates and a place is the
         * employer; the same lone name without them stays the title. */
        {"6/2020-11/2020 | 10th Magnitude | Dallas, TX (and other locations)",
         RLS_SECTION_EXPERIENCE, NULL, "10th Magnitude", "Dallas, TX (and other locations)", 2020},
        {"Your Most Recent Work Experience:", RLS_SECTION_EXPERIENCE,
         "Your Most Recent Work Experience", NULL, NULL, 0},
        {"Self-employed | 2019 - 2020", RLS_SECTION_EXPERIENCE, "Self-employed", NULL, NULL, 2019},
        {"Pathfinder | 2019 - 2020", RLS_SECTION_PROJECTS, "Pathfinder", NULL, NULL, 2019},
        {"도서동아리 전자도서관 서비스 유지보수 (React, TypeScript)", RLS_SECTION_PROJECTS,
         "도서동아리 전자도서관 서비스 유지보수 (React, TypeScript)", NULL, NULL, 0},
        /* After a project a lone word in parentheses is its stack, not a place. */
        {"Vitest 기여 (TypeScript)", RLS_SECTION_PROJECTS, "Vitest 기여 (TypeScript)", NULL, NULL,
         0},
        /* A place name right after the school or company says where it is. */
        {"Trinity College, Cambridge", RLS_SECTION_EDUCATION, NULL, "Trinity College", "Cambridge",
         0},
        {"Royal Mint | London", RLS_SECTION_EXPERIENCE, NULL, "Royal Mint", "London", 0},
        /* A company before a place of two parts; a place of three parts. */
        {"Staff Engineer | Hooli, Palo Alto, CA | Jan 2016 – Dec 2017", RLS_SECTION_EXPERIENCE,
         "Staff Engineer", "Hooli", "Palo Alto, CA", 2016},
        {"Staff Engineer | Hooli | New York, NY, USA", RLS_SECTION_EXPERIENCE, "Staff Engineer",
         "Hooli", "New York, NY, USA", 0},
        /* A name no lexicon knows before a city is the employer in that
         * city; before a country it would be the city. */
        {"Développeuse full-stack — Doctolib, Paris", RLS_SECTION_EXPERIENCE,
         "Développeuse full-stack", "Doctolib", "Paris", 0},
        {"Engineer — Qonto, Lyon | 2019 – 2021", RLS_SECTION_EXPERIENCE, "Engineer", "Qonto",
         "Lyon", 2019},
        {"Engineer — Maranello, Italy", RLS_SECTION_EXPERIENCE, "Engineer", NULL,
         "Maranello, Italy", 0},
        /* "at" in other languages parts role from employer. */
        {"Sviluppatrice backend presso Satispay", RLS_SECTION_EXPERIENCE, "Sviluppatrice backend",
         "Satispay", NULL, 0},
        {"Ingénieure logiciel chez Back Market", RLS_SECTION_EXPERIENCE, "Ingénieure logiciel",
         "Back Market", NULL, 0},
        {"Werkstudentin bei Celonis", RLS_SECTION_EXPERIENCE, "Werkstudentin", "Celonis", NULL, 0},
        /* A bracketed place closing the line leaves the rest to part. */
        {"Softwareentwickler, SAP SE (Walldorf)", RLS_SECTION_EXPERIENCE, "Softwareentwickler",
         "SAP SE", "Walldorf", 0},
        /* Posts held in turn, parted by slashes, are one title, whatever
         * the markup bounds ("__Lecturer__ / Senior Lecturer"). */
        {"Lecturer | / Senior Lecturer / Associate Professor | Nord University",
         RLS_SECTION_EXPERIENCE, "Lecturer / Senior Lecturer / Associate Professor",
         "Nord University", NULL, 0},
        /* A unit stacked over the body it belongs to yields to the body. */
        {"Lecturer | Faculty of Law, Institute of Criminology | University of Oslo",
         RLS_SECTION_EXPERIENCE, "Lecturer", "University of Oslo", NULL, 0},
        {"Lecturer | Department of Physics", RLS_SECTION_EXPERIENCE, "Lecturer",
         "Department of Physics", NULL, 0},
        {"Lecturer, Department of Physics, University of Oslo", RLS_SECTION_EXPERIENCE, "Lecturer",
         "Department of Physics, University of Oslo", NULL, 0},
        /* A word for an open end alone is no field. */
        {"Volunteer Coordinator | (current) | Red Cross Norway", RLS_SECTION_EXPERIENCE,
         "Volunteer Coordinator", "Red Cross Norway", NULL, 0},
        {"Now | Tutor, Kodeklubb", RLS_SECTION_EXPERIENCE, "Tutor", "Kodeklubb", NULL, 0},
        /* Capitals in brackets after a school are its initials, a
         * capitalised word a place. */
        {"2009 - 2013 Bergen Cathedral School (BKS)", RLS_SECTION_EDUCATION, NULL,
         "Bergen Cathedral School (BKS)", NULL, 2009},
        {"2009 - 2013 Bergen Cathedral School (Bergen)", RLS_SECTION_EDUCATION, NULL,
         "Bergen Cathedral School", "Bergen", 2009},
        /* Beside a title, a short name then a town no lexicon knows. */
        {"Junior Developer | Coolblue, Rotterdam | 2017 – 2019", RLS_SECTION_EXPERIENCE,
         "Junior Developer", "Coolblue", "Rotterdam", 2017},
        /* Schools and roles of more languages are typed by their words. */
        {"Politechnika Warszawska | inżynier, Informatyka | 2015 – 2019", RLS_SECTION_EDUCATION,
         "inżynier, Informatyka", "Politechnika Warszawska", NULL, 2015},
        {"Yazılım Mühendisi | Trendyol", RLS_SECTION_EXPERIENCE, "Yazılım Mühendisi", "Trendyol",
         NULL, 0},
        {"Picnic — Ontwikkelaar", RLS_SECTION_EXPERIENCE, "Ontwikkelaar", "Picnic", NULL, 0},
        /* Lower-case words after a project's name describe it. */
        {"resume-ls | — a language server for resumes", RLS_SECTION_PROJECTS, "resume-ls", NULL,
         NULL, 0},
        /* Brackets around removed dates go with them. */
        {"Senior Engineer — Acme Corp (2019–2021)", RLS_SECTION_EXPERIENCE, "Senior Engineer",
         "Acme Corp", NULL, 2019},
        {"Acme Corp (Berlin, Germany) [2019 - 2021]", RLS_SECTION_EXPERIENCE, NULL, "Acme Corp",
         "Berlin, Germany", 2019},
        /* After a degree that names its subject comes the school. */
        {"B.Sc. Computer Science, ETH Zürich", RLS_SECTION_EDUCATION, "B.Sc. Computer Science",
         "ETH Zürich", NULL, 0},
        {"Master of Science, Computer Science", RLS_SECTION_EDUCATION,
         "Master of Science, Computer Science", NULL, NULL, 0},
        {"MRes, Mathematics of Planet Earth", RLS_SECTION_EDUCATION,
         "MRes, Mathematics of Planet Earth", NULL, NULL, 0},
        /* A bracketed remark on how the role was held is no part of a name,
         * in either kind of bracket; another remark stays. */
        {"Data Engineer @ Shanghai Lingmai（初创公司） | 2018 - 2019", RLS_SECTION_EXPERIENCE,
         "Data Engineer", "Shanghai Lingmai", NULL, 2018},
        {"数据科学家 (其中8月前是兼职) | Zenni Optical | 2023 - 2024", RLS_SECTION_EXPERIENCE,
         "数据科学家", "Zenni Optical", NULL, 2023},
        {"Backend Developer (part-time) | Acme GmbH", RLS_SECTION_EXPERIENCE, "Backend Developer",
         "Acme GmbH", NULL, 0},
        {"Backend Developer (Payments) | Acme GmbH", RLS_SECTION_EXPERIENCE,
         "Backend Developer (Payments)", "Acme GmbH", NULL, 0},
        /* A label closed by a colon after its dates is no field; a role
         * there is the entry's. */
        {"Current position (2026-present): Assistant Professor, Aarhus University",
         RLS_SECTION_EXPERIENCE, "Assistant Professor", "Aarhus University", NULL, 2026},
        {"Zeitraum 2019 - 2021: Entwickler, Acme GmbH", RLS_SECTION_EXPERIENCE, "Entwickler",
         "Acme GmbH", NULL, 2019},
        /* A grade closing the line goes; a code after a town is one place
         * with it. */
        {"Georgia Institute of Technology, Atlanta, GA GPA: 4.0/4.0", RLS_SECTION_EDUCATION, NULL,
         "Georgia Institute of Technology", "Atlanta, GA", 0},
        {"Initech, Austin, TX", RLS_SECTION_EXPERIENCE, NULL, "Initech", "Austin, TX", 0},
        /* Two roles held together are one title; a full stop is no part
         * of a name, an abbreviation's dot is. */
        {"Graduate Researcher, Teaching Assistant, University of California at Irvine. 2004-2008",
         RLS_SECTION_EXPERIENCE, "Graduate Researcher, Teaching Assistant",
         "University of California at Irvine", NULL, 2004},
        {"Laboratory Manager, Agricultural Extension Educator, 2003-2004 North Carolina A&T "
         "University",
         RLS_SECTION_EXPERIENCE, "Laboratory Manager, Agricultural Extension Educator",
         "North Carolina A&T University", NULL, 2003},
        {"Data Analyst, Initech Corp.", RLS_SECTION_EXPERIENCE, "Data Analyst", "Initech Corp.",
         NULL, 0},
        /* A field of study between the degree and the school is its subject. */
        {"2017 | BA | Mathematics, Mathematical Economics | Pomona College", RLS_SECTION_EDUCATION,
         "BA, Mathematics, Mathematical Economics", "Pomona College", NULL, 2017},
        /* An acronym and the words that spell it are one name; the body
         * it belongs to after a comma is part of it. */
        {"Engineer | ESOC – European Space Operations Centre, European Space Agency",
         RLS_SECTION_EXPERIENCE, "Engineer",
         "ESOC – European Space Operations Centre, European Space Agency", NULL, 0},
        {"SRE - Initech Corp", RLS_SECTION_EXPERIENCE, "SRE", "Initech Corp", NULL, 0},
        {"Flight Dynamics Engineer, Operations Centre, European Space Agency",
         RLS_SECTION_EXPERIENCE, "Flight Dynamics Engineer",
         "Operations Centre, European Space Agency", NULL, 0},
        /* A grade is no place. */
        {"MRes, Maths | ; 2016-2017; Imperial College; Distinction", RLS_SECTION_EDUCATION,
         "MRes, Maths", "Imperial College", NULL, 2016},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        const SplitCase *c = &cases[i];
        RlsEntryFields f;
        rls_entry_fields_split(c->line, strlen(c->line), c->kind, false, &f);
        if (c->title)
            EXPECT_STR_EQ(f.title, c->title);
        else
            EXPECT_TRUE(f.title == NULL);
        if (c->org)
            EXPECT_STR_EQ(f.org, c->org);
        else
            EXPECT_TRUE(f.org == NULL);
        if (c->location)
            EXPECT_STR_EQ(f.location, c->location);
        else
            EXPECT_TRUE(f.location == NULL);
        EXPECT_EQ_INT(f.dates.valid ? f.dates.start.year : 0, c->start_year);
        rls_entry_fields_close(&f);
    }
}

/* The line under a role naming its employer: the place starts at no part
 * that names a field of study, a role or a body. */
static void test_an_employer_line_parts_name_from_place(void) {
    static const struct {
        const char *line, *org, *location;
    } cases[] = {
        {"Kodeklubb, Mathematics Outreach, Norway", "Kodeklubb, Mathematics Outreach", "Norway"},
        {"Glovo, Barcelona, Spain", "Glovo", "Barcelona, Spain"},
        {"Coolblue, Rotterdam", "Coolblue", "Rotterdam"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        char *org = NULL, *location = NULL;
        EXPECT_TRUE(rls_entry_employer_line(cases[i].line, strlen(cases[i].line),
                                            RLS_SECTION_EXPERIENCE, &org, &location));
        EXPECT_STR_EQ(org ? org : "(null)", cases[i].org);
        EXPECT_STR_EQ(location ? location : "(null)", cases[i].location);
        rls_free(org);
        rls_free(location);
    }
}

static void test_a_date_line_gives_dates_and_place(void) {
    RlsEntryFields f;
    const char *line = "Jun 2021 – Present | Remote";
    rls_entry_fields_split(line, strlen(line), RLS_SECTION_EXPERIENCE, true, &f);
    EXPECT_TRUE(f.dates.valid && f.dates.end.present);
    EXPECT_STR_EQ(f.location, "Remote");
    EXPECT_TRUE(f.title == NULL);
    rls_entry_fields_close(&f);
    line = "Globex | Munich | 2016 – 2019";
    rls_entry_fields_split(line, strlen(line), RLS_SECTION_EXPERIENCE, true, &f);
    EXPECT_STR_EQ(f.org, "Globex");
    EXPECT_STR_EQ(f.location, "Munich");
    rls_entry_fields_close(&f);
    line = "기간: 2023.02 - 현재";
    rls_entry_fields_split(line, strlen(line), RLS_SECTION_PROJECTS, true, &f);
    EXPECT_TRUE(f.dates.valid && f.dates.start.year == 2023 && f.dates.end.present);
    EXPECT_TRUE(f.location == NULL); /* "기간:" is a label */
    rls_entry_fields_close(&f);
}

/* A role, then after a comma where it was held: a known town always; an
 * unknown capitalised word only once the employer is named elsewhere, and
 * never a team of the company or a technology. */
static void test_a_role_then_its_town_after_a_comma(void) {
    static const struct {
        const char *text;
        bool employer_known;
        const char *role, *place; /* NULL: not a role and its place */
    } cases[] = {
        {"Backend Developer, Lisbon", false, "Backend Developer", "Lisbon"},
        {"Product Designer, Wrocław", true, "Product Designer", "Wrocław"},
        {"Product Designer, Wrocław", false, NULL, NULL},
        {"Nurse Practitioner, Tromsø", true, "Nurse Practitioner", "Tromsø"},
        {"Software Engineer, Infrastructure", true, NULL, NULL},
        {"Mobile Developer, Kotlin", true, NULL, NULL},
        {"Graduate Researcher, Teaching Assistant", true, NULL, NULL},
        {"Consultant, Deloitte Digital", true, NULL, NULL},
        {"Lisbon, Portugal", true, NULL, NULL},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        const char *t = cases[i].text;
        size_t at = 0, role = rls_entry_role_place(t, strlen(t), cases[i].employer_known, &at);
        printf("# %s (%s)\n", t, cases[i].employer_known ? "employer named" : "no employer");
        if (!cases[i].role) {
            EXPECT_EQ_INT(role, 0);
            continue;
        }
        char got[64];
        snprintf(got, sizeof(got), "%.*s", (int)role, t);
        EXPECT_STR_EQ(got, cases[i].role);
        EXPECT_STR_EQ(t + at, cases[i].place);
    }
    /* A line of dates under a heading parts them the same way. */
    RlsEntryFields f;
    const char *line = "Data Engineer, Berlin | 2019 – 2021";
    rls_entry_fields_split(line, strlen(line), RLS_SECTION_EXPERIENCE, true, &f);
    EXPECT_STR_EQ(f.title, "Data Engineer");
    EXPECT_STR_EQ(f.location, "Berlin");
    rls_entry_fields_close(&f);
}

static void test_date_slots_take_any_era_and_open_ends(void) {
    static const struct {
        const char *text;
        int start_year, start_month, end_year;
        bool present;
    } cases[] = {
        {"1654-1660", 1654, 0, 1660, false}, {"June 1661 - now", 1661, 6, 0, true},
        {"1667 - death", 1667, 0, 0, false}, {"1667 – death", 1667, 0, 0, false},
        {"1600", 1600, 0, 1600, false},      {"Jan 2020 – Present", 2020, 1, 0, true},
        {"2012", 2012, 0, 2012, false},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsDateRange r;
        ASSERT_TRUE(rls_date_slot_parse(cases[i].text, strlen(cases[i].text), &r));
        EXPECT_EQ_INT(r.start.year, cases[i].start_year);
        EXPECT_EQ_INT(r.start.month, cases[i].start_month);
        EXPECT_EQ_INT(r.end.year, cases[i].end_year);
        EXPECT_EQ_INT(r.end.present, cases[i].present);
    }
    /* Still no dates: a count, a version, words. */
    static const char *const no[] = {"1500 users", "v1.2.3", "collection", "0999",
                                     "1654-1660-1670"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(no); i++) {
        RlsDateRange r;
        EXPECT_TRUE(!rls_date_slot_parse(no[i], strlen(no[i]), &r));
    }
}

static void test_roles_and_honours_are_told_apart(void) {
    EXPECT_TRUE(rls_entry_field_is_role("Warden", 6));
    EXPECT_TRUE(rls_entry_field_is_role("B.S. Computer Science", 21));
    EXPECT_TRUE(!rls_entry_field_is_role("Minted coins", 12));
    /* A job, not a degree: what tells {org}{dates}{role}{place} apart. */
    EXPECT_TRUE(rls_entry_field_names_job("Founder and Organizer", 21));
    EXPECT_TRUE(rls_entry_field_names_job("Club Treasurer", 14));
    EXPECT_TRUE(!rls_entry_field_names_job("B.S. Computer Science", 21));
    EXPECT_TRUE(!rls_entry_field_names_job("SunSesh AZ", 10));
    EXPECT_TRUE(rls_entry_field_is_honour("Distinction", 11));
    EXPECT_TRUE(rls_entry_field_is_honour(" First Class Honours.", 21));
    EXPECT_TRUE(rls_entry_field_is_honour("GPA: 3.7/4.0", 12));
    EXPECT_TRUE(!rls_entry_field_is_honour("Brunel University London", 24));
    EXPECT_TRUE(!rls_entry_field_is_honour("Reading", 7));
}

static void test_contacts_are_found_and_dates_are_not_phones(void) {
    const char *text = "zoe.m@example.co.uk • +00 (0)00 000 0000 • (469) 382-9361 80% travel • "
                       "https://github.com/zoe, linkedin.com/in/zoe • born 2002-05-11 • 2005-2010";
    RlsContactHit hits[16];
    size_t n = rls_contacts_scan(text, strlen(text), hits, 16);
    static const struct {
        RlsContactKind kind;
        const char *text;
    } want[] = {
        {RLS_CONTACT_EMAIL, "zoe.m@example.co.uk"}, {RLS_CONTACT_PHONE, "+00 (0)00 000 0000"},
        {RLS_CONTACT_PHONE, "(469) 382-9361"},      {RLS_CONTACT_LINK, "https://github.com/zoe"},
        {RLS_CONTACT_LINK, "linkedin.com/in/zoe"},
    };
    ASSERT_EQ_INT(n, RLS_ARRAY_LEN(want));
    for (size_t i = 0; i < n; i++) {
        char got[64];
        snprintf(got, sizeof(got), "%.*s", (int)(hits[i].end_byte - hits[i].start_byte),
                 text + hits[i].start_byte);
        EXPECT_STR_EQ(got, want[i].text);
        EXPECT_EQ_INT(hits[i].kind, want[i].kind);
    }
    EXPECT_EQ_INT(rls_contacts_scan("Node.js, v1.2.3, 3.7/4.0, 12M events/day", 40, hits, 16), 0);
}

/* An address spelled out against scrapers is an e-mail; "(at)" in prose
 * with no domain after it is not. */
static void test_spelled_out_emails_are_emails(void) {
    static const struct {
        const char *text, *email;
    } cases[] = {
        {"or email me at 3manuek [at] 3manuek [dot] com.", "3manuek [at] 3manuek [dot] com"},
        {"Mail: jane.doe(at)uni-bonn.de", "jane.doe(at)uni-bonn.de"},
        {"jo {AT} mail {DOT} example {DOT} org", "jo {AT} mail {DOT} example {DOT} org"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsContactHit hits[4];
        const char *t = cases[i].text;
        ASSERT_EQ_INT(rls_contacts_scan(t, strlen(t), hits, 4), 1);
        char got[64];
        snprintf(got, sizeof(got), "%.*s", (int)(hits[0].end_byte - hits[0].start_byte),
                 t + hits[0].start_byte);
        EXPECT_STR_EQ(got, cases[i].email);
        EXPECT_EQ_INT(hits[0].kind, RLS_CONTACT_EMAIL);
    }
    RlsContactHit hits[4];
    const char *prose = "Met the team (at) work [at] noon";
    EXPECT_EQ_INT(rls_contacts_scan(prose, strlen(prose), hits, 4), 0);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_entry_lines_split_into_role_org_place_and_dates),
        RLS_TEST(test_an_employer_line_parts_name_from_place),
        RLS_TEST(test_a_date_line_gives_dates_and_place),
        RLS_TEST(test_a_role_then_its_town_after_a_comma),
        RLS_TEST(test_date_slots_take_any_era_and_open_ends),
        RLS_TEST(test_roles_and_honours_are_told_apart),
        RLS_TEST(test_contacts_are_found_and_dates_are_not_phones),
        RLS_TEST(test_spelled_out_emails_are_emails),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
