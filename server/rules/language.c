/*
 * language.c - what kind of document the rules are reading: English prose
 * or not, a whole LaTeX resume or a fragment of one.
 *
 * Several rules are English by nature: the heading table, verb tenses,
 * acronym expansions, "missing Education section" (a French resume has a
 * "Formation" section). On a resume in another language they can only
 * produce false alarms, so the engine asks here once per run.
 */
#include <assert.h>
#include <string.h>
#include <threads.h>

#include "rls/hash.h"
#include "rules/rules_internal.h"

/* Short function words: frequent in any prose, and telling of its
 * language. Words shared between the lists ("a", "in", "no") are left out. */
static const char *const language__en[] = {"the", "and",  "of",  "to",   "for",  "with", "on",
                                           "by",  "from", "at",  "an",   "is",   "was",  "that",
                                           "as",  "into", "our", "this", "over", "using"};
static const char *const language__other[] = {
    /* French */
    "le", "la", "les", "des", "du", "et", "pour", "avec", "une", "au", "aux", "dans", "sur", "par",
    "est", "d", "l",
    /* Portuguese and Spanish */
    "da", "do", "dos", "das", "em", "para", "com", "uma", "os", "el", "los", "las", "y", "con",
    "por", "del", "e", "um", "que",
    /* German */
    "und", "der", "die", "mit", "von", "zu", "ein", "eine", "den", "im", "auf",
    /* Danish, Norwegian and Swedish */
    "og", "jeg", "er", "til", "af", "det", "som", "ikke", "har", "med", "och", "att", "av",
    /* Italian and Dutch */
    "il", "di", "della", "nel", "het", "een", "van", "voor",
    /* Polish */
    "się", "nie", "oraz", "dla", "przez"};

/* ---- Function words by hash ------------------------------------------------
 * Every short word of the bullets is looked up several times a run (the
 * document's language, each section's); comparing it with the 95 words
 * above one by one was the largest part of the rules' time on a short
 * resume. The lists go into one table, once per process, keyed by the word
 * folded to lower case and packed with its length into eight bytes: the
 * words are at most five bytes, so distinct words have distinct keys, and
 * rls_hash_mix of eight bytes is a bijection, so distinct keys have
 * distinct hashes. The table answers exactly what rls_rules_word_is over
 * both lists did, English first. */

typedef enum { LANGUAGE__NONE = 0, LANGUAGE__EN, LANGUAGE__OTHER } LanguageKind;

typedef struct {
    uint64_t hash; /* 0: empty */
    uint8_t kind;  /* LanguageKind */
} LanguageSlot;

/* A power of two, more than twice the words: probes end soon. */
#define LANGUAGE__CAP 256
#define LANGUAGE__MAX_WORD 5

static LanguageSlot language__table[LANGUAGE__CAP];
static once_flag language__once = ONCE_FLAG_INIT;

/* The key of w[0..n), n <= LANGUAGE__MAX_WORD, ASCII folded to lower case. */
static uint64_t language__hash(const char *w, uint32_t n) {
    unsigned char packed[8] = {0};
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        packed[i] = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
    }
    packed[7] = (unsigned char)n;
    return rls_hash_mix(RLS_HASH_SEED, packed, sizeof(packed));
}

static void language__add(const char *const *words, size_t count, LanguageKind kind) {
    for (size_t i = 0; i < count; i++) {
        uint32_t n = (uint32_t)strlen(words[i]);
        assert(n <= LANGUAGE__MAX_WORD);
        uint64_t h = language__hash(words[i], n);
        /* 0 marks an empty slot and rls_hash_key folds it into 1. */
        assert(h > 1);
        LanguageSlot *slot = &language__table[rls_hash_probe(language__table, sizeof(LanguageSlot),
                                                             LANGUAGE__CAP, h)];
        if (slot->hash) continue; /* in both lists: English, as it was tried first */
        slot->hash = h;
        slot->kind = (uint8_t)kind;
    }
}

static void language__build(void) {
    language__add(language__en, RLS_ARRAY_LEN(language__en), LANGUAGE__EN);
    language__add(language__other, RLS_ARRAY_LEN(language__other), LANGUAGE__OTHER);
}

