/*
 * incremental_test.c - the property behind issue 9's caches: after any
 * sequence of edits, the analysis a document keeps (incremental reparse,
 * the Markdown inline-run cache, the per-bullet rule cache, the keyword
 * scan cache) finds exactly what a fresh rls_analyze of the same text finds,
 * and the server publishes exactly what rls_lsp_diagnostic_to_json makes of
 * those findings.
 *
 * Texts: every fixture resume (tests/data/resumes), every resume of
 * ../shared/corpus (the corpus cases) and generated ones (bench/gen.c),
 * edited at random (letters, words, line breaks, list markers, markup,
 * non-ASCII, deletions, duplicated lines), with configuration changes in
 * the middle of a sequence.
 */
#include <dirent.h>

#include "gen.h"
#include "lsp/server_internal.h"
#include "lsp_client.h"
#include "rls/analysis.h"
#include "rls/keyword_report.h"
#include "rls/rules.h"
#include "rls/text.h"
#include "rules/rules_internal.h"

static uint64_t rng_state;
static uint32_t rng(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

static const char *const md_pieces[] = {
    "s",
    "e",
    " ",
    "x",
    "\n",
    "\n- ",
    "\n\n## Skills\n",
    "**",
    "`",
    "é",
    "中文",
    "😀",
    "42%",
    "Led ",
    "Responsible for ",
    "various ",
    "was built by ",
    "I ",
    "synergy",
    "\n### Engineer, Acme | 2020 - 2022\n",
    "  - ",
    "<!-- resume-ls-disable-next-line -->\n",
    "Python, Kafka",
    "three ",
    "\r\n",
};
static const char *const tex_pieces[] = {
    "s",
    "e",
    " ",
    "x",
    "\n",
    "\n\\item ",
    "\\section{Skills}\n",
    "\\textbf{",
    "}",
    "é",
    "中文",
    "42\\%",
    "Led ",
    "Responsible for ",
    "various ",
    "was built by ",
    "I ",
    "synergy",
    "% resume-ls-disable-line\n",
    "Python, Kafka",
    "\\begin{itemize}\n",
    "\\end{itemize}\n",
    "{",
    "\\\\",
};

/* The byte at or before at that starts a UTF-8 character. */
static uint32_t char_start(const char *s, uint32_t at) {
    while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
        at--;
    return at;
}

/* One random edit of text: returns the span replaced and the new bytes
 * (static storage or a slice of buf). */
static void random_edit(const RlsText *text, bool latex, RlsBuf *buf, RlsSpan *span) {
    const char *s = rls_text_data(text);
    uint32_t len = rls_text_len(text);
    uint32_t at = len ? char_start(s, rng() % (len + 1)) : 0;
    if (at > len) at = len;
    rls_buf_clear(buf);
    uint32_t op = rng() % 10;
    if (op < 6 || len == 0) {
        const char *const *pieces = latex ? tex_pieces : md_pieces;
        size_t n = latex ? RLS_ARRAY_LEN(tex_pieces) : RLS_ARRAY_LEN(md_pieces);
        rls_buf_puts(buf, pieces[rng() % n]);
        *span = (RlsSpan){at, at};
    } else if (op < 9) {
        uint32_t end = at + 1 + rng() % (op == 8 ? 40 : 3);
        if (end > len) end = len;
        while (end < len && ((unsigned char)s[end] & 0xC0) == 0x80)
            end++;
        rls_buf_puts(buf, "");
        *span = (RlsSpan){at, end};
    } else {
        /* Duplicate the line around at: the same bullet twice. */
        uint32_t ls = at, le = at;
        while (ls > 0 && s[ls - 1] != '\n')
            ls--;
        while (le < len && s[le] != '\n')
            le++;
        rls_buf_append(buf, s + ls, le - ls);
        rls_buf_putc(buf, '\n');
        *span = (RlsSpan){ls, ls};
    }
}

static bool same_diags(const RlsDiagList *a, const RlsDiagList *b, const char *what) {
    if (a->len != b->len) {
        fprintf(stdout, "#   %s: %zu findings, fresh analysis has %zu\n", what, a->len, b->len);
        for (size_t i = 0; i < a->len || i < b->len; i++)
            fprintf(stdout, "#     %-22s %-22s\n", i < a->len ? a->items[i].rule : "-",
                    i < b->len ? b->items[i].rule : "-");
        return false;
    }
    for (size_t i = 0; i < a->len; i++) {
        const RlsDiag *x = &a->items[i], *y = &b->items[i];
        if (x->span.start_byte != y->span.start_byte || x->span.end_byte != y->span.end_byte ||
            x->severity != y->severity || strcmp(x->rule, y->rule) != 0 ||
            strcmp(x->message, y->message) != 0 || x->bullet != y->bullet ||
            x->plain_start != y->plain_start || x->plain_end != y->plain_end) {
            fprintf(stdout, "#   %s: finding %zu differs: %s [%u,%u) \"%s\" vs %s [%u,%u) \"%s\"\n",
                    what, i, x->rule, x->span.start_byte, x->span.end_byte, x->message, y->rule,
                    y->span.start_byte, y->span.end_byte, y->message);
            return false;
        }
    }
    return true;
}

/* Mid-sequence configuration changes: each must be honoured at once, not
 * hidden behind a cache filled under the old configuration. */
static void configure(RlsConfig *config, uint32_t step) {
    rls_config_close(config);
    rls_config_init(config);
    switch (step % 4) {
    case 0:
        break;
    case 1:
        rls_config_set_severity(config, "weak-opener", RLS_SEV_OFF);
        rls_config_set_threshold(config, "bullet-length.maxWords", 12);
        break;
    case 2:
        rls_config_edit_lexicon(config, "buzzword", "synergy", true);
        rls_config_edit_lexicon(config, "weak-opener", "led", false);
        break;
    case 3:
        rls_config_set_severity(config, "no-metric", RLS_SEV_HINT);
        rls_config_set_job_text(config, "We want Python, Kafka, Kubernetes and Terraform.");
        break;
    }
}

static int core_checks;

/* edits random edits of src, comparing after each. */
static void check_core(const char *name, const char *src, size_t len, bool latex, uint64_t seed,
                       int edits, bool many_bullets) {
    rng_state = seed;
    RlsFormat format = latex ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN;
    RlsText *text = rls_text_new(src, len);
    RlsParser *parser = rls_parser_new(format);
    RlsAnalysis inc;
    rls_analysis_init(&inc);
    RlsConfig config;
    rls_config_init(&config);
    RlsBuf piece;
    rls_buf_init(&piece);
    char what[160];
    for (int k = 0; k <= edits; k++) {
        if (k > 0) {
            RlsSpan span;
            random_edit(text, latex, &piece, &span);
            RlsByteEdit edit;
            if (rls_text_replace(text, span.start_byte, span.end_byte, piece.data ? piece.data : "",
                                 piece.len, &edit) < 0)
                continue;
            rls_parser_edit(parser, &edit);
        }
        if (k > 0 && k % 25 == 0) configure(&config, (uint32_t)(k / 25));
        const char *s = rls_text_data(text);
        uint32_t n = rls_text_len(text);
        rls_analyze(&inc, parser, s, n, &config);
        RlsParser *fresh_parser = rls_parser_new(format);
        RlsAnalysis fresh;
        rls_analysis_init(&fresh);
        rls_analyze(&fresh, fresh_parser, s, n, &config);
        snprintf(what, sizeof(what), "%s, edit %d", name, k);
        bool same = same_diags(&inc.diags, &fresh.diags, what);
        EXPECT_TRUE(same);
        core_checks++;
        rls_analysis_close(&fresh);
        rls_parser_delete(fresh_parser);
        if (!same) break;
    }
    uint64_t hits = 0, misses = 0;
    rls_rules_cache_stats(inc.rules_cache, &hits, &misses);
    /* The cache must actually serve: analysed again unchanged, the text is
     * judged from the cache alone, not one bullet re-judged. (Only judged
     * bullets, outside header and skills sections, are looked up at all: a
     * template the parser finds no headings in never consults the cache, so
     * "some hit whenever there are bullets" does not hold. The generated
     * resumes below check that the cache is consulted.) */
    uint64_t doc_hits = 0, doc_misses = 0;
    rls_rules_cache_doc_stats(inc.rules_cache, &doc_hits, &doc_misses);
    rls_analyze(&inc, parser, rls_text_data(text), rls_text_len(text), &config);
    /* Nor is a document rule run again: its inputs did not change. */
    uint64_t doc_hits_again = 0, doc_misses_again = 0;
    rls_rules_cache_doc_stats(inc.rules_cache, &doc_hits_again, &doc_misses_again);
    EXPECT_EQ_INT(doc_misses_again, doc_misses);
    /* Most random edits touch no opening verb: repeated-verb is replayed. */
    if (many_bullets) EXPECT_TRUE(doc_hits > (uint64_t)edits / 4);
    uint64_t hits_again = 0, misses_again = 0;
    rls_rules_cache_stats(inc.rules_cache, &hits_again, &misses_again);
    if (misses_again != misses)
        fprintf(stdout, "#   %s: %llu bullets judged again in an unchanged text\n", name,
                (unsigned long long)(misses_again - misses));
    EXPECT_EQ_INT(misses_again, misses);
    if (many_bullets) EXPECT_TRUE(hits > 4 * misses);
    rls_buf_close(&piece);
    rls_config_close(&config);
    rls_analysis_close(&inc);
    rls_parser_delete(parser);
    rls_text_delete(text);
}

/* Calls fn on the text of every resume under root (fixtures or corpus). */
typedef void (*ResumeTextFn)(const char *name, const char *src, size_t len, bool latex);

static void resume_text(const char *name, const char *path, bool latex, void *ctx) {
    ResumeTextFn fn = *(ResumeTextFn *)ctx;
    size_t len = 0;
    char *src = rls_test_read_file(path, &len);
    if (src) fn(name, src, len, latex);
    rls_free(src);
}

static size_t for_each_resume(const char *root, ResumeTextFn fn) {
    return rls_test_each_resume(root, resume_text, &fn);
}

static void core_file(const char *name, const char *src, size_t len, bool latex) {
    check_core(name, src, len, latex, 0x9E3779B97F4A7C15ull ^ len, 60, false);
}

static void test_fixtures_incremental_equals_fresh(void) {
    core_checks = 0;
    EXPECT_TRUE(for_each_resume(RLS_TEST_RESUMES, core_file) >= 14);
    EXPECT_TRUE(core_checks > 14 * 60);
}

static void test_corpus_incremental_equals_fresh(void) {
    core_checks = 0;
    EXPECT_TRUE(for_each_resume(rls_test_corpus_dir(), core_file) >= 40);
    EXPECT_TRUE(core_checks > 200);
}

static void test_generated_incremental_equals_fresh(void) {
    for (unsigned seed = 1; seed <= 3; seed++) {
        for (int latex = 0; latex < 2; latex++) {
            RlsBuf gen;
            rls_buf_init(&gen);
            rls_bench_gen(&gen, 30 + seed * 15, latex, seed);
            check_core(latex ? "generated.tex" : "generated.md", gen.data, gen.len, latex,
                       seed * 7919u, 120, true);
            rls_buf_close(&gen);
        }
    }
}

/* ---- Through the server -------------------------------------------------------- */

/* What a fresh analysis of doc's text gives, as the cJSON writer (the
 * reference) writes it. Returns owned. */
static cJSON *fresh_diagnostics(TestClient *c, RlsDocument *doc) {
    RlsParser *fp = rls_parser_new(doc->format);
    RlsAnalysis fresh;
    rls_analysis_init(&fresh);
    rls_analyze(&fresh, fp, rls_text_data(doc->text), rls_text_len(doc->text), &doc->config);
    cJSON *want = cJSON_CreateArray();
    for (size_t i = 0; i < fresh.diags.len; i++)
        cJSON_AddItemToArray(want,
                             rls_lsp_diagnostic_to_json(c->server, doc, &fresh.diags.items[i]));
    rls_analysis_close(&fresh);
    rls_parser_delete(fp);
    return want;
}

/* Sends the edit span -> text of uri as didChange version, in the
 * server's position encoding. */
static void send_change(TestClient *c, const char *uri, int version, RlsSpan span,
                        const char *text) {
    RlsDocument *doc = rls_server_document(c->server, uri);
    RlsLspRange r = rls_text_range_of(doc->text, span, rls_server_encoding(c->server));
    cJSON *msg = cJSON_CreateObject();
    cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    cJSON_AddStringToObject(msg, "method", "textDocument/didChange");
    cJSON *params = cJSON_AddObjectToObject(msg, "params");
    cJSON *id = cJSON_AddObjectToObject(params, "textDocument");
    cJSON_AddStringToObject(id, "uri", uri);
    cJSON_AddNumberToObject(id, "version", version);
    cJSON *ch = cJSON_CreateObject();
    cJSON *range = cJSON_AddObjectToObject(ch, "range");
    cJSON *st = cJSON_AddObjectToObject(range, "start");
    cJSON_AddNumberToObject(st, "line", r.start.line);
    cJSON_AddNumberToObject(st, "character", r.start.character);
    cJSON *en = cJSON_AddObjectToObject(range, "end");
    cJSON_AddNumberToObject(en, "line", r.end.line);
    cJSON_AddNumberToObject(en, "character", r.end.character);
    cJSON_AddStringToObject(ch, "text", text);
    cJSON_AddItemToArray(cJSON_AddArrayToObject(params, "contentChanges"), ch);
    test_client_feed_json(c, msg);
    rls_dispatch_run(&c->dispatch);
}

/* What a client holds for one document: the last set pushed, and the last
 * pulled with its resultId. */
typedef struct {
    cJSON *pushed, *pulled; /* owned */
    char result_id[64];
    int pushes, skipped, unchanged;
} Held;

static void held_close(Held *h) {
    cJSON_Delete(h->pushed);
    cJSON_Delete(h->pulled);
}

/* Takes the push the last batch made, if any (a skipped push leaves the
 * client with the set it had, which must still be right), then pulls with
 * the last resultId. Returns whether both equal a fresh analysis. */
static bool held_check(TestClient *c, Held *h, const char *uri, int pull_id, const char *what) {
    const cJSON *pub = test_client_last(c, "textDocument/publishDiagnostics");
    if (pub) {
        cJSON_Delete(h->pushed);
        h->pushed =
            cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(
                                cJSON_GetObjectItemCaseSensitive(pub, "params"), "diagnostics"),
                            true);
        h->pushes++;
    } else {
        h->skipped++;
    }
    test_client_sendf(c,
                      "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/diagnostic\","
                      "\"params\":{\"textDocument\":{\"uri\":\"%s\"}%s%s%s}}",
                      pull_id, uri, h->result_id[0] ? ",\"previousResultId\":\"" : "", h->result_id,
                      h->result_id[0] ? "\"" : "");
    const cJSON *report =
        cJSON_GetObjectItemCaseSensitive(test_client_response(c, pull_id), "result");
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(report, "kind");
    const cJSON *rid = cJSON_GetObjectItemCaseSensitive(report, "resultId");
    if (!cJSON_IsString(kind) || !cJSON_IsString(rid)) return false;
    if (strcmp(kind->valuestring, "full") == 0) {
        cJSON_Delete(h->pulled);
        h->pulled = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(report, "items"), true);
    } else {
        h->unchanged++;
        if (strcmp(rid->valuestring, h->result_id) != 0) return false;
    }
    snprintf(h->result_id, sizeof(h->result_id), "%s", rid->valuestring);
    RlsDocument *doc = rls_server_document(c->server, uri);
    cJSON *want = fresh_diagnostics(c, doc);
    bool same_push = h->pushed && cJSON_Compare(h->pushed, want, true);
    bool same_pull = h->pulled && cJSON_Compare(h->pulled, want, true);
    if (!same_push || !same_pull) {
        char *g = h->pushed ? cJSON_PrintUnformatted(h->pushed) : NULL;
        char *w = cJSON_PrintUnformatted(want);
        fprintf(stdout, "#   %s: %s differs; held\n#   %.600s\n#   fresh\n#   %.600s\n", what,
                same_push ? "pulled" : "pushed", g ? g : "(none)", w);
        rls_free(g);
        rls_free(w);
    }
    cJSON_Delete(want);
    return same_push && same_pull;
}

