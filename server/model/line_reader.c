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
    self->kind = RLS_SECTION_HEADER;
    self->line_entry = -1;
    self->dated_entry = -1;
    self->employer_entry = -1;
    self->item_entry = -1;
}

/* The source a line's plain text came from, all of it. */
static RlsSpan line_reader__span(const RlsPlain *p) {
    return rls_plain_cover(p, 0, p->len);
}

/* Whether the parser sees a cell break in src[a, b) (RlsLineCellGapCb). */
static bool line_reader__cell_gap(const RlsLineReader *self, uint32_t a, uint32_t b) {
    return self->cell_gap_cb && self->cell_gap_cb(self->src, a, b, self->data);
}

static bool line_reader__same_date(const RlsDate *a, const RlsDate *b) {
    return a->year == b->year && a->month == b->month && a->present == b->present;
}

/* "2013.09 | 2019.09 | School": a range whose two ends are two cells
 * (two arguments of one macro), with nothing but the break between them.
 * Widens *d and *de (an end in p's text) when the date at *de stands
 * alone and another one follows across a cell gap. */
static void line_reader__range_across_cells(const RlsLineReader *self, const RlsPlain *p,
                                            RlsDateRange *d, size_t *de) {
    if (!d->valid || d->start.present || !line_reader__same_date(&d->start, &d->end) || !*de)
        return;
    size_t i = *de;
    while (i < p->len && p->text[i] == ' ')
        i++;
    if (i >= p->len) return;
    uint32_t a = p->src_end[*de - 1], b = p->src_start[i];
    if (b > self->src_len || a >= b || !line_reader__cell_gap(self, a, b)) return;
    RlsDateRange next;
    size_t ns, ne;
    if (!rls_date_range_find(p->text + i, p->len - i, &next, &ns, &ne) || ns != 0) return;
    if (!line_reader__same_date(&next.start, &next.end) && !next.end.present) return;
    bool later = next.start.present || next.start.year > d->start.year ||
                 (next.start.year == d->start.year && next.start.month >= d->start.month);
    if (!later) return;
    d->end = next.start.present ? next.start : next.end;
    *de = i + ne;
}

/* p's text with each space that stands for a cell break (line_reader__cell_gap)
 * made a '|', byte for byte the same length so that plain offsets still
 * hold: the fields splitter reads the cells apart instead of running them
 * into one name. Owned by the caller. */
static char *line_reader__cells_text(const RlsLineReader *self, const RlsPlain *p) {
    char *t = rls_strndup(p->text, p->len);
    for (uint32_t i = 1; i + 1 < p->len; i++) {
        if (t[i] != ' ') continue;
        uint32_t a = p->src_end[i - 1], b = p->src_start[i + 1];
        if (b > self->src_len || a >= b) continue;
        if (line_reader__cell_gap(self, a, b)) t[i] = '|';
    }
    return t;
}

bool rls_line_reader_section_has_roles(RlsSectionKind k) {
    return k == RLS_SECTION_EXPERIENCE || k == RLS_SECTION_EDUCATION || k == RLS_SECTION_PROJECTS ||
           k == RLS_SECTION_VOLUNTEERING;
}

/* Fills the fields entry e lacks from a line's fields; returns whether any
 * was taken. */
static bool line_reader__complete(RlsEntry *e, RlsEntryFields *f) {
    bool used = false;
    char **mine[] = {&e->title, &e->org, &e->location};
    char **theirs[] = {&f->title, &f->org, &f->location};
    for (size_t i = 0; i < RLS_ARRAY_LEN(mine); i++)
        if (!*mine[i] && *theirs[i]) {
            *mine[i] = *theirs[i];
            *theirs[i] = NULL;
            used = true;
        }
    return used;
}

/* The line a dated line may complete from above: the last paragraph of
 * the current section, short, undated, no label or sentence, with no bullet
 * or entry after it, ending before `before_byte`. Returns NULL if none. */
static RlsParagraph *line_reader__name_line(RlsLineReader *self, uint32_t before_byte) {
    RlsResume *m = self->mb->model;
    if (!m->n_paragraphs || !m->n_sections) return NULL;
    RlsParagraph *para = &m->paragraphs[m->n_paragraphs - 1];
    uint32_t section = m->n_sections - 1;
    if (para->section != section || para->span.end_byte > before_byte) return NULL;
    if (m->n_bullets && m->bullets[m->n_bullets - 1].span.start_byte > para->span.start_byte)
        return NULL;
    if (m->n_entries && m->entries[m->n_entries - 1].span.end_byte > para->span.start_byte)
        return NULL;
    if (m->sections[section].heading_span.end_byte > para->span.start_byte) return NULL;
    const RlsPlain *t = &para->plain;
    if (!t->len || t->len > 60 || strchr(".:", t->text[t->len - 1]) || memchr(t->text, ':', t->len))
        return NULL;
    if (rls_date_text_looks_dated(t->text, t->len)) return NULL;
    /* A name has letters: "2 c" is what layout markup left behind. */
    uint32_t letters = 0;
    for (uint32_t i = 0; i < t->len; i++)
        if (isalpha((unsigned char)t->text[i]) || (unsigned char)t->text[i] >= 0xC0) letters++;
    if (letters < 2) return NULL;
    return para;
}

