/* Tests for the format-neutral piece reader (server/model/piece_reader.c):
 * an entry's pieces of plain text and a layout's declared slots in, which
 * piece is which field out, with no parser. */
#include "model/piece_reader.h"
#include "rls/alloc.h"
#include "test.h"

typedef struct {
    const char *name;
    const char *pieces[6];
    unsigned n;
    RlsPieceLayout layout;
    const char *body_line;
    RlsSectionKind kind;
    /* Expected: the text of each field's piece (NULL: no piece). */
    const char *title, *org, *loc, *dates, *note;
    RlsFieldType body_type;
    const char *cut_org; /* an employer cut out of the title piece */
} PieceCase;

static const char *piece_text(char **pieces, unsigned n, unsigned k) {
    return k >= 1 && k <= n ? pieces[k - 1] : NULL;
}

/* Absent fields compare as "(none)", so a failure prints both sides. */
#define CHECK_FIELD(got, want) EXPECT_STR_EQ((got) ? (got) : "(none)", (want) ? (want) : "(none)")

static void test_pieces_become_fields_by_content(void) {
    static const PieceCase cases[] = {
        /* {title}{org}{place}{dates} written dates first: the dates slot
         * holds no date, so the one dated piece is the dates and the
         * others keep their order. */
        {"dates first",
         {"2019 -- 2022", "Data Engineer", "Zalando", "Berlin"},
         4,
         {.declared = {.title = 1, .org = 2, .loc = 3, .dates = 4}},
         NULL,
         RLS_SECTION_EXPERIENCE,
         "Data Engineer",
         "Zalando",
         "Berlin",
         "2019 -- 2022",
         NULL,
         RLS_FIELD_N_TYPES,
         NULL},
        /* A sentence where the place should be is the entry's note. */
        {"sentence is the note",
         {"2019 -- 2021", "Analyst", "Acme", "What I did there for two years."},
         4,
         {.declared = {.title = 1, .org = 2, .dates = 3, .loc = 4}},
         NULL,
         RLS_SECTION_EXPERIENCE,
         "Analyst",
         "Acme",
         NULL,
         "2019 -- 2021",
         "What I did there for two years.",
         RLS_FIELD_N_TYPES,
         NULL},
        /* Pieces in the declared order stay where they are. */
        {"declared order kept",
         {"Data Engineer", "Zalando", "Berlin", "2019 -- 2022"},
         4,
         {.declared = {.title = 1, .org = 2, .loc = 3, .dates = 4}},
         NULL,
         RLS_SECTION_EXPERIENCE,
         "Data Engineer",
         "Zalando",
         "Berlin",
         "2019 -- 2022",
         NULL,
         RLS_FIELD_N_TYPES,
         NULL},
        /* moderncv's "{dates}{Employer}{City}{}{}{Role}": a place alone in
         * the employer slot says the pieces are out of order; the role is
         * the body's one line. */
        {"role in the body",
         {"2018 -- 2020", "Acme Corp", "Madrid", NULL, NULL, NULL},
         6,
         {.declared = {.dates = 1, .title = 2, .org = 3, .loc = 4, .note = 5}, .body = 6},
         "Software Engineer",
         RLS_SECTION_EXPERIENCE,
         NULL,
         "Acme Corp",
         "Madrid",
         "2018 -- 2020",
         NULL,
         RLS_FIELD_TITLE,
         NULL},
        /* An education layout written {school}{place}{degree}{dates}. */
        {"education, dates last",
         {"MIT", "Cambridge, MA", "BSc Computer Science", "2015 -- 2019"},
         4,
         {.declared = {.title = 1, .dates = 2, .org = 3, .loc = 4}, .trust = RLS_PIECES_TWO_EDU},
         NULL,
         RLS_SECTION_EDUCATION,
         "BSc Computer Science",
         "MIT",
         "Cambridge, MA",
         "2015 -- 2019",
         NULL,
         RLS_FIELD_N_TYPES,
         NULL},
        /* No known layout: the dated piece is the dates, "Role, Employer"
         * is cut in two. */
        {"unknown layout",
         {"Tech Lead, Incubyte", "2021 -- Present", "Remote"},
         3,
         {.trust = RLS_PIECES_UNKNOWN},
         NULL,
         RLS_SECTION_EXPERIENCE,
         "Tech Lead",
         NULL,
         "Remote",
         "2021 -- Present",
         NULL,
         RLS_FIELD_N_TYPES,
         "Incubyte"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        const PieceCase *c = &cases[i];
        char *pieces[6] = {0};
        for (unsigned k = 0; k < c->n; k++)
            pieces[k] = c->pieces[k] ? rls_strdup(c->pieces[k]) : NULL;
        RlsPieceFields f;
        rls_piece_reader_fields(&c->layout, pieces, c->n, c->body_line, c->kind, &f);
        printf("# %s\n", c->name);
        CHECK_FIELD(piece_text(pieces, c->n, f.slots.title), c->title);
        CHECK_FIELD(piece_text(pieces, c->n, f.slots.org), c->org);
        CHECK_FIELD(piece_text(pieces, c->n, f.slots.loc), c->loc);
        CHECK_FIELD(piece_text(pieces, c->n, f.slots.dates), c->dates);
        CHECK_FIELD(piece_text(pieces, c->n, f.slots.note), c->note);
        EXPECT_EQ_INT(f.body_type, c->body_type);
        CHECK_FIELD(f.org, c->cut_org);
        rls_free(f.org);
        for (unsigned k = 0; k < c->n; k++)
            rls_free(pieces[k]);
    }
}

static void test_pieces_head_an_entry_by_section(void) {
    RlsDateRange none = {0};
    /* A line of keywords under interests heads nothing; with a role it does. */
    EXPECT_TRUE(!rls_piece_reader_heads_entry(RLS_SECTION_OTHER, "Graph algorithms · Statistics",
                                              NULL, &none));
    EXPECT_TRUE(rls_piece_reader_heads_entry(RLS_SECTION_OTHER, "Board Member", NULL, &none));
    EXPECT_TRUE(
        rls_piece_reader_heads_entry(RLS_SECTION_EXPERIENCE, "Graph algorithms", NULL, NULL));
    /* In publications a title with an employer still needs a role. */
    EXPECT_TRUE(
        !rls_piece_reader_heads_entry(RLS_SECTION_PUBLICATIONS, "On Tides", "Nature", NULL));
    EXPECT_TRUE(
        rls_piece_reader_heads_entry(RLS_SECTION_PUBLICATIONS, "Invited Speaker", "PyCon", NULL));
}

static void test_a_lone_heading_is_role_or_employer(void) {
    EXPECT_TRUE(rls_piece_reader_lone_role("Senior Software Engineer", 24, RLS_SECTION_EXPERIENCE));
    EXPECT_TRUE(!rls_piece_reader_lone_role("Acme Corporation", 16, RLS_SECTION_EXPERIENCE));
    /* In education the role is the degree. */
    EXPECT_TRUE(rls_piece_reader_lone_role("MSc Computer Science", 20, RLS_SECTION_EDUCATION));
    EXPECT_TRUE(!rls_piece_reader_lone_role("University of Oxford", 20, RLS_SECTION_EDUCATION));
}

static bool test_newline_break(const char *src, uint32_t from_byte, uint32_t to_byte, void *data) {
    (void)data;
    return memchr(src + from_byte, '\n', to_byte - from_byte) != NULL;
}

static size_t title_end(const char *src) {
    RlsPlainBuilder pb;
    RlsPlain p;
    rls_plain_builder_init(&pb);
    rls_plain_builder_source(&pb, src, 0, (uint32_t)strlen(src));
    rls_plain_builder_finish(&pb, &p);
    rls_plain_builder_close(&pb);
    size_t cut = rls_piece_reader_title_end(&p, src, test_newline_break, NULL);
    rls_plain_free(&p);
    return cut;
}

static void test_title_ends_before_a_dated_line(void) {
    /* "Cycle ingenieur" then a line on when: the title is the first line. */
    EXPECT_EQ_INT(title_end("Cycle ingenieur\nExpected June 2018"), strlen("Cycle ingenieur"));
    /* The same words on one line are the title, all of it. */
    EXPECT_EQ_INT(title_end("Cycle ingenieur Expected June 2018"),
                  strlen("Cycle ingenieur Expected June 2018"));
    /* A later line naming a job is part of the title. */
    EXPECT_EQ_INT(title_end("Analyst\nSenior Engineer 2018"),
                  strlen("Analyst Senior Engineer 2018"));
}

static void expect_logo(const char *path, const char *want) {
    char *got = rls_piece_reader_logo_name(path, strlen(path));
    EXPECT_STR_EQ(got ? got : "(none)", want ? want : "(none)");
    rls_free(got);
}

static void test_a_logo_names_its_organisation(void) {
    expect_logo("img/thales-logo.png", "Thales");
    expect_logo("logo_acme_corp.pdf", "Acme Corp");
    expect_logo("figures/Logo_cora_2011.jpg", "Cora");
    /* "logo" inside a word is part of the name. */
    expect_logo("logos/technologo.png", "Technologo");
    expect_logo("img/logo.png", NULL);
    expect_logo("2019.png", NULL);
}

static RlsPlain plain_of(const char *src) {
    RlsPlainBuilder pb;
    RlsPlain p;
    rls_plain_builder_init(&pb);
    rls_plain_builder_source(&pb, src, 0, (uint32_t)strlen(src));
    rls_plain_builder_finish(&pb, &p);
    rls_plain_builder_close(&pb);
    return p;
}

static void entry_free(RlsEntry *e) {
    rls_free(e->title);
    rls_free(e->org);
    rls_free(e->location);
}

static void test_a_later_piece_completes_the_entry(void) {
    /* "dates | place" gives an entry its dates and its place. */
    RlsEntry e = {0};
    RlsPlain p = plain_of("Jan 2015 - Present | New York, NY");
    EXPECT_TRUE(rls_piece_reader_amend(&e, RLS_SECTION_EXPERIENCE, &p, RLS_FIELD_LOCATION));
    EXPECT_TRUE(e.dates.valid);
    EXPECT_EQ_INT(e.dates.start.year, 2015);
    EXPECT_TRUE(e.dates.end.present);
    EXPECT_EQ_INT(e.dates.span.start_byte, 0);
    EXPECT_EQ_INT(e.dates.span.end_byte, strlen("Jan 2015 - Present"));
    EXPECT_STR_EQ(e.location ? e.location : "(none)", "New York, NY");
    rls_plain_free(&p);
    entry_free(&e);
    /* A role under an entry named by its employer only: the name moves to
     * the employer. */
    RlsEntry lab = {.title = rls_strdup("Quantum Lab")};
    p = plain_of("| Researcher");
    EXPECT_TRUE(rls_piece_reader_amend(&lab, RLS_SECTION_EXPERIENCE, &p, RLS_FIELD_TITLE));
    EXPECT_STR_EQ(lab.title, "Researcher");
    EXPECT_STR_EQ(lab.org ? lab.org : "(none)", "Quantum Lab");
    /* Once both are there, a third name takes nothing. */
    EXPECT_TRUE(!rls_piece_reader_amend(&lab, RLS_SECTION_EXPERIENCE, &p, RLS_FIELD_TITLE));
    rls_plain_free(&p);
    entry_free(&lab);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_pieces_become_fields_by_content),
        RLS_TEST(test_pieces_head_an_entry_by_section),
        RLS_TEST(test_a_lone_heading_is_role_or_employer),
        RLS_TEST(test_title_ends_before_a_dated_line),
        RLS_TEST(test_a_logo_names_its_organisation),
        RLS_TEST(test_a_later_piece_completes_the_entry),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
