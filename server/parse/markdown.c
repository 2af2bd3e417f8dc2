/*
 * markdown.c - the Markdown parser behind rls_parser_* (formats.h).
 *
 * Two tree-sitter grammars, as the Markdown grammar is designed to be used:
 * the block grammar over the whole document, then the inline grammar over
 * each `inline` node's byte ranges (ts_parser_set_included_ranges), which
 * skips the block continuation bytes ("> ", list indentation) between lines.
 *
 * Structure comes from grammars/queries/markdown.scm (block roles) and
 * markdown_inline.scm (links, autolinks, images, inline HTML); both are
 * compiled once per process. Text is extracted by walking the inline tree:
 * delimiters and link destinations are dropped, escapes and entities become
 * the characters they stand for, and each plain byte keeps its source span
 * through the model builder.
 *
 * Raw HTML (an HTML block, or a paragraph opening with a block-level tag)
 * is read by md_html.c into headings, lines, items and rows, which go down
 * the same paths as their Markdown counterparts (md__html_read).
 *
 * Which heading level is a section and which an entry is decided per
 * resume, from the levels its headings, Markdown or HTML, use
 * (md__plan_levels).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <tree_sitter/api.h>

#include "model/builder.h"
#include "model/entry_reader.h"
#include "model/heading_reader.h"
#include "model/line_reader.h"
#include "model/lines.h"
#include "model/reader.h"
#include "rls/dates.h"
#include "rls/fieldtype.h"
#include "parse/captures.h"
#include "parse/formats.h"
#include "parse/md_internal.h"
#include "rls/alloc.h"
#include "rls/hash.h"
#include "rls/text.h"

const TSLanguage *tree_sitter_markdown(void);
const TSLanguage *tree_sitter_markdown_inline(void);

extern const unsigned char rls_data_markdown_scm[];
extern const size_t rls_data_markdown_scm_len;
extern const unsigned char rls_data_markdown_inline_scm[];
extern const size_t rls_data_markdown_inline_scm_len;

struct RlsMdParser {
    TSParser *block;
    TSParser *inl;
    TSTree *tree;               /* the last block tree, kept for incremental reparsing */
    RlsCache runs;              /* of MdRun: inline runs, keyed by content */
    uint64_t labels_hash;       /* of the link labels the runs were walked with */
    RlsEntrySplitCache *splits; /* entry lines split by earlier parses */
};

/* ---- Queries (compiled once per process) ----------------------------------- */

#define MD_MAX_CAPTURES 16

typedef struct {
    RlsCaptureQuery *query; /* NULL, or &storage once compiled */
    RlsCaptureQuery storage;
    MdCap roles[MD_MAX_CAPTURES]; /* capture index -> role */
} MdQuery;

static MdQuery md__block_query, md__inline_query;

static MdCap md__role_of(const char *name, uint32_t len) {
    static const struct {
        const char *name;
        MdCap cap;
    } names[] = {
        {"heading", MD_CAP_HEADING},   {"item", MD_CAP_ITEM},   {"paragraph", MD_CAP_PARAGRAPH},
        {"html", MD_CAP_HTML},         {"table", MD_CAP_TABLE}, {"skip", MD_CAP_SKIP},
        {"indented", MD_CAP_INDENTED}, {"error", MD_CAP_ERROR}, {"link", MD_CAP_LINK},
        {"autolink", MD_CAP_AUTOLINK}, {"image", MD_CAP_IMAGE}, {"list", MD_CAP_LIST},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(names); i++)
        if (strlen(names[i].name) == len && !memcmp(names[i].name, name, len)) return names[i].cap;
    return MD_CAP_UNKNOWN;
}

/* NOTE: the queries live for the whole process, like the grammars. A broken
 * embedded query is a build defect, so it aborts loudly. */
static MdQuery *md__query(MdQuery *q, const TSLanguage *lang, const unsigned char *text,
                          size_t len) {
    if (q->query) return q;
    rls_capture_query_init_embedded(&q->storage, lang, text, len,
                                    lang == tree_sitter_markdown() ? "markdown.scm"
                                                                   : "markdown_inline.scm");
    q->query = &q->storage;
    uint32_t n = rls_capture_query_capture_count(q->query);
    for (uint32_t i = 0; i < n && i < MD_MAX_CAPTURES; i++) {
        const char *name = rls_capture_query_capture_name(q->query, i);
        q->roles[i] = md__role_of(name, (uint32_t)strlen(name));
    }
    return q;
}

/* ---- Positions (the parse state, Md, is in md_internal.h) --------------- */

static TSPoint md__point(const Md *md, uint32_t byte) {
    uint32_t row = rls_line_find(md->line_starts, md->n_lines, byte);
    return (TSPoint){row, byte - md->line_starts[row]};
}

static TSRange md__range(const Md *md, uint32_t start_byte, uint32_t end_byte) {
    return (TSRange){md__point(md, start_byte), md__point(md, end_byte), start_byte, end_byte};
}

static bool md__is(TSNode node, const char *type) {
    return strcmp(ts_node_type(node), type) == 0;
}

static uint32_t md__trim_end(const Md *md, uint32_t start_byte, uint32_t end_byte) {
    while (end_byte > start_byte && isspace((unsigned char)md->src[end_byte - 1]))
        end_byte--;
    return end_byte;
}

/* An inline node's ranges: its bytes minus the block continuations
 * ("> ", indentation) of its later lines. */
static uint32_t md__inline_ranges(const Md *md, TSNode inl, TSRange *out, uint32_t cap) {
    uint32_t n = 0;
    uint32_t at = ts_node_start_byte(inl);
    RlsKids kids;
    rls_kids_init_named(&kids, inl);
    TSNode c;
    while (n + 1 < cap && rls_kids_next(&kids, &c)) {
        if (ts_node_start_byte(c) > at) out[n++] = md__range(md, at, ts_node_start_byte(c));
        at = ts_node_end_byte(c);
    }
    rls_kids_close(&kids);
    if (ts_node_end_byte(inl) > at && n < cap) out[n++] = md__range(md, at, ts_node_end_byte(inl));
    return n;
}

/* The part of ranges r[0..n) that lies inside [from, to). */
static uint32_t md__clip(const Md *md, const TSRange *r, uint32_t n, uint32_t from, uint32_t to,
                         TSRange *out, uint32_t cap) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < n && k < cap; i++) {
        uint32_t s = RLS_MAX(r[i].start_byte, from), e = RLS_MIN(r[i].end_byte, to);
        if (s < e) out[k++] = md__range(md, s, e);
    }
    return k;
}

/* ---- Inline text ----------------------------------------------------------- */

static void md__bound(Md *md, MdText *t) {
    uint32_t at = rls_plain_builder_len(&md->pb);
    if (t->n_bounds < MD_MAX_BOUNDS && (t->n_bounds == 0 || t->bounds[t->n_bounds - 1] != at))
        t->bounds[t->n_bounds++] = at;
}

static void md__rec(Md *md, MdEvKind kind, uint32_t a, uint32_t b) {
    MdEvent ev = {.kind = (uint8_t)kind, .a = a - md->rec_base, .b = b - md->rec_base};
    RLS_PUSH(md->rec, md->n_rec, md->cap_rec, ev);
}

/* Records source [from, to) as text, skipping bytes outside the ranges. */
static void md__source(Md *md, const TSRange *r, uint32_t n, uint32_t from, uint32_t to) {
    for (uint32_t i = 0; i < n; i++) {
        uint32_t s = RLS_MAX(r[i].start_byte, from), e = RLS_MIN(r[i].end_byte, to);
        if (s < e) md__rec(md, MD_EV_SOURCE, s, e);
    }
}

/* A link label's comparison key: brackets off, ASCII case and runs of
 * whitespace folded. Returns its length (0 when empty or too long). */
static size_t md__label_key(const char *p, size_t n, char *out, size_t cap) {
    if (n >= 2 && p[0] == '[' && p[n - 1] == ']') p++, n -= 2;
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = k > 0;
            continue;
        }
        if (space && k + 1 < cap) out[k++] = ' ';
        space = false;
        if (k + 1 >= cap) return out[0] = '\0', 0;
        out[k++] = (char)tolower((unsigned char)c);
    }
    out[k] = '\0';
    return k;
}

/* Whether the document defines link label src[start_byte, end_byte) ("[ref]: url"),
 * compared as CommonMark does: brackets off, case and runs of whitespace
 * folded. */
static bool md__label_defined(const Md *md, uint32_t start_byte, uint32_t end_byte) {
    if (md->n_labels == 0) return false;
    char key[128];
    size_t n = md__label_key(md->src + start_byte, end_byte - start_byte, key, sizeof(key));
    for (uint32_t i = 0; i < md->n_labels; i++)
        if (!strcmp(md->labels[i], key)) return n > 0;
    return false;
}

/* NOTE: a shortcut link ("[N]") keeps its brackets as text unless the
 * document defines its label: CommonMark renders it as a link only then,
 * and "[N]" placeholders and "[Go]" tags are common in resumes, where
 * reading them as links would drop the brackets. */
static bool md__is_link_markup_parent(const Md *md, TSNode parent) {
    const char *t = ts_node_type(parent);
    if (!strcmp(t, "shortcut_link"))
        return md__label_defined(md, ts_node_start_byte(parent), ts_node_end_byte(parent));
    return !strcmp(t, "inline_link") || !strcmp(t, "full_reference_link") ||
           !strcmp(t, "collapsed_reference_link") || !strcmp(t, "image");
}

static void md__walk(Md *md, TSNode node, const TSRange *r, uint32_t nr);

/* Code spans count as markup but are no field boundary: "`collection`"
 * inside a title is part of it. */
static void md__markup_enter(Md *md, MdText *t, bool bound) {
    if (bound) md__bound(md, t);
    if (md->markup_depth++ == 0) md->markup_start = rls_plain_builder_len(&md->pb);
}

static void md__markup_leave(Md *md, MdText *t, bool bound) {
    /* Markup that HTML left open in an earlier block ends in this one. */
    if (md->markup_depth > 0 && --md->markup_depth == 0)
        t->markup_len += rls_plain_builder_len(&md->pb) - md->markup_start;
    if (bound) md__bound(md, t);
}

/* "**A*STAR ARTC**": the inline grammar reads "*A*" as an emphasis inside
 * a one-star emphasis and leaves the closing run's last star as text.
 * CommonMark's rule of three (a star that can both open and close, as one
 * inside a word can, pairs with no run whose length makes a multiple of
 * three with its own) keeps that star a letter of the word and the whole
 * a strong emphasis. True when `node` is such an inner emphasis: opened
 * right after its parent's star, closed inside a word (both inside the
 * parent, so inside the run the walk is cached for). */
static bool md__star_in_word(const Md *md, TSNode parent, TSNode node) {
    uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
    if (!md__is(node, "emphasis") || !md__is(parent, "emphasis") ||
        ts_node_start_byte(parent) + 1 != s || ts_node_end_byte(parent) <= e || e - s < 3 ||
        md->src[s] != '*' || md->src[s - 1] != '*' || md->src[e - 1] != '*')
        return false;
    return isalnum((unsigned char)md->src[e - 2]) && isalnum((unsigned char)md->src[e]);
}

/* The last star of "**A*STAR ARTC**", left as text after an emphasis whose
 * first child is a star inside a word (md__star_in_word): it closes the
 * strong emphasis and is markup. */
static bool md__star_closing_word(const Md *md, TSNode c) {
    uint32_t s = ts_node_start_byte(c);
    if (ts_node_end_byte(c) != s + 1 || md->src[s] != '*') return false;
    TSNode prev = ts_node_prev_sibling(c);
    if (ts_node_is_null(prev) || !md__is(prev, "emphasis") || ts_node_end_byte(prev) != s ||
        ts_node_named_child_count(prev) < 2)
        return false;
    return md__star_in_word(md, prev, ts_node_named_child(prev, 1));
}

static void md__child(Md *md, TSNode parent, TSNode c, const TSRange *r, uint32_t nr) {
    uint32_t s = ts_node_start_byte(c), e = ts_node_end_byte(c);
    const char *type = ts_node_type(c);
    if (!ts_node_is_named(c)) {
        if (!md__is_link_markup_parent(md, parent) && !md__star_closing_word(md, c))
            md__source(md, r, nr, s, e);
        return;
    }
    if (md__star_in_word(md, parent, c)) {
        /* Its first star is the strong emphasis's second. */
        md__source(md, r, nr, s + 1, e);
        return;
    }
    if (!strcmp(type, "emphasis_delimiter") || !strcmp(type, "code_span_delimiter") ||
        !strcmp(type, "link_destination") || !strcmp(type, "link_title") ||
        !strcmp(type, "link_label") || !strcmp(type, "image") ||
        !strcmp(type, "latex_span_delimiter"))
        return; /* markup; links and images are collected by the inline query */
    if (!strcmp(type, "backslash_escape")) {
        md__rec(md, MD_EV_EMIT_SRC, s, e);
        md->rec[md->n_rec - 1].c = s + 1 - md->rec_base;
        md->rec[md->n_rec - 1].d = e - md->rec_base;
    } else if (!strcmp(type, "entity_reference") || !strcmp(type, "numeric_character_reference")) {
        char buf[4];
        size_t n = rls_md_entity(md->src + s, e - s, buf);
        if (n) {
            md__rec(md, MD_EV_EMIT, s, e);
            memcpy(md->rec[md->n_rec - 1].bytes, buf, n);
            md->rec[md->n_rec - 1].n = (uint8_t)n;
        } else {
            md__source(md, r, nr, s, e);
        }
    } else if (!strcmp(type, "html_tag") && rls_md_html_markup(md->src + s, e - s)) {
        /* "<b>Engineer</b>, Acme": emphasis, as "**Engineer**" is. */
        md__rec(md, rls_md_html_markup(md->src + s, e - s) > 0 ? MD_EV_ENTER : MD_EV_LEAVE, s, s);
        md->rec[md->n_rec - 1].n = 1;
    } else if (!strcmp(type, "hard_line_break") || !strcmp(type, "html_tag")) {
        /* A tag is a word break: "<span>Acme</span><span>2020</span>". */
        md__rec(md, MD_EV_BOUND, s, s);
        md__rec(md, MD_EV_BREAK, s, e);
    } else if (!strcmp(type, "uri_autolink") || !strcmp(type, "email_autolink")) {
        if (e - s >= 2) md__source(md, r, nr, s + 1, e - 1);
    } else if (!strcmp(type, "emphasis") || !strcmp(type, "strong_emphasis") ||
               !strcmp(type, "code_span")) {
        uint8_t bound = strcmp(type, "code_span") != 0;
        md__rec(md, MD_EV_ENTER, s, s);
        md->rec[md->n_rec - 1].n = bound;
        md__walk(md, c, r, nr);
        md__rec(md, MD_EV_LEAVE, s, s);
        md->rec[md->n_rec - 1].n = bound;
    } else {
        md__walk(md, c, r, nr);
    }
}

/* Text between children is the node's own text; children dispatch by type. */
static void md__walk_children(Md *md, TSNode node, const TSRange *r, uint32_t nr);

/* Inline markup nested deeper than this is read as its source text: the
 * walk recurses once per level (a run is at most MD_INLINE_MAX_BYTES, but
 * a stack must not overflow on any input). */
#define MD_MAX_WALK_DEPTH 1000u

