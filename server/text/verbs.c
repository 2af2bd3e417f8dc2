/*
 * verbs.c - English verb morphology over the one verb table (rls/verbs.h).
 *
 * Going back from a form to its base the spelling rules are reversed with
 * an "e"-restoring heuristic tuned on resume vocabulary (verbs__needs_e);
 * listed verbs never reach it. Callers that must not guess (a rewrite
 * deciding whether a word is a verb at all) pass guess=false.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "rls/hash.h"
#include "rls/verbs.h"

extern const unsigned char rls_data_verbs_tsv[];
extern const size_t rls_data_verbs_tsv_len;

static bool verbs__vowel(const char *w, size_t i) {
    char c = w[i];
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o') return true;
    /* "qu" is a consonant pair: "quit" has one vowel. */
    if (c == 'u') return !(i > 0 && w[i - 1] == 'q');
    return false;
}

static size_t verbs__syllables(const char *w, size_t n) {
    size_t groups = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool v = verbs__vowel(w, i) || (w[i] == 'y' && i > 0 && !verbs__vowel(w, i - 1));
        if (v && !in) groups++;
        in = v;
    }
    return groups;
}

/* Ends consonant-vowel-consonant, with a final consonant that may double. */
static bool verbs__cvc(const char *w, size_t n) {
    if (n < 3) return false;
    char last = w[n - 1];
    if (verbs__vowel(w, n - 1) || last == 'w' || last == 'x' || last == 'y') return false;
    return verbs__vowel(w, n - 2) && !verbs__vowel(w, n - 3) && w[n - 3] != 'y';
}

