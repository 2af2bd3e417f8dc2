/*
 * sync_test.c - incremental text sync through the whole server path
 * (didChange JSON -> position conversion -> text edit -> parser edit):
 * random edit sequences over non-ASCII text with LF, CRLF and lone CR line
 * ends must leave the server's text equal to a reference kept here, with
 * positions computed here independently of server/doc/text.c.
 */
#include "lsp/server_internal.h"
#include "lsp_client.h"

#define URI "file:///tmp/sync-test.md"

static uint64_t rng_state;
static uint32_t rng(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

static size_t utf8_len(unsigned char c) {
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The LSP position of byte offset `at` (a character boundary, never
 * between "\r" and "\n"), counted the slow, obvious way. */
static RlsLspPos ref_pos(const char *s, size_t at, RlsEncoding enc) {
    RlsLspPos p = {0, 0};
    size_t i = 0;
    while (i < at) {
        if (s[i] == '\r' || s[i] == '\n') {
            i += (s[i] == '\r' && s[i + 1] == '\n') ? 2 : 1;
            p.line++;
            p.character = 0;
            continue;
        }
        size_t n = utf8_len((unsigned char)s[i]);
        p.character += enc == RLS_ENC_UTF8 ? (uint32_t)n : (n == 4 ? 2 : 1);
        i += n;
    }
    return p;
}

/* Every offset a client can address. */
static size_t boundaries(const char *s, size_t len, size_t *out) {
    size_t n = 0, i = 0;
    while (i < len) {
        out[n++] = i;
        if (s[i] == '\r' && s[i + 1] == '\n') {
            i += 2;
        } else {
            i += utf8_len((unsigned char)s[i]);
        }
    }
    out[n++] = len;
    return n;
}

static const char *const pieces[] = {"a",  "Led ", "é",  "中文", "😀",       "\n",  "\r\n",
                                     "\r", " ",    "- ", "**",   "\\item ", "x\r", "\t"};

static cJSON *pos_json(RlsLspPos p) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "line", p.line);
    cJSON_AddNumberToObject(o, "character", p.character);
    return o;
}

