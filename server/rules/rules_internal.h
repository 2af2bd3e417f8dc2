/*
 * rules_internal.h - what the rule files share: lexicons, a word scanner over
 * plain text, the per-run context, and the rule functions the engine calls.
 *
 * Not a public contract: only server/rules/ and its unit tests include it.
 */
#ifndef RLS_RULES_RULES_INTERNAL_H_
#define RLS_RULES_RULES_INTERNAL_H_

#include <stdarg.h>

#include "rls/buf.h"
#include "rls/config.h"
#include "rls/diag.h"
#include "rls/model.h"
#include "rls/rules.h"

/* ---- Lexicons ---------------------------------------------------------------
 * Each lexicon is a data file under server/rules/data/, embedded in the
 * binary, parsed once per process on first use (thread-safe) into a sorted
 * array whose entries point into the embedded bytes: no copy, no heap. */

typedef enum {
    RLS_LEX_WEAK_OPENER, /* weak-openers.txt          (rule weak-opener) */
    RLS_LEX_BUZZWORD,    /* buzzwords.txt             (rule buzzword) */
    RLS_LEX_VAGUE,       /* vague-quantifiers.txt     (rule vague-quantifier) */
    RLS_LEX_ACTION_VERB, /* action-verbs.txt          base forms */
    RLS_LEX_PARTICIPLE,  /* the verb table's listed participles (rule passive-voice) */
    RLS_LEX_UNIT,        /* metric-units.txt */
    RLS_LEX_ACRONYM,     /* acronyms.tsv              (rule acronym-undefined), case-sensitive */
    RLS_LEX_HEADING_KEYWORD, /* heading-keywords.tsv      word -> standard heading */
    RLS_LEX_VERB_SYNONYM,    /* verb-synonyms.tsv         verb -> alternatives */
    RLS_LEX_COUNT
} RlsLexId;

/* Entry flag: a leading "?" in the data file (vague-quantifier intensifiers). */
#define RLS_LEX_FLAG_WEAK 1u

typedef struct {
    const char *key; /* borrowed from the embedded data; not NUL-terminated */
    uint16_t key_len;
    uint16_t line_len;
    const char *line; /* the whole line, for the other TSV columns */
    uint8_t flags;
} RlsLexEntry;

typedef struct {
    const RlsLexEntry *items; /* sorted by key bytes */
    uint32_t n;
    bool fold; /* keys are lower-case and matched case-insensitively */
    const char *name;
    /* items[first_lo[c], first_hi[c]) are the keys starting with ASCII byte
     * c: most words are rejected with two loads, before any search. */
    uint16_t first_lo[128], first_hi[128];
} RlsLexicon;

/* The parsed lexicon (parsed on first call, then shared read-only). */
const RlsLexicon *rls_lexicon_get(RlsLexId id);
/* Entries that did not fit the static pool (0 unless the data outgrew it). */
uint32_t rls_lexicon_dropped(void);
/* Exact lookup of word[0..len) (case-folded for folding lexicons); NULL if
 * absent. */
const RlsLexEntry *rls_lexicon_find(const RlsLexicon *lex, const char *word, size_t len);
/* Column col (0-based, tab-separated) of an entry's line; *len gets its
 * length. Returns NULL when the line has fewer columns. */
const char *rls_lexicon_column(const RlsLexEntry *e, unsigned col, size_t *len);

/* ---- Plain-text scanning ----------------------------------------------------
 * A word is a run of letters and digits (any script), with apostrophes
 * inside it ("company's", "company’s"). Hyphens, slashes and dots separate
 * words; rules that care ("I/O", "HTTP/2", "results-driven") look at the
 * neighbouring bytes. */

typedef struct {
    uint32_t start_byte; /* plain-text offsets */
    uint32_t end_byte;
} RlsWord;

/* Code point at text[i] (len bounds; rls_utf8_decode); *n gets its byte length (>= 1). Bad
 * UTF-8 decodes as U+FFFD one byte at a time. */
