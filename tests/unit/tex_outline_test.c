/*
 * tex_outline_test.c - what a reader of the rendered page calls the
 * sections, entries, bullets and lines of LaTeX layouts that do not use one
 * macro per entry: Deedy's sub-headings with \descript/\location, entries
 * inside environments (friggeri's entrylist), headings whose meaning
 * depends on what they hold ("Research"), label lines over skills, and
 * description-list labels.
 */
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

static void test_subsection_with_amendments_is_an_entry(void) {
    const char *src = "\\begin{document}\n\\section{Education}\n"
                      "\\subsection{Cornell University}\n\\descript{MEng in Computer Science}\n"
                      "\\location{Dec 2014 | Ithaca, NY}\n\\sectionsep\n"
                      "\\subsection{Lycée Fénelon}\n\\location{Grad. May 2011|  Paris}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_sections, 1);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_EDUCATION);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].org, "Cornell University");
    EXPECT_STR_EQ(m->entries[0].title, "MEng in Computer Science");
    EXPECT_STR_EQ(m->entries[0].location, "Ithaca, NY");
    EXPECT_TRUE(m->entries[0].dates.valid);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2014);
    EXPECT_EQ_INT(m->entries[0].dates.start.month, 12);
    /* The date span is the dates, not the place after the bar. */
    EXPECT_TRUE(span_is(src, m->entries[0].dates.span, "Dec 2014"));
    EXPECT_STR_EQ(m->entries[1].org, "Lycée Fénelon");
    EXPECT_TRUE(m->entries[1].title == NULL);
    EXPECT_STR_EQ(m->entries[1].location, "Paris");
    EXPECT_TRUE(span_is(src, m->entries[1].dates.span, "May 2011"));
    rls_resume_delete(m);
}

static void test_description_item_with_dates_is_an_entry_and_its_text_the_bullet(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n\\begin{description}\n"
                      "\\item[2019--2021] \\textbf{Research Assistant}, Lab Ümlaut \\\\ "
                      "Built 数据 pipelines.\n"
                      "\\item[Mar 2022 -- Present] Engineer, Acme\n"
                      "\\item[Mentoring] Coached new hires.\n"
                      "\\end{description}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Research Assistant");
    EXPECT_STR_EQ(m->entries[0].org, "Lab Ümlaut");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2019);
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2021);
    EXPECT_TRUE(span_is(src, m->entries[0].dates.span, "2019--2021"));
    /* Without a line break the whole item is the header. */
    EXPECT_STR_EQ(m->entries[1].title, "Engineer");
    EXPECT_STR_EQ(m->entries[1].org, "Acme");
    EXPECT_TRUE(m->entries[1].dates.end.present);
    /* The text after the header line is the first entry's bullet; an
     * undated item stays a bullet of the entry above it. */
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Built 数据 pipelines.");
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_TRUE(span_is(src, m->bullets[0].span, "Built 数据 pipelines."));
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Mentoring Coached new hires.");
    EXPECT_EQ_INT(m->bullets[1].entry, 1);
    rls_resume_delete(m);
}

static void test_description_item_outside_a_section_of_roles_is_no_entry(void) {
    const char *src = "\\begin{document}\n\\section{Awards}\n\\begin{description}\n"
                      "\\item[2019--2021] Dean's list, Lycée Fénelon\n"
                      "\\end{description}\n\\end{document}\n";
    RlsResume *m = parse(src);
    EXPECT_EQ_INT(m->n_entries, 0);
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "2019\u20132021 Dean's list, Lycée Fénelon");
    rls_resume_delete(m);
}

static void test_table_row_with_dates_reads_its_cells_as_fields(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n\\begin{tabular}{lll}\n"
                      "\\textbf{Acme Corp} & Senior Engineer & 2019 -- 2021 \\\\\n"
                      "Lab Ümlaut & Research Assistant & Mar 2022 -- Present \\\\\n"
                      "\\end{tabular}\n\\section{Education}\n\\begin{tabular}{ll}\n"
                      "2010--2014 & B.Sc. Physics & Université de Lyon \\\\\n"
                      "\\end{tabular}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[0].title, "Senior Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Acme Corp");
    EXPECT_TRUE(span_is(src, m->entries[0].dates.span, "2019 -- 2021"));
    EXPECT_STR_EQ(m->entries[1].title, "Research Assistant");
    EXPECT_STR_EQ(m->entries[1].org, "Lab Ümlaut");
    EXPECT_TRUE(m->entries[1].dates.end.present);
    EXPECT_STR_EQ(m->entries[2].title, "B.Sc. Physics");
    EXPECT_STR_EQ(m->entries[2].org, "Université de Lyon");
    EXPECT_EQ_INT(m->entries[2].dates.start.year, 2010);
    rls_resume_delete(m);
}

static void test_subsection_of_plain_lines_stays_a_heading(void) {
    const char *src = "\\begin{document}\n\\section{Coursework}\n\\subsection{Graduate}\n"
                      "Machine Learning \\\\\nCompilers \\\\\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_sections, 2);
    EXPECT_EQ_INT(m->n_entries, 0);
    EXPECT_STR_EQ(m->sections[1].heading.text, "Graduate");
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "Machine Learning");
    rls_resume_delete(m);
}

static void test_label_line_names_the_skills_below_it(void) {
    /* Deedy: a \location without a date under a skills sub-heading is the
     * label of the lines that follow; \textbullet{} separates skills. */
    const char *src =
        "\\begin{document}\n\\section{Skills}\n\\subsection{Programming}\n"
        "\\location{Over 5000 lines:}\nJava \\textbullet{} Shell \\textbullet{} C++ \\\\\n"
        "\\location{Familiar:}\nAS3 \\textbullet{} iOS\n\\end{document}\n";
    RlsResume *m = parse(src);
    EXPECT_EQ_INT(m->n_entries, 0);
    ASSERT_EQ_INT(m->n_sections, 2);
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_SKILLS);
    ASSERT_EQ_INT(m->n_skills, 5);
    EXPECT_STR_EQ(m->skills[0].text, "Java");
    EXPECT_STR_EQ(m->skills[0].category, "Over 5000 lines");
    EXPECT_STR_EQ(m->skills[2].text, "C++");
    EXPECT_STR_EQ(m->skills[2].category, "Over 5000 lines");
    EXPECT_STR_EQ(m->skills[3].text, "AS3");
    EXPECT_STR_EQ(m->skills[3].category, "Familiar");
    EXPECT_TRUE(span_is(src, m->skills[1].span, "Shell"));
    rls_resume_delete(m);
}

static void test_unused_amendment_is_a_line_of_its_entry(void) {
    const char *src = "\\begin{document}\n\\section{Education}\n"
                      "\\subsection{State University}\n\\descript{BS in Physics}\n"
                      "\\location{May 2014 | Austin, TX}\n"
                      "\\location{Cum. GPA: 3.83 / 4.0 \\\\ Major GPA: 3.9}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "Cum. GPA: 3.83 / 4.0");
    EXPECT_EQ_INT(m->paragraphs[0].entry, 0);
    EXPECT_STR_EQ(m->paragraphs[1].plain.text, "Major GPA: 3.9");
    EXPECT_EQ_INT(m->paragraphs[1].entry, 0);
    rls_resume_delete(m);
}

static void test_research_of_dated_roles_is_experience(void) {
    const char *src = "\\begin{document}\n\\section{Research}\n"
                      "\\runsubsection{Robot Learning Lab}\n\\descript{| Researcher}\n"
                      "\\location{Jan 2014 – Jan 2015 | Ithaca, NY}\nBuilt a planner.\n"
                      "\\section{Publications}\n\\runsubsection{Robot Learning Lab}\n"
                      "\\descript{| Researcher}\n\\location{Jan 2014 | Ithaca}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_sections, 2);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_EXPERIENCE);
    EXPECT_TRUE(!m->sections[0].standard_heading);
    /* Only the wording that names a field is re-read from its content. */
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_PUBLICATIONS);
    rls_resume_delete(m);

    /* A research section of prose keeps its reading. */
    m = parse("\\begin{document}\n\\section{Research}\nRobust planning under uncertainty.\n"
              "\\end{document}\n");
    ASSERT_EQ_INT(m->n_sections, 1);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_PUBLICATIONS);
    rls_resume_delete(m);
}

