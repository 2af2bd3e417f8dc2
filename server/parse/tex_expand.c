/*
 * tex_expand.c - a LaTeX document's own macros, expanded (tex_expand.h).
 *
 * A small scanner over the source, not the syntax tree: the grammar does
 * not attach optional arguments ("\newcommand{\x}[2][default]{..}" leaves
 * the brackets as siblings), and expansion must happen before the parse
 * anyway. One pass: definitions are learnt where they stand (a call before
 * its definition is left alone, as in TeX) and each later call is replaced
 * by its body with the arguments substituted.
 *
 * The map from expanded bytes to source bytes is a list of segments in
 * expanded order: a copied segment maps byte for byte, a generated one (a
 * definition's text, an optional argument's default) maps every byte to the
 * whole call. A definition's body is never expanded again, so
 * "\newcommand\a{\a}" cannot recurse; the expanded text is also capped at a
 * budget past which calls are left as they are.
 */
#include "parse/tex_expand.h"

#include <string.h>

#include "parse/tex_internal.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/hash.h"

/* At most this many times the source, plus a little for tiny files. */
#define EXP_BUDGET_FACTOR 4u
#define EXP_BUDGET_SLACK 4096u
/* Calls inside a call's arguments are expanded too, to this depth. */
#define EXP_MAX_DEPTH 3
#define EXP_MAX_PARAMS 9

typedef struct {
    const char *name; /* into the source, no backslash */
    uint32_t name_len;
    bool env;
    uint8_t n_params;
    char kinds[EXP_MAX_PARAMS]; /* 'm' mandatory, 'o' optional, 's' star */
    bool has_default[EXP_MAX_PARAMS];
    RlsSpan defaults[EXP_MAX_PARAMS]; /* source bytes of an optional argument's default */
    RlsSpan body, end_body;           /* \newenvironment: begin and end code */
} ExpDef;

typedef struct {
    uint64_t hash;
    uint32_t def; /* index + 1 */
} ExpSlot;

typedef struct {
    uint32_t exp_start;
    uint32_t orig_start, orig_end; /* copied: orig_start is the first byte's */
    bool generated;
} ExpSeg;

struct RlsTexExpansion {
    RlsBuf text;
    ExpSeg *segs;
    size_t n_segs, cap_segs;
    uint32_t src_len;
};

typedef struct {
    const char *src;
    uint32_t len;
    const RlsParseOptions *opts;
    RlsTexExpansion *x;
    ExpDef *defs;
    size_t n_defs, cap_defs;
    ExpSlot *slots;
    uint32_t cap_slots;
    uint32_t *env_stack; /* def indices of the open expanded environments */
    size_t n_env, cap_env;
    size_t budget;
    uint32_t calls;
} ExpState;

/* ---- Output ------------------------------------------------------------------ */

static void exp__copy(ExpState *st, uint32_t a, uint32_t b) {
    if (b <= a) return;
    RlsTexExpansion *x = st->x;
    uint32_t at = (uint32_t)x->text.len;
    ExpSeg *last = x->n_segs ? &x->segs[x->n_segs - 1] : NULL;
    if (!last || last->generated || last->orig_start + (at - last->exp_start) != a)
        RLS_PUSH(x->segs, x->n_segs, x->cap_segs, ((ExpSeg){at, a, a, false}));
    rls_buf_append(&x->text, st->src + a, b - a);
}

static void exp__gen(ExpState *st, const char *bytes, size_t n, RlsSpan call) {
    if (n == 0) return;
    RlsTexExpansion *x = st->x;
    uint32_t at = (uint32_t)x->text.len;
    ExpSeg *last = x->n_segs ? &x->segs[x->n_segs - 1] : NULL;
    if (!last || !last->generated || last->orig_start != call.start_byte ||
        last->orig_end != call.end_byte)
        RLS_PUSH(x->segs, x->n_segs, x->cap_segs,
                 ((ExpSeg){at, call.start_byte, call.end_byte, true}));
    rls_buf_append(&x->text, bytes, n);
}

/* ---- Lexing ------------------------------------------------------------------ */

static bool exp__letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool exp__blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

static uint32_t exp__line_end(const ExpState *st, uint32_t i) {
    while (i < st->len && st->src[i] != '\n')
        i++;
    return i;
}

/* Skips what TeX skips between a macro's arguments: spaces, comments and
 * at most one line break (a blank line is a paragraph, not a space). */
