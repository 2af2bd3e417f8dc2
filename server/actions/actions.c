/*
 * actions.c - the public code-action API (rls/actions.h): from findings and
 * the model to titled actions with source edits.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "actions/actions_internal.h"
#include "rls/alloc.h"
#include "rls/keyword_report.h"
#include "rls/rules.h"

/* ---- Lists ------------------------------------------------------------------- */

const char *rls_action_kind_name(RlsActionKind kind) {
    switch (kind) {
    case RLS_ACTION_QUICKFIX:
        return "quickfix";
    case RLS_ACTION_REWRITE:
        return "refactor.rewrite";
    case RLS_ACTION_FIX_ALL:
        return "source.fixAll.resume-ls";
    case RLS_ACTION_SUPPRESS:
        return "quickfix";
    }
    return "quickfix";
}

const char *rls_applicability_name(RlsApplicability a) {
    switch (a) {
    case RLS_APPLY_SAFE:
        return "safe";
    case RLS_APPLY_PLACEHOLDER:
        return "placeholder";
    case RLS_APPLY_CHOICE:
        return "needs-choice";
    }
    return "needs-choice";
}

void rls_action_list_init(RlsActionList *self) {
    self->items = NULL;
    self->len = self->cap = 0;
}

static void actions__free_one(RlsAction *a) {
    rls_free(a->title);
    for (size_t i = 0; i < a->n_edits; i++)
        rls_free(a->edits[i].new_text);
    rls_free(a->edits);
}

void rls_action_list_clear(RlsActionList *self) {
    for (size_t i = 0; i < self->len; i++)
        actions__free_one(&self->items[i]);
    self->len = 0;
}

void rls_action_list_close(RlsActionList *self) {
    rls_action_list_clear(self);
    rls_free(self->items);
    rls_action_list_init(self);
}

void rls_rewrite_list_init(RlsRewriteList *self) {
    self->items = NULL;
    self->len = self->cap = 0;
}

void rls_rewrite_list_close(RlsRewriteList *self) {
    for (size_t i = 0; i < self->len; i++) {
        rls_free(self->items[i].text);
        rls_free(self->items[i].title);
    }
    rls_free(self->items);
    rls_rewrite_list_init(self);
}

/* Takes ownership of title and edits. */
static void actions__push(RlsActionList *out, char *title, const char *rule, RlsSpan diag_span,
                          int32_t bullet, RlsActionKind kind, bool preferred,
                          RlsApplicability applicability, RlsTextEdit *edits, size_t n_edits) {
    RlsAction a = {title, rule, diag_span, bullet, kind, preferred, applicability, edits, n_edits};
    RLS_PUSH(out->items, out->len, out->cap, a);
}

static void actions__free_edits(RlsTextEdit *edits, size_t n) {
    for (size_t i = 0; i < n; i++)
        rls_free(edits[i].new_text);
    rls_free(edits);
}

/* The tense a bullet's opening verb takes: that of most of its role's
 * bullets. Only a current role whose bullets mostly open in the present
 * ("Maintain", "Leads") is written in the present; a current role told in
 * the past ("Cut X", "Built Y") stays in the past, and a tie goes to the
 * past, which is never wrong for work already done. */
bool rls_actions_entry_present(const RlsResume *model, int32_t entry) {
    if (!model || entry < 0 || (uint32_t)entry >= model->n_entries) return false;
    const RlsEntry *e = &model->entries[entry];
    if (!e->dates.valid || !e->dates.end.present) return false;
    size_t past = 0, present = 0;
    for (uint32_t k = 0; k < e->n_bullets && e->first_bullet + k < model->n_bullets; k++) {
        const RlsPlain *p = &model->bullets[e->first_bullet + k].plain;
        RlsToks w = {0};
        rls_words_split(p->text, p->len, &w);
        size_t i = 0;
        /* "I designed", "We ship": the verb after the pronoun. */
        if (w.len > 1 &&
            (rls_tok_is(p->text, w.items[0], "i") || rls_tok_is(p->text, w.items[0], "we")))
            i = 1;
        if (i < w.len) {
            RlsTok t = w.items[i];
            const char *s = p->text + t.start;
            size_t n = t.end - t.start;
            RlsVerb v;
            bool is_past = rls_verb_as(s, n, RLS_VFORM_PAST, true, &v);
            bool is_present = rls_verb_as(s, n, RLS_VFORM_BASE, false, &v) ||
                              rls_verb_as(s, n, RLS_VFORM_THIRD, false, &v);
            /* "Cut", "Set": both, so neither. */
            if (is_past && !is_present) past++;
            if (is_present && !is_past) present++;
        }
        rls_toks_close(&w);
    }
    return present > past;
}

