/*
 * document_rules.c - rules judged over the whole resume: repeated-verb,
 * tense-mismatch, nonstandard-heading, missing-section, acronym-undefined.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/hash.h"
#include "rls/verbs.h"
#include "rules/rules_internal.h"

static const char *doc__opener_text(const RlsRulesCtx *ctx, const RlsOpener *o) {
    return ctx->model->bullets[o->bullet].plain.text + o->start_byte;
}

static RlsDiag *doc__report_plain(RlsRulesCtx *ctx, const char *rule, int32_t bullet,
                                  uint32_t plain_start, uint32_t plain_end, const char *msg) {
    const RlsBullet *b = &ctx->model->bullets[bullet];
    RlsSpan span = rls_plain_cover(&b->plain, plain_start, plain_end);
    RlsDiag *d =
        rls_rules_push_owned(ctx->out, span, rls_rules_severity(ctx, rule), rule, rls_strdup(msg));
    d->bullet = bullet;
    d->plain_start = plain_start;
    d->plain_end = plain_end;
    return d;
}

/* ---- repeated-verb --------------------------------------------------------------------- */

typedef struct {
    const RlsRulesCtx *ctx;
    const RlsOpener *op;
} VerbRef;

static int doc__verb_cmp(const void *x, const void *y) {
    const VerbRef *a = x, *b = y;
    const char *s = doc__opener_text(a->ctx, a->op), *t = doc__opener_text(b->ctx, b->op);
    uint32_t sl = a->op->end_byte - a->op->start_byte, tl = b->op->end_byte - b->op->start_byte;
    for (uint32_t i = 0; i < sl && i < tl; i++) {
        int c = tolower((unsigned char)s[i]) - tolower((unsigned char)t[i]);
        if (c) return c;
    }
    if (sl != tl) return sl < tl ? -1 : 1;
    return a->op->bullet < b->op->bullet ? -1 : a->op->bullet > b->op->bullet;
}

static bool doc__same_verb(const RlsRulesCtx *ctx, const RlsOpener *a, const RlsOpener *b) {
    uint32_t l = a->end_byte - a->start_byte;
    if (b->end_byte - b->start_byte != l) return false;
    const char *s = doc__opener_text(ctx, a), *t = doc__opener_text(ctx, b);
    for (uint32_t i = 0; i < l; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)t[i])) return false;
    return true;
}

#define DOC__LINES_LISTED 5

static const char doc__default_alts[] = "Cut, Scaled, Automated, Launched";

/* A verb's base for telling whether two openers are the same verb in other
 * forms ("Created", "Creating", "Creates", and "Built", "Building" ->
 * "create", "build"); a word that is no verb form stands for itself. */
typedef struct {
    char text[RLS_VERB_MAX];
} VerbStem;

static bool doc__stem(const char *w, size_t n, VerbStem *out) {
    if (n == 0 || n >= sizeof(out->text)) return false;
    RlsVerb v;
    if (rls_verb_read(w, n, true, &v)) {
        memcpy(out->text, v.base, sizeof out->text);
        return true;
    }
    for (size_t i = 0; i < n; i++)
        out->text[i] = (char)tolower((unsigned char)w[i]);
    out->text[n] = '\0';
    return true;
}

static int doc__stem_cmp(const void *a, const void *b) {
    return strcmp(((const VerbStem *)a)->text, ((const VerbStem *)b)->text);
}

/* The suggestions of alts[0..len) ("Developed, Engineered, Shipped") that
 * no bullet already opens with, written to out as the same list; empty
 * when every one is taken. stems: sorted stems of every opener. */
static void doc__unused_alts(const char *alts, size_t len, const VerbStem *stems, size_t n_stems,
                             RlsBuf *out) {
    rls_buf_clear(out);
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && alts[j] != ',')
            j++;
        size_t a = i, b = j;
        while (a < b && alts[a] == ' ')
            a++;
        VerbStem key;
        bool taken = doc__stem(alts + a, b - a, &key) && n_stems &&
                     bsearch(&key, stems, n_stems, sizeof(*stems), doc__stem_cmp);
        if (!taken && b > a)
            rls_rules_format(out, "%s%.*s", out->len ? ", " : "", (int)(b - a), alts + a);
        i = j + 1;
    }
}

/* Openers reported by weak-opener ("Worked on") are left out: that finding
 * already asks for a new verb, and a second one on the same word nags. */
