/* Tests for section-heading classification (server/model/heading.c). */
#include "rls/model.h"
#include "test.h"

typedef struct {
    const char *heading;
    RlsSectionKind kind;
    bool standard;
} HeadingCase;

static void test_headings_classify_with_their_standard_flag(void) {
    static const HeadingCase cases[] = {
        {"Experience", RLS_SECTION_EXPERIENCE, true},
        {"WORK HISTORY", RLS_SECTION_EXPERIENCE, true},
        {"Professional Experience", RLS_SECTION_EXPERIENCE, true},
        {"Employment History:", RLS_SECTION_EXPERIENCE, true},
        {"Older Employment History", RLS_SECTION_EXPERIENCE, false},
        /* A wording ATS parsers do not all map: the rules suggest "Experience". */
        {"Career History", RLS_SECTION_EXPERIENCE, false},
        {"Technical Skills", RLS_SECTION_SKILLS, true},
        {"Skills & Tools", RLS_SECTION_SKILLS, true},
        {"Core Competencies", RLS_SECTION_SKILLS, true},
        {"Skills I'm Learning", RLS_SECTION_SKILLS, false},
        {"Selected Projects", RLS_SECTION_PROJECTS, true},
        {"Open Source", RLS_SECTION_PROJECTS, false},
        {"Education & Training", RLS_SECTION_EDUCATION, true},
        {"**Education**", RLS_SECTION_EDUCATION, true},
        {"Honors", RLS_SECTION_AWARDS, true},
        {"Honors and Awards", RLS_SECTION_AWARDS, true},
        {"Certificates", RLS_SECTION_CERTIFICATIONS, true},
        /* Courses taken are no posts; training as experience is. */
        {"Professional Training (non-degree)", RLS_SECTION_CERTIFICATIONS, false},
        {"Advanced Courses", RLS_SECTION_CERTIFICATIONS, false},
        {"Training Experience", RLS_SECTION_EXPERIENCE, false},
        {"Licenses & Certifications", RLS_SECTION_CERTIFICATIONS, true},
        {"Publications", RLS_SECTION_PUBLICATIONS, true},
        {"Volunteer Experience", RLS_SECTION_VOLUNTEERING, true},
        {"Volunteering/ Extracurricular Activities", RLS_SECTION_VOLUNTEERING, false},
        {"Professional Summary", RLS_SECTION_SUMMARY, true},
        {"About Me", RLS_SECTION_SUMMARY, false},
        {"Contact", RLS_SECTION_HEADER, true},
        {"Hobbies and Interests!", RLS_SECTION_OTHER, false},
        {"Jane Doe", RLS_SECTION_OTHER, false},
        {"", RLS_SECTION_OTHER, false},
        /* Non-English headings from real resumes. */
        {"교육", RLS_SECTION_EDUCATION, false},
        {"42 Seoul 팀 프로젝트", RLS_SECTION_PROJECTS, false},
        {"工作经历", RLS_SECTION_EXPERIENCE, false},
        {"教育经历", RLS_SECTION_EDUCATION, false},
        {"专业技能", RLS_SECTION_SKILLS, false},
        {"Expérience professionnelle", RLS_SECTION_EXPERIENCE, false},
        {"Formação Acadêmica", RLS_SECTION_EDUCATION, false},
        {"Educação", RLS_SECTION_EDUCATION, false},
        {"Formation", RLS_SECTION_EDUCATION, false},
        {"Principais Conhecimentos", RLS_SECTION_SKILLS, false},
        {"Idiomas", RLS_SECTION_SKILLS, false},
        {"Páginas e Contactos", RLS_SECTION_HEADER, false},
        {"Atividades e Participações", RLS_SECTION_VOLUNTEERING, false},
        {"Cursos", RLS_SECTION_CERTIFICATIONS, false},
        {"工作背景", RLS_SECTION_EXPERIENCE, false},
        {"Centres d'intérêt", RLS_SECTION_OTHER, false},
        /* "Information" is no French "Formation". */
        {"Information", RLS_SECTION_OTHER, false},
        {"Strengths", RLS_SECTION_SKILLS, false},
        {"Links", RLS_SECTION_HEADER, false},
        {"Most Proud of", RLS_SECTION_AWARDS, false},
        {"Publication Entries", RLS_SECTION_PUBLICATIONS, false},
        /* Section words in more languages, in any case, at a word start. */
        {"Berufserfahrung", RLS_SECTION_EXPERIENCE, false},
        {"Berufliche Erfahrung", RLS_SECTION_EXPERIENCE, false},
        /* Civilian and military service list posts held; grants are awards. */
        {"Zivildienst", RLS_SECTION_EXPERIENCE, false},
        {"Arbetslivserfarenhet", RLS_SECTION_EXPERIENCE, false},
        {"Grundwehrdienst", RLS_SECTION_EXPERIENCE, false},
        {"Service militaire", RLS_SECTION_EXPERIENCE, false},
        {"Military Service", RLS_SECTION_EXPERIENCE, false},
        {"Grants", RLS_SECTION_AWARDS, false},
        {"Persönliche Informationen", RLS_SECTION_OTHER, false},
        {"Akademische Laufbahn", RLS_SECTION_EDUCATION, false},
        {"Bildungsweg", RLS_SECTION_EDUCATION, false},
        {"Projekterfahrung", RLS_SECTION_PROJECTS, false},
        {"Auslandserfahrung", RLS_SECTION_OTHER, false},
        {"EXPERIENCIA PROFESIONAL", RLS_SECTION_EXPERIENCE, false},
        {"Educación", RLS_SECTION_EDUCATION, false},
        {"Esperienze lavorative", RLS_SECTION_EXPERIENCE, false},
        {"Istruzione e formazione", RLS_SECTION_EDUCATION, false},
        {"Competenze personali", RLS_SECTION_SKILLS, false},
        {"Erfaring", RLS_SECTION_EXPERIENCE, false},
        {"Uddannelse", RLS_SECTION_EDUCATION, false},
        {"Werkervaring", RLS_SECTION_EXPERIENCE, false},
        {"Опыт работы", RLS_SECTION_EXPERIENCE, false},
        {"ОПЫТ РАБОТЫ", RLS_SECTION_EXPERIENCE, false},
        {"Образование", RLS_SECTION_EDUCATION, false},
        {"Основные навыки", RLS_SECTION_SKILLS, false},
        {"О себе", RLS_SECTION_SUMMARY, false},
        {"实习/项目经历", RLS_SECTION_EXPERIENCE, false},
        {"项目经历", RLS_SECTION_PROJECTS, false},
        /* Talks given, before the experience word they may hold. */
        {"会议经历", RLS_SECTION_PUBLICATIONS, false},
        {"学会発表", RLS_SECTION_PUBLICATIONS, false},
        {"Vorträge", RLS_SECTION_PUBLICATIONS, false},
        {"職務経歴", RLS_SECTION_EXPERIENCE, false},
        /* Talks and writing are records; a skill or role word before them wins. */
        {"Speeches", RLS_SECTION_PUBLICATIONS, false},
        {"Public Speaking", RLS_SECTION_PUBLICATIONS, false},
        {"Selected Writing", RLS_SECTION_PUBLICATIONS, false},
        {"Invited Lectures", RLS_SECTION_PUBLICATIONS, false},
        {"Writing Skills", RLS_SECTION_SKILLS, false},
        {"Writing Experience", RLS_SECTION_EXPERIENCE, false},
        {"Academic Appointments", RLS_SECTION_EXPERIENCE, false},
        {"Academic Positions", RLS_SECTION_EXPERIENCE, false},
        {"Academic History", RLS_SECTION_EDUCATION, true},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        bool standard = !cases[i].standard;
        RlsSectionKind k =
            rls_section_classify(cases[i].heading, strlen(cases[i].heading), &standard);
        if (k != cases[i].kind || standard != cases[i].standard)
            RLS__FAIL("\"%s\": %s/%d, expected %s/%d", cases[i].heading, rls_section_kind_name(k),
                      standard, rls_section_kind_name(cases[i].kind), cases[i].standard);
    }
}