static void test_entry_ends_with_its_environment(void) {
    /* friggeri: a bold label between two entry lists heads the next list;
     * it is not the description of the entry above it. */
    const char *src = "\\begin{document}\n\\section{Activities}\n"
                      "\\begin{entrylist}\n\\entry{2012-2013}{Vice-Director}{caos.pt}{Open source "
                      "centre}\n\\end{entrylist}\n"
                      "\\textbf{\\Large Young Enterprise}\n\n"
                      "\\begin{entrylist}\n\\entry{2013-2014}{Member}{yme.pt}{}\n\\end{entrylist}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "Open source centre");
    EXPECT_EQ_INT(m->paragraphs[0].entry, 0);
    EXPECT_STR_EQ(m->paragraphs[1].plain.text, "Young Enterprise");
    EXPECT_EQ_INT(m->paragraphs[1].entry, -1);
    rls_resume_delete(m);
}

static void test_description_labels_are_skill_categories(void) {
    const char *src = "\\begin{document}\n\\section{Skills}\n\\begin{description}\n"
                      "\\item[Programming Languages:] Ruby, Python\n"
                      "\\item[Données \\& APIs:] GraphQL\n\\end{description}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_skills, 3);
    EXPECT_STR_EQ(m->skills[0].category, "Programming Languages");
    EXPECT_STR_EQ(m->skills[1].text, "Python");
    EXPECT_STR_EQ(m->skills[2].category, "Données & APIs");
    EXPECT_TRUE(span_is(src, m->skills[2].span, "GraphQL"));
    rls_resume_delete(m);
}

static void test_aside_sets_each_source_line_apart(void) {
    /* friggeri-cv's sidebar typesets every source line on its own line. */
    const char *src = "\\begin{document}\n\\begin{aside}\n\\section{Idiomas}\n  Português\n"
                      "  Inglês Intermédio\n\\section{Contact}\n  ana@x.pt\n  ana.pt\n"
                      "\\end{aside}\n\\section{Sobre}\nNome Ana\nLima\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_sections, 3);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_SKILLS);
    ASSERT_EQ_INT(m->n_skills, 2);
    EXPECT_STR_EQ(m->skills[0].text, "Português");
    EXPECT_STR_EQ(m->skills[1].text, "Inglês Intermédio");
    EXPECT_TRUE(span_is(src, m->skills[1].span, "Inglês Intermédio"));
    ASSERT_EQ_INT(m->n_paragraphs, 3);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "ana@x.pt");
    EXPECT_STR_EQ(m->paragraphs[1].plain.text, "ana.pt");
    /* Outside the sidebar a newline is a space again. */
    EXPECT_STR_EQ(m->paragraphs[2].plain.text, "Nome Ana Lima");
    rls_resume_delete(m);
}

static void test_undated_entries_under_skills_are_skill_groups(void) {
    const char *src = "\\begin{document}\n\\section{Skills}\n\\begin{entrylist}\n"
                      "\\entry{}{Java}{Expert}{JDBC, Sockets}\n"
                      "\\entry{}{Outros}{}{Python, Vim}\n\\end{entrylist}\n"
                      "\\section{Experience}\n\\begin{entrylist}\n"
                      "\\entry{2012-2014}{Engineer}{Acme}{Built things}\n\\end{entrylist}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Engineer");
    ASSERT_EQ_INT(m->n_skills, 4);
    EXPECT_STR_EQ(m->skills[0].text, "JDBC");
    EXPECT_STR_EQ(m->skills[0].category, "Java");
    EXPECT_STR_EQ(m->skills[3].text, "Vim");
    EXPECT_STR_EQ(m->skills[3].category, "Outros");
    rls_resume_delete(m);
}

static void test_rendercv_entry_environments(void) {
    const char *src =
        "\\begin{document}\n\\section{Experience}\n"
        "\\begin{twocolentry}{\n  Sept 2015 – present\n}\n"
        "  \\textbf{Software Engineer}, Some \\textbf{Company} -- Istanbul, "
        "Turkey\\end{twocolentry}\n"
        "\\begin{onecolentry}\\begin{highlights}\\item Cut build time by 40\\%\\end{highlights}"
        "\\end{onecolentry}\n"
        "\\section{Education}\n"
        "\\begin{onecolentry}\\textbf{Boğaziçi University}, BS in Physics\\end{onecolentry}\n"
        "\\section{Summary}\n\\begin{onecolentry}Plain text here.\\end{onecolentry}\n"
        "\\begin{onecolentry}\\textbf{Programming:} Python, C++\\end{onecolentry}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Software Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Some Company");
    EXPECT_STR_EQ(m->entries[0].location, "Istanbul, Turkey");
    EXPECT_TRUE(m->entries[0].dates.valid);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2015);
    EXPECT_TRUE(m->entries[0].dates.end.present);
    EXPECT_TRUE(span_is(src, m->entries[0].dates.span, "Sept 2015 – present"));
    /* The list in the next onecolentry holds this entry's bullets. */
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    /* Education names the school first. */
    EXPECT_STR_EQ(m->entries[1].org, "Boğaziçi University");
    EXPECT_STR_EQ(m->entries[1].title, "BS in Physics");
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "Plain text here.");
    EXPECT_STR_EQ(m->paragraphs[1].plain.text, "Programming: Python, C++");
    rls_resume_delete(m);
}

static void test_unmarked_list_item_of_lines_is_lines(void) {
    const char *src =
        "\\begin{document}\n\\section{Awards}\n"
        "\\begin{itemize}[leftmargin=0.15in, label={}]\n"
        "  \\small{\\item{\\textbf{2024 Best Hack}{ @ HackAz} \\\\\n"
        "  \\textbf{2016 1st Place}{ @ Startup Weekend} \\\\\n  }}\n\\end{itemize}\n"
        "\\begin{itemize}\n\\item Led 4 engineers \\\\ across 2 teams\n\\end{itemize}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "2024 Best Hack @ HackAz");
    EXPECT_STR_EQ(m->paragraphs[1].plain.text, "2016 1st Place @ Startup Weekend");
    EXPECT_TRUE(span_is(src, rls_plain_cover(&m->paragraphs[1].plain, 0, 4), "2016"));
    /* A list with markers keeps a broken line as one bullet. */
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Led 4 engineers across 2 teams");
    rls_resume_delete(m);
}

static void test_dated_subsection_bold_part_is_the_organisation(void) {
    const char *src = "\\begin{document}\n\\section{实习经历}\n"
                      "\\datedsubsection{\\textbf{上海交通大学}, 上海}{2015 年5月 -- 至今}\n"
                      "\\role{实习}{经理}\n"
                      "\\datedsubsection{\\textbf{Cargo}}{2019}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].org, "上海交通大学");
    EXPECT_STR_EQ(m->entries[0].location, "上海");
    EXPECT_STR_EQ(m->entries[0].title, "实习");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2015);
    EXPECT_EQ_INT(m->entries[0].dates.start.month, 5);
    EXPECT_TRUE(m->entries[0].dates.end.present);
    EXPECT_STR_EQ(m->entries[1].org, "Cargo");
    EXPECT_TRUE(m->entries[1].location == NULL);
    rls_resume_delete(m);
}

static void test_separators_left_by_contacts_are_not_text(void) {
    const char *src = "\\cvmail{ana@x.fr}\n\\cvnumberphone{(+33) 6 03 99 10 66}\n"
                      "\\begin{document}\n\\name{Ana Lima}\n\n"
                      "\\basicInfo{\\email{ana@x.io} \\textperiodcentered\\ \\phone{555-123-4567} "
                      "\\textperiodcentered\\ }\n\nLyon $|$ Paris · \\textperiodcentered\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "Ana Lima");
    /* The line of separators between the contacts is gone; a line's own
     * trailing ones are trimmed, the bar between two places stays. */
    EXPECT_STR_EQ(m->paragraphs[1].plain.text, "Lyon | Paris");
    EXPECT_TRUE(span_is(src, m->paragraphs[1].span, "Lyon $|$ Paris"));
    int emails = 0, phones = 0;
    for (uint32_t i = 0; i < m->n_contacts; i++) {
        emails += m->contacts[i].kind == RLS_CONTACT_EMAIL;
        phones += m->contacts[i].kind == RLS_CONTACT_PHONE;
    }
    /* twentysecondcv's sidebar macros, set in the preamble, are contacts too. */
    EXPECT_EQ_INT(emails, 2);
    EXPECT_EQ_INT(phones, 2);
    rls_resume_delete(m);
}

static void test_moderncv_grade_is_a_line_of_its_entry(void) {
    const char *src =
        "\\begin{document}\n\\section{Education}\n"
        "\\cventry{2010--2014}{BSc Physics}{Uni Lyon}{Lyon}{\\textit{GPA 3.9}}{Thesis on "
        "optics}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "GPA 3.9");
    EXPECT_EQ_INT(m->paragraphs[0].entry, 0);
    EXPECT_STR_EQ(m->paragraphs[1].plain.text, "Thesis on optics");
    EXPECT_EQ_INT(m->paragraphs[1].entry, 0);
    rls_resume_delete(m);
}

