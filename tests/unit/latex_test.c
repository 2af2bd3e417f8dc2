/*
 * latex_test.c - LaTeX resumes to the model (server/parse/latex.c): one
 * hand-written resume per template family, user-declared and inferred
 * macros, layout and contacts, broken input, incremental reparsing, and the
 * corpus: every file parses, bullets map back into their source, and the
 * outlines of the files listed below match tests/golden/tex/<name>.expected
 * (RLS_UPDATE_GOLDEN=1 rewrites them; read the diff before committing).
 */
#define _POSIX_C_SOURCE 200809L
#include <time.h>

#include "parse/tex_internal.h"
#include "rls/parse.h"
#include "cli/outline.h"
#include "test.h"

static RlsResume *parse(const char *src, const RlsParseOptions *opts) {
    RlsParser *p = rls_parser_new(RLS_FORMAT_LATEX);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), opts);
    rls_parser_delete(p);
    return m;
}

static const RlsSection *section_named(const RlsResume *m, const char *heading) {
    for (uint32_t i = 0; i < m->n_sections; i++)
        if (!strcmp(m->sections[i].heading.text, heading)) return &m->sections[i];
    return NULL;
}

/* A sub-heading whose body opens with a macro of unknown meaning that
 * takes the dates first (moderncv's \\cvline under \\subsection) is a
 * role: the heading is its title (it types as a role), the macro's line its
 * dates and employer, the items its bullets. */
static void test_role_subheading_over_an_unknown_dated_macro(void) {
    const char *src = "\\documentclass{article}\n"
                      "\\begin{document}\n"
                      "\\section{Berufserfahrung}\n"
                      "\\subsection{Principal Software Engineer}\n"
                      "\\mydatedline{seit 9.2020}{Telespazio Germany GmbH\n"
                      "  \\begin{itemize}\\item Led the simulator team\\item Built the "
                      "pipeline\\end{itemize}}\n"
                      "\\subsection{Head of Mission Operations}\n"
                      "\\mydatedline{7.2018~--~2.2020}{Planetary Systems GmbH}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Principal Software Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Telespazio Germany GmbH");
    EXPECT_TRUE(m->entries[0].dates.valid);
    EXPECT_TRUE(m->entries[0].dates.end.present);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    EXPECT_STR_EQ(m->entries[1].title, "Head of Mission Operations");
    EXPECT_STR_EQ(m->entries[1].org, "Planetary Systems GmbH");
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2018);
    EXPECT_EQ_INT(m->entries[1].dates.end.year, 2020);
    rls_resume_delete(m);
}

/* A document that draws its own headings (a macro of its own around
 * \\textsc and a rule, no \\section) still has sections: a short line that
 * is a section wording heads one, in any supported language. A bold
 * employer line over "Role, team \\hfill dates" gives the role its
 * employer; Cyrillic months are dates. */
static void test_home_made_headings_and_an_employer_line_above_the_dates(void) {
    const char *src = "\\documentclass{article}\n"
                      "\\newcommand{\\header}[1]{{\\textsc{#1}} \\hrulefill \\\\}\n"
                      "\\begin{document}\n"
                      "\\header{Опыт работы}\n"
                      "\\textbf{Avito} \\\\\n"
                      "\\text{Backend Engineer, LLM team} \\hfill Декабрь 2023 - Наст. время\\\\\n"
                      "\\begin{itemize}\\item Built the model gateway\\end{itemize}\n"
                      "\\header{Education}\n"
                      "\\textbf{State University} \\\\\n"
                      "BSc Computer Science \\hfill Сентябрь 2015 - Июнь 2019\\\\\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    const RlsSection *exp = section_named(m, "Опыт работы");
    ASSERT_TRUE(exp != NULL);
    EXPECT_EQ_INT(exp->kind, RLS_SECTION_EXPERIENCE);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Backend Engineer, LLM team");
    EXPECT_STR_EQ(m->entries[0].org, "Avito");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2023);
    EXPECT_EQ_INT(m->entries[0].dates.start.month, 12);
    EXPECT_TRUE(m->entries[0].dates.end.present);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    EXPECT_STR_EQ(m->entries[1].org, "State University");
    EXPECT_EQ_INT(m->entries[1].dates.end.month, 6);
    rls_resume_delete(m);
}

/* A class that sets its headings from an environment's argument
 * (mcdowellcv's cvsection, unknown here) reads its headings from lines; a
 * bold lead-in inside the skills ("Have Experience With", "Proficient In")
 * is no heading even with a section word in it: it labels the list under
 * it, whose skills stay skills. */
