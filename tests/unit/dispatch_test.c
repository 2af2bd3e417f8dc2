/*
 * dispatch_test.c - the lifecycle and the error codes of the dispatcher
 * (server/rpc/dispatch.c), and the text-sync and diagnostics plumbing of the
 * server behind it, driven in-process through an in-memory client.
 */
#include "lsp/server_internal.h"
#include "config/uri.h"
#include "lsp_client.h"

#define REQ(id, method, params)                                                                    \
    "{\"jsonrpc\":\"2.0\",\"id\":" #id ",\"method\":\"" method "\",\"params\":" params "}"
#define NOTE(method, params) "{\"jsonrpc\":\"2.0\",\"method\":\"" method "\",\"params\":" params "}"
#define DOC "{\"textDocument\":{\"uri\":\"file:///r%C3%A9sum%C3%A9.md\"}}"
#define OPEN(text)                                                                                 \
    NOTE("textDocument/didOpen",                                                                   \
         "{\"textDocument\":{\"uri\":\"file:///r%C3%A9sum%C3%A9.md\","                             \
         "\"languageId\":\"markdown\",\"version\":1,\"text\":\"" text "\"}}")

static void test_requests_before_initialize_get_server_not_initialized(void) {
    TestClient c;
    test_client_open(&c);
    test_client_send(&c, REQ(1, "textDocument/hover", DOC));
    test_client_send(&c, REQ(2, "shutdown", "null"));
    test_client_send(&c, OPEN("x"));
    EXPECT_EQ_INT(test_client_error_code(&c, 1), RLS_RPC_SERVER_NOT_INITIALIZED);
    EXPECT_EQ_INT(test_client_error_code(&c, 2), RLS_RPC_SERVER_NOT_INITIALIZED);
    /* The didOpen was dropped: nothing was published and nothing is open. */
    EXPECT_EQ_INT(test_client_count(&c, "textDocument/publishDiagnostics"), 0);
    EXPECT_TRUE(rls_server_document(c.server, "file:///r%C3%A9sum%C3%A9.md") == NULL);
    test_client_close(&c);
}

static const char *encoding_of(const TestClient *c) {
    const cJSON *r = test_client_response(c, 1000);
    const cJSON *caps = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(r, "result"), "capabilities");
    const cJSON *enc = cJSON_GetObjectItemCaseSensitive(caps, "positionEncoding");
    return cJSON_IsString(enc) ? enc->valuestring : NULL;
}

static void test_initialize_negotiates_the_position_encoding(void) {
    static const struct {
        const char *caps, *encoding;
    } cases[] = {
        {"{}", "utf-16"},
        {"{\"general\":{\"positionEncodings\":[\"utf-16\"]}}", "utf-16"},
        {"{\"general\":{\"positionEncodings\":[\"utf-32\",\"utf-8\"]}}", "utf-8"},
        {"{\"general\":{\"positionEncodings\":[\"utf-8\",\"utf-16\"]}}", "utf-8"},
        {"{\"general\":{\"positionEncodings\":\"utf-8\"}}", "utf-16"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        TestClient c;
        test_client_open(&c);
        test_client_initialize(&c, cases[i].caps);
        EXPECT_STR_EQ(encoding_of(&c), cases[i].encoding);
        EXPECT_EQ_INT(rls_server_encoding(c.server),
                      strcmp(cases[i].encoding, "utf-8") == 0 ? RLS_ENC_UTF8 : RLS_ENC_UTF16);
        test_client_close(&c);
    }
}

static void test_initialize_advertises_incremental_sync_and_pull_diagnostics(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    const cJSON *caps = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(test_client_response(&c, 1000), "result"), "capabilities");
    const cJSON *sync = cJSON_GetObjectItemCaseSensitive(caps, "textDocumentSync");
    EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(sync, "change")->valueint, 2);
    EXPECT_TRUE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(sync, "openClose")));
    EXPECT_TRUE(cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(caps, "diagnosticProvider")));
    EXPECT_TRUE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(caps, "documentSymbolProvider")));
    test_client_close(&c);
}

static void test_a_second_initialize_is_an_invalid_request(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    test_client_send(&c, REQ(2, "initialize", "{\"capabilities\":{}}"));
    EXPECT_EQ_INT(test_client_error_code(&c, 2), RLS_RPC_INVALID_REQUEST);
    test_client_close(&c);
}

