/*
 * diag.c - the findings list (see include/rls/diag.h).
 */
#include "rls/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/buf.h"

static const char *const diag__severity_names[] = {"off", "error", "warning", "info", "hint"};

const char *rls_severity_name(RlsSeverity sev) {
    if ((unsigned)sev < RLS_ARRAY_LEN(diag__severity_names)) return diag__severity_names[sev];
    return "unknown";
}

bool rls_severity_parse(const char *name, RlsSeverity *out) {
    if (!name) return false;
    for (size_t i = 0; i < RLS_ARRAY_LEN(diag__severity_names); i++) {
        if (strcmp(name, diag__severity_names[i]) == 0) {
            *out = (RlsSeverity)i;
            return true;
        }
    }
    /* LSP calls it "Information"; editors' settings UIs often say so too. */
    if (strcmp(name, "information") == 0) {
        *out = RLS_SEV_INFO;
        return true;
    }
    return false;
}

void rls_diag_list_init(RlsDiagList *self) {
    self->items = NULL;
    self->len = 0;
    self->cap = 0;
}

void rls_diag_list_clear(RlsDiagList *self) {
    for (size_t i = 0; i < self->len; i++)
        rls_free(self->items[i].message);
    self->len = 0;
}

void rls_diag_list_close(RlsDiagList *self) {
    rls_diag_list_clear(self);
    rls_free(self->items);
    rls_diag_list_init(self);
}

RlsDiag *rls_diag_push(RlsDiagList *self, RlsSpan span, RlsSeverity sev, const char *rule,
                       const char *fmt, ...) {
    RlsBuf msg;
    rls_buf_init(&msg);
    va_list ap;
    va_start(ap, fmt);
    rls_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    RlsDiag d = {
        .span = span,
        .severity = sev,
        .rule = rule,
        .message = rls_buf_detach(&msg),
        .bullet = -1,
    };
    RLS_PUSH(self->items, self->len, self->cap, d);
    return &self->items[self->len - 1];
}

static int diag__cmp(const void *a, const void *b) {
    const RlsDiag *x = a, *y = b;
    if (x->span.start_byte != y->span.start_byte)
        return x->span.start_byte < y->span.start_byte ? -1 : 1;
    if (x->span.end_byte != y->span.end_byte) return x->span.end_byte < y->span.end_byte ? -1 : 1;
    int c = strcmp(x->rule, y->rule);
    if (c) return c;
    return strcmp(x->message, y->message);
}

void rls_diag_list_sort(RlsDiagList *self) {
    if (self->len > 1) qsort(self->items, self->len, sizeof(self->items[0]), diag__cmp);
}
