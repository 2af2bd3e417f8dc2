/*
 * md_html.c - raw HTML in a Markdown resume, read as the Markdown it
 * renders as (md_internal.h).
 *
 * Resumes kept on GitHub or a static site write roles as HTML blocks
 * ("<div class="job"><h3>Engineer</h3><p><strong>Acme</strong> · 2021</p>
 * <ul><li>...</li></ul></div>"). A reader sees a heading, a line and a
 * bullet there, so this reader turns such a block into the same blocks of
 * text (heading, line, item, table row) markdown.c reads from Markdown,
 * each as replayable text steps over the exact source bytes.
 *
 * It is a small tokenizer, not an HTML5 parser: tags, comments, character
 * references and text, with a stack of open elements (capped, so that any
 * nesting costs linear time) for the context of each text: which heading,
 * item or row it is in. What a browser does not show is no text: tags and
 * their attributes, <script>/<style>/<template> bodies, elements marked
 * hidden or "display: none".
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "parse/md_internal.h"
#include "rls/alloc.h"
#include "rls/common.h"
#include "rls/utf8.h"

/* ---- Character references --------------------------------------------------- */

size_t rls_md_entity(const char *p, size_t n, char *out) {
    static const struct {
        const char *name;
        uint32_t cp;
    } names[] = {
        {"amp", '&'},
        {"lt", '<'},
        {"gt", '>'},
        {"quot", '"'},
        {"apos", '\''},
        {"nbsp", ' '},
        {"ndash", 0x2013},
        {"mdash", 0x2014},
        {"hellip", 0x2026},
        {"copy", 0xA9},
        {"reg", 0xAE},
        {"trade", 0x2122},
        {"middot", 0xB7},
        {"bull", 0x2022},
        {"rsquo", 0x2019},
        {"lsquo", 0x2018},
        {"ldquo", 0x201C},
        {"rdquo", 0x201D},
        {"eacute", 0xE9},
        {"egrave", 0xE8},
        {"aacute", 0xE1},
        {"oacute", 0xF3},
        {"uuml", 0xFC},
        {"ouml", 0xF6},
        {"auml", 0xE4},
        {"ccedil", 0xE7},
        {"ntilde", 0xF1},
        {"times", 0xD7},
        {"rarr", 0x2192},
        {"larr", 0x2190},
        {"pound", 0xA3},
        {"euro", 0x20AC},
        {"deg", 0xB0},
        {"plusmn", 0xB1},
        {"laquo", 0xAB},
        {"raquo", 0xBB},
        /* Wide spaces align columns ("2025 &emsp; Professor"): a space. */
        {"emsp", ' '},
        {"ensp", ' '},
        {"thinsp", ' '},
    };
    if (n < 3 || p[0] != '&' || p[n - 1] != ';') return 0;
    if (p[1] == '#') {
        uint32_t cp = 0;
        bool hex = n > 3 && (p[2] == 'x' || p[2] == 'X');
        for (size_t i = hex ? 3 : 2; i + 1 < n; i++) {
            int d = isdigit((unsigned char)p[i])           ? p[i] - '0'
                    : hex && isxdigit((unsigned char)p[i]) ? tolower((unsigned char)p[i]) - 'a' + 10
                                                           : -1;
            if (d < 0 || cp > 0x10FFFF) return 0;
            cp = cp * (hex ? 16 : 10) + (uint32_t)d;
        }
        return rls_utf8_encode(cp, out);
    }
    for (size_t i = 0; i < RLS_ARRAY_LEN(names); i++)
        if (strlen(names[i].name) == n - 2 && !memcmp(names[i].name, p + 1, n - 2))
            return rls_utf8_encode(names[i].cp, out);
    return 0;
}

/* ---- Tags ----------------------------------------------------------------- */