static void test_a_bold_lead_in_under_skills_is_no_section(void) {
    const char *src = "\\documentclass{mcdowellcv}\n"
                      "\\begin{document}\n"
                      "\\begin{cvsection}{Languages and Technologies}\n"
                      "\\begin{cvsubsection}{}{}{}\n"
                      "{\\bfseries Proficient In}\n"
                      "\\begin{description}\\item [languages] Python, SQL\\end{description}\n"
                      "\\end{cvsubsection}\n"
                      "\\begin{cvsubsection}{}{}{}\n"
                      "{\\bfseries Have Experience With}\n"
                      "\\begin{description}\\item [technologies] Django, Nginx\\end{description}\n"
                      "\\end{cvsubsection}\n"
                      "\\end{cvsection}\n"
                      "\\begin{cvsection}{Selected Projects}\n"
                      "\\begin{itemize}\\item Built a retreat website in Django\\end{itemize}\n"
                      "\\end{cvsection}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_sections, 2);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_SKILLS);
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_PROJECTS);
    bool django = false;
    for (uint32_t i = 0; i < m->n_skills; i++) {
        EXPECT_TRUE(strcmp(m->skills[i].text, "Proficient In") != 0);
        if (!strcmp(m->skills[i].text, "Django")) django = true;
    }
    EXPECT_TRUE(django);
    rls_resume_delete(m);
}

/* A narrow dates column breaks a range over two lines with a spaced line
 * break ("May 2020 -\\\\[-1pt] Aug 2020"): the length is spacing, not text,
 * and the two halves are one range, not a role open to the present over
 * a second one-month entry. Brackets after a break that hold no length are
 * text. */
static void test_a_range_broken_by_a_spaced_line_break_is_one_range(void) {
    const char *src = "\\documentclass{article}\n"
                      "\\begin{document}\n"
                      "\\section{Experience}\n"
                      "\\textbf{Engineer} \\hfill May 2020 -\\\\[-1pt] Aug 2020\\\\\n"
                      "\\begin{itemize}\\item Built the billing service\\end{itemize}\n"
                      "\\textbf{Intern} \\hfill Aug 2019 --\\\\*[\\baselineskip] Dec 2019\\\\\n"
                      "\\begin{itemize}\\item Wrote the test harness\\end{itemize}\n"
                      "\\section{Publications}\n"
                      "Papers \\\\ [1] A study of caches\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Engineer");
    EXPECT_EQ_INT(m->entries[0].dates.start.month, 5);
    EXPECT_TRUE(!m->entries[0].dates.end.present);
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2020);
    EXPECT_EQ_INT(m->entries[0].dates.end.month, 8);
    EXPECT_STR_EQ(m->entries[1].title, "Intern");
    EXPECT_EQ_INT(m->entries[1].dates.end.month, 12);
    EXPECT_TRUE(!m->entries[1].dates.end.present);
    bool paper = false;
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        EXPECT_TRUE(strstr(m->paragraphs[i].plain.text, "pt]") == NULL);
        if (strstr(m->paragraphs[i].plain.text, "1 A study of caches")) paper = true;
    }
    EXPECT_TRUE(paper);
    rls_resume_delete(m);
}

/* europasscv, the Europass class: \\ecvsection heads a section and
 * \\ecvtitle{dates}{role} / \\ecvtitlelevel{dates}{degree}{level} are
 * entries, so the degrees count for the timeline. */
static void test_europasscv_sections_and_entries(void) {
    const char *src = "\\documentclass{europasscv}\n"
                      "\\begin{document}\n"
                      "\\begin{europasscv}\n"
                      "\\ecvname{Mario Rossi}\n"
                      "\\ecvsection{Istruzione e formazione}\n"
                      "\\ecvtitlelevel{2013 -- 2017}{Laurea in Ingegneria Elettronica}{90/110}\n"
                      "\\ecvitem{}{Universit\\`a degli studi di Udine}\n"
                      "\\ecvsection{Esperienze lavorative}\n"
                      "\\ecvtitle{Marzo 2017 -- Ottobre 2017}{Tirocinio per Tesi}\n"
                      "\\ecvitem{}{Eurotech}\n"
                      "\\end{europasscv}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    const RlsSection *edu = section_named(m, "Istruzione e formazione");
    ASSERT_TRUE(edu != NULL);
    EXPECT_EQ_INT(edu->kind, RLS_SECTION_EDUCATION);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Laurea in Ingegneria Elettronica");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2013);
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2017);
    EXPECT_STR_EQ(m->entries[1].title, "Tirocinio per Tesi");
    EXPECT_EQ_INT(m->entries[1].dates.start.month, 3);
    EXPECT_EQ_INT(m->entries[1].dates.end.month, 10);
    rls_resume_delete(m);
}

