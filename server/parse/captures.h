/*
 * captures.h - the captures of our .scm queries, without tree-sitter's
 * query compiler.
 *
 * The grammars/queries .scm files stay the contract between a grammar and its parser:
 * a new kind of node is a pattern there. But ts_query_new analyses the whole
 * grammar to build a query (10 ms for LaTeX, more than the rest of a `check`
 * run), while our patterns only ever name a node type. This module compiles
 * that subset into a table from node symbol to (capture, pattern) and walks a
 * tree with a TSTreeCursor, yielding what ts_query_cursor_next_capture yields
 * for the same text, in the same order.
 *
 * The subset, one pattern after another (';' starts a comment):
 *   (node_type) @name
 *   "token" @name                       an anonymous node
 *   [ (a) (b) "," ] @name               any one of them; one pattern
 *   (parent (child) @name)              child directly under parent; the
 *                                       parent is not captured
 * Anything else (fields, predicates, quantifiers, anchors, wildcards, two
 * captures on one node, deeper nesting) is refused with its line, so that a
 * pattern outside the subset fails the tests instead of matching nothing.
 *
 * The order, which the parsers rely on: nodes in document pre-order (a node
 * before everything inside it, siblings in source order, so by start byte,
 * and at equal start bytes the outer node first); the patterns that match one
 * node in pattern order. As in tree-sitter, a node that ends at byte 0 (an
 * empty document, a zero-width node at the very start) and what is inside it
 * yield nothing. tests/unit/captures_test.c checks the equivalence against
 * ts_query over the corpus and generated inputs.
 */
#ifndef RLS_PARSE_CAPTURES_H_
#define RLS_PARSE_CAPTURES_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#define RLS_CAPTURE_MAX_RULES 256    /* (node type, pattern) pairs in one query */
#define RLS_CAPTURE_MAX_NAMES 32     /* distinct @names in one query */
#define RLS_CAPTURE_NAME_MAX 32      /* bytes of one @name, with its NUL */
#define RLS_CAPTURE_MAX_SYMBOLS 2048 /* symbols of the grammar */

/* A node of `symbol` (under a parent of symbol `parent`, when has_parent) is
 * captured as capture_id by pattern pattern_index. */
typedef struct {
    TSSymbol symbol;
    TSSymbol parent;
    bool has_parent;
    uint16_t capture_id;
    uint16_t pattern_index;
} RlsCaptureRule;

/* A compiled query. It holds no allocation, so the parsers keep theirs in
 * static storage for the life of the process; fields are private. */
typedef struct {
    RlsCaptureRule rules[RLS_CAPTURE_MAX_RULES]; /* by symbol, then in pattern order */
    uint16_t first[RLS_CAPTURE_MAX_SYMBOLS + 2]; /* rules of slot s: [first[s], first[s+1]) */
    uint32_t n_rules;
    uint32_t n_slots; /* one per grammar symbol, and the last for ERROR */
    uint32_t n_patterns;
    uint32_t n_names;
    char names[RLS_CAPTURE_MAX_NAMES][RLS_CAPTURE_NAME_MAX];
} RlsCaptureQuery;

/* Compiles query text (borrowed) for lang into self. Returns 0, or
 * RLS_EPARSE and, when err_cap > 0, a NUL-terminated message naming the
 * line and the supported forms in err (self is then unusable). */
int rls_capture_query_init(RlsCaptureQuery *self, const TSLanguage *lang, const char *text,
                           size_t len, char *err, size_t err_cap);

/* Compiles a query embedded in the program. A broken one is a build defect:
 * it prints why (naming `what`, e.g. the file) and aborts. */
void rls_capture_query_init_embedded(RlsCaptureQuery *self, const TSLanguage *lang,
                                     const unsigned char *text, size_t len, const char *what);

/* Capture ids run from 0 in order of first appearance, as in ts_query. */
uint32_t rls_capture_query_capture_count(const RlsCaptureQuery *self);
/* Borrowed NUL-terminated name of a capture id, without the '@'; NULL when
 * id is out of range. */
const char *rls_capture_query_capture_name(const RlsCaptureQuery *self, uint32_t id);
uint32_t rls_capture_query_pattern_count(const RlsCaptureQuery *self);

typedef struct {
    TSNode node;
    uint32_t capture_id;
    uint32_t pattern_index;
} RlsCapture;

/* A walk over one tree. Caller-allocated: _init once, _exec per tree (the
 * tree must outlive the walk), _close to free. */
typedef struct {
    const RlsCaptureQuery *query;
    TSTreeCursor cursor;
    bool has_cursor;
    bool started;
    bool done;
    bool descend;       /* whether the current node's children are walked */
    TSSymbol symbol;    /* of the current node */
    TSNode node;        /* the current node */
    uint32_t next_rule; /* the current node's rules not yet tried */
    uint32_t end_rule;
    TSSymbol *parents; /* symbols of the current node's ancestors, root first */
    uint32_t depth;
    size_t cap_parents;
} RlsCaptureCursor;

void rls_capture_cursor_init(RlsCaptureCursor *self);
/* Starts a walk of root and everything inside it (query and root borrowed). */
void rls_capture_cursor_exec(RlsCaptureCursor *self, const RlsCaptureQuery *query, TSNode root);
/* The next capture in the order above; false when the walk is over. */
bool rls_capture_cursor_next(RlsCaptureCursor *self, RlsCapture *out);
void rls_capture_cursor_close(RlsCaptureCursor *self);

#endif /* RLS_PARSE_CAPTURES_H_ */
