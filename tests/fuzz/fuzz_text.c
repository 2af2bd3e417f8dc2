/*
 * fuzz_text.c - the document text fed random edit scripts, checked against
 * a plain reference string and a freshly built line index after every edit.
 *
 * Input: bytes read as a script of edits. Each edit is
 *   [pos_lo][pos_hi][del][n] followed by n bytes of inserted text,
 * positions taken modulo the current length so that every script is valid.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/text.h"

#define FUZZ_MAX_DOC 8192

static void fuzz__check_same(const RlsText *t) {
    RlsText *fresh = rls_text_new(rls_text_data(t), rls_text_len(t));
    if (rls_text_line_count(fresh) != rls_text_line_count(t)) abort();
    for (uint32_t l = 0; l < rls_text_line_count(t); l++)
        if (rls_text_line_start(fresh, l) != rls_text_line_start(t, l)) abort();
    for (uint32_t b = 0; b <= rls_text_len(t); b++) {
        RlsPoint p = rls_text_point_at(t, b), q = rls_text_point_at(fresh, b);
        if (p.row != q.row || p.col_byte != q.col_byte) abort();
        /* Every position maps back to a byte at or before the one asked
         * for, on the same line: clamping never moves forward. */
        RlsLspPos pos = rls_text_pos_at(t, b, RLS_ENC_UTF16);
        if (rls_text_offset_at(t, pos, RLS_ENC_UTF16) > b) abort();
    }
    rls_text_delete(fresh);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *ref = malloc(FUZZ_MAX_DOC + 1);
    size_t ref_len = 0;
    RlsText *t = rls_text_new("", 0);
    size_t i = 0;
    while (i + 4 <= size) {
        uint32_t len = rls_text_len(t);
        uint32_t pos = (uint32_t)(data[i] | (data[i + 1] << 8)) % (len + 1);
        uint32_t del = data[i + 2] % (len - pos + 1);
        size_t n = data[i + 3];
        i += 4;
        if (n > size - i) n = size - i;
        if (ref_len - del + n > FUZZ_MAX_DOC) break;
        if (rls_text_replace(t, pos, pos + del, (const char *)data + i, n, NULL) != 0) abort();
        memmove(ref + pos + n, ref + pos + del, ref_len - pos - del);
        memcpy(ref + pos, data + i, n);
        ref_len = ref_len - del + n;
        i += n;
        if (rls_text_len(t) != ref_len || memcmp(rls_text_data(t), ref, ref_len) != 0) abort();
        fuzz__check_same(t);
    }
    rls_text_delete(t);
    free(ref);
    if (rls_alloc_live() != 0) abort();
    return 0;
}
