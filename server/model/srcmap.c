/*
 * srcmap.c - mapping plain-text offsets back to source bytes (model.h).
 */
#include "rls/model.h"

RlsSpan rls_plain_cover(const RlsPlain *self, uint32_t plain_start, uint32_t plain_end) {
    if (self->len == 0 || !self->src_start) return (RlsSpan){0, 0};
    if (plain_start > self->len) plain_start = self->len;
    if (plain_end > self->len) plain_end = self->len;
    if (plain_end < plain_start) plain_end = plain_start;
    if (plain_start == plain_end) {
        uint32_t at =
            plain_start < self->len ? self->src_start[plain_start] : self->src_end[self->len - 1];
        return (RlsSpan){at, at};
    }
    uint32_t start = self->src_start[plain_start];
    uint32_t end = self->src_end[plain_end - 1];
    /* Constructs can map out of order only in pathological markup; keep the
     * span well-formed whatever happens. */
    for (uint32_t i = plain_start; i < plain_end; i++) {
        if (self->src_start[i] < start) start = self->src_start[i];
        if (self->src_end[i] > end) end = self->src_end[i];
    }
    return (RlsSpan){start, end};
}

int rls_plain_to_source(const RlsPlain *self, uint32_t plain_start, uint32_t plain_end,
                        RlsSpan *out) {
    if (plain_start > plain_end || plain_end > self->len) return RLS_ERANGE;
    if (rls_plain_is_generated(self, plain_start, plain_end)) return RLS_EREFUSED;
    if (plain_start == plain_end) {
        *out = rls_plain_cover(self, plain_start, plain_end);
        return 0;
    }
    /* Contiguous means each byte's construct starts where the previous one
     * ended, or is the same construct (a multi-byte character, a folded
     * whitespace run). Anything else is markup between them. */
    for (uint32_t i = plain_start + 1; i < plain_end; i++) {
        bool same = self->src_start[i] == self->src_start[i - 1] &&
                    self->src_end[i] == self->src_end[i - 1];
        if (!same && self->src_start[i] != self->src_end[i - 1]) return RLS_EREFUSED;
    }
    *out = (RlsSpan){self->src_start[plain_start], self->src_end[plain_end - 1]};
    return 0;
}

bool rls_plain_is_generated(const RlsPlain *self, uint32_t plain_start, uint32_t plain_end) {
    if (!self->generated) return false;
    if (plain_end > self->len) plain_end = self->len;
    for (uint32_t i = plain_start; i < plain_end; i++)
        if (self->generated[i]) return true;
    return false;
}
