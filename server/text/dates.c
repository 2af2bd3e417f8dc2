/*
 * dates.c - the one date grammar (rls/dates.h).
 *
 * A small hand-written scanner rather than a regular expression: resumes mix
 * month names in many languages, seasons, numeric forms ("03/2020", "2018.9",
 * "2019年3月"), two-digit years ("Aug19", "10/15") and a dozen dashes, and
 * each form needs its own plausibility check so that "3.7/4.0", "£500" or a
 * phone number never reads as a date.
 *
 * It lives under server/text/, below the parsers, because the parsers need
 * it to decide which line of an entry holds its dates (a layout question
 * they answer while reading the syntax tree), and the model, the rules and
 * the score need the same answer; a grammar here depends on nothing.
 */
#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "rls/dates.h"
#include "rls/text.h" /* rls_utf8_decode */

typedef struct {
    const char *p; /* cursor */
    const char *end;
    int min_year; /* 1900; 1000 in a date slot (a historical CV) */
    bool slot;    /* a date slot: "1667 - death" leaves the end unknown */
} DateScan;

typedef struct {
    const char *word; /* lower-case UTF-8 */
    int8_t month;     /* 1..12, or 13..16 for spring, summer, autumn, winter */
} DateWord;

/* Words are matched whole, so the order does not matter. Abbreviations are
 * listed without their dot; the dot is read after the word. */
static const DateWord dates__words[] = {
    /* English: DATES__N_ENGLISH entries, first */
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
    {"fevr", 2},
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
    {"decembre", 12},
    {"déc", 12},
    /* German */
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"maerz", 3},
    {"mär", 3},
    {"mrz", 3},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    /* Spanish */
    {"enero", 1},
    {"ene", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"abr", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"ago", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"dic", 12},
    /* Portuguese */
    {"janeiro", 1},
    {"fevereiro", 2},
    {"fev", 2},
    {"março", 3},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"set", 9},
    {"outubro", 10},
    {"out", 10},
    {"dezembro", 12},
    {"dez", 12},
    /* Russian (nominative, genitive "1 марта 2020", abbreviations) */
    {"январь", 1},
    {"января", 1},
    {"янв", 1},
    {"февраль", 2},
    {"февраля", 2},
    {"фев", 2},
    {"февр", 2},
    {"март", 3},
    {"марта", 3},
    {"мар", 3},
    {"апрель", 4},
    {"апреля", 4},
    {"апр", 4},
    {"май", 5},
    {"мая", 5},
    {"июнь", 6},
    {"июня", 6},
    {"июн", 6},
    {"июль", 7},
    {"июля", 7},
    {"июл", 7},
    {"август", 8},
    {"августа", 8},
    {"авг", 8},
    {"сентябрь", 9},
    {"сентября", 9},
    {"сен", 9},
    {"сент", 9},
    {"октябрь", 10},
    {"октября", 10},
    {"окт", 10},
    {"ноябрь", 11},
    {"ноября", 11},
    {"ноя", 11},
    {"нояб", 11},
    {"декабрь", 12},
    {"декабря", 12},
    {"дек", 12},
    /* Ukrainian (nominative, genitive) */
    {"січень", 1},
    {"січня", 1},
    {"лютий", 2},
    {"лютого", 2},
    {"березень", 3},
    {"березня", 3},
    {"квітень", 4},
    {"квітня", 4},
    {"травень", 5},
    {"травня", 5},
    {"червень", 6},
    {"червня", 6},
    {"липень", 7},
    {"липня", 7},
    {"серпень", 8},
    {"серпня", 8},
    {"вересень", 9},
    {"вересня", 9},
    {"жовтень", 10},
    {"жовтня", 10},
    {"листопад", 11},
    {"листопада", 11},
    {"грудень", 12},
    {"грудня", 12},
    /* Italian */
    {"gennaio", 1},
    {"gen", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"mag", 5},
    {"giugno", 6},
    {"giu", 6},
    {"luglio", 7},
    {"lug", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"ott", 10},
    {"dicembre", 12},
    /* Dutch (the rest are German or English forms) */
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mrt", 3},
    {"mei", 5},
    {"augustus", 8},
    /* Swedish, Danish and Norwegian */
    {"marts", 3},
    {"maj", 5},
    {"augusti", 8},
    /* Polish (nominative, genitive, abbreviations) */
    {"styczeń", 1},
    {"stycznia", 1},
    {"sty", 1},
    {"luty", 2},
    {"lutego", 2},
    {"lut", 2},
    {"marzec", 3},
    {"marca", 3},
    {"kwiecień", 4},
    {"kwietnia", 4},
    {"kwi", 4},
    {"maja", 5},
    {"czerwiec", 6},
    {"czerwca", 6},
    {"cze", 6},
    {"lipiec", 7},
    {"lipca", 7},
    {"lip", 7},
    {"sierpień", 8},
    {"sierpnia", 8},
    {"sie", 8},
    {"wrzesień", 9},
    {"września", 9},
    {"wrz", 9},
    {"październik", 10},
    {"października", 10},
    {"paź", 10},
    {"listopad", 11},
    {"listopada", 11},
    {"lis", 11},
    {"grudzień", 12},
    {"grudnia", 12},
    {"gru", 12},
    /* Czech (nominative, genitive) */
    {"leden", 1},
    {"ledna", 1},
    {"únor", 2},
    {"února", 2},
    {"březen", 3},
    {"března", 3},
    {"duben", 4},
    {"dubna", 4},
    {"květen", 5},
    {"května", 5},
    {"červen", 6},
    {"června", 6},
    {"červenec", 7},
    {"července", 7},
    {"srpen", 8},
    {"srpna", 8},
    {"září", 9},
    {"říjen", 10},
    {"října", 10},
    {"listopadu", 11},
    {"prosinec", 12},
    {"prosince", 12},
    /* Turkish */
    {"ocak", 1},
    {"şubat", 2},
    {"mart", 3},
    {"nisan", 4},
    {"mayıs", 5},
    {"haziran", 6},
    {"temmuz", 7},
    {"ağustos", 8},
    {"eylül", 9},
    {"ekim", 10},
    {"kasım", 11},
    {"aralık", 12},
    /* Romanian */
    {"ianuarie", 1},
    {"februarie", 2},
    {"martie", 3},
    {"aprilie", 4},
    {"iunie", 6},
    {"iulie", 7},
    {"septembrie", 9},
    {"octombrie", 10},
    {"noiembrie", 11},
    {"decembrie", 12},
    /* Hungarian */
    {"január", 1},
    {"február", 2},
    {"március", 3},
    {"április", 4},
    {"május", 5},
    {"június", 6},
    {"július", 7},
    {"augusztus", 8},
    {"szeptember", 9},
    {"október", 10},
    /* Hungarian abbreviations ("szept.", "ápr."): jan, aug, okt, nov and dec
     * are listed for other languages */
    {"febr", 2},
    {"márc", 3},
    {"ápr", 4},
    {"máj", 5},
    {"jún", 6},
    {"júl", 7},
    {"szept", 9},
    /* Finnish */
    {"tammikuu", 1},
    {"helmikuu", 2},
    {"maaliskuu", 3},
    {"huhtikuu", 4},
    {"toukokuu", 5},
    {"kesäkuu", 6},
    {"heinäkuu", 7},
    {"elokuu", 8},
    {"syyskuu", 9},
    {"lokakuu", 10},
    {"marraskuu", 11},
    {"joulukuu", 12},
    /* Indonesian and Malay */
    {"maret", 3},
    {"agustus", 8},
    {"desember", 12},
    /* Catalan */
    {"gener", 1},
    {"febrer", 2},
    {"març", 3},
    {"maig", 5},
    {"juny", 6},
    {"juliol", 7},
    {"agost", 8},
    {"setembre", 9},
    {"desembre", 12},
    /* Seasons. Italian "estate" (summer) is left out: "Real Estate 2019"
     * is far more common on a resume. */
    {"spring", 13},
    {"summer", 14},
    {"fall", 15},
    {"autumn", 15},
    {"winter", 16},
    {"printemps", 13},
    {"été", 14},
    {"ete", 14},
    {"automne", 15},
    {"hiver", 16},
    {"frühling", 13},
    {"frühjahr", 13},
    {"sommer", 14},
    {"herbst", 15},
    {"primavera", 13},
    {"verano", 14},
    {"verão", 14},
    {"otoño", 15},
    {"outono", 15},
    {"autunno", 15},
    {"invierno", 16},
    {"inverno", 16},
};

