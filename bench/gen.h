/*
 * gen.h - deterministic resumes for benchmarks: the same seed gives the
 * same bytes on every machine, so results compare across commits.
 */
#ifndef RLS_BENCH_GEN_H_
#define RLS_BENCH_GEN_H_

#include <stdbool.h>
#include <stddef.h>

#include "rls/buf.h"

/* Appends a resume with n_bullets bullets (6 per role) to out: Markdown, or
 * LaTeX when latex is true. A mix of strong and weak bullets, so the rules
 * have findings to report. ASCII only, one bullet per line. */
void rls_bench_gen(RlsBuf *out, size_t n_bullets, bool latex, unsigned seed);

#endif /* RLS_BENCH_GEN_H_ */
