/*
 * check.h - what `resume-ls check` found, and the three ways of printing
 * it (check_output.c). Internal to server/cli.
 */
#ifndef RLS_CLI_CHECK_H_
#define RLS_CLI_CHECK_H_

#include <stdio.h>

#include "rls/diag.h"
#include "rls/model.h"
#include "rls/text.h"

typedef enum {
    RLS_CHECK_TEXT,
    RLS_CHECK_JSON,
    RLS_CHECK_SARIF,
} RlsCheckOutput;

/* One file named on the command line or found in a folder. */
typedef struct {
    char *path; /* as given or as found by the walk; "-" is standard input */
    RlsFormat format;
    RlsText *text;     /* owned; NULL when the file could not be checked */
    char *error;       /* owned reason when text is NULL */
    RlsDiagList diags; /* sorted by position */
} RlsCheckFile;

typedef struct {
    RlsCheckFile *files;
    size_t n_files;
    RlsSeverity fail_level;
    bool color; /* ANSI colours in text output */
} RlsCheckReport;

/* Counts of findings per severity (index: RlsSeverity) over the report. */
void rls_check_count(const RlsCheckReport *report, size_t counts[5]);
/* True when some finding is at or above the fail level. */
bool rls_check_failed(const RlsCheckReport *report);

/* Writes the report to out in the given format. Returns 0, or RLS_EIO when
 * writing failed (a closed pipe, a full disk). */
int rls_check_write(const RlsCheckReport *report, RlsCheckOutput format, FILE *out);

/* The name shown for a file: "<stdin>" for "-", else the path. */
const char *rls_check_display_name(const RlsCheckFile *file);

#endif /* RLS_CLI_CHECK_H_ */