static bool actions__present(const RlsResume *model, const RlsBullet *b) {
    return rls_actions_entry_present(model, b->entry);
}

static bool actions__valid(const RlsResume *model, const char *src, uint32_t src_len,
                           const void *p) {
    return model && (src || src_len == 0) && p && model->src_len == src_len;
}

/* ---- Plain-text API ------------------------------------------------------------------ */

int rls_rewrite_rule(const char *rule, const char *plain, size_t len, uint32_t plain_start,
                     uint32_t plain_end, RlsRewriteList *out) {
    RlsRewriteStep step = rls_rewrite_step_for(rule);
    if (!step || !plain || !out) return 0;
    if (plain_end > len) plain_end = (uint32_t)len;
    if (plain_start > plain_end) plain_start = plain_end;
    RlsTracked in;
    rls_tracked_init_plain(&in, plain, len);
    int count = 0;
    bool have_preferred = false;
    for (int alt = 0; alt < 8; alt++) {
        RlsTracked next;
        rls_tracked_init(&next);
        RlsStepIn sin = {&in, plain_start, plain_end, alt, false, NULL};
        RlsStepOut sout = {&next, NULL, RLS_APPLY_CHOICE};
        bool got = step(&sin, &sout);
        if (got) {
            bool safe = sout.applicability == RLS_APPLY_SAFE;
            RlsRewrite r = {rls_strndup(next.text.data ? next.text.data : "", next.text.len),
                            sout.title, safe && !have_preferred, sout.applicability};
            have_preferred = have_preferred || r.preferred;
            RLS_PUSH(out->items, out->len, out->cap, r);
            count++;
        }
        rls_tracked_close(&next);
        if (!got) break;
    }
    rls_tracked_close(&in);
    return count;
}

/* ---- Text that is not the writer's prose ---------------------------------------------- */

/* Whether a bullet is the writer's prose. A publication, talk or patent line
 * is a citation: its title, venue and authors are quoted from elsewhere,
 * and "My" in "My Way to Go" is a title's word, not the first person. */
static bool actions__prose(const RlsResume *model, const RlsBullet *b) {
    if (b->section >= model->n_sections) return true;
    const RlsSection *sec = &model->sections[b->section];
    if (sec->kind == RLS_SECTION_PUBLICATIONS) return false;
    static const char *const cited[] = {"publication", "publications",  "talk",
                                        "talks",       "patent",        "patents",
                                        "papers",      "presentations", "bibliography"};
    const char *h = sec->heading.text;
    for (uint32_t i = 0; h && i < sec->heading.len;) {
        while (i < sec->heading.len && !isalpha((unsigned char)h[i]))
            i++;
        uint32_t s0 = i;
        while (i < sec->heading.len && isalpha((unsigned char)h[i]))
            i++;
        for (size_t k = 0; k < RLS_ARRAY_LEN(cited) && i > s0; k++)
            if (strlen(cited[k]) == i - s0 && strncasecmp(h + s0, cited[k], i - s0) == 0)
                return false;
    }
    return true;
}

/* ---- Headings ---------------------------------------------------------------------------- */

/* The nonstandard-heading fix: only for a heading that is a known synonym
 * of the standard one ("Work History" -> "Experience"), never for a kind of
 * its own ("Patents" stays), and never when another section has the name. */
