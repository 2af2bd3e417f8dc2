/*
 * keyword_report.h - what a resume does with the keyword catalogue
 * (keywords.h): the keywords of a job description, the terms a resume uses
 * and where, the keyword and format rules, tech-casing, and completion
 * candidates (server/keywords/).
 */
#ifndef RLS_KEYWORD_REPORT_H_
#define RLS_KEYWORD_REPORT_H_

#include "rls/config.h"
#include "rls/diag.h"
#include "rls/keywords.h"
#include "rls/model.h"
#include "rls/rules.h"

/* ---- Job descriptions ------------------------------------------------------ */

typedef struct {
    char *text;     /* owned: canonical name, or the token as the JD writes it */
    int32_t term;   /* catalogue id, or -1 for a token found by frequency */
    uint32_t count; /* occurrences in the job description */
} RlsJdKeyword;

typedef struct {
    RlsJdKeyword *items; /* most frequent first, then catalogue order */
    size_t len, cap;
} RlsJdKeywords;

void rls_jd_init(RlsJdKeywords *self);
void rls_jd_close(RlsJdKeywords *self);
/* Extracts keywords from a job description: every catalogue term it uses,
 * plus technical-looking tokens the catalogue does not know (camelCase,
 * acronyms, tokens with digits or "#+."), kept when they occur at least
 * twice or look unmistakably technical. At most RLS_JD_MAX_KEYWORDS are
 * kept. Replaces what *self held. Borrows text. Returns 0. */
int rls_jd_extract(RlsJdKeywords *self, const char *text, size_t len);
#define RLS_JD_MAX_KEYWORDS 40

/* ---- Keywords of a resume ---------------------------------------------------- */

typedef enum {
    RLS_KW_IN_BULLET = 0, /* an experience/project bullet: strong evidence */
    RLS_KW_IN_TEXT,       /* summary, entry line, heading: medium */
    RLS_KW_IN_SKILLS,     /* the skills list: weak evidence on its own */
} RlsKwWhere;

typedef struct {
    uint32_t term;
    RlsKwWhere where;
    RlsSpan span;     /* source bytes of the match */
    uint32_t section; /* section index */
    int32_t item;     /* bullet, paragraph or skill index (by where); -1 for a heading */
    const char *form; /* surface form matched (static) */
} RlsKwHit;

typedef struct {
    uint32_t n_bullet, n_text, n_skills; /* hits by where */
    /* Of n_text, hits in a role's prose description (under an experience,
     * project or volunteering entry): they show the tool in use. */
    uint32_t n_described;
    uint32_t jd_count; /* times the job description uses it (0: not asked) */
    bool in_profile;   /* in the active role profile */
} RlsKwTermStat;

typedef struct {
    uint32_t jd_index; /* into jd.items */
    bool covered;      /* used anywhere in the resume */
    bool in_bullet;    /* used in a bullet */
} RlsJdCoverage;

typedef struct {
    RlsKwHit *hits; /* document order */
    size_t n_hits, cap_hits;
    RlsKwTermStat *terms;    /* indexed by catalogue id; rls_kw_count() items */
    int32_t profile;         /* active profile, or -1 */
    bool profile_inferred;   /* no role configured: the best-matching profile */
    RlsJdKeywords jd;        /* empty without a job description */
    RlsJdCoverage *coverage; /* jd.len items */
    /* Borrowed, may be NULL: earlier scans of the same texts, reused by
     * rls_kw_analyze (rls_keywords_check_cached sets it). */
    struct RlsKwScanCache *scan_cache;
} RlsKwReport;

void rls_kw_report_init(RlsKwReport *self);
void rls_kw_report_close(RlsKwReport *self);
/* Finds every catalogue term in the model: bullets, paragraphs, headings and
 * skills (bullets and paragraphs inside a Skills section count as skills).
 * The profile is config->role, else the profile with most hits when at least
 * RLS_KW_INFER_MIN distinct terms point to it. A job description
 * (config->job_text) is extracted and its coverage computed. config may be
 * NULL. Borrows model and config. Replaces what *self held. Returns 0. */
int rls_kw_analyze(RlsKwReport *self, const RlsResume *model, const RlsConfig *config);
#define RLS_KW_INFER_MIN 3

/* The hit whose span contains byte offset at_byte (end inclusive), or NULL. */
const RlsKwHit *rls_kw_report_hit_at(const RlsKwReport *self, uint32_t at_byte);
/* True for categories that name a tool one lists in Skills (language,
 * framework, database, ...), false for practices and concepts. */
bool rls_kw_category_listable(const char *category);

/* ---- Diagnostics ----------------------------------------------------------- */

