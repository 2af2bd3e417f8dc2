/*
 * lines.h - format-neutral helpers for reading resume lines: splitting an
 * entry line into role, organisation and location, and spotting contact
 * items (email, phone, link) in text. Dates are read by the one date
 * grammar, rls/dates.h.
 *
 * Both parsers use these on plain text (model.h RlsPlain), so the Markdown
 * and LaTeX models agree on what an entry line means. Nothing here
 * allocates except rls_entry_fields_split's owned strings.
 */
#ifndef RLS_MODEL_LINES_H_
#define RLS_MODEL_LINES_H_

#include "rls/model.h"

/* ---- Entry lines ---------------------------------------------------------- */

/* The parts of an entry line. Strings are owned (free with
 * rls_entry_fields_close); any may be NULL. */
typedef struct {
    char *title;
    char *org;
    char *location;
    RlsDateRange dates;
    size_t date_start_byte, date_end_byte; /* in the text given; equal when no dates */
} RlsEntryFields;

/* Splits an entry line such as "Senior Engineer, Acme Corp — 2021–Present",
 * "Acme Corp | Senior Engineer | Jan 2021 – Present" or "Data Scientist at
 * Samsung; Nov18 - now" into fields. `kind` steers which field is the title
 * (a role in EXPERIENCE, a degree in EDUCATION). `date_line` says the line
 * sits under an entry heading, so that leftover text is a location
 * ("Jun 2021 – Present | Remote"), or the title when it names a role or
 * degree ("*Software Engineer* | 2019 – 2021" under "### Google"). Returns
 * the number of fields found. */
int rls_entry_fields_split(const char *text, size_t len, RlsSectionKind kind, bool date_line,
                           RlsEntryFields *out);
void rls_entry_fields_close(RlsEntryFields *self);

/* True when text[0..len) holds a role or degree word ("Warden", "Senior
 * Engineer", "B.S. Computer Science"). */
bool rls_entry_field_is_role(const char *text, size_t len);

/* A line right under a role that lacks its employer ("University of Bath,
 * Bath, UK", "Eurotech"): one organisation, typed as one or a short name
 * that is no role, no place and no sentence. Sets *org and *location
 * (owned; *location may be NULL) and returns true, or returns false and
 * sets nothing. */
bool rls_entry_employer_line(const char *text, size_t len, RlsSectionKind kind, char **org,
                             char **location);

/* True when text[0..len) holds a job word ("Founder and Organizer",
 * "Software Engineer"); degrees do not count. */
bool rls_entry_field_names_job(const char *text, size_t len);

/* "Site Reliability Engineer, Warszawa", "Data Engineer, Berlin": a role
 * (or degree) and, after its last comma, the place it was held in: a
 * place the lexicon knows, or, when the entry names its employer already
 * (employer_known), one capitalised word after a job that types as
 * nothing else (no team of the company, technology or field of study).
 * Returns the length of the role part, trimmed, and sets *place_byte to
 * where the place starts in text; returns 0, *place_byte untouched, when
 * the text is not so. Borrows text. */
size_t rls_entry_role_place(const char *text, size_t len, bool employer_known, size_t *place_byte);

/* True when text[0..len) names a grade or honour of a degree rather than a
 * place or school ("Distinction", "First Class Honours", "GPA: 3.7/4.0"). */
bool rls_entry_field_is_honour(const char *text, size_t len);

/* The length of text[0..len) without a grade that closes it ("B.S.E. in
 * Computer Science, GPA 3.9" -> "B.S.E. in Computer Science"); len when
 * none does. */
size_t rls_entry_without_grade(const char *text, size_t len);

/* Splits seen in earlier parses of one document, reused while their text is
 * unchanged: splitting (the date search above all) was a sixth of a
 * keystroke's model building (issue 9). Owned by one parser. */
typedef struct RlsEntrySplitCache RlsEntrySplitCache;
/* Returns owned; free with rls_entry_split_cache_delete. */
RlsEntrySplitCache *rls_entry_split_cache_new(void);
void rls_entry_split_cache_delete(RlsEntrySplitCache *self);
/* rls_entry_fields_split through cache (NULL: none); *out is the same, with
 * strings of its own. */
int rls_entry_fields_split_cached(RlsEntrySplitCache *cache, const char *text, size_t len,
                                  RlsSectionKind kind, bool date_line, RlsEntryFields *out);
/* Ends one parse: drops the splits no parse since the last sweep used,
 * once they pile up. */
void rls_entry_split_cache_sweep(RlsEntrySplitCache *cache);

/* ---- Contacts ------------------------------------------------------------- */

typedef struct {
    RlsContactKind kind;
    size_t start_byte, end_byte; /* in the text given */
} RlsContactHit;

/* Finds email addresses (also spelled out: "jane [at] example [dot] com"),
 * phone numbers and links (http(s)://, www., and bare
 * github.com/linkedin.com/... paths) in text[0..len). Writes at most `cap`
 * hits in text order and returns how many were found. Dates such as
 * "2002-05-11" or "2005-2010" are not phones. */
size_t rls_contacts_scan(const char *text, size_t len, RlsContactHit *hits, size_t cap);

#endif /* RLS_MODEL_LINES_H_ */
