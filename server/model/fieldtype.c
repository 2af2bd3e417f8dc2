/*
 * fieldtype.c - scoring a short text as title, organisation, place, degree
 * or dates (fieldtype.h).
 *
 * Words are compared after folding case (ASCII, Latin-1 accented capitals,
 * Cyrillic) and dropping dots and hyphens inside a word, so "B.Sc." is
 * "bsc" and "Co." is "co". CJK words have no spaces around them and are
 * found anywhere in the text. The lexicon is read once from the embedded
 * field-words.tsv into a hash table (util/hash.h) keyed by word and by
 * whether it matches whole, as a prefix or as a suffix: a word of the text
 * costs one lookup, and one per length of prefix or suffix entry it could
 * start or end with, where comparing it
 * with every entry was the costliest function of `check` outside the parser.
 */
#include <assert.h>
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "model/fieldtype_internal.h"
#include "model/lines.h"
#include "rls/alloc.h"
#include "rls/fieldtype.h"
#include "rls/hash.h"

extern const unsigned char rls_data_field_words_tsv[];
extern const size_t rls_data_field_words_tsv_len;

enum {
    FT_STUDY = RLS_FIELD__STUDY,
    FT_PLACE_WORD = RLS_FIELD__PLACE_WORD,
    FT_NOTE_WORD = RLS_FIELD__NOTE_WORD,
    FT_N_KINDS = RLS_FIELD__N_KINDS
};

/* A CJK word, searched for as a substring. */
typedef struct {
    const char *word; /* into the embedded data, not NUL-terminated */
    size_t n;
    unsigned char kind;
    float weight;
} FtWord;

/* How an entry matches a word of the text: whole, as its start ("word*"),
 * or as its end ("*word": the head of a compound, "Dataingeniør"). */
enum { FT_WHOLE, FT_PREFIX, FT_SUFFIX };

/* One distinct (word, match) pair of the lexicon. A word listed under
 * several kinds, or twice, keeps the best weight per kind. */
typedef struct {
    uint32_t word; /* offset of the word in the embedded data */
    uint8_t n;
    uint8_t match; /* FT_WHOLE, FT_PREFIX or FT_SUFFIX */
    float weight[FT_N_KINDS];
} FtEntry;

/* The hash table's slot, hash first as rls_hash_probe reads it. Slots are
 * kept apart from the entries and small: the table is spread over its
 * pages at random, and each page is a page fault in every process (with
 * the weights in the slots, 2048 of them cost `check` 46 more faults than
 * the array the scan read; as they are, 18). */
typedef struct {
    uint64_t hash; /* 0: empty */
    uint32_t entry;
} FtSlot;

/* Entries read from the TSV, as before the table (the rest is ignored). */
#define FT_MAX_WORDS 2048
/* A power of two, twice FT_MAX_WORDS: the table is never full, and most
 * lookups are misses, which probe on to an empty slot. */
#define FT_CAP 4096
static FtSlot ft__slots[FT_CAP];
static FtEntry ft__entries[FT_MAX_WORDS];
static uint32_t ft__n_entries;
/* Bit L set: some prefix (suffix) entry is L bytes long. */
static uint64_t ft__prefix_lens, ft__suffix_lens;
static FtWord ft__cjk[FT_MAX_WORDS];
static size_t ft__n_cjk;
static pthread_once_t ft__once = PTHREAD_ONCE_INIT;

static int ft__kind(const char *p, size_t n) {
    static const struct {
        const char *name;
        int kind;
    } kinds[] = {{"title", RLS_FIELD_TITLE}, {"degree", RLS_FIELD_DEGREE}, {"study", FT_STUDY},
                 {"org", RLS_FIELD_ORG},     {"place", FT_PLACE_WORD},     {"note", FT_NOTE_WORD}};
    for (size_t i = 0; i < RLS_ARRAY_LEN(kinds); i++)
        if (strlen(kinds[i].name) == n && !memcmp(kinds[i].name, p, n)) return kinds[i].kind;
    return -1;
}

static uint64_t ft__hash(const char *w, size_t n, int match) {
    static const uint64_t seeds[] = {RLS_HASH_SEED, ~RLS_HASH_SEED, RLS_HASH_SEED ^ 0x5555u};
    return rls_hash_key(rls_hash_mix(seeds[match], w, n));
}