static void md__walk(Md *md, TSNode node, const TSRange *r, uint32_t nr) {
    if (md->walk_depth >= MD_MAX_WALK_DEPTH) {
        md__source(md, r, nr, ts_node_start_byte(node), ts_node_end_byte(node));
        return;
    }
    md->walk_depth++;
    md__walk_children(md, node, r, nr);
    md->walk_depth--;
}

static void md__walk_children(Md *md, TSNode node, const TSRange *r, uint32_t nr) {
    uint32_t at = ts_node_start_byte(node);
    RlsKids kids;
    rls_kids_init(&kids, node);
    TSNode c, next;
    bool have = rls_kids_next(&kids, &c);
    while (have) {
        bool have_next = rls_kids_next(&kids, &next);
        md__source(md, r, nr, at, ts_node_start_byte(c));
        /* "[text] [ref]" with "[ref]: url" defined: a reference link
         * written with a space (pandoc's old syntax), read as its text. */
        if (have_next && md__is(c, "shortcut_link")) {
            TSNode label = next;
            uint32_t gap_byte = ts_node_end_byte(c), label_byte = ts_node_start_byte(label);
            bool spaced = label_byte - gap_byte <= 2;
            for (uint32_t b = gap_byte; b < label_byte && spaced; b++)
                spaced = md->src[b] == ' ' || md->src[b] == '\t' || md->src[b] == '\n';
            if (spaced && md__is(label, "shortcut_link") &&
                !md__label_defined(md, ts_node_start_byte(c), ts_node_end_byte(c)) &&
                md__label_defined(md, label_byte, ts_node_end_byte(label))) {
                RlsKids text;
                rls_kids_init_named(&text, c);
                TSNode g;
                while (rls_kids_next(&text, &g))
                    md__walk(md, g, r, nr);
                rls_kids_close(&text);
                at = ts_node_end_byte(label);
                have = rls_kids_next(&kids, &c);
                continue;
            }
        }
        md__child(md, node, c, r, nr);
        at = ts_node_end_byte(c);
        c = next;
        have = have_next;
    }
    rls_kids_close(&kids);
    md__source(md, r, nr, at, ts_node_end_byte(node));
}

static void md__text_begin(Md *md, MdText *t) {
    memset(t, 0, sizeof(*t));
    t->span = (RlsSpan){UINT32_MAX, 0};
    md->markup_depth = 0;
}

static void md__collect(Md *md, TSTree *tree);

/* ---- The inline-run cache ---------------------------------------------------- */

static uint64_t md__run_hash(const Md *md, const TSRange *r, uint32_t n) {
    uint64_t h = 0x84222325CBF29CE4ull ^ n;
    uint32_t base = r[0].start_byte;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t layout = ((uint64_t)(r[i].start_byte - base) << 32) | r[i].end_byte;
        h = rls_hash_mix(h ^ layout, md->src + r[i].start_byte, r[i].end_byte - r[i].start_byte);
    }
    return h ? h : 1;
}

static bool md__run_matches(const Md *md, const MdRun *run, const TSRange *r, uint32_t n) {
    if (run->n_ranges != n) return false;
    uint32_t base = r[0].start_byte, off = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t rs = r[i].start_byte - base, re = r[i].end_byte - base;
        if (run->ranges[2 * i] != rs || run->ranges[2 * i + 1] != re) return false;
        if (memcmp(run->bytes + off, md->src + r[i].start_byte, re - rs) != 0) return false;
        off += re - rs;
    }
    return true;
}

/* A run's events, ranges and bytes are one block, events first (see
 * md__run): one allocation per run kept. */
static void md__run_free(void *entry) {
    MdRun *run = entry;
    rls_free(run->events);
    memset(run, 0, sizeof(*run));
}

bool rls_md_inline_fits(const char *src, const TSRange *r, uint32_t n) {
    uint32_t run_bytes = 0, brackets = 0;
    for (uint32_t i = 0; i < n; i++) {
        run_bytes += r[i].end_byte - r[i].start_byte;
        if (run_bytes > MD_INLINE_MAX_BYTES) return false;
        for (uint32_t b = r[i].start_byte; b < r[i].end_byte; b++)
            brackets += src[b] == '[';
    }
    return brackets <= MD_INLINE_MAX_BRACKETS;
}

/* Finds or makes the run for ranges r[0..n); a new run is parsed and walked.
 * A run longer than MD_INLINE_MAX_BYTES is plain text: the inline grammar's
 * time grows faster than linearly on bracket soup ("![[" x 4 000 took 4 s),
 * and no real bullet or paragraph is that long. A run whose parse ran out
 * of the budget is plain text too, and is not kept, so that the next parse
 * (with a fresh budget) tries it again. */
static const MdRun *md__run(Md *md, const TSRange *r, uint32_t n) {
    RlsMdParser *p = md->parser;
    uint64_t hash = md__run_hash(md, r, n);
    MdRun *run = rls_cache_find(&p->runs, hash);
    if (run && md__run_matches(md, run, r, n)) {
        rls_cache_touch(&p->runs, run);
        return run;
    }
    md->n_rec = 0;
    md->rec_base = r[0].start_byte;
    TSTree *tree = NULL;
    bool timed_out = false;
    if (rls_md_inline_fits(md->src, r, n)) {
        ts_parser_set_included_ranges(p->inl, r, n);
        tree = rls_parse_budgeted(md->budget, p->inl, NULL, md->src, md->len);
        timed_out = !tree;
    }
    if (tree) {
        md__walk(md, ts_tree_root_node(tree), r, n);
        md__collect(md, tree);
        ts_tree_delete(tree);
    } else {
        md__source(md, r, n, r[0].start_byte, r[n - 1].end_byte);
    }
    if (timed_out) {
        /* Replayed once from a run that is not kept. */
        MdRun *once = &md->once;
        md__run_free(once);
        once->n_events = md->n_rec;
        once->events = rls_malloc((md->n_rec ? md->n_rec : 1) * sizeof(MdEvent));
        memcpy(once->events, md->rec, md->n_rec * sizeof(MdEvent));
        return once;
    }
    run = rls_cache_insert(&p->runs, hash); /* a collision is replaced */
    run->n_ranges = n;
    uint32_t total = 0;
    for (uint32_t i = 0; i < n; i++)
        total += r[i].end_byte - r[i].start_byte;
    /* One block: events (the most aligned), then ranges, then bytes. */
    size_t events_size = (md->n_rec ? md->n_rec : 1) * sizeof(MdEvent);
    char *block = rls_malloc(events_size + 2 * n * sizeof(uint32_t) + total + 1);
    run->events = (MdEvent *)block;
    run->ranges = (uint32_t *)(block + events_size);
    run->bytes = block + events_size + 2 * n * sizeof(uint32_t);
    for (uint32_t i = 0; i < n; i++) {
        run->ranges[2 * i] = r[i].start_byte - md->rec_base;
        run->ranges[2 * i + 1] = r[i].end_byte - md->rec_base;
    }
    run->n_bytes = total;
    for (uint32_t i = 0, off = 0; i < n; i++) {
        memcpy(run->bytes + off, md->src + r[i].start_byte, r[i].end_byte - r[i].start_byte);
        off += r[i].end_byte - r[i].start_byte;
    }
    memcpy(run->events, md->rec, md->n_rec * sizeof(MdEvent));
    run->n_events = md->n_rec;
    return run;
}

/* Applies steps ev[0..n) at base (the byte their offsets count from). */
static void md__replay(Md *md, MdText *t, const MdEvent *events, uint32_t n, uint32_t base) {
    for (uint32_t i = 0; i < n; i++) {
        const MdEvent *ev = &events[i];
        uint32_t a = ev->a + base, b = ev->b + base;
        switch ((MdEvKind)ev->kind) {
        case MD_EV_SOURCE:
            rls_plain_builder_source(&md->pb, md->src, a, b);
            break;
        case MD_EV_EMIT_SRC:
            rls_plain_builder_emit(&md->pb, md->src + ev->c + base, ev->d - ev->c, a, b);
            break;
        case MD_EV_EMIT:
            rls_plain_builder_emit(&md->pb, ev->bytes, ev->n, a, b);
            break;
        case MD_EV_BREAK:
            rls_plain_builder_break(&md->pb, a, b);
            break;
        case MD_EV_BOUND:
            md__bound(md, t);
            break;
        case MD_EV_ENTER:
            md__markup_enter(md, t, ev->n);
            break;
        case MD_EV_LEAVE:
            md__markup_leave(md, t, ev->n);
            break;
        case MD_EV_LINK:
            if (t->n_links < MD_MAX_LINKS) t->links[t->n_links++] = (RlsSpan){a, b};
            break;
        case MD_EV_IMAGE:
            rls_model_builder_layout(&md->mb, RLS_LAYOUT_IMAGE, (RlsSpan){a, b});
            break;
        case MD_EV_COMMENT:
            rls_model_builder_comment(&md->mb, (RlsSpan){a, b}, md->src + ev->c + base,
                                      ev->d - ev->c);
            break;
        }
    }
}

/* Adds the text of ranges r[0..n) (one inline run) to t. */
static void md__text_add(Md *md, MdText *t, const TSRange *r, uint32_t n) {
    if (n == 0) return;
    /* Two runs (paragraphs of one item, term and definition) are two words
     * apart; the space stands for the source between them. */
    if (rls_plain_builder_len(&md->pb) > 0 && t->span.end_byte < r[0].start_byte)
        rls_plain_builder_break(&md->pb, t->span.end_byte, r[0].start_byte);
    const MdRun *run = md__run(md, r, n);
    md__replay(md, t, run->events, run->n_events, r[0].start_byte);
    t->span.start_byte = RLS_MIN(t->span.start_byte, r[0].start_byte);
    t->span.end_byte = RLS_MAX(t->span.end_byte, r[n - 1].end_byte);
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t b = r[i].start_byte; b < r[i].end_byte; b++)
            if (md->src[b] == '\n' && b + 1 < r[n - 1].end_byte) t->n_lines++;
}

static void md__text_end(Md *md, MdText *t) {
    rls_plain_builder_finish(&md->pb, &t->plain);
    t->n_lines++;
    if (t->span.start_byte == UINT32_MAX) t->span = (RlsSpan){0, 0};
    t->span.end_byte = md__trim_end(md, t->span.start_byte, t->span.end_byte);
}

static void md__text_close(MdText *t) {
    rls_plain_free(&t->plain);
}

/* The entry-splitting view of a text: the plain text with " | " wherever
 * emphasis, code or an HTML tag began or ended, since a writer who bolds the
 * role and not the company has told us where the fields are. Owned. */
static char *md__field_string_range(const MdText *t, uint32_t from_plain, uint32_t to_plain) {
    /* Sized once: at most every bound adds its " | ". */
    size_t span = to_plain > from_plain ? to_plain - from_plain : 0;
    char *out = rls_malloc(span + 3 * (size_t)t->n_bounds + 1);
    size_t n = 0;
    uint32_t k = 0;
    for (uint32_t i = from_plain; i <= to_plain; i++) {
        while (k < t->n_bounds && t->bounds[k] < i)
            k++;
        while (k < t->n_bounds && t->bounds[k] == i) {
            memcpy(out + n, " | ", 3);
            n += 3;
            k++;
        }
        if (i < to_plain) out[n++] = t->plain.text[i];
    }
    out[n] = '\0';
    return out;
}

static char *md__field_string(const MdText *t) {
    return md__field_string_range(t, 0, t->plain.len);
}

/* Copies plain bytes [from_plain, to_plain) of p, with their source map,
 * into *out (owned; the model takes it or rls_plain_free frees it). */
static void md__plain_sub(Md *md, const RlsPlain *p, uint32_t from_plain, uint32_t to_plain,
                          RlsPlain *out) {
    while (from_plain < to_plain && p->text[from_plain] == ' ')
        from_plain++;
    while (to_plain > from_plain && p->text[to_plain - 1] == ' ')
        to_plain--;
    for (uint32_t i = from_plain; i < to_plain;) {
        uint32_t j = i + 1;
        while (j < to_plain && ((unsigned char)p->text[j] & 0xC0) == 0x80)
            j++;
        if (p->text[i] == ' ')
            rls_plain_builder_break(&md->pb, p->src_start[i], p->src_end[i]);
        else
            rls_plain_builder_emit(&md->pb, p->text + i, j - i, p->src_start[i], p->src_end[j - 1]);
        i = j;
    }
    rls_plain_builder_finish(&md->pb, out);
}

/* Links, images and inline HTML comments of one inline tree, recorded. */
static void md__collect(Md *md, TSTree *tree) {
    MdQuery *q = md__query(&md__inline_query, tree_sitter_markdown_inline(),
                           rls_data_markdown_inline_scm, rls_data_markdown_inline_scm_len);
    RlsCaptureCursor cur;
    rls_capture_cursor_init(&cur);
    rls_capture_cursor_exec(&cur, q->query, ts_tree_root_node(tree));
    RlsCapture cap;
    while (rls_capture_cursor_next(&cur, &cap)) {
        uint32_t s = ts_node_start_byte(cap.node), e = ts_node_end_byte(cap.node);
        MdCap role = cap.capture_id < MD_MAX_CAPTURES ? q->roles[cap.capture_id] : MD_CAP_UNKNOWN;
        if (role == MD_CAP_LINK || role == MD_CAP_AUTOLINK) {
            if (role == MD_CAP_AUTOLINK && e - s >= 2) s++, e--;
            md__rec(md, MD_EV_LINK, s, e);
        } else if (role == MD_CAP_IMAGE) {
            md__rec(md, MD_EV_IMAGE, s, e);
        } else if (role == MD_CAP_HTML && e - s >= 7 && !memcmp(md->src + s, "<!--", 4)) {
            uint32_t a = s + 4, b = e - 3;
            while (a < b && isspace((unsigned char)md->src[a]))
                a++;
            while (b > a && isspace((unsigned char)md->src[b - 1]))
                b--;
            md__rec(md, MD_EV_COMMENT, s, e);
            md->rec[md->n_rec - 1].c = a - md->rec_base;
            md->rec[md->n_rec - 1].d = b - md->rec_base;
        }
    }
    rls_capture_cursor_close(&cur);
}

/* ---- Entries ------------------------------------------------------------------ */

static bool md__lines_short(const Md *md, const MdText *t);

/* What t's Markdown says about its layout (entry_reader.h). */
static RlsLineLayout md__layout(const Md *md, const MdText *t) {
    bool starts_marked = t->n_bounds > 0 && t->bounds[0] == 0;
    return (RlsLineLayout){
        .n_lines = t->n_lines,
        .starts_marked = starts_marked,
        .marked_len = t->markup_len,
        .marked_end = starts_marked && t->n_bounds > 1 ? t->bounds[1] : 0,
        /* Asked of four lines only: the walk over the source is not free. */
        .lines_short = t->n_lines == 4 && md__lines_short(md, t),
    };
}

/* A line a reader takes for a role, school or project
 * (rls_entry_reader_looks_like_entry), with what its Markdown says about
 * its layout. */
static bool md__looks_like_entry(const Md *md, const MdText *t) {
    RlsLineLayout layout = md__layout(md, t);
    return rls_entry_reader_looks_like_entry(t->plain.text, t->plain.len, &layout);
}

/* Whether every source line of t is short (60 bytes at most): fields
 * stacked one a line, not a sentence wrapped. */