/* Which list the ASCII word w[0..n) is in (case-insensitive). */
static LanguageKind language__kind(const char *w, uint32_t n) {
    if (n == 0 || n > LANGUAGE__MAX_WORD) return LANGUAGE__NONE;
    call_once(&language__once, language__build);
    uint64_t h = rls_hash_key(language__hash(w, n));
    const LanguageSlot *slot =
        &language__table[rls_hash_probe(language__table, sizeof(LanguageSlot), LANGUAGE__CAP, h)];
    return slot->hash ? (LanguageKind)slot->kind : LANGUAGE__NONE;
}

/* ---- Words --------------------------------------------------------------
 * The one scan both questions below share: words are runs of letters and
 * digits (rls_rules_is_word_cp), and every letter is tallied as Latin
 * (ASCII, Latin-1 and Latin Extended: é, ç, ã) or not. */

typedef struct {
    const char *text;
    uint32_t len, at;
    uint32_t latin, nonlatin; /* letters seen so far */
} LanguageWords;

/* The next word of w->text at or after w->at: its start in *start, its
 * length in *len, whether it is all ASCII in *ascii. False at the end. */
static bool language__next(LanguageWords *w, uint32_t *start, uint32_t *len, bool *ascii) {
    const char *t = w->text;
    uint32_t n = w->len, i = w->at, cl = 1;
    while (i < n) {
        unsigned char c0 = (unsigned char)t[i];
        if (c0 < 0x80 ? rls_rules_ascii_alnum(c0)
                      : rls_rules_is_word_cp(rls_rules_cp_at(t, n, i, &cl)))
            break;
        i += c0 < 0x80 ? 1 : cl;
    }
    if (i >= n) {
        w->at = n;
        return false;
    }
    *start = i;
    *ascii = true;
    while (i < n) {
        unsigned char ch = (unsigned char)t[i];
        if (ch < 0x80) {
            if (!rls_rules_ascii_alnum(ch)) break;
            w->latin += ch > '9';
            i++;
            continue;
        }
        uint32_t cp = rls_rules_cp_at(t, n, i, &cl);
        if (!rls_rules_is_word_cp(cp)) break;
        *ascii = false;
        if (cp < 0x250)
            w->latin++;
        else
            w->nonlatin++;
        i += cl;
    }
    *len = i - *start;
    w->at = i;
    return true;
}

typedef struct {
    uint32_t en, other;       /* function words */
    uint32_t latin, nonlatin; /* letters */
} LanguageCount;

/* Adds p's letters to c, and its function words unless letters_only. */
static void language__scan_words(const RlsPlain *p, LanguageCount *c, bool letters_only) {
    if (!p->text) return;
    LanguageWords w = {p->text, p->len, 0, c->latin, c->nonlatin};
    uint32_t start = 0, len = 0;
    bool ascii = true;
    while (language__next(&w, &start, &len, &ascii)) {
        if (letters_only || !ascii || len > LANGUAGE__MAX_WORD) continue;
        LanguageKind kind = language__kind(p->text + start, len);
        if (kind == LANGUAGE__EN)
            c->en++;
        else if (kind == LANGUAGE__OTHER)
            c->other++;
    }
    c->latin = w.latin;
    c->nonlatin = w.nonlatin;
}

static void language__scan(const RlsPlain *p, LanguageCount *c) {
    language__scan_words(p, c, false);
}

bool rls_rules_is_english(const RlsResume *m) {
    LanguageCount c = {0, 0, 0, 0};
    for (uint32_t s = 0; s < m->n_sections; s++)
        language__scan(&m->sections[s].heading, &c);
    /* The bullets carry the prose; a resume states its language within its
     * first few dozen, so the scan stops there (it runs on every keystroke). */
    for (uint32_t b = 0; b < m->n_bullets && b < 48; b++) {
        language__scan(&m->bullets[b].plain, &c);
        /* Plainly English already: stop (this runs on every keystroke). */
        if (c.en >= 24 && c.other * 6 <= c.en && c.nonlatin * 8 <= c.latin) return true;
    }
    for (uint32_t p = 0; p < m->n_paragraphs && p < 8; p++)
        language__scan(&m->paragraphs[p].plain, &c);
    /* Mostly another script (Chinese, Korean, Cyrillic, ...): not English,
     * even where tool names and acronyms are written in Latin letters. */
    if (c.nonlatin * 2 > c.latin) return false;
    /* Latin script: the function words decide. A document too short to
     * tell (a few headings) counts as English, the product's default. */
    return c.other <= c.en || c.other < 3;
}

