/*
 * config.c - the merged configuration (see include/rls/config.h).
 *
 * Settings are few (tens), so linear search over small arrays beats any
 * hash table here in both code and time.
 */
#include "rls/config.h"

#include <string.h>

#include "rls/alloc.h"

void rls_config_init(RlsConfig *self) {
    memset(self, 0, sizeof(*self));
}

static void config__free_macro(RlsMacroSpec *m) {
    rls_free(m->name);
}

void rls_config_close(RlsConfig *self) {
    for (size_t i = 0; i < self->n_rules; i++)
        rls_free(self->rules[i].rule);
    for (size_t i = 0; i < self->n_lexicon_edits; i++) {
        rls_free(self->lexicon_edits[i].lexicon);
        rls_free(self->lexicon_edits[i].word);
    }
    for (size_t i = 0; i < self->n_thresholds; i++)
        rls_free(self->thresholds[i].name);
    for (size_t i = 0; i < self->n_macros; i++)
        config__free_macro(&self->macros[i]);
    rls_free(self->rules);
    rls_free(self->lexicon_edits);
    rls_free(self->thresholds);
    rls_free(self->macros);
    rls_free(self->role);
    rls_free(self->job_text);
    rls_free(self->spell_path);
    rls_config_init(self);
}

void rls_config_copy(RlsConfig *dst, const RlsConfig *src) {
    rls_config_close(dst);
    for (size_t i = 0; i < src->n_rules; i++)
        rls_config_set_severity(dst, src->rules[i].rule, src->rules[i].severity);
    for (size_t i = 0; i < src->n_lexicon_edits; i++)
        rls_config_edit_lexicon(dst, src->lexicon_edits[i].lexicon, src->lexicon_edits[i].word,
                                src->lexicon_edits[i].remove);
    for (size_t i = 0; i < src->n_thresholds; i++)
        rls_config_set_threshold(dst, src->thresholds[i].name, src->thresholds[i].value);
    for (size_t i = 0; i < src->n_macros; i++)
        rls_config_add_macro(dst, &src->macros[i]);
    rls_config_set_role(dst, src->role);
    rls_config_set_job_text(dst, src->job_text);
    dst->today_months = src->today_months;
    rls_config_set_spell_path(dst, src->spell_path);
    dst->spell = src->spell;
    dst->spell_capitalized = src->spell_capitalized;
}

void rls_config_set_severity(RlsConfig *self, const char *rule, int severity) {
    for (size_t i = 0; i < self->n_rules; i++) {
        if (strcmp(self->rules[i].rule, rule) == 0) {
            self->rules[i].severity = severity;
            return;
        }
    }
    RlsRuleSetting s = {rls_strdup(rule), severity};
    RLS_PUSH(self->rules, self->n_rules, self->cap_rules, s);
}

void rls_config_set_threshold(RlsConfig *self, const char *name, double value) {
    for (size_t i = 0; i < self->n_thresholds; i++) {
        if (strcmp(self->thresholds[i].name, name) == 0) {
            self->thresholds[i].value = value;
            return;
        }
    }
    RlsThreshold t = {rls_strdup(name), value};
    RLS_PUSH(self->thresholds, self->n_thresholds, self->cap_thresholds, t);
}

void rls_config_edit_lexicon(RlsConfig *self, const char *lexicon, const char *word, bool remove) {
    RlsLexiconEdit e = {rls_strdup(lexicon), rls_strdup(word), remove};
    RLS_PUSH(self->lexicon_edits, self->n_lexicon_edits, self->cap_lexicon_edits, e);
}

void rls_config_add_macro(RlsConfig *self, const RlsMacroSpec *spec) {
    RlsMacroSpec m = *spec;
    m.name = rls_strdup(spec->name);
    for (size_t i = 0; i < self->n_macros; i++) {
        if (strcmp(self->macros[i].name, m.name) == 0) {
            config__free_macro(&self->macros[i]);
            self->macros[i] = m;
            return;
        }
    }
    RLS_PUSH(self->macros, self->n_macros, self->cap_macros, m);
}

void rls_config_set_role(RlsConfig *self, const char *role) {
    rls_free(self->role);
    self->role = rls_strdup(role);
}

void rls_config_set_job_text(RlsConfig *self, const char *text) {
    rls_free(self->job_text);
    self->job_text = rls_strdup(text);
}

void rls_config_set_spell_path(RlsConfig *self, const char *path) {
    rls_free(self->spell_path);
    self->spell_path = rls_strdup(path);
}

RlsSeverity rls_config_severity(const RlsConfig *self, const char *rule, RlsSeverity def) {
    if (!self) return def;
    for (size_t i = 0; i < self->n_rules; i++) {
        if (strcmp(self->rules[i].rule, rule) == 0 && self->rules[i].severity != RLS_SEV_DEFAULT)
            return (RlsSeverity)self->rules[i].severity;
    }
    return def;
}

double rls_config_threshold(const RlsConfig *self, const char *name, double def) {
    if (!self) return def;
    for (size_t i = 0; i < self->n_thresholds; i++)
        if (strcmp(self->thresholds[i].name, name) == 0) return self->thresholds[i].value;
    return def;
}

#define RLS__THRESHOLD_ROW(name, key, def, min, max) {key, def, min, max},
const RlsThresholdInfo rls_thresholds[RLS_THRESHOLD_COUNT] = {RLS_THRESHOLDS(RLS__THRESHOLD_ROW)};
#undef RLS__THRESHOLD_ROW

double rls_config_threshold_of(const RlsConfig *self, RlsThresholdId id) {
    return rls_config_threshold(self, rls_thresholds[id].key, rls_thresholds[id].def);
}
