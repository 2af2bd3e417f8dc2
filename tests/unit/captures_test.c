/*
 * captures_test.c - server/parse/captures.c against tree-sitter's own query
 * engine, the one place ts_query is still used.
 *
 * The product walks our .scm queries with captures.c; latex.c and markdown.c
 * depend on getting the captures ts_query_cursor_next_capture would give, in
 * its order. Here both run over the same trees and must give identical
 * sequences of (start byte, end byte, symbol, capture name, pattern): every
 * corpus resume and fuzz seed under all three grammars, random slices and
 * random edits of them, unterminated and deeply nested constructs, and, next
 * to the real queries, test queries that put one node in several patterns and
 * list inner nodes before outer ones. The subset parser's refusals are
 * checked too.
 */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <tree_sitter/api.h>

#include "parse/captures.h"
#include "parse/formats.h"
#include "test.h"

const TSLanguage *tree_sitter_markdown(void);
const TSLanguage *tree_sitter_markdown_inline(void);
const TSLanguage *tree_sitter_latex(void);

extern const unsigned char rls_data_markdown_scm[];
extern const size_t rls_data_markdown_scm_len;
extern const unsigned char rls_data_markdown_inline_scm[];
extern const size_t rls_data_markdown_inline_scm_len;
extern const unsigned char rls_data_latex_structure_scm[];
extern const size_t rls_data_latex_structure_scm_len;

/* Queries that stress the order beyond what the shipped ones need: a node in
 * several patterns, inner node types listed before outer ones, the root, the
 * ERROR and anonymous nodes, and parent patterns. */
static const char captures__md_stress[] = "(paragraph) @para\n"
                                          "(list_item (paragraph) @item_para)\n"
                                          "(inline) @inline\n"
                                          "(list_item) @item\n"
                                          "(document) @doc\n"
                                          "(section) @section\n"
                                          "(list) @list\n"
                                          "(ERROR) @error\n"
                                          "[ (list_marker_minus) (list_marker_star) ] @marker\n"
                                          "(paragraph) @para_again\n";
static const char captures__inline_stress[] = "(inline) @root\n"
                                              "(code_span) @code\n"
                                              "(backslash_escape) @escape\n"
                                              "(link_text) @lt\n"
                                              "(inline_link (link_text) @link_text)\n"
                                              "(inline_link) @link\n"
                                              "(emphasis) @em\n"
                                              "(strong_emphasis) @strong\n"
                                              "(emphasis_delimiter) @delim\n"
                                              "[ \"[\" \"]\" \"(\" \")\" ] @punct\n"
                                              "(ERROR) @error\n";
static const char captures__tex_stress[] = "(word) @word\n"
                                           "(text) @text\n"
                                           "(curly_group (text) @arg_text)\n"
                                           "(curly_group \"}\" @close_brace)\n"
                                           "(curly_group) @group\n"
                                           "(generic_command) @cmd\n"
                                           "(source_file) @file\n"
                                           "[ \"{\" \"}\" \",\" ] @punct\n"
                                           "(text) @text_again\n"
                                           "(ERROR) @error\n"
                                           "(generic_environment) @env\n";

typedef struct {
    const char *name;
    const TSLanguage *(*lang)(void);
    const char *text;
    size_t len;
    TSQuery *ts;
    RlsCaptureQuery *ours;
    TSParser *parser;
} QueryCase;

static QueryCase captures__cases[6];
static size_t captures__n_cases;
static long captures__checks, captures__captures, captures__mismatches;