static void test_jakes_resume(void) {
    const char *src =
        "\\documentclass{article}\n"
        "\\newcommand{\\resumeItem}[1]{\\item\\small{#1}}\n"
        "\\begin{document}\n"
        "\\begin{center}\\textbf{Ana Lima} \\\\ 555-123-4567 $|$ "
        "\\href{mailto:ana@x.io}{ana@x.io} $|$ \\href{https://github.com/ana}{github.com/ana}"
        "\\end{center}\n"
        "\\section{Education}\n"
        "\\resumeSubHeadingListStart\n"
        "  \\resumeSubheading{State University}{Austin, TX}{B.S. Computer Science}{Aug. 2016 -- "
        "May 2020}\n"
        "\\resumeSubHeadingListEnd\n"
        "\\section{Experience}\n"
        "\\resumeSubHeadingListStart\n"
        "  \\resumeSubheading{Backend Engineer}{June 2020 -- Present}{Acme \\& Co.}{Remote}\n"
        "  \\resumeItemListStart\n"
        "    \\resumeItem{Cut p99 latency by 40\\% by adding a \\textbf{Redis} cache} % "
        "resume-ls-disable no-metric\n"
        "    \\resumeItem{Migrated 12 services to Kubernetes}\n"
        "  \\resumeItemListEnd\n"
        "\\resumeSubHeadingListEnd\n"
        "\\section{Technical Skills}\n"
        "\\begin{itemize}\\small{\\item{\\textbf{Languages}{: Go, Python, C/C++} \\\\\n"
        "  \\textbf{Tools}{: Docker, Git}}}\\end{itemize}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_sections, 4);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_HEADER);
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_EDUCATION);
    EXPECT_EQ_INT(m->sections[2].kind, RLS_SECTION_EXPERIENCE);
    EXPECT_EQ_INT(m->sections[3].kind, RLS_SECTION_SKILLS);
    ASSERT_EQ_INT(m->n_entries, 2);
    /* Education uses {school}{place}{degree}{dates}. */
    EXPECT_STR_EQ(m->entries[0].org, "State University");
    EXPECT_STR_EQ(m->entries[0].title, "B.S. Computer Science");
    EXPECT_STR_EQ(m->entries[0].location, "Austin, TX");
    EXPECT_STR_EQ(m->entries[1].title, "Backend Engineer");
    EXPECT_STR_EQ(m->entries[1].org, "Acme & Co.");
    EXPECT_STR_EQ(m->entries[1].location, "Remote");
    const RlsDateRange *d = &m->entries[1].dates;
    EXPECT_TRUE(d->span.end_byte > d->span.start_byte);
    EXPECT_TRUE(!strncmp(src + d->span.start_byte, "June 2020 -- Present", 20));
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Cut p99 latency by 40% by adding a Redis cache");
    EXPECT_EQ_INT(m->bullets[0].entry, 1);
    EXPECT_EQ_INT(m->entries[1].n_bullets, 2);
    /* The bullet span is the argument's text; the item span the whole macro. */
    EXPECT_TRUE(!strncmp(src + m->bullets[1].span.start_byte, "Migrated", 8));
    EXPECT_TRUE(!strncmp(src + m->bullets[1].item_span.start_byte, "\\resumeItem{", 12));
    ASSERT_EQ_INT(m->n_skills, 5);
    EXPECT_STR_EQ(m->skills[0].category, "Languages");
    EXPECT_STR_EQ(m->skills[2].text, "C/C++");
    EXPECT_STR_EQ(m->skills[4].category, "Tools");
    EXPECT_STR_EQ(m->skills[4].text, "Git");
    EXPECT_TRUE(!strncmp(src + m->skills[4].span.start_byte, "Git", 3));
    /* Contacts: phone from the text, email and link from \href. */
    int email = 0, phone = 0, link = 0;
    for (uint32_t i = 0; i < m->n_contacts; i++) {
        email += m->contacts[i].kind == RLS_CONTACT_EMAIL;
        phone += m->contacts[i].kind == RLS_CONTACT_PHONE;
        link += m->contacts[i].kind == RLS_CONTACT_LINK;
    }
    EXPECT_EQ_INT(email, 1);
    EXPECT_EQ_INT(phone, 1);
    EXPECT_EQ_INT(link, 1);
    /* The suppression comment is kept for the rule engine. */
    bool found = false;
    for (uint32_t i = 0; i < m->n_comments; i++)
        found |= !strcmp(m->comments[i].text, "resume-ls-disable no-metric");
    EXPECT_TRUE(found);
    EXPECT_EQ_INT(m->n_errors, 0);
    rls_resume_delete(m);
}

static void test_sb2nov_two_argument_items(void) {
    const char *src =
        "\\section{Experience}\n"
        "\\resumeSubheading{Google}{Mountain View, CA}{Software Engineer}{Oct 2016 -- "
        "Present}\n"
        "\\resumeItemListStart\n"
        "  \\resumeItem{TensorFlow}\n    {Worked on APIs for TPUs.}\n"
        "\\resumeItemListEnd\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Software Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Google");
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "TensorFlow: Worked on APIs for TPUs.");
    rls_resume_delete(m);
}