/* Everything repeated-verb reads, hashed: the threshold, its severity, and
 * per opener its bullet, offsets, flags, scope and language, text, the word
 * after it and the line its bullet starts on (the messages name earlier
 * lines). The
 * configuration's lexicon edits are in the cache's fingerprint. */
static uint64_t doc__repeated_verb_key(RlsRulesCtx *ctx, size_t max) {
    uint64_t h = rls_hash_mix(RLS_HASH_SEED, &max, sizeof(max));
    RlsSeverity sev = rls_rules_severity(ctx, RLS_RULE_ID(REPEATED_VERB));
    h = rls_hash_mix(h, &sev, sizeof(sev));
    for (size_t i = 0; i < ctx->n_openers; i++) {
        const RlsOpener *o = &ctx->openers[i];
        const RlsBullet *b = &ctx->model->bullets[o->bullet];
        uint32_t nums[8] = {(uint32_t)o->bullet, o->start_byte, o->end_byte, o->next_start_byte,
                            o->next_end_byte, (uint32_t)o->is_list | (uint32_t)o->weak << 1,
                            rls_rules_line_of(ctx, b->item_span.start_byte),
                            /* Whether the opener counts at all: its
                             * section's kind and language (a renamed
                             * heading changes them, no opener). */
                            (uint32_t)o->scope | (uint32_t)o->english << 8};
        h = rls_hash_mix(h, nums, sizeof(nums));
        h = rls_hash_mix(h, b->plain.text + o->start_byte, o->end_byte - o->start_byte);
        if (o->next_end_byte)
            h = rls_hash_mix(h, b->plain.text + o->next_start_byte,
                             o->next_end_byte - o->next_start_byte);
    }
    return h;
}

static void doc__repeated_verb_run(RlsRulesCtx *ctx, size_t max);

void rls_rules_repeated_verb(RlsRulesCtx *ctx) {
    double max_d = rls_config_threshold_of(ctx->config, RLS_THRESHOLD_REPEATED_VERB_MAX_REPEATS);
    size_t max = max_d < 1 ? 1 : (size_t)max_d;
    uint64_t key = 0;
    if (ctx->cache) {
        key = doc__repeated_verb_key(ctx, max);
        if (rls_rules_cache_doc_replay(ctx->cache, ctx, RLS_RULES_DOC_REPEATED_VERB, key)) return;
    }
    size_t from = ctx->out->len;
    doc__repeated_verb_run(ctx, max);
    if (ctx->cache)
        rls_rules_cache_doc_store(ctx->cache, RLS_RULES_DOC_REPEATED_VERB, key,
                                  ctx->out->len > from ? ctx->out->items + from : NULL,
                                  ctx->out->len - from);
}