static void ft__insert(const char *word, size_t n, int match, int kind, float weight) {
    /* The scanner cuts text words at RLS_FIELD__WORD_MAX bytes, so a longer
     * entry matches nothing; an empty prefix ("*") matched nothing either. */
    if (n == 0 || n > RLS_FIELD__WORD_MAX) return;
    const char *data = (const char *)rls_data_field_words_tsv;
    uint64_t hash = ft__hash(word, n, match);
    FtSlot *s = &ft__slots[rls_hash_probe(ft__slots, sizeof(*s), FT_CAP, hash)];
    if (!s->hash) {
        FtEntry *e = &ft__entries[ft__n_entries];
        e->word = (uint32_t)(word - data);
        e->n = (uint8_t)n;
        e->match = (uint8_t)match;
        s->hash = hash;
        s->entry = ft__n_entries++;
        if (match == FT_PREFIX) ft__prefix_lens |= 1ull << n;
        if (match == FT_SUFFIX) ft__suffix_lens |= 1ull << n;
    }
    FtEntry *e = &ft__entries[s->entry];
    /* NOTE: the table tells entries apart by their 64-bit hash alone. */
    assert(e->n == n && e->match == match && !memcmp(data + e->word, word, n));
    if (weight > e->weight[kind]) e->weight[kind] = weight;
}

/* Loads the lexicon, once per process (pthread_once: parsers may run on
 * worker threads). */
static void ft__load_once(void) {
    const char *p = (const char *)rls_data_field_words_tsv;
    const char *end = p + rls_data_field_words_tsv_len;
    size_t n_words = 0;
    /* Written before the probes read it: a page first read is mapped to
     * the zero page and faults again when written. */
    memset(ft__slots, 0, sizeof(ft__slots));
    while (p < end && n_words < FT_MAX_WORDS) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *t1 = memchr(p, '\t', (size_t)(eol - p));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(eol - t1 - 1)) : NULL;
        int kind = t1 && *p != '#' ? ft__kind(p, (size_t)(t1 - p)) : -1;
        if (kind >= 0 && t2 && eol > t2 + 1) {
            n_words++;
            const char *word = t2 + 1;
            size_t n = (size_t)(eol - t2 - 1);
            int match = word[n - 1] == '*' ? FT_PREFIX : word[0] == '*' ? FT_SUFFIX : FT_WHOLE;
            if (match == FT_PREFIX) n--;
            if (match == FT_SUFFIX) word++, n--;
            float weight = (float)(t1[1] - '0');
            if (t2 - t1 > 2 && t1[2] == '.') weight += (float)(t1[3] - '0') / 10.0f;
            if ((unsigned char)word[0] >= 0xE3) { /* U+3000 and up: kana, hanzi, hangul */
                FtWord *w = &ft__cjk[ft__n_cjk++];
                w->word = word;
                w->n = n;
                w->kind = (unsigned char)kind;
                w->weight = weight;
            } else {
                ft__insert(word, n, match, kind, weight);
            }
        }
        p = eol + 1;
    }
}

static void ft__load(void) {
    pthread_once(&ft__once, ft__load_once);
}

/* Appends the case-folded form of the character at p to w; returns its
 * length in p. */
static size_t ft__fold(const unsigned char *p, size_t n, char *w, size_t *wn, size_t cap) {
    unsigned char c = p[0];
    unsigned char out[2] = {c, 0};
    size_t len = 1, out_n = 1;
    if (c < 0x80) {
        out[0] = (unsigned char)tolower(c);
    } else if (n >= 2 && c == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
        out[0] = c, out[1] = (unsigned char)(p[1] + 0x20), len = out_n = 2; /* É -> é */
    } else if (n >= 2 && c == 0xD0 && p[1] >= 0x90 && p[1] <= 0x9F) {
        out[0] = 0xD0, out[1] = (unsigned char)(p[1] + 0x20), len = out_n = 2; /* А-П */
    } else if (n >= 2 && c == 0xD0 && p[1] >= 0xA0 && p[1] <= 0xAF) {
        out[0] = 0xD1, out[1] = (unsigned char)(p[1] - 0x20), len = out_n = 2; /* Р-Я */
    } else if (n >= 2 && c == 0xD0 && p[1] == 0x81) {
        out[0] = 0xD1, out[1] = 0x91, len = out_n = 2; /* Ё */
    } else if (c >= 0xC0 && c < 0xE0 && n >= 2) {
        out[1] = p[1], len = out_n = 2;
    }
    for (size_t i = 0; i < out_n; i++)
        if (*wn + 1 < cap) w[(*wn)++] = (char)out[i];
    return len;
}

static bool ft__word_char(const unsigned char *p) {
    /* Letters and digits of alphabetic scripts; CJK (3-byte and up) text is
     * matched apart, by substring. */
    return isalnum(p[0]) || (p[0] >= 0xC0 && p[0] < 0xE0);
}