static bool md__lines_short(const Md *md, const MdText *t) {
    const RlsPlain *p = &t->plain;
    uint32_t line_start = 0;
    for (uint32_t i = 0; i <= p->len; i++) {
        if (i < p->len && !rls_md_breaks_line(md, p, i)) continue;
        if (i - line_start > 60) return false;
        line_start = i + 1;
    }
    return true;
}

/* The field string of an entry whose fields are stacked on short lines
 * ("**Staff Engineer**" / "Hooli, Palo Alto, CA" / "Jan 2016 – Dec 2017"):
 * each line break is a field boundary too. NULL when t is one line, or
 * its lines are long enough to be one line wrapped. Owned. */
static char *md__stacked_field_string(const Md *md, const MdText *t) {
    if (t->n_lines < 2 || !md__lines_short(md, t)) return NULL;
    const RlsPlain *p = &t->plain;
    RlsBuf b;
    rls_buf_init(&b);
    uint32_t k = 0;
    for (uint32_t i = 0; i <= p->len; i++) {
        while (k < t->n_bounds && t->bounds[k] == i) {
            rls_buf_puts(&b, " | ");
            k++;
        }
        if (i == p->len) break;
        if (rls_md_breaks_line(md, p, i))
            rls_buf_puts(&b, " | ");
        else
            rls_buf_putc(&b, p->text[i]);
    }
    return rls_buf_detach(&b);
}

static RlsEntry *md__entry_at(Md *md, int32_t index) {
    return &md->mb.model->entries[index];
}

/* True when the text of a link of t, written "[text](destination)", is
 * exactly `field` (spaces around it aside). */
static bool md__field_is_link_text(const Md *md, const MdText *t, const char *field) {
    size_t n = strlen(field);
    for (uint32_t i = 0; i < t->n_links; i++) {
        uint32_t d = t->links[i].start_byte;
        if (d < 3 || md->src[d - 1] != '(' || md->src[d - 2] != ']') continue;
        uint32_t close = d - 2, open = close;
        while (open > t->span.start_byte && md->src[open] != '[')
            open--;
        if (md->src[open] != '[') continue;
        uint32_t from = UINT32_MAX, to = 0;
        for (uint32_t k = 0; k < t->plain.len; k++) {
            if (t->plain.src_start[k] <= open || t->plain.src_start[k] >= close) continue;
            if (from == UINT32_MAX) from = k;
            to = k + 1;
        }
        while (from < to && t->plain.text[from] == ' ')
            from++;
        while (to > from && t->plain.text[to - 1] == ' ')
            to--;
        if (from != UINT32_MAX && to - from == n && !memcmp(t->plain.text + from, field, n))
            return true;
    }
    return false;
}

/* The title and organisation of an entry line t trade places when the
 * title is a link's whole text and the organisation is not
 * (rls_entry_reader_linked_org). */
static void md__linked_org(const Md *md, const MdText *t, RlsEntryFields *f) {
    if (!f->title || !f->org) return;
    rls_entry_reader_linked_org(md->kind, f, md__field_is_link_text(md, t, f->title),
                                md__field_is_link_text(md, t, f->org));
}

/* Makes an entry from a line, or, for a dated line right under an entry
 * heading ("**Jun 2021 – Present | Remote**"), completes that entry. */
/* Where an entry line's dates are in the source: the date text of the
 * field string fs located in the line's plain text, or `whole` when it is
 * not found there. */
static RlsSpan md__date_span(const MdText *t, const char *fs, const RlsEntryFields *f,
                             RlsSpan whole) {
    size_t dl = f->date_end_byte - f->date_start_byte;
    for (uint32_t i = 0; dl && i + dl <= t->plain.len; i++)
        if (!memcmp(t->plain.text + i, fs + f->date_start_byte, dl))
            return rls_plain_cover(&t->plain, i, i + (uint32_t)dl);
    return whole;
}

/* "Master Thesis in Mathematics, UOC, Barcelona" over "2018 - 2019", two
 * paragraphs: a line of dates alone names nothing, so the short line
 * right above it (read as prose, being undated and unmarked) names its
 * entry. Moves that paragraph's fields into *f and widens *span over it. */
static void md__name_above(Md *md, RlsEntryFields *f, RlsSpan *span) {
    const RlsParagraph *para = rls_entry_reader_name_line(md->mb.model, span->start_byte);
    if (!para) return;
    for (uint32_t b = para->span.end_byte; b < span->start_byte; b++)
        if (!strchr(" \t\r\n*_", md->src[b])) return;
    for (uint32_t b = para->span.start_byte; b < para->span.end_byte; b++)
        if (md->src[b] == '\n') return;
    rls_entry_reader_take_name_line(md->mb.model, md->parser->splits, md->kind, f, span);
}

static void md__entry_line(Md *md, const MdText *t, uint16_t level) {
    char *fs = md__stacked_field_string(md, t);
    if (!fs) fs = md__field_string(t);
    RlsEntryFields f;
    if (md->fresh_entry >= 0) {
        RlsEntry *e = md__entry_at(md, md->fresh_entry);
        rls_entry_fields_split_cached(md->parser->splits, fs, strlen(fs), md->kind, true, &f);
        /* A line opening in bold or italics is set out as the entry's
         * own line, however long the school's name ("**[Westphalian
         * University of Applied Sciences](...), Recklinghausen** | *2017 -
         * 2022*"). */
        bool set_apart = t->n_bounds > 0 && t->bounds[0] == 0 && t->n_lines <= 2;
        bool taken = rls_entry_reader_line_under(
            md->kind, e, &f, set_apart, md->fresh_entry_level != 0xFFFF,
            rls_plain_cover(&t->plain, 0, t->plain.len), t->span.end_byte);
        rls_entry_fields_close(&f);
        if (taken) {
            if (e->dates.valid) md->fresh_entry = -1;
            rls_free(fs);
            return;
        }
    }
    rls_entry_fields_split_cached(md->parser->splits, fs, strlen(fs), md->kind, false, &f);
    if (f.dates.valid) f.dates.span = md__date_span(t, fs, &f, t->span);
    RlsSpan span = t->span;
    if (f.dates.valid && !f.title && !f.org && !f.location) md__name_above(md, &f, &span);
    /* Another role under the employer's heading keeps the group; any other
     * entry line of its own ends the employer's roles. */
    bool in_group = md->group_entry >= 0 &&
                    rls_entry_reader_next_role_at(md__entry_at(md, md->group_entry), &f);
    rls_model_builder_entry(&md->mb, span, f.title, f.org, f.location,
                            f.dates.valid ? &f.dates : NULL);
    md->fresh_entry = (int32_t)md->mb.model->n_entries - 1;
    md->fresh_entry_level = level;
    if (!in_group) md->group_entry = -1;
    md->role_level = 0;
    rls_entry_fields_close(&f);
    rls_free(fs);
}

/* markdown-cv's entry layout: a line that is only a code span holds the
 * dates, and the line under it names the entry ("`2012`" over "President,
 * *Royal Society*, London, UK"). Finds such a first line in source
 * [start_byte, end_byte): returns the byte where it ends (its newline) and
 * sets [*code_start_byte, *code_end_byte) to the text inside the code
 * span, or returns 0. */
static uint32_t md__slot_line(const Md *md, uint32_t start_byte, uint32_t end_byte,
                              uint32_t *code_start_byte, uint32_t *code_end_byte) {
    uint32_t line_end_byte = start_byte;
    while (line_end_byte < end_byte && md->src[line_end_byte] != '\n')
        line_end_byte++;
    if (line_end_byte >= end_byte) return 0; /* nothing under it */
    uint32_t code_end = line_end_byte;
    while (code_end > start_byte && strchr(" \t\r", md->src[code_end - 1]))
        code_end--;
    uint32_t ticks = 0;
    while (start_byte + ticks < code_end && md->src[start_byte + ticks] == '`')
        ticks++;
    if (ticks == 0 || code_end - start_byte <= 2 * ticks) return 0;
    for (uint32_t i = 1; i <= ticks; i++)
        if (md->src[code_end - i] != '`') return 0;
    if (memchr(md->src + start_byte + ticks, '`', code_end - start_byte - 2 * ticks)) return 0;
    /* The dates inside the backticks: a fix that rewrites them keeps the
     * markup. */
    uint32_t inner_start = start_byte + ticks, inner_end = code_end - ticks;
    while (inner_start < inner_end && md->src[inner_start] == ' ')
        inner_start++;
    while (inner_end > inner_start && md->src[inner_end - 1] == ' ')
        inner_end--;
    *code_start_byte = inner_start;
    *code_end_byte = inner_end;
    return line_end_byte;
}

/* The dates of a text that starts with a date slot: fills *dates and
 * returns the plain offset where the entry's own text starts, or 0. */
static uint32_t md__date_slot(const Md *md, const MdText *t, RlsDateRange *dates) {
    uint32_t code_start_byte, code_end_byte;
    uint32_t line_end_byte =
        md__slot_line(md, t->span.start_byte, t->span.end_byte, &code_start_byte, &code_end_byte);
    if (!line_end_byte) return 0;
    uint32_t rest_plain = 0;
    while (rest_plain < t->plain.len && t->plain.src_start[rest_plain] < line_end_byte)
        rest_plain++;
    uint32_t dates_end_plain = rest_plain;
    while (dates_end_plain > 0 && t->plain.text[dates_end_plain - 1] == ' ')
        dates_end_plain--;
    if (dates_end_plain == 0 || rest_plain >= t->plain.len ||
        !rls_entry_reader_slot_dates(t->plain.text, dates_end_plain, dates))
        return 0;
    dates->span = (RlsSpan){code_start_byte, code_end_byte};
    return rest_plain;
}

/* Beside slot-dated entries, a slot that holds a short label instead of
 * dates ("`Side project`" over "__The City Clock__") still opens an entry,
 * undated: the layout sets the name on the line under the slot. Returns
 * the plain offset where the entry's own text starts, or 0. */
static uint32_t md__label_slot(const Md *md, const MdText *t, RlsDateRange *dates) {
    uint32_t code_start_byte, code_end_byte;
    if (!md->slot_layout || t->n_lines != 2) return 0;
    uint32_t line_end_byte =
        md__slot_line(md, t->span.start_byte, t->span.end_byte, &code_start_byte, &code_end_byte);
    if (!line_end_byte || !rls_entry_reader_slot_label(md->kind, md->src + code_start_byte,
                                                       code_end_byte - code_start_byte))
        return 0;
    uint32_t rest_plain = 0;
    while (rest_plain < t->plain.len && t->plain.src_start[rest_plain] < line_end_byte)
        rest_plain++;
    if (rest_plain == 0 || rest_plain >= t->plain.len) return 0;
    memset(dates, 0, sizeof(*dates));
    return rest_plain;
}

/* An entry under a date slot. In publications the line is a citation, one
 * title as a reader says it ("Newton Sir I, De analysi ..."): it has no
 * role or organisation to split out. */
/* The end (a plain offset) of the source line holding the first word at
 * or after plain offset from. */
static uint32_t md__plain_line_end(const Md *md, const RlsPlain *p, uint32_t from) {
    uint32_t i = from;
    while (i < p->len && p->text[i] == ' ')
        i++;
    if (i >= p->len) return p->len;
    uint32_t eol = p->src_start[i];
    while (eol < md->len && md->src[eol] != '\n')
        eol++;
    for (uint32_t k = i; k < p->len; k++)
        if (p->src_start[k] > eol) return k;
    return p->len;
}

static void md__slot_entry(Md *md, const MdText *t, uint32_t from_plain,
                           const RlsDateRange *dates) {
    RlsEntryFields f;
    memset(&f, 0, sizeof(f));
    if (md->kind == RLS_SECTION_PUBLICATIONS) {
        uint32_t start_plain = from_plain;
        while (start_plain < t->plain.len && t->plain.text[start_plain] == ' ')
            start_plain++;
        f.title = rls_strndup(t->plain.text + start_plain, t->plain.len - start_plain);
    }
    uint32_t line_end = t->plain.len;
    if (md->kind != RLS_SECTION_PUBLICATIONS) {
        /* "`2016 - 2016`" over "__Trainee, GroupM__" over what was done:
         * the line after the slot names the entry, the lines under it are
         * its prose. */
        line_end = md__plain_line_end(md, &t->plain, from_plain);
        /* Short lines under it still name it ("<br> __American Statistical
         * Association__, Alexandria, VA"); a sentence is prose. */
        while (line_end < t->plain.len) {
            uint32_t next = md__plain_line_end(md, &t->plain, line_end);
            if (!rls_entry_reader_slot_name_line(t->plain.text + line_end, next - line_end)) break;
            line_end = next;
        }
        char *fs = md__field_string_range(t, from_plain, line_end);
        rls_entry_fields_split_cached(md->parser->splits, fs, strlen(fs), md->kind, false, &f);
        rls_free(fs);
    }
    rls_model_builder_entry(&md->mb, t->span, f.title, f.org, f.location,
                            dates->valid ? dates : NULL);
    md->fresh_entry = (int32_t)md->mb.model->n_entries - 1;
    md->fresh_entry_level = 0xFFFF;
    md->slot_layout = true;
    rls_entry_fields_close(&f);
    if (line_end < t->plain.len) {
        RlsPlain rest;
        md__plain_sub(md, &t->plain, line_end, t->plain.len, &rest);
        if (rest.len)
            rls_model_builder_paragraph(
                &md->mb, (RlsSpan){rest.src_start[0], rest.src_end[rest.len - 1]}, &rest);
        else
            rls_plain_free(&rest);
    }
}

/* Beside slot-dated entries, an undated line of the same shape is an entry
 * too ("Associate, *French Academy of Science*, Paris, France" after a
 * dated award): one line naming a role and an organisation. */
static bool md__slot_sibling(Md *md, const MdText *t) {
    if (!md->slot_layout || t->n_lines > 1) return false;
    char *fs = md__field_string(t);
    bool entry = rls_entry_reader_slot_sibling(md->parser->splits, md->kind, t->plain.text,
                                               t->plain.len, fs, strlen(fs));
    rls_free(fs);
    return entry;
}

/* ---- Blocks -------------------------------------------------------------------- */

static void md__paragraph_text(Md *md, MdText *t) {
    RlsParagraph *p = rls_model_builder_paragraph(&md->mb, t->span, &t->plain);
    (void)p;
    md->fresh_entry = -1;
}

/* In the header, any text is the writer's name, title or contacts: a
 * paragraph, its contacts noted. Returns whether t was taken so. */
static bool md__header_text(Md *md, MdText *t) {
    if (md->kind != RLS_SECTION_HEADER) return false;
    rls_md_contacts(md, t, true);
    md__paragraph_text(md, t);
    return true;
}

/* Gives entry e the employer and place named by t when t is one short
 * undated line that reads as a name ("University of Bath, Bath, UK",
 * "Auth0 / Okta, Remote"), not a sentence or a label. Returns whether it
 * did. */
static bool md__employer_of(Md *md, RlsEntry *e, const MdText *t) {
    return t->n_lines <= 1 && rls_entry_reader_employer_line(md->kind, e, t->plain.text,
                                                             t->plain.len, t->span.end_byte);
}

/* "**Staff Engineer**" / "Auth0 / Okta, Remote" / "Sep 2021 - Present",
 * each a paragraph of its own: the name line right under a role (or a
 * dated line) with nothing else under it yet is that entry's employer, as
 * when the lines are stacked in one paragraph. */
