/*
 * read_rules.c - the unread-structure rule: says so when the reader found
 * roles' material (dated lines, list items, a fenced block of text) but no
 * role to hold it, so that an empty outline is never silent.
 *
 * An empty list of findings reads as "this resume is fine"; when it is
 * empty because nothing was recognised, the user must hear it. A resume
 * that is only a header and a skills list has nothing unread and is left
 * alone.
 */
#include <string.h>

#include "model/lines.h"
#include "rls/alloc.h"
#include "rules/rules_internal.h"

/* Sections whose lines are not roles: their text is never unread. */
static bool read__roleless(RlsSectionKind kind) {
    /* Prizes and papers are listed outside roles by design. */
    return kind == RLS_SECTION_HEADER || kind == RLS_SECTION_SKILLS ||
           kind == RLS_SECTION_SUMMARY || kind == RLS_SECTION_AWARDS ||
           kind == RLS_SECTION_PUBLICATIONS;
}

/* Bytes of src inside fenced code blocks (``` or ~~~ fences at a line's
 * start, up to three spaces in), fences included. An unclosed fence runs
 * to the end, as CommonMark reads it. */
static uint32_t read__fenced_bytes(const char *src, uint32_t len) {
    uint32_t total = 0, open_start_byte = 0;
    char fence = 0;
    for (uint32_t line_start = 0; line_start < len;) {
        uint32_t line_end = line_start;
        while (line_end < len && src[line_end] != '\n')
            line_end++;
        uint32_t i = line_start, indent = 0;
        while (i < line_end && src[i] == ' ' && indent < 4)
            i++, indent++;
        bool is_fence = indent < 4 && i + 3 <= line_end && (src[i] == '`' || src[i] == '~') &&
                        src[i + 1] == src[i] && src[i + 2] == src[i];
        if (is_fence && !fence) {
            fence = src[i];
            open_start_byte = line_start;
        } else if (is_fence && src[i] == fence) {
            total += line_end - open_start_byte;
            fence = 0;
        }
        line_start = line_end + 1;
    }
    if (fence) total += len - open_start_byte;
    return total;
}

/* True when every section is the header: no heading or sectioning macro
 * was recognised, and the whole file reads as one header block. */
static bool read__header_only(const RlsResume *m) {
    for (uint32_t i = 0; i < m->n_sections; i++)
        if (m->sections[i].kind != RLS_SECTION_HEADER) return false;
    return true;
}

/* A range from one date to another or to the present, not a single date. */
static bool read__is_span(const RlsDateRange *dr) {
    const RlsDate *a = &dr->start, *b = &dr->end;
    return b->present || a->year != b->year || a->month != b->month;
}

/* Bytes of src that are not white space. */
static uint32_t read__ink(const char *src, uint32_t len) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < len; i++) {
        char c = src[i]; /* a NUL byte counts as space, as it always did */
        n += c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\0';
    }
    return n;
}

void rls_rules_unread_structure(RlsRulesCtx *ctx) {
    const RlsResume *m = ctx->model;
    uint32_t owned_bullets = 0, loose_items = 0, dated_lines = 0;
    for (uint32_t i = 0; i < m->n_bullets; i++) {
        const RlsBullet *b = &m->bullets[i];
        /* A project is often one list item of its own, with no entry over
         * it: an item of a projects section is read, not loose. */
        RlsSectionKind kind =
            b->section < m->n_sections ? m->sections[b->section].kind : RLS_SECTION_OTHER;
        if (b->entry >= 0)
            owned_bullets++;
        else if (b->section < m->n_sections && !read__roleless(kind) &&
                 kind != RLS_SECTION_PROJECTS)
            loose_items++;
    }
    bool header_only = read__header_only(m);
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        const RlsParagraph *p = &m->paragraphs[i];
        if (p->entry >= 0 || p->section >= m->n_sections) continue;
        bool in_header = m->sections[p->section].kind == RLS_SECTION_HEADER;
        if (read__roleless(m->sections[p->section].kind) && !(header_only && in_header)) continue;
        RlsDateRange dr;
        size_t ds, de;
        if (!rls_date_range_find(p->plain.text, p->plain.len, &dr, &ds, &de)) continue;
        /* A header may carry one date of its own ("updated May 2024"); a span
         * of time in it is a role that no section reached. */
        if (!in_header || read__is_span(&dr)) dated_lines++;
    }
    const char *why = NULL;
    uint32_t ink = read__ink(ctx->src, ctx->src_len);
    bool markdown = m->format == RLS_FORMAT_MARKDOWN;
    if (markdown && ink > 0 && read__fenced_bytes(ctx->src, ctx->src_len) * 2 > ctx->src_len &&
        (m->n_entries == 0 || owned_bullets == 0))
        why = "the text sits in a code block, which is shown as it is written and not read";
    else if (m->n_entries == 0 && (loose_items > 0 || dated_lines > 0))
        why = markdown ? "no line of this file was recognised as a role (a heading or a line "
                         "carrying its title or dates); see `resume-ls outline`"
                       : "no macro of this file was recognised as a role; see `resume-ls "
                         "outline` and the `macros` setting";
    else if (m->n_entries > 0 && owned_bullets == 0 && loose_items > 0)
        why = "its list items sit outside every role; see `resume-ls outline`";
    if (!why) return;
    RlsSpan at = rls_resume_top_line(m, ctx->src, ctx->src_len);
    rls_diag_push(ctx->out, at, rls_rules_severity(ctx, RLS_RULE_ID(UNREAD_STRUCTURE)),
                  RLS_RULE_ID(UNREAD_STRUCTURE),
                  "resume-ls read %u roles and %u bullets in this file: %s.", m->n_entries,
                  owned_bullets, why);
}