static void verbs__set(char *dst, const char *a, size_t an, const char *b) {
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
static void verbs__gerund(RlsVerb *v, bool doubles) {
    const char *b = v->base;
    size_t n = strlen(b);
    /* "being", "seeing": no spelling rule applies to these. */
    if (strcmp(b, "be") == 0 || strcmp(b, "see") == 0 || strcmp(b, "foresee") == 0 ||
        strcmp(b, "oversee") == 0) {
        verbs__set(v->gerund, b, n, "ing");
        return;
    }
    if (n > 2 && b[n - 2] == 'i' && b[n - 1] == 'e') {
        verbs__set(v->gerund, b, n - 2, "ying");
        return;
    }
    if (n > 2 && b[n - 1] == 'e' && b[n - 2] != 'e' && b[n - 2] != 'y' && b[n - 2] != 'o') {
        verbs__set(v->gerund, b, n - 1, "ing");
        return;
    }
    if (doubles) {
        const char dbl[2] = {n ? b[n - 1] : 0, 0};
        char tmp[RLS_VERB_MAX];
        verbs__set(tmp, b, n, dbl);
        verbs__set(v->gerund, tmp, strlen(tmp), "ing");
        return;
    }
    verbs__set(v->gerund, b, n, "ing");
}

/* Fills gerund and third person from base; `doubles` says the final
 * consonant doubles before a suffix. */
static void verbs__suffixes(RlsVerb *v, bool doubles) {
    const char *b = v->base;
    size_t n = strlen(b);
    verbs__gerund(v, doubles);
    /* Third person singular. */
    if (strcmp(b, "be") == 0) {
        verbs__set(v->third, "is", 2, "");
    } else if (strcmp(b, "have") == 0) {
        verbs__set(v->third, "has", 3, "");
    } else if (n > 1 && b[n - 1] == 'y' && !verbs__vowel(b, n - 2)) {
        verbs__set(v->third, b, n - 1, "ies");
    } else if (n > 0 && (b[n - 1] == 's' || b[n - 1] == 'x' || b[n - 1] == 'z' || b[n - 1] == 'o' ||
                         (n > 1 && b[n - 1] == 'h' && (b[n - 2] == 'c' || b[n - 2] == 's')))) {
        verbs__set(v->third, b, n, "es");
    } else {
        verbs__set(v->third, b, n, "s");
    }
}

static bool verbs__lower(const char *word, size_t len, char *out) {
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
static void verbs__regular(RlsVerb *v, const char *base, size_t n) {
    memcpy(v->base, base, n + 1);
    bool doubles = verbs__syllables(base, n) == 1 && verbs__cvc(base, n);
    char dbl[2] = {base[n - 1], 0};
    if (base[n - 1] == 'e') {
        verbs__set(v->past, base, n, "d");
    } else if (n > 1 && base[n - 1] == 'y' && !verbs__vowel(base, n - 2)) {
        verbs__set(v->past, base, n - 1, "ied");
    } else if (doubles) {
        char tmp[RLS_VERB_MAX];
        verbs__set(tmp, base, n, dbl);
        verbs__set(v->past, tmp, strlen(tmp), "ed");
    } else {
        verbs__set(v->past, base, n, "ed");
    }
    memcpy(v->participle, v->past, sizeof v->past);
    verbs__suffixes(v, doubles);
}

/* The listed verbs, indexed once per process: a lookup scanned the table,
 * and rls_verb_as looked every line up again, so one call cost the square
 * of the table; a whole-document codeAction makes thousands (issue #17). */
#define VERBS_MAX_LINES 4096

typedef struct {
    const char *p;   /* the line */
    const char *tab; /* its first tab, or NULL */
    const char *eol;
    size_t bn; /* length of the base column */
} VerbsLine;

static struct {
    VerbsLine lines[VERBS_MAX_LINES];  /* data lines, in file order */
    uint32_t by_base[VERBS_MAX_LINES]; /* line numbers sorted by base, then line */
    RlsVerb conj[VERBS_MAX_LINES];     /* rls_verb_from_base of each line's base */
    bool conj_ok[VERBS_MAX_LINES];
    uint32_t n;
} verbs__table;

/* Every form of every line, by (form, text): the first line listing it, as
 * the scan in file order would find it. rls_verb_as is asked for each
 * bullet's opening verb on every keystroke; scanning the table for it cost
 * more than the rest of the rules together. */
#define VERBS_INDEX_CAP 8192 /* a power of two, kept at most half full */
typedef struct {
    uint64_t hash; /* first, as rls_hash_probe reads it; 0: empty */
    uint32_t line;
} VerbsSlot;
static VerbsSlot verbs__index[VERBS_INDEX_CAP];
static bool verbs__index_full; /* some form went unindexed: scan */

static uint64_t verbs__key(RlsVerbForm form, const char *w) {
    uint64_t h = rls_hash_mix(RLS_HASH_SEED, &form, sizeof form);
    return rls_hash_key(rls_hash_mix(h, w, strlen(w)));
}

static const RlsVerbForm verbs__forms[] = {RLS_VFORM_BASE, RLS_VFORM_PAST, RLS_VFORM_PARTICIPLE,
                                           RLS_VFORM_GERUND, RLS_VFORM_THIRD};

static void verbs__index_line(uint32_t i) {
    static uint32_t used;
    const RlsVerb *v = &verbs__table.conj[i];
    for (size_t k = 0; k < sizeof verbs__forms / sizeof verbs__forms[0]; k++) {
        const char *w = rls_verb_form(v, verbs__forms[k]);
        if (!w[0]) continue;
        if (2 * (used + 1) > VERBS_INDEX_CAP) {
            verbs__index_full = true;
            return;
        }
        uint64_t h = verbs__key(verbs__forms[k], w);
        VerbsSlot *slot =
            &verbs__index[rls_hash_probe(verbs__index, sizeof *slot, VERBS_INDEX_CAP, h)];
        if (slot->hash) continue; /* an earlier line lists it */
        *slot = (VerbsSlot){h, i};
        used++;
    }
}

/* The first line listing w as its form `form`: its number, -1 when none,
 * or -2 when the index cannot tell (it is full, or two texts share a hash)
 * and the table must be scanned. */
static int64_t verbs__first(RlsVerbForm form, const char *w) {
    uint64_t h = verbs__key(form, w);
    const VerbsSlot *slot =
        &verbs__index[rls_hash_probe(verbs__index, sizeof *slot, VERBS_INDEX_CAP, h)];
    if (slot->hash)
        return strcmp(rls_verb_form(&verbs__table.conj[slot->line], form), w) == 0
                   ? (int64_t)slot->line
                   : -2;
    return verbs__index_full ? -2 : -1;
}

static pthread_once_t verbs__once = PTHREAD_ONCE_INIT;

static int verbs__base_cmp(const char *s, size_t sl, const char *t, size_t tl) {
    int c = memcmp(s, t, sl < tl ? sl : tl);
    if (c) return c;
    return sl == tl ? 0 : sl < tl ? -1 : 1;
}

static int verbs__line_cmp(const void *x, const void *y) {
    uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;
    const VerbsLine *a = &verbs__table.lines[i], *b = &verbs__table.lines[j];
    int c = verbs__base_cmp(a->p, a->bn, b->p, b->bn);
    if (c) return c;
    return i < j ? -1 : i > j;
}

/* The first line (in file order) whose base is base[0..len), or -1. */
static int64_t verbs__find(const char *base, size_t len) {
    size_t lo = 0, hi = verbs__table.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const VerbsLine *l = &verbs__table.lines[verbs__table.by_base[mid]];
        if (verbs__base_cmp(l->p, l->bn, base, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == verbs__table.n) return -1;
    const VerbsLine *l = &verbs__table.lines[verbs__table.by_base[lo]];
    return verbs__base_cmp(l->p, l->bn, base, len) == 0 ? (int64_t)verbs__table.by_base[lo] : -1;
}

/* Conjugates the lower-case base[0..len) as line l lists it. */
static bool verbs__from_line(const VerbsLine *l, const char *base, size_t len, RlsVerb *out) {
    if (!l->tab) {
        verbs__regular(out, base, len);
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
        bool doubles = doubled || (!regular_ed && verbs__cvc(base, len));
        verbs__suffixes(out, doubles);
    }
    out->known = true;
    out->irregular = l->tab != NULL;
    return true;
}

static bool verbs__lookup(const char *word, size_t len, RlsVerb *out) {
    char base[RLS_VERB_MAX];
    if (!verbs__lower(word, len, base)) return false;
    memset(out, 0, sizeof *out);
    /* A listed verb wins: it may be irregular. */
    int64_t i = verbs__find(base, len);
    if (i >= 0) return verbs__from_line(&verbs__table.lines[i], base, len, out);
    verbs__regular(out, base, len);
    return true;
}

static void verbs__build(void) {
    const char *p = (const char *)rls_data_verbs_tsv;
    const char *end = p + rls_data_verbs_tsv_len;
    while (p < end && verbs__table.n < VERBS_MAX_LINES) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if (*p != '#' && eol > p) {
            const char *tab = memchr(p, '\t', (size_t)(eol - p));
            verbs__table.lines[verbs__table.n] =
                (VerbsLine){p, tab, eol, (size_t)((tab ? tab : eol) - p)};
            verbs__table.by_base[verbs__table.n] = verbs__table.n;
            verbs__table.n++;
        }
        p = eol + 1;
    }
    qsort(verbs__table.by_base, verbs__table.n, sizeof *verbs__table.by_base, verbs__line_cmp);
    /* Each line conjugated as itself, so that a base's second line (a
     * variant: "learnt" beside "learned") is recognised too. */
    for (uint32_t i = 0; i < verbs__table.n; i++) {
        const VerbsLine *l = &verbs__table.lines[i];
        char base[RLS_VERB_MAX];
        verbs__table.conj_ok[i] = verbs__lower(l->p, l->bn, base) &&
                                  verbs__from_line(l, base, l->bn, &verbs__table.conj[i]);
        if (verbs__table.conj_ok[i]) verbs__index_line(i);
    }
}

uint32_t rls_verb_table_size(void) {
    pthread_once(&verbs__once, verbs__build);
    return verbs__table.n;
}

bool rls_verb_from_base(const char *word, size_t len, RlsVerb *out) {
    pthread_once(&verbs__once, verbs__build);
    return verbs__lookup(word, len, out);
}

bool rls_verb_is_known_base(const char *word, size_t len) {
    RlsVerb v;
    return rls_verb_from_base(word, len, &v) && v.known;
}

const char *rls_verb_form(const RlsVerb *v, RlsVerbForm form) {
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

static bool verbs__ends(const char *s, size_t n, const char *suffix) {
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static bool verbs__ends_any(const char *s, size_t n, const char *const *list) {
    for (; *list; list++)
        if (verbs__ends(s, n, *list)) return true;
    return false;
}

/* Whether a stem left by removing "-ed"/"-ing" lost a silent "e"
 * ("migrat" -> "migrate", "develop" stays). A heuristic over the last three
 * letters; see the file comment for why listed verbs come first. */
static bool verbs__needs_e(const char *s, size_t n) {
    if (n < 2) return false;
    char last = s[n - 1];
    bool pv = verbs__vowel(s, n - 2);
    bool p2v = n >= 3 && verbs__vowel(s, n - 3);
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
        return !verbs__ends_any(s, n, keep);
    }
    case 'g':
        if (s[n - 2] == 'r' || s[n - 2] == 'd' || s[n - 2] == 'l') return true;
        if (s[n - 2] == 'n') return n >= 3 && (s[n - 3] == 'a' || s[n - 3] == 'e');
        return s[n - 2] == 'a';
    case 'h':
        return verbs__ends(s, n, "cach");
    case 'l':
        if (!pv) return s[n - 2] != 'l' && s[n - 2] != 'r' && s[n - 2] != 'w';
        if (!single) return false;
        if (s[n - 2] == 'i' || s[n - 2] == 'o' || s[n - 2] == 'u') return true;
        return s[n - 2] == 'a' && verbs__ends(s, n, "scal");
    case 't': {
        if (!pv) return false;
        if (!single) {
            static const char *const e[] = {"creat", "uat", "iat", "rout", NULL};
            return verbs__ends_any(s, n, e);
        }
        if (s[n - 2] == 'a' || s[n - 2] == 'u') return true;
        static const char *const e[] = {"unit",   "ignit", "invit",   "cit",    "expedit",
                                        "writ",   "delet", "complet", "compet", "quot",
                                        "promot", "devot", "emot",    NULL};
        if (strcmp(s, "not") == 0 || strcmp(s, "vot") == 0) return true;
        return verbs__ends_any(s, n, e);
    }
    case 'r': {
        if (verbs__ends(s, n, "quir")) return true;
        if (!single || s[n - 2] == 'e') return false;
        if (s[n - 2] == 'o') {
            static const char *const e[] = {"stor", "scor", "plor", "gnor", "dor", NULL};
            return verbs__ends_any(s, n, e);
        }
        return true;
    }
    case 'n': {
        if (!single) return false;
        if (s[n - 2] == 'i' || s[n - 2] == 'u') return true;
        static const char *const e[] = {"clon", "zon", "phon", "ton", "hon", NULL};
        return s[n - 2] == 'o' && verbs__ends_any(s, n, e);
    }
    case 'd':
    case 'm':
        return single && s[n - 2] != 'e';
    case 'p':
        if (!single && !(s[n - 2] == 'y')) return false;
        if (s[n - 2] == 'o') return !verbs__ends(s, n, "elop") && !verbs__ends(s, n, "allop");
        return s[n - 2] == 'a' || s[n - 2] == 'i' || s[n - 2] == 'y';
    case 'k':
    case 'b':
        return single;
    default:
        return false;
    }
}

/* Reverses "-ed" or "-ing": stem is what is left, n its length. */
static bool verbs__guess_base(const char *stem, size_t n, bool ing, char *out) {
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
    if (n >= 4 && s[n - 1] == s[n - 2] && !verbs__vowel(s, n - 1) && !strchr("lsfzc", s[n - 1]) &&
        verbs__cvc(s, n - 1)) {
        memcpy(out, s, n - 1);
        out[n - 1] = '\0';
        return true;
    }
    memcpy(out, s, n + 1);
    if (verbs__needs_e(s, n)) memcpy(out + n, "e", 2);
    return true;
}

bool rls_verb_as(const char *word, size_t len, RlsVerbForm form, bool guess, RlsVerb *out) {
    char w[RLS_VERB_MAX];
    if (!verbs__lower(word, len, w)) return false;
    /* Exact match against every listed verb's forms. */
    pthread_once(&verbs__once, verbs__build);
    int64_t first = verbs__first(form, w);
    /* Every form shares the base's first letter except a few: the scan
     * below skips a base, gerund or third person that does not. */
    bool any_letter = form & (RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE);
    if (first >= 0 && (any_letter || verbs__table.lines[first].p[0] == w[0])) {
        *out = verbs__table.conj[first];
        return true;
    }
    for (uint32_t i = 0; first != -1 && i < verbs__table.n; i++) {
        const char *p = verbs__table.lines[i].p;
        /* Every form shares the base's first letter except a few. */
        bool maybe = p[0] == w[0] || (form & (RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE));
        if (maybe && verbs__table.conj_ok[i] &&
            strcmp(rls_verb_form(&verbs__table.conj[i], form), w) == 0) {
            *out = verbs__table.conj[i];
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
        if (len < 4 || !verbs__ends(w, len, "ed")) return false;
        if (!verbs__guess_base(w, len - 2, false, base)) return false;
        break;
    case RLS_VFORM_GERUND:
        if (len < 5 || !verbs__ends(w, len, "ing")) return false;
        if (!verbs__guess_base(w, len - 3, true, base)) return false;
        break;
    case RLS_VFORM_THIRD:
        if (len < 3 || w[len - 1] != 's' || w[len - 2] == 's') return false;
        if (verbs__ends(w, len, "ies")) {
            memcpy(base, w, len - 3);
            memcpy(base + len - 3, "y", 2);
        } else if (verbs__ends(w, len, "ches") || verbs__ends(w, len, "shes") ||
                   verbs__ends(w, len, "xes") || verbs__ends(w, len, "sses")) {
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
    return strcmp(rls_verb_form(out, form), w) == 0;
}

unsigned rls_verb_read(const char *word, size_t len, bool guess, RlsVerb *out) {
    const RlsVerbForm *forms = verbs__forms;
    enum { N_FORMS = sizeof verbs__forms / sizeof verbs__forms[0] };
    char w[RLS_VERB_MAX];
    if (!verbs__lower(word, len, w)) return RLS_VFORM_NONE;
    pthread_once(&verbs__once, verbs__build);
    /* The first line listing w as any form: the least of the forms' first
     * lines, or the scan when the index cannot tell. */
    int64_t first = -1;
    bool scan = false;
    for (size_t f = 0; f < N_FORMS; f++) {
        int64_t at = verbs__first(forms[f], w);
        scan = scan || at == -2;
        if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    for (uint32_t i = scan ? 0 : (uint32_t)(first < 0 ? verbs__table.n : first); i < verbs__table.n;
         i++) {
        if (!verbs__table.conj_ok[i]) continue;
        unsigned mask = RLS_VFORM_NONE;
        for (size_t f = 0; f < N_FORMS; f++)
            if (strcmp(rls_verb_form(&verbs__table.conj[i], forms[f]), w) == 0) mask |= forms[f];
        if (mask) {
            *out = verbs__table.conj[i];
            return mask;
        }
    }
    /* A guessed past is also its participle: regular verbs share the two. */
    if (!guess) return RLS_VFORM_NONE;
    if (rls_verb_as(w, len, RLS_VFORM_PAST, true, out))
        return RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE;
    if (rls_verb_as(w, len, RLS_VFORM_GERUND, true, out)) return RLS_VFORM_GERUND;
    if (rls_verb_as(w, len, RLS_VFORM_THIRD, true, out)) return RLS_VFORM_THIRD;
    return RLS_VFORM_NONE;
}
