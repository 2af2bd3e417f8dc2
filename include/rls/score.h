/*
 * score.h - the ATS score: 0-100 as four weighted components, each of which
 * explains what it deducted and why. The formula is documented in
 * docs/score.md; this header is its contract.
 *
 *   impact      30  content and impact: bullets free of content findings,
 *                   bullets with a metric, enough bullets
 *   keywords    30  job-description coverage and/or role-profile terms,
 *                   bullets counting more than a skills list
 *   formatting  20  standard headings, no ATS-hostile layout, contact,
 *                   consistent dates, length, plain digits
 *   skills      20  a skills list, skills backed by bullets, tools used
 *                   in bullets also listed
 *
 * The total is the sum of the rounded components, so the summary line adds
 * up as a reader checks it.
 */
#ifndef RLS_SCORE_H_
#define RLS_SCORE_H_

#include "rls/config.h"
#include "rls/diag.h"
#include "rls/keyword_report.h"
#include "rls/model.h"

typedef enum {
    RLS_SCORE_IMPACT = 0,
    RLS_SCORE_KEYWORDS,
    RLS_SCORE_FORMATTING,
    RLS_SCORE_SKILLS,
    RLS_SCORE_COMPONENT_COUNT
} RlsScoreComponentKind;

typedef struct {
    char *reason;  /* owned: what cost the points, with the numbers */
    double points; /* points lost (> 0) */
} RlsScoreDeduction;

typedef struct {
    const char *id;    /* "impact", "keywords", "formatting", "skills" (static) */
    const char *title; /* "Content and impact", ... (static) */
    int max;           /* weight: 30, 30, 20, 20 */
    double raw;        /* 0..max before rounding */
    int points;        /* raw rounded to the nearest integer */
    RlsScoreDeduction *deductions;
    size_t n_deductions, cap_deductions;
} RlsScoreComponent;

typedef struct {
    int total; /* 0..100: sum of components[].points */
    RlsScoreComponent components[RLS_SCORE_COMPONENT_COUNT];
    /* Inputs the keyword component used, for the breakdown. */
    const char *profile; /* role profile name (static), or NULL */
    bool profile_inferred;
    bool has_job;        /* a job description was given */
    uint32_t jd_total;   /* job-description keywords */
    uint32_t jd_covered; /* ... used anywhere in the resume */
    uint32_t jd_in_bullets;
    /* Inputs of the impact component, for per-bullet contributions. */
    uint32_t n_bullets;        /* bullets outside Skills */
    uint32_t n_clean_bullets;  /* without any content finding */
    uint32_t n_metric_bullets; /* without a no-metric finding */
} RlsScore;

/* Points of the impact component that each clean bullet and each bullet
 * with a metric share between them (docs/score.md). */
#define RLS_SCORE_IMPACT_CLEAN 15.0
#define RLS_SCORE_IMPACT_METRIC 10.0
#define RLS_SCORE_IMPACT_VOLUME 5.0
/* Bullets needed for the full volume share. */
#define RLS_SCORE_IMPACT_VOLUME_BULLETS 10

void rls_score_init(RlsScore *self);
/* Frees the deductions; the struct may be reused. */
void rls_score_close(RlsScore *self);

/* Scores a model. diags are the findings of the rule engine (and of
 * rls_keywords_check; both may be mixed: only content rules, as
 * rls_rule_find()->content says, and spelled-out-number count). report is
 * the keyword report for this model and config. src is the text the model
 * was built from. config may be NULL. Borrows everything. Replaces what
 * *self held. Returns 0. */
int rls_score_compute(RlsScore *self, const RlsResume *model, const char *src, uint32_t src_len,
                      const RlsDiagList *diags, const RlsKwReport *report, const RlsConfig *config);

/* Convenience: computes the keyword report itself. */
int rls_score_document(RlsScore *self, const RlsResume *model, const char *src, uint32_t src_len,
                       const RlsDiagList *diags, const RlsConfig *config);

/* "ATS score 72/100 · impact 20/30 · keywords 22/30 · formatting 18/20 ·
 * skills 12/20" (the code lens title). Returns owned; free with rls_free. */
char *rls_score_summary(const RlsScore *self);

/* The impact points a bullet earns now, and what it would earn with no
 * content finding and a metric (what fixing it is worth). For bullet hover.
 * clean/has_metric describe the bullet. */
double rls_score_bullet_points(const RlsScore *self, bool clean, bool has_metric);

/* True when a content rule (or no-metric) reported on bullet b: a finding
 * whose bullet index is b, or whose span lies inside the bullet. */
bool rls_score_bullet_flagged(const RlsResume *model, const RlsDiagList *diags, uint32_t b,
                              const char *only_rule);

#endif /* RLS_SCORE_H_ */
