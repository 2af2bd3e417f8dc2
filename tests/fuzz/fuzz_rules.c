/*
 * fuzz_rules.c - the rules alone, on small models (issue #17: fuzzing fast
 * enough to matter; the parsers are fuzz_parse_md/_tex, the whole
 * pipeline, keywords and layout included, is fuzz_analyze).
 *
 * Input: the first byte says what the rest is. Bit 0: the model's format
 * (0 Markdown, 1 LaTeX). Bit 1 clear ('d', 'e'): a model written out as
 * lines (fuzz_rules_model.h), decoded through the model builder without a
 * parser: the parse was about two thirds of a run (runs per CPU second
 * 319 -> 932), so this is what libFuzzer gets. Bit 1 set ('b', 'c'): a
 * whole document, parsed (one parser per format, fuzz_model_parse): for
 * the replays of the fixture resumes only; under libFuzzer such an input
 * is refused (returns -1, so it never enters the corpus).
 * tests/fuzz/rules_seed.c writes the model of a document as lines, which
 * is how the seeds are made (scripts/fuzz.sh).
 *
 * Every run runs every rule over the model twice: without a cache, and
 * with the cache kept across all inputs (as successive versions of one
 * document, however different; LLVMFuzzerInitialize makes it). The model
 * and the findings must keep the invariants of fuzz_model.h, and the
 * cached run must give exactly the uncached findings (rls/rules.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_model.h"
#include "fuzz_rules_model.h"
#include "rls/alloc.h"
#include "rls/parse.h"
#include "rls/rules.h"

#define FUZZ__MAX_DOC (16 * 1024)

static FuzzParser fuzz__parsers[2];
static RlsRulesCache *fuzz__cache;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fuzz__cache = rls_rules_cache_new();
    return 0;
}

static void fuzz__same(const RlsDiagList *a, const RlsDiagList *b) {
    bool same = a->len == b->len;
    for (size_t i = 0; same && i < a->len; i++) {
        const RlsDiag *x = &a->items[i], *y = &b->items[i];
        same = x->span.start_byte == y->span.start_byte && x->span.end_byte == y->span.end_byte &&
               x->severity == y->severity && x->bullet == y->bullet &&
               x->plain_start == y->plain_start && x->plain_end == y->plain_end &&
               strcmp(x->rule, y->rule) == 0 && strcmp(x->message, y->message) == 0;
    }
    if (!same) {
        fprintf(stderr, "fuzz_rules: %zu findings without the cache, %zu with it\n", a->len,
                b->len);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size - 1 > FUZZ__MAX_DOC) return 0;
    if (!fuzz__cache) LLVMFuzzerInitialize(NULL, NULL); /* replay.c has no initialiser */
    bool latex = data[0] & 1, document = data[0] & 2;
    const char *src = (const char *)data + 1;
    uint32_t len = (uint32_t)(size - 1);
    RlsFormat format = latex ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN;
#ifdef RLS_FUZZING
    if (document) return -1;
#endif
    RlsResume *m = document ? fuzz_model_parse(&fuzz__parsers[latex], format, src, len)
                            : fuzz_rules_decode(src, len, format);
    fuzz_model_check(m, len);

    RlsDiagList plain, cached;
    rls_diag_list_init(&plain);
    rls_diag_list_init(&cached);
    if (rls_rules_run(m, src, len, NULL, &plain) != 0) abort();
    fuzz_model_check_diags(&plain, m, len);
    if (rls_rules_run_cached(fuzz__cache, m, src, len, NULL, &cached) != 0) abort();
    fuzz__same(&plain, &cached);
    rls_diag_list_close(&plain);
    rls_diag_list_close(&cached);
    rls_resume_delete(m);
    return 0;
}
