/*
 * score.c - the score of an open document (score.h).
 */
#include "lsp/score.h"

int rls_lsp_document_score(RlsServer *srv, RlsDocument *doc, RlsScore *score, RlsKwReport *report) {
    const RlsAnalysis *an = rls_document_analysis(srv, doc);
    rls_kw_analyze(report, an->model, &doc->config);
    return rls_score_compute(score, an->model, rls_text_data(doc->text), rls_text_len(doc->text),
                             &an->diags, report, &doc->config);
}
