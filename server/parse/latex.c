/*
 * latex.c - LaTeX resumes to the model (formats.h), with tree-sitter.
 *
 * The query grammars/queries/latex-structure.scm yields the structural nodes
 * in document order; each capture is classified (by node kind, and for
 * macros by the template tables in tex_templates.c) and fed to the model
 * builder. Text comes from tex_unescape.c, which walks one node at a time.
 *
 * Captures nest (an \item holds text holds \textbf...). A stack of "consumed"
 * ranges keeps the walk linear and every byte of text used once: a range is
 * hard (nothing inside matters: \vspace{..}, \newcommand bodies) or soft
 * (its text was taken by a bullet/heading/paragraph, but structure inside
 * it, such as a nested list or a contact macro, is still visited).
 */
#include <pthread.h>
#include <ctype.h>
#include <string.h>

#include "model/line_reader.h"
#include "model/piece_reader.h"
#include "model/skill_reader.h"
#include "model/lines.h"
#include "model/reader.h"
#include "rls/dates.h"
#include "parse/captures.h"
#include "parse/formats.h"
#include "parse/tex_expand.h"
#include "parse/tex_internal.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/fieldtype.h"

extern const unsigned char rls_data_latex_structure_scm[];
extern const size_t rls_data_latex_structure_scm_len;

/* ---- The query, compiled once per process ---------------------------------- */

typedef enum {
    CAP_SECTION,
    CAP_COMMAND,
    CAP_ENV,
    CAP_ITEM,
    CAP_TEXT,
    CAP_MATH,
    CAP_LINK,
    CAP_COMMENT,
    CAP_IMAGE,
    CAP_MACRO,
    CAP_ERROR,
    CAP_SKIP,
    CAP_UNKNOWN,
} TexCapture;

static const char *const tex__capture_names[] = {
    "section", "command", "env",   "item",  "text",  "math",
    "link",    "comment", "image", "macro", "error", "skip",
};

static pthread_mutex_t tex__query_lock = PTHREAD_MUTEX_INITIALIZER;
static RlsCaptureQuery tex__query_storage;
static RlsCaptureQuery *tex__query;
static uint8_t tex__capture_kind[32];

static RlsCaptureQuery *tex__get_query(void) {
    pthread_mutex_lock(&tex__query_lock);
    if (!tex__query) {
        /* The query is part of the program: a broken one is a build bug. */
        rls_capture_query_init_embedded(&tex__query_storage, tree_sitter_latex(),
                                        rls_data_latex_structure_scm,
                                        rls_data_latex_structure_scm_len, "latex-structure.scm");
        tex__query = &tex__query_storage;
        uint32_t n = rls_capture_query_capture_count(tex__query);
        for (uint32_t i = 0; i < n && i < RLS_ARRAY_LEN(tex__capture_kind); i++) {
            const char *name = rls_capture_query_capture_name(tex__query, i);
            tex__capture_kind[i] = CAP_UNKNOWN;
            for (size_t k = 0; k < RLS_ARRAY_LEN(tex__capture_names); k++)
                if (!strcmp(name, tex__capture_names[k])) tex__capture_kind[i] = (uint8_t)k;
        }
    }
    RlsCaptureQuery *q = tex__query;
    pthread_mutex_unlock(&tex__query_lock);
    return q;
}

void rls_tex_queries_release(void) {
    pthread_mutex_lock(&tex__query_lock);
    tex__query = NULL;
    pthread_mutex_unlock(&tex__query_lock);
}

/* ---- The parser object ---------------------------------------------------------- */

struct RlsTexParser {
    TSParser *ts;
    TSTree *tree; /* the last tree, reused by the next parse */
    RlsCaptureCursor cursor;
};

RlsTexParser *rls_tex_parser_new(void) {
    RlsTexParser *self = rls_calloc(1, sizeof(*self));
    self->ts = ts_parser_new();
    ts_parser_set_language(self->ts, tree_sitter_latex());
    rls_capture_cursor_init(&self->cursor);
    return self;
}

void rls_tex_parser_delete(RlsTexParser *self) {
    if (!self) return;
    if (self->tree) ts_tree_delete(self->tree);
    rls_capture_cursor_close(&self->cursor);
    ts_parser_delete(self->ts);
    rls_free(self);
}

void rls_tex_parser_edit(RlsTexParser *self, const RlsByteEdit *edit) {
    if (!self->tree) return;
    TSInputEdit e = rls_ts_input_edit(edit);
    ts_tree_edit(self->tree, &e);
}

/* ---- Walk state ---------------------------------------------------------------- */

typedef struct {
    uint32_t start, end;
    bool hard;
    bool obey_lines; /* an environment that sets each source line apart */
} TexRange;

typedef struct {
    const char *src;
    uint32_t len;
    RlsModelBuilder mb;
    RlsLineReader lines; /* what lines of plain text mean: model/line_reader.h */
    RlsTexMacros macros;
    /* Loose text accumulates here and becomes paragraphs (or skills). */
    RlsPlainBuilder para;
    RlsTexText para_text;
    TexRange *ranges;
    size_t n_ranges, cap_ranges;
    TexRange *done; /* structural nodes already handled from inside running text */
    size_t n_done, cap_done, done_head;
    TexRange last_stream; /* the capture being handled */
    uint32_t own_end;     /* end of the last macro with its detached arguments */
    uint32_t *items;      /* end bytes of the open \item nodes (bullet depth) */
    size_t n_items, cap_items;
    uint32_t body_start, body_end; /* inside \begin{document}, or the whole file */
    RlsSectionKind top_kind;       /* of the current level-1 section */
    TexRange *envs;                /* open environments, innermost last */
    size_t n_envs, cap_envs;
    char *skill_cat; /* owned: the label line ("Familiar:") over the skills lines after it */
    bool stopped;
    uint32_t n_sibling_walks;     /* tex__args */
    int32_t macro_entry;          /* the last entry a template macro made, or -1 */
    const char *macro_entry_name; /* that macro's name (its table row's) */
    const char *row_name;         /* into src: the unknown macro that last opened a line */
    size_t row_len;
    uint32_t n_macro_sections; /* sections made by \\section or a heading macro */
    bool line_section;         /* the section being made comes from a line (tex__line_heading) */
} TexWalk;

/* Macros whose detached optional arguments are looked for (tex__args). */
#define TEX_MAX_SIBLING_WALKS 512u

static bool tex__eq(const char *s, size_t len, const char *lit) {
    return strlen(lit) == len && memcmp(s, lit, len) == 0;
}

static void tex__push_range(TexWalk *w, uint32_t start, uint32_t end, bool hard) {
    if (end <= start) return;
    TexRange r = {start, end, hard, false};
    RLS_PUSH(w->ranges, w->n_ranges, w->cap_ranges, r);
}

static void tex__push_node(TexWalk *w, TSNode n, bool hard) {
    tex__push_range(w, ts_node_start_byte(n), ts_node_end_byte(n), hard);
}

/* 0: free; 1: inside a soft range; 2: inside a hard range. */
static int tex__consumed(TexWalk *w, uint32_t start, uint32_t end) {
    while (w->n_ranges && w->ranges[w->n_ranges - 1].end <= start)
        w->n_ranges--;
    for (size_t i = w->n_ranges; i-- > 0;) {
        const TexRange *r = &w->ranges[i];
        if (r->start <= start && end <= r->end) return r->hard ? 2 : 1;
    }
    return 0;
}

static uint16_t tex__item_depth(TexWalk *w, uint32_t start) {
    while (w->n_items && w->items[w->n_items - 1] <= start)
        w->n_items--;
    return (uint16_t)w->n_items;
}

/* ---- Text helpers ------------------------------------------------------------ */

static void tex__walk_into(TexWalk *w, RlsPlainBuilder *pb, TSNode node) {
    RlsTexText t;
    rls_tex_text_init(&t, w->src, w->len, pb, &w->macros);
    rls_tex_text_node(&t, node);
}

/* A node's plain text with its source map, into *out (owned). */
static void tex__node_plain(TexWalk *w, TSNode node, RlsPlain *out) {
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    tex__walk_into(w, &pb, node);
    rls_plain_builder_finish(&pb, out);
    rls_plain_builder_close(&pb);
}

/* Returns the owned plain text of a node (trimmed, folded). */
static char *tex__node_string(TexWalk *w, TSNode node) {
    RlsPlain p;
    tex__node_plain(w, node, &p);
    char *text = p.text;
    rls_free(p.src_start);
    rls_free(p.src_end);
    return text;
}

static RlsSpan tex__plain_span(const RlsPlain *p) {
    if (p->len == 0) return (RlsSpan){0, 0};
    uint32_t s = p->src_start[0], e = p->src_end[0];
    for (uint32_t i = 0; i < p->len; i++) {
        if (p->src_start[i] < s) s = p->src_start[i];
        if (p->src_end[i] > e) e = p->src_end[i];
    }
    return (RlsSpan){s, e};
}

static bool tex__is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Dates from a node's text, the span narrowed to the range itself (the
 * argument may hold spaces, newlines or more than the dates). False when
 * the node has no text. */
static bool tex__dates_node(TexWalk *w, TSNode node, RlsDateRange *out) {
    memset(out, 0, sizeof(*out));
    RlsPlain p;
    tex__node_plain(w, node, &p);
    bool any = p.len > 0;
    size_t from, to;
    if (any && rls_date_range_find(p.text, p.len, out, &from, &to)) {
        out->valid = true;
        out->span = rls_plain_cover(&p, (uint32_t)from, (uint32_t)to);
    } else if (any) {
        out->span = tex__plain_span(&p);
    }
    rls_plain_free(&p);
    return any;
}

/* ---- Paragraphs and contacts ------------------------------------------------- */

/* Adds a contact unless one already covers an overlapping span (an \\href
 * to mailto: and its label text are one contact). */
static void tex__add_contact(TexWalk *w, RlsContactKind kind, RlsSpan span, const char *text,
                             size_t len) {
    for (uint32_t k = 0; k < w->mb.model->n_contacts; k++) {
        RlsSpan o = w->mb.model->contacts[k].span;
        if (o.start_byte < span.end_byte && span.start_byte < o.end_byte) return;
    }
    rls_model_builder_contact(&w->mb, kind, span, text, len);
}

/* Email and phone numbers written as text in the header. */
/* The header's emails and phones written as text, by the one contact
 * scanner Markdown uses too (model/lines.h): emails also spelled out,
 * phones that are no dates. Links come from \href and \url, whose target
 * the text may shorten. */
static void tex__scan_contacts(TexWalk *w, const RlsPlain *p) {
    RlsContactHit hits[16];
    size_t n = rls_contacts_scan(p->text, p->len, hits, RLS_ARRAY_LEN(hits));
    for (size_t i = 0; i < n; i++) {
        if (hits[i].kind == RLS_CONTACT_LINK) continue;
        uint32_t s = (uint32_t)hits[i].start_byte, e = (uint32_t)hits[i].end_byte;
        tex__add_contact(w, hits[i].kind, rls_plain_cover(p, s, e), p->text + s, e - s);
    }
}