/* Right under an entry the parser made itself, a dated line ("expected
 * March 2016") details it. Under a role heading that has no dates yet, it
 * is the role's line: its dates and the fields the heading lacks
 * ("Engineer" over "2017 -- 2018 | Acme"). Returns whether
 * the line was taken (p freed then); false when the entry has its dates or
 * bullets already, and the line is no header at all. */
static bool line_reader__dated_line_details(RlsLineReader *self, RlsPlain *p,
                                            const RlsDateRange *dates, size_t ds, size_t de) {
    int32_t ce = self->mb->current_entry;
    RlsEntry *e = &self->mb->model->entries[ce];
    if (e->dates.valid || e->n_bullets) return false;
    RlsEntryFields f;
    rls_entry_fields_split(p->text, p->len, self->kind, false, &f);
    line_reader__complete(e, &f);
    e->dates = *dates;
    e->dates.span = rls_plain_cover(p, (uint32_t)ds, (uint32_t)de);
    rls_entry_fields_close(&f);
    RlsSpan span = line_reader__span(p);
    if (span.end_byte > e->span.end_byte) e->span.end_byte = span.end_byte;
    self->dated_entry = ce;
    rls_plain_free(p);
    return true;
}

/* A line without dates right under the entry a line made (last) may give
 * that entry a field it lacks. Returns whether it did (p freed then). */
/* "2012 -- present Research Scientist, University of Illinois", then the
 * lines "Manager, Energy Biosciences Institute", "Consultant, Acme LLC.": under a
 * role that has its title and employer, an undated line that is itself a
 * role at an organisation (a role word, a name typed clearly as an
 * organisation, nothing else) is a role held at the same time, with the
 * same dates. Returns whether it made one (p freed then). */
static bool line_reader__concurrent_role(RlsLineReader *self, RlsPlain *p, int32_t last) {
    const RlsEntry *e = &self->mb->model->entries[last];
    if ((self->kind != RLS_SECTION_EXPERIENCE && self->kind != RLS_SECTION_VOLUNTEERING) ||
        !e->title || !e->org || !e->dates.valid || self->line_org_only)
        return false;
    RlsEntryFields f;
    rls_entry_fields_split(p->text, p->len, self->kind, false, &f);
    bool role = f.title && f.org && !f.location &&
                rls_entry_field_names_job(f.title, strlen(f.title)) &&
                rls_field_type_is_clearly(f.org, strlen(f.org), RLS_FIELD_ORG);
    if (role) {
        RlsDateRange dates = e->dates;
        rls_model_builder_entry(self->mb, line_reader__span(p), f.title, f.org, NULL, &dates);
        self->line_entry = self->dated_entry = self->mb->current_entry;
        rls_plain_free(p);
    }
    rls_entry_fields_close(&f);
    return role;
}

