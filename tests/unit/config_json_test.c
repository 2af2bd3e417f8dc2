/* Tests for configuration from JSON (server/config/config_json.c): what is
 * applied, what is reported and how, and where .resume-ls.json is found. */
#define _XOPEN_SOURCE 700

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config_json.h"
#include "config/hooks.h"
#include "rls/buf.h"
#include "rls/rules.h"
#include "rls/spell.h"
#include "test.h"

/* ---- helpers ---------------------------------------------------------------- */

/* Merges the JSON text into cfg under origin "test.json"; returns the rc and
 * leaves the problem lines in problems. */
static int merge_text(RlsConfig *cfg, const char *json_text, RlsBuf *problems) {
    cJSON *json = cJSON_Parse(json_text);
    if (!json) {
        printf("#   test JSON does not parse: %s\n", json_text);
        return 99;
    }
    int rc = rls_config_merge_json(cfg, json, "test.json", problems);
    cJSON_Delete(json);
    return rc;
}

static int count_lines(const RlsBuf *b) {
    int n = 0;
    for (size_t i = 0; i < b->len; i++)
        n += b->data[i] == '\n';
    return n;
}

static bool contains(const RlsBuf *b, const char *needle) {
    return b->data && strstr(b->data, needle) != NULL;
}

static const char *macro_named(const RlsConfig *cfg, const char *name, const RlsMacroSpec **out) {
    for (size_t i = 0; i < cfg->n_macros; i++) {
        if (strcmp(cfg->macros[i].name, name) == 0) {
            *out = &cfg->macros[i];
            return cfg->macros[i].name;
        }
    }
    *out = NULL;
    return NULL;
}

static size_t lexicon_edits(const RlsConfig *cfg, const char *lexicon, const char *word,
                            bool remove) {
    size_t n = 0;
    for (size_t i = 0; i < cfg->n_lexicon_edits; i++) {
        const RlsLexiconEdit *e = &cfg->lexicon_edits[i];
        n += strcmp(e->lexicon, lexicon) == 0 && strcmp(e->word, word) == 0 && e->remove == remove;
    }
    return n;
}

/* A temporary folder tree removed at the end of each test that uses it. */
static char tmp_root[PATH_MAX];
static char *tmp_paths[64];
static size_t n_tmp_paths;

static const char *tmp_path(const char *rel) {
    static char buf[4][2 * PATH_MAX + 2];
    static int next;
    char *out = buf[next++ % 4];
    snprintf(out, sizeof(buf[0]), "%s/%s", tmp_root, rel);
    return out;
}

static void tmp_begin(void) {
    const char *base = getenv("TMPDIR");
    snprintf(tmp_root, sizeof(tmp_root), "%s/rls-config-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmp_root)) {
        printf("#   mkdtemp failed\n");
        abort();
    }
    /* Resolve symlinks (a /tmp that is a link) so expected paths compare. */
    char real[PATH_MAX];
    if (realpath(tmp_root, real)) memcpy(tmp_root, real, sizeof(real));
    n_tmp_paths = 0;
}

static void tmp_mkdir(const char *rel) {
    mkdir(tmp_path(rel), 0700);
    tmp_paths[n_tmp_paths++] = rls_strdup(tmp_path(rel));
}

static void tmp_write(const char *rel, const char *content) {
    FILE *f = fopen(tmp_path(rel), "wb");
    if (!f) abort();
    fputs(content, f);
    fclose(f);
    tmp_paths[n_tmp_paths++] = rls_strdup(tmp_path(rel));
}

static void tmp_end(void) {
    while (n_tmp_paths > 0) {
        char *p = tmp_paths[--n_tmp_paths];
        if (remove(p) != 0) printf("#   could not remove %s\n", p);
        rls_free(p);
    }
    rmdir(tmp_root);
}

/* ---- merging ------------------------------------------------------------------ */

static void test_a_valid_config_applies_every_key(void) {
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    int rc = merge_text(&cfg,
                        "{\"rules\": {\"weak-opener\": \"error\"},"
                        " \"lexicons\": {\"weak-opener\": {\"add\": [\"Spearheaded\", \"  Took "
                        "part in \"], \"remove\": [\"Used\"]}},"
                        " \"thresholds\": {\"bullet-length.maxWords\": 40},"
                        " \"role\": \"backend\","
                        " \"jobDescription\": \"We need Go and Kafka.\\nOn call.\","
                        " \"macros\": {\"\\\\cvitem\": {\"role\": \"bullet\"},"
                        "             \"cventry\": {\"role\": \"entry\", \"title\": 1, \"org\": 2,"
                        "                           \"location\": 3, \"dates\": 4}},"
                        " \"logLevel\": \"debug\", \"$schema\": \"x\"}",
                        &problems);
    EXPECT_EQ_INT(rc, 0);
    EXPECT_STR_EQ(problems.data ? problems.data : "", "");
    EXPECT_EQ_INT(rls_config_severity(&cfg, "weak-opener", RLS_SEV_WARNING), RLS_SEV_ERROR);
    EXPECT_EQ_INT(lexicon_edits(&cfg, "weak-opener", "Spearheaded", false), 1);
    EXPECT_EQ_INT(lexicon_edits(&cfg, "weak-opener", "Took part in", false), 1);
    EXPECT_EQ_INT(lexicon_edits(&cfg, "weak-opener", "Used", true), 1);
    EXPECT_TRUE(rls_config_threshold(&cfg, "bullet-length.maxWords", 0) == 40.0);
    EXPECT_STR_EQ(cfg.role, "backend");
    EXPECT_STR_EQ(cfg.job_text, "We need Go and Kafka.\nOn call.");
    const RlsMacroSpec *m;
    EXPECT_TRUE(macro_named(&cfg, "cvitem", &m) != NULL);
    if (m) {
        EXPECT_EQ_INT(m->role, RLS_MACRO_BULLET);
        EXPECT_EQ_INT(m->text_arg, 1); /* defaulted */
    }
    EXPECT_TRUE(macro_named(&cfg, "cventry", &m) != NULL);
    if (m) {
        EXPECT_EQ_INT(m->role, RLS_MACRO_ENTRY);
        EXPECT_EQ_INT(m->title_arg, 1);
        EXPECT_EQ_INT(m->org_arg, 2);
        EXPECT_EQ_INT(m->location_arg, 3);
        EXPECT_EQ_INT(m->dates_arg, 4);
    }
    rls_buf_close(&problems);
    rls_config_close(&cfg);
}

