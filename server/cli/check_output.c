/*
 * check_output.c - `resume-ls check` findings as text, JSON or SARIF.
 *
 * Positions: the text format and SARIF give 1-based lines and 1-based
 * columns counted in Unicode code points, which is what a terminal user
 * counts and what editors' "go to line:column" means for non-ASCII text
 * (SARIF says so with columnKind "unicodeCodePoints"). The JSON format adds
 * the 0-based LSP range in UTF-16 code units, the protocol's default, so a
 * tool can hand it straight to an editor. Lines break at "\n", "\r\n" and a
 * lone "\r", as in LSP.
 */
#define _XOPEN_SOURCE 700

#include <cjson/cJSON.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "cli/check.h"
#include "config/docs_url.h"
#include "config/uri.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/rules.h"

#define OUTPUT__SARIF_SCHEMA                                                                       \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

const char *rls_check_display_name(const RlsCheckFile *file) {
    return strcmp(file->path, "-") == 0 ? "<stdin>" : file->path;
}

void rls_check_count(const RlsCheckReport *report, size_t counts[5]) {
    memset(counts, 0, 5 * sizeof(size_t));
    for (size_t f = 0; f < report->n_files; f++) {
        const RlsDiagList *d = &report->files[f].diags;
        for (size_t i = 0; i < d->len; i++)
            if ((unsigned)d->items[i].severity < 5) counts[d->items[i].severity]++;
    }
}

bool rls_check_failed(const RlsCheckReport *report) {
    for (size_t f = 0; f < report->n_files; f++) {
        const RlsDiagList *d = &report->files[f].diags;
        for (size_t i = 0; i < d->len; i++) {
            RlsSeverity s = d->items[i].severity;
            if (s != RLS_SEV_OFF && s <= report->fail_level) return true;
        }
    }
    return false;
}

/* 1-based line and code-point column of byte, for people. */
static RlsLspPos output__human(const RlsText *text, uint32_t byte) {
    RlsLspPos p = rls_text_pos_at(text, byte, RLS_ENC_UTF32);
    p.line++;
    p.character++;
    return p;
}

/* ---- text ---------------------------------------------------------------------- */

static const char *output__sev_color(RlsSeverity s) {
    switch (s) {
    case RLS_SEV_ERROR:
        return "\x1b[1;31m";
    case RLS_SEV_WARNING:
        return "\x1b[1;33m";
    case RLS_SEV_INFO:
        return "\x1b[1;36m";
    default:
        return "\x1b[2m";
    }
}

static void output__text(const RlsCheckReport *report, FILE *out) {
    RlsBuf line;
    rls_buf_init(&line);
    for (size_t f = 0; f < report->n_files; f++) {
        const RlsCheckFile *file = &report->files[f];
        if (!file->text) continue;
        for (size_t i = 0; i < file->diags.len; i++) {
            const RlsDiag *d = &file->diags.items[i];
            RlsLspPos at = output__human(file->text, d->span.start_byte);
            rls_buf_clear(&line);
            if (report->color) rls_buf_puts(&line, "\x1b[1m");
            rls_buf_printf(&line, "%s:%u:%u:", rls_check_display_name(file), at.line, at.character);
            if (report->color) rls_buf_puts(&line, "\x1b[0m");
            rls_buf_putc(&line, ' ');
            if (report->color) rls_buf_puts(&line, output__sev_color(d->severity));
            rls_buf_puts(&line, rls_severity_name(d->severity));
            if (report->color) rls_buf_puts(&line, "\x1b[0m");
            rls_buf_puts(&line, ": ");
            /* One finding per line, so that grep and editors' error parsers
             * (errorformat, problem matchers) can read the output. */
            for (const char *m = d->message ? d->message : ""; *m; m++)
                rls_buf_putc(&line, *m == '\n' || *m == '\r' ? ' ' : *m);
            rls_buf_printf(&line, " [%s]\n", d->rule);
            fputs(line.data, out);
        }
    }
    rls_buf_close(&line);
}

/* ---- JSON ----------------------------------------------------------------------- */

static cJSON *output__lsp_pos(RlsLspPos p) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "line", p.line);
    cJSON_AddNumberToObject(o, "character", p.character);
    return o;
}

static cJSON *output__json_diag(const RlsCheckFile *file, const RlsDiag *d, RlsBuf *scratch) {
    cJSON *o = cJSON_CreateObject();
    RlsLspPos start = output__human(file->text, d->span.start_byte);
    RlsLspPos end = output__human(file->text, d->span.end_byte);
    cJSON_AddStringToObject(o, "file", rls_check_display_name(file));
    cJSON_AddNumberToObject(o, "line", start.line);
    cJSON_AddNumberToObject(o, "column", start.character);
    cJSON_AddNumberToObject(o, "endLine", end.line);
    cJSON_AddNumberToObject(o, "endColumn", end.character);
    cJSON_AddStringToObject(o, "severity", rls_severity_name(d->severity));
    cJSON_AddStringToObject(o, "message", d->message ? d->message : "");
    cJSON_AddStringToObject(o, "rule", d->rule);
    rls_buf_clear(scratch);
    rls_docs_rule_url(scratch, d->rule);
    cJSON_AddStringToObject(o, "docs", scratch->data);
    RlsLspRange r = rls_text_range_of(file->text, d->span, RLS_ENC_UTF16);
    cJSON *range = cJSON_AddObjectToObject(o, "range");
    cJSON_AddItemToObject(range, "start", output__lsp_pos(r.start));
    cJSON_AddItemToObject(range, "end", output__lsp_pos(r.end));
    cJSON *bytes = cJSON_AddObjectToObject(o, "bytes");
    cJSON_AddNumberToObject(bytes, "start", d->span.start_byte);
    cJSON_AddNumberToObject(bytes, "end", d->span.end_byte);
    return o;
}

