/*
 * diag.c - the findings list (see include/rls/diag.h).
 */
#include "rls/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/buf.h"
#include "rules/rules_internal.h"

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

void rls_diag_list_truncate(RlsDiagList *self, size_t len) {
    for (size_t i = len; i < self->len; i++)
        rls_free(self->items[i].message);
    if (len < self->len) self->len = len;
}

void rls_diag_list_close(RlsDiagList *self) {
    rls_diag_list_clear(self);
    rls_free(self->items);
    rls_diag_list_init(self);
}

RlsDiag *rls_diag_push(RlsDiagList *self, RlsSpan span, RlsSeverity sev, const char *rule,
                       const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    RlsDiag d = {
        .span = span,
        .severity = sev,
        .rule = rule,
        .message = rls_vstrfmt(fmt, ap),
        .bullet = -1,
    };
    va_end(ap);
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

RlsDiag *rls_rules_push_owned(RlsDiagList *list, RlsSpan span, RlsSeverity sev, const char *rule,
                              char *message) {
    RlsDiag d = {
        .span = span,
        .severity = sev,
        .rule = rule,
        .message = message ? message : rls_strdup(""),
        .bullet = -1,
    };
    RLS_PUSH(list->items, list->len, list->cap, d);
    return &list->items[list->len - 1];
}

static void diag__put_unsigned(RlsBuf *buf, unsigned long long v, bool neg) {
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (neg) rls_buf_putc(buf, '-');
    while (n)
        rls_buf_putc(buf, tmp[--n]);
}

void rls_rules_vformat(RlsBuf *buf, const char *fmt, va_list ap) {
    const char *run = fmt;
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') continue;
        if (f > run) rls_buf_append(buf, run, (size_t)(f - run));
        const char *spec = f + 1;
        if (spec[0] == '%') {
            rls_buf_putc(buf, '%');
        } else if (spec[0] == 's') {
            const char *s = va_arg(ap, const char *);
            rls_buf_puts(buf, s ? s : "(null)");
        } else if (spec[0] == '.' && spec[1] == '*' && spec[2] == 's') {
            int n = va_arg(ap, int);
            const char *s = va_arg(ap, const char *);
            if (n > 0 && s) {
                const char *z = memchr(s, '\0', (size_t)n);
                rls_buf_append(buf, s, z ? (size_t)(z - s) : (size_t)n);
            }
            spec += 2;
        } else if (spec[0] == 'd') {
            int v = va_arg(ap, int);
            diag__put_unsigned(buf, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v,
                               v < 0);
        } else if (spec[0] == 'u') {
            diag__put_unsigned(buf, va_arg(ap, unsigned), false);
        } else if (spec[0] == 'l' && spec[1] == 'd') {
            long v = va_arg(ap, long);
            diag__put_unsigned(buf, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v,
                               v < 0);
            spec++;
        } else if (spec[0] == 'z' && spec[1] == 'u') {
            diag__put_unsigned(buf, va_arg(ap, size_t), false);
            spec++;
        } else {
            /* Anything else (%g): the rest goes through the C library. */
            rls_buf_vprintf(buf, f, ap);
            return;
        }
        f = spec;
        run = f + 1;
    }
    if (*run) rls_buf_puts(buf, run);
}

void rls_rules_format(RlsBuf *buf, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    rls_rules_vformat(buf, fmt, ap);
    va_end(ap);
}
