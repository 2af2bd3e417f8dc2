/*
 * fuzz_rules_model.h - a resume model written out as lines, for fuzzing the
 * rules without a parser (tests/fuzz/fuzz_rules.c reads it,
 * tests/fuzz/rules_seed.c writes it from the model of a real document).
 *
 * A parse is most of what a run of the rules on a small document costs
 * (tree-sitter, the model builder's dates and field types): decoding a model
 * from a few lines through the model builder (server/model/builder.h) costs
 * a fraction of it, so the rules see several times more models a second.
 * What the parsers can build stays covered by fuzz_parse_md/_tex; here
 * every model is one that the builder's own calls can make, with spans that
 * point into the text, so the rules may trust it as they trust a parse.
 *
 * The text is the "source" the rules get: one record a line, its first
 * byte saying what it is, its spans the bytes of the line. Records:
 *   #... TEXT       a section heading; the run of '#' is its level (at most
 *                   6). "#=c TEXT": '=' and a letter 'a' + kind set the
 *                   section's kind (RlsSectionKind) where the heading's own
 *                   wording would not give it.
 *   @T|O|L|D        an entry: title, organisation, location, dates; an empty
 *                   field is none. D is read as a date range (the one date
 *                   grammar, rls/dates.h), else as an entry's date slot.
 *   !               ends the current entry: later bullets belong to none.
 *   -TEXT           a bullet; each further '-' before the text is one level
 *                   deeper (at most 8), one space after them is skipped.
 *   +TEXT           a list item (rls_model_builder_item: in education a
 *                   short fact line becomes a paragraph).
 *   =TEXT           a paragraph.
 *   $C:S / $S       a skill S, under category C when a ':' is there.
 *   &kTEXT          a contact: k is 'e' (email), 'p' (phone) or else a link.
 *   %TEXT           a comment (suppression directives are read from here).
 *   ^nTEXT          a layout mark of kind n ('0' + RlsLayoutKind).
 *   ?...            a syntax error over the whole line.
 * Any other line is nothing, but is part of the source the rules read
 * (a LaTeX model with a "\documentclass" line is a whole document, not a
 * fragment that leaves sections to a main file). TEXT (headings, bullets, paragraphs) is plain
 * text with a source map, written by the plain-text builder: '*', '_' and
 * '`' are markup (dropped: the plain bytes around them are apart in the
 * source), "\c" writes the byte c from two source bytes, "--" writes an en
 * dash from two, whitespace folds.
 */
#ifndef RLS_TESTS_FUZZ_RULES_MODEL_H_
#define RLS_TESTS_FUZZ_RULES_MODEL_H_

#include <stdint.h>
#include <string.h>

#include "model/builder.h"
#include "rls/alloc.h"
#include "rls/dates.h"

#define FUZZ_RULES_MAX_DEPTH 8

typedef struct {
    const char *src;
    uint32_t len;
    RlsModelBuilder model;
    RlsPlainBuilder plain;
} FuzzRulesDecoder;

/* Plain text of src[start, end) with the markup of the file comment. */
static inline void fuzz_rules__plain(FuzzRulesDecoder *self, uint32_t start, uint32_t end,
                                     RlsPlain *out) {
    const char *s = self->src;
    uint32_t run = start;
    for (uint32_t i = start; i < end;) {
        char c = s[i];
        uint32_t skip = 0;
        if (c == '*' || c == '_' || c == '`') skip = 1;
        if (i + 1 < end && (c == '\\' || (c == '-' && s[i + 1] == '-'))) skip = 2;
        if (!skip) {
            i++;
            continue;
        }
        rls_plain_builder_source(&self->plain, s, run, i);
        if (c == '\\') rls_plain_builder_emit(&self->plain, &s[i + 1], 1, i, i + 2);
        if (c == '-' && skip == 2)
            rls_plain_builder_emit(&self->plain, "\xe2\x80\x93", 3, i, i + 2);
        i += skip;
        run = i;
    }
    rls_plain_builder_source(&self->plain, s, run, end);
    rls_plain_builder_finish(&self->plain, out);
}

/* The dates field of an entry record: a range, else an entry's date slot. */
static inline bool fuzz_rules_dates(const char *text, size_t len, RlsDateRange *out) {
    return rls_date_range_parse(text, len, out) || rls_date_slot_parse(text, len, out);
}

/* src[start, end) copied and NUL-terminated, or NULL when empty; owned. */
static inline char *fuzz_rules__field(const FuzzRulesDecoder *self, uint32_t start, uint32_t end) {
    return end > start ? rls_strndup(self->src + start, end - start) : NULL;
}

static inline void fuzz_rules__section(FuzzRulesDecoder *self, uint32_t line, uint32_t end) {
    uint32_t i = line;
    while (i < end && self->src[i] == '#')
        i++;
    uint16_t level = (uint16_t)(i - line > 6 ? 6 : i - line);
    int kind = -1;
    if (i + 1 < end && self->src[i] == '=' && self->src[i + 1] >= 'a' &&
        self->src[i + 1] < 'a' + RLS_SECTION_KIND_COUNT) {
        kind = self->src[i + 1] - 'a';
        i += 2;
    }
    RlsPlain heading;
    fuzz_rules__plain(self, i, end, &heading);
    RlsSection *s = rls_model_builder_section(&self->model, (RlsSpan){line, end}, &heading, level);
    if (kind >= 0) s->kind = (RlsSectionKind)kind;
}

