/* Tests for the Markdown parser (server/parse/markdown.c) on small
 * hand-written resumes. */
#include "parse/formats.h"
#include "rls/parse.h"
#include "test.h"

static RlsResume *parse(const char *src) {
    RlsParser *p = rls_parser_new(RLS_FORMAT_MARKDOWN);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    rls_parser_delete(p);
    return m;
}

static const char *const resume_md =
    "---\ntitle: cv\n---\n"
    "# Zoë Martín\n\n"
    "zoe@example.com | +1 (555) 010-2030 | [GitHub](https://github.com/zoe)\n\n"
    "## Professional Experience\n\n"
    "### Senior Engineer | Acme Corp | Jan 2021 – Present\n\n"
    "- Cut **p99 latency** from 1.2s to 240ms by adding `Redis` caching\n"
    "- Led a team of 4 \\* engineers &amp; shipped [the app](https://x.io)\n"
    "  across 3 regions\n"
    "  - Migrated 14 services\n\n"
    "**Data Scientist**, Initech — 2018–2020\n\n"
    "* Built a model 🚀 for 東京 traffic\n\n"
    "## Technical Skills\n\n"
    "- Languages: Go, Python, SQL\n"
    "- Tools: Docker, Kubernetes (EKS, GKE)\n\n"
    "## Education\n\n"
    "### BSc, Computer Science\n"
    "**University of Lyon** | Sep 2014 – Jun 2017\n\n"
    "<!-- resume-ls-disable weak-opener -->\n"
    "![photo](me.png)\n";

static void test_sections_are_classified_from_their_headings(void) {
    RlsResume *m = parse(resume_md);
    ASSERT_EQ_INT(m->n_sections, 4);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_HEADER);
    EXPECT_STR_EQ(m->sections[0].heading.text, "Zoë Martín");
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_EXPERIENCE);
    EXPECT_TRUE(m->sections[1].standard_heading);
    EXPECT_EQ_INT(m->sections[2].kind, RLS_SECTION_SKILLS);
    EXPECT_EQ_INT(m->sections[3].kind, RLS_SECTION_EDUCATION);
    rls_resume_delete(m);
}

static void test_entries_come_from_headings_and_entry_lines(void) {
    RlsResume *m = parse(resume_md);
    ASSERT_EQ_INT(m->n_entries, 3);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(e->title, "Senior Engineer");
    EXPECT_STR_EQ(e->org, "Acme Corp");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2021 && e->dates.start.month == 1 &&
                e->dates.end.present);
    EXPECT_EQ_INT(e->n_bullets, 3);
    e = &m->entries[1];
    EXPECT_STR_EQ(e->title, "Data Scientist");
    EXPECT_STR_EQ(e->org, "Initech");
    EXPECT_TRUE(e->dates.start.year == 2018 && e->dates.end.year == 2020);
    EXPECT_EQ_INT(e->n_bullets, 1);
    /* A bold line right under an entry heading completes it. */
    e = &m->entries[2];
    EXPECT_STR_EQ(e->title, "BSc, Computer Science");
    EXPECT_STR_EQ(e->org, "University of Lyon");
    EXPECT_TRUE(e->dates.start.year == 2014 && e->dates.start.month == 9 &&
                e->dates.end.year == 2017 && e->dates.end.month == 6);
    EXPECT_EQ_INT(e->section, 3);
    rls_resume_delete(m);
}

static void test_bullet_text_is_stripped_resolved_and_folded(void) {
    RlsResume *m = parse(resume_md);
    ASSERT_EQ_INT(m->n_bullets, 4);
    EXPECT_STR_EQ(m->bullets[0].plain.text,
                  "Cut p99 latency from 1.2s to 240ms by adding Redis caching");
    EXPECT_STR_EQ(m->bullets[1].plain.text,
                  "Led a team of 4 * engineers & shipped the app across 3 regions");
    EXPECT_EQ_INT(m->bullets[1].depth, 0);
    EXPECT_STR_EQ(m->bullets[2].plain.text, "Migrated 14 services");
    EXPECT_EQ_INT(m->bullets[2].depth, 1);
    EXPECT_STR_EQ(m->bullets[3].plain.text, "Built a model 🚀 for 東京 traffic");
    EXPECT_EQ_INT(m->bullets[3].entry, 1);
    rls_resume_delete(m);
}

static void test_bracketed_words_stay_text_and_links_keep_their_text(void) {
    RlsResume *m =
        parse("## Experience\n\n- Cut latency by [N]% for [N] users, see [docs](https://x.io).\n");
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Cut latency by [N]% for [N] users, see docs.");
    rls_resume_delete(m);
}