static bool language__has(const char *src, uint32_t len, const char *needle) {
    size_t nl = strlen(needle);
    const char *p = src, *end = src + len;
    while ((size_t)(end - p) >= nl && (p = memchr(p, needle[0], (size_t)(end - p) - nl + 1))) {
        if (memcmp(p, needle, nl) == 0) return true;
        p++;
    }
    return false;
}

bool rls_rules_is_fragment(const RlsResume *m, const char *src, uint32_t len) {
    if (m->format != RLS_FORMAT_LATEX || !src || len == 0) return false;
    return !language__has(src, len, "\\documentclass") &&
           !language__has(src, len, "\\begin{document}");
}

/* ---- Which language ---------------------------------------------------------
 * The lists above lump the other languages together; picking a dictionary
 * needs them apart. Words two of them share ("de", "que", "por") are left
 * out, so each count is telling on its own. */

static const char *const language__codes[] = {"en", "fr", "de", "es", "pt", "da", "nl", "it", "pl"};
#define LANGUAGE__N RLS_ARRAY_LEN(language__codes)
static const char *const *const language__words[] = {
    (const char *const[]){"the", "and",  "of",  "to",   "for",  "with",  "on",
                          "by",  "from", "at",  "an",   "is",   "was",   "that",
                          "as",  "into", "our", "this", "over", "using", NULL},
    (const char *const[]){"le", "la", "les", "des", "du", "et", "pour", "avec", "une", "au", "aux",
                          "dans", "sur", "par", "est", NULL},
    (const char *const[]){"und", "der", "die", "mit", "von", "zu", "ein", "eine", "den", "im",
                          "auf", "für", "das", "bei", NULL},
    (const char *const[]){"el", "los", "las", "y", "con", "del", "para", "una", "en", "un", NULL},
    (const char *const[]){"da", "do", "dos", "das", "em", "com", "uma", "um", "e", "na", "no",
                          NULL},
    (const char *const[]){"og", "jeg", "er", "det", "som", "med", "af", "på", "til", "har", "ikke",
                          "vores", "mig", NULL},
    (const char *const[]){"het", "een", "voor", "met", "op", "zijn", "ik", "niet", "naar", "bij",
                          "ook", NULL},
    (const char *const[]){"il", "della", "delle", "nel", "gli", "sono", "degli", "alla", "dei",
                          "nella", NULL},
    /* "w" and "z" (in, with) are rarely English words: "w/" is read as "w". */
    (const char *const[]){"się", "nie", "oraz", "dla", "przez", "przy", "jest", "w", "z", NULL},
};

/* The function words above by their bytes (ASCII folded; "für" is the one
 * non-ASCII word, compared as bytes), each with how many times each
 * language's list holds it. Comparing every word of a resume with every
 * list on every keystroke was a tenth of the server's work while typing. */
#define LANGUAGE__FN_CAP 512 /* a power of two, over twice the words */
typedef struct {
    uint64_t key; /* the packed word (never 0: its length is in it); 0: empty */
    uint8_t count[LANGUAGE__N];
} LanguageFnSlot;
static LanguageFnSlot language__fn[LANGUAGE__FN_CAP];
static once_flag language__fn_once = ONCE_FLAG_INIT;

static uint64_t language__packed(const char *w, uint32_t n) {
    uint64_t k = n;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        k = k << 8 | (c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c);
    }
    return k;
}

static LanguageFnSlot *language__fn_slot(uint64_t key) {
    uint32_t i = (uint32_t)((key * 0x9E3779B97F4A7C15ull) >> 55) & (LANGUAGE__FN_CAP - 1);
    while (language__fn[i].key && language__fn[i].key != key)
        i = (i + 1) & (LANGUAGE__FN_CAP - 1);
    return &language__fn[i];
}

