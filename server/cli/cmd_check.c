/*
 * cmd_check.c - `resume-ls check`: the language server's diagnostics for
 * files on disk, for people at a terminal and for CI.
 *
 * The analysis is the server's own (rls_analyze); only reading files,
 * finding configuration and printing differ.
 */
#define _XOPEN_SOURCE 700

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/check.h"
#include "cli/commands.h"
#include "cli/files.h"
#include "config/config_json.h"
#include "rls/alloc.h"
#include "rls/analysis.h"
#include "speller/speller.h"

static const char check__help[] =
    "Usage: resume-ls check [options] FILE|DIR...\n"
    "\n"
    "Reports what a hiring manager would skim past in resumes written in Markdown\n"
    "or LaTeX: duty phrases, bullets without a measurable result, vague words, and\n"
    "the rest of the rules in docs/rules.md. Folders are searched recursively for\n"
    ".md, .markdown and .tex files (hidden folders and node_modules are skipped);\n"
    "\"-\" reads standard input.\n"
    "\n"
    "Options:\n"
    "  --format text|json|sarif  output format (default: text)\n"
    "                              text   file:line:col: severity: message [rule-id]\n"
    "                                     (1-based; the column counts characters)\n"
    "                              json   the same fields, 0-based LSP ranges (UTF-16)\n"
    "                                     and a summary\n"
    "                              sarif  SARIF 2.1.0, for code scanning in CI\n"
    "  --fail-level LEVEL        exit with 1 when a finding is at or above LEVEL:\n"
    "                            error, warning (default), info or hint\n"
    "  --lang markdown|latex     read every file as this format, whatever its name\n"
    "  --config FILE             use this configuration file instead of the\n"
    "                            .resume-ls.json found beside or above each resume\n"
    "  --no-config               use the built-in defaults only\n"
    "  --no-spell                skip the spelling rule (and loading its dictionary)\n"
    "  -j, --jobs N              check up to N files at once (default: one per\n"
    "                            processor)\n"
    "  -h, --help                show this help\n"
    "\n"
    "Exit status: 0 when nothing is at or above the fail level, 1 when something\n"
    "is, 2 for a usage error or a file that cannot be read.\n"
    "\n"
    "Examples:\n"
    "  resume-ls check resume.md\n"
    "  resume-ls check cv/                      # every resume under cv/\n"
    "  resume-ls check --fail-level error resume.tex\n"
    "  resume-ls check --format json resume.md | jq '.summary'\n"
    "  resume-ls check --format sarif . > resume-ls.sarif\n"
    "  resume-ls check --lang latex cv.txt\n"
    "  pandoc cv.docx -t gfm | resume-ls check -\n"
    "\n"
    "Configuration: docs/configuration.md. Rules: docs/rules.md.\n";

typedef struct {
    RlsCheckOutput output;
    RlsSeverity fail_level;
    bool has_lang;
    RlsFormat lang;
    const char *config_path;
    bool no_config;
    bool no_spell;
    unsigned jobs; /* 0: one per processor */
    RlsPathList inputs;
} CheckOptions;

/* One loaded configuration file, shared by every resume below it. */
typedef struct {
    char *path;
    RlsConfig config;
    bool usable;
} CheckConfig;

typedef struct {
    CheckConfig *items;
    size_t len, cap;
} CheckConfigCache;

static int check__usage(const char *fmt, const char *arg) {
    fputs("resume-ls check: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nRun 'resume-ls check --help' for the options.\n", stderr);
    return 2;
}