uint32_t rls_rules_cp_at(const char *text, uint32_t len, uint32_t i, uint32_t *n);
/* True for a letter or digit code point. */
bool rls_rules_is_word_cp(uint32_t cp);
/* True when a word character starts at or ends just before byte i. */
bool rls_rules_word_at(const char *text, uint32_t len, uint32_t i);
bool rls_rules_word_before(const char *text, uint32_t i);

/* An ASCII letter or digit: the fast path of the word scanners, which see
 * mostly ASCII and fall back to rls_rules_is_word_cp for the rest. */
static inline bool rls_rules_ascii_alnum(unsigned char c) {
    return (unsigned char)((c | 32) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

/* Case-insensitive (ASCII) comparison of text[0..len) with the NUL-terminated
 * lower-case word w. Inline: the rules call it for every word against short
 * lists, and most calls fail on the first byte. */
static inline bool rls_rules_word_is(const char *text, uint32_t len, const char *w) {
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        /* w ends first: text is longer (a NUL byte in text must not match
         * w's terminator and read on past it). */
        if (w[i] == '\0' || c != (unsigned char)w[i]) return false;
    }
    return w[len] == '\0';
}

/* If the phrase key[0..key_len) (lower-case unless !fold) is at text[pos],
 * returns the plain offset where it ends, else 0. A space or hyphen in the
 * key matches any run of spaces and hyphens; an apostrophe matches ' and ’;
 * the match must end on a word boundary. */
uint32_t rls_rules_phrase_at(const char *key, size_t key_len, bool fold, const char *text,
                             uint32_t len, uint32_t pos);

/* ---- Where rules apply (scope.c) --------------------------------------------
 * The kind of a section as the rules see it: the model's kinds, with the
 * lists it files under broader ones (talks, patents, courses, languages,
 * interests) and leadership split out. */

typedef enum {
    RLS_SCOPE_HEADER = 0,
    RLS_SCOPE_SUMMARY,
    RLS_SCOPE_EXPERIENCE,
    RLS_SCOPE_PROJECTS,
    RLS_SCOPE_LEADERSHIP,
    RLS_SCOPE_VOLUNTEERING,
    RLS_SCOPE_EDUCATION,
    RLS_SCOPE_PUBLICATIONS,
    RLS_SCOPE_TALKS,
    RLS_SCOPE_PATENTS,
    RLS_SCOPE_AWARDS,
    RLS_SCOPE_CERTIFICATIONS,
    RLS_SCOPE_COURSES,
    RLS_SCOPE_SKILLS,
    RLS_SCOPE_LANGUAGES,
    RLS_SCOPE_INTERESTS,
    RLS_SCOPE_OTHER,
    RLS_SCOPE_COUNT
} RlsScope;

/* The kind of model section `section` (heading words and model kind). */
RlsScope rls_rules_scope_of(const RlsResume *model, uint32_t section);
/* Lower-case name of a scope ("talks"), for tests and documentation. */
const char *rls_rules_scope_name(RlsScope scope);
/* Whether rule judges text in a section of this kind, in English (english)
 * or not. Rules the table does not list (document and keyword rules)
 * apply everywhere. */
bool rls_rules_scope_applies(const char *rule, RlsScope scope, bool english);

/* ---- The per-run context ----------------------------------------------------- */

/* Words added or removed by configuration for one lexicon, for this run. */
typedef struct {
    char **adds; /* owned, lower-cased for folding lexicons */
    size_t n_adds, cap_adds;
    char **removes;
    size_t n_removes, cap_removes;
} RlsLexEdits;

/* The opening word of a judged bullet, kept for the document rules. */
typedef struct {
    int32_t bullet;
    uint32_t start_byte, end_byte;           /* plain offsets of the opener */
    uint32_t next_start_byte, next_end_byte; /* the word after it (empty if none) */
    bool is_list;
    bool is_achievement;
    bool weak;     /* weak-opener reported it */
    uint8_t scope; /* RlsScope of the bullet's section */
    bool english;  /* the bullet reads as English */
} RlsOpener;

/* Whether the document rule `rule` judges the bullet of opener o (the
 * scope table, scope.c, for its section and language). */
bool rls_rules_opener_applies(const RlsOpener *o, const char *rule);

typedef struct {
    const RlsResume *model;
    const char *src;
    uint32_t src_len;
    const RlsConfig *config;
    RlsDiagList *out;
    RlsLexEdits edits[RLS_LEX_COUNT];
    RlsWord *words; /* scratch for one bullet, reused */
    size_t n_words, cap_words;
    RlsSeverity sev[RLS_RULE_COUNT]; /* configured severity of each rule, by RlsRule */
    RlsOpener *openers;              /* one per judged bullet, in bullet order */
    size_t n_openers, cap_openers;
    uint32_t *line_starts; /* built on first use */
    uint32_t n_lines;
    /* Per bullet, filled by rls_rules_scan_bullet. */
    const RlsBullet *bullet;
    int32_t bullet_index;
    uint32_t opener;     /* index in words of the first word after pronouns, or n_words */
    bool has_metric;     /* a quantified result was found */
    bool is_list;        /* "Technologies: A, B, C": a list, not an achievement */
    bool is_achievement; /* in a section where bullets state results */
    bool is_list_item;   /* an item of a list its parent bullet introduces ("...on:") */
    bool states_no_work; /* no verb and few words, or a list intro ("...included:"): no
                          * result to measure (no-metric only) */
    /* Per document, decided once per run by the engine. */
    bool english;  /* the prose is English: the English-only rules apply */
    bool fragment; /* a LaTeX file \input by another (no \documentclass) */
    /* Per section, filled once per run: its scope and whether its prose
     * reads as English. */
    uint8_t *section_scope;
    bool *section_english;
    /* The text being judged: its section's scope, whether it is English
     * (its section is, and its own letters are mostly Latin), and whether
     * it is a paragraph (a summary, a role told in prose) rather than a
     * bullet: paragraphs leave no opener for the document rules. */
    RlsScope scope;
    bool text_english;
    bool paragraph;
    bool summary;    /* a summary paragraph (also a profile in the header block) */
    bool prose_role; /* a sentence of a role told in prose */
    /* Thresholds read once per run (configuration lookups are string
     * compares; a keystroke runs the bullet rules ~60 times). */
    double max_words, max_chars, min_words, max_wide_chars, max_summary_words;
    /* The run's cache, or NULL for an uncached run: document rules replay
     * their findings from it when their inputs are unchanged. */
    struct RlsRulesCache *cache;
} RlsRulesCtx;

/* True when the document's prose reads as English: few letters outside the
 * Latin script, and English function words outnumber French, Portuguese,
 * Spanish and German ones. The heading table, tenses and acronym
 * expansions are English; other languages' resumes are not judged by them. */
bool rls_rules_is_english(const RlsResume *model);
/* Whether section `section` reads as English: its own headings, bullets
 * and paragraphs decide when they hold enough function words or another
 * script; a section too short to tell takes doc_english. */
bool rls_rules_section_english(const RlsResume *model, uint32_t section, bool doc_english);
/* True when most letters of p are not Latin (Han, kana, Hangul, Cyrillic,
 * ...): such text is never judged by the English wording rules, whatever
 * its section. */
bool rls_rules_plain_foreign_script(const RlsPlain *p);
/* True for a LaTeX file without \documentclass or \begin{document}: a
 * part \input into a main file, which holds the other sections. */
bool rls_rules_is_fragment(const RlsResume *model, const char *src, uint32_t len);

/* Longest match of lexicon id (with this run's configuration edits) at
 * plain offset pos; returns its end or 0. *flags gets the entry's flags. */
uint32_t rls_rules_match(RlsRulesCtx *ctx, RlsLexId id, const char *text, uint32_t len,
                         uint32_t pos, uint8_t *flags);
/* Exact lookup with this run's edits. */
bool rls_rules_has_word(RlsRulesCtx *ctx, RlsLexId id, const char *word, size_t len);

/* 0-based line of a source byte (LF, CRLF and lone CR end lines). */
uint32_t rls_rules_line_of(RlsRulesCtx *ctx, uint32_t byte);

/* printf into buf for the conversions messages use (%s, %.*s, %d, %u, %ld,
 * %zu, %%), falling back to rls_buf_vprintf for any other. The C library's
 * printf was a fifth of a keystroke's rule work. */
void rls_rules_vformat(RlsBuf *buf, const char *fmt, va_list ap);
void rls_rules_format(RlsBuf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends a finding whose message is already built; takes ownership of
 * message (owned, from rls_buf_detach or rls_malloc). */
RlsDiag *rls_rules_push_owned(RlsDiagList *list, RlsSpan span, RlsSeverity sev, const char *rule,
                              char *message);

/* Whether rule judges the current text: enabled, and the scope table
 * (scope.c) lets it judge ctx->scope in ctx->text_english. */
bool rls_rules_on(const RlsRulesCtx *ctx, const char *rule);
/* Severity of a rule under the run's configuration (RLS_SEV_OFF: skip). */
RlsSeverity rls_rules_severity(const RlsRulesCtx *ctx, const char *rule);
/* Reports plain bytes [plain_start, plain_end) of the current bullet. */
RlsDiag *rls_rules_report(RlsRulesCtx *ctx, const char *rule, uint32_t plain_start,
                          uint32_t plain_end, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Whether the current text opens (after pronouns and "was"/"am") with a
 * verb: a listed action verb, a past or present form, or a weak opener. */
bool rls_rules_opens_with_verb(const RlsRulesCtx *ctx);

/* Splits the bullet into words and fills the per-bullet fields of ctx. */
void rls_rules_scan_bullet(RlsRulesCtx *ctx, const RlsBullet *b, int32_t index);

/* True when plain text t[0..n) holds a quantified result (see metric.c). */
bool rls_rules_has_metric(RlsRulesCtx *ctx, const char *t, uint32_t n);
/* If a spelled-out number ("thirty", "twenty-five", "five hundred") starts
 * at word w of the current bullet and reads as a count, returns the plain
 * end of the number phrase ("percent" included) and its value; else 0. */
uint32_t rls_rules_spelled_number(RlsRulesCtx *ctx, const char *t, uint32_t n, size_t w,
                                  long *value);

/* Verb forms of a lower-case word, for tense and suggestions. */
typedef enum { RLS_TENSE_NONE, RLS_TENSE_PAST, RLS_TENSE_PRESENT } RlsTense;
RlsTense rls_rules_tense_of(const char *word, size_t len, const char *next, size_t next_len);
/* Writes into buf (cap bytes, NUL-terminated) the other tense of a word
 * rls_rules_tense_of read as `tense`: the base of a past form ("Shipped" ->
 * "Ship"), the past of a present one ("Manages" -> "Managed"), with the
 * word's initial capital; "" when it is no verb form or does not fit. */
void rls_rules_other_tense(const char *word, size_t len, RlsTense tense, char *buf, size_t cap);

/* ---- Rules -------------------------------------------------------------------- */

/* Runs the bullet rules of the table (rules.h) the current bullet is
 * judged by (after scan_bullet). */
void rls_rules_bullet_checks(RlsRulesCtx *ctx);
/* The checks of the table (RLS_RULES, rules.h). bullet_rules.c: each judges
 * the current bullet (after scan_bullet). */
void rls_rules_weak_opener(RlsRulesCtx *ctx);
void rls_rules_no_metric(RlsRulesCtx *ctx);
void rls_rules_vague_quantifier(RlsRulesCtx *ctx);
void rls_rules_passive_voice(RlsRulesCtx *ctx);
void rls_rules_first_person(RlsRulesCtx *ctx);
void rls_rules_spelled_out_number(RlsRulesCtx *ctx);
void rls_rules_buzzword(RlsRulesCtx *ctx);
void rls_rules_bullet_length(RlsRulesCtx *ctx);
/* document_rules.c: each runs once over the model. */
void rls_rules_repeated_verb(RlsRulesCtx *ctx);
void rls_rules_tense_mismatch(RlsRulesCtx *ctx);
void rls_rules_nonstandard_heading(RlsRulesCtx *ctx);
void rls_rules_missing_section(RlsRulesCtx *ctx);
void rls_rules_acronym_undefined(RlsRulesCtx *ctx);
/* read_rules.c: the reader found material of roles but no role. */
void rls_rules_unread_structure(RlsRulesCtx *ctx);
/* timeline.c: date-invalid, timeline-order, timeline-gap. */
void rls_rules_date_invalid(RlsRulesCtx *ctx);
void rls_rules_timeline_order(RlsRulesCtx *ctx);
void rls_rules_timeline_gap(RlsRulesCtx *ctx);

/* Drops findings suppressed by resume-ls-disable comments from out[from..]. */
void rls_rules_apply_suppressions(RlsRulesCtx *ctx, size_t from);

/* ---- The per-bullet cache (cache.c) ---------------------------------------- */

/* Facts about a bullet's place that its findings depend on, besides text. */
#define RLS_RULES_FACT_ACHIEVEMENT 1u
#define RLS_RULES_FACT_LIST_ITEM 2u
/* Bits 2-6: the scope; bit 7: the text is English. */
#define RLS_RULES_FACT_SCOPE_SHIFT 2u
#define RLS_RULES_FACT_ENGLISH 128u

/* Starts a run: empties the cache when ctx's configuration differs from the
 * last run's. */
void rls_rules_cache_begin(RlsRulesCache *self, const RlsRulesCtx *ctx);
/* Ends a run: drops entries this run did not use once they pile up. */
void rls_rules_cache_end(RlsRulesCache *self);
/* When b (bullet index) with these facts was judged before, appends its
 * findings to ctx->out and its opener to ctx->openers, and returns true. */
bool rls_rules_cache_replay(RlsRulesCache *self, RlsRulesCtx *ctx, const RlsBullet *b,
                            int32_t index, uint8_t facts);
/* Remembers what judging b found: diags[0..n_diags) and its opener (NULL:
 * none). Copies everything. */
void rls_rules_cache_store(RlsRulesCache *self, const RlsBullet *b, uint8_t facts,
                           const RlsDiag *diags, size_t n_diags, const RlsOpener *opener);

/* Document rules whose findings are kept between runs (cache.c). */
typedef enum { RLS_RULES_DOC_REPEATED_VERB, RLS_RULES_DOC_COUNT } RlsRulesDocRule;
/* When the last run of rule had inputs hashing to key, pushes its findings
 * again (spans recomputed from each bullet's current source map) and
 * returns true. Every finding of these rules sits in a bullet (bullet index
 * and plain offsets). Borrows everything. */
bool rls_rules_cache_doc_replay(RlsRulesCache *self, RlsRulesCtx *ctx, RlsRulesDocRule rule,
                                uint64_t key);
/* Keeps the findings rule just pushed (diags[0..n_diags), copied) under key. */
void rls_rules_cache_doc_store(RlsRulesCache *self, RlsRulesDocRule rule, uint64_t key,
                               const RlsDiag *diags, size_t n_diags);
/* Replays and runs of the document rules since the cache was made. */
void rls_rules_cache_doc_stats(const RlsRulesCache *self, uint64_t *hits, uint64_t *misses);

#endif /* RLS_RULES_RULES_INTERNAL_H_ */
