/*
 * captures.c - the query subset of captures.h: a small parser for the .scm
 * text, a table from node symbol to the patterns that capture it, and a
 * pre-order tree walk that replays ts_query_cursor_next_capture's order.
 */
#include "parse/captures.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/common.h"

/* ---- Parsing the subset ------------------------------------------------- */

#define CAPTURES_SUPPORTED                                                                         \
    "supported: (node) @name, \"token\" @name, [ (a) \"b\" ... ] @name, (parent (child) @name)"

/* The most nodes one alternation may list. */
#define CAPTURES_MAX_ALTS 256

typedef struct {
    const TSLanguage *lang;
    const char *p, *end;
    uint32_t line; /* 1-based, of p */
    char *err;
    size_t err_cap;
    RlsCaptureRule rules[RLS_CAPTURE_MAX_RULES]; /* in pattern order */
    uint32_t n_rules;
    RlsCaptureQuery *q; /* receives the names */
    uint32_t pattern;   /* index of the pattern being read */
} CapParse;

static int captures__fail(CapParse *ps, const char *fmt, ...) {
    if (ps->err_cap > 0) {
        int n = snprintf(ps->err, ps->err_cap, "line %u: ", ps->line);
        if (n >= 0 && (size_t)n < ps->err_cap) {
            va_list ap;
            va_start(ap, fmt);
            int m = vsnprintf(ps->err + n, ps->err_cap - (size_t)n, fmt, ap);
            va_end(ap);
            size_t used = (size_t)n + (size_t)m;
            if (m >= 0 && used < ps->err_cap)
                snprintf(ps->err + used, ps->err_cap - used, " (%s)", CAPTURES_SUPPORTED);
        }
    }
    return RLS_EPARSE;
}

static void captures__skip(CapParse *ps) {
    while (ps->p < ps->end) {
        char c = *ps->p;
        if (c == '\n') {
            ps->line++;
            ps->p++;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            ps->p++;
        } else if (c == ';') {
            while (ps->p < ps->end && *ps->p != '\n')
                ps->p++;
        } else {
            break;
        }
    }
}

static bool captures__ident_char(char c, bool first) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c == '-')
        return true;
    return !first && (c == '.' || c == '?' || c == '!');
}

/* Reads an identifier at p; returns its length (0 when there is none). */
static size_t captures__ident(CapParse *ps, const char **start) {
    *start = ps->p;
    if (ps->p >= ps->end || !captures__ident_char(*ps->p, true)) return 0;
    while (ps->p < ps->end && captures__ident_char(*ps->p, false))
        ps->p++;
    return (size_t)(ps->p - *start);
}

/* What stands at p, quoted for an error message. */
static const char *captures__near(const CapParse *ps, char *buf, size_t cap) {
    if (ps->p >= ps->end) return "the end of the query";
    size_t n = 0;
    while (ps->p + n < ps->end && n + 1 < cap - 2 && ps->p[n] != '\n' && n < 16)
        n++;
    snprintf(buf, cap, "'%.*s'", (int)n, ps->p);
    return buf;
}

/* `@name`: returns its capture id (a new one for a new name), or RLS_EPARSE. */
static int captures__capture(CapParse *ps) {
    char near[32];
    if (ps->p >= ps->end || *ps->p != '@')
        return captures__fail(ps, "expected a capture @name, found %s",
                              captures__near(ps, near, sizeof(near)));
    ps->p++;
    const char *name;
    size_t len = captures__ident(ps, &name);
    if (!len) return captures__fail(ps, "a capture needs a name after '@'");
    RlsCaptureQuery *q = ps->q;
    for (uint32_t i = 0; i < q->n_names; i++)
        if (strlen(q->names[i]) == len && !memcmp(q->names[i], name, len)) return (int)i;
    if (len >= RLS_CAPTURE_NAME_MAX)
        return captures__fail(ps, "capture names are shorter than %d bytes", RLS_CAPTURE_NAME_MAX);
    if (q->n_names == RLS_CAPTURE_MAX_NAMES)
        return captures__fail(ps, "more than %d capture names", RLS_CAPTURE_MAX_NAMES);
    memcpy(q->names[q->n_names], name, len);
    q->names[q->n_names][len] = '\0';
    return (int)q->n_names++;
}

