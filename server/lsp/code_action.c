/*
 * code_action.c - textDocument/codeAction and codeAction/resolve: rewrites,
 * quick fixes, fix-all and suppression comments (issue #5).
 */
#include "lsp/features.h"
#include "rls/common.h"

int rls_lsp_code_action(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    RlsDocument *doc = NULL;
    const cJSON *range = NULL, *context = NULL;
    RlsSpan span;
    int rc = rls_server_document_param(srv, params, &doc, error);
    if (rc == 0) rc = rls_json_get_object(params, "range", true, &range, error);
    if (rc == 0) rc = rls_lsp_range_from_json(srv, doc, range, &span, error);
    if (rc == 0) rc = rls_json_get_object(params, "context", true, &context, error);
    if (rc < 0) return rc;
    /* TODO(#5): quick fixes linked to context.diagnostics, fix-all, disable comments. */
    *result = cJSON_CreateArray();
    return 0;
}

int rls_lsp_code_action_resolve(RlsServer *srv, const cJSON *params, cJSON **result,
                                RlsBuf *error) {
    (void)srv;
    if (!cJSON_IsObject(params)) {
        rls_buf_puts(error, "codeAction/resolve: expected a CodeAction");
        return RLS_EINVAL;
    }
    /* TODO(#5): compute the edit from params.data. Until then the action
     * comes back as it was sent, which the protocol allows. */
    *result = cJSON_Duplicate(params, true);
    return 0;
}
