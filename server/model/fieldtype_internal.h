/*
 * fieldtype_internal.h - the word lexicon behind rls_field_type_score, open
 * to tests/unit/fieldtype_test.c so the lookup can be checked against the
 * embedded field-words.tsv entry by entry.
 */
#ifndef RLS_MODEL_FIELDTYPE_INTERNAL_H_
#define RLS_MODEL_FIELDTYPE_INTERNAL_H_

#include <stddef.h>

#include "rls/fieldtype.h"

/* The kinds a lexicon word can give: the field types, then "study" (a
 * subject, which adds to a degree), "place" (a word naming a place) and
 * "note" (a remark on how a role was held: part-time, startup). */
enum {
    RLS_FIELD__STUDY = RLS_FIELD_N_TYPES,
    RLS_FIELD__PLACE_WORD,
    RLS_FIELD__NOTE_WORD,
    RLS_FIELD__N_KINDS
};

/* Longest folded word compared with the lexicon, in bytes; the scanner cuts
 * longer words there. */
#define RLS_FIELD__WORD_MAX 47

/* Raises kinds[k] to the highest weight any non-CJK lexicon entry of kind k
 * gives the folded word w[0..n) (lower case, no dots or hyphens): an entry
 * "engineer" when w is "engineer", an entry "engineer*" when w starts with
 * "engineer". kinds has RLS_FIELD__N_KINDS entries; n <= RLS_FIELD__WORD_MAX.
 * Borrows w. */
void rls_field__word_kinds(const char *w, size_t n, float *kinds);

#endif /* RLS_MODEL_FIELDTYPE_INTERNAL_H_ */
