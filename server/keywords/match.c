/*
 * match.c - the keywords of one resume: every catalogue hit with where it
 * is, per-term counts, the active role profile and job-description coverage
 * (keywords.h).
 *
 * This runs on every keystroke, so it is one scan of each plain text and a
 * few small arrays; nothing is indexed per document.
 */
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "keywords/kw_internal.h"
#include "rls/alloc.h"
#include "rls/hash.h"

/* The skills hits of each term, newest first, as chains through the hits:
 * the twice-given skills line is found among the term's own hits, not by a
 * walk over every hit (quadratic on a long skills list). */
typedef struct {
    int32_t *last; /* per term: its latest skills hit, or -1 */
    int32_t *prev; /* per hit: the same term's skills hit before it, or -1 */
    size_t cap;
} SkillChains;

/* How far back along a term's chain the same place is looked for: a term
 * is listed a few times in a real resume; a generated list of thousands
 * may count one place twice rather than take quadratic time. */
enum { SKILL_CHAIN_REACH = 64 };

typedef struct {
    RlsKwReport *report;
    SkillChains *chains;
    RlsKwWhere where;
    const RlsPlain *plain; /* maps match offsets to source, or NULL */
    RlsSpan whole;         /* used when plain is NULL: the skill's span */
    uint32_t section;
    int32_t item;
    /* Text that shows a tool in use although it is no bullet: a role's
     * description written as prose under its entry (n_described). */
    bool shows_use;
} MatchCtx;

static bool match__overlaps(RlsSpan a, RlsSpan b) {
    return a.start_byte < b.end_byte && b.start_byte < a.end_byte;
}

static void match__on_hit(const RlsKwMatch *m, void *data) {
    MatchCtx *ctx = data;
    RlsKwReport *r = ctx->report;
    RlsSpan span =
        ctx->plain ? rls_plain_cover(ctx->plain, m->start_byte, m->end_byte) : ctx->whole;
    SkillChains *ch = ctx->chains;
    if (ctx->where == RLS_KW_IN_SKILLS) {
        /* A parser may give the same skills line both as paragraph text and
         * as skill items: count the term once per place. */
        int32_t k = ch->last[m->term];
        for (int steps = 0; k >= 0 && steps < SKILL_CHAIN_REACH; k = ch->prev[k], steps++)
            if (match__overlaps(r->hits[k].span, span)) return;
    }
    RlsKwHit hit = {m->term, ctx->where, span, ctx->section, ctx->item, m->form};
    RLS_PUSH(r->hits, r->n_hits, r->cap_hits, hit);
    if (ch->cap < r->cap_hits) {
        ch->cap = r->cap_hits;
        ch->prev = rls_realloc(ch->prev, ch->cap * sizeof(*ch->prev));
    }
    int32_t at = (int32_t)(r->n_hits - 1);
    ch->prev[at] = -1;
    if (ctx->where == RLS_KW_IN_SKILLS) {
        ch->prev[at] = ch->last[m->term];
        ch->last[m->term] = at;
    }
    RlsKwTermStat *st = &r->terms[m->term];
    if (ctx->where == RLS_KW_IN_BULLET) {
        st->n_bullet++;
    } else if (ctx->where == RLS_KW_IN_TEXT) {
        st->n_text++;
        if (ctx->shows_use) st->n_described++;
    } else {
        st->n_skills++;
    }
}

void rls_kw_report_init(RlsKwReport *self) {
    memset(self, 0, sizeof(*self));
    self->profile = -1;
    rls_jd_init(&self->jd);
}

void rls_kw_report_close(RlsKwReport *self) {
    rls_free(self->hits);
    rls_free(self->terms);
    rls_free(self->coverage);
    rls_jd_close(&self->jd);
    rls_kw_report_init(self);
}

static int match__hit_cmp(const void *a, const void *b) {
    const RlsKwHit *x = a, *y = b;
    if (x->span.start_byte != y->span.start_byte)
        return x->span.start_byte < y->span.start_byte ? -1 : 1;
    if (x->where != y->where) return x->where < y->where ? -1 : 1;
    return x->term < y->term ? -1 : x->term > y->term;
}

static RlsKwWhere match__where(const RlsResume *model, uint32_t section, RlsKwWhere def) {
    if (section < model->n_sections && model->sections[section].kind == RLS_SECTION_SKILLS)
        return RLS_KW_IN_SKILLS;
    return def;
}

/* ---- The scan cache -------------------------------------------------------
 * rls_kw_scan depends on nothing but the text, so the matches of a text seen
 * in the last analysis are replayed instead of scanned again (issue 9).
 * Entries no analysis used are dropped once they pile up. */

typedef struct {
    uint64_t hash; /* 0: empty slot */
    char *text;    /* owned copy */
    size_t len;
    RlsKwMatch *matches;
    uint32_t n_matches;
    uint32_t generation;
} MatchEntry;

struct RlsKwScanCache {
    RlsCache texts; /* of MatchEntry */
};