typedef enum {
    TAG_OTHER,     /* unknown or inline layout (<span>, <font>): a word break and field bound */
    TAG_BLOCK,     /* <p>, <div>, <section>, <summary>...: its text is a block of its own */
    TAG_HEADING,   /* <h1>..<h6> */
    TAG_LIST,      /* <ul>, <ol> */
    TAG_ITEM,      /* <li> */
    TAG_TABLE,     /* <table> */
    TAG_ROW,       /* <tr> */
    TAG_CELL,      /* <td> */
    TAG_HEAD_CELL, /* <th> */
    TAG_BR,        /* <br>: a line break */
    TAG_RULE,      /* <hr>: ends a block, holds nothing */
    TAG_MARKUP,    /* <strong>, <b>, <em>, <i>, <u>, <mark>: emphasis */
    TAG_CODE,      /* <code>, <kbd>, <tt>: markup that is no field boundary */
    TAG_LINK,      /* <a>: its text, its href a link */
    TAG_IMG,       /* <img>: layout */
    TAG_VOID,      /* <input>, <meta>, <wbr>...: never opened, no text */
    TAG_RAW,       /* <script>, <style>, <template>, <textarea>, <title>: no text inside */
} MdTag;

#define MD_HTML_MAX_DEPTH 256u
#define MD_HTML_NAME 12u

typedef struct {
    const char *name;
    uint8_t tag;
} MdTagName;

static const MdTagName md_html__names[] = {
    {"p", TAG_BLOCK},          {"div", TAG_BLOCK},     {"section", TAG_BLOCK},
    {"article", TAG_BLOCK},    {"header", TAG_BLOCK},  {"footer", TAG_BLOCK},
    {"main", TAG_BLOCK},       {"aside", TAG_BLOCK},   {"nav", TAG_BLOCK},
    {"blockquote", TAG_BLOCK}, {"center", TAG_BLOCK},  {"details", TAG_BLOCK},
    {"summary", TAG_BLOCK},    {"dl", TAG_BLOCK},      {"dt", TAG_BLOCK},
    {"dd", TAG_BLOCK},         {"figure", TAG_BLOCK},  {"figcaption", TAG_BLOCK},
    {"address", TAG_BLOCK},    {"pre", TAG_BLOCK},     {"form", TAG_BLOCK},
    {"fieldset", TAG_BLOCK},   {"body", TAG_BLOCK},    {"html", TAG_BLOCK},
    {"caption", TAG_BLOCK},    {"h1", TAG_HEADING},    {"h2", TAG_HEADING},
    {"h3", TAG_HEADING},       {"h4", TAG_HEADING},    {"h5", TAG_HEADING},
    {"h6", TAG_HEADING},       {"ul", TAG_LIST},       {"ol", TAG_LIST},
    {"li", TAG_ITEM},          {"table", TAG_TABLE},   {"tr", TAG_ROW},
    {"td", TAG_CELL},          {"th", TAG_HEAD_CELL},  {"br", TAG_BR},
    {"hr", TAG_RULE},          {"strong", TAG_MARKUP}, {"b", TAG_MARKUP},
    {"em", TAG_MARKUP},        {"i", TAG_MARKUP},      {"u", TAG_MARKUP},
    {"mark", TAG_MARKUP},      {"code", TAG_CODE},     {"kbd", TAG_CODE},
    {"tt", TAG_CODE},          {"a", TAG_LINK},        {"img", TAG_IMG},
    {"input", TAG_VOID},       {"meta", TAG_VOID},     {"link", TAG_VOID},
    {"wbr", TAG_VOID},         {"area", TAG_VOID},     {"base", TAG_VOID},
    {"col", TAG_VOID},         {"embed", TAG_VOID},    {"source", TAG_VOID},
    {"track", TAG_VOID},       {"param", TAG_VOID},    {"script", TAG_RAW},
    {"style", TAG_RAW},        {"template", TAG_RAW},  {"textarea", TAG_RAW},
    {"title", TAG_RAW},
};

static bool md_html__name_char(char c) {
    return isalnum((unsigned char)c) || c == '-' || c == ':' || c == '_';
}

