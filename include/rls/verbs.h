/*
 * verbs.h - English verb morphology over the one verb table
 * (server/text/data/verbs.tsv): base -> every form, and a form -> its base
 * and which form it is. The rules read it to tell a bullet's tense and to
 * suggest the other tense (tense-mismatch, passive-voice); the rewrites to
 * conjugate the verbs they move.
 *
 * Going forward (base -> past, gerund) the spelling rules are reliable; going
 * back ("migrated" -> "migrate" or "migrat"?) they are not, because English
 * spelling drops an "e" that cannot be seen afterwards. So a form is first
 * matched against the forms of every listed verb, and only unlisted words
 * fall back to reversed rules, when the caller allows a guess.
 *
 * All forms are lower-case ASCII; lookups accept any case. Nothing here
 * allocates: the table is indexed once per process (thread-safe) into static
 * storage.
 */
#ifndef RLS_VERBS_H_
#define RLS_VERBS_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Room for a form and its terminating NUL; longer words are no verbs here. */
#define RLS_VERB_MAX 40

typedef struct {
    char base[RLS_VERB_MAX];       /* "migrate" */
    char past[RLS_VERB_MAX];       /* "migrated" */
    char participle[RLS_VERB_MAX]; /* "migrated" ("written" for write) */
    char gerund[RLS_VERB_MAX];     /* "migrating" */
    char third[RLS_VERB_MAX];      /* "migrates" */
    bool known;                    /* listed in the verb table (else guessed) */
    bool irregular;                /* listed with its own forms: an irregular verb ("ran"), or
                                    * one whose consonant doubles against the rule ("committed") */
} RlsVerb;

/* The forms, as bits so that a word can be several ("cut" is base, past and
 * participle). */
typedef enum {
    RLS_VFORM_NONE = 0,
    RLS_VFORM_BASE = 1 << 0,
    RLS_VFORM_PAST = 1 << 1,
    RLS_VFORM_PARTICIPLE = 1 << 2,
    RLS_VFORM_GERUND = 1 << 3,
    RLS_VFORM_THIRD = 1 << 4,
} RlsVerbForm;

/* ---- Base -> forms ---------------------------------------------------------- */

/* Conjugates a base form (ASCII letters, any case) into *out: the table's
 * forms for a listed verb (its first line when it has two), the spelling
 * rules for any other. False when the word is empty, not alphabetic or
 * RLS_VERB_MAX bytes or longer; *out is then unspecified. */
bool rls_verb_from_base(const char *word, size_t len, RlsVerb *out);

/* True when word is a listed verb's base form (any case). */
bool rls_verb_is_known_base(const char *word, size_t len);

/* ---- Form -> base ----------------------------------------------------------- */

/* Recognises word as the `form` (one RlsVerbForm bit) of a verb and fills
 * *out with that verb. Listed verbs are matched exactly, in table order;
 * otherwise, only when `guess` is true, the spelling rules are reversed
 * (dropped e, doubled consonant, y -> i) and the guess must conjugate back
 * to the word. False when nothing matches. */
bool rls_verb_as(const char *word, size_t len, RlsVerbForm form, bool guess, RlsVerb *out);

/* Every form word is of one verb, as RlsVerbForm bits ("cut" -> BASE | PAST
 * | PARTICIPLE), with that verb in *out: the first listed verb that has word
 * among its forms; else, when `guess` is true, the first of past, gerund and
 * third person that rls_verb_as guesses. RLS_VFORM_NONE when none. */
unsigned rls_verb_read(const char *word, size_t len, bool guess, RlsVerb *out);

/* The `form` of v (one RlsVerbForm bit); "" for any other value. Borrows v. */
const char *rls_verb_form(const RlsVerb *v, RlsVerbForm form);

/* How many lines of the verb table are indexed (tests: none is dropped). */
uint32_t rls_verb_table_size(void);

#endif /* RLS_VERBS_H_ */
