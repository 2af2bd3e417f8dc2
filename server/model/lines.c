/*
 * lines.c - reading entry lines and contact items from plain text (lines.h).
 *
 * Entry lines are split in two passes: strong separators ("|", "—", " - ",
 * ";", " at ", ...) first, then commas only when the line has no other
 * structure, because a comma inside a field is usually part of it ("Houston,
 * TX", "PhD, Computer Science", "Co., Ltd"). Which field is the role and
 * which the organisation is decided by keywords, then by position (role
 * first, the common "Senior Engineer, Acme" shape).
 */
#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "model/lines.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/fieldtype.h"
#include "rls/hash.h"
#include "rls/keywords.h" /* the technology catalogue: rls_kw_find */

#define LINES_MAX_FIELDS 8

typedef struct {
    const char *p;
    size_t n;
} Field;

static bool lines__prefix_ci(const char *p, const char *word, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)p[i]) != word[i]) return false;
    return true;
}

/* ---- Keyword tests --------------------------------------------------------- */

/* Grades and honours: "Distinction", "First Class Honours", "cum laude". */
static const char *const lines__honour_words[] = {
    "distinction",  "merit", "honours", "honors", "honour",         "honor",
    "laude",        "gpa",   "cgpa",    "grade",  "classification", "valedictorian",
    "salutatorian", "dean",  "deans",   "summa",  "magna",
};

/* A unit of an organisation, first word of its name: "Department of
 * Astronomy", "Center for Theoretical Physics", "Institut für …". */
static const char *const lines__unit_words[] = {
    "department", "dept",   "center",   "centre",      "institute",    "institut",
    "instituto",  "school", "faculty",  "faculté",     "facultad",     "laboratory",
    "lab",        "labs",   "division", "département", "departamento",
};

/* Whether only a comma and spaces stand between fields a and b. */
static bool lines__comma_between(Field a, Field b) {
    const char *x = a.p + a.n, *y = b.p;
    if (x >= y) return false;
    for (const char *c = x; c < y; c++)
        if (*c != ',' && *c != ' ') return false;
    return true;
}

/* Whether only one slash (with spaces, or a field boundary's bar) parts
 * field a from field b after it; b may open with it ("/ Associate
 * Professor" after a bold "Professor"). */
static bool lines__slash_between(Field a, Field b) {
    const char *x = a.p + a.n, *y = b.p;
    int slashes = 0;
    if (x >= y) return false;
    if (b.n > 1 && b.p[0] == '/') y++;
    for (const char *c = x; c < y; c++) {
        if (*c == '/')
            slashes++;
        else if (*c != ' ' && *c != '|')
            return false;
    }
    return slashes == 1;
}

/* The text from the start of a to the end of b. */
static Field lines__span(Field a, Field b) {
    return (Field){a.p, (size_t)(b.p + b.n - a.p)};
}

/* Whether f opens with a unit word (ASCII case folded). */
static bool lines__opens_with_unit(Field f) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(lines__unit_words); i++) {
        size_t n = strlen(lines__unit_words[i]);
        if (f.n > n && f.p[n] == ' ' && lines__prefix_ci(f.p, lines__unit_words[i], n)) return true;
    }
    return false;
}

/* Whole-word, ASCII case-insensitive search for any of `words` in f. Dots
 * are ignored inside words so that "B.S." matches "bs" and "Co." "co". */
static bool lines__has_word(Field f, const char *const *words, size_t n_words) {
    size_t i = 0;
    while (i < f.n) {
        while (i < f.n && !isalnum((unsigned char)f.p[i]))
            i++;
        char w[32];
        size_t wn = 0;
        while (i < f.n && (isalnum((unsigned char)f.p[i]) || f.p[i] == '.' || f.p[i] == '-')) {
            char c = f.p[i++];
            if (c == '.' || c == '-') continue;
            if (wn + 1 < sizeof(w)) w[wn++] = (char)tolower((unsigned char)c);
        }
        w[wn] = '\0';
        if (!wn) continue;
        for (size_t k = 0; k < n_words; k++) {
            if (words[k][0] != w[0]) continue;
            size_t kn = strlen(words[k]);
            /* "universit" is a prefix match, for Universität/Università/... */
            if (!strcmp(w, words[k]) ||
                (!strcmp(words[k], "universit") && !strncmp(w, "universit", kn)))
                return true;
        }
    }
    return false;
}

/* Role and degree words, organisation words: the scored lexicon of
 * fieldtype.c (several languages), read as yes or no here. */
static bool lines__is_title(Field f, RlsSectionKind kind) {
    RlsFieldScores s;
    rls_field_type_score(f.p, f.n, &s);
    if (kind == RLS_SECTION_EDUCATION) return s.score[RLS_FIELD_DEGREE] >= 1.0f;
    return s.score[RLS_FIELD_TITLE] >= 1.0f;
}

/* A field of study ("Computer Science", "Mathématiques", "物理学"): the
 * lexicon's subjects, in every language it holds. */
static bool lines__is_study(Field f) {
    return rls_field_type_is_study(f.p, f.n);
}

static bool lines__is_org(Field f) {
    RlsFieldScores s;
    rls_field_type_score(f.p, f.n, &s);
    return s.score[RLS_FIELD_ORG] >= 1.0f;
}

/* A field that reads as dates or a place ("2020", "Lyon, France") is no
 * title whatever the other field says. */
static bool lines__may_be_title(Field f) {
    RlsFieldScores s;
    rls_field_type_score(f.p, f.n, &s);
    RlsFieldType best = rls_field_type_best(&s);
    return best != RLS_FIELD_DATE && best != RLS_FIELD_LOCATION;
}

/* How much more a field reads as the entry's title (a role, or a degree
 * in education) than as its organisation. */
static float lines__title_lean(Field f, RlsSectionKind kind) {
    RlsFieldScores s;
    rls_field_type_score(f.p, f.n, &s);
    float t = kind == RLS_SECTION_EDUCATION ? s.score[RLS_FIELD_DEGREE] : s.score[RLS_FIELD_TITLE];
    return t - s.score[RLS_FIELD_ORG];
}

/* A field a reader takes for the grade of a degree: short, with an honour
 * word ("Distinction", "First Class Honours", "GPA 3.8/4.0"). */
static bool lines__is_honour(Field f) {
    return f.n > 0 && f.n <= 40 &&
           lines__has_word(f, lines__honour_words, RLS_ARRAY_LEN(lines__honour_words));
}

bool rls_entry_field_names_job(const char *text, size_t len) {
    return lines__is_title((Field){text, len}, RLS_SECTION_EXPERIENCE);
}

bool rls_entry_field_is_role(const char *text, size_t len) {
    Field f = {text, len};
    return lines__is_title(f, RLS_SECTION_EXPERIENCE) || lines__is_title(f, RLS_SECTION_EDUCATION);
}

bool rls_entry_field_is_honour(const char *text, size_t len) {
    Field f = {text, len};
    while (f.n && (f.p[0] == ' ' || f.p[0] == '\t'))
        f.p++, f.n--;
    while (f.n && strchr(" \t.;,", f.p[f.n - 1]))
        f.n--;
    return lines__is_honour(f);
}

/* "Houston, TX", "Berlin, Germany", "Remote", "Dallas, TX (and other
 * locations)". */
static bool lines__is_location(Field f) {
    if (f.n >= 2 && f.p[0] == '(' && f.p[f.n - 1] == ')') {
        f.p++;
        f.n -= 2;
    } else if (f.n >= 2 && f.p[f.n - 1] == ')') {
        const char *open = memchr(f.p, '(', f.n);
        if (open && open > f.p) f.n = (size_t)(open - f.p);
        while (f.n && f.p[f.n - 1] == ' ')
            f.n--;
    }
    const char *comma = memchr(f.p, ',', f.n);
    Field last = f;
    if (comma) {
        last.p = comma + 1;
        last.n = f.n - (size_t)(last.p - f.p);
        while (last.n && last.p[0] == ' ')
            last.p++, last.n--;
        /* "Acme GmbH, Bochum" is a company with its place, not a place. */
        Field head = {f.p, (size_t)(comma - f.p)};
        if (lines__is_org(head) || lines__is_title(head, RLS_SECTION_EXPERIENCE) ||
            lines__is_title(head, RLS_SECTION_EDUCATION))
            return false;
        if (last.n == 2 && isupper((unsigned char)last.p[0]) && isupper((unsigned char)last.p[1]))
            return true;
    } else if (f.n > 24) {
        return false;
    }
    if (last.n >= 24) return false;
    /* "New York, NY, USA" is a place; "Hooli, Palo Alto, CA" a name first. */
    const char *second = memchr(last.p, ',', last.n);
    if (second && !(second - last.p == 2 && isupper((unsigned char)last.p[0]) &&
                    isupper((unsigned char)last.p[1])))
        return false;
    RlsFieldScores s;
    rls_field_type_score(last.p, last.n, &s);
    if (comma && s.score[RLS_FIELD_LOCATION] > 0.0f && s.score[RLS_FIELD_LOCATION] < 3.0f) {
        /* "Doctolib, Paris": a city (no country, state or code) after a
         * name that is no place is where that employer or school is; the
         * two are no place together ("Lyon, France" and "Paris, TX" are). */
        RlsFieldScores h;
        rls_field_type_score(f.p, (size_t)(comma - f.p), &h);
        if (h.score[RLS_FIELD_LOCATION] == 0.0f) return false;
    }
    return s.score[RLS_FIELD_LOCATION] > 0.0f;
}

