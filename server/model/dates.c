/*
 * dates.c - parsing date ranges as resumes write them (model.h, lines.h).
 *
 * A small hand-written scanner rather than a regular expression: resumes mix
 * month names in several languages, seasons, numeric forms ("03/2020",
 * "2018.9", "2019年3月"), two-digit years ("Aug19", "10/15") and a dozen
 * dashes, and each form needs its own plausibility check so that "3.7/4.0"
 * or "£500" never reads as a date.
 */
#include <ctype.h>
#include <string.h>

#include "model/lines.h"

typedef struct {
    const char *p; /* cursor */
    const char *end;
} DateScan;

typedef struct {
    const char *word; /* lower-case UTF-8 */
    int8_t month;     /* 1..12, or 13..16 for spring, summer, fall, winter */
} DateWord;

/* Longer spellings first where one is a prefix of another does not matter:
 * words are matched whole. Several languages appear because the corpus and
 * users write in them; seasons map to a representative month. */
static const DateWord dates__words[] = {
    {"january", 1},
    {"jan", 1},
    {"february", 2},
    {"feb", 2},
    {"march", 3},
    {"mar", 3},
    {"april", 4},
    {"apr", 4},
    {"may", 5},
    {"june", 6},
    {"jun", 6},
    {"july", 7},
    {"jul", 7},
    {"august", 8},
    {"aug", 8},
    {"september", 9},
    {"sept", 9},
    {"sep", 9},
    {"october", 10},
    {"oct", 10},
    {"november", 11},
    {"nov", 11},
    {"december", 12},
    {"dec", 12},
    /* French */
    {"janvier", 1},
    {"janv", 1},
    {"février", 2},
    {"fevrier", 2},
    {"févr", 2},
    {"fév", 2},
    {"mars", 3},
    {"avril", 4},
    {"avr", 4},
    {"mai", 5},
    {"juin", 6},
    {"juillet", 7},
    {"juil", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"déc", 12},
    /* Portuguese and Spanish */
    {"janeiro", 1},
    {"fevereiro", 2},
    {"fev", 2},
    {"março", 3},
    {"marco", 3},
    {"abril", 4},
    {"abr", 4},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"agosto", 8},
    {"ago", 8},
    {"setembro", 9},
    {"set", 9},
    {"outubro", 10},
    {"out", 10},
    {"dezembro", 12},
    {"dez", 12},
    {"enero", 1},
    {"ene", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"septiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"dic", 12},
    /* German */
    {"januar", 1},
    {"februar", 2},
    {"märz", 3},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    /* Seasons */
    {"spring", 13},
    {"summer", 14},
    {"fall", 15},
    {"autumn", 15},
    {"winter", 16},
};

static const int8_t dates__season_month[4] = {3, 6, 9, 12};

/* Words meaning "still going". Multi-word ones are matched as phrases. */
static const char *const dates__present[] = {
    "present", "current", "currently", "now",   "today",    "ongoing", "to date",     "till date",
    "heute",   "présent", "actuel",    "atual", "presente", "hoy",     "aujourd'hui", "至今",
    "现在",    "現在",    "今",        "현재",  "재직중",   "재학중",  "進行中",
};

/* ---- Scanning primitives -------------------------------------------------- */

static uint32_t dates__decode(const char *p, const char *end, int *n_bytes) {
    const unsigned char *s = (const unsigned char *)p;
    if (s[0] < 0x80 || p + 1 >= end) {
        *n_bytes = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0) {
        *n_bytes = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0 && p + 2 < end) {
        *n_bytes = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    if ((s[0] & 0xF8) == 0xF0 && p + 3 < end) {
        *n_bytes = 4;
        return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
    *n_bytes = 1;
    return 0xFFFD;
}

/* Letters for the purpose of words: ASCII letters, Latin-1/Latin Extended,
 * Hangul and CJK (year/month markers are handled before words are read). */
static bool dates__is_letter(uint32_t cp) {
    if (cp < 0x80) return isalpha((int)cp) || cp == '\'';
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return true;
    if (cp >= 0x3040 && cp <= 0x9FFF) return true;
    if (cp >= 0xAC00 && cp <= 0xD7AF) return true;
    return false;
}

static void dates__skip_space(DateScan *s) {
    while (s->p < s->end) {
        unsigned char c = (unsigned char)*s->p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            s->p++;
        } else if (c == 0xC2 && s->p + 1 < s->end && (unsigned char)s->p[1] == 0xA0) {
            s->p += 2; /* no-break space */
        } else {
            break;
        }
    }
}

/* Reads a run of letters; returns its length in bytes (0 if none). */
static size_t dates__word_len(const char *p, const char *end) {
    const char *q = p;
    while (q < end) {
        int n;
        uint32_t cp = dates__decode(q, end, &n);
        if (!dates__is_letter(cp)) break;
        q += n;
    }
    return (size_t)(q - p);
}

static bool dates__word_eq(const char *p, size_t n, const char *word) {
    size_t wn = strlen(word);
    if (wn != n) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)p[i];
        if (a < 0x80) a = (unsigned char)tolower(a);
        /* Upper-case Latin-1 letters (À..Þ) differ from lower case by 0x20
         * in their second UTF-8 byte. */
        if (i > 0 && (unsigned char)p[i - 1] == 0xC3 && a >= 0x80 && a <= 0x9E) a += 0x20;
        if (a != (unsigned char)word[i]) return false;
    }
    return true;
}