static void captures__add_case(const char *name, const TSLanguage *(*lang)(void), const char *text,
                               size_t len) {
    QueryCase *c = &captures__cases[captures__n_cases++];
    c->name = name;
    c->lang = lang;
    c->text = text;
    c->len = len;
    uint32_t err_offset = 0;
    TSQueryError err = TSQueryErrorNone;
    c->ts = ts_query_new(lang(), text, (uint32_t)len, &err_offset, &err);
    char msg[512];
    c->ours = rls_malloc(sizeof(*c->ours));
    int rc = rls_capture_query_init(c->ours, lang(), text, len, msg, sizeof(msg));
    if (!c->ts) RLS__FAIL("%s: ts_query_new fails at byte %u (%d)", name, err_offset, (int)err);
    if (rc < 0) {
        RLS__FAIL("%s: %s", name, msg);
        rls_free(c->ours);
        c->ours = NULL;
    }
    c->parser = ts_parser_new();
    ts_parser_set_language(c->parser, lang());
}

static void captures__setup(void) {
    if (captures__n_cases) return;
    captures__add_case("markdown.scm", tree_sitter_markdown, (const char *)rls_data_markdown_scm,
                       rls_data_markdown_scm_len);
    captures__add_case("markdown_inline.scm", tree_sitter_markdown_inline,
                       (const char *)rls_data_markdown_inline_scm,
                       rls_data_markdown_inline_scm_len);
    captures__add_case("latex-structure.scm", tree_sitter_latex,
                       (const char *)rls_data_latex_structure_scm,
                       rls_data_latex_structure_scm_len);
    captures__add_case("markdown stress", tree_sitter_markdown, captures__md_stress,
                       sizeof(captures__md_stress) - 1);
    captures__add_case("inline stress", tree_sitter_markdown_inline, captures__inline_stress,
                       sizeof(captures__inline_stress) - 1);
    captures__add_case("latex stress", tree_sitter_latex, captures__tex_stress,
                       sizeof(captures__tex_stress) - 1);
}

static void captures__teardown(void) {
    for (size_t i = 0; i < captures__n_cases; i++) {
        QueryCase *c = &captures__cases[i];
        if (c->ts) ts_query_delete(c->ts);
        rls_free(c->ours);
        ts_parser_delete(c->parser);
    }
    captures__n_cases = 0;
}

/* One capture as both sides report it. */
typedef struct {
    uint32_t start_byte, end_byte;
    TSSymbol symbol;
    uint32_t pattern;
    const char *name; /* borrowed from its query */
} Cap;

typedef struct {
    Cap *items;
    uint32_t len;
    size_t cap;
} CapSeq;

static void captures__ts_seq(const QueryCase *c, TSNode root, CapSeq *out) {
    TSQueryCursor *cur = ts_query_cursor_new();
    ts_query_cursor_exec(cur, c->ts, root);
    TSQueryMatch m;
    uint32_t ci;
    while (ts_query_cursor_next_capture(cur, &m, &ci)) {
        TSNode n = m.captures[ci].node;
        uint32_t name_len;
        const char *name = ts_query_capture_name_for_id(c->ts, m.captures[ci].index, &name_len);
        Cap k = {ts_node_start_byte(n), ts_node_end_byte(n), ts_node_symbol(n), m.pattern_index,
                 name};
        RLS_PUSH(out->items, out->len, out->cap, k);
    }
    ts_query_cursor_delete(cur);
}

static void captures__our_seq(const QueryCase *c, RlsCaptureCursor *cur, TSNode root, CapSeq *out) {
    rls_capture_cursor_exec(cur, c->ours, root);
    RlsCapture rc;
    while (rls_capture_cursor_next(cur, &rc)) {
        Cap k = {ts_node_start_byte(rc.node), ts_node_end_byte(rc.node), ts_node_symbol(rc.node),
                 rc.pattern_index, rls_capture_query_capture_name(c->ours, rc.capture_id)};
        RLS_PUSH(out->items, out->len, out->cap, k);
    }
}

static bool captures__same(const Cap *a, const Cap *b) {
    return a->start_byte == b->start_byte && a->end_byte == b->end_byte && a->symbol == b->symbol &&
           a->pattern == b->pattern && a->name && b->name && !strcmp(a->name, b->name);
}