static void test_an_initialize_with_bad_params_does_not_start_the_server(void) {
    TestClient c;
    test_client_open(&c);
    test_client_send(&c, REQ(1, "initialize", "[1]"));
    EXPECT_EQ_INT(test_client_error_code(&c, 1), RLS_RPC_INVALID_PARAMS);
    test_client_send(&c, REQ(2, "shutdown", "null"));
    EXPECT_EQ_INT(test_client_error_code(&c, 2), RLS_RPC_SERVER_NOT_INITIALIZED);
    test_client_close(&c);
}

static void test_unknown_methods(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    test_client_clear(&c);
    test_client_send(&c, REQ(3, "resume/noSuchMethod", "{}"));
    test_client_send(&c, REQ(4, "$/noSuchRequest", "{}"));
    test_client_send(&c, NOTE("resume/noSuchNotification", "{}"));
    test_client_send(&c, NOTE("$/setTrace", "{\"value\":\"off\"}"));
    EXPECT_EQ_INT(test_client_error_code(&c, 3), RLS_RPC_METHOD_NOT_FOUND);
    EXPECT_EQ_INT(test_client_error_code(&c, 4), RLS_RPC_METHOD_NOT_FOUND);
    /* Unknown notifications are ignored: only the two errors went out. */
    EXPECT_EQ_INT(cJSON_GetArraySize(c.sent), 2);
    test_client_close(&c);
}

static void test_wrong_param_types_are_invalid_params(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    test_client_send(&c, OPEN("- a\\n"));
    test_client_send(&c, REQ(5, "textDocument/hover", "{\"textDocument\":5}"));
    test_client_send(&c, REQ(6, "textDocument/hover",
                             "{\"textDocument\":{\"uri\":\"file:///r%C3%A9sum%C3%A9.md\"},"
                             "\"position\":{\"line\":\"0\",\"character\":0}}"));
    test_client_send(&c, REQ(7, "textDocument/documentSymbol",
                             "{\"textDocument\":{\"uri\":\"file:///nope.md\"}}"));
    test_client_send(&c, REQ(8, "textDocument/diagnostic", "{}"));
    test_client_send(&c, REQ(9, "textDocument/hover",
                             "{\"textDocument\":{\"uri\":\"file:///r%C3%A9sum%C3%A9.md\"},"
                             "\"position\":{\"line\":0,\"character\":-1}}"));
    for (int id = 5; id <= 9; id++)
        EXPECT_EQ_INT(test_client_error_code(&c, id), RLS_RPC_INVALID_PARAMS);
    /* The server still serves: a valid request is answered. */
    test_client_send(&c, REQ(10, "textDocument/hover",
                             "{\"textDocument\":{\"uri\":\"file:///r%C3%A9sum%C3%A9.md\"},"
                             "\"position\":{\"line\":0,\"character\":1}}"));
    EXPECT_EQ_INT(test_client_error_code(&c, 10), 0);
    test_client_close(&c);
}

static void test_bad_bodies_are_answered_in_order_with_id_null(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    test_client_clear(&c);
    test_client_feed(&c, REQ(1, "resume/x", "{}"));
    test_client_feed(&c, "this is not json");
    test_client_feed(&c, "42");
    test_client_feed(&c, REQ(2, "resume/x", "{}"));
    rls_dispatch_run(&c.dispatch);
    ASSERT_EQ_INT(cJSON_GetArraySize(c.sent), 4);
    static const int codes[] = {RLS_RPC_METHOD_NOT_FOUND, RLS_RPC_PARSE_ERROR,
                                RLS_RPC_INVALID_REQUEST, RLS_RPC_METHOD_NOT_FOUND};
    for (int i = 0; i < 4; i++) {
        const cJSON *m = cJSON_GetArrayItem(c.sent, i);
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(m, "error");
        EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(e, "code")->valueint, codes[i]);
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(m, "id");
        if (i == 1 || i == 2) EXPECT_TRUE(cJSON_IsNull(id));
    }
    test_client_close(&c);
}

static void test_shutdown_then_exit_ends_with_zero(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    test_client_send(&c, REQ(2, "shutdown", "null"));
    const cJSON *r = test_client_response(&c, 2);
    ASSERT_TRUE(r != NULL);
    EXPECT_TRUE(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(r, "result")));
    test_client_send(&c, REQ(3, "textDocument/hover", DOC));
    EXPECT_EQ_INT(test_client_error_code(&c, 3), RLS_RPC_INVALID_REQUEST);
    int code = -1;
    EXPECT_TRUE(!rls_dispatch_exited(&c.dispatch, &code));
    test_client_send(&c, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    EXPECT_TRUE(rls_dispatch_exited(&c.dispatch, &code));
    EXPECT_EQ_INT(code, 0);
    test_client_close(&c);
}

