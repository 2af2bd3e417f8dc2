/*
 * uri.c - file:// URIs to paths and back (uri.h).
 */
#include "config/uri.h"

#include <stdbool.h>
#include <string.h>

void rls_uri_append_path(RlsBuf *out, const char *path) {
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            rls_buf_putc(out, (char)c);
        } else {
            char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
            rls_buf_append(out, esc, 3);
        }
    }
}

void rls_uri_append_file(RlsBuf *out, const char *abs_path) {
    rls_buf_puts(out, "file://");
    rls_uri_append_path(out, abs_path);
}

static int uri__hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *rls_uri_to_path(const char *uri) {
    if (strncmp(uri, "file://", 7) != 0) return NULL;
    const char *p = uri + 7;
    if (strncmp(p, "localhost/", 10) == 0) p += 9;
    if (*p != '/') return NULL; /* a remote host: not a local path */
    RlsBuf out;
    rls_buf_init(&out);
    for (; *p && *p != '?' && *p != '#'; p++) {
        int hi, lo;
        if (*p == '%' && (hi = uri__hexval(p[1])) >= 0 && (lo = uri__hexval(p[2])) >= 0) {
            char c = (char)(hi * 16 + lo);
            if (c == '\0') c = '_'; /* a NUL would cut the path: never trust it */
            rls_buf_putc(&out, c);
            p += 2;
        } else {
            rls_buf_putc(&out, *p);
        }
    }
    return rls_buf_detach(&out);
}

char *rls_path_to_uri(const char *path) {
    RlsBuf out;
    rls_buf_init(&out);
    rls_uri_append_file(&out, path);
    return rls_buf_detach(&out);
}