/* The English months open the table: next to a bare day ("March 12") they
 * make a date on their own, where other languages' short forms are English
 * words ("set", "out", "ago") and need a year to be read as a month. */
#define DATES__N_ENGLISH 24

static const int8_t dates__season_month[4] = {3, 6, 9, 12};

/* Words and phrases meaning "still going", lower case. Latin ones match
 * whole words only ("nowhere" is not "now"); CJK ones match anywhere. */
static const char *const dates__present[] = {
    "present",
    "the present",
    "current",
    "currently",
    "now",
    "today",
    "ongoing",
    "to date",
    "till date",
    "présent",
    "maintenant",
    "aujourd'hui",
    "aujourd’hui",
    "actuel",
    "actuelle",
    "en cours",
    "ce jour",
    "heute",
    "jetzt",
    "aktuell",
    "dato",
    "laufend",
    "actualidad",
    "actualmente",
    "actual",
    "presente",
    "hoy",
    "la fecha",
    "atual",
    "atualmente",
    "hoje",
    "oggi",
    "attuale",
    "in corso",
    "至今",
    "迄今",
    "现在",
    "現在",
    "今",
    "현재",
    "재직중",
    "재학중",
    "進行中",
    "재직 중",
    /* Russian and Ukrainian: "Наст. время", "по настоящее время", "н.в." */
    "по настоящее время",
    "по наст. время",
    "по н.в.",
    "настоящее время",
    "наст. время",
    "наст.время",
    "н.в.",
    "н. в.",
    "сейчас",
    "текущий момент",
    "по текущий момент",
    "текущее время",
    "по сей день",
    /* Dutch, Polish, Czech, Swedish, Danish and Norwegian, Turkish */
    "heden",
    "obecnie",
    "současnost",
    "pågående",
    "dags dato",
    "günümüz",
    "halen",
    /* Hungarian, Finnish, Romanian, Indonesian, Catalan */
    "jelenleg",
    "napjainkig",
    "nykyään",
    "prezent",
    "sekarang",
    "actualitat",
    "теперішній час",
    "дотепер",
    "зараз",
};

/* Words before a date that leave its range open: "Since 2020". */
static const char *const dates__since[] = {"since", "seit", "depuis", "desde", "dal", "dall'"};

/* ---- Scanning primitives -------------------------------------------------- */

static uint32_t dates__decode(const char *p, const char *end, int *n_bytes) {
    uint32_t cp;
    *n_bytes = (int)rls_utf8_decode((const unsigned char *)p, (uint32_t)(end - p), &cp);
    return cp;
}

/* Letters for the purpose of words: ASCII letters, Latin-1/Latin Extended,
 * Hangul and CJK (year/month markers are handled before words are read). */
static bool dates__is_letter(uint32_t cp) {
    if (cp < 0x80) return isalpha((int)cp) || cp == '\'';
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return true;
    if (cp >= 0x400 && cp <= 0x4FF) return true; /* Cyrillic */
    if (cp >= 0x3040 && cp <= 0x9FFF) return true;
    if (cp >= 0xAC00 && cp <= 0xD7AF) return true;
    return false;
}

/* A letter of a Latin-script word (not CJK or Hangul, which run on). */
static bool dates__is_latin_letter(uint32_t cp) {
    return dates__is_letter(cp) && cp < 0x3040 && cp != '\'';
}

