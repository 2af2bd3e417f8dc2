/*
 * hash.c - key hashing and slot probing for the caches (hash.h).
 */
#include "rls/hash.h"

#include <string.h>

#include "rls/alloc.h"

uint64_t rls_hash_mix(uint64_t h, const void *p, size_t n) {
    const unsigned char *b = p;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, b, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        b += 8;
        n -= 8;
    }
    uint64_t w = 0;
    if (n) memcpy(&w, b, n);
    h = (h ^ w ^ ((uint64_t)n << 56)) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 31);
}

uint32_t rls_hash_probe(const void *items, size_t stride, uint32_t cap, uint64_t hash) {
    const unsigned char *base = items;
    uint32_t i = (uint32_t)hash & (cap - 1);
    for (;;) {
        uint64_t h;
        memcpy(&h, base + (size_t)i * stride, sizeof(h));
        if (h == 0 || h == hash) return i;
        i = (i + 1) & (cap - 1);
    }
}

void rls_cache_init(RlsCache *c, size_t stride, size_t gen_offset, uint32_t min_cap,
                    void (*entry_free)(void *entry)) {
    memset(c, 0, sizeof(*c));
    c->stride = stride;
    c->gen_offset = gen_offset;
    c->min_cap = min_cap;
    c->entry_free = entry_free;
}

static uint64_t cache__hash(const unsigned char *entry) {
    uint64_t h;
    memcpy(&h, entry, sizeof(h));
    return h;
}

static uint32_t cache__generation(const RlsCache *c, const unsigned char *entry) {
    uint32_t g;
    memcpy(&g, entry + c->gen_offset, sizeof(g));
    return g;
}

static void cache__set_generation(const RlsCache *c, unsigned char *entry) {
    memcpy(entry + c->gen_offset, &c->generation, sizeof(c->generation));
}

static void cache__free(RlsCache *c, unsigned char *entry) {
    c->entry_free(entry);
    memset(entry, 0, c->stride);
}

void rls_cache_clear(RlsCache *c) {
    for (uint32_t i = 0; i < c->cap; i++) {
        unsigned char *e = rls_cache_at(c, i);
        if (cache__hash(e)) cache__free(c, e);
    }
    c->n = 0;
    c->used = 0;
}

void rls_cache_close(RlsCache *c) {
    rls_cache_clear(c);
    rls_free(c->items);
    c->items = NULL;
    c->cap = 0;
}

/* Rebuilds the table at cap slots, keeping every entry (grow) or only those
 * the current run used (sweep); of two entries with one hash, one stays. */
static void cache__rehash(RlsCache *c, uint32_t cap, bool keep_all) {
    unsigned char *old = c->items;
    uint32_t old_cap = c->cap;
    c->items = rls_calloc(cap, c->stride);
    c->cap = cap;
    c->n = 0;
    for (uint32_t i = 0; i < old_cap; i++) {
        unsigned char *e = old + (size_t)i * c->stride;
        uint64_t h = cache__hash(e);
        if (!h) continue;
        unsigned char *slot = rls_cache_at(c, rls_hash_probe(c->items, c->stride, cap, h));
        if ((!keep_all && cache__generation(c, e) != c->generation) || cache__hash(slot)) {
            c->entry_free(e);
            continue;
        }
        memcpy(slot, e, c->stride);
        c->n++;
    }
    rls_free(old);
}

void *rls_cache_find(RlsCache *c, uint64_t hash) {
    if (!c->cap) return NULL;
    unsigned char *e = rls_cache_at(c, rls_hash_probe(c->items, c->stride, c->cap, hash));
    return cache__hash(e) ? e : NULL;
}

void rls_cache_touch(RlsCache *c, void *entry) {
    if (cache__generation(c, entry) != c->generation) c->used++;
    cache__set_generation(c, entry);
}

void rls_cache_reserve(RlsCache *c, uint32_t more) {
    uint32_t need = c->n + more;
    if (c->cap && need * 4 < c->cap * 3) return;
    uint32_t cap = c->cap ? c->cap : c->min_cap;
    while (need * 4 >= cap * 3)
        cap *= 2;
    if (cap != c->cap) cache__rehash(c, cap, true);
}

void *rls_cache_insert(RlsCache *c, uint64_t hash) {
    if ((c->n + 1) * 4 > c->cap * 3) cache__rehash(c, c->cap ? c->cap * 2 : c->min_cap, true);
    unsigned char *e = rls_cache_at(c, rls_hash_probe(c->items, c->stride, c->cap, hash));
    if (cache__hash(e)) {
        cache__free(c, e);
        c->n--;
    }
    memcpy(e, &hash, sizeof(hash));
    cache__set_generation(c, e);
    c->n++;
    c->used++;
    return e;
}

void rls_cache_begin(RlsCache *c) {
    c->generation++;
    c->used = 0;
}

bool rls_cache_sweep(RlsCache *c) {
    if (c->n <= 2 * c->used + c->min_cap) return false;
    uint32_t cap = c->min_cap;
    while (cap * 3 < c->used * 4 + 4)
        cap *= 2;
    cache__rehash(c, cap * 2, false);
    return true;
}
