/*
 * jobdesc.c - the keywords a job description asks for (keywords.h).
 *
 * Two sources: every catalogue term the posting uses (with its count), and
 * technical-looking tokens the catalogue does not know. The second catches
 * the employer's own stack ("Temporal", "ClickHouse", "SOC2") without a
 * bigger catalogue; plain English words never qualify, so prose such as
 * "you will go further" cannot become a keyword.
 */
#include <stdlib.h>
#include <string.h>

#include "keywords/kw_internal.h"
#include "rls/alloc.h"
#include "rls/hash.h"

void rls_jd_init(RlsJdKeywords *self) {
    memset(self, 0, sizeof(*self));
}

void rls_jd_close(RlsJdKeywords *self) {
    for (size_t i = 0; i < self->len; i++)
        rls_free(self->items[i].text);
    rls_free(self->items);
    rls_jd_init(self);
}

/* Upper-case words of job postings that are not skills. */
static const char *const jd__stop[] = {
    "US",  "USA",    "EU",     "UK",    "OR",     "AND", "THE",   "CV",     "HR",   "PTO",
    "EEO", "CEO",    "CTO",    "CFO",   "VP",     "IT",  "ASAP",  "FAQ",    "TBD",  "WFH",
    "OK",  "NYC",    "SF",     "LA",    "EST",    "PST", "PT",    "ET",     "GMT",  "UTC",
    "II",  "III",    "IV",     "LLC",   "INC",    "LTD", "BS",    "BA",     "MS",   "MSC",
    "BSC", "PHD",    "MBA",    "ID",    "DEI",    "NA",  "FTE",   "YOE",    "USD",  "EUR",
    "GBP", "AM",     "PM",     "Q1",    "Q2",     "Q3",  "Q4",    "H1",     "H2",   "IRL",
    "AI",  "WE",     "YOU",    "OUR",   "401K",   "K",   "LGBTQ", "REMOTE", "NOTE", "HYBRID",
    "NEW", "HIRING", "URGENT", "APPLY", "ONSITE", "ADA", "SWE",   "SDE",    "L4",   "L5",
    "L6",  "E4",     "E5",     "OTE",
};

static bool jd__is_stop(const char *tok, size_t len) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(jd__stop); i++) {
        const char *s = jd__stop[i];
        if (strlen(s) != len) continue;
        size_t k = 0;
        while (k < len &&
               rls_kw__lower((unsigned char)tok[k]) == rls_kw__lower((unsigned char)s[k]))
            k++;
        if (k == len) return true;
    }
    return false;
}

static bool jd__is_alpha(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool jd__is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}
static bool jd__is_upper(unsigned char c) {
    return c >= 'A' && c <= 'Z';
}
static bool jd__is_lower(unsigned char c) {
    return c >= 'a' && c <= 'z';
}

typedef enum { JD_PLAIN = 0, JD_ACRONYM, JD_STRONG } JdLook;

/* A token with "./#+" is technical when it names something ("UI/UX",
 * "Socket.io", "F#"), not an abbreviation ("e.g", "U.S", "Ph.D") or a web
 * address ("acme.com/jobs"). */
static bool jd__symbol_token_ok(const char *t, size_t len) {
    static const char *const web[] = {".com", ".org", ".gov", ".edu", ".co", "www."};
    for (size_t w = 0; w < RLS_ARRAY_LEN(web); w++) {
        size_t wl = strlen(web[w]);
        for (size_t i = 0; i + wl <= len; i++)
            if (memcmp(t + i, web[w], wl) == 0 &&
                (i + wl == len || !jd__is_alpha((unsigned char)t[i + wl])))
                return false;
    }
    if (memchr(t, '#', len) || memchr(t, '+', len)) return true;
    size_t seg = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || t[i] == '.' || t[i] == '/') {
            if (seg < 2) return false;
            seg = 0;
        } else {
            seg++;
        }
    }
    return true;
}

/* How technical a token looks. STRONG tokens count on one use; ACRONYMs
 * need two, since postings shout a few words ("REMOTE", "NOTE"). */
