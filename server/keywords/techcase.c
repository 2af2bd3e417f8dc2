/*
 * techcase.c - the tech-casing rule: a technology name written in a form
 * that is not its official one ("Javascript", "Github", "nodejs", "aws"),
 * and one name written two accepted ways in one resume ("Postgres" and
 * "PostgreSQL").
 *
 * The official forms are the catalogue's (data/<profile>.txt): a term's
 * name and its aliases marked "+" (accepted spellings of their own). A
 * surface form is wrong when it equals one of them once case, dots,
 * hyphens and spaces are ignored, but is not written like any of them.
 * What is never judged:
 *   - an all-lower-case official form ("dbt", "networking"): its only
 *     variants are capitals at a sentence start;
 *   - a form in capitals throughout ("GITHUB"): a heading's style;
 *   - the lower-case form of a term marked "word" in the data ("airflow",
 *     "android", "flutter"), outside skills lists: it is an English word;
 *   - code spans, URLs, e-mail addresses, file and domain names, LaTeX
 *     command names and the arguments of \texttt, \url, \verb, \href's
 *     target and icon commands (\simpleicon{python}), lower-case
 *     kebab-case names ("python-pandas": a package's), and the contact
 *     details of the header;
 *   - a list of three or more items on one line, all set in lower case: a
 *     style.
 */
#include <string.h>

#include "keywords/kw_internal.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/hash.h"
#include "rls/rules.h"

/* ASCII-lower-cased letters and digits of s[0..n): "Node.js" -> "nodejs". */
static size_t techcase__fold(const char *s, size_t n, char *out, size_t cap) {
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.' || c == '-' || c == ' ' || c == '_') continue;
        out[k++] = (char)rls_kw__lower(c);
    }
    out[k] = '\0';
    return k;
}

static bool techcase__has_lower(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') return true;
    return false;
}

static bool techcase__has_upper(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'A' && s[i] <= 'Z') return true;
    return false;
}

/* The official form of term kw that text[0..len) is a variant of: its name
 * or a "+" alias with the same fold. Sets *exact when text is written
 * exactly so. NULL when text is another alias ("k8s", "RESTful"). */
static const char *techcase__official(const RlsKeyword *kw, const char *text, size_t len,
                                      bool *exact) {
    char a[96], b[96];
    if (len >= sizeof(a)) return NULL;
    size_t fa = techcase__fold(text, len, a, sizeof(a));
    const char *found = NULL;
    *exact = false;
    for (uint32_t i = 0; i <= kw->n_aliases; i++) {
        const char *form = i == 0 ? kw->name : rls_kw_alias(kw, i - 1);
        if (i > 0 && !rls_kw_alias_accepted(kw, i - 1)) continue;
        size_t fl = strlen(form);
        if (fl == len && memcmp(form, text, len) == 0) {
            *exact = true;
            return form;
        }
        size_t fb = techcase__fold(form, fl, b, sizeof(b));
        if (!found && fa == fb && memcmp(a, b, fa) == 0) found = form;
    }
    return found;
}

/* The official form text[0..len), a form of term kw, should take; NULL
 * when it is right as written or not judged. */
static const char *techcase__fix(const RlsKeyword *kw, const char *text, size_t len, bool in_list) {
    if (!kw->category || strcmp(kw->category, "practice") == 0) return NULL;
    bool exact;
    const char *form = techcase__official(kw, text, len, &exact);
    if (!form || exact) return NULL;
    size_t fl = strlen(form);
    /* An all-lower-case official form, and a form in capitals throughout. */
    if (!techcase__has_upper(form, fl)) return NULL;
    if (!techcase__has_lower(text, len) && len > 1) return NULL;
    if (kw->common_word && !techcase__has_upper(text, len) && !in_list) return NULL;
    return form;
}

const char *rls_kw_official_form(const char *text, size_t len, bool in_list) {
    if (!text || len == 0 || len > 64) return NULL;
    int32_t t = rls_kw_find(text, len); /* a scan of the whole catalogue */
    return t < 0 ? NULL : techcase__fix(rls_kw_get((uint32_t)t), text, len, in_list);
}

/* ---- Where a name is not prose --------------------------------------------- */

static bool techcase__space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The run of src around [s, e) up to white space or a bracket. */
static void techcase__token(const char *src, uint32_t len, uint32_t s, uint32_t e, uint32_t *ts,
                            uint32_t *te) {
    static const char stops[] = "()<>{}[]\"'|,;";
    uint32_t a = s, b = e;
    while (a > 0 && !techcase__space((unsigned char)src[a - 1]) && !strchr(stops, src[a - 1]))
        a--;
    while (b < len && !techcase__space((unsigned char)src[b]) && !strchr(stops, src[b]))
        b++;
    *ts = a;
    *te = b;
}

