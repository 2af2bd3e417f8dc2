/*
 * diag.h - findings as the core reports them: byte spans, a rule id, a
 * severity and a message. They know nothing about LSP; the shell converts
 * spans to protocol ranges and adds source/code/codeDescription.
 */
#ifndef RLS_DIAG_H_
#define RLS_DIAG_H_

#include "rls/common.h"

typedef enum {
    RLS_SEV_OFF = 0,
    RLS_SEV_ERROR = 1, /* values are LSP DiagnosticSeverity */
    RLS_SEV_WARNING = 2,
    RLS_SEV_INFO = 3,
    RLS_SEV_HINT = 4,
} RlsSeverity;

/* "error", "warning", "info", "hint", "off". */
const char *rls_severity_name(RlsSeverity sev);
/* Parses the names above ("information" too); false when unknown. */
bool rls_severity_parse(const char *name, RlsSeverity *out);

typedef struct {
    RlsSpan span; /* exact source bytes: the offending words */
    RlsSeverity severity;
    const char *rule;     /* static rule id, e.g. "weak-opener" */
    char *message;        /* owned */
    int32_t bullet;       /* bullet index in the model, or -1 */
    uint32_t plain_start; /* offending words in the bullet's plain text */
    uint32_t plain_end;
} RlsDiag;

typedef struct {
    RlsDiag *items;
    size_t len;
    size_t cap;
} RlsDiagList;

void rls_diag_list_init(RlsDiagList *self);
void rls_diag_list_close(RlsDiagList *self);
void rls_diag_list_clear(RlsDiagList *self);
/* Drops the findings from index len on (nothing when len >= self->len). */
void rls_diag_list_truncate(RlsDiagList *self, size_t len);
/* Appends a finding; message is formatted and owned by the list. Returns the
 * new item so callers can fill bullet/plain_* (preset to -1/0/0). */
RlsDiag *rls_diag_push(RlsDiagList *self, RlsSpan span, RlsSeverity sev, const char *rule,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Sorts by span start, then rule id, so output is stable. */
void rls_diag_list_sort(RlsDiagList *self);

#endif /* RLS_DIAG_H_ */
