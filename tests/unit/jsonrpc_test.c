/*
 * jsonrpc_test.c - the JSON-RPC envelope (server/rpc/jsonrpc.c): what is a
 * request, a notification, a response or an error; how bodies are cleaned
 * before parsing; how RLS_E* codes become protocol codes.
 */
#include "config/hooks.h"
#include "rpc/jsonrpc.h"
#include "test.h"

static int decode(const char *body, RlsRpcMessage *msg, cJSON **bad_id) {
    return rls_rpc_decode(body, strlen(body), msg, bad_id);
}

static void test_requests_notifications_and_responses_are_told_apart(void) {
    RlsRpcMessage m;
    ASSERT_EQ_INT(
        decode("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"a/b\",\"params\":{}}", &m, NULL), 0);
    EXPECT_EQ_INT(m.kind, RLS_RPC_REQUEST);
    EXPECT_STR_EQ(m.method, "a/b");
    EXPECT_EQ_INT(m.id->valuedouble, 7);
    EXPECT_TRUE(cJSON_IsObject(m.params));
    rls_rpc_message_close(&m);

    ASSERT_EQ_INT(decode("{\"jsonrpc\":\"2.0\",\"method\":\"n\"}", &m, NULL), 0);
    EXPECT_EQ_INT(m.kind, RLS_RPC_NOTIFICATION);
    EXPECT_TRUE(m.id == NULL && m.params == NULL);
    rls_rpc_message_close(&m);

    ASSERT_EQ_INT(decode("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":null}", &m, NULL), 0);
    EXPECT_EQ_INT(m.kind, RLS_RPC_RESPONSE);
    EXPECT_TRUE(cJSON_IsNull(m.result) && m.error == NULL);
    rls_rpc_message_close(&m);
}

static void test_text_that_is_not_json_is_a_parse_error(void) {
    static const char *const bad[] = {"this is not json", "{\"jsonrpc\":\"2.0\",", "", "{}}"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(bad); i++) {
        RlsRpcMessage m;
        EXPECT_EQ_INT(decode(bad[i], &m, NULL), RLS_EPARSE);
    }
}

static void test_json_of_the_wrong_shape_is_an_invalid_request(void) {
    static const char *const bad[] = {
        "42",
        "[1,2]",
        "{\"id\":1,\"method\":\"m\"}",                              /* no jsonrpc */
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"m\"}",          /* wrong version */
        "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"m\"}",       /* bad id type */
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}",              /* method not a string */
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1,\"error\":{}}", /* both */
        "{\"jsonrpc\":\"2.0\",\"id\":1}",                           /* neither */
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(bad); i++) {
        RlsRpcMessage m;
        cJSON *id = NULL;
        EXPECT_EQ_INT(decode(bad[i], &m, &id), RLS_EINVAL);
        cJSON_Delete(id);
    }
}

static void test_an_invalid_request_keeps_its_id_for_the_reply(void) {
    RlsRpcMessage m;
    cJSON *id = NULL;
    EXPECT_EQ_INT(
        decode("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"m\",\"params\":\"x\"}", &m, &id),
        RLS_EINVAL);
    ASSERT_TRUE(cJSON_IsNumber(id));
    EXPECT_EQ_INT(id->valuedouble, 9);
    cJSON_Delete(id);
}

static char *sanitized(const char *in, size_t len, bool *changed) {
    RlsBuf out;
    rls_buf_init(&out);
    *changed = rls_rpc_sanitize(in, len, &out);
    char *s = rls_buf_detach(&out);
    return s;
}

static void test_invalid_utf8_becomes_replacement_characters(void) {
    static const struct {
        const char *in, *out;
        bool changed;
    } cases[] = {
        {"a\xC3\x28z", "a\xEF\xBF\xBD(z", true},                        /* bad continuation */
        {"\xFF", "\xEF\xBF\xBD", true},                                 /* never valid */
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", true}, /* encoded surrogate */
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", true},                 /* overlong */
        {"\xE4\xB8", "\xEF\xBF\xBD", true},                             /* truncated at the end */
        {"é中😀", "é中😀", false},                                        /* valid stays */
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        bool changed;
        char *s = sanitized(cases[i].in, strlen(cases[i].in), &changed);
        EXPECT_STR_EQ(s, cases[i].out);
        EXPECT_EQ_INT(changed, cases[i].changed);
        rls_free(s);
    }
}

