/* Tests that the Markdown model reads layouts the way a reader of the
 * rendered resume does: date slots (markdown-cv), group sub-headings, pandoc
 * definition lists with grades and detail lines, group labels in listings. */
#include "parse/formats.h"
#include "rls/parse.h"
#include "rls/text.h"
#include "test.h"

static RlsResume *parse(const char *src) {
    RlsParser *p = rls_parser_new(RLS_FORMAT_MARKDOWN);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    rls_parser_delete(p);
    return m;
}

static const char *opt(const char *s) {
    return s ? s : "(null)";
}

/* The paragraphs of entry `entry` (-1: of no entry) in section `section`,
 * joined with " / ". */
static void paragraphs_of(const RlsResume *m, uint32_t section, int32_t entry, char *out,
                          size_t cap) {
    size_t n = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        const RlsParagraph *p = &m->paragraphs[i];
        if (p->section != section || p->entry != entry) continue;
        n +=
            (size_t)snprintf(out + n, n < cap ? cap - n : 0, "%s%s", n ? " / " : "", p->plain.text);
    }
}

static void test_code_span_date_slots_make_entries_of_any_era(void) {
    /* CRLF, and a non-ASCII place. */
    const char *src = "# Ada\r\n\r\n## Education\r\n\r\n`1654-1660`\r\n__Trinity College, "
                      "Zürich__\r\n\r\n- Sizar\r\n\r\n## Occupation\r\n\r\n`June 1661 - now`\r\n"
                      "__Royal Mint__, London\r\n\r\n- Warden\r\n- Minted coins\r\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->org), "Trinity College");
    EXPECT_STR_EQ(opt(e->location), "Zürich");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 1654 && e->dates.end.year == 1660);
    /* The date span is the text inside the backticks. */
    EXPECT_EQ_INT(e->dates.span.start_byte, (uint32_t)(strstr(src, "1654") - src));
    EXPECT_EQ_INT(e->dates.span.end_byte, (uint32_t)(strstr(src, "0`\r") + 1 - src));
    /* The lone role under the school is the entry's title, not a bullet. */
    EXPECT_STR_EQ(opt(e->title), "Sizar");
    e = &m->entries[1];
    EXPECT_STR_EQ(opt(e->title), "Warden");
    EXPECT_STR_EQ(opt(e->org), "Royal Mint");
    EXPECT_STR_EQ(opt(e->location), "London");
    EXPECT_TRUE(e->dates.start.year == 1661 && e->dates.start.month == 6 && e->dates.end.present);
    ASSERT_EQ_INT(e->n_bullets, 1);
    EXPECT_STR_EQ(m->bullets[e->first_bullet].plain.text, "Minted coins");
    rls_resume_delete(m);
}

