/*
 * hash.h - the hashing and probing shared by the per-keystroke caches
 * (inline runs, entry-line splits, bullet findings, keyword scans). Each
 * cache keeps its own entries and its own eviction; what they share is how
 * a key is hashed and how an open-addressing slot is found.
 */
#ifndef RLS_HASH_H_
#define RLS_HASH_H_

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

#endif /* RLS_HASH_H_ */
