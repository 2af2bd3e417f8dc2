/*
 * spelling.c - the `spelling` rule (rls/spell.h).
 *
 * The dictionary is the shell's (a hunspell handle behind RlsSpeller); this
 * file decides which words are prose worth a lookup. A resume is dense with
 * names that no dictionary knows: tools, companies, schools, people,
 * acronyms, URLs. A false alarm on "Kubernetes" costs as much as a missed
 * "recieved", so every word goes through the skips below before any lookup,
 * and the cheap skips come first.
 */
#include "rls/spell.h"

#include <string.h>

#include "rls/alloc.h"
#include "rls/keywords.h"
#include "rls/rules.h"
#include "rls/text.h"
#include "rules/rules_internal.h"

extern const unsigned char rls_data_resume_words_txt[];
extern const size_t rls_data_resume_words_txt_len;

/* Fewer words looked up than this say nothing of the prose's language. */
#define SPELL__FOREIGN_MIN_WORDS 6

/* A word of an entry's title, organisation or place: never looked up. */
typedef struct {
    const char *text;
    uint32_t len;
} SpellName;

typedef struct {
    const RlsResume *model;
    const char *src;
    uint32_t src_len;
    const RlsConfig *config;
    const RlsSpeller *speller;
    RlsSeverity sev;
    RlsDiagList *out;
    size_t added;
    size_t looked_up; /* words put to the dictionary */
    SpellName *names;
    size_t n_names, cap_names;
} SpellCtx;

/* ---- Characters ---------------------------------------------------------------- */

static uint32_t spell__cp(const char *t, uint32_t n, uint32_t i, uint32_t *cl) {
    uint32_t cp;
    *cl = rls_utf8_decode((const unsigned char *)t + i, n - i, &cp);
    return cp;
}

/* Upper-case letters of the scripts a Latin dictionary reads: ASCII,
 * Latin-1 and Latin Extended-A (even code points are capitals there). */
static bool spell__is_upper(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return true;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
    return cp >= 0x100 && cp < 0x180 && (cp & 1) == 0;
}

static bool spell__is_apostrophe(uint32_t cp) {
    return cp == '\'' || cp == 0x2019;
}

/* ASCII case-insensitive equality of two byte strings. */
static bool spell__same(const char *a, uint32_t an, const char *b, size_t bn) {
    if (an != bn) return false;
    for (uint32_t i = 0; i < an; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
        if (x != y) return false;
    }
    return true;
}

/* ---- Names of the entries ------------------------------------------------------ */

static void spell__add_names(SpellCtx *ctx, const char *s) {
    if (!s) return;
    uint32_t n = (uint32_t)strlen(s), i = 0;
    while (i < n) {
        uint32_t cl, cp = spell__cp(s, n, i, &cl);
        if (!rls_rules_is_word_cp(cp)) {
            i += cl;
            continue;
        }
        uint32_t start = i;
        while (i < n && rls_rules_is_word_cp(spell__cp(s, n, i, &cl)))
            i += cl;
        SpellName name = {s + start, i - start};
        RLS_PUSH(ctx->names, ctx->n_names, ctx->cap_names, name);
    }
}

static bool spell__is_name(const SpellCtx *ctx, const char *w, uint32_t len) {
    for (size_t i = 0; i < ctx->n_names; i++)
        if (spell__same(w, len, ctx->names[i].text, ctx->names[i].len)) return true;
    return false;
}

/* A word of the resume dictionary (configuration `dictionary`). */
static bool spell__in_dictionary(const SpellCtx *ctx, const char *w, uint32_t len) {
    const RlsConfig *cfg = ctx->config;
    bool found = false;
    for (size_t i = 0; i < cfg->n_lexicon_edits; i++) {
        const RlsLexiconEdit *e = &cfg->lexicon_edits[i];
        if (!e->lexicon || !e->word || strcmp(e->lexicon, RLS_SPELL_LEXICON) != 0) continue;
        /* A later "remove" takes an earlier "add" back. */
        if (spell__same(w, len, e->word, strlen(e->word))) found = !e->remove;
    }
    return found;
}

