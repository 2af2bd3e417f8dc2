/* Tests for the model builder (server/model/builder.c). */
#include "model/builder.h"
#include "test.h"

static void test_source_runs_fold_whitespace_and_map_each_byte(void) {
    const char *src = "  Cut\n   costs\t by 30%  ";
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    rls_plain_builder_source(&pb, src, 0, (uint32_t)strlen(src));
    RlsPlain p;
    rls_plain_builder_finish(&pb, &p);
    EXPECT_STR_EQ(p.text, "Cut costs by 30%");
    EXPECT_EQ_INT(p.len, 16);
    EXPECT_EQ_INT(p.src_start[0], 2); /* leading whitespace dropped */
    EXPECT_EQ_INT(p.src_start[3], 5); /* the folded run "\n   " */
    EXPECT_EQ_INT(p.src_end[3], 9);
    EXPECT_EQ_INT(p.src_start[15], 21);
    EXPECT_EQ_INT(p.src_end[15], 22);
    rls_plain_free(&p);
    rls_plain_builder_close(&pb);
}

static void test_emitted_text_maps_to_its_whole_construct(void) {
    const char *src = "caf\\'e \\& co";
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    rls_plain_builder_source(&pb, src, 0, 3);
    rls_plain_builder_emit(&pb, "é", 2, 3, 6);
    rls_plain_builder_break(&pb, 6, 7);
    rls_plain_builder_emit(&pb, "&", 1, 7, 9);
    rls_plain_builder_source(&pb, src, 9, 12);
    RlsPlain p;
    rls_plain_builder_finish(&pb, &p);
    EXPECT_STR_EQ(p.text, "café & co");
    EXPECT_EQ_INT(p.src_start[3], 3);
    EXPECT_EQ_INT(p.src_end[4], 6);
    RlsSpan s;
    ASSERT_EQ_INT(rls_plain_to_source(&p, 3, 5, &s), 0);
    EXPECT_EQ_INT(s.start_byte, 3);
    EXPECT_EQ_INT(s.end_byte, 6);
    EXPECT_EQ_INT(rls_plain_to_source(&p, 0, 5, &s), 0); /* "caf" then "\'e": contiguous */
    rls_plain_free(&p);
    rls_plain_builder_close(&pb);
}

static void test_breaks_never_lead_or_trail_or_double(void) {
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    rls_plain_builder_break(&pb, 0, 1);
    rls_plain_builder_emit(&pb, "a", 1, 1, 2);
    rls_plain_builder_break(&pb, 2, 3);
    rls_plain_builder_break(&pb, 3, 4);
    rls_plain_builder_emit(&pb, "b", 1, 4, 5);
    rls_plain_builder_break(&pb, 5, 6);
    EXPECT_EQ_INT(rls_plain_builder_len(&pb), 3);
    RlsPlain p;
    rls_plain_builder_finish(&pb, &p);
    EXPECT_STR_EQ(p.text, "a b");
    /* Consecutive breaks make one space covering both. */
    EXPECT_EQ_INT(p.src_start[1], 2);
    EXPECT_EQ_INT(p.src_end[1], 4);
    rls_plain_free(&p);
    /* The builder is reusable after finish, and an empty result is "". */
    rls_plain_builder_finish(&pb, &p);
    EXPECT_STR_EQ(p.text, "");
    EXPECT_EQ_INT(p.len, 0);
    rls_plain_free(&p);
    rls_plain_builder_close(&pb);
}

static RlsPlain plain_of(const char *text) {
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    rls_plain_builder_emit(&pb, text, strlen(text), 0, 1);
    RlsPlain p;
    rls_plain_builder_finish(&pb, &p);
    rls_plain_builder_close(&pb);
    return p;
}