static void test_plain_edits_map_inside_markup_and_refuse_crossing_it(void) {
    RlsResume *m = parse(resume_md);
    ASSERT_TRUE(m->n_bullets > 0);
    const RlsBullet *b = &m->bullets[0];
    const char *src = resume_md;
    /* "p99" sits inside **...**: the edit goes inside the markers. */
    const char *at = strstr(b->plain.text, "p99 latency");
    ASSERT_TRUE(at != NULL);
    uint32_t ps = (uint32_t)(at - b->plain.text);
    RlsSpan s;
    ASSERT_EQ_INT(rls_plain_to_source(&b->plain, ps, ps + 11, &s), 0);
    EXPECT_TRUE(strncmp(src + s.start_byte, "p99 latency**", 13) == 0);
    /* "Cut p99" crosses the opening "**". */
    EXPECT_EQ_INT(rls_plain_to_source(&b->plain, 0, ps + 3, &s), RLS_EREFUSED);
    /* The escape and the entity map to their whole constructs. */
    const RlsBullet *b1 = &m->bullets[1];
    const char *star = strchr(b1->plain.text, '*');
    ASSERT_TRUE(star != NULL);
    s = rls_plain_cover(&b1->plain, (uint32_t)(star - b1->plain.text),
                        (uint32_t)(star - b1->plain.text) + 1);
    EXPECT_EQ_INT(s.end_byte - s.start_byte, 2);
    EXPECT_TRUE(src[s.start_byte] == '\\');
    const char *amp = strchr(b1->plain.text, '&');
    s = rls_plain_cover(&b1->plain, (uint32_t)(amp - b1->plain.text),
                        (uint32_t)(amp - b1->plain.text) + 1);
    EXPECT_TRUE(strncmp(src + s.start_byte, "&amp;", 5) == 0 && s.end_byte - s.start_byte == 5);
    /* The emoji's four bytes map to its four source bytes. */
    const RlsBullet *b3 = &m->bullets[3];
    const char *rocket = strstr(b3->plain.text, "🚀");
    uint32_t rs = (uint32_t)(rocket - b3->plain.text);
    ASSERT_EQ_INT(rls_plain_to_source(&b3->plain, rs, rs + 4, &s), 0);
    EXPECT_TRUE(s.end_byte - s.start_byte == 4 && !memcmp(src + s.start_byte, "🚀", 4));
    rls_resume_delete(m);
}

static void test_skills_contacts_comments_and_images_are_recorded(void) {
    RlsResume *m = parse(resume_md);
    ASSERT_EQ_INT(m->n_skills, 5);
    EXPECT_STR_EQ(m->skills[0].category, "Languages");
    EXPECT_STR_EQ(m->skills[0].text, "Go");
    EXPECT_STR_EQ(m->skills[2].text, "SQL");
    EXPECT_STR_EQ(m->skills[4].text, "Kubernetes (EKS, GKE)");
    EXPECT_STR_EQ(m->skills[4].category, "Tools");
    /* Skills lines are not bullets for the rules to judge. */
    for (uint32_t i = 0; i < m->n_bullets; i++)
        EXPECT_TRUE(m->bullets[i].section != 2);
    ASSERT_EQ_INT(m->n_contacts, 3);
    EXPECT_EQ_INT(m->contacts[0].kind, RLS_CONTACT_EMAIL);
    EXPECT_STR_EQ(m->contacts[0].text, "zoe@example.com");
    EXPECT_EQ_INT(m->contacts[1].kind, RLS_CONTACT_PHONE);
    EXPECT_STR_EQ(m->contacts[1].text, "+1 (555) 010-2030");
    EXPECT_EQ_INT(m->contacts[2].kind, RLS_CONTACT_LINK);
    EXPECT_STR_EQ(m->contacts[2].text, "https://github.com/zoe");
    ASSERT_EQ_INT(m->n_comments, 1);
    EXPECT_STR_EQ(m->comments[0].text, "resume-ls-disable weak-opener");
    ASSERT_EQ_INT(m->n_layout, 1);
    EXPECT_EQ_INT(m->layout[0].kind, RLS_LAYOUT_IMAGE);
    rls_resume_delete(m);
}