static void test_exit_without_shutdown_ends_with_one(void) {
    static const bool initialize[] = {false, true};
    for (size_t i = 0; i < 2; i++) {
        TestClient c;
        test_client_open(&c);
        if (initialize[i]) test_client_initialize(&c, "{}");
        test_client_send(&c, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        int code = -1;
        EXPECT_TRUE(rls_dispatch_exited(&c.dispatch, &code));
        EXPECT_EQ_INT(code, 1);
        test_client_close(&c);
    }
}

static void test_a_pending_request_can_be_cancelled(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    test_client_send(&c, OPEN("- a\\n"));
    test_client_feed(&c, REQ(5, "textDocument/documentSymbol", DOC));
    test_client_feed(&c, REQ(6, "textDocument/documentSymbol", DOC));
    test_client_feed(&c, NOTE("$/cancelRequest", "{\"id\":5}"));
    rls_dispatch_run(&c.dispatch);
    EXPECT_EQ_INT(test_client_error_code(&c, 5), RLS_RPC_REQUEST_CANCELLED);
    EXPECT_EQ_INT(test_client_error_code(&c, 6), 0);
    /* Cancelling what was already answered changes nothing. */
    int before = cJSON_GetArraySize(c.sent);
    test_client_send(&c, NOTE("$/cancelRequest", "{\"id\":6}"));
    EXPECT_EQ_INT(cJSON_GetArraySize(c.sent), before);
    test_client_close(&c);
}

static const cJSON *publish_params(const TestClient *c) {
    return cJSON_GetObjectItemCaseSensitive(test_client_last(c, "textDocument/publishDiagnostics"),
                                            "params");
}

static void test_diagnostics_are_pushed_with_the_version_and_cleared_on_close(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    test_client_send(&c, OPEN("# Experience\\n\\n- Responsible for the build\\n"));
    const cJSON *p = publish_params(&c);
    ASSERT_TRUE(p != NULL);
    EXPECT_STR_EQ(cJSON_GetObjectItemCaseSensitive(p, "uri")->valuestring,
                  "file:///r%C3%A9sum%C3%A9.md");
    EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(p, "version")->valueint, 1);
    EXPECT_TRUE(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(p, "diagnostics")));

    /* Two changes read in one batch: one analysis, one publish, last version. */
    int before = test_client_count(&c, "textDocument/publishDiagnostics");
    test_client_feed(
        &c, NOTE("textDocument/didChange",
                 "{\"textDocument\":{\"uri\":\"file:///r%C3%A9sum%C3%A9.md\",\"version\":2},"
                 "\"contentChanges\":[{\"text\":\"- a\\n\"}]}"));
    test_client_feed(
        &c, NOTE("textDocument/didChange",
                 "{\"textDocument\":{\"uri\":\"file:///r%C3%A9sum%C3%A9.md\",\"version\":3},"
                 "\"contentChanges\":[{\"text\":\"- b\\n\"}]}"));
    rls_dispatch_run(&c.dispatch);
    EXPECT_EQ_INT(test_client_count(&c, "textDocument/publishDiagnostics"), before + 1);
    EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(publish_params(&c), "version")->valueint, 3);

    test_client_send(&c, REQ(7, "textDocument/diagnostic", DOC));
    const cJSON *report = cJSON_GetObjectItemCaseSensitive(test_client_response(&c, 7), "result");
    EXPECT_STR_EQ(cJSON_GetObjectItemCaseSensitive(report, "kind")->valuestring, "full");
    EXPECT_TRUE(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(report, "items")));

    test_client_send(&c, NOTE("textDocument/didClose", DOC));
    p = publish_params(&c);
    EXPECT_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(p, "diagnostics")), 0);
    EXPECT_TRUE(rls_server_document(c.server, "file:///r%C3%A9sum%C3%A9.md") == NULL);
    test_client_close(&c);
}

