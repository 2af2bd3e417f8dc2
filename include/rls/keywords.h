/*
 * keywords.h - the keyword catalogue and keyword matching: the terms of the
 * role profiles and where they occur in a text. What a resume does with them
 * (job-description coverage, the keyword rules, completion) is
 * keyword_report.h.
 *
 * The catalogue is the union of the role profiles compiled into the binary
 * (server/catalogue/data/<profile>.txt; the format is described at the top of
 * backend.txt). It is built once per process, on first use, into static
 * storage: it is never freed and never counts as a live allocation, so every
 * pointer into it (term names, categories, alias strings) stays valid for the
 * life of the process. Building it is thread-safe.
 *
 * Matching respects technical tokens ("C#", "C++", ".NET", "Node.js",
 * "CI/CD", "gRPC", "A/B testing"), word boundaries (Java is not found in
 * JavaScript, Go not in Google nor in "go"), a case rule per term, aliases
 * (Postgres -> PostgreSQL, k8s -> Kubernetes) and the spelled-out form of
 * acronyms. One pass over each text: candidate start positions are looked up
 * in a hash of the first two characters of every surface form.
 *
 * It depends on nothing but the allocator, so the model (which keeps a
 * catalogue technology out of a degree's name) and the spelling rule can use
 * it: server/catalogue/ sits below server/model/ (docs/architecture.md).
 */
#ifndef RLS_KEYWORDS_H_
#define RLS_KEYWORDS_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- The catalogue ------------------------------------------------------- */

typedef enum {
    RLS_KW_CASE_ANY = 0, /* ASCII letters match in any case */
    RLS_KW_CASE_EXACT,   /* as written; a hyphen then joins words ("Go-to") */
} RlsKwCase;

typedef struct {
    const char *name;      /* canonical form, e.g. "PostgreSQL" */
    const char *category;  /* "language", "database", "practice", ... */
    const char *expansion; /* spelled-out form of an acronym, or NULL */
    RlsKwCase case_rule;
    /* Case "word" in the data: matched in any case, but the lower-case
     * form is also an English word ("airflow", "android"): tech-casing
     * judges it only in skills lists. */
    bool common_word;
    uint32_t profiles; /* bit p set: the term belongs to profile p */
    uint32_t first_alias, n_aliases;
} RlsKeyword;

/* Number of terms in the catalogue (built on first call). */
uint32_t rls_kw_count(void);
/* The term with this id (< rls_kw_count()), or NULL. Static storage. */
const RlsKeyword *rls_kw_get(uint32_t id);
/* Alias i (< n_aliases) of a term, as written in the data (without "="). */
const char *rls_kw_alias(const RlsKeyword *kw, uint32_t i);
/* Whether alias i is marked "+" in the data: an accepted spelling of the
 * name in its own right ("Postgres" for PostgreSQL), which tech-casing
 * holds to its own case and counts as a choice to keep throughout. */
bool rls_kw_alias_accepted(const RlsKeyword *kw, uint32_t i);

/* The term whose canonical name, alias or expansion equals name (ASCII case
 * ignored, spaces and hyphens equivalent), or -1. */
int32_t rls_kw_find(const char *name, size_t len);

/* Role profiles: "backend", "frontend", "fullstack", "data-engineering",
 * "devops-sre", "mobile", "machine-learning". */
uint32_t rls_kw_profile_count(void);
const char *rls_kw_profile_name(uint32_t profile);
/* Profile index for a name or a common synonym ("full-stack", "devops",
 * "sre", "ml", "data"), ASCII case ignored; -1 when unknown. */
int32_t rls_kw_profile_find(const char *name);
/* Number of terms in a profile. */
uint32_t rls_kw_profile_size(uint32_t profile);

/* ---- Matching ------------------------------------------------------------- */

typedef struct {
    uint32_t term;       /* catalogue id */
    uint32_t start_byte; /* matched bytes in the scanned text */
    uint32_t end_byte;
    const char *form; /* the surface form that matched (name, alias or
                         expansion), static storage */
} RlsKwMatch;

typedef void (*RlsKwMatchCb)(const RlsKwMatch *match, void *data);

/* Scans text[0..len) once, left to right, calling cb for each match; the
 * longest form wins at a position and matches never overlap. Returns the
 * number of matches. Borrows text. */
size_t rls_kw_scan(const char *text, size_t len, RlsKwMatchCb cb, void *data);

/* True when needle[0..nlen) occurs in text[0..len) as a whole token (same
 * boundary rules as the catalogue, ASCII case ignored). For words that are
 * not in the catalogue: job-description tokens, unusual skills. */
bool rls_kw_contains_token(const char *text, size_t len, const char *needle, size_t nlen);

#endif /* RLS_KEYWORDS_H_ */