static void run_random_edits(RlsEncoding enc, uint64_t seed, int rounds) {
    rng_state = seed;
    TestClient c;
    test_client_open(&c);
    test_client_initialize(
        &c, enc == RLS_ENC_UTF8 ? "{\"general\":{\"positionEncodings\":[\"utf-8\"]}}" : "{}");
    ASSERT_EQ_INT(rls_server_encoding(c.server), enc);
    RlsBuf ref;
    rls_buf_init(&ref);
    rls_buf_puts(&ref, "# Expérience\r\n\r\n- Built 中文 search 😀\n- Led\rteam\n");
    cJSON *open = cJSON_CreateObject();
    cJSON_AddStringToObject(open, "jsonrpc", "2.0");
    cJSON_AddStringToObject(open, "method", "textDocument/didOpen");
    cJSON *td = cJSON_AddObjectToObject(cJSON_AddObjectToObject(open, "params"), "textDocument");
    cJSON_AddStringToObject(td, "uri", URI);
    cJSON_AddStringToObject(td, "languageId", "markdown");
    cJSON_AddNumberToObject(td, "version", 1);
    cJSON_AddStringToObject(td, "text", ref.data);
    test_client_feed_json(&c, open);
    rls_dispatch_run(&c.dispatch);

    size_t *bounds = NULL;
    for (int round = 0; round < rounds; round++) {
        cJSON *msg = cJSON_CreateObject();
        cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
        cJSON_AddStringToObject(msg, "method", "textDocument/didChange");
        cJSON *params = cJSON_AddObjectToObject(msg, "params");
        cJSON *id = cJSON_AddObjectToObject(params, "textDocument");
        cJSON_AddStringToObject(id, "uri", URI);
        cJSON_AddNumberToObject(id, "version", round + 2);
        cJSON *changes = cJSON_AddArrayToObject(params, "contentChanges");
        int n_changes = 1 + (int)(rng() % 3);
        for (int k = 0; k < n_changes; k++) {
            RlsBuf ins;
            rls_buf_init(&ins);
            int n_pieces = (int)(rng() % 4);
            for (int j = 0; j < n_pieces; j++)
                rls_buf_puts(&ins, pieces[rng() % RLS_ARRAY_LEN(pieces)]);
            cJSON *change = cJSON_CreateObject();
            cJSON_AddStringToObject(change, "text", ins.data ? ins.data : "");
            if (rng() % 50 == 0) {
                /* A full replacement now and then. */
                rls_buf_clear(&ref);
                rls_buf_append(&ref, ins.data ? ins.data : "", ins.len);
            } else {
                bounds = rls_realloc(bounds, (ref.len + 2) * sizeof(*bounds));
                size_t nb = boundaries(ref.data, ref.len, bounds);
                size_t a = bounds[rng() % nb], b = bounds[rng() % nb];
                if (rng() % 3 == 0) b = a; /* pure insert */
                if (a > b) {
                    size_t t = a;
                    a = b;
                    b = t;
                }
                /* Keep the text small enough that a run stays fast. */
                if (ref.len > 2000) b = RLS_MIN(ref.len, a + (b - a) + 200);
                while (b > a && b < ref.len && ref.data[b - 1] == '\r' && ref.data[b] == '\n')
                    b--;
                cJSON *range = cJSON_AddObjectToObject(change, "range");
                cJSON_AddItemToObject(range, "start", pos_json(ref_pos(ref.data, a, enc)));
                cJSON_AddItemToObject(range, "end", pos_json(ref_pos(ref.data, b, enc)));
                RlsBuf next;
                rls_buf_init(&next);
                rls_buf_append(&next, ref.data, a);
                rls_buf_append(&next, ins.data ? ins.data : "", ins.len);
                rls_buf_append(&next, ref.data + b, ref.len - b);
                rls_buf_close(&ref);
                ref = next;
            }
            cJSON_AddItemToArray(changes, change);
            rls_buf_close(&ins);
        }
        test_client_feed_json(&c, msg);
        rls_dispatch_run(&c.dispatch);
        RlsDocument *doc = rls_server_document(c.server, URI);
        ASSERT_TRUE(doc != NULL);
        const char *got = rls_text_data(doc->text);
        if (rls_text_len(doc->text) != ref.len || memcmp(got, ref.data ? ref.data : "", ref.len)) {
            RLS__FAIL("round %d (seed %llu): server text differs from the reference", round,
                      (unsigned long long)seed);
            break;
        }
        EXPECT_EQ_INT(doc->version, round + 2);
        test_client_clear(&c);
    }
    rls_free(bounds);
    rls_buf_close(&ref);
    test_client_close(&c);
}

static void test_random_utf16_edits_match_the_reference(void) {
    for (uint64_t seed = 1; seed <= 4; seed++)
        run_random_edits(RLS_ENC_UTF16, seed * 7919, 400);
}

static void test_random_utf8_edits_match_the_reference(void) {
    for (uint64_t seed = 1; seed <= 4; seed++)
        run_random_edits(RLS_ENC_UTF8, seed * 104729, 400);
}