/* Compares both engines on one tree; reports the first difference. */
static void captures__compare(const QueryCase *c, TSTree *tree, const char *label) {
    CapSeq want = {0}, got = {0};
    TSNode root = ts_tree_root_node(tree);
    captures__ts_seq(c, root, &want);
    RlsCaptureCursor cur;
    rls_capture_cursor_init(&cur);
    captures__our_seq(c, &cur, root, &got);
    /* The cursor is reusable: a second walk of the same tree gives the same. */
    CapSeq again = {0};
    captures__our_seq(c, &cur, root, &again);
    rls_capture_cursor_close(&cur);
    captures__checks++;
    captures__captures += want.len;
    uint32_t n = RLS_MIN(want.len, got.len);
    uint32_t i = 0;
    while (i < n && captures__same(&want.items[i], &got.items[i]))
        i++;
    if (i < n || want.len != got.len) {
        captures__mismatches++;
        if (captures__mismatches <= 5) {
            RLS__FAIL("%s, %s: capture %u of %u (ours %u) differs", label, c->name, i, want.len,
                      got.len);
            if (i < want.len)
                printf("#     tree-sitter: [%u,%u) %s @%s pattern %u\n", want.items[i].start_byte,
                       want.items[i].end_byte,
                       ts_language_symbol_name(c->lang(), want.items[i].symbol), want.items[i].name,
                       want.items[i].pattern);
            if (i < got.len)
                printf("#     ours:        [%u,%u) %s @%s pattern %u\n", got.items[i].start_byte,
                       got.items[i].end_byte,
                       ts_language_symbol_name(c->lang(), got.items[i].symbol), got.items[i].name,
                       got.items[i].pattern);
        }
    }
    bool same_again = again.len == got.len;
    for (uint32_t k = 0; same_again && k < got.len; k++)
        same_again = captures__same(&again.items[k], &got.items[k]);
    if (!same_again) RLS__FAIL("%s, %s: a reused cursor walks differently", label, c->name);
    rls_free(want.items);
    rls_free(got.items);
    rls_free(again.items);
}

/* The Markdown inline grammar as the product runs it: over the block
 * tree's inline nodes, through included ranges. */
static void captures__inline_ranges(QueryCase *c, TSTree *block, const char *text, uint32_t len,
                                    const char *label) {
    TSRange *ranges = NULL;
    uint32_t n = 0;
    size_t cap = 0;
    TSTreeCursor tc = ts_tree_cursor_new(ts_tree_root_node(block));
    bool down = true;
    for (;;) {
        TSNode node = ts_tree_cursor_current_node(&tc);
        if (down && !strcmp(ts_node_type(node), "inline")) {
            TSRange r = {ts_node_start_point(node), ts_node_end_point(node),
                         ts_node_start_byte(node), ts_node_end_byte(node)};
            if ((!n || ranges[n - 1].end_byte <= r.start_byte) && rls_md_inline_fits(text, &r, 1))
                RLS_PUSH(ranges, n, cap, r);
        }
        if (down && ts_tree_cursor_goto_first_child(&tc)) continue;
        if (ts_tree_cursor_goto_next_sibling(&tc)) {
            down = true;
            continue;
        }
        if (!ts_tree_cursor_goto_parent(&tc)) break;
        down = false;
    }
    ts_tree_cursor_delete(&tc);
    if (n && ts_parser_set_included_ranges(c->parser, ranges, n)) {
        TSTree *tree = ts_parser_parse_string(c->parser, NULL, text, len);
        if (tree) {
            captures__compare(c, tree, label);
            ts_tree_delete(tree);
        }
    }
    ts_parser_set_included_ranges(c->parser, NULL, 0);
    rls_free(ranges);
}

/* Whether the reader would hand text, as one inline run, to the inline
 * grammar: what it never does (bracket soup sends that grammar into a phase
 * that never checks a timeout) is not compared. */
static bool captures__inline_fits(const char *text, uint32_t len) {
    TSRange r = {{0, 0}, {0, 0}, 0, len};
    return rls_md_inline_fits(text, &r, 1);
}