static int lsp_pushes, lsp_skipped, lsp_unchanged;

static void lsp_file(const char *name, const char *src, size_t len, bool latex) {
    (void)len;
    TestClient c;
    test_client_open(&c);
    /* No versionSupport: the server may skip pushing an unchanged set. */
    test_client_initialize(&c, "{\"textDocument\":{\"diagnostic\":{}}}");
    char uri[600];
    snprintf(uri, sizeof(uri), "file:///tmp/incremental/%s", name);
    cJSON *open = cJSON_CreateObject();
    cJSON_AddStringToObject(open, "jsonrpc", "2.0");
    cJSON_AddStringToObject(open, "method", "textDocument/didOpen");
    cJSON *p = cJSON_AddObjectToObject(open, "params");
    cJSON *td = cJSON_AddObjectToObject(p, "textDocument");
    cJSON_AddStringToObject(td, "uri", uri);
    cJSON_AddStringToObject(td, "languageId", latex ? "latex" : "markdown");
    cJSON_AddNumberToObject(td, "version", 1);
    cJSON_AddStringToObject(td, "text", src);
    test_client_clear(&c);
    test_client_feed_json(&c, open);
    rls_dispatch_run(&c.dispatch);
    Held held = {0};
    char what[700];
    snprintf(what, sizeof(what), "%s opened", name);
    EXPECT_TRUE(test_client_last(&c, "textDocument/publishDiagnostics") != NULL);
    EXPECT_TRUE(held_check(&c, &held, uri, 5000, what));

    rng_state = 0xD1B54A32D192ED03ull ^ strlen(name);
    RlsBuf piece;
    rls_buf_init(&piece);
    for (int k = 0; k < 25; k++) {
        RlsDocument *doc = rls_server_document(c.server, uri);
        ASSERT_TRUE(doc != NULL);
        RlsSpan span;
        random_edit(doc->text, latex, &piece, &span);
        test_client_clear(&c);
        send_change(&c, uri, k + 2, span, piece.data ? piece.data : "");
        snprintf(what, sizeof(what), "%s edit %d", name, k);
        bool same = held_check(&c, &held, uri, 5001 + k, what);
        EXPECT_TRUE(same);
        if (!same) break;
    }
    lsp_pushes += held.pushes;
    lsp_skipped += held.skipped;
    lsp_unchanged += held.unchanged;
    held_close(&held);
    rls_buf_close(&piece);
    test_client_close(&c);
}

