/*
 * utf8.c - UTF-8 well-formedness and repair (rls/utf8.h).
 */
#include "rls/utf8.h"

#include <stdbool.h>

int rls_utf8_seq(const unsigned char *p, size_t n) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    int need;
    unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F; /* no encoded surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return -1;
    }
    for (int i = 1; i <= need; i++) {
        if ((size_t)i >= n) return -i;
        unsigned char b = p[i];
        bool ok = i == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
        if (!ok) return -i;
    }
    return need + 1;
}

size_t rls_utf8_sanitize(const char *src, size_t len, RlsBuf *out) {
    const unsigned char *s = (const unsigned char *)src;
    size_t replaced = 0, i = 0, run = 0; /* src[run..i) is copied when flushed */
    while (i < len) {
        int seq = rls_utf8_seq(s + i, len - i);
        if (seq > 0) {
            i += (size_t)seq;
            continue;
        }
        rls_buf_append(out, src + run, i - run);
        rls_buf_puts(out, "\xEF\xBF\xBD");
        replaced++;
        i += (size_t)-seq;
        run = i;
    }
    rls_buf_append(out, src + run, len - run);
    return replaced;
}

size_t rls_utf8_encode(uint32_t cp, char *out) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
