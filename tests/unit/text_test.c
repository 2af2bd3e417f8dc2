/* Tests for document text, line indexes and position mapping (server/doc/text.c). */
#include <string.h>

#include "rls/text.h"
#include "rls/utf8.h"
#include "test.h"

static RlsLspPos P(uint32_t line, uint32_t ch) {
    return (RlsLspPos){line, ch};
}

static void test_lines_end_at_lf_crlf_and_lone_cr(void) {
    const char *s = "a\nb\r\nc\rd";
    RlsText *t = rls_text_new(s, strlen(s));
    EXPECT_EQ_INT(rls_text_line_count(t), 4);
    EXPECT_EQ_INT(rls_text_line_start(t, 1), 2);
    EXPECT_EQ_INT(rls_text_line_start(t, 2), 5);
    EXPECT_EQ_INT(rls_text_line_start(t, 3), 7);
    EXPECT_EQ_INT(rls_text_line_end(t, 1), 3); /* before "\r\n" */
    EXPECT_EQ_INT(rls_text_line_end(t, 2), 6);
    /* tree-sitter rows count "\n" only: "c\rd" is on row 2. */
    EXPECT_EQ_INT(rls_text_point_at(t, 7).row, 2);
    EXPECT_EQ_INT(rls_text_point_at(t, 7).col_byte, 2);
    rls_text_delete(t);
}

static void test_utf16_counts_surrogate_pairs_as_two_units(void) {
    /* "é" 2 bytes/1 unit, "日" 3 bytes/1 unit, "😀" 4 bytes/2 units. */
    const char *s = "xé日😀y";
    RlsText *t = rls_text_new(s, strlen(s));
    EXPECT_EQ_INT(rls_text_offset_at(t, P(0, 1), RLS_ENC_UTF16), 1);
    EXPECT_EQ_INT(rls_text_offset_at(t, P(0, 2), RLS_ENC_UTF16), 3);
    EXPECT_EQ_INT(rls_text_offset_at(t, P(0, 3), RLS_ENC_UTF16), 6);
    EXPECT_EQ_INT(rls_text_offset_at(t, P(0, 5), RLS_ENC_UTF16), 10);
    /* Half a surrogate pair snaps back to the emoji's start. */
    EXPECT_EQ_INT(rls_text_offset_at(t, P(0, 4), RLS_ENC_UTF16), 6);
    EXPECT_EQ_INT(rls_text_pos_at(t, 10, RLS_ENC_UTF16).character, 5);
    EXPECT_EQ_INT(rls_text_pos_at(t, 10, RLS_ENC_UTF8).character, 10);
    EXPECT_EQ_INT(rls_text_pos_at(t, 10, RLS_ENC_UTF32).character, 4);
    /* A byte inside a character maps to that character's start. */
    EXPECT_EQ_INT(rls_text_pos_at(t, 8, RLS_ENC_UTF16).character, 3);
    rls_text_delete(t);
}

static void test_positions_past_the_end_are_clamped(void) {
    const char *s = "ab\r\ncd";
    RlsText *t = rls_text_new(s, strlen(s));
    EXPECT_EQ_INT(rls_text_offset_at(t, P(0, 99), RLS_ENC_UTF16), 2); /* not into "\r\n" */
    EXPECT_EQ_INT(rls_text_offset_at(t, P(7, 0), RLS_ENC_UTF16), 6);
    RlsSpan sp = rls_text_span_of(t, (RlsLspRange){P(1, 2), P(0, 1)}, RLS_ENC_UTF16);
    EXPECT_EQ_INT(sp.start_byte, 1);
    EXPECT_EQ_INT(sp.end_byte, 6);
    RlsLspPos inside_crlf = rls_text_pos_at(t, 3, RLS_ENC_UTF16);
    EXPECT_EQ_INT(inside_crlf.line, 0);
    EXPECT_EQ_INT(inside_crlf.character, 2);
    rls_text_delete(t);
}

/* The one encoder writes what the one decoder reads, at every length's
 * edges; what is no scalar value becomes U+FFFD. */
static void test_utf8_encode_round_trips_through_the_decoder(void) {
    static const uint32_t cps[] = {0x41,   0x7F,   0x80,   0xE9,    0x7FF,   0x800,
                                   0x4E2D, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
        char buf[4];
        size_t n = rls_utf8_encode(cps[i], buf);
        EXPECT_EQ_INT(n, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 : cps[i] < 0x10000 ? 3 : 4);
        uint32_t back = 0;
        EXPECT_EQ_INT(rls_utf8_decode((const unsigned char *)buf, (uint32_t)n, &back), n);
        EXPECT_EQ_INT(back, cps[i]);
    }
    static const uint32_t bad[] = {0, 0xD800, 0xDFFF, 0x110000};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char buf[4];
        EXPECT_EQ_INT(rls_utf8_encode(bad[i], buf), 3);
        EXPECT_TRUE(memcmp(buf, "\xEF\xBF\xBD", 3) == 0);
    }
}

