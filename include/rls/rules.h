/*
 * rules.h - the rule engine: reads a model, emits findings.
 *
 * Rule ids are stable strings: they are the `code` of an LSP diagnostic,
 * the key in configuration, and the anchor of the rule's entry in
 * docs/rules.md.
 */
#ifndef RLS_RULES_H_
#define RLS_RULES_H_

#include "rls/config.h"
#include "rls/diag.h"
#include "rls/model.h"

/* What a rule judges at a time. */
typedef enum {
    RLS_RULE_ON_BULLET,   /* one bullet, or one sentence of prose, at a time */
    RLS_RULE_ON_SECTION,  /* a section: its heading, its entries or their dates */
    RLS_RULE_ON_DOCUMENT, /* the document as a whole */
} RlsRuleScope;

/* ---- The table of rules ------------------------------------------------------
 * One row per rule, in documentation order; everything that names a rule is
 * generated from it: the registry (rls_rules_all), the ids (RLS_RULE_ID), the
 * rule keys of configuration ("rules": {"<id>": "<severity>"}), the index of
 * docs/rules.md (a test holds the document to this table) and, inside the
 * rule engine, which check runs for which rule.
 *
 *   X(NAME, id, default severity, scope, check, content, docs anchor, summary)
 *
 * check is the function of server/rules/ the engine runs (RlsRulesCtx *);
 * NULL for a rule another part of the core runs: the keyword and format
 * rules (server/keywords/), spelling (server/rules/spelling.c, when the
 * shell gives it a dictionary) and not-analysed (rls_analyze). content: a
 * content-and-impact rule, judged on what a bullet says. */
