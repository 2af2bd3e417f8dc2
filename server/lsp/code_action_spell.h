/*
 * code_action_spell.h - quick fixes for `spelling` findings: hunspell's
 * suggestions, "Add 'word' to the resume dictionary" (a command that edits
 * .resume-ls.json through workspace/applyEdit), beside the "disable"
 * actions every rule gets.
 */
#ifndef RLS_LSP_CODE_ACTION_SPELL_H_
#define RLS_LSP_CODE_ACTION_SPELL_H_

#include "lsp/server.h"
#include "rls/actions.h"

#define RLS_LSP_ADD_WORD_COMMAND "resume-ls.addToDictionary"

/* Appends the CodeActions for spelling finding d (its client diagnostic
 * diag_json, may be NULL) to out. Borrows everything. */
void rls_lsp_spell_actions(RlsServer *srv, RlsDocument *doc, const RlsAnalysis *an,
                           const RlsDiag *d, const cJSON *diag_json, cJSON *out);

/* workspace/executeCommand resume-ls.addToDictionary, arguments [uri, word]:
 * sends workspace/applyEdit adding word to the "dictionary" list of the
 * document's .resume-ls.json (created beside it when there is none); once
 * applied, the word is accepted in the open documents that read that
 * file. Result null. */
int rls_lsp_add_word(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

/* A WorkspaceEdit of edits on doc, in the form the client asked for
 * (documentChanges with the version, or changes); code_action.c. */
cJSON *rls_lsp_workspace_edit(RlsServer *srv, RlsDocument *doc, const RlsTextEdit *edits, size_t n);

#endif /* RLS_LSP_CODE_ACTION_SPELL_H_ */