/* The role of tag name p[0..n), any case. */
static MdTag md_html__tag(const char *p, size_t n) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(md_html__names); i++)
        if (strlen(md_html__names[i].name) == n && !strncasecmp(md_html__names[i].name, p, n))
            return (MdTag)md_html__names[i].tag;
    return TAG_OTHER;
}

int rls_md_html_markup(const char *p, size_t n) {
    if (n < 3 || p[0] != '<') return 0;
    size_t i = 1 + (p[1] == '/');
    size_t k = i;
    while (k < n && md_html__name_char(p[k]))
        k++;
    if (md_html__tag(p + i, k - i) != TAG_MARKUP) return 0;
    return i == 2 ? -1 : 1;
}

bool rls_md_html_opens_block(const char *p, size_t n) {
    if (n < 3 || p[0] != '<') return false;
    size_t i = 1 + (p[1] == '/');
    size_t k = i;
    while (k < n && md_html__name_char(p[k]))
        k++;
    if (k == i || (k < n && p[k] != '>' && p[k] != '/' && !isspace((unsigned char)p[k])))
        return false;
    MdTag tag = md_html__tag(p + i, k - i);
    return tag == TAG_BLOCK || tag == TAG_HEADING || tag == TAG_LIST || tag == TAG_ITEM ||
           tag == TAG_TABLE || tag == TAG_ROW || tag == TAG_RULE;
}

/* ---- The reader ------------------------------------------------------------ */

typedef struct {
    uint8_t tag;
    char name[MD_HTML_NAME]; /* lower case, cut short: what a closing tag matches */
    uint32_t start_byte;
    int32_t block; /* the block this element's text made, or -1 */
} MdHtmlOpen;

typedef struct {
    MdHtml *out;
    const char *src;
    uint32_t end_byte;
    MdHtmlOpen stack[MD_HTML_MAX_DEPTH];
    uint32_t depth;
    uint32_t overflow;   /* elements opened beyond the stack, not tracked */
    uint32_t text_first; /* first event of the text not yet made a block */
    bool row_data;       /* the open row has a data cell */
} MdHtmlReader;

static MdEvent *md_html__ev(MdHtmlReader *r, MdEvKind kind, uint32_t a, uint32_t b) {
    MdEvent ev = {.kind = (uint8_t)kind, .a = a, .b = b};
    RLS_PUSH(r->out->events, r->out->n_events, r->out->cap_events, ev);
    return &r->out->events[r->out->n_events - 1];
}

static uint32_t md_html__mask(MdTag tag) {
    return 1u << tag;
}

/* The innermost open element whose tag is in mask, or -1. */
static int32_t md_html__innermost(const MdHtmlReader *r, uint32_t mask) {
    for (uint32_t k = r->depth; k-- > 0;)
        if (md_html__mask((MdTag)r->stack[k].tag) & mask) return (int32_t)k;
    return -1;
}

/* Whether text here is inside a table row: a row's cells hold its fields,
 * whatever blocks they contain. */
static bool md_html__in_row(const MdHtmlReader *r) {
    int32_t k = md_html__innermost(r, md_html__mask(TAG_ROW) | md_html__mask(TAG_TABLE));
    return k >= 0 && r->stack[k].tag == TAG_ROW;
}

/* Makes the events since the last block a block of their own, of the kind
 * the innermost heading, item or row around them gives (a line outside
 * them). Events that hold no text, comment, image or link are dropped. */