/* Every query case whose grammar fits, over one text. */
static void captures__check_text(const char *text, uint32_t len, const char *label) {
    captures__setup();
    for (size_t i = 0; i < captures__n_cases; i++) {
        QueryCase *c = &captures__cases[i];
        if (!c->ts || !c->ours) continue;
        if (c->lang == tree_sitter_markdown_inline && !captures__inline_fits(text, len)) continue;
        TSTree *tree = ts_parser_parse_string(c->parser, NULL, text, len);
        if (!tree) continue;
        captures__compare(c, tree, label);
        if (c->lang == tree_sitter_markdown) {
            /* The inline case of the same kind (shipped or stress) comes
             * right after its block case. */
            captures__inline_ranges(&captures__cases[i + 1], tree, text, len, label);
        }
        ts_tree_delete(tree);
    }
}

/* ---- Inputs ---------------------------------------------------------------- */

typedef struct {
    char *text;
    size_t len;
    char name[96];
} Input;

static Input *captures__inputs;
static size_t captures__n_inputs, captures__cap_inputs;

static void captures__read_dir(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            captures__read_dir(path);
            continue;
        }
        Input in = {0};
        in.text = rls_test_read_file(path, &in.len);
        if (!in.text) continue;
        snprintf(in.name, sizeof(in.name), "%.80s", e->d_name);
        RLS_PUSH(captures__inputs, captures__n_inputs, captures__cap_inputs, in);
    }
    closedir(d);
}

/* The inputs of the random slices and edits: the repository's own
 * resumes and fuzz seeds, so that a fresh clone runs the same cases as CI. */
static void captures__load_inputs(void) {
    if (captures__n_inputs) return;
    captures__read_dir(RLS_TEST_RESUMES);
    captures__read_dir(RLS_TESTS_DIR "/fuzz/seeds");
    captures__read_dir(RLS_SOURCE_DIR "/examples");
}

static void captures__free_inputs(void) {
    for (size_t i = 0; i < captures__n_inputs; i++)
        rls_free(captures__inputs[i].text);
    rls_free(captures__inputs);
    captures__inputs = NULL;
    captures__n_inputs = captures__cap_inputs = 0;
}

/* xorshift64*: a fixed seed, so a failure is reproducible. */
static uint64_t captures__rng = 0x9e3779b97f4a7c15ull;
static uint32_t captures__rand(uint32_t n) {
    captures__rng ^= captures__rng >> 12;
    captures__rng ^= captures__rng << 25;
    captures__rng ^= captures__rng >> 27;
    return n ? (uint32_t)((captures__rng * 2685821657736338717ull) >> 33) % n : 0;
}

/* ---- Cases ------------------------------------------------------------------ */

static void test_embedded_queries_match_ts_query_ids(void) {
    captures__setup();
    for (size_t i = 0; i < captures__n_cases; i++) {
        QueryCase *c = &captures__cases[i];
        if (!c->ts || !c->ours) continue;
        EXPECT_EQ_INT(rls_capture_query_pattern_count(c->ours), ts_query_pattern_count(c->ts));
        uint32_t n = ts_query_capture_count(c->ts);
        EXPECT_EQ_INT(rls_capture_query_capture_count(c->ours), n);
        for (uint32_t id = 0; id < n; id++) {
            uint32_t len;
            const char *name = ts_query_capture_name_for_id(c->ts, id, &len);
            const char *ours = rls_capture_query_capture_name(c->ours, id);
            if (!ours || strlen(ours) != len || memcmp(ours, name, len) != 0)
                RLS__FAIL("%s: capture %u is @%.*s, ours @%s", c->name, id, (int)len, name,
                          ours ? ours : "(none)");
        }
        EXPECT_TRUE(rls_capture_query_capture_name(c->ours, n) == NULL);
    }
}

