/*
 * line_reader.h - the resume reading of lines of plain text, for every
 * format (issue #13).
 *
 * A parser knows its syntax: where a line of a document starts and ends,
 * which bytes of it are cells apart (a table's columns, a margin, two
 * arguments of one macro), which lines are list items or headings. What a
 * line MEANS on a resume, whether it heads a role, completes the role
 * above it or is a fact of it, is not syntax, and is decided here, the
 * same for every format. Nothing here knows a format's syntax: a parser
 * answers the one question that needs it (is the source between these two
 * bytes a cell break?) through a callback.
 *
 * How a parser uses it, in document order:
 *   1. rls_line_reader_init once per parse, with the model builder the
 *      parser feeds (builder.h) and the source the plain texts map into.
 *   2. Per section: set `kind` to the section's kind after
 *      rls_model_builder_section, and call rls_line_reader_section_end
 *      before the next section starts and once after the last one.
 *
 * Nothing here allocates beyond the model's own strings (owned by the
 * model) and scratch it frees before returning.
 */
#ifndef RLS_MODEL_LINE_READER_H_
#define RLS_MODEL_LINE_READER_H_

#include "model/builder.h"
#include "rls/model.h"

/* Whether the source between two words of a line, src[from_byte,
 * to_byte) (source bytes, the end of one plain byte's construct and the
 * start of the next one's), separates two cells of the line: a column
 * break, a cell pushed to the right margin, the boundary of two arguments.
 * Called with from_byte < to_byte <= src_len only. */
typedef bool (*RlsLineCellGapCb)(const char *src, uint32_t from_byte, uint32_t to_byte, void *data);

/* The reader's state over one parse. Fields the parser may set are marked
 * so; the rest is the reader's own. */
typedef struct {
    RlsModelBuilder *mb;          /* borrowed: the builder of the parse */
    const char *src;              /* borrowed: the source the plain texts map into */
    uint32_t src_len;             /* bytes of src */
    RlsLineCellGapCb cell_gap_cb; /* the parser's answer on cell breaks; NULL: none */
    void *data;                   /* handed to cell_gap_cb */
    RlsSectionKind kind;          /* parser sets: the kind of the current section */
} RlsLineReader;

/* Starts a parse: borrows mb, src and data for as long as self is used. */
void rls_line_reader_init(RlsLineReader *self, RlsModelBuilder *mb, const char *src,
                          uint32_t src_len, RlsLineCellGapCb cell_gap_cb, void *data);

/* ---- Sections ------------------------------------------------------------ */

/* Ends the current section (the model's last one; nothing when there is
 * none): once its entries are all made, its content settles what it
 * holds.
 *   - A sub-heading of a section of roles or degrees that is no section
 *     wording, over entries none of which names its employer or school,
 *     is that employer or school ("Experience > Capgemini" over
 *     "Consultant | since 2021").
 *   - An organisation "Employer - Team - Role" with no title gives the
 *     title its last part.
 *   - Fields in the wrong slot are typed by content (fieldtype.h): a
 *     postcode is the place, a degree in an education entry's
 *     organisation is its title, a slot ending in a colon labels the next
 *     and names nothing, a date among the fields becomes the dates.
 *   - In education, a school without a degree takes the degree from the
 *     line under it ("MSc Physics, expected March 2016"), a degree without
 *     a school the school.
 *   - An ambiguous heading takes the kind its entries show ("Research"
 *     over dated roles is experience: rls_section_refine).
 * Modifies the section and its entries in place. Safe on an empty model. */
void rls_line_reader_section_end(RlsLineReader *self);

/* ---- Helpers a parser also uses on its own -------------------------------- */

/* "Search Engine | 2023 | Lead Developer", "Chat bot | 2020 | Python,
 * Flask": an entry whose title is a name that is no organisation, role or
 * place and whose organisation says how the work was done (the author's
 * role on it in a section of projects, or its stack anywhere) is a
 * project: the name becomes the title and the organisation is dropped.
 * Pre-condition: the caller knows the name was written before the role or
 * stack ("Content Creator | dates | YouTube" stays a role at YouTube).
 * Modifies e's strings in place. */
void rls_line_reader_project_name(RlsSectionKind kind, RlsEntry *e);

/* Dates of a field that holds more than the range ("Jun 2021 -- Present |
 * Remote"): the range is found inside text (NULL: none), and out->span is
 * `span`, the field's, whatever part of it the range is. out->valid says
 * whether a range was found. Borrows text. */
void rls_line_reader_dates(const char *text, RlsSpan span, RlsDateRange *out);

#endif /* RLS_MODEL_LINE_READER_H_ */