/* ---- Splitting ------------------------------------------------------------- */

/* Whether the word that closes f (with its dot) is an abbreviation: short
 * ("Inc.", "Corp.") or dotted within ("B.S."). */
static bool lines__abbreviation_end(Field f) {
    size_t start = f.n;
    while (start && f.p[start - 1] != ' ')
        start--;
    Field word = {f.p + start, f.n - start};
    return word.n <= 5 || memchr(word.p, '.', word.n - 1) != NULL;
}

static Field lines__trim(Field f) {
    /* Spaces and the punctuation left behind by a removed separator or date. */
    static const char edge[] = " \t,;:|-.*_";
    while (f.n && strchr(edge, f.p[0]))
        f.p++, f.n--;
    while (f.n && strchr(edge, f.p[f.n - 1])) {
        /* keep the dot of "Inc." / "Co." and of "B.S.", not the full stop
         * after "University of California at Irvine." */
        if (f.p[f.n - 1] == '.' && f.n >= 2 && isalpha((unsigned char)f.p[f.n - 2]) &&
            lines__abbreviation_end(f) && lines__is_org(f))
            break;
        f.n--;
    }
    /* Dashes of every width at the edges. */
    for (;;) {
        if (f.n >= 3 && (!memcmp(f.p, "\xE2\x80\x93", 3) || !memcmp(f.p, "\xE2\x80\x94", 3))) {
            f.p += 3, f.n -= 3;
        } else if (f.n >= 3 && (!memcmp(f.p + f.n - 3, "\xE2\x80\x93", 3) ||
                                !memcmp(f.p + f.n - 3, "\xE2\x80\x94", 3))) {
            f.n -= 3;
        } else {
            break;
        }
        while (f.n && strchr(" \t", f.p[0]))
            f.p++, f.n--;
        while (f.n && strchr(" \t", f.p[f.n - 1]))
            f.n--;
    }
    /* The bracket a removed date leaves: "Acme Corp (" of "Acme Corp
     * (2019–2021)". A bracket with its partner stays. The fullwidth
     * brackets of CJK text ("硕士（2018.01 - 2019.12）") likewise. */
    if (f.n && (f.p[f.n - 1] == '(' || f.p[f.n - 1] == '['))
        return lines__trim((Field){f.p, f.n - 1});
    if (f.n && (f.p[0] == ')' || f.p[0] == ']')) return lines__trim((Field){f.p + 1, f.n - 1});
    if (f.n >= 3 && !memcmp(f.p + f.n - 3, "\xEF\xBC\x88", 3))
        return lines__trim((Field){f.p, f.n - 3});
    if (f.n >= 3 && !memcmp(f.p, "\xEF\xBC\x89", 3)) return lines__trim((Field){f.p + 3, f.n - 3});
    return f;
}

/* "(Berlin, Germany)", "(MyTown)": a place in parentheses, not a list of
 * technologies such as "(React, TypeScript)". A lone unknown word is a
 * place only after a company or school ("Awesome University (MyTown)"):
 * after a project it names the stack ("Vitest (TypeScript)"); an acronym
 * there is the name's own. */
static bool lines__paren_place(Field inner, Field before) {
    if (lines__is_location(inner)) return true;
    if (!lines__is_org(before)) return false;
    if (inner.n == 0 || inner.n > 20 || !isupper((unsigned char)inner.p[0])) return false;
    bool capitals = true;
    for (size_t i = 0; i < inner.n; i++) {
        if (!isalpha((unsigned char)inner.p[i]) && (unsigned char)inner.p[i] < 0x80) return false;
        capitals = capitals && isupper((unsigned char)inner.p[i]);
    }
    /* "(RDFZ)", "(NTNU)": three capitals or more that no lexicon knows as a
     * place are the name's own initials; two are a state or a country
     * ("(CA)"). */
    return !(capitals && inner.n >= 3);
}

/* The '(' of the bracket that closes f ("Acme (Berlin)"), or NULL when f
 * is shorter than four bytes or does not end with ')'. */
static const char *lines__closing_bracket(Field f) {
    if (f.n < 4 || f.p[f.n - 1] != ')') return NULL;
    for (size_t i = f.n - 1; i-- > 0;)
        if (f.p[i] == '(') return f.p + i;
    return NULL;
}

/* "HashiCorp (Multi-Cloud Infrastructure Automation)", "Laiblitz Inc (part
 * time job)": a note of three words or more in parentheses after a name
 * says what it is, and is no part of the name; an acronym ("(RDFZ)"), a
 * place ("(Berlin)") or another name of the employer in them is. */
static Field lines__without_note(Field f) {
    const char *open = lines__closing_bracket(f);
    if (!open || open == f.p || open[-1] != ' ') return f;
    Field inner = {open + 1, (size_t)(f.p + f.n - 1 - (open + 1))};
    Field name = lines__trim((Field){f.p, (size_t)(open - f.p)});
    unsigned words = 1;
    for (size_t i = 0; i < inner.n; i++)
        words += inner.p[i] == ' ';
    /* "(ex 8kdata)", "(vormals PTS GmbH)", "(Express Scripts)": another
     * name of the same employer, kept. */
    static const char *const formerly[] = {"ex ", "formerly ", "vormals ", "now ", "ancien "};
    for (size_t i = 0; i < RLS_ARRAY_LEN(formerly); i++)
        if (inner.n > strlen(formerly[i]) &&
            lines__prefix_ci(inner.p, formerly[i], strlen(formerly[i])))
            return f;
    if (words < 3 || lines__is_location(inner) || !name.n) return f;
    /* "Hilti GmbH (Global Construction Technology)": after a name made
     * complete by its legal form, words of a trade ("Construction",
     * "Technology") read less as a name than it does, and make the
     * brackets no second name. */
    RlsFieldScores own, in;
    rls_field_type_score(name.p, name.n, &own);
    rls_field_type_score(inner.p, inner.n, &in);
    float in_org = in.score[RLS_FIELD_ORG], own_org = own.score[RLS_FIELD_ORG];
    if (in_org >= 1.0f && !(own_org >= RLS_FIELD_CLEAR && in_org < own_org)) return f;
    return name;
}

/* "Acme (part-time)", "上海某科技（初创公司）", "数据科学家 (其中8月前是兼职)": a
 * bracketed remark on how the role was held (a note word of the lexicon,
 * fieldtype.h) after a title or an organisation is no part of it. */
static Field lines__without_remark(Field f) {
    static const char open_fw[] = "\xEF\xBC\x88", close_fw[] = "\xEF\xBC\x89";
    size_t close_n = 0;
    if (f.n >= 1 && f.p[f.n - 1] == ')') close_n = 1;
    if (f.n >= 3 && !memcmp(f.p + f.n - 3, close_fw, 3)) close_n = 3;
    if (!close_n) return f;
    const char *open = NULL;
    size_t open_n = 0;
    for (size_t i = f.n - close_n; i-- > 0 && !open;) {
        if (f.p[i] == '(')
            open = f.p + i, open_n = 1;
        else if (i + 3 <= f.n - close_n && !memcmp(f.p + i, open_fw, 3))
            open = f.p + i, open_n = 3;
    }
    if (!open) return f;
    Field inner = {open + open_n, (size_t)(f.p + f.n - close_n - (open + open_n))};
    Field name = lines__trim((Field){f.p, (size_t)(open - f.p)});
    if (!name.n || !rls_field_type_is_note(inner.p, inner.n)) return f;
    return name;
}

/* "Consultante junior (client : LAFARGE)": a labelled note in parentheses
 * after a role says for whom or where, and is no part of the role. */
static Field lines__without_labelled_note(Field f) {
    const char *open = lines__closing_bracket(f);
    if (!open || open == f.p || !memchr(open, ':', (size_t)(f.p + f.n - open))) return f;
    Field name = lines__trim((Field){f.p, (size_t)(open - f.p)});
    return name.n ? name : f;
}

