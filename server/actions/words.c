/*
 * words.c - splitting plain text into words, and reading numbers written
 * as words (with the core's one grammar, rls/numwords.h), for the
 * rewrites.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "actions/actions_internal.h"
#include "rls/alloc.h"
#include "rls/numwords.h"
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

size_t rls_number_words(const char *text, const RlsToks *toks, size_t w, uint64_t *value) {
    if (w >= toks->len) return 0;
    RlsNumWords num;
    /* The text runs at least to the last token's end; the grammar reads no
     * further than a word past the number. */
    size_t len = toks->items[toks->len - 1].end;
    if (!rls_numwords_read(text, len, toks->items[w].start, &num)) return 0;
    size_t used = 0;
    while (w + used < toks->len && toks->items[w + used].end < num.end_byte)
        used++;
    /* A number that ends inside a token is part of a longer word:
     * "three-tier", "Three.js". */
    if (w + used >= toks->len || toks->items[w + used].end != num.end_byte) return 0;
    *value = num.value;
    return used + 1;
}
