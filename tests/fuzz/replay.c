/*
 * replay.c - runs a fuzz target over files, without libFuzzer.
 *
 * Every fuzz target is also an ordinary test: built with this main, it
 * replays the seed corpora (real resumes, fixtures, crashes found before),
 * so a regression shows up in every build, not only in fuzzing builds.
 *   fuzz_x [--prefix C] [--corpus] FILE|DIR...
 * --prefix puts the byte C before every input, for targets whose first
 * byte selects a mode (fuzz_analyze: even = Markdown, odd = LaTeX).
 * --corpus reads the paths after it inside the real-resume corpus
 * (test_data.h), and skips the run (exit 77) when there is no corpus.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "test_data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay__prefix = -1;

static int replay__file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    size_t off = replay__prefix >= 0 ? 1 : 0;
    uint8_t *buf = malloc((len > 0 ? (size_t)len : 0) + off + 1);
    if (off) buf[0] = (uint8_t)replay__prefix;
    size_t got = fread(buf + off, 1, len > 0 ? (size_t)len : 0, f);
    fclose(f);
    LLVMFuzzerTestOneInput(buf, got + off);
    free(buf);
    return 0;
}

static int replay__path(const char *path, int *count) {
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: no such file or directory: %s\n", path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        (*count)++;
        return replay__file(path);
    }
    DIR *d = opendir(path);
    if (!d) return 1;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char child[4096];
        snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
        rc |= replay__path(child, count);
    }
    closedir(d);
    return rc;
}

int main(int argc, char **argv) {
    int rc = 0, count = 0;
    const char *root = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--prefix") == 0 && i + 1 < argc) {
            replay__prefix = (unsigned char)argv[++i][0];
            continue;
        }
        if (strcmp(argv[i], "--corpus") == 0) {
            rls_test_require_corpus();
            root = rls_test_corpus_dir();
            continue;
        }
        if (root) {
            char path[4096];
            snprintf(path, sizeof(path), "%s/%s", root, argv[i]);
            rc |= replay__path(path, &count);
        } else {
            rc |= replay__path(argv[i], &count);
        }
    }
    printf("replayed %d inputs\n", count);
    if (count == 0) {
        fprintf(stderr, "replay: no inputs found\n");
        return 1;
    }
    return rc;
}