static uint32_t exp__skip_space(const ExpState *st, uint32_t i, uint32_t end) {
    bool newline = false;
    while (i < end) {
        char c = st->src[i];
        if (exp__blank(c)) {
            i++;
        } else if (c == '%') {
            i = exp__line_end(st, i);
            if (i < end) i++; /* the comment eats its line break */
        } else if (c == '\n' && !newline) {
            newline = true;
            i++;
        } else {
            break;
        }
    }
    return i;
}

/* The index past the group that opens at src[i] with `open`, or UINT32_MAX
 * when it does not close before end. Braces nest; in a bracket group only
 * brackets outside braces close it. */
static uint32_t exp__group_end(const ExpState *st, uint32_t i, uint32_t end, char open,
                               char close) {
    int depth = 0, braces = 0;
    for (; i < end; i++) {
        char c = st->src[i];
        if (c == '\\') {
            i++;
        } else if (c == '%') {
            i = exp__line_end(st, i);
        } else if (open != '{' && c == '{') {
            braces++;
        } else if (open != '{' && c == '}') {
            braces--;
        } else if (c == open && braces == 0) {
            depth++;
        } else if (c == close && braces == 0) {
            if (--depth == 0) return i + 1;
        }
    }
    return UINT32_MAX;
}

/* Reads a control word at src[i] ('\\' then letters); returns its end, or i
 * when there is none. */
static uint32_t exp__word(const ExpState *st, uint32_t i, uint32_t end) {
    if (i >= end || st->src[i] != '\\') return i;
    uint32_t j = i + 1;
    while (j < end && exp__letter(st->src[j]))
        j++;
    return j == i + 1 ? i : j;
}

static bool exp__is(const ExpState *st, uint32_t a, uint32_t b, const char *lit) {
    size_t n = strlen(lit);
    return b - a == n && !memcmp(st->src + a, lit, n);
}

/* ---- The definitions table ------------------------------------------------------ */

static uint64_t exp__hash(const char *name, size_t len, bool env) {
    return rls_hash_key(rls_hash_mix(env ? RLS_HASH_SEED ^ 1u : RLS_HASH_SEED, name, len));
}

static ExpDef *exp__find(ExpState *st, const char *name, size_t len, bool env) {
    if (!st->cap_slots) return NULL;
    uint64_t h = exp__hash(name, len, env);
    uint32_t k = rls_hash_probe(st->slots, sizeof(ExpSlot), st->cap_slots, h);
    if (!st->slots[k].hash) return NULL;
    ExpDef *d = &st->defs[st->slots[k].def - 1];
    if (d->env != env || d->name_len != len || memcmp(d->name, name, len) != 0) return NULL;
    return d;
}

static void exp__rehash(ExpState *st, uint32_t cap) {
    rls_free(st->slots);
    st->slots = rls_calloc(cap, sizeof(ExpSlot));
    st->cap_slots = cap;
    for (size_t i = 0; i < st->n_defs; i++) {
        uint64_t h = exp__hash(st->defs[i].name, st->defs[i].name_len, st->defs[i].env);
        uint32_t k = rls_hash_probe(st->slots, sizeof(ExpSlot), cap, h);
        st->slots[k] = (ExpSlot){h, (uint32_t)i + 1};
    }
}

/* Names whose meaning the reader takes from the grammar or from LaTeX
 * itself: a document that redefines how \section looks still has sections. */
static bool exp__reserved(const char *name, size_t len, bool env) {
    static const char *const cmds[] = {"part",          "chapter",   "section",      "subsection",
                                       "subsubsection", "paragraph", "subparagraph", "item",
                                       "begin",         "end",       "par",          "href",
                                       "url",           "input",     "include"};
    static const char *const envs[] = {"document", "center", "flushleft", "flushright", "table"};
    if (memchr(name, '@', len)) return true;
    const char *const *list = env ? envs : cmds;
    size_t n = env ? RLS_ARRAY_LEN(envs) : RLS_ARRAY_LEN(cmds);
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && !memcmp(list[i], name, len)) return true;
    if (env)
        return rls_tex_env_is_list(name, len) || rls_tex_env_arg_count(name, len) ||
               rls_tex_env_layout(name, len) >= 0 || rls_tex_env_entry(name, len);
    /* \labelitemi, \thesection: counters and list labels. */
    return (len > 5 && !memcmp(name, "label", 5)) || (len > 3 && !memcmp(name, "the", 3));
}