static bool techcase__contains(const char *s, uint32_t n, const char *needle) {
    size_t k = strlen(needle);
    for (uint32_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0) return true;
    return false;
}

/* ---- Stretches that are not prose, found in one pass ---------------------- */

/* Where a name sits in code or a target, not in prose: byte positions p
 * (the bytes src[0..p) decide) inside `code` on its line (Markdown: an
 * odd number of backticks before on the line), inside a link's target
 * ("](" before, no ")" or line end between), or whose innermost open brace
 * group of the paragraph is an argument that is not prose (LaTeX: \texttt,
 * \url, \verb, \href's target, icon commands). Each question used to scan
 * back from every name; on a 1 MB document without blank lines that was a
 * scan of the whole file per name (2.4 s a keystroke). */
typedef struct {
    RlsSpan *items; /* sorted, disjoint: [start, end) of positions not prose */
    size_t n, cap;
} TechMap;

static void techmap__mark(TechMap *m, uint32_t p, bool on) {
    if (on && (m->n == 0 || m->items[m->n - 1].end_byte != UINT32_MAX)) {
        if (m->n == m->cap) {
            m->cap = m->cap ? m->cap * 2 : 16;
            m->items = rls_realloc(m->items, m->cap * sizeof(*m->items));
        }
        m->items[m->n++] = (RlsSpan){p, UINT32_MAX};
    } else if (!on && m->n && m->items[m->n - 1].end_byte == UINT32_MAX) {
        m->items[m->n - 1].end_byte = p;
    }
}

/* Whether the brace at src[brace] opens an argument that is not prose. */
static bool techcase__verbatim_brace(const char *src, uint32_t brace) {
    static const char *const cmds[] = {"texttt", "url",       "verb",  "href",       "code",
                                       "path",   "lstinline", "email", "mintinline", "detokenize"};
    uint32_t e = brace, a = e;
    while (a > 0 && ((src[a - 1] | 32) >= 'a' && (src[a - 1] | 32) <= 'z'))
        a--;
    if (a == 0 || src[a - 1] != '\\') return false;
    for (size_t k = 0; k < RLS_ARRAY_LEN(cmds); k++)
        if (strlen(cmds[k]) == e - a && memcmp(src + a, cmds[k], e - a) == 0) return true;
    /* \simpleicon{python}, \faicon{github}: an icon's name. */
    for (uint32_t k = a; k + 4 <= e; k++)
        if (memcmp(src + k, "icon", 4) == 0 || memcmp(src + k, "Icon", 4) == 0) return true;
    return false;
}

static void techmap__build(TechMap *m, const char *src, uint32_t len, bool markdown) {
    RlsBuf groups; /* open brace groups of the paragraph: 1 = not prose */
    rls_buf_init(&groups);
    bool ticks = false, target = false, was = false;
    for (uint32_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '\n') {
            ticks = target = false;
            if (i > 0 && src[i - 1] == '\n') rls_buf_clear(&groups); /* a paragraph break */
        } else if (c == '`') {
            ticks = !ticks;
        } else if (c == ')') {
            target = false;
        } else if (c == '(' && i > 0 && src[i - 1] == ']') {
            target = true;
        } else if (!markdown && c == '{') {
            rls_buf_putc(&groups, (char)techcase__verbatim_brace(src, i));
        } else if (!markdown && c == '}' && groups.len) {
            groups.len--;
        }
        bool on = (markdown && ticks) || target || (groups.len && groups.data[groups.len - 1]);
        if (on != was) techmap__mark(m, i + 1, on);
        was = on;
    }
    techmap__mark(m, len + 1, false);
    rls_buf_close(&groups);
}

static bool techmap__has(const TechMap *m, uint32_t p) {
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->items[mid].end_byte <= p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->n && m->items[lo].start_byte <= p;
}