/* Length of a strong separator at p, or 0. `at_word` reports " at ". */
static size_t lines__separator(const char *p, const char *end, bool *at_word) {
    static const char *const seps[] = {
        " | ", "|",          " \xE2\x80\x94 ", "\xE2\x80\x94",   " \xE2\x80\x93 ", " - ", " -- ",
        "; ",  " \xC2\xB7 ", "\xC2\xB7",       " \xE2\x80\xA2 ", "\xE2\x80\xA2",   " @ ", " // ",
    };
    *at_word = false;
    for (size_t i = 0; i < RLS_ARRAY_LEN(seps); i++) {
        size_t n = strlen(seps[i]);
        if ((size_t)(end - p) >= n && !memcmp(p, seps[i], n)) return n;
    }
    /* "Engineer at Acme" and its words in other languages (lower case: a
     * capitalised "Bei" or "Chez" may open a name). */
    static const char *const at[] = {" at ", " presso ", " chez ", " bei ", " bij "};
    for (size_t i = 0; i < RLS_ARRAY_LEN(at); i++) {
        size_t n = strlen(at[i]);
        if ((size_t)(end - p) >= n && !memcmp(p, at[i], n)) {
            *at_word = true;
            return n;
        }
    }
    return 0;
}

/* "ESOC – European Space Operations Centre": an acronym before a dash, and
 * after it the words it is made of (their capitals spell it in order), are
 * one name. */
static bool lines__acronym_spelled(Field acronym, const char *p, const char *end) {
    acronym = lines__trim(acronym);
    if (acronym.n < 2 || acronym.n > 8) return false;
    for (size_t i = 0; i < acronym.n; i++)
        if (!isupper((unsigned char)acronym.p[i])) return false;
    while (p < end && (*p == ' ' || *p == '-' || (unsigned char)*p >= 0x80))
        p++;
    size_t k = 0;
    for (const char *q = p; q < end && *q != ',' && k < acronym.n; q++)
        if ((q == p || q[-1] == ' ' || q[-1] == '-') && *q == acronym.p[k]) k++;
    return k == acronym.n && p < end && *p == acronym.p[0];
}

static size_t lines__split(Field whole, Field *out, size_t cap, int *at_index) {
    size_t n = 0;
    const char *start = whole.p, *end = whole.p + whole.n;
    *at_index = -1;
    for (const char *p = whole.p; p <= end;) {
        bool at_word = false;
        size_t sep = p < end ? lines__separator(p, end, &at_word) : 1;
        /* "University of Texas at Austin": after an institution's name
         * " at " names its campus, not an employer. */
        if (at_word) {
            const char *part = p;
            while (part > start && part[-1] != ',')
                part--;
            Field before = lines__trim((Field){part, (size_t)(p - part)});
            if (rls_field_type_is_clearly(before.p, before.n, RLS_FIELD_ORG)) sep = 0;
        }
        if (sep && !at_word && p < end &&
            lines__acronym_spelled((Field){start, (size_t)(p - start)}, p + sep, end))
            sep = 0;
        /* "(Berlin, Germany)" after a field starts a field of its own. */
        const char *tail = end;
        while (tail > p && strchr(" .,;([", tail[-1]))
            tail--;
        if (!sep && p < end && *p == '(' && p > start && p[-1] == ' ') {
            const char *close = memchr(p, ')', (size_t)(end - p));
            if (close && close + 1 == tail &&
                lines__paren_place((Field){p + 1, (size_t)(close - p - 1)},
                                   (Field){start, (size_t)(p - start)})) {
                Field f = lines__trim((Field){start, (size_t)(p - start)});
                if (f.n && n < cap) out[n++] = f;
                if (n < cap) out[n++] = (Field){p, (size_t)(tail - p)};
                return n;
            }
        }
        if (sep) {
            Field f = lines__trim((Field){start, (size_t)(p - start)});
            if (f.n && n < cap) {
                out[n++] = f;
                if (at_word) *at_index = (int)n; /* the field after " at " is the org */
            }
            p += sep;
            start = p;
            continue;
        }
        p++;
    }
    return n;
}

/* Splits one field on commas, keeping "Co., Ltd" and "Inc" with their name. */
static size_t lines__split_commas(Field f, Field *out, size_t cap) {
    size_t n = 0;
    const char *start = f.p, *end = f.p + f.n;
    int depth = 0;
    for (const char *p = f.p; p <= end; p++) {
        if (p < end && *p == '(') depth++;
        if (p < end && *p == ')' && depth > 0) depth--;
        if (p < end && (*p != ',' || depth > 0)) continue;
        Field piece = lines__trim((Field){start, (size_t)(p - start)});
        Field rest = {p + 1, p < end ? (size_t)(end - p - 1) : 0};
        while (rest.n && rest.p[0] == ' ')
            rest.p++, rest.n--;
        static const char *const suffix[] = {"ltd", "inc", "llc", "co", "gmbh", "plc"};
        bool glue = false;
        for (size_t k = 0; k < RLS_ARRAY_LEN(suffix) && p < end; k++) {
            size_t kn = strlen(suffix[k]);
            if (rest.n >= kn && lines__prefix_ci(rest.p, suffix[k], kn) &&
                (rest.n == kn || !isalpha((unsigned char)rest.p[kn])))
                glue = true;
        }
        if (glue) continue;
        if (piece.n && n < cap) out[n++] = piece;
        start = p + 1;
    }
    return n;
}

/* "London", "New York": one to three capitalised words, no digits, not an
 * acronym such as "GPA". */
static bool lines__place_name(Field f) {
    if (f.n == 0 || f.n > 24) return false;
    int words = 1, upper_run = 0;
    for (size_t i = 0; i < f.n; i++) {
        unsigned char c = (unsigned char)f.p[i];
        if (c == ' ') {
            words++;
            upper_run = 0;
            if (i + 1 < f.n && !isupper((unsigned char)f.p[i + 1])) return false;
        } else if (isdigit(c) || strchr("#+/:&", c) || (isupper(c) && ++upper_run > 1)) {
            return false;
        } else if (!isupper(c)) {
            upper_run = 0;
        }
    }
    return words <= 3 && isupper((unsigned char)f.p[0]);
}

/* "a language server for resumes": words in lower case after a name
 * describe it; no company is named so ("eBay" is). */
static bool lines__description(Field f) {
    const char *space = memchr(f.p, ' ', f.n);
    if (!space) return false;
    for (const char *c = f.p; c < space; c++)
        if (!islower((unsigned char)*c)) return false;
    return true;
}

/* Whether tail is a place the lexicon knows and head, before it, is not. */
static bool lines__known_place_after_name(Field head, Field tail) {
    RlsFieldScores h, t;
    rls_field_type_score(tail.p, tail.n, &t);
    if (t.score[RLS_FIELD_LOCATION] == 0.0f) return false;
    rls_field_type_score(head.p, head.n, &h);
    return h.score[RLS_FIELD_LOCATION] == 0.0f;
}

/* "Acme GmbH, Bochum", "Université de Reims, Reims": a place glued to an
 * organisation by a comma. Returns the place (empty when there is none)
 * and shortens *org to the name. */
static Field lines__glued_place(Field *org, RlsSectionKind kind, bool beside_title) {
    const char *comma = NULL;
    int depth = 0;
    for (size_t i = 0; i < org->n; i++) {
        if (org->p[i] == '(') depth++;
        if (org->p[i] == ')' && depth > 0) depth--;
        if (org->p[i] == ',' && !depth) comma = org->p + i;
    }
    if (!comma) return (Field){NULL, 0};
    Field head = lines__trim((Field){org->p, (size_t)(comma - org->p)});
    Field tail = lines__trim((Field){comma + 1, org->n - (size_t)(comma + 1 - org->p)});
    if (!head.n || !tail.n || lines__is_org(tail) || lines__is_title(tail, kind) ||
        lines__is_honour(tail))
        return (Field){NULL, 0};
    /* "Doctolib, Paris": a name no lexicon knows is the organisation all
     * the same when a known place, which it is not, follows it. */
    /* Beside a title, "Coolblue, Rotterdam": a short name, then a place's
     * shape, is the company and its town whatever the lexicons know. */
    bool name_then_town = beside_title && !memchr(head.p, ',', head.n) && lines__place_name(head) &&
                          lines__place_name(tail);
    if (!lines__is_org(head) && !lines__known_place_after_name(head, tail) && !name_then_town)
        return (Field){NULL, 0};
    /* "Acme GmbH, Berlin, Germany": the place may have parts of its own. */
    const char *first = memchr(head.p, ',', head.n);
    if (first && lines__is_location(tail)) {
        Field name = lines__trim((Field){head.p, (size_t)(first - head.p)});
        Field city = lines__trim((Field){first + 1, head.n - (size_t)(first + 1 - head.p)});
        if (name.n && lines__is_org(name) && !lines__is_org(city) && lines__place_name(city)) {
            *org = name;
            return lines__trim((Field){city.p, (size_t)(tail.p + tail.n - city.p)});
        }
    }
    if (!lines__is_location(tail) && !lines__place_name(tail)) return (Field){NULL, 0};
    *org = head;
    return tail;
}