static void exp__define(ExpState *st, const ExpDef *def) {
    if (exp__reserved(def->name, def->name_len, def->env)) return;
    if (!def->env) {
        unsigned mandatory = 0;
        for (unsigned k = 0; k < def->n_params; k++)
            mandatory += def->kinds[k] == 'm';
        /* Template and configured macros keep their table meaning. */
        RlsTexMacros table;
        rls_tex_macros_init(&table, st->opts);
        RlsTexMacro m;
        bool known = rls_tex_macros_lookup(&table, def->name, def->name_len, mandatory, &m);
        rls_tex_macros_close(&table);
        if (known || rls_tex_is_icon(def->name, def->name_len)) return;
    }
    ExpDef *old = exp__find(st, def->name, def->name_len, def->env);
    if (old) {
        *old = *def; /* \renewcommand: the later definition wins */
        return;
    }
    RLS_PUSH(st->defs, st->n_defs, st->cap_defs, *def);
    if ((st->n_defs + 1) * 2 > st->cap_slots)
        exp__rehash(st, st->cap_slots ? st->cap_slots * 2 : 64);
    else {
        uint64_t h = exp__hash(def->name, def->name_len, def->env);
        uint32_t k = rls_hash_probe(st->slots, sizeof(ExpSlot), st->cap_slots, h);
        st->slots[k] = (ExpSlot){h, (uint32_t)st->n_defs};
    }
}

/* Reads the "{\name}" or "\name" of a definition at i; sets the name and
 * returns the index past it, or UINT32_MAX. */
static uint32_t exp__def_name(const ExpState *st, uint32_t i, uint32_t end, ExpDef *d) {
    i = exp__skip_space(st, i, end);
    bool braced = i < end && st->src[i] == '{';
    if (braced) i = exp__skip_space(st, i + 1, end);
    uint32_t w = exp__word(st, i, end);
    if (w == i) return UINT32_MAX;
    d->name = st->src + i + 1;
    d->name_len = w - i - 1;
    i = w;
    if (braced) {
        i = exp__skip_space(st, i, end);
        if (i >= end || st->src[i] != '}') return UINT32_MAX;
        i++;
    }
    return i;
}

/* A braced group at i (after space): sets *inner to its content and returns
 * the index past it, or UINT32_MAX. */
static uint32_t exp__braced(const ExpState *st, uint32_t i, uint32_t end, RlsSpan *inner) {
    i = exp__skip_space(st, i, end);
    if (i >= end || st->src[i] != '{') return UINT32_MAX;
    uint32_t e = exp__group_end(st, i, end, '{', '}');
    if (e == UINT32_MAX) return e;
    *inner = (RlsSpan){i + 1, e - 1};
    return e;
}

/* "[n][default]" of \newcommand and \newenvironment. */
static uint32_t exp__latex_params(const ExpState *st, uint32_t i, uint32_t end, ExpDef *d) {
    uint32_t p = exp__skip_space(st, i, end);
    if (p >= end || st->src[p] != '[') return i;
    uint32_t e = exp__group_end(st, p, end, '[', ']');
    if (e == UINT32_MAX) return UINT32_MAX;
    unsigned n = 0;
    for (uint32_t k = p + 1; k + 1 < e; k++) {
        char c = st->src[k];
        if (c >= '0' && c <= '9')
            n = n * 10 + (unsigned)(c - '0');
        else if (!exp__blank(c))
            return UINT32_MAX;
    }
    if (n > EXP_MAX_PARAMS) return UINT32_MAX;
    d->n_params = (uint8_t)n;
    for (unsigned k = 0; k < n; k++)
        d->kinds[k] = 'm';
    i = e;
    p = exp__skip_space(st, i, end);
    if (n && p < end && st->src[p] == '[') {
        e = exp__group_end(st, p, end, '[', ']');
        if (e == UINT32_MAX) return UINT32_MAX;
        d->kinds[0] = 'o';
        d->has_default[0] = true;
        d->defaults[0] = (RlsSpan){p + 1, e - 1};
        i = e;
    }
    return i;
}

/* xparse's argument specification: m, o, O{default}, s (and the + and !
 * prefixes). Anything else (delimited or embellished arguments) is not
 * read, and the command is not expanded. */
static bool exp__xparse_spec(const ExpState *st, RlsSpan spec, ExpDef *d) {
    unsigned n = 0;
    for (uint32_t i = spec.start_byte; i < spec.end_byte; i++) {
        char c = st->src[i];
        if (exp__blank(c) || c == '\n' || c == '+' || c == '!') continue;
        if (n >= EXP_MAX_PARAMS) return false;
        if (c == 'm' || c == 'o' || c == 's') {
            d->kinds[n++] = c;
        } else if (c == 'O') {
            RlsSpan def;
            uint32_t e = exp__braced(st, i + 1, spec.end_byte, &def);
            if (e == UINT32_MAX) return false;
            d->kinds[n] = 'o';
            d->has_default[n] = true;
            d->defaults[n++] = def;
            i = e - 1;
        } else {
            return false;
        }
    }
    d->n_params = (uint8_t)n;
    return true;
}

