/*
 * entry_reader.c - what a short line next to an entry says about it
 * (entry_reader.h). The examples are lines as a reader sees them, the
 * format's markup gone.
 */
#include "model/entry_reader.h"

#include <ctype.h>
#include <string.h>

#include "model/builder.h" /* rls_plain_free */
#include "rls/alloc.h"
#include "rls/dates.h"
#include "rls/fieldtype.h"

bool rls_entry_reader_section_has_entries(RlsSectionKind k) {
    return k != RLS_SECTION_HEADER && k != RLS_SECTION_SKILLS && k != RLS_SECTION_SUMMARY;
}

uint32_t rls_entry_reader_words(const char *text, size_t len) {
    uint32_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) n++;
    return n;
}

bool rls_entry_reader_label_prefix(const char *p, size_t n) {
    size_t i = 0, words = 0;
    while (i < n && strchr(" \t*_", p[i]))
        i++;
    if (i == n || !isalpha((unsigned char)p[i])) return false;
    for (; i < n && i < 40; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == ':') {
            size_t j = i + 1;
            while (j < n && strchr("*_", p[j]))
                j++;
            /* "Check it out:" over a link on the next line is no label. */
            while (j < n && (p[j] == ' ' || p[j] == '\t'))
                j++;
            return words < 3 && j > i + 1 && j < n;
        }
        if (c == ' ') {
            if (++words >= 3) return false;
        } else if (!isalnum(c) && c < 0x80 && !strchr("*_-'", c)) {
            return false;
        }
    }
    return false;
}

bool rls_entry_reader_labelled_date(const char *text, size_t len) {
    if (!rls_entry_reader_label_prefix(text, len)) return false;
    const char *colon = memchr(text, ':', len);
    size_t label_len = colon ? (size_t)(colon - text) : len;
    /* "**Software Engineer**: 2019 - 2021", "Acme Corp: 2018": a name, not a
     * label. */
    if (rls_entry_field_is_role(text, label_len) ||
        rls_field_type_is_clearly(text, label_len, RLS_FIELD_ORG))
        return false;
    size_t from = label_len < len ? label_len + 1 : len;
    while (from < len && text[from] == ' ')
        from++;
    RlsDateRange dr;
    size_t ds, de;
    if (from == len || !rls_date_range_find(text + from, len - from, &dr, &ds, &de)) return false;
    size_t end = from + de;
    while (end < len && strchr(" .)", text[end]))
        end++;
    return ds == 0 && end == len;
}

bool rls_entry_reader_detail_label(const RlsResume *m, int32_t entry, const char *text,
                                   size_t len) {
    if (entry < 0 || !m->entries[entry].dates.valid) return false;
    uint32_t words = 1;
    for (size_t i = 0; i + 1 < len && text[i] != ','; i++) {
        if (text[i] == ':' && text[i + 1] == ' ') return words <= 2;
        if (text[i] == ' ' && ++words > 2) return false;
    }
    return false;
}

bool rls_entry_reader_unknown_label(RlsEntrySplitCache *cache, RlsSectionKind kind,
                                    const char *text, size_t len) {
    if (kind != RLS_SECTION_OTHER && kind != RLS_SECTION_AWARDS) return false;
    RlsDateRange r;
    size_t ds, de;
    if (rls_date_range_find(text, len, &r, &ds, &de)) return false;
    RlsEntryFields f;
    rls_entry_fields_split_cached(cache, text, len, kind, false, &f);
    bool role = f.title && rls_entry_field_is_role(f.title, strlen(f.title));
    rls_entry_fields_close(&f);
    return !role;
}

size_t rls_entry_reader_trailing_honour(const char *text, size_t len) {
    size_t i = len;
    while (i > 1 && !((text[i - 2] == ';' || text[i - 2] == ',') && text[i - 1] == ' '))
        i--;
    if (i <= 1 || !rls_entry_field_is_honour(text + i, len - i)) return 0;
    return i;
}