static void test_awesome_cv(void) {
    const char *src = "\\cvsection{Work Experience}\n"
                      "\\begin{cventries}\n"
                      "  \\cventry\n"
                      "    {DevOps Engineer} % Job title\n"
                      "    {Dunamu Inc.} % Organization\n"
                      "    {Seoul, S.Korea}\n"
                      "    {Sep. 2023 - Mar. 2024}\n"
                      "    {\n"
                      "      \\begin{cvitems}\n"
                      "        \\item {Led service mesh research across 3 clusters.}\n"
                      "        \\item {Designed Terraform modules for dozens of accounts.}\n"
                      "      \\end{cvitems}\n"
                      "    }\n"
                      "\\end{cventries}\n"
                      "\\cvsection{Skills}\n"
                      "\\cvskill{DevOps}{AWS, Docker, Kubernetes}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_sections, 2);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_EXPERIENCE);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "DevOps Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Dunamu Inc.");
    EXPECT_STR_EQ(m->entries[0].location, "Seoul, S.Korea");
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Designed Terraform modules for dozens of accounts.");
    EXPECT_EQ_INT(m->bullets[1].entry, 0);
    ASSERT_EQ_INT(m->n_skills, 3);
    EXPECT_STR_EQ(m->skills[0].category, "DevOps");
    EXPECT_STR_EQ(m->skills[2].text, "Kubernetes");
    EXPECT_EQ_INT(m->n_comments, 2);
    rls_resume_delete(m);
}

static void test_moderncv(void) {
    const char *src =
        "\\documentclass{moderncv}\n"
        "\\name{John}{Doe}\n"
        "\\phone[mobile]{+1~(234)~567~890}\n"
        "\\email{john@doe.org}\n"
        "\\begin{document}\n"
        "\\makecvtitle\n"
        "\\section{Experience}\n"
        "\\subsection{Vocational}\n"
        "\\cventry{2019--2021}{Data Engineer}{Initech}{Berlin}{}{Owned the pipelines.\n"
        "\\begin{itemize}\n"
        "\\item Cut batch time from 6 h to 40 min;\n"
        "\\item Sub-points:\n"
        "  \\begin{itemize}\n"
        "  \\item Wrote the scheduler (a).\n"
        "  \\end{itemize}\n"
        "\\end{itemize}}\n"
        "\\section{Computer skills}\n"
        "\\cvitem{Languages}{Scala, SQL}\n"
        "\\section{Extra}\n"
        "\\cvlistitem{Mentored 4 interns}\n"
        "\\clearpage\n"
        "\\recipient{HR}{Company}\n"
        "\\makelettertitle\n"
        "Dear Sir or Madam, this letter is not the resume.\n"
        "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    const RlsSection *voc = section_named(m, "Vocational");
    ASSERT_TRUE(voc != NULL);
    /* A sub-heading inherits its section's kind. */
    EXPECT_EQ_INT(voc->kind, RLS_SECTION_EXPERIENCE);
    EXPECT_EQ_INT(voc->level, 2);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Data Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Initech");
    EXPECT_STR_EQ(m->entries[0].location, "Berlin");
    ASSERT_EQ_INT(m->n_bullets, 4);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Cut batch time from 6 h to 40 min;");
    EXPECT_EQ_INT(m->bullets[0].depth, 0);
    EXPECT_STR_EQ(m->bullets[2].plain.text, "Wrote the scheduler (a).");
    EXPECT_EQ_INT(m->bullets[2].depth, 1);
    EXPECT_STR_EQ(m->bullets[3].plain.text, "Mentored 4 interns");
    EXPECT_EQ_INT(m->bullets[3].entry, -1); /* a new section ends the entry */
    /* The description outside the list is a paragraph. */
    bool para = false;
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        para |= !strcmp(m->paragraphs[i].plain.text, "Owned the pipelines.");
        EXPECT_TRUE(strstr(m->paragraphs[i].plain.text, "Dear Sir") == NULL);
    }
    EXPECT_TRUE(para);
    /* Contacts from the preamble, optional argument and ties resolved. */
    ASSERT_EQ_INT(m->n_contacts, 2);
    EXPECT_EQ_INT(m->contacts[0].kind, RLS_CONTACT_PHONE);
    EXPECT_STR_EQ(m->contacts[0].text, "+1 (234) 567 890");
    EXPECT_STR_EQ(m->contacts[1].text, "john@doe.org");
    rls_resume_delete(m);
}

/* Template arguments out of order are read by what they say: an employer
 * in moderncv's title slot and a role in its employer slot swap; dates in
 * the place slot of an entry without dates are its dates. */
static void test_template_arguments_out_of_order_are_typed(void) {
    const char *src =
        "\\documentclass{moderncv}\n"
        "\\begin{document}\n"
        "\\section{Experience}\n"
        "\\cventry{2019--2021}{Initech GmbH}{Data Engineer}{Berlin}{}{Owned it.}\n"
        "\\cventry{}{Ingénieure logiciel}{Société Générale}{March 2016 -- May 2018}{}{Ran it.}\n"
        "\\cventry{2012--2014}{Pathfinder}{Northwind}{Lyon}{}{Kept it.}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[0].title, "Data Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Initech GmbH");
    EXPECT_STR_EQ(m->entries[1].title, "Ingénieure logiciel");
    EXPECT_STR_EQ(m->entries[1].org, "Société Générale");
    EXPECT_TRUE(m->entries[1].dates.valid);
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2016);
    EXPECT_TRUE(m->entries[1].location == NULL);
    /* Nothing typed: the template's order stands. */
    EXPECT_STR_EQ(m->entries[2].title, "Pathfinder");
    EXPECT_STR_EQ(m->entries[2].org, "Northwind");
    rls_resume_delete(m);
}