/* `"token"`, p on the opening quote: the anonymous node's symbol, or 0. */
static TSSymbol captures__token(CapParse *ps) {
    char buf[64];
    size_t n = 0;
    ps->p++;
    for (;;) {
        if (ps->p >= ps->end || *ps->p == '\n') {
            captures__fail(ps, "unterminated string");
            return 0;
        }
        char c = *ps->p++;
        if (c == '"') break;
        if (c == '\\') {
            if (ps->p >= ps->end) continue;
            char e = *ps->p++;
            if (!e || !strchr("ntr0\"\\", e)) {
                captures__fail(ps, "unknown escape '\\%c' in a string", e);
                return 0;
            }
            c = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == '0' ? '\0' : e;
        }
        if (n + 1 >= sizeof(buf)) {
            captures__fail(ps, "string longer than %zu bytes", sizeof(buf) - 1);
            return 0;
        }
        buf[n++] = c;
    }
    TSSymbol sym = ts_language_symbol_for_name(ps->lang, buf, (uint32_t)n, false);
    if (!sym) captures__fail(ps, "the grammar has no token \"%.*s\"", (int)n, buf);
    return sym;
}

/* `name` after '(' (p on it): the named node's symbol, or 0. */
static TSSymbol captures__node_name(CapParse *ps) {
    char near[32];
    const char *name;
    size_t len = captures__ident(ps, &name);
    if (!len) {
        if (ps->p < ps->end && *ps->p == '#')
            captures__fail(ps, "predicates (#...) are not supported");
        else
            captures__fail(ps, "expected a node type after '(', found %s",
                           captures__near(ps, near, sizeof(near)));
        return 0;
    }
    if (len == 1 && name[0] == '_') {
        captures__fail(ps, "the wildcard (_) is not supported");
        return 0;
    }
    TSSymbol sym = ts_language_symbol_for_name(ps->lang, name, (uint32_t)len, true);
    if (!sym) captures__fail(ps, "the grammar has no node type (%.*s)", (int)len, name);
    return sym;
}

/* A node with nothing inside, `(name)` or `"token"`: its symbol, or 0. */
static TSSymbol captures__simple(CapParse *ps) {
    char near[32];
    if (ps->p < ps->end && *ps->p == '"') return captures__token(ps);
    if (ps->p >= ps->end || *ps->p != '(') {
        captures__fail(ps, "expected (node) or \"token\", found %s",
                       captures__near(ps, near, sizeof(near)));
        return 0;
    }
    ps->p++;
    captures__skip(ps);
    TSSymbol sym = captures__node_name(ps);
    if (!sym) return 0;
    captures__skip(ps);
    if (ps->p >= ps->end || *ps->p != ')') {
        captures__fail(ps, "only a plain (node) may stand here, found %s",
                       captures__near(ps, near, sizeof(near)));
        return 0;
    }
    ps->p++;
    return sym;
}

static int captures__rule(CapParse *ps, TSSymbol sym, bool has_parent, TSSymbol parent,
                          int capture) {
    /* Listed twice in one alternation, a node still matches the pattern once. */
    for (uint32_t i = ps->n_rules; i > 0 && ps->rules[i - 1].pattern_index == ps->pattern; i--)
        if (ps->rules[i - 1].symbol == sym) return 0;
    if (ps->n_rules == RLS_CAPTURE_MAX_RULES)
        return captures__fail(ps, "more than %d node types in one query", RLS_CAPTURE_MAX_RULES);
    ps->rules[ps->n_rules++] =
        (RlsCaptureRule){sym, parent, has_parent, (uint16_t)capture, (uint16_t)ps->pattern};
    return 0;
}