static void test_one_name_line_splits_into_role_and_employer(void) {
    /* A document's own entry macro (inferred from its \newcommand) with
     * "role, employer" in one argument. */
    const char *src =
        "\\newcommand{\\uthree}[4]{\\textbf{#1} \\hfill #2 \\\\ #3 "
        "\\begin{itemize}#4\\end{itemize}}\n"
        "\\begin{document}\n\\section{Experience}\n"
        "\\uthree{Tech Lead, Incubyte}{Jun 2021 -- Present}{Remote}{\\item Led 11 "
        "engineers}\n\\section{Projects}\n"
        "\\uthree{Parser, Lexer}{2020}{GitHub}{\\item Wrote it}\n"
        "\\section{Work}\n"
        "\\datedsubsection{\\textbf{PingCAP Inc. - Database - Kernel R\\&D}}{Aug 2023 -- "
        "Present}\n\\datedsubsection{\\textbf{Acme - Tools}}{2019}\n\\role{Engineer}{x}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 4);
    EXPECT_STR_EQ(m->entries[0].title, "Tech Lead");
    EXPECT_STR_EQ(m->entries[0].org, "Incubyte");
    EXPECT_STR_EQ(m->entries[0].location, "Remote");
    /* A project's name keeps its comma. */
    EXPECT_STR_EQ(m->entries[1].title, "Parser, Lexer");
    EXPECT_TRUE(m->entries[1].org == NULL);
    /* "Employer - Department - Role" without a \role line. */
    EXPECT_STR_EQ(m->entries[2].org, "PingCAP Inc.");
    EXPECT_STR_EQ(m->entries[2].title, "Kernel R&D");
    /* With a \role line the heading stays the organisation. */
    EXPECT_STR_EQ(m->entries[3].org, "Acme - Tools");
    EXPECT_STR_EQ(m->entries[3].title, "Engineer");
    rls_resume_delete(m);
}

static void test_group_after_a_line_break_is_the_next_line(void) {
    /* The grammar takes "{...}" after "\\" as the break's argument. */
    const char *src = "\\begin{document}\n\\section{Coursework}\nOperating Systems \\\\\n"
                      "{\\footnotesize \\textit{(TA 2x)}} \\\\\nCompilers\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_paragraphs, 3);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "Operating Systems");
    EXPECT_STR_EQ(m->paragraphs[1].plain.text, "(TA 2x)");
    EXPECT_TRUE(span_is(src, m->paragraphs[1].span, "(TA 2x)"));
    EXPECT_STR_EQ(m->paragraphs[2].plain.text, "Compilers");
    rls_resume_delete(m);
}

static void test_fields_settle_by_what_they_say(void) {
    const char *src =
        "\\cvsite{95320 Saint-Leu - France}\n\\cvgithub{ana}\n\\begin{document}\n"
        "\\section{Expériences}\n"
        "\\twentyitem{Avril 2018}{6 mois}{Stage ingénieur}{\\href{https://x.fr}{(92230)}}"
        "{}{Simulateur}\n"
        "\\section{Education}\n"
        "\\datedsubsection{\\textbf{Software Engineering Bachelor's Degree}}{2015 -- "
        "2019}\n"
        "\\datedsubsection{\\textbf{Chongqing University}}{2011 -- 2015}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[0].title, "Stage ingénieur");
    EXPECT_TRUE(m->entries[0].org == NULL);
    EXPECT_STR_EQ(m->entries[0].location, "(92230)");
    EXPECT_STR_EQ(m->entries[1].title, "Software Engineering Bachelor's Degree");
    EXPECT_TRUE(m->entries[1].org == NULL);
    EXPECT_STR_EQ(m->entries[2].org, "Chongqing University");
    EXPECT_TRUE(m->entries[2].title == NULL);
    /* An address typed into the site macro is no link; a handle is. */
    ASSERT_EQ_INT(m->n_contacts, 1);
    EXPECT_STR_EQ(m->contacts[0].text, "ana");
    rls_resume_delete(m);
}

static void test_jakes_heading_role_is_the_argument_naming_one(void) {
    const char *src =
        "\\begin{document}\n\\section{Leadership}\n"
        "\\resumeSubheading{SunSesh AZ}{Feb. 2021 - Present}{Founder and Organizer}"
        "{Tempe, AZ}\n\\section{Experience}\n"
        "\\resumeSubheading{Research Assistant}{June 2020 -- Present}{Texas Lab}{TX}\n"
        "\\resumeSubheading{Acme Robotics}{2019}{Platform Team}{Remote}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[0].title, "Founder and Organizer");
    EXPECT_STR_EQ(m->entries[0].org, "SunSesh AZ");
    EXPECT_STR_EQ(m->entries[1].title, "Research Assistant");
    EXPECT_STR_EQ(m->entries[1].org, "Texas Lab");
    /* Neither names a role: the template's order stands. */
    EXPECT_STR_EQ(m->entries[2].title, "Acme Robotics");
    rls_resume_delete(m);
}

static void test_name_and_tagline_are_lines_of_their_own(void) {
    const char *src = "\\name{Marta Souza}\n\\begin{document}\n\\name{Marta Souza}\n"
                      "\\tagline{Engenheira \\& Geek}\n\\makecvheader\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "Marta Souza");
    EXPECT_TRUE(m->paragraphs[0].span.start_byte > 20);
    EXPECT_STR_EQ(m->paragraphs[1].plain.text, "Engenheira & Geek");
    rls_resume_delete(m);
}

/* A document's own table layout: its heading macro puts the dates in a
 * \multirow (whose row count and width are layout), the employer on the
 * row under the role, and draws its items with a bullet glyph in a cell. */
static void test_own_table_macros_read_as_role_employer_and_items(void) {
    const char *src = "\\newenvironment{block}[1]{\\section{#1}"
                      "\\begin{tabular}{p{2cm}|p{12cm}}}{\\end{tabular}}\n"
                      "\\newcommand{\\head}[2]{\\multirow[t]{2}{*}{\\small #1} & \\textbf{#2}}\n"
                      "\\newcommand{\\where}[1]{\\\\& \\emph{#1}}\n"
                      "\\newcommand{\\point}[1]{\\\\& \\textbullet\\ #1}\n"
                      "\\begin{document}\n\\begin{block}{Experience}\n"
                      "\\head{Mar 2019 -- Jun 2021}{Backend Developer}\n\\where{Quixotic}\n"
                      "\\point{Cut deploy time by half}\n\\point{Wrote the billing service}\n"
                      "\\\\ \\multicolumn{2}{c}{} \\\\\n\\end{block}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Backend Developer");
    EXPECT_STR_EQ(m->entries[0].org, "Quixotic");
    EXPECT_TRUE(m->entries[0].location == NULL);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2019);
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2021);
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Cut deploy time by half");
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_TRUE(span_is(src, m->bullets[0].span, "Cut deploy time by half"));
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Wrote the billing service");
    /* "\\multicolumn{2}{c}{}" leaves no line. */
    EXPECT_EQ_INT(m->n_paragraphs, 0);
    rls_resume_delete(m);
}

/* A known template's macro name taken by a document whose own class
 * orders the arguments otherwise: the all-date argument is the dates, the
 * template's fields take the rest in order, and a sentence is no place. */
static void test_template_macro_with_its_arguments_in_another_order(void) {
    const char *src = "\\begin{document}\n\\section{Experiência}\n"
                      "\\cvevent{2019--atual}{Analista de Dados}{Quixotic Ltda}"
                      "{Painéis de vendas e relatórios automáticos para a equipe comercial.}\n"
                      "\\cvevent{Data Analyst}{Quixotic}{2016 -- 2018}{Lisbon}\n"
                      /* a long name, in capitals, is a name and no sentence */
                      "\\cvevent{2012--2014}{Tesoureira}{Liga Acadêmica de Engenharia da "
                      "Universidade Federal do Pará}{Organizei a semana de engenharia.}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[2].title, "Tesoureira");
    EXPECT_STR_EQ(m->entries[2].org,
                  "Liga Acadêmica de Engenharia da Universidade Federal do Pará");
    EXPECT_EQ_INT(m->entries[2].dates.start.year, 2012);
    EXPECT_STR_EQ(m->entries[0].title, "Analista de Dados");
    EXPECT_STR_EQ(m->entries[0].org, "Quixotic Ltda");
    EXPECT_TRUE(m->entries[0].location == NULL);
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2019);
    EXPECT_TRUE(m->entries[0].dates.end.present);
    EXPECT_TRUE(span_is(src, m->entries[0].dates.span, "2019--atual"));
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_EQ_INT(m->paragraphs[0].entry, 0);
    /* The template's own order still reads as it did. */
    EXPECT_STR_EQ(m->entries[1].title, "Data Analyst");
    EXPECT_STR_EQ(m->entries[1].org, "Quixotic");
    EXPECT_STR_EQ(m->entries[1].location, "Lisbon");
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2016);
    rls_resume_delete(m);
}

