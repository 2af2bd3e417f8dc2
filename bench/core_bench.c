/*
 * core_bench.c - per-keystroke cost of the core, in process, no server.
 *
 *   core_bench [--edits N] [--big-edits N] [--only md|tex] [--json FILE]
 *
 * For a generated 2-page resume (60 bullets) and a ~1 MB one, in Markdown
 * and in LaTeX, applies N single-character edits the way a person types
 * (a letter typed before a bullet's final '.', then deleted again, cycling
 * over the bullets) through rls_text_replace + rls_parser_edit, and times
 * each edit's stages:
 *   reparse  the incremental tree-sitter reparse of the document tree alone
 *            (a second, bench-owned tree fed the same edits; for Markdown
 *            this is the block grammar only, the inline grammar runs
 *            inside "parse")
 *   parse    rls_parser_parse: the reparse plus building the model
 *   model    parse minus reparse: what resume-ls adds on top of tree-sitter
 *   rules    rls_rules_run_cached + rls_keywords_check_cached on that
 *            model, with the caches kept across edits as the server does
 *   total    parse + rules, what rls_analyze costs per keystroke
 * Prints min/median/p95/p99/max in milliseconds; --json writes them too.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

#include "gen.h"
#include "rls/alloc.h"
#include "rls/analysis.h"
#include "rls/buf.h"
#include "rls/keyword_report.h"
#include "rls/parse.h"
#include "rls/rules.h"
#include "rls/text.h"

const TSLanguage *tree_sitter_markdown(void);
const TSLanguage *tree_sitter_latex(void);

static double bench__now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- Statistics ------------------------------------------------------------ */

typedef struct {
    double *ms;
    size_t n, cap;
} BenchSeries;

static void bench__add(BenchSeries *s, double ms) {
    RLS_PUSH(s->ms, s->n, s->cap, ms);
}

static int bench__cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted samples. */
static double bench__pct(const BenchSeries *s, double p) {
    if (!s->n) return 0;
    size_t rank = (size_t)(p / 100.0 * (double)s->n + 0.999999);
    if (rank < 1) rank = 1;
    if (rank > s->n) rank = s->n;
    return s->ms[rank - 1];
}

static void bench__report(const char *doc, const char *stage, BenchSeries *s, FILE *json,
                          bool *first) {
    qsort(s->ms, s->n, sizeof(double), bench__cmp);
    printf("%-10s %-8s %6zu %9.4f %9.4f %9.4f %9.4f %9.4f\n", doc, stage, s->n, bench__pct(s, 0),
           bench__pct(s, 50), bench__pct(s, 95), bench__pct(s, 99), bench__pct(s, 100));
    if (json) {
        fprintf(json,
                "%s\n    {\"doc\": \"%s\", \"stage\": \"%s\", \"n\": %zu, \"min_ms\": %.5f, "
                "\"median_ms\": %.5f, \"p95_ms\": %.5f, \"p99_ms\": %.5f, \"max_ms\": %.5f}",
                *first ? "" : ",", doc, stage, s->n, bench__pct(s, 0), bench__pct(s, 50),
                bench__pct(s, 95), bench__pct(s, 99), bench__pct(s, 100));
        *first = false;
    }
    rls_free(s->ms);
    memset(s, 0, sizeof(*s));
}

/* ---- One scenario ------------------------------------------------------------ */

typedef struct {
    uint32_t byte; /* offset of the bullet's final '.' */
} BenchBullet;

/* Offsets of the final '.' of every bullet line ("- ..." or "\item ..."). */
static BenchBullet *bench__bullets(const char *text, bool latex, size_t *n_out) {
    BenchBullet *out = NULL;
    size_t n = 0, cap = 0;
    const char *p = text;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        const char *body = p;
        while (*body == ' ')
            body++;
        bool bullet = latex ? !strncmp(body, "\\item ", 6) : !strncmp(body, "- ", 2);
        if (bullet && len > 3 && p[len - 1] == '.') {
            BenchBullet b = {(uint32_t)(p - text + (ptrdiff_t)len - 1)};
            RLS_PUSH(out, n, cap, b);
        }
        if (!eol) break;
        p = eol + 1;
    }
    *n_out = n;
    return out;
}

