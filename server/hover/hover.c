/*
 * hover.c - hover texts for keywords, bullets and section headings
 * (hover.h). Markdown kept to what every client renders: bold, code spans
 * and flat lists.
 */
#include "rls/hover.h"

#include <string.h>

#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/rules.h"
#include "rls/text.h"

/* Hits listed one per line at most; the rest are summed up. */
#define HOVER_MAX_HITS 8

static const char *hover__section_name(const RlsResume *model, uint32_t section) {
    if (section >= model->n_sections) return "document";
    const RlsSection *s = &model->sections[section];
    if (s->heading.text && s->heading.text[0]) return s->heading.text;
    return s->kind == RLS_SECTION_HEADER ? "Header" : rls_section_kind_name(s->kind);
}

static const char *const hover__where_name[] = {"bullet", "text", "skills list"};

char *rls_hover_keyword(const RlsResume *model, const RlsKwReport *report, const char *src,
                        uint32_t src_len, const RlsKwHit *hit) {
    const RlsKeyword *kw = rls_kw_get(hit->term);
    const RlsKwTermStat *st = &report->terms[hit->term];
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_printf(&b, "**%s** \xc2\xb7 %s", kw->name, kw->category);
    if (kw->expansion) rls_buf_printf(&b, " \xc2\xb7 *%s*", kw->expansion);
    rls_buf_puts(&b, "\n\n");
    if (strcmp(hit->form, kw->name) != 0)
        rls_buf_printf(&b, "Matched as `%s`, an alias of %s.\n\n", hit->form, kw->name);
    uint32_t total = st->n_bullet + st->n_text + st->n_skills;
    rls_buf_printf(&b, "**%u hit%s**: %u in bullets, %u in other text, %u in Skills\n\n", total,
                   total == 1 ? "" : "s", st->n_bullet, st->n_text, st->n_skills);
    uint32_t shown = 0;
    for (size_t i = 0; i < report->n_hits; i++) {
        const RlsKwHit *h = &report->hits[i];
        if (h->term != hit->term) continue;
        if (shown++ >= HOVER_MAX_HITS) continue;
        rls_buf_printf(&b, "- %s, line %u (%s)\n", hover__section_name(model, h->section),
                       rls_line_at(src, src_len, h->span.start_byte, true) + 1,
                       hover__where_name[h->where]);
    }
    if (shown > HOVER_MAX_HITS) rls_buf_printf(&b, "- and %u more\n", shown - HOVER_MAX_HITS);
    rls_buf_puts(&b, "\n");
    if (st->n_bullet)
        rls_buf_puts(&b, "Backed by a bullet: a recruiter sees it used.\n");
    else if (st->n_skills)
        rls_buf_puts(&b, "Only listed: no bullet shows it used. Add it to a bullet with a "
                         "result.\n");
    else
        rls_buf_puts(&b, "Not shown in a bullet.\n");
    if (report->jd.len) {
        if (st->jd_count)
            rls_buf_printf(&b, "\nThe job description asks for it (%u mention%s).\n", st->jd_count,
                           st->jd_count == 1 ? "" : "s");
        else
            rls_buf_puts(&b, "\nThe job description does not mention it.\n");
    }
    if (report->profile >= 0)
        rls_buf_printf(&b, "\n%s the %s profile%s.\n", st->in_profile ? "Part of" : "Not part of",
                       rls_kw_profile_name((uint32_t)report->profile),
                       report->profile_inferred ? " (inferred)" : "");
    return rls_buf_detach(&b);
}

static bool hover__on_bullet(const RlsResume *model, const RlsDiag *d, uint32_t b) {
    const RlsBullet *bl = &model->bullets[b];
    if (d->bullet >= 0) return (uint32_t)d->bullet == b;
    return d->span.start_byte >= bl->item_span.start_byte &&
           d->span.end_byte <= bl->item_span.end_byte &&
           bl->item_span.end_byte > bl->item_span.start_byte;
}