static void md_html__flush(MdHtmlReader *r) {
    MdHtml *o = r->out;
    uint32_t first = r->text_first;
    uint32_t ts = UINT32_MAX, te = 0;
    bool text = false, kept = false;
    for (uint32_t i = first; i < o->n_events; i++) {
        const MdEvent *ev = &o->events[i];
        bool t = ev->kind == MD_EV_SOURCE || ev->kind == MD_EV_EMIT || ev->kind == MD_EV_EMIT_SRC;
        kept = kept || t || ev->kind == MD_EV_COMMENT || ev->kind == MD_EV_IMAGE ||
               ev->kind == MD_EV_LINK;
        if (!t) continue;
        text = true;
        ts = RLS_MIN(ts, ev->a);
        te = RLS_MAX(te, ev->b);
    }
    if (!kept) {
        o->n_events = first;
        return;
    }
    MdHtmlBlock b = {.kind = MD_HTML_NONE,
                     .first_event = first,
                     .n_events = o->n_events - first,
                     .span = {o->events[first].a, o->events[o->n_events - 1].b}};
    int32_t ctx = -1;
    if (text) {
        b.kind = MD_HTML_LINE;
        b.span = (RlsSpan){ts, te};
        ctx = md_html__innermost(r, md_html__mask(TAG_HEADING) | md_html__mask(TAG_ITEM) |
                                        md_html__mask(TAG_ROW));
    }
    if (ctx >= 0) {
        MdHtmlOpen *el = &r->stack[ctx];
        /* A second text of one element ("<li><p>A</p><p>B</p></li>") joins
         * its first when nothing came between. */
        if (el->block >= 0 && (uint32_t)el->block + 1 == o->n_blocks) {
            MdHtmlBlock *prev = &o->blocks[el->block];
            prev->n_events = o->n_events - prev->first_event;
            prev->span.end_byte = RLS_MAX(prev->span.end_byte, te);
            r->text_first = o->n_events;
            return;
        }
        b.span = (RlsSpan){el->start_byte, te};
        if (el->tag == TAG_HEADING) {
            b.kind = MD_HTML_HEADING;
            b.level = (uint8_t)(el->name[1] - '0');
        } else if (el->tag == TAG_ITEM) {
            b.kind = MD_HTML_ITEM;
            for (int32_t k = 0; k < ctx; k++)
                b.level += r->stack[k].tag == TAG_LIST && b.level < 255;
            if (b.level == 0) b.level = 1;
        } else {
            b.kind = r->row_data ? MD_HTML_ROW : MD_HTML_HEAD_ROW;
        }
        if (el->block < 0) el->block = (int32_t)o->n_blocks;
    }
    RLS_PUSH(o->blocks, o->n_blocks, o->cap_blocks, b);
    r->text_first = o->n_events;
}

/* Closes the open elements from the top down to index k: markup left open
 * ends there, and each element's block ends at end_byte. */
static void md_html__pop_to(MdHtmlReader *r, uint32_t k, uint32_t at_byte, uint32_t end_byte) {
    while (r->depth > k) {
        MdHtmlOpen *el = &r->stack[--r->depth];
        if (el->tag == TAG_MARKUP || el->tag == TAG_CODE)
            md_html__ev(r, MD_EV_LEAVE, at_byte, at_byte)->n = el->tag == TAG_MARKUP;
        if (el->block >= 0) r->out->blocks[el->block].span.end_byte = end_byte;
    }
}

/* Ends the markup open above index k before the text it is in becomes a
 * block, so that the block's markup is balanced. */
static void md_html__leave_above(MdHtmlReader *r, uint32_t k, uint32_t at_byte) {
    for (uint32_t d = r->depth; d-- > k;) {
        MdHtmlOpen *el = &r->stack[d];
        if (el->tag != TAG_MARKUP && el->tag != TAG_CODE) continue;
        md_html__ev(r, MD_EV_LEAVE, at_byte, at_byte)->n = el->tag == TAG_MARKUP;
        el->tag = TAG_OTHER;
    }
}

static void md_html__push(MdHtmlReader *r, MdTag tag, const char *name, size_t n,
                          uint32_t start_byte) {
    if (r->depth == MD_HTML_MAX_DEPTH) {
        r->overflow++;
        return;
    }
    MdHtmlOpen *el = &r->stack[r->depth++];
    memset(el, 0, sizeof(*el));
    el->tag = (uint8_t)tag;
    el->start_byte = start_byte;
    el->block = -1;
    for (size_t i = 0; i < n && i + 1 < MD_HTML_NAME; i++)
        el->name[i] = (char)tolower((unsigned char)name[i]);
}

/* Where the closing tag "</name" of an element opened before `from` ends,
 * with `nested` counting elements of that name opened inside it (0: the
 * first closing tag ends it, as for <script>). Returns end_byte when it is
 * never closed. One pass over the bytes after `from`. */
