/*
 * score_json.h - the JSON form of an ATS score, shared by `resume-ls score
 * --format json` and the server's `resume-ls.score` command, so both return
 * the same object:
 *   { total, summary, role, roleInferred,
 *     components: [{ id, title, points, max, raw, deductions: [{ reason, points }] }],
 *     job: null | { keywords, covered, inBullets, missing: [..], onlyListed: [..] } }
 */
#ifndef RLS_LSP_SCORE_JSON_H_
#define RLS_LSP_SCORE_JSON_H_

#include <cjson/cJSON.h>

#include "lsp/server.h"
#include "rls/score.h"

/* Returns an owned object (free with cJSON_Delete). report may be NULL
 * (then "job" is null). Borrows both. */
cJSON *rls_score_to_json(const RlsScore *score, const RlsKwReport *report);

/* The score of an open document, from its current analysis and its
 * configuration (role, jobDescription): what the code lens shows and the
 * resume-ls.score command returns. score and report must be initialised;
 * their old content is replaced. Returns 0. */
int rls_lsp_document_score(RlsServer *srv, RlsDocument *doc, RlsScore *score, RlsKwReport *report);

#endif /* RLS_LSP_SCORE_JSON_H_ */