/* A definition whose keyword ends at j (the control word started at i).
 * Returns the index past the definition (or j when it is not one the
 * scanner reads) and registers it when at_top. */
static uint32_t exp__definition(ExpState *st, uint32_t i, uint32_t j, uint32_t end, bool at_top) {
    ExpDef d;
    memset(&d, 0, sizeof(d));
    uint32_t p = j;
    bool latex = exp__is(st, i + 1, j, "newcommand") || exp__is(st, i + 1, j, "renewcommand") ||
                 exp__is(st, i + 1, j, "providecommand");
    bool env = exp__is(st, i + 1, j, "newenvironment") || exp__is(st, i + 1, j, "renewenvironment");
    bool xparse = exp__is(st, i + 1, j, "NewDocumentCommand") ||
                  exp__is(st, i + 1, j, "RenewDocumentCommand") ||
                  exp__is(st, i + 1, j, "ProvideDocumentCommand") ||
                  exp__is(st, i + 1, j, "DeclareDocumentCommand");
    bool def = exp__is(st, i + 1, j, "def") || exp__is(st, i + 1, j, "gdef");
    if (!latex && !env && !xparse && !def) return j;
    if ((latex || env) && p < end && st->src[p] == '*') p++;
    if (env) {
        RlsSpan name;
        p = exp__braced(st, p, end, &name);
        if (p == UINT32_MAX || name.end_byte == name.start_byte) return j;
        d.env = true;
        d.name = st->src + name.start_byte;
        d.name_len = name.end_byte - name.start_byte;
        p = exp__latex_params(st, p, end, &d);
        if (p == UINT32_MAX) return j;
        p = exp__braced(st, p, end, &d.body);
        if (p == UINT32_MAX) return j;
        p = exp__braced(st, p, end, &d.end_body);
        if (p == UINT32_MAX) return j;
    } else {
        p = exp__def_name(st, p, end, &d);
        if (p == UINT32_MAX) return j;
        if (latex) {
            p = exp__latex_params(st, p, end, &d);
        } else if (xparse) {
            RlsSpan spec;
            p = exp__braced(st, p, end, &spec);
            if (p != UINT32_MAX && !exp__xparse_spec(st, spec, &d)) at_top = false;
        } else {
            /* \def\x#1#2{..}: undelimited parameters only. */
            unsigned n = 0;
            while (p + 1 < end && st->src[p] == '#' && st->src[p + 1] == (char)('1' + n) &&
                   n < EXP_MAX_PARAMS)
                d.kinds[n++] = 'm', p += 2;
            d.n_params = (uint8_t)n;
            if (p < end && st->src[p] != '{') return j;
        }
        if (p == UINT32_MAX) return j;
        p = exp__braced(st, p, end, &d.body);
        if (p == UINT32_MAX) return j;
    }
    if (at_top) exp__define(st, &d);
    return p;
}

/* ---- Calls --------------------------------------------------------------------- */

typedef struct {
    RlsSpan span;
    bool from_call; /* false: a default from the definition, or absent */
    bool has_value; /* xparse's view: a star given, an optional argument given or defaulted */
} ExpArg;

/* Reads a call's arguments from i; returns the index past them, or
 * UINT32_MAX when the call does not have what the definition takes. */
static uint32_t exp__call_args(const ExpState *st, const ExpDef *d, uint32_t i, uint32_t end,
                               ExpArg *args) {
    for (unsigned k = 0; k < d->n_params; k++) {
        uint32_t p = exp__skip_space(st, i, end);
        char c = p < end ? st->src[p] : '\0';
        args[k] = (ExpArg){{0, 0}, false, false};
        if (d->kinds[k] == 's') {
            if (c == '*') i = p + 1, args[k].has_value = true;
            continue;
        }
        if (d->kinds[k] == 'o') {
            if (c == '[') {
                uint32_t e = exp__group_end(st, p, end, '[', ']');
                if (e == UINT32_MAX) return e;
                args[k] = (ExpArg){{p + 1, e - 1}, true, true};
                i = e;
            } else if (d->has_default[k]) {
                args[k].span = d->defaults[k];
                args[k].has_value = true;
            }
            continue;
        }
        if (c == '{') {
            uint32_t e = exp__group_end(st, p, end, '{', '}');
            if (e == UINT32_MAX) return e;
            args[k] = (ExpArg){{p + 1, e - 1}, true, true};
            i = e;
        } else if (c == '\\') {
            uint32_t w = exp__word(st, p, end);
            if (w == p) w = RLS_MIN(p + 2, end);
            args[k] = (ExpArg){{p, w}, true, true};
            i = w;
        } else if (c && c != '}' && c != '%' && c != '\n') {
            args[k] = (ExpArg){{p, p + 1}, true, true};
            i = p + 1;
        } else {
            return UINT32_MAX;
        }
    }
    return i;
}