static bool line_reader__undated_line(RlsLineReader *self, RlsPlain *p, int32_t last) {
    RlsSectionKind k = self->kind;
    /* A project's next line is what it is about, not a field. */
    if (last < 0 || last != self->mb->current_entry || p->len > 120 || k == RLS_SECTION_PROJECTS)
        return false;
    RlsEntry *e = &self->mb->model->entries[last];
    if (self->mb->model->n_bullets &&
        self->mb->model->bullets[self->mb->model->n_bullets - 1].entry == last)
        return false;
    if (line_reader__concurrent_role(self, p, last)) return true;
    bool used;
    RlsFieldScores typed;
    rls_field_type_score(p->text, p->len, &typed);
    /* "Monzo Bank | London, UK": cells stay apart. */
    char *cells = line_reader__cells_text(self, p);
    /* Under a role whose heading gave no employer, a bare name that is
     * no place is the employer ("Intern | dates" over "Datadog"). */
    bool bare = e->title && !e->org && !e->location;
    /* "Northwind Traders, Lisbon": a name that is no place before a comma
     * and a place is the employer and where it is. */
    const char *comma = memchr(cells, ',', p->len);
    RlsFieldScores head;
    if (comma) rls_field_type_score(cells, (size_t)(comma - cells), &head);
    bool name_place = bare && comma && head.score[RLS_FIELD_LOCATION] == 0.0f;
    bool org_only =
        self->line_org_only || name_place || (bare && typed.score[RLS_FIELD_LOCATION] == 0.0f);
    if (org_only) {
        /* Under a template's role, the employer only ("Eurotech");
         * anything else is the role's text. */
        char *location = NULL;
        used = !e->org && rls_entry_employer_line(cells, p->len, k, &e->org, &location);
        if (location && !e->location)
            e->location = location;
        else
            rls_free(location);
    }
    if (!org_only || (!used && !self->line_org_only)) {
        RlsEntryFields f;
        int found = rls_entry_fields_split(cells, p->len, k, true, &f);
        /* "Site Reliability Engineer, Warszawa" under "Allegro | 2019 --
         * now": the employer is named, so a name after the role is where
         * it was held, not part of it. */
        size_t at = 0, role = f.title && !f.location && e->org && !e->location
                                  ? rls_entry_role_place(f.title, strlen(f.title), true, &at)
                                  : 0;
        if (role) {
            f.location = rls_strdup(f.title + at);
            f.title[role] = '\0';
        }
        used = found > 0 && line_reader__complete(e, &f);
        rls_entry_fields_close(&f);
    }
    rls_free(cells);
    if (!used) return false;
    RlsSpan span = line_reader__span(p);
    if (span.end_byte > e->span.end_byte) e->span.end_byte = span.end_byte;
    rls_plain_free(p);
    return true;
}

/* "Tech Lead, Incubyte | Jun 2021 -- Present": the name part alone splits
 * into role and employer, which the whole line's split missed. */
static void line_reader__split_name(RlsEntryFields *f, RlsSectionKind k) {
    RlsEntryFields g;
    rls_entry_fields_split(f->title, strlen(f->title), k, false, &g);
    if (g.title && g.org) {
        rls_free(f->title);
        f->title = g.title;
        f->org = g.org;
        g.title = g.org = NULL;
    }
    rls_entry_fields_close(&g);
}

/* "Site Reliability Engineer, Careem | Dubai": a role at
 * its employer, then a cell of its own. g holds the line's split, the role
 * and employer run together in its title; they part, and the cell after
 * them is the place. */
static void line_reader__head_role_at_org(RlsEntryFields *g, RlsSectionKind k) {
    if (!g->title || (!g->org == !g->location) || !strchr(g->title, ',')) return;
    RlsEntryFields h;
    rls_entry_fields_split(g->title, strlen(g->title), k, false, &h);
    if (h.title && h.org && !h.location && rls_entry_field_names_job(h.title, strlen(h.title))) {
        rls_free(g->title);
        if (g->org) g->location = g->org;
        g->title = h.title;
        g->org = h.org;
        h.title = h.org = NULL;
    }
    rls_entry_fields_close(&h);
}

/* "Kongsberg Gruppen | Kongsberg": a line of a name and a
 * cell pushed to the right margin, neither naming a role, is the employer
 * and its place, unless the right one reads more as an organisation. g
 * holds the line's split, which no lexicon may have typed. */
static void line_reader__head_name_and_place(RlsEntryFields *g) {
    if (!g->title || !g->org || g->location ||
        rls_entry_field_is_role(g->title, strlen(g->title)) ||
        rls_entry_field_is_role(g->org, strlen(g->org)))
        return;
    RlsFieldScores left, right;
    rls_field_type_score(g->title, strlen(g->title), &left);
    rls_field_type_score(g->org, strlen(g->org), &right);
    if (right.score[RLS_FIELD_ORG] > left.score[RLS_FIELD_ORG]) return;
    g->location = g->org;
    g->org = g->title;
    g->title = NULL;
}

/* The line above a dated line (head) that names a role and one more field:
 * it heads the entry whole, unless this line's name (name, may be empty)
 * reads more as an organisation than that field, which is then the place
 * ("Engineer | Maranello" over "Ferrari S.p.A. | 2020 -- now");
 * a name that is neither ("Platform team") is no field. Returns whether it
 * took the fields. */
