/*
 * entry_reader.h - what a short line next to an entry says about it, for
 * every format (issue #13).
 *
 * A parser groups its syntax into lines and knows which entry a line sits
 * under (the one it made last, from a heading, a bold line or a macro).
 * Whether that line names the entry's role or employer, labels a detail of
 * it, or stands apart is not syntax: it is decided here, on the line's
 * plain text, the same for every format. The line_reader.h functions read
 * whole runs of lines and keep their own memory; these answer one question
 * about one line and keep none, so a parser that walks its own blocks
 * (Markdown's headings, paragraphs and lists) can ask them as it goes.
 *
 * How a parser uses them: hand over one line's plain text (model.h
 * RlsPlain's text and length, format markup gone) and, where a function
 * changes an entry, the entry and the source byte the line ends at. What
 * needs the format's syntax (how many source lines a text spans, whether
 * it is set in bold) the parser checks before asking.
 *
 * Nothing here allocates beyond an entry's own strings (owned by the
 * model) and scratch freed before returning.
 */
#ifndef RLS_MODEL_ENTRY_READER_H_
#define RLS_MODEL_ENTRY_READER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/lines.h"
#include "rls/model.h"

/* ---- Sections and words ----------------------------------------------------- */

/* Whether a section of kind k may hold entries at all: every kind but the
 * header, skills and summary (a section of unknown kind may). */
bool rls_entry_reader_section_has_entries(RlsSectionKind k);

/* The words of text[0..len): runs of bytes other than ' '. */
uint32_t rls_entry_reader_words(const char *text, size_t len);

/* Bytes of a symbol used as a list marker at text ("👉 ", "• ", "▪ ",
 * "➤ ", "✔ ", "→ "), its variation selector and the spaces after it
 * included, or 0 (also when nothing follows it). Emoji are
 * U+1F000..U+1FFFF (F0 9F ..); the others are bullets, geometric shapes,
 * dingbats and arrows (E2 80 A2, E2 96/97, E2 9C..9E, E2 86). Borrows
 * text. */
uint32_t rls_entry_reader_symbol_marker(const char *text, size_t len);

/* "Responsibilities", "Stack", "🔎 Focus sur quelques projets" as an undated
 * line under a role (a deeper heading): whether text[0..len) is a label of
 * the role's items: at most four words (an icon before them aside), no
 * " | " cells, naming no role. The caller checks the line is undated and
 * sits inside a role. Borrows text. */
bool rls_entry_reader_role_label(const char *text, size_t len);

/* ---- Entry lines ------------------------------------------------------------------ */

/* What a format's syntax says about the layout of a text: the facts
 * rls_entry_reader_looks_like_entry needs that plain text has lost. */
typedef struct {
    uint32_t n_lines;    /* source lines the text spans */
    bool starts_marked;  /* emphasis or code opens it ("**Staff Engineer** ...") */
    uint32_t marked_len; /* its plain bytes inside emphasis, strong or code */
    /* Where the emphasis opening it ends (a plain offset), when it opens
     * marked and more follows; 0 otherwise. */
    uint32_t marked_end;
    /* Every source line is short (60 bytes at most): fields stacked one a
     * line, not a sentence wrapped. Read for four lines only. */
    bool lines_short;
} RlsLineLayout;

/* Whether a reader takes the text text[0..len) (NUL-terminated at len, as
 * an RlsPlain's) laid out as `layout` for a role, school or project: short
 * and either dated or set wholly in bold or italics. A sentence (a full
 * stop after more than eight words) is prose even when bold; a template's
 * "{{ placeholders }}" are no entry. One line: dated within 100 bytes
 * (or opening marked), or at least 80% marked within 100 bytes. Two lines:
 * dated, or opening marked within 120 bytes and still held ("(Present)").
 * Three or four stacked lines (role, company, dates, a place: LinkedIn's
 * export): dated and opening marked, within 120 bytes, or 160 bytes of
 * short lines. Never over 160 bytes or four lines. Borrows both. */
bool rls_entry_reader_looks_like_entry(const char *text, size_t len, const RlsLineLayout *layout);

/* "**resume-ls** — a language server for resumes" over a list: whether
 * the line text[0..len) laid out as `layout` names the entry the bullets
 * under it belong to, dated or not: one line of at most 100 bytes, ending
 * in no "." or ":", opening with a bold or italic name of at most six
 * words that is no "**Label**:". The caller checks a list follows and the
 * line reads as no entry line by itself (rls_entry_reader_looks_like_entry).
 * Borrows both. */
bool rls_entry_reader_names_a_list(const char *text, size_t len, const RlsLineLayout *layout);