static void ft__take(const char *w, size_t n, int match, float *kinds) {
    uint64_t hash = ft__hash(w, n, match);
    const FtSlot *s = &ft__slots[rls_hash_probe(ft__slots, sizeof(*s), FT_CAP, hash)];
    if (s->hash != hash) return;
    const FtEntry *e = &ft__entries[s->entry];
    if (e->n != n || e->match != match || memcmp(rls_data_field_words_tsv + e->word, w, n) != 0)
        return;
    for (int k = 0; k < FT_N_KINDS; k++)
        if (e->weight[k] > kinds[k]) kinds[k] = e->weight[k];
}

/* Pre-condition: the lexicon is loaded. */
static void ft__match_word(const char *w, size_t wn, float *kinds) {
    ft__take(w, wn, FT_WHOLE, kinds);
    for (size_t n = 1; n <= wn && n < 64; n++) {
        if (ft__prefix_lens >> n & 1) ft__take(w, n, FT_PREFIX, kinds);
        if (ft__suffix_lens >> n & 1) ft__take(w + wn - n, n, FT_SUFFIX, kinds);
    }
}

void rls_field__word_kinds(const char *w, size_t n, float *kinds) {
    ft__load();
    ft__match_word(w, n, kinds);
}

/* Sum over words of the best weight each word gives every kind. */
static void ft__lexicon(const char *text, size_t len, float *kinds, size_t *n_words,
                        size_t *n_lower, size_t *n_place) {
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        if (!ft__word_char(p + i)) {
            /* A run of CJK text counts as one word: "Acme 東京" is two. */
            if (p[i] >= 0xE3 && (i == 0 || p[i - 1] < 0x80)) (*n_words)++;
            i++;
            continue;
        }
        char w[RLS_FIELD__WORD_MAX + 1];
        size_t wn = 0, last_part = 0;
        bool lower = islower(p[i]);
        while (i < len && (ft__word_char(p + i) || p[i] == '.' || p[i] == '-' || p[i] == '\'' ||
                           p[i] == '&')) {
            if (p[i] == '.' || p[i] == '-' || p[i] == '\'' || p[i] == '&') {
                /* "gmbh&co" stays one word only for the lexicon's sake. */
                if (p[i] == '-') last_part = wn;
                i++;
                continue;
            }
            i += ft__fold(p + i, len - i, w, &wn, sizeof(w));
        }
        if (!wn) continue;
        w[wn] = '\0';
        (*n_words)++;
        if (lower) (*n_lower)++;
        float best[FT_N_KINDS] = {0};
        ft__match_word(w, wn, best);
        /* "Rabanus-Maurus-Gymnasium", "Max-Planck-Institut": a compound
         * joined by hyphens is what its last part names. */
        bool none = true;
        for (int k = 0; k < FT_N_KINDS; k++)
            none = none && best[k] == 0.0f;
        if (none && last_part && last_part < wn)
            ft__match_word(w + last_part, wn - last_part, best);
        for (int k = 0; k < FT_N_KINDS; k++)
            kinds[k] += best[k];
        if (best[FT_PLACE_WORD] > 0) (*n_place)++;
    }
    /* CJK words are found anywhere in the text, not word by word. They all
     * open with a byte >= 0xE3: text without one holds none of them, and
     * only where that byte matches is a comparison worth making (a scan
     * of every lexicon word at every offset was most of a parse). */
    const char *cjk = NULL;
    for (size_t j = 0; j < len && !cjk; j++)
        if (p[j] >= 0xE3) cjk = text + j;
    if (!cjk) return;
    size_t from = (size_t)(cjk - text);
    for (size_t k = 0; k < ft__n_cjk; k++) {
        const FtWord *x = &ft__cjk[k];
        if (x->n > len) continue;
        for (size_t j = from; j + x->n <= len; j++)
            if (text[j] == x->word[0] && !memcmp(text + j, x->word, x->n)) {
                kinds[x->kind] += x->weight;
                if (x->kind == FT_PLACE_WORD) (*n_place)++;
                break;
            }
    }
}

/* "College Station TX", "Pasadena TX": a US city written before its
 * state's code without a comma, one to three capitalised words. */
static bool ft__city_state(const char *text, size_t len) {
    static const char states[] = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD "
                                 "MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC "
                                 "SD TN TX UT VT VA WA WV WI WY DC";
    if (len < 4 || text[len - 3] != ' ') return false;
    const char *code = text + len - 2;
    bool known = false;
    for (size_t i = 0; i + 2 <= sizeof(states) - 1 && !known; i += 3)
        known = code[0] == states[i] && code[1] == states[i + 1];
    if (!known) return false;
    size_t words = 0;
    for (size_t i = 0; i < len - 3; i++) {
        bool start = i == 0 || text[i - 1] == ' ';
        if (start && text[i] != ' ') {
            if (!isupper((unsigned char)text[i])) return false;
            words++;
        }
        if (isdigit((unsigned char)text[i]) || text[i] == ',') return false;
    }
    return words >= 1 && words <= 3;
}

