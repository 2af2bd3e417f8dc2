/*
 * config.h - settings as the core sees them, after the shell has merged
 * built-in defaults, .resume-ls.json, initializationOptions and
 * workspace/configuration (later sources override earlier ones).
 */
#ifndef RLS_CONFIG_H_
#define RLS_CONFIG_H_

#include "rls/diag.h"
#include "rls/macro.h"
#include "rls/text.h"

#define RLS_SEV_DEFAULT (-1)

typedef struct {
    char *rule;   /* rule id */
    int severity; /* an RlsSeverity (RLS_SEV_OFF disables) */
} RlsRuleSetting;

typedef struct {
    char *lexicon; /* e.g. "weak-opener", "buzzword" */
    char *word;
    bool remove; /* true: remove the word; false: add it */
} RlsLexiconEdit;

typedef struct {
    char *name; /* e.g. "bullet-length.maxWords" */
    double value;
} RlsThreshold;

/* The largest document analysed unless threshold not-analysed.maxBytes
 * says otherwise (analysis.h). */
#define RLS_ANALYSIS_MAX_BYTES (4u * 1024u * 1024u)

/* Every numeric limit a rule reads, one row each: the key a configuration
 * sets it by ("thresholds" in a file: "<rule-id>.<name>"), its default, and
 * the whole numbers it may take (a value outside is refused where the
 * configuration is read, before anything reaches the rules, which convert
 * it to integers). docs/configuration.md lists them all (a test checks it
 * against this table). Rules read a threshold by its row,
 * rls_config_threshold_of(config, RLS_THRESHOLD_BULLET_MAX_WORDS): a
 * misspelt name does not compile, where a misspelt key read nothing.
 *   X(NAME, key, default, min, max) */
#define RLS_THRESHOLDS(X)                                                                          \
    X(BULLET_MAX_WORDS, "bullet-length.maxWords", 40, 0, 1000)                                     \
    X(BULLET_MAX_CHARS, "bullet-length.maxChars", 240, 0, 10000)                                   \
    X(BULLET_MIN_WORDS, "bullet-length.minWords", 4, 0, 100)                                       \
    X(BULLET_MAX_WIDE_CHARS, "bullet-length.maxWideChars", 100, 0, 10000)                          \
    X(BULLET_MAX_SUMMARY_WORDS, "bullet-length.maxSummaryWords", 90, 0, 1000)                      \
    X(REPEATED_VERB_MAX_REPEATS, "repeated-verb.maxRepeats", 2, 1, 100)                            \
    X(RESUME_LENGTH_MAX_WORDS, "resume-length.maxWords", 1100, 1, 100000)                          \
    X(TIMELINE_GAP_MONTHS, "timeline-gap.months", 6, 1, 120)                                       \
    X(NOT_ANALYSED_MAX_BYTES, "not-analysed.maxBytes", RLS_ANALYSIS_MAX_BYTES, 1,                  \
      RLS_TEXT_MAX_BYTES)

/* Each threshold's row: RLS_THRESHOLD_BULLET_MAX_WORDS, ... */
#define RLS__THRESHOLD_ENUM(name, ...) RLS_THRESHOLD_##name,
typedef enum { RLS_THRESHOLDS(RLS__THRESHOLD_ENUM) RLS_THRESHOLD_COUNT } RlsThresholdId;
#undef RLS__THRESHOLD_ENUM

typedef struct {
    const char *key;
    double def, min, max;
} RlsThresholdInfo;

/* The table, in RLS_THRESHOLDS order (indexed by RlsThresholdId). */
extern const RlsThresholdInfo rls_thresholds[RLS_THRESHOLD_COUNT];

/* Where the spelling rule gets its dictionaries (spell.h): owned by the
 * shell, borrowed here; copied as is by rls_config_copy. */
struct RlsSpeller;
typedef struct {
    const struct RlsSpeller *(*speller_cb)(void *data, const char *lang, const char *dict_path);
    void *data;
} RlsSpellSource;

typedef struct RlsConfig {
    RlsRuleSetting *rules;
    size_t n_rules, cap_rules;
    RlsLexiconEdit *lexicon_edits;
    size_t n_lexicon_edits, cap_lexicon_edits;
    RlsThreshold *thresholds;
    size_t n_thresholds, cap_thresholds;
    RlsMacroSpec *macros;
    size_t n_macros, cap_macros;
    char *role;     /* keyword profile name, or NULL */
    char *job_text; /* job description text (already read), or NULL */
    /* "Today" for the timeline rules, as year * 12 + month - 1 (a start in
     * the future, an open end); 0: the system clock. Tests set it. */
    int32_t today_months;
    /* Spelling (spell.h): the resume dictionary's words are lexicon edits
     * of lexicon "spelling". */
    RlsSpellSource spell;   /* speller_cb NULL: no spelling findings */
    char *spell_path;       /* dictionary folder or file, or NULL: standard folders */
    bool spell_capitalized; /* also check capitalised words in mid-sentence */
} RlsConfig;

void rls_config_init(RlsConfig *self);
void rls_config_close(RlsConfig *self);
/* Deep copy (dst must be initialised; its old content is freed). */
void rls_config_copy(RlsConfig *dst, const RlsConfig *src);

/* Setters: a later call for the same key replaces the earlier value. */
void rls_config_set_severity(RlsConfig *self, const char *rule, int severity);
void rls_config_set_threshold(RlsConfig *self, const char *name, double value);
void rls_config_edit_lexicon(RlsConfig *self, const char *lexicon, const char *word, bool remove);
void rls_config_add_macro(RlsConfig *self, const RlsMacroSpec *spec);
void rls_config_set_role(RlsConfig *self, const char *role);
void rls_config_set_job_text(RlsConfig *self, const char *text);
void rls_config_set_spell_path(RlsConfig *self, const char *path);

/* The configured severity of a rule, or def when not configured. */
RlsSeverity rls_config_severity(const RlsConfig *self, const char *rule, RlsSeverity def);
double rls_config_threshold(const RlsConfig *self, const char *name, double def);
/* The configured value of a threshold of the table, or its default. config
 * may be NULL (defaults). */
double rls_config_threshold_of(const RlsConfig *self, RlsThresholdId id);

#endif /* RLS_CONFIG_H_ */