static bool md__fresh_employer(Md *md, const MdText *t) {
    if (md->fresh_entry < 0 || !rls_entry_reader_section_has_entries(md->kind)) return false;
    RlsEntry *e = md__entry_at(md, md->fresh_entry);
    /* "Link: https://...", "Stack: Go": a labelled detail names no employer. */
    if (memchr(t->plain.text, ':', t->plain.len)) return false;
    return (rls_entry_reader_has_role(e) || e->dates.valid) && md__employer_of(md, e, t);
}

/* "## Zenni Optical (2023.06 ~ 2024.01)" over "数据科学家": the short line
 * right under an entry heading that names no role, when the line names
 * one and nothing else, is that entry's role, marked or not. */
static bool md__fresh_role(Md *md, const MdText *t) {
    if (md->fresh_entry < 0 || md->fresh_entry_level == 0xFFFF ||
        !rls_entry_reader_section_has_entries(md->kind) || t->n_lines > 1)
        return false;
    return rls_entry_reader_role_line(md->parser->splits, md->kind,
                                      md__entry_at(md, md->fresh_entry), t->plain.text,
                                      t->plain.len, t->span.end_byte);
}

/* A line that labels what follows ("Link: https://...", a detail of the
 * role above; an undated line naming nothing in a section of entries):
 * no entry of its own. */
static bool md__label_line(const Md *md, const MdText *t) {
    return rls_entry_reader_detail_label(md->mb.model, md->mb.current_entry, t->plain.text,
                                         t->plain.len) ||
           rls_entry_reader_unknown_label(md->parser->splits, md->kind, t->plain.text,
                                          t->plain.len);
}

/* Prose outside lists: header lines, skills lines, entry lines, or plain
 * paragraphs. Takes the text's plain (leaves t->plain empty or freed). */
static void md__prose(Md *md, MdText *t, bool allow_entry) {
    RlsDateRange slot_dates;
    uint32_t slot_from_plain;
    if (t->plain.len == 0) {
        md__text_close(t);
        return;
    }
    if (md->kind == RLS_SECTION_HEADER) {
        rls_md_contacts(md, t, true);
        md__paragraph_text(md, t);
    } else if (md->kind == RLS_SECTION_SKILLS) {
        rls_md_skills(md, t);
        md__text_close(t);
    } else if (allow_entry && rls_entry_reader_section_has_entries(md->kind) &&
               /* A line that is only dates in a code span opens an entry
                * however long the prose its paragraph runs on into. */
               ((slot_from_plain = md__date_slot(md, t, &slot_dates)) > 0 ||
                (t->n_lines <= 6 && (slot_from_plain = md__label_slot(md, t, &slot_dates)) > 0))) {
        md__slot_entry(md, t, slot_from_plain, &slot_dates);
        md__text_close(t);
    } else if (allow_entry && rls_entry_reader_section_has_entries(md->kind) &&
               /* A dated citation is no entry ("Hart, A.G. (2025) ..."). */
               (md->kind != RLS_SECTION_PUBLICATIONS || md->slot_layout) &&
               (md__looks_like_entry(md, t) || md__slot_sibling(md, t)) && !md__label_line(md, t)) {
        md__entry_line(md, t, 0xFFFF);
        md__text_close(t);
    } else if (allow_entry && (md__fresh_role(md, t) || md__fresh_employer(md, t))) {
        /* The entry stays fresh: its dates may follow on a line of their
         * own. */
        md__text_close(t);
    } else {
        /* Slot-dated entries keep their details in their own paragraph or
         * list: a paragraph of its own is a note on the section ("etc.
         * etc. etc." closing a list of papers). */
        if (md->slot_layout) rls_model_builder_end_entry(&md->mb);
        rls_md_contacts(md, t, false);
        md__paragraph_text(md, t);
    }
}

typedef struct {
    uint32_t start_byte, end_byte; /* content, after any ": " */
    bool def;
} MdLine;

/* Splits ranges into source lines (at "\n"). */
static uint32_t md__lines(const Md *md, const TSRange *r, uint32_t n, MdLine *out, uint32_t cap) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t s = r[i].start_byte;
        for (uint32_t b = s; b <= r[i].end_byte && k < cap; b++) {
            if (b < r[i].end_byte && md->src[b] != '\n') continue;
            if (b > s) out[k++] = (MdLine){s, b, false};
            s = b + 1;
        }
    }
    return k;
}

/* A definition list under a term, in a section of roles or schools: the
 * term and its leading short definitions are one entry ("12/2020-Present" /
 * ": **VMware**, _Solutions Architect_" / ": Houston, TX"), a trailing grade
 * of a definition a paragraph of it. Closes the texts it uses and returns
 * how many groups that is; the rest are prose. */
static uint32_t md__deflist_entry(Md *md, const MdLine *lines, const uint32_t *gstart,
                                  MdText *texts, uint32_t ng) {
    uint32_t k;
    const RlsPlain *tp = &texts[0].plain;
    RlsBuf b;
    rls_buf_init(&b);
    char *tf = md__field_string(&texts[0]);
    rls_buf_puts(&b, tf);
    rls_free(tf);
    RlsSpan span = texts[0].span;
    uint32_t honour_plain[64]; /* where a trailing grade starts per definition, or 0 */
    uint32_t prose_plain = 0;  /* where the last definition's prose lines start, or 0 */
    for (k = 1; k < ng && !prose_plain; k++) {
        const MdText *d = &texts[k];
        /* ":   **Ingeniería informática** - Universidad Rey Juan Carlos I"
         * over a line of prose continuing the definition: the first line
         * names the entry, the rest describes it. */
        RlsPlain first = d->plain;
        uint32_t first_end = d->plain.len ? md__plain_line_end(md, &d->plain, 0) : 0;
        bool starts_marked = d->n_bounds > 0 && d->bounds[0] == 0;
        if (first_end < d->plain.len &&
            rls_entry_reader_definition_prose(d->plain.text + first_end, d->plain.len - first_end,
                                              starts_marked)) {
            while (first_end > 0 && d->plain.text[first_end - 1] == ' ')
                first_end--;
            first.len = first_end;
        } else {
            first_end = d->plain.len;
        }
        if (!lines[gstart[k]].def || !rls_entry_reader_definition_field(
                                         tp->text, tp->len, first.text, first.len, starts_marked))
            break;
        honour_plain[k] = (uint32_t)rls_entry_reader_trailing_honour(first.text, first.len);
        char *df = md__field_string_range(d, 0, honour_plain[k] ? honour_plain[k] : first.len);
        rls_buf_printf(&b, " | %s", df);
        rls_free(df);
        /* An empty definition (": " at the end of the file) has an empty
         * span at 0: the entry never ends before it starts. */
        uint32_t end = honour_plain[k]            ? d->plain.src_start[honour_plain[k] - 1]
                       : first_end < d->plain.len ? d->plain.src_end[first_end - 1]
                                                  : d->span.end_byte;
        if (end > span.end_byte) span.end_byte = end;
        if (first_end < d->plain.len) prose_plain = first_end;
    }
    RlsEntryFields f;
    rls_entry_fields_split_cached(md->parser->splits, b.data, b.len, md->kind, false, &f);
    if (f.dates.valid) f.dates.span = texts[0].span;
    md->fresh_entry = -1;
    rls_model_builder_entry(&md->mb, span, f.title, f.org, f.location,
                            f.dates.valid ? &f.dates : NULL);
    rls_entry_fields_close(&f);
    rls_buf_close(&b);
    md__text_close(&texts[0]);
    for (uint32_t j = 1; j < k; j++) {
        /* "; Distinction": the grade is said of the entry, as prose. */
        if (honour_plain[j]) {
            RlsPlain grade;
            const RlsPlain *dp = &texts[j].plain;
            md__plain_sub(md, dp, honour_plain[j], dp->len, &grade);
            RlsSpan gspan = rls_plain_cover(dp, honour_plain[j], dp->len);
            rls_model_builder_paragraph(&md->mb, gspan, &grade);
        }
        const RlsPlain *dp = &texts[j].plain;
        if (j == k - 1 && prose_plain) {
            RlsPlain rest;
            md__plain_sub(md, dp, prose_plain, dp->len, &rest);
            if (rest.len)
                rls_model_builder_paragraph(&md->mb, rls_plain_cover(dp, prose_plain, dp->len),
                                            &rest);
            else
                rls_plain_free(&rest);
        }
        md__text_close(&texts[j]);
    }
    return k;
}

/* Pandoc definition lists ("Term\n:   definition") are not CommonMark: the
 * block grammar sees one paragraph. Lines starting with ':' split it into
 * a term and its definitions (each with its continuation lines). In a
 * skills section the term is a category; in sections of roles and schools
 * the term and its short definitions make an entry ("12/2020-Present" /
 * ": **VMware**, _Solutions Architect_" / ": Houston, TX"); longer
 * definitions are prose. Returns false when the paragraph has no ':' line. */
static bool md__deflist(Md *md, const TSRange *r, uint32_t n) {
    MdLine lines[64];
    uint32_t nl = md__lines(md, r, n, lines, RLS_ARRAY_LEN(lines));
    bool any = false;
    for (uint32_t i = 0; i < nl; i++) {
        uint32_t s = lines[i].start_byte;
        while (s < lines[i].end_byte && (md->src[s] == ' ' || md->src[s] == '\t'))
            s++;
        if (s + 1 < lines[i].end_byte && md->src[s] == ':' &&
            (md->src[s + 1] == ' ' || md->src[s + 1] == '\t')) {
            s++;
            while (s < lines[i].end_byte && (md->src[s] == ' ' || md->src[s] == '\t'))
                s++;
            lines[i].start_byte = s;
            lines[i].def = true;
            any = true;
        }
    }
    if (!any) return false;

    /* Groups: [start line, end line) each. A definition's continuation
     * line that opens with a label ("Dissertation: ...") starts a detail
     * of its own: pandoc runs it on, but a reader sees a new statement. */
    uint32_t gstart[64], gend[64], ng = 0;
    for (uint32_t g = 0; g < nl;) {
        uint32_t h = g + 1;
        while (h < nl && !lines[h].def &&
               !(lines[g].def &&
                 rls_entry_reader_label_prefix(md->src + lines[h].start_byte,
                                               lines[h].end_byte - lines[h].start_byte)))
            h++;
        gstart[ng] = g;
        gend[ng++] = h;
        g = h;
    }
    MdText texts[64];
    for (uint32_t k = 0; k < ng; k++) {
        TSRange gr[MD_MAX_RANGES];
        uint32_t c = md__clip(md, r, n, lines[gstart[k]].start_byte, lines[gend[k] - 1].end_byte,
                              gr, RLS_ARRAY_LEN(gr));
        md__text_begin(md, &texts[k]);
        md__text_add(md, &texts[k], gr, c);
        md__text_end(md, &texts[k]);
    }
    bool has_term = !lines[0].def;
    uint32_t k = 0;
    if (has_term && md->kind == RLS_SECTION_SKILLS) {
        char *saved = md->skill_category;
        md->skill_category = rls_strndup(texts[0].plain.text, texts[0].plain.len);
        for (k = 1; k < ng; k++)
            rls_md_skills(md, &texts[k]);
        rls_free(md->skill_category);
        md->skill_category = saved;
        for (k = 0; k < ng; k++)
            md__text_close(&texts[k]);
        return true;
    }
    if (has_term && rls_entry_reader_term_groups(md->kind)) {
        /* "**Cloud**" / ": AWS Solutions Architect. Expires March 2020.": a
         * group label over items that are entries of their own; it belongs
         * to none of the entries above it. */
        rls_model_builder_end_entry(&md->mb);
        md->fresh_entry = -1;
        md__prose(md, &texts[0], false);
        for (k = 1; k < ng; k++)
            md__prose(md, &texts[k], true);
        return true;
    }
    if (has_term && rls_entry_reader_section_has_entries(md->kind))
        k = md__deflist_entry(md, lines, gstart, texts, ng);
    else
        k = 0;
    for (; k < ng; k++)
        md__prose(md, &texts[k], false);
    return true;
}

/* The columns of a pandoc simple table's ruler ("-----   ------  ----"), the
 * line before [start]: writes the column starts (bytes from the line
 * start) and returns how many, or 0 when that line is no ruler. */
static uint32_t md__ruler_columns(const Md *md, uint32_t start, uint32_t *cols, uint32_t cap) {
    if (start == 0 || md->src[start - 1] != '\n') return 0;
    uint32_t end = start - 1, begin = end;
    while (begin > 0 && md->src[begin - 1] != '\n')
        begin--;
    if (end > begin && md->src[end - 1] == '\r') end--;
    uint32_t n = 0;
    for (uint32_t i = begin; i < end; i++) {
        char c = md->src[i];
        if (c != '-' && c != ' ') return 0;
        if (c == '-' && (i == begin || md->src[i - 1] == ' ') && n < cap) cols[n++] = i - begin;
    }
    /* "- - -" is a thematic break, not a ruler: columns are wide. */
    for (uint32_t c = 1; c < n; c++)
        if (cols[c] - cols[c - 1] < 4) return 0;
    return n >= 2 ? n : 0;
}

