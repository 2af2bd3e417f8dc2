/*
 * score_json.c - the one JSON form of an ATS score (score_json.h), used by
 * `resume-ls score --format json` and by the server's resume-ls.score
 * command and code lens, so that all three agree. The score of an open
 * document is computed in lsp/score.c.
 */
#include "config/score_json.h"

#include "rls/alloc.h"

/* Two decimals are enough to add deductions up by hand; more is noise. */
static double score_json__round2(double v) {
    return (double)(long)(v * 100 + (v < 0 ? -0.5 : 0.5)) / 100.0;
}

cJSON *rls_score_to_json(const RlsScore *score, const RlsKwReport *report) {
    cJSON *root = cJSON_CreateObject();
    char *summary = rls_score_summary(score);
    cJSON_AddNumberToObject(root, "total", score->total);
    cJSON_AddStringToObject(root, "summary", summary);
    rls_free(summary);
    if (score->profile)
        cJSON_AddStringToObject(root, "role", score->profile);
    else
        cJSON_AddNullToObject(root, "role");
    cJSON_AddBoolToObject(root, "roleInferred", score->profile_inferred);
    cJSON *comps = cJSON_AddArrayToObject(root, "components");
    for (int c = 0; c < RLS_SCORE_COMPONENT_COUNT; c++) {
        const RlsScoreComponent *comp = &score->components[c];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", comp->id);
        cJSON_AddStringToObject(o, "title", comp->title);
        cJSON_AddNumberToObject(o, "points", comp->points);
        cJSON_AddNumberToObject(o, "max", comp->max);
        cJSON_AddNumberToObject(o, "raw", score_json__round2(comp->raw));
        cJSON *ded = cJSON_AddArrayToObject(o, "deductions");
        for (size_t i = 0; i < comp->n_deductions; i++) {
            cJSON *d = cJSON_CreateObject();
            cJSON_AddStringToObject(d, "reason", comp->deductions[i].reason);
            cJSON_AddNumberToObject(d, "points", score_json__round2(comp->deductions[i].points));
            cJSON_AddItemToArray(ded, d);
        }
        cJSON_AddItemToArray(comps, o);
    }
    if (report && report->jd.len) {
        cJSON *job = cJSON_AddObjectToObject(root, "job");
        cJSON_AddNumberToObject(job, "keywords", score->jd_total);
        cJSON_AddNumberToObject(job, "covered", score->jd_covered);
        cJSON_AddNumberToObject(job, "inBullets", score->jd_in_bullets);
        cJSON *missing = cJSON_AddArrayToObject(job, "missing");
        cJSON *weak = cJSON_AddArrayToObject(job, "onlyListed");
        for (size_t j = 0; j < report->jd.len; j++) {
            const char *t = report->jd.items[j].text;
            if (!report->coverage[j].covered)
                cJSON_AddItemToArray(missing, cJSON_CreateString(t));
            else if (!report->coverage[j].in_bullet)
                cJSON_AddItemToArray(weak, cJSON_CreateString(t));
        }
    } else {
        cJSON_AddNullToObject(root, "job");
    }
    return root;
}
