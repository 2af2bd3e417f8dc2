/* Tests for the format-neutral line reader (server/model/line_reader.c):
 * lines of plain text in, entries of the model out, with no parser. Each
 * document is lines of text; a tab stands for a cell break, which the
 * test's own callback reports, as a parser would from its syntax. */
#include "model/builder.h"
#include "model/line_reader.h"
#include "rls/alloc.h"
#include "test.h"

static bool test_cell_gap(const char *src, uint32_t from_byte, uint32_t to_byte, void *data) {
    (void)data;
    return memchr(src + from_byte, '\t', to_byte - from_byte) != NULL;
}

typedef struct {
    RlsModelBuilder mb;
    RlsLineReader lines;
    const char *src;
    uint32_t len;
    uint32_t at; /* the next line's first byte */
} Doc;

static void doc_open(Doc *d, const char *src) {
    d->src = src;
    d->len = (uint32_t)strlen(src);
    d->at = 0;
    rls_model_builder_init(&d->mb, RLS_FORMAT_MARKDOWN, d->len);
    rls_line_reader_init(&d->lines, &d->mb, src, d->len, test_cell_gap, NULL);
}

/* The next source line as plain text; false at the end. */
static bool doc_line(Doc *d, RlsPlain *out) {
    if (d->at >= d->len) return false;
    const char *nl = memchr(d->src + d->at, '\n', d->len - d->at);
    uint32_t end = nl ? (uint32_t)(nl - d->src) : d->len;
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    rls_plain_builder_source(&pb, d->src, d->at, end);
    rls_plain_builder_finish(&pb, out);
    rls_plain_builder_close(&pb);
    d->at = end + 1;
    return true;
}

/* Reads a document as a parser would: a line starting "# " or "## " is a
 * section (a sub-section of no kind of its own is of its section's kind),
 * "* " an outer list item, "- " a nested bullet, and every other line goes to the line reader first
 * and is a paragraph when the reader does not take it. */
static void doc_read(Doc *d) {
    RlsPlain p;
    RlsSectionKind top = RLS_SECTION_HEADER;
    while (doc_line(d, &p)) {
        uint16_t level = 0;
        while (level < p.len && p.text[level] == '#')
            level++;
        if (level && level < p.len && p.text[level] == ' ') {
            rls_line_reader_section_end(&d->lines);
            RlsSpan span = rls_plain_cover(&p, 0, p.len);
            uint32_t cut = level + 1u;
            memmove(p.text, p.text + cut, p.len - cut + 1);
            memmove(p.src_start, p.src_start + cut, (p.len - cut) * sizeof(uint32_t));
            memmove(p.src_end, p.src_end + cut, (p.len - cut) * sizeof(uint32_t));
            p.len -= cut;
            RlsSection *s = rls_model_builder_section(&d->mb, span, &p, level);
            if (level == 1)
                top = s->kind;
            else if (s->kind == RLS_SECTION_OTHER)
                s->kind = top;
            d->lines.kind = s->kind;
        } else if (p.len > 2 && !memcmp(p.text, "* ", 2)) {
            /* An outer list item whose nested list (none here) is read. */
            RlsSpan span = rls_plain_cover(&p, 0, p.len);
            if (!rls_line_reader_list_item(&d->lines, &p, 0, d->mb.model->n_bullets,
                                           d->mb.current_entry))
                rls_model_builder_bullet(&d->mb, span, span, &p, 0);
        } else if (p.len > 2 && !memcmp(p.text, "- ", 2)) {
            RlsSpan span = rls_plain_cover(&p, 0, p.len);
            rls_model_builder_bullet(&d->mb, span, span, &p, 1);
        } else if (!rls_line_reader_dated_line(&d->lines, &p)) {
            rls_model_builder_paragraph(&d->mb, rls_plain_cover(&p, 0, p.len), &p);
        }
    }
    rls_line_reader_section_end(&d->lines);
}

