/*
 * findings_test.c - golden findings: the reviewed diagnostics of the
 * fixture resumes (tests/data/resumes) and of real resumes from
 * ../shared/corpus (with --corpus; skipped when the corpus is missing).
 *
 * Each tests/golden-findings/fixtures/<file>.expected (e.g.
 * "awesome-cv.tex.expected") holds, one line per finding, what rls_analyze
 * reports on tests/data/resumes/<md|tex>/<file> with the default
 * configuration; each tests/golden-findings/<file>.expected does for
 * corpus/<md|tex>/<file>:
 *
 *     line:col-line:col severity rule-id message
 *
 * 1-based lines (LF, CRLF and lone CR end a line), columns in code points.
 * Only the expected outputs of the corpus are committed, never the corpus
 * files; the review of each is in REVIEW.md. RLS_REGEN=1 rewrites the existing
 * .expected files: read every changed line against the source before
 * committing.
 *
 * `findings_test --dump FILE...` prints the findings of any file with the
 * text of the bullet each one belongs to, for reviewing.
 */
#include <dirent.h>
#include <stdlib.h>

#include "rls/analysis.h"
#include "rls/buf.h"
#include "rls/parse.h"
#include "speller/speller.h"
#include "test.h"

/* The spelling rule's dictionaries, as `check` loads them (synchronously). */
static RlsSpellerLib *findings__spell;

/* Renders the findings of src in the golden format (dump: with the bullet
 * text after each finding). Owned; free with rls_free. */
static char *findings__render(RlsFormat format, const char *src, size_t len, bool dump) {
    RlsText *text = rls_text_new(src, len);
    RlsParser *parser = rls_parser_new(format);
    RlsAnalysis an;
    rls_analysis_init(&an);
    RlsConfig cfg;
    rls_config_init(&cfg);
    if (!findings__spell) findings__spell = rls_speller_lib_new(NULL, NULL);
    cfg.spell = rls_speller_lib_source(findings__spell);
    rls_analyze(&an, parser, rls_text_data(text), rls_text_len(text), &cfg);
    rls_config_close(&cfg);
    RlsBuf out;
    rls_buf_init(&out);
    for (size_t i = 0; i < an.diags.len; i++) {
        const RlsDiag *d = &an.diags.items[i];
        RlsLspRange r = rls_text_range_of(text, d->span, RLS_ENC_UTF32);
        rls_buf_printf(&out, "%u:%u-%u:%u %s %s %s\n", r.start.line + 1, r.start.character + 1,
                       r.end.line + 1, r.end.character + 1, rls_severity_name(d->severity), d->rule,
                       d->message);
        if (dump && d->bullet >= 0 && an.model && (uint32_t)d->bullet < an.model->n_bullets) {
            const RlsPlain *p = &an.model->bullets[d->bullet].plain;
            rls_buf_printf(&out, "        | %.*s\n", (int)p->len, p->text ? p->text : "");
            if (d->plain_end > d->plain_start && d->plain_end <= p->len)
                rls_buf_printf(&out, "        > %.*s\n", (int)(d->plain_end - d->plain_start),
                               p->text + d->plain_start);
        } else if (dump) {
            uint32_t s = d->span.start_byte, e = d->span.end_byte;
            if (e > s + 160) e = s + 160;
            rls_buf_printf(&out, "        @ %.*s\n", (int)(e - s), rls_text_data(text) + s);
        }
    }
    rls_analysis_close(&an);
    rls_parser_delete(parser);
    rls_text_delete(text);
    if (!out.data) rls_buf_printf(&out, "%s", "");
    return rls_buf_detach(&out);
}

static int findings__dump(const char *path) {
    RlsFormat format;
    if (!rls_format_from_path(path, &format)) {
        fprintf(stderr, "%s: not .md or .tex\n", path);
        return 1;
    }
    size_t len;
    char *src = rls_test_read_file(path, &len);
    if (!src) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    char *got = findings__render(format, src, len, true);
    printf("==== %s\n%s", path, got);
    rls_free(got);
    rls_free(src);
    return 0;
}