static bool techcase__not_prose(const RlsResume *m, const TechMap *map, const char *src,
                                uint32_t len, uint32_t s, uint32_t e) {
    if (s > 0 && (src[s - 1] == '\\' || src[s - 1] == '/' || src[s - 1] == '@' ||
                  src[s - 1] == '#' || src[s - 1] == '$'))
        return true;
    /* "github.com", "kubernetes.io", "pandas.DataFrame", "Postgres_URL". */
    if (e + 1 < len && (src[e] == '.' || src[e] == '_' || src[e] == '@') &&
        ((src[e + 1] | 32) >= 'a' && (src[e + 1] | 32) <= 'z'))
        return true;
    uint32_t ts, te;
    techcase__token(src, len, s, e, &ts, &te);
    /* "python-pandas", "react-rpg": a lower-case kebab-case name is a
     * package's or a repository's, written as its owner spells it. */
    bool kebab = false, upper = false;
    for (uint32_t i = ts; i < te; i++) {
        kebab = kebab || (src[i] == '-' && i > ts && i + 1 < te);
        upper = upper || (src[i] >= 'A' && src[i] <= 'Z');
    }
    if (kebab && !upper) return true;
    if (techcase__contains(src + ts, te - ts, "://") ||
        techcase__contains(src + ts, te - ts, "www.") || memchr(src + ts, '@', te - ts))
        return true;
    if (techmap__has(map, s)) return true;
    for (uint32_t c = 0; c < m->n_contacts; c++) {
        RlsSpan sp = m->contacts[c].span;
        if (s >= sp.start_byte && e <= sp.end_byte && m->contacts[c].kind != RLS_CONTACT_PHONE)
            return true;
    }
    return false;
}

/* ---- Lists written in lower case ------------------------------------------- */

/* Whether the name at [s, e) is an item of a list of three or more on its
 * line, set off by a label, a cell or a group ("Tools & docker, k8s,
 * jenkins \\\\", "{python, bash, c/c++}", "Stack: rust, python, golang"),
 * whose every item opens with a small letter: the writer set the list in
 * lower case on purpose, a style, not a misspelt name. A list that
 * capitalises some names and not others, and a sentence, are still judged. */
static bool techcase__lower_case_list(const char *src, uint32_t len, uint32_t s, uint32_t e) {
    static const char *const open = "\n{}&:|";
    static const char *const close = "\n{}&|\\";
    /* A stretch longer than this is no list set on one line; scanning a
     * 1 MB line for each of its names would be quadratic. */
    enum { REACH = 1024 };
    uint32_t a = s, b = e;
    while (a > 0 && !strchr(open, src[a - 1]) && s - a < REACH)
        a--;
    while (b < len && !strchr(close, src[b]) && b - e < REACH)
        b++;
    if (s - a >= REACH || b - e >= REACH) return false;
    uint32_t items = 0;
    for (uint32_t i = a; i < b;) {
        while (i < b && (src[i] == ' ' || src[i] == '\t'))
            i++;
        if (i == b) break;
        if (src[i] < 'a' || src[i] > 'z') return false;
        items++;
        while (i < b && src[i] != ',')
            i++;
        if (i < b) i++;
    }
    return items >= 3;
}

/* ---- The rule ----------------------------------------------------------------- */

/* The spans this rule reported, as a set: hits overlap (a skill's hit
 * covers the whole skill), and a name is reported once. A list scanned for
 * every name was quadratic in the findings of a long resume. */
typedef struct {
    uint64_t *keys; /* 0: empty; cap a power of two, at most half full */
    uint32_t cap, n;
} TechSeen;

static uint64_t techseen__key(RlsSpan sp) {
    /* Multiplying by an odd constant is one-to-one: the key is the span. */
    return rls_hash_key((((uint64_t)sp.start_byte << 32) | sp.end_byte) * 0x9E3779B97F4A7C15ull);
}

static bool techseen__has(const TechSeen *t, RlsSpan sp) {
    if (!t->cap) return false;
    uint64_t k = techseen__key(sp);
    return t->keys[rls_hash_probe(t->keys, sizeof(uint64_t), t->cap, k)] == k;
}

static void techseen__add(TechSeen *t, RlsSpan sp) {
    if (2 * (t->n + 1) > t->cap) {
        TechSeen g = {rls_calloc(t->cap ? 2 * (size_t)t->cap : 64, sizeof(uint64_t)),
                      t->cap ? 2 * t->cap : 64, t->n};
        for (uint32_t i = 0; i < t->cap; i++)
            if (t->keys[i])
                g.keys[rls_hash_probe(g.keys, sizeof(uint64_t), g.cap, t->keys[i])] = t->keys[i];
        rls_free(t->keys);
        *t = g;
    }
    uint64_t k = techseen__key(sp);
    uint64_t *slot = &t->keys[rls_hash_probe(t->keys, sizeof(uint64_t), t->cap, k)];
    if (!*slot) t->n++;
    *slot = k;
}