static void match__entry_free(void *entry) {
    MatchEntry *e = entry;
    rls_free(e->text);
    rls_free(e->matches);
}

RlsKwScanCache *rls_kw_scan_cache_new(void) {
    RlsKwScanCache *self = rls_calloc(1, sizeof(RlsKwScanCache));
    rls_cache_init(&self->texts, sizeof(MatchEntry), offsetof(MatchEntry, generation), 64,
                   match__entry_free);
    return self;
}

void rls_kw_scan_cache_delete(RlsKwScanCache *self) {
    if (!self) return;
    rls_cache_close(&self->texts);
    rls_free(self);
}

static uint64_t match__hash(const char *p, size_t n) {
    return rls_hash_key(rls_hash_mix(RLS_HASH_SEED, p, n));
}

typedef struct {
    RlsKwMatch *items;
    size_t n, cap;
} MatchList;

static void match__collect(const RlsKwMatch *m, void *data) {
    MatchList *l = data;
    RLS_PUSH(l->items, l->n, l->cap, *m);
}

/* The matches of text[0..len), from the cache or a new scan. Borrowed until
 * the next call. */
static const MatchEntry *match__cached_scan(RlsKwScanCache *c, const char *text, size_t len) {
    uint64_t hash = match__hash(text, len);
    MatchEntry *e = rls_cache_find(&c->texts, hash);
    if (e && e->len == len && memcmp(e->text, text, len) == 0) {
        rls_cache_touch(&c->texts, e);
        return e;
    }
    MatchList l = {0};
    rls_kw_scan(text, len, match__collect, &l);
    e = rls_cache_insert(&c->texts, hash); /* replaces the same hash of other text */
    e->text = rls_malloc(len + 1);
    memcpy(e->text, text, len);
    e->text[len] = '\0';
    e->len = len;
    e->matches = l.items;
    e->n_matches = (uint32_t)l.n;
    return e;
}

static void match__scan(RlsKwReport *r, const char *text, size_t len, MatchCtx *ctx) {
    if (!r->scan_cache) {
        rls_kw_scan(text, len, match__on_hit, ctx);
        return;
    }
    const MatchEntry *e = match__cached_scan(r->scan_cache, text, len);
    for (uint32_t i = 0; i < e->n_matches; i++)
        match__on_hit(&e->matches[i], ctx);
}

static void match__scan_plain(RlsKwReport *r, SkillChains *chains, const RlsPlain *plain,
                              RlsKwWhere where, uint32_t section, int32_t item, bool shows_use) {
    if (!plain->text || plain->len == 0) return;
    MatchCtx ctx = {r,      chains,  where, plain,
                    {0, 0}, section, item,  shows_use && where != RLS_KW_IN_SKILLS};
    match__scan(r, plain->text, plain->len, &ctx);
}

/* A paragraph under a role or project entry ("Worked with X to build Y in
 * Go"): moderncv, friggeri and Deedy resumes describe work this way. */
static bool match__describes_work(const RlsResume *model, const RlsParagraph *para) {
    if (para->entry < 0 || para->section >= model->n_sections) return false;
    RlsSectionKind k = model->sections[para->section].kind;
    return k == RLS_SECTION_EXPERIENCE || k == RLS_SECTION_PROJECTS ||
           k == RLS_SECTION_VOLUNTEERING;
}

static void match__pick_profile(RlsKwReport *self, const RlsConfig *config) {
    uint32_t n_terms = rls_kw_count();
    self->profile = config && config->role ? rls_kw_profile_find(config->role) : -1;
    if (self->profile < 0) {
        uint32_t best = 0;
        for (uint32_t p = 0; p < rls_kw_profile_count(); p++) {
            uint32_t distinct = 0;
            for (uint32_t t = 0; t < n_terms; t++) {
                const RlsKwTermStat *st = &self->terms[t];
                if ((rls_kw_get(t)->profiles >> p & 1u) && st->n_bullet + st->n_text + st->n_skills)
                    distinct++;
            }
            if (distinct > best) {
                best = distinct;
                self->profile = (int32_t)p;
            }
        }
        if (best < RLS_KW_INFER_MIN) self->profile = -1;
        self->profile_inferred = self->profile >= 0;
    }
    if (self->profile >= 0)
        for (uint32_t t = 0; t < n_terms; t++)
            self->terms[t].in_profile = (rls_kw_get(t)->profiles >> self->profile) & 1u;
}

static bool match__plain_has(const RlsPlain *plain, const char *word) {
    return plain->text && rls_kw_contains_token(plain->text, plain->len, word, strlen(word));
}

