/*
 * cache.c - what the bullet rules said about each bullet, kept between runs
 * (rules.h, RlsRulesCache).
 *
 * The bullet rules read nothing but the bullet's plain text, two facts
 * about where it sits (an achievement section; an item of a list its
 * parent introduces) and the run's configuration. So a bullet whose text
 * and facts are unchanged since the last run gets the same findings and the
 * same opener: a keystroke re-judges the one bullet being typed in and
 * replays the others (issue 9). Findings are stored in plain offsets; their
 * source spans are recomputed from the bullet's current source map, since
 * an edit above the bullet moves it.
 *
 * A change of configuration (severities, thresholds, lexicon edits) changes
 * the fingerprint and empties the cache.
 */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/hash.h"
#include "rules/rules_internal.h"

typedef struct {
    const char *rule; /* static rule id */
    RlsSeverity severity;
    char *message; /* owned */
    uint32_t plain_start, plain_end;
} CacheDiag;

typedef struct {
    uint64_t hash; /* 0: empty slot */
    char *text;    /* owned copy of the plain text */
    uint32_t len;
    uint8_t facts;
    uint32_t generation; /* of the last run that used it */
    CacheDiag *diags;
    uint32_t n_diags;
    bool has_opener;
    RlsOpener opener; /* bullet field unused */
} CacheEntry;

/* The last run of one document rule: the hash of its inputs and what it
 * found, each finding in a bullet's plain offsets. */
typedef struct {
    bool valid;
    uint64_t key;
    CacheDiag *diags;
    int32_t *bullets;
    uint32_t n_diags;
} CacheDocRule;

struct RlsRulesCache {
    CacheDocRule doc[RLS_RULES_DOC_COUNT];
    uint64_t doc_hits, doc_misses;
    RlsCache bullets; /* of CacheEntry, keyed by a bullet's text and facts */
    uint64_t fingerprint;
    uint64_t hits, misses;
};

static void cache__entry_free(void *entry) {
    CacheEntry *e = entry;
    for (uint32_t i = 0; i < e->n_diags; i++)
        rls_free(e->diags[i].message);
    rls_free(e->diags);
    rls_free(e->text);
}

RlsRulesCache *rls_rules_cache_new(void) {
    RlsRulesCache *self = rls_calloc(1, sizeof(RlsRulesCache));
    rls_cache_init(&self->bullets, sizeof(CacheEntry), offsetof(CacheEntry, generation), 64,
                   cache__entry_free);
    return self;
}

static void cache__doc_free(CacheDocRule *r) {
    for (uint32_t i = 0; i < r->n_diags; i++)
        rls_free(r->diags[i].message);
    rls_free(r->diags);
    rls_free(r->bullets);
    memset(r, 0, sizeof(*r));
}

static void cache__clear(RlsRulesCache *self) {
    rls_cache_clear(&self->bullets);
    for (int r = 0; r < RLS_RULES_DOC_COUNT; r++)
        cache__doc_free(&self->doc[r]);
}

void rls_rules_cache_delete(RlsRulesCache *self) {
    if (!self) return;
    cache__clear(self);
    rls_cache_close(&self->bullets);
    rls_free(self);
}

void rls_rules_cache_stats(const RlsRulesCache *self, uint64_t *hits, uint64_t *misses) {
    *hits = self ? self->hits : 0;
    *misses = self ? self->misses : 0;
}

static uint64_t cache__key(const RlsPlain *p, uint8_t facts) {
    return rls_hash_key(rls_hash_mix(RLS_HASH_SEED ^ facts, p->text, p->len));
}

static uint64_t cache__fingerprint(const RlsRulesCtx *ctx) {
    uint64_t h = rls_hash_mix(0x84222325CBF29CE4ull, ctx->sev, sizeof(ctx->sev));
    double th[3] = {ctx->max_words, ctx->max_chars, ctx->min_words};
    h = rls_hash_mix(h, th, sizeof(th));
    for (int id = 0; id < RLS_LEX_COUNT; id++) {
        const RlsLexEdits *ed = &ctx->edits[id];
        for (size_t i = 0; i < ed->n_adds; i++)
            h = rls_hash_mix(h ^ 0xA5, ed->adds[i], strlen(ed->adds[i]) + 1);
        for (size_t i = 0; i < ed->n_removes; i++)
            h = rls_hash_mix(h ^ 0x5A, ed->removes[i], strlen(ed->removes[i]) + 1);
        h = rls_hash_mix(h, &id, sizeof(id));
    }
    return h;
}

void rls_rules_cache_begin(RlsRulesCache *self, const RlsRulesCtx *ctx) {
    uint64_t fp = cache__fingerprint(ctx);
    if (fp != self->fingerprint) cache__clear(self);
    self->fingerprint = fp;
    rls_cache_begin(&self->bullets);
}