static size_t dates__digits(const char *p, const char *end, int *value) {
    size_t n = 0;
    int v = 0;
    while (p + n < end && isdigit((unsigned char)p[n]) && n < 5) {
        v = v * 10 + (p[n] - '0');
        n++;
    }
    /* A longer digit run is a number, not a date part. */
    if (p + n < end && isdigit((unsigned char)p[n])) return 0;
    *value = v;
    return n;
}

static int dates__expand_yy(int yy) {
    return yy < 50 ? 2000 + yy : 1900 + yy;
}

static bool dates__plausible_year(int y) {
    return y >= 1900 && y <= 2099;
}

/* ---- One date ------------------------------------------------------------- */

/* Matches a present word at s->p. */
static bool dates__present_at(DateScan *s) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(dates__present); i++) {
        const char *w = dates__present[i];
        size_t wn = strlen(w);
        if ((size_t)(s->end - s->p) < wn) continue;
        bool same = true;
        for (size_t k = 0; k < wn && same; k++) {
            unsigned char a = (unsigned char)s->p[k];
            if (a < 0x80) a = (unsigned char)tolower(a);
            same = a == (unsigned char)w[k];
        }
        if (!same) continue;
        /* Whole word only: "nowhere" is not "now". */
        if (s->p + wn < s->end && (unsigned char)w[0] < 0x80 &&
            dates__word_len(s->p + wn, s->end) > 0)
            continue;
        s->p += wn;
        return true;
    }
    return false;
}

/* Reads a month or season word. Returns 1..16 or 0. */
static int dates__month_word(DateScan *s) {
    size_t n = dates__word_len(s->p, s->end);
    if (n == 0) return 0;
    for (size_t i = 0; i < RLS_ARRAY_LEN(dates__words); i++) {
        if (dates__word_eq(s->p, n, dates__words[i].word)) {
            s->p += n;
            return dates__words[i].month;
        }
    }
    return 0;
}

