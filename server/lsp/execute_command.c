/*
 * execute_command.c - workspace/executeCommand: resume-ls.score returns the
 * ATS score breakdown as JSON (issue #6), the same object `resume-ls score
 * --format json` prints (config/score_json.h), with "uri" in place of "file".
 */
#include <string.h>

#include "lsp/code_action_spell.h"
#include "lsp/features.h"
#include "config/score_json.h"
#include "lsp/score.h"
#include "rls/common.h"

const char *const rls_lsp_commands[] = {"resume-ls.score", RLS_LSP_ADD_WORD_COMMAND, NULL};

/* arguments: [uri] as the code lens sends it; [{"uri": ...}] is accepted
 * too, as clients that build the call by hand tend to send that. */
static int execute__score(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    const cJSON *args = NULL;
    int rc = rls_json_get_array(params, "arguments", false, &args, error);
    if (rc != 0) return rc;
    const cJSON *arg = args ? cJSON_GetArrayItem(args, 0) : NULL;
    if (cJSON_IsObject(arg)) arg = cJSON_GetObjectItemCaseSensitive(arg, "uri");
    /* NULL unless arg is a string (and for a NULL arg). */
    const char *uri = cJSON_GetStringValue(arg);
    if (!uri) {
        rls_buf_puts(error, "resume-ls.score: arguments[0] must be the uri of an open document");
        return RLS_EINVAL;
    }
    RlsDocument *doc = rls_server_document(srv, uri);
    if (!doc) {
        rls_buf_printf(error, "resume-ls.score: document not open: %s", uri);
        return RLS_EINVAL;
    }
    RlsScore score;
    rls_score_init(&score);
    RlsKwReport report;
    rls_kw_report_init(&report);
    rls_lsp_document_score(srv, doc, &score, &report);
    cJSON *json = rls_score_to_json(&score, &report);
    cJSON_AddStringToObject(json, "uri", doc->uri);
    rls_kw_report_close(&report);
    rls_score_close(&score);
    *result = json;
    return 0;
}

int rls_lsp_execute_command(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    const char *command = NULL;
    int rc = rls_json_get_string(params, "command", true, &command, error);
    if (rc != 0) return rc;
    if (strcmp(command, "resume-ls.score") == 0) return execute__score(srv, params, result, error);
    if (strcmp(command, RLS_LSP_ADD_WORD_COMMAND) == 0)
        return rls_lsp_add_word(srv, params, result, error);
    rls_buf_printf(error, "unknown command: %s (known: resume-ls.score, %s)", command,
                   RLS_LSP_ADD_WORD_COMMAND);
    return RLS_EINVAL;
}