void rls_rules_cache_end(RlsRulesCache *self) {
    /* Bullets that are gone pile up one per keystroke; drop them once they
     * outnumber the live ones. */
    rls_cache_sweep(&self->bullets);
}

bool rls_rules_cache_replay(RlsRulesCache *self, RlsRulesCtx *ctx, const RlsBullet *b,
                            int32_t index, uint8_t facts) {
    CacheEntry *e = rls_cache_find(&self->bullets, cache__key(&b->plain, facts));
    if (!e || e->len != b->plain.len || e->facts != facts ||
        memcmp(e->text, b->plain.text, b->plain.len) != 0) {
        self->misses++;
        return false;
    }
    self->hits++;
    rls_cache_touch(&self->bullets, e);
    for (uint32_t i = 0; i < e->n_diags; i++) {
        const CacheDiag *cd = &e->diags[i];
        RlsSpan span = rls_plain_cover(&b->plain, cd->plain_start, cd->plain_end);
        RlsDiag *d =
            rls_rules_push_owned(ctx->out, span, cd->severity, cd->rule, rls_strdup(cd->message));
        d->bullet = index;
        d->plain_start = cd->plain_start;
        d->plain_end = cd->plain_end;
    }
    if (e->has_opener) {
        RlsOpener op = e->opener;
        op.bullet = index;
        RLS_PUSH(ctx->openers, ctx->n_openers, ctx->cap_openers, op);
    }
    return true;
}

void rls_rules_cache_store(RlsRulesCache *self, const RlsBullet *b, uint8_t facts,
                           const RlsDiag *diags, size_t n_diags, const RlsOpener *opener) {
    /* The same key with other text, or a stale twin, is replaced. */
    CacheEntry *e = rls_cache_insert(&self->bullets, cache__key(&b->plain, facts));
    e->len = b->plain.len;
    e->text = rls_malloc(b->plain.len + 1);
    memcpy(e->text, b->plain.text, b->plain.len);
    e->text[b->plain.len] = '\0';
    e->facts = facts;
    e->n_diags = (uint32_t)n_diags;
    e->diags = n_diags ? rls_malloc(n_diags * sizeof(CacheDiag)) : NULL;
    for (size_t i = 0; i < n_diags; i++) {
        e->diags[i] = (CacheDiag){diags[i].rule, diags[i].severity, rls_strdup(diags[i].message),
                                  diags[i].plain_start, diags[i].plain_end};
    }
    e->has_opener = opener != NULL;
    if (opener) e->opener = *opener;
}

/* ---- Document rules --------------------------------------------------------------
 * A document rule reads a little of every bullet (repeated-verb: the
 * opening words and the lines they are on), so a keystroke in a bullet's
 * later words leaves its inputs as they were. The rule hashes what it reads
 * (document_rules.c); an equal hash replays the last run's findings. */

bool rls_rules_cache_doc_replay(RlsRulesCache *self, RlsRulesCtx *ctx, RlsRulesDocRule rule,
                                uint64_t key) {
    CacheDocRule *r = &self->doc[rule];
    if (!r->valid || r->key != key) {
        self->doc_misses++;
        return false;
    }
    self->doc_hits++;
    for (uint32_t i = 0; i < r->n_diags; i++) {
        const CacheDiag *cd = &r->diags[i];
        const RlsBullet *b = &ctx->model->bullets[r->bullets[i]];
        RlsSpan span = rls_plain_cover(&b->plain, cd->plain_start, cd->plain_end);
        RlsDiag *d =
            rls_rules_push_owned(ctx->out, span, cd->severity, cd->rule, rls_strdup(cd->message));
        d->bullet = r->bullets[i];
        d->plain_start = cd->plain_start;
        d->plain_end = cd->plain_end;
    }
    return true;
}

void rls_rules_cache_doc_store(RlsRulesCache *self, RlsRulesDocRule rule, uint64_t key,
                               const RlsDiag *diags, size_t n_diags) {
    CacheDocRule *r = &self->doc[rule];
    cache__doc_free(r);
    r->valid = true;
    r->key = key;
    r->n_diags = (uint32_t)n_diags;
    r->diags = n_diags ? rls_malloc(n_diags * sizeof(CacheDiag)) : NULL;
    r->bullets = n_diags ? rls_malloc(n_diags * sizeof(int32_t)) : NULL;
    for (size_t i = 0; i < n_diags; i++) {
        /* Pre-condition: every finding sits in a bullet. */
        assert(diags[i].bullet >= 0);
        r->diags[i] = (CacheDiag){diags[i].rule, diags[i].severity, rls_strdup(diags[i].message),
                                  diags[i].plain_start, diags[i].plain_end};
        r->bullets[i] = diags[i].bullet;
    }
}

void rls_rules_cache_doc_stats(const RlsRulesCache *self, uint64_t *hits, uint64_t *misses) {
    *hits = self ? self->doc_hits : 0;
    *misses = self ? self->doc_misses : 0;
}