static bool line_reader__head_names_role(RlsEntryFields *g, RlsEntryFields *f, const char *name) {
    size_t n = strlen(name);
    if (!g->title || !g->org || !rls_entry_field_names_job(g->title, strlen(g->title)) ||
        (n && rls_entry_field_is_role(name, n)))
        return false;
    RlsFieldScores own, theirs;
    rls_field_type_score(name, n, &own);
    rls_field_type_score(g->org, strlen(g->org), &theirs);
    rls_free(f->title);
    rls_free(f->org);
    f->title = g->title;
    g->title = NULL;
    if (n && !g->location && own.score[RLS_FIELD_ORG] > theirs.score[RLS_FIELD_ORG]) {
        f->org = rls_strdup(name);
        rls_free(f->location);
        f->location = g->org;
    } else {
        f->org = g->org;
        if (g->location && !f->location) f->location = rls_strdup(g->location);
    }
    g->org = NULL;
    return true;
}

/* "Avito" over "Backend Engineer, LLM team | 2023 -- now":
 * the line above (head) names the employer (or the role, when it reads as
 * one and this line does not), and this line's name part (name_text) is
 * the other field whole; a line of dates alone takes the fields above.
 * The entry then starts at the line above. */
static bool line_reader__dated_line_above(RlsLineReader *self, RlsParagraph *head,
                                          RlsEntryFields *f, const char *name_text, size_t name_len,
                                          RlsSpan *span) {
    if (!name_len && (f->title || f->org)) return false;
    RlsSectionKind k = self->kind;
    RlsEntryFields g;
    /* "Brown University | Providence, RI": cells apart. */
    char *head_cells = line_reader__cells_text(self, &head->plain);
    rls_entry_fields_split(head_cells, head->plain.len, k, false, &g);
    bool two_cells = memchr(head_cells, '|', head->plain.len) != NULL &&
                     !memchr(head->plain.text, '|', head->plain.len);
    rls_free(head_cells);
    if (two_cells) line_reader__head_name_and_place(&g);
    line_reader__head_role_at_org(&g, k);
    char *above = g.org ? g.org : g.title;
    char *name = rls_strndup(name_text, name_len);
    bool above_is_role = g.title && !g.org && rls_entry_field_is_role(g.title, strlen(g.title)) &&
                         !rls_entry_field_is_role(name, strlen(name));
    bool taken = line_reader__head_names_role(&g, f, name), employer = false;
    if (!taken && above && name_len) {
        employer = !above_is_role;
        rls_free(f->title);
        rls_free(f->org);
        f->title = above_is_role ? rls_strdup(above) : name;
        f->org = above_is_role ? name : rls_strdup(above);
        name = NULL;
        if (g.location && !f->location) f->location = rls_strdup(g.location);
        taken = true;
    } else if (!taken && !name_len && above) {
        RlsEntryFields dated = *f;
        *f = g;
        f->dates = dated.dates;
        f->date_start_byte = dated.date_start_byte;
        f->date_end_byte = dated.date_end_byte;
        if (dated.location && !f->location) f->location = dated.location, dated.location = NULL;
        rls_entry_fields_close(&dated);
        memset(&g, 0, sizeof(g));
        taken = true;
    }
    if (taken) {
        span->start_byte = RLS_MIN(span->start_byte, head->span.start_byte);
        head->entry = (int32_t)self->mb->model->n_entries;
    }
    rls_free(name);
    rls_entry_fields_close(&g);
    return employer;
}

/* "Rambler&Co" over "Engineer, Backend Department | 2021 -- 2023", then,
 * after its list, "Junior Engineer, Backend Department | 2020 -- 2021" with
 * no line above it: the roles held at the employer a line named
 * follow one another under it. A dated line in the same section whose name
 * (name, n) names a job and whose split finds no sign of another employer
 * or place is another role there, its name whole the title as the first
 * role's was. Returns whether it is. */
static bool line_reader__role_under_employer(RlsLineReader *self, RlsEntryFields *f,
                                             const char *name, size_t n) {
    const RlsResume *m = self->mb->model;
    if (self->employer_entry < 0 || !n || !m->n_sections || !f->title ||
        (self->kind != RLS_SECTION_EXPERIENCE && self->kind != RLS_SECTION_VOLUNTEERING))
        return false;
    const RlsEntry *e = &m->entries[self->employer_entry];
    if (e->section != m->n_sections - 1 || !e->org ||
        !rls_entry_field_names_job(f->title, strlen(f->title)))
        return false;
    if (f->org) {
        RlsFieldScores sc;
        rls_field_type_score(f->org, strlen(f->org), &sc);
        if (sc.score[RLS_FIELD_ORG] > 0.0f || sc.score[RLS_FIELD_LOCATION] > 0.0f) return false;
    }
    rls_free(f->title);
    rls_free(f->org);
    f->title = rls_strndup(name, n);
    f->org = rls_strdup(e->org);
    return true;
}