static void exp__scan(ExpState *st, uint32_t a, uint32_t b, unsigned depth);

/* "{#3}" at i (after space): sets *arg to the argument's index and returns
 * the index past the group, or UINT32_MAX when the group is no lone
 * parameter of the n_args the definition takes. */
static uint32_t exp__param_group(const ExpState *st, uint32_t i, uint32_t end, unsigned n_args,
                                 unsigned *arg) {
    RlsSpan inner;
    uint32_t e = exp__braced(st, i, end, &inner);
    if (e == UINT32_MAX) return e;
    uint32_t a = inner.start_byte, b = inner.end_byte;
    while (a < b && exp__blank(st->src[a]))
        a++;
    while (b > a && exp__blank(st->src[b - 1]))
        b--;
    if (b - a != 2 || st->src[a] != '#' || st->src[a + 1] < '1' ||
        (unsigned)(st->src[a + 1] - '1') >= n_args)
        return UINT32_MAX;
    *arg = (unsigned)(st->src[a + 1] - '1');
    return e;
}

/* Whether a braced group at i (after space) holds nothing but space; the
 * index past it in *past. */
static bool exp__empty_group(const ExpState *st, uint32_t i, uint32_t end, uint32_t *past) {
    RlsSpan inner;
    *past = exp__braced(st, i, end, &inner);
    if (*past == UINT32_MAX) return false;
    for (uint32_t k = inner.start_byte; k < inner.end_byte; k++)
        if (!exp__blank(st->src[k]) && st->src[k] != '\n') return false;
    return true;
}

/* The tests a definition makes of its own arguments, decided here as TeX
 * decides them at the call: xparse's \IfValueT{#3}{, #3} (was the optional
 * argument given?), \IfBooleanTF{#1} (the star), \IfBlankTF, etoolbox's
 * \ifblank{#2}{..}{..} and ifthen's \ifthenelse{\equal{#2}{}}{..}{..}.
 * Left unexpanded, the test's name goes and its branches both stay, and
 * "\textit{Engineer}\IfValueT{Warsaw}{, Warsaw}" reads as one run-on title.
 * The control word at i (inside the body, before end) is read with what
 * follows it; returns the index past the whole test and sets *branch to the
 * branch taken (empty when none is written), or returns UINT32_MAX when it
 * opens no test the scanner reads. */
