/*
 * analysis.c - parse, then every rule (analysis.h).
 */
#include "rls/analysis.h"

#include "rls/keywords.h"
#include "rls/rules.h"

void rls_analysis_init(RlsAnalysis *self) {
    self->model = NULL;
    rls_diag_list_init(&self->diags);
}

void rls_analysis_close(RlsAnalysis *self) {
    rls_resume_delete(self->model);
    rls_diag_list_close(&self->diags);
    rls_analysis_init(self);
}

int rls_analyze(RlsAnalysis *self, RlsParser *parser, const char *src, uint32_t len,
                const RlsConfig *config) {
    rls_analysis_close(self);
    RlsParseOptions opts = {0};
    if (config) {
        opts.macros = config->macros;
        opts.n_macros = config->n_macros;
    }
    self->model = rls_parser_parse(parser, src, len, &opts);
    rls_rules_run(self->model, src, len, config, &self->diags);
    rls_keywords_check(self->model, src, len, config, &self->diags);
    /* From 0, not from the first keyword finding: rls_keywords_check sorts
     * the whole list, so keyword findings can land among the rules' ones.
     * The rules' findings that are left passed suppression already, so a
     * second pass keeps them. */
    rls_rules_suppress(self->model, src, len, &self->diags, 0);
    rls_diag_list_sort(&self->diags);
    return 0;
}
