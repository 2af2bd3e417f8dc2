/*
 * analysis.h - the whole check of one document, shared by the language
 * server and the command line so that both say exactly the same thing:
 * parse -> model -> every rule (content, document, keyword and layout).
 */
#ifndef RLS_ANALYSIS_H_
#define RLS_ANALYSIS_H_

#include "rls/config.h"
#include "rls/diag.h"
#include "rls/model.h"
#include "rls/parse.h"
#include "rls/rules.h"

/* The one finding of a document that was not analysed (rule
 * RLS_RULE_ID(NOT_ANALYSED), rules.h): not UTF-8 text, larger than the
 * threshold "not-analysed.maxBytes" (default RLS_ANALYSIS_MAX_BYTES, config.h),
 * or past the parse budget (parse.h). */

struct RlsRulesCache;
struct RlsKwScanCache;

typedef struct {
    RlsResume *model; /* owned */
    RlsDiagList diags;
    /* Owned, kept across rls_analyze calls on successive versions of one
     * document so a keystroke re-judges only what it changed (issue 9). */
    struct RlsRulesCache *rules_cache;
    struct RlsKwScanCache *kw_cache;
} RlsAnalysis;

void rls_analysis_init(RlsAnalysis *self);
/* Frees the model, the findings and the caches; the struct may be reused. */
void rls_analysis_close(RlsAnalysis *self);

/* Frees the caches (keeping the model and findings): for a document not
 * being edited. The next rls_analyze judges every bullet again. */
void rls_analysis_trim(RlsAnalysis *self);

/* Parses src[0..len) with parser (whose tree has been told of every edit
 * since its last parse) and runs the rules under config (NULL: defaults).
 * Replaces whatever *self held, reusing its caches: the findings are
 * exactly those of a fresh analysis of the same text. A document that is
 * not text, too large, or too complex to parse within the budget gets an
 * empty model and one not-analysed finding on its first line.
 * Returns 0. */
int rls_analyze(RlsAnalysis *self, RlsParser *parser, const char *src, uint32_t len,
                const RlsConfig *config);

#endif /* RLS_ANALYSIS_H_ */
