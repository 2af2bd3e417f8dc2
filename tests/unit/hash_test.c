/*
 * hash_test.c - the caches' shared hashing, probing and table (rls/hash.h).
 */
#include <stddef.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/hash.h"
#include "test.h"

typedef struct {
    uint64_t hash;
    int value;
} Entry;

static void test_probe_finds_the_entry_or_the_empty_slot_after_collisions(void) {
    Entry t[8];
    memset(t, 0, sizeof t);
    /* 5, 13 and 21 all start at slot 5: they take 5, 6, 7; 29 wraps to 0. */
    const uint64_t keys[] = {5, 13, 21, 29};
    for (size_t k = 0; k < 4; k++) {
        uint32_t i = rls_hash_probe(t, sizeof(Entry), 8, keys[k]);
        EXPECT_EQ_INT(t[i].hash, 0);
        t[i].hash = keys[k];
        t[i].value = (int)k;
    }
    EXPECT_EQ_INT(rls_hash_probe(t, sizeof(Entry), 8, 29), 0);
    for (size_t k = 0; k < 4; k++)
        EXPECT_EQ_INT(t[rls_hash_probe(t, sizeof(Entry), 8, keys[k])].value, (int)k);
    EXPECT_EQ_INT(rls_hash_probe(t, sizeof(Entry), 8, 37), 1);
}

static void test_mix_depends_on_every_byte_and_the_length(void) {
    const char *a = "Cut p99 latency from 1.2s to 240ms — é 東京 🚀";
    size_t n = strlen(a);
    uint64_t h = rls_hash_mix(RLS_HASH_SEED, a, n);
    char b[128];
    for (size_t i = 0; i < n; i++) {
        memcpy(b, a, n + 1);
        b[i] ^= 1;
        EXPECT_TRUE(rls_hash_mix(RLS_HASH_SEED, b, n) != h);
    }
    EXPECT_TRUE(rls_hash_mix(RLS_HASH_SEED, a, n - 1) != h);
    EXPECT_TRUE(rls_hash_mix(RLS_HASH_SEED, "", 0) != RLS_HASH_SEED);
    EXPECT_EQ_INT(rls_hash_key(0), 1);
    EXPECT_TRUE(rls_hash_key(h) == (h ? h : 1));
}

/* A cached value with a heap part, so that valgrind and ASan see every
 * entry the cache drops freed exactly once. */
typedef struct {
    uint64_t hash;
    char *text;
    uint32_t generation;
} Cached;

static int freed;

static void cached_free(void *entry) {
    Cached *c = entry;
    rls_free(c->text);
    freed++;
}

static Cached *cached_put(RlsCache *c, uint64_t hash, const char *text) {
    Cached *e = rls_cache_insert(c, hash);
    EXPECT_TRUE(e->text == NULL); /* a zeroed entry */
    e->text = rls_strdup(text);
    return e;
}

static void test_cache_keeps_what_a_run_uses_and_sweeps_the_rest(void) {
    RlsCache c;
    rls_cache_init(&c, sizeof(Cached), offsetof(Cached, generation), 8, cached_free);
    freed = 0;
    EXPECT_TRUE(rls_cache_find(&c, 7) == NULL);
    /* Run 1 makes 40 entries: the table grows and keeps them all. */
    for (uint64_t k = 1; k <= 40; k++)
        cached_put(&c, k, "run one");
    EXPECT_EQ_INT(c.n, 40);
    EXPECT_TRUE(c.n * 4 <= c.cap * 3);
    EXPECT_EQ_INT(freed, 0);
    for (uint64_t k = 1; k <= 40; k++) {
        Cached *e = rls_cache_find(&c, k);
        EXPECT_TRUE(e && e->hash == k && strcmp(e->text, "run one") == 0);
    }
    /* Run 2 uses 3 of them: the 37 others outnumber them and go. */
    rls_cache_begin(&c);
    for (uint64_t k = 1; k <= 3; k++)
        rls_cache_touch(&c, rls_cache_find(&c, k));
    rls_cache_touch(&c, rls_cache_find(&c, 2)); /* twice counts once */
    EXPECT_EQ_INT(c.used, 3);
    EXPECT_TRUE(rls_cache_sweep(&c));
    EXPECT_EQ_INT(c.n, 3);
    EXPECT_EQ_INT(freed, 37);
    EXPECT_TRUE(rls_cache_find(&c, 2) != NULL);
    EXPECT_TRUE(rls_cache_find(&c, 4) == NULL);
    /* Few stale entries are kept: no sweep. */
    rls_cache_begin(&c);
    rls_cache_touch(&c, rls_cache_find(&c, 1));
    EXPECT_TRUE(!rls_cache_sweep(&c));
    EXPECT_EQ_INT(c.n, 3);
    /* The same hash for another key replaces the entry, freeing it. */
    cached_put(&c, 1, "other key");
    EXPECT_EQ_INT(freed, 38);
    EXPECT_EQ_INT(c.n, 3);
    EXPECT_TRUE(strcmp(((Cached *)rls_cache_find(&c, 1))->text, "other key") == 0);
    rls_cache_close(&c);
    EXPECT_EQ_INT(freed, 41);
}

static void test_cache_reserve_keeps_slots_still_while_filling(void) {
    RlsCache c;
    rls_cache_init(&c, sizeof(Cached), offsetof(Cached, generation), 8, cached_free);
    freed = 0;
    rls_cache_reserve(&c, 100);
    uint32_t cap = c.cap;
    uint32_t slots[100];
    for (uint64_t k = 0; k < 100; k++)
        slots[k] = rls_cache_slot(&c, cached_put(&c, k * 7919 + 1, "x"));
    EXPECT_EQ_INT(c.cap, cap);
    for (uint64_t k = 0; k < 100; k++)
        EXPECT_TRUE(((Cached *)rls_cache_at(&c, slots[k]))->hash == k * 7919 + 1);
    rls_cache_clear(&c);
    EXPECT_EQ_INT(c.n, 0);
    EXPECT_EQ_INT(freed, 100);
    EXPECT_TRUE(rls_cache_find(&c, 1) == NULL);
    rls_cache_close(&c);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_probe_finds_the_entry_or_the_empty_slot_after_collisions),
        RLS_TEST(test_mix_depends_on_every_byte_and_the_length),
        RLS_TEST(test_cache_keeps_what_a_run_uses_and_sweeps_the_rest),
        RLS_TEST(test_cache_reserve_keeps_slots_still_while_filling),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