/* Length of a separator glyph left between macros that became contacts or
 * icons ("\\email{..} \\textperiodcentered\\ \\phone{..}"), 0 if none. */
static uint32_t tex__residue(const char *t, uint32_t n) {
    static const char *const seps[] = {" ", "|", "·", "•", "⋅", "∙"};
    for (size_t k = 0; k < RLS_ARRAY_LEN(seps); k++) {
        uint32_t l = (uint32_t)strlen(seps[k]);
        if (l <= n && !memcmp(t, seps[k], l)) return l;
    }
    return 0;
}

/* Strips separators from both ends of a line: what they separated is
 * elsewhere in the model, and a line of nothing but them is no text. */
static void tex__trim_residue(RlsPlain *p) {
    uint32_t a = 0, b = p->len;
    for (uint32_t l; a < b && (l = tex__residue(p->text + a, b - a)) > 0;)
        a += l;
    for (bool more = true; more && b > a;) {
        more = false;
        for (uint32_t l = 1; l <= 3 && l <= b - a; l++) {
            if (tex__residue(p->text + b - l, l) == l) {
                b -= l;
                more = true;
                break;
            }
        }
    }
    if (a == 0 && b == p->len) return;
    memmove(p->text, p->text + a, b - a);
    memmove(p->src_start, p->src_start + a, (b - a) * sizeof(uint32_t));
    memmove(p->src_end, p->src_end + a, (b - a) * sizeof(uint32_t));
    p->len = b - a;
    p->text[p->len] = '\0';
}

/* Whether the source between two words, src[a, b), separates cells: a
 * table's column break ("Acme & Engineer") or the boundary of two
 * arguments of one macro or environment ("{Engineer}{Acme}"). */
static bool tex__cell_gap(const char *src, uint32_t a, uint32_t b, void *data) {
    (void)data;
    for (uint32_t j = a; j < b; j++) {
        if (src[j] == '&' && (j == 0 || src[j - 1] != '\\')) return true;
        /* "\\textbf{School} \\hfill City": the rule pushes the rest to the
         * right margin, a column of its own. */
        if (src[j] == '\\' && b - j >= 6 && !memcmp(src + j + 1, "hfill", 5)) return true;
        if ((src[j] != '}' && src[j] != ']') || (j > 0 && src[j - 1] == '\\')) continue;
        /* Optional arguments are arguments too ("{2013.09}%\n [2019.09]"). */
        uint32_t k = j + 1;
        while (k < b && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r' ||
                         src[k] == '%')) {
            if (src[k] == '%')
                while (k + 1 < b && src[k + 1] != '\n')
                    k++;
            k++;
        }
        if (k < b && (src[k] == '{' || src[k] == '[')) return true;
    }
    return false;
}

static void tex__section(TexWalk *w, RlsPlain *heading, RlsSpan span, uint16_t level);

/* A document that makes its headings with its own formatting
 * ("\\newcommand{\\header}[1]{\\textsc{#1} \\hrulefill}", a bold line)
 * rather than \\section: a short line of its own whose whole text is a
 * section wording in any supported language ("Опыт работы", "Education")
 * heads a section, as long as the document has made no section with a
 * sectioning macro. Takes *p when it does. */
static bool tex__line_heading(TexWalk *w, RlsPlain *p) {
    if (w->n_macro_sections || p->len == 0 || p->len > 48) return false;
    for (uint32_t i = 0; i < p->len; i++)
        if (strchr("0123456789:@|.,;", p->text[i])) return false;
    RlsSectionKind kind = rls_section_classify(p->text, p->len, NULL);
    if (kind == RLS_SECTION_OTHER || kind == RLS_SECTION_HEADER) return false;
    /* "{\bfseries Have Experience With}" over a list in the skills is a
     * sub-heading of the section it sits in, not an experience section. */
    if (rls_section_is_lead_in(p->text, p->len)) return false;
    w->line_section = true;
    tex__section(w, p, tex__plain_span(p), 1);
    w->line_section = false;
    return true;
}

/* Whether a line opens with a bullet glyph ("\\ritem{..}" defined as
 * "\\\\& \\textbullet\\ #1"): an item drawn by hand in a table's cell. */
static bool tex__glyph_item(const RlsPlain *p) {
    static const char *const glyphs[] = {"•", "◦", "▪", "▸", "‣", "∙"};
    uint32_t a = 0;
    while (a < p->len && p->text[a] == ' ')
        a++;
    for (size_t k = 0; k < RLS_ARRAY_LEN(glyphs); k++) {
        size_t l = strlen(glyphs[k]);
        if (p->len - a > l && !memcmp(p->text + a, glyphs[k], l)) return true;
    }
    return false;
}

static void tex__emit_line(TexWalk *w, RlsPlain *p, bool allow_skills) {
    bool glyph_item = tex__glyph_item(p);
    tex__trim_residue(p);
    if (p->len == 0) {
        rls_plain_free(p);
        return;
    }
    if (tex__line_heading(w, p)) return;
    if (glyph_item && w->mb.current_entry >= 0 &&
        rls_line_reader_section_has_roles(w->lines.kind)) {
        RlsSpan span = tex__plain_span(p);
        rls_model_builder_item(&w->mb, span, span, p, 0);
        return;
    }
    if (rls_line_reader_dated_line(&w->lines, p)) return;
    if (allow_skills && w->lines.kind == RLS_SECTION_SKILLS) {
        size_t n;
        if (rls_skill_reader_label(p->text, p->len, &n)) {
            rls_free(w->skill_cat);
            w->skill_cat = rls_strndup(p->text, n);
        } else {
            rls_skill_reader_line(&w->mb, p, w->skill_cat);
        }
        rls_plain_free(p);
        return;
    }
    if (w->lines.kind == RLS_SECTION_HEADER || w->mb.model->n_sections == 0)
        tex__scan_contacts(w, p);
    rls_model_builder_paragraph(&w->mb, tex__plain_span(p), p);
}

static void tex__flush_para(TexWalk *w) {
    RlsPlain p;
    rls_plain_builder_finish(&w->para, &p);
    tex__emit_line(w, &p, true);
}

static void tex__on_para_line(void *ud, uint32_t start, uint32_t end) {
    (void)start;
    (void)end;
    tex__flush_para((TexWalk *)ud);
}

/* Loose text: appended to the current paragraph. */
static void tex__loose(TexWalk *w, TSNode node) {
    rls_tex_text_node(&w->para_text, node);
    tex__push_node(w, node, false);
}

/* ---- Sections -------------------------------------------------------------------- */

static void tex__section(TexWalk *w, RlsPlain *heading, RlsSpan span, uint16_t level) {
    if (!w->line_section) {
        tex__flush_para(w);
        w->n_macro_sections++;
    }
    rls_line_reader_section_end(&w->lines);
    rls_free(w->skill_cat);
    w->skill_cat = NULL;
    RlsSection *s = rls_model_builder_section(&w->mb, span, heading, level);
    if (level <= 1) {
        w->top_kind = s->kind;
    } else if (s->kind == RLS_SECTION_OTHER && w->top_kind != RLS_SECTION_HEADER) {
        /* "Experience > Vocational": a sub-heading inherits what its section is. */
        s->kind = w->top_kind;
    }
    w->lines.kind = s->kind;
}

/* Deedy's education: "\\subsection{School} \\descript{Degree} \\location{Dec
 * 2014 | Ithaca, NY}" is an entry, as \\runsubsection is, not a section. A
 * sub-heading reads as an entry when its body opens with a title amendment,
 * or with a location amendment that holds a date. */
static bool tex__heading_is_entry(TexWalk *w, TSNode node, TSNode text) {
    uint32_t after = ts_node_end_byte(text);
    bool entry = false;
    RlsKids kids;
    rls_kids_init_named(&kids, node);
    TSNode c;
    while (rls_kids_next(&kids, &c)) {
        if (ts_node_start_byte(c) < after) continue;
        const char *type = ts_node_type(c);
        if (!strcmp(type, "line_comment") || !strcmp(type, "block_comment")) continue;
        if (strcmp(type, "generic_command") != 0) break;
        size_t len;
        const char *name = rls_tex_command_name(w->src, c, &len);
        TSNode args[2];
        unsigned n = rls_tex_curly_args(c, args, 2);
        RlsTexMacro m;
        if (n && !rls_tex_macros_lookup(&w->macros, name, len, n, &m) &&
            rls_line_reader_section_has_roles(w->lines.kind)) {
            /* A macro of unknown meaning whose first argument is the dates
             * (moderncv's "\\cvline{seit 9.2020}{Employer ...}" under the
             * role's sub-heading) makes the heading a role in a section of
             * roles, whatever the macro is called. */
            char *t = tex__node_string(w, args[0]);
            entry = rls_date_text_looks_dated(t, strlen(t));
            rls_free(t);
            break;
        }
        if (!n || !rls_tex_macros_lookup(&w->macros, name, len, n, &m) || m.role != RLS_TEX_AMEND)
            break;
        if (m.title_arg) {
            entry = true;
            break;
        }
        char *t = tex__node_string(w, args[0]);
        entry = rls_date_text_looks_dated(t, strlen(t));
        rls_free(t);
        break;
    }
    rls_kids_close(&kids);
    return entry;
}

static void tex__section_node(TexWalk *w, TSNode node) {
    const char *type = ts_node_type(node);
    uint16_t level = 1;
    if (!strcmp(type, "subsection"))
        level = 2;
    else if (!strcmp(type, "subsubsection"))
        level = 3;
    else if (!strcmp(type, "paragraph"))
        level = 4;
    else if (!strcmp(type, "subparagraph"))
        level = 5;
    TSNode text = ts_node_child_by_field_name(node, "text", 4);
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    uint32_t hs = ts_node_start_byte(node), he = hs;
    if (!ts_node_is_null(text)) {
        tex__walk_into(w, &pb, text);
        he = ts_node_end_byte(text);
        tex__push_node(w, text, false);
    }
    RlsPlain heading;
    rls_plain_builder_finish(&pb, &heading);
    rls_plain_builder_close(&pb);
    size_t ds, de;
    RlsDateRange dates;
    if (level >= 2 && heading.len &&
        rls_date_range_find(heading.text, heading.len, &dates, &ds, &de)) {
        /* "\\subsection*{Acme \\hfill 2016 -- 2019}": an entry, not a section. */
        tex__flush_para(w);
        if (rls_line_reader_dated_line(&w->lines, &heading)) return;
    }
    if (level >= 2 && heading.len && tex__heading_is_entry(w, node, text)) {
        tex__flush_para(w);
        /* The heading is the role or the employer: its content says which. */
        bool role = rls_piece_reader_lone_role(heading.text, heading.len, w->lines.kind);
        rls_model_builder_entry(&w->mb, (RlsSpan){hs, he}, role ? heading.text : NULL,
                                role ? NULL : heading.text, NULL, NULL);
        rls_plain_free(&heading);
        return;
    }
    tex__section(w, &heading, (RlsSpan){hs, he}, level);
}

/* ---- Macros ------------------------------------------------------------------------ */

static TSNode tex__arg(TSNode *args, unsigned n, unsigned k) {
    if (k == 0 || k > n) return (TSNode){0};
    return args[k - 1];
}

