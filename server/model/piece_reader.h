/*
 * piece_reader.h - the fields of a resume entry from an ordered list of
 * pieces of plain text, for every format (issue #13).
 *
 * A format sometimes hands an entry over as separate pieces whose order a
 * layout declares: the arguments of a LaTeX template's macro
 * ("\\cventry{dates}{title}{employer}{city}{grade}{text}"), and later the
 * cells of a Markdown table row or the parts of a definition-list term.
 * Authors do not always keep the declared order ("{2019 -- 2022}{Data
 * Engineer}{Zalando}{Berlin}" in a layout that wants the title first), so
 * which piece is the role, the employer, the place or the dates is
 * decided here by what each piece says, the same for every format. The
 * parser knows only its syntax: where the pieces are and which of them its
 * layout declares for which field.
 *
 * How a parser uses it:
 *   1. Fill an RlsPieceLayout from its own row (latex.c from a template's
 *      RlsTexMacro), with the pieces' plain texts in order (NULL for an
 *      empty piece).
 *   2. rls_piece_reader_fields gives which piece fills which field, and
 *      whether the body's one line is a field rather than text.
 *   3. rls_piece_reader_heads_entry says whether the fields found make an
 *      entry in the section at all, or are a line of it.
 *
 * Nothing here knows a format's syntax; the one question that needs it (is
 * there a line break between two words of a piece?) is a callback.
 */
#ifndef RLS_MODEL_PIECE_READER_H_
#define RLS_MODEL_PIECE_READER_H_

#include "model/builder.h"
#include "rls/fieldtype.h"
#include "rls/model.h"

/* Pieces past this many are never fields. */
#define RLS_PIECES_MAX 16

/* Which piece fills which field of an entry: piece numbers from 1, 0 for
 * none. */
typedef struct {
    unsigned title, org, loc, dates, note; /* note: a line of the entry with no field */
} RlsPieceSlots;

/* How far the layout's declared slots are to be trusted. */
typedef enum {
    /* A known layout: the slots are checked against what the pieces say,
     * and pieces written in another order are taken by content. */
    RLS_PIECES_CHECKED,
    /* An education layout of four pieces written two ways by the
     * templates: {title}{dates}{org}{place} and {org}{place}{title}{dates}. */
    RLS_PIECES_TWO_EDU,
    /* No known layout: the dated piece is the dates, the others in order
     * the title, the employer and the place. */
    RLS_PIECES_UNKNOWN,
} RlsPieceTrust;

typedef struct {
    RlsPieceSlots declared; /* the fields where the layout puts them */
    unsigned dates_end;     /* a second piece holding the end of the dates, or 0 */
    unsigned body;          /* the piece of free text (bullets, a description), or 0 */
    unsigned skills;        /* a piece that is a list of skills, or 0 */
    RlsPieceTrust trust;
} RlsPieceLayout;

typedef struct {
    RlsPieceSlots slots; /* which piece fills which field */
    /* The body's one line is this field (RLS_FIELD_TITLE or RLS_FIELD_ORG)
     * and no text; RLS_FIELD_N_TYPES when it is text. */
    RlsFieldType body_type;
    /* Owned (rls_free), or NULL: the employer an unknown layout's title
     * piece names after a comma ("Tech Lead, Incubyte"). */
    char *org;
} RlsPieceFields;

