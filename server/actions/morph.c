/*
 * morph.c - English verb morphology for rewrites: base <-> past <-> gerund.
 *
 * Going forward (base -> past, gerund) the spelling rules are reliable; going
 * back ("migrated" -> "migrate" or "migrat"?) they are not, because English
 * spelling drops an "e" that cannot be seen afterwards. So a form is first
 * matched against the forward forms of every verb listed in data/verbs.tsv,
 * and only unlisted words fall back to reversed rules with an "e"-restoring
 * heuristic tuned on resume vocabulary. Callers that must not guess (a
 * rewrite deciding whether a word is a verb at all) pass guess=false.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "actions/actions_internal.h"

extern const unsigned char rls_data_verbs_tsv[];
extern const size_t rls_data_verbs_tsv_len;

static bool morph__vowel(const char *w, size_t i) {
    char c = w[i];
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o') return true;
    /* "qu" is a consonant pair: "quit" has one vowel. */
    if (c == 'u') return !(i > 0 && w[i - 1] == 'q');
    return false;
}

static size_t morph__syllables(const char *w, size_t n) {
    size_t groups = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool v = morph__vowel(w, i) || (w[i] == 'y' && i > 0 && !morph__vowel(w, i - 1));
        if (v && !in) groups++;
        in = v;
    }
    return groups;
}

/* Ends consonant-vowel-consonant, with a final consonant that may double. */
static bool morph__cvc(const char *w, size_t n) {
    if (n < 3) return false;
    char last = w[n - 1];
    if (morph__vowel(w, n - 1) || last == 'w' || last == 'x' || last == 'y') return false;
    return morph__vowel(w, n - 2) && !morph__vowel(w, n - 3) && w[n - 3] != 'y';
}

static void morph__set(char *dst, const char *a, size_t an, const char *b) {
    size_t bn = strlen(b);
    if (an + bn >= RLS_VERB_MAX) {
        dst[0] = '\0';
        return;
    }
    memcpy(dst, a, an);
    memcpy(dst + an, b, bn + 1);
}

/* The gerund of base: "tie" -> "tying", "manage" -> "managing", "ship" ->
 * "shipping" when `doubles` says the final consonant doubles. */
static void morph__gerund(RlsVerb *v, bool doubles) {
    const char *b = v->base;
    size_t n = strlen(b);
    /* "being", "seeing": no spelling rule applies to these. */
    if (strcmp(b, "be") == 0 || strcmp(b, "see") == 0 || strcmp(b, "foresee") == 0 ||
        strcmp(b, "oversee") == 0) {
        morph__set(v->gerund, b, n, "ing");
        return;
    }
    if (n > 2 && b[n - 2] == 'i' && b[n - 1] == 'e') {
        morph__set(v->gerund, b, n - 2, "ying");
        return;
    }
    if (n > 2 && b[n - 1] == 'e' && b[n - 2] != 'e' && b[n - 2] != 'y' && b[n - 2] != 'o') {
        morph__set(v->gerund, b, n - 1, "ing");
        return;
    }
    if (doubles) {
        const char dbl[2] = {n ? b[n - 1] : 0, 0};
        char tmp[RLS_VERB_MAX];
        morph__set(tmp, b, n, dbl);
        morph__set(v->gerund, tmp, strlen(tmp), "ing");
        return;
    }
    morph__set(v->gerund, b, n, "ing");
}

/* Fills gerund and third person from base; `doubles` says the final
 * consonant doubles before a suffix. */
static void morph__suffixes(RlsVerb *v, bool doubles) {
    const char *b = v->base;
    size_t n = strlen(b);
    morph__gerund(v, doubles);
    /* Third person singular. */
    if (strcmp(b, "be") == 0) {
        morph__set(v->third, "is", 2, "");
    } else if (strcmp(b, "have") == 0) {
        morph__set(v->third, "has", 3, "");
    } else if (n > 1 && b[n - 1] == 'y' && !morph__vowel(b, n - 2)) {
        morph__set(v->third, b, n - 1, "ies");
    } else if (n > 0 && (b[n - 1] == 's' || b[n - 1] == 'x' || b[n - 1] == 'z' || b[n - 1] == 'o' ||
                         (n > 1 && b[n - 1] == 'h' && (b[n - 2] == 'c' || b[n - 2] == 's')))) {
        morph__set(v->third, b, n, "es");
    } else {
        morph__set(v->third, b, n, "s");
    }
}

static bool morph__lower(const char *word, size_t len, char *out) {
    if (len == 0 || len >= RLS_VERB_MAX) return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (!isalpha(c)) return false;
        out[i] = (char)tolower(c);
    }
    out[len] = '\0';
    return true;
}

