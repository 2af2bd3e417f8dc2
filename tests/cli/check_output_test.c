/* Tests for `resume-ls check` output (server/cli/check_output.c) and the
 * file helpers behind it (server/cli/files.c, server/config/docs_url.c), on
 * findings built by hand so that they do not depend on the rules. */
#define _XOPEN_SOURCE 700

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/check.h"
#include "cli/files.h"
#include "config/docs_url.h"
#include "config/hooks.h"
#include "config/uri.h"
#include "rls/buf.h"
#include "rls/rules.h"
#include "rls/utf8.h"
#include "test.h"

/* Line 3 has é, ï (2 bytes each) and an emoji (4 bytes, 2 UTF-16 units)
 * before "Worked"; line 3 ends in CRLF and line 4 in a lone CR. */
static const char src[] = "# Ana\n"
                          "\n"
                          "- Café naïve 🎉 Worked on stuff\r\n"
                          "- Helped\r"
                          "- I did things\n";

static uint32_t byte_of(const char *needle) {
    return (uint32_t)(strstr(src, needle) - src);
}

/* A report with one file and three findings; free with report_close. */
static RlsCheckReport make_report(const char *path) {
    RlsCheckReport r = {0};
    r.files = rls_calloc(1, sizeof(RlsCheckFile));
    r.n_files = 1;
    r.fail_level = RLS_SEV_WARNING;
    RlsCheckFile *f = &r.files[0];
    f->path = rls_strdup(path);
    f->format = RLS_FORMAT_MARKDOWN;
    f->text = rls_text_new(src, strlen(src));
    rls_diag_list_init(&f->diags);
    uint32_t w = byte_of("Worked");
    rls_diag_push(&f->diags, (RlsSpan){w, w + 9}, RLS_SEV_WARNING, "weak-opener",
                  "Opens with a duty phrase.\nLead with the result.");
    uint32_t h = byte_of("Helped");
    rls_diag_push(&f->diags, (RlsSpan){h, h + 6}, RLS_SEV_INFO, "weak-opener", "Helped is weak.");
    uint32_t i = byte_of("I did");
    rls_diag_push(&f->diags, (RlsSpan){i, i + 1}, RLS_SEV_HINT, "first-person", "No \"I\".");
    return r;
}

static void report_close(RlsCheckReport *r) {
    for (size_t i = 0; i < r->n_files; i++) {
        rls_free(r->files[i].path);
        rls_free(r->files[i].error);
        rls_text_delete(r->files[i].text);
        rls_diag_list_close(&r->files[i].diags);
    }
    rls_free(r->files);
}

/* Writes the report and returns the output (owned). */
static char *render(const RlsCheckReport *r, RlsCheckOutput format) {
    FILE *f = tmpfile();
    if (!f) abort();
    int rc = rls_check_write(r, format, f);
    EXPECT_EQ_INT(rc, 0);
    long n = ftell(f);
    rewind(f);
    char *out = rls_malloc((size_t)n + 1);
    size_t got = fread(out, 1, (size_t)n, f);
    out[got] = '\0';
    fclose(f);
    return out;
}

static void test_text_lines_count_columns_in_code_points_and_fold_newlines(void) {
    RlsCheckReport r = make_report("cv.md");
    char *out = render(&r, RLS_CHECK_TEXT);
    EXPECT_STR_EQ(out, "cv.md:3:16: warning: Opens with a duty phrase. Lead with the result. "
                       "[weak-opener]\n"
                       "cv.md:4:3: info: Helped is weak. [weak-opener]\n"
                       "cv.md:5:3: hint: No \"I\". [first-person]\n");
    rls_free(out);
    report_close(&r);
}

static void test_fail_level_counts_findings_at_or_above_it(void) {
    RlsCheckReport r = make_report("cv.md");
    static const struct {
        RlsSeverity level;
        bool failed;
    } cases[] = {{RLS_SEV_ERROR, false},
                 {RLS_SEV_WARNING, true},
                 {RLS_SEV_INFO, true},
                 {RLS_SEV_HINT, true}};
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        r.fail_level = cases[i].level;
        EXPECT_EQ_INT(rls_check_failed(&r), cases[i].failed);
    }
    /* Only the hint left: fails at hint, passes at info. */
    r.files[0].diags.items[0].severity = RLS_SEV_OFF;
    r.files[0].diags.items[1].severity = RLS_SEV_OFF;
    r.fail_level = RLS_SEV_INFO;
    EXPECT_EQ_INT(rls_check_failed(&r), false);
    r.fail_level = RLS_SEV_HINT;
    EXPECT_EQ_INT(rls_check_failed(&r), true);
    size_t counts[5];
    rls_check_count(&r, counts);
    EXPECT_EQ_INT(counts[RLS_SEV_HINT], 1);
    EXPECT_EQ_INT(counts[RLS_SEV_WARNING], 0);
    report_close(&r);
}