static uint32_t exp__conditional(const ExpState *st, uint32_t i, uint32_t end, const ExpArg *args,
                                 unsigned n_args, RlsSpan *branch) {
    enum { TEST_VALUE, TEST_BLANK, TEST_EQUAL };
    static const struct {
        const char *name;
        unsigned char test;
        bool negate;
        char branches; /* 'T': the true one only, 'F': the false one only, 'B': both */
    } tests[] = {
        {"IfValueT", TEST_VALUE, false, 'T'},    {"IfValueF", TEST_VALUE, false, 'F'},
        {"IfValueTF", TEST_VALUE, false, 'B'},   {"IfNoValueT", TEST_VALUE, true, 'T'},
        {"IfNoValueF", TEST_VALUE, true, 'F'},   {"IfNoValueTF", TEST_VALUE, true, 'B'},
        {"IfBooleanT", TEST_VALUE, false, 'T'},  {"IfBooleanF", TEST_VALUE, false, 'F'},
        {"IfBooleanTF", TEST_VALUE, false, 'B'}, {"IfBlankT", TEST_BLANK, false, 'T'},
        {"IfBlankF", TEST_BLANK, false, 'F'},    {"IfBlankTF", TEST_BLANK, false, 'B'},
        {"ifblank", TEST_BLANK, false, 'B'},     {"ifstrempty", TEST_BLANK, false, 'B'},
        {"ifthenelse", TEST_EQUAL, false, 'B'},
    };
    uint32_t w = exp__word(st, i, end);
    if (w == i) return UINT32_MAX;
    size_t t = 0;
    while (t < RLS_ARRAY_LEN(tests) && !exp__is(st, i + 1, w, tests[t].name))
        t++;
    if (t == RLS_ARRAY_LEN(tests)) return UINT32_MAX;
    unsigned arg = 0;
    uint32_t p;
    if (tests[t].test == TEST_EQUAL) {
        /* Only "{\equal{#n}{}}" (either order): a comparison with an
         * empty text is a test of a blank argument. */
        RlsSpan cond;
        p = exp__braced(st, w, end, &cond);
        if (p == UINT32_MAX) return p;
        uint32_t q = exp__skip_space(st, cond.start_byte, cond.end_byte);
        uint32_t qw = exp__word(st, q, cond.end_byte);
        if (qw == q || !exp__is(st, q + 1, qw, "equal")) return UINT32_MAX;
        uint32_t past = exp__param_group(st, qw, cond.end_byte, n_args, &arg);
        bool empty = past != UINT32_MAX && exp__empty_group(st, past, cond.end_byte, &past);
        if (!empty) {
            empty = exp__empty_group(st, qw, cond.end_byte, &past) && past != UINT32_MAX;
            past = empty ? exp__param_group(st, past, cond.end_byte, n_args, &arg) : UINT32_MAX;
        }
        if (past == UINT32_MAX || exp__skip_space(st, past, cond.end_byte) != cond.end_byte)
            return UINT32_MAX;
    } else {
        p = exp__param_group(st, w, end, n_args, &arg);
        if (p == UINT32_MAX) return p;
    }
    const ExpArg *a = &args[arg];
    bool truth;
    if (tests[t].test == TEST_VALUE) {
        truth = a->has_value;
    } else {
        truth = true;
        for (uint32_t k = a->span.start_byte; k < a->span.end_byte && truth; k++)
            truth = exp__blank(st->src[k]) || st->src[k] == '\n';
    }
    if (tests[t].negate) truth = !truth;
    RlsSpan yes = {0, 0}, no = {0, 0};
    RlsSpan *first = tests[t].branches == 'F' ? &no : &yes;
    p = exp__braced(st, p, end, first);
    if (p != UINT32_MAX && tests[t].branches == 'B') p = exp__braced(st, p, end, &no);
    if (p == UINT32_MAX) return p;
    *branch = truth ? yes : no;
    return p;
}

/* Writes a definition's text with the arguments in place. Comments in the
 * definition ("{%" at a line's end) vanish with their line break and the
 * next line's indentation, as in TeX. */
static void exp__body(ExpState *st, RlsSpan body, const ExpArg *args, unsigned n_args, RlsSpan call,
                      unsigned depth) {
    const char *s = st->src;
    uint32_t run = body.start_byte;
    for (uint32_t i = body.start_byte; i < body.end_byte;) {
        char c = s[i];
        if (c == '\\' && i + 1 < body.end_byte) {
            RlsSpan branch;
            uint32_t past = exp__conditional(st, i, body.end_byte, args, n_args, &branch);
            if (past == UINT32_MAX) {
                i += 2;
                continue;
            }
            exp__gen(st, s + run, i - run, call);
            if (branch.end_byte > branch.start_byte)
                exp__body(st, branch, args, n_args, call, depth);
            i = run = past;
        } else if (c == '%') {
            exp__gen(st, s + run, i - run, call);
            i = exp__line_end(st, i);
            if (i < body.end_byte) i++;
            while (i < body.end_byte && exp__blank(s[i]))
                i++;
            run = i;
        } else if (c == '#' && i + 1 < body.end_byte) {
            exp__gen(st, s + run, i - run, call);
            char d = s[i + 1];
            if (d == '#') {
                exp__gen(st, "#", 1, call);
            } else if (d >= '1' && d <= '9' && (unsigned)(d - '1') < n_args) {
                const ExpArg *arg = &args[d - '1'];
                if (arg->from_call)
                    exp__scan(st, arg->span.start_byte, arg->span.end_byte, depth + 1);
                else
                    exp__gen(st, s + arg->span.start_byte,
                             arg->span.end_byte - arg->span.start_byte, call);
            }
            i += 2;
            run = i;
        } else {
            i++;
        }
    }
    exp__gen(st, s + run, body.end_byte - run, call);
}

/* Copies src[a..b) to the output, expanding the calls of known definitions
 * and learning the definitions met at the top level. */