static RlsSpan tex__inner_span(TSNode group) {
    uint32_t s = ts_node_start_byte(group), e = ts_node_end_byte(group);
    if (e - s >= 2) return (RlsSpan){s + 1, e - 1};
    return (RlsSpan){s, e};
}

static char *tex__arg_string(TexWalk *w, TSNode *args, unsigned n, unsigned k) {
    TSNode a = tex__arg(args, n, k);
    if (ts_node_is_null(a)) return NULL;
    char *s = tex__node_string(w, a);
    if (s[0] == '\0') {
        rls_free(s);
        return NULL;
    }
    return s;
}

static char *tex__str(char **strs, unsigned k) {
    return k >= 1 && k <= 16 ? strs[k - 1] : NULL;
}

/* "\\resumeSubheading{Project}{2023}{Role}{Place}" followed by
 * "\\resumeSubSubheading{What it achieved.}{}": a call of another entry
 * macro with no dates and no organisation, under a dated entry a macro
 * made, is a line of that entry, not an entry. Returns true when taken. */
static bool tex__sub_line(TexWalk *w, TSNode node, const RlsTexMacro *m, TSNode *args, unsigned n) {
    int32_t ce = w->mb.current_entry;
    if (ce < 0 || ce != w->macro_entry || !w->macro_entry_name || !m->name || !m->title_arg ||
        !strcmp(w->macro_entry_name, m->name) || !w->mb.model->entries[ce].dates.valid)
        return false;
    TSNode a = tex__arg(args, n, m->title_arg);
    if (ts_node_is_null(a)) return false;
    RlsPlain p;
    tex__node_plain(w, a, &p);
    /* "\\resumeSubSubheading{Thesis: On Tides}{May 2020}": a dated line
     * that opens with a label and names no role or degree is a fact about
     * the entry, not an entry of its own nor a statement of work. */
    char *dates = m->dates_arg ? tex__arg_string(w, args, n, m->dates_arg) : NULL;
    char *org = m->org_arg ? tex__arg_string(w, args, n, m->org_arg) : NULL;
    bool labelled = dates && rls_line_reader_label_line(p.text, p.len);
    if (org || (dates && !labelled)) p.len = 0;
    rls_free(dates);
    rls_free(org);
    if (!p.len) {
        rls_plain_free(&p);
        return false;
    }
    if (labelled)
        rls_model_builder_paragraph(&w->mb, tex__plain_span(&p), &p);
    else
        rls_model_builder_item(&w->mb, tex__inner_span(a),
                               (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)}, &p,
                               tex__item_depth(w, ts_node_start_byte(node)));
    for (unsigned k = 1; k <= n; k++)
        tex__push_node(w, args[k - 1], true);
    tex__push_node(w, node, false);
    return true;
}

/* The organisation an argument shows as a logo only
 * ("\\includegraphics{img/thales-logo.png} (92230)"): the name its
 * image's file gives (rls_piece_reader_logo_name), or NULL. */
static char *tex__logo_name(const TexWalk *w, TSNode arg, const char *text) {
    if (ts_node_is_null(arg)) return NULL;
    for (const char *c = text; c && *c; c++)
        if (isalpha((unsigned char)*c)) return NULL; /* it says a name itself */
    uint32_t a = ts_node_start_byte(arg), b = ts_node_end_byte(arg);
    static const char cmd[] = "\\includegraphics";
    const char *hit = NULL;
    for (uint32_t i = a; i + sizeof(cmd) - 1 <= b && !hit; i++)
        if (!memcmp(w->src + i, cmd, sizeof(cmd) - 1)) hit = w->src + i;
    if (!hit) return NULL;
    const char *open = memchr(hit, '{', (size_t)(w->src + b - hit));
    const char *close = open ? memchr(open, '}', (size_t)(w->src + b - open)) : NULL;
    if (!close) return NULL;
    return rls_piece_reader_logo_name(open + 1, (size_t)(close - open - 1));
}

/* A template's row as the piece reader's layout (piece_reader.h). */
static void tex__entry_layout(const RlsTexMacro *m, RlsPieceLayout *out) {
    out->declared =
        (RlsPieceSlots){m->title_arg, m->org_arg, m->location_arg, m->dates_arg, m->note_arg};
    out->dates_end = m->dates_end_arg;
    out->body = m->body_arg;
    out->skills = m->skills_arg;
    out->trust = (m->flags & RLS_TEX_F_SWAP_EDU) ? RLS_PIECES_TWO_EDU
                 : (m->flags & RLS_TEX_F_GUESS)  ? RLS_PIECES_UNKNOWN
                                                 : RLS_PIECES_CHECKED;
}

/* The text of a body argument of one source line and no list, which may
 * be a missing field rather than text; NULL for any other body. */
static char *tex__entry_body_line(TexWalk *w, const RlsTexMacro *m, TSNode *args, unsigned n) {
    TSNode b = tex__arg(args, n, m->body_arg);
    bool one_line = !ts_node_is_null(b);
    for (uint32_t i = one_line ? ts_node_start_byte(b) : 0; one_line && i < ts_node_end_byte(b);
         i++)
        one_line = w->src[i] != '\n' && (w->src[i] != '\\' || w->src[i + 1] != 'b');
    return one_line ? tex__arg_string(w, args, n, m->body_arg) : NULL;
}

/* friggeri's "\\entry{}{Java}{Experienced}{JDBC, Sockets}" under a skills
 * heading is a skill group: its name labels the list. */
static void tex__entry_skill_group(TexWalk *w, TSNode node, const RlsTexMacro *m, TSNode *args,
                                   unsigned n, const char *name) {
    rls_free(w->skill_cat);
    w->skill_cat = rls_strdup(name);
    for (unsigned k = 1; k <= n; k++)
        if (k != m->body_arg) tex__push_node(w, args[k - 1], true);
    if (ts_node_is_null(tex__arg(args, n, m->body_arg))) tex__push_node(w, node, false);
}

/* Some templates give the start and the end of the dates as two
 * arguments; they are read as one range over both. Returns range, or NULL
 * for an entry without dates; *date_text owns the joined text. */
static RlsDateRange *tex__entry_range(const RlsTexMacro *m, char **strs, TSNode *args, unsigned n,
                                      unsigned dates, RlsDateRange *range, char **date_text) {
    if (!dates || !tex__str(strs, dates)) return NULL;
    RlsSpan span = tex__inner_span(tex__arg(args, n, dates));
    if (m->dates_end_arg && tex__str(strs, m->dates_end_arg)) {
        RlsSpan end_span = tex__inner_span(tex__arg(args, n, m->dates_end_arg));
        RlsBuf buf;
        rls_buf_init(&buf);
        rls_buf_printf(&buf, "%s – %s", tex__str(strs, dates), tex__str(strs, m->dates_end_arg));
        *date_text = rls_buf_detach(&buf);
        span.start_byte = RLS_MIN(span.start_byte, end_span.start_byte);
        span.end_byte = RLS_MAX(span.end_byte, end_span.end_byte);
    }
    rls_line_reader_dates(*date_text ? *date_text : tex__str(strs, dates), span, range);
    return range;
}

/* billryan's "\\datedsubsection{\\textbf{School}, City}": the bold part
 * is the organisation, what follows it the place. Cuts org_str after the
 * bold part and returns the place, or NULL when the argument is not so. */
static char *tex__entry_bold_org_place(TexWalk *w, TSNode arg, char *org_str) {
    TSNode first = ts_node_named_child_count(arg) ? ts_node_named_child(arg, 0) : (TSNode){0};
    size_t fl = 0;
    const char *fname = NULL;
    if (!ts_node_is_null(first) && !strcmp(ts_node_type(first), "generic_command"))
        fname = rls_tex_command_name(w->src, first, &fl);
    if (!fname || !tex__eq(fname, fl, "textbf")) return NULL;
    char *place = NULL;
    char *bold = tex__node_string(w, first);
    size_t bl = strlen(bold);
    if (bl && !strncmp(org_str, bold, bl) && org_str[bl]) {
        const char *rest = org_str + bl;
        while (*rest == ',' || *rest == ' ' || *rest == ';')
            rest++;
        if (*rest) {
            place = rls_strdup(rest);
            org_str[bl] = '\0';
        }
    }
    rls_free(bold);
    return place;
}

/* An argument of skills in an entry's header ("\\cvproject{..}{Python,
 * SQL}") is a skill line of its own, not part of the entry's text. */
static void tex__entry_skills_arg(TexWalk *w, TSNode arg) {
    RlsPlain p;
    tex__node_plain(w, arg, &p);
    if (p.len) rls_skill_reader_line(&w->mb, &p, NULL);
    rls_plain_free(&p);
}

/* Header arguments are used up; the body flows on through the walk. */
static void tex__entry_spend_args(TexWalk *w, TSNode node, const RlsTexMacro *m, TSNode *args,
                                  unsigned n, const RlsPieceSlots *s) {
    for (unsigned k = 1; k <= n; k++) {
        if (k == m->body_arg) continue;
        TSNode a = args[k - 1];
        if (k == m->skills_arg) tex__entry_skills_arg(w, a);
        bool used = k == s->title || k == s->org || k == s->loc || k == s->dates ||
                    k == m->dates_end_arg || k == s->note;
        tex__push_node(w, a, !used);
    }
    if (ts_node_is_null(tex__arg(args, n, m->body_arg))) tex__push_node(w, node, false);
}

/* An entry macro that heads no entry (rls_piece_reader_heads_entry) is a line of the
 * section: its header arguments are the line's cells, and what follows it
 * belongs to no entry. */
static void tex__entry_as_line(TexWalk *w, TSNode node, const RlsTexMacro *m, TSNode *args,
                               unsigned n) {
    rls_model_builder_end_entry(&w->mb);
    w->lines.line_entry = -1;
    bool first = true;
    for (unsigned k = 1; k <= n; k++) {
        if (k == m->body_arg) continue;
        uint32_t at = ts_node_start_byte(args[k - 1]);
        if (!first) rls_plain_builder_break(&w->para, at, at);
        rls_tex_text_node(&w->para_text, args[k - 1]);
        tex__push_node(w, args[k - 1], true);
        first = false;
    }
    tex__flush_para(w);
    if (ts_node_is_null(tex__arg(args, n, m->body_arg))) tex__push_node(w, node, false);
}

/* "\\\\" or "\\newline" between two words of an argument: a forced line
 * break (RlsPieceBreakCb). */
static bool tex__line_break(const char *src, uint32_t a, uint32_t b, void *data) {
    (void)data;
    for (uint32_t j = a; j + 1 < b; j++)
        if (src[j] == '\\' &&
            (src[j + 1] == '\\' || (b - j >= 8 && !memcmp(src + j + 1, "newline", 7))))
            return true;
    return false;
}

/* "{Cycle ingénieur informatique \\\\ \\textit{Diplôme attendu fin
 * 2018}}": the title argument's length without a dated later line
 * (rls_piece_reader_title_end). */
