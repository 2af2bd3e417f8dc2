/*
 * features.h - the handlers of the features built on the server API
 * (server.h): hover, completion, code actions and their resolution, code
 * lens and workspace commands, one file each.
 *
 * Each is an RlsHandler (server.h: params borrowed, *result owned, return 0
 * or a negative RLS_E*), listed in the method table (methods.c) and
 * advertised in the initialize result (lifecycle.c). A handler converts the
 * params, asks the document's analysis (rls_document_analysis) or the core
 * API, and converts the answer back.
 */
#ifndef RLS_LSP_FEATURES_H_
#define RLS_LSP_FEATURES_H_

#include "lsp/server.h"

/* textDocument/hover (hover.c): Hover | null. */
int rls_lsp_hover(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

/* textDocument/codeAction (code_action.c): (Command | CodeAction)[] | null.
 * Quick fixes refer to diagnostics by their `data` (server.h,
 * rls_lsp_diagnostic_write). */
int rls_lsp_code_action(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);
/* codeAction/resolve (code_action.c): the CodeAction with its edit filled in. */
int rls_lsp_code_action_resolve(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

/* textDocument/completion (completion.c): CompletionItem[] | CompletionList | null. */
int rls_lsp_completion(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

/* textDocument/codeLens (code_lens.c): CodeLens[] | null. */
int rls_lsp_code_lens(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

/* workspace/executeCommand (execute_command.c): any | null. The commands
 * the server advertises are listed in rls_lsp_commands. */
int rls_lsp_execute_command(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);
/* NULL-terminated list of command ids for executeCommandProvider. */
extern const char *const rls_lsp_commands[];

#endif /* RLS_LSP_FEATURES_H_ */
