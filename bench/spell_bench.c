/*
 * spell_bench.c - what the `spelling` rule costs (issue 18):
 *
 *   spell_bench [--runs N] FILE
 *
 * Prints the median of N runs of: loading the en_US dictionary (a fresh
 * library each time, as a process start does) and freeing it, one rls_analyze of FILE
 * with spelling off, with spelling on and a warm per-word cache (the
 * server's keystroke case), and with a cold cache (the first check after
 * the load). Milliseconds. A benchmark, not a test.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rls/alloc.h"
#include "rls/analysis.h"
#include "rls/parse.h"
#include "speller/speller.h"

static double bench__now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int bench__cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double bench__median(double *v, int n) {
    qsort(v, (size_t)n, sizeof(*v), bench__cmp);
    return v[n / 2];
}

static double bench__analyze(const char *src, uint32_t len, RlsFormat fmt, const RlsConfig *cfg) {
    RlsParser *parser = rls_parser_new(fmt);
    RlsAnalysis an;
    rls_analysis_init(&an);
    double t0 = bench__now_ms();
    rls_analyze(&an, parser, src, len, cfg);
    double ms = bench__now_ms() - t0;
    rls_analysis_close(&an);
    rls_parser_delete(parser);
    return ms;
}

int main(int argc, char **argv) {
    int runs = 21;
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else
            file = argv[i];
    }
    if (!file || runs < 1 || runs > 1000) {
        fprintf(stderr, "usage: spell_bench [--runs N] FILE\n");
        return 2;
    }
    FILE *f = fopen(file, "rb");
    if (!f) {
        perror(file);
        return 2;
    }
    static char src[1 << 20];
    uint32_t len = (uint32_t)fread(src, 1, sizeof(src) - 1, f);
    fclose(f);
    RlsFormat fmt = strstr(file, ".tex") ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN;
    double *load = calloc((size_t)runs, sizeof(double));
    double *off = calloc((size_t)runs, sizeof(double));
    double *warm = calloc((size_t)runs, sizeof(double));
    double *cold = calloc((size_t)runs, sizeof(double));
    double *unload = calloc((size_t)runs, sizeof(double));
    RlsConfig cfg;
    rls_config_init(&cfg);
    for (int r = 0; r < runs; r++) {
        RlsSpellerLib *lib = rls_speller_lib_new(NULL, NULL);
        RlsSpellSource source = rls_speller_lib_source(lib);
        double t0 = bench__now_ms();
        source.speller_cb(source.data, "en", NULL);
        load[r] = bench__now_ms() - t0;
        cfg.spell = source;
        cold[r] = bench__analyze(src, len, fmt, &cfg);
        warm[r] = bench__analyze(src, len, fmt, &cfg);
        cfg.spell = (RlsSpellSource){NULL, NULL};
        off[r] = bench__analyze(src, len, fmt, &cfg);
        t0 = bench__now_ms();
        rls_speller_lib_delete(lib);
        unload[r] = bench__now_ms() - t0;
    }
    printf("spelling on %s (median of %d):\n", file, runs);
    printf("  dictionary load (en_US)      %8.2f ms\n", bench__median(load, runs));
    printf("  dictionary free              %8.2f ms\n", bench__median(unload, runs));
    printf("  check, spelling off          %8.3f ms\n", bench__median(off, runs));
    printf("  check, spelling on, warm     %8.3f ms\n", bench__median(warm, runs));
    printf("  check, spelling on, cold     %8.3f ms\n", bench__median(cold, runs));
    rls_config_close(&cfg);
    free(load);
    free(off);
    free(warm);
    free(cold);
    free(unload);
    rls_parse_release_globals();
    return 0;
}