static int md__cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* A pandoc simple table under a dash ruler: the block grammar reads the
 * rows as one paragraph, but a reader sees one line per role ("**Two Sigma**
 * Systems Engineer 2/2014 - 1/2015"). Each row is read as a line of its own,
 * with a field boundary at every column of the ruler. */
static bool md__simple_table(Md *md, const TSRange *r, uint32_t n) {
    uint32_t cols[16];
    uint32_t nc = n ? md__ruler_columns(md, r[0].start_byte, cols, RLS_ARRAY_LEN(cols)) : 0;
    if (nc == 0) return false;
    MdLine lines[64];
    uint32_t nl = md__lines(md, r, n, lines, RLS_ARRAY_LEN(lines));
    rls_model_builder_layout(&md->mb, RLS_LAYOUT_TABLE,
                             (RlsSpan){r[0].start_byte, r[n - 1].end_byte});
    for (uint32_t i = 0; i < nl; i++) {
        TSRange lr[MD_MAX_RANGES];
        uint32_t k =
            md__clip(md, r, n, lines[i].start_byte, lines[i].end_byte, lr, RLS_ARRAY_LEN(lr));
        MdText t;
        md__text_begin(md, &t);
        md__text_add(md, &t, lr, k);
        md__text_end(md, &t);
        uint32_t line_start = lines[i].start_byte;
        while (line_start > 0 && md->src[line_start - 1] != '\n')
            line_start--;
        for (uint32_t c = 1; c < nc && t.n_bounds < MD_MAX_BOUNDS; c++) {
            uint32_t at = line_start + cols[c];
            for (uint32_t p = 0; p < t.plain.len; p++) {
                if (t.plain.src_start[p] >= at) {
                    t.bounds[t.n_bounds++] = p;
                    break;
                }
            }
        }
        qsort(t.bounds, t.n_bounds, sizeof(uint32_t), md__cmp_u32);
        uint32_t w = 0;
        for (uint32_t b = 0; b < t.n_bounds; b++)
            if (w == 0 || t.bounds[w - 1] != t.bounds[b]) t.bounds[w++] = t.bounds[b];
        t.n_bounds = w;
        md__prose(md, &t, true);
    }
    return true;
}

/* "**EXPERIENCE**" alone on a line: in a resume without headings for its
 * sections, a reader takes a short bold line with a section wording ATS
 * recognise for a heading. `node` is a paragraph. */
static bool md__bold_heading(const Md *md, TSNode node) {
    uint32_t s = ts_node_start_byte(node);
    uint32_t e = md__trim_end(md, s, ts_node_end_byte(node));
    if (e - s < 5 || e - s > 44 || memchr(md->src + s, '\n', e - s)) return false;
    const char *p = md->src + s;
    size_t n = e - s;
    bool stars = !memcmp(p, "**", 2) && !memcmp(p + n - 2, "**", 2);
    bool unders = !memcmp(p, "__", 2) && !memcmp(p + n - 2, "__", 2);
    if (!stars && !unders) return false;
    const char *inner = p + 2;
    size_t inner_n = n - 4;
    if (memchr(inner, '*', inner_n) || memchr(inner, '_', inner_n)) return false;
    uint32_t words = 1;
    for (size_t i = 0; i < inner_n; i++)
        if (inner[i] == ' ') words++;
    bool standard = false;
    return words <= 4 && rls_section_classify(inner, inner_n, &standard) != RLS_SECTION_OTHER &&
           standard;
}

/* Starts a section at a heading (or a bold heading line); takes t's text. */
static void md__section(Md *md, RlsSpan heading_span, MdText *t, uint16_t level) {
    RlsSection *sec = rls_model_builder_section(&md->mb, heading_span, &t->plain, level);
    md->kind = sec->kind;
    md->slot_layout = false;
    md->group_entry = -1;
    md->fresh_entry = -1;
    md->role_level = 0;
    rls_free(md->skill_category);
    md->skill_category = NULL;
    md__text_close(t);
}

/* "**Tutor** (2017–2021)" over "University of Bath, Bath, UK" over what
 * was done: the short undated line right under a dated entry line names
 * the employer and place that line lacks. Returns whether it did. */
static bool md__entry_detail(Md *md, const TSRange *r, uint32_t n, const MdLine *line) {
    int32_t ce = md->mb.current_entry;
    if (ce < 0) return false;
    RlsEntry *e = md__entry_at(md, ce);
    if (!e->dates.valid) return false;
    TSRange fr[MD_MAX_RANGES];
    uint32_t k = md__clip(md, r, n, line->start_byte, line->end_byte, fr, RLS_ARRAY_LEN(fr));
    MdText t;
    md__text_begin(md, &t);
    md__text_add(md, &t, fr, k);
    md__text_end(md, &t);
    bool taken = md__employer_of(md, e, &t);
    md__text_close(&t);
    return taken;
}

/* "**Mentor**, Code Club — 2018 – Present" over "Taught 30 kids to code."
 * with no blank line between: the first line, bold and dated, is an entry
 * and the rest its description. Returns false (nothing done) otherwise. */
static bool md__entry_then_prose(Md *md, const TSRange *r, uint32_t n, const MdText *whole) {
    RlsDateRange dr;
    bool starts_marked = whole->n_bounds > 0 && whole->bounds[0] == 0;
    if (!starts_marked || !rls_entry_reader_section_has_entries(md->kind) || whole->n_lines < 2 ||
        md__looks_like_entry(md, whole) || md__date_slot(md, whole, &dr))
        return false;
    MdLine lines[3];
    uint32_t n_lines = md__lines(md, r, n, lines, 3);
    if (n_lines < 2) return false;
    TSRange fr[MD_MAX_RANGES];
    uint32_t k = md__clip(md, r, n, lines[0].start_byte, lines[0].end_byte, fr, RLS_ARRAY_LEN(fr));
    MdText first;
    md__text_begin(md, &first);
    md__text_add(md, &first, fr, k);
    md__text_end(md, &first);
    size_t ds, de;
    bool entry = first.n_bounds > 0 && first.bounds[0] == 0 && md__looks_like_entry(md, &first) &&
                 rls_date_range_find(first.plain.text, first.plain.len, &dr, &ds, &de);
    if (!entry) {
        md__text_close(&first);
        return false;
    }
    md__entry_line(md, &first, 0xFFFF);
    md__text_close(&first);
    uint32_t rest_start = lines[1].start_byte;
    if (n_lines == 3 && md__entry_detail(md, r, n, &lines[1])) rest_start = lines[2].start_byte;
    k = md__clip(md, r, n, rest_start, r[n - 1].end_byte, fr, RLS_ARRAY_LEN(fr));
    MdText rest;
    md__text_begin(md, &rest);
    md__text_add(md, &rest, fr, k);
    md__text_end(md, &rest);
    md__prose(md, &rest, false);
    return true;
}

/* The text of line `line` of the paragraph ranges r[0..n). */
static void md__line_text(Md *md, const TSRange *r, uint32_t n, const MdLine *line, MdText *t) {
    TSRange fr[MD_MAX_RANGES];
    uint32_t k = md__clip(md, r, n, line->start_byte, line->end_byte, fr, RLS_ARRAY_LEN(fr));
    md__text_begin(md, t);
    md__text_add(md, t, fr, k);
    md__text_end(md, t);
}

/* "**IIM Bangalore** — MBA, 2014 – 2016" over "**Anna University** — B.E.,
 * 2010 – 2014" in one paragraph: where every line carries dates of its own
 * and reads as an entry line, each line is an entry, not the first one's
 * place. (Role, employer and dates stacked on lines of one paragraph carry
 * one date between them.) */
static bool md__dated_lines(Md *md, const TSRange *r, uint32_t n, const MdText *whole) {
    enum { MAX_LINES = 12 };
    bool roles = md->kind == RLS_SECTION_EXPERIENCE || md->kind == RLS_SECTION_EDUCATION ||
                 md->kind == RLS_SECTION_VOLUNTEERING;
    if (!roles || whole->n_lines < 2 || whole->n_lines > MAX_LINES) return false;
    MdLine lines[MAX_LINES];
    uint32_t n_lines = md__lines(md, r, n, lines, MAX_LINES);
    if (n_lines != whole->n_lines) return false;
    for (uint32_t i = 0; i < n_lines; i++) {
        MdText t;
        md__line_text(md, r, n, &lines[i], &t);
        RlsDateRange dr;
        size_t ds, de;
        const RlsPlain *p = &t.plain;
        /* A label over a fact ("Thesis: On Tides, 2015") is no entry, as
         * in every format; a role before a colon is one. */
        bool entry = t.n_lines == 1 && md__looks_like_entry(md, &t) &&
                     rls_date_range_find(p->text, p->len, &dr, &ds, &de) &&
                     !rls_line_reader_label_line(p->text, p->len);
        /* A line of dates alone continues a range the line above began
         * ("jun de 2021 -" over "abr de 2022"); an entry line names more. */
        bool names = entry && rls_entry_reader_names_beyond_dates(p->text, p->len, ds, de);
        md__text_close(&t);
        if (!names) return false;
    }
    for (uint32_t i = 0; i < n_lines; i++) {
        MdText t;
        md__line_text(md, r, n, &lines[i], &t);
        md__entry_line(md, &t, 0xFFFF);
        md__text_close(&t);
    }
    return true;
}

/* "👉 Built the API" lines in a paragraph: each line opening with a symbol
 * marker is a bullet, as a reader of the rendered page sees it, wherever
 * in the paragraph it is ("Clients : ..." over "👉 ..." lines); the
 * paragraph's other lines stay prose. Returns false (nothing done) when
 * no line of the paragraph has such a marker. */
static bool md__symbol_items(Md *md, const TSRange *r, uint32_t n) {
    if (!rls_entry_reader_section_has_entries(md->kind) || n == 0) return false;
    MdLine lines[64];
    uint32_t k = md__lines(md, r, n, lines, RLS_ARRAY_LEN(lines));
    if (k == 0 || k == RLS_ARRAY_LEN(lines)) return false;
    bool any = false;
    for (uint32_t i = 0; i < k && !any; i++)
        any = rls_entry_reader_symbol_marker(md->src + lines[i].start_byte,
                                             lines[i].end_byte - lines[i].start_byte) > 0;
    if (!any) return false;
    for (uint32_t i = 0; i < k; i++) {
        uint32_t ls = lines[i].start_byte, le = lines[i].end_byte;
        uint32_t marker = rls_entry_reader_symbol_marker(md->src + ls, le - ls);
        TSRange fr[MD_MAX_RANGES];
        uint32_t c = md__clip(md, r, n, ls + marker, le, fr, RLS_ARRAY_LEN(fr));
        MdText t;
        md__text_begin(md, &t);
        md__text_add(md, &t, fr, c);
        md__text_end(md, &t);
        if (!marker || t.plain.len == 0) {
            md__prose(md, &t, i == 0); /* a first line may name the entry */
            continue;
        }
        RlsSpan item_span = {ls, md__trim_end(md, ls, le)};
        rls_model_builder_item(&md->mb, t.span, item_span, &t.plain, 0);
        md__text_close(&t);
        md->fresh_entry = -1;
    }
    return true;
}

/* A paragraph's text t, from Markdown or HTML, with a list or a heading
 * right after it or not: a label, a page stamp, the entry a list belongs
 * to, or prose. Takes over t. */
static void md__paragraph_lines(Md *md, MdText *t, bool list_next, bool heading_next) {
    RlsLineLayout layout = md__layout(md, t);
    /* Under a fresh entry heading the bold line is its role ("### Initech"
     * over "*Staff Engineer*"), not a label. */
    if (heading_next && md->fresh_entry < 0 && rls_entry_reader_section_has_entries(md->kind) &&
        rls_entry_reader_bold_label(t->plain.text, t->plain.len, &layout)) {
        rls_model_builder_end_entry(&md->mb);
        md__paragraph_text(md, t);
        md__text_close(t);
        return;
    }
    /* With no list under it, a labelled date stamps the page. */
    if (!list_next && rls_entry_reader_section_has_entries(md->kind) &&
        (t->n_lines <= 1 && rls_entry_reader_labelled_date(t->plain.text, t->plain.len))) {
        md__paragraph_text(md, t);
        md__text_close(t);
        return;
    }
    if (list_next && rls_entry_reader_section_has_entries(md->kind) &&
        md->kind != RLS_SECTION_HEADER && !md__looks_like_entry(md, t) &&
        rls_entry_reader_names_a_list(t->plain.text, t->plain.len, &layout) &&
        !md__label_line(md, t)) {
        md__entry_line(md, t, 0xFFFF);
        md__text_close(t);
        return;
    }
    md__prose(md, t, true);
}

static void md__html_read(Md *md, uint32_t start_byte, uint32_t end_byte, const MdNext *after);

/* "<h3>Engineer</h3>" opening a line is an HTML block in CommonMark, but
 * the block grammar reads a tag name with a digit as a paragraph's inline
 * HTML: such a paragraph, read as HTML. r[0..n) are its ranges, whose
 * gaps must be indentation only. */
static bool md__html_paragraph(Md *md, const TSRange *r, uint32_t n, const MdNext *next) {
    if (n == 0 ||
        !rls_md_html_opens_block(md->src + r[0].start_byte, r[n - 1].end_byte - r[0].start_byte))
        return false;
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t b = r[i - 1].end_byte; b < r[i].start_byte; b++)
            if (!isspace((unsigned char)md->src[b])) return false;
    md__html_read(md, r[0].start_byte, r[n - 1].end_byte, next);
    return true;
}

/* `next` is the block after the paragraph, or NULL. */
static void md__paragraph(Md *md, TSNode node, const MdNext *next) {
    TSNode inl = ts_node_named_child(node, 0);
    if (ts_node_is_null(inl) || !md__is(inl, "inline")) return;
    TSRange r[MD_MAX_RANGES];
    uint32_t n = md__inline_ranges(md, inl, r, RLS_ARRAY_LEN(r));
    if (md__html_paragraph(md, r, n, next)) return;
    bool list_next = next && next->cap == MD_CAP_ITEM;
    bool heading_next = next && next->cap == MD_CAP_HEADING;
    if (md__simple_table(md, r, n)) return;
    if (md__deflist(md, r, n)) return;
    if (md__symbol_items(md, r, n)) return;
    MdText t;
    md__text_begin(md, &t);
    md__text_add(md, &t, r, n);
    md__text_end(md, &t);
    if (md->bold_sections && md__bold_heading(md, node)) {
        md__section(md, t.span, &t, md->section_level);
        return;
    }
    if (md__dated_lines(md, r, n, &t) || md__entry_then_prose(md, r, n, &t)) {
        md__text_close(&t);
        return;
    }
    md__paragraph_lines(md, &t, list_next, heading_next);
}

/* The first item under an entry that names its organisation but not the
 * role, when the item is a role or degree rather than a statement of work
 * ("__Royal Mint__, London" over "- Warden"; a school over "- B.S.
 * Computer Science"): a reader takes it for the entry's title. */
static bool md__item_is_role(Md *md, const MdText *t) {
    return md->fresh_entry >= 0 && t->n_lines <= 1 &&
           rls_entry_reader_role_item(md->parser->splits, md__entry_at(md, md->fresh_entry),
                                      t->plain.text, t->plain.len);
}

/* "- 佛罗里达大学" over "  - 电子与计算机工程硕士（2018.01 - 2019.12）": the
 * text of the item that list item `node` is nested in, when it is a short
 * undated name (a school or employer over its degrees or roles), or NULL.
 * Owned. */
static char *md__parent_name(Md *md, TSNode node) {
    TSNode list = ts_node_parent(node);
    TSNode item = ts_node_is_null(list) ? list : ts_node_parent(list);
    if (ts_node_is_null(item) || !md__is(item, "list_item")) return NULL;
    RlsKids kids;
    rls_kids_init_named(&kids, item);
    TSNode c, inl = {0};
    while (ts_node_is_null(inl) && rls_kids_next(&kids, &c))
        if (md__is(c, "paragraph")) inl = ts_node_named_child(c, 0);
    rls_kids_close(&kids);
    if (ts_node_is_null(inl) || !md__is(inl, "inline")) return NULL;
    TSRange r[MD_MAX_RANGES];
    uint32_t n = md__inline_ranges(md, inl, r, RLS_ARRAY_LEN(r));
    MdText t;
    md__text_begin(md, &t);
    md__text_add(md, &t, r, n);
    md__text_end(md, &t);
    const RlsPlain *p = &t.plain;
    char *name = NULL;
    if (rls_entry_reader_parent_name(p->text, p->len, t.n_lines))
        name = rls_strndup(p->text, p->len);
    md__text_close(&t);
    return name;
}

/* "- **Senior Engineer**, Acme Corp (2019 – 2021)": an entry written as a
 * list item, its bullets nested under it. A reader takes an item for an
 * entry when it opens in bold or italics and is dated or wholly marked,
 * and either has items under it or names a role and an organisation.
 * Unmarked, the item is an entry when its dates open or close it and the
 * rest names it in a few words, over items of its own ("2021-present: MCC
 * Berlin (Researcher)" over "- Duties included: ..."), or, in education,
 * when it names a degree and its school ("M.Sc. in Economics, University
 * of Nottingham, 2020"), the school maybe the item it is nested in. */
static bool md__items_all_dated(const Md *md, TSNode item);

/* md__items_all_dated, once per list: asked for each item of a long list
 * of dated posts, it would read the whole list again each time. */
