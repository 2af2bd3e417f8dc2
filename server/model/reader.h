/*
 * reader.h - the format-neutral reader (issue #13): what a resume's entries
 * mean, decided once for every format.
 *
 * Today the parsers (server/parse/markdown.c, latex.c) still group their
 * syntax into sections, entries and bullets; the reader takes the entries
 * they made and settles their fields by content, the same code for
 * Markdown and LaTeX. Heuristics move here from the parsers as the neutral
 * block stream (docs/architecture.md, "How a resume is read") replaces
 * their grouping code.
 */
#ifndef RLS_MODEL_READER_H_
#define RLS_MODEL_READER_H_

#include "rls/model.h"

/* Settles every entry of `model` by content:
 *   - an organisation with a place glued on by commas ("Lycée Jacques
 *     Decour, Paris 75009, Île-de-France", "Fraunhofer FKIE, Germany")
 *     keeps its name; the place parts become the location (when it has
 *     none) and are dropped from the organisation. A part is a place when
 *     it types as one (fieldtype.h) or carries a postcode; a department
 *     and its institution stay together ("Department of Astronomy,
 *     University of Maryland").
 * Called by the model builder when a parse finishes (builder.h); safe to
 * call again. Modifies strings of the model in place (owned by it). */
void rls_reader_settle(RlsResume *model);

/* The same for one entry (a section re-read alone). */
void rls_reader_settle_entry(RlsEntry *entry);

/* "Huenei - Application Support" among "Percona - Senior Engineer",
 * "Ayres.io - Data Engineer": where neither name of an entry says which is
 * the role and which the employer, the order its section writes them in
 * decides. The order is learnt from the section's entries whose names say
 * it (two or more, three to one), and read in src[0..len) (the parsed
 * source) within each entry's span; an entry against it swaps its title
 * and organisation. Borrows src. */
void rls_reader_settle_order(RlsResume *model, const char *src, size_t len);

#endif /* RLS_MODEL_READER_H_ */