static void test_fixtures_and_seeds(void) {
    captures__load_inputs();
    ASSERT_TRUE(captures__n_inputs >= 30); /* tests/data/resumes, the seeds, examples/ */
    long before = captures__checks;
    for (size_t i = 0; i < captures__n_inputs; i++)
        if (rls_test_sampled(i))
            captures__check_text(captures__inputs[i].text, (uint32_t)captures__inputs[i].len,
                                 captures__inputs[i].name);
    printf("# %zu files, %ld trees compared, %ld captures so far\n", captures__n_inputs,
           captures__checks - before, captures__captures);
}

static void captures__corpus_file(const char *name, const char *path, bool latex, void *ctx) {
    size_t *n = ctx;
    size_t len = 0;
    char *text = rls_test_read_file(path, &len);
    if (text && rls_test_sampled((*n)++)) captures__check_text(text, (uint32_t)len, name);
    rls_free(text);
}

/* Runs last, alone in the corpus group: it sets up and tears down itself. */
static void test_corpus(void) {
    size_t n = 0;
    long before = captures__checks, mismatches = captures__mismatches;
    rls_test_each_resume(rls_test_corpus_dir(), captures__corpus_file, &n);
    EXPECT_TRUE(n >= 20);
    EXPECT_EQ_INT(captures__mismatches - mismatches, 0);
    printf("# %zu corpus files, %ld trees compared, %ld mismatching\n", n,
           captures__checks - before, captures__mismatches - mismatches);
    captures__teardown();
}

static void test_handwritten_edges(void) {
    static const char *const texts[] = {
        "",
        " ",
        "\n",
        ",",
        "}",
        "{",
        "\\end{itemize}",
        "\\begin{itemize}\\item x",
        "\\begin{itemize}\n\\item a, b\n\\begin{enumerate}\\item (c)",
        "\\section{",
        "\\section{A}\\subsection{B}x, y = (z)",
        "\\textbf{\\emph{\\underline{a}",
        "% comment only",
        "\\begin{comment}x",
        "$x$ $$y$$ \\[ z \\] \\begin{equation}",
        "\\href{http://a}{b}, \\newcommand{\\x}[1]{#1}",
        "- ",
        "-",
        "# ",
        "#\n=",
        "Title\n=====\n\n- a\n  - b\n    - c\n      1. d",
        "[a](b)",
        "[a](",
        "![img](x.png) <http://a> <a@b.c>",
        "<!-- x",
        "<!-- resume-ls-disable weak-opener -->\n- did stuff",
        "```\ncode",
        "---\ntitle: x\n---\n# A",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "    indented\n\n> quote\n> - item",
        "é 漢字 😀\r\n- CRLF item\r\n",
        "\xff\xfe invalid utf-8 \xc3",
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(texts); i++)
        captures__check_text(texts[i], (uint32_t)strlen(texts[i]), texts[i]);
}

/* Deep nesting in both formats, and long unterminated runs. */
static void test_deep_nesting(void) {
    size_t cap = 64 * 1024;
    char *b = rls_malloc(cap);
    static const struct {
        const char *open, *middle, *close;
        int depth;
    } shapes[] = {
        {"\\textbf{", "x, y", "}", 300},
        {"\\begin{itemize}\\item ", "a (b)", "\\end{itemize}", 120},
        {"\\begin{itemize}\\item ", "unterminated", "", 120},
        {"{", "z", "", 400},
        {"\\section{", "s", "", 200},
        {"> ", "quoted", "", 100},
        {"[", "link", "](u)", 200},
        {"*", "em", "*", 200},
        {"<!-- ", "c", "", 50},
    };
    for (size_t s = 0; s < RLS_ARRAY_LEN(shapes); s++) {
        size_t n = 0;
        for (int d = 0; d < shapes[s].depth; d++)
            n += (size_t)snprintf(b + n, cap - n, "%s", shapes[s].open);
        n += (size_t)snprintf(b + n, cap - n, "%s", shapes[s].middle);
        for (int d = 0; d < shapes[s].depth; d++)
            n += (size_t)snprintf(b + n, cap - n, "%s", shapes[s].close);
        captures__check_text(b, (uint32_t)n, shapes[s].open);
    }
    /* Markdown lists nested by indentation, 60 levels. */
    size_t n = 0;
    for (int d = 0; d < 60; d++)
        n += (size_t)snprintf(b + n, cap - n, "%*s- item %d, with [a](b)\n", 2 * d, "", d);
    captures__check_text(b, (uint32_t)n, "nested list");
    rls_free(b);
}