/* One top-level pattern, p on its first character. */
static int captures__pattern(CapParse *ps) {
    char near[32];
    TSSymbol alts[CAPTURES_MAX_ALTS];
    uint32_t n_alts = 0;
    if (*ps->p == '[') {
        ps->p++;
        for (;;) {
            captures__skip(ps);
            if (ps->p < ps->end && *ps->p == ']') break;
            if (n_alts == CAPTURES_MAX_ALTS)
                return captures__fail(ps, "more than %d alternatives", CAPTURES_MAX_ALTS);
            if (!(alts[n_alts++] = captures__simple(ps))) return RLS_EPARSE;
        }
        ps->p++;
        if (!n_alts) return captures__fail(ps, "an empty alternation [ ]");
    } else if (*ps->p == '"') {
        if (!(alts[n_alts++] = captures__token(ps))) return RLS_EPARSE;
    } else if (*ps->p == '(') {
        ps->p++;
        captures__skip(ps);
        TSSymbol sym = captures__node_name(ps);
        if (!sym) return RLS_EPARSE;
        captures__skip(ps);
        if (ps->p < ps->end && (*ps->p == '(' || *ps->p == '"')) {
            /* (parent (child) @name): only the child is captured. */
            TSSymbol child = captures__simple(ps);
            if (!child) return RLS_EPARSE;
            captures__skip(ps);
            int capture = captures__capture(ps);
            if (capture < 0) return RLS_EPARSE;
            captures__skip(ps);
            if (ps->p >= ps->end || *ps->p != ')')
                return captures__fail(ps,
                                      "a parent pattern holds exactly one captured child, "
                                      "found %s",
                                      captures__near(ps, near, sizeof(near)));
            ps->p++;
            return captures__rule(ps, child, true, sym, capture);
        }
        if (ps->p >= ps->end || *ps->p != ')') {
            if (ps->p < ps->end && captures__ident_char(*ps->p, true))
                return captures__fail(ps, "fields (name: ...) are not supported");
            return captures__fail(ps, "expected ')' after the node type, found %s",
                                  captures__near(ps, near, sizeof(near)));
        }
        ps->p++;
        alts[n_alts++] = sym;
    } else {
        return captures__fail(ps, "unexpected %s", captures__near(ps, near, sizeof(near)));
    }
    captures__skip(ps);
    if (ps->p < ps->end && strchr("*+?", *ps->p))
        return captures__fail(ps, "quantifiers (*, +, ?) are not supported");
    int capture = captures__capture(ps);
    if (capture < 0) return RLS_EPARSE;
    for (uint32_t i = 0; i < n_alts; i++)
        if (captures__rule(ps, alts[i], false, 0, capture) < 0) return RLS_EPARSE;
    return 0;
}

static uint32_t captures__slot(const RlsCaptureQuery *q, TSSymbol sym) {
    if (sym == (TSSymbol)-1) return q->n_slots - 1; /* ERROR */
    return sym < q->n_slots - 1 ? sym : UINT32_MAX;
}

int rls_capture_query_init(RlsCaptureQuery *self, const TSLanguage *lang, const char *text,
                           size_t len, char *err, size_t err_cap) {
    if (err_cap) err[0] = '\0';
    memset(self, 0, sizeof(*self));
    /* The parse state holds a copy of every rule: heap, not stack. */
    CapParse *ps = rls_calloc(1, sizeof(*ps));
    *ps = (CapParse){.lang = lang,
                     .p = text,
                     .end = text + len,
                     .line = 1,
                     .err = err,
                     .err_cap = err_cap,
                     .q = self};
    int rc = 0;
    uint32_t n_symbols = ts_language_symbol_count(lang);
    if (n_symbols > RLS_CAPTURE_MAX_SYMBOLS)
        rc = captures__fail(ps, "the grammar has %u symbols, more than %d", n_symbols,
                            RLS_CAPTURE_MAX_SYMBOLS);
    while (rc == 0) {
        captures__skip(ps);
        if (ps->p >= ps->end) break;
        if (ps->pattern >= UINT16_MAX) {
            rc = captures__fail(ps, "too many patterns");
        } else if (*ps->p == '@') {
            rc = captures__fail(ps, "a node takes one capture");
        } else if ((rc = captures__pattern(ps)) == 0) {
            ps->pattern++;
        }
    }
    if (rc == 0 && ps->n_rules == 0) rc = captures__fail(ps, "no pattern");
    if (rc == 0) {
        self->n_patterns = ps->pattern;
        self->n_rules = ps->n_rules;
        self->n_slots = n_symbols + 1;
        /* Group the rules by slot with a counting sort: stable, so each
         * group stays in pattern order. */
        for (uint32_t i = 0; i < ps->n_rules; i++)
            self->first[captures__slot(self, ps->rules[i].symbol) + 1]++;
        for (uint32_t s = 0; s < self->n_slots; s++)
            self->first[s + 1] += self->first[s];
        uint16_t fill[RLS_CAPTURE_MAX_SYMBOLS + 1];
        memcpy(fill, self->first, (size_t)self->n_slots * sizeof(*fill));
        for (uint32_t i = 0; i < ps->n_rules; i++)
            self->rules[fill[captures__slot(self, ps->rules[i].symbol)]++] = ps->rules[i];
    }
    rls_free(ps);
    return rc;
}

