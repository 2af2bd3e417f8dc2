/*
 * metric.c - does a bullet state a quantified result? Also which spelled-out
 * numbers count and an opener's tense, which the same rules lean on: the
 * number grammar and the verb morphology themselves are text/'s
 * (rls/numwords.h, rls/verbs.h); what is worth reporting is decided here.
 *
 * The hard part of no-metric is what a number is NOT: versions and product
 * codes (Python 3, Java 17, S3, EC2, OAuth2, HTTP/2, ES6, K8s), years and
 * quarters (2023, Q2 2024) and dates. Everything else a digit starts - 40%,
 * $1.2M, 4x, 800ms, 12M events/day, 14 services, team of 6 - is a result a
 * reader can weigh. The scan is one pass over the bytes with no allocation.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "rls/dates.h"
#include "rls/numwords.h"
#include "rls/verbs.h"
#include "rules/rules_internal.h"

static bool metric__alpha(char c) {
    return isalpha((unsigned char)c) != 0;
}
static bool metric__digit(char c) {
    return isdigit((unsigned char)c) != 0;
}

/* Words before a number that make it a label, not a quantity. */
static const char *const metric__label_words[] = {
    "version", "release",    "v",     "ver",  "level",  "tier", "phase",   "stage",
    "gen",     "generation", "grade", "step", "series", "part", "chapter", "season",
};

/* The word ending just before byte i (skipping one run of spaces); sets
 * ws and we, returns false when there is none or it is not separated by
 * spaces only. */
static bool metric__prev_word(const char *t, uint32_t i, uint32_t *ws, uint32_t *we) {
    uint32_t j = i;
    if (j == 0 || t[j - 1] != ' ') return false;
    while (j > 0 && t[j - 1] == ' ')
        j--;
    uint32_t end = j;
    while (j > 0 && t[j - 1] != ' ' && t[j - 1] != '(' && t[j - 1] != ',')
        j--;
    if (j == end) return false;
    *ws = j;
    *we = end;
    return true;
}

/* The word starting after byte i (skipping spaces). */
static bool metric__next_word(const char *t, uint32_t n, uint32_t i, uint32_t *ws, uint32_t *we) {
    uint32_t j = i;
    while (j < n && t[j] == ' ')
        j++;
    if (j == i && i < n) return false; /* not separated */
    uint32_t s = j;
    while (j < n && (metric__alpha(t[j]) || ((unsigned char)t[j] & 0x80)))
        j++;
    if (j == s) return false;
    *ws = s;
    *we = j;
    return true;
}

/* True when the word at [ws, we) starts a sentence: first in the bullet or
 * after ". ", "; " or ": ". */
static bool metric__sentence_start(const char *t, uint32_t ws) {
    uint32_t j = ws;
    while (j > 0 && !rls_rules_word_before(t, j)) {
        char c = t[j - 1];
        if (c == '.' || c == ';' || c == ':' || c == '|') return true;
        j--;
    }
    return j == 0;
}

static bool metric__unit_after(RlsRulesCtx *ctx, const char *t, uint32_t n, uint32_t j) {
    uint32_t ws, we;
    if (!metric__next_word(t, n, j, &ws, &we)) return false;
    return rls_rules_has_word(ctx, RLS_LEX_UNIT, t + ws, we - ws);
}

