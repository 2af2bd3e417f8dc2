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
 *      parser feeds (builder.h), the source the plain texts map into, and
 *      its answer on cell breaks.
 *   2. Per section: call rls_line_reader_section_end for the section
 *      before (the model's last; nothing when there is none), make the
 *      new one with rls_model_builder_section, and set `kind` to its kind.
 *      Once more rls_line_reader_section_end after the last section.
 *   3. Per line of running text the parser has no meaning for (a
 *      paragraph's line, a heading below the section level that holds
 *      dates, the head of a line the parser splits), in document order:
 *      rls_line_reader_dated_line. When it returns true the line is in
 *      the model (an entry, a field of the entry above, or a paragraph of
 *      it) and the plain text was taken; when false the line is the
 *      parser's still (a paragraph, a skills line, ...).
 *      An outer list item goes to rls_line_reader_list_item instead.
 *   4. When the parser itself makes an entry (a template's macro, a
 *      heading), it keeps the reader's memory true: `line_entry` = that
 *      entry when the line under it may complete it, with
 *      `line_org_only` when only its employer may come from there;
 *      `line_entry` = -1 when what follows belongs to no entry.
 *
 * A second format reads its lines the same way: Markdown would hand over
 * each line of a paragraph, an item's first line or a sub-heading as
 * plain text with its source map (builder.h), set `kind` as it makes
 * sections, answer cell breaks from its own syntax (a table's " | ", two
 * spans of a line apart) or pass NULL, and leave every decision on dates,
 * roles and employers to these functions.
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
    /* The entry the last dated line made (or a parser's macro: step 4),
     * which the next undated line may complete; -1 when none. Parser may
     * set, see step 4. */
    int32_t line_entry;
    bool line_org_only;     /* parser may set: line_entry takes its employer only */
    int32_t dated_entry;    /* the last entry a dated line made or dated, or -1 */
    int32_t employer_entry; /* the last entry whose employer a line above its dated line
                               named: the roles after it in the section are held there */
    bool item_line;         /* the line being read is a list item, so no line above it is
                               its own (rls_line_reader_list_item sets it) */
    int32_t item_entry;     /* the last entry an outer list item headed, or -1 */
} RlsLineReader;

/* Starts a parse: borrows mb, src and data for as long as self is used.
 * kind starts as RLS_SECTION_HEADER (the content before any heading), the
 * entries as -1. Allocates nothing; there is nothing to close. */
void rls_line_reader_init(RlsLineReader *self, RlsModelBuilder *mb, const char *src,
                          uint32_t src_len, RlsLineCellGapCb cell_gap_cb, void *data);

/* ---- Lines ----------------------------------------------------------------- */

/* Reads one line of plain text p (its text and source map, builder.h) in
 * the current section. In a section of roles, degrees, projects or
 * volunteering (rls_line_reader_section_has_roles), and unless the line
 * reads as a sentence or a label (a full stop that closes no
 * organisation's abbreviation, or a colon, ends it; over 200 bytes):
 *   - A line with a date range ("Tech Lead | Jun 2021 -- Present",
 *     "Acme Corp, Jan 2020 -- Present") heads an entry: the text left of
 *     the dates splits into title and organisation (lines.h, by content
 *     and the section's kind), text right of them is the place (or the
 *     title or employer, when it reads as one). A short undated line
 *     right above it with nothing after it ("Acme Corp" over "Senior
 *     Engineer | 2020 -- 2023") names the employer (or the role), and the
 *     entry starts there; after such a line, dated roles of the section
 *     that name no other employer are held at the same one. In projects,
 *     the line without its dates (and a stack after " | ") is the name.
 *   - A dated line right under an entry with no dates and no bullets
 *     gives it its dates and missing fields; one dated inside the entry's
 *     range by a single month, or opening with a label ("Thesis: ...,
 *     June 2016"), is a fact of that entry: a paragraph.
 *   - An undated line right under the entry the last dated line made
 *     fills the fields it lacks ("Acme Corp | Remote" under "Senior
 *     Engineer | 2020 -- 2023"), or, under a role with its title and
 *     employer, is a role held at the same time ("Manager, Energy
 *     Institute").
 * Returns true when the line was taken: *p is then owned by the model or
 * freed, and the caller must not use it. Returns false, *p untouched,
 * when the line is no part of an entry. Cells the parser reports apart
 * (cell_gap_cb) are never run into one field. */
bool rls_line_reader_dated_line(RlsLineReader *self, RlsPlain *p);

/* Reads the text of a list item p at nesting depth `depth` (0: an outer
 * item), once its nested list, if any, is read: first_bullet is the
 * model's bullet count and entry_before the builder's current entry when
 * the item began. In a section of roles or degrees (not projects), an
 * outer item of at most 120 bytes that its dates open or close ("Spotify,
 * Data Engineer | 2019 -- 2022", "KTH, MSc Computer Science, 2015 --
 * 2017") and that names a role, a degree or a clearly typed organisation
 * is read as a dated line (rls_line_reader_dated_line, no line above
 * being its own), unless an entry not made by an item is open above it
 * (its items are that entry's bullets). When it makes an entry, the
 * bullets from first_bullet on (its nested list's) become that entry's.
 * Returns true when p was taken (owned by the model or freed then); false
 * leaves p to the caller, which makes it a bullet. A format whose items
 * come before their nested lists passes the bullet count at the item. */
bool rls_line_reader_list_item(RlsLineReader *self, RlsPlain *p, uint16_t depth,
                               uint32_t first_bullet, int32_t entry_before);

/* Whether a section of kind k holds entries: roles, degrees, projects or
 * volunteering. */
bool rls_line_reader_section_has_roles(RlsSectionKind k);

/* "Thesis: On Tides", "论文题目：…": whether text[0..len) opens with a
 * label of at most three words and a colon, and names no role or degree
 * (a fact of an entry, not an entry). Borrows text. */
bool rls_line_reader_label_line(const char *text, size_t len);

/* "Gitlytics | Python, Flask, React", "ShapG | python · graphs": the
 * length of a project's name before a " | " and a list (commas or middle
 * dots) that is its stack; n when there is none. */
size_t rls_line_reader_name_before_stack(const char *name, size_t n);

/* ---- Sections ------------------------------------------------------------ */

/* Ends the current section (the model's last one; nothing when there is
 * none): once its entries are all made, its content settles what it
 * holds.
 *   - A sub-heading of a section of roles or degrees that is no section
 *     wording, over entries none of which names its employer or school,
 *     is that employer or school ("Experience > Capgemini" over
 *     "Consultant | since 2021").
 *   - An organisation "Employer - Team - Role" with no title keeps its
 *     first part and gives the title its last.
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
 * Flask": an entry whose title says how the work was done (the author's
 * role on it in a section of projects, or its stack anywhere) and whose
 * organisation is a name that reads as no organisation, role, degree,
 * place, date or stack is a project: that name becomes the title, and the
 * role or stack is dropped.
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