void rls_capture_query_init_embedded(RlsCaptureQuery *self, const TSLanguage *lang,
                                     const unsigned char *text, size_t len, const char *what) {
    char err[512];
    if (rls_capture_query_init(self, lang, (const char *)text, len, err, sizeof(err)) < 0) {
        fprintf(stderr, "resume-ls: embedded query %s is invalid: %s\n", what, err);
        abort();
    }
}

uint32_t rls_capture_query_capture_count(const RlsCaptureQuery *self) {
    return self->n_names;
}

const char *rls_capture_query_capture_name(const RlsCaptureQuery *self, uint32_t id) {
    return id < self->n_names ? self->names[id] : NULL;
}

uint32_t rls_capture_query_pattern_count(const RlsCaptureQuery *self) {
    return self->n_patterns;
}

/* ---- The walk ------------------------------------------------------------ */

void rls_capture_cursor_init(RlsCaptureCursor *self) {
    memset(self, 0, sizeof(*self));
}

void rls_capture_cursor_exec(RlsCaptureCursor *self, const RlsCaptureQuery *query, TSNode root) {
    if (self->has_cursor) {
        ts_tree_cursor_reset(&self->cursor, root);
    } else {
        self->cursor = ts_tree_cursor_new(root);
        self->has_cursor = true;
    }
    self->query = query;
    self->started = false;
    self->done = false;
    self->descend = false;
    self->depth = 0;
    self->next_rule = self->end_rule = 0;
}

/* Moves to the next node in pre-order and selects its rules. */
static bool captures__advance(RlsCaptureCursor *self) {
    if (self->done) return false;
    if (!self->started) {
        self->started = true;
    } else if (self->descend && ts_tree_cursor_goto_first_child(&self->cursor)) {
        RLS_PUSH(self->parents, self->depth, self->cap_parents, self->symbol);
    } else {
        while (!ts_tree_cursor_goto_next_sibling(&self->cursor)) {
            if (self->depth == 0 || !ts_tree_cursor_goto_parent(&self->cursor)) {
                self->done = true;
                return false;
            }
            self->depth--;
        }
    }
    self->node = ts_tree_cursor_current_node(&self->cursor);
    self->symbol = ts_node_symbol(self->node);
    self->next_rule = self->end_rule = 0;
    /* tree-sitter's query cursor takes a node that ends at its start byte
     * (0) as lying before its range: it neither captures nor enters it. */
    self->descend = ts_node_end_byte(self->node) > 0;
    if (!self->descend) return true;
    uint32_t slot = captures__slot(self->query, self->symbol);
    if (slot != UINT32_MAX) {
        self->next_rule = self->query->first[slot];
        self->end_rule = self->query->first[slot + 1];
    }
    return true;
}

bool rls_capture_cursor_next(RlsCaptureCursor *self, RlsCapture *out) {
    if (!self->query) return false;
    for (;;) {
        while (self->next_rule < self->end_rule) {
            const RlsCaptureRule *r = &self->query->rules[self->next_rule++];
            if (r->has_parent && (self->depth == 0 || self->parents[self->depth - 1] != r->parent))
                continue;
            out->node = self->node;
            out->capture_id = r->capture_id;
            out->pattern_index = r->pattern_index;
            return true;
        }
        if (!captures__advance(self)) return false;
    }
}

void rls_capture_cursor_close(RlsCaptureCursor *self) {
    if (self->has_cursor) ts_tree_cursor_delete(&self->cursor);
    rls_free(self->parents);
    memset(self, 0, sizeof(*self));
}
