/*
 * builder.c - building a model while walking a syntax tree (builder.h).
 */
#include "model/builder.h"
#include "model/reader.h"

#include <string.h>

#include "rls/alloc.h"

/* ---- Plain text ------------------------------------------------------------ */

void rls_plain_builder_init(RlsPlainBuilder *self) {
    memset(self, 0, sizeof(*self));
}

void rls_plain_builder_close(RlsPlainBuilder *self) {
    rls_free(self->src_start);
    rls_plain_builder_init(self);
}

/* Most texts (a bullet, a heading, a line) fit the first block. */
#define PLAIN__FIRST_CAP 256

/* Makes room for `need` plain bytes: one new block, the three parts copied. */
static void plain__reserve(RlsPlainBuilder *self, size_t need) {
    if (need <= self->cap) return;
    size_t cap = self->cap ? self->cap * 2 : PLAIN__FIRST_CAP;
    while (cap < need)
        cap *= 2;
    uint32_t *block = rls_malloc(cap * (2 * sizeof(uint32_t) + 1) + 1);
    char *text = (char *)(block + 2 * cap);
    if (self->len) {
        memcpy(block, self->src_start, self->len * sizeof(uint32_t));
        memcpy(block + cap, self->src_end, self->len * sizeof(uint32_t));
        memcpy(text, self->text, self->len);
    }
    rls_free(self->src_start);
    self->src_start = block;
    self->src_end = block + cap;
    self->text = text;
    self->cap = cap;
}

static void plain__push(RlsPlainBuilder *self, const char *bytes, size_t len, uint32_t start,
                        uint32_t end) {
    plain__reserve(self, self->len + len);
    for (size_t i = 0; i < len; i++) {
        self->src_start[self->len + i] = start;
        self->src_end[self->len + i] = end;
    }
    memcpy(self->text + self->len, bytes, len);
    self->len += len;
}

/* Writes the pending space, if any, before new text. Leading whitespace is
 * dropped because nothing precedes it. */
static void plain__flush_space(RlsPlainBuilder *self) {
    if (self->space_pending && self->len > 0)
        plain__push(self, " ", 1, self->space_start, self->space_end);
    self->space_pending = false;
}

static void plain__space(RlsPlainBuilder *self, uint32_t start, uint32_t end) {
    if (!self->space_pending) {
        self->space_pending = true;
        self->space_start = start;
    }
    self->space_end = end;
}

static bool plain__is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void rls_plain_builder_source(RlsPlainBuilder *self, const char *src, uint32_t start_byte,
                              uint32_t end_byte) {
    uint32_t i = start_byte;
    while (i < end_byte) {
        if (plain__is_space(src[i])) {
            plain__space(self, i, i + 1);
            i++;
            continue;
        }
        uint32_t run = i;
        while (run < end_byte && !plain__is_space(src[run]))
            run++;
        plain__flush_space(self);
        /* Verbatim bytes map one to one. */
        size_t base = self->len;
        plain__reserve(self, base + (run - i));
        for (uint32_t k = 0; k < run - i; k++) {
            self->src_start[base + k] = i + k;
            self->src_end[base + k] = i + k + 1;
        }
        memcpy(self->text + base, src + i, run - i);
        self->len = base + (run - i);
        i = run;
    }
}

void rls_plain_builder_emit(RlsPlainBuilder *self, const char *text, size_t len,
                            uint32_t start_byte, uint32_t end_byte) {
    if (len == 0) return;
    if (len == 1 && plain__is_space(text[0])) {
        plain__space(self, start_byte, end_byte);
        return;
    }
    plain__flush_space(self);
    plain__push(self, text, len, start_byte, end_byte);
}

void rls_plain_builder_break(RlsPlainBuilder *self, uint32_t start_byte, uint32_t end_byte) {
    plain__space(self, start_byte, end_byte);
}

uint32_t rls_plain_builder_len(const RlsPlainBuilder *self) {
    return (uint32_t)self->len;
}

