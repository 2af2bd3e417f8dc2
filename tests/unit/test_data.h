/*
 * test_data.h - where the tests find their inputs: the fixtures written in
 * this repository (tests/data) and the real-resume corpus beside it
 * (../shared/corpus), which a fresh clone does not have.
 *
 * Every test that `make test` runs must pass on a fresh clone, so a test
 * reads fixtures; a test (or a case, RLS_CORPUS_TEST in test.h) that reads
 * the corpus carries the CTest label "corpus" and skips when it is missing:
 * it prints RLS_TEST_CORPUS_MISSING and exits RLS_TEST_SKIP, which
 * tests/CMakeLists.txt (rls_corpus_test) declares as SKIP_RETURN_CODE.
 *
 * The build defines RLS_TEST_DATA_DIR and RLS_CORPUS_DIR (for every
 * program under tests/, tests/CMakeLists.txt); the environment variable
 * RLS_CORPUS_DIR overrides the latter (the skip test points it nowhere),
 * and RLS_REQUIRE_CORPUS=1 turns the skip into a failure (.ci/run).
 *
 * It needs no more than the allocator, so tests/fuzz/replay.c uses it too.
 */
#ifndef RLS_TEST_DATA_H_
#define RLS_TEST_DATA_H_

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rls/alloc.h"
#include "rls/common.h"

#ifndef RLS_TEST_DATA_DIR
#error "RLS_TEST_DATA_DIR is not defined: build the test with rls_test_executable()"
#endif
#ifndef RLS_CORPUS_DIR
#error "RLS_CORPUS_DIR is not defined: build the test with rls_test_executable()"
#endif

/* The fixture resumes: RLS_TEST_RESUMES/md/NAME.md and .../tex/NAME.tex. */
#define RLS_TEST_RESUMES RLS_TEST_DATA_DIR "/resumes"

/* CTest's SKIP_RETURN_CODE for the corpus tests (automake's convention). */
#define RLS_TEST_SKIP 77
#define RLS_TEST_CORPUS_MISSING "skipped: ../shared/corpus not found"

/* The corpus folder, or NULL when it is not there. */
static inline const char *rls_test_corpus_dir(void) {
    const char *env = getenv("RLS_CORPUS_DIR");
    const char *dir = env && *env ? env : RLS_CORPUS_DIR;
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? dir : NULL;
}

/* Ends the process as skipped when the corpus is missing, or as failed
 * when RLS_REQUIRE_CORPUS is set (.ci/run: CI has the corpus, and its tests
 * must run there, not skip). For a program that reads nothing but the
 * corpus; a unit test marks its corpus cases RLS_CORPUS_TEST instead. */
static inline void rls_test_require_corpus(void) {
    if (rls_test_corpus_dir()) return;
    const char *require = getenv("RLS_REQUIRE_CORPUS");
    if (require && *require && strcmp(require, "0") != 0) {
        printf("not ok - ../shared/corpus not found, and RLS_REQUIRE_CORPUS is set\n");
        fflush(stdout);
        exit(1);
    }
    printf("%s\n", RLS_TEST_CORPUS_MISSING);
    fflush(stdout);
    exit(RLS_TEST_SKIP);
}

typedef void (*RlsTestResumeFn)(const char *name, const char *path, bool latex, void *ctx);

static inline int rls_test__name_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Calls fn(name, path, latex, ctx) for every .md file in ROOT/md and .tex
 * file in ROOT/tex, Markdown first, each folder in name order (a failure is
 * reproducible whatever the file system's order). Returns how many. ROOT is
 * RLS_TEST_RESUMES or rls_test_corpus_dir(). */
static inline size_t rls_test_each_resume(const char *root, RlsTestResumeFn fn, void *ctx) {
    static const char *const fmts[] = {"md", "tex"};
    size_t total = 0;
    for (size_t f = 0; f < 2 && root; f++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/%s", root, fmts[f]);
        DIR *d = opendir(dir);
        if (!d) continue;
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *e;
        size_t el = strlen(fmts[f]) + 1;
        while ((e = readdir(d))) {
            size_t nl = strlen(e->d_name);
            if (e->d_name[0] == '.' || nl <= el || e->d_name[nl - el] != '.' ||
                strcmp(e->d_name + nl - el + 1, fmts[f]) != 0)
                continue;
            char *copy = rls_strdup(e->d_name);
            RLS_PUSH(names, n, cap, copy);
        }
        closedir(d);
        if (n) qsort(names, n, sizeof *names, rls_test__name_cmp);
        for (size_t i = 0; i < n; i++) {
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            fn(names[i], path, f == 1, ctx);
            rls_free(names[i]);
        }
        rls_free(names);
        total += n;
    }
    return total;
}

#endif /* RLS_TEST_DATA_H_ */
