/*
 * line_reader.c - what a line of plain text means in a resume, whatever
 * the format wrote it with (line_reader.h). The parsers hand lines over;
 * this file decides which of them head entries, which complete them, and
 * what a finished section's entries hold.
 *
 * The examples in the comments are the lines as a reader sees them, with
 * the format's syntax gone; where a cell break matters it is written " | "
 * (a table's column, the right margin, two arguments of one macro).
 */
#include "model/line_reader.h"

#include <ctype.h>
#include <string.h>

#include "model/lines.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/dates.h"
#include "rls/fieldtype.h"
#include "rls/keywords.h" /* the technology catalogue: rls_kw_find */

void rls_line_reader_init(RlsLineReader *self, RlsModelBuilder *mb, const char *src,
                          uint32_t src_len, RlsLineCellGapCb cell_gap_cb, void *data) {
    memset(self, 0, sizeof(*self));
    self->mb = mb;
    self->src = src;
    self->src_len = src_len;
    self->cell_gap_cb = cell_gap_cb;
    self->data = data;
}

/* Dates from an entry's date argument. Arguments often carry more than the
 * range ("Jun 2021 -- Present | Remote"), so the range is found inside the
 * text rather than parsed from all of it; the span stays the argument's. */
void rls_line_reader_dates(const char *text, RlsSpan span, RlsDateRange *out) {
    memset(out, 0, sizeof(*out));
    size_t from, to;
    if (text && rls_date_range_find(text, strlen(text), out, &from, &to)) out->valid = true;
    out->span = span;
}

static bool line_reader__has_any(const char *text, const char *const *words, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strstr(text, words[i])) return true;
    return false;
}

/* "Golang, Linux", "LaTeX, Python / Flask": a list of short names, at
 * least half of them technologies of the keyword catalogue (which cannot
 * hold every tool an author names). */
static bool line_reader__stack_list(const char *text) {
    size_t items = 0, known = 0;
    for (const char *p = text; *p;) {
        const char *q = p;
        while (*q && !strchr(",/;", *q) && strncmp(q, "\xC2\xB7", 2) != 0) /* U+00B7 '·' */
            q++;
        const char *a = p, *b = q;
        while (a < b && *a == ' ')
            a++;
        while (b > a && b[-1] == ' ')
            b--;
        size_t spaces = 0;
        for (const char *c = a; c < b; c++)
            spaces += *c == ' ';
        if (b - a > 24 || spaces > 1) return false;
        items += b > a;
        known += b > a && rls_kw_find(a, (size_t)(b - a)) >= 0;
        p = !*q ? q : q + (*q == '\xC2' ? 2 : 1);
    }
    return known > 0 && known * 2 >= items;
}

/* "\\resumeSubheading{Search Engine}{2023}{Lead Developer}{}", "\\datedsubsection
 * {Chat bot}{2020} \\role{Python, Flask}": a name that is no organisation,
 * role or place heads the entry, and a later argument says how the work
 * was done: the author's role on it (in a section of projects) or its stack
 * (anywhere). The name is the project, the entry's title; the rest is no
 * field. "Role, Project" in that order ("\\uthree{Content Creator}{dates}
 * {YouTube}") stays a role with the project for its organisation: the
 * callers pass only entries whose name was written first. */
void rls_line_reader_project_name(RlsSectionKind kind, RlsEntry *e) {
    if (!e->title || !e->org) return;
    size_t tn = strlen(e->title), on = strlen(e->org);
    bool role = kind == RLS_SECTION_PROJECTS && rls_entry_field_names_job(e->title, tn);
    if (!role && !line_reader__stack_list(e->title)) return;
    RlsFieldScores o;
    rls_field_type_score(e->org, on, &o);
    if (o.score[RLS_FIELD_ORG] >= 1.0f || o.score[RLS_FIELD_TITLE] >= 1.0f ||
        o.score[RLS_FIELD_DEGREE] >= 1.0f || o.score[RLS_FIELD_LOCATION] >= 1.0f ||
        o.score[RLS_FIELD_DATE] > 0.0f || line_reader__stack_list(e->org))
        return;
    rls_free(e->title);
    e->title = e->org;
    e->org = NULL;
}