/* Template slots that hold a place or a colour: the fields are passed in
 * another order than the template's, and are taken by what they say. */
static void test_entry_fields_out_of_their_slots_are_typed_by_content(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      /* moderncv's arguments, the role in the description */
                      "\\cventry{\\textbf{2019 -- 2021}}{Quixotic}{Berlin, Germany}{}{}"
                      "{Senior Data Engineer}\n"
                      /* a class of its own: dates, city, dot colour, role, employer */
                      "\\cventry{2016 -- 2018}{Madrid}{accentgray}{Backend Developer}"
                      "{\\textit{Zorblax}}{\\begin{itemize}\\item Shipped the billing API."
                      "\\end{itemize}}\n"
                      /* the template's own order is left alone */
                      "\\cventry{2014 -- 2015}{Intern}{Acme}{Paris}{}{Built dashboards.}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[0].title, "Senior Data Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Quixotic");
    EXPECT_STR_EQ(m->entries[0].location, "Berlin, Germany");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2019);
    EXPECT_STR_EQ(m->entries[1].title, "Backend Developer");
    EXPECT_STR_EQ(m->entries[1].org, "Zorblax");
    EXPECT_STR_EQ(m->entries[1].location, "Madrid");
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_EQ_INT(m->bullets[0].entry, 1);
    EXPECT_STR_EQ(m->entries[2].title, "Intern");
    EXPECT_STR_EQ(m->entries[2].org, "Acme");
    EXPECT_STR_EQ(m->entries[2].location, "Paris");
    /* The role taken from the description is not also a line of text. */
    ASSERT_EQ_INT(m->n_paragraphs, 1);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "Built dashboards.");
    rls_resume_delete(m);
}

/* Chinese is written without spaces: a space in one name field parts the
 * school or employer from the degree or role after it. */
static void test_space_in_a_cjk_name_parts_the_role_after_it(void) {
    const char *src = "\\begin{document}\n\\section{教育背景}\n"
                      "\\datedsubsection{\\textbf{浙江大学\\ 硕士}}{2015 -- 2018}\n"
                      "\\datedsubsection{\\textbf{北京理工大学研究生院\\ 博士后}}{2018 -- 至今}\n"
                      "\\datedsubsection{\\textbf{Acme 工作室}}{2012 -- 2014}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[0].title, "硕士");
    EXPECT_STR_EQ(m->entries[0].org, "浙江大学");
    EXPECT_STR_EQ(m->entries[1].title, "博士后");
    EXPECT_STR_EQ(m->entries[1].org, "北京理工大学研究生院");
    EXPECT_TRUE(m->entries[1].dates.end.present);
    /* No role after the space: the name stays whole. */
    EXPECT_TRUE(m->entries[2].title == NULL);
    EXPECT_STR_EQ(m->entries[2].org, "Acme 工作室");
    rls_resume_delete(m);
}

/* A class's own macro with the two ends of its range in two arguments
 * ("\\job{start}[end]{...}") and a spacing macro of the class between
 * entries ("\\spacer{0.5ex}"): one range, and the length is no text. */
static void test_range_over_two_arguments_and_a_length_argument(void) {
    const char *src = "\\begin{document}\n\\section{工作经历}\n"
                      "\\job%\n  {2018.04}%\n  [2018.08]%\n  {数据工程师 @ 领脉科技}\n\n"
                      "\\spacer{0.5ex}\n"
                      "\\job%\n  {2016.01}%\n  [2017.03]%\n  {网站开发 @ Zorblax}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "数据工程师");
    EXPECT_STR_EQ(m->entries[0].org, "领脉科技");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2018);
    EXPECT_EQ_INT(m->entries[0].dates.start.month, 4);
    EXPECT_EQ_INT(m->entries[0].dates.end.month, 8);
    EXPECT_STR_EQ(m->entries[1].title, "网站开发");
    EXPECT_STR_EQ(m->entries[1].org, "Zorblax");
    EXPECT_EQ_INT(m->entries[1].dates.end.year, 2017);
    EXPECT_EQ_INT(m->entries[1].dates.end.month, 3);
    EXPECT_TRUE(m->entries[0].location == NULL);
    EXPECT_TRUE(m->entries[1].location == NULL);
    EXPECT_EQ_INT(m->n_paragraphs, 0);
    rls_resume_delete(m);
}

/* A class's section macro used as an environment heads a section, and a
 * section whose heading names no kind holding the class's dated entry
 * environments lists roles; each environment's arguments are its header
 * line, apart from the text under it. */
static void test_section_environment_of_dated_entry_environments(void) {
    const char *src = "\\begin{document}\n\\begin{cvsection}{Projects}\nA parser.\n"
                      "\\end{cvsection}\n"
                      "\\begin{cvsection}{Teaching and Leadership}\n"
                      "\\begin{cvsubsection}{2016 -- 2018}{Council Representative}{Baylor "
                      "College}\nChaired the events committee.\n\\end{cvsubsection}\n"
                      "\\end{cvsection}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_sections, 2);
    EXPECT_STR_EQ(m->sections[0].heading.text, "Projects");
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_PROJECTS);
    EXPECT_STR_EQ(m->sections[1].heading.text, "Teaching and Leadership");
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_EXPERIENCE);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Council Representative");
    EXPECT_STR_EQ(m->entries[0].org, "Baylor College");
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2018);
    rls_resume_delete(m);
}

/* A description item whose label is the role and whose text closes on
 * the organisation and the dates ("\\textit{Org : 2015 -- 2016}"). */
static void test_description_item_closing_on_organisation_and_dates(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n\\begin{description}\n"
                      "\\item[Student Mentor] Guided a first year student. Planned the course "
                      "work.\n  \\textit{Baylor College : 2015 -- 2016}\n"
                      "\\item[High School Tutor] Tutored students for a state test.\n"
                      "  \\textit{Clear Lake High School : 2012}\n"
                      "\\end{description}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Student Mentor");
    EXPECT_STR_EQ(m->entries[0].org, "Baylor College");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2015);
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2016);
    EXPECT_TRUE(span_is(src, m->entries[0].dates.span, "2015 -- 2016"));
    EXPECT_STR_EQ(m->entries[1].title, "High School Tutor");
    EXPECT_STR_EQ(m->entries[1].org, "Clear Lake High School");
    ASSERT_EQ_INT(m->n_paragraphs, 2);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text,
                  "Guided a first year student. Planned the course work.");
    EXPECT_EQ_INT(m->paragraphs[0].entry, 0);
    EXPECT_EQ_INT(m->paragraphs[1].entry, 1);
    rls_resume_delete(m);
}

/* "School, College Station TX": a US city before its state's code with no
 * comma between them is the place after the organisation; "Siemens AG" is
 * no city. */
static void test_city_before_its_state_code_is_the_place(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      "\\datedsubsection{Texas A\\&M Health Center, College Station TX}{2010 -- "
                      "2013}\n\\role{Student Researcher}{}\n"
                      "\\datedsubsection{Siemens AG, Munich}{2014 -- 2015}\n"
                      "\\role{Engineer}{}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].org, "Texas A&M Health Center");
    EXPECT_STR_EQ(m->entries[0].location, "College Station TX");
    EXPECT_STR_EQ(m->entries[1].org, "Siemens AG");
    EXPECT_STR_EQ(m->entries[1].location, "Munich");
    rls_resume_delete(m);
}

/* Under a dated entry, an undated call of another entry macro with no
 * organisation is a line of that entry; the same macro undated is still
 * an entry of its own (a project without dates). */
static void test_undated_sub_heading_under_a_dated_entry_is_its_line(void) {
    const char *src = "\\begin{document}\n\\section{项目经历}\n\\resumeSubHeadingList\n"
                      "\\resumeSubheading{数据压缩}{2021--2022年}{研发工程师}{圣彼得堡}\n"
                      "\\resumeSubSubheading{该项目通过有损压缩达到96\\% 压缩率。}{}\n"
                      "\\resumeSubSubheading{Cut storage by 7x.}{}\n"
                      "\\section{Projects}\n"
                      "\\resumeProjectHeading{ShapG}{}\n\\resumeProjectHeading{Newsify}{}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2022);
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "该项目通过有损压缩达到96% 压缩率。");
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_EQ_INT(m->bullets[1].entry, 0);
    EXPECT_STR_EQ(m->entries[1].title, "ShapG");
    EXPECT_STR_EQ(m->entries[2].title, "Newsify");
    rls_resume_delete(m);
}