static void actions__heading(const RlsResume *model, const char *src, const RlsDiag *diag,
                             RlsActionList *out) {
    (void)src;
    for (uint32_t s = 0; s < model->n_sections; s++) {
        const RlsSection *sec = &model->sections[s];
        if (diag->span.start_byte < sec->heading_span.start_byte ||
            diag->span.start_byte >=
                RLS_MAX(sec->heading_span.end_byte, sec->heading_span.start_byte + 1))
            continue;
        if (sec->heading.len == 0 || rls_heading_own_kind(sec->heading.text, sec->heading.len))
            return;
        size_t name_len = 0;
        const char *name =
            rls_heading_synonym(sec->heading.text, sec->heading.len, NULL, &name_len);
        if (!name) return;
        for (uint32_t k = 0; k < model->n_sections; k++) {
            const RlsSection *o = &model->sections[k];
            if (k != s && o->heading.text && o->heading.len == name_len &&
                strncasecmp(o->heading.text, name, name_len) == 0)
                return;
        }
        RlsSpan span;
        if (rls_plain_to_source(&sec->heading, 0, sec->heading.len, &span) != 0) return;
        /* Keep the heading's case style: "WORK HISTORY" -> "EXPERIENCE". */
        bool upper = true;
        for (uint32_t i = 0; i < sec->heading.len; i++)
            if (islower((unsigned char)sec->heading.text[i])) upper = false;
        RlsBuf b;
        rls_buf_init(&b);
        for (size_t i = 0; i < name_len; i++)
            rls_buf_putc(&b, upper ? (char)toupper((unsigned char)name[i]) : name[i]);
        if (b.len == sec->heading.len && memcmp(b.data, sec->heading.text, b.len) == 0) {
            rls_buf_close(&b);
            return;
        }
        char *title = rls_strfmt("Rename the heading to “%s”", b.data);
        RlsTextEdit *e = rls_malloc(sizeof *e);
        e->span = span;
        e->new_text = rls_buf_detach(&b);
        actions__push(out, title, diag->rule, diag->span, -1, RLS_ACTION_QUICKFIX, true,
                      RLS_APPLY_SAFE, e, 1);
        return;
    }
}

/* ---- Technology names ------------------------------------------------------------------ */

/* The tech-casing fix: the official form in place of the words, safe (it
 * changes only how a name is written). The "pick one" finding has none:
 * which form to keep is the writer's choice. */
static void actions__tech_casing(const char *src, const RlsDiag *diag, RlsActionList *out) {
    RlsSpan sp = diag->span;
    const char *official =
        rls_kw_official_form(src + sp.start_byte, sp.end_byte - sp.start_byte, true);
    if (!official) return;
    RlsTextEdit *e = rls_malloc(sizeof *e);
    e->span = sp;
    e->new_text = rls_strdup(official);
    actions__push(out,
                  rls_strfmt("Write \xe2\x80\x9c%.*s\xe2\x80\x9d as \xe2\x80\x9c%s\xe2\x80\x9d",
                             (int)(sp.end_byte - sp.start_byte), src + sp.start_byte, official),
                  diag->rule, sp, -1, RLS_ACTION_QUICKFIX, true, RLS_APPLY_SAFE, e, 1);
}

/* ---- Moving an entry (timeline-order) ----------------------------------------------------- */

static uint32_t actions__line_start(const char *src, uint32_t at);
static const char *actions__eol(const char *src, uint32_t len);

/* The line after the one holding byte at (its start), or len. */
static uint32_t actions__next_line(const char *src, uint32_t len, uint32_t at) {
    while (at < len && src[at] != '\n')
        at++;
    return at < len ? at + 1 : len;
}

static int actions__count(const char *src, uint32_t s, uint32_t e, const char *needle) {
    int n = 0;
    size_t k = strlen(needle);
    for (uint32_t i = s; i + k <= e; i++)
        if (memcmp(src + i, needle, k) == 0) n++;
    return n;
}

/* LaTeX groups opened in src[s, e) and not closed there: environments and
 * the list macros of resume templates (\resumeItemListStart ... End). */
static int actions__open_groups(const RlsResume *m, const char *src, uint32_t s, uint32_t e) {
    if (m->format != RLS_FORMAT_LATEX) return 0;
    return actions__count(src, s, e, "\\begin{") - actions__count(src, s, e, "\\end{") +
           actions__count(src, s, e, "ListStart") - actions__count(src, s, e, "ListEnd");
}

/* The whole of entry i in the source, header, prose and bullets, as whole
 * lines: from its first line to the next entry of its section, or for the
 * last entry to the end of its last line and the groups it opened. */