/* Fields a heading put in the wrong slot, told by what they say: a postcode
 * next to a logo is the place, not the employer ("(92230)"); a degree in
 * the organisation slot of an education entry is its title. */
static void line_reader__settle_fields(RlsSectionKind kind, RlsEntry *e) {
    /* Template arguments out of order: typed by content (fieldtype.h). */
    char *date_text = NULL;
    if (rls_field_type_settle(&e->title, &e->org, &e->location, e->dates.valid, &date_text) &&
        date_text)
        rls_line_reader_dates(date_text, e->span, &e->dates);
    rls_free(date_text);
    /* "\\cventry{dates}{Valencia}{}{Otros:}{Editor, Profesor}": a slot
     * that ends with a colon labels the one after it, and names nothing. */
    size_t on = e->org ? strlen(e->org) : 0;
    if (on && e->org[on - 1] == ':' && e->title) {
        rls_free(e->org);
        e->org = NULL;
    }
    if (!e->org) return;
    size_t digits = 0, other = 0;
    for (const char *c = e->org; *c; c++) {
        if (*c >= '0' && *c <= '9')
            digits++;
        else if (*c != '(' && *c != ')' && *c != ' ')
            other++;
    }
    if (digits >= 4 && !other) {
        if (!e->location) {
            e->location = e->org;
        } else {
            rls_free(e->org);
        }
        e->org = NULL;
        return;
    }
    static const char *const degrees[] = {"Bachelor", "Master", "Degree", "PhD",  "Ph.D",
                                          "Diploma",  "学士",   "硕士",   "本科", "博士"};
    if (kind == RLS_SECTION_EDUCATION && !e->title &&
        (line_reader__has_any(e->org, degrees, RLS_ARRAY_LEN(degrees)) ||
         rls_field_type_is_clearly(e->org, strlen(e->org), RLS_FIELD_DEGREE))) {
        e->title = e->org;
        e->org = NULL;
    }
}

/* "\\datedsubsection{\\textbf{School}, City}{2013 -- 2016}" over the line
 * "\\textit{MSc} Physics, expected March 2016": a school without a degree
 * takes the line under it that opens with one for its title, up to a
 * dated remark after a comma ("expected ..."); a degree without a school
 * takes the line that names one. The line stays a line. */
static void line_reader__school_line(const RlsResume *m, uint32_t index, RlsEntry *e) {
    if ((e->title && e->org) || (!e->title && !e->org)) return;
    const RlsParagraph *line = NULL;
    for (uint32_t i = 0; i < m->n_paragraphs && !line; i++)
        if (m->paragraphs[i].entry == (int32_t)index) line = &m->paragraphs[i];
    if (!line || !line->plain.len) return;
    const char *t = line->plain.text;
    if (!e->org) {
        /* "\\datedsubsection{BSc Physics}{2015 -- 2019}" over the item
         * "Fjord University": a degree without its school takes the line
         * under it that reads as one and as nothing else. */
        if (line->plain.len <= 80 && rls_field_type_is_clearly(t, line->plain.len, RLS_FIELD_ORG))
            e->org = rls_strndup(t, line->plain.len);
        return;
    }
    const char *comma = strstr(t, ", ");
    size_t head = comma ? (size_t)(comma - t) : line->plain.len;
    RlsDateRange r;
    size_t from, to;
    if (head > 80 || (comma && !rls_date_range_find(comma + 2, strlen(comma + 2), &r, &from, &to)))
        return;
    RlsFieldScores sc;
    rls_field_type_score(t, head, &sc);
    if (sc.score[RLS_FIELD_DEGREE] < 1.0f || sc.score[RLS_FIELD_ORG] >= 1.0f ||
        sc.score[RLS_FIELD_DATE] > 0.0f)
        return;
    e->title = rls_strndup(t, head);
}

