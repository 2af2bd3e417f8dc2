/*
 * fuzz_rpc.c - raw bytes into the framing + JSON-RPC + dispatch layer of a
 * real server, as stdin would deliver them.
 *
 * Input: the first byte is a control byte, the rest is the byte stream.
 *   bit 0     start from a server that is already initialised and has a
 *             Markdown and a LaTeX document open (so that most inputs reach
 *             the handlers instead of dying at ServerNotInitialized);
 *   bits 1-7  the size of the reads the stream is cut into (1..128 bytes,
 *             0 = one read), as a pipe would cut it.
 * After every read the queued batch runs, as in transport/stdio.c.
 *
 * What must hold, whatever the bytes: no crash or sanitizer report; every
 * message the server writes is a JSON object with "jsonrpc": "2.0" and
 * either a method or an id (a response); no handler takes the server into a
 * state it cannot be deleted from; and once the server and dispatcher are
 * deleted, every allocation made while serving the input is freed (the
 * project allocator's live count returns to where it was).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/hooks.h"
#include "config/log.h"
#include "lsp/methods.h"
#include "lsp/server.h"
#include "rls/alloc.h"
#include "rpc/dispatch.h"
#include "transport/framing.h"

/* A small ceiling, so that the oversized-body path is reachable. */
#define FUZZ__MAX_BODY ((size_t)64 * 1024)

typedef struct {
    RlsDispatch dispatch;
    size_t sent;
} FuzzSession;

static void fuzz__send(void *data, const char *body, size_t len) {
    FuzzSession *s = data;
    s->sent++;
    cJSON *msg = cJSON_ParseWithLength(body, len);
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(msg, "jsonrpc");
    bool ok = cJSON_IsObject(msg) && cJSON_IsString(version) &&
              strcmp(version->valuestring, "2.0") == 0 &&
              (cJSON_HasObjectItem(msg, "method") || cJSON_HasObjectItem(msg, "id"));
    if (!ok) {
        fprintf(stderr, "fuzz_rpc: the server sent a malformed message: %.*s\n", (int)len, body);
        abort();
    }
    cJSON_Delete(msg);
}

static void fuzz__frame_cb(void *data, RlsFrameEvent event, const char *body, size_t len) {
    FuzzSession *s = data;
    if (event == RLS_FRAME_MESSAGE) rls_dispatch_feed(&s->dispatch, body, len);
    if (event == RLS_FRAME_TOO_BIG) rls_dispatch_too_big(&s->dispatch, len);
}

static void fuzz__feed_text(FuzzSession *s, RlsFramer *framer, const char *json) {
    RlsBuf b;
    rls_buf_init(&b);
    rls_framer_frame(&b, json, strlen(json));
    rls_framer_feed(framer, b.data, b.len, fuzz__frame_cb, s);
    rls_dispatch_run(&s->dispatch);
    rls_buf_close(&b);
}

/* Initialises and opens two documents; every feature runs once, so that
 * process-wide state built lazily (compiled queries, catalogues) exists
 * before the allocation baseline is taken. */
static void fuzz__prelude(FuzzSession *s, RlsFramer *framer, bool exercise) {
    static const char *const prelude[] = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
        "\"rootUri\":null,\"capabilities\":{\"textDocument\":{\"hover\":{\"contentFormat\":["
        "\"markdown\"]},\"codeAction\":{\"codeActionLiteralSupport\":{\"codeActionKind\":{"
        "\"valueSet\":[\"quickfix\"]}}},\"documentSymbol\":{"
        "\"hierarchicalDocumentSymbolSupport\":true},\"diagnostic\":{}},\"workspace\":{"
        "\"applyEdit\":true,\"configuration\":true}}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{"
        "\"uri\":\"untitled:a.md\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"# Jane "
        "Doe\\n\\n## Experience\\n\\n### Engineer, Acme (2019 - Present)\\n\\n- Worked on the "
        "billing system\\n- Built a cache that cut latency by 40%\\n\\n## Skills\\n\\nPython, "
        "Go\\n\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{"
        "\"uri\":\"untitled:b.tex\",\"languageId\":\"latex\",\"version\":1,\"text\":\"\\\\section{"
        "Experience}\\n\\\\begin{itemize}\\n\\\\item I helped migrate 3 services\\n\\\\end{"
        "itemize}\\n\"}}}",
    };
    static const char *const features[] = {
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{"
        "\"textDocument\":{\"uri\":\"untitled:a.md\"},\"position\":{\"line\":6,\"character\":3}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/completion\",\"params\":{"
        "\"textDocument\":{\"uri\":\"untitled:a.md\"},\"position\":{\"line\":6,\"character\":2}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/codeLens\",\"params\":{"
        "\"textDocument\":{\"uri\":\"untitled:b.tex\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/codeAction\",\"params\":{"
        "\"textDocument\":{\"uri\":\"untitled:a.md\"},\"range\":{\"start\":{\"line\":6,"
        "\"character\":0},\"end\":{\"line\":6,\"character\":9}},\"context\":{\"diagnostics\":[]}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"workspace/executeCommand\",\"params\":{"
        "\"command\":\"resume-ls.score\",\"arguments\":[\"untitled:a.md\"]}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/documentSymbol\",\"params\":{"
        "\"textDocument\":{\"uri\":\"untitled:b.tex\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"resume-ls/stats\"}",
    };
    for (size_t i = 0; i < sizeof(prelude) / sizeof(*prelude); i++)
        fuzz__feed_text(s, framer, prelude[i]);
    for (size_t i = 0; exercise && i < sizeof(features) / sizeof(*features); i++)
        fuzz__feed_text(s, framer, features[i]);
}

static void fuzz__session(const uint8_t *data, size_t size, bool prelude, bool exercise) {
    FuzzSession s = {0};
    RlsServer *srv = rls_server_new(fuzz__send, &s);
    rls_lsp_dispatch_init(&s.dispatch, srv);
    RlsFramer framer;
    rls_framer_init(&framer, FUZZ__MAX_BODY);
    if (prelude) fuzz__prelude(&s, &framer, exercise);

    size_t chunk = size ? (size_t)(data[0] >> 1) : 0;
    const char *bytes = size ? (const char *)data + 1 : "";
    size_t left = size ? size - 1 : 0;
    if (chunk == 0) chunk = left ? left : 1;
    while (left && !rls_dispatch_exited(&s.dispatch, NULL)) {
        size_t n = left < chunk ? left : chunk;
        rls_framer_feed(&framer, bytes, n, fuzz__frame_cb, &s);
        rls_dispatch_run(&s.dispatch);
        bytes += n;
        left -= n;
    }

    rls_framer_close(&framer);
    rls_dispatch_close(&s.dispatch);
    rls_server_delete(srv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static long baseline = -1;
    if (baseline < 0) {
        rls_hooks_install();
        rls_log_set_level(0);
        fuzz__session(NULL, 0, true, true);
        baseline = rls_alloc_live();
    }
    if (size > 1024 * 1024) return 0;
    fuzz__session(data, size, size > 0 && (data[0] & 1), false);
    long live = rls_alloc_live();
    if (live != baseline) {
        fprintf(stderr, "fuzz_rpc: %ld allocations outlive the session\n", live - baseline);
        abort();
    }
    return 0;
}