static void test_server_publishes_what_a_fresh_analysis_of_the_fixtures_finds(void) {
    lsp_pushes = lsp_skipped = lsp_unchanged = 0;
    EXPECT_TRUE(for_each_resume(RLS_TEST_RESUMES, lsp_file) >= 14);
    /* Both paths ran: sets pushed, sets equal to the last one not pushed
     * again, pulls answered "unchanged". */
    fprintf(stdout, "#   %d pushes, %d skipped, %d pulls unchanged\n", lsp_pushes, lsp_skipped,
            lsp_unchanged);
    EXPECT_TRUE(lsp_pushes > 14);
    EXPECT_TRUE(lsp_skipped > 0);
    EXPECT_TRUE(lsp_unchanged > 0);
}

/* Non-ASCII (2- and 3-byte letters, an emoji: two UTF-16 units) and CRLF
 * line ends, with findings on several lines. */
static const char wire_resume[] =
    "# Zoë Ünal\r\n\r\n## Experience\r\n\r\n### Engineer, Acme | 2020 - 2022\r\n\r\n"
    "- Responsible for various 😀 things in the café systems\r\n"
    "- Worked on the billing system for 中文 customers\r\n"
    "- Helped with synergy across teams\r\n";

static TestClient *wire_open(TestClient *c, const char *caps, const char *uri) {
    test_client_open(c);
    test_client_initialize(c, caps);
    cJSON *open = cJSON_CreateObject();
    cJSON_AddStringToObject(open, "jsonrpc", "2.0");
    cJSON_AddStringToObject(open, "method", "textDocument/didOpen");
    cJSON *td = cJSON_AddObjectToObject(cJSON_AddObjectToObject(open, "params"), "textDocument");
    cJSON_AddStringToObject(td, "uri", uri);
    cJSON_AddStringToObject(td, "languageId", "markdown");
    cJSON_AddNumberToObject(td, "version", 1);
    cJSON_AddStringToObject(td, "text", wire_resume);
    test_client_clear(c);
    test_client_feed_json(c, open);
    rls_dispatch_run(&c->dispatch);
    return c;
}

