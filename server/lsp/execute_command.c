/*
 * execute_command.c - workspace/executeCommand: resume-ls.score returns the
 * ATS score breakdown as JSON (issue #6).
 */
#include <string.h>

#include "lsp/features.h"
#include "rls/common.h"

const char *const rls_lsp_commands[] = {"resume-ls.score", NULL};

int rls_lsp_execute_command(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    (void)srv;
    const char *command = NULL;
    int rc = rls_json_get_string(params, "command", true, &command, error);
    if (rc < 0) return rc;
    for (const char *const *c = rls_lsp_commands; *c; c++) {
        if (strcmp(*c, command) != 0) continue;
        /* TODO(#6): the score breakdown of the document in arguments[0]. */
        *result = cJSON_CreateNull();
        return 0;
    }
    rls_buf_printf(error, "unknown command: %s", command);
    return RLS_EINVAL;
}