/* Parses argv into opts. Returns -1 to go on, else the exit status. */
static int check__parse(int argc, char **argv, CheckOptions *opts) {
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            rls_path_list_add(&opts->inputs, a);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = true;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(check__help, stdout);
            return 0;
        }
        if (strcmp(a, "--no-config") == 0) {
            opts->no_config = true;
            continue;
        }
        if (strcmp(a, "--no-spell") == 0) {
            opts->no_spell = true;
            continue;
        }
        bool missing = false;
        const char *v;
        if ((v = rls_cli_option_value(argc, argv, &i, "--format", &missing))) {
            if (strcmp(v, "text") == 0)
                opts->output = RLS_CHECK_TEXT;
            else if (strcmp(v, "json") == 0)
                opts->output = RLS_CHECK_JSON;
            else if (strcmp(v, "sarif") == 0)
                opts->output = RLS_CHECK_SARIF;
            else
                return check__usage("--format expects text, json or sarif; got '%s'", v);
        } else if ((v = rls_cli_option_value(argc, argv, &i, "--fail-level", &missing))) {
            RlsSeverity s;
            if (!rls_severity_parse(v, &s) || s == RLS_SEV_OFF)
                return check__usage("--fail-level expects error, warning, info or hint; got '%s'",
                                    v);
            opts->fail_level = s;
        } else if ((v = rls_cli_option_value(argc, argv, &i, "--lang", &missing))) {
            if (strcmp(v, "markdown") == 0 || strcmp(v, "md") == 0)
                opts->lang = RLS_FORMAT_MARKDOWN;
            else if (strcmp(v, "latex") == 0 || strcmp(v, "tex") == 0)
                opts->lang = RLS_FORMAT_LATEX;
            else
                return check__usage("--lang expects markdown or latex; got '%s'", v);
            opts->has_lang = true;
        } else if ((v = rls_cli_option_value(argc, argv, &i, "--config", &missing))) {
            opts->config_path = v;
        } else if ((v = rls_cli_option_value(argc, argv, &i, "--jobs", &missing)) ||
                   (v = rls_cli_option_value(argc, argv, &i, "-j", &missing))) {
            char *end = NULL;
            long n = strtol(v, &end, 10);
            if (!end || *end || n < 1 || n > 256)
                return check__usage("--jobs expects a number from 1 to 256; got '%s'", v);
            opts->jobs = (unsigned)n;
        } else if (missing) {
            return check__usage("%s needs a value", a);
        } else {
            return check__usage("unknown option '%s'", a);
        }
    }
    if (opts->inputs.len == 0)
        return check__usage("%s", "no FILE or DIR given; for example: resume-ls check resume.md");
    if (opts->config_path && opts->no_config)
        return check__usage("%s", "--config and --no-config cannot be used together");
    return -1;
}

