/*
 * fieldtype.h - typing a short text by what it says: how much it reads as a
 * job title, an organisation, a place, a degree or a date range.
 *
 * Entry lines and template arguments are assigned to fields by these
 * scores rather than by position alone, so that "Acme GmbH | Engineer" and
 * "Engineer | Acme GmbH" read the same (issue 13). The words come from
 * server/model/data/field-words.tsv (several languages); the dates from the
 * one date grammar (rls_date_range_find).
 */
#ifndef RLS_FIELDTYPE_H_
#define RLS_FIELDTYPE_H_

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    RLS_FIELD_TITLE,
    RLS_FIELD_ORG,
    RLS_FIELD_LOCATION,
    RLS_FIELD_DEGREE,
    RLS_FIELD_DATE,
    RLS_FIELD_N_TYPES
} RlsFieldType;

/* Scores are 0 (no sign of the type) upwards; 2 or more is a clear sign
 * (a legal suffix, a title word, "City, ST", a whole date range). */
typedef struct {
    float score[RLS_FIELD_N_TYPES];
} RlsFieldScores;

#define RLS_FIELD_CLEAR 2.0f

/* Types text[0..len) (UTF-8). */
void rls_field_type_score(const char *text, size_t len, RlsFieldScores *out);

/* The highest-scoring type, or RLS_FIELD_N_TYPES when nothing scores. */
RlsFieldType rls_field_type_best(const RlsFieldScores *s);

/* True when text types clearly as `type` and as nothing else as much. */
bool rls_field_type_is_clearly(const char *text, size_t len, RlsFieldType type);

/* True when text[0..len) holds a word that remarks on how a role was held
 * ("part-time", "freelance", "初创", "兼职"): such a text in brackets after a
 * title or an organisation is a note, no part of the name. */
bool rls_field_type_is_note(const char *text, size_t len);

/* True when text[0..len) holds a word naming a field of study ("Physics",
 * "Informatique", "物理", "工程"): beside a degree it is the degree's
 * subject. Borrows text. */
bool rls_field_type_is_study(const char *text, size_t len);

/* Settles fields that a positional reading (a template's argument order)
 * put in each other's slots: swaps *title and *org when the title reads
 * clearly as an organisation and the org as a title; when dates are
 * missing (*has_dates false), a title, org or location that is a whole date
 * range is handed back in *date_text (owned, the slot emptied) for the
 * caller to read. In education a degree counts as a title. Strings are
 * owned (rls_malloc). Returns true when anything moved. */
bool rls_field_type_settle(char **title, char **org, char **location, bool has_dates,
                           char **date_text);

#endif /* RLS_FIELDTYPE_H_ */
