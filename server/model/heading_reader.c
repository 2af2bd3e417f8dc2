/*
 * heading_reader.c - whether a heading's words name a section or
 * something inside one (heading_reader.h).
 */
#include "model/heading_reader.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "model/lines.h" /* rls_entry_field_is_role */
#include "rls/model.h"

bool rls_heading_reader_has_words(const char *words, size_t len) {
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)words[i] >= 0x80 || isalnum((unsigned char)words[i])) return true;
    return false;
}

bool rls_heading_reader_bare_words(const char *words, size_t n) {
    if (n > 24) return false;
    uint32_t spaces = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)words[i];
        /* 0xEF leads the full-width brackets and colon of CJK text. */
        if (isdigit(c) || strchr("|,()/:-", c) || (c == 0xEF && i + 1 < n)) return false;
        spaces += c == ' ';
    }
    return spaces <= 2;
}

bool rls_heading_reader_names_section(const char *words, size_t len, bool standard) {
    bool is_standard = false;
    return len > 0 && len < 80 &&
           rls_section_classify(words, len, &is_standard) != RLS_SECTION_OTHER &&
           (!standard || is_standard ||
            (rls_heading_reader_bare_words(words, len) && rls_section_foreign_wording(words, len)));
}

bool rls_heading_reader_deep_sibling_section(const char *words, size_t len) {
    return len > 0 && rls_heading_reader_bare_words(words, len) &&
           !rls_entry_field_is_role(words, len) &&
           rls_section_classify(words, len, NULL) != RLS_SECTION_OTHER;
}

static bool heading_reader__roles(RlsSectionKind kind) {
    return kind == RLS_SECTION_EXPERIENCE || kind == RLS_SECTION_EDUCATION ||
           kind == RLS_SECTION_PROJECTS || kind == RLS_SECTION_VOLUNTEERING ||
           kind == RLS_SECTION_CERTIFICATIONS;
}

bool rls_heading_reader_reads_items(RlsSectionKind kind, const RlsEntryFields *f) {
    return !heading_reader__roles(kind) && !f->dates.valid && !f->org;
}

bool rls_heading_reader_group_label(RlsSectionKind kind, const RlsEntryFields *f,
                                    const RlsNextBlock *next, uint16_t level) {
    bool roles = heading_reader__roles(kind);
    bool dated = f->dates.valid;
    bool names_role = f->title && rls_entry_field_is_role(f->title, strlen(f->title));
    bool template_next = next->kind == RLS_NEXT_PARAGRAPH && next->template_only;
    bool holds_nothing =
        next->kind == RLS_NEXT_NONE || next->kind == RLS_NEXT_HEADING || template_next;
    if (!roles && template_next && !dated) return true;
    bool no_roles = kind == RLS_SECTION_PUBLICATIONS || kind == RLS_SECTION_AWARDS;
    if ((holds_nothing || no_roles) && !dated && !names_role)
        return next->kind != RLS_NEXT_HEADING || next->level <= level || !roles || no_roles;
    if (rls_heading_reader_reads_items(kind, f) && next->kind == RLS_NEXT_ITEM &&
        next->items_all_dated)
        return true;
    if (dated || f->org || f->location ||
        (next->kind != RLS_NEXT_PARAGRAPH && next->kind != RLS_NEXT_HTML))
        return false;
    if (next->opens_slot) return true;
    if (roles || names_role || next->opens_marked) return false;
    return !next->first_line_dated;
}