static void test_a_bad_severity_is_reported_and_keeps_the_earlier_value(void) {
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    EXPECT_EQ_INT(merge_text(&cfg, "{\"rules\": {\"weak-opener\": \"error\"}}", &problems), 0);
    int rc = merge_text(&cfg, "{\"rules\": {\"weak-opener\": \"loud\"}, \"role\": \"frontend\"}",
                        &problems);
    EXPECT_EQ_INT(rc, RLS_EINVAL);
    EXPECT_STR_EQ(problems.data, "test.json: rules.weak-opener: expected one of error, warning, "
                                 "info, hint, off; got \"loud\"\n");
    EXPECT_EQ_INT(rls_config_severity(&cfg, "weak-opener", RLS_SEV_WARNING), RLS_SEV_ERROR);
    EXPECT_STR_EQ(cfg.role, "frontend"); /* the rest still applies */
    rls_buf_clear(&problems);
    EXPECT_EQ_INT(merge_text(&cfg, "{\"rules\": {\"weak-opener\": 3}}", &problems), RLS_EINVAL);
    EXPECT_TRUE(contains(&problems, "rules.weak-opener: expected one of error, warning, info, "
                                    "hint, off; got 3"));
    rls_buf_clear(&problems);
    EXPECT_EQ_INT(merge_text(&cfg, "{\"rules\": {\"weak-opener\": \"warnign\"}}", &problems),
                  RLS_EINVAL);
    EXPECT_TRUE(contains(&problems, "got \"warnign\" (did you mean \"warning\"?)"));
    rls_buf_close(&problems);
    rls_config_close(&cfg);
}

static void test_off_disables_a_rule(void) {
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    EXPECT_EQ_INT(merge_text(&cfg, "{\"rules\": {\"weak-opener\": \"off\"}}", &problems), 0);
    EXPECT_EQ_INT(rls_config_severity(&cfg, "weak-opener", RLS_SEV_WARNING), RLS_SEV_OFF);
    EXPECT_EQ_INT(merge_text(&cfg, "{\"rules\": {\"weak-opener\": \"hint\"}}", &problems), 0);
    EXPECT_EQ_INT(rls_config_severity(&cfg, "weak-opener", RLS_SEV_WARNING), RLS_SEV_HINT);
    EXPECT_EQ_INT(problems.len, 0);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
}

static void test_an_unknown_rule_id_is_a_problem_with_a_suggestion(void) {
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    int rc = merge_text(&cfg,
                        "{\"rules\": {\"weak-openr\": \"error\", \"no-such-rule-at-all\": \"off\","
                        " \"weak-opener\": \"info\"}}",
                        &problems);
    EXPECT_EQ_INT(rc, RLS_EINVAL);
    EXPECT_EQ_INT(count_lines(&problems), 2);
    EXPECT_TRUE(contains(
        &problems, "test.json: rules.weak-openr: unknown rule (did you mean \"weak-opener\"?)"));
    EXPECT_TRUE(contains(&problems, "test.json: rules.no-such-rule-at-all: unknown rule; the rule "
                                    "ids are listed in docs/rules.md"));
    EXPECT_EQ_INT(cfg.n_rules, 1);
    EXPECT_EQ_INT(rls_config_severity(&cfg, "weak-opener", RLS_SEV_WARNING), RLS_SEV_INFO);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
}

static void test_unknown_top_level_keys_are_reported_and_the_rest_applies(void) {
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    int rc = merge_text(&cfg, "{\"rule\": {}, \"colour\": 1, \"role\": \"data\"}", &problems);
    EXPECT_EQ_INT(rc, RLS_EINVAL);
    EXPECT_EQ_INT(count_lines(&problems), 2);
    EXPECT_TRUE(contains(&problems, "test.json: rule: unknown key (did you mean \"rules\"?)"));
    EXPECT_TRUE(contains(&problems,
                         "test.json: colour: unknown key; expected one of rules, "
                         "lexicons, thresholds, role, jobDescription, macros, logLevel"));
    EXPECT_STR_EQ(cfg.role, "data");
    rls_buf_close(&problems);
    rls_config_close(&cfg);
}

