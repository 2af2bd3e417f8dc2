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

struct RlsRulesCache {
    CacheEntry *items; /* open addressing, cap a power of two */
    uint32_t cap, n;
    uint32_t generation;
    uint32_t used; /* entries the current run used */
    uint64_t fingerprint;
    uint64_t hits, misses;
};

RlsRulesCache *rls_rules_cache_new(void) {
    return rls_calloc(1, sizeof(RlsRulesCache));
}

static void cache__entry_free(CacheEntry *e) {
    for (uint32_t i = 0; i < e->n_diags; i++)
        rls_free(e->diags[i].message);
    rls_free(e->diags);
    rls_free(e->text);
    memset(e, 0, sizeof(*e));
}

static void cache__clear(RlsRulesCache *self) {
    for (uint32_t i = 0; i < self->cap; i++)
        if (self->items[i].hash) cache__entry_free(&self->items[i]);
    self->n = 0;
}

void rls_rules_cache_delete(RlsRulesCache *self) {
    if (!self) return;
    cache__clear(self);
    rls_free(self->items);
    rls_free(self);
}

void rls_rules_cache_stats(const RlsRulesCache *self, uint64_t *hits, uint64_t *misses) {
    *hits = self ? self->hits : 0;
    *misses = self ? self->misses : 0;
}

static uint64_t cache__key(const RlsPlain *p, uint8_t facts) {
    return rls_hash_key(rls_hash_mix(RLS_HASH_SEED ^ facts, p->text, p->len));
}

static CacheEntry *cache__slot(CacheEntry *items, uint32_t cap, uint64_t hash) {
    return &items[rls_hash_probe(items, sizeof(*items), cap, hash)];
}

static void cache__rehash(RlsRulesCache *self, uint32_t cap, bool keep_all) {
    CacheEntry *old = self->items;
    uint32_t old_cap = self->cap;
    self->items = rls_calloc(cap, sizeof(CacheEntry));
    self->cap = cap;
    self->n = 0;
    for (uint32_t i = 0; i < old_cap; i++) {
        if (!old[i].hash) continue;
        if (!keep_all && old[i].generation != self->generation) {
            cache__entry_free(&old[i]);
            continue;
        }
        CacheEntry *slot = cache__slot(self->items, cap, old[i].hash);
        if (slot->hash) {
            cache__entry_free(&old[i]);
            continue;
        }
        *slot = old[i];
        self->n++;
    }
    rls_free(old);
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
    self->generation++;
    self->used = 0;
}

void rls_rules_cache_end(RlsRulesCache *self) {
    /* Bullets that are gone pile up one per keystroke; drop them once they
     * outnumber the live ones. */
    if (self->n > 2 * self->used + 64) {
        uint32_t cap = 64;
        while (cap * 3 < self->used * 4 + 4)
            cap *= 2;
        cache__rehash(self, cap * 2, false);
    }
}

bool rls_rules_cache_replay(RlsRulesCache *self, RlsRulesCtx *ctx, const RlsBullet *b,
                            int32_t index, uint8_t facts) {
    if (!self->cap) return false;
    uint64_t hash = cache__key(&b->plain, facts);
    CacheEntry *e = cache__slot(self->items, self->cap, hash);
    if (!e->hash || e->len != b->plain.len || e->facts != facts ||
        memcmp(e->text, b->plain.text, b->plain.len) != 0) {
        self->misses++;
        return false;
    }
    self->hits++;
    if (e->generation != self->generation) self->used++;
    e->generation = self->generation;
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
    if ((self->n + 1) * 4 > self->cap * 3)
        cache__rehash(self, self->cap ? self->cap * 2 : 64, true);
    uint64_t hash = cache__key(&b->plain, facts);
    CacheEntry *e = cache__slot(self->items, self->cap, hash);
    if (e->hash) { /* the same key with other text, or a stale twin: replace it */
        cache__entry_free(e);
        self->n--;
    }
    e->hash = hash;
    e->len = b->plain.len;
    e->text = rls_malloc(b->plain.len + 1);
    memcpy(e->text, b->plain.text, b->plain.len);
    e->text[b->plain.len] = '\0';
    e->facts = facts;
    e->generation = self->generation;
    e->n_diags = (uint32_t)n_diags;
    e->diags = n_diags ? rls_malloc(n_diags * sizeof(CacheDiag)) : NULL;
    for (size_t i = 0; i < n_diags; i++) {
        e->diags[i] = (CacheDiag){diags[i].rule, diags[i].severity, rls_strdup(diags[i].message),
                                  diags[i].plain_start, diags[i].plain_end};
    }
    e->has_opener = opener != NULL;
    if (opener) e->opener = *opener;
    self->n++;
    self->used++;
}