/* "**Earlier roles**" over "### Engineer | Globex | 2015 - 2019": whether
 * the line text[0..len) laid out as `layout` is a label of the entries
 * below it and no role of its own: one line of at most six words, at
 * least 80% marked, with no " | " cells and no dates. The caller checks a
 * heading follows and that no entry is waiting for its role line (a bold
 * line under a fresh entry heading is that entry's role). Borrows both. */
bool rls_entry_reader_bold_label(const char *text, size_t len, const RlsLineLayout *layout);

/* ---- Labels --------------------------------------------------------------------- */

/* "GPA: 3.9", "Dissertation: ...", "**Thesis title:** ...": whether
 * text[0..len) opens with one to three words and a colon with more text
 * after it on the line (markup stars and underscores around the label
 * allowed, as a source line may carry them). "Check it out:" ending the
 * line is no label. Borrows text. */
bool rls_entry_reader_label_prefix(const char *text, size_t len);

/* "*Aktualisiert am: Feb 2024*", "Last updated: 03/2024": whether the
 * single line text[0..len) is a label that names no role or organisation,
 * then a date, and nothing else. "Software Engineer: 2019 - 2021" and
 * "Acme Corp: 2018" name something and are no such label. The caller
 * checks the text is one line. Borrows text. */
bool rls_entry_reader_labelled_date(const char *text, size_t len);

/* "**Cliente: Verisure**" over the items of a dated role: whether
 * text[0..len) opens with a label of one or two words and ": " (before
 * any comma) while the current entry `entry` of m (-1: none) has dates:
 * a detail of that role, not an entry of its own. Borrows both. */
bool rls_entry_reader_detail_label(const RlsResume *m, int32_t entry, const char *text, size_t len);

/* In a section of unknown kind ("Egenskaber", "Referencer") or of awards,
 * an entry shows itself by dates or a role. Whether the undated line
 * text[0..len) in such a section names no role ("Andre relevante
 * egenskaber", a referee's name), so that it labels what follows or is a
 * line of its own. False in every other kind. cache as lines.h
 * (NULL: none). Borrows text. */
bool rls_entry_reader_unknown_label(RlsEntrySplitCache *cache, RlsSectionKind kind,
                                    const char *text, size_t len);

/* "...; University of Oxford; Distinction": where the last "; " or ", "
 * part of text[0..len) begins when it names a grade or honour
 * (lines.h rls_entry_field_is_honour), or 0. Borrows text. */
size_t rls_entry_reader_trailing_honour(const char *text, size_t len);

/* ---- An entry's role and employer ----------------------------------------------- */

/* Whether e's title names a role or degree. */
bool rls_entry_reader_has_role(const RlsEntry *e);

/* Gives e the role `title` found on a line next to it ("*Staff Engineer*"
 * under "### Initech"). Nothing changes when e names a role already, or
 * has a title and `from_heading` is false. When e was made from a line
 * that named no role (from_heading), that line named the employer or
 * school: its title moves to the organisation when e has none. Borrows
 * title (copied); e's old strings are moved or freed. */
void rls_entry_reader_take_title(RlsEntry *e, const char *title, bool from_heading);

/* "University of Bath, Bath, UK", "Auth0 / Okta, Remote" right under an
 * entry: when the one line text[0..len) is short (80 bytes at most), ends
 * in no ".:;", has no dates and reads as an employer with an optional
 * place (lines.h rls_entry_employer_line), it gives e its organisation and
 * (when e has none) its place, and e's span grows to end_byte (source).
 * An entry with an organisation takes none; one with an organisation but
 * no title ("A-Levels (2011-2013)" over "Slough Grammar School, Slough")
 * had its title taken for the school: a line that is clearly an
 * organisation moves it back to the title. The caller checks the text is
 * one line. Returns whether e was changed. Borrows text. */
bool rls_entry_reader_employer_line(RlsSectionKind kind, RlsEntry *e, const char *text, size_t len,
                                    uint32_t end_byte);

/* "数据科学家" under "## Zenni Optical (2023.06 ~ 2024.01)": when e names no
 * role and the one line text[0..len) (80 bytes at most, no colon, ending
 * in no ".:;") names a role, no organisation and no dates, the role is
 * e's title (rls_entry_reader_take_title from a heading) and e's span
 * grows to end_byte (source). The caller checks the text is one line and
 * sits right under e's heading. cache as lines.h (NULL: none). Returns
 * whether e took the role. Borrows text. */
bool rls_entry_reader_role_line(RlsEntrySplitCache *cache, RlsSectionKind kind, RlsEntry *e,
                                const char *text, size_t len, uint32_t end_byte);

