/*
 * fieldtype.c - scoring a short text as title, organisation, place, degree
 * or dates (fieldtype.h).
 *
 * Words are compared after folding case (ASCII, Latin-1 accented capitals,
 * Cyrillic) and dropping dots and hyphens inside a word, so "B.Sc." is
 * "bsc" and "Co." is "co". CJK words have no spaces around them and are
 * found anywhere in the text. The lexicon is read once from the embedded
 * field-words.tsv and indexed by first byte: a word is compared with the
 * few lexicon words that open like it, not with all of them (the scan of
 * the whole lexicon for every word was a fifth of a fuzzed parse).
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "model/lines.h"
#include "rls/alloc.h"
#include "rls/fieldtype.h"

extern const unsigned char rls_data_field_words_tsv[];
extern const size_t rls_data_field_words_tsv_len;

enum { FT_STUDY = RLS_FIELD_N_TYPES, FT_PLACE_WORD, FT_N_KINDS };

typedef struct {
    const char *word; /* into the embedded data, not NUL-terminated */
    size_t n;
    unsigned char kind;
    bool prefix, cjk;
    float weight;
} FtWord;

#define FT_MAX_WORDS 1024
static FtWord ft__words[FT_MAX_WORDS];
static size_t ft__n_words;
/* Indices into ft__words: the alphabetic words by first byte (those
 * opening with byte c are ft__by_first[ft__first[c] .. ft__first[c + 1])),
 * and the CJK ones apart, both in lexicon order. */
static uint16_t ft__by_first[FT_MAX_WORDS];
static uint16_t ft__first[257];
static uint16_t ft__cjk[FT_MAX_WORDS];
static size_t ft__n_cjk;
static pthread_once_t ft__once = PTHREAD_ONCE_INIT;

static int ft__kind(const char *p, size_t n) {
    static const struct {
        const char *name;
        int kind;
    } kinds[] = {{"title", RLS_FIELD_TITLE},
                 {"degree", RLS_FIELD_DEGREE},
                 {"study", FT_STUDY},
                 {"org", RLS_FIELD_ORG},
                 {"place", FT_PLACE_WORD}};
    for (size_t i = 0; i < RLS_ARRAY_LEN(kinds); i++)
        if (strlen(kinds[i].name) == n && !memcmp(kinds[i].name, p, n)) return kinds[i].kind;
    return -1;
}

/* Loads the lexicon, once per process (pthread_once: parsers may run on
 * worker threads). */
static void ft__load_once(void) {
    const char *p = (const char *)rls_data_field_words_tsv;
    const char *end = p + rls_data_field_words_tsv_len;
    while (p < end && ft__n_words < FT_MAX_WORDS) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *t1 = memchr(p, '\t', (size_t)(eol - p));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(eol - t1 - 1)) : NULL;
        int kind = t1 && *p != '#' ? ft__kind(p, (size_t)(t1 - p)) : -1;
        if (kind >= 0 && t2 && eol > t2 + 1) {
            FtWord *w = &ft__words[ft__n_words++];
            w->word = t2 + 1;
            w->n = (size_t)(eol - t2 - 1);
            w->prefix = w->word[w->n - 1] == '*';
            if (w->prefix) w->n--;
            w->cjk = (unsigned char)w->word[0] >= 0xE3; /* U+3000 and up: kana, hanzi, hangul */
            w->kind = (unsigned char)kind;
            w->weight = (float)(t1[1] - '0');
            if (t2 - t1 > 2 && t1[2] == '.') w->weight += (float)(t1[3] - '0') / 10.0f;
        }
        p = eol + 1;
    }
    /* A counting sort on the first byte keeps lexicon order in a bucket. */
    uint16_t count[256] = {0};
    for (size_t k = 0; k < ft__n_words; k++) {
        if (ft__words[k].cjk)
            ft__cjk[ft__n_cjk++] = (uint16_t)k;
        else
            count[(unsigned char)ft__words[k].word[0]]++;
    }
    for (int c = 0; c < 256; c++)
        ft__first[c + 1] = (uint16_t)(ft__first[c] + count[c]);
    uint16_t next[256];
    memcpy(next, ft__first, sizeof(next));
    for (size_t k = 0; k < ft__n_words; k++)
        if (!ft__words[k].cjk)
            ft__by_first[next[(unsigned char)ft__words[k].word[0]]++] = (uint16_t)k;
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

static void ft__match_word(const char *w, size_t wn, float *kinds) {
    unsigned char c = (unsigned char)w[0];
    for (size_t k = ft__first[c]; k < ft__first[c + 1]; k++) {
        const FtWord *x = &ft__words[ft__by_first[k]];
        if (x->n > wn) continue;
        if ((x->n == wn || x->prefix) && !memcmp(x->word, w, x->n))
            if (x->weight > kinds[x->kind]) kinds[x->kind] = x->weight;
    }
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
        char w[48];
        size_t wn = 0;
        bool lower = islower(p[i]);
        while (i < len && (ft__word_char(p + i) || p[i] == '.' || p[i] == '-' || p[i] == '\'' ||
                           p[i] == '&')) {
            if (p[i] == '.' || p[i] == '-' || p[i] == '\'' || p[i] == '&') {
                /* "gmbh&co" stays one word only for the lexicon's sake. */
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
        const FtWord *x = &ft__words[ft__cjk[k]];
        if (x->n > len) continue;
        for (size_t j = from; j + x->n <= len; j++)
            if (text[j] == x->word[0] && !memcmp(text + j, x->word, x->n)) {
                kinds[x->kind] += x->weight;
                if (x->kind == FT_PLACE_WORD) (*n_place)++;
                break;
            }
    }
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

void rls_field_type_score(const char *text, size_t len, RlsFieldScores *out) {
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
    if (!has_dates)
        moved |= ft__take_date(location, date_text) || ft__take_date(org, date_text) ||
                 ft__take_date(title, date_text);
    return moved;
}