/* "Houston, TX", "Berlin, Germany", "Remote": the last comma part is a
 * state code or a known place; the first is a name, not a sentence. */
static float ft__place_shape(const char *text, size_t len) {
    const char *comma = NULL;
    for (size_t i = 0; i < len; i++)
        if (text[i] == ',') comma = text + i;
    const char *last = comma ? comma + 1 : text;
    size_t ln = len - (size_t)(last - text);
    while (ln && *last == ' ')
        last++, ln--;
    while (ln && strchr(" .)", last[ln - 1]))
        ln--;
    if (comma && ln == 2 && isupper((unsigned char)last[0]) && isupper((unsigned char)last[1]))
        return 3.0f;
    /* Above an organisation word's weight: "College Station TX". */
    if (ft__city_state(last, ln)) return 4.0f;
    float kinds[FT_N_KINDS] = {0};
    size_t words = 0, lower = 0, place = 0;
    ft__lexicon(last, ln, kinds, &words, &lower, &place);
    /* "Banco do Brasil", "北京大学", "ETH Zürich": a place named inside a
     * name. After a comma the last part only need hold a place ("Lyon,
     * France"); alone, the text must be places through and through. */
    if (kinds[FT_PLACE_WORD] > 0 && words <= 3 && kinds[RLS_FIELD_ORG] == 0.0f &&
        kinds[RLS_FIELD_TITLE] == 0.0f && (comma || place >= words))
        return kinds[FT_PLACE_WORD];
    return 0.0f;
}

/* The one call into the date grammar (model/lines.h; moving to
 * rls/dates.h): how much of the text a date range covers. */
static float ft__date_share(const char *text, size_t len) {
    RlsDateRange r;
    size_t s = 0, e = 0;
    if (!len || !rls_date_range_find(text, len, &r, &s, &e)) return 0.0f;
    return (float)(e - s) / (float)len;
}

static void ft__score(const char *text, size_t len, RlsFieldScores *out);

/* The last scores, by text: the parsers and the reader type the same lines
 * again on every keystroke, and a score depends on the text alone (the
 * lexicon is fixed once loaded). One table per thread, direct-mapped; a
 * longer text is scored each time. */
#define FT_MEMO_SLOTS 256
#define FT_MEMO_TEXT 80
typedef struct {
    uint64_t hash; /* 0: empty */
    uint8_t len;
    char text[FT_MEMO_TEXT];
    RlsFieldScores scores;
} FtMemo;
static _Thread_local FtMemo ft__memo[FT_MEMO_SLOTS];

void rls_field_type_score(const char *text, size_t len, RlsFieldScores *out) {
    if (len > FT_MEMO_TEXT) {
        ft__score(text, len, out);
        return;
    }
    uint64_t h = rls_hash_key(rls_hash_mix(RLS_HASH_SEED, text, len));
    FtMemo *m = &ft__memo[h & (FT_MEMO_SLOTS - 1)];
    if (m->hash != h || m->len != len || memcmp(m->text, text, len) != 0) {
        ft__score(text, len, &m->scores);
        m->hash = h;
        m->len = (uint8_t)len;
        memcpy(m->text, text, len);
    }
    *out = m->scores;
}

static void ft__score(const char *text, size_t len, RlsFieldScores *out) {
    memset(out, 0, sizeof(*out));
    ft__load();
    while (len && (text[0] == ' ' || text[0] == '\t'))
        text++, len--;
    while (len && strchr(" \t,;:", text[len - 1]))
        len--;
    if (!len) return;
    float kinds[FT_N_KINDS] = {0};
    size_t words = 0, lower = 0, place = 0;
    ft__lexicon(text, len, kinds, &words, &lower, &place);
    out->score[RLS_FIELD_TITLE] = kinds[RLS_FIELD_TITLE];
    out->score[RLS_FIELD_ORG] = kinds[RLS_FIELD_ORG];
    out->score[RLS_FIELD_DEGREE] = kinds[RLS_FIELD_DEGREE];
    if (kinds[RLS_FIELD_DEGREE] > 0) out->score[RLS_FIELD_DEGREE] += kinds[FT_STUDY] * 0.5f;
    /* "github.com/acme", "acme.io": a link names the organisation. */
    RlsContactHit hits[2];
    size_t n_hits = rls_contacts_scan(text, len, hits, 2);
    if (n_hits && hits[0].kind == RLS_CONTACT_LINK) out->score[RLS_FIELD_ORG] += 1.0f;
    out->score[RLS_FIELD_LOCATION] = ft__place_shape(text, len);
    float share = ft__date_share(text, len);
    out->score[RLS_FIELD_DATE] = share >= 0.8f ? 3.0f : share * 2.0f;
    /* A sentence is no field: many words, most in lower case. */
    if (words > 8 && lower * 2 > words)
        for (int k = 0; k < RLS_FIELD_N_TYPES; k++)
            out->score[k] *= 0.5f;
}

