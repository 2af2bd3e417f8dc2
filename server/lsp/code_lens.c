/*
 * code_lens.c - textDocument/codeLens: the ATS score on the first line
 * (issue #6).
 */
#include "lsp/features.h"
#include "rls/common.h"

int rls_lsp_code_lens(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    RlsDocument *doc = NULL;
    int rc = rls_server_document_param(srv, params, &doc, error);
    if (rc < 0) return rc;
    /* TODO(#6): the score lens with its resume-ls.score command. */
    *result = cJSON_CreateArray();
    return 0;
}