static void test_user_macros(void) {
    const char *src = "\\mysec{Work History}\n"
                      "\\job{2020 -- Present}{Staff Engineer}{Globex}\n"
                      "\\point{Shipped the billing system to 2M users}\n"
                      "\\point{Hired 6 engineers}\n";
    RlsMacroSpec specs[] = {
        {.name = "job", .role = RLS_MACRO_ENTRY, .dates_arg = 1, .title_arg = 2, .org_arg = 3},
        {.name = "\\point", .role = RLS_MACRO_BULLET, .text_arg = 1},
        {.name = "mysec", .role = RLS_MACRO_HEADING, .text_arg = 1},
    };
    RlsParseOptions opts = {.macros = specs, .n_macros = RLS_ARRAY_LEN(specs)};
    RlsResume *m = parse(src, &opts);
    ASSERT_EQ_INT(m->n_sections, 1);
    EXPECT_STR_EQ(m->sections[0].heading.text, "Work History");
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_EXPERIENCE);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Staff Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Globex");
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Shipped the billing system to 2M users");
    EXPECT_EQ_INT(m->bullets[1].entry, 0);
    rls_resume_delete(m);
    /* Without the configuration the same text is not structure. */
    m = parse(src, NULL);
    EXPECT_EQ_INT(m->n_bullets, 0);
    EXPECT_EQ_INT(m->n_entries, 0);
    rls_resume_delete(m);
}

static void test_macros_inferred_from_newcommand(void) {
    const char *src = "\\newcommand{\\en}[1]{#1}\n"
                      "\\newcommand{\\zh}[1]{}\n"
                      "\\newcommand{\\position}[4]{{\\bfseries #1 \\hfill #2 \\hfill #3}"
                      "\\begin{itemize} #4 \\end{itemize}}\n"
                      "\\newcommand{\\bul}[1]{\\item #1}\n"
                      "\\begin{document}\n"
                      "\\section{\\en{Experience}\\zh{工作经历}}\n"
                      "\\position{Tech Lead}{Jun 2021 -- Present}{Remote}{\n"
                      "  \\item Led 11 engineers.\n"
                      "  \\bul{Cut costs by \\$680K.}\n"
                      "}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_sections, 1);
    EXPECT_STR_EQ(m->sections[0].heading.text, "Experience");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Tech Lead");
    EXPECT_STR_EQ(m->entries[0].location, "Remote");
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Led 11 engineers.");
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Cut costs by $680K.");
    rls_resume_delete(m);
}

/* A place that merely contains "now" ("Knowledge Park") is a place, not
 * the dates of the entry; the date grammar decides, not a substring. */
static void test_a_place_containing_now_is_not_read_as_dates(void) {
    const char *src = "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n"
                      "\\runsubsection{Acme Corp}\n\\descript{| Software Engineer}\n"
                      "\\location{Knowledge Park, Bangalore}\n"
                      "\\begin{tightemize}\n\\item Built the billing API used by 40 teams.\n"
                      "\\end{tightemize}\n"
                      "\\runsubsection{Initech}\n\\descript{| Engineer}\n"
                      "\\location{Jan 2019 – Present | Ithaca, NY}\n"
                      "\\begin{tightemize}\n\\item Built the ledger used by 4 teams.\n"
                      "\\end{tightemize}\n\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_TRUE(m->entries[0].location != NULL);
    if (m->entries[0].location) EXPECT_STR_EQ(m->entries[0].location, "Knowledge Park, Bangalore");
    EXPECT_TRUE(!m->entries[0].dates.valid);
    EXPECT_STR_EQ(m->entries[1].location, "Ithaca, NY");
    EXPECT_TRUE(m->entries[1].dates.valid && m->entries[1].dates.start.year == 2019 &&
                m->entries[1].dates.end.present);
    rls_resume_delete(m);
}

static void test_layout(void) {
    const char *src = "\\documentclass{article}\n"
                      "\\fancyfoot[C]{Page \\thepage}\n"
                      "\\begin{document}\n"
                      "\\includegraphics[width=2cm]{me.png}\n"
                      "\\begin{multicols}{2}\n{\\faGithub} gh \\columnbreak x\n\\end{multicols}\n"
                      "\\begin{tabular}{l r}\nA & B \\\\\n\\end{tabular}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    int counts[5] = {0};
    for (uint32_t i = 0; i < m->n_layout; i++)
        counts[m->layout[i].kind]++;
    EXPECT_EQ_INT(counts[RLS_LAYOUT_IMAGE], 1);
    EXPECT_EQ_INT(counts[RLS_LAYOUT_COLUMNS], 1);
    EXPECT_EQ_INT(counts[RLS_LAYOUT_TABLE], 1);
    EXPECT_EQ_INT(counts[RLS_LAYOUT_ICON], 1);
    EXPECT_EQ_INT(counts[RLS_LAYOUT_HEADER_FOOTER], 1);
    /* The column spec of tabular is not text; the cells are. */
    bool cells = false;
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        EXPECT_TRUE(strcmp(m->paragraphs[i].plain.text, "l r") != 0);
        cells |= !strcmp(m->paragraphs[i].plain.text, "A B");
    }
    EXPECT_TRUE(cells);
    rls_resume_delete(m);
}