static bool md__list_all_dated(Md *md, TSNode item) {
    uint32_t end = md->n_lists ? md->list_ends[md->n_lists - 1] : 0;
    if (end && end == md->dated_list_end && md->n_lists == md->dated_list_depth)
        return md->dated_list_all;
    bool all = md__items_all_dated(md, item);
    md->dated_list_end = end;
    md->dated_list_depth = md->n_lists;
    md->dated_list_all = all;
    return all;
}

/* `node` is the item's node, or null for an HTML item; has_list: a list
 * is nested in the item. */
static bool md__item_is_entry(Md *md, TSNode node, bool has_list, const MdText *t) {
    const RlsPlain *p = &t->plain;
    bool nested = !ts_node_is_null(node);
    RlsItemLayout layout = {
        .n_lines = t->n_lines,
        .marked = t->n_bounds > 0 && t->bounds[0] == 0 && md__looks_like_entry(md, t),
        .has_list = has_list,
        .nested = nested,
        .list_all_dated = nested && md__list_all_dated(md, node),
    };
    char *fs = md__field_string(t);
    RlsItemKind kind = rls_entry_reader_list_item(md->parser->splits, md->mb.model, md->kind,
                                                  p->text, p->len, fs, strlen(fs), &layout);
    rls_free(fs);
    if (kind != RLS_ITEM_ENTRY_IF_SCHOOL) return kind == RLS_ITEM_ENTRY;
    char *school = md__parent_name(md, node);
    rls_free(school);
    return school != NULL;
}

/* A list item's text t, from Markdown or HTML: a header line, skills, an
 * entry, the role of the entry above or a bullet. item_span is the whole
 * item; depth the lists around it; node its node (null for HTML). Takes
 * over t. */
static void md__item_text(Md *md, MdText *t, RlsSpan item_span, uint32_t depth, TSNode node,
                          bool has_list) {
    if (t->plain.len == 0) {
        md__text_close(t);
        return;
    }
    if (md__header_text(md, t)) return;
    if (md->kind == RLS_SECTION_SKILLS) {
        rls_md_skills(md, t);
        md__text_close(t);
        return;
    }
    if (item_span.start_byte >= md->entry_item_end_byte) md->entry_item_end_byte = 0;
    if (md->entry_item_end_byte == 0 && md__item_is_entry(md, node, has_list, t)) {
        md__entry_line(md, t, 0xFFFF);
        RlsEntry *e = md__entry_at(md, (int32_t)md->mb.model->n_entries - 1);
        if (!e->org && !ts_node_is_null(node)) e->org = md__parent_name(md, node);
        md__text_close(t);
        md->entry_item_end_byte = item_span.end_byte;
        md->entry_item_depth = depth;
        return;
    }
    /* The bullets of an entry written as an item start at depth 0. */
    if (md->entry_item_end_byte && depth > md->entry_item_depth) depth -= md->entry_item_depth;
    if (depth <= 1 && md__item_is_role(md, t)) {
        RlsEntry *e = md__entry_at(md, md->fresh_entry);
        e->title = rls_strndup(t->plain.text, t->plain.len);
        md__paragraph_text(md, t);
        return;
    }
    item_span.end_byte = md__trim_end(md, item_span.start_byte, item_span.end_byte);
    rls_model_builder_item(&md->mb, t->span, item_span, &t->plain,
                           (uint16_t)(depth > 0 ? depth - 1 : 0));
    md->fresh_entry = -1;
}

/* A bullet: the item's own paragraphs, without its nested lists (which are
 * bullets of their own, one level deeper). */
static void md__item(Md *md, TSNode node) {
    MdText t;
    md__text_begin(md, &t);
    RlsKids kids;
    rls_kids_init_named(&kids, node);
    TSNode c;
    bool has_list = false;
    while (rls_kids_next(&kids, &c)) {
        has_list = has_list || md__is(c, "list");
        if (!md__is(c, "paragraph")) continue;
        RLS_PUSH(md->item_paras, md->n_item_paras, md->cap_item_paras, ts_node_start_byte(c));
        TSNode inl = ts_node_named_child(c, 0);
        if (ts_node_is_null(inl) || !md__is(inl, "inline")) continue;
        TSRange r[MD_MAX_RANGES];
        uint32_t n = md__inline_ranges(md, inl, r, RLS_ARRAY_LEN(r));
        md__text_add(md, &t, r, n);
    }
    rls_kids_close(&kids);
    md__text_end(md, &t);
    md__item_text(md, &t, (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)}, md->n_lists,
                  node, has_list);
}

static void md__heading_text(Md *md, uint16_t level, RlsSpan hspan, const MdWords *w, MdText *t,
                             const MdNext *next);

/* The block an HTML block's block b is followed by, for the paths that
 * ask what comes next. */
static const MdNext *md__html_next(const MdHtmlBlock *b, MdNext *out) {
    static const MdCap caps[] = {
        [MD_HTML_NONE] = MD_CAP_HTML,       [MD_HTML_LINE] = MD_CAP_PARAGRAPH,
        [MD_HTML_HEADING] = MD_CAP_HEADING, [MD_HTML_ITEM] = MD_CAP_ITEM,
        [MD_HTML_ROW] = MD_CAP_TABLE,       [MD_HTML_HEAD_ROW] = MD_CAP_TABLE,
        [MD_HTML_TABLE] = MD_CAP_TABLE,
    };
    *out = (MdNext){caps[b->kind], b->level, b->span.start_byte, b->span.end_byte,
                    (TSNode){{0}, NULL, NULL}};
    return out;
}

/* Raw HTML blocks, read by md_html.c as the Markdown they render as: each
 * heading, line, list item or table row goes down its Markdown
 * counterpart's path; a table is layout, and its rows start afresh under
 * no entry above them, as a Markdown table's do. `after` is the block
 * after this one, or NULL. */
static void md__html_read(Md *md, uint32_t start_byte, uint32_t end_byte, const MdNext *after) {
    MdHtml h = {0};
    rls_md_html_read(&h, md->src, start_byte, end_byte);
    for (uint32_t i = 0; i < h.n_blocks; i++) {
        const MdHtmlBlock *b = &h.blocks[i];
        if (b->kind == MD_HTML_TABLE) {
            rls_model_builder_layout(&md->mb, RLS_LAYOUT_TABLE, b->span);
            if (rls_entry_reader_section_has_entries(md->kind)) {
                rls_model_builder_end_entry(&md->mb);
                md->fresh_entry = -1;
            }
            continue;
        }
        MdNext storage;
        const MdNext *next = i + 1 < h.n_blocks ? md__html_next(&h.blocks[i + 1], &storage) : after;
        MdText t;
        md__text_begin(md, &t);
        md__replay(md, &t, h.events + b->first_event, b->n_events, 0);
        rls_plain_builder_finish(&md->pb, &t.plain);
        const RlsPlain *p = &t.plain;
        t.span = p->len ? (RlsSpan){p->src_start[0], p->src_end[p->len - 1]} : b->span;
        t.n_lines = 1;
        for (uint32_t k = 0; k < p->len && b->kind != MD_HTML_ROW && b->kind != MD_HTML_HEAD_ROW;
             k++)
            t.n_lines += rls_md_breaks_line(md, p, k);
        RlsSpan span = {b->span.start_byte, md__trim_end(md, b->span.start_byte, b->span.end_byte)};
        if (b->kind == MD_HTML_HEADING) {
            MdWords w;
            w.len = RLS_MIN(p->len, sizeof(w.text) - 1);
            memcpy(w.text, p->text, w.len);
            w.text[w.len] = '\0';
            md__heading_text(md, b->level, span, &w, &t, next);
        } else if (b->kind == MD_HTML_ITEM) {
            md__item_text(md, &t, b->span, md->n_lists + b->level, (TSNode){{0}, NULL, NULL},
                          b->has_list);
        } else if (b->kind == MD_HTML_ROW || b->kind == MD_HTML_HEAD_ROW) {
            t.span = span;
            md__prose(md, &t, b->kind == MD_HTML_ROW);
        } else if (b->kind == MD_HTML_LINE) {
            md__paragraph_lines(md, &t, next && next->cap == MD_CAP_ITEM,
                                next && next->cap == MD_CAP_HEADING);
        } else {
            md__text_close(&t);
        }
    }
    rls_md_html_close(&h);
}

/* Tables: recorded as layout (ATS parsers often scramble them) and read row
 * by row, the cells' text in order. A row is a line of fields, so in a
 * section of roles a dated row is an entry ("| Initech | Developer | 2014 –
 * 2016 |"); the table starts afresh, under no entry above it. */
static void md__table(Md *md, TSNode node) {
    rls_model_builder_layout(
        &md->mb, RLS_LAYOUT_TABLE,
        (RlsSpan){ts_node_start_byte(node),
                  md__trim_end(md, ts_node_start_byte(node), ts_node_end_byte(node))});
    if (rls_entry_reader_section_has_entries(md->kind)) {
        rls_model_builder_end_entry(&md->mb);
        md->fresh_entry = -1;
    }
    RlsKids rows;
    rls_kids_init_named(&rows, node);
    TSNode row;
    while (rls_kids_next(&rows, &row)) {
        if (!md__is(row, "pipe_table_header") && !md__is(row, "pipe_table_row")) continue;
        MdText t;
        md__text_begin(md, &t);
        RlsKids cells;
        rls_kids_init_named(&cells, row);
        TSNode cell;
        for (uint32_t c = 0; rls_kids_next(&cells, &cell); c++) {
            if (!md__is(cell, "pipe_table_cell")) continue;
            TSRange r = md__range(md, ts_node_start_byte(cell), ts_node_end_byte(cell));
            if (c > 0) md__bound(md, &t);
            md__text_add(md, &t, &r, 1);
        }
        rls_kids_close(&cells);
        md__text_end(md, &t);
        md__prose(md, &t, md__is(row, "pipe_table_row"));
    }
    rls_kids_close(&rows);
}

/* An indented block in a resume is almost never code: it is the body of a
 * pandoc definition ("    * These items can also contain lists"). Its
 * lines are read as list items and prose. */
static void md__indented(Md *md, TSNode node) {
    TSRange r[MD_MAX_RANGES];
    uint32_t n = md__inline_ranges(md, node, r, RLS_ARRAY_LEN(r));
    MdLine lines[128];
    uint32_t nl = md__lines(md, r, n, lines, RLS_ARRAY_LEN(lines));
    uint32_t g = 0;
    while (g < nl) {
        uint32_t s = lines[g].start_byte;
        while (s < lines[g].end_byte && (md->src[s] == ' ' || md->src[s] == '\t'))
            s++;
        if (s == lines[g].end_byte) {
            g++;
            continue;
        }
        bool item = s + 1 < lines[g].end_byte && strchr("*-+", md->src[s]) && md->src[s + 1] == ' ';
        uint32_t item_start = s;
        if (item) s += 2;
        lines[g].start_byte = s;
        uint32_t h = g + 1;
        for (; h < nl; h++) {
            uint32_t q = lines[h].start_byte;
            while (q < lines[h].end_byte && (md->src[q] == ' ' || md->src[q] == '\t'))
                q++;
            if (q == lines[h].end_byte) break;
            if (q + 1 < lines[h].end_byte && strchr("*-+", md->src[q]) && md->src[q + 1] == ' ')
                break;
        }
        TSRange gr[MD_MAX_RANGES];
        uint32_t k =
            md__clip(md, r, n, lines[g].start_byte, lines[h - 1].end_byte, gr, RLS_ARRAY_LEN(gr));
        MdText t;
        md__text_begin(md, &t);
        md__text_add(md, &t, gr, k);
        md__text_end(md, &t);
        if (item && md->kind != RLS_SECTION_HEADER && md->kind != RLS_SECTION_SKILLS &&
            t.plain.len > 0) {
            RlsSpan item_span = {item_start, t.span.end_byte};
            rls_model_builder_item(&md->mb, t.span, item_span, &t.plain, 0);
            md->fresh_entry = -1;
        } else {
            md__prose(md, &t, false);
        }
        g = h;
    }
}

/* ---- Headings ------------------------------------------------------------------ */

static uint16_t md__heading_level(TSNode node) {
    uint16_t level = 0;
    RlsKids kids;
    rls_kids_init_named(&kids, node);
    TSNode c;
    while (!level && rls_kids_next(&kids, &c)) {
        const char *t = ts_node_type(c);
        if (!strncmp(t, "atx_h", 5) && t[5] >= '1' && t[5] <= '6') level = (uint16_t)(t[5] - '0');
        if (!strcmp(t, "setext_h1_underline")) level = 1;
        if (!strcmp(t, "setext_h2_underline")) level = 2;
    }
    rls_kids_close(&kids);
    return level ? level : 1;
}

static TSNode md__heading_inline(TSNode node) {
    TSNode found = {{0}, NULL, NULL};
    RlsKids kids;
    rls_kids_init_named(&kids, node);
    TSNode c;
    while (rls_kids_next(&kids, &c)) {
        if (md__is(c, "inline")) {
            found = c;
            break;
        }
        if (md__is(c, "paragraph")) {
            found = ts_node_named_child(c, 0);
            break;
        }
    }
    rls_kids_close(&kids);
    return found;
}

typedef struct {
    TSNode node;
    MdCap cap;
} MdCapture;

/* The words of a heading as a reader sees them, for classifying it: HTML
 * tags, images ("![photo](me.jpg)"), emphasis and link markup dropped.
 * Writes at most cap-1 bytes to out; returns the length. */
