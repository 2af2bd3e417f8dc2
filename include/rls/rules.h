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

typedef struct {
    const char *id;
    RlsSeverity default_severity;
    bool content;        /* a content-and-impact rule judged on bullets */
    const char *summary; /* one line: what it catches */
} RlsRuleInfo;

/* The table of all rules, in documentation order. */
const RlsRuleInfo *rls_rules_all(size_t *count);
/* The rule with this id, or NULL. */
const RlsRuleInfo *rls_rule_find(const char *id);

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
