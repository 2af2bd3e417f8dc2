/*
 * diagnostics.c - pull diagnostics (textDocument/diagnostic, LSP 3.17).
 * Pushed diagnostics are sent by rls_server_idle (server.c); both paths
 * build each Diagnostic with rls_lsp_diagnostic_to_json, so they agree.
 */
#include "lsp/handlers.h"
#include "lsp/server_internal.h"
#include "rpc/jsonrpc.h"

int rls_lsp_pull_diagnostics(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    RlsDocument *doc = NULL;
    int rc = rls_server_document_param(srv, params, &doc, error);
    if (rc != 0) return rc;
    const RlsAnalysis *an = rls_document_analysis(srv, doc);
    cJSON *report = cJSON_CreateObject();
    cJSON_AddStringToObject(report, "kind", "full");
    cJSON *items = rls_json_add(report, "items", cJSON_CreateArray());
    for (size_t i = 0; i < an->diags.len; i++)
        cJSON_AddItemToArray(items, rls_lsp_diagnostic_to_json(srv, doc, &an->diags.items[i]));
    *result = report;
    return 0;
}