/* The line right under an entry e that has nothing else under it yet
 * ("**Jun 2021 - Present | Remote**" under "### Acme", "*Staff Engineer*"
 * under "### Initech", "*Senior Engineer*" under "**Acme, Singapore
 * (2022-2024)**"), split into *f (lines.h, as a date line). It completes e
 * when its remainder is short (a place of at most 40 bytes, a title of at
 * most 60: a longer one is an item of its own) or the format sets it apart
 * as the entry's own line (`set_apart`: opened in bold or italics), and
 * either:
 *   - it has dates and e has none: e takes them (their span `dates_span`,
 *     source) and the fields e lacks; or
 *   - it has no dates and is a role line: a title with no organisation,
 *     under a heading (`from_heading`) or naming a role, when e names none.
 * A leading name beside the dates, under a role, is the organisation; a
 * name before a place read as one place ("Bank11, Neuss") is the employer
 * and its place. e's span grows to end_byte (source). Returns whether e
 * took the line; f stays the caller's to close (its strings may have been
 * replaced). Borrows f's strings (copied into e). */
bool rls_entry_reader_line_under(RlsSectionKind kind, RlsEntry *e, RlsEntryFields *f,
                                 bool set_apart, bool from_heading, RlsSpan dates_span,
                                 uint32_t end_byte);

/* Whether the field string text[0..len) (the format's cells set apart by
 * " | ") splits (lines.h, in a section of `kind`) into a title naming a
 * role and an organisation, and, when need_dates, dates: "Associate,
 * French Academy of Science, Paris" beside slot-dated entries, "Senior
 * Software Engineer, Koombea, Medellin (Jul 2024 - Present)" at the level
 * of the sections. cache as lines.h (NULL: none). Borrows text. */
bool rls_entry_reader_role_at_org(RlsEntrySplitCache *cache, RlsSectionKind kind, const char *text,
                                  size_t len, bool need_dates);

/* "### [Volt Europa](https://volteuropa.org) — Policy & Data Analytics": a
 * writer links the employer or school, rarely the post. When *f (split
 * from an entry line in a section of `kind`) has a title and an
 * organisation, the title is a link's whole text (`title_linked`) naming
 * no role, the organisation is not (`org_linked`), opens with a letter
 * ("6 mois" after the dates is a remark) and reads as no organisation,
 * the two trade places. Projects are left alone: their own names are what
 * gets linked. The caller reads which fields are links' whole text in its
 * syntax. Returns whether they traded. */
bool rls_entry_reader_linked_org(RlsSectionKind kind, RlsEntryFields *f, bool title_linked,
                                 bool org_linked);

/* "Globex" over a deeper "Engineer, Jun 2016 - May 2019": an undated entry
 * e whose title names no role and that has no organisation, over a line
 * whose fields *f are a dated role with no organisation, is the employer
 * of that role: e's title becomes its organisation. The caller checks the
 * line sits under e (a deeper heading). Returns whether e changed. */
bool rls_entry_reader_employer_over_role(RlsEntry *e, const RlsEntryFields *f);

/* "**Software Development Engineer II** (Aug 2018 - Dec 2020)" after the
 * first role under "### Amazon - Vancouver, BC": when group is the entry of
 * an employer's heading (an organisation, no role of its own when it was
 * made) that a role already completed, a line whose fields *f are another
 * dated role naming no organisation is a role at the same employer: f
 * takes group's organisation, and its place when f names none. Returns
 * whether f changed. The caller checks the line sits under group's
 * heading, before the next heading of that level. */
bool rls_entry_reader_next_role_at(const RlsEntry *group, RlsEntryFields *f);

/* "Research Assistant", "B.S. Computer Science" as the first item under an
 * entry e that names only its organisation: whether the one line
 * text[0..len) (at most five words, capitalised, no colon, no closing full
 * stop) has a role or degree word at its head or its end (inside, the
 * phrase is a statement: "Built staff tooling") and splits into a title
 * alone. The caller checks the text is one line and gives it to e.
 * cache as lines.h (NULL: none). Borrows both. */
bool rls_entry_reader_role_item(RlsEntrySplitCache *cache, const RlsEntry *e, const char *text,
                                size_t len);

/* Whether a dated line text[0..len), its dates at [ds, de), names more
 * than its dates: two letters at least outside them ("jun de 2021 -" over
 * "abr de 2022" is one range over two lines, "Acme, 2020 - 2022" an entry
 * line). Borrows text. */
bool rls_entry_reader_names_beyond_dates(const char *text, size_t len, size_t ds, size_t de);

/* ---- List items -------------------------------------------------------------------- */