/* tech-casing: the official form (the name, or a "+" alias) that
 * text[0..len) is a mis-cased or mis-punctuated variant of ("Javascript"
 * -> "JavaScript", "nodejs" -> "Node.js", "MacOS" -> "macOS"); NULL when
 * text is written officially, is another alias, is in capitals
 * throughout, or names a term written all in lower case. A lower-case
 * English word ("airflow") is judged only when in_list (a skills list).
 * Static storage. */
const char *rls_kw_official_form(const char *text, size_t len, bool in_list);

/* The keyword and format rules (missing-keyword, skill-unbacked,
 * skill-unlisted, ats-layout, contact-missing, date-format, resume-length)
 * are registered in the one rule table, rls_rules_all (rules.h). */

/* tech-casing (techcase.c): appends its findings to out. Called by
 * rls_keywords_check_report. */
void rls_kw__tech_casing(const RlsResume *model, const RlsKwReport *report, const char *src,
                         uint32_t src_len, const RlsConfig *config, RlsDiagList *out);

/* Runs the rules above over a model (with src, the text it was built from)
 * and appends findings to out under config's severities (NULL: defaults;
 * "resume-length.maxWords" sets the length threshold, default 1100). Meant
 * to run after rls_rules_run in the analysis pipeline. Returns 0. */
int rls_keywords_check(const RlsResume *model, const char *src, uint32_t src_len,
                       const RlsConfig *config, RlsDiagList *out);

/* Same, with a report already computed for this model and config. */
int rls_keywords_check_report(const RlsResume *model, const RlsKwReport *report, const char *src,
                              uint32_t src_len, const RlsConfig *config, RlsDiagList *out);

/* Number of entries whose date style differs from the most common style of
 * the entries of the same section kind; entries listed in *odd (owned; free
 * with rls_free; may be NULL to only count). */
uint32_t rls_date_inconsistencies(const RlsResume *model, const char *src, uint32_t src_len,
                                  uint32_t **odd);

/* Words of visible text (bullets, paragraphs, headings, skills, and the
 * entry lines: role, organisation, place, dates). */
uint32_t rls_resume_word_count(const RlsResume *model);

/* ---- Completion -------------------------------------------------------------- */

typedef enum {
    RLS_COMPLETE_NONE = 0,
    RLS_COMPLETE_VERB,  /* at the start of a bullet */
    RLS_COMPLETE_SKILL, /* after a comma (or colon) in the Skills section */
} RlsCompleteKind;

typedef struct {
    char *label;  /* owned: text to insert */
    char *detail; /* owned: why it is offered ("database · asked by the job") */
    double score; /* higher first */
} RlsCompletionItem;

typedef struct {
    RlsCompletionItem *items; /* best first */
    size_t len, cap;
    RlsCompleteKind kind;
    RlsSpan replace; /* source bytes the chosen label replaces (the typed prefix) */
} RlsCompletionList;

void rls_completion_list_init(RlsCompletionList *self);
void rls_completion_list_close(RlsCompletionList *self);

/* Completion at byte offset at_byte of src (from which model was built):
 * strong action verbs at the start of a bullet (the marker and an optional
 * partial word before the cursor), ranked by what the rest of the line says;
 * or, in the Skills section after a comma or colon, catalogue terms and
 * job-description keywords the resume does not list yet, filtered by the
 * typed prefix. Anything else: kind NONE, no items. config may be NULL.
 * Replaces what *out held. Returns 0. */
int rls_complete_at(const RlsResume *model, const char *src, uint32_t src_len, uint32_t at_byte,
                    const RlsConfig *config, RlsCompletionList *out);

/* The verb ranking alone: verbs starting with prefix (ASCII case ignored;
 * NULL or "" for all), ranked for a bullet that goes on to say rest. */
int rls_complete_verbs(const char *prefix, size_t prefix_len, const char *rest, size_t rest_len,
                       RlsCompletionList *out);

/* The catalogue matches of each text scanned before, kept between analyses
 * of successive versions of one document: a keystroke rescans only the
 * text it changed. Owned by its creator; not shared between threads. */
typedef struct RlsKwScanCache RlsKwScanCache;

/* Returns owned; free with rls_kw_scan_cache_delete. */
RlsKwScanCache *rls_kw_scan_cache_new(void);
void rls_kw_scan_cache_delete(RlsKwScanCache *self);

/* rls_keywords_check, reusing and refreshing cache (NULL: none). The
 * findings are exactly those of rls_keywords_check. */
int rls_keywords_check_cached(RlsKwScanCache *cache, const RlsResume *model, const char *src,
                              uint32_t src_len, const RlsConfig *config, RlsDiagList *out);

#endif /* RLS_KEYWORD_REPORT_H_ */