static JdLook jd__look(const char *t, size_t len) {
    size_t upper = 0, lower = 0, digit = 0, sym = 0, inner_upper = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c >= 0x80) return JD_PLAIN; /* leave non-ASCII words alone */
        if (jd__is_upper(c)) {
            upper++;
            if (i > 0 && jd__is_lower((unsigned char)t[i - 1])) inner_upper++;
        } else if (jd__is_lower(c)) {
            lower++;
        } else if (jd__is_digit(c)) {
            digit++;
        } else {
            sym++;
        }
    }
    if (upper + lower == 0) return JD_PLAIN;                /* numbers, years, "24/7" */
    if (jd__is_digit((unsigned char)t[0])) return JD_PLAIN; /* quantities: "50k", "10x", "5+" */
    if (jd__is_stop(t, len)) return JD_PLAIN;
    if (digit && len <= 12) return JD_STRONG;                         /* S3, EC2, SOC2, HTTP2 */
    if (inner_upper && lower) return JD_STRONG;                       /* GraphQL, ClickHouse, iOS */
    if (jd__is_lower((unsigned char)t[0]) && upper) return JD_STRONG; /* gRPC, eBPF */
    if (sym && jd__symbol_token_ok(t, len)) return JD_STRONG;         /* UI/UX, Socket.io, F# */
    if (upper == len && len >= 2 && len <= 6) return JD_ACRONYM;
    return JD_PLAIN;
}

static bool jd__token_char(unsigned char c) {
    return jd__is_alpha(c) || jd__is_digit(c) || c == '#' || c == '+' || c == '.' || c == '/' ||
           c == '_' || c >= 0x80;
}

typedef struct {
    RlsJdKeywords *out;
    uint32_t *term_count; /* per catalogue id */
    RlsSpan *covered;     /* byte ranges of catalogue matches */
    size_t n_covered, cap_covered;
} JdCtx;

static void jd__on_match(const RlsKwMatch *m, void *data) {
    JdCtx *ctx = data;
    ctx->term_count[m->term]++;
    RlsSpan s = {m->start_byte, m->end_byte};
    RLS_PUSH(ctx->covered, ctx->n_covered, ctx->cap_covered, s);
}

static int jd__cmp(const void *a, const void *b) {
    const RlsJdKeyword *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    /* Catalogue terms before unknown tokens, then stable by text. */
    if ((x->term < 0) != (y->term < 0)) return x->term < 0 ? 1 : -1;
    return strcmp(x->text, y->text);
}

/* The longest token kept; longer runs are not words a posting asks for. */
#define JD__TOKEN_MAX_BYTES 32

static bool jd__same_token(const char *a, const char *t, size_t len) {
    if (strlen(a) != len) return false;
    for (size_t j = 0; j < len; j++)
        if (rls_kw__lower((unsigned char)a[j]) != rls_kw__lower((unsigned char)t[j])) return false;
    return true;
}

/* The tokens seen so far, by case-folded text: a job description may hold up
 * to RLS_JOB_MAX_BYTES of distinct tokens (a hostile one does), and looking
 * each up in a list was quadratic: 100 s for 1 MB, on every analysis. */
typedef struct {
    uint64_t hash; /* 0: empty slot */
    uint32_t item; /* index into RlsJdKeywords.items */
    uint32_t pad;
} JdSlot;

typedef struct {
    JdSlot *slots;
    uint32_t cap, used; /* cap a power of two, at most half full */
} JdIndex;

static uint64_t jd__hash(const char *t, size_t len) {
    char folded[JD__TOKEN_MAX_BYTES];
    for (size_t j = 0; j < len; j++)
        folded[j] = (char)rls_kw__lower((unsigned char)t[j]);
    return rls_hash_key(rls_hash_mix(RLS_HASH_SEED, folded, len));
}

static void jd__index_put(JdIndex *ix, uint64_t hash, uint32_t item) {
    if ((ix->used + 1) * 2 > ix->cap) {
        JdIndex bigger = {rls_calloc(ix->cap ? ix->cap * 2 : 256, sizeof(JdSlot)),
                          ix->cap ? ix->cap * 2 : 256, 0};
        for (uint32_t i = 0; i < ix->cap; i++)
            if (ix->slots[i].hash) jd__index_put(&bigger, ix->slots[i].hash, ix->slots[i].item);
        rls_free(ix->slots);
        *ix = bigger;
    }
    uint32_t at = rls_hash_probe(ix->slots, sizeof(JdSlot), ix->cap, hash);
    if (ix->slots[at].hash) return; /* a colliding token stays unindexed */
    ix->slots[at].hash = hash;
    ix->slots[at].item = item;
    ix->used++;
}