/* Typing a line break after the last line and deleting it again changes
 * no finding: a client that does not interpret versions is sent nothing
 * for either version, and a pull with the last resultId is answered
 * "unchanged"; one that does gets each version's set. */
static void test_an_edit_that_changes_no_finding_publishes_nothing(void) {
    static const char *const caps[] = {
        "{\"textDocument\":{\"diagnostic\":{}}}",
        "{\"general\":{\"positionEncodings\":[\"utf-8\"]},\"textDocument\":{\"diagnostic\":{}}}",
        "{\"textDocument\":{\"diagnostic\":{},\"publishDiagnostics\":{\"versionSupport\":true}}}",
    };
    const char *uri = "file:///tmp/wire/noop.md";
    for (size_t v = 0; v < RLS_ARRAY_LEN(caps); v++) {
        bool versions = v == 2;
        TestClient c;
        wire_open(&c, caps[v], uri);
        Held held = {0};
        EXPECT_TRUE(test_client_last(&c, "textDocument/publishDiagnostics") != NULL);
        EXPECT_TRUE(held_check(&c, &held, uri, 100, "opened"));
        EXPECT_TRUE(cJSON_GetArraySize(held.pushed) >= 3);
        uint32_t end = rls_text_len(rls_server_document(c.server, uri)->text);
        /* Type, then delete. */
        test_client_clear(&c);
        send_change(&c, uri, 2, (RlsSpan){end, end}, "\r\n");
        EXPECT_EQ_INT(test_client_count(&c, "textDocument/publishDiagnostics"), versions ? 1 : 0);
        EXPECT_TRUE(held_check(&c, &held, uri, 101, "typed"));
        test_client_clear(&c);
        send_change(&c, uri, 3, (RlsSpan){end, end + 2}, "");
        EXPECT_EQ_INT(test_client_count(&c, "textDocument/publishDiagnostics"), versions ? 1 : 0);
        EXPECT_TRUE(held_check(&c, &held, uri, 102, "deleted"));
        /* Both pulls after the first one were "unchanged". */
        EXPECT_EQ_INT(held.unchanged, 2);
        /* Nothing was encoded again: every finding's JSON was reused. */
        EXPECT_EQ_INT(c.server->diag_encoded, (int)cJSON_GetArraySize(held.pushed));
        held_close(&held);
        test_client_close(&c);
    }
}