static void test_model_links_sections_entries_and_bullets(void) {
    RlsModelBuilder mb;
    rls_model_builder_init(&mb, RLS_FORMAT_MARKDOWN, 500);
    /* Content before the first heading makes a header section. */
    RlsPlain intro = plain_of("Jane");
    rls_model_builder_paragraph(&mb, (RlsSpan){0, 4}, &intro);
    RlsPlain h = plain_of("Work Experience");
    RlsSection *s = rls_model_builder_section(&mb, (RlsSpan){10, 30}, &h, 2);
    EXPECT_EQ_INT(s->kind, RLS_SECTION_EXPERIENCE);
    EXPECT_TRUE(s->standard_heading);
    EXPECT_TRUE(h.text == NULL); /* ownership moved */
    RlsDateRange d = {.valid = true, .start = {2020, 1, false}, .end = {0, 0, true}};
    rls_model_builder_entry(&mb, (RlsSpan){31, 60}, "Engineer", "Acme", NULL, &d);
    RlsPlain b1 = plain_of("Cut costs");
    rls_model_builder_bullet(&mb, (RlsSpan){62, 71}, (RlsSpan){60, 71}, &b1, 0);
    rls_model_builder_end_entry(&mb);
    RlsPlain b2 = plain_of("Loose bullet");
    rls_model_builder_bullet(&mb, (RlsSpan){75, 87}, (RlsSpan){73, 87}, &b2, 1);
    RlsPlain h2 = plain_of("Skills");
    rls_model_builder_section(&mb, (RlsSpan){100, 110}, &h2, 2);
    rls_model_builder_skill(&mb, (RlsSpan){112, 114}, "Go", 2, "Languages");
    rls_model_builder_contact(&mb, RLS_CONTACT_EMAIL, (RlsSpan){0, 3}, "a@b.co", 6);
    rls_model_builder_comment(&mb, (RlsSpan){120, 130}, "resume-ls-disable x", 19);
    rls_model_builder_layout(&mb, RLS_LAYOUT_TABLE, (RlsSpan){131, 140});
    rls_model_builder_error(&mb, (RlsSpan){141, 142});
    RlsResume *m = rls_model_builder_finish(&mb);

    ASSERT_EQ_INT(m->n_sections, 3);
    EXPECT_EQ_INT(m->sections[0].kind, RLS_SECTION_HEADER);
    EXPECT_EQ_INT(m->sections[0].span.end_byte, 10);
    EXPECT_EQ_INT(m->sections[1].span.start_byte, 10);
    EXPECT_EQ_INT(m->sections[1].span.end_byte, 100);
    EXPECT_EQ_INT(m->sections[2].span.end_byte, 500);
    EXPECT_EQ_INT(m->sections[1].n_entries, 1);
    EXPECT_EQ_INT(m->sections[1].n_bullets, 2);
    ASSERT_EQ_INT(m->n_entries, 1);
    EXPECT_STR_EQ(m->entries[0].title, "Engineer");
    EXPECT_TRUE(m->entries[0].location == NULL);
    EXPECT_TRUE(m->entries[0].dates.end.present);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 1);
    EXPECT_EQ_INT(m->bullets[0].entry, 0);
    EXPECT_EQ_INT(m->bullets[1].entry, -1);
    EXPECT_EQ_INT(m->bullets[1].depth, 1);
    EXPECT_EQ_INT(m->paragraphs[0].section, 0);
    EXPECT_EQ_INT(m->skills[0].section, 2);
    EXPECT_STR_EQ(m->skills[0].category, "Languages");
    EXPECT_EQ_INT(m->n_contacts, 1);
    EXPECT_EQ_INT(m->n_comments, 1);
    EXPECT_EQ_INT(m->n_layout, 1);
    EXPECT_EQ_INT(m->n_errors, 1);
    rls_resume_delete(m);
}

static void test_a_new_section_ends_the_current_entry(void) {
    RlsModelBuilder mb;
    rls_model_builder_init(&mb, RLS_FORMAT_LATEX, 100);
    RlsPlain h = plain_of("Experience");
    rls_model_builder_section(&mb, (RlsSpan){0, 10}, &h, 1);
    rls_model_builder_entry(&mb, (RlsSpan){11, 20}, NULL, "Acme", NULL, NULL);
    RlsPlain h2 = plain_of("Other");
    rls_model_builder_section(&mb, (RlsSpan){30, 35}, &h2, 1);
    RlsPlain b = plain_of("x");
    rls_model_builder_bullet(&mb, (RlsSpan){40, 41}, (RlsSpan){40, 41}, &b, 0);
    RlsResume *m = rls_model_builder_finish(&mb);
    EXPECT_EQ_INT(m->bullets[0].entry, -1);
    EXPECT_EQ_INT(m->bullets[0].section, 1);
    EXPECT_EQ_INT(m->entries[0].n_bullets, 0);
    EXPECT_TRUE(!m->entries[0].dates.valid);
    rls_resume_delete(m);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_source_runs_fold_whitespace_and_map_each_byte),
        RLS_TEST(test_emitted_text_maps_to_its_whole_construct),
        RLS_TEST(test_breaks_never_lead_or_trail_or_double),
        RLS_TEST(test_model_links_sections_entries_and_bullets),
        RLS_TEST(test_a_new_section_ends_the_current_entry),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