/* Coverage of a job-description token the catalogue does not know. */
static void match__cover_token(const RlsResume *model, const char *word, RlsJdCoverage *cov) {
    for (uint32_t b = 0; b < model->n_bullets && !cov->in_bullet; b++) {
        if (!match__plain_has(&model->bullets[b].plain, word)) continue;
        cov->covered = true;
        cov->in_bullet =
            match__where(model, model->bullets[b].section, RLS_KW_IN_BULLET) == RLS_KW_IN_BULLET;
    }
    for (uint32_t p = 0; p < model->n_paragraphs && !cov->covered; p++)
        cov->covered = match__plain_has(&model->paragraphs[p].plain, word);
    for (uint32_t s = 0; s < model->n_skills && !cov->covered; s++) {
        const char *t = model->skills[s].text;
        cov->covered = t && rls_kw_contains_token(t, strlen(t), word, strlen(word));
    }
    for (uint32_t s = 0; s < model->n_sections && !cov->covered; s++)
        cov->covered = match__plain_has(&model->sections[s].heading, word);
}

int rls_kw_analyze(RlsKwReport *self, const RlsResume *model, const RlsConfig *config) {
    RlsKwScanCache *cache = self->scan_cache;
    rls_kw_report_close(self);
    self->scan_cache = cache;
    if (cache) rls_cache_begin(&cache->texts);
    uint32_t n_terms = rls_kw_count();
    self->terms = rls_calloc(n_terms ? n_terms : 1, sizeof(*self->terms));
    if (!model) return 0;
    SkillChains chains = {rls_malloc((n_terms ? n_terms : 1) * sizeof(int32_t)), NULL, 0};
    for (uint32_t t = 0; t < n_terms; t++)
        chains.last[t] = -1;
    for (uint32_t s = 0; s < model->n_sections; s++)
        match__scan_plain(self, &chains, &model->sections[s].heading, RLS_KW_IN_TEXT, s, -1, false);
    for (uint32_t p = 0; p < model->n_paragraphs; p++) {
        const RlsParagraph *para = &model->paragraphs[p];
        match__scan_plain(self, &chains, &para->plain,
                          match__where(model, para->section, RLS_KW_IN_TEXT), para->section,
                          (int32_t)p, match__describes_work(model, para));
    }
    for (uint32_t b = 0; b < model->n_bullets; b++) {
        const RlsBullet *bl = &model->bullets[b];
        match__scan_plain(self, &chains, &bl->plain,
                          match__where(model, bl->section, RLS_KW_IN_BULLET), bl->section,
                          (int32_t)b, false);
    }
    for (uint32_t k = 0; k < model->n_skills; k++) {
        const RlsSkill *sk = &model->skills[k];
        if (!sk->text) continue;
        MatchCtx ctx = {self,     &chains,     RLS_KW_IN_SKILLS, NULL,
                        sk->span, sk->section, (int32_t)k,       false};
        match__scan(self, sk->text, strlen(sk->text), &ctx);
    }
    rls_free(chains.last);
    rls_free(chains.prev);
    if (cache) rls_cache_sweep(&cache->texts);
    if (self->n_hits > 1) qsort(self->hits, self->n_hits, sizeof(self->hits[0]), match__hit_cmp);
    match__pick_profile(self, config);

    if (config && config->job_text && config->job_text[0]) {
        rls_jd_extract(&self->jd, config->job_text, strlen(config->job_text));
        self->coverage = rls_calloc(self->jd.len ? self->jd.len : 1, sizeof(*self->coverage));
        for (size_t j = 0; j < self->jd.len; j++) {
            const RlsJdKeyword *k = &self->jd.items[j];
            RlsJdCoverage *cov = &self->coverage[j];
            cov->jd_index = (uint32_t)j;
            if (k->term >= 0) {
                RlsKwTermStat *st = &self->terms[k->term];
                st->jd_count = k->count;
                cov->covered = st->n_bullet + st->n_text + st->n_skills > 0;
                cov->in_bullet = st->n_bullet > 0;
            } else {
                match__cover_token(model, k->text, cov);
            }
        }
    }
    return 0;
}

const RlsKwHit *rls_kw_report_hit_at(const RlsKwReport *self, uint32_t at_byte) {
    for (size_t i = 0; i < self->n_hits; i++) {
        const RlsKwHit *h = &self->hits[i];
        if (h->span.start_byte <= at_byte && at_byte <= h->span.end_byte) return h;
        if (h->span.start_byte > at_byte) break;
    }
    return NULL;
}

bool rls_kw_category_listable(const char *category) {
    /* A practice (code review) is done, not listed; a site (GitHub) is
     * where work is published, not a skill. */
    return category && strcmp(category, "practice") != 0 && strcmp(category, "site") != 0;
}

bool rls_kw__listed_via_parent(const RlsKwReport *report, uint32_t term) {
    const char *name = rls_kw_get(term)->name;
    uint32_t n_terms = rls_kw_count();
    for (uint32_t t = 0; t < n_terms; t++) {
        if (t == term || !report->terms[t].n_skills) continue;
        const char *parent = rls_kw_get(t)->name;
        size_t pl = strlen(parent);
        if (strncmp(name, parent, pl) == 0 && name[pl] == ' ') return true;
    }
    return false;
}