static void doc_close(Doc *d) {
    rls_resume_delete(rls_model_builder_finish(&d->mb));
}

#define EXPECT_FIELD(got, want)                                                                    \
    do {                                                                                           \
        if (want)                                                                                  \
            EXPECT_STR_EQ(got, want);                                                              \
        else                                                                                       \
            EXPECT_TRUE((got) == NULL);                                                            \
    } while (0)

typedef struct {
    const char *why;
    const char *doc;
    uint32_t n_entries;
    /* the first entry */
    const char *title, *org, *location;
    int start_year, start_month, end_year; /* end_year 0: present */
} EntryCase;

static void test_a_dated_line_and_the_lines_around_it_make_one_entry(void) {
    static const EntryCase cases[] = {
        {"the line under a dated employer names the role",
         "# Experience\nAcme Corp \t Jan 2020 -- Present\nSenior Engineer\n- Cut costs by 30%\n", 1,
         "Senior Engineer", "Acme Corp", NULL, 2020, 1, 0},
        {"a role and its dates, then the employer and its place in two cells",
         "# Experience\nData Engineer \t Mar 2018 -- Jun 2021\nNorthwind Traders \t Lisbon\n", 1,
         "Data Engineer", "Northwind Traders", "Lisbon", 2018, 3, 2021},
        {"a short line above the dated role names its employer",
         "# Experience\nAvito\nBackend Engineer \t 2019 -- 2023\n- Shipped the search API\n", 1,
         "Backend Engineer", "Avito", NULL, 2019, 0, 2023},
        {"the next role with no line above is held at the same employer",
         "# Experience\nAvito\nSenior Engineer \t 2021 -- 2023\n- Led the search team\n"
         "Engineer \t 2019 -- 2021\n- Shipped the search API\n",
         2, "Senior Engineer", "Avito", NULL, 2021, 0, 2023},
        {"a label line dated inside a degree is a fact of it, not an entry",
         "# Education\nBSc Physics, Fjord University \t 2015 -- 2019\n"
         "Thesis: On Tides, June 2018\n",
         1, "BSc Physics", "Fjord University", NULL, 2015, 0, 2019},
        {"a project is named by its line without the dates and the stack",
         "# Projects\nGitlytics | Python, Flask, React \t 2022\n", 1, "Gitlytics", NULL, NULL, 2022,
         0, 2022},
        {"an outer list item its dates close heads an entry",
         "# Experience\n* Spotify, Data Engineer, 2019 -- 2022\n- Built playlists\n", 1,
         "Data Engineer", "Spotify", NULL, 2019, 0, 2022},
        {"an outer list item under an entry a line made is its bullet",
         "# Experience\nData Engineer \t 2019 -- 2022\nSpotify\n* Senior Engineer, Spotify, 2021\n",
         1, "Data Engineer", "Spotify", NULL, 2019, 0, 2022},
        {"under a dated employer, a town no lexicon knows after the role is its place",
         "# Experience\nNordea \t Mar 2017 -- Present\nRisk Analyst, Gdynia\n- Built a model\n", 1,
         "Risk Analyst", "Nordea", "Gdynia", 2017, 3, 0},
        {"a known town after the role is its place",
         "# Experience\nZalando \t 2015 -- 2018\nSenior Data Engineer, Berlin\n", 1,
         "Senior Data Engineer", "Zalando", "Berlin", 2015, 0, 2018},
        {"a team after the role stays part of the title",
         "# Experience\nStripe \t 2020 -- 2022\nSoftware Engineer, Payments\n", 1,
         "Software Engineer, Payments", "Stripe", NULL, 2020, 0, 2022},
        {"outside a section of roles a dated line is the parser's",
         "# Summary\nEngineer at Acme \t 2019 -- 2021\n", 0, NULL, NULL, NULL, 0, 0, 0},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        const EntryCase *c = &cases[i];
        printf("# %s\n", c->why);
        Doc d;
        doc_open(&d, c->doc);
        doc_read(&d);
        const RlsResume *m = d.mb.model;
        EXPECT_EQ_INT(m->n_entries, c->n_entries);
        if (m->n_entries && c->n_entries) {
            const RlsEntry *e = &m->entries[0];
            EXPECT_FIELD(e->title, c->title);
            EXPECT_FIELD(e->org, c->org);
            EXPECT_FIELD(e->location, c->location);
            EXPECT_TRUE(e->dates.valid);
            EXPECT_EQ_INT(e->dates.start.year, c->start_year);
            EXPECT_EQ_INT(e->dates.start.month, c->start_month);
            EXPECT_EQ_INT(e->dates.end.present, c->end_year == 0);
            if (c->end_year) EXPECT_EQ_INT(e->dates.end.year, c->end_year);
        }
        doc_close(&d);
    }
}