static void test_escapes_cjson_cannot_hold_are_replaced_in_place(void) {
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"\"a\\u0000b\"", "\"a\\u001ab\""},           /* NUL would cut the string */
        {"\"\\ud800x\"", "\"\\ufffdx\""},             /* lone high surrogate */
        {"\"\\udc00\"", "\"\\ufffd\""},               /* lone low surrogate */
        {"\"\\ud83d\\ude00\"", "\"\\ud83d\\ude00\""}, /* a real pair stays */
        {"\"\\\\u0000\"", "\"\\\\u0000\""},           /* an escaped backslash, not an escape */
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        bool changed;
        char *s = sanitized(cases[i].in, strlen(cases[i].in), &changed);
        EXPECT_STR_EQ(s, cases[i].out);
        rls_free(s);
    }
}

static void test_decoded_strings_are_always_valid_utf8(void) {
    static const char body[] = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"t\":\"x\xFF"
                               "\\u0000y\\ud800\"}}";
    RlsRpcMessage m;
    ASSERT_EQ_INT(rls_rpc_decode(body, sizeof(body) - 1, &m, NULL), 0);
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(m.params, "t");
    EXPECT_STR_EQ(t->valuestring, "x\xEF\xBF\xBD\x1Ay\xEF\xBF\xBD");
    rls_rpc_message_close(&m);
}

static void test_rls_errors_map_to_protocol_codes(void) {
    static const struct {
        int err, code;
    } cases[] = {
        {RLS_EINVAL, RLS_RPC_INVALID_PARAMS},   {RLS_ERANGE, RLS_RPC_INVALID_PARAMS},
        {RLS_ENOENT, RLS_RPC_INVALID_PARAMS},   {RLS_EPARSE, RLS_RPC_PARSE_ERROR},
        {RLS_ETOOBIG, RLS_RPC_INVALID_REQUEST}, {RLS_ESTATE, RLS_RPC_INVALID_REQUEST},
        {RLS_EREFUSED, RLS_RPC_REQUEST_FAILED}, {RLS_EIO, RLS_RPC_INTERNAL_ERROR},
        {RLS_ENOMEM, RLS_RPC_INTERNAL_ERROR},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++)
        EXPECT_EQ_INT(rls_rpc_code_of(cases[i].err), cases[i].code);
}

static void test_encoded_messages_have_the_envelope_the_spec_requires(void) {
    cJSON *id = cJSON_CreateString("q1");
    char *s = rls_rpc_encode_result(id, NULL, NULL);
    EXPECT_STR_EQ(s, "{\"jsonrpc\":\"2.0\",\"id\":\"q1\",\"result\":null}");
    rls_free(s);
    s = rls_rpc_encode_error(NULL, RLS_RPC_PARSE_ERROR, "bad", NULL, NULL);
    EXPECT_STR_EQ(
        s, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\"}}");
    rls_free(s);
    size_t len = 0;
    s = rls_rpc_encode_notification("exit", NULL, &len);
    EXPECT_STR_EQ(s, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    EXPECT_EQ_INT(len, strlen(s));
    rls_free(s);
    s = rls_rpc_encode_request(3, "workspace/configuration", cJSON_CreateObject(), NULL);
    EXPECT_STR_EQ(
        s, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"workspace/configuration\",\"params\":{}}");
    rls_free(s);
    cJSON_Delete(id);
}

/* A request's reply carries the id exactly as the request wrote it, past
 * what a double holds (2^53 + 1), in exponent form, with spaces around it,
 * after escaped keys, and on the error paths (an invalid request). */
static void test_number_ids_are_echoed_exactly_as_sent(void) {
    static const struct {
        const char *body, *reply_id;
    } cases[] = {
        {"{\"jsonrpc\":\"2.0\",\"id\":9007199254740991,\"method\":\"m\"}", "9007199254740991"},
        {"{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"m\"}", "9007199254740993"},
        {"{\"jsonrpc\":\"2.0\",\"id\":-12345678901234567890,\"method\":\"m\"}",
         "-12345678901234567890"},
        {"{\"jsonrpc\":\"2.0\",\"id\":1e2,\"method\":\"m\"}", "1e2"},
        {"{\"jsonrpc\":\"2.0\",\"id\":1.5E+300,\"method\":\"m\"}", "1.5E+300"},
        {"{\"jsonrpc\":\"2.0\",\"id\":1e999,\"method\":\"m\"}", "1e999"},
        {"{\"params\":{\"id\":3,\"x\":[1,\"}\",{\"id\":4}]},\"jsonrpc\":\"2.0\",\"s\":\"\\\"\","
         "\"id\" :\t 77777777777777777 ,\"method\":\"m\"}",
         "77777777777777777"},
        {"{\"jsonrpc\":\"2.0\",\"\\u0069d\":123456789012345678,\"method\":\"m\"}",
         "123456789012345678"},
        {"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"m\"}", "7"},
        {"{\"jsonrpc\":\"2.0\",\"id\":\"9007199254740993\",\"method\":\"m\"}",
         "\"9007199254740993\""},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsRpcMessage m;
        ASSERT_EQ_INT(decode(cases[i].body, &m, NULL), 0);
        char want[128];
        snprintf(want, sizeof want, "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":null}",
                 cases[i].reply_id);
        char *s = rls_rpc_encode_result(m.id, NULL, NULL);
        EXPECT_STR_EQ(s, want);
        rls_free(s);
        /* A copy (the dispatcher's queue, an invalid request's id) keeps it. */
        cJSON *copy = cJSON_Duplicate(m.id, true);
        snprintf(want, sizeof want,
                 "{\"jsonrpc\":\"2.0\",\"id\":%s,\"error\":{\"code\":-32601,"
                 "\"message\":\"x\"}}",
                 cases[i].reply_id);
        s = rls_rpc_encode_error(copy, RLS_RPC_METHOD_NOT_FOUND, "x", NULL, NULL);
        EXPECT_STR_EQ(s, want);
        rls_free(s);
        cJSON_Delete(copy);
        rls_rpc_message_close(&m);
    }
    RlsRpcMessage m;
    cJSON *bad_id = NULL;
    EXPECT_EQ_INT(
        decode("{\"jsonrpc\":\"1.0\",\"id\":9007199254740993,\"method\":\"m\"}", &m, &bad_id),
        RLS_EINVAL);
    ASSERT_TRUE(bad_id != NULL);
    char *s = rls_rpc_encode_error(bad_id, RLS_RPC_INVALID_REQUEST, "x", NULL, NULL);
    EXPECT_STR_EQ(s, "{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"error\":{\"code\":-32600,"
                     "\"message\":\"x\"}}");
    rls_free(s);
    cJSON_Delete(bad_id);
    /* cJSON takes "01" and "1." though JSON does not: echoed as the number. */
    ASSERT_EQ_INT(decode("{\"jsonrpc\":\"2.0\",\"id\":01,\"method\":\"m\"}", &m, NULL), 0);
    s = rls_rpc_encode_result(m.id, NULL, NULL);
    EXPECT_STR_EQ(s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}");
    rls_free(s);
    rls_rpc_message_close(&m);
}

