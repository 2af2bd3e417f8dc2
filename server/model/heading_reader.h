/*
 * heading_reader.h - whether a heading below the top of a resume names a
 * section or something inside one, for every format (issue #13).
 *
 * A parser knows a heading's level and its words (markup gone, as
 * model.h rls_heading_words makes them: lower-case ASCII, single spaces;
 * other scripts kept). Whether those words name a section ("Awards",
 * "项目经历") or an entry ("Engineer, Acme (2021)", "Project Manager"),
 * and whether a heading holds any words at all, is decided here on the
 * words alone. The parser combines the answers with its levels: which
 * level holds the sections, where a section was met one level too deep.
 *
 * Whether a heading inside a section is an entry or labels a group of
 * them depends on what follows it too: the parser reads the next block in
 * its syntax and hands over the facts (RlsNextBlock).
 *
 * Every function borrows its text and allocates nothing.
 */
#ifndef RLS_MODEL_HEADING_READER_H_
#define RLS_MODEL_HEADING_READER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/lines.h"
#include "rls/model.h"

/* Whether words[0..len) holds a letter or digit (or a non-ASCII byte): a
 * heading of an icon or a photo alone holds nothing to read. */
bool rls_heading_reader_has_words(const char *words, size_t len);

/* A heading of a few words and nothing more: at most 24 bytes and three
 * words, no digit, separator or bracket that an entry heading carries
 * ("自动处方解析项目（...）2023.09", "Engineer, Acme (2021)"). */
bool rls_heading_reader_bare_words(const char *words, size_t len);

/* Whether words[0..len) (shorter than 80 bytes) name a section of a known
 * kind (model.h rls_section_classify). With `standard`, only a wording an
 * ATS recognises ("Awards", "Education") or a bare one in another language
 * ("项目经历", "Formation") counts, not words that only hold a section's
 * word ("Project Engineer | Wipro"). */
bool rls_heading_reader_names_section(const char *words, size_t len, bool standard);

/* At a level where a section already sat below the sections' own level
 * ("### Awards" after "### Engineer, Acme" roles), whether a sibling
 * heading's words[0..len) are a section wording and nothing more, standard
 * or not ("Speeches", "Public Speaking"): an entry heading there carries a
 * name, a date or a role ("Project Manager"). */
bool rls_heading_reader_deep_sibling_section(const char *words, size_t len);

/* What kind of block follows a heading. */
typedef enum {
    RLS_NEXT_NONE,      /* none: the document ends */
    RLS_NEXT_HEADING,   /* another heading */
    RLS_NEXT_PARAGRAPH, /* a paragraph of text */
    RLS_NEXT_HTML,      /* a block of raw HTML */
    RLS_NEXT_ITEM,      /* a list (its first item) */
    RLS_NEXT_OTHER,     /* a table, code, a rule ... */
} RlsNextKind;

/* The block after a heading, as its format's syntax shows it. The facts
 * about a paragraph's or HTML block's text are read from its source, its
 * markup still on, and are false for other kinds. */
typedef struct {
    RlsNextKind kind;
    uint16_t level; /* a heading's level (1 for "#") */
    /* A paragraph of a template's code alone ("{% include cv-teaching.liquid
     * %}", "{{ page.title }}"): what it renders is not in the file. */
    bool template_only;
    /* A list whose every item carries dates of its own ("- Jane Roe,
     * 2023--present."). It walks the list: a caller may leave it false
     * where rls_heading_reader_reads_items says it is not read. */
    bool items_all_dated;
    /* Its first line is a date slot ("`1669`": only a code span), the
     * layout of slot-dated entries. */
    bool opens_slot;
    /* It opens with emphasis ("*Senior Engineer*"). */
    bool opens_marked;
    /* Its first line holds dates ("Jan 2020 - Present"). */
    bool first_line_dated;
} RlsNextBlock;

/* Whether a heading below the sections' level, at `level`, in a section
 * of `kind`, whose words split into *f (lines.h), labels a group inside
 * its section rather than being an entry, given the block after it. In
 * the sections of roles (experience, education, projects, volunteering,
 * certifications) an undated heading is an entry whose dates are missing,
 * with these exceptions; elsewhere it groups what follows.
 *   - Over a template's code alone, outside the sections of roles, an
 *     undated heading labels what the template renders ("##### University
 *     of California, Davis" over "{% include cv-teaching.liquid %}").
 *   - Over nothing (the end, a heading, a template), or anywhere in
 *     publications and awards, an undated heading naming no role groups
 *     ("### Invited talks", "### Selected Publications"), except over a
 *     deeper heading in a section of roles: that is an employer over its
 *     roles ("### Acme Corp" over "#### Engineer (2019 - 2021)").
 *   - Outside the sections of roles, an undated heading naming no
 *     organisation over a list of dated items labels those records, even
 *     when it names a degree ("##### PhD" over "- Jane Roe, 2023--present.").
 *   - A heading with dates, an organisation or a place is an entry; so is
 *     one over anything but a paragraph or HTML.
 *   - Over a paragraph opening with a date slot it groups the slot-dated
 *     entries ("### Journals" over "`1669`"), in any section.
 *   - Outside the sections of roles, it stays an entry when it names a
 *     role, when the paragraph opens marked ("*Senior Engineer*") or its
 *     first line is dated: those complete it.
 * Borrows both. */
bool rls_heading_reader_group_label(RlsSectionKind kind, const RlsEntryFields *f,
                                    const RlsNextBlock *next, uint16_t level);

/* Whether rls_heading_reader_group_label reads next->items_all_dated for a
 * heading in a section of `kind` whose words split into *f (outside the
 * sections of roles, undated, naming no organisation). */
bool rls_heading_reader_reads_items(RlsSectionKind kind, const RlsEntryFields *f);

#endif /* RLS_MODEL_HEADING_READER_H_ */
