/*
 * score.c - the ATS score (score.h; the formula is docs/score.md).
 *
 * Every point lost is a deduction with a reason that names the numbers
 * behind it, so the breakdown tells the person what to fix first.
 */
#include "rls/score.h"

#include <stdarg.h>
#include <string.h>

#include "keywords/kw_internal.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/rules.h"

static const struct {
    const char *id;
    const char *title;
    int max;
} score__components[RLS_SCORE_COMPONENT_COUNT] = {
    {"impact", "Content and impact", 30},
    {"keywords", "Keyword match", 30},
    {"formatting", "Formatting", 20},
    {"skills", "Skills", 20},
};

/* Content rules named by issue #4, so the score works whichever rule table
 * is linked in (the engine's own `content` flag is consulted first). */
static const char *const score__content_rules[] = {
    RLS_RULE_ID(WEAK_OPENER),        RLS_RULE_ID(NO_METRIC),     RLS_RULE_ID(VAGUE_QUANTIFIER),
    RLS_RULE_ID(PASSIVE_VOICE),      RLS_RULE_ID(FIRST_PERSON),  RLS_RULE_ID(BUZZWORD),
    RLS_RULE_ID(SPELLED_OUT_NUMBER), RLS_RULE_ID(BULLET_LENGTH),
};

void rls_score_init(RlsScore *self) {
    memset(self, 0, sizeof(*self));
    for (int c = 0; c < RLS_SCORE_COMPONENT_COUNT; c++) {
        self->components[c].id = score__components[c].id;
        self->components[c].title = score__components[c].title;
        self->components[c].max = score__components[c].max;
    }
}

void rls_score_close(RlsScore *self) {
    for (int c = 0; c < RLS_SCORE_COMPONENT_COUNT; c++) {
        RlsScoreComponent *comp = &self->components[c];
        for (size_t i = 0; i < comp->n_deductions; i++)
            rls_free(comp->deductions[i].reason);
        rls_free(comp->deductions);
    }
    rls_score_init(self);
}

