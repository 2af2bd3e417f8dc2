/*
 * dates.h - the one date grammar: dates and date ranges as resumes write
 * them, in English, French, German, Spanish, Portuguese, Italian, Chinese,
 * Japanese and Korean.
 *
 * It sits below every layer that reads dates (server/text/, depending on
 * nothing but common.h): the parsers decide from it which line of an entry
 * holds the dates, the model stores what it read, the rules (tense-mismatch,
 * date-format) and the score use what the model stored. Nothing else in the
 * program recognises month names, open ends or year digits.
 *
 * What it reads (tests/unit/dates_test.c has the full table):
 *   ranges with any dash (- -- --- – — ‒ ‐ ‑ − ~ ～ 〜 →) or word (to, until,
 *     till, through, bis, à, au, a, al, até, hasta, fino a, 至, から),
 *   open ends ("Present", "Current", "Now", "Today", "to date", "Since 2020",
 *     "depuis", "seit", "desde", "dal", "heute", "Maintenant", "actualidad",
 *     "atualmente", "presente", "oggi", "至今", "現在", "현재", "今", a
 *     range left open "2021–"),
 *   months in six languages, full or abbreviated, with or without a dot, in
 *     any case ("févr.", "MÄRZ", "août", "Sept", "dic."),
 *   numeric forms (2021-03, 03/2021, 2021.3, 2021/03, 2021年3月, 2021년 3월),
 *   seasons ("Summer 2019", "Fall 2020", "Été 2019", "Herbst 2018"), years
 *     alone, days ("12 March 2021", "March 12, 2021", "12. März 2021",
 *     "12 de marzo de 2021", "2021-03-12", "15.03.2021"),
 *   a date glued to the next word ("2021Present", "May 2020Google"), a range
 *     within one year ("Jan–Mar 2021") and a short end year ("2019-20").
 * What it refuses: a number that is not a year (1900-2099; two-digit years
 * only glued to a month, "Aug19", "Jan '19", or in a numeric range
 * "10/15-5/16"): "Python 3.11", "ISO 9001", "top 10%", "2,000 users",
 * "Windows 10", "COVID-19", version numbers, and a year continuing a number
 * group ("+1 415 555 2019", "ISO 9001:2015"). A year inside a publication or
 * venue title ("NeurIPS 2021") is a date: it says when the work appeared.
 */
#ifndef RLS_DATES_H_
#define RLS_DATES_H_

#include "rls/common.h"

/* How one end of a range is known. */
typedef enum {
    RLS_DATE_UNKNOWN = 0, /* nothing known ("1667 - death": the end) */
    RLS_DATE_EXACT,       /* a month is known (a day may have been written too) */
    RLS_DATE_SEASON,      /* "Summer 2019": month is the season's first month */
    RLS_DATE_YEAR,        /* a year alone */
    RLS_DATE_PRESENT,     /* an open end: "Present", "至今", "Since 2020" */
} RlsDateKind;

/* How a date is written, for the date-format consistency rule and the
 * formatting score. */
typedef enum {
    RLS_DATE_STYLE_NONE = 0,   /* not recognised, or an open end */
    RLS_DATE_STYLE_MONTH_NAME, /* "Jan 2021", "January 2021", "Sep. 2020", "12 March 2021" */
    RLS_DATE_STYLE_NUMERIC,    /* "01/2021", "1/2021", "3.2020" */
    RLS_DATE_STYLE_ISO,        /* "2021-01", "2021/01" */
    RLS_DATE_STYLE_DOTTED,     /* "2021.01", "2018.9" */
    RLS_DATE_STYLE_YEAR,       /* "2021" */
    RLS_DATE_STYLE_CJK,        /* "2021年3月", "2021년 3월" ("2021年" alone is YEAR) */
    RLS_DATE_STYLE_SEASON,     /* "Summer 2020"; stays the last style */
    RLS_DATE_STYLE_COUNT
} RlsDateStyle;

typedef struct {
    int16_t year;  /* 0 when unknown */
    int8_t month;  /* 1..12, 0 when the text gives only a year */
    bool present;  /* an open end; the same as kind == RLS_DATE_PRESENT */
    uint8_t kind;  /* RlsDateKind */
    uint8_t style; /* RlsDateStyle of this end as written */
} RlsDate;

typedef struct {
    RlsDate start;
    RlsDate end;  /* equals start for a single date */
    bool valid;   /* false when no date range was recognised */
    RlsSpan span; /* where the date text is in the source (set by the parsers) */
} RlsDateRange;

/* Finds the first date range inside text[0..len) ("Acme — Jan 2021 – Present"
 * finds "Jan 2021 – Present"; "Since May 2020" finds the whole phrase as an
 * open range). Borrows text. On success fills *out (span left zero, valid
 * set) and sets [*start_byte, *end_byte) to where the date text is in text;
 * returns false and leaves *out zero otherwise. A lone number is never a
 * date: see the file comment. */
bool rls_date_range_find(const char *text, size_t len, RlsDateRange *out, size_t *start_byte,
                         size_t *end_byte);

/* Parses text[0..len) that must be a date or a range as a whole (spaces,
 * brackets and trailing punctuation aside): "Jan 2021 – Present",
 * "Since 2020", "(2014)". Returns true and fills *out (span left zero). */
bool rls_date_range_parse(const char *text, size_t len, RlsDateRange *out);

/* Reads text that the layout marks as the dates of an entry, such as a code
 * span alone on the line above it ("`2012`", "`June 1661 - now`"). Unlike
 * rls_date_range_parse it takes years from 1000 (a historical CV), and
 * "1667 - death" as a start with an unknown end (year 0). */
bool rls_date_slot_parse(const char *text, size_t len, RlsDateRange *out);

/* True when text[0..len) looks like the dates of an entry even where no
 * range can be read from it: a range, a year standing alone, or a word for
 * an open end ("Present", "heute"). The LaTeX reader uses it to tell a dates
 * argument from a place. */
bool rls_date_text_looks_dated(const char *text, size_t len);

/* True when the number at text[start_byte, end_byte) is part of a date
 * written around it, so it is no quantity: a date read by the grammar that
 * covers it ("March 12, 2021", "12 mars 2020", "2021年3月"), or an English
 * month word next to a bare day ("March 12", "12 March"). Borrows text. */
bool rls_date_number_in_date(const char *text, size_t len, size_t start_byte, size_t end_byte);

/* Finds the first numeric date whose month does not exist: "13/2020",
 * "00/2021", "2021-13", "2020/00" (a four-digit year, 1900-2099, beside a
 * two-digit month). "2019-20" and "2015-19" are short ranges, not months,
 * and "15.03.2021" is a day. Sets [*start_byte, *end_byte) to the date
 * text. Borrows text. */
bool rls_date_bad_month_find(const char *text, size_t len, size_t *start_byte, size_t *end_byte);

/* Style of the first date range in text[0..len); RLS_DATE_STYLE_NONE when
 * there is none ("Present" alone). */
RlsDateStyle rls_date_style(const char *text, size_t len);

/* A short example of a style ("Jan 2021"), static; "" for NONE. */
const char *rls_date_style_example(RlsDateStyle style);

#endif /* RLS_DATES_H_ */