static void test_crlf_and_setext_headings_parse_like_lf(void) {
    const char *crlf = "Jane Doe\r\n========\r\n\r\nExperience\r\n----------\r\n\r\n"
                       "**Engineer**, Globex — 2019 - 2021\r\n\r\n"
                       "+ Reduced costs by 30%\r\n+ Shipped v2\r\n"
                       "  to 1M users\r\n";
    RlsResume *m = parse(crlf);
    ASSERT_EQ_INT(m->n_sections, 2);
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_EXPERIENCE);
    EXPECT_STR_EQ(m->sections[1].heading.text, "Experience");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].org, "Globex");
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Reduced costs by 30%");
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Shipped v2 to 1M users");
    /* The folded line break covers "\r\n"; the indentation after it is the
     * list's block continuation, outside the inline text. */
    const RlsPlain *p = &m->bullets[1].plain;
    uint32_t sp = (uint32_t)(strstr(p->text, " to") - p->text);
    EXPECT_EQ_INT(p->src_end[sp] - p->src_start[sp], 2);
    EXPECT_TRUE(!memcmp(crlf + p->src_start[sp], "\r\n", 2));
    rls_resume_delete(m);
}

static void test_h1_sections_with_h2_entries(void) {
    const char *src = "# Experience\n\n## Globex\n\n1. Built the billing service\n"
                      "2. Cut churn by 5%\n\n# Projects\n\n## resume-ls\n\n- Wrote it\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_sections, 2);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_EXPERIENCE);
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_PROJECTS);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Cut churn by 5%");
    rls_resume_delete(m);
}

static void test_tables_are_text_and_layout(void) {
    const char *src = "# A\n\n## Skills\n\n| Area | Tools |\n|---|---|\n| Cloud | AWS, GCP |\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_layout, 1);
    EXPECT_EQ_INT(m->layout[0].kind, RLS_LAYOUT_TABLE);
    EXPECT_TRUE(m->n_skills >= 2);
    rls_resume_delete(m);
}

static void test_incremental_reparse_matches_a_fresh_parse(void) {
    const char *v1 = "# A\n\n## Experience\n\n- Worked on APIs\n- Shipped it\n";
    const char *v2 = "# A\n\n## Experience\n\n- Built 12 APIs\n- Shipped it\n";
    RlsParser *p = rls_parser_new(RLS_FORMAT_MARKDOWN);
    RlsResume *m1 = rls_parser_parse(p, v1, (uint32_t)strlen(v1), NULL);
    /* "Worked on" (bytes 23..32) -> "Built 12" */
    RlsByteEdit e = {23, 32, 31, {4, 2}, {4, 11}, {4, 10}};
    rls_parser_edit(p, &e);
    RlsResume *m2 = rls_parser_parse(p, v2, (uint32_t)strlen(v2), NULL);
    RlsResume *fresh = parse(v2);
    ASSERT_EQ_INT(m2->n_bullets, fresh->n_bullets);
    for (uint32_t i = 0; i < m2->n_bullets; i++) {
        EXPECT_STR_EQ(m2->bullets[i].plain.text, fresh->bullets[i].plain.text);
        EXPECT_EQ_INT(m2->bullets[i].span.start_byte, fresh->bullets[i].span.start_byte);
    }
    EXPECT_STR_EQ(m2->bullets[0].plain.text, "Built 12 APIs");
    rls_resume_delete(m1);
    rls_resume_delete(m2);
    rls_resume_delete(fresh);
    rls_parser_delete(p);
}

static void test_broken_markup_is_data_not_failure(void) {
    static const char *const inputs[] = {"",           "#",         "- ",
                                         "**unclosed", "[x](",      "<!--",
                                         "> > >",      "|a|\n|-|",  "---\nfront: matter\n",
                                         "\\",         "&#xFFFFFF;"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(inputs); i++) {
        RlsResume *m = parse(inputs[i]);
        ASSERT_TRUE(m != NULL);
        EXPECT_EQ_INT(m->src_len, strlen(inputs[i]));
        rls_resume_delete(m);
    }
}

static void test_queries_can_be_released(void) {
    rls_md_queries_release();
    RlsResume *m = parse("# A\n\n## Skills\n\n- Go\n");
    EXPECT_EQ_INT(m->n_skills, 1);
    rls_resume_delete(m);
}

