/*
 * methods.c - the LSP method table and the server's callbacks for the
 * dispatcher (methods.h).
 *
 * A handler is written against RlsServer (server.h); the dispatcher calls an
 * RlsRpcHandler with a void *ctx. One thunk per method converts, generated
 * from the list below, so no handler is ever called through a pointer of
 * another type. shutdown and exit also change the lifecycle, which
 * rpc/dispatch.c tracks.
 */
#include "lsp/methods.h"

#include "lsp/features.h"
#include "lsp/handlers.h"
#include "rls/common.h"

/* X(method name, handler, REQUEST or NOTIFICATION) */
#define LSP_METHODS(X)                                                                             \
    X("initialize", rls_lsp_initialize, REQUEST)                                                   \
    X("initialized", rls_lsp_initialized, NOTIFICATION)                                            \
    X("shutdown", rls_lsp_shutdown, REQUEST)                                                       \
    X("textDocument/didOpen", rls_lsp_did_open, NOTIFICATION)                                      \
    X("textDocument/didChange", rls_lsp_did_change, NOTIFICATION)                                  \
    X("textDocument/didClose", rls_lsp_did_close, NOTIFICATION)                                    \
    X("textDocument/didSave", rls_lsp_did_save, NOTIFICATION)                                      \
    X("textDocument/diagnostic", rls_lsp_pull_diagnostics, REQUEST)                                \
    X("textDocument/documentSymbol", rls_lsp_document_symbol, REQUEST)                             \
    X("textDocument/foldingRange", rls_lsp_folding_range, REQUEST)                                 \
    X("textDocument/hover", rls_lsp_hover, REQUEST)                                                \
    X("textDocument/codeAction", rls_lsp_code_action, REQUEST)                                     \
    X("codeAction/resolve", rls_lsp_code_action_resolve, REQUEST)                                  \
    X("textDocument/completion", rls_lsp_completion, REQUEST)                                      \
    X("textDocument/codeLens", rls_lsp_code_lens, REQUEST)                                         \
    X("workspace/executeCommand", rls_lsp_execute_command, REQUEST)                                \
    X("workspace/didChangeConfiguration", rls_lsp_did_change_configuration, NOTIFICATION)          \
    X("resume-ls/stats", rls_lsp_stats, REQUEST)

#define METHODS__THUNK(name, fn, kind)                                                             \
    static int methods__##fn(void *ctx, const cJSON *params, cJSON **result, RlsBuf *error) {      \
        return fn((RlsServer *)ctx, params, result, error);                                        \
    }
LSP_METHODS(METHODS__THUNK)
#undef METHODS__THUNK

#define METHODS__ENTRY(name, fn, kind) {name, methods__##fn, RLS_METHOD_##kind},
static const RlsMethod methods__table[] = {LSP_METHODS(METHODS__ENTRY)};
#undef METHODS__ENTRY

const RlsMethod *rls_lsp_methods(size_t *count) {
    *count = RLS_ARRAY_LEN(methods__table);
    return methods__table;
}

static void methods__send_owned(void *ctx, char *body, size_t len) {
    rls_server_send_owned((RlsServer *)ctx, body, len);
}

static void methods__batch_begin(void *ctx) {
    rls_server_batch_begin((RlsServer *)ctx);
}

static void methods__idle(void *ctx) {
    rls_server_idle((RlsServer *)ctx);
}

static void methods__on_response(void *ctx, const cJSON *id, const cJSON *result,
                                 const cJSON *error) {
    rls_server_on_response((RlsServer *)ctx, id, result, error);
}

void rls_lsp_dispatch_init(RlsDispatch *dispatch, RlsServer *srv) {
    RlsRpcService service = {
        .methods = methods__table,
        .n_methods = RLS_ARRAY_LEN(methods__table),
        .ctx = srv,
        .send_owned = methods__send_owned,
        .batch_begin = methods__batch_begin,
        .idle = methods__idle,
        .on_response = methods__on_response,
    };
    rls_dispatch_init(dispatch, &service);
}
