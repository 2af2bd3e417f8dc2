/*
 * words.c - splitting plain text into words, and reading numbers written
 * as words, for the rewrites.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "actions/actions_internal.h"
#include "rls/alloc.h"
#include "rls/text.h" /* rls_utf8_decode */

/* The code point at text[i] (len bytes available); sets *n. */
static uint32_t words__cp(const char *text, size_t len, size_t i, size_t *n) {
    uint32_t cp;
    *n = rls_utf8_decode((const unsigned char *)text + i, (uint32_t)(len - i), &cp);
    return cp;
}

/* A code point that is part of a word on its own. Punctuation, dashes,
 * quotes, arrows and no-break spaces (U+2000-U+2BFF, U+00A0-U+00BF) are not. */
static bool words__letter(uint32_t cp) {
    if (cp < 0x80) return isalnum((int)cp) != 0;
    if (cp >= 0xA0 && cp <= 0xBF) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    return true;
}

void rls_words_split(const char *text, size_t len, RlsToks *out) {
    size_t i = 0;
    while (i < len) {
        size_t n;
        uint32_t cp = words__cp(text, len, i, &n);
        bool starts =
            words__letter(cp) || (cp == '$' && i + 1 < len && isdigit((unsigned char)text[i + 1]));
        if (!starts) {
            i += n;
            continue;
        }
        size_t start = i;
        i += n;
        while (i < len) {
            uint32_t c = words__cp(text, len, i, &n);
            if (words__letter(c) || c == '_') {
                i += n;
                continue;
            }
            /* Trailing markers that belong to the word: 30%, C++, C#, 300+. */
            if (c == '%' || c == '+' || c == '#') {
                i += n;
                continue;
            }
            /* Joiners count only between two word characters. */
            if (c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == '/' || c == '&' ||
                c == ':') {
                size_t n2;
                if (i + n < len && words__letter(words__cp(text, len, i + n, &n2))) {
                    i += n;
                    continue;
                }
            }
            /* "1,200" keeps its thousands separator. */
            if (c == ',' && i + 1 < len && isdigit((unsigned char)text[i - 1]) &&
                isdigit((unsigned char)text[i + 1])) {
                i += n;
                continue;
            }
            break;
        }
        RLS_PUSH(out->items, out->len, out->cap, ((RlsTok){(uint32_t)start, (uint32_t)i}));
    }
}

void rls_toks_close(RlsToks *self) {
    rls_free(self->items);
    self->items = NULL;
    self->len = self->cap = 0;
}

bool rls_tok_is(const char *text, RlsTok tok, const char *word) {
    size_t n = strlen(word);
    return tok.end - tok.start == n && strncasecmp(text + tok.start, word, n) == 0;
}

bool rls_tok_in(const char *text, RlsTok tok, const char *const *words) {
    for (; *words; words++)
        if (rls_tok_is(text, tok, *words)) return true;
    return false;
}

bool rls_tok_has_digit(const char *text, RlsTok tok) {
    for (uint32_t i = tok.start; i < tok.end; i++)
        if (isdigit((unsigned char)text[i])) return true;
    return false;
}

static const char *const words__ones[] = {
    "zero",     "one",     "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", NULL};
static const char *const words__tens[] = {"twenty",  "thirty", "forty",  "fifty", "sixty",
                                          "seventy", "eighty", "ninety", NULL};

/* Value of a single number word or a hyphenated "twenty-five"; -1 if none. */
static long words__simple(const char *s, size_t n) {
    for (size_t i = 0; words__ones[i]; i++)
        if (strlen(words__ones[i]) == n && strncasecmp(s, words__ones[i], n) == 0) return (long)i;
    for (size_t i = 0; words__tens[i]; i++) {
        size_t k = strlen(words__tens[i]);
        if (n >= k && strncasecmp(s, words__tens[i], k) == 0) {
            long v = 20 + 10 * (long)i;
            if (n == k) return v;
            if (s[k] != '-') return -1;
            long u = words__simple(s + k + 1, n - k - 1);
            return u >= 1 && u <= 9 ? v + u : -1;
        }
    }
    return -1;
}

size_t rls_number_words(const char *text, const RlsToks *toks, size_t w, uint64_t *value) {
    uint64_t total = 0, current = 0;
    size_t used = 0, i = w;
    bool any = false, have_small = false;
    while (i < toks->len) {
        RlsTok t = toks->items[i];
        /* Only a space may separate the words of one number. */
        if (i > w) {
            RlsTok p = toks->items[i - 1];
            if (t.start != p.end + 1 || text[p.end] != ' ') break;
        }
        const char *s = text + t.start;
        size_t n = t.end - t.start;
        long v = words__simple(s, n);
        bool next_scale = false;
        if (i + 1 < toks->len) {
            RlsTok nt = toks->items[i + 1];
            next_scale = rls_tok_in(
                text, nt,
                (const char *const[]){"hundred", "thousand", "million", "billion", "dozen", NULL});
        }
        if (v >= 0) {
            if (have_small) break; /* "five six" is two numbers */
            current += (uint64_t)v;
            have_small = true;
        } else if (!any && (rls_tok_is(text, t, "a") || rls_tok_is(text, t, "an")) && next_scale) {
            current = 1;
            have_small = true;
            i++;
            continue;
        } else if (rls_tok_is(text, t, "hundred")) {
            if (!have_small) break;
            current *= 100;
            have_small = false;
        } else if (rls_tok_is(text, t, "dozen")) {
            current = (current ? current : 1) * 12;
            have_small = false;
        } else if (rls_tok_is(text, t, "thousand") || rls_tok_is(text, t, "million") ||
                   rls_tok_is(text, t, "billion")) {
            if (!any && !have_small) break;
            uint64_t scale = rls_tok_is(text, t, "thousand")  ? 1000u
                             : rls_tok_is(text, t, "million") ? 1000000u
                                                              : 1000000000u;
            total += (current ? current : 1) * scale;
            current = 0;
            have_small = false;
        } else if (rls_tok_is(text, t, "and") && any && i + 1 < toks->len) {
            RlsTok nt = toks->items[i + 1];
            if (words__simple(text + nt.start, nt.end - nt.start) < 0) break;
            i++;
            continue;
        } else {
            break;
        }
        any = true;
        i++;
        used = i - w;
    }
    if (!any) return 0;
    *value = total + current;
    return used;
}
