/*
 * framing_test.c - the LSP base-protocol framer (server/transport/framing.c):
 * bodies come out whole however the bytes are cut, and every kind of bad
 * input costs at most the message it damaged.
 */
#include "test.h"
#include "transport/framing.h"

typedef struct {
    RlsFrameEvent event;
    char *body;
    size_t len;
} Event;

typedef struct {
    Event items[64];
    size_t n;
} Events;

static void collect(void *data, RlsFrameEvent event, const char *body, size_t len) {
    Events *ev = data;
    if (ev->n >= RLS_ARRAY_LEN(ev->items)) return;
    ev->items[ev->n].event = event;
    ev->items[ev->n].body = rls_strndup(body, event == RLS_FRAME_TOO_BIG ? 0 : len);
    ev->items[ev->n].len = len;
    ev->n++;
}

static void events_free(Events *ev) {
    for (size_t i = 0; i < ev->n; i++)
        rls_free(ev->items[i].body);
    ev->n = 0;
}

/* Feeds the whole input in pieces of `step` bytes (0: all at once). */
static void feed(const char *input, size_t len, size_t step, size_t max_body, Events *ev) {
    RlsFramer f;
    rls_framer_init(&f, max_body);
    if (step == 0) step = len ? len : 1;
    for (size_t off = 0; off < len; off += step)
        rls_framer_feed(&f, input + off, RLS_MIN(step, len - off), collect, ev);
    rls_framer_close(&f);
}

static size_t count(const Events *ev, RlsFrameEvent kind) {
    size_t n = 0;
    for (size_t i = 0; i < ev->n; i++)
        n += ev->items[i].event == kind;
    return n;
}

/* The n-th complete message body, or NULL. */
static const char *message(const Events *ev, size_t n) {
    for (size_t i = 0; i < ev->n; i++)
        if (ev->items[i].event == RLS_FRAME_MESSAGE && n-- == 0) return ev->items[i].body;
    return NULL;
}

static const char two[] = "Content-Length: 7\r\n\r\n{\"a\":1}"
                          "Content-Length: 10\r\nContent-Type: application/vscode-jsonrpc; "
                          "charset=utf-8\r\n\r\n{\"b\":\"é\"}";

static void test_two_messages_in_one_read_come_out_separately(void) {
    Events ev = {0};
    feed(two, strlen(two), 0, 0, &ev);
    EXPECT_EQ_INT(ev.n, 2);
    EXPECT_STR_EQ(message(&ev, 0), "{\"a\":1}");
    EXPECT_STR_EQ(message(&ev, 1), "{\"b\":\"é\"}");
    events_free(&ev);
}

static void test_any_split_gives_the_same_messages(void) {
    for (size_t step = 1; step <= strlen(two); step++) {
        Events ev = {0};
        feed(two, strlen(two), step, 0, &ev);
        EXPECT_EQ_INT(ev.n, 2);
        EXPECT_STR_EQ(message(&ev, 0), "{\"a\":1}");
        EXPECT_STR_EQ(message(&ev, 1), "{\"b\":\"é\"}");
        events_free(&ev);
    }
}

static void test_header_names_are_case_insensitive_and_lf_is_tolerated(void) {
    static const char in[] = "content-length: 2\r\n\r\n{}CONTENT-LENGTH:3\n\n[1]";
    Events ev = {0};
    feed(in, strlen(in), 0, 0, &ev);
    EXPECT_EQ_INT(count(&ev, RLS_FRAME_MESSAGE), 2);
    EXPECT_STR_EQ(message(&ev, 0), "{}");
    EXPECT_STR_EQ(message(&ev, 1), "[1]");
    events_free(&ev);
}

static void test_a_bad_header_line_is_dropped_and_the_message_survives(void) {
    static const char in[] = "garbage line\r\nContent-Length: 2\r\n\r\n{}";
    Events ev = {0};
    feed(in, strlen(in), 0, 0, &ev);
    EXPECT_EQ_INT(count(&ev, RLS_FRAME_BAD_HEADER), 1);
    EXPECT_STR_EQ(message(&ev, 0), "{}");
    events_free(&ev);
}

static void test_a_header_block_without_length_is_reported_and_skipped(void) {
    static const char in[] = "Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}";
    Events ev = {0};
    feed(in, strlen(in), 0, 0, &ev);
    EXPECT_EQ_INT(count(&ev, RLS_FRAME_BAD_HEADER), 1);
    EXPECT_EQ_INT(count(&ev, RLS_FRAME_MESSAGE), 1);
    EXPECT_STR_EQ(message(&ev, 0), "{}");
    events_free(&ev);
}

static void test_a_non_numeric_length_is_a_bad_header(void) {
    static const char in[] = "Content-Length: -5\r\n\r\nContent-Length: 2\r\n\r\n{}";
    Events ev = {0};
    feed(in, strlen(in), 0, 0, &ev);
    EXPECT_TRUE(count(&ev, RLS_FRAME_BAD_HEADER) >= 1);
    EXPECT_STR_EQ(message(&ev, 0), "{}");
    events_free(&ev);
}