static RlsJdKeyword *jd__find_token(RlsJdKeywords *self, const JdIndex *ix, uint64_t hash,
                                    const char *t, size_t len) {
    if (ix->cap) {
        uint32_t at = rls_hash_probe(ix->slots, sizeof(JdSlot), ix->cap, hash);
        if (ix->slots[at].hash == 0) return NULL;
        RlsJdKeyword *k = &self->items[ix->slots[at].item];
        if (jd__same_token(k->text, t, len)) return k;
    }
    /* Two tokens with one 64-bit hash: so rare that a scan is fine. */
    for (size_t i = 0; i < self->len; i++) {
        RlsJdKeyword *k = &self->items[i];
        if (k->term < 0 && jd__same_token(k->text, t, len)) return k;
    }
    return NULL;
}

int rls_jd_extract(RlsJdKeywords *self, const char *text, size_t len) {
    rls_jd_close(self);
    if (!text || len == 0) return 0;
    uint32_t n_terms = rls_kw_count();
    JdCtx ctx = {self, rls_calloc(n_terms ? n_terms : 1, sizeof(uint32_t)), NULL, 0, 0};
    rls_kw_scan(text, len, jd__on_match, &ctx);
    for (uint32_t t = 0; t < n_terms; t++) {
        if (!ctx.term_count[t]) continue;
        RlsJdKeyword k = {rls_strdup(rls_kw_get(t)->name), (int32_t)t, ctx.term_count[t]};
        RLS_PUSH(self->items, self->len, self->cap, k);
    }
    size_t n_catalogue = self->len;

    /* Tokens outside catalogue matches (matches are in text order). */
    size_t next_cov = 0;
    uint32_t *strong = NULL; /* parallel to items: 1 when seen looking strong */
    size_t cap_strong = 0, n_strong = 0;
    JdIndex index = {NULL, 0, 0};
    for (size_t i = 0; i < n_catalogue; i++)
        RLS_PUSH(strong, n_strong, cap_strong, 1u);
    size_t i = 0;
    while (i < len) {
        if (!jd__token_char((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t s = i;
        while (i < len && jd__token_char((unsigned char)text[i]))
            i++;
        size_t e = i;
        /* Sentence punctuation is not part of the token: "Rust." "C++," */
        while (e > s && (text[e - 1] == '.' || text[e - 1] == '/' || text[e - 1] == '_'))
            e--;
        while (s < e && (text[s] == '.' || text[s] == '/' || text[s] == '_' || text[s] == '#' ||
                         text[s] == '+'))
            s++;
        if (e <= s || e - s > JD__TOKEN_MAX_BYTES) continue;
        while (next_cov < ctx.n_covered && ctx.covered[next_cov].end_byte <= s)
            next_cov++;
        if (next_cov < ctx.n_covered && ctx.covered[next_cov].start_byte < e) continue;
        JdLook look = jd__look(text + s, e - s);
        if (look == JD_PLAIN) continue;
        uint64_t hash = jd__hash(text + s, e - s);
        RlsJdKeyword *k = jd__find_token(self, &index, hash, text + s, e - s);
        if (k) {
            k->count++;
            if (strong && look == JD_STRONG) strong[k - self->items] = 1;
            continue;
        }
        RlsJdKeyword nk = {rls_strndup(text + s, e - s), -1, 1};
        jd__index_put(&index, hash, (uint32_t)self->len);
        RLS_PUSH(self->items, self->len, self->cap, nk);
        RLS_PUSH(strong, n_strong, cap_strong, look == JD_STRONG ? 1u : 0u);
    }
    /* Drop acronyms used once: too weak a signal. */
    size_t w = n_catalogue;
    for (size_t r = n_catalogue; r < self->len; r++) {
        if (!strong[r] && self->items[r].count < 2) {
            rls_free(self->items[r].text);
            continue;
        }
        self->items[w++] = self->items[r];
    }
    self->len = w;
    rls_free(index.slots);
    rls_free(strong);
    rls_free(ctx.term_count);
    rls_free(ctx.covered);

    if (self->len > 1) qsort(self->items, self->len, sizeof(self->items[0]), jd__cmp);
    while (self->len > RLS_JD_MAX_KEYWORDS)
        rls_free(self->items[--self->len].text);
    return 0;
}