/* Sources and goldens of this run: the fixtures, or the corpus. */
static const char *findings__src_root, *findings__exp_dir;

static int findings__one(const char *file) {
    RlsFormat format;
    rls_format_from_path(file, &format);
    const char *fmt = format == RLS_FORMAT_LATEX ? "tex" : "md";
    char src_path[1024], exp_path[1024];
    snprintf(src_path, sizeof(src_path), "%s/%s/%s", findings__src_root, fmt, file);
    snprintf(exp_path, sizeof(exp_path), "%s/%s.expected", findings__exp_dir, file);
    size_t len;
    char *src = rls_test_read_file(src_path, &len);
    if (!src) {
        printf("not ok - %s: %s is missing\n", file, src_path);
        return 1;
    }
    char *got = findings__render(format, src, len, false);
    rls_free(src);
    int failed = 0;
    const char *regen = getenv("RLS_REGEN");
    if (regen && *regen && strcmp(regen, "0") != 0) {
        FILE *f = fopen(exp_path, "wb");
        if (f) {
            fputs(got, f);
            fclose(f);
            printf("ok - %s (regenerated)\n", file);
        } else {
            printf("not ok - %s: cannot write %s\n", file, exp_path);
            failed = 1;
        }
    } else {
        char *want = rls_test_read_file(exp_path, NULL);
        if (!want || strcmp(want, got) != 0) {
            failed = 1;
            printf("not ok - %s differs from %s\n", file, exp_path);
            const char *a = want ? want : "", *b = got;
            int line = 1;
            while (*a && *a == *b) {
                if (*a == '\n') line++;
                a++, b++;
            }
            /* Back up to the start of the differing line. */
            // NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): a > want here
            while (a > (want ? want : "") && a[-1] != '\n')
                a--, b--;
            printf("#   first difference at line %d\n#   expected: %.160s\n#   got:      %.160s\n",
                   line, a, b);
        } else {
            printf("ok - %s\n", file);
        }
        rls_free(want);
    }
    rls_free(got);
    return failed;
}

static int findings__cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--dump") == 0) {
        int rc = 0;
        for (int i = 2; i < argc; i++)
            rc |= findings__dump(argv[i]);
        rls_parse_release_globals();
        rls_speller_lib_delete(findings__spell);
        return rc;
    }
    if (argc > 1 && strcmp(argv[1], "--corpus") == 0) {
        rls_test_require_corpus();
        findings__src_root = rls_test_corpus_dir();
        findings__exp_dir = RLS_GOLDEN_FINDINGS_DIR;
    } else {
        findings__src_root = RLS_TEST_RESUMES;
        findings__exp_dir = RLS_GOLDEN_FINDINGS_DIR "/fixtures";
    }
    DIR *d = opendir(findings__exp_dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    if (d) {
        struct dirent *e;
        static const char ext[] = ".expected";
        while ((e = readdir(d))) {
            size_t nl = strlen(e->d_name);
            if (nl <= sizeof(ext) - 1 || strcmp(e->d_name + nl - (sizeof(ext) - 1), ext) != 0)
                continue;
            RLS_PUSH(names, n, cap, rls_strndup(e->d_name, nl - (sizeof(ext) - 1)));
        }
        closedir(d);
    }
    if (n) qsort(names, n, sizeof(char *), findings__cmp);
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        failed += findings__one(names[i]);
        rls_free(names[i]);
    }
    rls_free(names);
    rls_parse_release_globals();
    rls_speller_lib_delete(findings__spell);
    findings__spell = NULL;
    printf("# %zu golden findings files, %d failed\n", n, failed);
    if (n == 0) {
        printf("not ok - no .expected files under %s\n", findings__exp_dir);
        return 1;
    }
    long live = rls_alloc_live();
    if (live != 0) {
        printf("not ok - %ld allocations outlive the run\n", live);
        return 1;
    }
    return failed ? 1 : 0;
}