static void test_broken_input_is_data(void) {
    const char *srcs[] = {
        "\\section{Experience\n\\begin{itemize}\n\\item Built {things\n",
        "\\begin{itemize}\\item a \\end{enumerate}", /* accepted by the grammar */
        "}}}}{{{{\\item \\\\ $$ $ \\begin{",
        "",
        "\\resumeItem",
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(srcs); i++) {
        RlsResume *m = parse(srcs[i], NULL);
        ASSERT_TRUE(m != NULL);
        if (i == 0 || i == 2) EXPECT_TRUE(m->n_errors > 0);
        rls_resume_delete(m);
    }
}

/* Structural equality of two models (texts, spans and links). */
static void expect_same_model(const RlsResume *a, const RlsResume *b, const char *src) {
    RlsText *text = rls_text_new(src, strlen(src));
    RlsBuf x, y;
    rls_buf_init(&x);
    rls_buf_init(&y);
    rls_outline_render(a, text, "a", true, &x);
    rls_outline_render(b, text, "b", true, &y);
    /* Everything after the differing "file" member must match. */
    EXPECT_STR_EQ(strstr(x.data, "\"format\""), strstr(y.data, "\"format\""));
    rls_buf_close(&x);
    rls_buf_close(&y);
    rls_text_delete(text);
    ASSERT_EQ_INT(a->n_bullets, b->n_bullets);
    for (uint32_t i = 0; i < a->n_bullets; i++) {
        EXPECT_EQ_INT(a->bullets[i].span.start_byte, b->bullets[i].span.start_byte);
        EXPECT_EQ_INT(a->bullets[i].span.end_byte, b->bullets[i].span.end_byte);
    }
}

static void test_incremental_reparse_matches_fresh_parse(void) {
    const char *v1 = "\\section{Experience}\n\\begin{itemize}\n\\item Built the API\n"
                     "\\item Ran on-call\n\\end{itemize}\n";
    const char *v2 = "\\section{Experience}\n\\begin{itemize}\n\\item Built the \\textbf{REST} "
                     "API\n\\item Ran on-call\n\\end{itemize}\n";
    RlsParser *p = rls_parser_new(RLS_FORMAT_LATEX);
    RlsResume *m1 = rls_parser_parse(p, v1, (uint32_t)strlen(v1), NULL);
    rls_resume_delete(m1);
    /* Insert "\textbf{REST} " after "Built the " (row 2). */
    uint32_t at = (uint32_t)(strstr(v1, "API") - v1);
    uint32_t ins = (uint32_t)strlen("\\textbf{REST} ");
    RlsByteEdit edit = {
        .start_byte = at,
        .old_end_byte = at,
        .new_end_byte = at + ins,
        .start_point = {2, 16},
        .old_end_point = {2, 16},
        .new_end_point = {2, 16 + ins},
    };
    rls_parser_edit(p, &edit);
    RlsResume *inc = rls_parser_parse(p, v2, (uint32_t)strlen(v2), NULL);
    RlsResume *fresh = parse(v2, NULL);
    ASSERT_EQ_INT(inc->n_bullets, 2);
    EXPECT_STR_EQ(inc->bullets[0].plain.text, "Built the REST API");
    expect_same_model(inc, fresh, v2);
    rls_resume_delete(inc);
    rls_resume_delete(fresh);
    rls_parser_delete(p);
}

/* ---- The corpus ------------------------------------------------------------ */

static const char *const corpus_files[] = {
    "01-jakegut-jakes-resume",
    "02-sb2nov-resume",
    "03-awesomecv-resume-main",
    "04-awesomecv-resume-experience",
    "05-moderncv-template-zh",
    "06-moderncv-template",
    "07-altacv-mmayer",
    "08-deedy-resume-openfont",
    "09-2kabhishek-uthree-macros",
    "15-billryan-resume-zh-cn",
    "17-62gerente-friggeri-pt",
    "18-907resident-yaac-geoscience",
    "19-aosauron-twentysecondcv-fr",
    "20-0xpoe-bilingual-en-zh-macros",
    "22-asteinheiser-jakes-real",
    "26-rendercv-engineeringresumes-generated-SYNTHETIC",
};

static char *read_corpus(const char *name, size_t *len) {
    char path[1024];
    snprintf(path, sizeof(path), "%s/tex/%s.tex", rls_test_corpus_dir(), name);
    return rls_test_read_file(path, len);
}

/* Every bullet's plain bytes map inside the bullet's span, the span inside
 * the item, and everything inside the source. */
