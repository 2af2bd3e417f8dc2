/*
 * fuzz_analyze.c - parse -> model -> rules on arbitrary documents, and the
 * incremental path checked against a fresh parse.
 *
 * Input: the first byte picks the format (even: Markdown, odd: LaTeX) and
 * where to cut an edit; the rest is the document. The document is analysed,
 * then a slice of it is deleted and re-inserted through the incremental
 * path: the findings must equal those of a fresh parse of the same text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/analysis.h"
#include "rls/text.h"

static bool fuzz__same_diags(const RlsDiagList *a, const RlsDiagList *b) {
    if (a->len != b->len) return false;
    for (size_t i = 0; i < a->len; i++) {
        if (a->items[i].span.start_byte != b->items[i].span.start_byte ||
            a->items[i].span.end_byte != b->items[i].span.end_byte ||
            strcmp(a->items[i].rule, b->items[i].rule) != 0)
            return false;
    }
    return true;
}

static void fuzz__check_model(const RlsResume *m, uint32_t len) {
    for (uint32_t i = 0; i < m->n_bullets; i++) {
        const RlsBullet *b = &m->bullets[i];
        if (b->span.end_byte > len || b->span.start_byte > b->span.end_byte) abort();
        for (uint32_t k = 0; k < b->plain.len; k++)
            if (b->plain.src_end[k] > len || b->plain.src_start[k] > b->plain.src_end[k]) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 256 * 1024) return 0;
    RlsFormat format = (data[0] & 1) ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN;
    const char *doc = (const char *)data + 1;
    uint32_t len = (uint32_t)(size - 1);

    RlsText *text = rls_text_new(doc, len);
    RlsParser *inc = rls_parser_new(format);
    RlsAnalysis a;
    rls_analysis_init(&a);
    rls_analyze(&a, inc, rls_text_data(text), rls_text_len(text), NULL);
    fuzz__check_model(a.model, len);

    /* Delete a slice, analyse, put it back, analyse: back where we began. */
    uint32_t cut = len ? (uint32_t)((data[0] >> 1) * (uint64_t)len / 128) : 0;
    if (cut > len) cut = len;
    uint32_t cut_len = RLS_MIN(len - cut, 17u);
    char *slice = rls_strndup(rls_text_data(text) + cut, cut_len);
    RlsByteEdit e;
    if (rls_text_replace(text, cut, cut + cut_len, "", 0, &e) != 0) abort();
    rls_parser_edit(inc, &e);
    rls_analyze(&a, inc, rls_text_data(text), rls_text_len(text), NULL);
    fuzz__check_model(a.model, rls_text_len(text));
    if (rls_text_replace(text, cut, cut, slice, cut_len, &e) != 0) abort();
    rls_parser_edit(inc, &e);
    rls_analyze(&a, inc, rls_text_data(text), rls_text_len(text), NULL);

    RlsParser *fresh = rls_parser_new(format);
    RlsAnalysis b;
    rls_analysis_init(&b);
    rls_analyze(&b, fresh, rls_text_data(text), rls_text_len(text), NULL);
    if (!fuzz__same_diags(&a.diags, &b.diags)) abort();
    if (a.model->n_bullets != b.model->n_bullets || a.model->n_sections != b.model->n_sections)
        abort();

    rls_analysis_close(&a);
    rls_analysis_close(&b);
    rls_parser_delete(inc);
    rls_parser_delete(fresh);
    rls_text_delete(text);
    rls_free(slice);
    return 0;
}
