/*
 * outline.h - rendering the resume model for `resume-ls outline` and for
 * the golden-outline tests (tests/golden/).
 */
#ifndef RLS_CLI_OUTLINE_H_
#define RLS_CLI_OUTLINE_H_

#include <stdbool.h>

#include "rls/buf.h"
#include "rls/model.h"
#include "rls/text.h"

/* Appends the model of `text` to *out: JSON (an object, pretty-printed,
 * stable key order) when `json`, otherwise an indented outline for people.
 * `name` is the file name printed in the output. Positions are 1-based
 * line:column, columns in Unicode code points. Borrows everything. */
void rls_outline_render(const RlsResume *model, const RlsText *text, const char *name, bool json,
                        RlsBuf *out);

/* What the JSON outline adds for tools (`resume-ls outline --format json`). */
typedef struct {
    /* Every "range" string gets an "lsp_range" object beside it,
     * {"start":{"line","character"},"end":{...}}, 0-based as in LSP, the
     * characters counted in `encoding`; every entry gets "sources": for its
     * title, organisation, location and dates, the source range it was read
     * from (null when the text is not found verbatim in the entry's header,
     * e.g. written by a macro or across markup). */
    bool lsp;
    RlsEncoding encoding; /* RLS_ENC_UTF16 (the LSP default), _UTF8 or _UTF32 */
} RlsOutlineOptions;

/* rls_outline_render with options (NULL: none, as rls_outline_render; the
 * golden outlines are written so, which keeps them short). Borrows
 * everything. */
void rls_outline_render_with(const RlsResume *model, const RlsText *text, const char *name,
                             bool json, const RlsOutlineOptions *opts, RlsBuf *out);

#endif /* RLS_CLI_OUTLINE_H_ */