/* A character typed in the middle of a line with an emoji and a CJK word,
 * in CRLF text: the findings after it on that line move by the units the
 * character takes in the client's encoding and are encoded again; those on
 * other lines are copied. A line break above everything moves every
 * finding down a line. Each time the set pushed and pulled is exactly a
 * fresh analysis's. */
static void test_moved_findings_are_encoded_again_in_the_clients_units(void) {
    static const char *const caps[] = {
        "{\"textDocument\":{\"diagnostic\":{}}}",
        "{\"general\":{\"positionEncodings\":[\"utf-8\"]},\"textDocument\":{\"diagnostic\":{}}}",
    };
    const char *uri = "file:///tmp/wire/moved.md";
    for (size_t v = 0; v < RLS_ARRAY_LEN(caps); v++) {
        TestClient c;
        wire_open(&c, caps[v], uri);
        Held held = {0};
        EXPECT_TRUE(held_check(&c, &held, uri, 200, "opened"));
        /* Before "various" on the first bullet line ("Responsible for ..."). */
        RlsDocument *doc = rls_server_document(c.server, uri);
        const char *at = strstr(rls_text_data(doc->text), "various");
        ASSERT_TRUE(at != NULL);
        uint32_t at_byte = (uint32_t)(at - rls_text_data(doc->text));
        const char *inserts[] = {"中", "😀", "é"};
        for (int k = 0; k < 3; k++) {
            uint64_t encoded = c.server->diag_encoded, reused = c.server->diag_reused;
            test_client_clear(&c);
            send_change(&c, uri, 2 + k, (RlsSpan){at_byte, at_byte}, inserts[k]);
            EXPECT_EQ_INT(test_client_count(&c, "textDocument/publishDiagnostics"), 1);
            EXPECT_TRUE(held_check(&c, &held, uri, 201 + k, inserts[k]));
            /* Some findings moved (or changed), the other lines' were copied. */
            EXPECT_TRUE(c.server->diag_encoded > encoded);
            EXPECT_TRUE(c.server->diag_reused - reused >= 2);
        }
        /* The line break: every finding moves; all pushed again exactly. */
        uint64_t encoded = c.server->diag_encoded;
        test_client_clear(&c);
        send_change(&c, uri, 9, (RlsSpan){0, 0}, "\r\n");
        EXPECT_TRUE(held_check(&c, &held, uri, 209, "line break"));
        int n = cJSON_GetArraySize(held.pushed);
        EXPECT_EQ_INT(c.server->diag_encoded - encoded, (uint64_t)n);
        held_close(&held);
        test_client_close(&c);
    }
}