bool rls_entry_reader_has_role(const RlsEntry *e) {
    return e->title && rls_entry_field_is_role(e->title, strlen(e->title));
}

void rls_entry_reader_take_title(RlsEntry *e, const char *title, bool from_heading) {
    if (rls_entry_reader_has_role(e) || (e->title && !from_heading)) return;
    if (e->title && !e->org)
        e->org = e->title;
    else
        rls_free(e->title);
    e->title = rls_strdup(title);
}

bool rls_entry_reader_employer_line(RlsSectionKind kind, RlsEntry *e, const char *text, size_t len,
                                    uint32_t end_byte) {
    RlsDateRange dr;
    size_t ds, de;
    /* "A-Levels (2011-2013)" over "Slough Grammar School, Slough, UK": a
     * lone name above, taken for the school, was the entry's title when
     * the line under it is plainly one. */
    bool retitle = e->org && !e->title;
    if ((e->org && !retitle) || len == 0 || len > 80 || strchr(".:;", text[len - 1]) ||
        rls_date_range_find(text, len, &dr, &ds, &de))
        return false;
    char *org = NULL, *location = NULL;
    if (!rls_entry_employer_line(text, len, kind, &org, &location)) return false;
    if (retitle && !rls_field_type_is_clearly(org, strlen(org), RLS_FIELD_ORG)) {
        rls_free(org);
        rls_free(location);
        return false;
    }
    if (retitle) e->title = e->org;
    e->org = org;
    if (!e->location)
        e->location = location;
    else
        rls_free(location);
    e->span.end_byte = RLS_MAX(e->span.end_byte, end_byte);
    return true;
}

bool rls_entry_reader_role_line(RlsEntrySplitCache *cache, RlsSectionKind kind, RlsEntry *e,
                                const char *text, size_t len, uint32_t end_byte) {
    if (rls_entry_reader_has_role(e) || len == 0 || len > 80 || strchr(".:;", text[len - 1]) ||
        memchr(text, ':', len))
        return false;
    RlsEntryFields f;
    rls_entry_fields_split_cached(cache, text, len, kind, false, &f);
    bool role =
        f.title && !f.org && !f.dates.valid && rls_entry_field_is_role(f.title, strlen(f.title));
    if (role) {
        rls_entry_reader_take_title(e, f.title, true);
        e->span.end_byte = RLS_MAX(e->span.end_byte, end_byte);
    }
    rls_entry_fields_close(&f);
    return role;
}

bool rls_entry_reader_dates_above(RlsEntry *above, RlsEntryFields *f, uint32_t end_byte) {
    if (!above->dates.valid || above->title || above->org || above->location || f->dates.valid ||
        (!f->title && !f->org))
        return false;
    above->title = f->title;
    above->org = f->org;
    above->location = f->location;
    f->title = f->org = f->location = NULL;
    above->span.end_byte = RLS_MAX(above->span.end_byte, end_byte);
    return true;
}