#define RLS_RULES(X)                                                                               \
    X(WEAK_OPENER, "weak-opener", RLS_SEV_WARNING, RLS_RULE_ON_BULLET, rls_rules_weak_opener,      \
      true, "weak-opener", "Bullet opens with a duty or participation phrase or a weak verb.")     \
    X(NO_METRIC, "no-metric", RLS_SEV_WARNING, RLS_RULE_ON_BULLET, rls_rules_no_metric, true,      \
      "no-metric", "Bullet states no quantified result.")                                          \
    X(VAGUE_QUANTIFIER, "vague-quantifier", RLS_SEV_WARNING, RLS_RULE_ON_BULLET,                   \
      rls_rules_vague_quantifier, true, "vague-quantifier",                                        \
      "A vague quantity (various, several, many, ...) where a number belongs.")                    \
    X(PASSIVE_VOICE, "passive-voice", RLS_SEV_WARNING, RLS_RULE_ON_BULLET,                         \
      rls_rules_passive_voice, true, "passive-voice", "Passive voice hides who did the work.")     \
    X(FIRST_PERSON, "first-person", RLS_SEV_WARNING, RLS_RULE_ON_BULLET, rls_rules_first_person,   \
      true, "first-person", "First-person pronoun (I, me, my, we, our, us).")                      \
    X(SPELLED_OUT_NUMBER, "spelled-out-number", RLS_SEV_INFO, RLS_RULE_ON_BULLET,                  \
      rls_rules_spelled_out_number, true, "spelled-out-number",                                    \
      "A number written in words where digits belong.")                                            \
    X(BUZZWORD, "buzzword", RLS_SEV_WARNING, RLS_RULE_ON_BULLET, rls_rules_buzzword, true,         \
      "buzzword", "A buzzword or self-description instead of evidence.")                           \
    X(BULLET_LENGTH, "bullet-length", RLS_SEV_INFO, RLS_RULE_ON_BULLET, rls_rules_bullet_length,   \
      false, "bullet-length", "Bullet too long to scan, or too short to say anything.")            \
    X(REPEATED_VERB, "repeated-verb", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT, rls_rules_repeated_verb, \
      false, "repeated-verb", "The same opening verb on three or more bullets.")                   \
    X(TENSE_MISMATCH, "tense-mismatch", RLS_SEV_WARNING, RLS_RULE_ON_SECTION,                      \
      rls_rules_tense_mismatch, false, "tense-mismatch",                                           \
      "Present tense in a finished role, or past tense in a current role written in the "          \
      "present.")                                                                                  \
    X(NONSTANDARD_HEADING, "nonstandard-heading", RLS_SEV_WARNING, RLS_RULE_ON_SECTION,            \
      rls_rules_nonstandard_heading, false, "nonstandard-heading",                                 \
      "A section heading an applicant tracking system may not recognise.")                         \
    X(MISSING_SECTION, "missing-section", RLS_SEV_WARNING, RLS_RULE_ON_DOCUMENT,                   \
      rls_rules_missing_section, false, "missing-section",                                         \
      "No Experience, Skills or Education section.")                                               \
    X(ACRONYM_UNDEFINED, "acronym-undefined", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT,                  \
      rls_rules_acronym_undefined, false, "acronym-undefined",                                     \
      "A known acronym is never spelled out.")                                                     \
    X(UNREAD_STRUCTURE, "unread-structure", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT,                    \
      rls_rules_unread_structure, false, "unread-structure",                                       \
      "The file has dated lines, list items or a code block but no role or bullet was read.")      \
    X(MISSING_KEYWORD, "missing-keyword", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT, NULL, false,         \
      "missing-keyword", "A keyword the job description asks for never appears in the resume.")    \
    X(SKILL_UNBACKED, "skill-unbacked", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT, NULL, false,           \
      "skill-unbacked", "A skill listed in the Skills section that no bullet shows in use.")       \
    X(SKILL_UNLISTED, "skill-unlisted", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT, NULL, false,           \
      "skill-unlisted", "A tool used in bullets but missing from the Skills section.")             \
    X(ATS_LAYOUT, "ats-layout", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT, NULL, false, "ats-layout",     \
      "Tables, columns, images, icons or header/footer text that ATS parsers lose.")               \
    X(CONTACT_MISSING, "contact-missing", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT, NULL, false,         \
      "contact-missing", "No email address (or phone) a recruiter can use.")                       \
    X(DATE_FORMAT, "date-format", RLS_SEV_INFO, RLS_RULE_ON_SECTION, NULL, false, "date-format",   \
      "Dates written in different styles across entries.")                                         \
    X(RESUME_LENGTH, "resume-length", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT, NULL, false,             \
      "resume-length", "More text than fits on about two pages.")                                  \
    X(TECH_CASING, "tech-casing", RLS_SEV_WARNING, RLS_RULE_ON_DOCUMENT, NULL, true,               \
      "tech-casing",                                                                               \
      "A technology name not written the official way (Javascript, Github, nodejs).")              \
    X(DATE_INVALID, "date-invalid", RLS_SEV_WARNING, RLS_RULE_ON_SECTION, rls_rules_date_invalid,  \
      false, "date-invalid",                                                                       \
      "A date that cannot be right: an end before its start, a start in the future, month 13.")    \
    X(TIMELINE_ORDER, "timeline-order", RLS_SEV_INFO, RLS_RULE_ON_SECTION,                         \
      rls_rules_timeline_order, false, "timeline-order",                                           \
      "Entries of experience or education not listed most recent first.")                          \
    X(TIMELINE_GAP, "timeline-gap", RLS_SEV_INFO, RLS_RULE_ON_DOCUMENT, rls_rules_timeline_gap,    \
      false, "timeline-gap",                                                                       \
      "More than 6 months (configurable) between two jobs with nothing listed.")                   \
    X(SPELLING, "spelling", RLS_SEV_WARNING, RLS_RULE_ON_DOCUMENT, NULL, false, "spelling",        \
      "A word the dictionary of the resume's language does not know: a likely typo.")              \
    X(NOT_ANALYSED, "not-analysed", RLS_SEV_ERROR, RLS_RULE_ON_DOCUMENT, NULL, false,              \
      "not-analysed", "The file is not UTF-8 text, or too large or too complex to check.")

/* Each rule's index in the table: RLS_RULE_WEAK_OPENER, ... */
#define RLS__RULE_ENUM(name, ...) RLS_RULE_##name,
typedef enum { RLS_RULES(RLS__RULE_ENUM) RLS_RULE_COUNT } RlsRule;
#undef RLS__RULE_ENUM

/* Each rule's id as one object all code shares: RLS_RULE_ID(WEAK_OPENER) is
 * "weak-opener". A misspelt name does not compile (a misspelt string would
 * silently name no rule), and the registry compares ids by address first. */