static bool actions__entry_block(const RlsResume *m, const char *src, uint32_t len, uint32_t i,
                                 uint32_t *bs, uint32_t *be) {
    const RlsEntry *e = &m->entries[i];
    if (e->section >= m->n_sections) return false;
    const RlsSection *sec = &m->sections[e->section];
    uint32_t start = RLS_MIN(e->span.start_byte,
                             e->dates.valid && e->dates.span.end_byte > e->dates.span.start_byte
                                 ? e->dates.span.start_byte
                                 : e->span.start_byte);
    *bs = actions__line_start(src, start);
    if (i + 1 < m->n_entries && m->entries[i + 1].section == e->section) {
        const RlsEntry *n = &m->entries[i + 1];
        *be = actions__line_start(
            src, RLS_MIN(n->span.start_byte,
                         n->dates.valid && n->dates.span.end_byte > n->dates.span.start_byte
                             ? n->dates.span.start_byte
                             : n->span.start_byte));
        return *be > *bs && actions__open_groups(m, src, *bs, *be) == 0;
    }
    uint32_t end = RLS_MAX(e->span.end_byte, e->dates.span.end_byte);
    for (uint32_t b = 0; b < e->n_bullets; b++)
        end = RLS_MAX(end, m->bullets[e->first_bullet + b].item_span.end_byte);
    for (uint32_t p = 0; p < m->n_paragraphs; p++)
        if (m->paragraphs[p].entry == (int32_t)i)
            end = RLS_MAX(end, m->paragraphs[p].span.end_byte);
    if (end == 0 || end > len) return false;
    *be = actions__next_line(src, len, end - 1);
    uint32_t limit = RLS_MIN(sec->span.end_byte, len);
    while (actions__open_groups(m, src, *bs, *be) > 0 && *be < limit)
        *be = actions__next_line(src, len, *be);
    return *be > *bs && actions__open_groups(m, src, *bs, *be) == 0;
}

static const char *actions__entry_name(const RlsEntry *e) {
    return e->title ? e->title : e->org ? e->org : "the entry";
}

/* Whether a syntax error touches src[lo, hi): there the model may have
 * missed a section heading (an unclosed group swallows the \section after
 * it, fuzz_actions), and a move across it could carry an entry, and the
 * heading, into another section. */
static bool actions__broken_between(const RlsResume *m, uint32_t lo, uint32_t hi) {
    for (uint32_t k = 0; k < m->n_errors; k++)
        if (m->errors[k].start_byte < hi && m->errors[k].end_byte > lo) return true;
    return false;
}

/* Whether entry i is followed by another entry of its section. */
static bool actions__has_next(const RlsResume *m, uint32_t i) {
    return i + 1 < m->n_entries && m->entries[i + 1].section == m->entries[i].section;
}

static bool actions__blank(const char *src, uint32_t s, uint32_t e) {
    for (uint32_t k = s; k < e; k++)
        if (!strchr(" \t\r\n", src[k])) return false;
    return true;
}

/* The end of the last line of src[s, e) that holds more than blanks, past
 * its line break (s when there is none). */
static uint32_t actions__body_end(const char *src, uint32_t len, uint32_t s, uint32_t e) {
    uint32_t c = e;
    while (c > s && strchr(" \t\r\n", src[c - 1]))
        c--;
    return c > s ? RLS_MIN(actions__next_line(src, len, c - 1), e) : s;
}

/* The start of the blank lines right above line start s (s when none). */
static uint32_t actions__gap_start(const char *src, uint32_t s) {
    uint32_t g = s;
    while (g > 0 && src[g - 1] == '\n') {
        uint32_t p = g - 1;
        while (p > 0 && src[p - 1] != '\n')
            p--;
        if (!actions__blank(src, p, g)) break;
        g = p;
    }
    return g;
}

/* src[s, e) with a line break at its end (the last line of a file may
 * have none). */
static void actions__put_line(RlsBuf *b, const char *src, uint32_t s, uint32_t e, const char *eol) {
    rls_buf_append(b, src + s, e - s);
    if (e == s || src[e - 1] != '\n') rls_buf_puts(b, eol);
}

/* The timeline-order fix: the entry's lines, markup and all, moved where
 * the order puts them. A choice: the writer may keep an order on purpose. */