static void check_source_maps(const RlsResume *m, const char *name) {
    for (uint32_t i = 0; i < m->n_bullets; i++) {
        const RlsBullet *b = &m->bullets[i];
        bool ok = b->plain.len > 0 && b->span.end_byte <= m->src_len &&
                  b->item_span.start_byte <= b->span.start_byte &&
                  b->span.end_byte <= b->item_span.end_byte;
        for (uint32_t k = 0; k < b->plain.len && ok; k++)
            ok = b->plain.src_start[k] >= b->span.start_byte &&
                 b->plain.src_end[k] <= b->span.end_byte &&
                 b->plain.src_start[k] <= b->plain.src_end[k];
        if (!ok) RLS__FAIL("%s: bullet %u \"%s\" maps outside its span", name, i, b->plain.text);
        /* Plain text is folded: no leading, trailing or double spaces. */
        const char *t = b->plain.text;
        if (t[0] == ' ' || t[b->plain.len - 1] == ' ' || strstr(t, "  "))
            RLS__FAIL("%s: bullet %u \"%s\" is not folded", name, i, t);
    }
    for (uint32_t i = 0; i < m->n_sections; i++)
        EXPECT_TRUE(m->sections[i].span.end_byte <= m->src_len);
    for (uint32_t i = 0; i < m->n_skills; i++)
        EXPECT_TRUE(m->skills[i].span.end_byte <= m->src_len);
}

static void test_corpus_parses_and_maps_back(void) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(corpus_files); i++) {
        size_t len;
        char *src = read_corpus(corpus_files[i], &len);
        if (!src) {
            RLS__FAIL("cannot read corpus file %s", corpus_files[i]);
            continue;
        }
        RlsResume *m = parse(src, NULL);
        check_source_maps(m, corpus_files[i]);
        /* Every file shows something (03 is a main file: contacts, then \input). */
        if (m->n_sections == 0 && m->n_contacts == 0) RLS__FAIL("%s: empty model", corpus_files[i]);
        rls_resume_delete(m);
        rls_free(src);
    }
}

static void fixture_parses_and_maps_back(const char *name, const char *path, bool latex,
                                         void *ctx) {
    if (!latex) return;
    size_t *n = ctx;
    char *src = rls_test_read_file(path, NULL);
    ASSERT_TRUE(src != NULL);
    RlsResume *m = parse(src, NULL);
    check_source_maps(m, name);
    /* Every fixture is a whole resume: sections, entries and bullets. */
    if (m->n_sections < 3 || m->n_entries < 2 || m->n_bullets < 4)
        RLS__FAIL("%s: %u sections, %u entries, %u bullets", name, m->n_sections, m->n_entries,
                  m->n_bullets);
    (*n)++;
    rls_resume_delete(m);
    rls_free(src);
}

static void test_fixtures_parse_and_map_back(void) {
    size_t n = 0;
    rls_test_each_resume(RLS_TEST_RESUMES, fixture_parses_and_maps_back, &n);
    EXPECT_TRUE(n >= 8); /* one per template family in tests/data/resumes/tex */
}

/* 40 Jake's-style entries of 4 items each, every item distinct. */
static void test_a_generated_large_file_parses_every_item(void) {
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_puts(&b, "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n"
                     "\\resumeSubHeadingListStart\n");
    for (int e = 0; e < 40; e++) {
        rls_buf_printf(&b,
                       "\\resumeSubheading{Engineer %d}{Jan 2001 -- Dec 2002}{Firm %d}{Town}\n"
                       "\\resumeItemListStart\n",
                       e, e);
        for (int i = 0; i < 4; i++)
            rls_buf_printf(&b, "\\resumeItem{Cut cost %d of firm %d by %d\\%%}\n", i, e, i + e);
        rls_buf_puts(&b, "\\resumeItemListEnd\n");
    }
    rls_buf_puts(&b, "\\resumeSubHeadingListEnd\n\\end{document}\n");
    RlsParser *p = rls_parser_new(RLS_FORMAT_LATEX);
    RlsResume *m = rls_parser_parse(p, b.data, (uint32_t)b.len, NULL);
    RlsResume *again = rls_parser_parse(p, b.data, (uint32_t)b.len, NULL);
    EXPECT_EQ_INT(m->n_entries, 40);
    EXPECT_EQ_INT(m->n_bullets, 160);
    EXPECT_EQ_INT(again->n_bullets, m->n_bullets);
    if (m->n_bullets == 160)
        EXPECT_STR_EQ(m->bullets[159].plain.text, "Cut cost 3 of firm 39 by 42%");
    rls_resume_delete(again);
    rls_resume_delete(m);
    rls_parser_delete(p);
    rls_buf_close(&b);
}

static void test_large_file_parses_every_item(void) {
    size_t len;
    char *src = read_corpus("26-rendercv-engineeringresumes-generated-SYNTHETIC", &len);
    ASSERT_TRUE(src != NULL);
    /* Reparsing the same text reuses the tree and must give the same model;
     * how fast is the benchmark's business (bench/core_bench.c). */
    RlsParser *p = rls_parser_new(RLS_FORMAT_LATEX);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)len, NULL);
    RlsResume *again = rls_parser_parse(p, src, (uint32_t)len, NULL);
    EXPECT_TRUE(m->n_bullets >= 130); /* one per \item */
    EXPECT_EQ_INT(again->n_bullets, m->n_bullets);
    rls_resume_delete(again);
    rls_resume_delete(m);
    rls_parser_delete(p);
    rls_free(src);
}