static char *lines__dup(Field f) {
    if (f.n >= 2 && f.p[0] == '(' && f.p[f.n - 1] == ')') f.p++, f.n -= 2;
    if (!f.n) return NULL;
    char *out = rls_strndup(f.p, f.n);
    /* A field spanning others ("Professor | / Associate Professor") keeps
     * no field boundary's bar: a bar standing alone between spaces. */
    size_t w = 0;
    for (size_t i = 0; i < f.n; i++) {
        bool bar = out[i] == '|' && i > 0 && out[i - 1] == ' ' && i + 1 < f.n && out[i + 1] == ' ';
        if (bar || (out[i] == ' ' && w > 0 && out[w - 1] == ' ')) continue;
        out[w++] = out[i];
    }
    out[w] = '\0';
    return out;
}

/* How much more a field reads as a role or a degree, whatever the
 * section, than as an organisation. */
static float lines__role_lean(Field f) {
    RlsFieldScores s;
    rls_field_type_score(f.p, f.n, &s);
    return RLS_MAX(s.score[RLS_FIELD_TITLE], s.score[RLS_FIELD_DEGREE]) - s.score[RLS_FIELD_ORG];
}

/* "2RP Net", "ZAX": a name of at most four words that starts with a capital
 * or a digit and reads as no place, date or grade: after a role and a
 * colon, its employer. */
static bool lines__short_name(Field f) {
    if (f.n == 0 || f.n > 40 || strchr(".:;", f.p[f.n - 1])) return false;
    /* At most four words, each but short ones ("di", "per") capitalised:
     * no sentence ("Built a test bench"). */
    int words = 0;
    for (size_t i = 0; i < f.n;) {
        while (i < f.n && f.p[i] == ' ')
            i++;
        size_t w = i;
        while (i < f.n && f.p[i] != ' ')
            i++;
        if (i == w) break;
        unsigned char c = (unsigned char)f.p[w];
        if (++words > 4 || (i - w > 3 && c < 0x80 && !isupper(c) && !isdigit(c))) return false;
    }
    unsigned char c = (unsigned char)f.p[0];
    if (!isupper(c) && !isdigit(c) && c < 0x80) return false;
    return lines__may_be_title(f) && !lines__is_location(f) && !lines__is_honour(f);
}

bool rls_entry_employer_line(const char *text, size_t len, RlsSectionKind kind, char **org,
                             char **location) {
    RlsEntryFields f;
    rls_entry_fields_split(text, len, kind, true, &f);
    int fields = (f.title != NULL) + (f.org != NULL) + (f.location != NULL);
    char **name = f.org && !f.title        ? &f.org
                  : fields == 1 && f.title ? &f.title
                  : fields == 1            ? &f.location
                                           : NULL;
    bool typed = name == &f.org; /* "University of Bath, Bath, UK" */
    /* An untyped name with a comma is a name and its place, parted below. */
    bool taken = name && (typed || lines__short_name((Field){*name, strlen(*name)})) &&
                 !rls_entry_field_is_role(*name, strlen(*name)) && (typed || !strchr(*name, ','));
    if (taken) {
        *org = *name;
        *name = NULL;
        *location = typed ? f.location : NULL;
        if (typed) f.location = NULL;
    }
    rls_entry_fields_close(&f);
    if (taken) return true;
    /* "Glovo, Barcelona", "Auth0 / Okta, Remote": a short name before a
     * place after a comma, the whole read as one place above. The place
     * starts at no part that names a field of study, a role or a body
     * ("TutorFair, Ivy Education, UK": the name has two parts). */
    const char *comma = memchr(text, ',', len);
    while (comma) {
        const char *from = comma + 1, *next = memchr(from, ',', (size_t)(text + len - from));
        Field part = lines__trim((Field){from, (size_t)((next ? next : text + len) - from)});
        RlsFieldScores sc;
        rls_field_type_score(part.p, part.n, &sc);
        if (!next || !(rls_field_type_is_study(part.p, part.n) || sc.score[RLS_FIELD_TITLE] > 0 ||
                       sc.score[RLS_FIELD_ORG] > 0 || sc.score[RLS_FIELD_DEGREE] > 0))
            break;
        comma = next;
    }
    if (!comma) return false;
    Field head = lines__trim((Field){text, (size_t)(comma - text)});
    Field rest = lines__trim((Field){comma + 1, len - (size_t)(comma + 1 - text)});
    if (!head.n || !rest.n || !lines__short_name(head) || rls_entry_field_is_role(head.p, head.n) ||
        !(lines__is_location(rest) || lines__place_name(rest)))
        return false;
    *org = lines__dup(head);
    *location = lines__dup(rest);
    return true;
}

/* Replaces fields[*i] by the two fields a and b (the caller checked there
 * is room), and moves *i onto b. */
static void lines__part(Field *fields, size_t *n, size_t *i, Field a, Field b) {
    memmove(fields + *i + 2, fields + *i + 1, (*n - *i - 1) * sizeof(Field));
    fields[*i] = a;
    fields[*i + 1] = b;
    (*n)++;
    (*i)++;
}

/* "Tsinghua University: Ph.D. in Economics", "Back-End Developer: GFT
 * Technologies": a colon parts a name from a role when one side types as
 * an organisation and the other as a role or degree. A colon after a
 * label ("Period: 2019") parts nothing. */
static size_t lines__split_colons(Field *fields, size_t n, RlsSectionKind kind) {
    for (size_t i = 0; i < n && n < LINES_MAX_FIELDS; i++) {
        const char *colon = NULL;
        int depth = 0; /* "Consultant (client : Lafarge)": a note, not a part */
        for (size_t k = 0; k + 1 < fields[i].n && !colon; k++) {
            char ch = fields[i].p[k];
            depth += (ch == '(') - (ch == ')' && depth > 0);
            if (ch == ':' && fields[i].p[k + 1] == ' ' && !depth) colon = fields[i].p + k;
        }
        if (!colon) continue;
        Field head = lines__trim((Field){fields[i].p, (size_t)(colon - fields[i].p)});
        Field tail =
            lines__trim((Field){colon + 1, fields[i].n - (size_t)(colon + 1 - fields[i].p)});
        if (!head.n || !tail.n) continue;
        float lh = lines__role_lean(head), lt = lines__role_lean(tail);
        bool parted = (lh < 0 && lines__is_org(head) && lt > 0) ||
                      (lt < 0 && lines__is_org(tail) && lh > 0) ||
                      (lines__is_title(head, kind) && lt <= 0 && lines__short_name(tail));
        if (!parted) continue;
        lines__part(fields, &n, &i, head, tail);
    }
    return n;
}

/* "MCC Berlin (Researcher)", "R+V Versicherung AG (Intern, 2 months)": a
 * role in parentheses after a name that is none is the entry's role, a
 * field of its own; what follows it in the parentheses (a length of time)
 * is a note and goes. */
static size_t lines__paren_roles(Field *fields, size_t n, RlsSectionKind kind) {
    for (size_t i = 0; i < n && n < LINES_MAX_FIELDS; i++) {
        Field f = fields[i];
        if (f.n < 4 || f.p[f.n - 1] != ')') continue;
        const char *open = memchr(f.p, '(', f.n);
        /* The parentheses may be a field of their own, split off the name
         * before them ("Globex Labs", "(Researcher)"). */
        bool alone = open == f.p && i > 0;
        if (!open || (!alone && (open == f.p || open[-1] != ' '))) continue;
        Field head = alone ? fields[i - 1] : lines__trim((Field){f.p, (size_t)(open - f.p)});
        Field inner = {open + 1, (size_t)(f.p + f.n - 1 - (open + 1))};
        const char *comma = memchr(inner.p, ',', inner.n);
        Field role = lines__trim(comma ? (Field){inner.p, (size_t)(comma - inner.p)} : inner);
        /* A role is named as on a card, capitalised and short: "(primary
         * instructor unless otherwise noted)" is a note. */
        size_t words = 1;
        for (size_t k = 0; k < role.n; k++)
            words += role.p[k] == ' ';
        if (!head.n || !role.n || words > 4 || islower((unsigned char)role.p[0]) ||
            memchr(role.p, '(', role.n) || !lines__is_title(role, kind) ||
            rls_entry_field_is_role(head.p, head.n))
            continue;
        if (alone) {
            fields[i] = role;
            continue;
        }
        lines__part(fields, &n, &i, head, role);
    }
    return n;
}

/* "Department of Astronomy, University of Maryland": a unit named as an
 * organisation, and no role, before its organisation after a comma is
 * part of one name, whether position took the unit for the title or the
 * organisation. */
static void lines__join_unit(Field *fields, size_t n, const bool *used, RlsSectionKind kind,
                             int *title, int *org) {
    int t = *title, o = *org;
    if (t >= 0 && o == t + 1 && lines__opens_with_unit(fields[t]) &&
        !lines__is_title(fields[t], kind) && lines__title_lean(fields[t], kind) < 0 &&
        lines__comma_between(fields[t], fields[o])) {
        fields[o] = lines__span(fields[t], fields[o]);
        *title = -1;
    } else if (o >= 0 && (size_t)o + 1 < n && !used[o + 1] && o + 1 != t &&
               lines__opens_with_unit(fields[o]) && lines__is_org(fields[o + 1]) &&
               lines__comma_between(fields[o], fields[o + 1])) {
        fields[o] = lines__span(fields[o], fields[o + 1]);
    }
}

