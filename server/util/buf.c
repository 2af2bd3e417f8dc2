/*
 * buf.c - growable NUL-terminated byte buffer (see include/rls/buf.h).
 */
#include "rls/buf.h"

#include <stdio.h>
#include <string.h>

#include "rls/alloc.h"

void rls_buf_init(RlsBuf *self) {
    self->data = NULL;
    self->len = 0;
    self->cap = 0;
}

void rls_buf_close(RlsBuf *self) {
    rls_free(self->data);
    rls_buf_init(self);
}

void rls_buf_clear(RlsBuf *self) {
    self->len = 0;
    if (self->data) self->data[0] = '\0';
}

static void buf__reserve(RlsBuf *self, size_t extra) {
    rls_grow((void **)&self->data, &self->cap, self->len + extra + 1, 1);
}

void rls_buf_append(RlsBuf *self, const char *data, size_t len) {
    buf__reserve(self, len);
    if (len) memcpy(self->data + self->len, data, len);
    self->len += len;
    self->data[self->len] = '\0';
}

void rls_buf_puts(RlsBuf *self, const char *s) {
    rls_buf_append(self, s, strlen(s));
}

void rls_buf_putc(RlsBuf *self, char c) {
    rls_buf_append(self, &c, 1);
}

void rls_buf_vprintf(RlsBuf *self, const char *fmt, va_list ap) {
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n <= 0) return;
    buf__reserve(self, (size_t)n);
    vsnprintf(self->data + self->len, (size_t)n + 1, fmt, ap);
    self->len += (size_t)n;
}

void rls_buf_printf(RlsBuf *self, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    rls_buf_vprintf(self, fmt, ap);
    va_end(ap);
}

char *rls_buf_detach(RlsBuf *self) {
    char *out = self->data ? self->data : rls_strdup("");
    rls_buf_init(self);
    return out;
}

char *rls_vstrfmt(const char *fmt, va_list ap) {
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_vprintf(&b, fmt, ap);
    return rls_buf_detach(&b);
}

char *rls_strfmt(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s = rls_vstrfmt(fmt, ap);
    va_end(ap);
    return s;
}

const char *rls_strpool_add(char *pool, size_t cap, size_t *used, const char *s, size_t len) {
    if (*used + len + 1 > cap) return NULL;
    char *out = pool + *used;
    memcpy(out, s, len);
    out[len] = '\0';
    *used += len + 1;
    return out;
}