/* What a list item is, beyond its text: rls_entry_reader_list_item's
 * answer. */
typedef enum {
    RLS_ITEM_BULLET,          /* a bullet (or the role) of the entry above */
    RLS_ITEM_ENTRY,           /* an entry of its own */
    RLS_ITEM_ENTRY_IF_SCHOOL, /* an entry when the item it is nested in names
                               * its school (rls_entry_reader_parent_name) */
} RlsItemKind;

/* What a format's syntax says about a list item, beyond its plain text. */
typedef struct {
    uint32_t n_lines; /* source lines its text spans */
    /* It opens in bold or italics and reads as an entry line by itself
     * (rls_entry_reader_looks_like_entry). */
    bool marked;
    bool has_list; /* a list is nested in it: its bullets */
    bool nested;   /* a list item of the format's own lists (not, say, HTML's) */
    /* Every item of its list carries dates of its own (asked of `nested`
     * items only). */
    bool list_all_dated;
} RlsItemLayout;

/* "- **Senior Engineer**, Acme Corp (2019 – 2021)", "- 2021–present:
 * Assistant Professor, University of Oslo": whether the list item whose
 * plain text is text[0..len) (its field string, " | " cells, fields[0..
 * fields_len)) laid out as `layout` is an entry, in m's last section, of
 * `kind`. A section of talks or writings (publications whose heading says
 * so, not "Research", which may hold roles) lists records, not roles. An
 * entry item is one line of at most 120 bytes in a section that has
 * entries, not a sentence (a full stop or over 14 words) unless marked,
 * and:
 *   - marked with bullets under it; or marked, dated, naming a role at an
 *     organisation;
 *   - dated, with bullets under it, its dates at its start or end and a
 *     name beside them;
 *   - opening with its dates, naming a role at an organisation, in a list
 *     whose every item is dated (a list of posts);
 *   - in education, naming a degree at a school, or (RLS_ITEM_ENTRY_IF_SCHOOL)
 *     a degree alone nested under the school's name.
 * cache as lines.h (NULL: none). Borrows all. */
RlsItemKind rls_entry_reader_list_item(RlsEntrySplitCache *cache, const RlsResume *m,
                                       RlsSectionKind kind, const char *text, size_t len,
                                       const char *fields, size_t fields_len,
                                       const RlsItemLayout *layout);

/* "- 佛罗里达大学" over "  - 电子与计算机工程硕士（2018.01 - 2019.12）":
 * whether the text text[0..len) of the item a list is nested in, n_lines
 * source lines, names a school or employer over its degrees or roles: one
 * line of at most 60 bytes, no colon, no dates, ending in no ".:;",
 * naming no role. Borrows text. */
bool rls_entry_reader_parent_name(const char *text, size_t len, uint32_t n_lines);

/* ---- Date slots ------------------------------------------------------------------ */

/* markdown-cv's layout sets each entry's dates in a slot of their own, a
 * line above the entry's name ("`2012`" over "President, *Royal Society*,
 * London, UK"). The parser finds the slot in its syntax (a line that is
 * only a code span) and asks these about its text and the lines under it. */

/* The dates in a slot's text[0..len): a range (dates.h
 * rls_date_slot_parse), or a list of dates ("Spring 2022, Spring 2023,
 * Summer 2025", the terms a course was taught, parted by "," or ";"),
 * which spans from the first to the last when every item is a date, none
 * ongoing, and they run in order. Fills *out and returns true, or returns
 * false (*out then undefined). Borrows text. */
bool rls_entry_reader_slot_dates(const char *text, size_t len, RlsDateRange *out);

/* "`Side project`" over "__The City Clock__" beside slot-dated entries:
 * whether a slot holding label[0..len) instead of dates still opens an
 * entry, undated: at most 30 bytes and three words, no digit, in a
 * section other than publications. The caller checks that the document
 * already has slot-dated entries and that exactly one line (the name)
 * sits under the slot: lines of their own under a label ("`Done`" over
 * courses, one a line) are a list. Borrows label. */
bool rls_entry_reader_slot_label(RlsSectionKind kind, const char *label, size_t len);

/* "`2016 - 2016`" over "__Trainee, GroupM__" over "<br> __American
 * Statistical Association__, Alexandria, VA" over what was done: the
 * line after the slot names the entry, and each line after that still
 * names it while it is short: whether the source line text[0..len)
 * (spaces around it allowed) is at most 80 bytes, holds more than spaces
 * and ends in no full stop (a sentence is the entry's prose). Borrows
 * text. */
bool rls_entry_reader_slot_name_line(const char *text, size_t len);

