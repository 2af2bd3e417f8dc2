/*
 * tex_expand.h - a LaTeX document's own macros, expanded before the walk.
 *
 * A resume that defines its own \newcommand / \NewDocumentCommand / \def /
 * \newenvironment shows its structure (\item, \textbf{#1} \hfill #2, tabular
 * rows, \section) only once the calls are replaced by the definitions. The
 * reader parses that expanded text instead of the source, then maps every
 * span of the model back to source bytes: bytes copied from a call's
 * arguments map one to one, bytes written by a definition map to the whole
 * call and are marked generated, so an edit of them is refused.
 *
 * Macros the template tables know (tex_templates.c) and macros configured in
 * .resume-ls.json keep their table meaning and are never expanded.
 */
#ifndef RLS_PARSE_TEX_EXPAND_H_
#define RLS_PARSE_TEX_EXPAND_H_

#include "rls/model.h"
#include "rls/parse.h"

typedef struct RlsTexExpansion RlsTexExpansion;

/* Expands the calls of the document's own macros in src[0..len), one level
 * deep (a definition's body is not expanded again; calls inside a call's
 * arguments are). Returns NULL when no call was expanded: the caller reads
 * the source itself. */
RlsTexExpansion *rls_tex_expand(const char *src, uint32_t len, const RlsParseOptions *opts);

/* The expanded text (NUL-terminated) and its length in bytes. */
const char *rls_tex_expansion_text(const RlsTexExpansion *self, uint32_t *len_bytes);

/* Rewrites every span of a model built from the expanded text into source
 * bytes, and marks plain bytes a definition wrote as generated. */
void rls_tex_expansion_remap(const RlsTexExpansion *self, RlsResume *model);

void rls_tex_expansion_delete(RlsTexExpansion *self);

#endif /* RLS_PARSE_TEX_EXPAND_H_ */