/* A word of data/resume-words.txt (lower-cased ASCII word). Only words
 * the dictionary refused get here, so a scan of the embedded list (a few
 * KB) costs nothing per keystroke. */
static bool spell__resume_word(const char *lower, uint32_t len) {
    const char *data = (const char *)rls_data_resume_words_txt;
    const char *end = data + rls_data_resume_words_txt_len;
    for (const char *p = data; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if ((size_t)(le - p) == len && memcmp(p, lower, len) == 0) return true;
        p = le + 1;
    }
    return false;
}

/* British spellings a US dictionary refuses, turned into the US form:
 * "organised" -> "organized", "optimisation" -> "optimization",
 * "behavioural" -> "behavioral", "modelling" -> "modeling", "licence" ->
 * "license", "centre" -> "center", "analysed" -> "analyzed", "programme" ->
 * "program". Either spelling is right; a resume is written in one. */
static bool spell__british(const SpellCtx *ctx, const char *lower, uint32_t n) {
    static const char *const is_suffixes[] = {"e",   "ed",    "es",     "er",   "ers",
                                              "ing", "ation", "ations", "able", "ational"};
    char v[RLS_SPELL_MAX_WORD + 4];
    if (n < 4 || n > RLS_SPELL_MAX_WORD) return false;
    const RlsSpeller *sp = ctx->speller;
    /* -ise, -ised, -isation, -yse ... */
    for (size_t k = 0; k < RLS_ARRAY_LEN(is_suffixes); k++) {
        size_t sl = strlen(is_suffixes[k]);
        if (n < sl + 3) continue;
        uint32_t at = n - (uint32_t)sl - 2;
        if ((lower[at] != 'i' && lower[at] != 'y') || lower[at + 1] != 's' ||
            memcmp(lower + at + 2, is_suffixes[k], sl) != 0)
            continue;
        memcpy(v, lower, n);
        v[at + 1] = 'z';
        if (sp->check_cb(sp->data, v, n)) return true;
    }
    /* -our- -> -or- (the last one) */
    for (uint32_t i = n - 3; i > 0; i--) {
        if (memcmp(lower + i, "our", 3) != 0) continue;
        memcpy(v, lower, i + 1);
        memcpy(v + i + 1, lower + i + 2, n - i - 2);
        if (sp->check_cb(sp->data, v, n - 1)) return true;
        break;
    }
    /* -lled, -lling, -ller(s) -> one l */
    static const char *const ll[] = {"lled", "lling", "ller", "llers"};
    for (size_t k = 0; k < RLS_ARRAY_LEN(ll); k++) {
        size_t sl = strlen(ll[k]);
        if (n <= sl + 1 || memcmp(lower + n - sl, ll[k], sl) != 0) continue;
        memcpy(v, lower, n - sl);
        memcpy(v + n - sl, ll[k] + 1, sl - 1);
        if (sp->check_cb(sp->data, v, n - 1)) return true;
    }
    /* Word endings: -tre(s) -> -ter(s), -ence -> -ense, -ogue -> -og,
     * -mme -> -m. */
    static const struct {
        const char *gb, *us;
    } ends[] = {{"tre", "ter"}, {"tres", "ters"}, {"ence", "ense"},  {"ences", "enses"},
                {"ogue", "og"}, {"ogues", "ogs"}, {"mme", "m"},      {"mmes", "ms"},
                {"yse", "yze"}, {"ysed", "yzed"}, {"ysing", "yzing"}};
    for (size_t k = 0; k < RLS_ARRAY_LEN(ends); k++) {
        size_t gl = strlen(ends[k].gb), ul = strlen(ends[k].us);
        if (n <= gl + 1 || memcmp(lower + n - gl, ends[k].gb, gl) != 0) continue;
        memcpy(v, lower, n - gl);
        memcpy(v + n - gl, ends[k].us, ul);
        if (sp->check_cb(sp->data, v, n - gl + ul)) return true;
    }
    return false;
}

/* A loanword with its accents ("café", "résumé", "naïve"): right when the
 * dictionary knows it without them, as English dictionaries list most. */