static void dates__skip_space(DateScan *s) {
    while (s->p < s->end) {
        unsigned char c = (unsigned char)*s->p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            s->p++;
        } else if (c == 0xC2 && s->p + 1 < s->end && (unsigned char)s->p[1] == 0xA0) {
            s->p += 2; /* no-break space */
        } else if (s->end - s->p >= 3 && !memcmp(s->p, "\xE2\x80\xAF", 3)) {
            s->p += 3; /* narrow no-break space */
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

/* A letter in lower case, for the scripts whose month names are listed:
 * ASCII, Latin-1 (À..Þ) and Cyrillic (Ѐ..Я). Each keeps its UTF-8 length. */
static uint32_t dates__lower(uint32_t cp) {
    if (cp < 0x80) return (uint32_t)tolower((int)cp);
    bool latin1 = cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
    bool cyrillic = cp >= 0x410 && cp <= 0x42F;
    if (latin1 || cyrillic) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    /* Latin Extended-A ("ČERVEN", "Şubat", "Ąż"): capital and small letters
     * alternate, capital first, except in two runs where small comes first;
     * Turkish dotted "İ" is "i". */
    if (cp == 0x130) return 'i';
    bool odd_first = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    bool unpaired = cp == 0x138 || cp == 0x149 || cp == 0x178; /* ĸ, ŉ, Ÿ (its ÿ is Latin-1) */
    if (cp >= 0x100 && cp <= 0x17E && !unpaired && (cp % 2 == 1) == odd_first) return cp + 1;
    return cp;
}

/* Compares n bytes of text with a lower-case word, ignoring the case of
 * ASCII, Latin-1, Latin Extended-A and Cyrillic letters ("FÉVR", "MÄRZ",
 * "ČERVEN", "Июнь"). */
static bool dates__prefix_eq(const char *p, size_t n, const char *word) {
    const char *end = p + n, *wend = word + n;
    while (p < end) {
        int a_n, b_n;
        uint32_t a = dates__decode(p, end, &a_n), b = dates__decode(word, wend, &b_n);
        if (a_n != b_n || dates__lower(a) != b) return false;
        p += a_n;
        word += b_n;
    }
    return true;
}

/* Whether text opening with byte c may match the lower-case word, as
 * dates__prefix_eq compares them: an ASCII byte lowers to an ASCII letter,
 * anything else to a code point above ASCII. The tables below are tried
 * in turn at every place a date may start, so this test, before any
 * strlen or decoding, is most of what a place that holds no date costs. */
static bool dates__may_open(unsigned char c, const char *word) {
    unsigned char w = (unsigned char)word[0];
    return c < 0x80 ? (unsigned char)tolower(c) == w : w >= 0x80;
}

static bool dates__word_eq(const char *p, size_t n, const char *word) {
    if (n == 0) return word[0] == '\0';
    return dates__may_open((unsigned char)p[0], word) && strlen(word) == n &&
           dates__prefix_eq(p, n, word);
}

/* ---- The month and present words by their opening byte -------------------- */

/* dates__may_open in one step: a text byte meets only the words of its key,
 * an ASCII byte those opening with its lower case, any other byte those
 * opening above ASCII. dates__words and dates__present are tried at every
 * place a date may start; walking a whole table there (two hundred words,
 * twice per place) was most of the time of finding a date in a line. */
#define DATES__KEY_WIDE 128
#define DATES__N_KEYS (DATES__KEY_WIDE + 1)

typedef struct {
    uint16_t start[DATES__N_KEYS + 1]; /* key k's words: order[start[k] .. start[k + 1]) */
    uint16_t order[512];               /* table indices, in table order within a key */
    uint8_t len[512];                  /* strlen of each word, by table index */
} DateIndex;

static DateIndex dates__words_ix, dates__present_ix;
static pthread_once_t dates__ix_once = PTHREAD_ONCE_INIT;

static unsigned dates__key(unsigned char c) {
    return c < 0x80 ? (unsigned char)tolower(c) : DATES__KEY_WIDE;
}

/* A word's key: its first byte when ASCII (the words are lower case, so
 * text meets it exactly where dates__may_open lets it through). */
static unsigned dates__word_key(const char *word) {
    unsigned char w = (unsigned char)word[0];
    return w < 0x80 ? w : DATES__KEY_WIDE;
}

static void dates__index(DateIndex *ix, const char *const *words, size_t n) {
    uint16_t count[DATES__N_KEYS] = {0};
    for (size_t i = 0; i < n; i++)
        count[dates__word_key(words[i])]++;
    ix->start[0] = 0;
    for (unsigned k = 0; k < DATES__N_KEYS; k++)
        ix->start[k + 1] = (uint16_t)(ix->start[k] + count[k]);
    uint16_t next[DATES__N_KEYS];
    memcpy(next, ix->start, sizeof(next));
    for (size_t i = 0; i < n; i++) {
        ix->order[next[dates__word_key(words[i])]++] = (uint16_t)i;
        ix->len[i] = (uint8_t)strlen(words[i]);
    }
}

_Static_assert(RLS_ARRAY_LEN(dates__words) <= 512 && RLS_ARRAY_LEN(dates__present) <= 512,
               "DateIndex holds table indices in a byte");

/* Once per process (pthread_once: parsers may run on worker threads). */
static void dates__index_once(void) {
    const char *words[RLS_ARRAY_LEN(dates__words)];
    for (size_t i = 0; i < RLS_ARRAY_LEN(dates__words); i++)
        words[i] = dates__words[i].word;
    dates__index(&dates__words_ix, words, RLS_ARRAY_LEN(dates__words));
    dates__index(&dates__present_ix, dates__present, RLS_ARRAY_LEN(dates__present));
}

static void dates__indexed(void) {
    pthread_once(&dates__ix_once, dates__index_once);
}

/* Reads up to five digits; a longer run is a number, not a date part, and
 * reads as none. */
static size_t dates__digits(const char *p, const char *end, int *value) {
    size_t n = 0;
    int v = 0;
    while (p + n < end && isdigit((unsigned char)p[n]) && n < 5) {
        v = v * 10 + (p[n] - '0');
        n++;
    }
    if (p + n < end && isdigit((unsigned char)p[n])) return 0;
    *value = v;
    return n;
}

static int dates__expand_yy(int yy) {
    return yy < 50 ? 2000 + yy : 1900 + yy;
}

static bool dates__plausible_year(const DateScan *s, int y) {
    return y >= s->min_year && y <= 2099;
}

static bool dates__at(const DateScan *s, const char *lit) {
    size_t n = strlen(lit);
    return (size_t)(s->end - s->p) >= n && !memcmp(s->p, lit, n);
}

/* ---- One date ------------------------------------------------------------- */

/* Matches a word for "still going" at s->p. */
static bool dates__present_word_at(DateScan *s);

/* A present word, or one in brackets ("2019 - (Present)"). */
static bool dates__present_at(DateScan *s) {
    if (s->p < s->end && *s->p == '(') {
        DateScan t = *s;
        t.p++;
        if (!dates__present_word_at(&t) || t.p >= t.end || *t.p != ')') return false;
        s->p = t.p + 1;
        return true;
    }
    return dates__present_word_at(s);
}

static bool dates__present_word_at(DateScan *s) {
    if (s->p >= s->end) return false;
    dates__indexed();
    const DateIndex *ix = &dates__present_ix;
    unsigned key = dates__key((unsigned char)*s->p);
    for (unsigned j = ix->start[key]; j < ix->start[key + 1]; j++) {
        const char *w = dates__present[ix->order[j]];
        size_t wn = ix->len[ix->order[j]];
        if ((size_t)(s->end - s->p) < wn || !dates__prefix_eq(s->p, wn, w)) continue;
        if ((unsigned char)w[0] < 0x80 && s->p + wn < s->end) {
            int n;
            if (dates__is_latin_letter(dates__decode(s->p + wn, s->end, &n))) continue;
        }
        s->p += wn;
        return true;
    }
    return false;
}

/* Reads a month or season word. Returns 1..16 or 0. */
static int dates__month_word(DateScan *s) {
    if (s->p >= s->end) return 0;
    dates__indexed();
    const DateIndex *ix = &dates__words_ix;
    unsigned key = dates__key((unsigned char)*s->p);
    if (ix->start[key] == ix->start[key + 1]) return 0;
    size_t n = dates__word_len(s->p, s->end);
    if (n == 0) return 0;
    for (unsigned j = ix->start[key]; j < ix->start[key + 1]; j++) {
        size_t i = ix->order[j];
        if (ix->len[i] == n && dates__prefix_eq(s->p, n, dates__words[i].word)) {
            s->p += n;
            return dates__words[i].month;
        }
    }
    return 0;
}

/* Reads a day of the month, with its ordinal ("12", "1st", "30th", "1er"). */
static bool dates__day(DateScan *s) {
    int d;
    size_t k = dates__digits(s->p, s->end, &d);
    if (k == 0 || k > 2 || d < 1 || d > 31) return false;
    s->p += k;
    size_t sfx = dates__word_len(s->p, s->end);
    static const char *const ordinals[] = {"st", "nd", "rd", "th", "er"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(ordinals); i++) {
        if (dates__word_eq(s->p, sfx, ordinals[i])) {
            s->p += sfx;
            break;
        }
    }
    return true;
}

/* Skips "de" or "del" between a month and its year ("marzo de 2020"). */
static void dates__skip_de(DateScan *s) {
    size_t n = dates__word_len(s->p, s->end);
    if (dates__word_eq(s->p, n, "de") || dates__word_eq(s->p, n, "del")) {
        s->p += n;
        dates__skip_space(s);
    }
}

/* Reads a four-digit year at s->p. */
static bool dates__year4(DateScan *s, int *year) {
    size_t n = dates__digits(s->p, s->end, year);
    if (n != 4 || !dates__plausible_year(s, *year)) return false;
    s->p += n;
    return true;
}

static void dates__set(RlsDate *out, int year, int month, RlsDateKind kind, RlsDateStyle style) {
    out->year = (int16_t)year;
    out->month = (int8_t)month;
    out->present = kind == RLS_DATE_PRESENT;
    out->kind = (uint8_t)kind;
    out->style = (uint8_t)style;
}

/* The rest of a date after its month word: "Sep. 2020", "January, 2020",
 * "Aug19", "Jan '19", "March 12, 2021", "marzo de 2020". */
static bool dates__after_month(DateScan *t, int m, RlsDate *out) {
    bool glued = true;
    if (t->p < t->end && *t->p == '.') t->p++, glued = false;
    if (t->p < t->end && *t->p == ',') t->p++, glued = false;
    const char *before_space = t->p;
    dates__skip_space(t);
    if (t->p != before_space) glued = false;
    RlsDateKind kind = m > 12 ? RLS_DATE_SEASON : RLS_DATE_EXACT;
    RlsDateStyle style = m > 12 ? RLS_DATE_STYLE_SEASON : RLS_DATE_STYLE_MONTH_NAME;
    int month = m > 12 ? dates__season_month[m - 13] : m;
    /* "March 12, 2021": a day, then the year. */
    int y;
    DateScan u = *t;
    if (m <= 12 && !glued && dates__day(&u)) {
        if (u.p < u.end && *u.p == ',') u.p++;
        const char *q = u.p;
        dates__skip_space(&u);
        if (u.p != q && dates__year4(&u, &y)) {
            *t = u;
            dates__set(out, y, month, kind, style);
            return true;
        }
    }
    dates__skip_de(t);
    bool apostrophe = false;
    if (t->p < t->end && *t->p == '\'') {
        t->p++, apostrophe = true;
    } else if (dates__at(t, "\xE2\x80\x99")) {
        t->p += 3, apostrophe = true;
    }
    size_t k = dates__digits(t->p, t->end, &y);
    if (k == 4 && dates__plausible_year(t, y)) {
        t->p += k;
    } else if (k == 2 && (glued || apostrophe)) {
        t->p += k;
        y = dates__expand_yy(y);
    } else {
        return false;
    }
    dates__set(out, y, month, kind, style);
    return true;
}

/* "12 March 2021", "12. März 2021", "1er mars 2020", "12 de marzo de 2021". */
static bool dates__day_first(DateScan *s, RlsDate *out) {
    DateScan t = *s;
    if (!dates__day(&t)) return false;
    if (t.p < t.end && *t.p == '.') t.p++;
    const char *q = t.p;
    dates__skip_space(&t);
    if (t.p == q) return false;
    dates__skip_de(&t);
    int m = dates__month_word(&t);
    if (m == 0 || m > 12) return false;
    if (t.p < t.end && (*t.p == '.' || *t.p == ',')) t.p++;
    q = t.p;
    dates__skip_space(&t);
    if (t.p == q) return false;
    dates__skip_de(&t);
    int y;
    if (!dates__year4(&t, &y)) return false;
    dates__set(out, y, m, RLS_DATE_EXACT, RLS_DATE_STYLE_MONTH_NAME);
    *s = t;
    return true;
}

/* After a four-digit year: "年3月", "년 3월", ".9", "-05", "/05", ". 3.". */
static void dates__after_year(DateScan *t, int year, RlsDate *out) {
    dates__set(out, year, 0, RLS_DATE_YEAR, RLS_DATE_STYLE_YEAR);
    /* "2019年3月", also spaced as typed around LaTeX macros ("2015 年5 月"),
     * and the Korean "2021년 3월". */
    DateScan q = *t;
    while (q.p < q.end && *q.p == ' ')
        q.p++;
    if (dates__at(&q, "年") || dates__at(&q, "년")) {
        q.p += 3;
        *t = q;
        /* "2023年" is a year alone like "2023"; the CJK style is the month
         * form, so "2023--2024年" and "2023年" read as the same style. */
        while (q.p < q.end && *q.p == ' ')
            q.p++;
        int mm = 0;
        size_t k = dates__digits(q.p, q.end, &mm);
        q.p += k;
        while (q.p < q.end && *q.p == ' ')
            q.p++;
        if (k >= 1 && k <= 2 && mm >= 1 && mm <= 12 &&
            (dates__at(&q, "月") || dates__at(&q, "월"))) {
            q.p += 3;
            out->month = (int8_t)mm;
            out->kind = RLS_DATE_EXACT;
            out->style = RLS_DATE_STYLE_CJK;
            *t = q;
            /* A day ("2021年3月12日", "2021년 3월 12일") belongs to the date. */
            while (q.p < q.end && *q.p == ' ')
                q.p++;
            k = dates__digits(q.p, q.end, &mm);
            q.p += k;
            if (k >= 1 && k <= 2 && (dates__at(&q, "日") || dates__at(&q, "일"))) t->p = q.p + 3;
        }
        return;
    }
    /* Hungarian puts the year first, with a dot: "2019. május",
     * "2016. szept.", "2019. május 3.". A season is not written so. */
    if (t->p + 1 < t->end && *t->p == '.' && t->p[1] == ' ') {
        DateScan h = *t;
        h.p++;
        dates__skip_space(&h);
        int m = dates__month_word(&h);
        if (m >= 1 && m <= 12) {
            if (h.p < h.end && *h.p == '.') h.p++; /* an abbreviation's dot */
            out->month = (int8_t)m;
            out->kind = RLS_DATE_EXACT;
            out->style = RLS_DATE_STYLE_MONTH_NAME;
            *t = h;
            /* A day after it ("május 3.") belongs to the date. */
            DateScan d = h;
            dates__skip_space(&d);
            int dd;
            size_t k = dates__digits(d.p, d.end, &dd);
            if (k >= 1 && k <= 2 && dd >= 1 && dd <= 31 && d.p + k < d.end && d.p[k] == '.')
                t->p = d.p + k + 1;
            return;
        }
    }
    /* "2018.9", "2023.02", "2021-05", "2021/05": a one- or two-digit month
     * glued to the year. "2019-20" (a short range) has no month 20, so it
     * stays a year and the range reads it. */
    if (t->p + 1 < t->end && (*t->p == '.' || *t->p == '-' || *t->p == '/')) {
        char sep = *t->p;
        const char *r = t->p + 1;
        /* Korean dotted dates are typed with a space: "2021. 3." */
        bool spaced = sep == '.' && *r == ' ';
        if (spaced) r++;
        int mm;
        size_t k = dates__digits(r, t->end, &mm);
        if (k >= 1 && k <= 2 && mm >= 1 && mm <= 12 && (k == 2 || sep == '.') &&
            (!spaced || (r + k < t->end && r[k] == '.'))) {
            t->p = r + k;
            out->month = (int8_t)mm;
            out->kind = RLS_DATE_EXACT;
            out->style = sep == '.' ? RLS_DATE_STYLE_DOTTED : RLS_DATE_STYLE_ISO;
            if (spaced) t->p++;
            /* A day after it ("2002-05-11") belongs to the date. */
            if (t->p + 1 < t->end && *t->p == sep) {
                int dd;
                size_t d = dates__digits(t->p + 1, t->end, &dd);
                if (d >= 1 && d <= 2 && dd >= 1 && dd <= 31) t->p += 1 + d;
            }
        }
    }
}

/* Parses one date at s->p; `in_range` allows the weaker "MM/YY" form and
 * the bare "date" of "2020 to date". */
static bool dates__one(DateScan *s, RlsDate *out, bool in_range) {
    DateScan t = *s;
    memset(out, 0, sizeof(*out));
    if (dates__present_at(&t)) {
        dates__set(out, 0, 0, RLS_DATE_PRESENT, RLS_DATE_STYLE_NONE);
        *s = t;
        return true;
    }
    /* "2020 to date": the separator took "to", leaving "date". */
    size_t wn = dates__word_len(t.p, t.end);
    if (in_range && wn && dates__word_eq(t.p, wn, "date")) {
        dates__set(out, 0, 0, RLS_DATE_PRESENT, RLS_DATE_STYLE_NONE);
        s->p = t.p + wn;
        return true;
    }
    if (dates__day_first(&t, out)) {
        *s = t;
        return true;
    }
    int m = dates__month_word(&t);
    if (m) {
        if (!dates__after_month(&t, m, out)) return false;
        *s = t;
        return true;
    }
    int a;
    size_t n = dates__digits(t.p, t.end, &a);
    if (n == 0) return false;
    t.p += n;
    if (n == 4 && dates__plausible_year(&t, a)) {
        dates__after_year(&t, a, out);
        *s = t;
        return true;
    }
    if (n > 2 || a < 1 || a > 31 || t.p + 1 >= t.end || (*t.p != '/' && *t.p != '.')) return false;
    char sep = *t.p;
    int b, y;
    size_t k = dates__digits(t.p + 1, t.end, &b);
    /* Three parts: "15.03.2021" is day first; "03/15/2021" is month first,
     * as American resumes write it, unless the first part cannot be a
     * month ("15/03/2021"). */
    if (k >= 1 && k <= 2 && t.p + 1 + k < t.end && t.p[1 + k] == sep) {
        DateScan u = t;
        u.p += 2 + k;
        if (!dates__year4(&u, &y)) return false;
        int month = sep == '.' || a > 12 ? b : a;
        int day = month == b ? a : b;
        if (month < 1 || month > 12 || day < 1 || day > 31) return false;
        dates__set(out, y, month, RLS_DATE_EXACT, RLS_DATE_STYLE_NUMERIC);
        *s = u;
        return true;
    }
    if (a > 12) return false;
    /* "03/2020", "3.2020", and inside a range "10/15" */
    if (k == 4 && dates__plausible_year(&t, b)) {
        t.p += 1 + k;
        y = b;
    } else if (k == 2 && in_range && sep == '/') {
        t.p += 1 + k;
        y = dates__expand_yy(b);
    } else {
        return false;
    }
    dates__set(out, y, a, RLS_DATE_EXACT, RLS_DATE_STYLE_NUMERIC);
    *s = t;
    return true;
}

/* ---- Ranges --------------------------------------------------------------- */

/* Consumes a range separator: dashes of every width, tildes, arrows and
 * words ("to", "bis", "à", "至", "から"). Sets *dash when it is a dash, the
 * one separator that may also end an open range ("2021–"). */
static bool dates__separator(DateScan *s, bool *dash) {
    static const char *const dashes[] = {
        "---",
        "--",
        "-",
        "\xE2\x80\x93",
        /* – */ "\xE2\x80\x94", /* — */
        "\xE2\x80\x92",
        /* ‒ */ "\xE2\x80\x90", /* ‐ U+2010 */
        "\xE2\x80\x91",
        /* ‑ U+2011 */ "\xE2\x80\x95", /* ― */
        "\xE2\x88\x92",
        /* − */ "\xEF\xBC\x8D", /* － */
        "&ndash;",
        "&mdash;",
    };
    static const char *const others[] = {
        "~", "\xEF\xBD\x9E" /* ～ */, "\xE3\x80\x9C" /* 〜 */, "\xE2\x86\x92" /* → */, "至", "から",
    };
    static const char *const words[] = {"to", "until", "till", "through", "thru",  "bis", "à",
                                        "au", "a",     "al",   "até",     "hasta", "по"};
    DateScan t = *s;
    dates__skip_space(&t);
    *dash = false;
    for (size_t i = 0; i < RLS_ARRAY_LEN(dashes); i++) {
        if (dates__at(&t, dashes[i])) {
            t.p += strlen(dashes[i]);
            *s = t;
            *dash = true;
            return true;
        }
    }
    for (size_t i = 0; i < RLS_ARRAY_LEN(others); i++) {
        if (dates__at(&t, others[i])) {
            /* "至今" is itself "until now": leave it for the present word. */
            if (strcmp(others[i], "至") != 0 || !dates__at(&t, "至今")) t.p += strlen(others[i]);
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

static bool dates__done(DateScan *s, const DateScan *at, RlsDateRange *out, const RlsDate *a,
                        const RlsDate *b) {
    out->start = *a;
    out->end = *b;
    out->valid = true;
    *s = *at;
    return true;
}

/* A short end year: "2019-20", "2019/20". */
static bool dates__short_end(DateScan *u, const RlsDate *a, RlsDate *b) {
    int yy;
    size_t k = dates__digits(u->p, u->end, &yy);
    if (k != 2 || a->month != 0 || a->year % 100 >= yy + 1) return false;
    memset(b, 0, sizeof(*b));
    dates__set(b, a->year / 100 * 100 + yy, 0, RLS_DATE_YEAR, RLS_DATE_STYLE_YEAR);
    if (!dates__before(a, b)) return false;
    u->p += k;
    return true;
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
        bool dash;
        if (dates__separator(&u, &dash)) {
            dates__skip_space(&u);
            DateScan v = u;
            if (dates__one(&v, &b, true)) return dates__done(s, &v, out, &a, &b);
            if (dates__short_end(&u, &a, &b)) return dates__done(s, &u, out, &a, &b);
            /* "2021–", "(2019 – )": a range left open. */
            if (dash && (u.p == u.end || *u.p == ')' || *u.p == ']' || *u.p == '|')) {
                dates__set(&b, 0, 0, RLS_DATE_PRESENT, RLS_DATE_STYLE_NONE);
                return dates__done(s, &u, out, &a, &b);
            }
            /* "1667 - death" in a date slot: the end is not known. */
            size_t wn = dates__word_len(u.p, u.end);
            if (s->slot && wn) {
                memset(&b, 0, sizeof(b));
                u.p += wn;
                return dates__done(s, &u, out, &a, &b);
            }
        }
        /* "2019/2020", "2019/20": years joined by a slash (an academic year). */
        if (a.kind == RLS_DATE_YEAR && r.p < r.end && *r.p == '/') {
            u = r;
            u.p++;
            int y;
            if (dates__year4(&u, &y) && y > a.year) {
                dates__set(&b, y, 0, RLS_DATE_YEAR, RLS_DATE_STYLE_YEAR);
                return dates__done(s, &u, out, &a, &b);
            }
            u = r;
            u.p++;
            if (dates__short_end(&u, &a, &b)) return dates__done(s, &u, out, &a, &b);
        }
        /* "2021Present", "Jan 2020 Current": the dash was lost (a PDF
         * copy, a macro that drew it). */
        u = r;
        if (u.p < u.end && *u.p == ' ') u.p++;
        if (dates__present_at(&u)) {
            dates__set(&b, 0, 0, RLS_DATE_PRESENT, RLS_DATE_STYLE_NONE);
            return dates__done(s, &u, out, &a, &b);
        }
        /* The weak "10/15" form needs the other half of a range. */
        DateScan w = t;
        if (!dates__one(&w, &a, false)) return false;
        return dates__done(s, &w, out, &a, &a);
    }
    /* "Jan - Mar 2020", "Jan.–Mar. 2021": a month without its year, then a
     * full date. */
    int m = dates__month_word(&t);
    if (m && m <= 12) {
        if (t.p < t.end && *t.p == '.') t.p++;
        /* A day without its year: "June 30 – July 6, 2024", "July 2 - 4, 2025". */
        DateScan d = t;
        dates__skip_space(&d);
        bool day = dates__day(&d);
        if (day) t = d;
        bool dash;
        if (!dates__separator(&t, &dash)) return false;
        dates__skip_space(&t);
        if (dates__one(&t, &b, true) && b.year != 0) {
            dates__set(&a, b.year, m, RLS_DATE_EXACT, RLS_DATE_STYLE_MONTH_NAME);
            return dates__done(s, &t, out, &a, &b);
        }
        /* "July 2 - 4, 2025": the end is a day of the same month. */
        int y;
        if (!day || !dates__day(&t)) return false;
        if (t.p < t.end && *t.p == ',') t.p++;
        dates__skip_space(&t);
        if (!dates__year4(&t, &y)) return false;
        dates__set(&a, y, m, RLS_DATE_EXACT, RLS_DATE_STYLE_MONTH_NAME);
        return dates__done(s, &t, out, &a, &a);
    }
    return false;
}

/* Reads "Since" and its kin at s->p, with the space after it. */
static bool dates__since_word(DateScan *s) {
    size_t wn = dates__word_len(s->p, s->end);
    for (size_t i = 0; i < RLS_ARRAY_LEN(dates__since) && wn; i++) {
        if (dates__word_eq(s->p, wn, dates__since[i])) {
            s->p += wn;
            dates__skip_space(s);
            return true;
        }
    }
    return false;
}

/* "Since 2020" is a range left open; "Since 2019 – 2021" keeps its end. */
static void dates__open(RlsDateRange *r) {
    if (r->start.year == r->end.year && r->start.month == r->end.month && !r->end.present)
        dates__set(&r->end, 0, 0, RLS_DATE_PRESENT, RLS_DATE_STYLE_NONE);
}

static bool dates__parse_whole(DateScan *s, RlsDateRange *out) {
    RlsDateRange r;
    memset(out, 0, sizeof(*out));
    dates__skip_space(s);
    bool since = dates__since_word(s);
    if (s->p < s->end && (*s->p == '(' || *s->p == '[')) s->p++;
    if (!dates__range(s, &r)) return false;
    while (s->p < s->end && *s->p && strchr(" \t\r\n)].,;:", *s->p))
        s->p++;
    if (s->p != s->end) return false;
    if (since) dates__open(&r);
    if (!r.start.present && r.start.year == 0) return false;
    *out = r;
    return true;
}

bool rls_date_range_parse(const char *text, size_t len, RlsDateRange *out) {
    DateScan s = {text, text + len, 1900, false};
    return dates__parse_whole(&s, out);
}

bool rls_date_slot_parse(const char *text, size_t len, RlsDateRange *out) {
    DateScan s = {text, text + len, 1000, true};
    return dates__parse_whole(&s, out);
}

/* ---- Finding a range in a line --------------------------------------------- */

/* Can a date begin at p? Not inside a word or a number: "Marco2020",
 * "555-2019", "9001:2015", "+2019", "v2020". */
static bool dates__starts_token(const char *text, const char *p, const char *end) {
    if (p == text) return true;
    unsigned char prev = (unsigned char)p[-1];
    if (isalnum(prev)) return false;
    if (prev >= 0x80) {
        /* a letter continuing a word ("Sarasa" then a CJK year is fine) */
        const char *q = p - 1;
        while (q > text && ((unsigned char)*q & 0xC0) == 0x80)
            q--;
        int m;
        uint32_t pc = dates__decode(q, end, &m);
        if (dates__is_letter(pc) && pc < 0x3040) return false;
    }
    if (p < end && isdigit((unsigned char)*p) && prev) {
        if (strchr("+#$", prev)) return false;
        if (strchr("-./:,", prev) && p - text >= 2 && isdigit((unsigned char)p[-2])) return false;
    }
    return true;
}

/* Can a date end at p? Not inside a number or a word ("2020s", "2020in"),
 * but a capitalised word glued to a year is the next field ("May
 * 2020Google"), and CJK runs on. */
static bool dates__ends_token(const char *text, const char *p, const char *end) {
    if (p == end) return true;
    int n;
    uint32_t cp = dates__decode(p, end, &n);
    if (cp < 0x80 && isdigit((int)cp)) return false;
    if (cp < 0x80 && isalpha((int)cp))
        return isupper((int)cp) && p > text && isdigit((unsigned char)p[-1]);
    return !dates__is_latin_letter(cp);
}

/* A year alone right after a group of digits is the end of a phone
 * number ("+1 415 555 2019"), not a date. */
static bool dates__in_number_group(const char *text, const char *p, const RlsDateRange *r) {
    if (r->start.kind != RLS_DATE_YEAR || r->end.kind != RLS_DATE_YEAR ||
        r->start.year != r->end.year)
        return false;
    const char *q = p;
    if (q == text || q[-1] != ' ') return false;
    q--;
    const char *digits_end = q;
    while (q > text && isdigit((unsigned char)q[-1]))
        q--;
    return q < digits_end && (q == text || !isalnum((unsigned char)q[-1]));
}

/* "2016-2018, 2020-Present", "2018, 2020", "Summer 2012 and 2013": dates
 * listed after the first, each later than the one before, widen its range
 * to the last of them. The scan stands after the first; returns where the
 * list ends. */
static const char *dates__list_tail(const char *text, const char *p, const char *end,
                                    RlsDateRange *r) {
    /* The words that join the last two of a list. */
    static const char *const ands[] = {"and", "und", "et", "y", "e", "en", "i", "og", "och", "и"};
    for (;;) {
        const char *q = p;
        while (q < end && *q == ' ')
            q++;
        size_t wn = q < end ? dates__word_len(q, end) : 0, k = 0;
        while (wn && k < RLS_ARRAY_LEN(ands) && !dates__word_eq(q, wn, ands[k]))
            k++;
        if (wn && k < RLS_ARRAY_LEN(ands) && q + wn < end && q[wn] == ' ')
            q += wn - 1; /* the word stands where a comma would */
        else if (q >= end || (*q != ',' && *q != ';' && *q != '&'))
            return p;
        q++;
        while (q < end && *q == ' ')
            q++;
        DateScan s = {q, end, 1900, false};
        RlsDateRange next;
        if (r->end.present || !dates__starts_token(text, q, end) || !dates__range(&s, &next) ||
            next.start.present || !dates__ends_token(text, s.p, end) ||
            next.start.year < r->end.year ||
            (next.start.year == r->end.year && next.start.month <= r->end.month))
            return p;
        r->end = next.end;
        p = s.p;
    }
}

bool rls_date_range_find(const char *text, size_t len, RlsDateRange *out, size_t *start_byte,
                         size_t *end_byte) {
    const char *end = text + len;
    memset(out, 0, sizeof(*out));
    /* Every date that is not a present word holds an ASCII digit (a year, a
     * day, a numeric month), read at or after the place it starts: no date
     * starts after the last digit, and a line without one has none. */
    const char *last_digit = NULL;
    for (const char *q = end; q > text; q--) {
        if (isdigit((unsigned char)q[-1])) {
            last_digit = q - 1;
            break;
        }
    }
    if (!last_digit) return false;
    for (const char *p = text; p <= last_digit;) {
        int n;
        uint32_t cp = dates__decode(p, end, &n);
        if ((isalnum((unsigned char)*p) || dates__is_letter(cp)) &&
            dates__starts_token(text, p, end)) {
            DateScan s = {p, end, 1900, false};
            bool since = dates__since_word(&s);
            if (since && s.p < end && *s.p == '(') s.p++;
            const char *at = s.p;
            RlsDateRange r;
            if ((!since || dates__starts_token(text, at, end)) && dates__range(&s, &r) &&
                !r.start.present && dates__ends_token(text, s.p, end) &&
                !dates__in_number_group(text, at, &r)) {
                if (since) dates__open(&r);
                const char *stop = dates__list_tail(text, s.p, end, &r);
                *out = r;
                *start_byte = (size_t)(p - text);
                *end_byte = (size_t)(stop - text);
                return true;
            }
        }
        p += n;
    }
    return false;
}

/* ---- Styles and hints --------------------------------------------------------- */

bool rls_date_text_looks_dated(const char *text, size_t len) {
    RlsDateRange r;
    size_t from, to;
    if (rls_date_range_find(text, len, &r, &from, &to)) return true;
    const char *end = text + len;
    for (const char *p = text; p < end;) {
        int n;
        dates__decode(p, end, &n);
        if (dates__starts_token(text, p, end)) {
            DateScan s = {p, end, 1900, false};
            if (dates__present_at(&s)) return true;
        }
        p += n;
    }
    return false;
}

RlsDateStyle rls_date_style(const char *text, size_t len) {
    RlsDateRange r;
    size_t from, to;
    if (!rls_date_range_find(text, len, &r, &from, &to)) return RLS_DATE_STYLE_NONE;
    return (RlsDateStyle)r.start.style;
}

const char *rls_date_style_example(RlsDateStyle style) {
    switch (style) {
    case RLS_DATE_STYLE_MONTH_NAME:
        return "Jan 2021";
    case RLS_DATE_STYLE_NUMERIC:
        return "01/2021";
    case RLS_DATE_STYLE_ISO:
        return "2021-01";
    case RLS_DATE_STYLE_DOTTED:
        return "2021.01";
    case RLS_DATE_STYLE_YEAR:
        return "2021";
    case RLS_DATE_STYLE_CJK:
        return "2021年1月";
    case RLS_DATE_STYLE_SEASON:
        return "Summer 2021";
    default:
        return "";
    }
}

/* ---- Numbers inside dates ------------------------------------------------------ */

static bool dates__english_month(const char *w, size_t n) {
    for (size_t i = 0; i < DATES__N_ENGLISH; i++)
        if (dates__word_eq(w, n, dates__words[i].word)) return true;
    return false;
}

static bool dates__covers(const char *text, size_t len, size_t from, size_t end_byte) {
    DateScan s = {text + from, text + len, 1900, false};
    RlsDateRange r;
    /* A year alone is left to the caller: "2019 units" may be a count. */
    return dates__range(&s, &r) && !r.start.present && (r.start.month || r.end.month) &&
           s.p >= text + end_byte;
}

bool rls_date_number_in_date(const char *text, size_t len, size_t start_byte, size_t end_byte) {
    /* A date that covers the number, starting at it or up to four words
     * before it: "12 March 2021", "March 12, 2021", "12 de marzo de 2021". */
    if (dates__covers(text, len, start_byte, end_byte)) return true;
    size_t from = start_byte;
    for (int words = 0; words < 4 && from > 0; words++) {
        while (from > 0 && text[from - 1] == ' ')
            from--;
        while (from > 0 && text[from - 1] != ' ')
            from--;
        if (dates__covers(text, len, from, end_byte)) return true;
    }
    /* An English month beside a bare day: "March 12", "Sep. 12". */
    size_t k = start_byte;
    while (k > 0 && text[k - 1] == ' ')
        k--;
    size_t we = k > 0 && k < start_byte && text[k - 1] == '.' ? k - 1 : k;
    size_t ws = we;
    while (ws > 0 && isalpha((unsigned char)text[ws - 1]))
        ws--;
    bool prev = ws < we && k < start_byte;
    if (prev && dates__english_month(text + ws, we - ws)) return true;
    /* The word after it: "12 March" with the year left out. */
    size_t ns = end_byte;
    while (ns < len && text[ns] == ' ')
        ns++;
    size_t ne = ns;
    while (ne < len && isalpha((unsigned char)text[ne]))
        ne++;
    return ns > end_byte && ne > ns && dates__english_month(text + ns, ne - ns);
}

/* ---- A month that does not exist -------------------------------------------- */

bool rls_date_bad_month_find(const char *text, size_t len, size_t *start_byte, size_t *end_byte) {
    if (!text) return false;
    const char *end = text + len;
    DateScan s = {text, end, 1900, false};
    for (const char *p = text; p < end; p++) {
        if (!isdigit((unsigned char)*p) || !dates__starts_token(text, p, end)) continue;
        int a, b;
        size_t n = dates__digits(p, end, &a);
        if (n == 0 || p + n + 1 >= end) continue;
        char sep = p[n];
        if (sep != '/' && sep != '.' && sep != '-') continue;
        size_t k = dates__digits(p + n + 1, end, &b);
        const char *q = p + n + 1 + k;
        /* Exactly two parts: "15.03.2021" and "2002-05-11" are days. */
        if (k == 0 || (q < end && (*q == sep || isdigit((unsigned char)*q))) ||
            !dates__ends_token(text, q, end))
            continue;
        int month, year;
        if (n == 4 && k == 2 && sep != '.') {
            /* "2021-13", "2021/00"; "2019-20" is a short range, and so is
             * any "YYYY-NN" whose NN can be the end year. */
            year = a;
            month = b;
            if (sep == '-' && b > a % 100) continue;
        } else if (n == 2 && k == 4 && sep != '-') {
            month = a; /* "13/2020", "00.2021" */
            year = b;
        } else {
            continue;
        }
        if (!dates__plausible_year(&s, year) || (month >= 1 && month <= 12)) continue;
        *start_byte = (size_t)(p - text);
        *end_byte = (size_t)(q - text);
        return true;
    }
    return false;
}