static void test_random_slices(void) {
    captures__load_inputs();
    ASSERT_TRUE(captures__n_inputs > 0);
    for (int k = 0; k < 400; k++) {
        const Input *in = &captures__inputs[captures__rand((uint32_t)captures__n_inputs)];
        if (!rls_test_sampled((size_t)k) || in->len == 0) continue;
        uint32_t start = captures__rand((uint32_t)in->len);
        uint32_t len = captures__rand((uint32_t)(in->len - start) + 1);
        char label[160];
        snprintf(label, sizeof(label), "%s[%u..%u)", in->name, start, start + len);
        captures__check_text(in->text + start, len, label);
    }
}

/* Random edits that break structure: markup characters, deleted and
 * duplicated ranges. */
static void test_random_edits(void) {
    static const char *const bits[] = {
        "{",
        "}",
        "\\item ",
        "\\begin{itemize}",
        "\\end{itemize}",
        "%",
        "$",
        ",",
        "(",
        ")",
        "=",
        "\\section{",
        "\\textbf{",
        "\n",
        "- ",
        "* ",
        "# ",
        "[",
        "](",
        "<!--",
        "-->",
        "`",
        "```",
        "> ",
        "|",
        "\\",
        "&",
        "\\href{",
        "é",
        "\r\n",
    };
    captures__load_inputs();
    ASSERT_TRUE(captures__n_inputs > 0);
    for (int k = 0; k < 300; k++) {
        const Input *in = &captures__inputs[captures__rand((uint32_t)captures__n_inputs)];
        if (!rls_test_sampled((size_t)k)) continue;
        size_t cap = in->len * 2 + 256;
        char *b = rls_malloc(cap);
        memcpy(b, in->text, in->len);
        size_t n = in->len;
        int edits = 1 + (int)captures__rand(8);
        for (int e = 0; e < edits; e++) {
            uint32_t at = captures__rand((uint32_t)n + 1);
            uint32_t kind = captures__rand(3);
            if (kind == 0) {
                const char *bit = bits[captures__rand(RLS_ARRAY_LEN(bits))];
                size_t bl = strlen(bit);
                if (n + bl > cap) continue;
                memmove(b + at + bl, b + at, n - at);
                /* The buffer is a text with a length, not a C string. */
                // NOLINTNEXTLINE(bugprone-not-null-terminated-result)
                memcpy(b + at, bit, bl);
                n += bl;
            } else if (kind == 1) {
                uint32_t del = captures__rand((uint32_t)(n - at) / 4 + 1);
                memmove(b + at, b + at + del, n - at - del);
                n -= del;
            } else {
                uint32_t dup = captures__rand((uint32_t)(n - at) / 4 + 1);
                if (n + dup > cap) continue;
                memmove(b + at + dup, b + at, n - at);
                n += dup;
            }
        }
        char label[160];
        snprintf(label, sizeof(label), "%s, edit run %d", in->name, k);
        captures__check_text(b, (uint32_t)n, label);
        rls_free(b);
    }
}

static void test_no_mismatch_overall(void) {
    printf("# %ld trees compared, %ld captures, %ld mismatching trees\n", captures__checks,
           captures__captures, captures__mismatches);
    EXPECT_EQ_INT(captures__mismatches, 0);
    EXPECT_TRUE(captures__checks > 100);
    captures__free_inputs();
    captures__teardown();
}

/* ---- The subset parser ------------------------------------------------------ */