bool rls_entry_reader_line_under(RlsSectionKind kind, RlsEntry *e, RlsEntryFields *f,
                                 bool set_apart, bool from_heading, RlsSpan dates_span,
                                 uint32_t end_byte) {
    /* A long remainder is an item of its own ("`2012` Infinitesimal
     * calculus for ..." under "### Patents"), not a date line. */
    bool short_rest = set_apart || ((!f->org || strlen(f->org) <= 40) &&
                                    (!f->location || strlen(f->location) <= 40) &&
                                    (!f->title || strlen(f->title) <= 60));
    /* Lines stacked without a heading are one cluster too: "Acme,
     * Singapore (2022-2024)" over "Senior Engineer", in either order, is
     * one role. A line joins the line above when it names a role the entry
     * lacks. */
    bool names_role = f->title && rls_entry_field_is_role(f->title, strlen(f->title));
    bool role_line =
        (from_heading || names_role) && f->title && !f->org && !rls_entry_reader_has_role(e);
    if (!short_rest || !((f->dates.valid && !e->dates.valid) || (!f->dates.valid && role_line)))
        return false;
    if (f->dates.valid) {
        e->dates = f->dates;
        e->dates.span = dates_span;
    }
    /* The role came first: the dated line's leading name is the
     * organisation. */
    if (f->title && !f->org && !names_role && rls_entry_reader_has_role(e) && !e->org)
        e->org = rls_strdup(f->title);
    else if (f->title)
        rls_entry_reader_take_title(e, f->title, from_heading || role_line);
    /* "Bank11, Neuss" beside the dates read as one place: a name before a
     * place is the employer. */
    char *org = NULL, *place = NULL;
    if (!e->org && !f->org && f->location &&
        rls_entry_employer_line(f->location, strlen(f->location), kind, &org, &place)) {
        e->org = org;
        rls_free(f->location);
        f->location = place;
    }
    if (!e->location && f->location) e->location = rls_strdup(f->location);
    if (!e->org && f->org) e->org = rls_strdup(f->org);
    e->span.end_byte = RLS_MAX(e->span.end_byte, end_byte);
    return true;
}

bool rls_entry_reader_role_at_org(RlsEntrySplitCache *cache, RlsSectionKind kind, const char *text,
                                  size_t len, bool need_dates) {
    RlsEntryFields f;
    rls_entry_fields_split_cached(cache, text, len, kind, false, &f);
    bool role = (f.dates.valid || !need_dates) && f.org && f.title &&
                rls_entry_field_is_role(f.title, strlen(f.title));
    rls_entry_fields_close(&f);
    return role;
}

bool rls_entry_reader_employer_over_role(RlsEntry *e, const RlsEntryFields *f) {
    if (!f->dates.valid || f->org || !f->title ||
        !rls_entry_field_is_role(f->title, strlen(f->title)))
        return false;
    if (!e->title || e->org || e->dates.valid || rls_entry_reader_has_role(e)) return false;
    e->org = e->title;
    e->title = NULL;
    return true;
}

bool rls_entry_reader_next_role_at(const RlsEntry *group, RlsEntryFields *f) {
    if (!group->org || !rls_entry_reader_has_role(group) || !f->dates.valid || f->org ||
        !f->title || !rls_entry_field_is_role(f->title, strlen(f->title)))
        return false;
    f->org = rls_strdup(group->org);
    if (!f->location && group->location) f->location = rls_strdup(group->location);
    return true;
}

const RlsParagraph *rls_entry_reader_name_line(const RlsResume *m, uint32_t before_byte) {
    if (m->n_paragraphs == 0 || m->n_sections == 0) return NULL;
    const RlsParagraph *para = &m->paragraphs[m->n_paragraphs - 1];
    const RlsPlain *p = &para->plain;
    if (para->section != m->n_sections - 1 || para->span.end_byte > before_byte || p->len == 0 ||
        p->len > 100 || strchr(".:;", p->text[p->len - 1]))
        return NULL;
    return para;
}

void rls_entry_reader_take_name_line(RlsResume *m, RlsEntrySplitCache *cache, RlsSectionKind kind,
                                     RlsEntryFields *f, RlsSpan *span) {
    RlsParagraph *para = &m->paragraphs[m->n_paragraphs - 1];
    const RlsPlain *p = &para->plain;
    RlsEntryFields above;
    rls_entry_fields_split_cached(cache, p->text, p->len, kind, false, &above);
    bool named = above.title || above.org;
    if (named && !above.dates.valid) {
        f->title = above.title, f->org = above.org, f->location = above.location;
        above.title = above.org = above.location = NULL;
        span->start_byte = para->span.start_byte;
        rls_plain_free(&para->plain);
        m->n_paragraphs--;
    }
    rls_entry_fields_close(&above);
}