/* "Associate, *French Academy of Science*, Paris, France" after a dated
 * award, beside slot-dated entries: whether an undated line of the same
 * shape is an entry too: in a section other than publications, at most
 * 120 bytes, no sentence (a full stop after more than eight words), its
 * field string fields[0..fields_len) (" | " cells) naming a role and an
 * organisation (rls_entry_reader_role_at_org). text[0..len) is its plain
 * text (len > 0). The caller checks the document has slot-dated entries
 * and the line is one source line. cache as lines.h (NULL: none).
 * Borrows all. */
bool rls_entry_reader_slot_sibling(RlsEntrySplitCache *cache, RlsSectionKind kind, const char *text,
                                   size_t len, const char *fields, size_t fields_len);

/* ---- Definition lists ------------------------------------------------------------ */

/* Pandoc's definition lists ("Term" over ":   definition" lines): the
 * parser splits the term and its definitions in its syntax, each
 * definition with its continuation lines, and asks these what they are. */

/* Whether a term over definitions, in a section of `kind`, labels a group
 * of entries that are its definitions ("**Cloud**" over ": AWS Solutions
 * Architect. Expires March 2020."): in certifications, awards and
 * publications, each definition is an entry of its own and the term
 * belongs to none of them. Elsewhere a term names an entry or (in skills)
 * a category. */
bool rls_entry_reader_term_groups(RlsSectionKind kind);

/* ":   **Ingeniería informática** - Universidad Rey Juan Carlos I" over a
 * line of prose continuing it: whether the lines after a definition's
 * first, rest[0..len), are its prose rather than a name wrapped onto them
 * ("University of" over "HomeTown"): the definition opens marked
 * (`first_marked`: bold, italics or code from its first byte) and rest
 * is a sentence of five words or more ending in a full stop. Borrows rest. */
bool rls_entry_reader_definition_prose(const char *rest, size_t len, bool first_marked);

/* "12/2020-Present" over ": **VMware**, _Solutions Architect_" over ":
 * Houston, TX": whether the definition line def[0..len) (its prose lines
 * cut off) is a field of the entry its term term[0..term_len) names,
 * rather than prose under it: at most 100 bytes and 14 words, no sentence
 * (a full stop after four words or more, unless it opens marked), no
 * "GPA: 3.7/4.0" label, and, when the term has no dates, opening marked
 * (`marked`) or of at most eight words. The caller checks the line opens
 * with ": " in its source (a definition, not a continuation). Borrows
 * both. */
bool rls_entry_reader_definition_field(const char *term, size_t term_len, const char *def,
                                       size_t len, bool marked);

/* ---- A name line above a line of dates -------------------------------------------- */

/* "Master Thesis in Mathematics, UOC, Barcelona" over "2018 - 2019": the
 * paragraph that may name the entry of a line of dates alone starting at
 * before_byte (source): m's last paragraph, in its last section, ending
 * before it, 1 to 100 bytes, ending in no ".:;". NULL when there is none.
 * The caller checks in its syntax that nothing but blanks and markup stand
 * between the two and that the paragraph is one line, then calls
 * rls_entry_reader_take_name_line. Borrows m; the paragraph is m's. */
const RlsParagraph *rls_entry_reader_name_line(const RlsResume *m, uint32_t before_byte);

/* Takes the paragraph rls_entry_reader_name_line found (m's last) for the
 * entry of a line of dates alone: when it splits (in a section of `kind`)
 * into a title or organisation and no dates, those fields and the place
 * move into *f (whose title, organisation and place are NULL), span's
 * start moves to the paragraph's, and the paragraph is dropped from m.
 * Otherwise nothing changes. cache as lines.h (NULL: none). */
void rls_entry_reader_take_name_line(RlsResume *m, RlsEntrySplitCache *cache, RlsSectionKind kind,
                                     RlsEntryFields *f, RlsSpan *span);

/* "**seit 03/2021**" over "### Werkstudent Softwareentwicklung": a line of
 * dates alone names nothing, so the entry heading right under it, when
 * that heading has no dates of its own, is the entry the dates belong to
 * (the mirror of a name line over a dates line). When `above` has dates
 * and no title, organisation or place, and *f (the heading's fields) has
 * no dates but names a title or organisation, f's strings move into
 * `above` (f keeps NULLs), and above's span grows to end_byte (source).
 * The caller checks that nothing stands between the two lines (no text,
 * no bullets) and that `above` is the model's last entry. Returns whether
 * the fields moved; false leaves both untouched. */
bool rls_entry_reader_dates_above(RlsEntry *above, RlsEntryFields *f, uint32_t end_byte);

#endif /* RLS_MODEL_ENTRY_READER_H_ */
