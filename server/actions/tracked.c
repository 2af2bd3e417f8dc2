/*
 * tracked.c - strings whose bytes remember their origin (actions_internal.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "actions/actions_internal.h"
#include "rls/alloc.h"

void rls_tracked_init(RlsTracked *self) {
    rls_buf_init(&self->text);
    self->origin = NULL;
    self->cap = 0;
}

void rls_tracked_close(RlsTracked *self) {
    rls_buf_close(&self->text);
    rls_free(self->origin);
    rls_tracked_init(self);
}

void rls_tracked_clear(RlsTracked *self) {
    rls_buf_clear(&self->text);
}

static void tracked__reserve(RlsTracked *self, size_t need) {
    if (need > self->cap) rls_grow((void **)&self->origin, &self->cap, need, sizeof(int32_t));
}

void rls_tracked_init_plain(RlsTracked *self, const char *plain, size_t len) {
    rls_tracked_init(self);
    rls_buf_append(&self->text, plain, len);
    tracked__reserve(self, len + 1);
    for (size_t i = 0; i < len; i++)
        self->origin[i] = (int32_t)i;
}

void rls_tracked_copy(RlsTracked *self, const RlsTracked *src, size_t start, size_t end) {
    if (end <= start) return;
    size_t at = self->text.len;
    rls_buf_append(&self->text, src->text.data + start, end - start);
    tracked__reserve(self, self->text.len + 1);
    memcpy(self->origin + at, src->origin + start, (end - start) * sizeof(int32_t));
}

void rls_tracked_lit(RlsTracked *self, const char *s, size_t len) {
    if (len == 0) return;
    size_t at = self->text.len;
    rls_buf_append(&self->text, s, len);
    tracked__reserve(self, self->text.len + 1);
    for (size_t i = 0; i < len; i++)
        self->origin[at + i] = -1;
}

void rls_tracked_puts(RlsTracked *self, const char *s) {
    rls_tracked_lit(self, s, strlen(s));
}

void rls_tracked_lit_cap(RlsTracked *self, const char *word, bool cap) {
    size_t n = strlen(word);
    if (n == 0) return;
    char first = cap ? (char)toupper((unsigned char)word[0]) : word[0];
    rls_tracked_lit(self, &first, 1);
    rls_tracked_lit(self, word + 1, n - 1);
}

void rls_tracked_move(RlsTracked *self, RlsTracked *src) {
    rls_tracked_close(self);
    *self = *src;
    rls_tracked_init(src);
}

bool rls_tracked_find(const RlsTracked *self, uint32_t plain_start, uint32_t plain_end,
                      uint32_t *start, uint32_t *end) {
    bool found = false;
    for (size_t i = 0; i < self->text.len; i++) {
        int32_t o = self->origin[i];
        if (o >= 0 && (uint32_t)o >= plain_start && (uint32_t)o < plain_end) {
            if (!found) *start = (uint32_t)i;
            *end = (uint32_t)i + 1;
            found = true;
        }
    }
    return found;
}