static void test_invalid_utf8_bytes_count_one_unit_each(void) {
    const char s[] = "a\xff\xc3(b";
    RlsText *t = rls_text_new(s, sizeof(s) - 1);
    EXPECT_EQ_INT(rls_text_offset_at(t, P(0, 3), RLS_ENC_UTF16), 3);
    EXPECT_EQ_INT(rls_text_pos_at(t, 5, RLS_ENC_UTF16).character, 5);
    rls_text_delete(t);
}

static void test_replace_reports_points_for_tree_sitter(void) {
    const char *s = "ab\ncd\nef";
    RlsText *t = rls_text_new(s, strlen(s));
    RlsByteEdit e;
    ASSERT_EQ_INT(rls_text_replace(t, 4, 7, "X\nY\nZ", 5, &e), 0);
    EXPECT_STR_EQ(rls_text_data(t), "ab\ncX\nY\nZf");
    EXPECT_EQ_INT(e.start_point.row, 1);
    EXPECT_EQ_INT(e.start_point.col_byte, 1);
    EXPECT_EQ_INT(e.old_end_point.row, 2);
    EXPECT_EQ_INT(e.old_end_point.col_byte, 1);
    EXPECT_EQ_INT(e.new_end_point.row, 3);
    EXPECT_EQ_INT(e.new_end_point.col_byte, 1);
    EXPECT_EQ_INT(e.new_end_byte, 9);
    EXPECT_EQ_INT(rls_text_replace(t, 5, 4, "", 0, NULL), RLS_ERANGE);
    EXPECT_EQ_INT(rls_text_replace(t, 0, 99, "", 0, NULL), RLS_ERANGE);
    rls_text_delete(t);
}

/* Compares every observable of a text against a fresh one built from the
 * same bytes: the incremental index must never drift. */
static int same_as_fresh(const RlsText *t) {
    RlsText *f = rls_text_new(rls_text_data(t), rls_text_len(t));
    int bad = 0;
    if (rls_text_line_count(f) != rls_text_line_count(t)) bad = 1;
    for (uint32_t l = 0; !bad && l < rls_text_line_count(f); l++)
        if (rls_text_line_start(f, l) != rls_text_line_start(t, l)) bad = 1;
    for (uint32_t b = 0; !bad && b <= rls_text_len(f); b++) {
        RlsPoint p = rls_text_point_at(f, b), q = rls_text_point_at(t, b);
        if (p.row != q.row || p.col_byte != q.col_byte) bad = 1;
    }
    rls_text_delete(f);
    return !bad;
}

static uint32_t rng_state = 12345;
static uint32_t rnd(uint32_t n) {
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 8) % n;
}

static void test_random_edits_match_a_reference_and_a_fresh_index(void) {
    static const char *pieces[] = {"a", "é", "日本", "😀", "\n", "\r\n", "\r", " ", "- x\n", ""};
    char ref[4096] = "- Led 5 engineers\r\n- Cut p99 by 40%\n";
    size_t ref_len = strlen(ref);
    RlsText *t = rls_text_new(ref, ref_len);
    for (int step = 0; step < 3000; step++) {
        uint32_t a = rnd((uint32_t)ref_len + 1);
        uint32_t b = a + rnd(RLS_MIN(6u, (uint32_t)(ref_len - a) + 1));
        const char *ins = pieces[rnd(RLS_ARRAY_LEN(pieces))];
        size_t ins_len = strlen(ins);
        if (ref_len - (b - a) + ins_len >= sizeof(ref) - 1) {
            ins = "";
            ins_len = 0;
        }
        ASSERT_EQ_INT(rls_text_replace(t, a, b, ins, ins_len, NULL), 0);
        memmove(ref + a + ins_len, ref + b, ref_len - b + 1);
        memcpy(ref + a, ins, ins_len);
        ref_len = ref_len - (b - a) + ins_len;
        ASSERT_EQ_INT(rls_text_len(t), ref_len);
        ASSERT_TRUE(memcmp(rls_text_data(t), ref, ref_len) == 0);
        if (step % 7 == 0 || ins_len == 1) ASSERT_TRUE(same_as_fresh(t));
    }
    rls_text_delete(t);
}

