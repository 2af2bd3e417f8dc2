/*
 * lexicon.c - the embedded word lists and the plain-text scanning helpers
 * (rules_internal.h).
 *
 * Lexicons are parsed once per process. The entries live in one static pool
 * and point into the embedded data, so parsing allocates nothing: a language
 * server keeps them for its whole life, and the unit tests' leak check stays
 * exact.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "rls/text.h" /* rls_utf8_decode: the one decoder */
#include "rules/rules_internal.h"

/* ASCII-only folding: cheaper than the locale's tolower on every byte, and
 * the lexicons are ASCII. */
#define LEXICON_FOLD(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))

#define RLS_DATA(name)                                                                             \
    extern const unsigned char rls_data_##name[];                                                  \
    extern const size_t rls_data_##name##_len;
RLS_DATA(weak_openers_txt)
RLS_DATA(buzzwords_txt)
RLS_DATA(vague_quantifiers_txt)
RLS_DATA(action_verbs_txt)
RLS_DATA(verbs_tsv) /* the verb table, server/text/data/ */
RLS_DATA(metric_units_txt)
RLS_DATA(acronyms_tsv)
RLS_DATA(heading_keywords_tsv)
RLS_DATA(verb_synonyms_tsv)
#undef RLS_DATA

typedef struct {
    const char *name; /* the configuration name: a rule id where one owns it */
    const unsigned char *data;
    const size_t *len;
    unsigned key_col;
    bool fold;
} LexSource;

static const LexSource lexicon__sources[RLS_LEX_COUNT] = {
    [RLS_LEX_WEAK_OPENER] = {"weak-opener", rls_data_weak_openers_txt,
                             &rls_data_weak_openers_txt_len, 0, true},
    [RLS_LEX_BUZZWORD] = {"buzzword", rls_data_buzzwords_txt, &rls_data_buzzwords_txt_len, 0, true},
    [RLS_LEX_VAGUE] = {"vague-quantifier", rls_data_vague_quantifiers_txt,
                       &rls_data_vague_quantifiers_txt_len, 0, true},
    [RLS_LEX_ACTION_VERB] = {"action-verbs", rls_data_action_verbs_txt,
                             &rls_data_action_verbs_txt_len, 0, true},
    /* The participles the verb table lists (its regular verbs' lines have
     * none: "-ed" tells those), as a list the configuration can edit. */
    [RLS_LEX_PARTICIPLE] = {"passive-voice", rls_data_verbs_tsv, &rls_data_verbs_tsv_len, 2, true},
    [RLS_LEX_UNIT] = {"metric-units", rls_data_metric_units_txt, &rls_data_metric_units_txt_len, 0,
                      true},
    [RLS_LEX_ACRONYM] = {"acronym-undefined", rls_data_acronyms_tsv, &rls_data_acronyms_tsv_len, 0,
                         false},
    [RLS_LEX_HEADING_KEYWORD] = {"heading-keywords", rls_data_heading_keywords_tsv,
                                 &rls_data_heading_keywords_tsv_len, 0, true},
    [RLS_LEX_VERB_SYNONYM] = {"verb-synonyms", rls_data_verb_synonyms_tsv,
                              &rls_data_verb_synonyms_tsv_len, 0, true},
};

/* Room for every entry of every list with a wide margin; lexicon_test fails
 * if the data ever outgrows it (rls_lexicon_dropped). */
#define LEXICON_POOL_MAX 4096
static RlsLexEntry lexicon__pool[LEXICON_POOL_MAX];
static uint32_t lexicon__pool_used;
static uint32_t lexicon__dropped;
static RlsLexicon lexicon__lists[RLS_LEX_COUNT];
static once_flag lexicon__once = ONCE_FLAG_INIT;

static int lexicon__key_cmp(const char *a, size_t alen, const char *b, size_t blen) {
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c) return c;
    return alen < blen ? -1 : alen > blen ? 1 : 0;
}

static int lexicon__entry_cmp(const void *x, const void *y) {
    const RlsLexEntry *a = x, *b = y;
    return lexicon__key_cmp(a->key, a->key_len, b->key, b->key_len);
}

