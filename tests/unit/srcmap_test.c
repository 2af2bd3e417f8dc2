/* Tests for mapping plain-text offsets back to source (server/model/srcmap.c). */
#include "rls/model.h"
#include "test.h"

/* Source "**Cut** p99 \%x" -> plain "Cut p99 %x", built by hand the way a
 * parser would: bold markers dropped, "\%" one construct. */
static RlsPlain make_plain(void) {
    static char text[] = "Cut p99 %x";
    static uint32_t start[] = {2, 3, 4, 7, 8, 9, 10, 11, 12, 14};
    static uint32_t end[] = {3, 4, 5, 8, 9, 10, 11, 12, 14, 15};
    RlsPlain p = {text, 10, start, end, NULL};
    return p;
}

static void test_an_edit_inside_bold_maps_inside_the_markers(void) {
    RlsPlain p = make_plain();
    RlsSpan s;
    ASSERT_EQ_INT(rls_plain_to_source(&p, 0, 3, &s), 0);
    EXPECT_EQ_INT(s.start_byte, 2);
    EXPECT_EQ_INT(s.end_byte, 5);
}

static void test_an_edit_across_the_closing_marker_is_refused(void) {
    RlsPlain p = make_plain();
    RlsSpan s;
    EXPECT_EQ_INT(rls_plain_to_source(&p, 2, 5, &s), RLS_EREFUSED);
}

static void test_an_escape_maps_to_its_whole_construct(void) {
    RlsPlain p = make_plain();
    RlsSpan s;
    ASSERT_EQ_INT(rls_plain_to_source(&p, 8, 10, &s), 0);
    EXPECT_EQ_INT(s.start_byte, 12);
    EXPECT_EQ_INT(s.end_byte, 15);
}

static void test_cover_spans_markup_for_diagnostics(void) {
    RlsPlain p = make_plain();
    RlsSpan s = rls_plain_cover(&p, 0, 10);
    EXPECT_EQ_INT(s.start_byte, 2);
    EXPECT_EQ_INT(s.end_byte, 15);
    s = rls_plain_cover(&p, 10, 10);
    EXPECT_EQ_INT(s.start_byte, 15);
    EXPECT_EQ_INT(s.end_byte, 15);
}

static void test_out_of_range_requests_are_rejected(void) {
    RlsPlain p = make_plain();
    RlsSpan s;
    EXPECT_EQ_INT(rls_plain_to_source(&p, 3, 11, &s), RLS_ERANGE);
    EXPECT_EQ_INT(rls_plain_to_source(&p, 5, 3, &s), RLS_ERANGE);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_an_edit_inside_bold_maps_inside_the_markers),
        RLS_TEST(test_an_edit_across_the_closing_marker_is_refused),
        RLS_TEST(test_an_escape_maps_to_its_whole_construct),
        RLS_TEST(test_cover_spans_markup_for_diagnostics),
        RLS_TEST(test_out_of_range_requests_are_rejected),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