static int num(const cJSON *o, const char *key) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valueint : -999;
}

static const char *str(const cJSON *o, const char *key) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : "(missing)";
}

static void test_json_has_human_and_utf16_lsp_positions(void) {
    RlsCheckReport r = make_report("cv.md");
    char *out = render(&r, RLS_CHECK_JSON);
    cJSON *doc = cJSON_Parse(out);
    ASSERT_TRUE(doc != NULL);
    const cJSON *diags = cJSON_GetObjectItemCaseSensitive(doc, "diagnostics");
    ASSERT_EQ_INT(cJSON_GetArraySize(diags), 3);
    const cJSON *d0 = cJSON_GetArrayItem(diags, 0);
    EXPECT_STR_EQ(str(d0, "file"), "cv.md");
    EXPECT_EQ_INT(num(d0, "line"), 3);
    EXPECT_EQ_INT(num(d0, "column"), 16);
    EXPECT_EQ_INT(num(d0, "endColumn"), 25);
    EXPECT_STR_EQ(str(d0, "severity"), "warning");
    EXPECT_STR_EQ(str(d0, "rule"), "weak-opener");
    EXPECT_STR_EQ(str(d0, "message"), "Opens with a duty phrase.\nLead with the result.");
    const cJSON *range = cJSON_GetObjectItemCaseSensitive(d0, "range");
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(range, "start");
    const cJSON *end = cJSON_GetObjectItemCaseSensitive(range, "end");
    EXPECT_EQ_INT(num(start, "line"), 2);
    EXPECT_EQ_INT(num(start, "character"), 16); /* the emoji is two UTF-16 units */
    EXPECT_EQ_INT(num(end, "character"), 25);
    const cJSON *bytes = cJSON_GetObjectItemCaseSensitive(d0, "bytes");
    EXPECT_EQ_INT(num(bytes, "start"), byte_of("Worked"));
    const char *docs = str(d0, "docs");
    /* The installed docs, or the repository's relative path when the
     * binary is not installed: never a path of the build machine. */
    EXPECT_TRUE(strncmp(docs, "file:///", 8) == 0 || strncmp(docs, "docs/rules.md#", 14) == 0);
    EXPECT_TRUE(strstr(docs, "rules.md#weak-opener") != NULL);
    /* After a lone CR the next line starts. */
    const cJSON *d1 = cJSON_GetArrayItem(diags, 1);
    EXPECT_EQ_INT(num(d1, "line"), 4);
    const cJSON *sum = cJSON_GetObjectItemCaseSensitive(doc, "summary");
    EXPECT_EQ_INT(num(sum, "findings"), 3);
    EXPECT_EQ_INT(num(sum, "warning"), 1);
    EXPECT_EQ_INT(num(sum, "info"), 1);
    EXPECT_EQ_INT(num(sum, "hint"), 1);
    EXPECT_TRUE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(sum, "failed")));
    EXPECT_STR_EQ(str(sum, "failLevel"), "warning");
    cJSON_Delete(doc);
    rls_free(out);
    report_close(&r);
}

static void test_sarif_results_reference_declared_rules(void) {
    RlsCheckReport r = make_report("my cv é.md");
    char *out = render(&r, RLS_CHECK_SARIF);
    cJSON *doc = cJSON_Parse(out);
    ASSERT_TRUE(doc != NULL);
    EXPECT_STR_EQ(str(doc, "version"), "2.1.0");
    const cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "runs"), 0);
    const cJSON *driver =
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(run, "tool"), "driver");
    const cJSON *rules = cJSON_GetObjectItemCaseSensitive(driver, "rules");
    size_t n_rules = 0;
    rls_rules_all(&n_rules);
    EXPECT_EQ_INT(cJSON_GetArraySize(rules), n_rules);
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(run, "results");
    ASSERT_EQ_INT(cJSON_GetArraySize(results), 3);
    const cJSON *r0 = cJSON_GetArrayItem(results, 0);
    EXPECT_STR_EQ(str(r0, "ruleId"), "weak-opener");
    EXPECT_STR_EQ(str(cJSON_GetArrayItem(rules, num(r0, "ruleIndex")), "id"), "weak-opener");
    EXPECT_STR_EQ(str(r0, "level"), "warning");
    EXPECT_STR_EQ(str(cJSON_GetArrayItem(results, 1), "level"), "note"); /* info */
    const cJSON *phys = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(r0, "locations"), 0),
        "physicalLocation");
    const cJSON *art = cJSON_GetObjectItemCaseSensitive(phys, "artifactLocation");
    EXPECT_STR_EQ(str(art, "uri"), "my%20cv%20%C3%A9.md");
    EXPECT_STR_EQ(str(art, "uriBaseId"), "%SRCROOT%");
    const cJSON *region = cJSON_GetObjectItemCaseSensitive(phys, "region");
    EXPECT_EQ_INT(num(region, "startLine"), 3);
    EXPECT_EQ_INT(num(region, "startColumn"), 16);
    EXPECT_EQ_INT(num(region, "endColumn"), 25);
    /* Every result points at its declared rule. */
    for (int i = 0; i < cJSON_GetArraySize(results); i++) {
        const cJSON *ri = cJSON_GetArrayItem(results, i);
        EXPECT_STR_EQ(str(cJSON_GetArrayItem(rules, num(ri, "ruleIndex")), "id"),
                      str(ri, "ruleId"));
    }
    cJSON_Delete(doc);
    rls_free(out);
    report_close(&r);
}