static void test_out_of_range_changes_are_clamped(void) {
    static const struct {
        const char *change, *expected;
    } cases[] = {
        /* Past the last line: the end of the text. */
        {"{\"range\":{\"start\":{\"line\":99,\"character\":0},\"end\":{\"line\":99,\"character\":5}"
         "},"
         "\"text\":\"!\"}",
         "ab\r\ncd!"},
        /* Past the end of a line: the end of that line, before its CRLF. */
        {"{\"range\":{\"start\":{\"line\":0,\"character\":50},\"end\":{\"line\":0,\"character\":60}"
         "},"
         "\"text\":\"!\"}",
         "ab!\r\ncd"},
        /* Start after end: reordered. */
        {"{\"range\":{\"start\":{\"line\":1,\"character\":1},\"end\":{\"line\":0,\"character\":1}},"
         "\"text\":\"\"}",
         "ad"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        TestClient c;
        test_client_open(&c);
        test_client_initialize(&c, "{}");
        test_client_send(&c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
                             "\"textDocument\":{\"uri\":\"" URI "\",\"languageId\":\"markdown\","
                             "\"version\":1,\"text\":\"ab\\r\\ncd\"}}}");
        test_client_sendf(&c,
                          "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                          "\"textDocument\":{\"uri\":\"" URI "\",\"version\":2},"
                          "\"contentChanges\":[%s]}}",
                          cases[i].change);
        RlsDocument *doc = rls_server_document(c.server, URI);
        EXPECT_STR_EQ(rls_text_data(doc->text), cases[i].expected);
        test_client_close(&c);
    }
}

static void test_a_malformed_change_leaves_the_document_untouched(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    test_client_send(&c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
                         "\"textDocument\":{\"uri\":\"" URI "\",\"languageId\":\"markdown\","
                         "\"version\":1,\"text\":\"abc\"}}}");
    /* The first change is fine, the second has no text: nothing applies. */
    test_client_send(&c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                         "\"textDocument\":{\"uri\":\"" URI "\",\"version\":2},"
                         "\"contentChanges\":[{\"text\":\"zzz\"},{\"range\":5}]}}");
    RlsDocument *doc = rls_server_document(c.server, URI);
    EXPECT_STR_EQ(rls_text_data(doc->text), "abc");
    EXPECT_EQ_INT(doc->version, 1);
    test_client_close(&c);
}

static void test_invalid_utf8_and_nul_reach_the_store_sanitised(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    static const char open[] =
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
        "\"textDocument\":{\"uri\":\"" URI "\",\"languageId\":\"markdown\","
        "\"version\":1,\"text\":\"a\xC3\x28 b\xFF c\\u0000d\"}}}";
    rls_dispatch_feed(&c.dispatch, open, sizeof(open) - 1);
    rls_dispatch_run(&c.dispatch);
    RlsDocument *doc = rls_server_document(c.server, URI);
    ASSERT_TRUE(doc != NULL);
    EXPECT_STR_EQ(rls_text_data(doc->text), "a\xEF\xBF\xBD( b\xEF\xBF\xBD c\x1A"
                                            "d");
    EXPECT_EQ_INT(test_client_count(&c, "textDocument/publishDiagnostics"), 1);
    test_client_close(&c);
}

/* A version or position given as 1e999 (inf), NaN-like or out of range is
 * "not an integer", never converted: converting inf to an integer is
 * undefined behaviour (found by fuzz_rpc under clang's UBSan). */
static void test_integers_out_of_range_are_refused_before_conversion(void) {
    static const char *const bad[] = {"1e999",       "-1e999", "4294967296",
                                      "-2147483649", "1.5",    "9.3e18"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(bad); i++) {
        char json[64];
        snprintf(json, sizeof json, "{\"v\": %s}", bad[i]);
        cJSON *o = cJSON_Parse(json);
        ASSERT_TRUE(o != NULL);
        RlsBuf err;
        rls_buf_init(&err);
        int64_t v = 7;
        EXPECT_TRUE(rls_json_get_int(o, "v", true, &v, &err) < 0);
        EXPECT_EQ_INT(v, 7);
        EXPECT_TRUE(err.len > 0);
        rls_buf_close(&err);
        cJSON_Delete(o);
    }
    cJSON *o = cJSON_Parse("{\"v\": 4294967295}");
    RlsBuf err;
    rls_buf_init(&err);
    int64_t v = 0;
    EXPECT_EQ_INT(rls_json_get_int(o, "v", true, &v, &err), 0);
    EXPECT_TRUE(v == 4294967295LL);
    rls_buf_close(&err);
    cJSON_Delete(o);
}

/* Client-sent diagnostic data with numbers no integer can hold (1e999 is
 * inf once parsed) matches no finding; it is never converted. Under the
 * sanitizer build (float-cast-overflow) a conversion would abort. */
static void test_code_action_data_out_of_range_matches_nothing(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{\"textDocument\":{\"codeAction\":{\"codeActionLiteralSupport\":{"
                               "\"codeActionKind\":{\"valueSet\":[\"quickfix\"]}}}}}");
    test_client_send(&c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
                         "\"textDocument\":{\"uri\":\"" URI "\",\"languageId\":\"markdown\","
                         "\"version\":1,\"text\":\"## Experience\\n- Responsible for the "
                         "build\\n\"}}}");
    static const char *const data[] = {"{\"bullet\":1e999}", "{\"bullet\":-1e999}",
                                       "{\"bullet\":0,\"plainStart\":1e999}",
                                       "{\"bullet\":0,\"plainEnd\":-1e999}", "{\"bullet\":0.5}"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(data); i++) {
        test_client_clear(&c);
        test_client_sendf(
            &c,
            "{\"jsonrpc\":\"2.0\",\"id\":%zu,\"method\":\"textDocument/codeAction\",\"params\":{"
            "\"textDocument\":{\"uri\":\"" URI "\"},\"range\":{\"start\":{\"line\":1,"
            "\"character\":2},\"end\":{\"line\":1,\"character\":17}},\"context\":{"
            "\"diagnostics\":[{\"range\":{\"start\":{\"line\":1,\"character\":2},\"end\":{"
            "\"line\":1,\"character\":17}},\"message\":\"m\",\"source\":\"resume-ls\","
            "\"code\":\"weak-opener\",\"data\":%s}]}}}",
            i + 10, data[i]);
        EXPECT_EQ_INT(test_client_error_code(&c, (int)(i + 10)), 0);
        const cJSON *r =
            cJSON_GetObjectItemCaseSensitive(test_client_response(&c, (int)(i + 10)), "result");
        const cJSON *a;
        cJSON_ArrayForEach(a, r) {
            /* Only actions not tied to the hostile diagnostic may come back. */
            EXPECT_TRUE(cJSON_GetObjectItemCaseSensitive(a, "diagnostics") == NULL);
        }
    }
    test_client_close(&c);
}

/* Opens URI (version 1) with a text of é, CJK, emoji and CRLF lines. */
#define SYNC_TEXT "## Experience\r\n- Led é\r\n- Built 中文 😀\r\n"
static void open_mixed(TestClient *c) {
    test_client_open(c);
    test_client_initialize(c, "{}");
    test_client_send(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
                        "\"textDocument\":{\"uri\":\"" URI "\",\"languageId\":\"markdown\","
                        "\"version\":1,\"text\":\"" SYNC_TEXT "\"}}}");
}

/* After a refused didChange, the next change applies to the text as it was
 * and the document parses as a fresh one with that text: the parser was
 * not told of the undone edits. */
static void expect_unchanged_then_editable(TestClient *c) {
    RlsDocument *doc = rls_server_document(c->server, URI);
    ASSERT_TRUE(doc != NULL);
    ASSERT_EQ_INT(rls_text_len(doc->text), strlen(SYNC_TEXT)); /* never print 64 MiB */
    EXPECT_STR_EQ(rls_text_data(doc->text), SYNC_TEXT);
    EXPECT_EQ_INT(doc->version, 1);
    /* Line 2, UTF-16 character 13 is after the emoji (two units). */
    test_client_send(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                        "\"textDocument\":{\"uri\":\"" URI "\",\"version\":3},\"contentChanges\":["
                        "{\"range\":{\"start\":{\"line\":2,\"character\":13},\"end\":{\"line\":2,"
                        "\"character\":13}},\"text\":\"!\"}]}}");
    EXPECT_STR_EQ(rls_text_data(doc->text), "## Experience\r\n- Led é\r\n- Built 中文 😀!\r\n");
    EXPECT_EQ_INT(doc->version, 3);
    RlsResume *fresh = NULL;
    RlsParser *parser = rls_parser_new(RLS_FORMAT_MARKDOWN);
    fresh = rls_parser_parse(parser, rls_text_data(doc->text), rls_text_len(doc->text), NULL);
    RlsResume *incremental =
        rls_parser_parse(doc->parser, rls_text_data(doc->text), rls_text_len(doc->text), NULL);
    ASSERT_TRUE(fresh != NULL && incremental != NULL);
    EXPECT_EQ_INT(incremental->n_bullets, fresh->n_bullets);
    EXPECT_EQ_INT(fresh->n_bullets, 2);
    rls_resume_delete(fresh);
    rls_resume_delete(incremental);
    rls_parser_delete(parser);
}

/* A didChange whose second change cannot apply (a range with a negative
 * line) applies none of its changes and keeps the version. */
static void test_a_refused_change_undoes_the_changes_before_it(void) {
    TestClient c;
    open_mixed(&c);
    test_client_send(&c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                         "\"textDocument\":{\"uri\":\"" URI "\",\"version\":2},\"contentChanges\":["
                         "{\"range\":{\"start\":{\"line\":0,\"character\":2},\"end\":{\"line\":0,"
                         "\"character\":5}},\"text\":\"Ran\"},"
                         "{\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,"
                         "\"character\":0}},\"text\":\"é中😀\\r\\n\"},"
                         "{\"text\":\"whole new text\"},"
                         "{\"range\":{\"start\":{\"line\":-1,\"character\":0},\"end\":{\"line\":0,"
                         "\"character\":0}},\"text\":\"x\"}]}}");
    expect_unchanged_then_editable(&c);
    test_client_close(&c);
}

/* The same when the last change would take the document over 64 MiB: the
 * earlier changes (one of which makes it almost that large) are undone. */
static void test_a_change_over_the_size_limit_undoes_the_changes_before_it(void) {
    TestClient c;
    open_mixed(&c);
    RlsBuf body;
    rls_buf_init(&body);
    rls_buf_puts(&body, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                        "\"textDocument\":{\"uri\":\"" URI "\",\"version\":2},\"contentChanges\":["
                        "{\"range\":{\"start\":{\"line\":0,\"character\":6},\"end\":{\"line\":0,"
                        "\"character\":7}},\"text\":\"");
    static char chunk[4096];
    memset(chunk, 'x', sizeof chunk);
    for (size_t left = RLS_TEXT_MAX_BYTES - 64; left > 0;) {
        size_t n = RLS_MIN(left, sizeof chunk);
        rls_buf_append(&body, chunk, n);
        left -= n;
    }
    rls_buf_puts(&body, "\"},{\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{"
                        "\"line\":1,\"character\":0}},\"text\":\"");
    for (size_t i = 0; i < 100; i++)
        rls_buf_putc(&body, 'y');
    rls_buf_puts(&body, "\"}]}}");
    rls_dispatch_feed(&c.dispatch, body.data, body.len);
    rls_dispatch_run(&c.dispatch);
    rls_buf_close(&body);
    /* The person is told, once. */
    EXPECT_EQ_INT(test_client_count(&c, "window/showMessage"), 1);
    expect_unchanged_then_editable(&c);
    test_client_close(&c);
}

/* LSP versions are 32-bit signed integers. One that does not fit is
 * refused, never published as a negative number. */
static void test_versions_beyond_32_bits_are_refused(void) {
    TestClient c;
    open_mixed(&c);
    static const char *const bad[] = {"2147483648", "4294967295", "-2147483649"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(bad); i++) {
        test_client_sendf(&c,
                          "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                          "\"textDocument\":{\"uri\":\"" URI "\",\"version\":%s},"
                          "\"contentChanges\":[{\"text\":\"- Gone\\n\"}]}}",
                          bad[i]);
        RlsDocument *doc = rls_server_document(c.server, URI);
        EXPECT_STR_EQ(rls_text_data(doc->text), SYNC_TEXT);
        EXPECT_EQ_INT(doc->version, 1);
    }
    /* The largest version is taken and published as itself. */
    test_client_send(&c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                         "\"textDocument\":{\"uri\":\"" URI "\",\"version\":2147483647},"
                         "\"contentChanges\":[{\"text\":\"- Kept\\n\"}]}}");
    const cJSON *pub = test_client_last(&c, "textDocument/publishDiagnostics");
    ASSERT_TRUE(pub != NULL);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(pub, "params"), "version");
    EXPECT_TRUE(cJSON_IsNumber(v) && v->valuedouble == 2147483647.0);
    /* A didOpen with such a version opens nothing. */
    static const char other[] = "file:///tmp/sync-test-other.md";
    test_client_sendf(&c,
                      "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
                      "\"textDocument\":{\"uri\":\"%s\",\"languageId\":\"markdown\","
                      "\"version\":3000000000,\"text\":\"- x\\n\"}}}",
                      other);
    EXPECT_TRUE(rls_server_document(c.server, other) == NULL);
    test_client_close(&c);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_code_action_data_out_of_range_matches_nothing),
        RLS_TEST(test_integers_out_of_range_are_refused_before_conversion),
        RLS_TEST(test_random_utf16_edits_match_the_reference),
        RLS_TEST(test_random_utf8_edits_match_the_reference),
        RLS_TEST(test_out_of_range_changes_are_clamped),
        RLS_TEST(test_a_malformed_change_leaves_the_document_untouched),
        RLS_TEST(test_invalid_utf8_and_nul_reach_the_store_sanitised),
        RLS_TEST(test_a_refused_change_undoes_the_changes_before_it),
        RLS_TEST(test_a_change_over_the_size_limit_undoes_the_changes_before_it),
        RLS_TEST(test_versions_beyond_32_bits_are_refused),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