static void captures__expect_refused(const char *query, int line, const char *why) {
    RlsCaptureQuery *q = rls_malloc(sizeof(*q));
    char err[512];
    int rc = rls_capture_query_init(q, tree_sitter_latex(), query, strlen(query), err, sizeof(err));
    rls_free(q);
    if (rc != RLS_EPARSE) {
        RLS__FAIL("accepted: %s", query);
        return;
    }
    char prefix[32];
    snprintf(prefix, sizeof(prefix), "line %d: ", line);
    if (strncmp(err, prefix, strlen(prefix)) != 0 || !strstr(err, why) ||
        !strstr(err, "supported: "))
        RLS__FAIL("for %s\n#     got \"%s\"\n#     expected line %d and \"%s\"", query, err, line,
                  why);
}

static void test_refuses_what_it_does_not_support(void) {
    captures__expect_refused("(text) @a\n(text)\n", 3, "expected a capture");
    captures__expect_refused("; c\n(section title: (curly_group)) @a", 2, "fields");
    captures__expect_refused("((text) @a (#eq? @a \"x\"))", 1, "expected a node type");
    captures__expect_refused("(text) @a\n(#match? @a \"x\")", 2, "predicates");
    captures__expect_refused("(text)* @a", 1, "quantifiers");
    captures__expect_refused("(_) @a", 1, "wildcard");
    captures__expect_refused("\n\n(no_such_node) @a", 3, "no node type (no_such_node)");
    captures__expect_refused("\"no such token\" @a", 1, "no token");
    captures__expect_refused("(text) @a @b", 1, "one capture");
    captures__expect_refused("(curly_group (text (word)) @a)", 1, "only a plain (node)");
    captures__expect_refused("(curly_group (text) @a (word) @b)", 1, "exactly one captured child");
    captures__expect_refused("(curly_group (text) @a) @b", 1, "one capture");
    captures__expect_refused(". (text) @a", 1, "unexpected '. (text) @a'");
    captures__expect_refused("", 1, "no pattern");
    captures__expect_refused("; only a comment\n", 2, "no pattern");
    captures__expect_refused("[ ] @a", 1, "empty alternation");
    captures__expect_refused("[ (text) _ ] @a", 1, "expected (node) or \"token\"");
    captures__expect_refused("\"abc", 1, "unterminated string");
    captures__expect_refused("\"\\q\" @a", 1, "unknown escape");
    captures__expect_refused("(text) @", 1, "needs a name");
    captures__expect_refused("(text", 1, "expected ')'");
}

static void test_accepts_the_subset(void) {
    static const char query[] = "; comment\n"
                                "(text) @t ; trailing comment\n"
                                "[ (word) \",\" (text) (word) ] @w\n"
                                "(curly_group \"{\" @open)\n"
                                "\"=\" @eq\n"
                                "(ERROR) @t\n";
    RlsCaptureQuery *q = rls_malloc(sizeof(*q));
    char err[512];
    int rc =
        rls_capture_query_init(q, tree_sitter_latex(), query, sizeof(query) - 1, err, sizeof(err));
    if (rc != 0) {
        RLS__FAIL("refused: %s", err);
        rls_free(q);
        return;
    }
    EXPECT_EQ_INT(rls_capture_query_pattern_count(q), 5);
    EXPECT_EQ_INT(rls_capture_query_capture_count(q), 4);
    EXPECT_STR_EQ(rls_capture_query_capture_name(q, 0), "t");
    EXPECT_STR_EQ(rls_capture_query_capture_name(q, 2), "open");
    EXPECT_STR_EQ(rls_capture_query_capture_name(q, 3), "eq");
    rls_free(q);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_refuses_what_it_does_not_support),
        RLS_TEST(test_accepts_the_subset),
        RLS_TEST(test_embedded_queries_match_ts_query_ids),
        RLS_TEST(test_fixtures_and_seeds),
        RLS_TEST(test_handwritten_edges),
        RLS_TEST(test_deep_nesting),
        RLS_TEST(test_random_slices),
        RLS_TEST(test_random_edits),
        RLS_TEST(test_no_mismatch_overall),
        RLS_CORPUS_TEST(test_corpus),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
