/*
 * strength.c - how much a verb or duty phrase claims (actions_internal.h),
 * read from data/verb-strength.tsv.
 *
 * The lexicon is a few dozen lines and is read only when a fix is built, so
 * it is scanned in place rather than parsed into a table: no state, nothing
 * to free, nothing to race on.
 */
#include <string.h>
#include <strings.h>

#include "actions/actions_internal.h"

extern const unsigned char rls_data_verb_strength_tsv[];
extern const size_t rls_data_verb_strength_tsv_len;

/* The class listed for exactly words[0..len) (case-insensitive). */
static RlsStrength strength__lookup(const char *words, size_t len) {
    const char *p = (const char *)rls_data_verb_strength_tsv;
    const char *end = p + rls_data_verb_strength_tsv_len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        const char *tab = memchr(p, '\t', (size_t)(line_end - p));
        if (*p != '#' && tab && (size_t)(tab - p) == len && strncasecmp(p, words, len) == 0 &&
            tab + 1 < line_end && tab[1] >= '1' && tab[1] <= '5')
            return (RlsStrength)(tab[1] - '0');
        p = line_end + 1;
    }
    return RLS_STRENGTH_UNKNOWN;
}

RlsStrength rls_strength_of(const char *words, size_t len) {
    while (len > 0 && words[len - 1] == ' ')
        len--;
    if (len == 0) return RLS_STRENGTH_UNKNOWN;
    RlsStrength s = strength__lookup(words, len);
    if (s != RLS_STRENGTH_UNKNOWN || memchr(words, ' ', len)) return s;
    /* One word: a verb in any form ("led", "leads", "leading"). */
    static const RlsVerbForm forms[] = {RLS_VFORM_BASE, RLS_VFORM_PAST, RLS_VFORM_THIRD,
                                        RLS_VFORM_GERUND};
    for (size_t f = 0; f < RLS_ARRAY_LEN(forms); f++) {
        RlsVerb v;
        if (rls_verb_as(words, len, forms[f], f > 0, &v)) {
            s = strength__lookup(v.base, strlen(v.base));
            if (s != RLS_STRENGTH_UNKNOWN) return s;
        }
    }
    return RLS_STRENGTH_UNKNOWN;
}

RlsStrength rls_strength_of_written(const char *verb) {
    if (!verb) return RLS_STRENGTH_EXECUTION;
    const char *sp = strchr(verb, ' ');
    size_t n = sp ? (size_t)(sp - verb) : strlen(verb);
    RlsStrength s = rls_strength_of(verb, n);
    return s == RLS_STRENGTH_UNKNOWN ? RLS_STRENGTH_EXECUTION : s;
}

const char *rls_strength_name(RlsStrength s) {
    switch (s) {
    case RLS_STRENGTH_PARTICIPATION:
        return "participation";
    case RLS_STRENGTH_CONTRIBUTION:
        return "contribution";
    case RLS_STRENGTH_EXECUTION:
        return "execution";
    case RLS_STRENGTH_OWNERSHIP:
        return "ownership";
    case RLS_STRENGTH_LEADERSHIP:
        return "leadership";
    case RLS_STRENGTH_UNKNOWN:
        break;
    }
    return "unknown";
}
