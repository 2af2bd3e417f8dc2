/*
 * lsp_client.h - an in-process client for unit tests of the server: it
 * feeds JSON texts to a dispatcher and keeps every message the server
 * sends back, parsed, for the test to inspect.
 */
#ifndef RLS_TEST_LSP_CLIENT_H_
#define RLS_TEST_LSP_CLIENT_H_

#include <cjson/cJSON.h>
#include <stdarg.h>

#include "config/hooks.h"
#include "rls/parse.h"
#include "lsp/methods.h"
#include "lsp/server.h"
#include "rpc/dispatch.h"
#include "test.h"

typedef struct {
    RlsServer *server;
    RlsDispatch dispatch;
    cJSON *sent; /* array of every message the server sent */
} TestClient;

static void test_client__send(void *data, const char *body, size_t len) {
    TestClient *c = data;
    cJSON *msg = cJSON_ParseWithLength(body, len);
    if (!msg) {
        fprintf(stdout, "#   server sent invalid JSON: %.*s\n", (int)len, body);
        msg = cJSON_CreateString("<invalid>");
    }
    cJSON_AddItemToArray(c->sent, msg);
}

static inline void test_client_open(TestClient *c) {
    rls_hooks_install();
    c->sent = cJSON_CreateArray();
    c->server = rls_server_new(test_client__send, c);
    rls_lsp_dispatch_init(&c->dispatch, c->server);
}

static inline void test_client_close(TestClient *c) {
    rls_dispatch_close(&c->dispatch);
    rls_server_delete(c->server);
    cJSON_Delete(c->sent);
    /* The parsers cache their compiled queries for the process; free them
     * so that the harness's leak check sees only real leaks. */
    rls_parse_release_globals();
}

/* Forgets what the server sent so far. */
static inline void test_client_clear(TestClient *c) {
    cJSON_Delete(c->sent);
    c->sent = cJSON_CreateArray();
}

/* Queues one raw body (not run yet). */
static inline void test_client_feed(TestClient *c, const char *body) {
    rls_dispatch_feed(&c->dispatch, body, strlen(body));
}

/* Queues one body, then runs the batch. */
static inline void test_client_send(TestClient *c, const char *body) {
    rls_dispatch_feed(&c->dispatch, body, strlen(body));
    rls_dispatch_run(&c->dispatch);
}

/* Queues a printf-formatted body, then runs the batch. */
static inline void test_client_sendf(TestClient *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void test_client_sendf(TestClient *c, const char *fmt, ...) {
    RlsBuf b;
    rls_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    rls_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    rls_dispatch_feed(&c->dispatch, b.data, b.len);
    rls_dispatch_run(&c->dispatch);
    rls_buf_close(&b);
}

/* Queues a cJSON message (consumed). */
static inline void test_client_feed_json(TestClient *c, cJSON *msg) {
    char *s = cJSON_PrintUnformatted(msg);
    test_client_feed(c, s);
    rls_free(s);
    cJSON_Delete(msg);
}

/* The response with this numeric id, or NULL. Borrowed. */
static inline const cJSON *test_client_response(const TestClient *c, int id) {
    const cJSON *m;
    cJSON_ArrayForEach(m, c->sent) {
        const cJSON *mid = cJSON_GetObjectItemCaseSensitive(m, "id");
        if (cJSON_IsNumber(mid) && mid->valueint == id &&
            !cJSON_GetObjectItemCaseSensitive(m, "method"))
            return m;
    }
    return NULL;
}

/* The error code of the response with this id, 0 when it is a result, 1
 * when there is no response. */
static inline int test_client_error_code(const TestClient *c, int id) {
    const cJSON *r = test_client_response(c, id);
    if (!r) return 1;
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(r, "error");
    if (!e) return 0;
    return cJSON_GetObjectItemCaseSensitive(e, "code")->valueint;
}

/* The last message with this method sent by the server, or NULL. */
static inline const cJSON *test_client_last(const TestClient *c, const char *method) {
    const cJSON *m, *found = NULL;
    cJSON_ArrayForEach(m, c->sent) {
        const cJSON *mm = cJSON_GetObjectItemCaseSensitive(m, "method");
        if (cJSON_IsString(mm) && strcmp(mm->valuestring, method) == 0) found = m;
    }
    return found;
}

static inline int test_client_count(const TestClient *c, const char *method) {
    const cJSON *m;
    int n = 0;
    cJSON_ArrayForEach(m, c->sent) {
        const cJSON *mm = cJSON_GetObjectItemCaseSensitive(m, "method");
        if (cJSON_IsString(mm) && strcmp(mm->valuestring, method) == 0) n++;
    }
    return n;
}

/* initialize (with the given capabilities JSON) + initialized. */
static inline void test_client_initialize(TestClient *c, const char *capabilities) {
    test_client_sendf(c,
                      "{\"jsonrpc\":\"2.0\",\"id\":1000,\"method\":\"initialize\",\"params\":"
                      "{\"processId\":null,\"rootUri\":null,\"capabilities\":%s}}",
                      capabilities);
    test_client_send(c, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
}

#endif /* RLS_TEST_LSP_CLIENT_H_ */