char *rls_hover_bullet(const RlsResume *model, const RlsDiagList *diags, const RlsKwReport *report,
                       const RlsScore *score, const RlsConfig *config, uint32_t bullet) {
    const RlsBullet *bl = &model->bullets[bullet];
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_printf(&b, "**Bullet** \xc2\xb7 %s", hover__section_name(model, bl->section));
    if (bl->entry >= 0 && (uint32_t)bl->entry < model->n_entries) {
        const RlsEntry *e = &model->entries[bl->entry];
        if (e->title) rls_buf_printf(&b, " \xc2\xb7 %s", e->title);
        if (e->org) rls_buf_printf(&b, ", %s", e->org);
    }
    rls_buf_puts(&b, "\n\n");

    size_t n_rules = 0;
    const RlsRuleInfo *rules = rls_rules_all(&n_rules);
    uint32_t fails = 0;
    for (size_t i = 0; diags && i < diags->len; i++) {
        const RlsDiag *d = &diags->items[i];
        if (d->severity == RLS_SEV_OFF || !hover__on_bullet(model, d, bullet)) continue;
        if (!fails++) rls_buf_puts(&b, "**Fails**\n");
        rls_buf_printf(&b, "- `%s`: %s\n", d->rule, d->message);
    }
    if (!fails) rls_buf_puts(&b, "No finding on this bullet.\n");
    uint32_t passes = 0;
    for (size_t r = 0; r < n_rules; r++) {
        /* A rule the writer turned off checks nothing: it passes nothing. */
        if (!rules[r].content ||
            rls_config_severity(config, rules[r].id, rules[r].default_severity) == RLS_SEV_OFF)
            continue;
        bool failed = false;
        for (size_t i = 0; diags && i < diags->len && !failed; i++)
            failed = strcmp(diags->items[i].rule, rules[r].id) == 0 &&
                     hover__on_bullet(model, &diags->items[i], bullet);
        if (failed) continue;
        if (!passes++) rls_buf_puts(&b, "\n**Passes**\n");
        rls_buf_printf(&b, "- `%s`: %s\n", rules[r].id, rules[r].summary);
    }

    uint32_t kws = 0;
    for (size_t i = 0; report && i < report->n_hits; i++) {
        const RlsKwHit *h = &report->hits[i];
        if (h->where != RLS_KW_IN_BULLET || h->item != (int32_t)bullet) continue;
        rls_buf_printf(&b, "%s%s", kws++ ? ", " : "\n**Keywords**: ", rls_kw_get(h->term)->name);
    }
    if (kws) rls_buf_puts(&b, "\n");

    if (score && score->n_bullets) {
        bool clean = !rls_score_bullet_flagged(model, diags, bullet, NULL);
        bool metric = !rls_score_bullet_flagged(model, diags, bullet, RLS_RULE_ID(NO_METRIC));
        double now = rls_score_bullet_points(score, clean, metric);
        double best = rls_score_bullet_points(score, true, true);
        rls_buf_printf(&b,
                       "\n**Score**: this bullet earns %.1f of the %.0f impact points its %u "
                       "bullets share",
                       now, RLS_SCORE_IMPACT_CLEAN + RLS_SCORE_IMPACT_METRIC, score->n_bullets);
        if (best - now > 0.05)
            rls_buf_printf(&b, "; fixing it is worth +%.1f.\n", best - now);
        else
            rls_buf_puts(&b, ", the most a bullet can.\n");
    }
    return rls_buf_detach(&b);
}

char *rls_hover_heading(const RlsResume *model, const RlsKwReport *report, uint32_t section) {
    const RlsSection *s = &model->sections[section];
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_printf(&b, "**%s** \xc2\xb7 %s section%s\n\n", hover__section_name(model, section),
                   rls_section_kind_name(s->kind),
                   s->kind == RLS_SECTION_HEADER || s->standard_heading
                       ? ""
                       : " (a heading ATS parsers may not recognise)");
    uint32_t n_terms = rls_kw_count();
    uint32_t *count = rls_calloc(n_terms ? n_terms : 1, sizeof(uint32_t));
    for (size_t i = 0; i < report->n_hits; i++)
        if (report->hits[i].section == section) count[report->hits[i].term]++;
    uint32_t listed = 0;
    for (uint32_t t = 0; t < n_terms; t++) {
        if (!count[t]) continue;
        rls_buf_printf(&b, "%s%s (%u)",
                       listed++ ? ", " : "**Keywords here**: ", rls_kw_get(t)->name, count[t]);
    }
    rls_buf_puts(&b, listed ? "\n" : "No catalogue keywords in this section.\n");
    if (s->kind == RLS_SECTION_SKILLS) {
        uint32_t unbacked = 0;
        for (uint32_t t = 0; t < n_terms; t++) {
            if (!count[t] || report->terms[t].n_bullet) continue;
            rls_buf_printf(
                &b, "%s%s",
                unbacked++ ? ", " : "\n**Listed, never shown in a bullet**: ", rls_kw_get(t)->name);
        }
        if (unbacked) rls_buf_puts(&b, "\n");
    }
    if (report->jd.len && (s->kind == RLS_SECTION_SKILLS || s->kind == RLS_SECTION_EXPERIENCE)) {
        uint32_t covered = 0, missing = 0;
        for (size_t j = 0; j < report->jd.len; j++)
            covered += report->coverage[j].covered;
        rls_buf_printf(&b, "\nThe resume covers %u of %zu job-description keywords.", covered,
                       report->jd.len);
        for (size_t j = 0; j < report->jd.len; j++) {
            if (report->coverage[j].covered) continue;
            rls_buf_printf(&b, "%s%s", missing++ ? ", " : " Missing: ", report->jd.items[j].text);
        }
        rls_buf_puts(&b, "\n");
    }
    rls_free(count);
    return rls_buf_detach(&b);
}

char *rls_hover_at(const RlsResume *model, const RlsDiagList *diags, const char *src,
                   uint32_t src_len, const RlsConfig *config, uint32_t at_byte,
                   RlsSpan *range_out) {
    if (!model) return NULL;
    RlsKwReport report;
    rls_kw_report_init(&report);
    rls_kw_analyze(&report, model, config);
    char *out = NULL;
    RlsSpan range = {at_byte, at_byte};
    const RlsKwHit *hit = rls_kw_report_hit_at(&report, at_byte);
    if (hit) {
        out = rls_hover_keyword(model, &report, src, src_len, hit);
        range = hit->span;
    }
    for (uint32_t s = 0; !out && s < model->n_sections; s++) {
        RlsSpan h = model->sections[s].heading_span;
        if (h.end_byte > h.start_byte && h.start_byte <= at_byte && at_byte <= h.end_byte) {
            out = rls_hover_heading(model, &report, s);
            range = h;
        }
    }
    for (uint32_t i = 0; !out && i < model->n_bullets; i++) {
        RlsSpan it = model->bullets[i].item_span;
        if (it.start_byte <= at_byte && at_byte < it.end_byte) {
            RlsScore score;
            rls_score_init(&score);
            rls_score_compute(&score, model, src, src_len, diags, &report, config);
            out = rls_hover_bullet(model, diags, &report, &score, config, i);
            rls_score_close(&score);
            range = it;
        }
    }
    rls_kw_report_close(&report);
    if (out && range_out) *range_out = range;
    return out;
}