static void doc__repeated_verb_run(RlsRulesCtx *ctx, size_t max) {
    VerbRef *refs = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < ctx->n_openers; i++) {
        const RlsOpener *o = &ctx->openers[i];
        if (o->is_list || o->weak || !rls_rules_opener_applies(o, RLS_RULE_ID(REPEATED_VERB)))
            continue;
        const char *s = doc__opener_text(ctx, o);
        uint32_t l = o->end_byte - o->start_byte;
        /* Only verbs count: three bullets opening with "The" are not a
         * repeated verb. */
        const char *next = o->next_end_byte
                               ? ctx->model->bullets[o->bullet].plain.text + o->next_start_byte
                               : NULL;
        RlsTense tense = rls_rules_tense_of(s, l, next, o->next_end_byte - o->next_start_byte);
        if (tense == RLS_TENSE_NONE &&
            !rls_lexicon_find(rls_lexicon_get(RLS_LEX_ACTION_VERB), s, l))
            continue;
        VerbRef r = {ctx, o};
        RLS_PUSH(refs, n, cap, r);
    }
    if (n) qsort(refs, n, sizeof(*refs), doc__verb_cmp);
    /* Stems of every opener, so no suggestion names a verb in use; made at
     * the first repeated verb, as most keystrokes have none. */
    VerbStem *stems = NULL;
    size_t n_stems = 0, cap_stems = 0;
    bool stems_made = false;
    RlsBuf msg, unused;
    rls_buf_init(&msg);
    rls_buf_init(&unused);
    for (size_t g = 0; g < n;) {
        size_t e = g + 1;
        while (e < n && doc__same_verb(ctx, refs[g].op, refs[e].op))
            e++;
        size_t count = e - g;
        if (count > max) {
            const RlsOpener *first = refs[g].op;
            const char *verb = doc__opener_text(ctx, first);
            uint32_t vl = first->end_byte - first->start_byte;
            char low[48];
            const char *alts = NULL;
            size_t alts_len = 0;
            if (vl < sizeof(low)) {
                for (uint32_t k = 0; k < vl; k++)
                    low[k] = (char)tolower((unsigned char)verb[k]);
                const RlsLexEntry *syn =
                    rls_lexicon_find(rls_lexicon_get(RLS_LEX_VERB_SYNONYM), low, vl);
                if (syn) alts = rls_lexicon_column(syn, 1, &alts_len);
            }
            if (!alts) {
                alts = doc__default_alts;
                alts_len = strlen(doc__default_alts);
            }
            if (!stems_made) {
                stems_made = true;
                for (size_t i = 0; i < ctx->n_openers; i++) {
                    const RlsOpener *o = &ctx->openers[i];
                    VerbStem st;
                    if (!o->is_list &&
                        doc__stem(doc__opener_text(ctx, o), o->end_byte - o->start_byte, &st))
                        RLS_PUSH(stems, n_stems, cap_stems, st);
                }
                if (n_stems) qsort(stems, n_stems, sizeof(*stems), doc__stem_cmp);
            }
            doc__unused_alts(alts, alts_len, stems, n_stems, &unused);
            if (unused.len == 0)
                doc__unused_alts(doc__default_alts, strlen(doc__default_alts), stems, n_stems,
                                 &unused);
            for (size_t k = g + max; k < e; k++) {
                const RlsOpener *o = refs[k].op;
                rls_buf_clear(&msg);
                rls_rules_format(&msg, "\"%.*s\" already opens %zu other bullet%s (line", (int)vl,
                                 doc__opener_text(ctx, o), k - g, k - g == 1 ? "" : "s");
                rls_buf_puts(&msg, k - g == 1 ? " " : "s ");
                /* At most DOC__LINES_LISTED earlier lines: listing them all
                 * makes the messages quadratic in size on a document that
                 * repeats a verb thousands of times (issues #8, #9). */
                for (size_t p = g; p < k && p < g + DOC__LINES_LISTED; p++) {
                    uint32_t line = rls_rules_line_of(
                        ctx, ctx->model->bullets[refs[p].op->bullet].item_span.start_byte);
                    rls_rules_format(&msg, "%s%u", p == g ? "" : ", ", line + 1);
                }
                if (k - g > DOC__LINES_LISTED)
                    rls_rules_format(&msg, " and %zu more", k - g - DOC__LINES_LISTED);
                if (unused.len)
                    rls_rules_format(&msg,
                                     "). Vary the verb so each bullet reads as its own result, "
                                     "e.g. %s.",
                                     unused.data);
                else
                    rls_buf_puts(&msg, "). Vary the verb so each bullet reads as its own result.");
                doc__report_plain(ctx, RLS_RULE_ID(REPEATED_VERB), o->bullet, o->start_byte,
                                  o->end_byte, msg.data);
            }
        }
        g = e;
    }
    rls_buf_close(&msg);
    rls_buf_close(&unused);
    rls_free(stems);
    rls_free(refs);
}

/* ---- tense-mismatch ------------------------------------------------------------------------ */