/* " at " after a role names the employer; after an institution's name it
 * names the campus and stays in the name. */
static void test_at_after_an_institution_is_part_of_its_name(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      "\\textbf{Research Assistant, University of California at Irvine} \\hfill "
                      "2004 -- 2008\n\n\\textbf{Developer at Hearo} \\hfill 2011 -- 2012\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Research Assistant");
    EXPECT_STR_EQ(m->entries[0].org, "University of California at Irvine");
    EXPECT_STR_EQ(m->entries[1].title, "Developer");
    EXPECT_STR_EQ(m->entries[1].org, "Hearo");
    rls_resume_delete(m);
}

/* In a section of projects, the right-hand column after the dates is the
 * place when it names one and otherwise whom the work was for. */
static void test_project_line_right_column_is_place_or_organisation(void) {
    const char *src = "\\begin{document}\n\\section{Open Source Projects}\n"
                      "{\\bfseries Maintainer $|$ \\textit{Nov 2018 -- Present} \\hfill "
                      "\\href{https://github.com/x}{GitHub}} \\par\n\n"
                      "{\\bfseries Parser $|$ \\textit{2020 -- 2021} \\hfill Berlin} \\par\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_sections, 1);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_PROJECTS);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Maintainer");
    EXPECT_STR_EQ(m->entries[0].org, "GitHub");
    EXPECT_TRUE(m->entries[0].location == NULL);
    EXPECT_STR_EQ(m->entries[1].title, "Parser");
    EXPECT_TRUE(m->entries[1].org == NULL);
    EXPECT_STR_EQ(m->entries[1].location, "Berlin");
    rls_resume_delete(m);
}

/* An employer shown as its logo only: the image's file name names it, and
 * the postcode beside it is the place. */
static void test_logo_in_the_organisation_slot_names_it(void) {
    const char *src = "\\begin{document}\n\\section{Expériences}\n"
                      "\\twentyitem{Avril 2018}{6 mois}{Stage ingénieur}"
                      "{\\href{https://x.fr}{\\includegraphics[scale=0.3]{img/quixo-logo.png} "
                      "\\hspace{0.5cm} (92230)}}{}{Simulateur}\n"
                      "\\twentyitem{Juin 2017}{2 mois}{Stage technicien}"
                      "{\\includegraphics{Logo_zorb_2011.png}}{}{Outil}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Stage ingénieur");
    EXPECT_STR_EQ(m->entries[0].org, "Quixo");
    EXPECT_STR_EQ(m->entries[0].location, "(92230)");
    EXPECT_STR_EQ(m->entries[1].org, "Zorb");
    rls_resume_delete(m);
    /* A call with fewer arguments than the organisation's slot. */
    m = parse("\\begin{document}\n\\section{Experience}\n\\cvevent{Engineer}\n"
              "\\end{document}\n");
    EXPECT_TRUE(m != NULL);
    rls_resume_delete(m);
}

/* A macro that amends an entry, called where there is none, is a line of
 * its arguments, each a cell: dated, it heads an entry of its own. */
static void test_amendment_without_an_entry_is_a_line_of_cells(void) {
    const char *src = "\\begin{document}\n\\section{Education}\n"
                      "\\role{M.Sc. Physics}{Technical University of Berlin, 2015 - 2018}\n"
                      "\\role{B.Sc. Psychology}{University of Vienna, 2013 - 2015}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "M.Sc. Physics");
    EXPECT_STR_EQ(m->entries[0].org, "Technical University of Berlin");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2015);
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2018);
    EXPECT_STR_EQ(m->entries[1].org, "University of Vienna");
    EXPECT_EQ_INT(m->n_paragraphs, 0);
    rls_resume_delete(m);
}

/* A grade after the degree, labelled or not, in ASCII or full-width
 * brackets, is no part of the degree's name. */
static void test_labelled_grade_after_the_degree_is_cut(void) {
    const char *src = "\\begin{document}\n\\section{教育背景}\n"
                      "\\resumeSubheading{延安大学}{2015.09 -- 2019.06}"
                      "{计算机科学学士（GPA：3.1/4.0）}{中国，延安}\n"
                      "\\resumeSubheading{Quixote College}{2011 -- 2015}"
                      "{BA Mathematics (GPA: 3.8/4.0)}{Boston, MA}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "计算机科学学士");
    EXPECT_STR_EQ(m->entries[0].org, "延安大学");
    EXPECT_STR_EQ(m->entries[1].title, "BA Mathematics");
    rls_resume_delete(m);
}

/* A role line of the document's own macro, then "Employer, City" on the
 * next line: the name before the comma is the employer, the city its
 * place; a line that is only a place stays the place. */
static void test_name_and_place_under_a_role_are_employer_and_place(void) {
    const char *src = "\\documentclass{article}\n"
                      "\\newcommand{\\job}[4]{\\textbf{#2} \\hfill #4\\\\ \\textit{#1}, #3\\par}\n"
                      "\\begin{document}\n\\section*{Experience}\n"
                      "\\job{Northwind Traders}{Data Engineer}{Lisbon}{Jan 2022 -- Present}\n"
                      "\\begin{itemize}\n\\item Cut the nightly run from 6 h to 50 min\n"
                      "\\end{itemize}\n"
                      "\\textbf{Junior Analyst} \\hfill Sep 2019 -- Dec 2021\\\\\n"
                      "Lisbon, Portugal\n\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Data Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Northwind Traders");
    EXPECT_STR_EQ(m->entries[0].location, "Lisbon");
    EXPECT_STR_EQ(m->entries[1].title, "Junior Analyst");
    EXPECT_TRUE(m->entries[1].org == NULL);
    rls_resume_delete(m);
}

/* A role's header set in a table ("Role & Dates \\ Employer & Place"), its
 * items in a list below the table: the list is the role's, and the
 * employer and place are two cells, not one name. */
static void test_table_header_keeps_its_entry_for_the_list_below(void) {
    const char *src = "\\begin{document}\n\\section*{Experience}\n"
                      "\\begin{tabular*}{\\textwidth}{l@{\\extracolsep{\\fill}}r}\n"
                      "\\textbf{Analytics Engineer} & \\textbf{2021 -- Present} \\\\\n"
                      "\\textit{Monzo Bank} & \\textit{London, UK} \\\\\n"
                      "\\end{tabular*}\n"
                      "\\begin{itemize}\n\\item Rebuilt 60 models, cutting spend by 25\\%\n"
                      "\\end{itemize}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Analytics Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Monzo Bank");
    EXPECT_STR_EQ(m->entries[0].location, "London, UK");
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    rls_resume_delete(m);
}

/* When a line's names do not say which is the role, the order the
 * section's other entries use decides ("Huenei -- Application Support"
 * under three "Employer -- Role" lines). */
static void test_order_of_the_section_settles_an_ambiguous_entry(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      "\\textbf{Globex Corporation} -- Software Engineer \\hfill 2021 -- 2022\\\\\n"
                      "\\textbf{Initech Inc.} -- Data Analyst \\hfill 2019 -- 2021\\\\\n"
                      "\\textbf{Umbrella Ltd} -- Product Manager \\hfill 2017 -- 2019\\\\\n"
                      "\\textbf{Huenei} -- Application Support \\hfill 2015 -- 2017\\\\\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 4);
    EXPECT_STR_EQ(m->entries[3].title, "Application Support");
    EXPECT_STR_EQ(m->entries[3].org, "Huenei");
    rls_resume_delete(m);
}

static void test_project_named_first_is_the_title_over_its_role_or_stack(void) {
    const char *src = "\\begin{document}\n\\section{Projects}\n\\begin{itemize}\n"
                      "\\resumeSubheading{Tide Gauge Mapper}{2022}{Lead Developer}{}\n"
                      "\\resumeSubheading{Globex Inc.}{2021}{Software Engineer}{Oslo}\n"
                      "\\end{itemize}\n"
                      "\\section{Experience}\n"
                      "\\datedsubsection{\\textbf{Hangman Solver}}{2019 -- 2020}\n"
                      "\\role{Rust, Tokio}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    /* The role written under the project is how it was done. */
    EXPECT_STR_EQ(m->entries[0].title, "Tide Gauge Mapper");
    EXPECT_TRUE(m->entries[0].org == NULL);
    /* An employer keeps the role. */
    EXPECT_STR_EQ(m->entries[1].title, "Software Engineer");
    EXPECT_STR_EQ(m->entries[1].org, "Globex Inc.");
    /* A stack is no title, in any section. */
    EXPECT_STR_EQ(m->entries[2].title, "Hangman Solver");
    EXPECT_TRUE(m->entries[2].org == NULL);
    rls_resume_delete(m);
}