/* Parses one date at s->p; `in_range` allows the weaker "MM/YY" form. */
static bool dates__one(DateScan *s, RlsDate *out, bool in_range) {
    DateScan t = *s;
    memset(out, 0, sizeof(*out));
    if (dates__present_at(&t)) {
        out->present = true;
        *s = t;
        return true;
    }
    /* "2020 to date": the separator took "to", leaving "date". */
    size_t wn = dates__word_len(t.p, t.end);
    if (in_range && wn && dates__word_eq(t.p, wn, "date")) {
        out->present = true;
        s->p = t.p + wn;
        return true;
    }
    int m = dates__month_word(&t);
    if (m) {
        /* "Sep. 2020", "January, 2020", "Oct 2017", "Aug19", "Jan '19" */
        bool glued = true;
        if (t.p < t.end && (*t.p == '.' || *t.p == ',')) t.p++, glued = false;
        if (t.p < t.end && (*t.p == ' ' || *t.p == '\t')) glued = false;
        dates__skip_space(&t);
        bool apostrophe = false;
        if (t.p < t.end && (*t.p == '\'' || (unsigned char)*t.p == 0xE2)) {
            if (*t.p == '\'')
                t.p++, apostrophe = true;
            else if (t.end - t.p >= 3 && !memcmp(t.p, "\xE2\x80\x99", 3))
                t.p += 3, apostrophe = true;
        }
        int y;
        size_t n = dates__digits(t.p, t.end, &y);
        if (n == 4 && dates__plausible_year(y)) {
            t.p += n;
        } else if (n == 2 && (glued || apostrophe)) {
            t.p += n;
            y = dates__expand_yy(y);
        } else {
            return false;
        }
        out->year = (int16_t)y;
        out->month = (int8_t)(m > 12 ? dates__season_month[m - 13] : m);
        *s = t;
        return true;
    }
    int a;
    size_t n = dates__digits(t.p, t.end, &a);
    if (n == 0) return false;
    t.p += n;
    if (n == 4 && dates__plausible_year(a)) {
        out->year = (int16_t)a;
        /* "2019年3月", also spaced as typed around LaTeX macros ("2015 年5 月"). */
        const char *q = t.p;
        while (q < t.end && *q == ' ')
            q++;
        if (t.end - q >= 3 && !memcmp(q, "年", 3)) {
            t.p = q + 3;
            const char *r = t.p;
            while (r < t.end && *r == ' ')
                r++;
            int mm = 0;
            size_t k = dates__digits(r, t.end, &mm);
            const char *u = r + k;
            while (u < t.end && *u == ' ')
                u++;
            if (k >= 1 && k <= 2 && mm >= 1 && mm <= 12 && t.end - u >= 3 && !memcmp(u, "月", 3)) {
                t.p = u + 3;
                out->month = (int8_t)mm;
            }
            *s = t;
            return true;
        }
        /* "2018.9", "2023.02", "2021-05", "2021/05": a one- or two-digit
         * month glued to the year. "2019-20" (a short range) has no month
         * 20, so it stays a year and the caller reads the range. */
        if (t.p + 1 < t.end && (*t.p == '.' || *t.p == '-' || *t.p == '/')) {
            int mm;
            size_t k = dates__digits(t.p + 1, t.end, &mm);
            if (k >= 1 && k <= 2 && mm >= 1 && mm <= 12 && (k == 2 || *t.p == '.')) {
                t.p += 1 + k;
                out->month = (int8_t)mm;
                /* A day after it ("2002-05-11") is dropped. */
                if (t.p + 1 < t.end && (*t.p == '.' || *t.p == '-' || *t.p == '/')) {
                    int dd;
                    size_t d = dates__digits(t.p + 1, t.end, &dd);
                    if (d >= 1 && d <= 2 && dd >= 1 && dd <= 31) t.p += 1 + d;
                }
            }
        }
        *s = t;
        return true;
    }
    if (n <= 2 && a >= 1 && a <= 12 && t.p + 1 < t.end && (*t.p == '/' || *t.p == '.')) {
        /* "03/2020", "3.2020", and inside a range "10/15" */
        int y;
        size_t k = dates__digits(t.p + 1, t.end, &y);
        if (k == 4 && dates__plausible_year(y)) {
            t.p += 1 + k;
        } else if (k == 2 && in_range && *t.p == '/') {
            t.p += 1 + k;
            y = dates__expand_yy(y);
        } else {
            return false;
        }
        out->year = (int16_t)y;
        out->month = (int8_t)a;
        *s = t;
        return true;
    }
    return false;
}

/* ---- Ranges --------------------------------------------------------------- */

/* Consumes a range separator: dashes of every width, "~", "to", "until",
 * "→", "至". Returns false when there is none. */
static bool dates__separator(DateScan *s) {
    static const char *const seps[] = {
        "---",
        "--",
        "-",
        "\xE2\x80\x93",
        "\xE2\x80\x94",
        "\xE2\x80\x92",
        "\xE2\x88\x92",
        "~",
        "\xEF\xBD\x9E" /* ～ */,
        "\xE3\x80\x9C" /* 〜 */,
        "\xE2\x86\x92" /* → */,
        "至",
        "&ndash;",
        "&mdash;",
    };
    static const char *const words[] = {"to",  "until", "till", "through", "thru",
                                        "bis", "à",     "a",    "até",     "hasta"};
    DateScan t = *s;
    dates__skip_space(&t);
    for (size_t i = 0; i < RLS_ARRAY_LEN(seps); i++) {
        size_t n = strlen(seps[i]);
        if ((size_t)(t.end - t.p) >= n && !memcmp(t.p, seps[i], n)) {
            /* "至今" is itself "until now": leave it for the present word. */
            if (!strcmp(seps[i], "至") && t.end - t.p >= 6 && !memcmp(t.p, "至今", 6)) {
                *s = t;
                return true;
            }
            t.p += n;
            *s = t;
            return true;
        }
    }
    size_t n = dates__word_len(t.p, t.end);
    for (size_t i = 0; i < RLS_ARRAY_LEN(words) && n; i++) {
        if (dates__word_eq(t.p, n, words[i])) {
            t.p += n;
            *s = t;
            return true;
        }
    }
    return false;
}

static bool dates__before(const RlsDate *a, const RlsDate *b) {
    if (b->present) return true;
    if (a->present) return false;
    if (a->year != b->year) return a->year < b->year;
    return a->month == 0 || b->month == 0 || a->month <= b->month;
}

