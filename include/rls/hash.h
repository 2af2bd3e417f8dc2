/*
 * hash.h - the hashing, probing and table shared by the per-keystroke caches
 * (inline runs, entry-line splits, bullet findings, keyword scans, encoded
 * diagnostics). Each cache owns what its entries hold and how it compares
 * keys; the table, its growth and the sweep of entries no run used are here.
 */
#ifndef RLS_HASH_H_
#define RLS_HASH_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The FNV-1a offset basis, the usual seed for rls_hash_mix. */
#define RLS_HASH_SEED 0xCBF29CE484222325ull

/* Mixes p[0..n) into h, eight bytes at a time: caches hash the whole
 * document on every keystroke, so this must cost far less than the work a
 * hit saves. Chain calls to hash several pieces. */
uint64_t rls_hash_mix(uint64_t h, const void *p, size_t n);

/* A hash usable as a table key: 0 marks an empty slot. */
static inline uint64_t rls_hash_key(uint64_t h) {
    return h ? h : 1;
}

/* The slot for hash in an open-addressing table of cap entries (cap a power
 * of two, never full) whose entries are stride bytes long and start with
 * their uint64_t hash (0: empty): the entry with that hash, or the empty
 * slot where it would go. */
uint32_t rls_hash_probe(const void *items, size_t stride, uint32_t cap, uint64_t hash);

/* A cache kept between runs (parses, analyses, versions): an open-addressing
 * table of entries of `stride` bytes, each starting with its uint64_t hash
 * (0: empty slot) and holding, at gen_offset, the uint32_t generation of
 * the last run that used it. Text that is gone leaves an entry per
 * keystroke; rls_cache_sweep drops those once they outnumber the live ones.
 * The owner compares keys and fills entries; entry_free releases what an
 * entry holds (the cache clears the slot). */
typedef struct {
    unsigned char *items;
    size_t stride, gen_offset;
    void (*entry_free)(void *entry);
    uint32_t cap, n;
    uint32_t min_cap;    /* a power of two: the table's size when it is made */
    uint32_t generation; /* of the current run */
    uint32_t used;       /* entries the current run used */
} RlsCache;

void rls_cache_init(RlsCache *c, size_t stride, size_t gen_offset, uint32_t min_cap,
                    void (*entry_free)(void *entry));
/* Frees every entry and the table. */
void rls_cache_close(RlsCache *c);
/* Frees every entry; the table stays. */
void rls_cache_clear(RlsCache *c);
/* The entry holding hash, or NULL. The caller compares its key. */
void *rls_cache_find(RlsCache *c, uint64_t hash);
/* The current run uses entry (a hit). */
void rls_cache_touch(RlsCache *c, void *entry);
/* A zeroed entry holding hash, used by the current run; an entry with the
 * same hash (another key) is freed first. May move every entry. */
void *rls_cache_insert(RlsCache *c, uint64_t hash);
/* Room for `more` inserts that move no entry. */
void rls_cache_reserve(RlsCache *c, uint32_t more);
/* Starts a run: entries count as unused until found again. */
void rls_cache_begin(RlsCache *c);
/* Drops the entries the current run did not use once they outnumber the
 * used ones; true when it did (entries moved). */
bool rls_cache_sweep(RlsCache *c);
/* The slot number of entry, stable until an insert grows the table or a
 * sweep: callers that keep slots reserve first. */
static inline uint32_t rls_cache_slot(const RlsCache *c, const void *entry) {
    return (uint32_t)(((const unsigned char *)entry - c->items) / c->stride);
}
static inline void *rls_cache_at(const RlsCache *c, uint32_t slot) {
    return c->items + (size_t)slot * c->stride;
}

#endif /* RLS_HASH_H_ */
