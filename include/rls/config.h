/*
 * config.h - settings as the core sees them, after the shell has merged
 * built-in defaults, .resume-ls.json, initializationOptions and
 * workspace/configuration (later sources override earlier ones).
 */
#ifndef RLS_CONFIG_H_
#define RLS_CONFIG_H_

#include "rls/diag.h"
#include "rls/macro.h"

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

#endif /* RLS_CONFIG_H_ */
