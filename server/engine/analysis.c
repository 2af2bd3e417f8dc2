/*
 * analysis.c - parse, then every rule (analysis.h).
 */
#include "rls/analysis.h"

#include "rls/keywords.h"
#include "rls/rules.h"

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

int rls_analyze(RlsAnalysis *self, RlsParser *parser, const char *src, uint32_t len,
                const RlsConfig *config) {
    rls_resume_delete(self->model);
    self->model = NULL;
    rls_diag_list_clear(&self->diags);
    if (!self->rules_cache) self->rules_cache = rls_rules_cache_new();
    if (!self->kw_cache) self->kw_cache = rls_kw_scan_cache_new();
    RlsParseOptions opts = {0};
    if (config) {
        opts.macros = config->macros;
        opts.n_macros = config->n_macros;
    }
    self->model = rls_parser_parse(parser, src, len, &opts);
    rls_rules_run_cached(self->rules_cache, self->model, src, len, config, &self->diags);
    rls_keywords_check_cached(self->kw_cache, self->model, src, len, config, &self->diags);
    /* From 0, not from the first keyword finding: rls_keywords_check sorts
     * the whole list, so keyword findings can land among the rules' ones.
     * The rules' findings that are left passed suppression already, so a
     * second pass keeps them. */
    rls_rules_suppress(self->model, src, len, &self->diags, 0);
    rls_diag_list_sort(&self->diags);
    return 0;
}
