/*
 * completion.c - textDocument/completion: strong action verbs at the start
 * of a bullet, catalogue terms after a comma in Skills (issue #6).
 */
#include "lsp/features.h"
#include "rls/common.h"

int rls_lsp_completion(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    RlsDocument *doc = NULL;
    uint32_t at_byte = 0;
    int rc = rls_server_document_param(srv, params, &doc, error);
    if (rc == 0) rc = rls_lsp_position_param(srv, doc, params, "position", &at_byte, error);
    if (rc < 0) return rc;
    /* TODO(#6): verb and keyword completion. */
    *result = cJSON_CreateArray();
    return 0;
}
