/*
 * builder.h - building a resume model (include/rls/model.h) while walking a
 * syntax tree. Shared by the Markdown and LaTeX parsers, so that both emit
 * the same shapes and neither touches the model's arrays directly.
 */
#ifndef RLS_MODEL_BUILDER_H_
#define RLS_MODEL_BUILDER_H_

#include "rls/buf.h"
#include "rls/model.h"

/* ---- Plain text with a source map ---------------------------------------- */

/* The text and its two maps are scratch, kept across rls_plain_builder_finish
 * (which copies each result out at its exact size): a parse builds dozens of
 * short texts with one builder, and growing three arrays from nothing for
 * each of them was most of the allocations of a parse. The scratch is one
 * block: src_start[cap], src_end[cap], then text[cap + 1]. */
typedef struct {
    char *text;
    uint32_t *src_start;
    uint32_t *src_end;
    size_t len;
    size_t cap;
    /* Whitespace seen but not yet written: it becomes one space only if
     * more text follows, which is how folding and trimming both fall out. */
    bool space_pending;
    uint32_t space_start;
    uint32_t space_end;
} RlsPlainBuilder;

void rls_plain_builder_init(RlsPlainBuilder *self);
/* Frees the scratch (and whatever was not finished): call it once done,
 * finished or not. */
void rls_plain_builder_close(RlsPlainBuilder *self);
/* Appends source bytes src[start_byte, end_byte) as they are, each mapped to
 * itself; runs of ASCII whitespace (newlines included) fold into one space. */
void rls_plain_builder_source(RlsPlainBuilder *self, const char *src, uint32_t start_byte,
                              uint32_t end_byte);
/* Appends text[0..len) produced by the construct at source
 * [start_byte, end_byte), e.g. "é" for "\'e" or "%" for "\%". Every byte
 * maps to the whole construct. */
void rls_plain_builder_emit(RlsPlainBuilder *self, const char *text, size_t len,
                            uint32_t start_byte, uint32_t end_byte);
/* A word break at source [start_byte, end_byte): one space if text follows. */
void rls_plain_builder_break(RlsPlainBuilder *self, uint32_t start_byte, uint32_t end_byte);
/* Plain bytes written so far (pending whitespace excluded). */
uint32_t rls_plain_builder_len(const RlsPlainBuilder *self);
/* Copies the result into *out (owned by the caller; freed with the model)
 * and resets the builder for reuse, keeping its scratch. */
void rls_plain_builder_finish(RlsPlainBuilder *self, RlsPlain *out);

/* Frees an RlsPlain that never made it into a model. */
void rls_plain_free(RlsPlain *plain);

/* ---- The model ------------------------------------------------------------ */

typedef struct {
    RlsResume *model;
    size_t cap_sections, cap_entries, cap_bullets, cap_paragraphs, cap_skills, cap_contacts,
        cap_comments, cap_layout, cap_errors;
    int32_t current_entry; /* entry that new bullets attach to, or -1 */
} RlsModelBuilder;

void rls_model_builder_init(RlsModelBuilder *self, RlsFormat format, uint32_t src_len);

/* Starts a section at its heading. Takes ownership of *heading (the struct
 * is zeroed). The kind comes from rls_section_classify on the heading text.
 * The section runs until the next section or the end of the source. A
 * HEADER section for content before the first heading is made on demand. */
RlsSection *rls_model_builder_section(RlsModelBuilder *self, RlsSpan heading_span,
                                      RlsPlain *heading, uint16_t level);
/* Starts an entry in the current section; later bullets attach to it until
 * the next entry or section. Strings are copied; any may be NULL. */
RlsEntry *rls_model_builder_entry(RlsModelBuilder *self, RlsSpan span, const char *title,
                                  const char *org, const char *location, const RlsDateRange *dates);
/* Ends the current entry: later bullets attach to no entry. */
void rls_model_builder_end_entry(RlsModelBuilder *self);
/* Adds a bullet; takes ownership of *plain. */
RlsBullet *rls_model_builder_bullet(RlsModelBuilder *self, RlsSpan span, RlsSpan item_span,
                                    RlsPlain *plain, uint16_t depth);
/* Adds a list item: a bullet, except where a reader takes it for a fact
 * line rather than a statement of work. In education, a short item that is
 * no sentence ("B.S. Computer Science", "GPA: 3.8", "Course Work" and the
 * course names under it) details the degree above it, and the content
 * rules must not judge it as a bullet, so it becomes a paragraph. Takes
 * ownership of *plain. */
void rls_model_builder_item(RlsModelBuilder *self, RlsSpan span, RlsSpan item_span, RlsPlain *plain,
                            uint16_t depth);
/* Adds a paragraph; takes ownership of *plain. */
RlsParagraph *rls_model_builder_paragraph(RlsModelBuilder *self, RlsSpan span, RlsPlain *plain);
void rls_model_builder_skill(RlsModelBuilder *self, RlsSpan span, const char *text, size_t len,
                             const char *category);
void rls_model_builder_contact(RlsModelBuilder *self, RlsContactKind kind, RlsSpan span,
                               const char *text, size_t len);
void rls_model_builder_comment(RlsModelBuilder *self, RlsSpan span, const char *text, size_t len);
void rls_model_builder_layout(RlsModelBuilder *self, RlsLayoutKind kind, RlsSpan span);
void rls_model_builder_error(RlsModelBuilder *self, RlsSpan span);

/* Closes open sections and entries and returns the owned model (free with
 * rls_resume_delete). The builder is empty afterwards. */
RlsResume *rls_model_builder_finish(RlsModelBuilder *self);

/* Fills self->openers from the bullets (resume.c); the builder calls it
 * once the bullets are final. */
void rls_resume_index_openers(RlsResume *self);

#endif /* RLS_MODEL_BUILDER_H_ */
