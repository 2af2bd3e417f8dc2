/*
 * cmd_score.c - `resume-ls score [--format text|json] [--role NAME]
 * [--job FILE] [--lang L] [--config FILE | --no-config] FILE`: the ATS score
 * and its breakdown, from the same analysis and the same configuration as
 * `check` and the server, so that the three agree.
 *
 * rls_score_to_json (config/score_json.h) is the one JSON form of a score: the
 * `resume-ls.score` command of the server returns the same object.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/files.h"
#include "config/config_json.h"
#include "config/score_json.h"
#include "rls/alloc.h"
#include "rls/analysis.h"
#include "rls/buf.h"
#include "rls/score.h"

static int score__usage(const char *why) {
    if (why) fprintf(stderr, "resume-ls score: %s\n", why);
    fprintf(stderr,
            "usage: resume-ls score [--format text|json] [--role NAME] [--job FILE]\n"
            "                       [--lang markdown|latex] [--config FILE | --no-config] FILE\n"
            "  Reads the same configuration as check: the nearest .resume-ls.json (its\n"
            "  role and jobDescription, thresholds, rules), --config's, or none with\n"
            "  --no-config. --role and --job override the configuration's; --job FILE\n"
            "  may be anywhere (\"-\": standard input), but must be a regular file of at\n"
            "  most 1 MB.\n");
    return 2;
}

/* Prints each line of buf to stderr, prefixed with the command. */
static void score__print_lines(const RlsBuf *buf) {
    const char *p = buf->data ? buf->data : "";
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(stderr, "resume-ls score: %.*s\n", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}

/* Loads the configuration `check` would use for path into config: config_path's
 * (--config, fatal when unusable), none (--no-config), or the nearest
 * .resume-ls.json (problems reported, its valid keys kept). Returns 0 or 2. */
static int score__config(RlsConfig *config, const char *path, const char *config_path,
                         bool no_config) {
    if (no_config) return 0;
    RlsBuf problems;
    rls_buf_init(&problems);
    int rc;
    if (config_path) {
        rc = rls_config_load_file(config, config_path, RLS_CONFIG_NAMED, &problems);
    } else {
        /* Standard input has no folder; look from the working directory. */
        rc = rls_config_load_for_file(config, strcmp(path, "-") == 0 ? "./-" : path, NULL,
                                      &problems);
        if (rc != 0 && rc != RLS_EINVAL) {
            /* Ignored as a whole: the defaults apply, as in check. */
            rls_config_close(config);
            rls_config_init(config);
            rc = 0;
        }
    }
    score__print_lines(&problems);
    rls_buf_close(&problems);
    return rc == 0 || rc == RLS_EINVAL ? 0 : 2;
}

static void score__print_text(const char *path, const RlsScore *s, const RlsKwReport *r) {
    char *summary = rls_score_summary(s);
    printf("%s: %s\n", path, summary);
    rls_free(summary);
    if (s->profile)
        printf("Role profile: %s%s\n", s->profile, s->profile_inferred ? " (inferred)" : "");
    if (r->jd.len) {
        printf("Job description: %u of %u keywords used, %u in bullets\n", s->jd_covered,
               s->jd_total, s->jd_in_bullets);
    }
    for (int c = 0; c < RLS_SCORE_COMPONENT_COUNT; c++) {
        const RlsScoreComponent *comp = &s->components[c];
        printf("\n%-20s %2d/%d\n", comp->title, comp->points, comp->max);
        if (!comp->n_deductions) printf("  nothing deducted\n");
        for (size_t i = 0; i < comp->n_deductions; i++)
            printf("  -%.1f  %s\n", comp->deductions[i].points, comp->deductions[i].reason);
    }
}

int rls_cmd_score(int argc, char **argv) {
    const char *format = "text", *role = NULL, *job = NULL, *lang = NULL, *path = NULL;
    const char *config_path = NULL;
    bool no_config = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **opt = !strcmp(a, "--format")   ? &format
                           : !strcmp(a, "--role")   ? &role
                           : !strcmp(a, "--job")    ? &job
                           : !strcmp(a, "--lang")   ? &lang
                           : !strcmp(a, "--config") ? &config_path
                                                    : NULL;
        if (!strcmp(a, "--no-config")) {
            no_config = true;
        } else if (opt) {
            if (i + 1 >= argc) return score__usage("an option is missing its value");
            *opt = argv[++i];
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            score__usage(NULL);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "resume-ls score: unknown option %s\n", a);
            return score__usage(NULL);
        } else if (path) {
            return score__usage("one FILE at a time");
        } else {
            path = a;
        }
    }
    if (!path) return score__usage("no FILE given");
    if (config_path && no_config)
        return score__usage("--config and --no-config exclude each other");
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return score__usage("--format is text or json");
    RlsFormat fmt = RLS_FORMAT_MARKDOWN;
    if (lang) {
        if (!rls_format_from_language_id(lang, &fmt) && !rls_format_from_path(lang, &fmt)) {
            if (!strcmp(lang, "md"))
                fmt = RLS_FORMAT_MARKDOWN;
            else if (!strcmp(lang, "tex"))
                fmt = RLS_FORMAT_LATEX;
            else
                return score__usage("--lang is markdown or latex");
        }
    } else {
        /* As check decides it (Markdown for standard input); an unknown
         * extension asks for --lang instead of guessing. */
        RlsBuf why;
        rls_buf_init(&why);
        int frc = rls_cli_format_for(path, false, fmt, &fmt, &why);
        score__print_lines(&why);
        rls_buf_close(&why);
        if (frc != 0) return 2;
    }
    if (role && rls_kw_profile_find(role) < 0) {
        fprintf(stderr, "resume-ls score: unknown role '%s'; known:", role);
        for (uint32_t p = 0; p < rls_kw_profile_count(); p++)
            fprintf(stderr, " %s", rls_kw_profile_name(p));
        fputc('\n', stderr);
        return 2;
    }

    int rc = 2;
    uint32_t len = 0;
    char *src = NULL, *job_text = NULL;
    size_t job_len = 0;
    RlsConfig config;
    rls_config_init(&config);
    RlsParser *parser = NULL;
    RlsAnalysis an;
    rls_analysis_init(&an);
    RlsKwReport report;
    rls_kw_report_init(&report);
    RlsScore score;
    rls_score_init(&score);
    RlsBuf err;
    rls_buf_init(&err);
    if (rls_cli_read_resume(path, &src, &len, &err) != 0 ||
        (job && rls_cli_read_bytes(job, RLS_JOB_MAX_BYTES, &job_text, &job_len, NULL, &err) != 0)) {
        score__print_lines(&err);
        goto done;
    }
    if (score__config(&config, path, config_path, no_config) != 0) goto done;
    /* Named on the command line, they win over the configuration's. */
    if (role) rls_config_set_role(&config, role);
    if (job_text) rls_config_set_job_text(&config, job_text);

    parser = rls_parser_new(fmt);
    rls_analyze(&an, parser, src, len, &config);
    rls_kw_analyze(&report, an.model, &config);
    rls_score_compute(&score, an.model, src, len, &an.diags, &report, &config);
    if (!strcmp(format, "json")) {
        cJSON *root = rls_score_to_json(&score, &report);
        cJSON_AddStringToObject(root, "file", path);
        char *text = cJSON_Print(root);
        printf("%s\n", text);
        cJSON_free(text);
        cJSON_Delete(root);
    } else {
        score__print_text(path, &score, &report);
    }
    rc = 0;
done:
    rls_buf_close(&err);
    rls_score_close(&score);
    rls_kw_report_close(&report);
    rls_analysis_close(&an);
    rls_parser_delete(parser);
    rls_config_close(&config);
    rls_free(src);
    rls_free(job_text);
    return rc;
}