/* Whether an entry's organisation is a degree's subject the line's split
 * parted from it ("Diplôme d'ingénieur, génie mécanique"). */
static bool line_reader__org_is_subject(RlsSectionKind kind, const char *org) {
    RlsFieldScores sc;
    if (kind != RLS_SECTION_EDUCATION || !rls_field_type_is_study(org, strlen(org))) return false;
    rls_field_type_score(org, strlen(org), &sc);
    return sc.score[RLS_FIELD_ORG] == 0.0f && sc.score[RLS_FIELD_LOCATION] == 0.0f;
}

/* "\\section{Experience} \\subsection{Capgemini}" over "\\textit{Consultant}
 * \\hfill since 2021" lines: a sub-heading of a section of roles or degrees
 * that is no section wording, over entries none of which names its
 * employer or school (a degree's subject is none), is that employer or
 * school; the subject goes back to its degree. */
static void line_reader__employer_heading(RlsResume *m, RlsSection *s) {
    if (s->level < 2 || !s->n_entries || s->heading.len > 60 ||
        (s->kind != RLS_SECTION_EXPERIENCE && s->kind != RLS_SECTION_VOLUNTEERING &&
         s->kind != RLS_SECTION_EDUCATION) ||
        rls_section_classify(s->heading.text, s->heading.len, NULL) != RLS_SECTION_OTHER ||
        rls_entry_field_is_role(s->heading.text, s->heading.len) ||
        rls_date_text_looks_dated(s->heading.text, s->heading.len))
        return;
    for (uint32_t i = 0; i < s->n_entries; i++) {
        const RlsEntry *e = &m->entries[s->first_entry + i];
        if ((e->org && !line_reader__org_is_subject(s->kind, e->org)) || !e->title) return;
    }
    for (uint32_t i = 0; i < s->n_entries; i++) {
        RlsEntry *e = &m->entries[s->first_entry + i];
        if (e->org) {
            RlsBuf b;
            rls_buf_init(&b);
            /* The degree and its subject, as the line wrote them. */
            rls_buf_printf(&b, "%s, %s", e->title, e->org);
            rls_free(e->title);
            rls_free(e->org);
            e->title = rls_buf_detach(&b);
        }
        e->org = rls_strndup(s->heading.text, s->heading.len);
    }
}

/* Once a section is complete its content can settle what an ambiguous
 * heading meant ("Research" over dated roles is experience). */
void rls_line_reader_section_end(RlsLineReader *self) {
    RlsResume *m = self->mb->model;
    if (!m->n_sections) return;
    RlsSection *s = &m->sections[m->n_sections - 1];
    line_reader__employer_heading(m, s);
    uint32_t dated = 0;
    for (uint32_t i = 0; i < s->n_entries; i++) {
        RlsEntry *e = &m->entries[s->first_entry + i];
        /* 0xPoe's "\\datedsubsection{PingCAP Inc. - Database - Kernel R&D}"
         * with no \\role after it: the employer, then the role. */
        char *dash = e->title || !e->org ? NULL : strstr(e->org, " - ");
        if (dash) {
            char *last = dash;
            for (char *d = strstr(dash + 3, " - "); d; d = strstr(d + 3, " - "))
                last = d;
            if (last[3]) e->title = rls_strdup(last + 3);
            *dash = '\0';
        }
        line_reader__settle_fields(s->kind, e);
        if (s->kind == RLS_SECTION_EDUCATION) line_reader__school_line(m, s->first_entry + i, e);
        if (e->dates.valid && (e->title || e->org)) dated++;
    }
    s->kind = rls_section_refine(s->kind, s->heading.text, s->heading.len, s->n_entries, dated);
}