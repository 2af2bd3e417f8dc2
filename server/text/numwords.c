/*
 * numwords.c - the one grammar of numbers written in words (rls/numwords.h).
 *
 * The words come from data/number-words.tsv, indexed once per process. The
 * reader is a left-to-right accumulator, as numbers are said: a group below
 * a thousand builds up in `group` and each scale word moves it into `total`.
 */
#include <pthread.h>
#include <string.h>

#include "rls/numwords.h"

extern const unsigned char rls_data_number_words_tsv[];
extern const size_t rls_data_number_words_tsv_len;

/* Room for every row of the data with a wide margin; text_numwords_test
 * fails if a row is dropped. */
#define NUMWORDS_MAX 64
#define NUMWORDS_WORD_MAX 16

typedef struct {
    char word[NUMWORDS_WORD_MAX];
    uint8_t len;
    uint64_t value;
    RlsNumWordKind kind;
} NumWord;

static struct {
    NumWord rows[NUMWORDS_MAX];
    uint32_t n;
    /* The rules ask about every word of every bullet: the first letters
     * and lengths of the rows turn most words away before the scan. */
    uint32_t first_letters; /* bit c - 'a' */
    uint8_t min_len, max_len;
} numwords__table;

static pthread_once_t numwords__once = PTHREAD_ONCE_INIT;

static RlsNumWordKind numwords__kind_of(const char *w, size_t n, uint64_t v) {
    if (n == 5 && memcmp(w, "dozen", 5) == 0) return RLS_NUMWORD_DOZEN;
    if (v == 100) return RLS_NUMWORD_HUNDRED;
    return v >= 1000 ? RLS_NUMWORD_SCALE : RLS_NUMWORD_SMALL;
}

static void numwords__build(void) {
    const char *p = (const char *)rls_data_number_words_tsv;
    const char *end = p + rls_data_number_words_tsv_len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *tab = memchr(p, '\t', (size_t)(eol - p));
        size_t wl = tab ? (size_t)(tab - p) : 0;
        if (*p != '#' && wl > 0 && wl < NUMWORDS_WORD_MAX && numwords__table.n < NUMWORDS_MAX) {
            NumWord *r = &numwords__table.rows[numwords__table.n++];
            memcpy(r->word, p, wl);
            r->len = (uint8_t)wl;
            for (const char *d = tab + 1; d < eol && *d >= '0' && *d <= '9'; d++)
                r->value = r->value * 10 + (uint64_t)(*d - '0');
            r->kind = numwords__kind_of(r->word, wl, r->value);
            if (r->word[0] >= 'a' && r->word[0] <= 'z')
                numwords__table.first_letters |= 1u << (r->word[0] - 'a');
            if (!numwords__table.min_len || wl < numwords__table.min_len)
                numwords__table.min_len = (uint8_t)wl;
            if (wl > numwords__table.max_len) numwords__table.max_len = (uint8_t)wl;
        }
        p = eol + 1;
    }
}

static char numwords__lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

RlsNumWordKind rls_numword_kind(const char *w, size_t n, uint64_t *value) {
    pthread_once(&numwords__once, numwords__build);
    if (n < numwords__table.min_len || n > numwords__table.max_len) return RLS_NUMWORD_NONE;
    char c0 = numwords__lower(w[0]);
    if (c0 < 'a' || c0 > 'z' || !(numwords__table.first_letters & (1u << (c0 - 'a'))))
        return RLS_NUMWORD_NONE;
    for (uint32_t i = 0; i < numwords__table.n; i++) {
        const NumWord *r = &numwords__table.rows[i];
        if (r->len != n) continue;
        size_t k = 0;
        while (k < n && numwords__lower(w[k]) == r->word[k])
            k++;
        if (k < n) continue;
        if (value) *value = r->value;
        return r->kind;
    }
    return RLS_NUMWORD_NONE;
}

static bool numwords__letter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The whole ASCII word at text[i]: its end, or i when the letters run on
 * into a digit, an apostrophe or a non-ASCII letter ("one's", "twoé"). */