static void actions__timeline_move(const RlsResume *m, const char *src, const RlsDiag *diag,
                                   RlsActionList *out) {
    uint32_t len = m->src_len;
    for (uint32_t i = 0; i < m->n_entries; i++) {
        const RlsEntry *e = &m->entries[i];
        RlsSpan at = e->dates.span.end_byte > e->dates.span.start_byte ? e->dates.span : e->span;
        if (at.start_byte != diag->span.start_byte || at.end_byte != diag->span.end_byte) continue;
        int32_t before = -1, after = -1;
        if (!rls_timeline_misplaced(m, i, &before, &after)) return;
        uint32_t bs, be, ts, te;
        int32_t target = before >= 0 ? before : after;
        if (target < 0 || !actions__entry_block(m, src, len, i, &bs, &be) ||
            !actions__entry_block(m, src, len, (uint32_t)target, &ts, &te))
            return;
        bool b_next = actions__has_next(m, i), t_next = actions__has_next(m, (uint32_t)target);
        const char *eol = actions__eol(src, len);
        bool md = m->format == RLS_FORMAT_MARKDOWN;
        /* Blocks are bodies (whole lines) and the gaps (blank lines) after
         * them: the moved body takes the gap the section uses between its
         * entries, and leaves one gap, not two, where it was. */
        uint32_t bb = actions__body_end(src, len, bs, be), tb = actions__body_end(src, len, ts, te);
        uint32_t ds = b_next ? bs : actions__gap_start(src, bs), de = b_next ? be : bb;
        uint32_t ins = before >= 0 ? ts : t_next ? te : tb;
        if ((ins > ds && ins < de) ||
            actions__broken_between(m, RLS_MIN(ds, ins), RLS_MAX(de, ins)))
            return;
        RlsBuf b;
        rls_buf_init(&b);
        if (before >= 0 || t_next) {
            actions__put_line(&b, src, bs, bb, eol);
            rls_buf_append(&b, src + tb, te - tb); /* the target's gap: the section's */
        } else {
            if (tb == 0 || src[tb - 1] != '\n') rls_buf_puts(&b, eol);
            uint32_t gs = actions__gap_start(src, bs);
            if (gs < bs)
                rls_buf_append(&b, src + gs, bs - gs);
            else if (md)
                rls_buf_puts(&b, eol);
            actions__put_line(&b, src, bs, bb, eol);
        }
        RlsTextEdit *edits = rls_malloc(2 * sizeof *edits);
        RlsTextEdit del = {{ds, de}, rls_strdup("")};
        RlsTextEdit add = {{ins, ins}, rls_buf_detach(&b)};
        edits[0] = ins <= ds ? add : del;
        edits[1] = ins <= ds ? del : add;
        const RlsEntry *t = &m->entries[target];
        char *title = before >= 0 ? rls_strfmt("Move this entry above \xe2\x80\x9c%s\xe2\x80\x9d",
                                               actions__entry_name(t))
                                  : rls_strfmt("Move this entry below \xe2\x80\x9c%s\xe2\x80\x9d",
                                               actions__entry_name(t));
        actions__push(out, title, diag->rule, diag->span, -1, RLS_ACTION_QUICKFIX, false,
                      RLS_APPLY_CHOICE, edits, 2);
        return;
    }
}

/* ---- Per-finding fixes ------------------------------------------------------------------- */

int rls_actions_for_diag(const RlsResume *model, const char *src, uint32_t src_len,
                         const RlsDiag *diag, RlsActionList *out) {
    if (!actions__valid(model, src, src_len, diag) || !out || !diag->rule) return RLS_EINVAL;
    if (diag->bullet < 0 || (uint32_t)diag->bullet >= model->n_bullets) {
        if (strcmp(diag->rule, RLS_RULE_ID(NONSTANDARD_HEADING)) == 0)
            actions__heading(model, src, diag, out);
        if (strcmp(diag->rule, RLS_RULE_ID(TECH_CASING)) == 0) actions__tech_casing(src, diag, out);
        if (strcmp(diag->rule, RLS_RULE_ID(TIMELINE_ORDER)) == 0)
            actions__timeline_move(model, src, diag, out);
        return 0;
    }
    RlsRewriteStep step = rls_rewrite_step_for(diag->rule);
    if (!step) return 0;
    const RlsBullet *b = &model->bullets[diag->bullet];
    if (!actions__prose(model, b)) return 0;
    uint32_t ps = RLS_MIN(diag->plain_start, b->plain.len);
    uint32_t pe = RLS_MIN(RLS_MAX(diag->plain_end, ps), b->plain.len);
    RlsTracked in;
    rls_tracked_init_plain(&in, b->plain.text, b->plain.len);
    bool have_preferred = false;
    for (int alt = 0; alt < 8; alt++) {
        RlsTracked next;
        rls_tracked_init(&next);
        RlsStepIn sin = {&in, ps, pe, alt, actions__present(model, b), model};
        RlsStepOut sout = {&next, NULL, RLS_APPLY_CHOICE};
        bool got = step(&sin, &sout);
        if (got) {
            RlsTextEdit *edits = NULL;
            size_t n = 0;
            if (rls_edits_from_tracked(&b->plain, src, src_len, model->format, &next, &edits, &n) ==
                    0 &&
                n > 0) {
                bool pref = sout.applicability == RLS_APPLY_SAFE && !have_preferred;
                have_preferred = have_preferred || pref;
                actions__push(out, sout.title, diag->rule, diag->span, diag->bullet,
                              RLS_ACTION_QUICKFIX, pref, sout.applicability, edits, n);
                sout.title = NULL;
            } else {
                actions__free_edits(edits, n);
            }
            rls_free(sout.title);
        }
        rls_tracked_close(&next);
        if (!got) break;
    }
    rls_tracked_close(&in);
    return 0;
}