static const RlsOpener *doc__opener_of(const RlsRulesCtx *ctx, uint32_t bullet) {
    size_t lo = 0, hi = ctx->n_openers;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int32_t b = ctx->openers[mid].bullet;
        if (b == (int32_t)bullet) return &ctx->openers[mid];
        if (b < (int32_t)bullet)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Verbs of recognition: "Selected as speaker", "Promoted to lead". They
 * report an event, past by nature, and read right in a current role. */
static const char *const doc__event_verbs[] = {
    "selected", "awarded",  "promoted", "named",   "recognized", "recognised", "nominated",
    "elected",  "invited",  "chosen",   "honored", "honoured",   "granted",    "won",
    "received", "accepted", "featured", "hired",   "appointed",  "admitted"};

static RlsTense doc__tense(const RlsRulesCtx *ctx, const RlsOpener *o) {
    if (o->is_list || !rls_rules_opener_applies(o, RLS_RULE_ID(TENSE_MISMATCH)))
        return RLS_TENSE_NONE;
    const char *t = ctx->model->bullets[o->bullet].plain.text;
    uint32_t len = ctx->model->bullets[o->bullet].plain.len;
    /* "use-list-state hook": a word joined by a hyphen to the next is part
     * of a name or compound, not a verb. */
    if (o->end_byte + 1 < len && t[o->end_byte] == '-' &&
        rls_rules_word_at(t, len, o->end_byte + 1))
        return RLS_TENSE_NONE;
    for (size_t i = 0; i < RLS_ARRAY_LEN(doc__event_verbs); i++)
        if (rls_rules_word_is(t + o->start_byte, o->end_byte - o->start_byte, doc__event_verbs[i]))
            return RLS_TENSE_NONE;
    return rls_rules_tense_of(t + o->start_byte, o->end_byte - o->start_byte,
                              o->next_end_byte ? t + o->next_start_byte : NULL,
                              o->next_end_byte - o->next_start_byte);
}

void rls_rules_tense_mismatch(RlsRulesCtx *ctx) {
    const RlsResume *m = ctx->model;
    if (!ctx->english) return;
    RlsBuf msg;
    rls_buf_init(&msg);
    for (uint32_t e = 0; e < m->n_entries; e++) {
        const RlsEntry *en = &m->entries[e];
        if (!en->dates.valid) continue;
        bool current = en->dates.end.present;
        if (!current && en->dates.end.year == 0) continue;
        size_t past = 0, present = 0;
        for (uint32_t k = 0; k < en->n_bullets; k++) {
            const RlsOpener *o = doc__opener_of(ctx, en->first_bullet + k);
            if (!o) continue;
            RlsTense t = doc__tense(ctx, o);
            past += t == RLS_TENSE_PAST;
            present += t == RLS_TENSE_PRESENT;
        }
        /* Finished roles read in the past tense. In a current role, past
         * tense for finished achievements is normal; only a slip against a
         * role written mostly in the present is worth a word. */
        RlsTense wrong = RLS_TENSE_NONE;
        if (!current && present > 0) wrong = RLS_TENSE_PRESENT;
        if (current && present > past && past > 0) wrong = RLS_TENSE_PAST;
        if (wrong == RLS_TENSE_NONE) continue;
        for (uint32_t k = 0; k < en->n_bullets; k++) {
            const RlsOpener *o = doc__opener_of(ctx, en->first_bullet + k);
            if (!o || doc__tense(ctx, o) != wrong) continue;
            const char *w = doc__opener_text(ctx, o);
            uint32_t wl = o->end_byte - o->start_byte;
            char fix[64];
            rls_buf_clear(&msg);
            if (wrong == RLS_TENSE_PRESENT) {
                rls_rules_other_tense(w, wl, wrong, fix, sizeof(fix));
                if (en->dates.end.year)
                    rls_rules_format(&msg,
                                     "\"%.*s\" is present tense, but this role ended in %d. "
                                     "Describe finished roles in the past tense: \"%s\".",
                                     (int)wl, w, en->dates.end.year, fix);
                else
                    rls_rules_format(&msg,
                                     "\"%.*s\" is present tense, but this role has ended. "
                                     "Describe finished roles in the past tense: \"%s\".",
                                     (int)wl, w, fix);
            } else {
                rls_rules_other_tense(w, wl, wrong, fix, sizeof(fix));
                rls_rules_format(&msg,
                                 "\"%.*s\" is past tense, while the other bullets of this current "
                                 "role are in the present. Keep one tense per role: \"%s\".",
                                 (int)wl, w, fix);
            }
            doc__report_plain(ctx, RLS_RULE_ID(TENSE_MISMATCH), o->bullet, o->start_byte,
                              o->end_byte, msg.data);
        }
    }
    rls_buf_close(&msg);
}

/* ---- nonstandard-heading --------------------------------------------------------------------- */

static const char *const doc__standard_names[RLS_SECTION_KIND_COUNT] = {
    [RLS_SECTION_SUMMARY] = "Summary",
    [RLS_SECTION_EXPERIENCE] = "Experience",
    [RLS_SECTION_PROJECTS] = "Projects",
    [RLS_SECTION_EDUCATION] = "Education",
    [RLS_SECTION_SKILLS] = "Skills",
    [RLS_SECTION_CERTIFICATIONS] = "Certifications",
    [RLS_SECTION_AWARDS] = "Awards",
    [RLS_SECTION_PUBLICATIONS] = "Publications",
    [RLS_SECTION_VOLUNTEERING] = "Volunteer Experience",
};

/* Words whose presence lets an ATS place a section whatever surrounds them:
 * "Relevant Experience", "Selected Projects". */
static const char *const doc__standard_words[] = {
    "experience",
    "skills",
    "education",
    "projects",
    "summary",
    "certifications",
    "awards",
    "publications",
    "volunteer",
    "objective",
    "certificates",
    "employment",
    /* Common optional sections that ATS parsers file as such (or as
     * "other", losing nothing): renaming them would not help. */
    "volunteering",
    "leadership",
    "activities",
    "involvement",
    "research",
};

typedef struct {
    uint32_t start, end;
} Span32;

/* Splits heading plain text into ASCII words; returns how many (<= cap). */
static size_t doc__heading_words(const RlsPlain *h, Span32 *out, size_t cap, bool *ascii) {
    size_t n = 0;
    *ascii = false;
    uint32_t i = 0;
    while (i < h->len && n < cap) {
        while (i < h->len && !isalpha((unsigned char)h->text[i]))
            i++;
        uint32_t s = i;
        while (i < h->len && (isalpha((unsigned char)h->text[i]) || h->text[i] == '\''))
            i++;
        if (i > s) {
            out[n++] = (Span32){s, i};
            *ascii = true;
        }
    }
    return n;
}

/* Only the document's top-level headings are section headings to an ATS:
 * a \\subsection{Cornell University} or "### Acme Corp" names an entry. */
static uint16_t doc__top_level(const RlsResume *m) {
    uint16_t top = UINT16_MAX;
    for (uint32_t s = 0; s < m->n_sections; s++) {
        const RlsSection *sec = &m->sections[s];
        if (sec->kind == RLS_SECTION_HEADER || sec->heading.len == 0) continue;
        if (sec->level < top) top = sec->level;
    }
    /* A Markdown resume whose name is the only "# " heading puts its
     * sections one level down. */
    if (m->format == RLS_FORMAT_MARKDOWN && top == 1) {
        uint32_t n_top = 0;
        uint16_t next = UINT16_MAX;
        for (uint32_t s = 0; s < m->n_sections; s++) {
            const RlsSection *sec = &m->sections[s];
            if (sec->kind == RLS_SECTION_HEADER || sec->heading.len == 0) continue;
            if (sec->level == 1)
                n_top++;
            else if (sec->level < next)
                next = sec->level;
        }
        if (n_top == 1 && next != UINT16_MAX) top = next;
    }
    return top;
}

/* Whether a section other than `self` is headed name already (case aside). */
static bool doc__heading_taken(const RlsResume *m, uint32_t self, const char *name,
                               size_t name_len) {
    for (uint32_t s = 0; s < m->n_sections; s++) {
        const RlsSection *sec = &m->sections[s];
        if (s == self || !sec->heading.text) continue;
        if (sec->heading.len == name_len && strncasecmp(sec->heading.text, name, name_len) == 0)
            return true;
    }
    return false;
}

void rls_rules_nonstandard_heading(RlsRulesCtx *ctx) {
    const RlsResume *m = ctx->model;
    if (!ctx->english) return;
    uint16_t top = doc__top_level(m);
    for (uint32_t s = 0; s < m->n_sections; s++) {
        const RlsSection *sec = &m->sections[s];
        if (sec->kind == RLS_SECTION_HEADER || sec->heading.len == 0 || !sec->heading.text)
            continue;
        if (sec->level > top) continue;
        if (sec->kind != RLS_SECTION_OTHER && sec->standard_heading) continue;
        Span32 words[16];
        bool ascii;
        size_t nw = doc__heading_words(&sec->heading, words, RLS_ARRAY_LEN(words), &ascii);
        /* A heading in another script is another language's resume; the
         * English heading table has nothing useful to say about it. */
        if (!ascii) continue;
        /* A heading in another language written in Latin letters
         * ("Bildungsweg" on a German resume whose bullets read as English
         * to the language guess) is that language's wording, not an odd
         * English one. */
        if (rls_section_foreign_wording(sec->heading.text, sec->heading.len)) continue;
        bool has_standard = false;
        for (size_t w = 0; w < nw && !has_standard; w++)
            for (size_t k = 0; k < RLS_ARRAY_LEN(doc__standard_words) && !has_standard; k++)
                has_standard =
                    rls_rules_word_is(sec->heading.text + words[w].start,
                                      words[w].end - words[w].start, doc__standard_words[k]);
        if (has_standard) continue;
        /* "Patents", "Invited Talks", "Courses" are kinds of their own: an
         * ATS files them as such or as "other", and calling them
         * Publications or Certifications would say something untrue. */
        if (rls_heading_own_kind(sec->heading.text, sec->heading.len)) continue;
        size_t name_len = 0;
        /* A known synonym ("Work History") has a name to use and a fix;
         * anything else is a guess from the model's kind or a keyword, said
         * as one, with no fix. */
        const char *name =
            rls_heading_synonym(sec->heading.text, sec->heading.len, "en", &name_len);
        bool known = name != NULL;
        if (!name && sec->kind != RLS_SECTION_OTHER && doc__standard_names[sec->kind]) {
            name = doc__standard_names[sec->kind];
            name_len = strlen(name);
        } else if (!name) {
            for (size_t w = 0; w < nw && !name; w++) {
                const RlsLexEntry *e = rls_lexicon_find(rls_lexicon_get(RLS_LEX_HEADING_KEYWORD),
                                                        sec->heading.text + words[w].start,
                                                        words[w].end - words[w].start);
                if (e) name = rls_lexicon_column(e, 1, &name_len);
            }
        }
        /* A heading we cannot place ("Interests", "Languages") is left
         * alone: guessing a name for it would be a false alarm. */
        if (!name) continue;
        /* A guess is worth saying only where an ATS fills fields from the
         * section (roles, degrees, skills): a project or volunteering list
         * under its own heading ("Open Source Impact") is filed as other
         * text and loses nothing (issue #14). */
        if (!known) {
            static const char *const fielded[] = {"Experience", "Education", "Skills"};
            bool maps = false;
            for (size_t k = 0; k < RLS_ARRAY_LEN(fielded) && !maps; k++)
                maps = strlen(fielded[k]) == name_len && memcmp(fielded[k], name, name_len) == 0;
            if (!maps) continue;
        }
        RlsSpan span = rls_plain_cover(&sec->heading, 0, sec->heading.len);
        /* What to do, around the standard heading's name. When the resume
         * has that section already, renaming this one would make two (and
         * the fix is not offered). */
        bool taken = doc__heading_taken(m, s, name, name_len);
        const char *before = taken   ? "The resume has a"
                             : known ? "Use the standard heading"
                                     : "If this section is what they file as";
        const char *after = taken   ? " section already: move what belongs there under it."
                            : known ? "."
                                    : ", use that heading.";
        rls_diag_push(ctx->out, span, rls_rules_severity(ctx, RLS_RULE_ID(NONSTANDARD_HEADING)),
                      RLS_RULE_ID(NONSTANDARD_HEADING),
                      "Applicant tracking systems may not recognise the heading \"%s\" and can "
                      "drop or misfile what is under it. %s \"%.*s\"%s",
                      sec->heading.text, before, (int)name_len, name, after);
    }
}

/* ---- missing-section ------------------------------------------------------------------------ */

void rls_rules_missing_section(RlsRulesCtx *ctx) {
    const RlsResume *m = ctx->model;
    /* Another language names its sections its own way; a LaTeX fragment
     * (experience.tex) leaves the other sections to the main file. */
    if (!ctx->english || ctx->fragment) return;
    bool seen[RLS_SECTION_KIND_COUNT] = {false};
    bool any_heading = false;
    for (uint32_t s = 0; s < m->n_sections; s++) {
        const RlsSection *sec = &m->sections[s];
        seen[sec->kind] = true;
        if (sec->kind == RLS_SECTION_HEADER || sec->heading.len == 0) continue;
        any_heading = true;
        bool ascii;
        Span32 words[4];
        doc__heading_words(&sec->heading, words, RLS_ARRAY_LEN(words), &ascii);
        if (!ascii) return; /* another language's headings: see nonstandard-heading */
    }
    /* A blank or heading-less document is still being started. */
    if (!any_heading) return;
    RlsSpan at = rls_resume_top_line(m, ctx->src, ctx->src_len);
    static const struct {
        RlsSectionKind kind;
        const char *name;
        const char *why;
    } needed[] = {
        {RLS_SECTION_EXPERIENCE, "Experience",
         "it is where applicant tracking systems look for roles, employers and dates"},
        {RLS_SECTION_SKILLS, "Skills",
         "applicant tracking systems match a job's keywords against a dedicated skills list"},
        {RLS_SECTION_EDUCATION, "Education",
         "applicant tracking systems fill degree and school fields from it"},
    };
    /* An academic CV (publications, talks, grants, teaching) lists its
     * methods in its papers, not in a skills list: by convention it has
     * none, and asking for one is a false alarm (issue #14). */
    bool academic = seen[RLS_SECTION_PUBLICATIONS];
    for (uint32_t s = 0; s < m->n_sections; s++) {
        RlsScope sc =
            ctx->section_scope ? (RlsScope)ctx->section_scope[s] : rls_rules_scope_of(m, s);
        academic = academic || sc == RLS_SCOPE_TALKS || sc == RLS_SCOPE_PUBLICATIONS;
        /* "Academic Positions", "Appointments": the roles, by their name. */
        if (sc == RLS_SCOPE_EXPERIENCE) seen[RLS_SECTION_EXPERIENCE] = true;
    }
    for (size_t i = 0; i < RLS_ARRAY_LEN(needed); i++) {
        if (seen[needed[i].kind]) continue;
        if (academic && needed[i].kind == RLS_SECTION_SKILLS) continue;
        const char *example = m->format == RLS_FORMAT_LATEX ? "\\section{%s}" : "## %s";
        char ex[64];
        snprintf(ex, sizeof(ex), example, needed[i].name);
        rls_diag_push(ctx->out, at, rls_rules_severity(ctx, RLS_RULE_ID(MISSING_SECTION)),
                      RLS_RULE_ID(MISSING_SECTION),
                      "No %s section: %s. Add one under a standard heading, e.g. \"%s\".",
                      needed[i].name, needed[i].why, ex);
    }
}

/* ---- acronym-undefined ------------------------------------------------------------------------
 */

typedef struct {
    const char *key; /* the acronym as matched (borrowed from the text) */
    uint32_t key_len;
    const char *expansions; /* "a|b|c", borrowed from the lexicon or config */
    size_t exp_len;
    RlsSpan span;
    int32_t bullet;
    uint32_t plain_start, plain_end;
} AcronymHit;

#define DOC_FOLD(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))

static bool doc__contains_ci(const char *hay, size_t n, const char *needle, size_t m) {
    if (m == 0 || m > n) return false;
    unsigned char first = (unsigned char)DOC_FOLD((unsigned char)needle[0]);
    for (size_t i = 0; i + m <= n; i++) {
        if ((unsigned char)DOC_FOLD((unsigned char)hay[i]) != first) continue;
        size_t k = 1;
        while (k < m && DOC_FOLD((unsigned char)hay[i + k]) == DOC_FOLD((unsigned char)needle[k]))
            k++;
        if (k == m) return true;
    }
    return false;
}

static const char *doc__expansions(RlsRulesCtx *ctx, const char *acr, uint32_t len, size_t *out) {
    const RlsLexEdits *ed = &ctx->edits[RLS_LEX_ACRONYM];
    for (size_t k = 0; k < ed->n_adds; k++) {
        const char *w = ed->adds[k];
        const char *eq = strchr(w, '=');
        if (!eq) continue;
        size_t kl = (size_t)(eq - w);
        while (kl && w[kl - 1] == ' ')
            kl--;
        if (kl == len && memcmp(w, acr, len) == 0) {
            eq++;
            while (*eq == ' ')
                eq++;
            *out = strlen(eq);
            return eq;
        }
    }
    const RlsLexEntry *e = rls_lexicon_find(rls_lexicon_get(RLS_LEX_ACRONYM), acr, len);
    return e ? rls_lexicon_column(e, 1, out) : NULL;
}

/* How the example writes the spelled-out form: the data file's third
 * column when the matching forms are prefixes ("site reliability" matches
 * "site reliability engineer(ing)"), else the first matching form. */
static const char *doc__display(const char *acr, uint32_t len, const char *first, size_t first_len,
                                size_t *out) {
    const RlsLexEntry *e = rls_lexicon_find(rls_lexicon_get(RLS_LEX_ACRONYM), acr, len);
    const char *d = e ? rls_lexicon_column(e, 2, out) : NULL;
    if (d && *out) return d;
    *out = first_len;
    return first;
}

static void doc__scan_acronyms(RlsRulesCtx *ctx, const RlsPlain *p, int32_t bullet,
                               AcronymHit **hits, size_t *n, size_t *cap) {
    const char *t = p->text;
    uint32_t len = p->len;
    bool adds = ctx->edits[RLS_LEX_ACRONYM].n_adds > 0;
    for (uint32_t i = 0; i < len; i++) {
        /* Built-in acronyms start with a capital (or "k8s"); checking that
         * first keeps this scan cheap on every keystroke. */
        unsigned char c = (unsigned char)t[i];
        if (!adds && !(c >= 'A' && c <= 'Z') && c != 'k') continue;
        if (!isalpha(c) || rls_rules_word_before(t, i)) continue;
        uint32_t end = rls_rules_match(ctx, RLS_LEX_ACRONYM, t, len, i, NULL);
        if (!end) continue;
        RlsSpan span = rls_plain_cover(p, i, end);
        size_t k = 0;
        while (k < *n &&
               !((*hits)[k].key_len == end - i && memcmp((*hits)[k].key, t + i, end - i) == 0))
            k++;
        if (k < *n) {
            if ((*hits)[k].span.start_byte > span.start_byte) {
                (*hits)[k].span = span;
                (*hits)[k].bullet = bullet;
                (*hits)[k].plain_start = i;
                (*hits)[k].plain_end = end;
            }
        } else {
            AcronymHit h = {t + i, end - i, NULL, 0, span, bullet, i, end};
            h.expansions = doc__expansions(ctx, t + i, end - i, &h.exp_len);
            RLS_PUSH(*hits, *n, *cap, h);
        }
        i = end;
    }
}

void rls_rules_acronym_undefined(RlsRulesCtx *ctx) {
    const RlsResume *m = ctx->model;
    /* The expansions are English: a Korean resume writes "TDD" as is. */
    if (!ctx->english) return;
    AcronymHit *hits = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t i = 0; i < m->n_bullets; i++)
        doc__scan_acronyms(ctx, &m->bullets[i].plain, (int32_t)i, &hits, &n, &cap);
    for (uint32_t i = 0; i < m->n_paragraphs; i++)
        doc__scan_acronyms(ctx, &m->paragraphs[i].plain, -1, &hits, &n, &cap);
    for (uint32_t i = 0; i < m->n_skills; i++) {
        const RlsSkill *sk = &m->skills[i];
        if (!sk->text) continue;
        /* Skills carry no source map: point at the whole skill. */
        size_t before = n;
        RlsPlain p = {sk->text, (uint32_t)strlen(sk->text), NULL, NULL, NULL};
        AcronymHit *tmp = NULL;
        size_t tn = 0, tcap = 0;
        doc__scan_acronyms(ctx, &p, -1, &tmp, &tn, &tcap);
        for (size_t k = 0; k < tn; k++) {
            size_t j = 0;
            while (j < n && !(hits[j].key_len == tmp[k].key_len &&
                              memcmp(hits[j].key, tmp[k].key, tmp[k].key_len) == 0))
                j++;
            if (j < n && hits[j].span.start_byte <= sk->span.start_byte) continue;
            AcronymHit h = tmp[k];
            h.span = sk->span;
            h.bullet = -1;
            h.plain_start = h.plain_end = 0;
            if (j < n)
                hits[j] = h;
            else
                RLS_PUSH(hits, n, cap, h);
        }
        (void)before;
        rls_free(tmp);
    }
    for (size_t k = 0; k < n; k++) {
        const AcronymHit *h = &hits[k];
        if (!h->expansions) continue;
        bool defined = false;
        const char *p = h->expansions, *end = h->expansions + h->exp_len;
        const char *first = p;
        size_t first_len = 0;
        while (p < end && !defined) {
            const char *bar = memchr(p, '|', (size_t)(end - p));
            size_t l = (size_t)((bar ? bar : end) - p);
            if (p == first) first_len = l;
            defined = doc__contains_ci(ctx->src, ctx->src_len, p, l);
            p = bar ? bar + 1 : end;
        }
        if (defined) continue;
        size_t shown_len;
        const char *shown = doc__display(h->key, h->key_len, first, first_len, &shown_len);
        RlsDiag *d = rls_diag_push(
            ctx->out, h->span, rls_rules_severity(ctx, RLS_RULE_ID(ACRONYM_UNDEFINED)),
            RLS_RULE_ID(ACRONYM_UNDEFINED),
            "\"%.*s\" is never spelled out. Recruiters search for either form, and matching is "
            "literal: write both once, e.g. \"%.*s (%.*s)\".",
            (int)h->key_len, h->key, (int)shown_len, shown, (int)h->key_len, h->key);
        d->bullet = h->bullet;
        d->plain_start = h->plain_start;
        d->plain_end = h->plain_end;
    }
    rls_free(hits);
}
