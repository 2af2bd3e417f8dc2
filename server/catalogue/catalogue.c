/*
 * catalogue.c - the keyword catalogue: role profiles compiled into the binary
 * (data/<profile>.txt), merged into one table of terms with an index of
 * their surface forms (keywords.h).
 *
 * Everything lives in static storage, sized for the data with room to spare,
 * and is built once per process under pthread_once. Static storage rather
 * than the allocator because the catalogue outlives every document: it would
 * otherwise show up as a leak in every test that analyses a resume.
 */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue/tokens.h"
#include "rls/keywords.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/common.h"
#include "rls/hash.h"
#include "rls/text.h" /* rls_utf8_decode */

extern const unsigned char rls_data_backend_txt[];
extern const unsigned char rls_data_frontend_txt[];
extern const unsigned char rls_data_fullstack_txt[];
extern const unsigned char rls_data_data_engineering_txt[];
extern const unsigned char rls_data_devops_sre_txt[];
extern const unsigned char rls_data_mobile_txt[];
extern const unsigned char rls_data_machine_learning_txt[];

typedef struct {
    const char *name;
    const unsigned char *data;
    const char *synonyms; /* space-separated, lower-case */
} CatProfile;

/* Load order matters: a profile may name a term defined by an earlier one. */
static const CatProfile cat__profiles[] = {
    {"backend", rls_data_backend_txt, "back-end backend-engineer server"},
    {"frontend", rls_data_frontend_txt, "front-end web ui"},
    {"fullstack", rls_data_fullstack_txt, "full-stack full_stack"},
    {"data-engineering", rls_data_data_engineering_txt, "data data-engineer dataeng"},
    {"devops-sre", rls_data_devops_sre_txt, "devops sre platform infrastructure"},
    {"mobile", rls_data_mobile_txt, "ios android"},
    {"machine-learning", rls_data_machine_learning_txt, "ml ai machine_learning"},
};

#define CAT_MAX_TERMS 1024
#define CAT_MAX_ALIASES 2048
#define CAT_MAX_FORMS 4096
#define CAT_POOL_BYTES (96 * 1024)
#define CAT_BUCKETS 1024

typedef struct {
    const char *text;
    uint16_t len;
    bool exact;
    bool ends_in_symbol; /* "C#", "C++": no word boundary needed after */
    uint32_t term;
    uint16_t bucket;
} CatForm;

static struct {
    RlsKeyword terms[CAT_MAX_TERMS];
    uint32_t n_terms;
    const char *aliases[CAT_MAX_ALIASES];
    bool alias_exact[CAT_MAX_ALIASES];
    bool alias_accepted[CAT_MAX_ALIASES]; /* "+": an official spelling of its own */
    uint32_t n_aliases;
    CatForm forms[CAT_MAX_FORMS];
    uint32_t n_forms;
    uint32_t bucket_start[CAT_BUCKETS + 1]; /* forms sorted by bucket */
    uint32_t profile_size[RLS_ARRAY_LEN(cat__profiles)];
    char pool[CAT_POOL_BYTES];
    size_t pool_used;
} cat;

static pthread_once_t cat__once = PTHREAD_ONCE_INIT;

/* Every name, expansion and alias of every term by a key that two names
 * rls_kw_find takes as the same always share (ASCII case folded, each run
 * of separators one space): rls_kw_find compares only the names of its
 * key. It scanned the whole catalogue per call, and the spelling rule asks
 * for every word on every keystroke. Open addressing, linear probing; a key
 * may stand in several slots. */
#define CAT_NAME_INDEX_CAP 8192 /* a power of two, over twice the names */
/* A name, an expansion per term and every alias: the probe loop ends only
 * while the table has empty slots. */
_Static_assert(CAT_NAME_INDEX_CAP >= 2 * (2 * CAT_MAX_TERMS + CAT_MAX_ALIASES),
               "the name index must stay at most half full");
static struct {
    uint64_t key; /* 0: empty */
    uint32_t term;
    const char *name;
} cat__names[CAT_NAME_INDEX_CAP];

/* ---- Characters ---------------------------------------------------------- */

uint32_t rls_kw__decode(const char *text, size_t len, size_t i, size_t *next_byte) {
    uint32_t cp;
    *next_byte = i + rls_utf8_decode((const unsigned char *)text + i, (uint32_t)(len - i), &cp);
    return cp;
}

