/*
 * hash.c - key hashing and slot probing for the caches (hash.h).
 */
#include "rls/hash.h"

#include <string.h>

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
