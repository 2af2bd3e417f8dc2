/*
 * score_json.h - the JSON form of an ATS score, shared by `resume-ls score
 * --format json` and the server's `resume-ls.score` command, so both return
 * the same object:
 *   { total, summary, role, roleInferred,
 *     components: [{ id, title, points, max, raw, deductions: [{ reason, points }] }],
 *     job: null | { keywords, covered, inBullets, missing: [..], onlyListed: [..] } }
 */
#ifndef RLS_CONFIG_SCORE_JSON_H_
#define RLS_CONFIG_SCORE_JSON_H_

#include <cjson/cJSON.h>

#include "rls/score.h"

/* Returns an owned object (free with cJSON_Delete). report may be NULL
 * (then "job" is null). Borrows both. */
cJSON *rls_score_to_json(const RlsScore *score, const RlsKwReport *report);

#endif /* RLS_CONFIG_SCORE_JSON_H_ */