void rls_plain_builder_finish(RlsPlainBuilder *self, RlsPlain *out) {
    size_t n = self->len;
    out->len = (uint32_t)n;
    out->text = rls_strndup(self->text ? self->text : "", n);
    /* Never NULL, even when empty: readers index the maps without a test. */
    out->src_start = rls_malloc((n ? n : 1) * sizeof(uint32_t));
    out->src_end = rls_malloc((n ? n : 1) * sizeof(uint32_t));
    if (n) {
        memcpy(out->src_start, self->src_start, n * sizeof(uint32_t));
        memcpy(out->src_end, self->src_end, n * sizeof(uint32_t));
    } else {
        out->src_start[0] = 0;
        out->src_end[0] = 0;
    }
    out->generated = NULL;
    self->len = 0;
    self->space_pending = false;
}

void rls_plain_free(RlsPlain *plain) {
    rls_free(plain->text);
    rls_free(plain->src_start);
    rls_free(plain->src_end);
    rls_free(plain->generated);
    memset(plain, 0, sizeof(*plain));
}

/* ---- Model ------------------------------------------------------------------ */

void rls_model_builder_init(RlsModelBuilder *self, RlsFormat format, uint32_t src_len) {
    memset(self, 0, sizeof(*self));
    self->model = rls_calloc(1, sizeof(RlsResume));
    self->model->format = format;
    self->model->src_len = src_len;
    self->current_entry = -1;
}

static void model__close_section(RlsModelBuilder *self, uint32_t end_byte) {
    RlsResume *m = self->model;
    if (m->n_sections == 0) return;
    RlsSection *s = &m->sections[m->n_sections - 1];
    s->span.end_byte = end_byte > s->span.start_byte ? end_byte : s->span.start_byte;
}

static RlsSection *model__push_section(RlsModelBuilder *self, RlsSpan heading_span,
                                       RlsPlain *heading, uint16_t level, RlsSectionKind kind,
                                       bool standard) {
    RlsResume *m = self->model;
    model__close_section(self, heading_span.start_byte);
    RlsSection s = {
        .span = {heading_span.start_byte, heading_span.end_byte},
        .heading_span = heading_span,
        .kind = kind,
        .standard_heading = standard,
        .level = level,
        .first_entry = m->n_entries,
        .first_bullet = m->n_bullets,
    };
    if (heading) {
        s.heading = *heading;
        memset(heading, 0, sizeof(*heading));
    } else {
        s.heading.text = rls_strdup("");
        s.heading.src_start = rls_calloc(1, sizeof(uint32_t));
        s.heading.src_end = rls_calloc(1, sizeof(uint32_t));
    }
    RLS_PUSH(m->sections, m->n_sections, self->cap_sections, s);
    self->current_entry = -1;
    return &m->sections[m->n_sections - 1];
}

/* Content before the first heading (name, contact lines) lives in a HEADER
 * section that exists only when there is such content. */
static uint32_t model__section_for(RlsModelBuilder *self, uint32_t at_byte) {
    if (self->model->n_sections == 0)
        model__push_section(self, (RlsSpan){0, 0}, NULL, 0, RLS_SECTION_HEADER, true);
    (void)at_byte;
    return self->model->n_sections - 1;
}

RlsSection *rls_model_builder_section(RlsModelBuilder *self, RlsSpan heading_span,
                                      RlsPlain *heading, uint16_t level) {
    bool standard = false;
    RlsSectionKind kind = rls_section_classify(heading->text, heading->len, &standard);
    return model__push_section(self, heading_span, heading, level, kind, standard);
}

RlsEntry *rls_model_builder_entry(RlsModelBuilder *self, RlsSpan span, const char *title,
                                  const char *org, const char *location,
                                  const RlsDateRange *dates) {
    RlsResume *m = self->model;
    uint32_t section = model__section_for(self, span.start_byte);
    RlsEntry e = {
        .span = span,
        .title = rls_strdup(title),
        .org = rls_strdup(org),
        .location = rls_strdup(location),
        .section = section,
        .first_bullet = m->n_bullets,
    };
    if (dates) e.dates = *dates;
    RLS_PUSH(m->entries, m->n_entries, self->cap_entries, e);
    m->sections[section].n_entries++;
    self->current_entry = (int32_t)(m->n_entries - 1);
    return &m->entries[m->n_entries - 1];
}

void rls_model_builder_end_entry(RlsModelBuilder *self) {
    self->current_entry = -1;
}