static uint32_t md_html__skip_element(const MdHtmlReader *r, uint32_t from, const char *name,
                                      size_t n, bool nested) {
    const char *s = r->src;
    uint32_t depth = 1;
    for (uint32_t i = from; i + 1 < r->end_byte; i++) {
        if (s[i] != '<') continue;
        bool closing = s[i + 1] == '/';
        uint32_t k = i + 1 + closing;
        if (k + n > r->end_byte || strncasecmp(s + k, name, n) != 0 ||
            (k + n < r->end_byte && md_html__name_char(s[k + n])))
            continue;
        if (!closing) {
            depth += nested;
            continue;
        }
        if (--depth > 0) continue;
        const char *gt = memchr(s + k + n, '>', r->end_byte - (k + n));
        return gt ? (uint32_t)(gt - s) + 1 : r->end_byte;
    }
    return r->end_byte;
}

/* Whether a style attribute's value hides its element ("display: none"). */
static bool md_html__style_hides(const char *p, size_t n) {
    for (size_t i = 0; i + 7 <= n; i++) {
        if (strncasecmp(p + i, "display", 7) != 0) continue;
        size_t k = i + 7;
        while (k < n && (p[k] == ' ' || p[k] == ':'))
            k++;
        if (k + 4 <= n && !strncasecmp(p + k, "none", 4)) return true;
    }
    return false;
}

typedef struct {
    uint32_t end_byte; /* after the tag's '>' (or where the block ends) */
    bool hidden;
    uint32_t href_start, href_end; /* 0, 0: none */
} MdTagAttrs;

/* Reads the attributes of the start tag whose name ends at src[i], up to
 * its '>': quoted values may hold '>'. */