static void test_server_publishes_what_a_fresh_analysis_of_the_corpus_finds(void) {
    EXPECT_TRUE(for_each_resume(rls_test_corpus_dir(), lsp_file) >= 40);
}

/* Only the few most recently changed documents keep their trees and caches;
 * the others are trimmed and must still be judged exactly when edited
 * again, and must still answer from their kept model meanwhile. */
static void test_trimmed_documents_stay_exact(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    enum { N = 7 };
    char uris[N][64];
    Held held[N];
    memset(held, 0, sizeof(held));
    for (int i = 0; i < N; i++) {
        RlsBuf gen;
        rls_buf_init(&gen);
        rls_bench_gen(&gen, 20 + (size_t)i * 3, i % 2, (unsigned)i + 11);
        snprintf(uris[i], sizeof(uris[i]), "file:///tmp/trim/doc-%d.%s", i, i % 2 ? "tex" : "md");
        cJSON *open = cJSON_CreateObject();
        cJSON_AddStringToObject(open, "jsonrpc", "2.0");
        cJSON_AddStringToObject(open, "method", "textDocument/didOpen");
        cJSON *td =
            cJSON_AddObjectToObject(cJSON_AddObjectToObject(open, "params"), "textDocument");
        cJSON_AddStringToObject(td, "uri", uris[i]);
        cJSON_AddStringToObject(td, "languageId", i % 2 ? "latex" : "markdown");
        cJSON_AddNumberToObject(td, "version", 1);
        cJSON_AddStringToObject(td, "text", gen.data);
        test_client_clear(&c);
        test_client_feed_json(&c, open);
        rls_dispatch_run(&c.dispatch);
        EXPECT_TRUE(held_check(&c, &held[i], uris[i], 6000 + i, uris[i]));
        rls_buf_close(&gen);
    }
    size_t warm = 0;
    for (int i = 0; i < N; i++)
        warm += rls_server_document(c.server, uris[i])->warm;
    EXPECT_TRUE(warm < N);
    rng_state = 77;
    RlsBuf piece;
    rls_buf_init(&piece);
    for (int k = 0; k < 40; k++) {
        int i = (int)(rng() % N);
        RlsDocument *doc = rls_server_document(c.server, uris[i]);
        RlsSpan span;
        random_edit(doc->text, i % 2, &piece, &span);
        test_client_clear(&c);
        send_change(&c, uris[i], doc->version + 1, span, piece.data ? piece.data : "");
        /* A trimmed document has given back its kept encodings: what it
         * pushes and answers must still be exact. */
        EXPECT_TRUE(held_check(&c, &held[i], uris[i], 7000 + k, uris[i]));
        /* A trimmed document still has its model for hover and actions. */
        for (int j = 0; j < N; j++)
            EXPECT_TRUE(rls_server_document(c.server, uris[j])->analysis.model != NULL);
    }
    for (int i = 0; i < N; i++)
        held_close(&held[i]);
    rls_buf_close(&piece);
    test_client_close(&c);
}