static void test_a_huge_length_is_refused_and_the_stream_resynchronises(void) {
    /* The declared 10 GB never come: the next header must be found. */
    static const char in[] = "Content-Length: 10737418240\r\n\r\n{}"
                             "Content-Length: 2\r\n\r\n[]";
    for (size_t step = 0; step <= 3; step++) {
        Events ev = {0};
        feed(in, strlen(in), step, 0, &ev);
        EXPECT_EQ_INT(count(&ev, RLS_FRAME_TOO_BIG), 1);
        EXPECT_EQ_INT(ev.items[0].len, (size_t)10737418240ull);
        EXPECT_STR_EQ(message(&ev, 0), "[]");
        events_free(&ev);
    }
}

static void test_a_body_over_the_ceiling_is_skipped_entirely(void) {
    static const char in[] =
        "Content-Length: 12\r\n\r\n{\"x\":\"abcd\"}Content-Length: 2\r\n\r\n{}";
    Events ev = {0};
    feed(in, strlen(in), 0, 8, &ev);
    EXPECT_EQ_INT(count(&ev, RLS_FRAME_TOO_BIG), 1);
    EXPECT_EQ_INT(count(&ev, RLS_FRAME_MESSAGE), 1);
    EXPECT_STR_EQ(message(&ev, 0), "{}");
    events_free(&ev);
}

static void test_a_short_length_costs_only_its_own_message(void) {
    /* 7 bytes short: the tail of the body precedes the next header. */
    static const char in[] = "Content-Length: 5\r\n\r\n{\"a\":123456}"
                             "Content-Length: 2\r\n\r\n{}";
    Events ev = {0};
    feed(in, strlen(in), 0, 0, &ev);
    EXPECT_STR_EQ(message(&ev, 0), "{\"a\":");
    EXPECT_STR_EQ(message(&ev, 1), "{}");
    EXPECT_EQ_INT(count(&ev, RLS_FRAME_MESSAGE), 2);
    events_free(&ev);
}

static void test_junk_without_newlines_does_not_grow_the_buffer(void) {
    RlsBuf in;
    rls_buf_init(&in);
    for (int i = 0; i < 20000; i++)
        rls_buf_puts(&in, "junk ");
    rls_buf_puts(&in, "Content-Length: 2\r\n\r\n{}");
    Events ev = {0};
    RlsFramer f;
    rls_framer_init(&f, 0);
    rls_framer_feed(&f, in.data, in.len, collect, &ev);
    EXPECT_TRUE(f.line.cap <= 2 * RLS_FRAMING_MAX_HEADER_LINE + 64);
    rls_framer_close(&f);
    EXPECT_STR_EQ(message(&ev, 0), "{}");
    events_free(&ev);
    rls_buf_close(&in);
}

static void test_zero_length_gives_an_empty_body(void) {
    static const char in[] = "Content-Length: 0\r\n\r\nContent-Length: 2\r\n\r\n{}";
    Events ev = {0};
    feed(in, strlen(in), 0, 0, &ev);
    EXPECT_EQ_INT(count(&ev, RLS_FRAME_MESSAGE), 2);
    EXPECT_STR_EQ(message(&ev, 0), "");
    EXPECT_STR_EQ(message(&ev, 1), "{}");
    events_free(&ev);
}

static void test_frame_writes_what_the_framer_reads(void) {
    RlsBuf out;
    rls_buf_init(&out);
    rls_framer_frame(&out, "{\"é\":1}", strlen("{\"é\":1}"));
    EXPECT_STR_EQ(out.data, "Content-Length: 8\r\n\r\n{\"é\":1}");
    Events ev = {0};
    feed(out.data, out.len, 1, 0, &ev);
    EXPECT_STR_EQ(message(&ev, 0), "{\"é\":1}");
    events_free(&ev);
    rls_buf_close(&out);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_two_messages_in_one_read_come_out_separately),
        RLS_TEST(test_any_split_gives_the_same_messages),
        RLS_TEST(test_header_names_are_case_insensitive_and_lf_is_tolerated),
        RLS_TEST(test_a_bad_header_line_is_dropped_and_the_message_survives),
        RLS_TEST(test_a_header_block_without_length_is_reported_and_skipped),
        RLS_TEST(test_a_non_numeric_length_is_a_bad_header),
        RLS_TEST(test_a_huge_length_is_refused_and_the_stream_resynchronises),
        RLS_TEST(test_a_body_over_the_ceiling_is_skipped_entirely),
        RLS_TEST(test_a_short_length_costs_only_its_own_message),
        RLS_TEST(test_junk_without_newlines_does_not_grow_the_buffer),
        RLS_TEST(test_zero_length_gives_an_empty_body),
        RLS_TEST(test_frame_writes_what_the_framer_reads),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