static void test_wrong_types_are_reported_per_key(void) {
    static const struct {
        const char *json;
        const char *problem;
    } cases[] = {
        {"[1, 2]", "test.json: expected a JSON object; got an array"},
        {"{\"rules\": [\"weak-opener\"]}",
         "rules: expected an object of rule ids to severities; got an array"},
        {"{\"thresholds\": {\"bullet-length.maxWords\": \"forty\"}}",
         "thresholds.bullet-length.maxWords: expected a whole number from 0 to 1000; got "
         "\"forty\""},
        {"{\"thresholds\": {\"x\": 3}}", "thresholds.x: unknown threshold; expected one of "
                                         "bullet-length.maxWords, bullet-length.maxChars"},
        {"{\"lexicons\": {\"buzzword\": {\"add\": \"synergy\"}}}",
         "lexicons.buzzword.add: expected an array of words or phrases; got \"synergy\""},
        {"{\"lexicons\": {\"buzzword\": {\"add\": [\"ok\", 7, \"  \"]}}}",
         "lexicons.buzzword.add[1]: expected a non-empty word or phrase"},
        {"{\"lexicons\": {\"buzzword\": {\"drop\": []}}}",
         "lexicons.buzzword.drop: unknown key; expected \"add\" or \"remove\""},
        {"{\"role\": 5}", "role: expected a role name such as \"backend\", or null; got 5"},
        {"{\"logLevel\": \"loud\"}",
         "logLevel: expected one of error, warn, info, debug, trace, off; got \"loud\""},
        {"{\"jobDescription\": 12}", "jobDescription: expected a file path, the job description"},
        {"{\"macros\": {\"resumeItem\": {\"role\": \"bulet\"}}}",
         "macros.resumeItem.role: expected one of bullet, heading, entry; got \"bulet\" (did you "
         "mean \"bullet\"?)"},
        {"{\"macros\": {\"resumeItem\": {\"text\": 1}}}",
         "macros.resumeItem.role: missing; expected one of bullet, heading, entry"},
        {"{\"macros\": {\"job\": {\"role\": \"entry\", \"title\": 10}}}",
         "macros.job.title: expected an argument number from 1 to 9; got 10"},
        {"{\"macros\": {\"job\": {\"role\": \"entry\"}}}",
         "macros.job: an entry macro needs at least one of title, org or dates"},
        {"{\"macros\": {\"item\": {\"role\": \"bullet\", \"org\": 2}}}",
         "macros.item: title, org, location and dates apply to \"entry\" macros"},
        {"{\"macros\": {\"res-item\": {\"role\": \"bullet\"}}}",
         "macros.res-item: expected a LaTeX command name made of letters"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsConfig cfg;
        rls_config_init(&cfg);
        RlsBuf problems;
        rls_buf_init(&problems);
        int rc = merge_text(&cfg, cases[i].json, &problems);
        if (rc != RLS_EINVAL || !contains(&problems, cases[i].problem))
            RLS__FAIL("case %zu %s:\n#     got rc %d, \"%s\"\n#     expected \"%s\"", i,
                      cases[i].json, rc, problems.data ? problems.data : "", cases[i].problem);
        /* Nothing invalid reached the config. */
        EXPECT_EQ_INT(cfg.n_rules + cfg.n_thresholds + cfg.n_macros, 0);
        EXPECT_TRUE(cfg.role == NULL && cfg.job_text == NULL);
        rls_buf_close(&problems);
        rls_config_close(&cfg);
    }
}

static void test_a_long_string_value_is_shortened_in_the_message(void) {
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    merge_text(&cfg, "{\"logLevel\": \"0123456789012345678901234567890123456789ABCDEFGHIJKLMNOP\"}",
               &problems);
    EXPECT_TRUE(contains(&problems, "got \"0123456789012345678901234567890123456789...\""));
    EXPECT_TRUE(!contains(&problems, "ABCDEF"));
    rls_buf_close(&problems);
    rls_config_close(&cfg);
}

/* ---- job descriptions ------------------------------------------------------------ */

static void test_a_job_description_is_read_relative_to_the_config_file(void) {
    tmp_begin();
    tmp_mkdir("jobs");
    tmp_write("jobs/acme.txt", "Senior backend engineer: Go, Kafka, PostgreSQL.\n");
    tmp_write(".resume-ls.json", "{\"jobDescription\": \"jobs/acme.txt\"}");
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    EXPECT_EQ_INT(
        rls_config_load_file(&cfg, tmp_path(".resume-ls.json"), RLS_CONFIG_NAMED, &problems), 0);
    EXPECT_STR_EQ(cfg.job_text, "Senior backend engineer: Go, Kafka, PostgreSQL.\n");
    EXPECT_EQ_INT(problems.len, 0);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
    tmp_end();
}

static void test_a_missing_job_description_file_is_a_problem_not_a_crash(void) {
    tmp_begin();
    tmp_mkdir("adir");
    tmp_write(".resume-ls.json", "{\"jobDescription\": \"jobs/missing.txt\", \"role\": \"sre\"}");
    RlsConfig cfg;
    rls_config_init(&cfg);
    rls_config_set_job_text(&cfg, "earlier");
    RlsBuf problems, want;
    rls_buf_init(&problems);
    rls_buf_init(&want);
    EXPECT_EQ_INT(
        rls_config_load_file(&cfg, tmp_path(".resume-ls.json"), RLS_CONFIG_NAMED, &problems),
        RLS_EINVAL);
    rls_buf_printf(&want, "%s: jobDescription: cannot read '%s': No such file or directory\n",
                   tmp_path(".resume-ls.json"), tmp_path("jobs/missing.txt"));
    EXPECT_STR_EQ(problems.data, want.data);
    EXPECT_STR_EQ(cfg.job_text, "earlier");
    EXPECT_STR_EQ(cfg.role, "sre");
    /* A folder is not a job description either. */
    rls_buf_clear(&problems);
    cJSON *json = cJSON_Parse("{\"jobDescription\": {\"path\": \"adir\"}}");
    EXPECT_EQ_INT(rls_config_merge_json_in(&cfg, json, "x", tmp_root, &problems), RLS_EINVAL);
    EXPECT_TRUE(contains(&problems, "x: jobDescription.path: cannot read '"));
    EXPECT_TRUE(contains(&problems, "Is a directory"));
    cJSON_Delete(json);
    rls_buf_close(&want);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
    tmp_end();
}

static void test_a_short_line_naming_no_file_is_inline_text(void) {
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    EXPECT_EQ_INT(
        merge_text(&cfg, "{\"jobDescription\": \"Go, Kafka, gRPC / on-call SRE\"}", &problems), 0);
    EXPECT_STR_EQ(cfg.job_text, "Go, Kafka, gRPC / on-call SRE");
    EXPECT_EQ_INT(merge_text(&cfg, "{\"jobDescription\": {\"text\": \"a.txt\"}}", &problems), 0);
    EXPECT_STR_EQ(cfg.job_text, "a.txt");
    EXPECT_EQ_INT(merge_text(&cfg, "{\"jobDescription\": null}", &problems), 0);
    EXPECT_TRUE(cfg.job_text == NULL);
    EXPECT_EQ_INT(problems.len, 0);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
}

/* ---- files and discovery ------------------------------------------------------------- */

static void test_the_nearest_config_above_a_file_is_found_and_loaded(void) {
    tmp_begin();
    tmp_mkdir("a");
    tmp_mkdir("a/b");
    tmp_mkdir("a/b/c");
    tmp_write("a/.resume-ls.json", "{\"rules\": {\"weak-opener\": \"error\"}}");
    RlsBuf found, problems;
    rls_buf_init(&found);
    rls_buf_init(&problems);
    /* The resume need not exist (an unsaved editor buffer). */
    EXPECT_EQ_INT(rls_config_find_for_file(tmp_path("a/b/c/resume.md"), NULL, &found), 0);
    EXPECT_STR_EQ(found.data, tmp_path("a/.resume-ls.json"));
    RlsConfig cfg;
    rls_config_init(&cfg);
    EXPECT_EQ_INT(rls_config_load_for_file(&cfg, tmp_path("a/b/c/resume.md"), NULL, &problems), 0);
    EXPECT_EQ_INT(rls_config_severity(&cfg, "weak-opener", RLS_SEV_WARNING), RLS_SEV_ERROR);
    /* A closer file wins; it replaces, it does not cascade. */
    tmp_write("a/b/.resume-ls.json", "{\"role\": \"ml\"}");
    EXPECT_EQ_INT(rls_config_find_for_file(tmp_path("a/b/c/resume.md"), NULL, &found), 0);
    EXPECT_STR_EQ(found.data, tmp_path("a/b/.resume-ls.json"));
    rls_config_close(&cfg);
    rls_config_init(&cfg);
    EXPECT_EQ_INT(rls_config_load_for_file(&cfg, tmp_path("a/b/c/resume.md"), NULL, &problems), 0);
    EXPECT_STR_EQ(cfg.role, "ml");
    EXPECT_EQ_INT(cfg.n_rules, 0);
    /* A folder named like the file is not a config. */
    tmp_mkdir("a/b/c/.resume-ls.json");
    EXPECT_EQ_INT(rls_config_find_for_file(tmp_path("a/b/c/resume.md"), NULL, &found), 0);
    EXPECT_STR_EQ(found.data, tmp_path("a/b/.resume-ls.json"));
    EXPECT_EQ_INT(problems.len, 0);
    rls_config_close(&cfg);
    rls_buf_close(&found);
    rls_buf_close(&problems);
    tmp_end();
}

static void test_no_config_anywhere_is_fine(void) {
    tmp_begin();
    RlsBuf found, problems;
    rls_buf_init(&found);
    rls_buf_init(&problems);
    int rc = rls_config_find_for_file(tmp_path("resume.md"), NULL, &found);
    /* Nothing in the temporary folder; a file above it (unlikely) is not ours. */
    EXPECT_TRUE(rc == RLS_ENOENT ||
                (found.data && strncmp(found.data, tmp_root, strlen(tmp_root)) != 0));
    RlsConfig cfg;
    rls_config_init(&cfg);
    if (rc == RLS_ENOENT) {
        EXPECT_EQ_INT(rls_config_load_for_file(&cfg, tmp_path("resume.md"), NULL, &problems), 0);
        EXPECT_EQ_INT(cfg.n_rules + cfg.n_thresholds + cfg.n_lexicon_edits, 0);
        EXPECT_EQ_INT(problems.len, 0);
    }
    rls_config_close(&cfg);
    rls_buf_close(&found);
    rls_buf_close(&problems);
    tmp_end();
}

static void test_invalid_json_names_the_file_and_where_it_stopped(void) {
    tmp_begin();
    tmp_write(".resume-ls.json", "{\n  \"rules\": {\n    \"weak-opener\": error\n  }\n}\n");
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems, want;
    rls_buf_init(&problems);
    rls_buf_init(&want);
    EXPECT_EQ_INT(
        rls_config_load_file(&cfg, tmp_path(".resume-ls.json"), RLS_CONFIG_NAMED, &problems),
        RLS_EPARSE);
    rls_buf_printf(&want, "%s: not valid JSON (stopped at line 3, column 20); ignoring the file\n",
                   tmp_path(".resume-ls.json"));
    EXPECT_STR_EQ(problems.data, want.data);
    EXPECT_EQ_INT(cfg.n_rules, 0);
    rls_buf_close(&want);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
    tmp_end();
}

static void test_an_oversized_or_missing_config_file_is_refused(void) {
    tmp_begin();
    FILE *f = fopen(tmp_path("big.json"), "wb");
    ASSERT_TRUE(f != NULL);
    fputs("{\"role\": \"", f);
    for (unsigned i = 0; i < RLS_CONFIG_MAX_BYTES; i++)
        fputc('x', f);
    fputs("\"}", f);
    fclose(f);
    tmp_paths[n_tmp_paths++] = rls_strdup(tmp_path("big.json"));
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    EXPECT_EQ_INT(rls_config_load_file(&cfg, tmp_path("big.json"), RLS_CONFIG_NAMED, &problems),
                  RLS_ETOOBIG);
    EXPECT_TRUE(contains(&problems, "big.json: cannot read: larger than 1 MB, the most resume-ls "
                                    "accepts; ignoring the file"));
    EXPECT_TRUE(cfg.role == NULL);
    rls_buf_clear(&problems);
    EXPECT_EQ_INT(rls_config_load_file(&cfg, tmp_path("nope.json"), RLS_CONFIG_NAMED, &problems),
                  RLS_ENOENT);
    EXPECT_TRUE(contains(&problems, "nope.json: cannot read: No such file or directory; ignoring "
                                    "the file"));
    rls_buf_close(&problems);
    rls_config_close(&cfg);
    tmp_end();
}

/* ---- untrusted configuration (issue #17) ------------------------------------------ */

/* Remembers rel (made by the test) for tmp_end to remove. */
static void tmp_track(const char *rel) {
    tmp_paths[n_tmp_paths++] = rls_strdup(tmp_path(rel));
}

static void test_thresholds_out_of_range_are_refused_with_the_allowed_range(void) {
    static const struct {
        const char *json;
        const char *problem;
    } bad[] = {
        /* 1e300 reached (size_t) conversions in the rules: undefined. */
        {"{\"thresholds\": {\"repeated-verb.maxRepeats\": 1e300}}",
         "thresholds.repeated-verb.maxRepeats: expected a whole number from 1 to 100; got 1e+300"},
        {"{\"thresholds\": {\"bullet-length.maxWords\": 1e300}}",
         "thresholds.bullet-length.maxWords: expected a whole number from 0 to 1000; got 1e+300"},
        {"{\"thresholds\": {\"bullet-length.maxChars\": 1e999}}",
         "thresholds.bullet-length.maxChars: expected a whole number from 0 to 10000; got inf"},
        {"{\"thresholds\": {\"bullet-length.minWords\": -1}}",
         "thresholds.bullet-length.minWords: expected a whole number from 0 to 100; got -1"},
        {"{\"thresholds\": {\"bullet-length.minWords\": 2.5}}",
         "thresholds.bullet-length.minWords: expected a whole number from 0 to 100; got 2.5"},
        {"{\"thresholds\": {\"repeated-verb.maxRepeats\": 0}}",
         "expected a whole number from 1 to 100; got 0"},
        {"{\"thresholds\": {\"resume-length.maxWords\": 100001}}",
         "thresholds.resume-length.maxWords: expected a whole number from 1 to 100000; got 100001"},
        {"{\"thresholds\": {\"bullet-length.maxWord\": 40}}",
         "thresholds.bullet-length.maxWord: unknown threshold (did you mean "
         "\"bullet-length.maxWords\"?)"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(bad); i++) {
        RlsConfig cfg;
        rls_config_init(&cfg);
        RlsBuf problems;
        rls_buf_init(&problems);
        int rc = merge_text(&cfg, bad[i].json, &problems);
        if (rc != RLS_EINVAL || !contains(&problems, bad[i].problem) || count_lines(&problems) != 1)
            RLS__FAIL("case %zu %s:\n#     got rc %d, \"%s\"\n#     expected \"%s\"", i,
                      bad[i].json, rc, problems.data ? problems.data : "", bad[i].problem);
        EXPECT_EQ_INT(cfg.n_thresholds, 0);
        rls_buf_close(&problems);
        rls_config_close(&cfg);
    }
    /* The ends of each range are accepted as they are. */
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    EXPECT_EQ_INT(
        merge_text(&cfg,
                   "{\"thresholds\": {\"bullet-length.maxWords\": 0, "
                   "\"bullet-length.maxChars\": 10000, \"bullet-length.minWords\": 100, "
                   "\"repeated-verb.maxRepeats\": 1, \"resume-length.maxWords\": 100000}}",
                   &problems),
        0);
    EXPECT_EQ_INT(problems.len, 0);
    EXPECT_TRUE(rls_config_threshold(&cfg, "bullet-length.maxWords", 40) == 0);
    EXPECT_TRUE(rls_config_threshold(&cfg, "bullet-length.maxChars", 240) == 10000);
    EXPECT_TRUE(rls_config_threshold(&cfg, "repeated-verb.maxRepeats", 2) == 1);
    EXPECT_TRUE(rls_config_threshold(&cfg, "resume-length.maxWords", 1100) == 100000);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
}

/* The resume dictionary takes single words of at most RLS_SPELL_MAX_WORD
 * bytes into the spelling lexicon; a phrase, a longer word or a non-string
 * is reported with its place, and the rest applies. */
static void test_the_dictionary_takes_single_words(void) {
    char json[256], long_word[RLS_SPELL_MAX_WORD + 2];
    memset(long_word, 'k', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    snprintf(json, sizeof json, "{\"dictionary\": [\" Kubernetes \", \"two words\", \"%s\", 3]}",
             long_word);
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    merge_text(&cfg, json, &problems);
    for (int i = 1; i <= 3; i++) {
        char want[64];
        snprintf(want, sizeof want, "dictionary[%d]: expected one word of at most 64 bytes", i);
        if (!contains(&problems, want)) RLS__FAIL("no \"%s\" in:\n%s", want, problems.data);
    }
    EXPECT_EQ_INT(count_lines(&problems), 3);
    ASSERT_EQ_INT(cfg.n_lexicon_edits, 1);
    EXPECT_STR_EQ(cfg.lexicon_edits[0].lexicon, RLS_SPELL_LEXICON);
    EXPECT_STR_EQ(cfg.lexicon_edits[0].word, "Kubernetes");
    EXPECT_TRUE(!cfg.lexicon_edits[0].remove);
    rls_buf_clear(&problems);
    merge_text(&cfg, "{\"dictionary\": \"Kubernetes\"}", &problems);
    EXPECT_TRUE(contains(&problems, "dictionary: expected an array of words"));
    rls_buf_close(&problems);
    rls_config_close(&cfg);
}

/* docs/configuration.md's table of thresholds is the table RLS_THRESHOLDS:
 * every row with its default and range, and no other. */
static void test_docs_list_exactly_the_thresholds_of_the_table(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/docs/configuration.md", RLS_SOURCE_DIR);
    size_t len = 0;
    char *doc = rls_test_read_file(path, &len);
    ASSERT_TRUE(doc != NULL);
    const char *start = strstr(doc, "### `thresholds`");
    ASSERT_TRUE(start != NULL);
    const char *end = strstr(start + 1, "\n#");
    if (!end) end = doc + len;
    bool listed[RLS_THRESHOLD_COUNT] = {false};
    for (const char *line = start; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t ll = nl ? (size_t)(nl - line) : (size_t)(end - line);
        const char *close = ll > 3 ? memchr(line + 3, '`', ll - 3) : NULL;
        if (strncmp(line, "| `", 3) == 0 && close) {
            size_t kl = (size_t)(close - line - 3), k = 0;
            while (k < RLS_THRESHOLD_COUNT && (strlen(rls_thresholds[k].key) != kl ||
                                               strncmp(rls_thresholds[k].key, line + 3, kl) != 0))
                k++;
            double def = -1, min = -1, max = -1;
            if (k == RLS_THRESHOLD_COUNT) {
                RLS__FAIL("docs/configuration.md lists \"%.*s\", no threshold of RLS_THRESHOLDS",
                          (int)kl, line + 3);
            } else if (sscanf(close, "` | %lf%*[^|]| %lf to %lf", &def, &min, &max) != 3 ||
                       def != rls_thresholds[k].def || min != rls_thresholds[k].min ||
                       max != rls_thresholds[k].max) {
                RLS__FAIL("docs/configuration.md: %.*s\n#     the table: %s, default %.0f, %.0f to "
                          "%.0f",
                          (int)ll, line, rls_thresholds[k].key, rls_thresholds[k].def,
                          rls_thresholds[k].min, rls_thresholds[k].max);
            } else {
                listed[k] = true;
            }
        }
        line += ll + 1;
    }
    for (size_t k = 0; k < RLS_THRESHOLD_COUNT; k++)
        if (!listed[k]) RLS__FAIL("docs/configuration.md does not list %s", rls_thresholds[k].key);
    rls_free(doc);
}

/* Every threshold of the table is one a configuration may set, at both
 * ends of its range, and the rules read what it set. */
static void test_every_threshold_of_the_table_is_configurable(void) {
    for (size_t k = 0; k < RLS_THRESHOLD_COUNT; k++) {
        for (int end = 0; end < 2; end++) {
            double v = end ? rls_thresholds[k].max : rls_thresholds[k].min;
            char json[256];
            snprintf(json, sizeof json, "{\"thresholds\": {\"%s\": %.0f}}", rls_thresholds[k].key,
                     v);
            RlsConfig cfg;
            rls_config_init(&cfg);
            RlsBuf problems;
            rls_buf_init(&problems);
            EXPECT_EQ_INT(merge_text(&cfg, json, &problems), 0);
            if (problems.len) RLS__FAIL("%s: %s", json, problems.data);
            EXPECT_TRUE(rls_config_threshold_of(&cfg, (RlsThresholdId)k) == v);
            rls_buf_close(&problems);
            rls_config_close(&cfg);
        }
        EXPECT_TRUE(rls_config_threshold_of(NULL, (RlsThresholdId)k) == rls_thresholds[k].def);
    }
}

static void test_text_after_the_json_value_ignores_the_whole_file(void) {
    tmp_begin();
    tmp_write(".resume-ls.json", "{\"role\": \"ml\"}\n{\"role\": \"sre\"}\n");
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems, want;
    rls_buf_init(&problems);
    rls_buf_init(&want);
    EXPECT_EQ_INT(
        rls_config_load_file(&cfg, tmp_path(".resume-ls.json"), RLS_CONFIG_NAMED, &problems),
        RLS_EPARSE);
    rls_buf_printf(&want, "%s: not valid JSON (stopped at line 2, column 1); ignoring the file\n",
                   tmp_path(".resume-ls.json"));
    EXPECT_STR_EQ(problems.data, want.data);
    EXPECT_TRUE(cfg.role == NULL);
    /* Trailing white space is not text after the value. */
    rls_buf_clear(&problems);
    tmp_write("ok.json", "{\"role\": \"ml\"}\n\n  \t\r\n");
    EXPECT_EQ_INT(rls_config_load_file(&cfg, tmp_path("ok.json"), RLS_CONFIG_NAMED, &problems), 0);
    EXPECT_STR_EQ(cfg.role, "ml");
    rls_buf_close(&want);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
    tmp_end();
}

/* Writes a config naming job (a JSON string) in cv/, loads it, and returns
 * the problems (job_text must stay NULL unless allowed). */
static void load_job(const char *job_json, RlsConfig *cfg, RlsBuf *problems) {
    char json[PATH_MAX + 64];
    snprintf(json, sizeof(json), "{\"jobDescription\": %s}", job_json);
    FILE *f = fopen(tmp_path("cv/.resume-ls.json"), "wb");
    if (!f) abort();
    fputs(json, f);
    fclose(f);
    rls_config_close(cfg);
    rls_config_init(cfg);
    rls_buf_clear(problems);
    rls_config_load_file(cfg, tmp_path("cv/.resume-ls.json"), RLS_CONFIG_FOUND, problems);
}

static void test_a_job_description_must_be_a_text_file_inside_the_config_folder(void) {
    tmp_begin();
    tmp_write("outside.txt", "root:x:0:0:root:/root:/bin/bash\n");
    tmp_mkdir("cv");
    tmp_mkdir("cv2");
    tmp_write("cv2/job.txt", "Kafka\n");
    tmp_mkdir("cv/jobs");
    tmp_write("cv/jobs/acme.txt", "Go, Kafka\n");
    tmp_write("cv/.env", "PASSWORD=hunter2\n");
    tmp_write("cv/secrets.json", "{\"token\": \"abc\"}\n");
    ASSERT_EQ_INT(symlink("../outside.txt", tmp_path("cv/link.txt")), 0);
    tmp_track("cv/link.txt");
    ASSERT_EQ_INT(symlink("jobs/acme.txt", tmp_path("cv/inner.txt")), 0);
    tmp_track("cv/inner.txt");
    ASSERT_EQ_INT(symlink(".env", tmp_path("cv/env.txt")), 0);
    tmp_track("cv/env.txt");
    tmp_track("cv/.resume-ls.json");
    char abs_json[PATH_MAX + 4];
    snprintf(abs_json, sizeof(abs_json), "\"%s\"", tmp_path("outside.txt"));
    const struct {
        const char *json;
        const char *problem;
    } refused[] = {
        {"\"../outside.txt\"", "it is outside '"},
        {abs_json, "it is outside '"},
        {"\"/etc/passwd\"", "it is outside '"},
        {"\"link.txt\"", "it is outside '"},
        /* A sibling folder whose name starts with the same letters. */
        {"\"../cv2/job.txt\"", "it is outside '"},
        {"\".env\"", "hidden files and folders"},
        {"{\"path\": \".env\"}", "hidden files and folders"},
        {"\"env.txt\"", "hidden files and folders"},
        {"\"secrets.json\"", "must be a text file ending in .txt"},
    };
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    for (size_t i = 0; i < RLS_ARRAY_LEN(refused); i++) {
        load_job(refused[i].json, &cfg, &problems);
        if (!contains(&problems, "jobDescription") || !contains(&problems, "not reading '") ||
            !contains(&problems, refused[i].problem) || cfg.job_text != NULL)
            RLS__FAIL("case %zu %s: got \"%s\", job text %s", i, refused[i].json,
                      problems.data ? problems.data : "", cfg.job_text ? cfg.job_text : "(none)");
    }
    load_job("\"jobs/acme.txt\"", &cfg, &problems);
    EXPECT_STR_EQ(cfg.job_text, "Go, Kafka\n");
    EXPECT_EQ_INT(problems.len, 0);
    load_job("\"inner.txt\"", &cfg, &problems);
    EXPECT_STR_EQ(cfg.job_text, "Go, Kafka\n");
    /* Editor settings are the user's own, as the command line is. */
    rls_config_close(&cfg);
    rls_config_init(&cfg);
    cJSON *json = cJSON_CreateObject();
    cJSON_AddStringToObject(json, "jobDescription", tmp_path("cv2/job.txt"));
    EXPECT_EQ_INT(
        rls_config_merge_json_in(&cfg, json, "initializationOptions", tmp_path("cv"), &problems),
        0);
    EXPECT_STR_EQ(cfg.job_text, "Kafka\n");
    cJSON_Delete(json);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
    tmp_end();
}

static void test_a_job_description_that_is_a_fifo_is_refused_without_blocking(void) {
    tmp_begin();
    tmp_mkdir("cv");
    ASSERT_EQ_INT(mkfifo(tmp_path("cv/jd.txt"), 0600), 0);
    tmp_track("cv/jd.txt");
    tmp_track("cv/.resume-ls.json");
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    /* Before the fix, opening the FIFO waited for a writer forever. */
    alarm(60);
    load_job("\"jd.txt\"", &cfg, &problems);
    alarm(0);
    EXPECT_TRUE(contains(&problems, "jd.txt': a named pipe (FIFO), not a regular file"));
    EXPECT_TRUE(cfg.job_text == NULL);
    rls_buf_close(&problems);
    rls_config_close(&cfg);
    tmp_end();
}

static void test_the_search_stops_at_the_repository_the_workspace_and_home(void) {
    tmp_begin();
    tmp_write(".resume-ls.json", "{\"role\": \"ml\"}");
    tmp_mkdir("repo");
    tmp_mkdir("repo/.git");
    tmp_mkdir("repo/cv");
    tmp_mkdir("ws");
    tmp_mkdir("ws/cv");
    tmp_mkdir("home");
    tmp_mkdir("home/cv");
    tmp_mkdir("plain");
    RlsBuf found;
    rls_buf_init(&found);
    /* Sanity: with nothing in the way, the file above is found. */
    EXPECT_EQ_INT(rls_config_find_for_file(tmp_path("plain/resume.md"), NULL, &found), 0);
    EXPECT_STR_EQ(found.data, tmp_path(".resume-ls.json"));
    /* Not above a repository's root... */
    EXPECT_EQ_INT(rls_config_find_for_file(tmp_path("repo/cv/resume.md"), NULL, &found),
                  RLS_ENOENT);
    /* ...which itself is searched. */
    tmp_write("repo/.resume-ls.json", "{}");
    EXPECT_EQ_INT(rls_config_find_for_file(tmp_path("repo/cv/resume.md"), NULL, &found), 0);
    EXPECT_STR_EQ(found.data, tmp_path("repo/.resume-ls.json"));
    /* Not above the editor's workspace folder. */
    EXPECT_EQ_INT(rls_config_find_for_file(tmp_path("ws/cv/resume.md"), tmp_path("ws"), &found),
                  RLS_ENOENT);
    EXPECT_EQ_INT(rls_config_find_for_file(tmp_path("ws/cv/resume.md"), NULL, &found), 0);
    /* Not above the home directory. */
    char *home = getenv("HOME") ? rls_strdup(getenv("HOME")) : NULL;
    setenv("HOME", tmp_path("home"), 1);
    EXPECT_EQ_INT(rls_config_find_for_file(tmp_path("home/cv/resume.md"), NULL, &found),
                  RLS_ENOENT);
    if (home)
        setenv("HOME", home, 1);
    else
        unsetenv("HOME");
    rls_free(home);
    rls_buf_close(&found);
    tmp_end();
}

static void test_a_found_config_of_another_user_or_writable_by_others_is_not_used(void) {
    tmp_begin();
    tmp_mkdir("cv");
    tmp_write(".resume-ls.json", "{\"rules\": {\"weak-opener\": \"error\"}}");
    RlsConfig cfg;
    rls_config_init(&cfg);
    RlsBuf problems;
    rls_buf_init(&problems);
    const char *resume = tmp_path("cv/resume.md");
    ASSERT_EQ_INT(chmod(tmp_path(".resume-ls.json"), 0646), 0);
    EXPECT_EQ_INT(rls_config_load_for_file(&cfg, resume, NULL, &problems), RLS_EINVAL);
    EXPECT_TRUE(contains(&problems, ".resume-ls.json: not using it: writable by every user (mode "
                                    "0646)"));
    EXPECT_EQ_INT(cfg.n_rules, 0);
    ASSERT_EQ_INT(chmod(tmp_path(".resume-ls.json"), 0644), 0);
    if (chown(tmp_path(".resume-ls.json"), 65534, 65534) != 0) {
        printf("# skipped the owner case: chown needs root\n");
    } else {
        rls_buf_clear(&problems);
        EXPECT_EQ_INT(rls_config_load_for_file(&cfg, resume, NULL, &problems), RLS_EINVAL);
        EXPECT_TRUE(contains(&problems, ".resume-ls.json: not using it: owned by user 65534"));
        EXPECT_EQ_INT(cfg.n_rules, 0);
        /* Named by the user (--config), it is read whoever owns it. */
        rls_buf_clear(&problems);
        EXPECT_EQ_INT(
            rls_config_load_file(&cfg, tmp_path(".resume-ls.json"), RLS_CONFIG_NAMED, &problems),
            0);
        EXPECT_EQ_INT(rls_config_severity(&cfg, "weak-opener", RLS_SEV_WARNING), RLS_SEV_ERROR);
    }
    rls_buf_close(&problems);
    rls_config_close(&cfg);
    tmp_end();
}

static void test_suggestions_only_for_near_misses(void) {
    static const char *const words[] = {"rules", "role", "macros"};
    EXPECT_STR_EQ(rls_config_suggest("rule", words, 3), "rules");
    EXPECT_STR_EQ(rls_config_suggest("macro", words, 3), "macros");
    EXPECT_STR_EQ(rls_config_suggest("rloe", words, 3), "role"); /* a swap is one edit */
    EXPECT_TRUE(rls_config_suggest("x", words, 3) == NULL);
    EXPECT_TRUE(rls_config_suggest("thresholds", words, 3) == NULL);
}

int main(void) {
    rls_hooks_install();
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_valid_config_applies_every_key),
        RLS_TEST(test_a_bad_severity_is_reported_and_keeps_the_earlier_value),
        RLS_TEST(test_off_disables_a_rule),
        RLS_TEST(test_an_unknown_rule_id_is_a_problem_with_a_suggestion),
        RLS_TEST(test_unknown_top_level_keys_are_reported_and_the_rest_applies),
        RLS_TEST(test_wrong_types_are_reported_per_key),
        RLS_TEST(test_a_long_string_value_is_shortened_in_the_message),
        RLS_TEST(test_a_job_description_is_read_relative_to_the_config_file),
        RLS_TEST(test_a_missing_job_description_file_is_a_problem_not_a_crash),
        RLS_TEST(test_a_short_line_naming_no_file_is_inline_text),
        RLS_TEST(test_the_nearest_config_above_a_file_is_found_and_loaded),
        RLS_TEST(test_no_config_anywhere_is_fine),
        RLS_TEST(test_invalid_json_names_the_file_and_where_it_stopped),
        RLS_TEST(test_an_oversized_or_missing_config_file_is_refused),
        RLS_TEST(test_suggestions_only_for_near_misses),
        RLS_TEST(test_thresholds_out_of_range_are_refused_with_the_allowed_range),
        RLS_TEST(test_the_dictionary_takes_single_words),
        RLS_TEST(test_docs_list_exactly_the_thresholds_of_the_table),
        RLS_TEST(test_every_threshold_of_the_table_is_configurable),
        RLS_TEST(test_text_after_the_json_value_ignores_the_whole_file),
        RLS_TEST(test_a_job_description_must_be_a_text_file_inside_the_config_folder),
        RLS_TEST(test_a_job_description_that_is_a_fifo_is_refused_without_blocking),
        RLS_TEST(test_the_search_stops_at_the_repository_the_workspace_and_home),
        RLS_TEST(test_a_found_config_of_another_user_or_writable_by_others_is_not_used),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