static size_t tex__title_before_dated_line(TexWalk *w, TSNode arg) {
    RlsPlain p;
    tex__node_plain(w, arg, &p);
    size_t cut = rls_piece_reader_title_end(&p, w->src, tex__line_break, NULL);
    rls_plain_free(&p);
    return cut;
}

static void tex__entry(TexWalk *w, TSNode node, const RlsTexMacro *m, TSNode *args, unsigned n) {
    tex__flush_para(w);
    if (tex__sub_line(w, node, m, args, n)) return;
    char *strs[RLS_PIECES_MAX] = {0};
    for (unsigned k = 1; k <= n && k <= RLS_PIECES_MAX; k++)
        if (k != m->body_arg && k != m->skills_arg) strs[k - 1] = tex__arg_string(w, args, n, k);
    RlsPieceLayout layout;
    tex__entry_layout(m, &layout);
    /* Only a layout checked by content may find a field in its body. */
    char *body_field = layout.trust == RLS_PIECES_CHECKED && m->dates_arg
                           ? tex__entry_body_line(w, m, args, n)
                           : NULL;
    RlsPieceFields f;
    rls_piece_reader_fields(&layout, strs, RLS_MIN(n, RLS_PIECES_MAX), body_field, w->lines.kind,
                            &f);
    RlsPieceSlots s = f.slots;
    RlsFieldType body_type = f.body_type;
    if (body_type == RLS_FIELD_N_TYPES) {
        rls_free(body_field);
        body_field = NULL;
    }
    char *guessed_org = f.org;
    if (w->lines.kind == RLS_SECTION_SKILLS && tex__str(strs, s.title) &&
        !(s.dates && tex__str(strs, s.dates))) {
        tex__entry_skill_group(w, node, m, args, n, tex__str(strs, s.title));
        for (unsigned k = 0; k < 16; k++)
            rls_free(strs[k]);
        return;
    }
    RlsDateRange range = {0};
    char *date_text = NULL;
    RlsDateRange *range_ptr = tex__entry_range(m, strs, args, n, s.dates, &range, &date_text);
    /* The header is the macro up to its body argument. */
    uint32_t hs = ts_node_start_byte(node), he = ts_node_end_byte(node);
    TSNode body = tex__arg(args, n, m->body_arg);
    if (!ts_node_is_null(body)) {
        unsigned last = m->body_arg - 1;
        he = last ? ts_node_end_byte(args[last - 1]) : ts_node_start_byte(body);
    }
    char *title_own = NULL;
    const char *title_str = tex__str(strs, s.title);
    size_t name_n = title_str ? rls_line_reader_name_before_stack(title_str, strlen(title_str)) : 0;
    if (title_str) name_n = RLS_MIN(name_n, tex__title_before_dated_line(w, args[s.title - 1]));
    if (title_str && name_n < strlen(title_str)) {
        title_own = rls_strndup(title_str, name_n);
        title_str = title_own;
    }
    char *loc_own = NULL;
    char *org_str = tex__str(strs, s.org);
    char *logo = s.org ? tex__logo_name(w, tex__arg(args, n, s.org), org_str) : NULL;
    if (logo) {
        /* The postcode beside the logo is the place. */
        if (org_str && !tex__str(strs, s.loc)) loc_own = rls_strdup(org_str);
        org_str = logo;
    }
    if ((m->flags & RLS_TEX_F_BOLD_ORG) && org_str && !tex__str(strs, s.loc)) {
        char *place = tex__entry_bold_org_place(w, tex__arg(args, n, s.org), org_str);
        if (place) {
            rls_free(loc_own);
            loc_own = place;
        }
    }
    if (guessed_org && !org_str) org_str = guessed_org;
    if (body_type == RLS_FIELD_TITLE && !title_str) title_str = body_field;
    if (body_type == RLS_FIELD_ORG && !org_str) org_str = body_field;
    if (!rls_piece_reader_heads_entry(w->lines.kind, title_str, org_str, range_ptr)) {
        tex__entry_as_line(w, node, m, args, n);
        goto done;
    }
    RlsEntry *made = rls_model_builder_entry(&w->mb, (RlsSpan){hs, he}, title_str, org_str,
                                             loc_own ? loc_own : tex__str(strs, s.loc), range_ptr);
    if (s.org && s.title && s.org < s.title && title_str == tex__str(strs, s.title))
        rls_line_reader_project_name(w->lines.kind, made);
    w->macro_entry = w->mb.current_entry;
    w->macro_entry_name = m->name;
    if (body_field) tex__push_node(w, body, true);
    if (s.note && tex__str(strs, s.note)) {
        rls_tex_text_node(&w->para_text, args[s.note - 1]);
        tex__flush_para(w);
    }
    /* "\\ecvtitle{2015 -- 2016}{Erasmus}" over "\\ecvitem{}{Sabanci
     * University}": a template's entry without its employer is completed
     * by the line under it, as a dated line's is (rls_line_reader_dated_line). */
    if (!org_str) {
        w->lines.line_entry = w->mb.current_entry;
        w->lines.line_org_only = true;
    }
    tex__entry_spend_args(w, node, m, args, n, &s);
done:
    rls_free(title_own);
    rls_free(loc_own);
    rls_free(logo);
    rls_free(guessed_org);
    rls_free(body_field);
    for (unsigned k = 0; k < 16; k++)
        rls_free(strs[k]);
    rls_free(date_text);
}

/* Replaces a field of the current entry (\role{title}, \descript{| title},
 * \location{dates | place}): rls_piece_reader_amend. */
static bool tex__amend(TexWalk *w, const RlsTexMacro *m, TSNode *args, unsigned n) {
    if (w->mb.current_entry < 0 || n == 0) return false;
    RlsEntry *e = &w->mb.model->entries[w->mb.current_entry];
    RlsPlain p;
    tex__node_plain(w, args[0], &p);
    RlsFieldType field = m->title_arg      ? RLS_FIELD_TITLE
                         : m->location_arg ? RLS_FIELD_LOCATION
                                           : RLS_FIELD_N_TYPES;
    bool used = rls_piece_reader_amend(e, w->lines.kind, &p, field);
    rls_plain_free(&p);
    return used;
}

/* The plain text of arguments first..last (1-based), joined by ": " where
 * text came before: a label and its text read as "label: text". */
static void tex__args_joined(TexWalk *w, TSNode *args, unsigned first, unsigned last,
                             RlsPlain *out) {
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    for (unsigned k = first; k <= last; k++) {
        if (k > first && rls_plain_builder_len(&pb) > 0) {
            uint32_t at = ts_node_start_byte(args[k - 1]);
            rls_plain_builder_emit(&pb, ":", 1, at, at);
            rls_plain_builder_break(&pb, at, at);
        }
        tex__walk_into(w, &pb, args[k - 1]);
    }
    rls_plain_builder_finish(&pb, out);
    rls_plain_builder_close(&pb);
}

/* The text of a bullet macro: its arguments joined by ": " (sb2nov's
 * \resumeItem{title}{description} renders as "title: description"). */
static void tex__bullet_macro(TexWalk *w, TSNode node, const RlsTexMacro *m, TSNode *args,
                              unsigned n) {
    tex__flush_para(w);
    unsigned first = (m->flags & RLS_TEX_F_ICON_FIRST) ? 2 : 1, last = n;
    if (m->text_arg) first = last = m->text_arg;
    if (first > last || last > n) return;
    uint32_t span_start = ts_node_start_byte(args[first - 1]) + 1;
    uint32_t span_end = ts_node_end_byte(args[last - 1]) - 1;
    RlsPlain p;
    tex__args_joined(w, args, first, last, &p);
    if (p.len == 0) {
        rls_plain_free(&p);
    } else if (w->lines.kind == RLS_SECTION_SKILLS) {
        rls_skill_reader_line(&w->mb, &p, NULL);
        rls_plain_free(&p);
    } else {
        uint16_t depth = tex__item_depth(w, ts_node_start_byte(node));
        rls_model_builder_item(&w->mb, (RlsSpan){span_start, span_end},
                               (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)}, &p,
                               depth);
    }
    tex__push_node(w, node, false);
}

/* \cvitem{label}{text}: skills in a skills section, else a paragraph. */
static void tex__labeled(TexWalk *w, TSNode node, TSNode *args, unsigned n) {
    tex__flush_para(w);
    RlsPlain p;
    tex__args_joined(w, args, 1, n, &p);
    tex__emit_line(w, &p, true);
    tex__push_node(w, node, false);
}

static void tex__skill_macro(TexWalk *w, TSNode node, const char *name, size_t len, TSNode *args,
                             unsigned n) {
    tex__flush_para(w);
    for (unsigned k = 1; k <= n; k += 2) {
        char *a = tex__node_string(w, args[k - 1]);
        char *b = k < n ? tex__node_string(w, args[k]) : NULL;
        bool numeric = b && b[0] && strspn(b, "0123456789. /") == strlen(b);
        if (!b || numeric || tex__eq(name, len, "cvtag")) {
            if (a[0])
                rls_model_builder_skill(&w->mb, tex__inner_span(args[k - 1]), a, strlen(a), NULL);
        } else {
            RlsPlain p;
            tex__node_plain(w, args[k], &p);
            if (p.len) rls_skill_reader_line(&w->mb, &p, a[0] ? a : NULL);
            rls_plain_free(&p);
        }
        rls_free(a);
        rls_free(b);
        if (tex__eq(name, len, "cvtag") || tex__eq(name, len, "cvskill")) break;
    }
    tex__push_node(w, node, false);
}

static void tex__contact_macro(TexWalk *w, TSNode node, const RlsTexMacro *m, TSNode *args,
                               unsigned n) {
    unsigned k = m->text_arg ? m->text_arg : 1;
    if (k <= n) {
        char *text = tex__node_string(w, args[k - 1]);
        /* A link is one token ("github.com/ana", "ana"); words with spaces
         * and no dot are an address typed into the site macro. */
        bool link_ok = m->contact_kind != RLS_CONTACT_LINK || !strchr(text, ' ') ||
                       strchr(text, '.') || strchr(text, '/');
        if (text[0] && link_ok)
            tex__add_contact(w, (RlsContactKind)m->contact_kind, tex__inner_span(args[k - 1]), text,
                             strlen(text));
        rls_free(text);
    }
    tex__push_node(w, node, false);
}

/* The grammar does not attach optional arguments to macros: in
 * "\\phone[mobile]{+1 234}" the brackets and the braces that follow are
 * siblings. Collects those braces as arguments and sets *end past them. */