static void test_utf16_round_trips_on_every_character_boundary(void) {
    const char *s = "Réduit la latence de 40 %\r\n日本語の履歴書 😀👍\rend\n";
    RlsText *t = rls_text_new(s, strlen(s));
    for (uint32_t b = 0; b <= rls_text_len(t); b++) {
        if (b < rls_text_len(t) && (s[b] & 0xC0) == 0x80) continue; /* not a boundary */
        if (b > 0 && s[b - 1] == '\r' && s[b] == '\n') continue;    /* inside CRLF */
        RlsLspPos p = rls_text_pos_at(t, b, RLS_ENC_UTF16);
        EXPECT_EQ_INT(rls_text_offset_at(t, p, RLS_ENC_UTF16), b);
    }
    rls_text_delete(t);
}

static void test_lines_of_any_text_end_where_the_document_s_do(void) {
    const char *s = "a\r\nb\rc\nd";
    uint32_t n = 0;
    uint32_t *lsp = rls_line_starts(s, 8, true, &n);
    ASSERT_EQ_INT(n, 4);
    EXPECT_EQ_INT(lsp[1], 3);
    EXPECT_EQ_INT(lsp[2], 5);
    EXPECT_EQ_INT(lsp[3], 7);
    EXPECT_EQ_INT(rls_line_find(lsp, n, 2), 0); /* the "\n" of "\r\n" */
    EXPECT_EQ_INT(rls_line_find(lsp, n, 5), 2);
    EXPECT_EQ_INT(rls_line_at(s, 8, 0, true), 0);
    EXPECT_EQ_INT(rls_line_at(s, 8, 2, true), 0);
    EXPECT_EQ_INT(rls_line_at(s, 8, 3, true), 1);
    EXPECT_EQ_INT(rls_line_at(s, 8, 7, true), 3);
    EXPECT_EQ_INT(rls_line_at(s, 8, 99, true), 3);
    rls_free(lsp);
    uint32_t *rows = rls_line_starts(s, 8, false, &n);
    ASSERT_EQ_INT(n, 3); /* a lone "\r" ends no tree-sitter row */
    EXPECT_EQ_INT(rows[2], 7);
    EXPECT_EQ_INT(rls_line_at(s, 8, 7, false), 2);
    rls_free(rows);
    RlsSpan line = rls_line_span(s, 8, 4);
    EXPECT_EQ_INT(line.start_byte, 3);
    EXPECT_EQ_INT(line.end_byte, 4);
    line = rls_line_span(s, 8, 8);
    EXPECT_EQ_INT(line.start_byte, 7);
    EXPECT_EQ_INT(line.end_byte, 8);
    line = rls_line_span(s, 8, 1);
    EXPECT_EQ_INT(line.start_byte, 0);
    EXPECT_EQ_INT(line.end_byte, 1);
    /* Random texts: the starts, the lookup and the count agree with a
     * byte-by-byte count of the terminators, for both kinds of line. */
    static const char *pieces[] = {"a", "\n", "\r\n", "\r", "\r\r", "é", " "};
    for (int round = 0; round < 300; round++) {
        char t[128] = "";
        uint32_t len = 0;
        for (uint32_t k = rnd(24); k > 0; k--) {
            const char *piece = pieces[rnd(RLS_ARRAY_LEN(pieces))];
            memcpy(t + len, piece, strlen(piece) + 1);
            len += (uint32_t)strlen(piece);
        }
        for (int kind = 0; kind < 2; kind++) {
            uint32_t m = 0, want = 0;
            uint32_t *st = rls_line_starts(t, len, kind, &m);
            for (uint32_t at = 0; at <= len; at++) {
                EXPECT_EQ_INT(rls_line_find(st, m, at), want);
                EXPECT_EQ_INT(rls_line_at(t, len, at, kind), want);
                if (at < len) want += t[at] == '\n' || (kind && t[at] == '\r' && t[at + 1] != '\n');
            }
            EXPECT_EQ_INT(m, want + 1);
            rls_free(st);
        }
    }
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_lines_end_at_lf_crlf_and_lone_cr),
        RLS_TEST(test_lines_of_any_text_end_where_the_document_s_do),
        RLS_TEST(test_utf16_counts_surrogate_pairs_as_two_units),
        RLS_TEST(test_positions_past_the_end_are_clamped),
        RLS_TEST(test_utf8_encode_round_trips_through_the_decoder),
        RLS_TEST(test_invalid_utf8_bytes_count_one_unit_each),
        RLS_TEST(test_replace_reports_points_for_tree_sitter),
        RLS_TEST(test_random_edits_match_a_reference_and_a_fresh_index),
        RLS_TEST(test_utf16_round_trips_on_every_character_boundary),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