static size_t numwords__word_end(const char *text, size_t len, size_t i) {
    size_t j = i;
    while (j < len && numwords__letter((unsigned char)text[j]))
        j++;
    if (j < len) {
        unsigned char c = (unsigned char)text[j];
        if ((c >= '0' && c <= '9') || c == '_' || c == '\'' || c >= 0x80) return i;
    }
    return j;
}

static bool numwords__is(const char *w, size_t n, const char *word) {
    if (strlen(word) != n) return false;
    for (size_t k = 0; k < n; k++)
        if (numwords__lower(w[k]) != word[k]) return false;
    return true;
}

/* The reader's state between words. */
typedef struct {
    uint64_t total, group;
    bool small;     /* the group ends in a small number ("five", "twenty") */
    bool bare_tens; /* ... which is a bare tens that a unit may follow */
    bool joined;    /* the last word was hundred or a scale: "and" may follow */
    bool any;       /* a number word has been read */
} NumState;

/* Takes the word w[0..n) of kind k and value v into s; false when it cannot
 * go on the number read so far. */
static bool numwords__take(NumState *s, RlsNumWordKind k, uint64_t v) {
    switch (k) {
    case RLS_NUMWORD_SMALL:
        if (s->small && !(s->bare_tens && v >= 1 && v <= 9)) return false; /* "five six" */
        s->bare_tens = !s->small && v >= 20 && v % 10 == 0;
        s->group += v;
        s->small = true;
        break;
    case RLS_NUMWORD_HUNDRED:
        if (!s->small || s->group >= 100) return false;
        s->group *= 100;
        s->small = s->bare_tens = false;
        break;
    case RLS_NUMWORD_DOZEN:
        if (!s->small) return false;
        s->group *= 12;
        s->small = s->bare_tens = false;
        break;
    case RLS_NUMWORD_SCALE:
        if (!s->any && !s->small) return false;
        s->total += (s->group ? s->group : 1) * v;
        s->group = 0;
        s->small = s->bare_tens = false;
        break;
    default:
        return false;
    }
    s->joined = k == RLS_NUMWORD_HUNDRED || k == RLS_NUMWORD_SCALE;
    s->any = true;
    return true;
}

/* The start of the word after the one ending at text[i], when a single
 * space or hyphen joins them; else 0 (no word starts at byte 0 there). */
static size_t numwords__next(const char *text, size_t len, size_t i) {
    if (i + 1 < len && (text[i] == ' ' || text[i] == '-') &&
        numwords__letter((unsigned char)text[i + 1]))
        return i + 1;
    return 0;
}

bool rls_numwords_read(const char *text, size_t len, size_t at_byte, RlsNumWords *out) {
    NumState s = {0};
    size_t i = at_byte, end = at_byte;
    uint32_t words = 0, taken = 0;
    while (i < len) {
        size_t we = numwords__word_end(text, len, i);
        if (we == i) break;
        uint64_t v = 0;
        RlsNumWordKind k = rls_numword_kind(text + i, we - i, &v);
        size_t nx = numwords__next(text, len, we);
        size_t ne = nx ? numwords__word_end(text, len, nx) : 0;
        RlsNumWordKind nk = nx ? rls_numword_kind(text + nx, ne - nx, NULL) : RLS_NUMWORD_NONE;
        if (k == RLS_NUMWORD_NONE) {
            /* "a" stands for one only before a multiplier ("a hundred",
             * not "a team"); "and" joins only after one ("a hundred and
             * five", not "five and six"). */
            bool article = words == 0 && (numwords__is(text + i, we - i, "a") ||
                                          numwords__is(text + i, we - i, "an"));
            bool joiner = s.joined && numwords__is(text + i, we - i, "and");
            if (article &&
                (nk == RLS_NUMWORD_HUNDRED || nk == RLS_NUMWORD_DOZEN || nk == RLS_NUMWORD_SCALE)) {
                s.group = 1;
                s.small = true;
            } else if (!joiner || nk != RLS_NUMWORD_SMALL) {
                break;
            }
        } else if (!numwords__take(&s, k, v)) {
            break;
        } else {
            end = we;
            taken = words + 1;
        }
        words++;
        if (!nx) break;
        i = nx;
    }
    if (!taken) return false;
    *out = (RlsNumWords){s.total + s.group, (uint32_t)end, taken};
    return true;
}