/* "B.A. Physics | Graduation Date: June 2013": a short label in a
 * cell of its own between the name and the dates says what the dates are,
 * and is no part of the name. cells[nb, ds) is what lies between the name
 * and the dates. Returns the end of the name without the label. */
static size_t line_reader__label_before_dates(const char *cells, size_t na, size_t nb, size_t ds) {
    if (ds <= nb || !memchr(cells + nb, ':', ds - nb)) return nb;
    size_t bar = nb;
    while (bar > na && cells[bar - 1] != '|')
        bar--;
    if (bar == na) return nb;
    size_t a = bar, words = 1;
    while (a < nb && cells[a] == ' ')
        a++;
    for (size_t i = a; i < nb; i++)
        words += cells[i] == ' ';
    if (a == nb || nb - a > 30 || words > 3 || rls_entry_field_is_role(cells + a, nb - a))
        return nb;
    size_t end = bar - 1;
    while (end > na && strchr(" |,", cells[end - 1]))
        end--;
    return end > na ? end : nb;
}

/* "Thesis: On Tides", "论文题目：…": a line that opens with a label of at
 * most three words and a colon, and names no role or degree. */
bool rls_line_reader_label_line(const char *text, size_t len) {
    const char *colon = NULL;
    size_t words = 1;
    for (size_t i = 0; i < len && i < 40 && !colon; i++) {
        /* "https://..." is an address, not a label. */
        if ((text[i] == ':' && (i + 1 == len || text[i + 1] == ' ')) ||
            (i + 3 <= len && !memcmp(text + i, "\xEF\xBC\x9A", 3))) /* '：' */
            colon = text + i;
        else if (text[i] == ' ')
            words++;
        else if (isdigit((unsigned char)text[i]))
            return false;
    }
    if (!colon || colon == text || words > 3) return false;
    return !rls_entry_field_is_role(text, (size_t)(colon - text)) &&
           !rls_entry_field_is_role(text, len);
}

/* Orders two dates by month, or by year when either gives none. */
static int line_reader__month_cmp(const RlsDate *a, const RlsDate *b) {
    if (a->present || b->present) return a->present - b->present;
    if (a->year != b->year || !a->month || !b->month) return a->year - b->year;
    return a->month - b->month;
}

/* Whether date d lies within entry e's range. */
static bool line_reader__date_inside(const RlsEntry *e, const RlsDate *d) {
    return e->dates.valid && line_reader__month_cmp(d, &e->dates.start) >= 0 &&
           line_reader__month_cmp(d, &e->dates.end) <= 0;
}

/* "10.2011 -- 10.2013 | Fjord University" then "21.10.2013 | Master thesis
 * -- Sediment Models": a line dated by one month inside the
 * range of the entry right above it, naming no role and reading as no
 * organisation, is a dated fact of that entry (a thesis handed in, a prize), not an
 * entry. Both dates must give their month: "BSc, 2017" under "MSc, 2015 --
 * 2017" is a degree of its own. */
static bool line_reader__dated_fact(const RlsResume *m, int32_t ce, const RlsPlain *p,
                                    const RlsDateRange *dates) {
    const RlsEntry *e = &m->entries[ce];
    if (!e->dates.valid || line_reader__same_date(&e->dates.start, &e->dates.end) ||
        !line_reader__same_date(&dates->start, &dates->end) || !dates->start.month ||
        !e->dates.start.month || (m->n_bullets && m->bullets[m->n_bullets - 1].entry == ce))
        return false;
    if (!line_reader__date_inside(e, &dates->start)) return false;
    return !rls_field_type_is_clearly(p->text, p->len, RLS_FIELD_ORG) &&
           !rls_entry_field_names_job(p->text, p->len);
}

/* A project's heading: "Gitlytics | Python, Flask, React", "ShapG |
 * python · graphs". The list after the bar
 * (commas or middle dots) is the project's stack, neither its name nor an
 * organisation. Returns the length of the name before it (n when none). */
size_t rls_line_reader_name_before_stack(const char *name, size_t n) {
    for (size_t i = 1; i + 3 <= n; i++) {
        if (memcmp(name + i, " | ", 3) != 0) continue;
        const char *rest = name + i + 3;
        size_t rn = n - i - 3;
        if (memchr(rest, ',', rn)) return i;
        for (size_t j = 0; j + 2 <= rn; j++)
            if (!memcmp(rest + j, "\xC2\xB7", 2)) return i; /* U+00B7 '·' */
        return n;
    }
    return n;
}