static cJSON *output__json(const RlsCheckReport *report) {
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "tool", "resume-ls");
    cJSON_AddStringToObject(root, "version", RLS_VERSION);
    cJSON *files = cJSON_AddArrayToObject(root, "files");
    cJSON *diags = cJSON_AddArrayToObject(root, "diagnostics");
    RlsBuf scratch;
    rls_buf_init(&scratch);
    size_t unreadable = 0;
    for (size_t f = 0; f < report->n_files; f++) {
        const RlsCheckFile *file = &report->files[f];
        cJSON *fo = cJSON_CreateObject();
        cJSON_AddStringToObject(fo, "path", rls_check_display_name(file));
        if (file->text) {
            cJSON_AddStringToObject(fo, "format",
                                    file->format == RLS_FORMAT_LATEX ? "latex" : "markdown");
            cJSON_AddNumberToObject(fo, "findings", (double)file->diags.len);
            for (size_t i = 0; i < file->diags.len; i++)
                cJSON_AddItemToArray(diags,
                                     output__json_diag(file, &file->diags.items[i], &scratch));
        } else {
            unreadable++;
            cJSON_AddStringToObject(fo, "error", file->error ? file->error : "cannot read");
        }
        cJSON_AddItemToArray(files, fo);
    }
    rls_buf_close(&scratch);
    size_t counts[5];
    rls_check_count(report, counts);
    cJSON *sum = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(sum, "files", (double)report->n_files);
    cJSON_AddNumberToObject(sum, "unreadable", (double)unreadable);
    cJSON_AddNumberToObject(sum, "findings",
                            (double)(counts[1] + counts[2] + counts[3] + counts[4]));
    cJSON_AddNumberToObject(sum, "error", (double)counts[RLS_SEV_ERROR]);
    cJSON_AddNumberToObject(sum, "warning", (double)counts[RLS_SEV_WARNING]);
    cJSON_AddNumberToObject(sum, "info", (double)counts[RLS_SEV_INFO]);
    cJSON_AddNumberToObject(sum, "hint", (double)counts[RLS_SEV_HINT]);
    cJSON_AddStringToObject(sum, "failLevel", rls_severity_name(report->fail_level));
    cJSON_AddBoolToObject(sum, "failed", rls_check_failed(report));
    return root;
}

/* ---- SARIF 2.1.0 ------------------------------------------------------------------- */

static const char *output__sarif_level(RlsSeverity s) {
    switch (s) {
    case RLS_SEV_ERROR:
        return "error";
    case RLS_SEV_WARNING:
        return "warning";
    default:
        return "note"; /* SARIF has no info/hint distinction */
    }
}

/* artifactLocation for a checked file: a relative path stays relative to
 * %SRCROOT% (the working directory, declared in originalUriBaseIds), which is
 * what code-scanning services expect; an absolute one becomes a file URI. */
static cJSON *output__sarif_artifact(const RlsCheckFile *file, RlsBuf *scratch) {
    cJSON *loc = cJSON_CreateObject();
    rls_buf_clear(scratch);
    if (strcmp(file->path, "-") == 0) {
        rls_buf_puts(scratch, "stdin");
        cJSON_AddStringToObject(loc, "uri", scratch->data);
        return loc;
    }
    if (file->path[0] == '/') {
        rls_uri_append_file(scratch, file->path);
        cJSON_AddStringToObject(loc, "uri", scratch->data);
    } else {
        const char *p = file->path;
        while (p[0] == '.' && p[1] == '/')
            p += 2;
        rls_uri_append_path(scratch, p);
        cJSON_AddStringToObject(loc, "uri", scratch->data);
        cJSON_AddStringToObject(loc, "uriBaseId", "%SRCROOT%");
    }
    return loc;
}