/* "Current position", "Zeitraum": words that type as no field at all. */
static bool lines__is_label(Field f) {
    f = lines__trim(f);
    return f.n && !lines__is_title(f, RLS_SECTION_EXPERIENCE) &&
           !lines__is_title(f, RLS_SECTION_EDUCATION) && !lines__is_org(f) &&
           !lines__is_location(f);
}

/* "Graduate Researcher, Teaching Assistant, University of California":
 * two roles held together, parted by a comma, are one title. A role word
 * in the field taken for the organisation ("Laboratory Manager") gives it
 * up to the title when another field names an organisation and no role. */
static void lines__join_roles(Field *fields, size_t n, const bool *used, RlsSectionKind kind,
                              int *title, int *org) {
    int t = *title;
    if (t < 0 || kind != RLS_SECTION_EXPERIENCE) return;
    if (*org >= 0 && (*org == t - 1 || *org == t + 1) && lines__is_title(fields[*org], kind)) {
        int other = -1;
        for (size_t i = 0; i < n && other < 0; i++)
            if (!used[i] && (int)i != t && (int)i != *org && lines__is_org(fields[i]) &&
                !lines__is_title(fields[i], kind))
                other = (int)i;
        Field a = fields[*org < t ? *org : t], b = fields[*org < t ? t : *org];
        if (other < 0 || !lines__comma_between(a, b)) return;
        fields[t] = lines__span(a, b);
        *org = other;
        return;
    }
    size_t next = (size_t)t + 1;
    if (next < n && !used[next] && (int)next != *org && lines__is_title(fields[next], kind) &&
        !lines__is_org(fields[next]) && lines__comma_between(fields[t], fields[next]))
        fields[t] = lines__span(fields[t], fields[next]);
    /* "__Professor__ / Associate Professor / Assistant Professor": posts
     * held in turn, written with slashes, are one title. */
    for (next = (size_t)t + 1;
         next < n && !used[next] && (int)next != *org && lines__is_title(fields[next], kind) &&
         !lines__is_org(fields[next]) && lines__slash_between(fields[t], fields[next]);
         next++)
        fields[t] = lines__span(fields[t], fields[next]);
}

/* The parts of a company a role is held in, which a title names after a
 * comma as it names a town ("Software Engineer, Payments"): no place. */
static const char *const lines__team_words[] = {
    "infrastructure",
    "platform",
    "platforms",
    "payments",
    "growth",
    "operations",
    "security",
    "marketing",
    "sales",
    "research",
    "data",
    "mobile",
    "backend",
    "frontend",
    "search",
    "ads",
    "cloud",
    "storage",
    "product",
    "products",
    "analytics",
    "support",
    "core",
    "web",
    "devops",
    "tools",
    "tooling",
    "reliability",
    "systems",
    "networking",
    "compliance",
    "risk",
    "strategy",
    "billing",
    "identity",
    "privacy",
    "integrations",
    "services",
    "hardware",
    "software",
    "firmware",
    "games",
    "media",
    "video",
    "audio",
    "maps",
    "messaging",
    "checkout",
    "logistics",
    "fraud",
    "trust",
    "safety",
    "quality",
    "testing",
    "enterprise",
    "consumer",
    "internal",
    "partnerships",
    "communications",
    "monetization",
    "onboarding",
    "ml",
    "ai",
    "ux",
    "ui",
    "qa",
    "api",
    "apis",
    "recruiting",
    "talent",
    "legal",
};

size_t rls_entry_role_place(const char *text, size_t len, bool employer_known, size_t *place_byte) {
    const char *comma = NULL;
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        depth += (text[i] == '(') - (text[i] == ')' && depth > 0);
        if (text[i] == ',' && !depth) comma = text + i;
    }
    if (!comma) return 0;
    Field head = lines__trim((Field){text, (size_t)(comma - text)});
    Field tail = lines__trim((Field){comma + 1, len - (size_t)(comma + 1 - text)});
    if (!head.n || !tail.n || !rls_entry_field_is_role(head.p, head.n) || lines__is_org(tail) ||
        rls_entry_field_is_role(tail.p, tail.n) || lines__is_honour(tail) || lines__is_study(tail))
        return 0;
    /* "Senior Engineer, Berlin": a place the lexicon knows. */
    bool place = lines__is_location(tail);
    /* "Site Reliability Engineer, Warszawa" under "Allegro | 2019 --
     * now": a town no lexicon holds, one capitalised word that types as
     * nothing, a team word or a technology neither, after a job. Only
     * once the employer is named: in a heading "Engineer, Spotify" names
     * it. */
    if (!place && employer_known && !memchr(tail.p, ' ', tail.n) && lines__place_name(tail) &&
        rls_entry_field_names_job(head.p, head.n) &&
        !lines__has_word(tail, lines__team_words, RLS_ARRAY_LEN(lines__team_words)) &&
        rls_kw_find(tail.p, tail.n) < 0) {
        RlsFieldScores sc;
        rls_field_type_score(tail.p, tail.n, &sc);
        place = rls_field_type_best(&sc) == RLS_FIELD_N_TYPES;
    }
    if (!place) return 0;
    *place_byte = (size_t)(tail.p - text);
    return head.n;
}

/* Finds the dates of an entry line into out and splits the text on both
 * sides of them into fields (the whole line when it holds no date).
 * Returns the number of fields; *found counts the dates. */
static size_t lines__split_around_dates(const char *text, size_t len, RlsEntryFields *out,
                                        Field *fields, int *at_index, int *found) {
    size_t ds, de;
    if (!rls_date_range_find(text, len, &out->dates, &ds, &de))
        return lines__split((Field){text, len}, fields, LINES_MAX_FIELDS, at_index);
    out->date_start_byte = ds;
    out->date_end_byte = de;
    (*found)++;
    int at_b = -1;
    /* "기간: 2023.02 - 현재", "Period: ...": a label, not a field. */
    size_t before_n = ds;
    while (before_n && text[before_n - 1] == ' ')
        before_n--;
    if (before_n && text[before_n - 1] == ':') ds = 0;
    /* "Current position (2026-present): Professor, Aarhus University": a
     * colon right after the dates closes a label that holds them; a label
     * that names no role, degree, organisation or place is no field. */
    size_t after = de;
    while (after < len && strchr(" )]", text[after]))
        after++;
    if (ds && after < len && text[after] == ':' && lines__is_label((Field){text, ds})) ds = 0;
    /* "Expires March 2020", "Issued 2019": the verb belongs to the date. */
    static const char *const date_verbs[] = {"expires",  "expired", "issued",     "since",
                                             "obtained", "awarded", "valid until"};
    for (size_t k = 0; k < RLS_ARRAY_LEN(date_verbs) && ds; k++) {
        size_t vn = strlen(date_verbs[k]);
        if (before_n >= vn && lines__prefix_ci(text + before_n - vn, date_verbs[k], vn) &&
            (before_n == vn || !isalpha((unsigned char)text[before_n - vn - 1])))
            ds = before_n - vn;
    }
    size_t n = lines__split((Field){text, ds}, fields, LINES_MAX_FIELDS, at_index);
    size_t before = n;
    n += lines__split((Field){text + de, len - de}, fields + n, LINES_MAX_FIELDS - n, &at_b);
    if (*at_index < 0 && at_b >= 0) *at_index = at_b + (int)before;
    return n;
}

/* A line of dates under the entry's heading: title and organisation usually
 * came from the heading above, so what is left beside the dates says where,
 * unless it names a company or school ("**University of Lyon** | Sep 2014 –
 * Jun 2017"). Returns the number of fields taken. */
static int lines__beside_dates(Field *fields, size_t n, RlsSectionKind kind, RlsEntryFields *out) {
    int found = 0;
    bool left[LINES_MAX_FIELDS] = {false};
    size_t n_left = 0;
    for (size_t i = 0; i < n; i++) {
        bool place = lines__is_location(fields[i]);
        /* "*Software Engineer* | 2019 – 2021" under "### Google": a
         * role word beats an org word, as in a whole entry line. */
        if (!out->title && !place && lines__is_title(fields[i], kind)) {
            /* "*Data Engineer, Berlin* | 2019 -- 2021": the role, then where. */
            size_t at = 0, role = rls_entry_role_place(fields[i].p, fields[i].n, false, &at);
            if (role && !out->location) {
                out->location = lines__dup((Field){fields[i].p + at, fields[i].n - at});
                found++;
                fields[i].n = role;
            }
            out->title = lines__dup(fields[i]), found++;
        } else if (!out->org && lines__is_org(fields[i]) && !place) {
            Field glued = lines__glued_place(&fields[i], kind, out->title != NULL);
            out->org = lines__dup(fields[i]), found++;
            if (glued.n && !out->location) out->location = lines__dup(glued), found++;
        } else
            left[i] = true, n_left++;
    }
    /* Two names beside the dates are the company and its place
     * ("**Globex** · Munich · 2016 – 2019"); one is the place. */
    for (size_t i = 0; i < n; i++) {
        if (!left[i]) continue;
        if (!out->org && n_left >= 2 && !lines__is_location(fields[i]))
            out->org = lines__dup(fields[i]), found++;
        else if (!out->location)
            out->location = lines__dup(fields[i]), found++;
    }
    return found;
}