/* "Laboratory Manager, Extension Educator, 2003 -- 2004 North Carolina
 * A&T University": what follows the dates reads as an
 * organisation and the name before them names none but roles (a
 * "Laboratory Manager" is a role, whatever its laboratory): that is the
 * employer, and the name before the dates is the title whole. Returns
 * whether it is. */
static bool line_reader__org_right_of_dates(RlsEntryFields *f, const char *name, size_t name_n,
                                            const char *right, size_t right_n) {
    RlsFieldScores sc;
    rls_field_type_score(right, right_n, &sc);
    if (sc.score[RLS_FIELD_ORG] < 1.0f || sc.score[RLS_FIELD_ORG] <= sc.score[RLS_FIELD_LOCATION] ||
        sc.score[RLS_FIELD_ORG] <= sc.score[RLS_FIELD_TITLE] || f->location ||
        (f->org && rls_field_type_is_clearly(f->org, strlen(f->org), RLS_FIELD_ORG) &&
         !rls_entry_field_names_job(f->org, strlen(f->org))))
        return false;
    while (name_n && strchr(" ,;|-", name[name_n - 1]))
        name_n--;
    if (!name_n || !rls_entry_field_is_role(name, name_n)) return false;
    rls_free(f->title);
    rls_free(f->org);
    f->title = rls_strndup(name, name_n);
    f->org = rls_strndup(right, right_n);
    return true;
}

/* "ACME Corporation | June 2019 -- Present | Software Engineer | Austin,
 * TX": the first cell right of the dates names a role
 * and the name before them names none: that cell is the title, the name
 * the employer, and the cells after the role the place. cells is the
 * line's text with its cell breaks as '|' (line_reader__cells_text). Returns
 * whether it is so. */
static bool line_reader__role_right_of_dates(RlsEntryFields *f, const char *cells, size_t na,
                                             size_t nb, size_t ta, size_t tb) {
    while (nb > na && strchr(" ,;|-", cells[nb - 1]))
        nb--;
    const char *bar = memchr(cells + ta, '|', tb - ta);
    size_t re = bar ? (size_t)(bar - cells) : tb, rest = bar ? re + 1 : tb;
    while (re > ta && strchr(" ,;-", cells[re - 1]))
        re--;
    while (rest < tb && strchr(" ,;|-", cells[rest]))
        rest++;
    if (nb <= na || re <= ta || rls_entry_field_is_role(cells + na, nb - na) ||
        !rls_entry_field_is_role(cells + ta, re - ta))
        return false;
    rls_entry_fields_close(f);
    f->title = rls_strndup(cells + ta, re - ta);
    f->org = rls_strndup(cells + na, nb - na);
    if (rest < tb) {
        f->location = rls_strndup(cells + rest, tb - rest);
        for (char *c = f->location; *c; c++)
            if (*c == '|') *c = ' ';
    }
    return true;
}

/* Whether a line ends as a sentence does: a full stop that closes no
 * organisation's abbreviation ("Global Change Solutions LLC.", "Acme Inc."). */
static bool line_reader__sentence_end(const RlsPlain *p) {
    if (!p->len || p->text[p->len - 1] != '.') return false;
    size_t end = p->len - 1, start = end;
    while (start > 0 && isalpha((unsigned char)p->text[start - 1]))
        start--;
    return end - start > 4 || start == end ||
           !rls_field_type_is_clearly(p->text + start, end - start, RLS_FIELD_ORG);
}

/* A project's fields from its dated line p, the dates at p[ds, de): its
 * name is the line without its dates, commas and all, and less a stack
 * after it; when the name is left of the dates (name_left), the text right
 * of them, p[ta, tb), names a place or else whom the work was for
 * ("Maintainer | 2018 -- Present | GitHub"). Fills *f (owned strings). */
static void line_reader__project_fields(const RlsPlain *p, const RlsDateRange *dates, size_t ds,
                                        size_t de, bool name_left, size_t ta, size_t tb,
                                        RlsEntryFields *f) {
    memset(f, 0, sizeof(*f));
    size_t a = 0, b = ds;
    if (!name_left) a = de, b = p->len;
    while (a < b && strchr(" |,:-", p->text[a]))
        a++;
    while (b > a && strchr(" |,:-", p->text[b - 1]))
        b--;
    if (b > a)
        f->title = rls_strndup(p->text + a, rls_line_reader_name_before_stack(p->text + a, b - a));
    if (name_left && tb > ta) {
        RlsFieldScores right;
        rls_field_type_score(p->text + ta, tb - ta, &right);
        bool place = right.score[RLS_FIELD_LOCATION] > 0.0f || right.score[RLS_FIELD_DATE] > 0.0f;
        if (place)
            f->location = rls_strndup(p->text + ta, tb - ta);
        else
            f->org = rls_strndup(p->text + ta, tb - ta);
    }
    f->date_start_byte = ds;
    f->date_end_byte = de;
    f->dates = *dates;
}