static void test_entry_macro_in_a_section_of_talks_heads_an_entry_only_for_a_role(void) {
    const char *src = "\\begin{document}\n\\section{Conference Talks}\n\\begin{itemize}\n"
                      "\\resumeSubheading{Workshop on Tidal Models}{Bergen, Norway}"
                      "{Poster Presentation}{May 2023}\n"
                      "\\resumeSubheading{Harbour Summit}{Kiel, Germany}{Keynote Speaker}{2022}\n"
                      "\\end{itemize}\n"
                      "\\section{Research Interests}\n\\begin{itemize}\n"
                      "\\resumeProjectHeading{Hydrology $\\cdot$ Sediment transport}{}\n"
                      "\\end{itemize}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Keynote Speaker");
    EXPECT_STR_EQ(m->entries[0].org, "Harbour Summit");
    /* The talk and the keywords are lines of their sections. */
    bool talk = false, keywords = false;
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        const char *t = m->paragraphs[i].plain.text;
        talk |= strstr(t, "Workshop on Tidal Models") && strstr(t, "Poster Presentation") &&
                m->paragraphs[i].entry == -1;
        keywords |= strstr(t, "Sediment transport") != NULL;
    }
    EXPECT_TRUE(talk);
    EXPECT_TRUE(keywords);
    rls_resume_delete(m);
}

static void test_stack_after_a_bar_in_middle_dots_is_no_part_of_the_name(void) {
    const char *src = "\\begin{document}\n\\section{Projects}\n\\begin{itemize}\n"
                      "\\resumeProjectHeading{\\textbf{Tern} $|$ \\emph{Go $\\cdot$ Raft "
                      "$\\cdot$ consensus}}{2021}\n"
                      "\\end{itemize}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Tern");
    rls_resume_delete(m);
}

static void test_dated_labelled_sub_line_is_a_fact_of_its_entry(void) {
    const char *src = "\\begin{document}\n\\section{Education}\n\\begin{itemize}\n"
                      "\\resumeSubheading{Fjord University}{2018 -- 2022}{PhD in Physics}{Bergen}\n"
                      "\\resumeSubSubheading{Thesis: On Tides and Sediment}{May 2022}\n"
                      "\\resumeSubSubheading{Teaching Assistant}{2020 -- 2021}\n"
                      "\\end{itemize}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "PhD in Physics");
    EXPECT_STR_EQ(m->entries[1].title, "Teaching Assistant");
    EXPECT_EQ_INT(m->n_bullets, 0);
    bool thesis = false;
    for (uint32_t i = 0; i < m->n_paragraphs; i++)
        thesis |= !strcmp(m->paragraphs[i].plain.text, "Thesis: On Tides and Sediment") &&
                  m->paragraphs[i].entry == 0;
    EXPECT_TRUE(thesis);
    rls_resume_delete(m);
}

static void test_line_under_a_school_or_a_degree_gives_the_field_it_lacks(void) {
    const char *src = "\\begin{document}\n\\section{Education}\n"
                      "\\datedsubsection{\\textbf{Fjord University}, Bergen}{2014 -- 2016}\n"
                      "\\textit{MSc} Marine Geology, expected March 2016\n\n"
                      "\\datedsubsection{\\textbf{Harbour College}, Oslo}{2010 -- 2014}\n"
                      "Rowing club captain and choir member\n"
                      "\\datedsubsection{\\textbf{BSc Physics}}{2006 -- 2010}\n"
                      "\\begin{itemize}\n\\item Lofoten University\n\\end{itemize}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    /* A degree without a school takes the line that names one. */
    EXPECT_STR_EQ(m->entries[2].org, "Lofoten University");
    EXPECT_STR_EQ(m->entries[0].title, "MSc Marine Geology");
    EXPECT_STR_EQ(m->entries[0].org, "Fjord University");
    /* A line that opens with no degree names none. */
    EXPECT_TRUE(m->entries[1].title == NULL);
    rls_resume_delete(m);
}

static void test_hfill_parts_columns_and_a_label_before_the_dates_is_no_name(void) {
    const char *src = "\\begin{document}\n\\section{Education}\n"
                      "\\textbf{Fjord University} \\hfill Hamar, Innlandet, Norway \\\\\n"
                      "\\textbf{MSc Marine Geology} \\hfill Graduation Date: June 2016 \\\\\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "MSc Marine Geology");
    EXPECT_STR_EQ(m->entries[0].org, "Fjord University");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2016);
    rls_resume_delete(m);
}

static void test_a_company_named_for_its_field_is_the_employer_under_a_role(void) {
    const char *src = "\\begin{document}\n\\ecvsection{Work experience}\n"
                      "\\ecvtitle{March 2012 -- May 2012}{Intern}\n"
                      "\\ecvitem{}{Fjordline engineering (Norway)}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Intern");
    EXPECT_STR_EQ(m->entries[0].org, "Fjordline engineering");
    rls_resume_delete(m);
}

static void test_rows_of_an_unknown_macro_are_lines_and_a_dated_fact_stays_with_its_entry(void) {
    const char *src = "\\begin{document}\n\\section{Education}\n"
                      "\\subsection{Master of Science in Geology}\n"
                      "\\cvrow{10.2011~--~10.2013}{Fjord University}\n"
                      "\\cvrow{21.10.2013}{Masterthesis~--~\\emph{Sediment of the North Sea}}\n"
                      "\\subsection{Bachelor of Science in Geology}\n"
                      "\\cvrow{10.2007~--~9.2011}{Fjord University}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].org, "Fjord University");
    EXPECT_EQ_INT(m->entries[0].dates.end.year, 2013);
    EXPECT_STR_EQ(m->entries[1].title, "Bachelor of Science in Geology");
    bool thesis = false;
    for (uint32_t i = 0; i < m->n_paragraphs; i++)
        thesis |= strstr(m->paragraphs[i].plain.text, "Sediment of the North Sea") &&
                  m->paragraphs[i].entry == 0;
    EXPECT_TRUE(thesis);
    rls_resume_delete(m);
}

static void test_labelled_dated_line_inside_an_entry_is_its_fact(void) {
    const char *src = "\\begin{document}\n\\section{Education}\n"
                      "\\textbf{MSc, Fjord University} \\hfill 2012 -- 2016\n\n"
                      "Thesis: Wind over Lofoten, defended June 2016\n\n"
                      "\\textbf{BSc, Fjord University} \\hfill 2008 -- 2011\n\n"
                      "Exchange: Lund University, 2012\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    /* The thesis falls inside the degree; the exchange after its end does not. */
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2008);
    bool thesis = false;
    for (uint32_t i = 0; i < m->n_paragraphs; i++)
        thesis |= strstr(m->paragraphs[i].plain.text, "Thesis:") && m->paragraphs[i].entry == 0;
    EXPECT_TRUE(thesis);
    rls_resume_delete(m);
}

static void test_stack_after_a_bar_is_cut_from_a_dated_project_line(void) {
    const char *src = "\\begin{document}\n\\section{Projects}\n"
                      "\\textbf{Harbour Radar} $|$ \\emph{Go, PostgreSQL} \\hfill 2022 \\\\\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Harbour Radar");
    rls_resume_delete(m);
}

static void test_role_lines_under_a_complete_role_are_roles_held_at_once(void) {
    const char *src = "\\begin{document}\n\\section{Employment}\n"
                      "Research Scientist, Fjord University \\hfill 2012 -- present \\\\\n"
                      "Manager, Lofoten Modelling Institute \\\\\n"
                      "Consultant, Tidewise Solutions LLC. \\\\\n"
                      "Field work on three glaciers \\\\\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[1].title, "Manager");
    EXPECT_STR_EQ(m->entries[1].org, "Lofoten Modelling Institute");
    EXPECT_TRUE(m->entries[1].dates.end.present);
    EXPECT_STR_EQ(m->entries[2].title, "Consultant");
    EXPECT_EQ_INT(m->entries[2].dates.start.year, 2012);
    rls_resume_delete(m);
}

static void test_organisation_after_the_dates_names_the_employer_of_the_roles_before(void) {
    const char *src =
        "\\begin{document}\n\\section{Employment}\n"
        "Laboratory Manager, Extension Educator, 2003--2004 Fjord A\\&T University \\\\\n"
        "Engineer, Acme Inc., 2005--2007 Oslo, Norway \\\\\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Laboratory Manager, Extension Educator");
    EXPECT_STR_EQ(m->entries[0].org, "Fjord A&T University");
    /* A place after the dates stays the place. */
    EXPECT_STR_EQ(m->entries[1].org, "Acme Inc.");
    EXPECT_STR_EQ(m->entries[1].location, "Oslo, Norway");
    rls_resume_delete(m);
}

