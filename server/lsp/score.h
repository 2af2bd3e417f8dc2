/*
 * score.h - the ATS score of an open document (rls/score.h), what the code
 * lens shows and the resume-ls.score command returns; its JSON form is
 * config/score_json.h, shared with `resume-ls score --format json`.
 */
#ifndef RLS_LSP_SCORE_H_
#define RLS_LSP_SCORE_H_

#include "lsp/server.h"
#include "rls/score.h"

/* The score of an open document, from its current analysis and its
 * configuration (role, jobDescription): what the code lens shows and the
 * resume-ls.score command returns. score and report must be initialised;
 * their old content is replaced. Returns 0. */
int rls_lsp_document_score(RlsServer *srv, RlsDocument *doc, RlsScore *score, RlsKwReport *report);

#endif /* RLS_LSP_SCORE_H_ */