bool rls_line_reader_dated_line(RlsLineReader *self, RlsPlain *p) {
    int32_t last = self->line_entry;
    self->line_entry = -1;
    RlsSectionKind k = self->kind;
    if (!rls_line_reader_section_has_roles(k)) return false;
    /* A sentence or a label ("Master's Thesis, Completed in 2016:") is no header. */
    if (!p->len || p->len > 200 || line_reader__sentence_end(p) || p->text[p->len - 1] == ':')
        return false;
    RlsDateRange dates;
    size_t ds, de;
    bool dated = rls_date_range_find(p->text, p->len, &dates, &ds, &de);
    size_t de_own = de;
    if (dated) line_reader__range_across_cells(self, p, &dates, &de);
    const RlsResume *m = self->mb->model;
    int32_t ce = self->mb->current_entry;
    if (dated && ce >= 0 && ce != self->dated_entry &&
        !(m->n_bullets && m->bullets[m->n_bullets - 1].entry == ce))
        return line_reader__dated_line_details(self, p, &dates, ds, de);
    /* "Thesis: Wind Patterns, defended June 2016" under a degree. */
    bool fact = ce >= 0 && rls_line_reader_label_line(p->text, p->len) &&
                line_reader__date_inside(&m->entries[ce], &dates.start);
    if (dated && ce >= 0 &&
        (fact || (ce == self->dated_entry && line_reader__dated_fact(m, ce, p, &dates)))) {
        rls_model_builder_paragraph(self->mb, line_reader__span(p), p);
        return true;
    }
    if (!dated) return line_reader__undated_line(self, p, last);
    RlsEntryFields f;
    /* Text right of the dates is the right-hand column ("2021 -- Present
     * | Remote"): the place; the name fields are left of the dates. */
    size_t ta = de, tb = p->len, na = 0, nb = ds;
    while (ta < tb && strchr(" |,", p->text[ta]))
        ta++;
    while (nb > na && strchr(" |,:-", p->text[nb - 1]))
        nb--;
    char *cells = line_reader__cells_text(self, p);
    nb = line_reader__label_before_dates(cells, na, nb, ds);
    /* "B.S.E. in Computer Science, GPA 3.9 | 2015 -- 2019": the grade is
     * no part of the name, which may be taken whole
     * (line_reader__dated_line_above). */
    if (nb > na) nb = na + rls_entry_without_grade(cells + na, nb - na);
    /* The range's far end, a cell of its own, is no field either. */
    if (de > de_own) memset(cells + de_own, ' ', de - de_own);
    if (k == RLS_SECTION_PROJECTS) {
        line_reader__project_fields(p, &dates, ds, de, nb > na, ta, tb, &f);
    } else if (tb > ta && nb > na) {
        rls_entry_fields_split(cells + na, nb - na, k, false, &f);
        bool right_org =
            line_reader__role_right_of_dates(&f, cells, na, nb, ta, tb) ||
            line_reader__org_right_of_dates(&f, p->text + na, nb - na, p->text + ta, tb - ta);
        if (!f.location && !right_org) f.location = rls_strndup(p->text + ta, tb - ta);
        f.dates = dates;
        f.date_start_byte = ds;
        f.date_end_byte = de;
    } else {
        rls_entry_fields_split(cells, p->len, k, false, &f);
    }
    if (f.title && !f.org && k != RLS_SECTION_PROJECTS && strchr(f.title, ','))
        line_reader__split_name(&f, k);
    if (!line_reader__same_date(&dates.start, &dates.end) &&
        line_reader__same_date(&f.dates.start, &f.dates.end) &&
        line_reader__same_date(&f.dates.start, &dates.start)) {
        /* The range across two cells (line_reader__range_across_cells). */
        f.dates = dates;
        f.date_start_byte = ds;
        f.date_end_byte = de;
    }
    f.dates.span = rls_plain_cover(p, (uint32_t)f.date_start_byte, (uint32_t)f.date_end_byte);
    if (!f.dates.valid) {
        f.dates = dates;
        f.dates.span = rls_plain_cover(p, (uint32_t)ds, (uint32_t)de);
    }
    RlsSpan span = line_reader__span(p);
    RlsParagraph *head = k == RLS_SECTION_PROJECTS || self->item_line
                             ? NULL
                             : line_reader__name_line(self, span.start_byte);
    bool employer = false, same_employer = false;
    if (head)
        employer = line_reader__dated_line_above(self, head, &f, p->text + na,
                                                 nb > na ? nb - na : 0, &span);
    else if (nb > na)
        same_employer = line_reader__role_under_employer(self, &f, p->text + na, nb - na);
    rls_model_builder_entry(self->mb, span, f.title, f.org, f.location, &f.dates);
    if (employer)
        self->employer_entry = self->mb->current_entry;
    else if (!same_employer)
        self->employer_entry = -1;
    rls_entry_fields_close(&f);
    rls_free(cells);
    self->line_entry = self->mb->current_entry;
    self->line_org_only = false;
    self->dated_entry = self->mb->current_entry;
    rls_plain_free(p);
    return true;
}