static bool spell__folded_ok(const SpellCtx *ctx, const char *w, uint32_t n) {
    static const char fold[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYPsaaaaaaaceeeeiiiidnooooo/ouuuuypy";
    char out[RLS_SPELL_MAX_WORD + 1];
    uint32_t o = 0;
    for (uint32_t i = 0; i < n;) {
        uint32_t cl, cp = spell__cp(w, n, i, &cl);
        if (cp < 0x80)
            out[o++] = (char)cp;
        else if (cp >= 0xC0 && cp <= 0xFF && fold[cp - 0xC0] != 'x' && fold[cp - 0xC0] != '/')
            out[o++] = fold[cp - 0xC0];
        else
            return false;
        i += cl;
    }
    return ctx->speller->check_cb(ctx->speller->data, out, o);
}

/* ---- Source context ---------------------------------------------------------------- */

static uint32_t spell__line_start(const SpellCtx *ctx, uint32_t at) {
    while (at > 0 && ctx->src[at - 1] != '\n' && ctx->src[at - 1] != '\r')
        at--;
    return at;
}

/* Inside a Markdown code span: an odd number of unescaped backticks
 * between the start of the line and the word. */
static bool spell__in_md_code(const SpellCtx *ctx, uint32_t at) {
    uint32_t ticks = 0;
    for (uint32_t i = spell__line_start(ctx, at); i < at; i++)
        if (ctx->src[i] == '`' && (i == 0 || ctx->src[i - 1] != '\\')) ticks++;
    return ticks % 2 == 1;
}

/* Inside the argument of a LaTeX command that sets code or a path
 * (\texttt{...}, \code{...}, \verb|...|, \lstinline|...|, \path{...}). */
static bool spell__in_tex_code(const SpellCtx *ctx, uint32_t at) {
    static const char *const cmds[] = {"\\texttt",        "\\code",       "\\verb",
                                       "\\lstinline",     "\\path",       "\\mintinline",
                                       "\\url",           "\\nolinkurl",  "\\printbib",
                                       "\\cite",          "\\ref",        "\\label",
                                       "\\input",         "\\include",    "\\bibliography",
                                       "\\nocite",        "\\usepackage", "\\includegraphics",
                                       "\\addbibresource"};
    uint32_t ls = spell__line_start(ctx, at);
    const char *s = ctx->src;
    for (uint32_t c = ls; c < at; c++) {
        if (s[c] != '\\') continue;
        for (size_t k = 0; k < RLS_ARRAY_LEN(cmds); k++) {
            size_t cn = strlen(cmds[k]);
            if (c + cn > at || memcmp(s + c, cmds[k], cn) != 0) continue;
            uint32_t i = c + (uint32_t)cn;
            if (i < at && ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')) continue; /* \codefoo */
            while (i < at && s[i] == ' ')
                i++;
            if (i >= at) continue;
            if (s[i] == '{') {
                int depth = 0;
                for (uint32_t j = i; j < at; j++) {
                    if (s[j] == '{') depth++;
                    if (s[j] == '}') depth--;
                    if (depth == 0) break;
                }
                if (depth > 0) return true;
            } else {
                /* \verb|...|: the delimiter must not close before the word. */
                char d = s[i];
                if (!memchr(s + i + 1, d, at - i - 1)) return true;
            }
        }
    }
    return false;
}

/* The word (lower-cased ASCII) is part of a URL on the same source line:
 * the text of a link that names its own address ("\href{https://github.com/x}
 * {github}", "[instagram/savgthread](https://instagram.com/savgthread)"). */
static bool spell__in_line_url(const SpellCtx *ctx, uint32_t at, const char *lower, uint32_t n) {
    if (at >= ctx->src_len) return false;
    uint32_t ls = spell__line_start(ctx, at), le = at;
    while (le < ctx->src_len && ctx->src[le] != '\n' && ctx->src[le] != '\r')
        le++;
    const char *s = ctx->src;
    for (uint32_t i = ls; i + 3 < le; i++) {
        if (memcmp(s + i, "://", 3) != 0) continue;
        uint32_t e = i + 3;
        while (e < le && !strchr(" \t)}>\"'", s[e]))
            e++;
        for (uint32_t k = i + 3; k + n <= e; k++)
            if (spell__same(s + k, n, lower, n)) return true;
        i = e;
    }
    return false;
}

static bool spell__in_code(const SpellCtx *ctx, uint32_t src_at) {
    if (src_at >= ctx->src_len) return false;
    return ctx->model->format == RLS_FORMAT_MARKDOWN ? spell__in_md_code(ctx, src_at)
                                                     : spell__in_tex_code(ctx, src_at);
}

/* ---- Tokens and words ------------------------------------------------------------ */

/* A whitespace-separated token that is no prose at all: a URL, an e-mail
 * address, a domain or file name, a path, code. */
static bool spell__token_is_code(const char *t, uint32_t n) {
    uint32_t slashes = 0;
    for (uint32_t i = 0; i < n; i++) {
        char c = t[i];
        if (strchr("_=<>{}\\#$|~^`+@*&%", c)) return true;
        if (c == ':' && i + 2 < n && t[i + 1] == '/' && t[i + 2] == '/') return true;
        /* "github.com", "Node.js", "B.Sc", "e.g": a dot between two word
         * characters. */
        if (c == '.' && i > 0 && i + 1 < n && rls_rules_ascii_alnum((unsigned char)t[i - 1]) &&
            rls_rules_ascii_alnum((unsigned char)t[i + 1]))
            return true;
        slashes += c == '/';
    }
    if (n >= 4 && spell__same(t, 4, "www.", 4)) return true;
    /* "rgba(0,0,0,.65)", "identity(ies)": a call or an optional ending;
     * ".cv-page": a CSS class. */
    const char *paren = memchr(t, '(', n);
    if (paren && paren > t) return true;
    if (n > 1 && t[0] == '.' && rls_rules_ascii_alnum((unsigned char)t[1])) return true;
    /* "womens-career-kaya-2022": a slug, not words. */
    uint32_t hyphens = 0;
    bool digit = false;
    for (uint32_t i = 0; i < n; i++) {
        hyphens += t[i] == '-';
        digit = digit || (t[i] >= '0' && t[i] <= '9');
    }
    if (hyphens >= 2 && digit) return true;
    /* "elba-docker/radvisor": a repository path. */
    if (slashes && hyphens && !memchr(t, ' ', n)) return true;
    return slashes >= 2 || (n && t[0] == '/');
}

/* Prefixes written with a hyphen that dictionaries do not list alone:
 * "co-founded", "re-architected", "pre-sales". */
static bool spell__is_prefix(const char *w, uint32_t n) {
    static const char *const prefixes[] = {
        "co",    "re",    "pre",  "non",   "multi", "anti", "sub",   "cross", "semi", "inter",
        "micro", "post",  "de",   "un",    "bi",    "tri",  "mid",   "ex",    "mis",  "over",
        "under", "hyper", "auto", "ultra", "mega",  "meta", "intra", "uni"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(prefixes); i++)
        if (rls_rules_word_is(w, n, prefixes[i])) return true;
    return false;
}

/* Whether the word at plain byte ws starts a sentence: the first word of
 * the text, or the first after ". ", "! " or "? ". */
static bool spell__sentence_start(const char *t, uint32_t ws) {
    uint32_t i = ws;
    while (i > 0 && t[i - 1] != ' ')
        i--; /* back to the start of the token */
    while (i > 0 && t[i - 1] == ' ')
        i--;
    if (i == 0) return true;
    /* Closing quotes and brackets after the full stop: '." ' */
    while (i > 0 && (t[i - 1] == '"' || t[i - 1] == ')' || t[i - 1] == '\''))
        i--;
    if (i == 0 || (t[i - 1] != '.' && t[i - 1] != '!' && t[i - 1] != '?')) return false;
    /* "Mr. Cneude", "Zhao C. Liu": a short capitalised word before the full
     * stop is an abbreviation or an initial, not the end of a sentence. */
    uint32_t e = i - 1, b = e;
    while (b > 0 && t[b - 1] != ' ')
        b--;
    return !(e - b <= 4 && e > b && t[b] >= 'A' && t[b] <= 'Z');
}

static void spell__report(SpellCtx *ctx, const RlsPlain *p, int32_t bullet, uint32_t ws,
                          uint32_t we) {
    RlsSpan span = rls_plain_cover(p, ws, we);
    RlsDiag *d = rls_diag_push(ctx->out, span, ctx->sev, RLS_RULE_ID(SPELLING),
                               "'%.*s' is not in the %s dictionary: a typo?", (int)(we - ws),
                               p->text + ws, ctx->speller->name ? ctx->speller->name : "");
    d->bullet = bullet;
    d->plain_start = ws;
    d->plain_end = we;
    ctx->added++;
}

/* A capitalised first word that reads as a name rather than a sentence:
 * "Nuzzo, R.L. (2019) ...", "Zhao C., Liu J.", "Eloquentix (USA)",
 * "Facultad de Ingeniería": followed by a comma, a bracket, a slash or a
 * capitalised word, or a text of three words or fewer. */
static bool spell__name_like_start(const char *t, uint32_t n, uint32_t we) {
    if (we < n && (t[we] == ',' || t[we] == '/' || t[we] == '(')) return true;
    uint32_t i = we;
    while (i < n && t[i] != ' ')
        i++;
    for (;;) {
        while (i < n && t[i] == ' ')
            i++;
        /* "Overnote - Software Engineering Project": past a lone dash. */
        uint32_t cl0;
        uint32_t cp0 = i < n ? spell__cp(t, n, i, &cl0) : 0;
        bool dash = cp0 == '-' || cp0 == 0x2013 || cp0 == 0x2014 || cp0 == '|' || cp0 == ':';
        if (!dash || i + cl0 >= n || t[i + cl0] != ' ') break;
        i += cl0;
    }
    if (i >= n) return true;
    uint32_t cl;
    if (t[i] == '(' || spell__is_upper(spell__cp(t, n, i, &cl))) return true;
    uint32_t spaces = 0;
    for (uint32_t k = 0; k < n; k++)
        spaces += t[k] == ' ';
    return spaces < 3;
}

/* Looks up the word t[ws..we) unless a skip applies. hyphen_after: a hyphen
 * joins it to the next word ("co-founded"). */
static void spell__word(SpellCtx *ctx, const RlsPlain *p, int32_t bullet, uint32_t ws, uint32_t we,
                        bool hyphen_after, bool tech_list) {
    const char *t = p->text;
    uint32_t len = we - ws;
    if (len > RLS_SPELL_MAX_WORD) return;
    uint32_t letters = 0, uppers = 0, inner_upper = 0;
    bool first_upper = false;
    char word[RLS_SPELL_MAX_WORD + 1];
    uint32_t wn = 0;
    for (uint32_t i = ws; i < we;) {
        uint32_t cl, cp = spell__cp(t, we, i, &cl);
        if (cp >= '0' && cp <= '9') return; /* "p99", "8M", "2nd" */
        /* Another script (CJK, Cyrillic, ...) is not this dictionary's. */
        if (cp >= 0x250 && !spell__is_apostrophe(cp)) return;
        if (spell__is_apostrophe(cp)) {
            word[wn++] = '\''; /* hunspell's dictionaries use the straight one */
        } else {
            bool up = spell__is_upper(cp);
            if (letters == 0)
                first_upper = up;
            else
                inner_upper += up;
            uppers += up;
            letters++;
            memcpy(word + wn, t + i, cl);
            wn += cl;
        }
        i += cl;
    }
    if (letters < 2) return;
    if (uppers == letters) return; /* ALL-CAPS: an acronym */
    if (inner_upper) return;       /* "OpenTelemetry", "iOS", "McKinsey" */
    if (first_upper && !ctx->config->spell_capitalized) {
        if (!spell__sentence_start(t, ws) || spell__name_like_start(t, p->len, we)) return;
    }
    if (hyphen_after && spell__is_prefix(word, wn)) return;
    /* The dictionary first: most words are in it, and its answer is cached
     * per word; every skip below costs more and matters only for refusals. */
    ctx->looked_up++;
    if (ctx->speller->check_cb(ctx->speller->data, word, wn)) return;
    if (rls_kw_find(word, wn) >= 0) return;
    if (spell__is_name(ctx, word, wn) || spell__in_dictionary(ctx, word, wn)) return;
    if (p->generated && rls_plain_is_generated(p, ws, we)) return;
    /* Refused: the resume's own vocabulary, then British spelling. */
    char lower[RLS_SPELL_MAX_WORD + 1];
    bool ascii = true;
    for (uint32_t i = 0; i < wn; i++) {
        unsigned char c = (unsigned char)word[i];
        ascii = ascii && c < 0x80;
        lower[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (ascii && (spell__resume_word(lower, wn) || spell__british(ctx, lower, wn))) return;
    if (!ascii && spell__folded_ok(ctx, word, wn)) return;
    /* "PyMC3, pyhf, sktime": an item of a list of tools is a tool name. */
    if (tech_list) return;
    /* "or\-patterns": a LaTeX discretionary hyphen inside the word. */
    if (p->src_start && p->src_end && ctx->model->format == RLS_FORMAT_LATEX) {
        uint32_t a = p->src_start[ws], b = p->src_end[we - 1];
        for (uint32_t i = a; i + 1 < b && b <= ctx->src_len; i++)
            if (ctx->src[i] == '\\' && ctx->src[i + 1] == '-') return;
    }
    /* The costly checks last: only for words the dictionary refuses. */
    if (p->src_start && spell__in_code(ctx, p->src_start[ws])) return;
    if (ascii && p->src_start && spell__in_line_url(ctx, p->src_start[ws], lower, wn)) return;
    spell__report(ctx, p, bullet, ws, we);
}

/* Whether t[s..e) (a token, punctuation around it trimmed) is technical:
 * a catalogue name, an acronym, a word with inner capitals or digits. */
static bool spell__technical(const char *t, uint32_t s, uint32_t e) {
    while (s < e && strchr("([{\"'*", t[s]))
        s++;
    while (e > s && strchr(")]}\"'.,;:", t[e - 1]))
        e--;
    if (s == e) return false;
    if (rls_kw_find(t + s, e - s) >= 0) return true;
    for (uint32_t i = s; i < e; i++) {
        char c = t[i];
        if ((c >= '0' && c <= '9') || (i > s && c >= 'A' && c <= 'Z')) return true;
    }
    return e - s >= 2 && t[s] >= 'A' && t[s] <= 'Z' && t[s + 1] >= 'A' && t[s + 1] <= 'Z';
}

/* The token t[ts..te) is an item of a comma-separated list whose item
 * before or after it is technical ("R, jamovi, JASP", "PyMC3, pyhf"). */
static bool spell__tech_list(const char *t, uint32_t n, uint32_t ts, uint32_t te) {
    bool comma_after = te > ts && t[te - 1] == ',';
    uint32_t pe = ts;
    while (pe > 0 && t[pe - 1] == ' ')
        pe--;
    uint32_t ps = pe;
    while (ps > 0 && t[ps - 1] != ' ')
        ps--;
    bool comma_before = pe > ps && t[pe - 1] == ',';
    uint32_t ns = te;
    while (ns < n && t[ns] == ' ')
        ns++;
    uint32_t ne = ns;
    while (ne < n && t[ne] != ' ')
        ne++;
    if (comma_before && spell__technical(t, ps, pe)) return true;
    return comma_after && ne > ns && spell__technical(t, ns, ne);
}

/* Splits the token t[ts..te) into words (letters and digits, with
 * apostrophes inside) and looks each up. */
static void spell__token(SpellCtx *ctx, const RlsPlain *p, int32_t bullet, uint32_t ts,
                         uint32_t te) {
    const char *t = p->text;
    /* The token without its surrounding punctuation, for the catalogue:
     * "(CI/CD)," -> "CI/CD", "C++." stays code. */
    uint32_t a = ts, b = te;
    while (a < b && strchr("([{\"'*,;:", t[a]))
        a++;
    while (b > a && strchr(")]}\"'.,;:!?", t[b - 1]))
        b--;
    if (a == b || spell__token_is_code(t + a, b - a)) return;
    /* "C#", "Node.js", "CI/CD": a catalogue name with punctuation, whole. */
    bool punct = false;
    for (uint32_t i = a; i < b && !punct; i++)
        punct = !rls_rules_ascii_alnum((unsigned char)t[i]) && (unsigned char)t[i] < 0x80;
    if (punct && rls_kw_find(t + a, b - a) >= 0) return;
    /* "add-ons", "e-mail": a hyphenated word the dictionary lists whole. */
    if (memchr(t + a, '-', b - a) && b - a <= RLS_SPELL_MAX_WORD) {
        char whole[RLS_SPELL_MAX_WORD + 1];
        uint32_t wn = 0;
        bool plain_word = true;
        for (uint32_t i = a; i < b; i++) {
            char c = t[i];
            plain_word = plain_word && (rls_rules_ascii_alnum((unsigned char)c) || c == '-');
            whole[wn++] = c;
        }
        if (plain_word && ctx->speller->check_cb(ctx->speller->data, whole, wn)) return;
    }
    bool tech_list = spell__tech_list(t, p->len, ts, te);
    uint32_t i = a;
    while (i < b) {
        uint32_t cl, cp = spell__cp(t, b, i, &cl);
        if (!rls_rules_is_word_cp(cp)) {
            i += cl;
            continue;
        }
        uint32_t ws = i;
        while (i < b) {
            cp = spell__cp(t, b, i, &cl);
            if (rls_rules_is_word_cp(cp)) {
                i += cl;
                continue;
            }
            uint32_t nl;
            if (spell__is_apostrophe(cp) && i + cl < b &&
                rls_rules_is_word_cp(spell__cp(t, b, i + cl, &nl))) {
                i += cl;
                continue;
            }
            break;
        }
        spell__word(ctx, p, bullet, ws, i, i < b && t[i] == '-', tech_list);
    }
}

/* If a template tag ("{% endif %}", "{{ page.title }}") opens at t[i],
 * returns where it closes; else i. */
static uint32_t spell__template_end(const char *t, uint32_t n, uint32_t i) {
    if (i + 1 >= n || t[i] != '{' || (t[i + 1] != '%' && t[i + 1] != '{')) return i;
    char close = t[i + 1] == '%' ? '%' : '}';
    for (uint32_t j = i + 2; j + 1 < n; j++)
        if (t[j] == close && t[j + 1] == '}') return j + 2;
    return n;
}

/* In a Projects section a text often opens with the project's name, then a
 * dash or colon: "ledgerlint — open-source ledger checker". Returns where
 * the description starts (0 when there is no such separator early on). */
static uint32_t spell__project_name_end(const char *t, uint32_t n) {
    static const char *const seps[] = {" \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ", ": "};
    uint32_t best = 0;
    for (size_t k = 0; k < RLS_ARRAY_LEN(seps); k++) {
        size_t sl = strlen(seps[k]);
        for (uint32_t i = 1; i + sl <= n && i < 60; i++) {
            if (memcmp(t + i, seps[k], sl) != 0) continue;
            if (!best || i < best) best = i;
            break;
        }
    }
    return best;
}

static void spell__text(SpellCtx *ctx, const RlsPlain *p, int32_t bullet, uint32_t section) {
    const char *t = p->text;
    if (!t) return;
    uint32_t n = p->len, i = 0;
    const RlsResume *m = ctx->model;
    if (section < m->n_sections && m->sections[section].kind == RLS_SECTION_PROJECTS)
        i = spell__project_name_end(t, n);
    uint32_t tpl_end = 0; /* text before it belongs to a template tag */
    while (i < n) {
        while (i < n && t[i] == ' ')
            i++;
        uint32_t ts = i;
        bool in_tpl = ts < tpl_end;
        while (i < n && t[i] != ' ') {
            /* A tag may open inside a token: "}}{% endif %}". */
            uint32_t e = spell__template_end(t, n, i);
            if (e != i) {
                in_tpl = true;
                tpl_end = e;
            }
            i++;
        }
        /* "ul {": a CSS selector before its block. */
        uint32_t next = i;
        while (next < n && t[next] == ' ')
            next++;
        if (next < n && t[next] == '{') in_tpl = true;
        if (i > ts && !in_tpl) spell__token(ctx, p, bullet, ts, i);
    }
}

/* Sections whose text is prose; a skills list and the header (name,
 * contacts) are names and nothing else, and a publication list is authors,
 * titles full of terms of art, and venues. */
static bool spell__prose_section(const RlsResume *m, uint32_t section) {
    if (section >= m->n_sections) return true;
    RlsSectionKind k = m->sections[section].kind;
    return k != RLS_SECTION_SKILLS && k != RLS_SECTION_HEADER && k != RLS_SECTION_PUBLICATIONS;
}

size_t rls_spell_check(const RlsResume *model, const char *src, uint32_t src_len,
                       const RlsConfig *config, RlsDiagList *out) {
    if (!model || !out || !config || !config->spell.speller_cb) return 0;
    RlsSeverity sev = rls_config_severity(config, RLS_RULE_ID(SPELLING), RLS_SEV_WARNING);
    if (sev == RLS_SEV_OFF) return 0;
    const char *lang = rls_rules_language(model);
    if (!lang) lang = "";
    const RlsSpeller *sp = config->spell.speller_cb(config->spell.data, lang, config->spell_path);
    if (!sp || !sp->check_cb) return 0;
    SpellCtx ctx = {.model = model,
                    .src = src ? src : "",
                    .src_len = src ? src_len : 0,
                    .config = config,
                    .speller = sp,
                    .sev = sev,
                    .out = out};
    for (uint32_t e = 0; e < model->n_entries; e++) {
        spell__add_names(&ctx, model->entries[e].title);
        spell__add_names(&ctx, model->entries[e].org);
        spell__add_names(&ctx, model->entries[e].location);
    }
    for (uint32_t b = 0; b < model->n_bullets; b++) {
        const RlsBullet *bl = &model->bullets[b];
        if (spell__prose_section(model, bl->section))
            spell__text(&ctx, &bl->plain, (int32_t)b, bl->section);
    }
    for (uint32_t p = 0; p < model->n_paragraphs; p++) {
        const RlsParagraph *pg = &model->paragraphs[p];
        if (spell__prose_section(model, pg->section))
            spell__text(&ctx, &pg->plain, -1, pg->section);
    }
    rls_free(ctx.names);
    /* A third of the words unknown is no typing: the prose is in another
     * language than the dictionary's (a French resume too short, or too
     * terse, for rls_rules_language to tell). Its findings would all be
     * false alarms, so none is kept. */
    if (ctx.looked_up >= SPELL__FOREIGN_MIN_WORDS && ctx.added * 3 > ctx.looked_up) {
        rls_diag_list_truncate(out, out->len - ctx.added);
        return 0;
    }
    return ctx.added;
}

/* ---- The word of a finding ---------------------------------------------------------- */

static size_t spell__copy_word(const RlsPlain *p, uint32_t ps, uint32_t pe, char *buf, size_t cap) {
    if (pe > p->len || ps >= pe || cap == 0) return 0;
    size_t n = 0;
    for (uint32_t i = ps; i < pe;) {
        uint32_t cl, cp = spell__cp(p->text, pe, i, &cl);
        if (n + cl + 1 > cap) return 0;
        if (spell__is_apostrophe(cp)) {
            buf[n++] = '\'';
        } else {
            memcpy(buf + n, p->text + i, cl);
            n += cl;
        }
        i += cl;
    }
    buf[n] = '\0';
    return n;
}

size_t rls_spell_word_of(const RlsResume *model, const RlsDiag *d, char *buf, size_t cap) {
    if (!model || !d || !d->rule || strcmp(d->rule, RLS_RULE_ID(SPELLING)) != 0) return 0;
    const RlsPlain *p = NULL;
    if (d->bullet >= 0 && (uint32_t)d->bullet < model->n_bullets) {
        p = &model->bullets[d->bullet].plain;
    } else {
        /* A paragraph's finding: the paragraph whose text covers it there. */
        for (uint32_t i = 0; i < model->n_paragraphs && !p; i++) {
            const RlsPlain *c = &model->paragraphs[i].plain;
            if (d->plain_end > c->len || d->plain_start >= d->plain_end) continue;
            RlsSpan s = rls_plain_cover(c, d->plain_start, d->plain_end);
            if (s.start_byte == d->span.start_byte && s.end_byte == d->span.end_byte) p = c;
        }
    }
    return p ? spell__copy_word(p, d->plain_start, d->plain_end, buf, cap) : 0;
}