static void test_a_statement_under_an_org_stays_a_bullet(void) {
    RlsResume *m = parse("# Ada\n\n## Experience\n\n`2019`\n__Acme Corp__, London\n\n"
                         "- Built staff tooling\n- Engineer\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_TRUE(m->entries[0].title == NULL);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    rls_resume_delete(m);
}

static void test_dated_citations_are_one_title_and_groups_are_labels(void) {
    RlsResume *m = parse("# Ada\n\n## Publications\n\n### Journals\n\n`1669`\nNewton I, De analysi "
                         "per æquationes.\n\netc. etc.\n\n### Patents\n\n`2012`\nCalculus for "
                         "physics, SMBC patent 001\n");
    ASSERT_EQ_INT(m->n_sections, 2);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Newton I, De analysi per æquationes.");
    EXPECT_TRUE(m->entries[0].org == NULL && m->entries[0].dates.start.year == 1669);
    EXPECT_STR_EQ(opt(m->entries[1].title), "Calculus for physics, SMBC patent 001");
    EXPECT_TRUE(m->entries[1].org == NULL && m->entries[1].dates.start.year == 2012);
    /* The group headings and the closing note belong to no entry. */
    char got[256];
    paragraphs_of(m, 1, -1, got, sizeof(got));
    EXPECT_STR_EQ(got, "Journals / etc. etc. / Patents");
    rls_resume_delete(m);
}

static void test_sub_headings_of_a_section_without_roles_are_not_entries(void) {
    RlsResume *m = parse("# Ada\n\n## Currently\n\nOn giants' shoulders\n\n### Research interests"
                         "\n\nOptics, alchemy.\n\n## Projects\n\n### Lathe\n\nA lathe for "
                         "apples.\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Lathe");
    char got[256];
    paragraphs_of(m, 1, -1, got, sizeof(got));
    EXPECT_STR_EQ(got, "On giants' shoulders / Research interests / Optics, alchemy.");
    /* A sub-heading with a date line under it is still an entry. */
    RlsResume *m2 = parse("# Ada\n\n## Currently\n\n### Fellow | Royal Society\n\n**2020 – "
                          "Present**\n\nPapers.\n");
    ASSERT_EQ_INT(m2->n_entries, 1);
    EXPECT_TRUE(m2->entries[0].dates.valid && m2->entries[0].dates.end.present);
    rls_resume_delete(m2);
    /* So is one with a role in it, or a bold line under it. */
    m2 = parse("# Ada\n\n## Elsewhere\n\n### Initech\n\n*Staff Engineer*\n\n### Volunteer "
               "Tutor\n\nTaught maths.\n");
    ASSERT_EQ_INT(m2->n_entries, 2);
    EXPECT_STR_EQ(opt(m2->entries[0].title), "Staff Engineer");
    EXPECT_STR_EQ(opt(m2->entries[0].org), "Initech");
    EXPECT_STR_EQ(opt(m2->entries[1].title), "Volunteer Tutor");
    paragraphs_of(m2, 1, -1, got, sizeof(got));
    EXPECT_STR_EQ(got, "");
    rls_resume_delete(m2);
    rls_resume_delete(m);
}

static void test_an_undated_line_beside_slot_entries_is_an_entry(void) {
    RlsResume *m = parse("# Ada\n\n## Awards\n\n`2012`\nPresident, *Royal Society*, London, UK\n\n"
                         "Associate, *French Academy of Science*, Paris, France\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    const RlsEntry *e = &m->entries[1];
    EXPECT_STR_EQ(opt(e->title), "Associate");
    EXPECT_STR_EQ(opt(e->org), "French Academy of Science");
    EXPECT_STR_EQ(opt(e->location), "Paris, France");
    EXPECT_TRUE(!e->dates.valid);
    rls_resume_delete(m);
}

static void test_definition_grades_and_detail_lines_are_prose_of_the_entry(void) {
    const char *src =
        ("Ada\n===\n\nEducation\n---------\n\n2016-2017\n:   **MRes, Maths**; 2016-2017; "
         "Imperial College; Distinction\n\n2011-2015\n:   **BSc, Maths**; Brunel University "
         "London; First Class Honours\n    Dissertation: The Tutte Polynomial\n\n2005-2010\n"
         ":   **BEng, Computing**. Stevens Institute (Hoboken, NJ).\n:   **GPA**: 3.7/4.0\n");
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "MRes, Maths");
    EXPECT_STR_EQ(opt(e->org), "Imperial College");
    EXPECT_TRUE(e->location == NULL);
    char got[256];
    paragraphs_of(m, 1, 0, got, sizeof(got));
    EXPECT_STR_EQ(got, "Distinction");
    e = &m->entries[1];
    EXPECT_STR_EQ(opt(e->title), "BSc, Maths");
    EXPECT_STR_EQ(opt(e->org), "Brunel University London");
    EXPECT_TRUE(e->dates.start.year == 2011 && e->dates.end.year == 2015);
    paragraphs_of(m, 1, 1, got, sizeof(got));
    EXPECT_STR_EQ(got, "First Class Honours / Dissertation: The Tutte Polynomial");
    e = &m->entries[2];
    EXPECT_STR_EQ(opt(e->org), "Stevens Institute");
    EXPECT_STR_EQ(opt(e->location), "Hoboken, NJ");
    paragraphs_of(m, 1, 2, got, sizeof(got));
    EXPECT_STR_EQ(got, "GPA: 3.7/4.0");
    /* The grade's text maps back to its source. */
    const RlsParagraph *grade = NULL;
    for (uint32_t i = 0; i < m->n_paragraphs; i++)
        if (!strcmp(m->paragraphs[i].plain.text, "Distinction")) grade = &m->paragraphs[i];
    ASSERT_TRUE(grade != NULL);
    EXPECT_EQ_INT(grade->span.start_byte, (uint32_t)(strstr(src, "Distinction") - src));
    EXPECT_EQ_INT(grade->span.end_byte - grade->span.start_byte, 11);
    for (uint32_t i = 0; i < grade->plain.len; i++)
        EXPECT_EQ_INT(src[grade->plain.src_start[i]], grade->plain.text[i]);
    rls_resume_delete(m);
}

static void test_a_listing_group_label_belongs_to_no_entry(void) {
    RlsResume *m = parse("Ada\n===\n\nCertifications\n--------------\n\n**Cloud**\n: **AWS "
                         "Architect**. Expires March 2020.\n\n**Cloud-Native**\n: **CKA**. Expires "
                         "August 2020.\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    char got[256];
    paragraphs_of(m, 1, -1, got, sizeof(got));
    EXPECT_STR_EQ(got, "Cloud / Cloud-Native");
    paragraphs_of(m, 1, 0, got, sizeof(got));
    EXPECT_STR_EQ(got, "");
    rls_resume_delete(m);
}

static void test_reference_links_read_as_text_only_when_defined(void) {
    const char *src = "# Ada\n\n## Experience\n\n- Cut [N] ms from a [link] [Ref] and the [ref] "
                      "docs\n\n[ref]: https://x.io\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_bullets, 1);
    const RlsPlain *p = &m->bullets[0].plain;
    EXPECT_STR_EQ(p->text, "Cut [N] ms from a link and the ref docs");
    /* "link" maps to its own source bytes. */
    const char *link = strstr(p->text, "link");
    EXPECT_EQ_INT(p->src_start[link - p->text], (uint32_t)(strstr(src, "link]") - src));
    rls_resume_delete(m);

    /* Reparsing after the definition goes away must not reuse the text
     * read with it. */
    RlsParser *parser = rls_parser_new(RLS_FORMAT_MARKDOWN);
    m = rls_parser_parse(parser, src, (uint32_t)strlen(src), NULL);
    rls_resume_delete(m);
    const char *without = "# Ada\n\n## Experience\n\n- Cut [N] ms from a [link] [Ref] and the "
                          "[ref] docs\n";
    /* The definition (rows 5-6) deleted. */
    uint32_t cut = (uint32_t)strlen(without);
    RlsByteEdit edit = {cut, (uint32_t)strlen(src), cut, {5, 0}, {7, 0}, {5, 0}};
    rls_parser_edit(parser, &edit);
    m = rls_parser_parse(parser, without, cut, NULL);
    ASSERT_EQ_INT(m->n_bullets, 1);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Cut [N] ms from a [link] [Ref] and the [ref] docs");
    rls_resume_delete(m);
    rls_parser_delete(parser);
}

static void test_a_role_line_under_an_employer_heading_completes_it(void) {
    RlsResume *m = parse("# Ada\n\n## Experience\n\n### Google\n\n*Software Engineer* | 2019 – "
                         "2021\n\n- Built a cache for 5 teams\n\n### Initech\n\n*Staff Engineer*"
                         "\n\n- Cut costs by 10%\n\n### Acme Corp\n\nSenior Engineer, Jan 2019 - "
                         "Present\n\n- Shipped 3 apps\n\n## Education\n\n### Universität Wien\n\n"
                         "**BSc Informatik** | 2014 – 2017\n");
    ASSERT_EQ_INT(m->n_entries, 4);
    static const struct {
        const char *title, *org;
        int start_year;
    } want[] = {{"Software Engineer", "Google", 2019},
                {"Staff Engineer", "Initech", 0},
                {"Senior Engineer", "Acme Corp", 2019},
                {"BSc Informatik", "Universität Wien", 2014}};
    for (uint32_t i = 0; i < 4; i++) {
        const RlsEntry *e = &m->entries[i];
        EXPECT_STR_EQ(opt(e->title), want[i].title);
        EXPECT_STR_EQ(opt(e->org), want[i].org);
        EXPECT_TRUE(e->location == NULL);
        EXPECT_EQ_INT(e->dates.valid ? e->dates.start.year : 0, want[i].start_year);
        if (i < 3) EXPECT_EQ_INT(e->n_bullets, 1);
    }
    rls_resume_delete(m);
}

static void test_html_table_rows_are_lines_of_fields(void) {
    /* Upper-case tags with attributes, a header row of <th> cells, a
     * comment and a paragraph in the same HTML block. */
    const char *src = "# Ola\n\n## Work\n\n- Wrote docs\n\n<TABLE class=\"jobs\">\n"
                      "<tr><th>Years</th><th>Post</th><th>Where</th></tr>\n"
                      "<!-- rls-disable x -->\n"
                      "<TR valign=\"top\"><td>03/2019 - 08/2021</td><td><i>Data "
                      "Analyst</i></td><td>Ericsson</td></TR>\n"
                      "<tr><td>2016 - 2019</td><td>Support Engineer</td><td>Nokia</td></tr>\n"
                      "</table>\n<p>Both in Oslo.</p>\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Data Analyst");
    EXPECT_STR_EQ(opt(e->org), "Ericsson");
    EXPECT_TRUE(e->dates.start.year == 2019 && e->dates.start.month == 3 &&
                e->dates.end.year == 2021 && e->dates.end.month == 8);
    EXPECT_EQ_INT(e->span.start_byte, (uint32_t)(strstr(src, "<TR") - src));
    e = &m->entries[1];
    EXPECT_STR_EQ(opt(e->title), "Support Engineer");
    EXPECT_STR_EQ(opt(e->org), "Nokia");
    EXPECT_TRUE(e->dates.start.year == 2016 && e->dates.end.year == 2019);
    char got[256];
    /* The header row belongs to no entry; the text after the table is a
     * paragraph of its own, not a part of the last row. */
    paragraphs_of(m, 1, -1, got, sizeof(got));
    EXPECT_STR_EQ(got, "Years Post Where");
    paragraphs_of(m, 1, 1, got, sizeof(got));
    EXPECT_STR_EQ(got, "Both in Oslo.");
    ASSERT_EQ_INT(m->n_comments, 1);
    rls_resume_delete(m);
}

static void test_table_rows_and_first_lines_can_be_entries(void) {
    const char *src =
        "# Ada\r\n\r\n## Experience\r\n\r\n### Senior Engineer\r\n**Globex** · "
        "München · 2016 – 2019\r\n\r\n| Company | Role | Dates |\r\n|---|---|---|"
        "\r\n| Initech | Developer | 2014 – 2016 |\r\n\r\n## Volunteering\r\n\r\n"
        "**Mentor**, Code Club — 2018 – Present\r\nTaught 30 kids to code.\r\n\r\n"
        "In 2019 I joined a club of mentors and taught\r\nchildren to write games.\r\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Senior Engineer");
    EXPECT_STR_EQ(opt(e->org), "Globex");
    EXPECT_STR_EQ(opt(e->location), "München");
    e = &m->entries[1];
    EXPECT_STR_EQ(opt(e->title), "Developer");
    EXPECT_STR_EQ(opt(e->org), "Initech");
    EXPECT_TRUE(e->dates.start.year == 2014 && e->dates.end.year == 2016);
    char got[256];
    /* The header row belongs to no entry. */
    paragraphs_of(m, 1, -1, got, sizeof(got));
    EXPECT_STR_EQ(got, "Company Role Dates");
    e = &m->entries[2];
    EXPECT_STR_EQ(opt(e->title), "Mentor");
    EXPECT_STR_EQ(opt(e->org), "Code Club");
    EXPECT_TRUE(e->dates.start.year == 2018 && e->dates.end.present);
    EXPECT_EQ_INT(e->span.end_byte, (uint32_t)(strstr(src, "Present") + 7 - src));
    /* The description is the entry's; a wrapped sentence with a year in it
     * is prose, not an entry. */
    paragraphs_of(m, 2, 2, got, sizeof(got));
    EXPECT_STR_EQ(got, "Taught 30 kids to code. / In 2019 I joined a club of mentors and taught "
                       "children to write games.");
    rls_resume_delete(m);
}

static void test_a_slot_listing_terms_spans_from_first_to_last(void) {
    RlsResume *m = parse("# Ola\n\n## Experience\n\n`Autumn 2019, 2021; Spring 2023`\n"
                         "__Guest Lecturer__\n<br>\nNord University\n\n- Taught hydrology\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Guest Lecturer");
    EXPECT_STR_EQ(opt(e->org), "Nord University");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2019 && e->dates.end.year == 2023);
    EXPECT_EQ_INT(e->n_bullets, 1);
    rls_resume_delete(m);
}

static void test_a_date_slot_over_long_prose_opens_an_entry(void) {
    RlsResume *m =
        parse("# Ola\n\n## Arbeid\n\n`2019 -`\n__Analytiker, Fjordkraft__ <br/>\n"
              "Jeg analyserer data for kundeservice og salg hver eneste dag, sammen med teamet,\n"
              "med SQL\nog Python\nog R\nog Excel\nog Power BI.\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Analytiker");
    EXPECT_STR_EQ(opt(e->org), "Fjordkraft");
    EXPECT_TRUE(e->dates.start.year == 2019 && e->dates.end.present);
    char got[256];
    paragraphs_of(m, 1, 0, got, sizeof(got));
    EXPECT_STR_EQ(got, "Jeg analyserer data for kundeservice og salg hver eneste dag, sammen med "
                       "teamet, med SQL og Python og R og Excel og Power BI.");
    rls_resume_delete(m);
}