#define RLS_RULE_ID(name) rls__rule_id_##name
#define RLS__RULE_ID_DECL(name, ...) extern const char rls__rule_id_##name[];
RLS_RULES(RLS__RULE_ID_DECL)
#undef RLS__RULE_ID_DECL

typedef struct {
    const char *id;
    RlsSeverity default_severity;
    RlsRuleScope scope;
    bool content;        /* a content-and-impact rule judged on bullets */
    const char *anchor;  /* the anchor of its section in docs/rules.md */
    const char *summary; /* one line: what it catches */
} RlsRuleInfo;

/* The table of all rules, in documentation order (RLS_RULES). */
const RlsRuleInfo *rls_rules_all(size_t *count);
/* The rule with this id, or NULL. */
const RlsRuleInfo *rls_rule_find(const char *id);
/* The row of rule (an RlsRule below RLS_RULE_COUNT). */
const RlsRuleInfo *rls_rule_info(RlsRule rule);

/* Runs every enabled rule over the model and appends findings to out,
 * honouring configured severities and in-document suppression comments.
 * src is the text the model was built from. config may be NULL (defaults).
 * Returns 0; findings are sorted (rls_diag_list_sort). */
int rls_rules_run(const RlsResume *model, const char *src, uint32_t src_len,
                  const RlsConfig *config, RlsDiagList *out);

/* Drops out->items[from..] that an in-document suppression comment of model
 * covers. rls_rules_run applies it to its own findings; rules run later in
 * the pipeline (keywords, layout) call it for theirs. */
void rls_rules_suppress(const RlsResume *model, const char *src, uint32_t src_len, RlsDiagList *out,
                        size_t from);

/* What the bullet rules found per bullet, kept between runs over successive
 * versions of one document so that a keystroke re-judges only the bullets
 * it changed. Owned by its creator; one cache per document (not shared
 * between threads). */
typedef struct RlsRulesCache RlsRulesCache;

/* Returns owned; free with rls_rules_cache_delete. */
RlsRulesCache *rls_rules_cache_new(void);
void rls_rules_cache_delete(RlsRulesCache *self);
/* Bullets replayed from and judged into the cache since it was made. */
void rls_rules_cache_stats(const RlsRulesCache *self, uint64_t *hits, uint64_t *misses);

/* rls_rules_run, reusing and refreshing cache (NULL: no cache). The findings
 * are exactly those of rls_rules_run. */
int rls_rules_run_cached(RlsRulesCache *cache, const RlsResume *model, const char *src,
                         uint32_t src_len, const RlsConfig *config, RlsDiagList *out);

/* ---- The timeline ----------------------------------------------------------
 * timeline-order reads the dated entries of each experience and education
 * section; an entry is misplaced when it is left out of the longest run of
 * entries in which none is surely newer (starts and ends later) than one
 * above it. */

/* Whether timeline-order reports entry (an index into model->entries) as
 * one to move; *before (may be NULL) gets the entry it belongs above, or
 * -1, and then *after (may be NULL) gets the entry it belongs below. */
bool rls_timeline_misplaced(const RlsResume *model, uint32_t entry, int32_t *before,
                            int32_t *after);

/* The language of the document's prose as an ISO 639-1 code: "en", "fr",
 * "de", "es", "pt", "da", "nl" or "it" from its function words, "en" when too short to tell
 * (the product's default), NULL for prose mostly in another script or
 * language. Static strings. The spelling rule picks its dictionary by it. */
const char *rls_rules_language(const RlsResume *model);

/* ---- Section headings (data/heading-synonyms.tsv) ------------------------ */

/* The standard heading of which `heading` (a section heading's plain text,
 * compared whole, case and punctuation aside) is a known synonym in language
 * lang ("en", "de", ...; NULL: any): "Work History" -> "Experience",
 * "Berufserfahrung" -> "Experience". Returns a pointer into static data that
 * is NOT NUL-terminated, its length in *name_len; NULL when the heading is
 * no listed synonym. */
const char *rls_heading_synonym(const char *heading, size_t len, const char *lang,
                                size_t *name_len);

/* Whether a word of heading names a kind of section of its own ("Patents",
 * "Invited Talks", "Courses", "Languages"): such a heading is never renamed
 * to another kind. */
bool rls_heading_own_kind(const char *heading, size_t len);

#endif /* RLS_RULES_H_ */
