/*
 * skill_reader.h - the skills a line of plain text lists, for every format
 * (issue #13).
 *
 * A parser knows which lines of a skills section are lines (a LaTeX
 * paragraph's line, a table row, a macro's argument); which words of such
 * a line name one skill, and whether a label heads them, is not syntax
 * and is decided here.
 *
 * Both formats split their skills lines here: LaTeX line by line, Markdown
 * each line of a paragraph (rls_skill_reader_range).
 */
#ifndef RLS_MODEL_SKILL_READER_H_
#define RLS_MODEL_SKILL_READER_H_

#include "model/builder.h"

/* Adds to mb the skills of one line of plain text ("Languages: Java,
 * Python, C/C++"): a label before a colon (a full-width one, or an ASCII
 * one with a space or the end after it) within the first 64 bytes and
 * before any comma or semicolon is their category, else `category` (NULL:
 * none); the rest splits at , ; | • · 、 ， outside brackets ("Security
 * (IAM, VPC)" is one skill), each skill trimmed of spaces, a list glyph
 * before it ("*", "-") and a full stop or separator after it, with its
 * source span from line's map. Borrows line and category. */
void rls_skill_reader_line(RlsModelBuilder *mb, const RlsPlain *line, const char *category);

/* The same for the line line->text[begin..end) of a longer text (a
 * paragraph's line). */
void rls_skill_reader_range(RlsModelBuilder *mb, const RlsPlain *line, uint32_t begin, uint32_t end,
                            const char *category);

/* "Over 5000 lines:", "Proficient In": whether a line of a skills section
 * is no skill but the label of the lines below it (a short line with no
 * comma that ends in a colon or is a lead-in, rls_section_is_lead_in).
 * Sets *label_len to the label's length without the colon and trailing
 * spaces when it is. Borrows text. */
bool rls_skill_reader_label(const char *text, size_t len, size_t *label_len);

#endif /* RLS_MODEL_SKILL_READER_H_ */