static unsigned tex__args(TexWalk *w, TSNode cmd, TSNode *args, unsigned max, uint32_t *end) {
    unsigned n = rls_tex_curly_args(cmd, args, max);
    if (n > max) n = max;
    *end = ts_node_end_byte(cmd);
    if (n || *end >= w->len || w->src[*end] != '[') return n;
    /* ts_node_next_sibling finds the parent by walking down from the root,
     * a pass over the document's top level each time: a megabyte of
     * "\x[" spent seconds here. A resume has a few dozen such macros. */
    if (w->n_sibling_walks >= TEX_MAX_SIBLING_WALKS) return n;
    w->n_sibling_walks++;
    TSNode sib = ts_node_next_sibling(cmd);
    while (!ts_node_is_null(sib) && !strcmp(ts_node_type(sib), "[") &&
           ts_node_start_byte(sib) == *end) {
        while (!ts_node_is_null(sib) && strcmp(ts_node_type(sib), "]") != 0)
            sib = ts_node_next_sibling(sib);
        if (ts_node_is_null(sib)) return 0;
        *end = ts_node_end_byte(sib);
        sib = ts_node_next_sibling(sib);
    }
    while (n < max && !ts_node_is_null(sib) && !strcmp(ts_node_type(sib), "curly_group")) {
        uint32_t gap_newlines = 0;
        for (uint32_t i = *end; i < ts_node_start_byte(sib); i++)
            gap_newlines += w->src[i] == '\n';
        if (gap_newlines > 1) break;
        args[n++] = sib;
        *end = ts_node_end_byte(sib);
        sib = ts_node_next_sibling(sib);
    }
    return n;
}

/* Each argument of a line macro is a cell of its own, broken from the one
 * before it so that no two cells run together into one word. The first
 * cell is broken from what precedes it when break_first. */
static void tex__args_as_cells(TexWalk *w, TSNode *args, unsigned n, bool break_first) {
    for (unsigned k = 0; k < n; k++) {
        uint32_t at = ts_node_start_byte(args[k]);
        if (k || break_first) rls_plain_builder_break(&w->para, at, at);
        rls_tex_text_node(&w->para_text, args[k]);
    }
}

/* Many ATS parsers skip the page header and footer; one that prints no
 * text loses nothing, so only one with text is recorded as layout. */
static void tex__headfoot_macro(TexWalk *w, TSNode node, TSNode *args, unsigned n) {
    bool text = false;
    for (unsigned k = 0; k < n && !text; k++) {
        char *s = tex__node_string(w, args[k]);
        text = s[0] != '\0';
        rls_free(s);
    }
    if (text)
        rls_model_builder_layout(&w->mb, RLS_LAYOUT_HEADER_FOOTER,
                                 (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)});
    tex__push_node(w, node, true);
}

/* A template's section macro: its text argument (the first when the macro
 * names none) is the heading, and \\cvsubsection one level down. */
static void tex__heading_macro(TexWalk *w, TSNode node, const RlsTexMacro *m, const char *name,
                               size_t len, TSNode *args, unsigned n) {
    TSNode a = tex__arg(args, n, m->text_arg ? m->text_arg : 1);
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    if (!ts_node_is_null(a)) tex__walk_into(w, &pb, a);
    RlsPlain heading;
    rls_plain_builder_finish(&pb, &heading);
    rls_plain_builder_close(&pb);
    uint16_t level = tex__eq(name, len, "cvsubsection") ? 2 : 1;
    tex__section(w, &heading, (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)}, level);
    tex__push_node(w, node, false);
}

/* A line the entry has no field for ("\\location{GPA: 3.8}" under a dated
 * entry, a label outside any entry) is still on the page. */
static void tex__amend_macro(TexWalk *w, TSNode node, const RlsTexMacro *m, TSNode *args,
                             unsigned n) {
    if (!tex__amend(w, m, args, n) && n) {
        /* Its arguments are one line, each a cell: "\\role{M.Sc.
         * Physics}{TU Berlin, 2015 - 2018}" with no entry to amend is a
         * dated line of its own. */
        tex__flush_para(w);
        tex__args_as_cells(w, args, n, false);
        tex__push_range(w, ts_node_start_byte(args[0]), ts_node_end_byte(args[n - 1]), true);
        tex__flush_para(w);
    }
    tex__push_node(w, node, false);
}

/* "\\cvline{2011 -- 2013}{Fjord University}" then "\\cvline{2013}{Thesis}"
 * on the next source line: a macro of unknown meaning that opens line
 * after line with its arguments sets out rows (a class's table line), so
 * each call starts a line of its own rather than running on into one. */
static void tex__row_break(TexWalk *w, TSNode node, const char *name, size_t len, unsigned n) {
    uint32_t at = ts_node_start_byte(node), i = at;
    while (i > 0 && (w->src[i - 1] == ' ' || w->src[i - 1] == '\t'))
        i--;
    if (!n || (i > 0 && w->src[i - 1] != '\n')) return;
    if (w->row_name && w->row_len == len && !memcmp(w->row_name, name, len)) tex__flush_para(w);
    w->row_name = name;
    w->row_len = len;
}

/* "\\edu{2013}[2019]{Oslo}": an unknown macro whose braced arguments an
 * optional one follows. The grammar leaves the brackets and the braces
 * after them outside the command; each is a cell of its own rather than
 * text run into the last argument ("20132019Oslo"). Optional arguments
 * between braced ones are data, not settings, so their text is kept. */
static void tex__trailing_args(TexWalk *w, TSNode node) {
    uint32_t end = ts_node_end_byte(node);
    if (end >= w->len || w->src[end] != '[' || w->n_sibling_walks >= TEX_MAX_SIBLING_WALKS) return;
    w->n_sibling_walks++;
    TSNode sib = ts_node_next_sibling(node);
    while (!ts_node_is_null(sib)) {
        const char *type = ts_node_type(sib);
        uint32_t at = ts_node_start_byte(sib);
        if (!strcmp(type, "[") && at == end) {
            TSNode close = ts_node_next_sibling(sib);
            while (!ts_node_is_null(close) && strcmp(ts_node_type(close), "]") != 0)
                close = ts_node_next_sibling(close);
            if (ts_node_is_null(close)) break;
            rls_plain_builder_break(&w->para, at, at);
            for (TSNode c = ts_node_next_sibling(sib); !ts_node_eq(c, close);
                 c = ts_node_next_sibling(c))
                rls_tex_text_node(&w->para_text, c);
            end = ts_node_end_byte(close);
            sib = ts_node_next_sibling(close);
            continue;
        }
        /* Braces after a blank line or other text start a paragraph of their own. */
        uint32_t newlines = 0;
        for (uint32_t i = end; i < at && i < w->len; i++)
            newlines += w->src[i] == '\n' ? 1u : strchr(" \t\r", w->src[i]) ? 0u : 2u;
        if (strcmp(type, "curly_group") != 0 || newlines > 1) break;
        rls_plain_builder_break(&w->para, at, at);
        rls_tex_text_node(&w->para_text, sib);
        end = ts_node_end_byte(sib);
        sib = ts_node_next_sibling(sib);
    }
    tex__push_range(w, ts_node_end_byte(node), end, true);
}

static void tex__command(TexWalk *w, TSNode node, int consumed, bool in_body) {
    size_t len;
    const char *name = rls_tex_command_name(w->src, node, &len);
    TSNode args[16];
    uint32_t ext_end;
    unsigned n = tex__args(w, node, args, 16, &ext_end);
    w->own_end = ext_end;
    /* Optional arguments and the braces after them belong to this macro. */
    if (ext_end > ts_node_end_byte(node)) tex__push_range(w, ts_node_end_byte(node), ext_end, true);
    if (rls_tex_is_icon(name, len)) {
        rls_model_builder_layout(&w->mb, RLS_LAYOUT_ICON,
                                 (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)});
        tex__push_node(w, node, true);
        return;
    }
    RlsTexMacro m;
    if (!rls_tex_macros_lookup(&w->macros, name, len, n, &m)) m.role = RLS_TEX_NONE;
    switch (m.role) {
    case RLS_TEX_CONTACT:
        tex__contact_macro(w, node, &m, args, n);
        return;
    case RLS_TEX_HEADFOOT:
        tex__headfoot_macro(w, node, args, n);
        return;
    case RLS_TEX_IMAGE:
        rls_model_builder_layout(&w->mb, RLS_LAYOUT_IMAGE,
                                 (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)});
        tex__push_node(w, node, true);
        return;
    default:
        break;
    }
    if (!in_body) return;
    switch (m.role) {
    case RLS_TEX_DROP:
        if (m.arity && n > m.arity && ts_node_end_byte(args[m.arity - 1]) < ext_end) {
            /* Braces past the macro's arity are ordinary groups. */
            tex__push_range(w, ts_node_start_byte(node), ts_node_end_byte(args[m.arity - 1]), true);
            return;
        }
        tex__push_node(w, node, true);
        return;
    case RLS_TEX_HEADING:
        tex__heading_macro(w, node, &m, name, len, args, n);
        return;
    case RLS_TEX_ENTRY:
        tex__entry(w, node, &m, args, n);
        return;
    case RLS_TEX_AMEND:
        tex__amend_macro(w, node, &m, args, n);
        return;
    case RLS_TEX_BULLET:
        if (n) tex__bullet_macro(w, node, &m, args, n);
        return;
    case RLS_TEX_LABELED:
        tex__labeled(w, node, args, n);
        return;
    case RLS_TEX_SKILL:
        tex__skill_macro(w, node, name, len, args, n);
        return;
    case RLS_TEX_STOP:
        tex__flush_para(w);
        w->stopped = true;
        return;
    case RLS_TEX_LINE:
        tex__flush_para(w);
        tex__args_as_cells(w, args, n, true);
        tex__flush_para(w);
        tex__push_node(w, node, false);
        return;
    default:
        if (consumed) return;
        tex__row_break(w, node, name, len, n);
        tex__loose(w, node);
        /* An unknown macro with arguments past its name
         * (\\cvcolumn[..]{a}{b}) lays them out as pieces of text. */
        if (ext_end > ts_node_end_byte(node) && m.role != RLS_TEX_DROP)
            tex__args_as_cells(w, args, n, true);
        else if (n)
            tex__trailing_args(w, node);
        return;
    }
}

/* \item: a bullet, or skills lines inside a skills section. */
/* An item of a list without markers ("\\begin{itemize}[label={}]") that
 * breaks into lines with \\\\ reads as those lines (one award per line),
 * not as one bullet. */
static bool tex__item_is_lines(TexWalk *w, TSNode item) {
    /* The cheap test first: ts_node_parent walks down from the root. */
    const char *t = w->src + ts_node_start_byte(item);
    size_t tlen = ts_node_end_byte(item) - ts_node_start_byte(item);
    bool breaks = false;
    for (size_t i = 0; i + 2 <= tlen && !breaks; i++)
        breaks = t[i] == '\\' && t[i + 1] == '\\';
    if (!breaks) return false;
    /* Jake's skills idiom wraps the item: "\\small{\\item{...}}". */
    TSNode env = ts_node_parent(item);
    for (int up = 0;
         up < 4 && !ts_node_is_null(env) && strcmp(ts_node_type(env), "generic_environment") != 0;
         up++)
        env = ts_node_parent(env);
    if (ts_node_is_null(env) || strcmp(ts_node_type(env), "generic_environment") != 0) return false;
    TSNode begin = ts_node_child_by_field_name(env, "begin", 5);
    if (ts_node_is_null(begin)) return false;
    const char *b = w->src + ts_node_start_byte(begin);
    size_t blen = ts_node_end_byte(begin) - ts_node_start_byte(begin);
    for (size_t i = 0; i + 6 <= blen; i++) {
        if (memcmp(b + i, "label=", 6) != 0) continue;
        size_t j = i + 6;
        while (j < blen && b[j] == ' ')
            j++;
        if (j >= blen || b[j] == ',' || b[j] == ']' ||
            (j + 1 < blen && b[j] == '{' && b[j + 1] == '}'))
            return true;
    }
    return false;
}