static cJSON *output__sarif(const RlsCheckReport *report) {
    RlsBuf scratch;
    rls_buf_init(&scratch);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "version", "2.1.0");
    cJSON_AddStringToObject(root, "$schema", OUTPUT__SARIF_SCHEMA);
    cJSON *runs = cJSON_AddArrayToObject(root, "runs");
    cJSON *run = cJSON_CreateObject();
    cJSON_AddItemToArray(runs, run);

    cJSON *tool = cJSON_AddObjectToObject(run, "tool");
    cJSON *driver = cJSON_AddObjectToObject(tool, "driver");
    cJSON_AddStringToObject(driver, "name", "resume-ls");
    cJSON_AddStringToObject(driver, "version", RLS_VERSION);
    cJSON_AddStringToObject(driver, "semanticVersion", RLS_VERSION);
    cJSON_AddStringToObject(driver, "informationUri", rls_docs_rules_url());
    cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
    size_t n_rules = 0;
    const RlsRuleInfo *all = rls_rules_all(&n_rules);
    for (size_t i = 0; i < n_rules; i++) {
        const RlsRuleInfo *info = &all[i];
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "id", info->id);
        cJSON_AddStringToObject(r, "name", info->id);
        cJSON *sd = cJSON_AddObjectToObject(r, "shortDescription");
        cJSON_AddStringToObject(sd, "text", info->summary ? info->summary : info->id);
        rls_buf_clear(&scratch);
        rls_docs_rule_url(&scratch, info->id);
        cJSON_AddStringToObject(r, "helpUri", scratch.data);
        cJSON *dc = cJSON_AddObjectToObject(r, "defaultConfiguration");
        cJSON_AddStringToObject(dc, "level", output__sarif_level(info->default_severity));
        cJSON_AddItemToArray(rules, r);
    }

    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof(cwd))) {
        cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
        cJSON *src = cJSON_AddObjectToObject(bases, "%SRCROOT%");
        rls_buf_clear(&scratch);
        rls_uri_append_file(&scratch, cwd);
        if (scratch.data[scratch.len - 1] != '/') rls_buf_putc(&scratch, '/');
        cJSON_AddStringToObject(src, "uri", scratch.data);
    }
    cJSON_AddStringToObject(run, "columnKind", "unicodeCodePoints");

    cJSON *results = cJSON_AddArrayToObject(run, "results");
    for (size_t f = 0; f < report->n_files; f++) {
        const RlsCheckFile *file = &report->files[f];
        if (!file->text) continue;
        for (size_t i = 0; i < file->diags.len; i++) {
            const RlsDiag *d = &file->diags.items[i];
            cJSON *res = cJSON_CreateObject();
            cJSON_AddStringToObject(res, "ruleId", d->rule);
            for (size_t k = 0; k < n_rules; k++) {
                if (strcmp(all[k].id, d->rule) == 0) {
                    cJSON_AddNumberToObject(res, "ruleIndex", (double)k);
                    break;
                }
            }
            cJSON_AddStringToObject(res, "level", output__sarif_level(d->severity));
            cJSON *msg = cJSON_AddObjectToObject(res, "message");
            cJSON_AddStringToObject(msg, "text", d->message ? d->message : "");
            cJSON *locs = cJSON_AddArrayToObject(res, "locations");
            cJSON *loc = cJSON_CreateObject();
            cJSON_AddItemToArray(locs, loc);
            cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
            cJSON_AddItemToObject(phys, "artifactLocation", output__sarif_artifact(file, &scratch));
            RlsLspPos start = output__human(file->text, d->span.start_byte);
            RlsLspPos end = output__human(file->text, d->span.end_byte);
            cJSON *region = cJSON_AddObjectToObject(phys, "region");
            cJSON_AddNumberToObject(region, "startLine", start.line);
            cJSON_AddNumberToObject(region, "startColumn", start.character);
            cJSON_AddNumberToObject(region, "endLine", end.line);
            cJSON_AddNumberToObject(region, "endColumn", end.character);
            cJSON_AddNumberToObject(region, "charOffset", d->span.start_byte);
            cJSON_AddItemToArray(results, res);
        }
    }

    /* Unreadable files are reported to the service too, not only on stderr. */
    cJSON *invocations = cJSON_AddArrayToObject(run, "invocations");
    cJSON *inv = cJSON_CreateObject();
    cJSON_AddItemToArray(invocations, inv);
    bool all_read = true;
    cJSON *notes = cJSON_CreateArray();
    for (size_t f = 0; f < report->n_files; f++) {
        if (report->files[f].text) continue;
        all_read = false;
        cJSON *n = cJSON_CreateObject();
        cJSON_AddStringToObject(n, "level", "error");
        cJSON *m = cJSON_AddObjectToObject(n, "message");
        cJSON_AddStringToObject(m, "text",
                                report->files[f].error ? report->files[f].error : "cannot read");
        cJSON_AddItemToArray(notes, n);
    }
    cJSON_AddBoolToObject(inv, "executionSuccessful", all_read);
    if (all_read)
        cJSON_Delete(notes);
    else
        cJSON_AddItemToObject(inv, "toolExecutionNotifications", notes);
    rls_buf_close(&scratch);
    return root;
}

int rls_check_write(const RlsCheckReport *report, RlsCheckOutput format, FILE *out) {
    if (format == RLS_CHECK_TEXT) {
        output__text(report, out);
    } else {
        cJSON *doc = format == RLS_CHECK_JSON ? output__json(report) : output__sarif(report);
        char *s = cJSON_Print(doc);
        cJSON_Delete(doc);
        fputs(s, out);
        fputc('\n', out);
        cJSON_free(s);
    }
    return fflush(out) == 0 && !ferror(out) ? 0 : RLS_EIO;
}
