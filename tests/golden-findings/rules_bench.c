/*
 * rules_bench.c - the rule engine alone, for profiling (issue 9): parses a
 * generated resume once, then runs rls_rules_run N times, as each keystroke
 * does. Not a test: built next to the golden findings runner, run by hand:
 *
 *     valgrind --tool=callgrind build/tests/rules_bench 1000 60
 *     build/tests/rules_bench 100000 60      # wall time per run
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gen.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/parse.h"
#include "rls/rules.h"

int main(int argc, char **argv) {
    long runs = argc > 1 ? atol(argv[1]) : 1000;
    size_t bullets = argc > 2 ? (size_t)atol(argv[2]) : 60;
    bool latex = argc > 3 && argv[3][0] == 't';
    RlsBuf src;
    rls_buf_init(&src);
    rls_bench_gen(&src, bullets, latex, 1);
    RlsParser *p = rls_parser_new(latex ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN);
    RlsResume *m = rls_parser_parse(p, src.data, (uint32_t)src.len, NULL);
    RlsDiagList out;
    rls_diag_list_init(&out);
    size_t findings = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < runs; i++) {
        rls_diag_list_clear(&out);
        rls_rules_run(m, src.data, (uint32_t)src.len, NULL, &out);
        findings = out.len;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double us = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / 1e3;
    printf("%zu bullets, %zu bytes, %zu findings: %.2f us per run (%ld runs)\n",
           (size_t)m->n_bullets, src.len, findings, us / (double)runs, runs);
    rls_diag_list_close(&out);
    rls_resume_delete(m);
    rls_parser_delete(p);
    rls_buf_close(&src);
    rls_parse_release_globals();
    return 0;
}