/* Where the first hard line break of a description item falls in its
 * plain text: the item's header line ends there. */
typedef struct {
    RlsPlainBuilder *pb;
    uint32_t first_break;
    bool seen;
} TexItemBreak;

static void tex__on_item_break(void *ud, uint32_t start, uint32_t end) {
    TexItemBreak *b = ud;
    if (!b->seen) {
        b->first_break = rls_plain_builder_len(b->pb);
        b->seen = true;
    }
    rls_plain_builder_break(b->pb, start, end);
}

/* Copies plain bytes [a, b) of p, trimmed of spaces, with their source
 * map, into *out (owned by the caller). */
static void tex__plain_slice(const RlsPlain *p, uint32_t a, uint32_t b, RlsPlain *out) {
    while (a < b && p->text[a] == ' ')
        a++;
    while (b > a && p->text[b - 1] == ' ')
        b--;
    out->len = b - a;
    out->text = rls_malloc(out->len + 1);
    memcpy(out->text, p->text + a, out->len);
    out->text[out->len] = '\0';
    out->src_start = rls_malloc((out->len + 1) * sizeof(uint32_t));
    out->src_end = rls_malloc((out->len + 1) * sizeof(uint32_t));
    memcpy(out->src_start, p->src_start + a, out->len * sizeof(uint32_t));
    memcpy(out->src_end, p->src_end + a, out->len * sizeof(uint32_t));
    out->generated = NULL;
}

/* A description item in a section of roles ("\\item[2019--2021]
 * \\textbf{Research Assistant}, Lab X \\\\ did things") whose header (the
 * label with the rest of its first line, or the label alone when the item
 * has no line break) holds a date range is an entry: the header goes
 * through the dated-line rule and the text after it is the entry's bullet.
 * Returns true when the item was taken (p is consumed). */
/* "\\item[Student Mentor] Offered coursework. \\textit{Baylor College :
 * 2015 -- 2016}": a label that is the role, a sentence, and a closing
 * segment that gives the organisation and the dates. Returns true when the
 * item was taken (p is consumed). */
static bool tex__description_closing_dates(TexWalk *w, RlsPlain *p, uint32_t label_end) {
    RlsDateRange dates;
    size_t ds, de;
    if (rls_date_range_find(p->text, label_end, &dates, &ds, &de)) return false;
    if (!rls_date_range_find(p->text + label_end, p->len - label_end, &dates, &ds, &de))
        return false;
    ds += label_end, de += label_end;
    size_t end = p->len;
    while (end > de && strchr(" .)", p->text[end - 1]))
        end--;
    if (end != de) return false;
    /* The closing segment starts after the last sentence's full stop. */
    size_t seg = 0;
    for (size_t i = label_end; i + 1 < ds; i++)
        if (p->text[i] == '.' && p->text[i + 1] == ' ') seg = i + 2;
    if (!seg) return false;
    size_t oe = ds;
    while (oe > seg && strchr(" :|,-", p->text[oe - 1]))
        oe--;
    char *title = rls_strndup(p->text, label_end);
    char *org = oe > seg ? rls_strndup(p->text + seg, oe - seg) : NULL;
    while (*title && title[strlen(title) - 1] == ' ')
        title[strlen(title) - 1] = '\0';
    dates.span = rls_plain_cover(p, (uint32_t)ds, (uint32_t)de);
    RlsSpan span = tex__plain_span(p);
    rls_model_builder_entry(&w->mb, span, title, org, NULL, &dates);
    rls_free(title);
    rls_free(org);
    RlsPlain prose;
    tex__plain_slice(p, label_end, seg, &prose);
    if (prose.len)
        rls_model_builder_paragraph(&w->mb, tex__plain_span(&prose), &prose);
    else
        rls_plain_free(&prose);
    rls_plain_free(p);
    return true;
}

static bool tex__description_entry(TexWalk *w, TSNode node, RlsPlain *p, uint32_t label_end,
                                   const TexItemBreak *brk, uint16_t depth) {
    RlsSectionKind k = w->lines.kind;
    if (k != RLS_SECTION_EXPERIENCE && k != RLS_SECTION_EDUCATION && k != RLS_SECTION_PROJECTS &&
        k != RLS_SECTION_VOLUNTEERING)
        return false;
    if (!brk->seen && tex__description_closing_dates(w, p, label_end)) return true;
    /* The first line is the whole item when it has no break; a sentence
     * there ("...for the lab.") is no header, and then the label alone is. */
    uint32_t ends[2] = {brk->seen ? brk->first_break : p->len, brk->seen ? 0 : label_end};
    uint32_t head_end = 0;
    for (size_t i = 0; i < RLS_ARRAY_LEN(ends) && !head_end; i++) {
        if (ends[i] == 0 || ends[i] > p->len) continue;
        RlsDateRange dates;
        size_t ds, de;
        if (!rls_date_range_find(p->text, ends[i], &dates, &ds, &de)) continue;
        RlsPlain head;
        tex__plain_slice(p, 0, ends[i], &head);
        if (head.len && rls_line_reader_dated_line(&w->lines, &head))
            head_end = ends[i];
        else
            rls_plain_free(&head);
    }
    if (!head_end) return false;
    RlsPlain rest;
    tex__plain_slice(p, head_end, p->len, &rest);
    if (rest.len)
        rls_model_builder_item(&w->mb, tex__plain_span(&rest),
                               (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)}, &rest,
                               depth);
    else
        rls_plain_free(&rest);
    rls_plain_free(p);
    return true;
}

static void tex__item(TexWalk *w, TSNode node) {
    tex__flush_para(w);
    uint16_t depth = tex__item_depth(w, ts_node_start_byte(node));
    uint32_t b0 = w->mb.model->n_bullets;
    int32_t e0 = w->mb.current_entry;
    RLS_PUSH(w->items, w->n_items, w->cap_items, ts_node_end_byte(node));
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    RlsTexText t;
    rls_tex_text_init(&t, w->src, w->len, &pb, &w->macros);
    bool skills = w->lines.kind == RLS_SECTION_SKILLS;
    bool lines = !skills && tex__item_is_lines(w, node);
    TexWalk *self = w;
    if (skills || lines) {
        /* Lines of a skills item ("Languages: ..." \\ "Tools: ...") are separate. */
        t.on_line = tex__on_para_line;
        t.ud = self;
        /* Route the lines through the paragraph builder. */
        t.pb = &w->para;
    }
    TexItemBreak brk = {&pb, 0, false};
    if (!skills && !lines) {
        t.on_line = tex__on_item_break;
        t.ud = &brk;
    }
    uint32_t label_end = 0;
    char *label = NULL;
    RlsKids kids;
    rls_kids_init(&kids, node);
    TSNode c;
    while (rls_kids_next(&kids, &c)) {
        const char *type = ts_node_type(c);
        if (!strcmp(type, "\\item")) {
            rls_tex_text_skip_to(&t, ts_node_end_byte(c));
            continue;
        }
        if (!strcmp(type, "brack_group_text") || !strcmp(type, "brack_group")) {
            if (skills) {
                /* The bracket group itself is no text node: read its parts. */
                RlsPlainBuilder lpb;
                rls_plain_builder_init(&lpb);
                RlsKids parts;
                rls_kids_init_named(&parts, c);
                TSNode g;
                while (rls_kids_next(&parts, &g))
                    tex__walk_into(w, &lpb, g);
                rls_kids_close(&parts);
                RlsPlain lp;
                rls_plain_builder_finish(&lpb, &lp);
                rls_plain_builder_close(&lpb);
                rls_free(lp.src_start);
                rls_free(lp.src_end);
                rls_free(label);
                label = lp.text;
                size_t l = strlen(label);
                while (l && (label[l - 1] == ':' || label[l - 1] == ' '))
                    label[--l] = '\0';
                if (!l) {
                    rls_free(label);
                    label = NULL;
                }
            } else {
                /* description lists: "\item[Label] text" reads "Label text". */
                RlsKids parts;
                rls_kids_init_named(&parts, c);
                TSNode g;
                while (rls_kids_next(&parts, &g))
                    rls_tex_text_node(&t, g);
                rls_kids_close(&parts);
                label_end = rls_plain_builder_len(&pb);
            }
            rls_tex_text_skip_to(&t, ts_node_end_byte(c));
            continue;
        }
        rls_tex_text_node(&t, c);
    }
    rls_kids_close(&kids);
    if (skills) {
        if (label) {
            RlsPlain p;
            rls_plain_builder_finish(&w->para, &p);
            if (p.len) rls_skill_reader_line(&w->mb, &p, label);
            rls_plain_free(&p);
        } else {
            tex__flush_para(w);
        }
    } else if (lines) {
        tex__flush_para(w);
    } else {
        RlsPlain p;
        rls_plain_builder_finish(&pb, &p);
        bool entry =
            p.len && (label_end ? tex__description_entry(w, node, &p, label_end, &brk, depth)
                                : rls_line_reader_list_item(&w->lines, &p, depth, b0, e0));
        /* Taken as an entry, or as an entry's header line, p is spent. */
        if (!p.len)
            rls_plain_free(&p);
        else if (!entry)
            rls_model_builder_item(&w->mb, tex__plain_span(&p),
                                   (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)}, &p,
                                   depth);
    }
    rls_free(label);
    rls_plain_builder_close(&pb);
    tex__push_node(w, node, false);
}

/* RenderCV's entry environments: "\\begin{twocolentry}{Sept 2021}
 * \\textbf{Engineer}, Acme -- Istanbul\\end{twocolentry}" is an entry header
 * (its argument the dates column); a onecolentry that opens with bold text
 * is one without dates. One that holds a list carries the bullets of the
 * entry above it, and one of plain text is a paragraph. */
