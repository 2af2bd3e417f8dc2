/*
 * handlers.h - the handlers of the lsp module's own methods (lifecycle, text
 * sync, diagnostics, symbols), referenced by the method table (methods.c). The
 * signature and contract are RlsHandler's (server.h). Feature handlers
 * written by other modules are in features.h.
 */
#ifndef RLS_LSP_HANDLERS_H_
#define RLS_LSP_HANDLERS_H_

#include "lsp/server.h"

/* lifecycle.c */
int rls_lsp_initialize(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);
int rls_lsp_initialized(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);
int rls_lsp_shutdown(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);
int rls_lsp_did_change_configuration(RlsServer *srv, const cJSON *params, cJSON **result,
                                     RlsBuf *error);

/* sync.c */
int rls_lsp_did_open(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);
int rls_lsp_did_change(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);
int rls_lsp_did_close(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);
int rls_lsp_did_save(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

/* diagnostics.c */
int rls_lsp_pull_diagnostics(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

/* symbols.c */
int rls_lsp_document_symbol(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);
int rls_lsp_folding_range(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

/* stats.c: "resume-ls/stats" -> in-server publish latency percentiles.
 * Params: {"reset": true} clears the samples after reading them. */
int rls_lsp_stats(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

#endif /* RLS_LSP_HANDLERS_H_ */