static void language__fn_build(void) {
    for (size_t l = 0; l < LANGUAGE__N; l++)
        for (const char *const *word = language__words[l]; *word; word++) {
            uint32_t n = (uint32_t)strlen(*word);
            assert(n <= LANGUAGE__MAX_WORD);
            LanguageFnSlot *slot = language__fn_slot(language__packed(*word, n));
            slot->key = language__packed(*word, n);
            slot->count[l]++;
        }
}

static void language__count_words(const RlsPlain *p, uint32_t *count, uint32_t *latin,
                                  uint32_t *nonlatin) {
    if (!p->text) return;
    call_once(&language__fn_once, language__fn_build);
    LanguageWords w = {p->text, p->len, 0, *latin, *nonlatin};
    uint32_t start = 0, len = 0;
    bool ascii = true;
    while (language__next(&w, &start, &len, &ascii)) {
        if (len > LANGUAGE__MAX_WORD) continue;
        const LanguageFnSlot *slot = language__fn_slot(language__packed(p->text + start, len));
        if (!slot->key) continue;
        for (size_t l = 0; l < LANGUAGE__N; l++)
            count[l] += slot->count[l];
    }
    *latin = w.latin;
    *nonlatin = w.nonlatin;
}

const char *rls_rules_language(const RlsResume *m) {
    uint32_t count[LANGUAGE__N] = {0}, latin = 0, nonlatin = 0;
    for (uint32_t b = 0; b < m->n_bullets && b < 64; b++)
        language__count_words(&m->bullets[b].plain, count, &latin, &nonlatin);
    for (uint32_t p = 0; p < m->n_paragraphs && p < 16; p++)
        language__count_words(&m->paragraphs[p].plain, count, &latin, &nonlatin);
    if (nonlatin * 2 > latin) return NULL;
    size_t best = 1;
    for (size_t l = 2; l < RLS_ARRAY_LEN(language__codes); l++)
        if (count[l] > count[best]) best = l;
    /* English unless another language clearly leads (tool names and
     * English loan phrases are common in any resume). */
    if (count[best] >= 3 && count[best] > count[0]) return language__codes[best];
    /* Too little text to tell: the product's default, unless not one
     * English function word stands against one of another language (a short
     * Spanish resume checked against en_US flags every other word). */
    if (latin < 200) return count[0] == 0 && count[best] >= 1 ? NULL : "en";
    /* Prose of some length with few English function words (one in 40
     * letters is far below any English text, terse bullets included) is in
     * a language not listed here: Danish, Dutch, Italian, ... */
    return count[0] * 40 >= latin / 6 ? "en" : NULL;
}

bool rls_rules_plain_foreign_script(const RlsPlain *p) {
    LanguageCount c = {0, 0, 0, 0};
    /* Asked for every bullet, twice a run: the letters are the answer. */
    language__scan_words(p, &c, true);
    return c.nonlatin > c.latin;
}

bool rls_rules_section_english(const RlsResume *m, uint32_t section, bool doc_english) {
    if (section >= m->n_sections) return doc_english;
    const RlsSection *s = &m->sections[section];
    LanguageCount c = {0, 0, 0, 0};
    language__scan(&s->heading, &c);
    /* A section states its language within its first few dozen lines. */
    for (uint32_t k = 0; k < s->n_bullets && k < 48; k++) {
        uint32_t b = s->first_bullet + k;
        if (b < m->n_bullets && m->bullets[b].section == section)
            language__scan(&m->bullets[b].plain, &c);
    }
    uint32_t seen = 0;
    for (uint32_t p = 0; p < m->n_paragraphs && seen < 16; p++) {
        if (m->paragraphs[p].section != section) continue;
        seen++;
        language__scan(&m->paragraphs[p].plain, &c);
    }
    if (c.nonlatin * 2 > c.latin && c.nonlatin >= 8) return false;
    /* Enough function words to tell: they decide; else the document's
     * language stands (a skills list, a few short lines). */
    if (c.en + c.other >= 6) return c.other * 2 <= c.en;
    if (c.en >= 3 && c.other == 0) return true;
    if (c.other >= 3 && c.en == 0) return false;
    return doc_english;
}
