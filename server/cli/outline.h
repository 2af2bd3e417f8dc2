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

#endif /* RLS_CLI_OUTLINE_H_ */
