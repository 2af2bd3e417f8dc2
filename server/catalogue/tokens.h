/*
 * tokens.h - the catalogue's character classes and token boundaries, shared
 * with server/keywords/ (completion and the keyword rules read words the way
 * the catalogue matches them).
 */
#ifndef RLS_CATALOGUE_TOKENS_H_
#define RLS_CATALOGUE_TOKENS_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ASCII lower-casing that leaves every other byte alone. */
static inline unsigned char rls_kw__lower(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* Decodes the UTF-8 character at text[i] (i < len) with the one decoder,
 * rls_utf8_decode; sets *next_byte to the offset after it. A malformed
 * byte is one byte of U+FFFD. */
uint32_t rls_kw__decode(const char *text, size_t len, size_t i, size_t *next_byte);
/* Decodes the character that ends just before offset i (i > 0); sets
 * *start_byte to where it starts. */
uint32_t rls_kw__decode_back(const char *text, size_t i, size_t *start_byte);
/* A letter or digit that continues a word: ASCII alphanumerics, Latin,
 * Greek and Cyrillic letters. CJK, punctuation, symbols and emoji are not:
 * a term written right next to them ("使用Go开发") still matches. */
bool rls_kw__is_word_cp(uint32_t cp);

/* True when a token may start at i / end at e (the catalogue's rules;
 * exact: hyphens join words, as in "Go-to-market"). */
bool rls_kw__left_ok(const char *text, size_t i, bool exact);
bool rls_kw__right_ok(const char *text, size_t len, size_t e, bool exact, bool ends_in_symbol);

/* Compares form[0..flen) with text at i: ASCII case folded unless exact,
 * and a space or hyphen in the form matches any run of spaces, hyphens and
 * line breaks. Returns the number of text bytes matched, 0 for no match. */
size_t rls_kw__match_form(const char *text, size_t len, size_t i, const char *form, size_t flen,
                          bool exact);

#endif /* RLS_CATALOGUE_TOKENS_H_ */
