/*
 * cmd_score.c - `resume-ls score [--format text|json] [--role NAME]
 * [--job FILE] [--lang L] FILE`: the ATS score and its breakdown, from the
 * same analysis the server runs.
 *
 * rls_score_to_json (lsp/score_json.h) is the one JSON form of a score: the
 * `resume-ls.score` command of the server returns the same object.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "lsp/score_json.h"
#include "rls/alloc.h"
#include "rls/analysis.h"
#include "rls/buf.h"
#include "rls/score.h"

static int score__usage(const char *why) {
    if (why) fprintf(stderr, "resume-ls score: %s\n", why);
    fprintf(stderr, "usage: resume-ls score [--format text|json] [--role NAME] [--job FILE] "
                    "[--lang markdown|latex] FILE\n");
    return 2;
}

/* Reads a whole file into an owned buffer; NULL (and a message) on error. */
static char *score__read(const char *path, uint32_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "resume-ls score: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    RlsBuf buf;
    rls_buf_init(&buf);
    char chunk[65536];
    size_t n;
    bool too_big = false;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        if (buf.len + n > RLS_TEXT_MAX_BYTES) {
            too_big = true;
            break;
        }
        rls_buf_append(&buf, chunk, n);
    }
    bool err = ferror(f);
    fclose(f);
    if (err || too_big) {
        fprintf(stderr, "resume-ls score: cannot read %s: %s\n", path,
                too_big ? "file too large" : strerror(errno));
        rls_buf_close(&buf);
        return NULL;
    }
    *len_out = (uint32_t)buf.len;
    return rls_buf_detach(&buf);
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
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **opt = !strcmp(a, "--format") ? &format
                           : !strcmp(a, "--role") ? &role
                           : !strcmp(a, "--job")  ? &job
                           : !strcmp(a, "--lang") ? &lang
                                                  : NULL;
        if (opt) {
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
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return score__usage("--format is text or json");
    RlsFormat fmt;
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
        rls_format_from_path(path, &fmt);
    }
    if (role && rls_kw_profile_find(role) < 0) {
        fprintf(stderr, "resume-ls score: unknown role '%s'; known:", role);
        for (uint32_t p = 0; p < rls_kw_profile_count(); p++)
            fprintf(stderr, " %s", rls_kw_profile_name(p));
        fputc('\n', stderr);
        return 2;
    }

    int rc = 2;
    uint32_t len = 0, job_len = 0;
    char *src = score__read(path, &len);
    char *job_text = job ? score__read(job, &job_len) : NULL;
    RlsConfig config;
    rls_config_init(&config);
    RlsParser *parser = NULL;
    RlsAnalysis an;
    rls_analysis_init(&an);
    RlsKwReport report;
    rls_kw_report_init(&report);
    RlsScore score;
    rls_score_init(&score);
    if (!src || (job && !job_text)) goto done;
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
    rls_score_close(&score);
    rls_kw_report_close(&report);
    rls_analysis_close(&an);
    rls_parser_delete(parser);
    rls_config_close(&config);
    rls_free(src);
    rls_free(job_text);
    return rc;
}