static size_t md__heading_words(const Md *md, TSNode inl, char *out, size_t cap) {
    size_t n = 0;
    if (ts_node_is_null(inl) || cap == 0) return 0;
    uint32_t s = ts_node_start_byte(inl), e = ts_node_end_byte(inl);
    for (uint32_t i = s; i < e && n + 1 < cap; i++) {
        char c = md->src[i];
        if (c == '<') { /* a tag: to its '>' */
            const char *gt = memchr(md->src + i, '>', e - i);
            if (gt) {
                i = (uint32_t)(gt - md->src);
                continue;
            }
        }
        if (c == '!' && i + 1 < e && md->src[i + 1] == '[') { /* an image: to its ')' */
            const char *close = memchr(md->src + i, ')', e - i);
            if (close) {
                i = (uint32_t)(close - md->src);
                continue;
            }
        }
        if (c == '{' && i + 1 < e && (md->src[i + 1] == '{' || md->src[i + 1] == '%')) {
            const char *close = memchr(md->src + i, '}', e - i); /* Liquid */
            if (close) {
                i = (uint32_t)(close - md->src);
                if (i + 1 < e && md->src[i + 1] == '}') i++;
                continue;
            }
        }
        if (strchr("*_`[]#", c)) continue;
        if (c == ' ' && (n == 0 || out[n - 1] == ' ')) continue;
        out[n++] = c;
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return n;
}

static void md__words_of(const Md *md, TSNode inl, MdWords *w) {
    w->len = md__heading_words(md, inl, w->text, sizeof(w->text));
}

/* Whether a heading has any word at all (a photo heading has none). */
static bool md__heading_has_words(const MdWords *w) {
    return rls_heading_reader_has_words(w->text, w->len);
}

static bool md__heading_section(const MdWords *w, bool standard) {
    return rls_heading_reader_names_section(w->text, w->len, standard);
}

static bool md__heading_is_section(const MdWords *w) {
    return md__heading_section(w, false);
}

/* The words of heading h (Markdown: md__heading_words; HTML: its text). */
static void md__head_words(const Md *md, const MdHead *h, MdWords *w) {
    if (!ts_node_is_null(h->inl)) {
        md__words_of(md, h->inl, w);
        return;
    }
    w->len = RLS_MIN(h->words_len, sizeof(w->text) - 1);
    if (w->len) memcpy(w->text, md->head_words.data + h->words_at, w->len);
    w->text[w->len] = '\0';
}

/* Whether heading h's source text (an HTML heading's words) is a section
 * wording. Sets *len to that text's length. */
static bool md__head_raw_section(const Md *md, const MdHead *h, uint32_t *len) {
    const char *p = h->words_len ? md->head_words.data + h->words_at : "";
    uint32_t n = h->words_len;
    if (!ts_node_is_null(h->inl)) {
        p = md->src + ts_node_start_byte(h->inl);
        n = ts_node_end_byte(h->inl) - ts_node_start_byte(h->inl);
    }
    *len = n;
    return rls_section_classify(p, n, NULL) != RLS_SECTION_OTHER;
}

/* Heading levels are relative: the section level is the one whose headings
 * are section words ("## Experience", "## Formation"), whatever its count
 * of '#'. Headings above it before the first section are the header (a
 * photo, a project title, the name). Returns false when no level has two
 * section headings or the plan already agrees. */
static bool md__plan_section_words(Md *md) {
    uint32_t known[7] = {0}, all[7] = {0};
    for (uint32_t i = 0; i < md->n_heads; i++) {
        uint16_t level = md->heads[i].level;
        all[level]++;
        MdWords w;
        md__head_words(md, &md->heads[i], &w);
        if (md__heading_is_section(&w)) known[level]++;
    }
    /* Most of the level's headings are section words: roles mixed in at
     * the same level ("## Tech Lead, Acme (2021 - 2023)") keep the plan. */
    uint16_t best = 0;
    for (uint16_t l = 1; l <= 6; l++)
        if (known[l] >= 2 && known[l] * 2 > all[l] && (best == 0 || known[l] > known[best]))
            best = l;
    /* The plan's level holds section words already: keep it (a role
     * wording like "IT Project Manager" can read as a section word). */
    if (best == 0 || best == md->section_level || known[md->section_level] >= 2) return false;
    md->section_level = best;
    md->has_name = false;
    for (uint32_t i = 0; i < md->n_heads; i++) {
        if (md->heads[i].level >= best) break;
        MdWords w;
        md__head_words(md, &md->heads[i], &w);
        if (!md__heading_has_words(&w) || md__heading_is_section(&w)) continue;
        md->has_name = true;
        md->name_start_byte = md->heads[i].start_byte;
        break;
    }
    md->header_above = true;
    return true;
}

/* Decides which heading level starts sections. The common shapes are an
 * H1 name over H2 sections over H3 roles, and H1 sections with H2 roles.
 * The first heading is the person's name when it is the only one at its
 * level (or the others there are known sections) and is not itself a
 * section wording. */
static void md__plan_levels(Md *md, const MdCapture *caps, uint32_t n) {
    uint32_t n_bold = 0;
    for (uint32_t i = 0; i < n; i++)
        if (caps[i].cap == MD_CAP_PARAGRAPH && md__bold_heading(md, caps[i].node)) n_bold++;
    uint16_t min_level = 7, rest_min = 7;
    uint32_t at_min = 0, known_at_min = 0, len;
    for (uint32_t i = 0; i < md->n_heads; i++) {
        const MdHead *h = &md->heads[i];
        if (h->level < min_level) min_level = h->level, at_min = 0, known_at_min = 0;
        if (h->level == min_level) {
            at_min++;
            if (i != 0 && h->has_text && md__head_raw_section(md, h, &len)) known_at_min++;
        }
    }
    md->section_level = min_level > 6 ? 1 : min_level;
    if (md->n_heads == 0) {
        md->bold_sections = n_bold > 0;
        return;
    }
    const MdHead *fh = &md->heads[0];
    if (!fh->has_text || fh->level != min_level) return;
    if (md__head_raw_section(md, fh, &len) || len > 80) return;
    if (at_min > 1 && known_at_min == 0) return;
    for (uint32_t i = 1; i < md->n_heads; i++)
        if (md->heads[i].level < rest_min) rest_min = md->heads[i].level;
    if (rest_min > 6) {
        /* A lone heading: the name over bold section lines, or a
         * one-section resume. */
        if (n_bold == 0) return;
        md->bold_sections = true;
        rest_min = fh->level;
    }
    md->has_name = true;
    md->name_start_byte = fh->start_byte;
    md->section_level = at_min > 1 ? min_level : rest_min;
}

/* An HTML block's headings, as the plan sees them: level, start and text
 * (a copy in md->head_words). No model is touched. */
static void md__html_heads(Md *md, uint32_t start_byte, uint32_t end_byte) {
    MdHtml h = {0};
    rls_md_html_read(&h, md->src, start_byte, end_byte);
    for (uint32_t i = 0; i < h.n_blocks; i++) {
        const MdHtmlBlock *b = &h.blocks[i];
        if (b->kind != MD_HTML_HEADING) continue;
        RlsPlain p;
        rls_md_html_plain(&h, b, md->src, &md->pb, &p);
        MdHead head = {
            b->level, b->span.start_byte, {{0}, NULL, NULL}, (uint32_t)md->head_words.len, p.len,
            true};
        rls_buf_append(&md->head_words, p.text, p.len);
        rls_plain_free(&p);
        RLS_PUSH(md->heads, md->n_heads, md->cap_heads, head);
    }
    rls_md_html_close(&h);
}

/* Every heading of the document in order, Markdown or HTML (an HTML block,
 * or a paragraph that md__html_paragraph reads as HTML). */
static void md__collect_heads(Md *md, const MdCapture *caps, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        TSNode node = caps[i].node;
        uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
        if (caps[i].cap == MD_CAP_HEADING) {
            TSNode inl = md__heading_inline(node);
            MdHead head = {md__heading_level(node), s, inl, 0, 0, !ts_node_is_null(inl)};
            RLS_PUSH(md->heads, md->n_heads, md->cap_heads, head);
        } else if (caps[i].cap == MD_CAP_HTML || (caps[i].cap == MD_CAP_PARAGRAPH &&
                                                  rls_md_html_opens_block(md->src + s, e - s))) {
            md__html_heads(md, s, e);
        }
    }
}

/* Whether a block is template code only ("{% for honor in honors %}",
 * "{{ page.title }}"): what it renders is not in the file. */
static bool md__template_only(const Md *md, uint32_t s, uint32_t e) {
    bool any = false;
    for (uint32_t i = s; i < e; i++) {
        if (md->src[i] == '{' && i + 1 < e && (md->src[i + 1] == '%' || md->src[i + 1] == '{')) {
            const char *close = memchr(md->src + i, '}', e - i);
            if (!close) return false;
            i = (uint32_t)(close - md->src);
            if (i + 1 < e && md->src[i + 1] == '}') i++;
            any = true;
        } else if (!isspace((unsigned char)md->src[i])) {
            return false;
        }
    }
    return any;
}

/* Whether every item of the list that `item` opens carries dates of its
 * own ("- Jane Roe, 2023--present.", "- Best paper (2019)"): a list of
 * dated records, each an entry or a line of its own. */
static bool md__items_all_dated(const Md *md, TSNode item) {
    TSNode list = ts_node_parent(item);
    if (ts_node_is_null(list) || !md__is(item, "list_item")) return false;
    RlsKids kids;
    rls_kids_init_named(&kids, list);
    TSNode c;
    uint32_t n_items = 0;
    bool all = true;
    while (all && rls_kids_next(&kids, &c)) {
        if (!md__is(c, "list_item")) continue;
        RlsKids parts;
        rls_kids_init_named(&parts, c);
        TSNode para = {0}, part;
        while (ts_node_is_null(para) && rls_kids_next(&parts, &part))
            if (md__is(part, "paragraph")) para = part;
        rls_kids_close(&parts);
        RlsDateRange dr;
        size_t ds, de;
        uint32_t s = ts_node_is_null(para) ? 0 : ts_node_start_byte(para);
        uint32_t e = ts_node_is_null(para) ? 0 : ts_node_end_byte(para);
        all = e > s && rls_date_range_find(md->src + s, e - s, &dr, &ds, &de);
        n_items++;
    }
    rls_kids_close(&kids);
    return all && n_items > 0;
}

/* The block after a heading (`next`, or NULL at the end), as
 * rls_heading_reader_group_label asks about it; a list's items are walked
 * only when `items` (the answer is read). */
static RlsNextBlock md__next_block(const Md *md, const MdNext *next, bool items) {
    RlsNextBlock b = {.kind = RLS_NEXT_NONE};
    if (!next) return b;
    switch (next->cap) {
    case MD_CAP_HEADING:
        b.kind = RLS_NEXT_HEADING;
        b.level = next->level;
        return b;
    case MD_CAP_ITEM:
        b.kind = RLS_NEXT_ITEM;
        b.items_all_dated =
            items && !ts_node_is_null(next->node) && md__items_all_dated(md, next->node);
        return b;
    case MD_CAP_PARAGRAPH:
    case MD_CAP_HTML:
        break;
    default:
        b.kind = RLS_NEXT_OTHER;
        return b;
    }
    uint32_t s = next->start_byte, e = next->end_byte;
    b.kind = next->cap == MD_CAP_PARAGRAPH ? RLS_NEXT_PARAGRAPH : RLS_NEXT_HTML;
    b.template_only = next->cap == MD_CAP_PARAGRAPH && md__template_only(md, s, e);
    uint32_t code_start_byte, code_end_byte;
    b.opens_slot = md__slot_line(md, s, e, &code_start_byte, &code_end_byte) != 0;
    b.opens_marked = md->src[s] == '*' || md->src[s] == '_';
    uint32_t line_end_byte = s;
    while (line_end_byte < e && md->src[line_end_byte] != '\n')
        line_end_byte++;
    RlsDateRange dr;
    size_t ds, de;
    b.first_line_dated = rls_date_range_find(md->src + s, line_end_byte - s, &dr, &ds, &de);
    return b;
}

/* A deeper heading that is a group label inside its section, not an
 * entry (rls_heading_reader_group_label). */
static bool md__group_label(const Md *md, const RlsEntryFields *f, const MdNext *next,
                            uint16_t level) {
    RlsNextBlock b = md__next_block(md, next, rls_heading_reader_reads_items(md->kind, f));
    return rls_heading_reader_group_label(md->kind, f, &b, level);
}

/* A heading deeper than the one that opened the current role, undated and
 * short, naming no role ("#### Responsibilities", "#### Stack", "####
 * Tecnologías"): a label inside the role. The items under it stay the
 * role's bullets. */
static bool md__role_label(const Md *md, const MdText *t, const RlsEntryFields *f, uint16_t level) {
    if (md->role_level == 0 || level <= md->role_level || f->dates.valid) return false;
    return rls_entry_reader_role_label(t->plain.text, t->plain.len);
}

/* "### Globex" right over "#### Engineer, Jun 2016 – May 2019": an undated
 * heading naming no role, over a deeper dated heading that names one, is
 * the employer of the roles under it, whatever the lexicons know of its
 * name; its entry becomes their group, which the first role completes. */
static void md__employer_over_role(Md *md, const RlsEntryFields *f, uint16_t level,
                                   int32_t was_fresh) {
    if (md->group_entry >= 0 || was_fresh < 0 || md->fresh_entry_level == 0xFFFF ||
        level <= md->fresh_entry_level ||
        !rls_entry_reader_employer_over_role(md__entry_at(md, was_fresh), f))
        return;
    md->group_entry = was_fresh;
    md->group_level = md->fresh_entry_level;
}

/* Whether entry `above` (md__heading_text's was_fresh) came from a line,
 * not a heading, is the model's last entry and stands right over the
 * heading at start_byte: only blanks and emphasis markers between, so no
 * text or bullet of its own. */
static bool md__dates_line_above(const Md *md, int32_t above, uint32_t start_byte) {
    if (above < 0 || md->fresh_entry_level != 0xFFFF ||
        above != (int32_t)md->mb.model->n_entries - 1)
        return false;
    const RlsEntry *e = &md->mb.model->entries[above];
    if (e->span.end_byte > start_byte) return false;
    for (uint32_t b = e->span.end_byte; b < start_byte; b++)
        if (!strchr(" \t\r\n*_", md->src[b])) return false;
    return true;
}

/* A heading below the section level in a section of entries: a label
 * inside a role or over a group of roles, the employer's entry completed by
 * its first role, the organisation and dates of the role above, or an entry
 * of its own. Takes over t (closed or read as a paragraph). */
static void md__heading_entry(Md *md, MdText *t, RlsSpan hspan, uint16_t level, int32_t was_fresh,
                              const MdNext *next) {
    char *fs = md__field_string(t);
    RlsEntryFields f;
    rls_entry_fields_split_cached(md->parser->splits, fs, strlen(fs), md->kind, false, &f);
    md__linked_org(md, t, &f);
    if (md__role_label(md, t, &f, level)) {
        rls_entry_fields_close(&f);
        rls_free(fs);
        md__paragraph_text(md, t);
        md__text_close(t);
        return;
    }
    if (md__group_label(md, &f, next, level)) {
        rls_entry_fields_close(&f);
        rls_free(fs);
        rls_model_builder_end_entry(&md->mb);
        md__paragraph_text(md, t);
        return;
    }
    if (f.dates.valid) f.dates.span = md__date_span(t, fs, &f, hspan);
    /* "### Acme Corp" over "#### Senior Engineer (2020 – Present)" and
     * "#### Engineer (2018 – 2020)": roles held at one employer. The
     * first completes the employer's entry; the others name it too. */
    if (md->group_entry >= 0 && level <= md->group_level) md->group_entry = -1;
    md__employer_over_role(md, &f, level, was_fresh);
    if (md->group_entry >= 0) {
        RlsEntry *g = md__entry_at(md, md->group_entry);
        if (was_fresh == md->group_entry && !g->title && !g->dates.valid && !f.org) {
            g->title = f.title ? rls_strdup(f.title) : NULL;
            if (f.dates.valid) g->dates = f.dates;
            if (!g->location && f.location) g->location = rls_strdup(f.location);
            g->span.end_byte = RLS_MAX(g->span.end_byte, hspan.end_byte);
            md->fresh_entry = md->group_entry;
            md->fresh_entry_level = level;
            md->role_level = level;
            rls_entry_fields_close(&f);
            rls_free(fs);
            md__text_close(t);
            return;
        }
        if (!f.org && g->org) f.org = rls_strdup(g->org);
    }
    /* "### Business Analyst" straight over "#### [Antadis] – *2022*": the
     * deeper heading names the role's organisation and dates, one cluster
     * with the heading above. */
    if (was_fresh >= 0 && md->fresh_entry_level != 0xFFFF && level > md->fresh_entry_level &&
        f.dates.valid) {
        RlsEntry *e = md__entry_at(md, was_fresh);
        bool names_role = f.title && rls_entry_field_is_role(f.title, strlen(f.title));
        /* "### Consultant technique senior - Web, mobile & e-commerce" over
         * "#### [Adfab] – *2015-2020*": the heading above split into a role
         * and a name, but the name is below; the whole heading is the
         * role. */
        if (e->title && e->org && !e->dates.valid && !names_role && rls_entry_reader_has_role(e) &&
            md->entry_heading && was_fresh == (int32_t)md->mb.model->n_entries - 1) {
            rls_free(e->title);
            rls_free(e->org);
            e->title = md->entry_heading;
            e->org = NULL;
            md->entry_heading = NULL;
        }
        if (e->title && !e->org && !e->dates.valid && !names_role) {
            e->org = rls_strdup(f.title ? f.title : f.org);
            if (!e->location && f.location) e->location = rls_strdup(f.location);
            e->dates = f.dates;
            e->span.end_byte = RLS_MAX(e->span.end_byte, hspan.end_byte);
            md->fresh_entry = was_fresh;
            rls_entry_fields_close(&f);
            rls_free(fs);
            md__text_close(t);
            return;
        }
    }
    if (md__dates_line_above(md, was_fresh, hspan.start_byte) &&
        rls_entry_reader_dates_above(md__entry_at(md, was_fresh), &f, hspan.end_byte)) {
        rls_free(md->entry_heading);
        md->entry_heading = rls_strndup(t->plain.text, t->plain.len);
        md->fresh_entry = was_fresh;
        md->fresh_entry_level = level;
        md->role_level = level;
        rls_entry_fields_close(&f);
        rls_free(fs);
        md__text_close(t);
        return;
    }
    rls_model_builder_entry(&md->mb, hspan, f.title, f.org, f.location,
                            f.dates.valid ? &f.dates : NULL);
    rls_free(md->entry_heading);
    md->entry_heading = rls_strndup(t->plain.text, t->plain.len);
    md->fresh_entry = (int32_t)md->mb.model->n_entries - 1;
    md->fresh_entry_level = level;
    md->role_level = level;
    if (md->group_entry < 0 && !f.title && f.org && !f.dates.valid) {
        md->group_entry = md->fresh_entry;
        md->group_level = level;
    }
    rls_entry_fields_close(&f);
    rls_free(fs);
    md__text_close(t);
}

