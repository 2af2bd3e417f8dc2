/*
 * code_lens.c - textDocument/codeLens: the ATS score on the first line
 * (issue #6), "ATS score 72/100 · impact 20/30 · ...", whose command,
 * resume-ls.score with the document's uri, returns the breakdown.
 */
#include "lsp/features.h"
#include "lsp/score.h"
#include "rls/alloc.h"
#include "rls/common.h"

int rls_lsp_code_lens(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    RlsDocument *doc = NULL;
    int rc = rls_server_document_param(srv, params, &doc, error);
    if (rc != 0) return rc;
    RlsScore score;
    rls_score_init(&score);
    RlsKwReport report;
    rls_kw_report_init(&report);
    rls_lsp_document_score(srv, doc, &score, &report);
    char *title = rls_score_summary(&score);
    rls_kw_report_close(&report);
    rls_score_close(&score);

    cJSON *lens = cJSON_CreateObject();
    RlsSpan first_line = {0, rls_text_line_end(doc->text, 0)};
    cJSON_AddItemToObject(lens, "range", rls_lsp_range_to_json(srv, doc, first_line));
    cJSON *command = cJSON_AddObjectToObject(lens, "command");
    cJSON_AddStringToObject(command, "title", title);
    rls_free(title);
    cJSON_AddStringToObject(command, "command", "resume-ls.score");
    cJSON *args = cJSON_AddArrayToObject(command, "arguments");
    cJSON_AddItemToArray(args, cJSON_CreateString(doc->uri));
    *result = cJSON_CreateArray();
    cJSON_AddItemToArray(*result, lens);
    return 0;
}