static void test_a_role_still_held_with_no_start_is_an_entry(void) {
    RlsResume *m = parse("# Ola\n\n## Work\n\n**Volunteer Coordinator** (current)\n"
                         "Red Cross Norway, Oslo\n- Ran 3 blood drives\n- Trained 20 helpers\n\n"
                         "**Driver** (2015 - 2016)\nTaxus, Bergen\n- Drove\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Volunteer Coordinator");
    EXPECT_STR_EQ(opt(e->org), "Red Cross Norway");
    EXPECT_EQ_INT(e->n_bullets, 2);
    EXPECT_EQ_INT(m->entries[1].n_bullets, 1);
    rls_resume_delete(m);
}

static void test_a_linked_name_beside_a_post_is_the_organisation(void) {
    RlsResume *m =
        parse("# Ola\n\n## Volunteering\n\n### [Northwind Commons](https://northwind.example) — "
              "Outreach & Fundraising\n*March 2020 - Present*\n- Raised 12k\n\n"
              "**[Harbor Trust](https://harbor.example)** — Events and Logistics, 2017 – 2019\n"
              "- Ran 3 fairs\n\n### Mentor\n#### [Antadis](https://antadis.example) – *2022 (6 "
              "mois)*\n- Coached 2 juniors\n");
    ASSERT_EQ_INT(m->n_entries, 3);
    static const struct {
        const char *title, *org;
    } want[] = {{"Outreach & Fundraising", "Northwind Commons"},
                {"Events and Logistics", "Harbor Trust"},
                /* A remark after the dates is no post. */
                {"Mentor", "Antadis"}};
    for (uint32_t i = 0; i < 3; i++) {
        EXPECT_STR_EQ(opt(m->entries[i].title), want[i].title);
        EXPECT_STR_EQ(opt(m->entries[i].org), want[i].org);
        EXPECT_EQ_INT(m->entries[i].n_bullets, 1);
    }
    rls_resume_delete(m);
}

static void test_a_star_inside_a_bold_word_is_a_letter(void) {
    /* CommonMark's rule of three: "**B*Tree Labs**" is one strong
     * emphasis with a star in its first word; "*foo*bar" stays emphasis. */
    RlsResume *m = parse("# Ola\n\n## Experience\n\n**Q*Bert Games, Oslo (2018 - 2020)**\n"
                         "*Level Designer*\n- Tuned **C*Net** maps and *ten*fold tests\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Level Designer");
    EXPECT_STR_EQ(opt(e->org), "Q*Bert Games");
    EXPECT_STR_EQ(opt(e->location), "Oslo");
    ASSERT_EQ_INT(e->n_bullets, 1);
    EXPECT_STR_EQ(m->bullets[e->first_bullet].plain.text, "Tuned C*Net maps and tenfold tests");
    rls_resume_delete(m);
}

static void test_an_unknown_name_over_one_dated_role_heading_is_its_employer(void) {
    RlsResume *m = parse("# Ola\n\n## Work history\n\n### Blue Harbor\n"
                         "#### Data Analyst, March 2019 - 2021\n- Built dashboards\n\n"
                         "### Moonfield\n#### Developer (2014 - 2017)\n- Shipped the app\n"
                         "#### Lead Developer (2017 - 2019)\n- Led 4 people\n");
    ASSERT_EQ_INT(m->n_entries, 3);
    static const struct {
        const char *title, *org;
        int start_year;
    } want[] = {{"Data Analyst", "Blue Harbor", 2019},
                {"Developer", "Moonfield", 2014},
                {"Lead Developer", "Moonfield", 2017}};
    for (uint32_t i = 0; i < 3; i++) {
        const RlsEntry *e = &m->entries[i];
        EXPECT_STR_EQ(opt(e->title), want[i].title);
        EXPECT_STR_EQ(opt(e->org), want[i].org);
        EXPECT_EQ_INT(e->dates.start.year, want[i].start_year);
        EXPECT_EQ_INT(e->n_bullets, 1);
    }
    rls_resume_delete(m);
}

static void test_roles_under_an_employer_and_stacked_lines(void) {
    RlsResume *m = parse("# Sam\n\n## Experience\n\n### Acme Corp\n#### Senior Engineer (2020 – "
                         "Present)\n- Cut deploys by 50%\n#### Engineer (2018 – 2020)\n- Built 3 "
                         "services\n\n**Staff Engineer**\nHooli, Palo Alto, CA\nJan 2016 – Dec "
                         "2017\n\n- Scaled search to 1B queries\n\n#### Intern (2015)\n- Wrote "
                         "tests\n");
    ASSERT_EQ_INT(m->n_entries, 4);
    static const struct {
        const char *title, *org, *location;
        int start_year;
    } want[] = {{"Senior Engineer", "Acme Corp", "(null)", 2020},
                {"Engineer", "Acme Corp", "(null)", 2018},
                {"Staff Engineer", "Hooli", "Palo Alto, CA", 2016},
                {"Intern", "(null)", "(null)", 2015}};
    for (uint32_t i = 0; i < 4; i++) {
        const RlsEntry *e = &m->entries[i];
        EXPECT_STR_EQ(opt(e->title), want[i].title);
        EXPECT_STR_EQ(opt(e->org), want[i].org);
        EXPECT_STR_EQ(opt(e->location), want[i].location);
        EXPECT_EQ_INT(e->dates.valid ? e->dates.start.year : 0, want[i].start_year);
        EXPECT_EQ_INT(e->n_bullets, 1);
    }
    rls_resume_delete(m);
}

static void test_bold_lines_are_sections_when_there_are_no_headings(void) {
    RlsResume *m =
        parse("# Lee Park\nlee@example.com · 555-010-2030\n\n**EXPERIENCE**\n\n**Acme "
              "Corp** — Senior Engineer, 2019 – Present\n- Cut costs by 20%\n\n__Skills__\n"
              "\nGo, Python\n");
    ASSERT_EQ_INT(m->n_sections, 3);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_HEADER);
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_EXPERIENCE);
    EXPECT_STR_EQ(m->sections[1].heading.text, "EXPERIENCE");
    EXPECT_EQ_INT(m->sections[2].kind, RLS_SECTION_SKILLS);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Senior Engineer");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Acme Corp");
    EXPECT_EQ_INT(m->n_skills, 2);
    EXPECT_EQ_INT(m->n_contacts, 2);
    rls_resume_delete(m);
    /* With headings for its sections, a bold "Experience" line is no section. */
    m = parse("# Lee\n\n## Projects\n\n**Experience**\n\nBuilt a lathe.\n");
    EXPECT_EQ_INT(m->n_sections, 2);
    rls_resume_delete(m);
}

static void test_entries_written_as_list_items(void) {
    RlsResume *m = parse("# Kim\n\n## Experience\n\n- **Senior Engineer**, Acme Corp (2019 – 2021)"
                         "\n  - Built a cache for 5 teams\n  - Cut costs by 20%\n- **Engineer**, "
                         "Globex (2016 – 2019)\n  - Wrote 3 services\n- **Led** the move to Go in "
                         "2015\n\n## Education\n\n- **BSc Physics**, University of Leeds, 2012 – "
                         "2016\n");
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Senior Engineer");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Acme Corp");
    ASSERT_EQ_INT(m->entries[0].n_bullets, 2);
    EXPECT_EQ_INT(m->bullets[m->entries[0].first_bullet].depth, 0);
    EXPECT_STR_EQ(opt(m->entries[1].org), "Globex");
    /* A bold verb and a year make no entry: a bullet of the entry above. */
    ASSERT_EQ_INT(m->entries[1].n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[m->entries[1].first_bullet + 1].plain.text,
                  "Led the move to Go in 2015");
    EXPECT_STR_EQ(opt(m->entries[2].title), "BSc Physics");
    EXPECT_STR_EQ(opt(m->entries[2].org), "University of Leeds");
    rls_resume_delete(m);
}