/* "## Senior Software Engineer, Koombea, Medellin *(Jul 2024 - Present)*"
 * at the level of the sections, after a section: a dated heading naming a
 * role and its employer, and no section, is a role set without an
 * Experience heading, not a section of its own. */
static bool md__section_level_role(Md *md, const MdText *t, const MdWords *w) {
    if (md->mb.model->n_sections == 0 || md->kind == RLS_SECTION_HEADER ||
        md__heading_is_section(w))
        return false;
    char *fs = md__field_string(t);
    bool role = rls_entry_reader_role_at_org(md->parser->splits, RLS_SECTION_EXPERIENCE, fs,
                                             strlen(fs), true);
    rls_free(fs);
    return role;
}

/* A heading of `level` over source hspan, its text t and words w, from
 * Markdown or HTML: the name, a header line, a section or what
 * md__heading_entry makes of it. Takes over t. */
static void md__heading_text(Md *md, uint16_t level, RlsSpan hspan, const MdWords *w, MdText *t,
                             const MdNext *next) {
    uint32_t s = hspan.start_byte;
    int32_t was_fresh = md->fresh_entry;
    md->fresh_entry = -1;

    if (md->has_name && s == md->name_start_byte) {
        rls_md_contacts(md, t, true);
        RlsSection *sec = rls_model_builder_section(&md->mb, hspan, &t->plain, level);
        sec->kind = RLS_SECTION_HEADER;
        sec->standard_heading = true;
        md->kind = RLS_SECTION_HEADER;
        md__text_close(t);
        return;
    }
    if (level < md->section_level && md->header_above && md->kind == RLS_SECTION_HEADER &&
        !md__heading_is_section(w)) {
        if (!md__heading_has_words(w)) { /* a photo: nothing to read */
            md__text_close(t);
            return;
        }
        rls_md_contacts(md, t, true);
        md__paragraph_text(md, t);
        return;
    }
    if (level == md->section_level && md__section_level_role(md, t, w)) {
        /* What follows is read as roles, in the section above. */
        md->kind = RLS_SECTION_EXPERIENCE;
        md__heading_entry(md, t, hspan, level, was_fresh, next);
        return;
    }
    if (level <= md->section_level) {
        md__section(md, hspan, t, level);
        return;
    }
    /* "### <i class="fa fa-trophy"></i> Awards" at the level of the role
     * headings above it: a section set one level too deep, not a role that
     * would take what follows. Deeper than the role it stays a label. */
    bool deep_sibling = level == md->deep_section_level;
    if (((md->role_level && level <= md->role_level) || deep_sibling) &&
        (md__heading_section(w, true) ||
         (deep_sibling && rls_heading_reader_deep_sibling_section(w->text, w->len)))) {
        md->deep_section_level = level;
        md__section(md, hspan, t, level);
        return;
    }
    /* A deeper heading: a role/school/project, or a group of skills. */
    if (md->kind == RLS_SECTION_SKILLS) {
        rls_free(md->skill_category);
        md->skill_category = rls_strndup(t->plain.text, t->plain.len);
        md__text_close(t);
        return;
    }
    if (md__header_text(md, t)) return;
    md__heading_entry(md, t, hspan, level, was_fresh, next);
}

static void md__heading(Md *md, TSNode node, const MdNext *next) {
    TSNode inl = md__heading_inline(node);
    MdText t;
    md__text_begin(md, &t);
    if (!ts_node_is_null(inl)) {
        TSRange r[MD_MAX_RANGES];
        uint32_t n = md__inline_ranges(md, inl, r, RLS_ARRAY_LEN(r));
        md__text_add(md, &t, r, n);
    }
    md__text_end(md, &t);
    uint32_t s = ts_node_start_byte(node);
    MdWords w;
    md__words_of(md, inl, &w);
    md__heading_text(md, md__heading_level(node),
                     (RlsSpan){s, md__trim_end(md, s, ts_node_end_byte(node))}, &w, &t, next);
}

static bool md__error_cb(void *data, TSNode node) {
    Md *md = data;
    if (ts_node_is_missing(node) || md__is(node, "ERROR")) {
        rls_model_builder_error(&md->mb,
                                (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)});
        return false;
    }
    return true;
}

static void md__errors(Md *md, TSNode node) {
    rls_ts_visit_errors(node, md__error_cb, md);
}

/* The labels of the document's link reference definitions. A walked run
 * depends on them (a defined "[ref]" loses its brackets), so the run cache
 * is emptied when they change. */
static void md__collect_labels(Md *md, const MdCapture *caps, uint32_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (uint32_t i = 0; i < n; i++) {
        if (caps[i].cap != MD_CAP_SKIP || !md__is(caps[i].node, "link_reference_definition"))
            continue;
        RlsKids kids;
        rls_kids_init_named(&kids, caps[i].node);
        TSNode c;
        while (rls_kids_next(&kids, &c)) {
            if (!md__is(c, "link_label")) continue;
            char key[128];
            size_t len =
                md__label_key(md->src + ts_node_start_byte(c),
                              ts_node_end_byte(c) - ts_node_start_byte(c), key, sizeof(key));
            if (!len) continue;
            char *copy = rls_strndup(key, len);
            RLS_PUSH(md->labels, md->n_labels, md->cap_labels, copy);
            h = rls_hash_mix(h, key, len);
        }
        rls_kids_close(&kids);
    }
    RlsMdParser *p = md->parser;
    if (h != p->labels_hash) rls_cache_clear(&p->runs);
    p->labels_hash = h;
}

/* ---- Parser ------------------------------------------------------------------- */

RlsMdParser *rls_md_parser_new(void) {
    RlsMdParser *self = rls_calloc(1, sizeof(*self));
    self->block = ts_parser_new();
    self->inl = ts_parser_new();
    self->splits = rls_entry_split_cache_new();
    rls_cache_init(&self->runs, sizeof(MdRun), offsetof(MdRun, generation), 64, md__run_free);
    ts_parser_set_language(self->block, tree_sitter_markdown());
    ts_parser_set_language(self->inl, tree_sitter_markdown_inline());
    return self;
}

void rls_md_parser_delete(RlsMdParser *self) {
    if (!self) return;
    if (self->tree) ts_tree_delete(self->tree);
    rls_cache_close(&self->runs);
    rls_entry_split_cache_delete(self->splits);
    ts_parser_delete(self->block);
    ts_parser_delete(self->inl);
    rls_free(self);
}

void rls_md_parser_edit(RlsMdParser *self, const RlsByteEdit *edit) {
    if (!self->tree) return;
    /* Every byte replaced (a client's full-text change): tree-sitter can
     * reuse no node, and editing the old tree first walks all of it, so the
     * next parse starts afresh. The inline-run cache, keyed by content,
     * still serves the lines that came back. */
    if (edit->start_byte == 0 &&
        edit->old_end_byte >= ts_node_end_byte(ts_tree_root_node(self->tree))) {
        ts_tree_delete(self->tree);
        self->tree = NULL;
        return;
    }
    TSInputEdit e = rls_ts_input_edit(edit);
    ts_tree_edit(self->tree, &e);
}

void rls_md_queries_release(void) {
    memset(&md__block_query, 0, sizeof(md__block_query));
    memset(&md__inline_query, 0, sizeof(md__inline_query));
}

/* Every block capture of tree in document order (parents before children).
 * Returns owned; free with rls_free. */
static MdCapture *md__block_captures(TSTree *tree, uint32_t *n_caps) {
    MdQuery *q = md__query(&md__block_query, tree_sitter_markdown(), rls_data_markdown_scm,
                           rls_data_markdown_scm_len);
    MdCapture *caps = NULL;
    *n_caps = 0;
    size_t cap_caps = 0;
    RlsCaptureCursor cur;
    rls_capture_cursor_init(&cur);
    rls_capture_cursor_exec(&cur, q->query, ts_tree_root_node(tree));
    RlsCapture c;
    while (rls_capture_cursor_next(&cur, &c)) {
        MdCapture mc = {c.node,
                        c.capture_id < MD_MAX_CAPTURES ? q->roles[c.capture_id] : MD_CAP_UNKNOWN};
        RLS_PUSH(caps, *n_caps, cap_caps, mc);
    }
    rls_capture_cursor_close(&cur);
    return caps;
}

/* The block after capture i (the first capture past its end), in *out;
 * NULL when there is none. */
static const MdNext *md__next_of(const MdCapture *caps, uint32_t n_caps, uint32_t i, MdNext *out) {
    uint32_t e = ts_node_end_byte(caps[i].node);
    for (uint32_t j = i + 1; j < n_caps; j++) {
        TSNode node = caps[j].node;
        if (caps[j].cap == MD_CAP_LIST || ts_node_start_byte(node) < e) continue;
        *out = (MdNext){caps[j].cap, 0, ts_node_start_byte(node), ts_node_end_byte(node), node};
        if (caps[j].cap == MD_CAP_HEADING) out->level = md__heading_level(node);
        return out;
    }
    return NULL;
}

/* Reads the captures into the model, in order: a capture inside one
 * already read whole (a heading, an HTML block, a table) is skipped. */
static void md__read_captures(Md *md, const MdCapture *caps, uint32_t n_caps) {
    uint32_t consumed_end = 0;
    for (uint32_t i = 0; i < n_caps; i++) {
        TSNode node = caps[i].node;
        uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
        while (md->n_lists && md->list_ends[md->n_lists - 1] <= s)
            md->n_lists--;
        if (caps[i].cap == MD_CAP_LIST) {
            RLS_PUSH(md->list_ends, md->n_lists, md->cap_lists, e);
            continue;
        }
        if (s < consumed_end && e <= consumed_end) continue;
        switch (caps[i].cap) {
        case MD_CAP_HEADING: {
            MdNext next;
            md__heading(md, node, md__next_of(caps, n_caps, i, &next));
            consumed_end = e;
            break;
        }
        case MD_CAP_PARAGRAPH: {
            /* An item's own paragraphs were read with it (a setext
             * heading's paragraph is inside consumed_end). */
            while (md->next_item_para < md->n_item_paras && md->item_paras[md->next_item_para] < s)
                md->next_item_para++;
            if (md->next_item_para < md->n_item_paras && md->item_paras[md->next_item_para] == s) {
                md->next_item_para++;
                break;
            }
            MdNext next;
            md__paragraph(md, node, md__next_of(caps, n_caps, i, &next));
            break;
        }
        case MD_CAP_ITEM:
            md__item(md, node);
            break;
        case MD_CAP_HTML: {
            MdNext next;
            md__html_read(md, s, e, md__next_of(caps, n_caps, i, &next));
            consumed_end = e;
            break;
        }
        case MD_CAP_TABLE:
            md__table(md, node);
            consumed_end = e;
            break;
        case MD_CAP_INDENTED:
            md__indented(md, node);
            consumed_end = e;
            break;
        case MD_CAP_SKIP:
            consumed_end = e;
            break;
        case MD_CAP_ERROR:
        default:
            break;
        }
    }
}

/* Frees what one parse kept while reading (not the model). */
static void md__close(Md *md) {
    rls_free(md->line_starts);
    rls_free(md->skill_category);
    rls_free(md->entry_heading);
    rls_free(md->rec);
    rls_free(md->list_ends);
    rls_free(md->item_paras);
    rls_free(md->heads);
    rls_buf_close(&md->head_words);
    md__run_free(&md->once);
    for (uint32_t i = 0; i < md->n_labels; i++)
        rls_free(md->labels[i]);
    rls_free(md->labels);
    rls_plain_builder_close(&md->pb);
}

/* Drops cached inline runs of text that is gone, and entry splits no
 * longer used, after a parse. */
static void md__sweep(RlsMdParser *self) {
    /* Runs of text that is gone pile up one per keystroke; drop them once
     * they outnumber the live ones. */
    rls_cache_sweep(&self->runs);
    rls_entry_split_cache_sweep(self->splits);
}

RlsResume *rls_md_parser_parse(RlsMdParser *self, const char *src, uint32_t len,
                               const RlsParseOptions *opts, RlsParseBudget *budget) {
    (void)opts;
    Md md = {.src = src,
             .len = len,
             .parser = self,
             .fresh_entry = -1,
             .group_entry = -1,
             .budget = budget};
    rls_cache_begin(&self->runs);
    rls_model_builder_init(&md.mb, RLS_FORMAT_MARKDOWN, len);
    rls_plain_builder_init(&md.pb);
    rls_buf_init(&md.head_words);

    TSTree *tree = rls_parse_budgeted(budget, self->block, self->tree, src, len);
    if (self->tree) ts_tree_delete(self->tree);
    self->tree = tree;
    if (!tree) {
        budget->gave_up = RLS_PARSE_SLOW;
        rls_plain_builder_close(&md.pb);
        return rls_model_builder_finish(&md.mb);
    }

    md.line_starts = rls_line_starts(src, len, false, &md.n_lines);

    uint32_t n_caps = 0;
    MdCapture *caps = md__block_captures(tree, &n_caps);
    md__collect_labels(&md, caps, n_caps);
    md.kind = RLS_SECTION_HEADER;
    md__collect_heads(&md, caps, n_caps);
    md__plan_levels(&md, caps, n_caps);
    md__plan_section_words(&md);
    md__read_captures(&md, caps, n_caps);
    md__errors(&md, ts_tree_root_node(tree));
    rls_free(caps);
    md__close(&md);
    md__sweep(self);
    RlsResume *model = rls_model_builder_finish(&md.mb);
    rls_reader_settle_order(model, src, len);
    return model;
}