uint32_t rls_kw__decode_back(const char *text, size_t i, size_t *start_byte) {
    const unsigned char *s = (const unsigned char *)text;
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && (s[k] & 0xC0) == 0x80)
        k--;
    size_t next;
    uint32_t cp = rls_kw__decode(text, i, k, &next);
    if (next != i) { /* not a well-formed sequence ending at i */
        k = i - 1;
        cp = 0xFFFD;
    }
    *start_byte = k;
    return cp;
}

bool rls_kw__is_word_cp(uint32_t cp) {
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
    if (cp >= 0x300 && cp <= 0x52F) return true;   /* combining marks, Greek, Cyrillic */
    if (cp >= 0x1E00 && cp <= 0x1EFF) return true; /* Latin Extended Additional */
    return false;
}

static bool cat__is_word_byte_at(const char *text, size_t len, size_t i) {
    size_t next;
    return i < len && rls_kw__is_word_cp(rls_kw__decode(text, len, i, &next));
}

bool rls_kw__left_ok(const char *text, size_t i, bool exact) {
    if (i == 0) return true;
    size_t p;
    uint32_t prev = rls_kw__decode_back(text, i, &p);
    if (rls_kw__is_word_cp(prev)) return false;
    /* "Node.js", "snake_case", "a@b": the joiner sits inside one token. */
    bool joiner = prev == '.' || prev == '_' || prev == '@' || (exact && prev == '-');
    if (joiner && p > 0) {
        size_t q;
        if (rls_kw__is_word_cp(rls_kw__decode_back(text, p, &q))) return false;
    }
    return true;
}

/* Suffixes after which a hyphen still ends an exact term: "Go-based". */
static const char *const cat__hyphen_suffixes[] = {"based", "native",  "powered", "backed",
                                                   "first", "centric", "heavy",   "only"};

bool rls_kw__right_ok(const char *text, size_t len, size_t e, bool exact, bool ends_in_symbol) {
    if (e >= len) return true;
    unsigned char n = (unsigned char)text[e];
    if (n == '+' || n == '#') return false; /* "C" is not "C++" */
    if (ends_in_symbol) return true;
    if (cat__is_word_byte_at(text, len, e)) return false;
    if ((n == '.' || n == '_' || n == '@') && cat__is_word_byte_at(text, len, e + 1)) return false;
    if (exact && n == '-' && cat__is_word_byte_at(text, len, e + 1)) {
        for (size_t k = 0; k < RLS_ARRAY_LEN(cat__hyphen_suffixes); k++) {
            size_t sl = strlen(cat__hyphen_suffixes[k]);
            if (rls_kw__match_form(text, len, e + 1, cat__hyphen_suffixes[k], sl, false) == sl &&
                !cat__is_word_byte_at(text, len, e + 1 + sl))
                return true;
        }
        return false;
    }
    return true;
}

static bool cat__is_sep(unsigned char c) {
    return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r';
}

static uint64_t cat__name_key(const char *s, size_t len) {
    uint64_t h = 0xCBF29CE484222325ull;
    bool sep = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (cat__is_sep(c)) {
            if (sep) continue;
            sep = true;
            c = ' ';
        } else {
            sep = false;
            c = rls_kw__lower(c);
        }
        h = (h ^ c) * 0x100000001B3ull;
    }
    return h ? h : 1;
}

static void cat__name_add(const char *name, uint32_t term) {
    uint64_t k = cat__name_key(name, strlen(name));
    uint32_t i = (uint32_t)k & (CAT_NAME_INDEX_CAP - 1);
    while (cat__names[i].key)
        i = (i + 1) & (CAT_NAME_INDEX_CAP - 1);
    cat__names[i].key = k;
    cat__names[i].term = term;
    cat__names[i].name = name;
}

size_t rls_kw__match_form(const char *text, size_t len, size_t i, const char *form, size_t flen,
                          bool exact) {
    size_t t = i;
    for (size_t f = 0; f < flen; f++) {
        unsigned char fc = (unsigned char)form[f];
        if (fc == ' ' || fc == '-') {
            if (t >= len || !cat__is_sep((unsigned char)text[t])) return 0;
            while (t < len && cat__is_sep((unsigned char)text[t]))
                t++;
            continue;
        }
        if (t >= len) return 0;
        unsigned char tc = (unsigned char)text[t];
        if (exact ? tc != fc : rls_kw__lower(tc) != rls_kw__lower(fc)) return 0;
        t++;
    }
    return t - i;
}