/* The pipeline over one bullet with the findings of diags on it. Returns
 * 0 and owned edits (possibly none), or RLS_EREFUSED. */
static int actions__bullet_edits(const RlsResume *model, const char *src, uint32_t src_len,
                                 uint32_t bullet, const RlsDiagList *diags, bool restructure,
                                 bool placeholders, char **text_out, RlsTextEdit **edits,
                                 size_t *n_edits) {
    const RlsBullet *b = &model->bullets[bullet];
    *edits = NULL;
    *n_edits = 0;
    if (text_out) *text_out = NULL;
    if (!actions__prose(model, b)) return 0;
    RlsFixRequest *reqs = NULL;
    size_t n_reqs = 0, cap_reqs = 0;
    for (size_t i = 0; diags && i < diags->len; i++) {
        const RlsDiag *d = &diags->items[i];
        if (d->bullet != (int32_t)bullet || !d->rule || !rls_rewrite_step_for(d->rule)) continue;
        RlsFixRequest r = {d->rule, RLS_MIN(d->plain_start, b->plain.len),
                           RLS_MIN(d->plain_end, b->plain.len)};
        RLS_PUSH(reqs, n_reqs, cap_reqs, r);
    }
    int rc = 0;
    if (n_reqs > 0 || restructure) {
        RlsTracked in, res;
        rls_tracked_init_plain(&in, b->plain.text, b->plain.len);
        rls_tracked_init(&res);
        if (rls_rewrite_pipeline(&in, reqs, n_reqs, restructure, actions__present(model, b),
                                 placeholders, &res)) {
            rc = rls_edits_from_tracked(&b->plain, src, src_len, model->format, &res, edits,
                                        n_edits);
            if (rc == 0 && text_out)
                *text_out = rls_strndup(res.text.data ? res.text.data : "", res.text.len);
        }
        rls_tracked_close(&in);
        rls_tracked_close(&res);
    }
    rls_free(reqs);
    return rc;
}

int rls_actions_for_bullet(const RlsResume *model, const char *src, uint32_t src_len,
                           uint32_t bullet, const RlsDiagList *diags, RlsActionList *out) {
    if (!actions__valid(model, src, src_len, out) || bullet >= model->n_bullets) return RLS_EINVAL;
    RlsTextEdit *edits;
    size_t n;
    char *text = NULL;
    /* Picked from the menu, the rewrite may leave placeholders to fill. */
    if (actions__bullet_edits(model, src, src_len, bullet, diags, true, true, &text, &edits, &n) !=
        0)
        return 0;
    if (n == 0) {
        rls_free(text);
        return 0;
    }
    RlsBuf title;
    rls_buf_init(&title);
    size_t len = strlen(text), cut = len;
    if (cut > 70) {
        cut = 70;
        while (cut > 40 && text[cut] != ' ')
            cut--;
    }
    rls_buf_puts(&title, "Rewrite outcome-first: “");
    rls_buf_append(&title, text, cut);
    rls_buf_puts(&title, cut < len ? "…”" : "”");
    rls_free(text);
    actions__push(out, rls_buf_detach(&title), NULL, model->bullets[bullet].span, (int32_t)bullet,
                  RLS_ACTION_REWRITE, false, RLS_APPLY_SAFE, edits, n);
    return 0;
}

/* ---- Fix all ------------------------------------------------------------------------------ */