static void test_release_queries(void) {
    /* The compiled query is process-wide; release it so the leak check is exact. */
    rls_tex_queries_release();
    RlsResume *m = parse("\\section{Skills}", NULL);
    EXPECT_EQ_INT(m->n_sections, 1);
    rls_resume_delete(m);
    rls_tex_queries_release();
}

static void test_project_heading_title_leaves_out_the_stack(void) {
    const char *src = "\\documentclass{article}\n\\begin{document}\n\\section{Projects}\n"
                      "\\resumeSubHeadingListStart\n"
                      "\\resumeProjectHeading{\\textbf{Gitlytics} $|$ \\emph{Python, Flask, React}}"
                      "{June 2020 -- Present}\n"
                      "\\resumeProjectHeading{\\textbf{Pathfinder $|$ Search}}{2019}\n"
                      "\\resumeSubHeadingListEnd\n\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Gitlytics");
    EXPECT_TRUE(m->entries[0].org == NULL);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2020);
    /* A bar without a list after it is part of the name. */
    EXPECT_STR_EQ(m->entries[1].title, "Pathfinder | Search");
    rls_resume_delete(m);
}

/* A class's own entry environment and an unknown macro, neither defined in
 * the document: each argument is a cell of the dated line, in any order
 * the class chose (dates first, then title, then employer and place). */
static void test_arguments_of_unknown_environments_are_cells(void) {
    const char *src = "\\documentclass{mcdowellcv}\n\\begin{document}\n"
                      "\\begin{cvsection}{Employment}\n"
                      "\\begin{cvsubsection}{Jan -- July 2014}{Math Tutor}{Café Étoile "
                      "Learning Center, Pasadena TX}\n"
                      "\\begin{itemize}\n\\item Tutored 30 students a week\n\\end{itemize}\n"
                      "\\end{cvsubsection}\n"
                      "\\begin{cvsubsection}{2010 -- 2013}{Student Researcher}\n"
                      "  {Texas Health Science Center}\n"
                      "\\end{cvsubsection}\n"
                      "\\end{cvsection}\n\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Math Tutor");
    /* The city before its state's code is the place, not the name. */
    EXPECT_STR_EQ(m->entries[0].org, "Café Étoile Learning Center");
    EXPECT_STR_EQ(m->entries[0].location, "Pasadena TX");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2014);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    /* Arguments on lines of their own are cells too. */
    EXPECT_STR_EQ(m->entries[1].title, "Student Researcher");
    EXPECT_STR_EQ(m->entries[1].org, "Texas Health Science Center");
    rls_resume_delete(m);
}

/* A template's entry without its employer takes the name on the line
 * under it; a sentence there stays what it is. */
static void test_the_line_under_a_template_entry_names_its_employer(void) {
    const char *src = "\\documentclass{europasscv}\n\\begin{document}\n"
                      "\\ecvsection{Esperienza}\n"
                      "\\ecvtitle{Marzo 2017 -- Ottobre 2017}{Tirocinio per Tesi}\n"
                      "\\ecvitem{}{Eurotech Città}\n"
                      "\\ecvtitle{2012 -- 2013}{Stagista}\n"
                      "\\ecvitem{}{Built a test bench for 東京 clients}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src, NULL);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].org, "Eurotech Città");
    EXPECT_TRUE(m->entries[1].org == NULL);
    rls_resume_delete(m);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_the_line_under_a_template_entry_names_its_employer),
        RLS_TEST(test_arguments_of_unknown_environments_are_cells),
        RLS_TEST(test_jakes_resume),
        RLS_TEST(test_sb2nov_two_argument_items),
        RLS_TEST(test_awesome_cv),
        RLS_TEST(test_moderncv),
        RLS_TEST(test_template_arguments_out_of_order_are_typed),
        RLS_TEST(test_user_macros),
        RLS_TEST(test_macros_inferred_from_newcommand),
        RLS_TEST(test_a_place_containing_now_is_not_read_as_dates),
        RLS_TEST(test_layout),
        RLS_TEST(test_broken_input_is_data),
        RLS_TEST(test_incremental_reparse_matches_fresh_parse),
        RLS_TEST(test_project_heading_title_leaves_out_the_stack),
        RLS_TEST(test_role_subheading_over_an_unknown_dated_macro),
        RLS_TEST(test_home_made_headings_and_an_employer_line_above_the_dates),
        RLS_TEST(test_a_bold_lead_in_under_skills_is_no_section),
        RLS_TEST(test_a_range_broken_by_a_spaced_line_break_is_one_range),
        RLS_TEST(test_europasscv_sections_and_entries),
        RLS_TEST(test_fixtures_parse_and_map_back),
        RLS_TEST(test_a_generated_large_file_parses_every_item),
        RLS_CORPUS_TEST(test_corpus_parses_and_maps_back),
        RLS_CORPUS_TEST(test_large_file_parses_every_item),
        RLS_TEST(test_release_queries),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
