/*
 * fuzz_parse.c - one grammar's parse alone: bytes -> model, on small inputs
 * (issue #17: fuzzing fast enough to matter; the whole pipeline is
 * fuzz_analyze). Built twice, as fuzz_parse_md and fuzz_parse_tex, with
 * FUZZ_PARSE_LATEX 0 or 1 (tests.cmake), so that each target's corpus
 * holds one grammar's inputs. The input is the document itself, no mode
 * byte. One parser serves every input, each one replacing the whole text
 * before it (fuzz_model_parse; under libFuzzer each run frees the tree it
 * made, the Markdown tree at its end and the LaTeX parser whole, so that
 * libFuzzer's leak check does not run it twice: fuzz_model.h says why), so
 * a run is a full parse without building the Markdown parser and its
 * caches again; the model
 * must keep the invariants of fuzz_model.h. The replays (not libFuzzer,
 * where it would halve the runs a second) also parse the same bytes with a
 * new parser: the same model shape must come back, unless a parse ran out
 * of its time budget (rls_parser_gave_up: CPU time, so a loaded machine
 * may differ).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_model.h"
#include "rls/alloc.h"
#include "rls/parse.h"

#if FUZZ_PARSE_LATEX
#define FUZZ__FORMAT RLS_FORMAT_LATEX
#define FUZZ__NAME "fuzz_parse_tex"
#else
#define FUZZ__FORMAT RLS_FORMAT_MARKDOWN
#define FUZZ__NAME "fuzz_parse_md"
#endif

/* Larger inputs are fuzz_analyze's: here many small ones a second. */
#define FUZZ__MAX_DOC (16 * 1024)

static FuzzParser fuzz__parser;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > FUZZ__MAX_DOC) return 0;
    const char *src = (const char *)data;
    uint32_t len = (uint32_t)size;
    RlsResume *m = fuzz_model_parse(&fuzz__parser, FUZZ__FORMAT, src, len);
    fuzz_model_check(m, len);
#ifndef RLS_FUZZING
    /* The same bytes through a parser made for them alone. */
    bool gave_up = rls_parser_gave_up(fuzz__parser.parser) != NULL;
    RlsParser *fresh = rls_parser_new(FUZZ__FORMAT);
    RlsResume *again = rls_parser_parse(fresh, src, len, NULL);
    gave_up = gave_up || rls_parser_gave_up(fresh) != NULL;
    rls_parser_delete(fresh);
    if (!gave_up && (again->n_sections != m->n_sections || again->n_bullets != m->n_bullets ||
                     again->n_entries != m->n_entries || again->n_errors != m->n_errors)) {
        fprintf(stderr, FUZZ__NAME ": the same bytes parsed twice gave two models (kept parser / "
                                   "new parser)\n");
        abort();
    }
    rls_resume_delete(again);
#endif
    rls_resume_delete(m);
    return 0;
}
