/*
 * model.h - the format-neutral model of a resume.
 *
 * Every rule, rewrite and hover works on this model, whatever file it came
 * from. The parser (parse.h) builds it from Markdown or LaTeX; nothing here
 * knows about tree-sitter, and no TSNode is ever stored: spans are copied out.
 *
 * Shape: flat arrays in document order, linked by indices, so a model is a
 * handful of allocations and walks are cache-friendly.
 *   sections[] -> entries[] -> bullets[]   (a bullet may have no entry)
 *   paragraphs[] (non-bullet prose, e.g. summary lines, entry lines)
 *   skills[], contacts[], comments[], layout[], errors[]
 *
 * All strings are UTF-8, NUL-terminated, owned by the model.
 */
#ifndef RLS_MODEL_H_
#define RLS_MODEL_H_

#include "rls/common.h"
#include "rls/dates.h" /* RlsDate, RlsDateRange: the one date grammar */

typedef enum {
    RLS_FORMAT_MARKDOWN = 0,
    RLS_FORMAT_LATEX = 1,
} RlsFormat;

/* ---- Plain text with a source map ------------------------------------------
 * text[0..len) is what a reader sees: markup stripped, escapes resolved,
 * whitespace folded to single spaces, no leading/trailing space.
 * For every plain byte i, source bytes [src_start[i], src_end[i]) produced
 * it: a verbatim byte has src_end = src_start + 1; all bytes of a character
 * produced by one construct (e.g. "\'e" -> "é", "--" -> "–") share that
 * construct's span; a folded space maps to the whole whitespace run. */
typedef struct {
    char *text;
    uint32_t len;
    uint32_t *src_start;
    uint32_t *src_end;
} RlsPlain;

/* The smallest source span covering plain bytes [plain_start, plain_end);
 * for an empty range, the point before plain_start (or after the last byte).
 * Always succeeds; use it to place diagnostics. */
RlsSpan rls_plain_cover(const RlsPlain *self, uint32_t plain_start, uint32_t plain_end);

/* The source span to replace so that plain bytes [plain_start, plain_end)
 * change and nothing else does. Returns 0 and sets *out when the bytes come
 * from one contiguous run of source with no markup between them (markup
 * entirely around the run is fine: the edit goes inside it). Returns
 * RLS_EREFUSED when the range crosses markup that an edit would destroy
 * (e.g. half of "**bold**"), and RLS_ERANGE for an out-of-range request. */
int rls_plain_to_source(const RlsPlain *self, uint32_t plain_start, uint32_t plain_end,
                        RlsSpan *out);

/* ---- Sections -------------------------------------------------------------- */

typedef enum {
    RLS_SECTION_HEADER = 0, /* name and contact block before the first heading */
    RLS_SECTION_SUMMARY,
    RLS_SECTION_EXPERIENCE,
    RLS_SECTION_PROJECTS,
    RLS_SECTION_EDUCATION,
    RLS_SECTION_SKILLS,
    RLS_SECTION_CERTIFICATIONS,
    RLS_SECTION_AWARDS,
    RLS_SECTION_PUBLICATIONS,
    RLS_SECTION_VOLUNTEERING,
    RLS_SECTION_OTHER,
    RLS_SECTION_KIND_COUNT
} RlsSectionKind;

/* Stable lower-case name ("experience", ...), for output and configuration. */
const char *rls_section_kind_name(RlsSectionKind kind);
/* Classifies a heading's plain text ("Work History" -> EXPERIENCE,
 * "Technical Skills" -> SKILLS, ...); unknown wording gives OTHER.
 * Sets *standard (may be NULL) when the wording is one an ATS recognises. */
RlsSectionKind rls_section_classify(const char *heading, size_t len, bool *standard);
/* Reclassifies a section once its content is known: a heading that names a
 * field ("Research") over entries that are mostly dated roles (a title or
 * organisation with dates) is experience, not publications. Returns kind
 * unchanged otherwise. */
RlsSectionKind rls_section_refine(RlsSectionKind kind, const char *heading, size_t len,
                                  uint32_t n_entries, uint32_t n_dated_roles);