/* One field left: split it at its commas unless it is one degree ("PhD,
 * Computer Science") or one place ("Houston, TX"). After a degree that
 * already names its subject, the next part is the school ("B.Sc. Computer
 * Science, ETH Zürich"). Returns the new number of fields. */
static size_t lines__split_lone(Field *fields, RlsSectionKind kind) {
    Field parts[LINES_MAX_FIELDS];
    size_t k = lines__split_commas(fields[0], parts, LINES_MAX_FIELDS);
    bool degree_then_subject = k >= 2 && lines__is_title(parts[0], kind) &&
                               !lines__is_org(parts[1]) &&
                               (!memchr(parts[0].p, ' ', parts[0].n) || lines__is_study(parts[1]));
    bool keep_whole = k < 2 || lines__is_location(fields[0]) ||
                      (kind == RLS_SECTION_EDUCATION && degree_then_subject);
    if (keep_whole) return 1;
    /* "Georgia Institute of Technology, Atlanta, GA": a state's or
     * country's code after a town is one place with it. */
    Field last = k >= 3 ? parts[k - 1] : (Field){NULL, 0};
    bool code = last.n >= 2 && last.n <= 3;
    for (size_t i = 0; i < last.n && code; i++)
        code = isupper((unsigned char)last.p[i]);
    if (code && lines__is_location(lines__span(parts[k - 2], last)))
        parts[k - 2] = lines__span(parts[k - 2], last), k--;
    memcpy(fields, parts, k * sizeof(Field));
    return k;
}

/* Places first, so that "Berlin, Germany" is never taken for a company:
 * marks the field that is the location in used. */
static void lines__take_place(Field *fields, size_t n, bool *used, RlsEntryFields *out) {
    for (size_t i = 0; i < n; i++) {
        Field f = fields[i];
        bool paren = f.n >= 2 && f.p[0] == '(' && f.p[f.n - 1] == ')';
        bool place = paren && i > 0 ? lines__paren_place((Field){f.p + 1, f.n - 2}, fields[i - 1])
                                    : lines__is_location(f);
        if (i > 0 && place && !out->location) {
            out->location = lines__dup(fields[i]);
            used[i] = true;
        }
    }
    /* "Hooli, Palo Alto, CA": a name before a place of two parts is the
     * company there ("NY, USA" after "New York" is the rest of a place). */
    for (size_t i = 0; i < n && !out->location; i++) {
        const char *comma = used[i] ? NULL : memchr(fields[i].p, ',', fields[i].n);
        if (!comma) continue;
        Field head = lines__trim((Field){fields[i].p, (size_t)(comma - fields[i].p)});
        Field rest =
            lines__trim((Field){comma + 1, fields[i].n - (size_t)(comma + 1 - fields[i].p)});
        bool code_first = rest.n > 2 && isupper((unsigned char)rest.p[0]) &&
                          isupper((unsigned char)rest.p[1]) && rest.p[2] == ',';
        if (head.n && memchr(rest.p, ',', rest.n) && !code_first && lines__is_location(rest)) {
            out->location = lines__dup(rest);
            fields[i] = head;
        }
    }
}

/* Which field is the title and which the organisation: " at " first, then
 * role and organisation words, then position; content has the last word. A
 * field neither takes may still be the place. */
/* "Department of Physics", "Faculty of Law": a unit inside a body. */
static bool lines__is_unit(Field f) {
    static const char *const units[] = {"department ", "dept. ",       "dept ",         "faculty ",
                                        "division ",   "département ", "departamento ", "fakultät ",
                                        "facultad ",   "faculté "};
    for (size_t i = 0; i < RLS_ARRAY_LEN(units); i++)
        if (f.n > strlen(units[i]) && lines__prefix_ci(f.p, units[i], strlen(units[i])))
            return true;
    return false;
}

static void lines__choose_title_org(Field *fields, size_t n, const bool *used, int at_index,
                                    RlsSectionKind kind, RlsEntryFields *out, int *title_out,
                                    int *org_out) {
    int title = -1, org = -1;
    if (at_index > 0 && at_index < (int)n && !used[at_index] && !used[at_index - 1]) {
        title = at_index - 1;
        org = at_index;
    }
    for (size_t i = 0; i < n && title < 0; i++)
        if (!used[i] && lines__is_title(fields[i], kind) && !lines__is_org(fields[i]))
            title = (int)i;
    /* "Software Development Intern": a role word beats an org word. */
    for (size_t i = 0; i < n && title < 0; i++)
        if (!used[i] && lines__is_title(fields[i], kind)) title = (int)i;
    for (size_t i = 0; i < n && org < 0; i++)
        if (!used[i] && (int)i != title && lines__is_org(fields[i])) org = (int)i;
    /* "Department of Primary Care, School of Medicine" stacked over
     * "Stanford University": the unit is part of the body named after it,
     * and the body is the organisation (after a comma, "Department of
     * Physics, University of Oslo" is one name, joined below). */
    for (size_t i = org >= 0 ? (size_t)org + 1 : n; i < n && lines__is_unit(fields[org]); i++)
        if (!used[i] && (int)i != title && lines__is_org(fields[i]) && !lines__is_unit(fields[i]) &&
            !lines__comma_between(fields[org], fields[i]))
            org = (int)i;
    /* No keyword decided: position does. A lone field is the role, except
     * in education, where a line without a degree names the school, and in
     * experience, where a role nearly always has a role word ("Engineer",
     * "Analyst", ...) and a name without one is the employer ("**10th
     * Magnitude**" beside its dates and place). */
    size_t undecided = 0, last_undecided = 0;
    for (size_t i = 0; i < n; i++)
        if (!used[i] && (int)i != title && (int)i != org) undecided++, last_undecided = i;
    bool beside = out->dates.valid || n > 1;
    if (kind == RLS_SECTION_EXPERIENCE && undecided == 1 && title < 0 && org < 0 && beside)
        org = (int)last_undecided;
    for (size_t i = 0; i < n; i++) {
        if (used[i] || (int)i == title || (int)i == org) continue;
        /* "ESOC – European Space Operations Centre, European Space Agency":
         * in experience, an organisation right after the employer, parted
         * by a comma, is the body it belongs to, one name with it (in
         * education "Global Change Biology, Summer School" is a course). */
        if (kind == RLS_SECTION_EXPERIENCE && org >= 0 && (int)i == org + 1 &&
            lines__is_org(fields[i]) && !lines__is_title(fields[i], kind) &&
            lines__comma_between(fields[org], fields[i])) {
            fields[org] = lines__span(fields[org], fields[i]);
            continue;
        }
        /* "Trinity College, Cambridge", "Royal Mint, London": a place name
         * right after the company or school says where it is. */
        if (title < 0 && org >= 0 && (int)i == org + 1 && !out->location &&
            lines__place_name(fields[i]) && !lines__is_title(fields[i], kind) &&
            !lines__is_honour(fields[i])) {
            out->location = lines__dup(fields[i]);
            continue;
        }
        if (title < 0 && !(kind == RLS_SECTION_EDUCATION && org < 0 && n == 1))
            title = (int)i;
        else if (org < 0 && !lines__description(fields[i]))
            org = (int)i;
        else if (!out->location && i > 0 && lines__place_name(fields[i]) &&
                 !lines__is_title(fields[i], kind) && !lines__is_honour(fields[i]))
            out->location = lines__dup(fields[i]);
    }
    /* Position proposed; content decides: when the field taken for the
     * title reads more as an organisation than the one taken for the
     * organisation, they swap ("Acme GmbH - Engineer" as "Engineer - Acme
     * GmbH"). The field after " at " is the organisation whatever it says. */
    bool at_pair = at_index > 0 && title == at_index - 1 && org == at_index;
    bool roles = kind == RLS_SECTION_EXPERIENCE || kind == RLS_SECTION_EDUCATION ||
                 kind == RLS_SECTION_VOLUNTEERING;
    if (title >= 0 && org >= 0 && !at_pair && roles && lines__may_be_title(fields[org]) &&
        lines__title_lean(fields[org], kind) > lines__title_lean(fields[title], kind)) {
        int t = title;
        title = org;
        org = t;
    }
    *title_out = title;
    *org_out = org;
}

/* "Ph.D. __Stanford University__, Statistics": a field of study after the
 * school is the degree's subject, no place. */