/* Parses a date or a range at s->p. A range end with no year borrows the
 * start's ("Jan - Mar 2020" reads as Jan 2020 - Mar 2020) and a short year
 * ("2019-20") borrows its century. */
static bool dates__range(DateScan *s, RlsDateRange *out) {
    DateScan t = *s;
    RlsDate a, b;
    memset(out, 0, sizeof(*out));
    /* Try the range reading first so that "10/15-5/16" is two dates. */
    DateScan r = t;
    if (dates__one(&r, &a, true) && !a.present) {
        DateScan u = r;
        if (dates__separator(&u)) {
            dates__skip_space(&u);
            DateScan v = u;
            if (dates__one(&v, &b, true)) {
                if (!b.present && b.year == 0) return false;
                out->start = a;
                out->end = b;
                out->valid = true;
                *s = v;
                return true;
            }
            /* "2019-20": a two-digit end year */
            int yy;
            size_t k = dates__digits(u.p, u.end, &yy);
            if (k == 2 && a.month == 0 && a.year % 100 < yy + 1) {
                b = (RlsDate){.year = (int16_t)(a.year / 100 * 100 + yy)};
                if (dates__before(&a, &b)) {
                    u.p += k;
                    out->start = a;
                    out->end = b;
                    out->valid = true;
                    *s = u;
                    return true;
                }
            }
        }
        /* The weak "10/15" form needs the other half of a range. */
        DateScan w = t;
        if (!dates__one(&w, &a, false)) return false;
        out->start = a;
        out->end = a;
        out->valid = true;
        *s = w;
        return true;
    }
    /* "Jan - Mar 2020": a month without its year, then a full date. */
    int m = dates__month_word(&t);
    if (m && m <= 12) {
        if (!dates__separator(&t)) return false;
        dates__skip_space(&t);
        if (!dates__one(&t, &b, true) || b.year == 0) return false;
        out->start = (RlsDate){.year = b.year, .month = (int8_t)m};
        out->end = b;
        out->valid = true;
        *s = t;
        return true;
    }
    return false;
}

bool rls_date_range_parse(const char *text, size_t len, RlsDateRange *out) {
    RlsDateRange r;
    DateScan s = {text, text + len};
    dates__skip_space(&s);
    /* "Since 2020" / "Seit 2020" / "Depuis 2020" mean an open range. */
    bool since = false;
    size_t wn = dates__word_len(s.p, s.end);
    if (wn && (dates__word_eq(s.p, wn, "since") || dates__word_eq(s.p, wn, "seit") ||
               dates__word_eq(s.p, wn, "depuis") || dates__word_eq(s.p, wn, "desde"))) {
        s.p += wn;
        dates__skip_space(&s);
        since = true;
    }
    if (s.p < s.end && (*s.p == '(' || *s.p == '[')) s.p++;
    if (!dates__range(&s, &r)) return false;
    while (s.p < s.end && strchr(" \t\r\n)].,;:", *s.p))
        s.p++;
    if (s.p != s.end) return false;
    if (since && r.start.year == r.end.year && r.start.month == r.end.month)
        r.end = (RlsDate){.present = true};
    if (!r.start.present && r.start.year == 0) return false;
    *out = r;
    return true;
}

bool rls_date_range_find(const char *text, size_t len, RlsDateRange *out, size_t *start_byte,
                         size_t *end_byte) {
    const char *end = text + len;
    for (const char *p = text; p < end;) {
        int n;
        uint32_t cp = dates__decode(p, end, &n);
        /* Only try where a token can begin: after a non-letter, non-digit. */
        bool boundary = true;
        if (p > text) {
            unsigned char prev = (unsigned char)p[-1];
            if (isalnum(prev)) boundary = false;
            if (prev >= 0x80) {
                /* a letter continuing a word ("Sarasa" then a CJK year is fine) */
                const char *q = p - 1;
                while (q > text && ((unsigned char)*q & 0xC0) == 0x80)
                    q--;
                int m;
                uint32_t pc = dates__decode(q, end, &m);
                if (dates__is_letter(pc) && pc < 0x3040) boundary = false;
            }
        }
        if (boundary && (isalnum((unsigned char)*p) || dates__is_letter(cp))) {
            DateScan s = {p, end};
            RlsDateRange r;
            if (dates__range(&s, &r) && !r.start.present) {
                /* The match must end at a token boundary too. */
                bool ends = s.p == end || !isalnum((unsigned char)*s.p);
                if (ends) {
                    *out = r;
                    *start_byte = (size_t)(p - text);
                    *end_byte = (size_t)(s.p - text);
                    return true;
                }
            }
        }
        p += n;
    }
    return false;
}