static inline void fuzz_rules__entry(FuzzRulesDecoder *self, uint32_t line, uint32_t end) {
    char *field[4];
    uint32_t from = line + 1, dates_at = end;
    for (uint32_t k = 0; k < 4; k++) {
        uint32_t to = end;
        const char *bar = k < 3 && from < end ? memchr(self->src + from, '|', end - from) : NULL;
        if (bar) to = (uint32_t)(bar - self->src);
        if (k == 3) dates_at = from;
        field[k] = fuzz_rules__field(self, from, to);
        from = to < end ? to + 1 : end;
    }
    RlsDateRange dates = {0};
    if (field[3]) fuzz_rules_dates(field[3], strlen(field[3]), &dates);
    if (dates.valid) dates.span = (RlsSpan){dates_at, end};
    rls_model_builder_entry(&self->model, (RlsSpan){line, end}, field[0], field[1], field[2],
                            &dates);
    for (uint32_t k = 0; k < 4; k++)
        rls_free(field[k]);
}

static inline void fuzz_rules__item(FuzzRulesDecoder *self, uint32_t line, uint32_t end) {
    char mark = self->src[line];
    uint32_t i = line + 1;
    uint16_t depth = 0;
    while (mark == '-' && i < end && self->src[i] == '-' && depth < FUZZ_RULES_MAX_DEPTH) {
        depth++;
        i++;
    }
    if (i < end && self->src[i] == ' ') i++;
    RlsPlain plain;
    fuzz_rules__plain(self, i, end, &plain);
    RlsSpan span = {i, end}, item = {line, end};
    if (mark == '-')
        rls_model_builder_bullet(&self->model, span, item, &plain, depth);
    else if (mark == '+')
        rls_model_builder_item(&self->model, span, item, &plain, depth);
    else
        rls_model_builder_paragraph(&self->model, span, &plain);
}

static inline void fuzz_rules__skill(FuzzRulesDecoder *self, uint32_t line, uint32_t end) {
    const char *s = self->src;
    const char *colon = memchr(s + line + 1, ':', end - line - 1);
    uint32_t from = colon ? (uint32_t)(colon - s) + 1 : line + 1;
    char *category = colon ? fuzz_rules__field(self, line + 1, (uint32_t)(colon - s)) : NULL;
    rls_model_builder_skill(&self->model, (RlsSpan){from, end}, s + from, end - from, category);
    rls_free(category);
}

/* One record: the line src[line, end), its first byte saying which. */
static inline void fuzz_rules__line(FuzzRulesDecoder *self, uint32_t line, uint32_t end) {
    const char *s = self->src;
    RlsSpan rest = {line + 1 < end ? line + 2 : end, end}; /* after a kind byte */
    switch (s[line]) {
    case '#':
        fuzz_rules__section(self, line, end);
        break;
    case '@':
        fuzz_rules__entry(self, line, end);
        break;
    case '!':
        rls_model_builder_end_entry(&self->model);
        break;
    case '-':
    case '+':
    case '=':
        fuzz_rules__item(self, line, end);
        break;
    case '$':
        fuzz_rules__skill(self, line, end);
        break;
    case '&': {
        char k = line + 1 < end ? s[line + 1] : 0;
        RlsContactKind kind = k == 'e'   ? RLS_CONTACT_EMAIL
                              : k == 'p' ? RLS_CONTACT_PHONE
                                         : RLS_CONTACT_LINK;
        rls_model_builder_contact(&self->model, kind, rest, s + rest.start_byte,
                                  rest.end_byte - rest.start_byte);
        break;
    }
    case '%':
        rls_model_builder_comment(&self->model, (RlsSpan){line + 1, end}, s + line + 1,
                                  end - line - 1);
        break;
    case '^': {
        int k = line + 1 < end ? s[line + 1] - '0' : -1;
        if (k >= 0 && k <= RLS_LAYOUT_HEADER_FOOTER)
            rls_model_builder_layout(&self->model, (RlsLayoutKind)k, rest);
        break;
    }
    case '?':
        rls_model_builder_error(&self->model, (RlsSpan){line, end});
        break;
    default:
        break;
    }
}

/* The model src[0..len) writes (format: the model's, as its parser would
 * set it). Borrows src; returns owned, free with rls_resume_delete. */
static inline RlsResume *fuzz_rules_decode(const char *src, uint32_t len, RlsFormat format) {
    FuzzRulesDecoder d = {.src = src, .len = len};
    rls_model_builder_init(&d.model, format, len);
    rls_plain_builder_init(&d.plain);
    for (uint32_t line = 0; line < len;) {
        const char *nl = memchr(src + line, '\n', len - line);
        uint32_t end = nl ? (uint32_t)(nl - src) : len;
        if (end > line) fuzz_rules__line(&d, line, end);
        line = end + 1;
    }
    rls_plain_builder_close(&d.plain);
    return rls_model_builder_finish(&d.model);
}

#endif /* RLS_TESTS_FUZZ_RULES_MODEL_H_ */
