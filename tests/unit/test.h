/*
 * test.h - the unit-test harness: tables of named cases, assertions that
 * print both sides, TAP output, and a leak check on the project allocator.
 *
 *   static void test_folds_whitespace(void) { EXPECT_STR_EQ(fold(" a  b"), "a b"); }
 *   int main(void) {
 *       static const RlsTestCase cases[] = { RLS_TEST(test_folds_whitespace) };
 *       return rls_test_run(cases, RLS_ARRAY_LEN(cases));
 *   }
 *
 * EXPECT_* record a failure and go on; ASSERT_* also return from the case.
 * Assertions stay on in release builds.
 *
 * A case that reads the real-resume corpus (test_data.h) is listed with
 * RLS_CORPUS_TEST instead of RLS_TEST. CTest runs such a program twice
 * (tests/CMakeLists.txt): RLS_TEST_GROUP=fixtures runs the other cases,
 * everywhere; RLS_TEST_GROUP=corpus runs the corpus cases, labelled
 * "corpus", and skips (RLS_TEST_SKIP) when the corpus is missing. Run by
 * hand without the variable, a program runs every case and reports the
 * corpus ones "# SKIP" when there is no corpus.
 */
#ifndef RLS_TEST_H_
#define RLS_TEST_H_

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/common.h"
#include "test_data.h"

typedef struct {
    const char *name;
    void (*fn)(void);
    bool corpus; /* reads ../shared/corpus */
} RlsTestCase;

#define RLS_TEST(fn)                                                                               \
    { #fn, fn, false }
#define RLS_CORPUS_TEST(fn)                                                                        \
    { #fn, fn, true }

static int rls_test__failures;

#define RLS__FAIL(...)                                                                             \
    do {                                                                                           \
        rls_test__failures++;                                                                      \
        fprintf(stdout, "#   %s:%d: ", __FILE__, __LINE__);                                        \
        fprintf(stdout, __VA_ARGS__);                                                              \
        fputc('\n', stdout);                                                                       \
    } while (0)

#define EXPECT_TRUE(c)                                                                             \
    do {                                                                                           \
        if (!(c)) RLS__FAIL("expected %s", #c);                                                    \
    } while (0)
#define ASSERT_TRUE(c)                                                                             \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            RLS__FAIL("expected %s", #c);                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (0)
#define EXPECT_EQ_INT(a, b)                                                                        \
    do {                                                                                           \
        long long a_ = (long long)(a), b_ = (long long)(b);                                        \
        if (a_ != b_) RLS__FAIL("%s == %s: %lld != %lld", #a, #b, a_, b_);                         \
    } while (0)
#define ASSERT_EQ_INT(a, b)                                                                        \
    do {                                                                                           \
        long long a_ = (long long)(a), b_ = (long long)(b);                                        \
        if (a_ != b_) {                                                                            \
            RLS__FAIL("%s == %s: %lld != %lld", #a, #b, a_, b_);                                   \
            return;                                                                                \
        }                                                                                          \
    } while (0)
#define EXPECT_STR_EQ(a, b)                                                                        \
    do {                                                                                           \
        const char *a_ = (a), *b_ = (b);                                                           \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                                                     \
            RLS__FAIL("%s == %s:\n#     got      \"%s\"\n#     expected \"%s\"", #a, #b,           \
                      a_ ? a_ : "(null)", b_ ? b_ : "(null)");                                     \
    } while (0)
#define ASSERT_STR_EQ(a, b)                                                                        \
    do {                                                                                           \
        int before_ = rls_test__failures;                                                          \
        EXPECT_STR_EQ(a, b);                                                                       \
        if (rls_test__failures != before_) return;                                                 \
    } while (0)

/* Runs the cases of the group RLS_TEST_GROUP selects ("fixtures",
 * "corpus", unset: all) in order, prints TAP, checks the allocator is
 * balanced at the end, and returns the process exit status: RLS_TEST_SKIP
 * for the corpus group without a corpus. */
static inline int rls_test_run(const RlsTestCase *cases, size_t n) {
    const char *group = getenv("RLS_TEST_GROUP");
    bool only_corpus = group && strcmp(group, "corpus") == 0;
    bool only_fixtures = group && strcmp(group, "fixtures") == 0;
    bool have_corpus = rls_test_corpus_dir() != NULL;
    size_t planned = 0;
    for (size_t i = 0; i < n; i++)
        planned += cases[i].corpus ? !only_fixtures : !only_corpus;
    if (only_corpus) rls_test_require_corpus(); /* skips, or fails under RLS_REQUIRE_CORPUS */
    int failed = 0;
    size_t k = 0;
    printf("1..%zu\n", planned + 1);
    for (size_t i = 0; i < n; i++) {
        if (cases[i].corpus ? only_fixtures : only_corpus) continue;
        k++;
        if (cases[i].corpus && !have_corpus) {
            printf("ok %zu - %s # SKIP ../shared/corpus not found\n", k, cases[i].name);
            continue;
        }
        int before = rls_test__failures;
        cases[i].fn();
        bool ok = rls_test__failures == before;
        if (!ok) failed++;
        printf("%s %zu - %s\n", ok ? "ok" : "not ok", k, cases[i].name);
        fflush(stdout);
    }
    long live = rls_alloc_live();
    printf("%s %zu - no allocation outlives the tests (%ld live)\n", live == 0 ? "ok" : "not ok",
           planned + 1, live);
    if (live != 0) failed++;
    printf("# %zu passed, %d failed\n", planned + 1 - (size_t)failed, failed);
    return failed ? 1 : 0;
}

/* True when the n-th item of a large property loop (a corpus file, a
 * labelled row) is to be checked in this run. Every item is checked unless
 * RLS_TEST_SAMPLE=k is set (the valgrind build sets it), then every k-th:
 * memcheck is ~50x slower, and a slice of the corpus under memcheck finds
 * what the whole of it would, while ASan still runs everything. */
static inline bool rls_test_sampled(size_t n) {
    const char *k = getenv("RLS_TEST_SAMPLE");
    long stride = k ? strtol(k, NULL, 10) : 1;
    return stride <= 1 || n % (size_t)stride == 0;
}

/* Reads a whole file into an owned NUL-terminated buffer (free with
 * rls_free); NULL when it cannot be read. */
static inline char *rls_test_read_file(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = rls_malloc((size_t)len + 1);
    size_t got = fread(buf, 1, (size_t)len, f);
    fclose(f);
    buf[got] = '\0';
    if (len_out) *len_out = got;
    return buf;
}

#endif /* RLS_TEST_H_ */