/* Prints each problem line of buf to stderr, prefixed with the program. */
static void check__print_lines(const RlsBuf *buf) {
    if (!buf->data) return;
    const char *p = buf->data;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(stderr, "resume-ls: %.*s\n", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}

/* The configuration for a resume: --config's, the nearest .resume-ls.json
 * (each file loaded and reported once), or NULL for the defaults. */
static const RlsConfig *check__config_for(CheckConfigCache *cache, const char *resume) {
    RlsBuf found;
    rls_buf_init(&found);
    /* Standard input has no folder; look from the working directory. */
    int rc = rls_config_find_for_file(strcmp(resume, "-") == 0 ? "./-" : resume, NULL, &found);
    const RlsConfig *out = NULL;
    if (rc == 0) {
        for (size_t i = 0; i < cache->len && !out; i++)
            if (strcmp(cache->items[i].path, found.data) == 0)
                out = cache->items[i].usable ? &cache->items[i].config : NULL;
        if (!out) {
            bool known = false;
            for (size_t i = 0; i < cache->len; i++)
                known = known || strcmp(cache->items[i].path, found.data) == 0;
            if (!known) {
                CheckConfig c = {rls_strdup(found.data), {0}, false};
                rls_config_init(&c.config);
                RlsBuf problems;
                rls_buf_init(&problems);
                int lr = rls_config_load_file(&c.config, found.data, RLS_CONFIG_FOUND, &problems);
                /* A broken file is reported and the defaults apply: the same
                 * as in the editor, where configuration never stops work. */
                c.usable = lr == 0 || lr == RLS_EINVAL;
                check__print_lines(&problems);
                rls_buf_close(&problems);
                RLS_PUSH(cache->items, cache->len, cache->cap, c);
                if (c.usable) out = &cache->items[cache->len - 1].config;
            }
        }
    }
    rls_buf_close(&found);
    return out;
}

static void check__cache_close(CheckConfigCache *cache) {
    for (size_t i = 0; i < cache->len; i++) {
        rls_free(cache->items[i].path);
        rls_config_close(&cache->items[i].config);
    }
    rls_free(cache->items);
}

/* Reads and analyses one file into *file. Returns 0 or an RLS_E* code (the
 * reason is in file->error, for the caller to print). */
static int check__file(RlsCheckFile *file, const CheckOptions *opts, const RlsConfig *config) {
    RlsBuf err;
    rls_buf_init(&err);
    char *src = NULL;
    uint32_t len = 0;
    int rc = rls_cli_format_for(file->path, opts->has_lang, opts->lang, &file->format, &err);
    if (rc == 0) rc = rls_cli_read_resume(file->path, &src, &len, &err);
    if (rc != 0) {
        if (err.len && err.data[err.len - 1] == '\n') err.data[--err.len] = '\0';
        file->error = rls_buf_detach(&err); /* printed in file order after the run */
        return rc;
    }
    rls_buf_close(&err);
    RlsParser *parser = rls_parser_new(file->format);
    RlsAnalysis analysis;
    rls_analysis_init(&analysis);
    rls_analyze(&analysis, parser, src, len, config);
    /* Keep the findings; the model is not needed for printing. */
    file->diags = analysis.diags;
    rls_diag_list_init(&analysis.diags);
    rls_diag_list_sort(&file->diags);
    rls_analysis_close(&analysis);
    rls_parser_delete(parser);
    file->text = rls_text_new(src, len);
    rls_free(src);
    return 0;
}

static void check__summary(const RlsCheckReport *report, size_t unreadable) {
    size_t c[5];
    rls_check_count(report, c);
    size_t total = c[1] + c[2] + c[3] + c[4];
    size_t checked = report->n_files - unreadable;
    fprintf(stderr, "resume-ls: %zu file%s checked", checked, checked == 1 ? "" : "s");
    if (total == 0) {
        fputs(", no findings", stderr);
    } else {
        static const char *const names[5] = {"", "error", "warning", "info", "hint"};
        const char *sep = ": ";
        for (int s = 1; s <= 4; s++) {
            if (!c[s]) continue;
            bool plural = c[s] != 1 && s != RLS_SEV_INFO;
            fprintf(stderr, "%s%zu %s%s", sep, c[s], names[s], plural ? "s" : "");
            sep = ", ";
        }
    }
    if (unreadable) fprintf(stderr, "; %zu could not be read", unreadable);
    fputc('\n', stderr);
}

/* ---- Checking many files on several threads -------------------------------
 * Files are independent, so workers take the next unchecked index from an
 * atomic counter; results land in report.files[i], and printing happens
 * after all are done, in the order the files were named, so the output is
 * the same whatever the number of threads. Configuration is resolved
 * before (it prints problems and caches files: single-threaded work). */

typedef struct {
    RlsCheckFile *files;
    const RlsConfig **configs;
    size_t n;
    const CheckOptions *opts;
    atomic_size_t next;
    atomic_size_t failed;
} CheckWork;

static void *check__worker(void *data) {
    CheckWork *w = data;
    for (;;) {
        size_t i = atomic_fetch_add(&w->next, 1);
        if (i >= w->n) break;
        if (check__file(&w->files[i], w->opts, w->configs[i]) != 0) atomic_fetch_add(&w->failed, 1);
    }
    return NULL;
}

static unsigned check__default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

/* Runs check__file on every file with up to jobs threads; returns how many
 * files could not be checked. */
static size_t check__run(CheckWork *w, unsigned jobs) {
    if (jobs > w->n) jobs = (unsigned)w->n;
    if (jobs <= 1) {
        check__worker(w);
        return atomic_load(&w->failed);
    }
    /* The parsers build shared state lazily; build it before threads race. */
    rls_parse_init_globals();
    pthread_t *threads = rls_calloc(jobs, sizeof(pthread_t));
    unsigned started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, check__worker, w) != 0) break;
    /* Whatever could not be started, this thread does itself. */
    if (started == 0) check__worker(w);
    for (unsigned t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    rls_free(threads);
    return atomic_load(&w->failed);
}

/* The dictionaries of the last check, kept for the life of the process:
 * the command ends it right after, and freeing hunspell's tables first
 * (en_US: 25 M instructions, ~100 000 blocks) took 14 ms of CPU of a 52 ms
 * check of a 2-page resume. Held here, they stay reachable, so neither
 * LeakSanitizer nor valgrind counts them as lost. */
static RlsSpellerLib *check__spell;

