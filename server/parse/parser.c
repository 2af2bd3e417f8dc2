/*
 * parser.c - one entry point over the Markdown and LaTeX parsers (parse.h).
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, for the parse budget */
#include "rls/parse.h"

#include <string.h>
#include <strings.h>
#include <time.h>

#include "parse/formats.h"
#include "parse/tex_internal.h"
#include "rls/alloc.h"

struct RlsParser {
    RlsFormat format;
    RlsMdParser *md;
    RlsTexParser *tex;
    const char *gave_up; /* why the last parse's model is empty, or NULL */
};

RlsParser *rls_parser_new(RlsFormat format) {
    RlsParser *self = rls_calloc(1, sizeof(*self));
    self->format = format;
    if (format == RLS_FORMAT_LATEX)
        self->tex = rls_tex_parser_new();
    else
        self->md = rls_md_parser_new();
    return self;
}

void rls_parser_delete(RlsParser *self) {
    if (!self) return;
    if (self->md) rls_md_parser_delete(self->md);
    if (self->tex) rls_tex_parser_delete(self->tex);
    rls_free(self);
}

RlsFormat rls_parser_format(const RlsParser *self) {
    return self->format;
}

void rls_parser_trim(RlsParser *self) {
    /* The format parser holds the tree, the inline-run cache and
     * tree-sitter's own buffers: drop all of it; parse makes a new one. */
    if (self->md) rls_md_parser_delete(self->md);
    if (self->tex) rls_tex_parser_delete(self->tex);
    self->md = NULL;
    self->tex = NULL;
}

void rls_parser_edit(RlsParser *self, const RlsByteEdit *edit) {
    if (self->md) rls_md_parser_edit(self->md, edit);
    if (self->tex) rls_tex_parser_edit(self->tex, edit);
}

RlsResume *rls_parser_parse(RlsParser *self, const char *src, uint32_t len,
                            const RlsParseOptions *opts) {
    if (self->format == RLS_FORMAT_LATEX && !self->tex) self->tex = rls_tex_parser_new();
    if (self->format != RLS_FORMAT_LATEX && !self->md) self->md = rls_md_parser_new();
    RlsParseBudget budget = rls_parse_budget_start(len);
    RlsResume *model = self->tex ? rls_tex_parser_parse(self->tex, src, len, opts, &budget)
                                 : rls_md_parser_parse(self->md, src, len, opts, &budget);
    self->gave_up = budget.gave_up;
    return model;
}

const char *rls_parser_gave_up(const RlsParser *self) {
    return self->gave_up;
}

/* ---- The parse budget ------------------------------------------------------ */

/* CPU time of the calling thread: the budget is work, so that a parse on
 * a loaded machine (or a CLI worker sharing cores) is not cut short by
 * time it spent waiting. */
static uint64_t parser__now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

RlsParseBudget rls_parse_budget_start(uint32_t len) {
    uint64_t share = (uint64_t)RLS_PARSE_BUDGET_MICROS_PER_MIB * len / (1024u * 1024u);
    return (RlsParseBudget){parser__now_us() + RLS_PARSE_BUDGET_MICROS + share, false, NULL};
}

/* tree-sitter's timeout counts wall time, which is never less than the
 * CPU time the parse spends. A halted parse is never resumed: with
 * tree-sitter 0.20.7 a resumed parse of the inline grammar can end in a
 * different tree than an uninterrupted one (emphasis soup read as
 * delimiters once and as text the other time), which made one document's
 * findings depend on the machine's speed. So a halted parse starts over,
 * while CPU budget is left, with a wall timeout of the CPU budget left or
 * twice the last one, whichever is more: on an idle machine the first try
 * has the whole budget; on a loaded one (wall time spent waiting) the
 * tries grow until one completes, wasting at most about as much work as
 * the last try did. The answer is the whole parse or nothing. */
TSTree *rls_parse_budgeted(RlsParseBudget *budget, TSParser *parser, const TSTree *old,
                           const char *src, uint32_t len) {
    uint64_t wall = 0;
    for (;;) {
        uint64_t now = parser__now_us();
        if (now >= budget->deadline_us) {
            budget->timed_out = true;
            return NULL;
        }
        uint64_t left = budget->deadline_us - now;
        wall = 2 * wall > left ? 2 * wall : left;
        ts_parser_set_timeout_micros(parser, wall);
        TSTree *tree = ts_parser_parse_string(parser, old, src, len);
        if (tree) return tree;
        ts_parser_reset(parser);
    }
}

bool rls_format_from_path(const char *path, RlsFormat *out) {
    const char *dot = strrchr(path, '.');
    *out = RLS_FORMAT_MARKDOWN;
    if (!dot || strchr(dot, '/')) return false;
    if (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown")) return true;
    if (!strcasecmp(dot, ".tex") || !strcasecmp(dot, ".latex") || !strcasecmp(dot, ".ltx")) {
        *out = RLS_FORMAT_LATEX;
        return true;
    }
    return false;
}

bool rls_format_from_language_id(const char *language_id, RlsFormat *out) {
    *out = RLS_FORMAT_MARKDOWN;
    if (!strcmp(language_id, "markdown")) return true;
    if (!strcmp(language_id, "latex") || !strcmp(language_id, "tex")) {
        *out = RLS_FORMAT_LATEX;
        return true;
    }
    return false;
}

void rls_parse_release_globals(void) {
    rls_md_queries_release();
    rls_tex_queries_release();
}

void rls_parse_init_globals(void) {
    static const RlsFormat formats[] = {RLS_FORMAT_MARKDOWN, RLS_FORMAT_LATEX};
    for (size_t i = 0; i < RLS_ARRAY_LEN(formats); i++) {
        RlsParser *p = rls_parser_new(formats[i]);
        rls_resume_delete(rls_parser_parse(p, "x", 1, NULL));
        rls_parser_delete(p);
    }
}

TSInputEdit rls_ts_input_edit(const RlsByteEdit *edit) {
    TSInputEdit e = {
        .start_byte = edit->start_byte,
        .old_end_byte = edit->old_end_byte,
        .new_end_byte = edit->new_end_byte,
        .start_point = {edit->start_point.row, edit->start_point.col_byte},
        .old_end_point = {edit->old_end_point.row, edit->old_end_point.col_byte},
        .new_end_point = {edit->new_end_point.row, edit->new_end_point.col_byte},
    };
    return e;
}

void rls_ts_visit_errors(TSNode root, bool (*visit_cb)(void *data, TSNode node), void *data) {
    if (!ts_node_has_error(root)) return;
    TSTreeCursor cur = ts_tree_cursor_new(root);
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        bool descend = ts_node_has_error(n) && visit_cb(data, n);
        if (descend && ts_tree_cursor_goto_first_child(&cur)) continue;
        bool up = true;
        while (!ts_tree_cursor_goto_next_sibling(&cur)) {
            if (!ts_tree_cursor_goto_parent(&cur)) {
                up = false;
                break;
            }
        }
        if (!up) break;
    }
    ts_tree_cursor_delete(&cur);
}