typedef struct {
    RlsSpan span;         /* heading through the end of the section */
    RlsSpan heading_span; /* the heading line (empty for the header block) */
    RlsPlain heading;     /* heading text */
    RlsSectionKind kind;
    bool standard_heading; /* the wording is one ATS parsers recognise */
    uint16_t level;        /* heading level (1 = top) */
    uint32_t first_entry, n_entries;
    uint32_t first_bullet, n_bullets;
} RlsSection;

/* ---- Entries (a role, a degree, a project) --------------------------------- */

typedef struct {
    RlsSpan span;   /* the entry's header lines (not its bullets) */
    char *title;    /* role / degree / project name, or NULL */
    char *org;      /* company / school, or NULL */
    char *location; /* or NULL */
    RlsDateRange dates;
    uint32_t section;
    uint32_t first_bullet, n_bullets;
} RlsEntry;

/* ---- Bullets ---------------------------------------------------------------- */

typedef struct {
    RlsSpan span;      /* the bullet's text in the source (after the marker) */
    RlsSpan item_span; /* the whole item, marker or \item / \resumeItem{...} included */
    RlsPlain plain;
    uint32_t section;
    int32_t entry;  /* index into entries, or -1 */
    uint16_t depth; /* 0 for a top-level item */
} RlsBullet;

/* ---- Everything else ----------------------------------------------------- */

typedef struct {
    RlsSpan span;
    RlsPlain plain;
    uint32_t section;
    /* The entry this prose describes (a role's one-line description, a
     * degree's honours line), or -1 for text that belongs to the section. */
    int32_t entry;
} RlsParagraph;

typedef struct {
    RlsSpan span;
    char *text;     /* one skill ("PostgreSQL") */
    char *category; /* the group label it was listed under ("Databases"), or NULL */
    uint32_t section;
} RlsSkill;

typedef enum { RLS_CONTACT_EMAIL, RLS_CONTACT_PHONE, RLS_CONTACT_LINK } RlsContactKind;

typedef struct {
    RlsContactKind kind;
    RlsSpan span;
    char *text;
} RlsContact;

/* A source comment (Markdown HTML comment or LaTeX % comment). text is the
 * comment's content without its delimiters, trimmed. Suppression directives
 * ("resume-ls-disable RULE", ...) are read from here by the rule engine. */
typedef struct {
    RlsSpan span;
    char *text;
} RlsComment;

typedef enum {
    RLS_LAYOUT_TABLE,
    RLS_LAYOUT_COLUMNS,
    RLS_LAYOUT_IMAGE,
    RLS_LAYOUT_ICON,
    RLS_LAYOUT_HEADER_FOOTER,
} RlsLayoutKind;

typedef struct {
    RlsLayoutKind kind;
    RlsSpan span;
} RlsLayout;

typedef struct RlsResume {
    RlsFormat format;
    uint32_t src_len;
    RlsSection *sections;
    uint32_t n_sections;
    RlsEntry *entries;
    uint32_t n_entries;
    RlsBullet *bullets;
    uint32_t n_bullets;
    RlsParagraph *paragraphs;
    uint32_t n_paragraphs;
    RlsSkill *skills;
    uint32_t n_skills;
    RlsContact *contacts;
    uint32_t n_contacts;
    RlsComment *comments;
    uint32_t n_comments;
    RlsLayout *layout;
    uint32_t n_layout;
    RlsSpan *errors; /* syntax ERROR/MISSING nodes: data, never a failure */
    uint32_t n_errors;
} RlsResume;

/* Where a finding about the whole document goes: the source line holding
 * the first thing a reader sees (the name line, the first heading), so it
 * is never placed inside YAML front matter, a preamble or a comment block.
 * Falls back to the first non-blank line; {0, 0} for a blank document. */
RlsSpan rls_resume_top_line(const RlsResume *self, const char *src, uint32_t src_len);

/* Frees a model and everything it owns; NULL is allowed. */
void rls_resume_delete(RlsResume *self);

#endif /* RLS_MODEL_H_ */