static void exp__scan(ExpState *st, uint32_t a, uint32_t b, unsigned depth) {
    const char *s = st->src;
    uint32_t run = a;
    uint32_t i = a;
    const char *pct = NULL; /* the next '%' at or after i, found once per comment */
    bool pct_known = false;
    while (i < b) {
        const char *hit = memchr(s + i, '\\', b - i);
        if (!pct_known || (pct && pct < s + i)) {
            pct = memchr(s + i, '%', b - i);
            pct_known = true;
        }
        if (pct && (!hit || pct < hit)) {
            /* A comment is copied as it is, calls and all. */
            i = RLS_MIN(exp__line_end(st, (uint32_t)(pct - s)), b);
            continue;
        }
        if (!hit) break;
        i = (uint32_t)(hit - s);
        uint32_t j = exp__word(st, i, b);
        if (j == i) {
            i += 2;
            continue;
        }
        uint32_t past = exp__definition(st, i, j, b, depth == 0);
        if (past != j) {
            i = past;
            continue;
        }
        bool over = st->x->text.len + (i - run) > st->budget;
        ExpArg args[EXP_MAX_PARAMS];
        if (exp__is(st, i + 1, j, "begin") || exp__is(st, i + 1, j, "end")) {
            bool begin = s[i + 1] == 'b';
            RlsSpan name;
            uint32_t p = exp__braced(st, j, b, &name);
            if (p == UINT32_MAX || over || depth >= EXP_MAX_DEPTH) {
                i = j;
                continue;
            }
            uint32_t name_len = name.end_byte - name.start_byte;
            ExpDef *d = exp__find(st, s + name.start_byte, name_len, true);
            if (!d) {
                i = p;
                continue;
            }
            size_t di = (size_t)(d - st->defs);
            if (begin) {
                uint32_t e = exp__call_args(st, d, p, b, args);
                if (e == UINT32_MAX) {
                    i = p;
                    continue;
                }
                exp__copy(st, run, i);
                exp__body(st, d->body, args, d->n_params, (RlsSpan){i, e}, depth);
                RLS_PUSH(st->env_stack, st->n_env, st->cap_env, (uint32_t)di);
                st->calls++;
                i = run = e;
            } else if (st->n_env && st->env_stack[st->n_env - 1] == di) {
                st->n_env--;
                exp__copy(st, run, i);
                exp__body(st, d->end_body, NULL, 0, (RlsSpan){i, p}, depth);
                i = run = p;
            } else {
                i = p;
            }
            continue;
        }
        ExpDef *d =
            over || depth >= EXP_MAX_DEPTH ? NULL : exp__find(st, s + i + 1, j - i - 1, false);
        uint32_t e = d ? exp__call_args(st, d, j, b, args) : UINT32_MAX;
        if (e == UINT32_MAX) {
            i = j;
            continue;
        }
        exp__copy(st, run, i);
        exp__body(st, d->body, args, d->n_params, (RlsSpan){i, e}, depth);
        st->calls++;
        i = run = e;
    }
    exp__copy(st, run, b);
}

/* Whether the source has anything that could define a macro: the common
 * document costs one search per keyword and nothing else. */
static bool exp__may_define(const char *src, uint32_t len) {
    static const char *const keys[] = {"command", "Command", "environment", "\\def", "\\gdef"};
    for (size_t k = 0; k < RLS_ARRAY_LEN(keys); k++) {
        size_t n = strlen(keys[k]);
        for (const char *p = src; (p = memchr(p, keys[k][0], (size_t)(src + len - p))) != NULL;
             p++) {
            if ((size_t)(src + len - p) < n) break;
            if (!memcmp(p, keys[k], n)) return true;
        }
    }
    return false;
}

RlsTexExpansion *rls_tex_expand(const char *src, uint32_t len, const RlsParseOptions *opts) {
    if (!len || !exp__may_define(src, len)) return NULL;
    ExpState st;
    memset(&st, 0, sizeof(st));
    st.src = src;
    st.len = len;
    st.opts = opts;
    st.x = rls_calloc(1, sizeof(RlsTexExpansion));
    rls_buf_init(&st.x->text);
    st.x->src_len = len;
    st.budget = (size_t)len * EXP_BUDGET_FACTOR + EXP_BUDGET_SLACK;
    if (st.budget > UINT32_MAX / 2) st.budget = UINT32_MAX / 2;
    exp__scan(&st, 0, len, 0);
    rls_free(st.defs);
    rls_free(st.slots);
    rls_free(st.env_stack);
    if (!st.calls || !st.x->text.data) {
        rls_tex_expansion_delete(st.x);
        return NULL;
    }
    return st.x;
}

const char *rls_tex_expansion_text(const RlsTexExpansion *self, uint32_t *len_bytes) {
    *len_bytes = (uint32_t)self->text.len;
    return self->text.data;
}

void rls_tex_expansion_delete(RlsTexExpansion *self) {
    if (!self) return;
    rls_buf_close(&self->text);
    rls_free(self->segs);
    rls_free(self);
}