/* ---- Building ------------------------------------------------------------- */

static unsigned char cat__key_char(unsigned char c) {
    return cat__is_sep(c) ? ' ' : rls_kw__lower(c);
}

static uint16_t cat__bucket(unsigned char c0, unsigned char c1) {
    uint32_t h = (uint32_t)cat__key_char(c0) * 131u + cat__key_char(c1);
    return (uint16_t)(h % CAT_BUCKETS);
}

static const char *cat__intern(const char *s, size_t len) {
    return rls_strpool_add(cat.pool, CAT_POOL_BYTES, &cat.pool_used, s, len);
}

static void cat__trim(const char **s, const char **e) {
    while (*s < *e && (**s == ' ' || **s == '\t'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
        (*e)--;
}

static void cat__add_form(const char *text, bool exact, uint32_t term) {
    size_t len = strlen(text);
    /* One-character forms ("R", "C") match too much prose to be useful. */
    if (len < 2 || cat.n_forms >= CAT_MAX_FORMS) return;
    unsigned char last = (unsigned char)text[len - 1];
    CatForm f = {
        .text = text,
        .len = (uint16_t)len,
        .exact = exact,
        .ends_in_symbol = !rls_kw__is_word_cp(last) && last < 0x80,
        .term = term,
        .bucket = cat__bucket((unsigned char)text[0], (unsigned char)text[1]),
    };
    cat.forms[cat.n_forms++] = f;
}

/* Term names while the catalogue is built: every data line names its term,
 * and finding it by scanning the terms made the build quadratic (half of
 * its instructions, in every process). */
typedef struct {
    uint64_t hash; /* 0: empty */
    uint32_t term;
} CatNameSlot;

/* A power of two over twice CAT_MAX_TERMS: never full. */
#define CAT_NAME_SLOTS (2 * CAT_MAX_TERMS)

/* One data line: name | category | case | aliases | expansion. */
static void cat__load_line(CatNameSlot *names, const char *s, const char *e, uint32_t profile) {
    const char *field[5][2];
    size_t nf = 0;
    const char *f = s;
    for (const char *p = s; p <= e && nf < 5; p++) {
        if (p == e || *p == '|') {
            field[nf][0] = f;
            field[nf][1] = p;
            cat__trim(&field[nf][0], &field[nf][1]);
            nf++;
            f = p + 1;
        }
    }
    if (nf == 0 || field[0][0] == field[0][1]) return;
    size_t name_len = (size_t)(field[0][1] - field[0][0]);
    uint64_t hash = rls_hash_key(rls_hash_mix(RLS_HASH_SEED, field[0][0], name_len));
    CatNameSlot *slot = &names[rls_hash_probe(names, sizeof(*names), CAT_NAME_SLOTS, hash)];
    int32_t id = slot->hash ? (int32_t)slot->term : -1;
    /* NOTE: names are told apart by their 64-bit hash alone. */
    assert(id < 0 || (strlen(cat.terms[id].name) == name_len &&
                      memcmp(cat.terms[id].name, field[0][0], name_len) == 0));
    if (id < 0) {
        if (cat.n_terms >= CAT_MAX_TERMS) return;
        const char *name = cat__intern(field[0][0], name_len);
        if (!name) return;
        id = (int32_t)cat.n_terms++;
        memset(&cat.terms[id], 0, sizeof(cat.terms[id]));
        cat.terms[id].name = name;
        slot->hash = hash;
        slot->term = (uint32_t)id;
    }
    RlsKeyword *kw = &cat.terms[id];
    if (!(kw->profiles & (1u << profile))) cat.profile_size[profile]++;
    kw->profiles |= 1u << profile;
    if (nf < 2 || kw->category) return; /* a reference, or already defined */
    kw->category = cat__intern(field[1][0], (size_t)(field[1][1] - field[1][0]));
    if (nf > 2 && field[2][1] - field[2][0] == 5 && memcmp(field[2][0], "exact", 5) == 0)
        kw->case_rule = RLS_KW_CASE_EXACT;
    if (nf > 2 && field[2][1] - field[2][0] == 4 && memcmp(field[2][0], "word", 4) == 0)
        kw->common_word = true;
    kw->first_alias = cat.n_aliases;
    if (nf > 3) {
        const char *a = field[3][0];
        for (const char *p = field[3][0]; p <= field[3][1]; p++) {
            if (p != field[3][1] && *p != ',') continue;
            const char *as = a, *ae = p;
            cat__trim(&as, &ae);
            bool accepted = as < ae && *as == '+';
            if (accepted) as++;
            bool exact = as < ae && *as == '=';
            if (exact) as++;
            if (as < ae && cat.n_aliases < CAT_MAX_ALIASES) {
                const char *alias = cat__intern(as, (size_t)(ae - as));
                if (alias) {
                    cat.alias_exact[cat.n_aliases] = exact;
                    cat.alias_accepted[cat.n_aliases] = accepted;
                    cat.aliases[cat.n_aliases++] = alias;
                    kw->n_aliases++;
                }
            }
            a = p + 1;
        }
    }
    if (nf > 4 && field[4][1] > field[4][0])
        kw->expansion = cat__intern(field[4][0], (size_t)(field[4][1] - field[4][0]));
}

static int cat__form_cmp(const void *a, const void *b) {
    const CatForm *x = a, *y = b;
    if (x->bucket != y->bucket) return x->bucket < y->bucket ? -1 : 1;
    if (x->len != y->len) return x->len > y->len ? -1 : 1; /* longest first */
    return x->term < y->term ? -1 : x->term > y->term;
}

static void cat__build(void) {
    /* Freed once built: its pages go back to the heap for the analysis. */
    CatNameSlot *names = rls_calloc(CAT_NAME_SLOTS, sizeof(*names));
    for (uint32_t p = 0; p < RLS_ARRAY_LEN(cat__profiles); p++) {
        const char *s = (const char *)cat__profiles[p].data;
        while (*s) {
            const char *e = strchr(s, '\n');
            if (!e) e = s + strlen(s);
            if (*s != '#') cat__load_line(names, s, e, p);
            s = *e ? e + 1 : e;
        }
    }
    rls_free(names);
    for (uint32_t t = 0; t < cat.n_terms; t++) {
        RlsKeyword *kw = &cat.terms[t];
        if (!kw->category) kw->category = "other"; /* referenced, never defined */
        bool exact = kw->case_rule == RLS_KW_CASE_EXACT;
        cat__add_form(kw->name, exact, t);
        for (uint32_t a = 0; a < kw->n_aliases; a++)
            cat__add_form(cat.aliases[kw->first_alias + a],
                          exact || cat.alias_exact[kw->first_alias + a], t);
        if (kw->expansion) cat__add_form(kw->expansion, false, t);
        cat__name_add(kw->name, t);
        if (kw->expansion) cat__name_add(kw->expansion, t);
        for (uint32_t a = 0; a < kw->n_aliases; a++)
            cat__name_add(cat.aliases[kw->first_alias + a], t);
    }
    qsort(cat.forms, cat.n_forms, sizeof(cat.forms[0]), cat__form_cmp);
    uint32_t f = 0;
    for (uint32_t b = 0; b <= CAT_BUCKETS; b++) {
        while (f < cat.n_forms && cat.forms[f].bucket < b)
            f++;
        cat.bucket_start[b] = f;
    }
}

static void cat__ensure(void) {
    pthread_once(&cat__once, cat__build);
}

/* ---- Queries ------------------------------------------------------------ */

uint32_t rls_kw_count(void) {
    cat__ensure();
    return cat.n_terms;
}

const RlsKeyword *rls_kw_get(uint32_t id) {
    cat__ensure();
    return id < cat.n_terms ? &cat.terms[id] : NULL;
}

const char *rls_kw_alias(const RlsKeyword *kw, uint32_t i) {
    if (!kw || i >= kw->n_aliases) return NULL;
    return cat.aliases[kw->first_alias + i];
}

bool rls_kw_alias_accepted(const RlsKeyword *kw, uint32_t i) {
    if (!kw || i >= kw->n_aliases) return false;
    return cat.alias_accepted[kw->first_alias + i];
}

static bool cat__same_name(const char *a, size_t alen, const char *b) {
    size_t blen = strlen(b);
    return rls_kw__match_form(a, alen, 0, b, blen, false) == alen &&
           rls_kw__match_form(b, blen, 0, a, alen, false) == blen;
}

int32_t rls_kw_find(const char *name, size_t len) {
    cat__ensure();
    if (!name || len == 0) return -1;
    /* The first term in catalogue order that has a name the same as name. */
    uint64_t k = cat__name_key(name, len);
    int64_t best = -1;
    for (uint32_t i = (uint32_t)k & (CAT_NAME_INDEX_CAP - 1); cat__names[i].key;
         i = (i + 1) & (CAT_NAME_INDEX_CAP - 1))
        if (cat__names[i].key == k && (best < 0 || cat__names[i].term < best) &&
            cat__same_name(name, len, cat__names[i].name))
            best = cat__names[i].term;
    return (int32_t)best;
}

uint32_t rls_kw_profile_count(void) {
    return RLS_ARRAY_LEN(cat__profiles);
}

const char *rls_kw_profile_name(uint32_t profile) {
    return profile < RLS_ARRAY_LEN(cat__profiles) ? cat__profiles[profile].name : NULL;
}

uint32_t rls_kw_profile_size(uint32_t profile) {
    cat__ensure();
    return profile < RLS_ARRAY_LEN(cat__profiles) ? cat.profile_size[profile] : 0;
}

static bool cat__word_eq(const char *a, size_t alen, const char *b, size_t blen) {
    if (alen != blen) return false;
    for (size_t i = 0; i < alen; i++)
        if (rls_kw__lower((unsigned char)a[i]) != rls_kw__lower((unsigned char)b[i])) return false;
    return true;
}

int32_t rls_kw_profile_find(const char *name) {
    if (!name) return -1;
    size_t len = strlen(name);
    for (uint32_t p = 0; p < RLS_ARRAY_LEN(cat__profiles); p++) {
        const CatProfile *pr = &cat__profiles[p];
        if (cat__word_eq(name, len, pr->name, strlen(pr->name))) return (int32_t)p;
        for (const char *s = pr->synonyms; *s;) {
            const char *e = strchr(s, ' ');
            if (!e) e = s + strlen(s);
            if (cat__word_eq(name, len, s, (size_t)(e - s))) return (int32_t)p;
            s = *e ? e + 1 : e;
        }
    }
    return -1;
}

/* ---- Scanning ------------------------------------------------------------ */

size_t rls_kw_scan(const char *text, size_t len, RlsKwMatchCb cb, void *data) {
    cat__ensure();
    size_t found = 0;
    size_t i = 0;
    while (i + 1 < len) {
        uint16_t b = cat__bucket((unsigned char)text[i], (unsigned char)text[i + 1]);
        size_t best_len = 0;
        const CatForm *best = NULL;
        if (cat.bucket_start[b] < cat.bucket_start[b + 1] && rls_kw__left_ok(text, i, false)) {
            for (uint32_t f = cat.bucket_start[b]; f < cat.bucket_start[b + 1]; f++) {
                const CatForm *form = &cat.forms[f];
                size_t m = rls_kw__match_form(text, len, i, form->text, form->len, form->exact);
                if (m == 0 || m <= best_len) continue;
                if (form->exact && !rls_kw__left_ok(text, i, true)) continue;
                if (!rls_kw__right_ok(text, len, i + m, form->exact, form->ends_in_symbol))
                    continue;
                best = form;
                best_len = m;
            }
        }
        if (best) {
            RlsKwMatch match = {best->term, (uint32_t)i, (uint32_t)(i + best_len), best->text};
            if (cb) cb(&match, data);
            found++;
            i += best_len;
            continue;
        }
        size_t next;
        rls_kw__decode(text, len, i, &next);
        i = next;
    }
    return found;
}

bool rls_kw_contains_token(const char *text, size_t len, const char *needle, size_t nlen) {
    if (!needle || nlen == 0) return false;
    unsigned char last = (unsigned char)needle[nlen - 1];
    bool sym = !rls_kw__is_word_cp(last) && last < 0x80;
    for (size_t i = 0; i + nlen <= len; i++) {
        size_t m = rls_kw__match_form(text, len, i, needle, nlen, false);
        if (m && rls_kw__left_ok(text, i, false) && rls_kw__right_ok(text, len, i + m, false, sym))
            return true;
    }
    return false;
}