/* A raw NUL byte inside a string would end it for cJSON, cutting the
 * document short without a word: the message is refused as not JSON. An
 * escaped one (\u0000) is JSON and is kept (as U+001A, see sanitize). */
static void test_a_raw_nul_byte_is_a_parse_error_not_a_cut(void) {
    static const char body[] =
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":"
        "{\"text\":\"before\0after\"}}";
    RlsRpcMessage m;
    EXPECT_EQ_INT(rls_rpc_decode(body, sizeof(body) - 1, &m, NULL), RLS_EPARSE);
    static const char tail[] = "{\"jsonrpc\":\"2.0\",\"method\":\"n\"}\0";
    EXPECT_EQ_INT(rls_rpc_decode(tail, sizeof(tail) - 1, &m, NULL), RLS_EPARSE);
    ASSERT_EQ_INT(
        decode("{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":{\"text\":\"a\\u0000b\"}}", &m,
               NULL),
        0);
    EXPECT_STR_EQ(cJSON_GetObjectItemCaseSensitive(m.params, "text")->valuestring, "a\x1A"
                                                                                   "b");
    rls_rpc_message_close(&m);
}

int main(void) {
    rls_hooks_install();
    static const RlsTestCase cases[] = {
        RLS_TEST(test_requests_notifications_and_responses_are_told_apart),
        RLS_TEST(test_text_that_is_not_json_is_a_parse_error),
        RLS_TEST(test_json_of_the_wrong_shape_is_an_invalid_request),
        RLS_TEST(test_an_invalid_request_keeps_its_id_for_the_reply),
        RLS_TEST(test_invalid_utf8_becomes_replacement_characters),
        RLS_TEST(test_escapes_cjson_cannot_hold_are_replaced_in_place),
        RLS_TEST(test_decoded_strings_are_always_valid_utf8),
        RLS_TEST(test_rls_errors_map_to_protocol_codes),
        RLS_TEST(test_encoded_messages_have_the_envelope_the_spec_requires),
        RLS_TEST(test_number_ids_are_echoed_exactly_as_sent),
        RLS_TEST(test_a_raw_nul_byte_is_a_parse_error_not_a_cut),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