/* Regular conjugation of a lower-case base. */
static void morph__regular(RlsVerb *v, const char *base, size_t n) {
    memcpy(v->base, base, n + 1);
    bool doubles = morph__syllables(base, n) == 1 && morph__cvc(base, n);
    char dbl[2] = {base[n - 1], 0};
    if (base[n - 1] == 'e') {
        morph__set(v->past, base, n, "d");
    } else if (n > 1 && base[n - 1] == 'y' && !morph__vowel(base, n - 2)) {
        morph__set(v->past, base, n - 1, "ied");
    } else if (doubles) {
        char tmp[RLS_VERB_MAX];
        morph__set(tmp, base, n, dbl);
        morph__set(v->past, tmp, strlen(tmp), "ed");
    } else {
        morph__set(v->past, base, n, "ed");
    }
    memcpy(v->participle, v->past, sizeof v->past);
    morph__suffixes(v, doubles);
}

/* The listed verbs, indexed once per process: a lookup scanned the table,
 * and rls_verb_as looked every line up again, so one call cost the square
 * of the table; a whole-document codeAction makes thousands (issue #17). */
#define MORPH_MAX_LINES 4096

typedef struct {
    const char *p;   /* the line */
    const char *tab; /* its first tab, or NULL */
    const char *eol;
    size_t bn; /* length of the base column */
} MorphLine;

static struct {
    MorphLine lines[MORPH_MAX_LINES];  /* data lines, in file order */
    uint32_t by_base[MORPH_MAX_LINES]; /* line numbers sorted by base, then line */
    RlsVerb conj[MORPH_MAX_LINES];     /* rls_verb_from_base of each line's base */
    bool conj_ok[MORPH_MAX_LINES];
    uint32_t n;
} morph__table;

static pthread_once_t morph__once = PTHREAD_ONCE_INIT;

static int morph__base_cmp(const char *s, size_t sl, const char *t, size_t tl) {
    int c = memcmp(s, t, sl < tl ? sl : tl);
    if (c) return c;
    return sl == tl ? 0 : sl < tl ? -1 : 1;
}

static int morph__line_cmp(const void *x, const void *y) {
    uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;
    const MorphLine *a = &morph__table.lines[i], *b = &morph__table.lines[j];
    int c = morph__base_cmp(a->p, a->bn, b->p, b->bn);
    if (c) return c;
    return i < j ? -1 : i > j;
}

/* The first line (in file order) whose base is base[0..len), or -1. */
static int64_t morph__find(const char *base, size_t len) {
    size_t lo = 0, hi = morph__table.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const MorphLine *l = &morph__table.lines[morph__table.by_base[mid]];
        if (morph__base_cmp(l->p, l->bn, base, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == morph__table.n) return -1;
    const MorphLine *l = &morph__table.lines[morph__table.by_base[lo]];
    return morph__base_cmp(l->p, l->bn, base, len) == 0 ? (int64_t)morph__table.by_base[lo] : -1;
}

/* Conjugates the lower-case base[0..len) as line l lists it. */
static bool morph__from_line(const MorphLine *l, const char *base, size_t len, RlsVerb *out) {
    if (!l->tab) {
        morph__regular(out, base, len);
    } else {
        const char *tab = l->tab, *eol = l->eol;
        const char *t2 = memchr(tab + 1, '\t', (size_t)(eol - tab - 1));
        if (!t2) return false;
        size_t pn = (size_t)(t2 - tab - 1), qn = (size_t)(eol - t2 - 1);
        if (pn >= RLS_VERB_MAX || qn >= RLS_VERB_MAX) return false;
        memcpy(out->base, base, len + 1);
        memcpy(out->past, tab + 1, pn);
        out->past[pn] = '\0';
        memcpy(out->participle, t2 + 1, qn);
        out->participle[qn] = '\0';
        /* Irregular verbs ending in a stressed consonant-vowel-
         * consonant double it ("running", "beginning"); listed
         * regular ones show it in their past ("committed"). */
        bool regular_ed = pn == len + 2 && memcmp(out->past, base, len) == 0 &&
                          memcmp(out->past + len, "ed", 2) == 0;
        bool doubled = pn == len + 3 && out->past[len] == base[len - 1];
        bool doubles = doubled || (!regular_ed && morph__cvc(base, len));
        morph__suffixes(out, doubles);
    }
    out->known = true;
    return true;
}

static bool morph__lookup(const char *word, size_t len, RlsVerb *out) {
    char base[RLS_VERB_MAX];
    if (!morph__lower(word, len, base)) return false;
    memset(out, 0, sizeof *out);
    /* A listed verb wins: it may be irregular. */
    int64_t i = morph__find(base, len);
    if (i >= 0) return morph__from_line(&morph__table.lines[i], base, len, out);
    morph__regular(out, base, len);
    return true;
}

static void morph__build(void) {
    const char *p = (const char *)rls_data_verbs_tsv;
    const char *end = p + rls_data_verbs_tsv_len;
    while (p < end && morph__table.n < MORPH_MAX_LINES) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if (*p != '#' && eol > p) {
            const char *tab = memchr(p, '\t', (size_t)(eol - p));
            morph__table.lines[morph__table.n] =
                (MorphLine){p, tab, eol, (size_t)((tab ? tab : eol) - p)};
            morph__table.by_base[morph__table.n] = morph__table.n;
            morph__table.n++;
        }
        p = eol + 1;
    }
    qsort(morph__table.by_base, morph__table.n, sizeof *morph__table.by_base, morph__line_cmp);
    for (uint32_t i = 0; i < morph__table.n; i++)
        morph__table.conj_ok[i] =
            morph__lookup(morph__table.lines[i].p, morph__table.lines[i].bn, &morph__table.conj[i]);
}