static void lines__subject_after_school(RlsEntryFields *out, RlsSectionKind kind) {
    if (kind != RLS_SECTION_EDUCATION || !out->title || !out->org || !out->location ||
        !lines__is_title((Field){out->title, strlen(out->title)}, kind))
        return;
    Field loc = {out->location, strlen(out->location)};
    if (!lines__is_study(loc) || lines__is_location(loc)) return;
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_puts(&b, out->title);
    rls_buf_puts(&b, ", ");
    rls_buf_puts(&b, out->location);
    rls_free(out->title);
    rls_free(out->location);
    out->title = rls_buf_detach(&b);
    out->location = NULL;
}

/* "Georgia Institute of Technology, Atlanta, GA GPA: 4.0/4.0": a grade
 * that closes the line, its label ("GPA", "CGPA", "绩点") then a score,
 * is no part of the last field. Returns the length without it. */
static size_t lines__without_grade_tail(const char *text, size_t len) {
    static const char *const labels[] = {"gpa", "cgpa", "绩点", "績點"};
    for (size_t at = len; at-- > 0;) {
        for (size_t k = 0; k < RLS_ARRAY_LEN(labels); k++) {
            size_t ln = strlen(labels[k]);
            if (at + ln > len || !lines__prefix_ci(text + at, labels[k], ln)) continue;
            if (at && isalnum((unsigned char)text[at - 1])) continue;
            size_t i = at + ln, digits = 0;
            while (i < len && strchr(" :", text[i]))
                i++;
            if (i + 3 <= len && !memcmp(text + i, "\xEF\xBC\x9A", 3)) i += 3; /* '：' */
            for (; i < len && strchr("0123456789./ ", text[i]); i++)
                digits += isdigit((unsigned char)text[i]) != 0;
            if (i != len || !digits) continue;
            while (at && strchr(" \t,;|(", text[at - 1]))
                at--;
            return at ? at : len;
        }
    }
    return len;
}

size_t rls_entry_without_grade(const char *text, size_t len) {
    return lines__without_grade_tail(text, len);
}

/* "2017 | BA | Mathematics, Economics | Pomona College": a field of study
 * of its own between the degree and the school is the degree's subject; so
 * is one right before a degree that closes the line ("上海交通大学 | 物理学 |
 * 博士"). */
static void lines__subject_beside_degree(const Field *fields, size_t n, const bool *used, int title,
                                         int org, RlsSectionKind kind, RlsEntryFields *out) {
    size_t next = (size_t)title + 1;
    if (title > 0 && next == n) next = (size_t)title - 1;
    if (kind != RLS_SECTION_EDUCATION || title < 0 || !out->title || next >= n || used[next] ||
        (int)next == org || lines__is_org(fields[next]) || lines__is_title(fields[next], kind) ||
        !lines__is_study(fields[next]) ||
        (out->location && !strncmp(out->location, fields[next].p, fields[next].n)))
        return;
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_puts(&b, out->title);
    rls_buf_puts(&b, ", ");
    rls_buf_append(&b, fields[next].p, fields[next].n);
    rls_free(out->title);
    out->title = rls_buf_detach(&b);
}

/* "(Present)", "current": a part that is only a word for an open end says
 * the role is still held; no start is given, so the date grammar reads no
 * range from it, and it is no title, organisation or place. Drops such
 * parts; returns how many are left. */
static size_t lines__without_open_ends(Field *fields, size_t n) {
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        Field f = fields[i];
        if (f.n >= 2 && f.p[0] == '(' && f.p[f.n - 1] == ')') f.p++, f.n -= 2;
        bool digit = false;
        for (size_t k = 0; k < f.n && !digit; k++)
            digit = isdigit((unsigned char)f.p[k]);
        if (f.n && f.n <= 20 && !digit && !memchr(f.p, ' ', f.n) &&
            rls_date_text_looks_dated(f.p, f.n))
            continue;
        fields[w++] = fields[i];
    }
    return w ? w : n;
}

int rls_entry_fields_split(const char *text, size_t len, RlsSectionKind kind, bool date_line,
                           RlsEntryFields *out) {
    memset(out, 0, sizeof(*out));
    len = lines__without_grade_tail(text, len);
    Field fields[LINES_MAX_FIELDS];
    int at_index = -1;
    int found = 0;
    size_t n = lines__split_around_dates(text, len, out, fields, &at_index, &found);
    if (n == 0) return found;
    n = lines__without_open_ends(fields, n);
    n = lines__split_colons(fields, n, kind);
    if (date_line) return found + lines__beside_dates(fields, n, kind, out);
    if (n == 1) {
        n = lines__split_lone(fields, kind);
    } else if (n == 2 && fields[1].n > 2 && fields[1].p[0] == '(' &&
               fields[1].p[fields[1].n - 1] == ')') {
        /* "Softwareentwickler, SAP SE (Walldorf)": a bracket closing the
         * line is a field of its own; the rest is still one to part. */
        Field bracket = fields[1];
        n = lines__split_lone(fields, kind);
        if (n < LINES_MAX_FIELDS) fields[n++] = bracket;
    }
    n = lines__paren_roles(fields, n, kind);

    bool used[LINES_MAX_FIELDS] = {false};
    lines__take_place(fields, n, used, out);
    int title, org;
    lines__choose_title_org(fields, n, used, at_index, kind, out, &title, &org);
    lines__join_unit(fields, n, used, kind, &title, &org);
    lines__join_roles(fields, n, used, kind, &title, &org);
    if (org >= 0 && !out->location) {
        Field glued = lines__glued_place(&fields[org], kind, title >= 0);
        if (glued.n) out->location = lines__dup(glued);
    }
    if (org >= 0) fields[org] = lines__without_note(lines__without_remark(fields[org]));
    if (title >= 0)
        fields[title] = lines__without_labelled_note(lines__without_remark(fields[title]));
    if (title >= 0) out->title = lines__dup(fields[title]), found++;
    if (org >= 0) out->org = lines__dup(fields[org]), found++;
    lines__subject_beside_degree(fields, n, used, title, org, kind, out);
    lines__subject_after_school(out, kind);
    if (out->location) found++;
    return found;
}

void rls_entry_fields_close(RlsEntryFields *self) {
    rls_free(self->title);
    rls_free(self->org);
    rls_free(self->location);
    memset(self, 0, sizeof(*self));
}

/* ---- The split cache ------------------------------------------------------ */

typedef struct {
    uint64_t hash; /* 0: empty slot */
    char *text;    /* owned copy of the key text */
    size_t len;
    uint8_t kind, date_line;
    uint32_t generation; /* of the last parse that used it */
    int found;
    RlsEntryFields fields; /* owned */
} SplitEntry;

struct RlsEntrySplitCache {
    RlsCache lines; /* of SplitEntry */
};

static void lines__entry_free(void *entry) {
    SplitEntry *e = entry;
    rls_free(e->text);
    rls_entry_fields_close(&e->fields);
}

RlsEntrySplitCache *rls_entry_split_cache_new(void) {
    RlsEntrySplitCache *self = rls_calloc(1, sizeof(RlsEntrySplitCache));
    rls_cache_init(&self->lines, sizeof(SplitEntry), offsetof(SplitEntry, generation), 32,
                   lines__entry_free);
    return self;
}

void rls_entry_split_cache_delete(RlsEntrySplitCache *self) {
    if (!self) return;
    rls_cache_close(&self->lines);
    rls_free(self);
}

static uint64_t lines__hash(const char *p, size_t n, unsigned salt) {
    return rls_hash_key(rls_hash_mix(RLS_HASH_SEED ^ salt, p, n));
}

static char *lines__strdup_or_null(const char *s) {
    return s ? rls_strdup(s) : NULL;
}

static void lines__fields_copy(RlsEntryFields *dst, const RlsEntryFields *src) {
    *dst = *src;
    dst->title = lines__strdup_or_null(src->title);
    dst->org = lines__strdup_or_null(src->org);
    dst->location = lines__strdup_or_null(src->location);
}

int rls_entry_fields_split_cached(RlsEntrySplitCache *cache, const char *text, size_t len,
                                  RlsSectionKind kind, bool date_line, RlsEntryFields *out) {
    if (!cache) return rls_entry_fields_split(text, len, kind, date_line, out);
    uint64_t hash = lines__hash(text, len, (unsigned)kind * 2u + date_line);
    SplitEntry *e = rls_cache_find(&cache->lines, hash);
    if (e && e->len == len && e->kind == (uint8_t)kind && e->date_line == date_line &&
        memcmp(e->text, text, len) == 0) {
        rls_cache_touch(&cache->lines, e);
        lines__fields_copy(out, &e->fields);
        return e->found;
    }
    int found = rls_entry_fields_split(text, len, kind, date_line, out);
    e = rls_cache_insert(&cache->lines, hash); /* a collision is replaced */
    e->text = rls_strndup(text, len);
    e->len = len;
    e->kind = (uint8_t)kind;
    e->date_line = date_line;
    e->found = found;
    lines__fields_copy(&e->fields, out);
    return found;
}