static void bench__scenario(const char *name, bool latex, size_t n_bullets, size_t edits,
                            FILE *json, bool *first) {
    RlsBuf gen;
    rls_buf_init(&gen);
    rls_bench_gen(&gen, n_bullets, latex, 7);
    size_t nb = 0;
    BenchBullet *bullets = bench__bullets(gen.data, latex, &nb);
    if (nb == 0) {
        fprintf(stderr, "core_bench: no bullets in the generated %s resume\n", name);
        exit(2);
    }
    RlsFormat format = latex ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN;
    RlsText *text = rls_text_new(gen.data, gen.len);
    RlsParser *parser = rls_parser_new(format);
    TSParser *ts = ts_parser_new();
    ts_parser_set_language(ts, latex ? tree_sitter_latex() : tree_sitter_markdown());

    /* The open: a full parse, timed once. */
    double t0 = bench__now_ms();
    RlsAnalysis a;
    rls_analysis_init(&a);
    rls_analyze(&a, parser, rls_text_data(text), rls_text_len(text), NULL);
    double open_ms = bench__now_ms() - t0;
    printf("%-10s open     %zu bytes, %u bullets, %zu findings: %.3f ms\n", name, gen.len,
           a.model->n_bullets, a.diags.len, open_ms);
    rls_analysis_close(&a);
    TSTree *tree = ts_parser_parse_string(ts, NULL, rls_text_data(text), rls_text_len(text));

    /* The caches a document keeps between analyses (RlsAnalysis does the
     * same), warmed by one run on the opened text. */
    RlsRulesCache *rules_cache = rls_rules_cache_new();
    RlsKwScanCache *kw_cache = rls_kw_scan_cache_new();
    {
        RlsResume *m = rls_parser_parse(parser, rls_text_data(text), rls_text_len(text), NULL);
        RlsDiagList diags;
        rls_diag_list_init(&diags);
        rls_rules_run_cached(rules_cache, m, rls_text_data(text), rls_text_len(text), NULL, &diags);
        rls_keywords_check_cached(kw_cache, m, rls_text_data(text), rls_text_len(text), NULL,
                                  &diags);
        rls_diag_list_close(&diags);
        rls_resume_delete(m);
    }
    BenchSeries reparse = {0}, parse = {0}, model = {0}, rules = {0}, total = {0};
    for (size_t k = 0; k < edits; k++) {
        /* Bullet offsets shift by one while a letter is typed in; the
         * delete that follows restores them, so the table stays valid. */
        size_t b = (k / 2 * 7) % nb;
        uint32_t at = bullets[b].byte;
        RlsByteEdit edit;
        if (k % 2 == 0)
            rls_text_replace(text, at, at, "s", 1, &edit);
        else
            rls_text_replace(text, at, at + 1, "", 0, &edit);
        rls_parser_edit(parser, &edit);
        TSInputEdit te = {
            edit.start_byte,
            edit.old_end_byte,
            edit.new_end_byte,
            {edit.start_point.row, edit.start_point.col_byte},
            {edit.old_end_point.row, edit.old_end_point.col_byte},
            {edit.new_end_point.row, edit.new_end_point.col_byte},
        };
        ts_tree_edit(tree, &te);

        const char *src = rls_text_data(text);
        uint32_t len = rls_text_len(text);
        double r0 = bench__now_ms();
        TSTree *next = ts_parser_parse_string(ts, tree, src, len);
        double r1 = bench__now_ms();
        ts_tree_delete(tree);
        tree = next;

        double p0 = bench__now_ms();
        RlsResume *m = rls_parser_parse(parser, src, len, NULL);
        double p1 = bench__now_ms();
        RlsDiagList diags;
        rls_diag_list_init(&diags);
        rls_rules_run_cached(rules_cache, m, src, len, NULL, &diags);
        rls_keywords_check_cached(kw_cache, m, src, len, NULL, &diags);
        double p2 = bench__now_ms();
        rls_diag_list_close(&diags);
        rls_resume_delete(m);

        bench__add(&reparse, r1 - r0);
        bench__add(&parse, p1 - p0);
        bench__add(&model, RLS_MAX(0.0, (p1 - p0) - (r1 - r0)));
        bench__add(&rules, p2 - p1);
        bench__add(&total, p2 - p0);
    }
    bench__report(name, "reparse", &reparse, json, first);
    bench__report(name, "parse", &parse, json, first);
    bench__report(name, "model", &model, json, first);
    bench__report(name, "rules", &rules, json, first);
    bench__report(name, "total", &total, json, first);

    rls_rules_cache_delete(rules_cache);
    rls_kw_scan_cache_delete(kw_cache);
    ts_tree_delete(tree);
    ts_parser_delete(ts);
    rls_parser_delete(parser);
    rls_text_delete(text);
    rls_free(bullets);
    rls_buf_close(&gen);
}

int main(int argc, char **argv) {
    size_t edits = 2000, big_edits = 2000;
    const char *only = NULL, *json_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--edits") && i + 1 < argc)
            edits = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--big-edits") && i + 1 < argc)
            big_edits = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--json") && i + 1 < argc)
            json_path = argv[++i];
        else {
            fprintf(stderr, "usage: core_bench [--edits N] [--big-edits N] [--only md|tex] "
                            "[--json FILE]\n");
            return 2;
        }
    }
    FILE *json = json_path ? fopen(json_path, "w") : NULL;
    if (json_path && !json) {
        fprintf(stderr, "core_bench: cannot write %s\n", json_path);
        return 2;
    }
    if (json) fputs("{\"results\": [", json);
    bool first = true;
    printf("%-10s %-8s %6s %9s %9s %9s %9s %9s   (ms per edit)\n", "doc", "stage", "n", "min",
           "median", "p95", "p99", "max");
    /* ~11 000 bullets make about 1 MB in either format. */
    if (!only || !strcmp(only, "md")) {
        bench__scenario("md-2page", false, 60, edits, json, &first);
        if (big_edits) bench__scenario("md-1MB", false, 11000, big_edits, json, &first);
    }
    if (!only || !strcmp(only, "tex")) {
        bench__scenario("tex-2page", true, 60, edits, json, &first);
        if (big_edits) bench__scenario("tex-1MB", true, 11000, big_edits, json, &first);
    }
    if (json) {
        fputs("\n]}\n", json);
        fclose(json);
    }
    return 0;
}