int rls_cmd_check(int argc, char **argv) {
    CheckOptions opts = {
        RLS_CHECK_TEXT, RLS_SEV_WARNING, false, RLS_FORMAT_MARKDOWN, NULL, false, false, 0, {0}};
    rls_path_list_init(&opts.inputs);
    RlsPathList paths;
    rls_path_list_init(&paths);
    CheckConfigCache cache = {0};
    RlsConfig explicit_config, default_config;
    rls_config_init(&explicit_config);
    rls_config_init(&default_config);
    /* Dictionaries load when first asked for, and the check waits: a
     * command has no later moment to publish spelling findings at. */
    rls_speller_lib_delete(check__spell);
    RlsSpellerLib *spell = check__spell = rls_speller_lib_new(NULL, NULL);
    RlsCheckReport report = {0};
    int status = check__parse(argc, argv, &opts);
    if (status >= 0) goto done;

    if (opts.config_path) {
        RlsBuf problems;
        rls_buf_init(&problems);
        int rc =
            rls_config_load_file(&explicit_config, opts.config_path, RLS_CONFIG_NAMED, &problems);
        check__print_lines(&problems);
        rls_buf_close(&problems);
        /* Asked for by name, a configuration that cannot be used is a usage
         * error: checking with the defaults would pass silently in CI. */
        if (rc != 0 && rc != RLS_EINVAL) {
            status = 2;
            goto done;
        }
    }

    bool io_error = false;
    RlsBuf err;
    rls_buf_init(&err);
    for (size_t i = 0; i < opts.inputs.len; i++) {
        rls_buf_clear(&err);
        if (rls_cli_collect(opts.inputs.items[i], &paths, &err) != 0) {
            io_error = true;
            check__print_lines(&err);
        }
    }
    rls_buf_close(&err);

    report.fail_level = opts.fail_level;
    report.color = opts.output == RLS_CHECK_TEXT && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    report.files = rls_calloc(paths.len ? paths.len : 1, sizeof(RlsCheckFile));
    report.n_files = paths.len;
    CheckWork work = {.files = report.files, .n = paths.len, .opts = &opts};
    // NOLINTNEXTLINE(bugprone-sizeof-expression): sizeof one pointer, for an array of them
    work.configs = rls_calloc(paths.len ? paths.len : 1, sizeof(*work.configs));
    for (size_t i = 0; i < paths.len; i++) {
        RlsCheckFile *file = &report.files[i];
        file->path = paths.items[i];
        rls_diag_list_init(&file->diags);
        work.configs[i] = opts.config_path ? &explicit_config
                          : opts.no_config ? NULL
                                           : check__config_for(&cache, file->path);
        if (!work.configs[i]) work.configs[i] = &default_config;
    }
    if (!opts.no_spell) {
        RlsSpellSource source = rls_speller_lib_source(spell);
        explicit_config.spell = source;
        default_config.spell = source;
        for (size_t i = 0; i < cache.len; i++)
            cache.items[i].config.spell = source;
    }
    size_t unreadable = check__run(&work, opts.jobs ? opts.jobs : check__default_jobs());
    rls_free(work.configs);
    /* Workers finish in any order; the reasons are printed in the order the
     * files were named, so stderr is the same for every --jobs. */
    for (size_t i = 0; i < paths.len; i++)
        if (report.files[i].error) fprintf(stderr, "resume-ls: %s\n", report.files[i].error);
    if (unreadable) io_error = true;

    if (rls_check_write(&report, opts.output, stdout) != 0) {
        fprintf(stderr, "resume-ls: cannot write the report to standard output\n");
        io_error = true;
    }
    if (opts.output == RLS_CHECK_TEXT && report.n_files) check__summary(&report, unreadable);
    status = io_error ? 2 : rls_check_failed(&report) ? 1 : 0;

done:
    for (size_t i = 0; i < report.n_files; i++) {
        rls_text_delete(report.files[i].text);
        rls_free(report.files[i].error);
        rls_diag_list_close(&report.files[i].diags);
    }
    rls_free(report.files);
    rls_config_close(&explicit_config);
    rls_config_close(&default_config);
    check__cache_close(&cache);
    rls_path_list_close(&paths);
    rls_path_list_close(&opts.inputs);
    return status;
}