static void test_kind_names_are_stable(void) {
    EXPECT_STR_EQ(rls_section_kind_name(RLS_SECTION_EXPERIENCE), "experience");
    EXPECT_STR_EQ(rls_section_kind_name(RLS_SECTION_HEADER), "header");
    EXPECT_STR_EQ(rls_section_kind_name((RlsSectionKind)99), "other");
}

static void test_a_long_heading_does_not_overflow(void) {
    char big[600];
    memset(big, 'a', sizeof(big));
    memcpy(big + 590, " skills", sizeof(" skills"));
    EXPECT_EQ_INT(rls_section_classify(big, 597, NULL), RLS_SECTION_OTHER);
}

static void test_research_over_dated_roles_is_experience(void) {
    const char *h = "Research";
    EXPECT_EQ_INT(rls_section_classify(h, strlen(h), NULL), RLS_SECTION_PUBLICATIONS);
    EXPECT_EQ_INT(rls_section_refine(RLS_SECTION_PUBLICATIONS, h, strlen(h), 2, 2),
                  RLS_SECTION_EXPERIENCE);
    EXPECT_EQ_INT(rls_section_refine(RLS_SECTION_PUBLICATIONS, "RESEARCH:", 9, 3, 2),
                  RLS_SECTION_EXPERIENCE);
    /* Mostly undated entries (papers) or none: still publications. */
    EXPECT_EQ_INT(rls_section_refine(RLS_SECTION_PUBLICATIONS, h, strlen(h), 3, 1),
                  RLS_SECTION_PUBLICATIONS);
    EXPECT_EQ_INT(rls_section_refine(RLS_SECTION_PUBLICATIONS, h, strlen(h), 0, 0),
                  RLS_SECTION_PUBLICATIONS);
    /* A heading that names publications stays publications whatever it holds. */
    const char *p = "Research Publications";
    EXPECT_EQ_INT(rls_section_refine(RLS_SECTION_PUBLICATIONS, p, strlen(p), 2, 2),
                  RLS_SECTION_PUBLICATIONS);
    EXPECT_EQ_INT(rls_section_refine(RLS_SECTION_SKILLS, h, strlen(h), 2, 2), RLS_SECTION_SKILLS);
}

/* A line ending in a preposition introduces the list under it; a
 * relative clause with a subject, or a plain section wording, heads. */
static void test_lead_ins_are_told_from_headings(void) {
    static const char *const lead_ins[] = {"Have Experience With", "Proficient In",
                                           "Familiar with:", "Experience in"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(lead_ins); i++)
        EXPECT_TRUE(rls_section_is_lead_in(lead_ins[i], strlen(lead_ins[i])));
    static const char *const headings[] = {
        "Work Experience",     "Skills I'm Proficient In", "About", "Languages and Technologies",
        "Tools We Build With", "Unix-like systems"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(headings); i++)
        EXPECT_TRUE(!rls_section_is_lead_in(headings[i], strlen(headings[i])));
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_headings_classify_with_their_standard_flag),
        RLS_TEST(test_kind_names_are_stable),
        RLS_TEST(test_a_long_heading_does_not_overflow),
        RLS_TEST(test_research_over_dated_roles_is_experience),
        RLS_TEST(test_lead_ins_are_told_from_headings),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