static void test_a_bold_name_over_a_list_is_its_entry(void) {
    RlsResume *m = parse("# Kim\n\n## Projects\n\n**resume-ls** — a language server for resumes\n"
                         "- Parses 2 formats in 3 ms\n\n**Technologies**: React, Go\n- Built X for "
                         "3 teams\n\nSome intro line\n- Did Y for 4 users\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].title), "resume-ls");
    EXPECT_TRUE(m->entries[0].org == NULL);
    /* A "**Label**:" line and a plain line are prose, not entries. */
    EXPECT_EQ_INT(m->entries[0].n_bullets, 3);
    rls_resume_delete(m);
}

/* A short bold line right above an entry heading labels the entries below
 * it; directly under an entry heading it is that entry's role. */
static void test_a_photo_heading_above_the_name_leaves_sections_sections(void) {
    /* Two "#" headings (a photo, then the name) over "##" sections: the
     * section level is the one whose headings are section words. */
    RlsResume *m = parse("# ![photo](me.jpg)\n\n# Zoë Martín\n\nzoe@example.com\n\n"
                         "## Experience\n\n### Senior Engineer | Acme | 2020 – Present\n\n"
                         "- Built the billing pipeline 🚀\n\n## Education\n\n"
                         "### BSc Physics | 東京大学 | 2014 – 2018\n\n## Skills\n\nGo, C\n");
    ASSERT_EQ_INT(m->n_sections, 4);
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_EXPERIENCE);
    EXPECT_EQ_INT(m->sections[2].kind, RLS_SECTION_EDUCATION);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Senior Engineer");
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    EXPECT_STR_EQ(opt(m->entries[1].org), "東京大学");
    rls_resume_delete(m);
}

static void test_html_inside_headings_does_not_hide_section_words(void) {
    /* A project title over the name, icons and anchors in the headings. */
    RlsResume *m = parse("# cv-site\n\n# Ana Souza\n\n## <img src=\"i/work.svg\"> Experiência\n\n"
                         "### Engenheira de Dados | Nubank | 2021 – 2023\n\n- Migrei 40 jobs\n\n"
                         "## Formação <a id=\"edu\"></a>\n\n### Bacharelado | USP | 2016 – 2020\n");
    ASSERT_EQ_INT(m->n_sections, 3);
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_EXPERIENCE);
    EXPECT_EQ_INT(m->sections[2].kind, RLS_SECTION_EDUCATION);
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    rls_resume_delete(m);
}

static void test_sub_headings_under_a_role_label_its_bullets(void) {
    RlsResume *m = parse("# Ada\r\n\r\n## Experience\r\n\r\n"
                         "### Backend Engineer — Globex — 2019 – 2022\r\n\r\n"
                         "#### Responsibilities\r\n\r\n- Ran the payments API\r\n\r\n"
                         "#### Stack\r\n\r\n- Go, Postgres\r\n\r\n"
                         "### Intern — Initech — 2018\r\n\r\n- Wrote tests\r\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Backend Engineer");
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    EXPECT_EQ_INT(m->entries[1].n_bullets, 1);
    EXPECT_TRUE(m->entries[1].dates.valid && m->entries[1].dates.start.year == 2018);
    rls_resume_delete(m);
}

static void test_stacked_org_and_role_lines_are_one_entry_in_either_order(void) {
    RlsResume *m = parse("# Ada\n\n## Work Experience\n\n**Acme Labs, Singapore (2022-2024)**\n\n"
                         "*Senior Research Engineer*\n\n- Trained detectors\n- Shipped a robot\n\n"
                         "*Research Assistant*\n\n**Fraunhofer FKIE, Germany (2019-2021)**\n\n"
                         "- Built drones\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Senior Research Engineer");
    /* Which piece of the line is the place is the field split's call. */
    EXPECT_TRUE(e->org && !strncmp(e->org, "Acme Labs", 9));
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2022 && e->dates.end.year == 2024);
    EXPECT_EQ_INT(e->n_bullets, 2);
    e = &m->entries[1];
    EXPECT_STR_EQ(opt(e->title), "Research Assistant");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2019);
    EXPECT_EQ_INT(e->n_bullets, 1);
    rls_resume_delete(m);
}

static void test_a_dated_org_heading_under_a_role_heading_completes_it(void) {
    RlsResume *m =
        parse("# Cécile\n\n## Expérience\n\n### Business Analyst\n\n"
              "#### [Antadis](https://a.example) – *2021 – 2022*\n\n- Rédigé 40 specs\n\n"
              "### Architecte IoT\n\n#### Dooh It – *2014 – 2015*\n\n- Conçu un capteur\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Business Analyst");
    EXPECT_STR_EQ(opt(e->org), "Antadis");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2021 && e->dates.end.year == 2022);
    EXPECT_EQ_INT(e->n_bullets, 1);
    EXPECT_STR_EQ(opt(m->entries[1].org), "Dooh It");
    rls_resume_delete(m);
}

static void test_a_dates_line_over_an_undated_role_heading_dates_it(void) {
    RlsResume *m = parse("# Ada\n\n## Experience\n\n**2019 – 2022**\n#### Data Analyst\n"
                         "Globex Ltd, Leeds\n\n- Built dashboards\n\n_Jan 2016 – Dec 2018_\n\n"
                         "#### Junior Analyst\nInitech\n\n- Cleaned data\n\n"
                         "**2014 – 2015**\n\n- Tutored maths\n\n#### Intern\nHooli\n");
    ASSERT_EQ_INT(m->n_entries, 4);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Data Analyst");
    EXPECT_STR_EQ(opt(e->org), "Globex Ltd");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2019 && e->dates.end.year == 2022);
    EXPECT_EQ_INT(e->n_bullets, 1);
    e = &m->entries[1];
    EXPECT_STR_EQ(opt(e->title), "Junior Analyst");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2016 && e->dates.end.year == 2018);
    EXPECT_EQ_INT(e->n_bullets, 1);
    /* A bullet between the dates and the heading: the dates head an entry
     * of their own, which the bullet belongs to. */
    e = &m->entries[2];
    EXPECT_TRUE(!e->title && e->dates.valid && e->dates.start.year == 2014);
    EXPECT_EQ_INT(e->n_bullets, 1);
    EXPECT_TRUE(!m->entries[3].dates.valid);
    rls_resume_delete(m);
}

static void test_a_role_named_before_a_colon_is_no_label(void) {
    /* Two dated lines in one paragraph, the first naming its role before
     * a colon: a role, not a label over a fact, so both are entries. */
    RlsResume *m = parse("# Ada\n\n## Experience\n\nData Engineer: Acme, 2019 – 2021\n"
                         "Analyst, Initech | 2016 – 2018\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Data Engineer");
    EXPECT_STR_EQ(opt(m->entries[1].org), "Initech");
    EXPECT_TRUE(m->entries[1].dates.valid && m->entries[1].dates.start.year == 2016);
    rls_resume_delete(m);
}

