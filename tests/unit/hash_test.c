/*
 * hash_test.c - the caches' shared hashing and probing (rls/hash.h).
 */
#include <string.h>

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
        memcpy(b, a, n);
        b[i] ^= 1;
        EXPECT_TRUE(rls_hash_mix(RLS_HASH_SEED, b, n) != h);
    }
    EXPECT_TRUE(rls_hash_mix(RLS_HASH_SEED, a, n - 1) != h);
    EXPECT_TRUE(rls_hash_mix(RLS_HASH_SEED, "", 0) != RLS_HASH_SEED);
    EXPECT_EQ_INT(rls_hash_key(0), 1);
    EXPECT_TRUE(rls_hash_key(h) == (h ? h : 1));
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_probe_finds_the_entry_or_the_empty_slot_after_collisions),
        RLS_TEST(test_mix_depends_on_every_byte_and_the_length),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