static void test_pandoc_simple_table_rows_are_entries(void) {
    const char *src = "# A\n\n## Older Employment History\n\nSee LinkedIn.\n\n"
                      "-------------------   ------------------  -----------\n"
                      "**Two Sigma**         Systems Engineer    2/2014 - 1/2015\n"
                      "Jane Street Group     Business Analyst    5/2012 - 1/2014\n"
                      "-------------------   ------------------  -----------\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Systems Engineer");
    EXPECT_STR_EQ(m->entries[0].org, "Two Sigma");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2014);
    /* No bold here: the ruler's columns alone separate the fields. */
    EXPECT_STR_EQ(m->entries[1].title, "Business Analyst");
    EXPECT_STR_EQ(m->entries[1].org, "Jane Street Group");
    EXPECT_EQ_INT(m->entries[1].dates.end.year, 2014);
    ASSERT_EQ_INT(m->n_paragraphs, 1);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "See LinkedIn.");
    EXPECT_EQ_INT(m->n_layout, 1);
    rls_resume_delete(m);
    /* "- - -" is a thematic break over a paragraph, not a ruler. */
    m = parse(
        "# A\n\n## Experience\n\n- - -\nWorked at Acme 2019 - 2020 on many things for years.\n");
    EXPECT_EQ_INT(m->n_layout, 0);
    rls_resume_delete(m);
}

static void test_education_detail_items_are_not_bullets(void) {
    const char *src = "# A\n\n## Education\n\n### State University | 2011 - 2014\n\n"
                      "- B.S. Computer Science\n- Course Work\n  - Mathematical Modeling\n"
                      "- Led the robotics team to a national title against forty universities.\n\n"
                      "## Experience\n\n- Shipped it\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[0].plain.text,
                  "Led the robotics team to a national title against forty universities.");
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Shipped it");
    ASSERT_EQ_INT(m->n_paragraphs, 3);
    EXPECT_STR_EQ(m->paragraphs[0].plain.text, "B.S. Computer Science");
    EXPECT_STR_EQ(m->paragraphs[2].plain.text, "Mathematical Modeling");
    rls_resume_delete(m);
}

/* Wide-space entities that align a date column are spaces: the line's
 * fields are read apart, no "&emsp" left in a name. */
static void test_wide_space_entities_align_columns(void) {
    RlsResume *m = parse("# Zoë\n\n## Education\n\n"
                         "2019 - 2024 &emsp; &ensp; Tsinghua University: Ph.D. in Economics\n\n"
                         "## Experience\n\n"
                         "2025 &thinsp; &emsp; Assistant Professor, 北京大学 University\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Ph.D. in Economics");
    EXPECT_STR_EQ(m->entries[0].org, "Tsinghua University");
    EXPECT_STR_EQ(m->entries[1].title, "Assistant Professor");
    EXPECT_STR_EQ(m->entries[1].org, "北京大学 University");
    rls_resume_delete(m);
}

/* Outside the sections of roles, degrees, projects and certificates, an
 * undated heading over a paragraph groups it; inside them it is an entry
 * whose dates are missing. */