/* ---- Mapping back ---------------------------------------------------------------- */

static size_t exp__seg_at(const RlsTexExpansion *x, uint32_t at) {
    size_t lo = 0, hi = x->n_segs;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (x->segs[mid].exp_start <= at)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Expanded bytes [a, b) to source bytes; *generated is set when any of them
 * was written by a definition. An empty range maps to a point. `tight`
 * leaves out the definition's bytes when the range has some of the call's
 * own: an entry's header lines are the arguments that wrote them, not the
 * whole call with its bullets. */
static RlsSpan exp__map(const RlsTexExpansion *x, uint32_t a, uint32_t b, bool *generated,
                        bool tight) {
    uint32_t n = (uint32_t)x->text.len;
    if (a >= n) return (RlsSpan){x->src_len, x->src_len};
    if (b > n) b = n;
    size_t k = exp__seg_at(x, a);
    if (b <= a) {
        const ExpSeg *sg = &x->segs[k];
        uint32_t at = sg->generated ? sg->orig_start : sg->orig_start + (a - sg->exp_start);
        return (RlsSpan){at, at};
    }
    uint32_t lo = UINT32_MAX, hi = 0, copied_lo = UINT32_MAX, copied_hi = 0;
    for (; k < x->n_segs && x->segs[k].exp_start < b; k++) {
        const ExpSeg *sg = &x->segs[k];
        uint32_t seg_end = k + 1 < x->n_segs ? x->segs[k + 1].exp_start : n;
        uint32_t s = RLS_MAX(a, sg->exp_start), e = RLS_MIN(b, seg_end);
        uint32_t os, oe;
        if (sg->generated) {
            os = sg->orig_start;
            oe = sg->orig_end;
            if (generated) *generated = true;
        } else {
            os = sg->orig_start + (s - sg->exp_start);
            oe = sg->orig_start + (e - sg->exp_start);
            copied_lo = RLS_MIN(copied_lo, os);
            copied_hi = RLS_MAX(copied_hi, oe);
        }
        lo = RLS_MIN(lo, os);
        hi = RLS_MAX(hi, oe);
    }
    if (tight && copied_lo < copied_hi) return (RlsSpan){copied_lo, copied_hi};
    return (RlsSpan){lo, hi};
}

static void exp__span(const RlsTexExpansion *x, RlsSpan *span) {
    *span = exp__map(x, span->start_byte, span->end_byte, NULL, false);
}

static void exp__tight(const RlsTexExpansion *x, RlsSpan *span) {
    *span = exp__map(x, span->start_byte, span->end_byte, NULL, true);
}

static void exp__plain(const RlsTexExpansion *x, RlsPlain *p) {
    for (uint32_t i = 0; i < p->len; i++) {
        bool gen = false;
        RlsSpan s = exp__map(x, p->src_start[i], p->src_end[i], &gen, false);
        p->src_start[i] = s.start_byte;
        p->src_end[i] = s.end_byte;
        if (gen && !p->generated) p->generated = rls_calloc(p->len, 1);
        if (gen) p->generated[i] = 1;
    }
}

void rls_tex_expansion_remap(const RlsTexExpansion *self, RlsResume *m) {
    m->src_len = self->src_len;
    for (uint32_t i = 0; i < m->n_sections; i++) {
        exp__span(self, &m->sections[i].span);
        exp__span(self, &m->sections[i].heading_span);
        exp__plain(self, &m->sections[i].heading);
    }
    for (uint32_t i = 0; i < m->n_entries; i++) {
        exp__tight(self, &m->entries[i].span);
        if (m->entries[i].dates.valid) exp__tight(self, &m->entries[i].dates.span);
    }
    for (uint32_t i = 0; i < m->n_bullets; i++) {
        exp__tight(self, &m->bullets[i].span);
        exp__span(self, &m->bullets[i].item_span);
        exp__plain(self, &m->bullets[i].plain);
    }
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        exp__span(self, &m->paragraphs[i].span);
        exp__plain(self, &m->paragraphs[i].plain);
    }
    for (uint32_t i = 0; i < m->n_skills; i++)
        exp__span(self, &m->skills[i].span);
    for (uint32_t i = 0; i < m->n_contacts; i++)
        exp__span(self, &m->contacts[i].span);
    for (uint32_t i = 0; i < m->n_comments; i++)
        exp__span(self, &m->comments[i].span);
    for (uint32_t i = 0; i < m->n_layout; i++)
        exp__span(self, &m->layout[i].span);
    for (uint32_t i = 0; i < m->n_errors; i++)
        exp__span(self, &m->errors[i]);
}