static bool actions__overlaps(const RlsTextEdit *a, size_t na, const RlsTextEdit *b, size_t nb) {
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            RlsSpan x = a[i].span, y = b[j].span;
            if (x.start_byte < y.end_byte && y.start_byte < x.end_byte) return true;
            /* Two insertions at one point, or an insertion inside a
             * replacement, would depend on order: treat as a clash. */
            if (x.start_byte == x.end_byte && x.start_byte > y.start_byte &&
                x.start_byte < y.end_byte)
                return true;
            if (y.start_byte == y.end_byte && y.start_byte > x.start_byte &&
                y.start_byte < x.end_byte)
                return true;
            if (x.start_byte == y.start_byte && (x.start_byte == x.end_byte) &&
                (y.start_byte == y.end_byte))
                return true;
        }
    return false;
}

static int actions__span_cmp(const void *pa, const void *pb) {
    const RlsTextEdit *a = pa, *b = pb;
    if (a->span.start_byte != b->span.start_byte)
        return a->span.start_byte < b->span.start_byte ? -1 : 1;
    return (a->span.end_byte > b->span.end_byte) - (a->span.end_byte < b->span.end_byte);
}

int rls_actions_fix_all(const RlsResume *model, const char *src, uint32_t src_len,
                        const RlsDiagList *diags, const RlsFixOptions *opts, RlsActionList *out) {
    if (!actions__valid(model, src, src_len, out)) return RLS_EINVAL;
    bool restructure = opts && opts->restructure;
    bool placeholders = opts && opts->placeholders;
    RlsTextEdit *all = NULL;
    size_t n_all = 0, cap_all = 0;
    /* Bullets: every finding on a bullet is fixed by one pipeline run, so
     * fixes of one bullet compose instead of clashing. */
    for (uint32_t b = 0; b < model->n_bullets; b++) {
        RlsTextEdit *edits;
        size_t n;
        if (actions__bullet_edits(model, src, src_len, b, diags, restructure, placeholders, NULL,
                                  &edits, &n) != 0)
            continue;
        if (!actions__overlaps(all, n_all, edits, n)) {
            for (size_t i = 0; i < n; i++)
                RLS_PUSH(all, n_all, cap_all, edits[i]);
            rls_free(edits);
        } else {
            actions__free_edits(edits, n);
        }
    }
    /* Findings outside bullets: their preferred quick fix. */
    for (size_t i = 0; diags && i < diags->len; i++) {
        const RlsDiag *d = &diags->items[i];
        if (d->bullet >= 0 && (uint32_t)d->bullet < model->n_bullets) continue;
        RlsActionList one;
        rls_action_list_init(&one);
        rls_actions_for_diag(model, src, src_len, d, &one);
        for (size_t k = 0; k < one.len; k++) {
            RlsAction *a = &one.items[k];
            if (!a->preferred || actions__overlaps(all, n_all, a->edits, a->n_edits)) continue;
            for (size_t e = 0; e < a->n_edits; e++)
                RLS_PUSH(all, n_all, cap_all, a->edits[e]);
            rls_free(a->edits);
            a->edits = NULL;
            a->n_edits = 0;
        }
        rls_action_list_close(&one);
    }
    if (n_all == 0) {
        rls_free(all);
        return 0;
    }
    qsort(all, n_all, sizeof *all, actions__span_cmp);
    actions__push(out, rls_strdup("Fix all resume-ls findings"), NULL, (RlsSpan){0, 0}, -1,
                  RLS_ACTION_FIX_ALL, true, RLS_APPLY_SAFE, all, n_all);
    return 0;
}

/* ---- Suppression comments ------------------------------------------------------------------ */

static uint32_t actions__line_start(const char *src, uint32_t at) {
    while (at > 0 && src[at - 1] != '\n' && src[at - 1] != '\r')
        at--;
    return at;
}

/* The line break the document uses ("\r\n" when its first line ends so). */
static const char *actions__eol(const char *src, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) {
        if (src[i] == '\n') return i > 0 && src[i - 1] == '\r' ? "\r\n" : "\n";
    }
    return "\n";
}

/* Where a file-level comment goes: the top, after front matter. The
 * Markdown grammar takes YAML ("---") and TOML ("+++", Hugo) front matter,
 * each closed by the same three characters, only at the very start: a
 * comment above it would turn it into text. */