static void test_emoji_led_lines_are_bullets(void) {
    RlsResume *m = parse("# Ana\n\n## Expérience\n\n### Consultante | Clever Age | 2022 – 2024\n\n"
                         "👉 Piloté 12 ateliers à 東京  \nClients : Casino, Bic  \n"
                         "• Réduit les coûts de 20 %\n\nJe suis curieuse 🙂 et patiente.\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    ASSERT_EQ_INT(m->entries[0].n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[0].plain.text, "Piloté 12 ateliers à 東京");
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Réduit les coûts de 20 %");
    rls_resume_delete(m);
}

static void test_a_bold_label_over_entry_headings_is_no_entry(void) {
    RlsResume *m = parse("## Experience\n\n**Earlier roles**\n\n### Engineer | Globex | 2015 - "
                         "2019\n\n- Shipped 12 releases.\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].org), "Globex");
    char got[256];
    paragraphs_of(m, 0, -1, got, sizeof(got));
    EXPECT_STR_EQ(got, "Earlier roles");
    rls_resume_delete(m);
}

static void test_role_employer_and_dates_in_paragraphs_of_their_own_are_one_entry(void) {
    RlsResume *m =
        parse("# Jo\n\n## Experience\n\n**Data Engineer**\n\nInitrode / Hooli, "
              "Remote\n\nMarch, 2019 - Present\n\n- Cut costs by 20%\n\n**Analyst**"
              "\n\nGlobex, Lisbon\n\nMay 2016 - June 2018\n\n- Wrote 3 reports\n\n"
              "## Education\n\nMSc in Statistics, Ruhr University Bochum, Germany\n\n"
              "2014 - 2016\n\n- Wrote a thesis on forecasting energy demand with 3 models.\n");
    ASSERT_EQ_INT(m->n_entries, 3);
    static const struct {
        const char *title, *org, *location;
        int start_year, end_year; /* 0: open */
    } want[] = {{"Data Engineer", "Initrode / Hooli", "Remote", 2019, 0},
                {"Analyst", "Globex", "Lisbon", 2016, 2018},
                {"MSc in Statistics", "Ruhr University Bochum", "Germany", 2014, 2016}};
    for (uint32_t i = 0; i < 3; i++) {
        const RlsEntry *e = &m->entries[i];
        EXPECT_STR_EQ(opt(e->title), want[i].title);
        EXPECT_STR_EQ(opt(e->org), want[i].org);
        EXPECT_STR_EQ(opt(e->location), want[i].location);
        EXPECT_EQ_INT(e->dates.start.year, want[i].start_year);
        EXPECT_EQ_INT(e->dates.end.present ? 0 : e->dates.end.year, want[i].end_year);
        EXPECT_EQ_INT(e->n_bullets, 1);
    }
    /* The name line became the degree: no prose is left in the section. */
    char got[256];
    paragraphs_of(m, 2, -1, got, sizeof(got));
    EXPECT_STR_EQ(got, "");
    rls_resume_delete(m);
}

static void test_plain_list_items_can_be_entries(void) {
    /* Unmarked items: dated over items of their own, degrees naming their
     * school or nested under it, a role in parentheses after its employer. */
    RlsResume *m = parse(
        "# Lu\n\n## Education\n\n* M.Sc. in Physics, University of Leeds, 2020\n"
        "* 同济大学\n    * 物理学学士（2011.09 - 2015.06）\n\n## Experience\n\n"
        "* 2021-present: Globex Labs (Researcher)\n  * Duties included: modelling energy prices\n"
        "* 2018: Initrode AG (Intern, 2 months)\n  * Duties included: writing reports\n"
        "* Built a cache in 2019\n");
    static const struct {
        const char *title, *org;
        int start_year;
        uint32_t bullets;
    } want[] = {{"M.Sc. in Physics", "University of Leeds", 2020, 0},
                {"物理学学士", "同济大学", 2011, 0},
                {"Researcher", "Globex Labs", 2021, 1},
                {"Intern", "Initrode AG", 2018, 2}};
    ASSERT_EQ_INT(m->n_entries, RLS_ARRAY_LEN(want));
    for (uint32_t i = 0; i < RLS_ARRAY_LEN(want); i++) {
        const RlsEntry *e = &m->entries[i];
        EXPECT_STR_EQ(opt(e->title), want[i].title);
        EXPECT_STR_EQ(opt(e->org), want[i].org);
        EXPECT_EQ_INT(e->dates.start.year, want[i].start_year);
        EXPECT_EQ_INT(e->n_bullets, want[i].bullets);
    }
    rls_resume_delete(m);
}

static void test_a_role_line_under_an_entry_heading_is_its_title(void) {
    RlsResume *m = parse("# Lu\n\n## 工作经历\n\n### Zenni Optical (2023.06 ~ 2024.01)\n数据科学家"
                         "\n\n### Hooli (2019 - 2020)\nBuilt tools for 40 teams\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "数据科学家");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Zenni Optical");
    /* A statement under the heading stays its prose. */
    EXPECT_TRUE(m->entries[1].title == NULL);
    char got[256];
    paragraphs_of(m, 1, 1, got, sizeof(got));
    EXPECT_STR_EQ(got, "Built tools for 40 teams");
    rls_resume_delete(m);
}

static void test_a_bare_foreign_section_word_at_role_level_is_a_section(void) {
    /* "## 项目经历" among the role headings of "# 工作经历", over "###"
     * projects: a section set one level too deep, not a role. A role
     * heading holding a section word ("项目") stays a role. */
    RlsResume *m = parse("# 工作经历\n\n## Zenni Optical (2023.06 ~ 2024.01)\n\n- 调整现有模型\n\n"
                         "## 项目经历\n\n### 自动解析项目 2023.09 ～ 2023.10\n\n- 增加用户输入\n");
    ASSERT_EQ_INT(m->n_sections, 2);
    EXPECT_STR_EQ(m->sections[1].heading.text, "项目经历");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_EQ_INT(m->entries[1].section, 1);
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2023);
    EXPECT_EQ_INT(m->entries[1].n_bullets, 1);
    rls_resume_delete(m);
}

static void test_emoji_lines_after_a_prose_line_are_bullets_too(void) {
    RlsResume *m = parse("# Ana\n\n## Expérience\n\n### Lead Developper - Spécialiste Magento\n\n"
                         "#### [Baobaz](https://baobaz.com) – *2009-2012*\n\n"
                         "Clients : Etam, Burton  \n👉 Conçu le catalogue  \n👉 Piloté 4 développeurs"
                         "  \nOutils : Magento\n\nJe suis curieuse 🙂 et patiente.\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    /* The heading above the employer's is the role, whole: its dash parts
     * no role from an employer, who is named below. */
    EXPECT_STR_EQ(opt(m->entries[0].title), "Lead Developper - Spécialiste Magento");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Baobaz");
    EXPECT_EQ_INT(m->entries[0].dates.start.year, 2009);
    ASSERT_EQ_INT(m->entries[0].n_bullets, 2);
    EXPECT_STR_EQ(m->bullets[1].plain.text, "Piloté 4 développeurs");
    char got[256];
    paragraphs_of(m, 1, 0, got, sizeof(got));
    EXPECT_STR_EQ(got,
                  "Clients : Etam, Burton / Outils : Magento / Je suis curieuse 🙂 et patiente.");
    rls_resume_delete(m);
}

static void test_a_bold_employer_line_under_a_role_heading_completes_it(void) {
    RlsResume *m = parse(
        "# Cy\n\n## Education\n\n### B.Sc. in Molecular Biology\n**[Westphalian University of "
        "Applied Sciences](https://w-hs.de), Recklinghausen** | *September 2017 - March 2022* | "
        "Grade: 2.9\n\n### Apprenticeship as Chemical Technical Assistant (CTA)\n**Technische "
        "Schule 1, Bochum** | *August 2014 - June 2017*\n\n## Academic Research Experience\n\n"
        "### Scientific Research Assistant\n**[Department of Ergonomics](https://ifado.de), "
        "Dortmund**  \n*February 2023 - Present*\n\n- Ran 40 sessions of a walking study\n\n"
        "### Student Worker in IT\n**[Bank11](https://bank11.de), Neuss**  \n*July 2019 - August "
        "2019*\n\n- Assisted 12 colleagues with IT support\n");
    static const struct {
        const char *title, *org, *location;
        int start_year;
    } want[] = {{"B.Sc. in Molecular Biology", "Westphalian University of Applied Sciences",
                 "Recklinghausen", 2017},
                {"Apprenticeship as Chemical Technical Assistant (CTA)", "Technische Schule 1",
                 "Bochum", 2014},
                {"Scientific Research Assistant", "Department of Ergonomics", "Dortmund", 2023},
                {"Student Worker in IT", "Bank11", "Neuss", 2019}};
    ASSERT_EQ_INT(m->n_entries, RLS_ARRAY_LEN(want));
    for (uint32_t i = 0; i < RLS_ARRAY_LEN(want); i++) {
        const RlsEntry *e = &m->entries[i];
        EXPECT_STR_EQ(opt(e->title), want[i].title);
        EXPECT_STR_EQ(opt(e->org), want[i].org);
        EXPECT_STR_EQ(opt(e->location), want[i].location);
        EXPECT_EQ_INT(e->dates.start.year, want[i].start_year);
    }
    /* Research posts held at a university are experience, not schooling. */
    ASSERT_EQ_INT(m->n_sections, 3);
    EXPECT_EQ_INT(m->sections[2].kind, RLS_SECTION_EXPERIENCE);
    rls_resume_delete(m);
}

static void test_headings_that_hold_nothing_are_no_entries(void) {
    /* A template's headings over the next heading or over a Liquid loop
     * name no entry; an employer heading over its roles still does. */
    RlsResume *m = parse("# Di\n\n## Research\n\n### Invited talks\n\n### Organized sessions\n\n"
                         "## Honors and awards\n\n#### University of Pittsburgh\n\n"
                         "{% for honor in honors %}\n\n## Experience\n\n### Acme Corp\n\n"
                         "#### Engineer (2019 - 2021)\n\n- Cut costs by 20%\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Engineer");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Acme Corp");
    rls_resume_delete(m);
}

static void test_dated_role_headings_at_section_level_are_roles(void) {
    RlsResume *m =
        parse("# Lu\n\n## Introduction\n\nEngineer of 15 years.\n\n## Senior Software "
              "Engineer, Koombea, Medellin *(Jul 2024 - Present)*\n  * Built a chat for 3 "
              "teams\n\n## Tech Lead, Globex, Remote *(Oct 2021 - Nov 2023)*\n  * Led 4 "
              "developers\n\n### Engineer, Globex *(2019 - 2021)*\n  * Wrote 3 APIs\n\n"
              "## Awards\n\n- Won a prize in 2022\n");
    ASSERT_EQ_INT(m->n_sections, 3);
    EXPECT_STR_EQ(m->sections[2].heading.text, "Awards");
    ASSERT_EQ_INT(m->n_entries, 3);
    static const char *const titles[] = {"Senior Software Engineer", "Tech Lead", "Engineer"};
    for (uint32_t i = 0; i < 3; i++) {
        EXPECT_STR_EQ(opt(m->entries[i].title), titles[i]);
        EXPECT_EQ_INT(m->entries[i].n_bullets, 1);
    }
    EXPECT_STR_EQ(opt(m->entries[0].org), "Koombea");
    rls_resume_delete(m);
}

static void test_a_subject_after_the_school_and_long_slot_entries(void) {
    RlsResume *m =
        parse("# Re\n\n## Education\n\n`2003`\nPh.D. __Stanford University__, "
              "Statistics\n\n## Experience\n\n`2006 - present`\n __Professor__\n<br>\n"
              "Department of Mathematics\n <br>\n __Gallaudet University__, Washington DC"
              "\n\n - Taught statistics to 300 students\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Ph.D, Statistics");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Stanford University");
    EXPECT_TRUE(m->entries[0].location == NULL);
    EXPECT_STR_EQ(opt(m->entries[1].title), "Professor");
    EXPECT_TRUE(m->entries[1].dates.valid && m->entries[1].dates.end.present);
    EXPECT_EQ_INT(m->entries[1].n_bullets, 1);
    rls_resume_delete(m);
}

static void test_publications_and_awards_hold_no_entries(void) {
    RlsResume *m = parse("# Al\n\n## Publications\n\nHart, A.G. (2025). Generic embeddings in "
                         "reservoir computers. Physica D.\n\n### Selected Publications\n\n- A "
                         "paper, 2024.\n\n## Honors and Awards\n\n### Academic Achievement\n\n"
                         "- Best thesis prize, 2023\n\n## Experience\n\n### Tutor, Acme (2019 - "
                         "2021)\n\n- Taught 40 students\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Tutor");
    rls_resume_delete(m);
}

static void test_a_school_line_under_a_lone_name_makes_the_name_the_title(void) {
    RlsResume *m =
        parse("# A\n\n## Education\n\n**A-Levels** (2011–2013)\nSlough Grammar School, "
              "Slough, UK\nMathematics (A*), Further Mathematics (A*), Physics (A), "
              "History (AS, A), Chemistry (B), Biology (B)\n\n**Studies** (2013–2014)\n"
              "Berlin, Germany\nA year of Latin, Greek and German with 12 courses in all, "
              "taken in the evenings at 3 schools.\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "A-Levels");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Slough Grammar School");
    /* A place under the name names no school: the name keeps its place. */
    EXPECT_TRUE(m->entries[1].title == NULL);
    rls_resume_delete(m);
}

static void test_a_definition_s_first_line_names_the_entry_over_its_prose(void) {
    RlsResume *m =
        parse("# C\n\nFormación\n---------\n\n2004-2010\n:   **Ingeniería informática** - "
              "Universidad Rey Juan Carlos\nProyecto final (con honor): simulación de sistemas "
              "excitables mediante applets Java.\n\n2001-2004\n:   **BSc, Computer "
              "Science**; University of\n    HomeTown (HomeTown)\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Ingeniería informática");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Universidad Rey Juan Carlos");
    char got[256];
    paragraphs_of(m, 1, 0, got, sizeof(got));
    EXPECT_STR_EQ(
        got,
        "Proyecto final (con honor): simulación de sistemas excitables mediante applets Java.");
    /* A name wrapped onto the next line stays whole. */
    EXPECT_STR_EQ(opt(m->entries[1].org), "University of HomeTown");
    rls_resume_delete(m);
}

static void test_a_labelled_note_is_no_part_of_the_role_and_programmes_are_degrees(void) {
    RlsResume *m =
        parse("# C\n\n## Expérience\n\n`2013`\n__CAPGEMINI – Consultante junior (client : "
              "LAFARGE) – Mumbaï__\n- Réalisé 20 entretiens\n\n## Education\n\n`2010-2015`"
              "\n__ESSEC Business School - Programme Grande Ecole__\n- 6 mois à Singapour\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Consultante junior");
    EXPECT_STR_EQ(opt(m->entries[0].org), "CAPGEMINI");
    EXPECT_STR_EQ(opt(m->entries[1].title), "Programme Grande Ecole");
    EXPECT_STR_EQ(opt(m->entries[1].org), "ESSEC Business School");
    rls_resume_delete(m);
}

static void test_undated_roleless_lines_in_an_unknown_section_are_labels(void) {
    RlsResume *m =
        parse("# P\n\n## Community and Engagement\n\n### [Volt Europa](https://volt.eu) — "
              "Policy Analyst\n*January 2026 - Present*\n\n**Policy Roadmap Development**\n"
              "- Drafted 4 policy roadmaps\n\n**Data Analysis**\n- Built 2 dashboards\n\n"
              "## Referencer\n\n__Minghui Shan__ <br/>\nFinance Manager, 4finance\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Policy Analyst");
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    rls_resume_delete(m);
}

/* Lines of one paragraph that each carry their own dates are entries of
 * their own; a range wrapped over two lines, or a labelled date under an
 * entry, is not a second entry. */
static void test_each_dated_line_of_a_paragraph_is_an_entry(void) {
    RlsResume *m = parse("# P\n\n## Education\n"
                         "**Indian Institute of Management Bangalore** — MBA, 2014 – 2016  \n"
                         "**Anna University** — B.E. Electronics, 2010 – 2014\n\n"
                         "## Experience\n**Acme** | Engineer | 2014 – 2016\n"
                         "**Globex** | Analyst | 2010 – 2014\n");
    ASSERT_EQ_INT(m->n_entries, 4);
    EXPECT_STR_EQ(opt(m->entries[0].org), "Indian Institute of Management Bangalore");
    EXPECT_TRUE(m->entries[0].location == NULL);
    EXPECT_STR_EQ(opt(m->entries[1].title), "B.E. Electronics");
    EXPECT_STR_EQ(opt(m->entries[1].org), "Anna University");
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2010);
    EXPECT_STR_EQ(opt(m->entries[3].org), "Globex");
    rls_resume_delete(m);

    m = parse("# P\n\n## Experiência\n**Desenvolvedor Pleno: TrackCash** - *jun de 2021 -\n"
              "  abr de 2022*\n\n## Education\n**Chongqing University**, Ph.D. Candidate, "
              "*Sep. 2023 - Present*  \nExpected graduation: Jun. 2027\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_TRUE(m->entries[1].dates.end.present);
    rls_resume_delete(m);
}

/* A talk given is a record, not a role: under a heading that names talks
 * or writing, even set at the level of the role headings beside a known
 * section, a dated "Speaker at" item or citation is no entry, and a
 * sub-heading over citations is a label. */
static void test_talks_and_writing_hold_records_not_roles(void) {
    RlsResume *m =
        parse("# Ada\n\n## Experience\n\n### Engineer, Acme Corp *(2019 - 2021)*\n"
              "- Built the build farm\n\n### Awards\n- Best paper (2020)\n\n"
              "### Public Speaking\n- **\"Fast parsers\"** Speaker at RustConf (May "
              "2022)\n- **\"Slow parsers\"** Speaker at GopherCon, Denver (June 2021)\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].org), "Acme Corp");
    ASSERT_EQ_INT(m->n_sections, 4);
    EXPECT_EQ_INT(m->sections[3].kind, RLS_SECTION_PUBLICATIONS);
    EXPECT_EQ_INT(m->sections[3].n_bullets, 2);
    rls_resume_delete(m);

    m = parse("# Ada\n\n## Experience\n\n### Engineer, Acme Corp *(2019 - 2021)*\n\n"
              "## Selected Writing\n\n### general audience\n\nDoe, Jane. [\"How parsers "
              "work.\"](https://example.org/p) Features. _Tech Weekly_, October 2018.\n\n"
              "Doe, Jane. \"Why grammars matter.\" _Code Review_, May 2016.\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    ASSERT_EQ_INT(m->n_sections, 3);
    EXPECT_EQ_INT(m->sections[2].kind, RLS_SECTION_PUBLICATIONS);
    rls_resume_delete(m);
}

/* Outside the sections of roles, an undated heading over a list whose every
 * item carries its own dates labels dated records (students advised,
 * committees), even when it names a degree; in a section of roles the same
 * shape is still a role whose dates are missing. */
static void test_a_heading_over_dated_records_is_a_label(void) {
    RlsResume *m = parse("# Ada\n\n## Experience\n\n### Engineer, Acme Corp *(2019 - 2021)*\n"
                         "- Built the build farm\n\n## Mentoring\n\n### Doctoral students\n\n"
                         "- Jane Roe, thesis on parsers, 2021--present.\n"
                         "- John Poe, _Lexers at scale_. 2018--2020.\n\n### MSc\n\n"
                         "- Ann Lee, _Grammars_. March--September 2019.\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    ASSERT_EQ_INT(m->n_sections, 3);
    EXPECT_EQ_INT(m->sections[2].n_bullets, 3);
    rls_resume_delete(m);

    m = parse("# Ada\n\n## Experience\n\n### Independent Consultant\n\n"
              "- Client A, billing rewrite, 2019 - 2020\n- Client B, search, 2020 - 2021\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Independent Consultant");
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    rls_resume_delete(m);
}

/* A label and a date with nothing else and no list under it stamps the
 * page ("*Last updated: March 2024*"): no entry holds it. */
static void test_a_labelled_date_alone_is_no_entry(void) {
    RlsResume *m = parse("# Ada\n\n## Activities\n\n- Mentor at Code Club *— since 2022*\n\n"
                         "*Last updated: March 2024*\n\n## Experience\n\n"
                         "**Engineer**, Acme Corp (2019 - 2021)\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].org), "Acme Corp");
    char got[128];
    paragraphs_of(m, 1, -1, got, sizeof(got));
    EXPECT_STR_EQ(got, "Last updated: March 2024");
    rls_resume_delete(m);
}

/* Beside date slots, a slot holding a short label ("`Side project`") over
 * one name line still opens an entry, undated, that takes the list under
 * it; a label slot over lines of their own (courses) is no entry. */
static void test_a_label_in_a_date_slot_opens_an_undated_entry(void) {
    RlsResume *m = parse("# Ada\n\n## Experience\n\n`2019 - 2021`\n__Acme Corp - Engineer__\n"
                         "- Built the build farm\n\n`Side project`\n__Tiny Clock - a binary clock "
                         "kit__\n- Designed the board\n- Sold 400 kits\n\n`Ongoing`\n"
                         "Compilers | Open University<br/>\nStatistics | Coursera\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    EXPECT_TRUE(!m->entries[1].dates.valid);
    EXPECT_EQ_INT(m->entries[1].n_bullets, 2);
    rls_resume_delete(m);
}

/* An icon before a sub-heading under a role is no word of its label:
 * "#### 🔎 A few chosen projects" is a label inside the role, as "####
 * Projects" is, and the items under it stay the role's bullets. */
static void test_an_icon_does_not_lengthen_a_label_under_a_role(void) {
    RlsResume *m = parse("# Ada\n\n## Experience\n\n### Engineer, Acme Corp (2019 - 2021)\n\n"
                         "- Built the build farm\n\n#### \xF0\x9F\x94\x8E A few chosen projects\n\n"
                         "- Led the billing rewrite\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    rls_resume_delete(m);
}

/* In awards, an undated bold line that names no role is an award, a line
 * of its own, not an entry. */
static void test_an_undated_award_line_is_no_entry(void) {
    RlsResume *m = parse("# Ada\n\n## Experience\n\n**Engineer**, Acme Corp (2019 - 2021)\n\n"
                         "## Awards\n\n**National Youth Science and Innovation Award**, Peru\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_EQ_INT(m->n_paragraphs, 1);
    rls_resume_delete(m);
}

/* Outside the sections of roles, a heading over a template's loop labels
 * what the loop renders, even when it names a role: the entries are in a
 * data file, not here. In a section of roles it stays a role. */
static void test_a_heading_over_a_template_loop_is_a_label(void) {
    RlsResume *m = parse("# Ada\n\n## Experience\n\n### Engineer, Acme Corp *(2019 - 2021)*\n\n"
                         "## Teaching\n\n### Acme University (teaching assistant)\n\n"
                         "{% include courses.liquid classes=ta %}\n\n### Before Acme (primary "
                         "instructor)\n\n{% assign old = site.data.courses %}\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    rls_resume_delete(m);

    m = parse("# Ada\n\n## Experience\n\n### Research Engineer\n\n"
              "{% include role.liquid id=1 %}\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Research Engineer");
    rls_resume_delete(m);
}

/* A list of posts, each item opening with its dates then a role at an
 * organisation, is a list of entries; a dated achievement among undated
 * bullets stays a bullet. */
static void test_a_list_of_dated_posts_is_a_list_of_entries(void) {
    RlsResume *m = parse("# Ada\n\n## Experience\n\n- 2019–2022: Lecturer, University of Leeds\n"
                         "- 2016–2019: Research Fellow, Met Office\n");
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Lecturer");
    EXPECT_STR_EQ(opt(m->entries[1].org), "Met Office");
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2016);
    rls_resume_delete(m);

    m = parse("# Ada\n\n## Experience\n\n### Engineer, Acme Corp (2019 - 2021)\n\n"
              "- 2020: Engineer of the year at Acme Corp\n- Built the billing API.\n");
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 2);
    rls_resume_delete(m);
}

static void test_four_stacked_lines_with_the_place_last_are_one_entry(void) {
    /* Role, "employer · kind", "dates · duration", place: four short lines
     * (a LinkedIn export); a bold dated first line over prose stays an
     * entry over its description. */
    const char *src = "# Kim\n\n## Experience\n\n**Head of Data**\nNordwind AG · Part-time\n"
                      "Feb 2019 - Aug 2022 · 3 yrs 7 mos\nHamburg, Germany\n\n"
                      "- Hired six analysts.\n\n"
                      "**Tutor**, Volkshochschule — 2015 – 2018\nTaught statistics.\n"
                      "Wrote the exams.\nGraded them too.\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 2);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Head of Data");
    EXPECT_STR_EQ(opt(e->org), "Nordwind AG");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2019 && e->dates.start.month == 2 &&
                e->dates.end.year == 2022 && e->dates.end.month == 8);
    EXPECT_EQ_INT(e->n_bullets, 1);
    e = &m->entries[1];
    EXPECT_STR_EQ(opt(e->title), "Tutor");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2015);
    rls_resume_delete(m);
}

static void test_html_blocks_read_as_the_markdown_they_render_as(void) {
    const char *src =
        "# Lin Qiu\n\n## Experience\n\n"
        "<section class=\"role\">\n  <h3>Data Engineer</h3>\n"
        "  <p><b>Zalando</b> &middot; Berlin &middot; Mar 2019 &ndash; Present</p>\n"
        "  <ul>\n    <li>Moved 40 pipelines to Airflow.</li>\n"
        "    <li>Cut storage costs by 30%.</li>\n  </ul>\n</section>\n\n"
        "<p><strong>QA Lead</strong><br>Spotify, Stockholm<br>2016 &ndash; 2018</p>\n\n"
        "<b>Tester</b>, Klarna &mdash; 2014 &ndash; 2016\n\n"
        "## Education\n\n<h4>MSc Physics</h4>\n<p>KTH, 2012 &ndash; 2014</p>\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 4);
    const RlsEntry *e = &m->entries[0];
    EXPECT_STR_EQ(opt(e->title), "Data Engineer");
    EXPECT_STR_EQ(opt(e->org), "Zalando");
    EXPECT_TRUE(e->dates.valid && e->dates.start.year == 2019 && e->dates.start.month == 3 &&
                e->dates.end.present);
    ASSERT_EQ_INT(e->n_bullets, 2);
    /* A bullet's words map to their bytes. */
    const RlsBullet *b = &m->bullets[e->first_bullet + 1];
    EXPECT_STR_EQ(b->plain.text, "Cut storage costs by 30%.");
    EXPECT_EQ_INT(b->plain.src_start[0], (uint32_t)(strstr(src, "Cut") - src));
    EXPECT_EQ_INT(b->plain.src_end[b->plain.len - 1], (uint32_t)(strstr(src, "%.<") + 2 - src));
    /* The date line's span is its text: no tag, entity to entity. */
    EXPECT_EQ_INT(e->dates.span.start_byte, (uint32_t)(strstr(src, "Zalando") - src));
    EXPECT_EQ_INT(e->dates.span.end_byte, (uint32_t)(strstr(src, "Present") + 7 - src));
    /* Lines parted by <br>: role, employer and place, dates. */
    e = &m->entries[1];
    EXPECT_STR_EQ(opt(e->title), "QA Lead");
    EXPECT_STR_EQ(opt(e->org), "Spotify");
    EXPECT_TRUE(e->dates.start.year == 2016 && e->dates.end.year == 2018);
    /* Inline <b> in a Markdown paragraph is emphasis, as ** is. */
    e = &m->entries[2];
    EXPECT_STR_EQ(opt(e->title), "Tester");
    EXPECT_STR_EQ(opt(e->org), "Klarna");
    e = &m->entries[3];
    EXPECT_STR_EQ(opt(e->title), "MSc Physics");
    EXPECT_STR_EQ(opt(e->org), "KTH");
    EXPECT_TRUE(e->dates.start.year == 2012 && e->dates.end.year == 2014);
    EXPECT_EQ_INT(e->section, 2);
    rls_resume_delete(m);
}

static void test_html_headings_plan_the_levels_like_markdown_ones(void) {
    /* No Markdown heading at all: the <h1> is the name, the <h2>s the
     * sections, the <h3>s the roles. */
    const char *src = "<h1>Ines Duarte</h1>\n<p>ines@example.pt</p>\n\n"
                      "<h2>Work</h2>\n\n<h3>Backend Developer, Farfetch</h3>\n"
                      "<p><i>Porto &middot; 2018 &ndash; 2022</i></p>\n\n"
                      "<h3>Intern, Critical Software</h3>\n<p>2017</p>\n\n"
                      "<h2>Languages</h2>\n<p>Portuguese, English</p>\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_sections, 3);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_HEADER);
    EXPECT_STR_EQ(m->sections[0].heading.text, "Ines Duarte");
    EXPECT_EQ_INT(m->sections[1].kind, RLS_SECTION_EXPERIENCE);
    EXPECT_EQ_INT(m->sections[1].span.start_byte, (uint32_t)(strstr(src, "<h2>Work") - src));
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Backend Developer");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Farfetch");
    EXPECT_TRUE(m->entries[0].dates.start.year == 2018 && m->entries[0].dates.end.year == 2022);
    EXPECT_STR_EQ(opt(m->entries[1].title), "Intern");
    EXPECT_EQ_INT(m->contacts[0].kind, RLS_CONTACT_EMAIL);
    rls_resume_delete(m);
    /* A heading of no text (a spacer) is planned and read as nothing. */
    m = parse("<h1>&nbsp;</h1>\n\n<h2> </h2>\n\n## Skills\n\n- Go\n");
    ASSERT_TRUE(m->n_sections >= 1);
    EXPECT_EQ_INT(m->sections[m->n_sections - 1].kind, RLS_SECTION_SKILLS);
    rls_resume_delete(m);
}

static void test_inline_bold_tags_and_template_placeholders(void) {
    /* "<b>...</b>" is emphasis as "**...**" is: a wholly bold line names
     * an entry. A line of a template's placeholders names none: the page
     * shows what the template fills in. */
    const char *src = "# Ada\n\n## Experience\n\n<b>Volunteer Mentor, Code Club</b>\n\n"
                      "Taught thirty children to code.\n\n"
                      "**{{ job.title }} at {{ job.company }}**\n\nAnything.\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(opt(m->entries[0].title), "Volunteer Mentor");
    EXPECT_STR_EQ(opt(m->entries[0].org), "Code Club");
    rls_resume_delete(m);
}

static void test_bold_role_lines_under_an_employer_heading_are_held_there(void) {
    /* "### Shopify — Ottawa" over two bold dated role lines: both roles are
     * at Shopify; the next employer's heading ends the group. */
    const char *src = "# Ada\n\n## Experience\n\n### Shopify — Ottawa\n\n"
                      "**Staff Developer** (May 2019 – Present)\n- Ran the checkout rewrite.\n\n"
                      "**Backend Developer** (Mar 2016 – Apr 2019)\n- Built the tax API.\n\n"
                      "### Wealthsimple — Toronto\n\n"
                      "**Developer** (Jan 2014 – Feb 2016)\n- Wrote the first trading screens.\n";
    RlsResume *m = parse(src);
    ASSERT_EQ_INT(m->n_entries, 3);
    EXPECT_STR_EQ(opt(m->entries[1].title), "Backend Developer");
    EXPECT_STR_EQ(opt(m->entries[1].org), "Shopify");
    EXPECT_STR_EQ(opt(m->entries[1].location), "Ottawa");
    EXPECT_STR_EQ(opt(m->entries[2].org), "Wealthsimple");
    EXPECT_EQ_INT(m->entries[2].dates.start.year, 2014);
    rls_resume_delete(m);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_list_of_dated_posts_is_a_list_of_entries),
        RLS_TEST(test_bold_role_lines_under_an_employer_heading_are_held_there),
        RLS_TEST(test_a_heading_over_a_template_loop_is_a_label),
        RLS_TEST(test_an_undated_award_line_is_no_entry),
        RLS_TEST(test_an_icon_does_not_lengthen_a_label_under_a_role),
        RLS_TEST(test_a_label_in_a_date_slot_opens_an_undated_entry),
        RLS_TEST(test_a_labelled_date_alone_is_no_entry),
        RLS_TEST(test_a_heading_over_dated_records_is_a_label),
        RLS_TEST(test_talks_and_writing_hold_records_not_roles),
        RLS_TEST(test_a_bold_label_over_entry_headings_is_no_entry),
        RLS_TEST(test_each_dated_line_of_a_paragraph_is_an_entry),
        RLS_TEST(test_role_employer_and_dates_in_paragraphs_of_their_own_are_one_entry),
        RLS_TEST(test_plain_list_items_can_be_entries),
        RLS_TEST(test_undated_roleless_lines_in_an_unknown_section_are_labels),
        RLS_TEST(test_a_labelled_note_is_no_part_of_the_role_and_programmes_are_degrees),
        RLS_TEST(test_a_definition_s_first_line_names_the_entry_over_its_prose),
        RLS_TEST(test_a_school_line_under_a_lone_name_makes_the_name_the_title),
        RLS_TEST(test_publications_and_awards_hold_no_entries),
        RLS_TEST(test_a_subject_after_the_school_and_long_slot_entries),
        RLS_TEST(test_dated_role_headings_at_section_level_are_roles),
        RLS_TEST(test_headings_that_hold_nothing_are_no_entries),
        RLS_TEST(test_a_bold_employer_line_under_a_role_heading_completes_it),
        RLS_TEST(test_emoji_lines_after_a_prose_line_are_bullets_too),
        RLS_TEST(test_a_bare_foreign_section_word_at_role_level_is_a_section),
        RLS_TEST(test_a_role_line_under_an_entry_heading_is_its_title),
        RLS_TEST(test_a_photo_heading_above_the_name_leaves_sections_sections),
        RLS_TEST(test_html_inside_headings_does_not_hide_section_words),
        RLS_TEST(test_sub_headings_under_a_role_label_its_bullets),
        RLS_TEST(test_stacked_org_and_role_lines_are_one_entry_in_either_order),
        RLS_TEST(test_a_dated_org_heading_under_a_role_heading_completes_it),
        RLS_TEST(test_a_dates_line_over_an_undated_role_heading_dates_it),
        RLS_TEST(test_a_role_named_before_a_colon_is_no_label),
        RLS_TEST(test_emoji_led_lines_are_bullets),
        RLS_TEST(test_code_span_date_slots_make_entries_of_any_era),
        RLS_TEST(test_a_statement_under_an_org_stays_a_bullet),
        RLS_TEST(test_dated_citations_are_one_title_and_groups_are_labels),
        RLS_TEST(test_sub_headings_of_a_section_without_roles_are_not_entries),
        RLS_TEST(test_an_undated_line_beside_slot_entries_is_an_entry),
        RLS_TEST(test_definition_grades_and_detail_lines_are_prose_of_the_entry),
        RLS_TEST(test_a_listing_group_label_belongs_to_no_entry),
        RLS_TEST(test_reference_links_read_as_text_only_when_defined),
        RLS_TEST(test_a_role_line_under_an_employer_heading_completes_it),
        RLS_TEST(test_html_table_rows_are_lines_of_fields),
        RLS_TEST(test_table_rows_and_first_lines_can_be_entries),
        RLS_TEST(test_a_slot_listing_terms_spans_from_first_to_last),
        RLS_TEST(test_a_date_slot_over_long_prose_opens_an_entry),
        RLS_TEST(test_a_role_still_held_with_no_start_is_an_entry),
        RLS_TEST(test_a_linked_name_beside_a_post_is_the_organisation),
        RLS_TEST(test_a_star_inside_a_bold_word_is_a_letter),
        RLS_TEST(test_an_unknown_name_over_one_dated_role_heading_is_its_employer),
        RLS_TEST(test_roles_under_an_employer_and_stacked_lines),
        RLS_TEST(test_bold_lines_are_sections_when_there_are_no_headings),
        RLS_TEST(test_entries_written_as_list_items),
        RLS_TEST(test_a_bold_name_over_a_list_is_its_entry),
        RLS_TEST(test_four_stacked_lines_with_the_place_last_are_one_entry),
        RLS_TEST(test_html_blocks_read_as_the_markdown_they_render_as),
        RLS_TEST(test_html_headings_plan_the_levels_like_markdown_ones),
        RLS_TEST(test_inline_bold_tags_and_template_placeholders),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