/* An outer list item that its dates open or close ("Spotify, Data Engineer
 * | 2019 -- 2022" over a nested list, "KTH, MSc Computer Science, 2015 --
 * 2017") and that names a role, a degree or a clearly typed organisation
 * heads an entry as a dated line does; its nested list's bullets, made
 * before it, move to that entry. */
bool rls_line_reader_list_item(RlsLineReader *self, RlsPlain *p, uint16_t depth,
                               uint32_t first_bullet, int32_t entry_before) {
    RlsResume *m = self->mb->model;
    RlsSectionKind k = self->kind;
    if (depth || !rls_line_reader_section_has_roles(k) || k == RLS_SECTION_PROJECTS ||
        p->len > 120 || (entry_before >= 0 && entry_before != self->item_entry))
        return false;
    RlsDateRange d;
    size_t ds, de;
    if (!rls_date_range_find(p->text, p->len, &d, &ds, &de)) return false;
    size_t tail = de;
    while (tail < p->len && strchr(" .,;)", p->text[tail]))
        tail++;
    if (ds > 0 && tail < p->len) return false;
    RlsEntryFields f;
    rls_entry_fields_split(p->text, p->len, k, false, &f);
    bool typed = (f.title && rls_entry_field_is_role(f.title, strlen(f.title))) ||
                 (f.org && rls_field_type_is_clearly(f.org, strlen(f.org), RLS_FIELD_ORG));
    rls_entry_fields_close(&f);
    if (!typed) return false;
    uint32_t n_entries = m->n_entries;
    self->item_line = true;
    bool taken = rls_line_reader_dated_line(self, p);
    self->item_line = false;
    if (!taken || m->n_entries == n_entries) return taken;
    int32_t made = (int32_t)n_entries;
    self->item_entry = made;
    RlsEntry *e = &m->entries[made];
    if (first_bullet < m->n_bullets) e->first_bullet = first_bullet;
    for (uint32_t i = first_bullet; i < m->n_bullets; i++) {
        RlsBullet *b = &m->bullets[i];
        if (b->entry >= 0 && b->entry != made) m->entries[b->entry].n_bullets--;
        if (b->entry != made) e->n_bullets++;
        b->entry = made;
    }
    return true;
}

/* A field often carries more than the range ("Jun 2021 -- Present |
 * Remote"), so the range is found inside the text rather than parsed from
 * all of it; the span stays the field's. */
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

/* "Golang, Linux", "Bash, Python / Flask": a list of short names, at
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

/* "Search Engine | 2023 | Lead Developer", "Chat bot | 2020" over "Python,
 * Flask": a name that is no organisation, role or place heads the entry,
 * and a later field says how the work was done: the author's role on it
 * (in a section of projects) or its stack (anywhere). The name is the
 * project, the entry's title; the rest is no field. "Role, Project" in
 * that order ("Content Creator | dates | YouTube") stays a role with the
 * project for its organisation: the callers pass only entries whose name
 * was written first. */
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
    /* Fields out of their slots: typed by content (fieldtype.h). */
    char *date_text = NULL;
    if (rls_field_type_settle(&e->title, &e->org, &e->location, e->dates.valid, &date_text) &&
        date_text)
        rls_line_reader_dates(date_text, e->span, &e->dates);
    rls_free(date_text);
    /* "dates | Valencia | Otros: | Editor, Profesor": a slot
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

/* "School, City | 2013 -- 2016" over the line "MSc Physics, expected
 * March 2016": a school without a degree
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
        /* "BSc Physics | 2015 -- 2019" over the item
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

/* "Experience > Capgemini" over "Consultant | since 2021" lines: a sub-heading of a section of
 * roles or degrees that is no section wording, over entries none of which names its employer or
 * school (a degree's subject is none), is that employer or school; the subject goes back to its
 * degree. */
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
        /* "PingCAP Inc. - Database - Kernel R&D" with no role under it:
         * the employer, then the role. */
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