static uint32_t actions__file_top(const RlsResume *model, const char *src, uint32_t len) {
    if (model->format != RLS_FORMAT_MARKDOWN || len < 4 ||
        (memcmp(src, "---", 3) != 0 && memcmp(src, "+++", 3) != 0) ||
        (src[3] != '\n' && src[3] != '\r'))
        return 0;
    bool yaml = src[0] == '-';
    uint32_t i = 3;
    while (i < len) {
        while (i < len && src[i] != '\n')
            i++;
        if (i >= len) return 0;
        i++; /* start of the next line */
        if (i + 3 <= len && (memcmp(src + i, yaml ? "---" : "+++", 3) == 0 ||
                             (yaml && memcmp(src + i, "...", 3) == 0))) {
            uint32_t j = i + 3;
            while (j < len && (src[j] == ' ' || src[j] == '\t'))
                j++;
            if (j >= len) return len;
            if (src[j] == '\r') j++;
            if (j < len && src[j] == '\n') return j + 1;
        }
    }
    return 0;
}

int rls_actions_suppress(const RlsResume *model, const char *src, uint32_t src_len,
                         const RlsDiag *diag, RlsActionList *out) {
    if (!actions__valid(model, src, src_len, diag) || !out || !diag->rule) return RLS_EINVAL;
    /* A document refused as not text (rls/analysis.h, rule not-analysed)
     * has no place where a comment would be read as one. */
    if (strcmp(diag->rule, RLS_RULE_ID(NOT_ANALYSED)) == 0) return 0;
    bool md = model->format == RLS_FORMAT_MARKDOWN;
    const char *eol = actions__eol(src, src_len);
    uint32_t at = RLS_MIN(diag->span.start_byte, src_len);
    uint32_t line = actions__line_start(src, at);
    bool line_ok = true;
    if (md && diag->bullet >= 0 && (uint32_t)diag->bullet < model->n_bullets) {
        /* In Markdown a comment line inside a paragraph would split the
         * bullet: only the bullet's first line takes one. */
        const RlsBullet *b = &model->bullets[diag->bullet];
        line_ok = actions__line_start(src, b->item_span.start_byte) == line;
    } else if (md) {
        /* A finding placed by its span (tech-casing, in any text): the
         * same for the bullet or the paragraph that holds it. */
        for (uint32_t i = 0; i < model->n_bullets && line_ok; i++) {
            RlsSpan is = model->bullets[i].item_span;
            if (at >= is.start_byte && at < is.end_byte)
                line_ok = actions__line_start(src, is.start_byte) == line;
        }
        for (uint32_t i = 0; i < model->n_paragraphs && line_ok; i++) {
            RlsSpan ps = model->paragraphs[i].span;
            if (at >= ps.start_byte && at < ps.end_byte)
                line_ok = actions__line_start(src, ps.start_byte) == line;
        }
    }
    /* A comment above YAML front matter would turn it into text. */
    uint32_t top = actions__file_top(model, src, src_len);
    if (line < top) line_ok = false;
    if (line_ok) {
        uint32_t indent_end = line;
        while (indent_end < src_len && (src[indent_end] == ' ' || src[indent_end] == '\t'))
            indent_end++;
        RlsBuf b;
        rls_buf_init(&b);
        rls_buf_append(&b, src + line, indent_end - line);
        if (md)
            rls_buf_printf(&b, "<!-- resume-ls-disable-next-line %s -->%s", diag->rule, eol);
        else
            rls_buf_printf(&b, "%% resume-ls-disable-next-line %s%s", diag->rule, eol);
        RlsTextEdit *e = rls_malloc(sizeof *e);
        e->span = (RlsSpan){line, line};
        e->new_text = rls_buf_detach(&b);
        actions__push(out, rls_strfmt("Disable %s for this line", diag->rule), diag->rule,
                      diag->span, diag->bullet, RLS_ACTION_SUPPRESS, false, RLS_APPLY_CHOICE, e, 1);
    }
    RlsTextEdit *e = rls_malloc(sizeof *e);
    e->span = (RlsSpan){top, top};
    bool need_eol_before = top == src_len && top > 0 && src[top - 1] != '\n';
    e->new_text = md ? rls_strfmt("%s<!-- resume-ls-disable %s -->%s", need_eol_before ? eol : "",
                                  diag->rule, eol)
                     : rls_strfmt("%% resume-ls-disable %s%s", diag->rule, eol);
    actions__push(out, rls_strfmt("Disable %s for this file", diag->rule), diag->rule, diag->span,
                  diag->bullet, RLS_ACTION_SUPPRESS, false, RLS_APPLY_CHOICE, e, 1);
    return 0;
}
