/*
 * engine.c - PLACEHOLDER until the rule engine (issue 4) lands.
 * TODO(#4): replace with the real registry and rules.
 */
#include "rls/rules.h"

#include <string.h>

static const RlsRuleInfo engine__rules[] = {
    {"weak-opener", RLS_SEV_WARNING, true, "Bullet opens with a duty phrase or a weak verb."},
};

const RlsRuleInfo *rls_rules_all(size_t *count) {
    *count = RLS_ARRAY_LEN(engine__rules);
    return engine__rules;
}

const RlsRuleInfo *rls_rule_find(const char *id) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(engine__rules); i++)
        if (strcmp(engine__rules[i].id, id) == 0) return &engine__rules[i];
    return NULL;
}

int rls_rules_run(const RlsResume *model, const char *src, uint32_t src_len,
                  const RlsConfig *config, RlsDiagList *out) {
    (void)model;
    (void)src;
    (void)src_len;
    (void)config;
    (void)out;
    return 0;
}
