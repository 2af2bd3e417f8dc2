/*
 * golden_test.c - golden outlines of resumes.
 *
 *   golden_test            the fixtures: tests/golden/fixtures/<fmt>/<name>.expected
 *                          holds the JSON outline of tests/data/resumes/<fmt>/<name>.<fmt>
 *   golden_test --corpus   the real resumes: tests/golden/<fmt>/<name>.expected
 *                          holds that of ../shared/corpus/<fmt>/<name>.<fmt>
 *                          (skipped when the corpus is missing)
 *
 * Only the expected outputs of the corpus are committed, never the corpus
 * files. RLS_REGEN=md,tex rewrites the goldens of the run (and adds the
 * missing ones of the named formats); review every change against the
 * source.
 */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/outline.h"
#include "rls/parse.h"
#include "test.h"

static bool golden__regen(const char *fmt) {
    const char *env = getenv("RLS_REGEN");
    return env && strstr(env, fmt) != NULL;
}

/* Where the sources and the goldens of this run are, and what the outline
 * calls a file ("corpus" or "fixtures"). */
static const char *golden__src_root, *golden__exp_root, *golden__label;

static char *golden__render(const char *fmt, const char *name, const char *src, size_t len) {
    RlsFormat format = strcmp(fmt, "tex") == 0 ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN;
    RlsText *text = rls_text_new(src, len);
    RlsParser *parser = rls_parser_new(format);
    RlsResume *model = rls_parser_parse(parser, rls_text_data(text), rls_text_len(text), NULL);
    char label[512];
    snprintf(label, sizeof(label), "%s/%s/%s.%s", golden__label, fmt, name, fmt);
    RlsBuf out;
    rls_buf_init(&out);
    rls_outline_render(model, text, label, true, &out);
    rls_resume_delete(model);
    rls_parser_delete(parser);
    rls_text_delete(text);
    return rls_buf_detach(&out);
}

static int golden__one(const char *fmt, const char *name) {
    char src_path[1024], exp_path[1024];
    snprintf(src_path, sizeof(src_path), "%s/%s/%s.%s", golden__src_root, fmt, name, fmt);
    snprintf(exp_path, sizeof(exp_path), "%s/%s/%s.expected", golden__exp_root, fmt, name);
    size_t len;
    char *src = rls_test_read_file(src_path, &len);
    if (!src) {
        printf("not ok - %s/%s: %s is missing\n", fmt, name, src_path);
        return 1;
    }
    char *got = golden__render(fmt, name, src, len);
    rls_free(src);
    int failed = 0;
    if (golden__regen(fmt)) {
        FILE *f = fopen(exp_path, "wb");
        if (f) {
            fputs(got, f);
            fclose(f);
        }
        printf("ok - %s/%s (regenerated)\n", fmt, name);
    } else {
        char *want = rls_test_read_file(exp_path, NULL);
        if (!want || strcmp(want, got) != 0) {
            failed = 1;
            printf("not ok - %s/%s differs from %s\n", fmt, name, exp_path);
            /* First differing line, to make the failure readable. */
            const char *a = want ? want : "", *b = got;
            int line = 1;
            while (*a && *a == *b) {
                if (*a == '\n') line++;
                a++, b++;
            }
            printf("#   first difference at line %d\n#   expected: %.80s\n#   got:      %.80s\n",
                   line, a, b);
        } else {
            printf("ok - %s/%s\n", fmt, name);
        }
        rls_free(want);
    }
    rls_free(got);
    return failed;
}

static int golden__cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names (without extension) of files in dir ending in ext. Owned. */
static size_t golden__list(const char *dir, const char *ext, char ***out) {
    DIR *d = opendir(dir);
    size_t n = 0, cap = 0;
    *out = NULL;
    if (!d) return 0;
    struct dirent *e;
    size_t el = strlen(ext);
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl <= el || strcmp(e->d_name + nl - el, ext) != 0) continue;
        RLS_PUSH(*out, n, cap, rls_strndup(e->d_name, nl - el));
    }
    closedir(d);
    if (n) qsort(*out, n, sizeof(char *), golden__cmp);
    return n;
}

int main(int argc, char **argv) {
    static const char *const fmts[] = {"md", "tex"};
    if (argc > 1 && strcmp(argv[1], "--corpus") == 0) {
        rls_test_require_corpus();
        golden__src_root = rls_test_corpus_dir();
        golden__exp_root = RLS_GOLDEN_DIR;
        golden__label = "corpus";
    } else {
        golden__src_root = RLS_TEST_RESUMES;
        golden__exp_root = RLS_GOLDEN_DIR "/fixtures";
        golden__label = "fixtures";
    }
    int failed = 0, total = 0;
    for (size_t f = 0; f < RLS_ARRAY_LEN(fmts); f++) {
        char dir[1024];
        char **names;
        size_t n;
        if (golden__regen(fmts[f])) {
            /* Every source file of this format gets a golden. */
            char ext[8];
            snprintf(dir, sizeof(dir), "%s/%s", golden__src_root, fmts[f]);
            snprintf(ext, sizeof(ext), ".%s", fmts[f]);
            char gdir[1024];
            mkdir(golden__exp_root, 0755);
            snprintf(gdir, sizeof(gdir), "%s/%s", golden__exp_root, fmts[f]);
            mkdir(gdir, 0755);
            n = golden__list(dir, ext, &names);
        } else {
            snprintf(dir, sizeof(dir), "%s/%s", golden__exp_root, fmts[f]);
            n = golden__list(dir, ".expected", &names);
        }
        for (size_t i = 0; i < n; i++) {
            failed += golden__one(fmts[f], names[i]);
            total++;
            rls_free(names[i]);
        }
        rls_free(names);
    }
    printf("# %d goldens, %d failed\n", total, failed);
    if (total == 0) {
        printf("not ok - no golden outlines found under %s\n", golden__exp_root);
        return 1;
    }
    return failed ? 1 : 0;
}