/* Is the number at [i, j) a quantity? See the file comment. */
static bool metric__number_counts(RlsRulesCtx *ctx, const char *t, uint32_t n, uint32_t i,
                                  uint32_t j, uint32_t dots, uint32_t *skip_to) {
    *skip_to = j;
    unsigned char prev = i > 0 ? (unsigned char)t[i - 1] : 0;
    /* Money: "$1.2M", "€40K", "£3M". */
    if (prev == '$') return true;
    if (i >= 2 && (memcmp(t + i - 2, "\xC2\xA3", 2) == 0 || memcmp(t + i - 2, "\xC2\xA5", 2) == 0))
        return true;
    if (i >= 3 && memcmp(t + i - 3, "\xE2\x82\xAC", 3) == 0) return true;
    if (dots >= 2) return false; /* 1.2.3, 22.04.1: a version */
    if (j < n && t[j] == '%') return true;
    if (j + 2 < n && memcmp(t + j, "\xEF\xBC\x85", 3) == 0) return true; /* full-width % */
    bool year_like = (j - i) == 4 && dots == 0 && (t[i] == '1' || t[i] == '2') &&
                     ((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0'));
    /* Dates and fractions: 03/2020, 24/7, 2020-01-15, 2019–2021. */
    if (j + 1 < n && t[j] == '/' && metric__digit(t[j + 1])) {
        uint32_t k = j + 1;
        while (k < n && (metric__digit(t[k]) || t[k] == '/'))
            k++;
        *skip_to = k;
        return false;
    }
    uint32_t dash = 0;
    if (j + 1 < n && t[j] == '-') dash = 1;
    if (j + 3 < n && memcmp(t + j, "\xE2\x80\x93", 3) == 0) dash = 3;
    if (dash && j + dash < n && metric__digit(t[j + dash])) {
        if (year_like) {
            uint32_t k = j + dash;
            while (k < n && (metric__digit(t[k]) || t[k] == '-' || t[k] == '.'))
                k++;
            *skip_to = k;
            return false;
        }
        /* A range of counts ("3-5 engineers"): the second number decides. */
        return false;
    }
    /* Attached letters: 12M, 800ms, 4x, 2TB, 24h; not 3D, 5G, 2FA, 1st. */
    uint32_t k = j;
    while (k < n && metric__alpha(t[k]))
        k++;
    if (k > j) {
        *skip_to = k;
        uint32_t sl = k - j;
        if (year_like && sl == 1 && (t[j] == 's' || t[j] == 'S')) return false; /* 1990s */
        static const char *const not_units[] = {"d", "g", "fa", "nf", "st", "nd", "rd", "th"};
        for (size_t u = 0; u < RLS_ARRAY_LEN(not_units); u++)
            if (rls_rules_word_is(t + j, sl, not_units[u])) return false;
        return true;
    }
    uint32_t after = j;
    if (after < n && t[after] == '+') after++; /* "60+ incidents" */
    uint32_t pws, pwe, nws, nwe;
    bool has_prev = metric__prev_word(t, i, &pws, &pwe);
    bool has_next = metric__next_word(t, n, after, &nws, &nwe);
    if (rls_date_number_in_date(t, n, i, j)) return false;
    if (year_like) {
        if (metric__unit_after(ctx, t, n, after)) return true;
        /* "2000 users": a lower-case plural right after makes it a count. */
        return has_next && nwe - nws >= 3 && t[nwe - 1] == 's' && islower((unsigned char)t[nws]);
    }
    if (has_prev) {
        const char *pw = t + pws;
        uint32_t pl = pwe - pws;
        bool label = false;
        for (size_t u = 0; u < RLS_ARRAY_LEN(metric__label_words) && !label; u++)
            label = rls_rules_word_is(pw, pl, metric__label_words[u]);
        /* After a product name, a bare number is its version: "Java 17",
         * "Spring Boot 3", "Python 3 services", ".NET 8". The first word of
         * a sentence is capitalised for another reason ("Mentored 4"). */
        if (!label && (isupper((unsigned char)pw[0]) || pw[0] == '.') &&
            !metric__sentence_start(t, pws))
            label = true;
        if (label) return metric__unit_after(ctx, t, n, after);
    }
    return true;
}

static bool metric__word_result(const char *w, uint32_t n) {
    static const char *const words[] = {
        "doubled", "doubling", "tripled", "tripling", "quadrupled", "halved",
        "halving", "zero",     "tenfold", "twofold",  "threefold",  "quadrupling",
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(words); i++)
        if (rls_rules_word_is(w, n, words[i])) return true;
    return false;
}

bool rls_rules_has_metric(RlsRulesCtx *ctx, const char *t, uint32_t n) {
    uint32_t i = 0;
    while (i < n) {
        if (!metric__digit(t[i])) {
            i++;
            continue;
        }
        /* A digit glued to letters before it is a code: S3, EC2, OAuth2,
         * p99, Q2, IPv6, x86; also GPT-4, HTTP/2, C++17. */
        unsigned char prev = i > 0 ? (unsigned char)t[i - 1] : 0;
        bool code = metric__alpha((char)prev) || prev == '_';
        if (!code && i >= 2 && (prev == '-' || prev == '/' || prev == '+') &&
            (metric__alpha(t[i - 2]) || t[i - 2] == '+'))
            code = true;
        /* The second half of a fraction or date was consumed with the first;
         * here only "/7" after a letter-less start can appear. */
        if (!code && prev == '/' && i >= 2 && metric__digit(t[i - 2])) code = true;
        uint32_t j = i, dots = 0;
        while (j < n && (metric__digit(t[j]) ||
                         ((t[j] == '.' || t[j] == ',') && j + 1 < n && metric__digit(t[j + 1])))) {
            if (t[j] == '.') dots++;
            j++;
        }
        if (code) {
            while (j < n && (metric__alpha(t[j]) || metric__digit(t[j])))
                j++;
            i = j;
            continue;
        }
        uint32_t skip_to;
        if (metric__number_counts(ctx, t, n, i, j, dots, &skip_to)) return true;
        i = skip_to > i ? skip_to : i + 1;
    }
    for (size_t w = 0; w < ctx->n_words; w++) {
        const RlsWord *wd = &ctx->words[w];
        if (metric__word_result(t + wd->start_byte, wd->end_byte - wd->start_byte)) return true;
        long v;
        if (rls_rules_spelled_number(ctx, t, n, w, &v)) return true;
    }
    return false;
}

/* ---- Spelled-out numbers ---------------------------------------------------------- */

uint32_t rls_rules_spelled_number(RlsRulesCtx *ctx, const char *t, uint32_t n, size_t w,
                                  long *value) {
    if (w >= ctx->n_words) return 0;
    const RlsWord *wd = &ctx->words[w];
    uint64_t first;
    RlsNumWordKind kind =
        rls_numword_kind(t + wd->start_byte, wd->end_byte - wd->start_byte, &first);
    /* "one of", "zero downtime", "a dozen" read naturally in words. */
    if (kind == RLS_NUMWORD_NONE || kind == RLS_NUMWORD_DOZEN ||
        (kind == RLS_NUMWORD_SMALL && first < 2))
        return 0;
    /* "2 million users" is digits already. */
    if (w > 0) {
        const RlsWord *pw = &ctx->words[w - 1];
        if (metric__digit(t[pw->end_byte - 1]) && wd->start_byte - pw->end_byte <= 1) return 0;
    }
    /* A capitalised number mid-sentence is a name: "Four Seasons". */
    if (isupper((unsigned char)t[wd->start_byte]) && !metric__sentence_start(t, wd->start_byte))
        return 0;
    /* "Three.js". */
    if (wd->end_byte + 1 < n && t[wd->end_byte] == '.' && metric__alpha(t[wd->end_byte + 1]))
        return 0;
    /* "the two supervolcanoes", "both three-year grants": the number names
     * known things rather than counting a result. */
    if (w > 0) {
        const RlsWord *pw = &ctx->words[w - 1];
        /* "two or three", "one to two": an estimate, not a count to fix. */
        static const char *const det[] = {"the", "these", "those", "both",
                                          "its", "their", "or",    "to"};
        for (size_t i = 0; i < RLS_ARRAY_LEN(det); i++)
            if (rls_rules_word_is(t + pw->start_byte, pw->end_byte - pw->start_byte, det[i]))
                return 0;
    }
    uint32_t from = wd->start_byte;
    if (kind != RLS_NUMWORD_SMALL) {
        /* "hundred", "thousand" alone read as "a hundred": only count it
         * after "a", which the grammar reads as one. */
        if (w == 0 ||
            !rls_rules_word_is(t + ctx->words[w - 1].start_byte,
                               ctx->words[w - 1].end_byte - ctx->words[w - 1].start_byte, "a"))
            return 0;
        from = ctx->words[w - 1].start_byte;
    }
    RlsNumWords num;
    if (!rls_numwords_read(t, n, from, &num)) return 0;
    uint32_t end = num.end_byte;
    /* "two-factor", "three-tier", "five-star": a compound adjective. */
    if (end < n && t[end] == '-') return 0;
    size_t k = w + 1;
    while (k < ctx->n_words && ctx->words[k].start_byte < end)
        k++;
    if (k >= ctx->n_words) return 0; /* a number must count something */
    const RlsWord *nw = &ctx->words[k];
    const char *nt = t + nw->start_byte;
    uint32_t nl = nw->end_byte - nw->start_byte;
    if (rls_rules_word_is(nt, nl, "percent") || rls_rules_word_is(nt, nl, "pct")) {
        end = nw->end_byte;
    } else if (rls_rules_word_is(nt, nl, "per") && k + 1 < ctx->n_words &&
               rls_rules_word_is(t + ctx->words[k + 1].start_byte,
                                 ctx->words[k + 1].end_byte - ctx->words[k + 1].start_byte,
                                 "cent")) {
        end = ctx->words[k + 1].end_byte;
    } else if (rls_rules_word_is(nt, nl, "or") || rls_rules_word_is(nt, nl, "and") ||
               rls_rules_word_is(nt, nl, "to")) {
        /* "two or three", "one to two": an estimate, not a count to fix. */
        return 0;
    }
    *value = (long)num.value;
    return end;
}

/* ---- Verb forms ---------------------------------------------------------------------- */

/* A verb that opens bullets: the action-verb list (which leaves out the
 * verbs that open bullets mostly as nouns, "Index", "Record"), or a verb the
 * table lists with its own forms. Any case. */
static bool metric__is_base_verb(const char *w, size_t n) {
    if (rls_lexicon_find(rls_lexicon_get(RLS_LEX_ACTION_VERB), w, n)) return true;
    RlsVerb v;
    return rls_verb_as(w, n, RLS_VFORM_BASE, false, &v) && v.irregular;
}

RlsTense rls_rules_tense_of(const char *word, size_t len, const char *next, size_t next_len) {
    char w[48];
    if (len == 0 || len >= sizeof(w)) return RLS_TENSE_NONE;
    for (size_t i = 0; i < len; i++)
        w[i] = (char)tolower((unsigned char)word[i]);
    w[len] = '\0';
    RlsVerb v;
    /* Verbs whose past equals the base (cut, set, put, read) give no tense
     * signal. */
    if (rls_verb_as(w, len, RLS_VFORM_BASE, false, &v) && v.irregular && strcmp(v.past, w) == 0)
        return RLS_TENSE_NONE;
    if (rls_verb_as(w, len, RLS_VFORM_PAST, false, &v) && v.irregular) return RLS_TENSE_PAST;
    if (len >= 4 && w[len - 2] == 'e' && w[len - 1] == 'd') {
        static const char *const not_past[] = {"embed", "shed",   "need",    "speed",
                                               "seed",  "exceed", "succeed", "proceed",
                                               "breed", "bleed",  "feed",    "heed"};
        for (size_t i = 0; i < RLS_ARRAY_LEN(not_past); i++)
            if (strcmp(w, not_past[i]) == 0) return RLS_TENSE_NONE;
        return RLS_TENSE_PAST;
    }
    /* A base form followed by these is a noun: "Design of", "Lead engineer". */
    static const char *const noun_next[] = {
        "of", "for", "engineer", "engineers", "developer", "role", "team", "member", "position",
        "reviews", "review", "lead", "owner", "automation",
        /* "Research Assistant", "Support Analyst" */
        "assistant", "intern", "analyst", "associate", "scientist", "specialist", "manager"};
    for (size_t i = 0; next && i < RLS_ARRAY_LEN(noun_next); i++)
        if (rls_rules_word_is(next, (uint32_t)next_len, noun_next[i])) return RLS_TENSE_NONE;
    if (strcmp(w, "lead") == 0) {
        /* "Lead a team of 5" is a verb; "Lead Developer" is a title. */
        static const char *const det[] = {"a", "an", "the", "our", "my", "and", "cross"};
        for (size_t i = 0; next && i < RLS_ARRAY_LEN(det); i++)
            if (rls_rules_word_is(next, (uint32_t)next_len, det[i])) return RLS_TENSE_PRESENT;
        return RLS_TENSE_NONE;
    }
    if (metric__is_base_verb(w, len)) return RLS_TENSE_PRESENT;
    /* "Manages", "Optimizes", "Applies": the third person of an opener verb. */
    if (len >= 4 && w[len - 1] == 's' && rls_verb_as(w, len, RLS_VFORM_THIRD, true, &v) &&
        metric__is_base_verb(v.base, strlen(v.base)))
        return RLS_TENSE_PRESENT;
    return RLS_TENSE_NONE;
}

void rls_rules_other_tense(const char *word, size_t len, RlsTense tense, char *buf, size_t cap) {
    if (cap == 0) return;
    RlsVerb v;
    const char *form = NULL;
    if (tense == RLS_TENSE_PAST) {
        if (rls_verb_as(word, len, RLS_VFORM_PAST, true, &v)) form = v.base;
    } else if ((!metric__is_base_verb(word, len) &&
                rls_verb_as(word, len, RLS_VFORM_THIRD, true, &v)) ||
               rls_verb_from_base(word, len, &v)) {
        /* "Manages" -> "managed", "Build" -> "built". */
        form = v.past;
    }
    buf[0] = '\0';
    size_t fl = form ? strlen(form) : 0;
    if (!form || fl + 1 > cap) return;
    memcpy(buf, form, fl + 1);
    if (fl && isupper((unsigned char)word[0])) buf[0] = (char)toupper((unsigned char)buf[0]);
}