bool rls_entry_reader_role_item(RlsEntrySplitCache *cache, const RlsEntry *e, const char *text,
                                size_t len) {
    if (e->title || !e->org || rls_entry_reader_words(text, len) > 5 || text[len - 1] == '.' ||
        memchr(text, ':', len) || !isupper((unsigned char)text[0]))
        return false;
    size_t first_end = 0, last_start = len;
    while (first_end < len && text[first_end] != ' ')
        first_end++;
    while (last_start > 0 && text[last_start - 1] != ' ')
        last_start--;
    if (!rls_entry_field_is_role(text, first_end) &&
        !rls_entry_field_is_role(text + last_start, len - last_start))
        return false;
    RlsEntryFields f;
    rls_entry_fields_split_cached(cache, text, len, RLS_SECTION_EXPERIENCE, false, &f);
    bool one_field = f.title && !f.org && !f.location && !f.dates.valid;
    rls_entry_fields_close(&f);
    return one_field;
}

bool rls_entry_reader_names_beyond_dates(const char *text, size_t len, size_t ds, size_t de) {
    uint32_t letters = 0;
    for (size_t b = 0; b < len; b++)
        letters += (b < ds || b >= de) &&
                   (isalpha((unsigned char)text[b]) || (unsigned char)text[b] >= 0x80);
    return letters >= 2;
}

uint32_t rls_entry_reader_symbol_marker(const char *p, size_t n) {
    const unsigned char *u = (const unsigned char *)p;
    uint32_t len = 0;
    if (n >= 4 && u[0] == 0xF0 && u[1] == 0x9F)
        len = 4;
    else if (n >= 3 && u[0] == 0xE2 &&
             ((u[1] == 0x80 && u[2] == 0xA2) || u[1] == 0x96 || u[1] == 0x97 ||
              (u[1] >= 0x9C && u[1] <= 0x9E) || u[1] == 0x86))
        len = 3;
    if (!len) return 0;
    if (n >= len + 3 && !memcmp(p + len, "\xEF\xB8\x8F", 3)) len += 3;
    if (len >= n || p[len] != ' ') return 0;
    while (len < n && p[len] == ' ')
        len++;
    return len < n ? len : 0;
}

bool rls_entry_reader_role_label(const char *text, size_t len) {
    /* An icon before the label is no word of it ("🔎 Focus sur quelques
     * projets"). */
    uint32_t icon = rls_entry_reader_symbol_marker(text, len);
    if (len == 0 || rls_entry_reader_words(text + icon, len - icon) > 4 || memchr(text, '|', len))
        return false;
    return !rls_entry_field_is_role(text, len);
}

bool rls_entry_reader_looks_like_entry(const char *text, size_t len, const RlsLineLayout *layout) {
    uint32_t n_lines = layout->n_lines;
    if (len == 0 || len > 160 || n_lines > 4) return false;
    if (text[len - 1] == '.' && rls_entry_reader_words(text, len) > 8) return false;
    /* "{{ item.degree }} in {{ item.field }}": a template's placeholders,
     * filled in from data that is not in the file. */
    if (strstr(text, "{{")) return false;
    RlsDateRange r;
    size_t ds, de;
    bool dated = rls_date_range_find(text, len, &r, &ds, &de);
    bool starts_marked = layout->starts_marked;
    /* Role, company and dates stacked on three short lines; a fourth
     * names the place (LinkedIn's export: title, "Company · Full-time",
     * "dates · duration", place). */
    if (n_lines == 3) return dated && starts_marked && len <= 120;
    if (n_lines == 4) return dated && starts_marked && len <= 160 && layout->lines_short;
    if (dated && (starts_marked || len <= 100 || n_lines == 2)) return true;
    /* "Innovation Research Associate (Present)" over "University of
     * Warwick, Coventry, UK": a role that is still held, no start given, is
     * an entry as much as a dated one. */
    if (n_lines == 2 && starts_marked && len <= 120 && rls_date_text_looks_dated(text, len))
        return true;
    return n_lines == 1 && len <= 100 && layout->marked_len * 10 >= len * 8;
}