/* Escaping: control characters, quotes, backslashes and non-ASCII in a
 * message and a URI come out as the cJSON writer would write them. */
static void test_published_json_escapes_like_cjson(void) {
    TestClient c;
    test_client_open(&c);
    test_client_initialize(&c, "{}");
    cJSON *open = cJSON_CreateObject();
    cJSON_AddStringToObject(open, "jsonrpc", "2.0");
    cJSON_AddStringToObject(open, "method", "textDocument/didOpen");
    cJSON *td = cJSON_AddObjectToObject(cJSON_AddObjectToObject(open, "params"), "textDocument");
    cJSON_AddStringToObject(td, "uri", "file:///tmp/q%22\\x.md");
    cJSON_AddStringToObject(td, "languageId", "markdown");
    cJSON_AddNumberToObject(td, "version", 1);
    cJSON_AddStringToObject(td, "text",
                            "# Experience\n\n- Worked on \"x\" \\ \t café \x01 stuff\n");
    test_client_feed_json(&c, open);
    rls_dispatch_run(&c.dispatch);
    RlsDocument *doc = rls_server_document(c.server, "file:///tmp/q%22\\x.md");
    ASSERT_TRUE(doc != NULL);
    const RlsAnalysis *an = rls_document_analysis(c.server, doc);
    ASSERT_TRUE(an->diags.len > 0);
    RlsDiag d = an->diags.items[0];
    d.message = "quote \" backslash \\ tab \t nl \n cr \r bs \b ff \f ctl \x01\x1f é 中 😀";
    d.bullet = -1;
    RlsBuf out;
    rls_buf_init(&out);
    rls_lsp_diagnostic_write(c.server, doc, &d, &out);
    cJSON *got = cJSON_Parse(out.data);
    ASSERT_TRUE(got != NULL);
    /* Every character comes back, and the bytes are cJSON's own printing
     * of them (one encoder: rls_lsp_diagnostic_to_json parses these). */
    EXPECT_STR_EQ(cJSON_GetObjectItemCaseSensitive(got, "message")->valuestring, d.message);
    EXPECT_EQ_INT(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(got, "data"), "bullet")
            ->valueint,
        -1);
    char *w = cJSON_PrintUnformatted(got);
    EXPECT_STR_EQ(out.data, w);
    rls_free(w);
    cJSON_Delete(got);
    rls_buf_close(&out);
    const cJSON *pub = test_client_last(&c, "textDocument/publishDiagnostics");
    ASSERT_TRUE(pub != NULL);
    EXPECT_STR_EQ(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(pub, "params"), "uri")
            ->valuestring,
        "file:///tmp/q%22\\x.md");
    test_client_close(&c);
}

int main(void) {
    rls_hooks_install(); /* tree-sitter and cJSON allocate through rls_malloc */
    static const RlsTestCase cases[] = {
        RLS_TEST(test_fixtures_incremental_equals_fresh),
        RLS_CORPUS_TEST(test_corpus_incremental_equals_fresh),
        RLS_TEST(test_generated_incremental_equals_fresh),
        RLS_TEST(test_server_publishes_what_a_fresh_analysis_of_the_fixtures_finds),
        RLS_CORPUS_TEST(test_server_publishes_what_a_fresh_analysis_of_the_corpus_finds),
        RLS_TEST(test_an_edit_that_changes_no_finding_publishes_nothing),
        RLS_TEST(test_moved_findings_are_encoded_again_in_the_clients_units),
        RLS_TEST(test_published_json_escapes_like_cjson),
        RLS_TEST(test_trimmed_documents_stay_exact),
    };
    int rc = rls_test_run(cases, RLS_ARRAY_LEN(cases));
    rls_parse_release_globals();
    return rc;
}