static bool tex__entry_env(TexWalk *w, TSNode node, const char *name, size_t len) {
    int kind = rls_tex_env_entry(name, len);
    if (kind <= 0) return false;
    TSNode begin = ts_node_child_by_field_name(node, "begin", 5);
    TSNode end = ts_node_child_by_field_name(node, "end", 3);
    if (ts_node_is_null(begin) || ts_node_is_null(end)) return false;
    TSNode dates_arg = {0};
    uint32_t body_start = ts_node_end_byte(begin);
    RlsKids args;
    rls_kids_init_named(&args, node);
    TSNode arg;
    while (kind == 2 && rls_kids_next(&args, &arg)) {
        if (!strcmp(ts_node_type(arg), "curly_group") && ts_node_start_byte(arg) == body_start) {
            dates_arg = arg;
            body_start = ts_node_end_byte(arg);
        }
    }
    rls_kids_close(&args);
    uint32_t body_end = ts_node_start_byte(end);
    const char *body = w->src + body_start;
    size_t blen = body_end > body_start ? body_end - body_start : 0;
    for (size_t i = 0; i + 5 <= blen; i++)
        if (!memcmp(body + i, "\\item", 5)) return false;
    size_t lead = 0;
    while (lead < blen && tex__is_space(body[lead]))
        lead++;
    bool bold = blen - lead >= 8 && !memcmp(body + lead, "\\textbf{", 8);
    if (!bold && ts_node_is_null(dates_arg)) return false;
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    RlsTexText t;
    rls_tex_text_init(&t, w->src, w->len, &pb, &w->macros);
    /* All children: the grammar leaves some punctuation (",") outside text. */
    RlsKids kids;
    rls_kids_init(&kids, node);
    TSNode c;
    while (rls_kids_next(&kids, &c))
        if (ts_node_start_byte(c) >= body_start && ts_node_end_byte(c) <= body_end)
            rls_tex_text_node(&t, c);
    rls_kids_close(&kids);
    RlsPlain header;
    rls_plain_builder_finish(&pb, &header);
    rls_plain_builder_close(&pb);
    /* "Programming: Python, C++" is a labelled line, not an entry. */
    if (!header.len || memchr(header.text, ':', header.len)) {
        rls_plain_free(&header);
        return false;
    }
    tex__flush_para(w);
    char *text = header.text;
    char *title = text, *org = NULL, *loc = NULL;
    char *dash = NULL;
    for (char *d = strstr(text, " – "); d; d = strstr(d + 1, " – "))
        dash = d;
    bool roles = w->lines.kind == RLS_SECTION_EXPERIENCE ||
                 w->lines.kind == RLS_SECTION_EDUCATION ||
                 w->lines.kind == RLS_SECTION_VOLUNTEERING || w->lines.kind == RLS_SECTION_PROJECTS;
    /* The theme sets the place after a dash; a paper's title keeps its dashes. */
    if (dash && w->lines.kind != RLS_SECTION_PUBLICATIONS) {
        *dash = '\0';
        loc = dash + strlen(" – ");
    }
    char *comma = roles ? strstr(text, ", ") : NULL;
    if (comma) {
        *comma = '\0';
        org = comma + 2;
        /* Education puts the school first ("\\textbf{University}, BS in ..."). */
        if (w->lines.kind == RLS_SECTION_EDUCATION) {
            char *school = title;
            title = org;
            org = school;
        }
    }
    RlsDateRange range = {0};
    RlsDateRange *range_ptr = NULL;
    if (!ts_node_is_null(dates_arg) && tex__dates_node(w, dates_arg, &range)) range_ptr = &range;
    rls_model_builder_entry(&w->mb, (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)},
                            title, org, loc, range_ptr);
    rls_plain_free(&header);
    tex__push_node(w, node, false);
    return true;
}

/* "\\begin{rSection}{Education}\n{\\bf University of Texas}, B.S. ...": a
 * group that words or punctuation follow on its line opens the body's
 * text; an environment's arguments end their line or are followed by the
 * next argument, a command or a comment. */
static bool tex__group_opens_text(const TexWalk *w, TSNode group) {
    uint32_t i = ts_node_end_byte(group);
    while (i < w->len && (w->src[i] == ' ' || w->src[i] == '\t'))
        i++;
    return i < w->len && !strchr("\r\n{\\%", w->src[i]);
}

/* The arguments of an environment the class defines and we do not know
 * ("\\begin{cvsubsection}{2016 -- 2018}{Council Representative}{Baylor
 * College}"): each is its own piece of text, as with an unknown macro's,
 * instead of one run of words ("RepresentativeBaylor"). */
static void tex__env_args(TexWalk *w, TSNode node) {
    TSNode args[8];
    unsigned n = 0;
    RlsKids kids;
    rls_kids_init_named(&kids, node);
    TSNode c;
    while (n < RLS_ARRAY_LEN(args) && rls_kids_next(&kids, &c)) {
        const char *type = ts_node_type(c);
        if (!strcmp(type, "begin") || !strcmp(type, "brack_group")) continue;
        if (strcmp(type, "curly_group") != 0 || tex__group_opens_text(w, c)) break;
        args[n++] = c;
    }
    rls_kids_close(&kids);
    if (!n) return;
    RlsResume *model = w->mb.model;
    if (n >= 2 && w->lines.kind == RLS_SECTION_OTHER && model->n_sections) {
        /* A section whose heading names no kind ("Teaching and Leadership")
         * holding the class's dated entry environments lists roles. */
        char *first = tex__node_string(w, args[0]);
        RlsFieldScores typed;
        rls_field_type_score(first, strlen(first), &typed);
        if (typed.score[RLS_FIELD_DATE] >= 3.0f)
            w->lines.kind = model->sections[model->n_sections - 1].kind = RLS_SECTION_EXPERIENCE;
        rls_free(first);
    }
    for (unsigned k = 0; k < n; k++) {
        uint32_t at = ts_node_start_byte(args[k]);
        rls_plain_builder_break(&w->para, at, at);
        rls_tex_text_node(&w->para_text, args[k]);
    }
    tex__push_range(w, ts_node_start_byte(args[0]), ts_node_end_byte(args[n - 1]), true);
    /* The arguments are the entry's header line; the body starts below. */
    tex__flush_para(w);
}

/* "\\begin{cvsection}{Teaching and Leadership} ... \\end{cvsection}": a
 * class's section macro used as an environment heads a section with its
 * first argument, and its body flows on as the section's content. */
static bool tex__heading_env(TexWalk *w, TSNode node, const char *name, size_t len) {
    RlsTexMacro m;
    if (!rls_tex_macros_lookup(&w->macros, name, len, 1, &m) || m.role != RLS_TEX_HEADING ||
        tex__eq(name, len, "cvsubsection"))
        return false;
    TSNode arg = {0};
    RlsKids kids;
    rls_kids_init_named(&kids, node);
    TSNode c;
    while (rls_kids_next(&kids, &c)) {
        const char *type = ts_node_type(c);
        if (!strcmp(type, "begin") || !strcmp(type, "brack_group")) continue;
        if (!strcmp(type, "curly_group")) arg = c;
        break;
    }
    rls_kids_close(&kids);
    if (ts_node_is_null(arg)) return false;
    RlsPlain heading;
    tex__node_plain(w, arg, &heading);
    tex__section(w, &heading, (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(arg)}, 1);
    tex__push_range(w, ts_node_start_byte(arg), ts_node_end_byte(arg), true);
    return true;
}

static void tex__env(TexWalk *w, TSNode node, bool in_body) {
    TSNode begin = ts_node_child_by_field_name(node, "begin", 5);
    if (ts_node_is_null(begin)) return;
    TSNode nm = ts_node_child_by_field_name(begin, "name", 4);
    if (ts_node_is_null(nm)) return;
    uint32_t ns = ts_node_start_byte(nm) + 1, ne = ts_node_end_byte(nm) - 1;
    if (ne < ns) return;
    const char *name = w->src + ns;
    size_t len = ne - ns;
    if (!in_body || tex__eq(name, len, "document")) return;
    TexRange open = {ts_node_start_byte(node), ts_node_end_byte(node), false,
                     rls_tex_env_obeys_lines(name, len)};
    if (open.obey_lines) {
        tex__flush_para(w);
        w->para_text.obey_lines = true;
    }
    RLS_PUSH(w->envs, w->n_envs, w->cap_envs, open);
    int layout = rls_tex_env_layout(name, len);
    if (layout >= 0)
        rls_model_builder_layout(&w->mb, (RlsLayoutKind)layout,
                                 (RlsSpan){ts_node_start_byte(node), ts_node_end_byte(node)});
    /* Environments are blocks: text before one is a paragraph of its own. */
    tex__flush_para(w);
    if (tex__heading_env(w, node, name, len)) return;
    tex__entry_env(w, node, name, len);
    /* tabular's column spec and minipage's width are not text. */
    unsigned skip = rls_tex_env_arg_count(name, len);
    TexRange pending[4];
    unsigned np = 0;
    RlsKids kids;
    rls_kids_init_named(&kids, node);
    TSNode c;
    while (skip && rls_kids_next(&kids, &c)) {
        const char *type = ts_node_type(c);
        if (!strcmp(type, "begin") || !strcmp(type, "brack_group")) continue;
        if (strcmp(type, "curly_group") != 0) break;
        if (np < 4)
            pending[np++] = (TexRange){ts_node_start_byte(c), ts_node_end_byte(c), true, false};
        skip--;
    }
    rls_kids_close(&kids);
    /* Push the later range first so that the stack stays ordered. */
    while (np)
        tex__push_range(w, pending[np - 1].start, pending[np - 1].end, true), np--;
    if (rls_tex_env_arg_count(name, len) == 0) tex__env_args(w, node);
}

static void tex__link(TexWalk *w, TSNode node, bool consumed) {
    TSNode uri = ts_node_child_by_field_name(node, "uri", 3);
    if (!ts_node_is_null(uri)) {
        uint32_t us = ts_node_start_byte(uri), ue = ts_node_end_byte(uri);
        if (ue - us >= 2 && w->src[us] == '{') us++, ue--;
        const char *u = w->src + us;
        size_t ul = ue - us;
        RlsSpan span = {ts_node_start_byte(node), ts_node_end_byte(node)};
        if (ul > 7 && (!strncmp(u, "mailto:", 7) || !strncmp(u, "mailito:", 8))) {
            size_t skip = u[4] == 'i' && u[5] == 't' ? 8 : 7;
            tex__add_contact(w, RLS_CONTACT_EMAIL, span, u + skip, ul - skip);
        } else if (ul > 4 && !strncmp(u, "tel:", 4)) {
            tex__add_contact(w, RLS_CONTACT_PHONE, span, u + 4, ul - 4);
        } else if (w->lines.kind == RLS_SECTION_HEADER || w->mb.model->n_sections == 0) {
            tex__add_contact(w, RLS_CONTACT_LINK, span, u, ul);
        }
    }
    if (!consumed) tex__loose(w, node);
}

static void tex__comment(TexWalk *w, TSNode node) {
    uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
    uint32_t ts = s, te = e;
    while (ts < te && (w->src[ts] == '%' || tex__is_space(w->src[ts])))
        ts++;
    while (te > ts && tex__is_space(w->src[te - 1]))
        te--;
    rls_model_builder_comment(&w->mb, (RlsSpan){s, e}, w->src + ts, te - ts);
}

static bool tex__missing_cb(void *data, TSNode node) {
    TexWalk *w = data;
    if (!ts_node_is_missing(node)) return true;
    uint32_t s = ts_node_start_byte(node);
    rls_model_builder_error(&w->mb, (RlsSpan){s, ts_node_end_byte(node)});
    return false;
}

static void tex__missing(TexWalk *w, TSNode node) {
    rls_ts_visit_errors(node, tex__missing_cb, w);
}

/* The body is what \begin{document} holds; a fragment without one (an
 * \input'ed section file) is all body. */