bool rls_entry_reader_names_a_list(const char *text, size_t len, const RlsLineLayout *layout) {
    uint32_t name_end = layout->marked_end;
    if (layout->n_lines > 1 || len == 0 || len > 100 || name_end == 0 || text[len - 1] == '.' ||
        text[len - 1] == ':')
        return false;
    /* "**Stack**: Go, Postgres": a label, not a name. */
    if (name_end < len && text[name_end] == ':') return false;
    uint32_t words = 1;
    for (uint32_t i = 0; i < name_end; i++)
        if (text[i] == ' ') words++;
    return words <= 6;
}

bool rls_entry_reader_bold_label(const char *text, size_t len, const RlsLineLayout *layout) {
    RlsDateRange r;
    size_t ds, de;
    return layout->n_lines == 1 && len > 0 && rls_entry_reader_words(text, len) <= 6 &&
           layout->marked_len * 10 >= len * 8 && !memchr(text, '|', len) &&
           !rls_date_range_find(text, len, &r, &ds, &de);
}

bool rls_entry_reader_slot_dates(const char *text, size_t len, RlsDateRange *out) {
    if (rls_date_slot_parse(text, len, out)) return true;
    RlsDateRange first = {0}, last = {0};
    uint32_t items = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != ',' && text[j] != ';')
            j++;
        RlsDateRange r;
        if (!rls_date_slot_parse(text + i, j - i, &r) || r.start.present || r.end.present ||
            (items && r.start.year < last.end.year))
            return false;
        if (items++ == 0) first = r;
        last = r;
        i = j + 1;
    }
    if (items < 2) return false;
    *out = first;
    out->end = last.end;
    return true;
}

bool rls_entry_reader_slot_label(RlsSectionKind kind, const char *label, size_t len) {
    /* A citation under a slot is no entry of its own. */
    if (kind == RLS_SECTION_PUBLICATIONS || len > 30) return false;
    uint32_t spaces = 0;
    for (size_t i = 0; i < len; i++) {
        if (isdigit((unsigned char)label[i])) return false;
        spaces += label[i] == ' ';
    }
    return spaces <= 2;
}

bool rls_entry_reader_slot_name_line(const char *text, size_t len) {
    size_t last = len;
    while (last > 0 && text[last - 1] == ' ')
        last--;
    return len <= 80 && last > 0 && text[last - 1] != '.';
}

bool rls_entry_reader_slot_sibling(RlsEntrySplitCache *cache, RlsSectionKind kind, const char *text,
                                   size_t len, const char *fields, size_t fields_len) {
    if (kind == RLS_SECTION_PUBLICATIONS || len > 120 ||
        (text[len - 1] == '.' && rls_entry_reader_words(text, len) > 8))
        return false;
    return rls_entry_reader_role_at_org(cache, kind, fields, fields_len, false);
}

bool rls_entry_reader_term_groups(RlsSectionKind kind) {
    return kind == RLS_SECTION_CERTIFICATIONS || kind == RLS_SECTION_AWARDS ||
           kind == RLS_SECTION_PUBLICATIONS;
}

bool rls_entry_reader_definition_prose(const char *rest, size_t len, bool first_marked) {
    return first_marked && len && rest[len - 1] == '.' && rls_entry_reader_words(rest, len) >= 5;
}

bool rls_entry_reader_definition_field(const char *term, size_t term_len, const char *def,
                                       size_t len, bool marked) {
    RlsDateRange dr;
    size_t ds, de;
    bool dated = rls_date_range_find(term, term_len, &dr, &ds, &de);
    uint32_t words = rls_entry_reader_words(def, len);
    bool sentence = len && def[len - 1] == '.' && words >= 4 && !marked;
    if (len > 100 || words > 14 || sentence || (!dated && !marked && words > 8)) return false;
    /* "GPA: 3.7/4.0", a detail line: a fact about the entry, not a field of it. */
    return !rls_entry_reader_label_prefix(def, len);
}