/* Decides which of the pieces pieces[0..n) fills which field of an entry
 * in a section of kind `kind`, from the layout's declared slots and what
 * each piece says (fieldtype.h):
 *   - When the declared dates piece holds no date and exactly one other
 *     piece is all date ("{2019 -- 2022}{Data Engineer}{Zalando}{Berlin}"
 *     for {title}{org}{place}{dates}), that one is the dates and the
 *     title, employer and place, in their declared order, take the other
 *     pieces in theirs; a sentence among them is the note. Not when the
 *     layout declares a note or a dates_end piece.
 *   - When the title or employer piece holds a place alone or a layout
 *     token (a colour "dotgray", a length "0.5ex"), or the body's line
 *     types as a role the header lacks, every piece is taken by what it
 *     says: a place is the place, a role or degree the title, an
 *     organisation the employer; a name no word types fills the first of
 *     title and employer still open (after the role: its employer). A body
 *     line (body_line: its text when the body is a single line, else NULL)
 *     that types as the missing title or employer is that field.
 *   - RLS_PIECES_TWO_EDU (n >= 4): where the dates sit, then the section
 *     (education) or the piece that names a role, tells the two layouts
 *     apart; the pieces are not checked further.
 *   - RLS_PIECES_UNKNOWN: see RlsPieceTrust; in experience, a lone name
 *     piece "Role, Employer" is cut at its last comma (the piece is
 *     shortened in place, the employer goes to out->org).
 * Pieces at the layout's body and skills are never fields and are not
 * read. Borrows pieces (only an unknown layout's title is modified);
 * out->org is the caller's to free. */
void rls_piece_reader_fields(const RlsPieceLayout *layout, char **pieces, unsigned n,
                             const char *body_line, RlsSectionKind kind, RlsPieceFields *out);

/* A lone piece that heads an entry (a sub-heading over the entry's
 * lines): whether text[0..len) is its role (its degree in education)
 * rather than its employer, by content (fieldtype.h): the role's score is
 * at least 1 and above the organisation's. Borrows text. */
bool rls_piece_reader_lone_role(const char *text, size_t len, RlsSectionKind kind);

/* Whether an entry of these fields heads an entry in a section of kind
 * `kind` (any may be NULL). In sections of roles and in skills: always.
 * In publications, awards and certifications, once a title is there, only
 * when the title or employer names a role or a degree ("Invited Speaker");
 * elsewhere when it names one, has an employer or valid dates. Otherwise
 * the pieces are a line of the section ("Graph algorithms · Statistics"
 * under "Research interests"). */
bool rls_piece_reader_heads_entry(RlsSectionKind kind, const char *title, const char *org,
                                  const RlsDateRange *dates);

/* Whether the source between two words of a piece, src[from_byte,
 * to_byte), breaks the line (a format's forced line break). Called with
 * from_byte < to_byte only. */
typedef bool (*RlsPieceBreakCb)(const char *src, uint32_t from_byte, uint32_t to_byte, void *data);

/* "Cycle ingénieur informatique / Diplôme attendu fin 2018" (two lines of
 * one title piece p): a title broken into lines whose later line holds a
 * date and names no job ends before that line, a remark on when rather
 * than part of the name. Returns the title's length without it (p->len
 * when there is none). src is the source p maps into. Borrows p and src. */
size_t rls_piece_reader_title_end(const RlsPlain *p, const char *src, RlsPieceBreakCb line_break_cb,
                                  void *data);

/* A piece shown as an image only, a logo ("img/thales-logo.png",
 * "Logo_cora_2011.jpg"): the organisation its file name path[0..len) gives,
 * without the folder, the extension, the word "logo" and a trailing year,
 * each word capitalised ("Thales", "Cora"); NULL when nothing that starts
 * with a letter is left. Owned by the caller (rls_free). */
char *rls_piece_reader_logo_name(const char *path, size_t len);

/* A piece that completes the entry e above it rather than heading one,
 * p its plain text (leading "|" and spaces skipped), field what the
 * format's syntax says it gives:
 *   - RLS_FIELD_TITLE ("| Researcher" under "Lab"): the title when e has
 *     none (a project's name then, rls_line_reader_project_name), else,
 *     when e has no employer, the title while the old title becomes the
 *     employer;
 *   - RLS_FIELD_LOCATION ("Jan 2015 - Present | New York, NY"): each side
 *     of the first "|" that is dated gives e its dates when it has none
 *     (spans from p's map), the other the place when e has none.
 * Returns whether e took anything; any other field takes nothing. Strings
 * e takes are copies (owned by e). */
bool rls_piece_reader_amend(RlsEntry *e, RlsSectionKind kind, const RlsPlain *p,
                            RlsFieldType field);

#endif /* RLS_MODEL_PIECE_READER_H_ */