static void test_group_followed_by_text_opens_an_environments_body(void) {
    const char *src = "\\begin{document}\n\\begin{cvblock}{Education}\n"
                      "{\\bf Utrecht University}, MSc in Physics \\hfill 2018 -- 2020\n"
                      "\\end{cvblock}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_sections, 1);
    EXPECT_STR_EQ(m->sections[0].heading.text, "Education");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].org, "Utrecht University");
    EXPECT_STR_EQ(m->entries[0].title, "MSc in Physics");
    rls_resume_delete(m);
}

static void test_role_in_the_cell_after_the_dates_is_the_title(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      "\\roleline{Nordlys Labs}{2018 -- 2021}{Data Analyst}{Tromsø}\n"
                      "\\begin{itemize}\n\\item Built 14 dashboards.\n\\end{itemize}\n"
                      "\\roleline{Kvitfjell AS}{2021 -- 2023}{Backend Developer}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Data Analyst");
    EXPECT_STR_EQ(m->entries[0].org, "Nordlys Labs");
    EXPECT_STR_EQ(m->entries[0].location, "Tromsø");
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    EXPECT_STR_EQ(m->entries[1].title, "Backend Developer");
    EXPECT_STR_EQ(m->entries[1].org, "Kvitfjell AS");
    EXPECT_TRUE(m->entries[1].location == NULL);
    rls_resume_delete(m);
}

static void test_role_line_over_an_employer_and_dates_line_keeps_its_place(void) {
    const char *src =
        "\\begin{document}\n\\section{Work}\n"
        "\\textbf{Data Engineer} \\hfill Kvaløysletta \\\\\n"
        "\\textit{Nordkyst Fiskeri ASA} \\hfill 2019 -- 2022\n"
        "\\begin{itemize}\n\\item Cut nightly loads from 6 to 2 hours.\n\\end{itemize}\n"
        "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Data Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Nordkyst Fiskeri ASA");
    EXPECT_STR_EQ(m->entries[0].location, "Kvaløysletta");
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    rls_resume_delete(m);
}

static void test_role_at_employer_row_heads_the_dated_row_under_it(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      "\\begin{tabular}{l r}\n"
                      "\\textbf{Platform Engineer}, Zalando & Berlin \\\\\n"
                      "\\emph{Checkout squad} & 2020 -- 2023 \\\\\n"
                      "\\end{tabular}\n"
                      "\\begin{itemize}\n\\item Halved checkout errors.\n\\end{itemize}\n"
                      "\\begin{tabular}{l r}\n"
                      "\\textbf{Support Engineer}, Rovio & Espoo \\\\\n"
                      " & 2017 -- 2019 \\\\\n"
                      "\\end{tabular}\n"
                      "\\begin{tabular}{l r}\n"
                      "\\textbf{Fjordline Shipping ASA} & Bergen \\\\\n"
                      " & 2015 -- 2017 \\\\\n"
                      "\\end{tabular}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_TRUE(m->n_entries >= 2);
    EXPECT_STR_EQ(m->entries[0].title, "Platform Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Zalando");
    EXPECT_STR_EQ(m->entries[0].location, "Berlin");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2020);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    /* A row of dates alone takes the row above whole. */
    EXPECT_STR_EQ(m->entries[1].title, "Support Engineer");
    EXPECT_STR_EQ(m->entries[1].org, "Rovio");
    EXPECT_STR_EQ(m->entries[1].location, "Espoo");
    EXPECT_EQ_INT(m->entries[1].dates.end.year, 2019);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[2].org, "Fjordline Shipping ASA");
    EXPECT_STR_EQ(m->entries[2].location, "Bergen");
    EXPECT_EQ_INT(m->entries[2].dates.start.year, 2015);
    rls_resume_delete(m);
}

static void test_grade_closing_a_degree_under_its_school_is_no_part_of_it(void) {
    const char *src = "\\begin{document}\n\\section{Education}\n"
                      "\\textbf{Aalto University} \\hfill Espoo \\\\\n"
                      "MSc in Applied Physics, CGPA: 4.6/5 \\hfill 2016 -- 2018\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "MSc in Applied Physics");
    EXPECT_STR_EQ(m->entries[0].org, "Aalto University");
    rls_resume_delete(m);
}

static void test_optional_argument_between_braces_of_an_unknown_macro_is_a_cell(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      "\\post{2016 -- 2020}{Geologist}[Statoil ASA]{Stavanger}\n"
                      "\\section{Education}\n"
                      "\\study{2011}[2016]{Trondheim}{Norwegian University of Science and "
                      "Technology}{MSc in Geophysics}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Geologist");
    EXPECT_STR_EQ(m->entries[0].org, "Statoil ASA");
    EXPECT_STR_EQ(m->entries[0].location, "Stavanger");
    EXPECT_STR_EQ(m->entries[1].title, "MSc in Geophysics");
    EXPECT_STR_EQ(m->entries[1].org, "Norwegian University of Science and Technology");
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2011);
    EXPECT_EQ_INT(m->entries[1].dates.end.year, 2016);
    rls_resume_delete(m);
}

static void test_entry_slot_ending_with_a_colon_is_a_label_not_the_employer(void) {
    const char *src = "\\documentclass{moderncv}\n\\begin{document}\n\\section{Experience}\n"
                      "\\cventry{2019 -- 2021}{Lecturer, Tutor}{Various:}{Turku}{}{}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Lecturer, Tutor");
    EXPECT_TRUE(m->entries[0].org == NULL);
    rls_resume_delete(m);
}

static void test_dated_line_inside_a_title_argument_is_no_part_of_it(void) {
    const char *src = "\\documentclass{moderncv}\n\\begin{document}\n\\section{Education}\n"
                      "\\cventry{2016 -- 2019}{MSc Marine Biology \\\\ \\textit{defended May "
                      "2019}}{University of Bergen}{Bergen}{}{}\n"
                      "\\cventry{2012 -- 2016}{BSc Biology \\newline Minor in Chemistry}"
                      "{University of Tromsø}{}{}{}\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "MSc Marine Biology");
    EXPECT_STR_EQ(m->entries[0].org, "University of Bergen");
    /* An undated second line stays in the title. */
    EXPECT_STR_EQ(m->entries[1].title, "BSc Biology Minor in Chemistry");
    rls_resume_delete(m);
}

static void test_later_role_line_under_an_employer_line_is_a_role_there(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      "\\textbf{Vipps} \\\\\n"
                      "Senior Developer, Payments squad \\hfill 2021 -- 2023 \\\\\n"
                      "\\begin{itemize}\n\\item Cut refunds to one day.\n\\end{itemize}\n"
                      "Developer, Payments squad \\hfill 2019 -- 2021 \\\\\n"
                      "\\begin{itemize}\n\\item Wrote the ledger.\n\\end{itemize}\n"
                      "Consultant, Bekk Consulting AS \\hfill 2017 -- 2019 \\\\\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[0].org, "Vipps");
    EXPECT_STR_EQ(m->entries[1].title, "Developer, Payments squad");
    EXPECT_STR_EQ(m->entries[1].org, "Vipps");
    EXPECT_EQ_INT(m->entries[1].n_bullets, 1);
    /* A line naming an employer of its own is a role there. */
    EXPECT_STR_EQ(m->entries[2].title, "Consultant");
    EXPECT_STR_EQ(m->entries[2].org, "Bekk Consulting AS");
    rls_resume_delete(m);
}

static void test_name_and_right_cell_over_a_role_line_are_employer_and_place(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      "\\textbf{Fjellvang Gruppen} \\hfill Fjellvang \\\\\n"
                      "\\textit{Developer} \\hfill 2016 -- 2018\n"
                      "\\section{Education}\n"
                      "\\textbf{NHH} \\hfill Bergen \\\\\n"
                      "\\textit{Master i økonomi} \\hfill 2011 -- 2016\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Developer");
    EXPECT_STR_EQ(m->entries[0].org, "Fjellvang Gruppen");
    EXPECT_STR_EQ(m->entries[0].location, "Fjellvang");
    EXPECT_STR_EQ(m->entries[1].org, "NHH");
    EXPECT_STR_EQ(m->entries[1].location, "Bergen");
    rls_resume_delete(m);
}