typedef struct {
    const RlsResume *model;
    const char *src;
    uint32_t len;
    uint32_t base; /* offset of the scanned region in src */
    uint32_t term;
    bool in_list;
    RlsSeverity sev;
    RlsDiagList *out;
    const char **used; /* per term: the first official form seen, or NULL */
    RlsSpan *used_at;
    bool *told; /* per term: "pick one" said already */
    TechMap map;
    TechSeen seen;
} TechCtx;

static void techcase__on_match(const RlsKwMatch *mt, void *data) {
    TechCtx *c = data;
    if (mt->term != c->term) return;
    RlsSpan sp = {c->base + mt->start_byte, c->base + mt->end_byte};
    const char *text = c->src + sp.start_byte;
    size_t n = sp.end_byte - sp.start_byte;
    if (techcase__not_prose(c->model, &c->map, c->src, c->len, sp.start_byte, sp.end_byte)) return;
    if (techseen__has(&c->seen, sp)) return;
    if (techcase__lower_case_list(c->src, c->len, sp.start_byte, sp.end_byte)) return;
    const RlsKeyword *kw = rls_kw_get(mt->term);
    bool exact;
    const char *official = techcase__official(kw, text, n, &exact);
    if (!official) return;
    /* The scan named the term: no need to look the text up again. */
    const char *fix = n <= 64 ? techcase__fix(kw, text, n, c->in_list) : NULL;
    if (fix) {
        techseen__add(&c->seen, sp);
        rls_diag_push(c->out, sp, c->sev, RLS_RULE_ID(TECH_CASING),
                      "\"%.*s\" is written \"%s\"; recruiters notice a tool name "
                      "written the wrong way.",
                      (int)n, text, fix);
        official = fix;
    } else if (!exact) {
        return; /* a variant left alone: it says nothing about the choice */
    }
    /* One name, two accepted forms ("Postgres" and "PostgreSQL"). */
    if (!c->used[mt->term]) {
        c->used[mt->term] = official;
        c->used_at[mt->term] = sp;
    } else if (strcmp(c->used[mt->term], official) != 0 && !c->told[mt->term]) {
        c->told[mt->term] = true;
        techseen__add(&c->seen, sp);
        RlsSeverity sev = c->sev > RLS_SEV_INFO ? c->sev : RLS_SEV_INFO;
        rls_diag_push(c->out, sp, sev, RLS_RULE_ID(TECH_CASING),
                      "%s is written both \"%s\" and \"%s\" in this resume; pick one and use it "
                      "throughout.",
                      kw->name, c->used[mt->term], official);
    }
}

void rls_kw__tech_casing(const RlsResume *model, const RlsKwReport *report, const char *src,
                         uint32_t src_len, const RlsConfig *config, RlsDiagList *out) {
    const RlsRuleInfo *info = rls_rule_find(RLS_RULE_ID(TECH_CASING));
    RlsSeverity sev = rls_config_severity(config, RLS_RULE_ID(TECH_CASING), info->default_severity);
    if (sev == RLS_SEV_OFF || !src || !report || report->n_hits == 0) return;
    uint32_t n_terms = rls_kw_count();
    TechCtx c = {model, src,  src_len,      0,           0, false, sev, out, NULL,
                 NULL,  NULL, {NULL, 0, 0}, {NULL, 0, 0}};
    techmap__build(&c.map, src, src_len, model->format == RLS_FORMAT_MARKDOWN);
    c.used = rls_calloc(n_terms, sizeof(*c.used));
    c.used_at = rls_calloc(n_terms, sizeof(*c.used_at));
    c.told = rls_calloc(n_terms, sizeof(*c.told));
    /* Hits in document order; each is looked for again in its source bytes
     * (a skill's hit covers the whole skill), so the finding is exact. */
    for (size_t i = 0; i < report->n_hits; i++) {
        const RlsKwHit *h = &report->hits[i];
        if (h->span.end_byte > src_len || h->span.end_byte <= h->span.start_byte) continue;
        c.base = h->span.start_byte;
        c.term = h->term;
        c.in_list = h->where == RLS_KW_IN_SKILLS;
        rls_kw_scan(src + h->span.start_byte, h->span.end_byte - h->span.start_byte,
                    techcase__on_match, &c);
    }
    rls_free(c.used);
    rls_free(c.used_at);
    rls_free(c.told);
    rls_free(c.map.items);
    rls_free(c.seen.keys);
}