static void test_undated_headings_group_outside_sections_of_entries(void) {
    RlsResume *m = parse("# Zoë\n\n## Publications\n\n### Peer-reviewed articles\n\n"
                         "Martín, Z. Séries temporelles. 東京 Journal, vol. 3.\n\n"
                         "### Book reviews\n\nOne review of a book on 🚀 engines.\n\n"
                         "## Education\n\n### Licence Informatique\n\nUniversité de Lyon\n\n"
                         "## Certifications\n\n### Opquast\n\nQualité Web, niveau expert.\n");
    ASSERT_EQ_INT(m->n_sections, 4);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_EQ_INT(m->entries[0].section, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Licence Informatique");
    EXPECT_EQ_INT(m->entries[1].section, 3);
    EXPECT_STR_EQ(m->entries[1].title, "Opquast");
    rls_resume_delete(m);
}

/* A dated entry line, the employer and place on the line under it, then
 * what was done, with no blank line between: three lines of one entry. */
static void test_the_line_under_a_dated_entry_line_names_its_employer(void) {
    RlsResume *m = parse("# Zoë\n\n## Teaching\n\n"
                         "**Tutor de mathématiques** (2017–2021)\n"
                         "Université de Lyon, Lyon, France\n"
                         "600+ hours of tutoring for 東京 and 🚀 students.\n\n"
                         "**Private Tutor** (2018–2021)\n"
                         "Taught physics to 30 students a year.\n"
                         "Most passed their exams.\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].org, "Université de Lyon");
    EXPECT_STR_EQ(m->entries[0].location, "Lyon, France");
    /* A sentence under the line is what was done, not an employer. */
    EXPECT_TRUE(m->entries[1].org == NULL);
    rls_resume_delete(m);
}

/* "**Cliente: Verisure**" over the list of a dated role labels a detail
 * of the role: the bullets stay the role's. A bold name over a list, with
 * no label, is still an entry of its own. */
static void test_a_labelled_bold_line_under_a_role_keeps_its_bullets(void) {
    RlsResume *m = parse("# Zoë\n\n## Experiencia\n\n### Jefa de proyecto\n"
                         "**Kairós Digital** — Madrid\n*Abr 2024 – Actualidad*\n\n"
                         "**Cliente: Verisure**\n\n- Cut costs by 20% in 東京\n- Led 4 teams 🚀\n\n"
                         "**resume-ls** — a language server\n\n- Wrote 12k lines of C\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    EXPECT_STR_EQ(m->entries[1].title, "resume-ls");
    EXPECT_EQ_INT(m->entries[1].n_bullets, 1);
    rls_resume_delete(m);
}

/* "### <i …></i> Education" at the level of the role headings before it
 * is a section, not a role that takes the degrees; a role heading holding
 * a section's word ("### Project Engineer | Wipro") stays a role, and a
 * label deeper than the role stays a label. */
static void test_a_section_heading_at_the_level_of_the_roles_is_a_section(void) {
    RlsResume *m = parse("# Zoë\n\n## Summary\n\nBackend engineer.\n\n"
                         "## Experience\n\n### Ingénieur, Acme — 2019 – 2021\n\n"
                         "#### Skills\n\n- Cut costs by 20% in 東京\n\n"
                         "### Project Engineer | Wipro — 2017 – 2019\n\n- Led 4 teams 🚀\n\n"
                         "### <i class=\"fa fa-graduation-cap\"></i> Education\n\n"
                         "- BSc, Université de Lyon, 2013 – 2017\n");
    ASSERT_EQ_INT(m->n_sections, 4);
    EXPECT_EQ_INT(m->sections[3].kind, RLS_SECTION_EDUCATION);
    ASSERT_TRUE(m->n_entries >= 2);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    EXPECT_STR_EQ(m->entries[1].title, "Project Engineer");
    EXPECT_EQ_INT(m->entries[1].section, 2);
    rls_resume_delete(m);
}

/* A date slot over the entry's name lines and its prose, with no blank
 * line between: the short lines name the entry, the sentence is its prose. */
static void test_a_date_slot_entry_keeps_its_prose_apart(void) {
    RlsResume *m = parse("# Zoë\n\n## Erfaring\n\n"
                         "`2016 - 2017`\n__Trainee (salgsmodellering), GroupM__ <br/>\n"
                         "Som analytikertrainee i GroupM assisterede jeg primært med at forberede "
                         "data til brug i salgsmodeller for 東京.\n\n"
                         "`2019 - 2022`\n__Senior Advisor__\n<br>\n"
                         "__American Statistical Association__, Alexandria, VA\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[0].title, "Trainee (salgsmodellering)");
    EXPECT_STR_EQ(m->entries[0].org, "GroupM");
    EXPECT_STR_EQ(m->entries[1].org, "American Statistical Association");
    bool prose = false;
    for (uint32_t i = 0; i < m->n_paragraphs; i++)
        prose |= m->paragraphs[i].entry == 0 && strstr(m->paragraphs[i].plain.text, "東京");
    EXPECT_TRUE(prose);
    rls_resume_delete(m);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_date_slot_entry_keeps_its_prose_apart),
        RLS_TEST(test_a_section_heading_at_the_level_of_the_roles_is_a_section),
        RLS_TEST(test_a_labelled_bold_line_under_a_role_keeps_its_bullets),
        RLS_TEST(test_the_line_under_a_dated_entry_line_names_its_employer),
        RLS_TEST(test_undated_headings_group_outside_sections_of_entries),
        RLS_TEST(test_wide_space_entities_align_columns),
        RLS_TEST(test_sections_are_classified_from_their_headings),
        RLS_TEST(test_entries_come_from_headings_and_entry_lines),
        RLS_TEST(test_bullet_text_is_stripped_resolved_and_folded),
        RLS_TEST(test_bracketed_words_stay_text_and_links_keep_their_text),
        RLS_TEST(test_plain_edits_map_inside_markup_and_refuse_crossing_it),
        RLS_TEST(test_skills_contacts_comments_and_images_are_recorded),
        RLS_TEST(test_crlf_and_setext_headings_parse_like_lf),
        RLS_TEST(test_h1_sections_with_h2_entries),
        RLS_TEST(test_tables_are_text_and_layout),
        RLS_TEST(test_incremental_reparse_matches_a_fresh_parse),
        RLS_TEST(test_broken_markup_is_data_not_failure),
        RLS_TEST(test_queries_can_be_released),
        RLS_TEST(test_pandoc_simple_table_rows_are_entries),
        RLS_TEST(test_education_detail_items_are_not_bullets),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