/* Whether some word of the text is a lexicon word of this kind. */
static bool ft__has_kind(const char *text, size_t len, int kind) {
    ft__load();
    float kinds[FT_N_KINDS] = {0};
    size_t words = 0, lower = 0, place = 0;
    ft__lexicon(text, len, kinds, &words, &lower, &place);
    return kinds[kind] > 0.0f;
}

bool rls_field_type_is_note(const char *text, size_t len) {
    return ft__has_kind(text, len, FT_NOTE_WORD);
}

bool rls_field_type_is_study(const char *text, size_t len) {
    return ft__has_kind(text, len, FT_STUDY);
}

RlsFieldType rls_field_type_best(const RlsFieldScores *s) {
    RlsFieldType best = RLS_FIELD_N_TYPES;
    float top = 0.0f;
    for (int k = 0; k < RLS_FIELD_N_TYPES; k++)
        if (s->score[k] > top) top = s->score[k], best = (RlsFieldType)k;
    return best;
}

bool rls_field_type_is_clearly(const char *text, size_t len, RlsFieldType type) {
    RlsFieldScores s;
    rls_field_type_score(text, len, &s);
    if (s.score[type] < RLS_FIELD_CLEAR) return false;
    for (int k = 0; k < RLS_FIELD_N_TYPES; k++)
        if (k != (int)type && s.score[k] >= s.score[type]) return false;
    return true;
}

/* A title slot may hold a role or a degree. */
static bool ft__clearly_title(const char *s) {
    if (!s) return false;
    size_t n = strlen(s);
    return rls_field_type_is_clearly(s, n, RLS_FIELD_TITLE) ||
           rls_field_type_is_clearly(s, n, RLS_FIELD_DEGREE);
}

static bool ft__take_date(char **slot, char **date_text) {
    if (!*slot || *date_text) return false;
    RlsFieldScores s;
    rls_field_type_score(*slot, strlen(*slot), &s);
    if (s.score[RLS_FIELD_DATE] < 3.0f) return false;
    *date_text = *slot;
    *slot = NULL;
    return true;
}

/* "{Oak Ridge}{TN}", "{Morgan County}{TN}" of a project: a template's
 * organisation slot holding a town before a state's code in the place slot
 * is the first half of the place. Only beside a title that is no role or
 * degree: beside "Engineer" the same slot names the employer ("{Hooli}{CA}"). */
static bool ft__town_before_state(const char *title, char **org, char **location) {
    if (!title || !*org || !*location || ft__clearly_title(title)) return false;
    size_t on = strlen(*org), ln = strlen(*location);
    if (ln != 2 || on > 60) return false;
    RlsFieldScores s;
    rls_field_type_score(*org, on, &s);
    if (s.score[RLS_FIELD_ORG] > 0 || s.score[RLS_FIELD_TITLE] > 0 || s.score[RLS_FIELD_DEGREE] > 0)
        return false;
    char joined[64];
    snprintf(joined, sizeof(joined), "%s %s", *org, *location);
    if (!ft__city_state(joined, on + 3)) return false;
    char *place = rls_malloc(on + 5);
    snprintf(place, on + 5, "%s, %s", *org, *location);
    rls_free(*org);
    rls_free(*location);
    *org = NULL;
    *location = place;
    return true;
}

bool rls_field_type_settle(char **title, char **org, char **location, bool has_dates,
                           char **date_text) {
    bool moved = false;
    *date_text = NULL;
    if (*title && *org && rls_field_type_is_clearly(*title, strlen(*title), RLS_FIELD_ORG) &&
        ft__clearly_title(*org)) {
        char *t = *title;
        *title = *org;
        *org = t;
        moved = true;
    }
    moved |= ft__town_before_state(*title, org, location);
    if (!has_dates)
        moved |= ft__take_date(location, date_text) || ft__take_date(org, date_text) ||
                 ft__take_date(title, date_text);
    return moved;
}
