/*
 * hover.h - hover texts (Markdown) built from the model, the findings and
 * the keyword report. Pure functions: no I/O, no protocol types; the LSP
 * handler converts the returned span to a range and wraps the text in
 * MarkupContent { kind: "markdown" }.
 *
 *   on a keyword:  the term, its category, the alias matched, hits and where
 *                  (section and line of each), backed by a bullet or only
 *                  listed, asked for by the job description or not;
 *   on a bullet:   the content rules it fails (with the finding's message)
 *                  and passes, its keywords, and what it is worth in the
 *                  score now and once fixed;
 *   on a heading:  the keywords the section covers (and, on Skills, which
 *                  are listed but unbacked, and what the job description
 *                  asks for that the resume lacks).
 */
#ifndef RLS_HOVER_H_
#define RLS_HOVER_H_

#include "rls/config.h"
#include "rls/diag.h"
#include "rls/keyword_report.h"
#include "rls/model.h"
#include "rls/score.h"

/* The hover at byte offset at_byte of src (the text model was built from):
 * a keyword first, then a section heading, then a bullet. diags are the
 * document's findings (may be NULL); config may be NULL. Sets *range_out
 * (may be NULL) to the source span the hover describes. Returns owned
 * Markdown (free with rls_free), or NULL when there is nothing to say. */
char *rls_hover_at(const RlsResume *model, const RlsDiagList *diags, const char *src,
                   uint32_t src_len, const RlsConfig *config, uint32_t at_byte, RlsSpan *range_out);

/* The building blocks, for callers that already hold a report and score.
 * All return owned Markdown (free with rls_free); borrow everything. */
char *rls_hover_keyword(const RlsResume *model, const RlsKwReport *report, const char *src,
                        uint32_t src_len, const RlsKwHit *hit);
char *rls_hover_bullet(const RlsResume *model, const RlsDiagList *diags, const RlsKwReport *report,
                       const RlsScore *score, const RlsConfig *config, uint32_t bullet);
char *rls_hover_heading(const RlsResume *model, const RlsKwReport *report, uint32_t section);

#endif /* RLS_HOVER_H_ */
