/*
 * heading_synonym.c - which section headings are known synonyms of a
 * standard heading, and which name a kind of their own (rls/rules.h), read
 * from data/heading-synonyms.tsv.
 *
 * The list is short and read only for headings the model did not recognise,
 * so it is scanned in place: no table to build, nothing to free.
 */
#include <string.h>

#include "rls/rules.h"

extern const unsigned char rls_data_heading_synonyms_tsv[];
extern const size_t rls_data_heading_synonyms_tsv_len;

#define SYNONYM_MAX 128

/* heading -> lower-case ASCII words separated by single spaces ("Work
 * History:" -> "work history", "Honors & Awards" -> "honors and awards");
 * bytes of other scripts are kept as they are. Returns the length, 0 when
 * it does not fit. */
static size_t synonym__normalise(const char *text, size_t len, char *out) {
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        const char *put = NULL;
        char one[2] = {0, 0};
        if (c >= 'A' && c <= 'Z') {
            one[0] = (char)(c + 32);
        } else if ((c >= 'a' && c <= 'z') || c >= 0x80) {
            one[0] = (char)c;
        } else if (c == '&') {
            put = "and";
        } else {
            space = n > 0;
            continue;
        }
        if (!put) put = one;
        if (c == '&') space = n > 0;
        size_t pl = strlen(put);
        if (n + pl + 2 >= SYNONYM_MAX) return 0;
        if (space) out[n++] = ' ';
        space = c == '&';
        memcpy(out + n, put, pl);
        n += pl;
    }
    out[n] = '\0';
    return n;
}

/* The standard name of the first row whose heading is key[0..len) (and,
 * when lang is not NULL, whose language is lang), "-" rows included only
 * when `own` asks for them and then only them; NULL when none. */
static const char *synonym__find(const char *key, size_t len, const char *lang, bool own,
                                 size_t *name_len) {
    const char *p = (const char *)rls_data_heading_synonyms_tsv;
    const char *end = p + rls_data_heading_synonyms_tsv_len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *t1 = memchr(p, '\t', (size_t)(le - p));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(le - t1 - 1)) : NULL;
        if (*p != '#' && t1 && t2 && (size_t)(t1 - p) == len && memcmp(p, key, len) == 0) {
            size_t n = (size_t)(t2 - t1 - 1);
            bool dash = n == 1 && t1[1] == '-';
            size_t ll = (size_t)(le - t2 - 1);
            bool lang_ok = !lang || (strlen(lang) == ll && memcmp(t2 + 1, lang, ll) == 0);
            if (dash == own && lang_ok) {
                *name_len = n;
                return t1 + 1;
            }
        }
        p = le + 1;
    }
    return NULL;
}

const char *rls_heading_synonym(const char *heading, size_t len, const char *lang,
                                size_t *name_len) {
    char norm[SYNONYM_MAX];
    size_t n = heading ? synonym__normalise(heading, len, norm) : 0;
    size_t nl = 0;
    const char *name = n ? synonym__find(norm, n, lang, false, &nl) : NULL;
    if (name && name_len) *name_len = nl;
    return name;
}

bool rls_heading_own_kind(const char *heading, size_t len) {
    char norm[SYNONYM_MAX];
    size_t n = heading ? synonym__normalise(heading, len, norm) : 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, nl;
        while (j < n && norm[j] != ' ')
            j++;
        if (synonym__find(norm + i, j - i, NULL, true, &nl)) return true;
        i = j + 1;
    }
    return false;
}