static void test_utf8_sanitize_replaces_each_broken_sequence_once(void) {
    static const struct {
        const char *in;
        size_t len;
        const char *out;
        size_t replaced;
    } cases[] = {
        {"plain", 5, "plain", 0},
        {"caf\xc3\xa9 \xf0\x9f\x8e\x89", 10, "caf\xc3\xa9 \xf0\x9f\x8e\x89", 0},
        {"a\xff"
         "b",
         3,
         "a\xef\xbf\xbd"
         "b",
         1},
        {"end\xe2\x82", 5, "end\xef\xbf\xbd", 1},                       /* truncated */
        {"\xc0\xaf", 2, "\xef\xbf\xbd\xef\xbf\xbd", 2},                 /* overlong */
        {"\xed\xa0\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 3}, /* surrogate */
        {"\xf4\x90\x80\x80", 4, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 4},
        {"\xe2\x82x", 3, "\xef\xbf\xbdx", 1},
        /* F5..FF start no sequence: each byte is its own maximal subpart, so
         * a continuation byte after one is replaced on its own too. */
        {"\xf5\x80", 2, "\xef\xbf\xbd\xef\xbf\xbd", 2},
        {"\xff\xbf\xbfz", 4, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz", 3},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsBuf b;
        rls_buf_init(&b);
        size_t n = rls_utf8_sanitize(cases[i].in, cases[i].len, &b);
        if (n != cases[i].replaced || strcmp(b.data ? b.data : "", cases[i].out) != 0)
            RLS__FAIL("case %zu: %zu replacements, \"%s\"", i, n, b.data ? b.data : "");
        rls_buf_close(&b);
    }
}

static void test_uri_paths_are_percent_encoded(void) {
    RlsBuf b;
    rls_buf_init(&b);
    rls_uri_append_file(&b, "/home/a b/C#v/résumé.md");
    EXPECT_STR_EQ(b.data, "file:///home/a%20b/C%23v/r%C3%A9sum%C3%A9.md");
    rls_buf_clear(&b);
    rls_docs_rule_url(&b, "no-metric");
    EXPECT_TRUE(strncmp(b.data, "file:///", 8) == 0 || strncmp(b.data, "docs/rules.md#", 14) == 0);
    EXPECT_TRUE(strstr(b.data, "rules.md#no-metric") != NULL);
    rls_buf_close(&b);
}

static void test_format_comes_from_the_name_unless_lang_is_given(void) {
    RlsBuf err;
    rls_buf_init(&err);
    RlsFormat f;
    EXPECT_EQ_INT(rls_cli_format_for("a/b.tex", false, RLS_FORMAT_MARKDOWN, &f, &err), 0);
    EXPECT_EQ_INT(f, RLS_FORMAT_LATEX);
    EXPECT_EQ_INT(rls_cli_format_for("a/b.markdown", false, RLS_FORMAT_LATEX, &f, &err), 0);
    EXPECT_EQ_INT(f, RLS_FORMAT_MARKDOWN);
    EXPECT_EQ_INT(rls_cli_format_for("cv.md", true, RLS_FORMAT_LATEX, &f, &err), 0);
    EXPECT_EQ_INT(f, RLS_FORMAT_LATEX);
    EXPECT_EQ_INT(rls_cli_format_for("cv.txt", false, RLS_FORMAT_MARKDOWN, &f, &err), RLS_EINVAL);
    EXPECT_TRUE(err.data && strstr(err.data, "'cv.txt'") && strstr(err.data, "--lang latex"));
    rls_buf_close(&err);
}

int main(void) {
    rls_hooks_install();
    static const RlsTestCase cases[] = {
        RLS_TEST(test_text_lines_count_columns_in_code_points_and_fold_newlines),
        RLS_TEST(test_fail_level_counts_findings_at_or_above_it),
        RLS_TEST(test_json_has_human_and_utf16_lsp_positions),
        RLS_TEST(test_sarif_results_reference_declared_rules),
        RLS_TEST(test_utf8_sanitize_replaces_each_broken_sequence_once),
        RLS_TEST(test_uri_paths_are_percent_encoded),
        RLS_TEST(test_format_comes_from_the_name_unless_lang_is_given),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