RlsBullet *rls_model_builder_bullet(RlsModelBuilder *self, RlsSpan span, RlsSpan item_span,
                                    RlsPlain *plain, uint16_t depth) {
    RlsResume *m = self->model;
    uint32_t section = model__section_for(self, span.start_byte);
    RlsBullet b = {
        .span = span,
        .item_span = item_span,
        .plain = *plain,
        .section = section,
        .entry = self->current_entry,
        .depth = depth,
    };
    memset(plain, 0, sizeof(*plain));
    RLS_PUSH(m->bullets, m->n_bullets, self->cap_bullets, b);
    m->sections[section].n_bullets++;
    if (self->current_entry >= 0) m->entries[self->current_entry].n_bullets++;
    return &m->bullets[m->n_bullets - 1];
}

static bool model__fact_line(const RlsPlain *plain) {
    uint32_t words = 0;
    for (uint32_t i = 0; i < plain->len; i++)
        if (plain->text[i] != ' ' && (i == 0 || plain->text[i - 1] == ' ')) words++;
    return words <= 8 && plain->len > 0 && plain->text[plain->len - 1] != '.';
}

void rls_model_builder_item(RlsModelBuilder *self, RlsSpan span, RlsSpan item_span, RlsPlain *plain,
                            uint16_t depth) {
    uint32_t section = model__section_for(self, span.start_byte);
    if (self->model->sections[section].kind == RLS_SECTION_EDUCATION && model__fact_line(plain)) {
        rls_model_builder_paragraph(self, span, plain);
        return;
    }
    rls_model_builder_bullet(self, span, item_span, plain, depth);
}

RlsParagraph *rls_model_builder_paragraph(RlsModelBuilder *self, RlsSpan span, RlsPlain *plain) {
    RlsResume *m = self->model;
    RlsParagraph p = {.span = span,
                      .plain = *plain,
                      .section = model__section_for(self, span.start_byte),
                      .entry = self->current_entry};
    if (p.entry >= 0 && m->entries[p.entry].section != p.section) p.entry = -1;
    memset(plain, 0, sizeof(*plain));
    RLS_PUSH(m->paragraphs, m->n_paragraphs, self->cap_paragraphs, p);
    return &m->paragraphs[m->n_paragraphs - 1];
}

void rls_model_builder_skill(RlsModelBuilder *self, RlsSpan span, const char *text, size_t len,
                             const char *category) {
    RlsResume *m = self->model;
    RlsSkill s = {.span = span,
                  .text = rls_strndup(text, len),
                  .category = rls_strdup(category),
                  .section = model__section_for(self, span.start_byte)};
    RLS_PUSH(m->skills, m->n_skills, self->cap_skills, s);
}

void rls_model_builder_contact(RlsModelBuilder *self, RlsContactKind kind, RlsSpan span,
                               const char *text, size_t len) {
    RlsResume *m = self->model;
    RlsContact c = {.kind = kind, .span = span, .text = rls_strndup(text, len)};
    RLS_PUSH(m->contacts, m->n_contacts, self->cap_contacts, c);
}

void rls_model_builder_comment(RlsModelBuilder *self, RlsSpan span, const char *text, size_t len) {
    RlsResume *m = self->model;
    RlsComment c = {.span = span, .text = rls_strndup(text, len)};
    RLS_PUSH(m->comments, m->n_comments, self->cap_comments, c);
}

void rls_model_builder_layout(RlsModelBuilder *self, RlsLayoutKind kind, RlsSpan span) {
    RlsResume *m = self->model;
    RlsLayout l = {.kind = kind, .span = span};
    RLS_PUSH(m->layout, m->n_layout, self->cap_layout, l);
}

void rls_model_builder_error(RlsModelBuilder *self, RlsSpan span) {
    RlsResume *m = self->model;
    RLS_PUSH(m->errors, m->n_errors, self->cap_errors, span);
}

RlsResume *rls_model_builder_finish(RlsModelBuilder *self) {
    RlsResume *m = self->model;
    model__close_section(self, m->src_len);
    rls_reader_settle(m);
    rls_resume_index_openers(m);
    self->model = NULL;
    return m;
}
