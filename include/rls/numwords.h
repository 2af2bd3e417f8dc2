/*
 * numwords.h - numbers written in words ("twelve", "twenty-five", "a
 * hundred", "three thousand five hundred"): the one grammar that the rules
 * detect them with (spelled-out-number, no-metric) and the rewrites turn
 * them into digits with.
 *
 * The grammar, over English number words in any case:
 *   number := ["a" | "an"] group {scale group}   scale: thousand, million,
 *                                                 billion (a scale may end it)
 *   group  := small ["hundred" ["and"] [small]] | small "dozen"
 *   small  := zero .. nineteen | tens [unit]      (tens: twenty .. ninety)
 * The words of one number are joined by a single space or hyphen
 * ("twenty-five", "twenty five", "two-hundred"). "a"/"an" stands for one
 * only before hundred, dozen or a scale ("a hundred", "a dozen").
 *
 * What a caller counts as worth reporting ("one of", "zero downtime", "two
 * or three", "Four Seasons") is its own policy: the grammar only reads.
 * Nothing here allocates.
 */
#ifndef RLS_NUMWORDS_H_
#define RLS_NUMWORDS_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What one number word is. */
typedef enum {
    RLS_NUMWORD_NONE = 0, /* no number word ("none", "someone", "once") */
    RLS_NUMWORD_SMALL,    /* zero .. nineteen, twenty .. ninety */
    RLS_NUMWORD_HUNDRED,  /* hundred */
    RLS_NUMWORD_DOZEN,    /* dozen */
    RLS_NUMWORD_SCALE,    /* thousand, million, billion */
} RlsNumWordKind;

/* The kind of the single word w[0..n) (ASCII, any case; the whole of it must
 * be the word: "tens" is none) and, when value is not NULL, its value (12 for
 * "twelve", 12 for "dozen", 1000 for "thousand"). */
RlsNumWordKind rls_numword_kind(const char *w, size_t n, uint64_t *value);

/* A number read from text. */
typedef struct {
    uint64_t value;    /* 25 for "twenty-five" */
    uint32_t end_byte; /* just past its last word, in the text's bytes */
    uint32_t words;    /* how many words it took, "a" and "and" included */
} RlsNumWords;

/* Reads the longest number starting at text[at_byte] (which should start a
 * word) into *out. A number word counts only as a whole word: one followed
 * by a letter, digit, underscore, apostrophe or non-ASCII byte is none. The
 * number ends before anything else: "three-tier" reads "three", ending
 * before the hyphen. False, with *out unspecified, when no number starts
 * there. Borrows text. */
bool rls_numwords_read(const char *text, size_t len, size_t at_byte, RlsNumWords *out);

#endif /* RLS_NUMWORDS_H_ */