static void md_html__attrs(const MdHtmlReader *r, uint32_t i, MdTagAttrs *a) {
    const char *s = r->src;
    uint32_t e = r->end_byte;
    memset(a, 0, sizeof(*a));
    while (i < e) {
        while (i < e && (isspace((unsigned char)s[i]) || s[i] == '/'))
            i++;
        if (i >= e) break;
        if (s[i] == '>') {
            i++;
            break;
        }
        uint32_t name = i;
        while (i < e && !isspace((unsigned char)s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/')
            i++;
        if (i == name) i++; /* a stray '=': no name, and on */
        uint32_t name_len = i - name;
        while (i < e && isspace((unsigned char)s[i]))
            i++;
        uint32_t v = i, ve = i;
        if (i < e && s[i] == '=') {
            i++;
            while (i < e && isspace((unsigned char)s[i]))
                i++;
            if (i < e && (s[i] == '"' || s[i] == '\'')) {
                const char *q = memchr(s + i + 1, s[i], e - i - 1);
                v = i + 1;
                ve = q ? (uint32_t)(q - s) : e;
                i = q ? ve + 1 : e;
            } else {
                v = i;
                while (i < e && !isspace((unsigned char)s[i]) && s[i] != '>')
                    i++;
                ve = i;
            }
        }
        if (name_len == 6 && !strncasecmp(s + name, "hidden", 6)) a->hidden = true;
        if (name_len == 5 && !strncasecmp(s + name, "style", 5) &&
            md_html__style_hides(s + v, ve - v))
            a->hidden = true;
        if (name_len == 4 && !strncasecmp(s + name, "href", 4) && ve > v) {
            a->href_start = v;
            a->href_end = ve;
        }
    }
    a->end_byte = i;
}

/* A block-level tag outside a row: the text before it is a block; the
 * lists, items, rows and paragraphs it implies closed are closed. */
static void md_html__open_block(MdHtmlReader *r, MdTag tag, const char *name, size_t n, uint32_t i,
                                uint32_t end) {
    int32_t k = -1;
    if (tag == TAG_ITEM)
        k = md_html__innermost(r, md_html__mask(TAG_ITEM) | md_html__mask(TAG_LIST));
    else if (tag == TAG_ROW)
        k = md_html__innermost(r, md_html__mask(TAG_ROW) | md_html__mask(TAG_TABLE));
    else if (n == 1 && (name[0] == 'p' || name[0] == 'P') && r->depth &&
             !strcmp(r->stack[r->depth - 1].name, "p"))
        k = (int32_t)r->depth - 1;
    bool closes = k >= 0 && r->stack[k].tag != TAG_LIST && r->stack[k].tag != TAG_TABLE;
    if (closes) md_html__leave_above(r, (uint32_t)k, i);
    md_html__ev(r, MD_EV_BREAK, i, end);
    md_html__flush(r);
    if (closes) md_html__pop_to(r, (uint32_t)k, i, i);
    if (tag == TAG_LIST) {
        int32_t li = md_html__innermost(r, md_html__mask(TAG_ITEM) | md_html__mask(TAG_LIST));
        if (li >= 0 && r->stack[li].tag == TAG_ITEM && r->stack[li].block >= 0)
            r->out->blocks[r->stack[li].block].has_list = true;
    }
    if (tag == TAG_RULE) return;
    if (tag == TAG_ROW) r->row_data = false;
    /* A table inside a table is inside its layout already: one layout
     * for the outermost, however deep they nest. */
    bool outermost = tag == TAG_TABLE && md_html__innermost(r, md_html__mask(TAG_TABLE)) < 0;
    md_html__push(r, tag, name, n, i);
    if (outermost && r->depth && r->stack[r->depth - 1].tag == TAG_TABLE) {
        MdHtmlBlock b = {
            .kind = MD_HTML_TABLE, .span = {i, r->end_byte}, .first_event = r->out->n_events};
        r->stack[r->depth - 1].block = (int32_t)r->out->n_blocks;
        RLS_PUSH(r->out->blocks, r->out->n_blocks, r->out->cap_blocks, b);
    }
}

/* A start tag at src[i] ('<' and a letter). Returns where reading goes on. */
static uint32_t md_html__start_tag(MdHtmlReader *r, uint32_t i) {
    const char *s = r->src;
    uint32_t k = i + 1;
    while (k < r->end_byte && md_html__name_char(s[k]))
        k++;
    const char *name = s + i + 1;
    size_t n = k - i - 1;
    MdTag tag = md_html__tag(name, n);
    MdTagAttrs a;
    md_html__attrs(r, k, &a);
    uint32_t end = a.end_byte;
    bool is_void = tag == TAG_BR || tag == TAG_RULE || tag == TAG_IMG || tag == TAG_VOID;
    bool self_closed = end >= 2 && s[end - 1] == '>' && s[end - 2] == '/';
    if (tag == TAG_RAW || (a.hidden && !is_void && !self_closed)) {
        uint32_t close = md_html__skip_element(r, end, name, n, tag != TAG_RAW);
        md_html__ev(r, MD_EV_BREAK, i, close);
        return close;
    }
    if (a.hidden) {
        md_html__ev(r, MD_EV_BREAK, i, end);
        return end;
    }
    if (md_html__in_row(r) && tag != TAG_ROW && tag != TAG_TABLE && tag != TAG_MARKUP &&
        tag != TAG_CODE && tag != TAG_LINK) {
        /* A cell and what it holds are fields of the row. */
        if (tag == TAG_CELL) r->row_data = true;
        if (tag == TAG_IMG) md_html__ev(r, MD_EV_IMAGE, i, end);
        md_html__ev(r, MD_EV_BOUND, i, i);
        md_html__ev(r, MD_EV_BREAK, i, end);
        if (!is_void && !self_closed) md_html__push(r, tag, name, n, i);
        return end;
    }
    switch (tag) {
    case TAG_BR:
    case TAG_VOID:
        md_html__ev(r, MD_EV_BREAK, i, end);
        break;
    case TAG_IMG:
        md_html__ev(r, MD_EV_IMAGE, i, end);
        md_html__ev(r, MD_EV_BREAK, i, end);
        break;
    case TAG_MARKUP:
    case TAG_CODE:
        md_html__ev(r, MD_EV_ENTER, i, i)->n = tag == TAG_MARKUP;
        md_html__push(r, tag, name, n, i);
        break;
    case TAG_LINK:
        if (a.href_end > a.href_start) md_html__ev(r, MD_EV_LINK, a.href_start, a.href_end);
        if (!self_closed) md_html__push(r, tag, name, n, i);
        break;
    case TAG_OTHER:
    case TAG_CELL:
    case TAG_HEAD_CELL:
        /* "<span>Acme</span><span>2020</span>": two fields. */
        md_html__ev(r, MD_EV_BOUND, i, i);
        md_html__ev(r, MD_EV_BREAK, i, end);
        if (!self_closed) md_html__push(r, tag, name, n, i);
        break;
    default:
        md_html__open_block(r, tag, name, n, i, end);
        break;
    }
    return end;
}

/* A closing tag at src[i] ("</" and a letter). Returns where reading goes
 * on. A closing tag that matches no open element is a word break. */
static uint32_t md_html__end_tag(MdHtmlReader *r, uint32_t i) {
    const char *s = r->src;
    uint32_t k = i + 2;
    while (k < r->end_byte && md_html__name_char(s[k]))
        k++;
    char name[MD_HTML_NAME] = {0};
    for (uint32_t c = i + 2; c < k && c - i - 2 + 1 < MD_HTML_NAME; c++)
        name[c - i - 2] = (char)tolower((unsigned char)s[c]);
    const char *gt = memchr(s + k, '>', r->end_byte - k);
    uint32_t end = gt ? (uint32_t)(gt - s) + 1 : r->end_byte;
    int32_t m = -1;
    for (uint32_t d = r->depth; d-- > 0 && m < 0;)
        if (!strcmp(r->stack[d].name, name)) m = (int32_t)d;
    if (m < 0) {
        if (r->overflow) r->overflow--;
        md_html__ev(r, MD_EV_BREAK, i, end);
        return end;
    }
    MdTag tag = (MdTag)r->stack[m].tag;
    bool row_field = tag != TAG_ROW && tag != TAG_TABLE && md_html__in_row(r);
    if (tag == TAG_MARKUP || tag == TAG_CODE || tag == TAG_LINK) {
        /* Markup opened inside it ends with it (md_html__pop_to). */
        md_html__pop_to(r, (uint32_t)m + 1, i, end);
        if (tag != TAG_LINK) md_html__ev(r, MD_EV_LEAVE, i, i)->n = tag == TAG_MARKUP;
        r->depth = (uint32_t)m;
        return end;
    }
    if (tag == TAG_OTHER || tag == TAG_CELL || tag == TAG_HEAD_CELL || row_field) {
        md_html__ev(r, MD_EV_BOUND, i, i);
        md_html__ev(r, MD_EV_BREAK, i, end);
    } else {
        md_html__leave_above(r, (uint32_t)m, i);
        md_html__ev(r, MD_EV_BREAK, i, end);
        md_html__flush(r);
    }
    md_html__pop_to(r, (uint32_t)m, i, end);
    return end;
}

/* A comment at src[i] ("<!--"): a model comment (suppression directives
 * live there), and a word break. */
static uint32_t md_html__comment(MdHtmlReader *r, uint32_t i) {
    const char *s = r->src;
    uint32_t close = i + 4;
    while (close + 3 <= r->end_byte && memcmp(s + close, "-->", 3) != 0)
        close++;
    bool closed = close + 3 <= r->end_byte;
    uint32_t end = closed ? close + 3 : r->end_byte;
    uint32_t a = i + 4, b = closed ? close : r->end_byte;
    while (a < b && isspace((unsigned char)s[a]))
        a++;
    while (b > a && isspace((unsigned char)s[b - 1]))
        b--;
    MdEvent *ev = md_html__ev(r, MD_EV_COMMENT, i, end);
    ev->c = a;
    ev->d = b;
    md_html__ev(r, MD_EV_BREAK, i, end);
    return end;
}

/* Text up to the next '<' or '&' (at least one byte): a word break when
 * it is only whitespace. */
static uint32_t md_html__text(MdHtmlReader *r, uint32_t i) {
    const char *s = r->src;
    uint32_t j = i + 1;
    bool blank = isspace((unsigned char)s[i]);
    while (j < r->end_byte && s[j] != '<' && s[j] != '&') {
        blank = blank && isspace((unsigned char)s[j]);
        j++;
    }
    md_html__ev(r, blank ? MD_EV_BREAK : MD_EV_SOURCE, i, j);
    return j;
}

/* A character reference at src[i] ('&'), or 0 when there is none. */
static uint32_t md_html__reference(MdHtmlReader *r, uint32_t i) {
    const char *s = r->src;
    uint32_t j = i + 1;
    while (j < r->end_byte && j - i < 32 && (isalnum((unsigned char)s[j]) || s[j] == '#'))
        j++;
    if (j >= r->end_byte || s[j] != ';') return 0;
    char buf[4];
    size_t n = rls_md_entity(s + i, j + 1 - i, buf);
    if (!n) return 0;
    MdEvent *ev = md_html__ev(r, MD_EV_EMIT, i, j + 1);
    memcpy(ev->bytes, buf, n);
    ev->n = (uint8_t)n;
    return j + 1;
}

void rls_md_html_read(MdHtml *self, const char *src, uint32_t start_byte, uint32_t end_byte) {
    MdHtmlReader *r = rls_calloc(1, sizeof(*r));
    r->out = self;
    r->src = src;
    r->end_byte = end_byte;
    uint32_t i = start_byte;
    while (i < end_byte) {
        char c = src[i];
        char next = i + 1 < end_byte ? src[i + 1] : '\0';
        uint32_t to = 0;
        if (c == '<' && next == '!' && i + 4 <= end_byte && !memcmp(src + i, "<!--", 4)) {
            to = md_html__comment(r, i);
        } else if (c == '<' && (next == '!' || next == '?')) {
            /* A doctype or processing instruction: no text. */
            const char *gt = memchr(src + i, '>', end_byte - i);
            to = gt ? (uint32_t)(gt - src) + 1 : end_byte;
            md_html__ev(r, MD_EV_BREAK, i, to);
        } else if (c == '<' && next == '/' && i + 2 < end_byte &&
                   isalpha((unsigned char)src[i + 2])) {
            to = md_html__end_tag(r, i);
        } else if (c == '<' && isalpha((unsigned char)next)) {
            to = md_html__start_tag(r, i);
        } else if (c == '&') {
            to = md_html__reference(r, i);
        }
        if (!to) {
            /* A '<' or '&' that opens nothing is a character of the text. */
            to = (c == '<' || c == '&') ? i + 1 : md_html__text(r, i);
            if (c == '<' || c == '&') md_html__ev(r, MD_EV_SOURCE, i, to);
        }
        i = to;
    }
    md_html__leave_above(r, 0, end_byte);
    md_html__flush(r);
    md_html__pop_to(r, 0, end_byte, end_byte);
    rls_free(r);
}

void rls_md_html_plain(const MdHtml *self, const MdHtmlBlock *b, const char *src,
                       RlsPlainBuilder *pb, RlsPlain *out) {
    for (uint32_t k = 0; k < b->n_events; k++) {
        const MdEvent *ev = &self->events[b->first_event + k];
        if (ev->kind == MD_EV_SOURCE) rls_plain_builder_source(pb, src, ev->a, ev->b);
        if (ev->kind == MD_EV_EMIT) rls_plain_builder_emit(pb, ev->bytes, ev->n, ev->a, ev->b);
        if (ev->kind == MD_EV_BREAK) rls_plain_builder_break(pb, ev->a, ev->b);
    }
    rls_plain_builder_finish(pb, out);
}

void rls_md_html_close(MdHtml *self) {
    rls_free(self->blocks);
    rls_free(self->events);
    memset(self, 0, sizeof(*self));
}