uint32_t rls_verb_table_size(void) {
    pthread_once(&morph__once, morph__build);
    return morph__table.n;
}

bool rls_verb_from_base(const char *word, size_t len, RlsVerb *out) {
    pthread_once(&morph__once, morph__build);
    return morph__lookup(word, len, out);
}

bool rls_verb_is_known_base(const char *word, size_t len) {
    RlsVerb v;
    return rls_verb_from_base(word, len, &v) && v.known;
}

static const char *morph__form(const RlsVerb *v, RlsVerbForm form) {
    switch (form) {
    case RLS_VFORM_BASE:
        return v->base;
    case RLS_VFORM_PAST:
        return v->past;
    case RLS_VFORM_PARTICIPLE:
        return v->participle;
    case RLS_VFORM_GERUND:
        return v->gerund;
    case RLS_VFORM_THIRD:
        return v->third;
    default:
        return "";
    }
}

static bool morph__ends(const char *s, size_t n, const char *suffix) {
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static bool morph__ends_any(const char *s, size_t n, const char *const *list) {
    for (; *list; list++)
        if (morph__ends(s, n, *list)) return true;
    return false;
}

/* Whether a stem left by removing "-ed"/"-ing" lost a silent "e"
 * ("migrat" -> "migrate", "develop" stays). A heuristic over the last three
 * letters; see the file comment for why listed verbs come first. */
static bool morph__needs_e(const char *s, size_t n) {
    if (n < 2) return false;
    char last = s[n - 1];
    bool pv = morph__vowel(s, n - 2);
    bool p2v = n >= 3 && morph__vowel(s, n - 3);
    bool single = pv && !p2v; /* one vowel before the final consonant */
    switch (last) {
    case 'u': /* queued, argued, continued */
    case 'v': /* solved, improved, achieved */
    case 'c': /* reduced, introduced, enforced */
        return true;
    case 'z':
        return s[n - 2] != 'z';
    case 's': {
        static const char *const keep[] = {"ss", "focus", "bias", "gas", "atlas", NULL};
        return !morph__ends_any(s, n, keep);
    }
    case 'g':
        if (s[n - 2] == 'r' || s[n - 2] == 'd' || s[n - 2] == 'l') return true;
        if (s[n - 2] == 'n') return n >= 3 && (s[n - 3] == 'a' || s[n - 3] == 'e');
        return s[n - 2] == 'a';
    case 'h':
        return morph__ends(s, n, "cach");
    case 'l':
        if (!pv) return s[n - 2] != 'l' && s[n - 2] != 'r' && s[n - 2] != 'w';
        if (!single) return false;
        if (s[n - 2] == 'i' || s[n - 2] == 'o' || s[n - 2] == 'u') return true;
        return s[n - 2] == 'a' && morph__ends(s, n, "scal");
    case 't': {
        if (!pv) return false;
        if (!single) {
            static const char *const e[] = {"creat", "uat", "iat", "rout", NULL};
            return morph__ends_any(s, n, e);
        }
        if (s[n - 2] == 'a' || s[n - 2] == 'u') return true;
        static const char *const e[] = {"unit",   "ignit", "invit",   "cit",    "expedit",
                                        "writ",   "delet", "complet", "compet", "quot",
                                        "promot", "devot", "emot",    NULL};
        if (strcmp(s, "not") == 0 || strcmp(s, "vot") == 0) return true;
        return morph__ends_any(s, n, e);
    }
    case 'r': {
        if (morph__ends(s, n, "quir")) return true;
        if (!single || s[n - 2] == 'e') return false;
        if (s[n - 2] == 'o') {
            static const char *const e[] = {"stor", "scor", "plor", "gnor", "dor", NULL};
            return morph__ends_any(s, n, e);
        }
        return true;
    }
    case 'n': {
        if (!single) return false;
        if (s[n - 2] == 'i' || s[n - 2] == 'u') return true;
        static const char *const e[] = {"clon", "zon", "phon", "ton", "hon", NULL};
        return s[n - 2] == 'o' && morph__ends_any(s, n, e);
    }
    case 'd':
    case 'm':
        return single && s[n - 2] != 'e';
    case 'p':
        if (!single && !(s[n - 2] == 'y')) return false;
        if (s[n - 2] == 'o') return !morph__ends(s, n, "elop") && !morph__ends(s, n, "allop");
        return s[n - 2] == 'a' || s[n - 2] == 'i' || s[n - 2] == 'y';
    case 'k':
    case 'b':
        return single;
    default:
        return false;
    }
}

/* Reverses "-ed" or "-ing": stem is what is left, n its length. */
static bool morph__guess_base(const char *stem, size_t n, bool ing, char *out) {
    if (n < 2 || n + 2 >= RLS_VERB_MAX) return false;
    char s[RLS_VERB_MAX];
    memcpy(s, stem, n);
    s[n] = '\0';
    if (!ing && n >= 2 && s[n - 1] == 'i') { /* applied -> apply, tied -> tie */
        if (n == 2) {
            memcpy(out, s, n);
            memcpy(out + n, "e", 2);
        } else {
            memcpy(out, s, n - 1);
            memcpy(out + n - 1, "y", 2);
        }
        return true;
    }
    if (ing && n == 2 && s[1] == 'y') { /* tying -> tie */
        out[0] = s[0];
        memcpy(out + 1, "ie", 3);
        return true;
    }
    if (!ing && s[n - 1] == 'e') { /* agreed -> agree */
        memcpy(out, s, n);
        memcpy(out + n, "e", 2);
        return true;
    }
    /* Doubled final consonant: "shipped" -> "ship", but "added", "installed"
     * and "passed" keep theirs. */
    if (n >= 4 && s[n - 1] == s[n - 2] && !morph__vowel(s, n - 1) && !strchr("lsfzc", s[n - 1]) &&
        morph__cvc(s, n - 1)) {
        memcpy(out, s, n - 1);
        out[n - 1] = '\0';
        return true;
    }
    memcpy(out, s, n + 1);
    if (morph__needs_e(s, n)) memcpy(out + n, "e", 2);
    return true;
}

bool rls_verb_as(const char *word, size_t len, RlsVerbForm form, bool guess, RlsVerb *out) {
    char w[RLS_VERB_MAX];
    if (!morph__lower(word, len, w)) return false;
    /* Exact match against every listed verb's forms. */
    pthread_once(&morph__once, morph__build);
    for (uint32_t i = 0; i < morph__table.n; i++) {
        const char *p = morph__table.lines[i].p;
        /* Every form shares the base's first letter except a few. */
        bool maybe = p[0] == w[0] || (form & (RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE));
        if (maybe && morph__table.conj_ok[i] &&
            strcmp(morph__form(&morph__table.conj[i], form), w) == 0) {
            *out = morph__table.conj[i];
            return true;
        }
    }
    if (!guess) return false;
    char base[RLS_VERB_MAX];
    switch (form) {
    case RLS_VFORM_BASE:
        return rls_verb_from_base(w, len, out);
    case RLS_VFORM_PAST:
    case RLS_VFORM_PARTICIPLE:
        if (len < 4 || !morph__ends(w, len, "ed")) return false;
        if (!morph__guess_base(w, len - 2, false, base)) return false;
        break;
    case RLS_VFORM_GERUND:
        if (len < 5 || !morph__ends(w, len, "ing")) return false;
        if (!morph__guess_base(w, len - 3, true, base)) return false;
        break;
    case RLS_VFORM_THIRD:
        if (len < 3 || w[len - 1] != 's' || w[len - 2] == 's') return false;
        if (morph__ends(w, len, "ies")) {
            memcpy(base, w, len - 3);
            memcpy(base + len - 3, "y", 2);
        } else if (morph__ends(w, len, "ches") || morph__ends(w, len, "shes") ||
                   morph__ends(w, len, "xes") || morph__ends(w, len, "sses")) {
            memcpy(base, w, len - 2);
            base[len - 2] = '\0';
        } else {
            memcpy(base, w, len - 1);
            base[len - 1] = '\0';
        }
        break;
    default:
        return false;
    }
    if (!rls_verb_from_base(base, strlen(base), out)) return false;
    /* The guess must reproduce the word it came from. */
    return strcmp(morph__form(out, form), w) == 0;
}