void rls_entry_split_cache_sweep(RlsEntrySplitCache *cache) {
    if (!cache) return;
    /* Lines of text that is gone pile up one per keystroke. */
    rls_cache_sweep(&cache->lines);
    rls_cache_begin(&cache->lines);
}

/* ---- Contacts ------------------------------------------------------------- */

static bool lines__email_local(char c) {
    return isalnum((unsigned char)c) || strchr("._%+-", c);
}

static bool lines__domain_char(char c) {
    return isalnum((unsigned char)c) || c == '.' || c == '-';
}

static bool lines__url_char(char c) {
    return c && !isspace((unsigned char)c) && !strchr("<>\"'`", c) && (unsigned char)c < 0x80;
}

static const char *const lines__tlds[] = {"com", "org", "net",  "io",   "dev", "me",   "ai",  "co",
                                          "edu", "app", "page", "site", "xyz", "tech", "info"};

/* A bare "github.com/name" or "thevaluable.dev": a dot, a known top-level
 * domain, then a slash or the end of the token. */
static bool lines__bare_domain(const char *p, size_t n) {
    for (size_t i = 1; i + 1 < n; i++) {
        if (p[i] != '.' || !isalnum((unsigned char)p[i - 1])) continue;
        for (size_t k = 0; k < RLS_ARRAY_LEN(lines__tlds); k++) {
            size_t tn = strlen(lines__tlds[k]);
            if (i + 1 + tn <= n && !strncmp(p + i + 1, lines__tlds[k], tn) &&
                (i + 1 + tn == n || p[i + 1 + tn] == '/'))
                return true;
        }
    }
    return false;
}

static size_t lines__trim_url(const char *p, size_t n) {
    while (n && strchr(".,;:!?)]}", p[n - 1])) {
        /* keep a closing parenthesis that has its opening one */
        if (p[n - 1] == ')' && memchr(p, '(', n)) break;
        n--;
    }
    return n;
}

static bool lines__is_phone(const char *p, size_t n) {
    int digits = 0, groups = 0, year_groups = 0;
    size_t i = 0;
    while (i < n) {
        if (!isdigit((unsigned char)p[i])) {
            i++;
            continue;
        }
        size_t g = i;
        int v = 0;
        while (i < n && isdigit((unsigned char)p[i])) {
            /* Only 4-digit values (years) matter: a long run must not
             * overflow (found by fuzz_analyze). */
            if (v < 100000) v = v * 10 + (p[i] - '0');
            i++;
        }
        digits += (int)(i - g);
        groups++;
        if (i - g == 4 && v >= 1900 && v <= 2099) year_groups++;
    }
    if (digits < 9 || digits > 15) return false;
    /* "2016 - 2017 2018" style runs of years are not numbers to call. */
    if (year_groups >= 2 && groups <= 3 && p[0] != '+' && p[0] != '(') return false;
    return true;
}

/* Length of a bracketed spelled-out sign at p ("[at]", "(dot)", "{at}"),
 * any case, or 0. */
static size_t lines__spelled_sign(const char *p, size_t n, const char *word) {
    size_t wn = strlen(word);
    if (n < wn + 2 || !strchr("[({", p[0])) return 0;
    char close = p[0] == '[' ? ']' : p[0] == '(' ? ')' : '}';
    for (size_t k = 0; k < wn; k++)
        if (tolower((unsigned char)p[1 + k]) != word[k]) return 0;
    return p[1 + wn] == close ? wn + 2 : 0;
}

/* "jane [at] example [dot] com", "jane(at)example.com": an address spelled
 * out against scrapers is still the writer's e-mail. i is where the local
 * part starts; returns the end of the address (after its last label), or
 * 0 when none starts there. */
static size_t lines__spelled_email(const char *text, size_t len, size_t i) {
    size_t e = i;
    while (e < len && lines__email_local(text[e]))
        e++;
    if (e == i) return 0;
    while (e < len && text[e] == ' ')
        e++;
    size_t at = lines__spelled_sign(text + e, len - e, "at");
    if (!at) return 0;
    e += at;
    size_t labels = 0, end = 0;
    for (;;) {
        while (e < len && text[e] == ' ')
            e++;
        size_t l = e;
        while (e < len && (isalnum((unsigned char)text[e]) || text[e] == '-'))
            e++;
        if (e == l) break;
        labels++;
        end = e;
        size_t d = e;
        while (d < len && text[d] == ' ')
            d++;
        size_t dot = d < len && text[d] == '.' ? 1 : lines__spelled_sign(text + d, len - d, "dot");
        if (!dot) break;
        e = d + dot;
    }
    return labels >= 2 ? end : 0;
}

size_t rls_contacts_scan(const char *text, size_t len, RlsContactHit *hits, size_t cap) {
    size_t n_hits = 0;
    size_t i = 0;
    while (i < len) {
        char c = text[i];
        bool boundary = i == 0 || !lines__url_char(text[i - 1]) || strchr("(<[:", text[i - 1]);
        size_t spelled = boundary ? lines__spelled_email(text, len, i) : 0;
        if (spelled) {
            if (n_hits < cap) hits[n_hits] = (RlsContactHit){RLS_CONTACT_EMAIL, i, spelled};
            n_hits++;
            i = spelled;
            continue;
        }
        /* Links with a scheme or www. */
        if (boundary && (!strncmp(text + i, "http://", 7) || !strncmp(text + i, "https://", 8) ||
                         !strncmp(text + i, "www.", 4))) {
            size_t e = i;
            while (e < len && lines__url_char(text[e]))
                e++;
            size_t n = lines__trim_url(text + i, e - i);
            if (n_hits < cap) hits[n_hits] = (RlsContactHit){RLS_CONTACT_LINK, i, i + n};
            n_hits++;
            i = e;
            continue;
        }
        if (c == '@' && i > 0 && lines__email_local(text[i - 1])) {
            size_t s = i;
            while (s > 0 && lines__email_local(text[s - 1]))
                s--;
            size_t e = i + 1;
            while (e < len && lines__domain_char(text[e]))
                e++;
            while (e > i + 1 && (text[e - 1] == '.' || text[e - 1] == '-'))
                e--;
            const char *dot = memchr(text + i + 1, '.', e - i - 1);
            if (dot && s < i && dot + 1 < text + e) {
                /* An email supersedes a bare-domain link found inside it. */
                if (n_hits && n_hits <= cap && hits[n_hits - 1].end_byte > s) n_hits--;
                if (n_hits < cap) hits[n_hits] = (RlsContactHit){RLS_CONTACT_EMAIL, s, e};
                n_hits++;
                i = e;
                continue;
            }
        }
        if (boundary && (isdigit((unsigned char)c) || c == '+' || c == '(')) {
            size_t e = i;
            size_t last_digit = i;
            while (e < len && (isdigit((unsigned char)text[e]) || strchr(" ()+.-", text[e]))) {
                if (text[e] == ' ' && !(e + 1 < len && strchr("0123456789(", text[e + 1]))) break;
                if (isdigit((unsigned char)text[e])) last_digit = e;
                e++;
            }
            /* "(469) 382-9361 80% travel": a group glued to a word or a
             * sign after it is not part of the number. */
            if (e < len && !isspace((unsigned char)text[e]) && !strchr(",;)|", text[e])) {
                size_t sp = e;
                while (sp > i && text[sp - 1] != ' ')
                    sp--;
                if (sp > i) {
                    e = sp - 1;
                    last_digit = e > i ? e - 1 : i;
                    while (last_digit > i && !isdigit((unsigned char)text[last_digit]))
                        last_digit--;
                }
            }
            bool whole = e == len || !isalnum((unsigned char)text[e]);
            if (whole && isdigit((unsigned char)text[last_digit]) &&
                lines__is_phone(text + i, last_digit + 1 - i)) {
                if (n_hits < cap)
                    hits[n_hits] = (RlsContactHit){RLS_CONTACT_PHONE, i, last_digit + 1};
                n_hits++;
                i = e;
                continue;
            }
        }
        /* Bare domains: scan a whole token once. */
        if (boundary && isalnum((unsigned char)c)) {
            size_t e = i;
            while (e < len && lines__url_char(text[e]) && text[e] != ',')
                e++;
            size_t n = lines__trim_url(text + i, e - i);
            if (!memchr(text + i, '@', e - i) && lines__bare_domain(text + i, n)) {
                if (n_hits < cap) hits[n_hits] = (RlsContactHit){RLS_CONTACT_LINK, i, i + n};
                n_hits++;
                i = e;
                continue;
            }
            if (memchr(text + i, '@', e - i)) {
                i++;
                continue;
            }
            i = e > i ? e : i + 1;
            continue;
        }
        i++;
    }
    return n_hits < cap ? n_hits : cap;
}