static void tex__find_body(TexWalk *w, TSNode root) {
    w->body_start = 0;
    w->body_end = w->len;
    RlsKids kids;
    rls_kids_init_named(&kids, root);
    TSNode c;
    while (rls_kids_next(&kids, &c)) {
        if (strcmp(ts_node_type(c), "generic_environment") != 0) continue;
        TSNode begin = ts_node_child_by_field_name(c, "begin", 5);
        TSNode nm = ts_node_is_null(begin) ? begin : ts_node_child_by_field_name(begin, "name", 4);
        if (ts_node_is_null(nm)) continue;
        uint32_t s = ts_node_start_byte(nm) + 1, e = ts_node_end_byte(nm) - 1;
        if (e > s && tex__eq(w->src + s, e - s, "document")) {
            w->body_start = ts_node_end_byte(begin);
            w->body_end = ts_node_end_byte(c);
            rls_kids_close(&kids);
            return;
        }
    }
    rls_kids_close(&kids);
    /* A syntax error in the preamble can nest the document environment
     * elsewhere: fall back to the text of the first uncommented
     * \begin{document} and the last \end{document}. */
    static const char begin_doc[] = "\\begin{document}", end_doc[] = "\\end{document}";
    for (uint32_t i = 0; i + sizeof(begin_doc) - 1 <= w->len; i++) {
        if (w->src[i] == '%') {
            while (i < w->len && w->src[i] != '\n')
                i++;
            continue;
        }
        if (w->src[i] == '\\' && !memcmp(w->src + i, begin_doc, sizeof(begin_doc) - 1)) {
            w->body_start = i + (uint32_t)sizeof(begin_doc) - 1;
            for (uint32_t j = w->len; j-- > w->body_start;) {
                if (w->len - j >= sizeof(end_doc) - 1 &&
                    !memcmp(w->src + j, end_doc, sizeof(end_doc) - 1)) {
                    w->body_end = j;
                    break;
                }
            }
            return;
        }
    }
}

/* Handles one structural node, from the capture stream or from inside
 * running text (on_struct). */
/* An entry whose header sits inside an environment (friggeri's entrylist,
 * Awesome-CV's cventries) ends with it: what follows (a bold group label
 * between two lists) describes no entry. An environment that starts where
 * the entry starts is the entry's own header and does not end it, nor does
 * a table that held the header alone ("Role & Dates \\ Employer & Place"
 * in a tabular, its items in a list below it). */
/* Whether the environment opening at src[at] ("\\begin{tabular*}") is a table. */
static bool tex__env_is_table(const TexWalk *w, uint32_t at) {
    static const char begin[] = "\\begin{";
    if (at + sizeof(begin) - 1 >= w->len || memcmp(w->src + at, begin, sizeof(begin) - 1) != 0)
        return false;
    const char *name = w->src + at + sizeof(begin) - 1;
    const char *close = memchr(name, '}', w->len - (size_t)(name - w->src));
    return close && rls_tex_env_layout(name, (size_t)(close - name)) == RLS_LAYOUT_TABLE;
}

static void tex__close_envs(TexWalk *w, uint32_t at) {
    while (w->n_envs && w->envs[w->n_envs - 1].end <= at) {
        TexRange env = w->envs[--w->n_envs];
        tex__flush_para(w);
        if (env.obey_lines) {
            w->para_text.obey_lines = false;
            for (size_t i = 0; i < w->n_envs; i++)
                w->para_text.obey_lines |= w->envs[i].obey_lines;
        }
        int32_t ce = w->mb.current_entry;
        if (ce < 0) continue;
        uint32_t es = w->mb.model->entries[ce].span.start_byte;
        const RlsResume *m = w->mb.model;
        bool header_table = !(m->n_bullets && m->bullets[m->n_bullets - 1].entry == ce) &&
                            tex__env_is_table(w, env.start);
        if (es > env.start && es < env.end && !header_table) {
            tex__flush_para(w);
            rls_model_builder_end_entry(&w->mb);
        }
    }
}

static void tex__dispatch(TexWalk *w, TSNode node, TexCapture kind) {
    uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
    tex__close_envs(w, s);
    int consumed = tex__consumed(w, s, e);
    if (consumed == 2) return;
    bool in_body = !w->stopped && s >= w->body_start && e <= w->body_end;
    switch (kind) {
    case CAP_MACRO: /* a definition is no text; its calls were expanded (tex_expand.h) */
    case CAP_SKIP:
        tex__push_node(w, node, true);
        break;
    case CAP_COMMAND:
        tex__command(w, node, consumed, in_body);
        break;
    case CAP_IMAGE:
        rls_model_builder_layout(&w->mb, RLS_LAYOUT_IMAGE, (RlsSpan){s, e});
        tex__push_node(w, node, true);
        break;
    case CAP_LINK:
        if (in_body) tex__link(w, node, consumed);
        break;
    case CAP_ENV:
        tex__env(w, node, in_body);
        break;
    case CAP_SECTION:
        if (in_body) tex__section_node(w, node);
        break;
    case CAP_ITEM:
        if (in_body) tex__item(w, node);
        break;
    case CAP_TEXT:
    case CAP_MATH:
        if (in_body && !consumed) tex__loose(w, node);
        break;
    default:
        break;
    }
}

static bool tex__already_done(TexWalk *w, uint32_t s, uint32_t e) {
    while (w->done_head < w->n_done && w->done[w->done_head].start < s)
        w->done_head++;
    if (w->done_head < w->n_done && w->done[w->done_head].start == s &&
        w->done[w->done_head].end == e) {
        w->done_head++;
        return true;
    }
    return false;
}

static uint32_t tex__on_struct(void *ud, TSNode node) {
    TexWalk *w = ud;
    const char *type = ts_node_type(node);
    TexCapture kind = CAP_COMMAND;
    if (!strcmp(type, "enum_item"))
        kind = CAP_ITEM;
    else if (!strcmp(type, "generic_environment"))
        kind = CAP_ENV;
    else if (strcmp(type, "generic_command") != 0)
        kind = CAP_SECTION;
    TexRange r = {ts_node_start_byte(node), ts_node_end_byte(node), false, false};
    /* Handled already when the stream met it first (same start byte). */
    if (r.start == w->last_stream.start && r.end == w->last_stream.end) return r.end;
    RLS_PUSH(w->done, w->n_done, w->cap_done, r);
    w->own_end = r.end;
    tex__dispatch(w, node, kind);
    return w->own_end;
}

/* The tree-sitter runtime (0.20.7) frees an interior pointer when its
 * error recovery at the end of the input wraps 65 536 subtrees into one
 * node: 16 383 "\begin{enumerate}\item {" before an unclosed "$x^{" abort
 * the process (valgrind: an invalid free 524 288 bytes, 65 536 subtrees,
 * into the array ts_stack_pop_all built), 16 382 do not. Every level of
 * nesting keeps a few subtrees on the parse stack until it closes, so a
 * document nested deeper than this, which no resume is, never reaches the
 * grammar. */
#define TEX_MAX_NESTING 2000u
#define TEX_TOO_DEEP "it is nested more than 2000 levels deep (groups and environments)"

static bool tex__too_deep(const char *src, uint32_t len) {
    uint32_t depth = 0;
    for (uint32_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '%') {
            while (i + 1 < len && src[i + 1] != '\n')
                i++;
        } else if (c == '\\') {
            if (i + 6 <= len && !memcmp(src + i + 1, "begin", 5)) {
                depth++;
            } else if (i + 4 <= len && !memcmp(src + i + 1, "end", 3)) {
                depth -= depth > 0;
            }
            i++; /* an escaped brace or percent sign is a character */
        } else if (c == '{') {
            depth++;
        } else if (c == '}') {
            depth -= depth > 0;
        }
        if (depth > TEX_MAX_NESTING) return true;
    }
    return false;
}

RlsResume *rls_tex_parser_parse(RlsTexParser *self, const char *src, uint32_t len,
                                const RlsParseOptions *opts, RlsParseBudget *budget) {
    /* A document that calls its own macros is read expanded (tex_expand.h),
     * parsed afresh: the old tree's bytes are not the expanded text's. */
    const char *const source = src;
    const uint32_t src_len = len;
    RlsTexExpansion *expansion = rls_tex_expand(src, len, opts);
    if (expansion) {
        if (self->tree) ts_tree_delete(self->tree);
        self->tree = NULL;
        src = rls_tex_expansion_text(expansion, &len);
    }
    bool too_deep = tex__too_deep(src, len);
    TSTree *tree = too_deep ? NULL : rls_parse_budgeted(budget, self->ts, self->tree, src, len);
    if (self->tree) ts_tree_delete(self->tree);
    self->tree = tree;
    if (!tree) {
        budget->gave_up = too_deep ? TEX_TOO_DEEP : RLS_PARSE_SLOW;
        rls_tex_expansion_delete(expansion);
        RlsModelBuilder mb;
        rls_model_builder_init(&mb, RLS_FORMAT_LATEX, src_len);
        return rls_model_builder_finish(&mb);
    }

    TexWalk w;
    memset(&w, 0, sizeof(w));
    w.src = src;
    w.len = len;
    rls_model_builder_init(&w.mb, RLS_FORMAT_LATEX, len);
    rls_line_reader_init(&w.lines, &w.mb, src, len, tex__cell_gap, NULL);
    rls_tex_macros_init(&w.macros, opts);
    rls_plain_builder_init(&w.para);
    rls_tex_text_init(&w.para_text, src, len, &w.para, &w.macros);
    w.para_text.on_line = tex__on_para_line;
    w.para_text.on_struct = tex__on_struct;
    w.para_text.ud = &w;
    w.macro_entry = -1;
    w.top_kind = RLS_SECTION_HEADER;

    TSNode root = ts_tree_root_node(tree);
    tex__find_body(&w, root);
    rls_capture_cursor_exec(&self->cursor, tex__get_query(), root);
    RlsCapture cap;
    while (rls_capture_cursor_next(&self->cursor, &cap)) {
        TSNode node = cap.node;
        TexCapture kind = cap.capture_id < RLS_ARRAY_LEN(tex__capture_kind)
                              ? tex__capture_kind[cap.capture_id]
                              : CAP_UNKNOWN;
        uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
        if (kind == CAP_COMMENT) {
            tex__comment(&w, node);
            continue;
        }
        if (kind == CAP_ERROR) {
            rls_model_builder_error(&w.mb, (RlsSpan){s, e});
            continue;
        }
        if (tex__already_done(&w, s, e)) continue;
        w.last_stream = (TexRange){s, e, false, false};
        tex__dispatch(&w, node, kind);
    }
    tex__flush_para(&w);
    rls_line_reader_section_end(&w.lines);
    if (ts_node_has_error(root)) tex__missing(&w, root);

    rls_plain_builder_close(&w.para);
    rls_tex_macros_close(&w.macros);
    rls_free(w.ranges);
    rls_free(w.items);
    rls_free(w.done);
    rls_free(w.envs);
    rls_free(w.skill_cat);
    RlsResume *model = rls_model_builder_finish(&w.mb);
    if (expansion) {
        rls_tex_expansion_remap(expansion, model);
        rls_tex_expansion_delete(expansion);
        /* The next edit comes in source bytes: no tree of the expanded text
         * may be reused. */
        ts_tree_delete(self->tree);
        self->tree = NULL;
    }
    /* Spans are the source's now, expanded or not. */
    rls_reader_settle_order(model, source, src_len);
    return model;
}