/* Whether m's last section, of `kind`, lists talks or writings, whose
 * items are records ("***"EOS"*** Speaker at UNAM (March 2010)"), not
 * roles; a section named for a field of work ("Research") may hold roles. */
static bool entry_reader__records_section(const RlsResume *m, RlsSectionKind kind) {
    if (kind != RLS_SECTION_PUBLICATIONS || m->n_sections == 0) return false;
    const RlsPlain *h = &m->sections[m->n_sections - 1].heading;
    return rls_section_refine(kind, h->text, h->len, 1, 1) == RLS_SECTION_PUBLICATIONS;
}

RlsItemKind rls_entry_reader_list_item(RlsEntrySplitCache *cache, const RlsResume *m,
                                       RlsSectionKind kind, const char *text, size_t len,
                                       const char *fields, size_t fields_len,
                                       const RlsItemLayout *layout) {
    if (!rls_entry_reader_section_has_entries(kind) || entry_reader__records_section(m, kind) ||
        layout->n_lines > 1 || len == 0 || len > 120)
        return RLS_ITEM_BULLET;
    bool marked = layout->marked;
    if (!marked && (text[len - 1] == '.' || rls_entry_reader_words(text, len) > 14))
        return RLS_ITEM_BULLET;
    if (marked && layout->has_list) return RLS_ITEM_ENTRY;
    RlsDateRange dr;
    size_t ds, de;
    if (!rls_date_range_find(text, len, &dr, &ds, &de)) return RLS_ITEM_BULLET;
    RlsEntryFields f;
    rls_entry_fields_split_cached(cache, fields, fields_len, kind, false, &f);
    bool role = f.title && rls_entry_field_is_role(f.title, strlen(f.title));
    bool role_at_org = f.org && role;
    bool named = f.org || f.title;
    rls_entry_fields_close(&f);
    RlsItemKind entry_if_role_at_org = role_at_org ? RLS_ITEM_ENTRY : RLS_ITEM_BULLET;
    if (marked) return entry_if_role_at_org;
    while (de < len && strchr(" .,;:)", text[de]))
        de++;
    bool dates_at_edge = ds == 0 || de == len;
    if (layout->has_list) return dates_at_edge && named ? RLS_ITEM_ENTRY : RLS_ITEM_BULLET;
    if (ds == 0 && role_at_org && layout->nested && layout->list_all_dated) return RLS_ITEM_ENTRY;
    if (kind != RLS_SECTION_EDUCATION || !role) return RLS_ITEM_BULLET;
    if (role_at_org || !layout->nested) return entry_if_role_at_org;
    return RLS_ITEM_ENTRY_IF_SCHOOL;
}

bool rls_entry_reader_parent_name(const char *text, size_t len, uint32_t n_lines) {
    RlsDateRange dr;
    size_t ds, de;
    return n_lines == 1 && len > 0 && len <= 60 && !strchr(".:;", text[len - 1]) &&
           !memchr(text, ':', len) && !rls_date_range_find(text, len, &dr, &ds, &de) &&
           !rls_entry_field_is_role(text, len);
}

bool rls_entry_reader_linked_org(RlsSectionKind kind, RlsEntryFields *f, bool title_linked,
                                 bool org_linked) {
    if (!f->title || !f->org || kind == RLS_SECTION_PROJECTS || isdigit((unsigned char)f->org[0]) ||
        ispunct((unsigned char)f->org[0]) || rls_entry_field_is_role(f->title, strlen(f->title)) ||
        rls_field_type_is_clearly(f->org, strlen(f->org), RLS_FIELD_ORG) || !title_linked ||
        org_linked)
        return false;
    char *title = f->title;
    f->title = f->org;
    f->org = title;
    return true;
}
