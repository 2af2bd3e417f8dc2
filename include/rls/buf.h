/*
 * buf.h - a growable byte buffer that is always NUL-terminated.
 *
 * The caller owns the RlsBuf struct (init/close); the buffer owns its bytes.
 */
#ifndef RLS_BUF_H_
#define RLS_BUF_H_

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *data; /* NUL-terminated; NULL until the first append */
    size_t len; /* bytes, without the NUL */
    size_t cap;
} RlsBuf;

void rls_buf_init(RlsBuf *self);
/* Frees the bytes; the struct may be re-initialised. */
void rls_buf_close(RlsBuf *self);
/* Empties the buffer, keeping its capacity. */
void rls_buf_clear(RlsBuf *self);
void rls_buf_append(RlsBuf *self, const char *data, size_t len);
void rls_buf_puts(RlsBuf *self, const char *s);
void rls_buf_putc(RlsBuf *self, char c);
void rls_buf_printf(RlsBuf *self, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rls_buf_vprintf(RlsBuf *self, const char *fmt, va_list ap);
/* Returns the bytes as an owned string (free with rls_free) and resets the
 * buffer to empty. Never returns NULL: an empty buffer gives "". */
char *rls_buf_detach(RlsBuf *self);

/* Copies s[0..len) and a NUL into pool (cap bytes) at *used and advances
 * *used past them: strings of a table built once into static storage. NULL
 * when they do not fit. */
const char *rls_strpool_add(char *pool, size_t cap, size_t *used, const char *s, size_t len);

/* The string fmt formats, owned (free with rls_free); never NULL. */
char *rls_strfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *rls_vstrfmt(const char *fmt, va_list ap);

#endif /* RLS_BUF_H_ */
