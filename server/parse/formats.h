/*
 * formats.h - the two format parsers behind rls_parser_* (parse.h).
 * Each owns its tree-sitter parser(s) and last tree(s) for one document.
 */
#ifndef RLS_PARSE_FORMATS_H_
#define RLS_PARSE_FORMATS_H_

#include <tree_sitter/api.h>

#include "rls/parse.h"

/* The tree-sitter form of an edit the text layer reports (parser.c). */
TSInputEdit rls_ts_input_edit(const RlsByteEdit *edit);

/* ---- The parse budget (parser.c) ------------------------------------------
 * Every tree-sitter parse of one rls_parser_parse call shares one deadline
 * (RLS_PARSE_BUDGET_MICROS and its share per MiB after the call began), so
 * that no input can hold the server longer than that in the grammars. */
typedef struct {
    uint64_t deadline_us; /* CLOCK_MONOTONIC microseconds */
    bool timed_out;       /* some parse ran out of budget */
    const char *gave_up;  /* why the model is empty (static), or NULL */
} RlsParseBudget;

/* The reason given when the grammar ran out of budget. */
#define RLS_PARSE_SLOW                                                                             \
    "reading its markup took longer than the parse budget (1 s, plus 1 s per MiB)"

/* A budget for parsing len bytes, starting now (parse.h). */
RlsParseBudget rls_parse_budget_start(uint32_t len);
/* ts_parser_parse_string within what is left of the budget. Returns NULL
 * when the parse ran past the deadline (or none was left): then the parser
 * is reset, so that its next parse starts afresh instead of resuming this
 * one, and budget->timed_out is set. */
TSTree *rls_parse_budgeted(RlsParseBudget *budget, TSParser *parser, const TSTree *old,
                           const char *src, uint32_t len);

/* Whether an inline run (the ranges r[0..n) of src) may go to the
 * tree-sitter-markdown inline grammar. Bracket soup ("![[" x 20 in 1.3 KB)
 * sends that grammar into a phase that never looks at its timeout (minutes
 * of CPU, found by fuzz_parse_md), so a run longer than any real paragraph
 * or with more brackets than any run of real links is read as plain text
 * (markdown.c). */
bool rls_md_inline_fits(const char *src, const TSRange *r, uint32_t n);

/* ---- Children ----------------------------------------------------------------
 * ts_node_child(node, i) walks from the first child on every call in this
 * tree-sitter, so a loop over it is quadratic: an itemize of a thousand
 * \items cost seconds. Many children go through a tree cursor instead (one
 * allocation per loop); a few stay on ts_node_child, which allocates
 * nothing. Every loop over a node's children in server/parse goes through
 * this. */
typedef struct {
    TSNode node;
    uint32_t i, n;
    bool use_cursor;
    bool named; /* named children only */
    TSTreeCursor cursor;
} RlsKids;

static inline void rls_kids_init(RlsKids *k, TSNode node) {
    k->node = node;
    k->i = 0;
    k->n = ts_node_child_count(node);
    k->named = false;
    k->use_cursor = k->n > 16;
    if (k->use_cursor) k->cursor = ts_tree_cursor_new(node);
}

static inline void rls_kids_init_named(RlsKids *k, TSNode node) {
    rls_kids_init(k, node);
    k->named = true;
}

static inline bool rls_kids__step(RlsKids *k, TSNode *out) {
    if (k->i >= k->n) return false;
    if (!k->use_cursor) {
        *out = ts_node_child(k->node, k->i++);
        return true;
    }
    bool ok = k->i++ == 0 ? ts_tree_cursor_goto_first_child(&k->cursor)
                          : ts_tree_cursor_goto_next_sibling(&k->cursor);
    if (!ok) {
        k->i = k->n;
        return false;
    }
    *out = ts_tree_cursor_current_node(&k->cursor);
    return true;
}

static inline bool rls_kids_next(RlsKids *k, TSNode *out) {
    while (rls_kids__step(k, out))
        if (!k->named || ts_node_is_named(*out)) return true;
    return false;
}

static inline void rls_kids_close(RlsKids *k) {
    if (k->use_cursor) ts_tree_cursor_delete(&k->cursor);
    k->use_cursor = false;
}

/* Calls visit_cb on every node of root's subtree that has an error (root
 * first, then depth first in document order) with a cursor, so that no
 * tree depth overflows the stack; returning false skips the node's
 * children. */
void rls_ts_visit_errors(TSNode root, bool (*visit_cb)(void *data, TSNode node), void *data);

typedef struct RlsMdParser RlsMdParser;
RlsMdParser *rls_md_parser_new(void);
void rls_md_parser_delete(RlsMdParser *self);
void rls_md_parser_edit(RlsMdParser *self, const RlsByteEdit *edit);
/* The model of src; when the block grammar ran out of budget, an empty
 * model with budget->gave_up set to why. An inline run that runs out of budget
 * is read as plain text. */
RlsResume *rls_md_parser_parse(RlsMdParser *self, const char *src, uint32_t len,
                               const RlsParseOptions *opts, RlsParseBudget *budget);
/* The Markdown queries are compiled once per process, on first use; this
 * frees them (for leak checks at exit). Not thread-safe with parsing. */
void rls_md_queries_release(void);

typedef struct RlsTexParser RlsTexParser;
RlsTexParser *rls_tex_parser_new(void);
void rls_tex_parser_delete(RlsTexParser *self);
void rls_tex_parser_edit(RlsTexParser *self, const RlsByteEdit *edit);
/* As rls_md_parser_parse: an empty model when the grammar ran out of budget. */
RlsResume *rls_tex_parser_parse(RlsTexParser *self, const char *src, uint32_t len,
                                const RlsParseOptions *opts, RlsParseBudget *budget);

#endif /* RLS_PARSE_FORMATS_H_ */