static void score__deduct(RlsScoreComponent *comp, double points, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void score__deduct(RlsScoreComponent *comp, double points, const char *fmt, ...) {
    if (points <= 0.005) return;
    va_list ap;
    va_start(ap, fmt);
    RlsScoreDeduction d = {rls_vstrfmt(fmt, ap), points};
    va_end(ap);
    RLS_PUSH(comp->deductions, comp->n_deductions, comp->cap_deductions, d);
    comp->raw -= points;
}

static bool score__is_content_rule(const char *id) {
    const RlsRuleInfo *info = rls_rule_find(id);
    if (info) return info->content;
    for (size_t i = 0; i < RLS_ARRAY_LEN(score__content_rules); i++)
        if (strcmp(score__content_rules[i], id) == 0) return true;
    return false;
}

bool rls_score_bullet_flagged(const RlsResume *model, const RlsDiagList *diags, uint32_t b,
                              const char *only_rule) {
    if (!diags || b >= model->n_bullets) return false;
    const RlsBullet *bl = &model->bullets[b];
    for (size_t i = 0; i < diags->len; i++) {
        const RlsDiag *d = &diags->items[i];
        if (d->severity == RLS_SEV_OFF) continue;
        if (only_rule ? strcmp(d->rule, only_rule) != 0 : !score__is_content_rule(d->rule))
            continue;
        bool on = d->bullet >= 0 ? (uint32_t)d->bullet == b
                                 : d->span.start_byte >= bl->item_span.start_byte &&
                                       d->span.end_byte <= bl->item_span.end_byte &&
                                       bl->item_span.end_byte > bl->item_span.start_byte;
        if (on) return true;
    }
    return false;
}

/* "A, B, C and 4 more" from up to five names. */
static void score__names(RlsBuf *b, const char *name, size_t index) {
    if (index < 5) rls_buf_printf(b, "%s%s", index ? ", " : "", name);
}
static void score__names_end(RlsBuf *b, size_t count) {
    if (count > 5) rls_buf_printf(b, " and %zu more", count - 5);
}

/* ---- Impact ------------------------------------------------------------------ */

static void score__impact(RlsScore *self, const RlsResume *model, const RlsDiagList *diags) {
    RlsScoreComponent *c = &self->components[RLS_SCORE_IMPACT];
    uint32_t n = 0, clean = 0, metric = 0;
    /* One pass over the findings, not one per bullet: what
     * rls_score_bullet_flagged answers for every bullet, in linear time for
     * findings tied to a bullet (a document with thousands of bullets and
     * findings took minutes; issue #8). */
    uint8_t *flags = rls_calloc(model->n_bullets ? model->n_bullets : 1, 1);
    enum { CONTENT = 1, NO_METRIC = 2 };
    for (size_t i = 0; diags && i < diags->len; i++) {
        const RlsDiag *d = &diags->items[i];
        if (d->severity == RLS_SEV_OFF) continue;
        uint8_t f = (uint8_t)((score__is_content_rule(d->rule) ? CONTENT : 0) |
                              (strcmp(d->rule, RLS_RULE_ID(NO_METRIC)) == 0 ? NO_METRIC : 0));
        if (!f) continue;
        if (d->bullet >= 0) {
            if ((uint32_t)d->bullet < model->n_bullets) flags[d->bullet] |= f;
            continue;
        }
        for (uint32_t b = 0; b < model->n_bullets; b++) {
            const RlsBullet *bl = &model->bullets[b];
            if (d->span.start_byte >= bl->item_span.start_byte &&
                d->span.end_byte <= bl->item_span.end_byte &&
                bl->item_span.end_byte > bl->item_span.start_byte)
                flags[b] |= f;
        }
    }
    for (uint32_t b = 0; b < model->n_bullets; b++) {
        const RlsBullet *bl = &model->bullets[b];
        if (bl->section < model->n_sections &&
            model->sections[bl->section].kind == RLS_SECTION_SKILLS)
            continue;
        n++;
        clean += !(flags[b] & CONTENT);
        metric += !(flags[b] & NO_METRIC);
    }
    rls_free(flags);
    self->n_bullets = n;
    self->n_clean_bullets = clean;
    self->n_metric_bullets = metric;
    c->raw = c->max;
    if (n == 0) {
        score__deduct(c, c->max,
                      "No bullets outside Skills: describe each role with bullets that lead "
                      "with a result");
        return;
    }
    score__deduct(c, RLS_SCORE_IMPACT_CLEAN * (n - clean) / n,
                  "%u of %u bullets have content findings (weak opener, passive voice, "
                  "filler ...)",
                  n - clean, n);
    score__deduct(c, RLS_SCORE_IMPACT_METRIC * (n - metric) / n,
                  "%u of %u bullets carry no measurable result", n - metric, n);
    if (n < RLS_SCORE_IMPACT_VOLUME_BULLETS)
        score__deduct(c,
                      RLS_SCORE_IMPACT_VOLUME * (RLS_SCORE_IMPACT_VOLUME_BULLETS - n) /
                          RLS_SCORE_IMPACT_VOLUME_BULLETS,
                      "Only %u bullets: %d or more show the range of your work", n,
                      RLS_SCORE_IMPACT_VOLUME_BULLETS);
}

/* ---- Keywords ----------------------------------------------------------------- */

#define SCORE_PROFILE_TARGET 12.0 /* profile terms shown for the full profile share */

static double score__term_credit(const RlsKwTermStat *st) {
    if (st->n_bullet) return 1.0;
    if (st->n_text + st->n_skills) return 0.5;
    return 0.0;
}

static void score__keywords(RlsScore *self, const RlsKwReport *r) {
    RlsScoreComponent *c = &self->components[RLS_SCORE_KEYWORDS];
    c->raw = c->max;
    bool jd = r->jd.len > 0;
    bool prof = r->profile >= 0;
    double w_jd = jd ? (prof ? 0.7 : 1.0) : 0.0;
    double w_prof = 1.0 - w_jd;

    if (jd) {
        double total = 0, lost_missing = 0, lost_weak = 0;
        RlsBuf missing, weak;
        rls_buf_init(&missing);
        rls_buf_init(&weak);
        size_t n_missing = 0, n_weak = 0;
        for (size_t j = 0; j < r->jd.len; j++) {
            double w = RLS_MIN(r->jd.items[j].count, 3u);
            total += w;
            const RlsJdCoverage *cov = &r->coverage[j];
            self->jd_covered += cov->covered;
            self->jd_in_bullets += cov->in_bullet;
            if (!cov->covered) {
                lost_missing += w;
                score__names(&missing, r->jd.items[j].text, n_missing++);
            } else if (!cov->in_bullet) {
                lost_weak += 0.5 * w;
                score__names(&weak, r->jd.items[j].text, n_weak++);
            }
        }
        score__names_end(&missing, n_missing);
        score__names_end(&weak, n_weak);
        self->jd_total = (uint32_t)r->jd.len;
        double scale = c->max * w_jd / total;
        score__deduct(c, lost_missing * scale,
                      "%zu of %zu job-description keywords never appear: %s", n_missing, r->jd.len,
                      missing.data ? missing.data : "");
        score__deduct(c, lost_weak * scale,
                      "%zu job-description keywords appear only outside bullets: %s", n_weak,
                      weak.data ? weak.data : "");
        rls_buf_close(&missing);
        rls_buf_close(&weak);
    }
    if (w_prof > 0) {
        uint32_t n_terms = rls_kw_count();
        double credit = 0;
        uint32_t shown = 0;
        for (uint32_t t = 0; t < n_terms; t++) {
            if (prof && !r->terms[t].in_profile) continue;
            credit += score__term_credit(&r->terms[t]);
            shown += r->terms[t].n_bullet > 0;
        }
        double ratio = RLS_MIN(1.0, credit / SCORE_PROFILE_TARGET);
        if (prof)
            score__deduct(c, c->max * w_prof * (1.0 - ratio),
                          "%u %s terms shown in bullets (%.1f of %.0f credits; a term only "
                          "listed counts half)",
                          shown, rls_kw_profile_name((uint32_t)r->profile), credit,
                          SCORE_PROFILE_TARGET);
        else
            score__deduct(c, c->max * w_prof * (1.0 - ratio),
                          "%u catalogue terms shown in bullets (%.1f of %.0f credits); set a role "
                          "or a job description for a sharper match",
                          shown, credit, SCORE_PROFILE_TARGET);
    }
}

/* ---- Formatting ------------------------------------------------------------------- */

static void score__formatting(RlsScore *self, const RlsResume *model, const char *src,
                              uint32_t src_len, const RlsDiagList *diags, const RlsConfig *config) {
    RlsScoreComponent *c = &self->components[RLS_SCORE_FORMATTING];
    c->raw = c->max;
    if (model->n_layout)
        score__deduct(c, RLS_MIN(9.0, 3.0 * model->n_layout),
                      "%u layout element(s) ATS parsers lose (tables, columns, images, icons, "
                      "header/footer text)",
                      model->n_layout);
    bool kinds[RLS_SECTION_KIND_COUNT] = {false};
    uint32_t nonstandard = 0, ordinal = 0, skills_ordinal = 0;
    RlsBuf odd;
    rls_buf_init(&odd);
    for (uint32_t s = 0; s < model->n_sections; s++) {
        const RlsSection *sec = &model->sections[s];
        kinds[sec->kind] = true;
        if (sec->kind == RLS_SECTION_HEADER) continue;
        ordinal++;
        if (sec->kind == RLS_SECTION_SKILLS && !skills_ordinal) skills_ordinal = ordinal;
        if (!sec->standard_heading) {
            score__names(&odd, sec->heading.text ? sec->heading.text : "", nonstandard);
            nonstandard++;
        }
    }
    score__names_end(&odd, nonstandard);
    if (nonstandard)
        score__deduct(c, RLS_MIN(3.0, nonstandard),
                      "%u heading(s) ATS parsers may not recognise: %s", nonstandard,
                      odd.data ? odd.data : "");
    rls_buf_close(&odd);
    if (!kinds[RLS_SECTION_EXPERIENCE])
        score__deduct(c, kinds[RLS_SECTION_PROJECTS] ? 1.0 : 3.0, "No Experience section%s",
                      kinds[RLS_SECTION_PROJECTS] ? " (Projects stand in)" : "");
    if (!kinds[RLS_SECTION_SKILLS] && model->n_skills == 0)
        score__deduct(c, 3.0, "No Skills section");
    else if (skills_ordinal > 3)
        score__deduct(c, 1.0, "The Skills section is section %u; near the top it is read first",
                      skills_ordinal);
    if (!kinds[RLS_SECTION_EDUCATION]) score__deduct(c, 1.0, "No Education section");

    bool email = false, phone = false;
    for (uint32_t i = 0; i < model->n_contacts; i++) {
        email |= model->contacts[i].kind == RLS_CONTACT_EMAIL;
        phone |= model->contacts[i].kind == RLS_CONTACT_PHONE;
    }
    if (!email) score__deduct(c, 3.0, "No email address");
    if (!phone) score__deduct(c, 1.0, "No phone number");

    uint32_t dates = rls_date_inconsistencies(model, src, src_len, NULL);
    if (dates)
        score__deduct(c, RLS_MIN(3.0, dates), "%u date(s) in a different style from the rest",
                      dates);
    uint32_t spelled = 0;
    for (size_t i = 0; diags && i < diags->len; i++)
        spelled += diags->items[i].severity != RLS_SEV_OFF &&
                   strcmp(diags->items[i].rule, RLS_RULE_ID(SPELLED_OUT_NUMBER)) == 0;
    if (spelled)
        score__deduct(c, RLS_MIN(2.0, 0.5 * spelled),
                      "%u number(s) spelled out in words instead of digits", spelled);
    double max_words = rls_config_threshold_of(config, RLS_THRESHOLD_RESUME_LENGTH_MAX_WORDS);
    uint32_t words = rls_resume_word_count(model);
    if (words > max_words) score__deduct(c, 2.0, "About %u words: longer than two pages", words);
    if (c->raw < 0) c->raw = 0;
}

/* ---- Skills ------------------------------------------------------------------------ */

static void score__skills(RlsScore *self, const RlsResume *model, const RlsKwReport *r) {
    RlsScoreComponent *c = &self->components[RLS_SCORE_SKILLS];
    c->raw = c->max;
    uint32_t n_terms = rls_kw_count();
    uint32_t listed = 0, backed = 0, used = 0, used_listed = 0;
    RlsBuf unbacked, unlisted;
    rls_buf_init(&unbacked);
    rls_buf_init(&unlisted);
    for (uint32_t t = 0; t < n_terms; t++) {
        const RlsKwTermStat *st = &r->terms[t];
        const RlsKeyword *kw = rls_kw_get(t);
        if (!rls_kw_category_listable(kw->category)) continue;
        if (st->n_skills) {
            if (st->n_bullet)
                backed++;
            else
                score__names(&unbacked, kw->name, listed - backed);
            listed++;
        }
        if (st->n_bullet) {
            if (st->n_skills || rls_kw__listed_via_parent(r, t))
                used_listed++;
            else
                score__names(&unlisted, kw->name, used - used_listed);
            used++;
        }
    }
    score__names_end(&unbacked, listed - backed);
    score__names_end(&unlisted, used - used_listed);
    bool has_section = model->n_skills > 0;
    for (uint32_t s = 0; s < model->n_sections && !has_section; s++)
        has_section = model->sections[s].kind == RLS_SECTION_SKILLS;
    if (!has_section) {
        score__deduct(c, c->max, "No skills section: list your stack in one place");
    } else {
        if (listed < 8)
            score__deduct(c, 8.0 * (8 - listed) / 8.0,
                          "%u recognised tools listed; 8 or more show the stack", listed);
        if (listed > backed)
            score__deduct(c, 8.0 * (listed - backed) / (listed ? listed : 1),
                          "%u of %u listed skills never shown in a bullet: %s", listed - backed,
                          listed, unbacked.data ? unbacked.data : "");
        else if (listed == 0)
            score__deduct(c, 8.0, "No listed skill is shown in a bullet");
        if (used > used_listed)
            score__deduct(c, 4.0 * (used - used_listed) / used,
                          "%u tool(s) used in bullets but not listed: %s", used - used_listed,
                          unlisted.data ? unlisted.data : "");
        else if (used == 0)
            score__deduct(c, 4.0, "No tool from the catalogue is used in a bullet");
    }
    rls_buf_close(&unbacked);
    rls_buf_close(&unlisted);
    if (c->raw < 0) c->raw = 0;
}

/* ---- Entry points --------------------------------------------------------------------- */

int rls_score_compute(RlsScore *self, const RlsResume *model, const char *src, uint32_t src_len,
                      const RlsDiagList *diags, const RlsKwReport *report,
                      const RlsConfig *config) {
    rls_score_close(self);
    if (!model || !report) return RLS_EINVAL;
    score__impact(self, model, diags);
    score__keywords(self, report);
    score__formatting(self, model, src, src_len, diags, config);
    score__skills(self, model, report);
    self->profile = report->profile >= 0 ? rls_kw_profile_name((uint32_t)report->profile) : NULL;
    self->profile_inferred = report->profile_inferred;
    self->has_job = report->jd.len > 0;
    self->total = 0;
    for (int c = 0; c < RLS_SCORE_COMPONENT_COUNT; c++) {
        RlsScoreComponent *comp = &self->components[c];
        if (comp->raw < 0) comp->raw = 0;
        comp->points = (int)(comp->raw + 0.5);
        self->total += comp->points;
    }
    return 0;
}

int rls_score_document(RlsScore *self, const RlsResume *model, const char *src, uint32_t src_len,
                       const RlsDiagList *diags, const RlsConfig *config) {
    RlsKwReport r;
    rls_kw_report_init(&r);
    rls_kw_analyze(&r, model, config);
    int rc = rls_score_compute(self, model, src, src_len, diags, &r, config);
    rls_kw_report_close(&r);
    return rc;
}

char *rls_score_summary(const RlsScore *self) {
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_printf(&b, "ATS score %d/100", self->total);
    for (int c = 0; c < RLS_SCORE_COMPONENT_COUNT; c++)
        rls_buf_printf(&b, " \xc2\xb7 %s %d/%d", self->components[c].id, self->components[c].points,
                       self->components[c].max);
    return rls_buf_detach(&b);
}

double rls_score_bullet_points(const RlsScore *self, bool clean, bool has_metric) {
    if (self->n_bullets == 0) return 0;
    return (clean ? RLS_SCORE_IMPACT_CLEAN : 0) / self->n_bullets +
           (has_metric ? RLS_SCORE_IMPACT_METRIC : 0) / self->n_bullets;
}