static void test_a_diagnostic_carries_code_source_docs_link_and_data(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    test_client_send(&c, OPEN("- 😀 é Helped the team\\r\\n"));
    RlsDocument *doc = rls_server_document(c.server, "file:///r%C3%A9sum%C3%A9.md");
    ASSERT_TRUE(doc != NULL);
    /* "Helped" starts after "- " (2), the emoji (4 bytes), " é " (4 bytes). */
    RlsDiag d = {.span = {10, 16},
                 .severity = RLS_SEV_WARNING,
                 .rule = "weak-opener",
                 .message = "weak",
                 .bullet = 0,
                 .plain_start = 7,
                 .plain_end = 13};
    cJSON *j = rls_lsp_diagnostic_to_json(c.server, doc, &d);
    const cJSON *start =
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(j, "range"), "start");
    EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(start, "character")->valueint, 7); /* UTF-16 */
    EXPECT_STR_EQ(cJSON_GetObjectItemCaseSensitive(j, "code")->valuestring, "weak-opener");
    EXPECT_STR_EQ(cJSON_GetObjectItemCaseSensitive(j, "source")->valuestring, "resume-ls");
    EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(j, "severity")->valueint, 2);
    /* Installed docs as a file URI; a build that is not installed has no URI
     * to give (href must be one), so no codeDescription at all. */
    const cJSON *desc = cJSON_GetObjectItemCaseSensitive(j, "codeDescription");
    if (rls_server_rules_doc_uri(c.server)) {
        const char *href = cJSON_GetObjectItemCaseSensitive(desc, "href")->valuestring;
        EXPECT_TRUE(strncmp(href, "file:///", 8) == 0);
        EXPECT_TRUE(strstr(href, "rules.md#weak-opener") != NULL);
    } else {
        EXPECT_TRUE(desc == NULL);
    }
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(j, "data");
    EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(data, "bullet")->valueint, 0);
    EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(data, "plainStart")->valueint, 7);
    EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(data, "plainEnd")->valueint, 13);
    cJSON_Delete(j);
    test_client_close(&c);
}

static void test_settings_are_pulled_after_initialized_and_reapplied(void) {
    TestClient c;
    test_client_open(&c);
    /* A client that interprets versions: it is sent every re-analysis,
     * even one whose findings did not change. */
    test_client_initialize(&c,
                           "{\"workspace\":{\"configuration\":true},"
                           "\"textDocument\":{\"publishDiagnostics\":{\"versionSupport\":true}}}");
    const cJSON *req = test_client_last(&c, "workspace/configuration");
    ASSERT_TRUE(req != NULL);
    const cJSON *items =
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(req, "params"), "items");
    EXPECT_STR_EQ(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(items, 0), "section")->valuestring,
        "resumeLs");
    test_client_send(&c, OPEN("- a\\n"));
    int published = test_client_count(&c, "textDocument/publishDiagnostics");
    int id = cJSON_GetObjectItemCaseSensitive(req, "id")->valueint;
    test_client_sendf(&c, "{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":[{\"rules\":{}}]}", id);
    /* New settings: open documents are analysed and published again. */
    EXPECT_EQ_INT(test_client_count(&c, "textDocument/publishDiagnostics"), published + 1);
    EXPECT_TRUE(c.server->settings != NULL);
    /* didChangeConfiguration makes the server ask again. */
    int asked = test_client_count(&c, "workspace/configuration");
    test_client_send(&c, NOTE("workspace/didChangeConfiguration", "{\"settings\":null}"));
    EXPECT_EQ_INT(test_client_count(&c, "workspace/configuration"), asked + 1);
    test_client_close(&c);
}

static void test_uris_and_paths_convert_both_ways(void) {
    char *p = rls_uri_to_path("file:///home/a/r%C3%A9sum%C3%A9%20v2.md");
    EXPECT_STR_EQ(p, "/home/a/résumé v2.md");
    char *u = rls_path_to_uri(p);
    EXPECT_STR_EQ(u, "file:///home/a/r%C3%A9sum%C3%A9%20v2.md");
    rls_free(p);
    rls_free(u);
    EXPECT_TRUE(rls_uri_to_path("untitled:Untitled-1") == NULL);
    p = rls_uri_to_path("file://localhost/x.tex");
    EXPECT_STR_EQ(p, "/x.tex");
    rls_free(p);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_requests_before_initialize_get_server_not_initialized),
        RLS_TEST(test_initialize_negotiates_the_position_encoding),
        RLS_TEST(test_initialize_advertises_incremental_sync_and_pull_diagnostics),
        RLS_TEST(test_a_second_initialize_is_an_invalid_request),
        RLS_TEST(test_an_initialize_with_bad_params_does_not_start_the_server),
        RLS_TEST(test_unknown_methods),
        RLS_TEST(test_wrong_param_types_are_invalid_params),
        RLS_TEST(test_bad_bodies_are_answered_in_order_with_id_null),
        RLS_TEST(test_shutdown_then_exit_ends_with_zero),
        RLS_TEST(test_exit_without_shutdown_ends_with_one),
        RLS_TEST(test_a_pending_request_can_be_cancelled),
        RLS_TEST(test_diagnostics_are_pushed_with_the_version_and_cleared_on_close),
        RLS_TEST(test_a_diagnostic_carries_code_source_docs_link_and_data),
        RLS_TEST(test_settings_are_pulled_after_initialized_and_reapplied),
        RLS_TEST(test_uris_and_paths_convert_both_ways),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
