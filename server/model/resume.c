/*
 * resume.c - lifetime of the resume model (model.h).
 */
#include "rls/model.h"

#include <ctype.h>
#include <stdlib.h>

#include "model/builder.h"
#include "rls/alloc.h"
#include "rls/text.h"

/* ASCII case-insensitive order of two words, shorter first on a tie of
 * their common prefix. */
static int resume__word_cmp(const char *s, size_t sl, const char *t, size_t tl) {
    for (size_t i = 0; i < sl && i < tl; i++) {
        int c = tolower((unsigned char)s[i]) - tolower((unsigned char)t[i]);
        if (c) return c;
    }
    return sl == tl ? 0 : sl < tl ? -1 : 1;
}

static int resume__opener_cmp(const void *x, const void *y) {
    const RlsOpenerWord *a = x, *b = y;
    return resume__word_cmp(a->text, a->len, b->text, b->len);
}

void rls_resume_index_openers(RlsResume *self) {
    if (!self->n_bullets) return;
    self->openers = rls_calloc(self->n_bullets, sizeof *self->openers);
    for (uint32_t b = 0; b < self->n_bullets; b++) {
        const char *t = self->bullets[b].plain.text;
        uint32_t n = 0;
        while (n < self->bullets[b].plain.len && isalpha((unsigned char)t[n]))
            n++;
        if (n) self->openers[self->n_openers++] = (RlsOpenerWord){t, n};
    }
    if (self->n_openers)
        qsort(self->openers, self->n_openers, sizeof *self->openers, resume__opener_cmp);
}

bool rls_resume_opens_with(const RlsResume *self, const char *s, size_t len) {
    size_t lo = 0, hi = self->n_openers;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const RlsOpenerWord *o = &self->openers[mid];
        int c = resume__word_cmp(o->text, o->len, s, len);
        if (c == 0) return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static void resume__earliest(uint32_t *best, RlsSpan span) {
    if (span.end_byte > span.start_byte && span.start_byte < *best) *best = span.start_byte;
}

RlsSpan rls_resume_top_line(const RlsResume *self, const char *src, uint32_t src_len) {
    uint32_t start = UINT32_MAX;
    for (uint32_t i = 0; i < self->n_sections; i++)
        resume__earliest(&start, self->sections[i].heading_span);
    for (uint32_t i = 0; i < self->n_paragraphs; i++)
        resume__earliest(&start, self->paragraphs[i].span);
    for (uint32_t i = 0; i < self->n_entries; i++)
        resume__earliest(&start, self->entries[i].span);
    for (uint32_t i = 0; i < self->n_bullets; i++)
        resume__earliest(&start, self->bullets[i].item_span);
    for (uint32_t i = 0; i < self->n_contacts; i++)
        resume__earliest(&start, self->contacts[i].span);
    if (start >= src_len) {
        start = 0;
        while (start < src_len && (src[start] == ' ' || src[start] == '\t' || src[start] == '\n' ||
                                   src[start] == '\r'))
            start++;
        if (start >= src_len) return (RlsSpan){0, 0};
    }
    /* The whole line, indentation aside: the span reads as "this line". */
    RlsSpan line = rls_line_span(src, src_len, start);
    while (line.start_byte < line.end_byte &&
           (src[line.start_byte] == ' ' || src[line.start_byte] == '\t'))
        line.start_byte++;
    return line;
}

static void resume__plain_free(RlsPlain *p) {
    rls_free(p->text);
    rls_free(p->src_start);
    rls_free(p->src_end);
    rls_free(p->generated);
}

void rls_resume_delete(RlsResume *self) {
    if (!self) return;
    for (uint32_t i = 0; i < self->n_sections; i++)
        resume__plain_free(&self->sections[i].heading);
    for (uint32_t i = 0; i < self->n_entries; i++) {
        rls_free(self->entries[i].title);
        rls_free(self->entries[i].org);
        rls_free(self->entries[i].location);
    }
    for (uint32_t i = 0; i < self->n_bullets; i++)
        resume__plain_free(&self->bullets[i].plain);
    for (uint32_t i = 0; i < self->n_paragraphs; i++)
        resume__plain_free(&self->paragraphs[i].plain);
    for (uint32_t i = 0; i < self->n_skills; i++) {
        rls_free(self->skills[i].text);
        rls_free(self->skills[i].category);
    }
    for (uint32_t i = 0; i < self->n_contacts; i++)
        rls_free(self->contacts[i].text);
    for (uint32_t i = 0; i < self->n_comments; i++)
        rls_free(self->comments[i].text);
    rls_free(self->sections);
    rls_free(self->entries);
    rls_free(self->bullets);
    rls_free(self->paragraphs);
    rls_free(self->skills);
    rls_free(self->contacts);
    rls_free(self->comments);
    rls_free(self->layout);
    rls_free(self->errors);
    rls_free(self->openers);
    rls_free(self);
}