static void test_dated_outer_item_over_a_nested_list_heads_an_entry(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n\\begin{itemize}\n"
                      "\\item \\textbf{Oda}, Backend Developer \\hfill 2020 -- 2023\n"
                      "  \\begin{itemize}\n  \\item Cut delivery planning time by half.\n"
                      "  \\item Wrote the slot booking service.\n  \\end{itemize}\n"
                      "\\item \\textbf{Finn.no}, Intern \\hfill 2019 -- 2019\n"
                      "\\end{itemize}\n"
                      "\\section{Education}\n\\begin{itemize}\n"
                      "\\item University of Oslo, MSc Informatics, 2017 -- 2019\n"
                      "\\end{itemize}\n"
                      "\\section{Projects}\n\\begin{itemize}\n"
                      "\\item Led the 2021 -- 2022 rewrite of the parser.\n"
                      "\\end{itemize}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(m->entries[0].title, "Backend Developer");
    EXPECT_STR_EQ(m->entries[0].org, "Oda");
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_EQ_INT(m->bullets[1].entry, 0);
    EXPECT_STR_EQ(m->entries[1].title, "Intern");
    EXPECT_EQ_INT(m->entries[1].n_bullets, 0);
    EXPECT_STR_EQ(m->entries[2].title, "MSc Informatics");
    EXPECT_STR_EQ(m->entries[2].org, "University of Oslo");
    /* A bullet with dates inside it stays a bullet. */
    EXPECT_EQ_INT(m->n_bullets, 3);
    rls_resume_delete(m);
}

static void test_dated_item_under_a_template_entry_stays_its_bullet(void) {
    const char *src = "\\documentclass{moderncv}\n\\begin{document}\n\\section{Experience}\n"
                      "\\cventry{2018 -- 2022}{Engineer}{Acme Inc}{Oslo}{}{}\n"
                      "\\begin{itemize}\n\\item Senior Engineer, Acme Inc, 2021 -- 2022\n"
                      "\\end{itemize}\n\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    rls_resume_delete(m);
}

static void test_sub_heading_over_roles_without_an_employer_names_it(void) {
    const char *src = "\\begin{document}\n\\section{Experience}\n"
                      "\\subsection{Sopra Steria}\n"
                      "\\textit{Consultant} \\hfill 2021 -- 2023\n\n"
                      "\\textit{Junior Consultant} \\hfill 2019 -- 2021\n"
                      "\\subsection{Internships}\n"
                      "\\textit{Intern} \\hfill 2018 -- 2018\n"
                      "\\subsection{Freelance}\n"
                      "\\textit{Developer}, Hexagon AB \\hfill 2016 -- 2018\n"
                      "\\section{Education}\n\\subsection{Chalmers}\n"
                      "\\textit{Ingénieur, génie mécanique} \\hfill 2011 -- 2016\n"
                      "\\end{document}\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 5);
    EXPECT_STR_EQ(m->entries[0].org, "Sopra Steria");
    EXPECT_STR_EQ(m->entries[1].org, "Sopra Steria");
    /* A section wording names no employer; a role that names one keeps it. */
    EXPECT_TRUE(m->entries[2].org == NULL);
    EXPECT_STR_EQ(m->entries[3].org, "Hexagon AB");
    /* A school's sub-heading; the degree's subject stays the degree's. */
    EXPECT_STR_EQ(m->entries[4].org, "Chalmers");
    EXPECT_STR_EQ(m->entries[4].title, "Ingénieur, génie mécanique");
    rls_resume_delete(m);
}

static void test_release_queries(void) {
    rls_tex_queries_release();
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_subsection_with_amendments_is_an_entry),
        RLS_TEST(test_subsection_of_plain_lines_stays_a_heading),
        RLS_TEST(test_label_line_names_the_skills_below_it),
        RLS_TEST(test_unused_amendment_is_a_line_of_its_entry),
        RLS_TEST(test_research_of_dated_roles_is_experience),
        RLS_TEST(test_entry_ends_with_its_environment),
        RLS_TEST(test_description_labels_are_skill_categories),
        RLS_TEST(test_aside_sets_each_source_line_apart),
        RLS_TEST(test_undated_entries_under_skills_are_skill_groups),
        RLS_TEST(test_rendercv_entry_environments),
        RLS_TEST(test_unmarked_list_item_of_lines_is_lines),
        RLS_TEST(test_dated_subsection_bold_part_is_the_organisation),
        RLS_TEST(test_separators_left_by_contacts_are_not_text),
        RLS_TEST(test_moderncv_grade_is_a_line_of_its_entry),
        RLS_TEST(test_one_name_line_splits_into_role_and_employer),
        RLS_TEST(test_group_after_a_line_break_is_the_next_line),
        RLS_TEST(test_fields_settle_by_what_they_say),
        RLS_TEST(test_jakes_heading_role_is_the_argument_naming_one),
        RLS_TEST(test_name_and_tagline_are_lines_of_their_own),
        RLS_TEST(test_description_item_with_dates_is_an_entry_and_its_text_the_bullet),
        RLS_TEST(test_description_item_outside_a_section_of_roles_is_no_entry),
        RLS_TEST(test_table_row_with_dates_reads_its_cells_as_fields),
        RLS_TEST(test_own_table_macros_read_as_role_employer_and_items),
        RLS_TEST(test_template_macro_with_its_arguments_in_another_order),
        RLS_TEST(test_entry_fields_out_of_their_slots_are_typed_by_content),
        RLS_TEST(test_space_in_a_cjk_name_parts_the_role_after_it),
        RLS_TEST(test_range_over_two_arguments_and_a_length_argument),
        RLS_TEST(test_section_environment_of_dated_entry_environments),
        RLS_TEST(test_description_item_closing_on_organisation_and_dates),
        RLS_TEST(test_city_before_its_state_code_is_the_place),
        RLS_TEST(test_undated_sub_heading_under_a_dated_entry_is_its_line),
        RLS_TEST(test_at_after_an_institution_is_part_of_its_name),
        RLS_TEST(test_project_line_right_column_is_place_or_organisation),
        RLS_TEST(test_logo_in_the_organisation_slot_names_it),
        RLS_TEST(test_amendment_without_an_entry_is_a_line_of_cells),
        RLS_TEST(test_name_and_place_under_a_role_are_employer_and_place),
        RLS_TEST(test_table_header_keeps_its_entry_for_the_list_below),
        RLS_TEST(test_order_of_the_section_settles_an_ambiguous_entry),
        RLS_TEST(test_labelled_grade_after_the_degree_is_cut),
        RLS_TEST(test_project_named_first_is_the_title_over_its_role_or_stack),
        RLS_TEST(test_entry_macro_in_a_section_of_talks_heads_an_entry_only_for_a_role),
        RLS_TEST(test_stack_after_a_bar_in_middle_dots_is_no_part_of_the_name),
        RLS_TEST(test_dated_labelled_sub_line_is_a_fact_of_its_entry),
        RLS_TEST(test_line_under_a_school_or_a_degree_gives_the_field_it_lacks),
        RLS_TEST(test_hfill_parts_columns_and_a_label_before_the_dates_is_no_name),
        RLS_TEST(test_a_company_named_for_its_field_is_the_employer_under_a_role),
        RLS_TEST(test_rows_of_an_unknown_macro_are_lines_and_a_dated_fact_stays_with_its_entry),
        RLS_TEST(test_labelled_dated_line_inside_an_entry_is_its_fact),
        RLS_TEST(test_stack_after_a_bar_is_cut_from_a_dated_project_line),
        RLS_TEST(test_role_lines_under_a_complete_role_are_roles_held_at_once),
        RLS_TEST(test_organisation_after_the_dates_names_the_employer_of_the_roles_before),
        RLS_TEST(test_group_followed_by_text_opens_an_environments_body),
        RLS_TEST(test_role_in_the_cell_after_the_dates_is_the_title),
        RLS_TEST(test_role_line_over_an_employer_and_dates_line_keeps_its_place),
        RLS_TEST(test_role_at_employer_row_heads_the_dated_row_under_it),
        RLS_TEST(test_grade_closing_a_degree_under_its_school_is_no_part_of_it),
        RLS_TEST(test_optional_argument_between_braces_of_an_unknown_macro_is_a_cell),
        RLS_TEST(test_entry_slot_ending_with_a_colon_is_a_label_not_the_employer),
        RLS_TEST(test_dated_line_inside_a_title_argument_is_no_part_of_it),
        RLS_TEST(test_later_role_line_under_an_employer_line_is_a_role_there),
        RLS_TEST(test_name_and_right_cell_over_a_role_line_are_employer_and_place),
        RLS_TEST(test_dated_outer_item_over_a_nested_list_heads_an_entry),
        RLS_TEST(test_dated_item_under_a_template_entry_stays_its_bullet),
        RLS_TEST(test_sub_heading_over_roles_without_an_employer_names_it),
        RLS_TEST(test_release_queries),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