static void lexicon__parse(RlsLexId id) {
    const LexSource *s = &lexicon__sources[id];
    const char *p = (const char *)s->data, *end = p + *s->len;
    RlsLexEntry *first = &lexicon__pool[lexicon__pool_used];
    uint32_t n = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *line = p;
        size_t line_len = (size_t)(eol - p);
        if (line_len && line[line_len - 1] == '\r') line_len--;
        p = eol + 1;
        if (line_len == 0 || line[0] == '#') continue;
        RlsLexEntry e = {.line = line, .line_len = (uint16_t)line_len};
        if (line[0] == '?') {
            e.flags |= RLS_LEX_FLAG_WEAK;
            e.line++;
            e.line_len--;
        }
        size_t klen;
        const char *key = rls_lexicon_column(&e, s->key_col, &klen);
        if (!key || klen == 0) continue;
        e.key = key;
        e.key_len = (uint16_t)klen;
        if (lexicon__pool_used >= LEXICON_POOL_MAX) {
            lexicon__dropped++;
            continue;
        }
        lexicon__pool[lexicon__pool_used++] = e;
        n++;
    }
    qsort(first, n, sizeof(*first), lexicon__entry_cmp);
    RlsLexicon *lex = &lexicon__lists[id];
    *lex = (RlsLexicon){.items = first, .n = n, .fold = s->fold, .name = s->name};
    for (uint32_t i = n; i-- > 0;) {
        unsigned char c = (unsigned char)first[i].key[0];
        if (c >= 128) continue;
        if (lex->first_hi[c] == 0) lex->first_hi[c] = (uint16_t)(i + 1);
        lex->first_lo[c] = (uint16_t)i;
    }
}

static void lexicon__load_all(void) {
    for (int id = 0; id < RLS_LEX_COUNT; id++)
        lexicon__parse((RlsLexId)id);
}

const RlsLexicon *rls_lexicon_get(RlsLexId id) {
    call_once(&lexicon__once, lexicon__load_all);
    return &lexicon__lists[id];
}

uint32_t rls_lexicon_dropped(void) {
    call_once(&lexicon__once, lexicon__load_all);
    return lexicon__dropped;
}

const char *rls_lexicon_column(const RlsLexEntry *e, unsigned col, size_t *len) {
    const char *p = e->line, *end = e->line + e->line_len;
    for (unsigned c = 0; c < col; c++) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        if (!tab) return NULL;
        p = tab + 1;
    }
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    *len = (size_t)((tab ? tab : end) - p);
    return p;
}

const RlsLexEntry *rls_lexicon_find(const RlsLexicon *lex, const char *word, size_t len) {
    char low[64];
    if (len == 0 || len >= sizeof(low)) return NULL;
    if (lex->fold) {
        for (size_t i = 0; i < len; i++)
            low[i] = (char)LEXICON_FOLD((unsigned char)word[i]);
        word = low;
    }
    size_t lo = 0, hi = lex->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const RlsLexEntry *e = &lex->items[mid];
        int c = lexicon__key_cmp(e->key, e->key_len, word, len);
        if (c == 0) return e;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- UTF-8 and words -------------------------------------------------------- */

uint32_t rls_rules_cp_at(const char *text, uint32_t len, uint32_t i, uint32_t *n) {
    uint32_t cp;
    *n = rls_utf8_decode((const unsigned char *)text + i, len - i, &cp);
    return cp;
}

bool rls_rules_is_word_cp(uint32_t cp) {
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) return false;
    /* General punctuation, arrows and symbols, CJK and full-width punctuation:
     * dashes, curly quotes, bullets and "、。" separate words. */
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
    if (cp >= 0xFF1A && cp <= 0xFF20) return false;
    return true;
}

bool rls_rules_word_at(const char *text, uint32_t len, uint32_t i) {
    if (i >= len) return false;
    uint32_t n;
    return rls_rules_is_word_cp(rls_rules_cp_at(text, len, i, &n));
}

bool rls_rules_word_before(const char *text, uint32_t i) {
    if (i == 0) return false;
    uint32_t j = i - 1;
    while (j > 0 && ((unsigned char)text[j] & 0xC0) == 0x80)
        j--;
    uint32_t n;
    return rls_rules_is_word_cp(rls_rules_cp_at(text, i, j, &n));
}

static bool lexicon__is_sep(char c) {
    return c == ' ' || c == '-';
}

uint32_t rls_rules_phrase_at(const char *key, size_t key_len, bool fold, const char *text,
                             uint32_t len, uint32_t pos) {
    uint32_t i = pos;
    size_t k = 0;
    while (k < key_len) {
        char c = key[k];
        if (lexicon__is_sep(c)) {
            if (i >= len || !lexicon__is_sep(text[i])) return 0;
            while (i < len && lexicon__is_sep(text[i]))
                i++;
            while (k < key_len && lexicon__is_sep(key[k]))
                k++;
            continue;
        }
        if (i >= len) return 0;
        if (c == '\'') {
            if (text[i] == '\'') {
                i++;
            } else if (i + 2 < len && memcmp(text + i, "\xE2\x80\x99", 3) == 0) {
                i += 3;
            } else {
                return 0;
            }
            k++;
            continue;
        }
        char t = text[i];
        if (fold) t = (char)LEXICON_FOLD((unsigned char)t);
        if (t != c) return 0;
        i++;
        k++;
    }
    if (rls_rules_word_at(text, len, i)) return 0;
    return i;
}