/* The second role of "the same employer" case takes the employer too, and
 * each role keeps its own bullet. */
static void test_roles_under_one_employer_keep_their_own_bullets(void) {
    Doc d;
    doc_open(&d, "# Experience\nAvito\nSenior Engineer \t 2021 -- 2023\n- Led the search team\n"
                 "Engineer \t 2019 -- 2021\n- Shipped the search API\n");
    doc_read(&d);
    const RlsResume *m = d.mb.model;
    ASSERT_EQ_INT(m->n_entries, 2);
    EXPECT_STR_EQ(m->entries[1].title, "Engineer");
    EXPECT_STR_EQ(m->entries[1].org, "Avito");
    EXPECT_EQ_INT(m->entries[1].dates.start.year, 2019);
    ASSERT_EQ_INT(m->n_bullets, 2);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_EQ_INT(m->bullets[1].entry, 1);
    /* The entry starts at the line naming its employer. */
    EXPECT_EQ_INT(m->entries[0].span.start_byte, (uint32_t)strlen("# Experience\n"));
    doc_close(&d);
}

/* Without the parser's word on cell breaks, "Monzo Bank London, UK" is one
 * run of words; with it, two cells: the employer and its place. */
static void test_cells_the_parser_reports_stay_apart(void) {
    const char *src = "# Experience\nData Engineer \t 2018 -- 2021\nMonzo Bank \t London, UK\n";
    for (int with_cells = 1; with_cells >= 0; with_cells--) {
        Doc d;
        doc_open(&d, src);
        if (!with_cells) d.lines.cell_gap_cb = NULL;
        doc_read(&d);
        ASSERT_EQ_INT(d.mb.model->n_entries, 1);
        const RlsEntry *e = &d.mb.model->entries[0];
        bool apart = e->org && !strcmp(e->org, "Monzo Bank") && e->location &&
                     !strcmp(e->location, "London, UK");
        EXPECT_EQ_INT(apart, with_cells);
        doc_close(&d);
    }
}

/* A sub-heading over roles none of which names its employer is their
 * employer: the section's end settles it. */
static void test_a_sub_heading_over_roles_without_employer_is_their_employer(void) {
    Doc d;
    doc_open(&d, "# Experience\n## Capgemini\nConsultant \t since 2021\n- Ran audits\n"
                 "Analyst \t 2018 -- 2021\n");
    doc_read(&d);
    ASSERT_EQ_INT(d.mb.model->n_entries, 2);
    for (uint32_t i = 0; i < 2; i++)
        EXPECT_STR_EQ(d.mb.model->entries[i].org, "Capgemini");
    EXPECT_STR_EQ(d.mb.model->entries[0].title, "Consultant");
    doc_close(&d);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_dated_line_and_the_lines_around_it_make_one_entry),
        RLS_TEST(test_roles_under_one_employer_keep_their_own_bullets),
        RLS_TEST(test_cells_the_parser_reports_stay_apart),
        RLS_TEST(test_a_sub_heading_over_roles_without_employer_is_their_employer),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
