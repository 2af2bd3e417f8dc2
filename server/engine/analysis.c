/*
 * analysis.c - parse, then every rule (analysis.h).
 */
#include "rls/analysis.h"

#include <string.h>

#include "model/builder.h"
#include "rls/keyword_report.h"
#include "rls/rules.h"
#include "rls/spell.h"
#include "rls/text.h"

/* Text with one bad character in this many or more is not text. */
#define ANALYSIS_MAX_BAD_PART 8u

void rls_analysis_init(RlsAnalysis *self) {
    self->model = NULL;
    rls_diag_list_init(&self->diags);
    self->rules_cache = NULL;
    self->kw_cache = NULL;
}

void rls_analysis_close(RlsAnalysis *self) {
    rls_resume_delete(self->model);
    rls_diag_list_close(&self->diags);
    rls_rules_cache_delete(self->rules_cache);
    rls_kw_scan_cache_delete(self->kw_cache);
    rls_analysis_init(self);
}

void rls_analysis_trim(RlsAnalysis *self) {
    rls_rules_cache_delete(self->rules_cache);
    rls_kw_scan_cache_delete(self->kw_cache);
    self->rules_cache = NULL;
    self->kw_cache = NULL;
}

/* Why src is not text: NULL when it is. The shell turns invalid UTF-8 into
 * U+FFFD before the core sees it (cli/files.c), so replacement characters
 * count as invalid bytes here. */
static const char *analysis__not_text(const char *src, uint32_t len) {
    const unsigned char *p = (const unsigned char *)src;
    /* A UTF-16 byte-order mark (the command line has replaced it by two
     * U+FFFD already; the NUL bytes of UTF-16 text give it away then). */
    if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
        return "it starts with a UTF-16 byte-order mark";
    if (memchr(src, '\0', len)) return "it holds NUL bytes";
    uint32_t chars = 0, bad = 0;
    for (uint32_t at = 0; at < len; chars++) {
        uint32_t cp;
        at += rls_utf8_decode(p + at, len - at, &cp);
        bad += cp == 0xFFFD;
    }
    /* A Latin-1 file has a few bad bytes among its letters: it is read; a
     * binary one has them everywhere. */
    if (bad && (uint64_t)bad * ANALYSIS_MAX_BAD_PART >= chars)
        return "much of it is not valid UTF-8";
    return NULL;
}

/* Leaves the analysis empty but for the one finding that says why (pushed
 * by the caller, at the returned span: the first line, up to 200 bytes).
 * Returns the severity to give it; RLS_SEV_OFF: push nothing. */
static RlsSeverity analysis__refuse(RlsAnalysis *self, RlsFormat format, const char *src,
                                    uint32_t len, const RlsConfig *config, RlsSpan *span) {
    RlsModelBuilder mb;
    rls_model_builder_init(&mb, format, len);
    self->model = rls_model_builder_finish(&mb);
    uint32_t line_end = 0;
    while (line_end < len && line_end < 200 && src[line_end] != '\n' && src[line_end] != '\r')
        line_end++;
    /* Never inside a character: positions convert to UTF-16. */
    while (line_end < len && ((unsigned char)src[line_end] & 0xC0) == 0x80)
        line_end++;
    *span = (RlsSpan){0, line_end};
    return rls_config_severity(config, RLS_RULE_ID(NOT_ANALYSED), RLS_SEV_ERROR);
}

int rls_analyze(RlsAnalysis *self, RlsParser *parser, const char *src, uint32_t len,
                const RlsConfig *config) {
    rls_resume_delete(self->model);
    self->model = NULL;
    rls_diag_list_clear(&self->diags);
    if (!self->rules_cache) self->rules_cache = rls_rules_cache_new();
    if (!self->kw_cache) self->kw_cache = rls_kw_scan_cache_new();
    double max_bytes = rls_config_threshold_of(config, RLS_THRESHOLD_NOT_ANALYSED_MAX_BYTES);
    const char *why = analysis__not_text(src, len);
    RlsSpan span;
    if (why) {
        RlsSeverity sev =
            analysis__refuse(self, rls_parser_format(parser), src, len, config, &span);
        if (sev != RLS_SEV_OFF)
            rls_diag_push(&self->diags, span, sev, RLS_RULE_ID(NOT_ANALYSED),
                          "This file is not UTF-8 text (%s), so it was not checked: save it as "
                          "UTF-8 text.",
                          why);
        return 0;
    }
    if ((double)len > max_bytes) {
        RlsSeverity sev =
            analysis__refuse(self, rls_parser_format(parser), src, len, config, &span);
        if (sev != RLS_SEV_OFF)
            rls_diag_push(&self->diags, span, sev, RLS_RULE_ID(NOT_ANALYSED),
                          "This document is too large to check: %u bytes, more than the "
                          "%.0f checked at most (threshold %s.maxBytes).",
                          len, max_bytes, RLS_RULE_ID(NOT_ANALYSED));
        return 0;
    }
    RlsParseOptions opts = {0};
    if (config) {
        opts.macros = config->macros;
        opts.n_macros = config->n_macros;
    }
    self->model = rls_parser_parse(parser, src, len, &opts);
    const char *gave_up = rls_parser_gave_up(parser);
    if (gave_up) {
        rls_resume_delete(self->model);
        self->model = NULL;
        RlsSeverity sev =
            analysis__refuse(self, rls_parser_format(parser), src, len, config, &span);
        if (sev != RLS_SEV_OFF)
            rls_diag_push(&self->diags, span, sev, RLS_RULE_ID(NOT_ANALYSED),
                          "This document was not checked: %s.", gave_up);
        return 0;
    }
    rls_rules_run_cached(self->rules_cache, self->model, src, len, config, &self->diags);
    rls_keywords_check_cached(self->kw_cache, self->model, src, len, config, &self->diags);
    rls_spell_check(self->model, src, len, config, &self->diags);
    /* From 0, not from the first keyword finding: rls_keywords_check sorts
     * the whole list, so keyword findings can land among the rules' ones.
     * The rules' findings that are left passed suppression already, so a
     * second pass keeps them. */
    rls_rules_suppress(self->model, src, len, &self->diags, 0);
    rls_diag_list_sort(&self->diags);
    return 0;
}
