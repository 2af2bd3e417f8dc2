/*
 * rules_seed.c - writes the model of a real document as the lines that
 * fuzz_rules reads (tests/fuzz/fuzz_rules_model.h), so that its seeds are
 * the sections, entries, bullets and comments of real resumes.
 *   fuzz_rules_seed [--check] FILE.md|FILE.tex > SEED
 * The seed's first byte is 'd' (a Markdown model) or 'e' (LaTeX). With
 * --check, writes nothing: decodes the lines again and prints, per file,
 * what the decoded model lost against the parsed one (its counts, its
 * entries' dates, and the rules that fire on one and not on the other),
 * and exits 1 when any file lost something (fuzz/rules_seed_round_trip).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_rules_model.h"
#include "rls/buf.h"
#include "rls/parse.h"
#include "rls/rules.h"
#include "rules/rules_internal.h"

/* One record of the output, placed by where its source starts. */
typedef struct {
    uint32_t at_byte;
    int rank;      /* among records at one byte: section, entry, the rest */
    int32_t entry; /* the entry a bullet or paragraph belongs to, -1 none; -2 n/a */
    char *line;
} SeedRecord;

typedef struct {
    SeedRecord *items;
    size_t len, cap;
} SeedRecords;

/* A byte of text fit for a record's line: newlines and '|' fold to spaces
 * (they would end a line or a field), and so does NUL (a record is held as
 * a C string). */
static char seed__flat(char c) {
    return c == '\n' || c == '\r' || c == '|' || c == '\0' ? ' ' : c;
}

static void seed__text(RlsBuf *out, const char *text, size_t len) {
    for (size_t i = 0; i < len; i++)
        rls_buf_putc(out, seed__flat(text[i]));
}

/* Plain text, escaped against the decoder's markup. */
static void seed__plain(RlsBuf *out, const RlsPlain *p) {
    for (uint32_t i = 0; i < p->len; i++) {
        char c = seed__flat(p->text[i]);
        bool markup = c == '*' || c == '_' || c == '`' || c == '\\' ||
                      (c == '-' && i + 1 < p->len && p->text[i + 1] == '-');
        if (markup) rls_buf_putc(out, '\\');
        rls_buf_putc(out, c);
    }
}

static bool seed__same_dates(const RlsDateRange *x, const RlsDateRange *y) {
    return x->valid == y->valid && memcmp(&x->start, &y->start, sizeof(x->start)) == 0 &&
           memcmp(&x->end, &y->end, sizeof(x->end)) == 0;
}

/* One end of a range written in its own style. */
static void seed__date(RlsBuf *out, const RlsDate *d) {
    static const char *const month[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const char *const season[] = {"Winter", "Spring", "Summer", "Fall"};
    int m = d->month >= 1 && d->month <= 12 ? d->month : 1;
    if (d->kind == RLS_DATE_PRESENT) {
        rls_buf_puts(out, "Present");
    } else if (d->kind == RLS_DATE_SEASON) {
        rls_buf_printf(out, "%s %d", season[(m % 12) / 3], d->year);
    } else if (d->kind != RLS_DATE_EXACT) {
        rls_buf_printf(out, "%d", d->year);
    } else if (d->style == RLS_DATE_STYLE_NUMERIC) {
        rls_buf_printf(out, "%02d/%d", m, d->year);
    } else if (d->style == RLS_DATE_STYLE_ISO) {
        rls_buf_printf(out, "%d-%02d", d->year, m);
    } else if (d->style == RLS_DATE_STYLE_DOTTED) {
        rls_buf_printf(out, "%d.%02d", d->year, m);
    } else if (d->style == RLS_DATE_STYLE_CJK) {
        rls_buf_printf(out, "%d\xe5\xb9\xb4%d\xe6\x9c\x88", d->year, m);
    } else {
        rls_buf_printf(out, "%s %d", month[m - 1], d->year);
    }
}

/* The dates of an entry as text the decoder reads back to the same range:
 * their source text where it does (often it holds more, or the range was
 * put together from two places), else the range written out. */
static void seed__dates(RlsBuf *out, const RlsDateRange *d, const char *src, uint32_t src_len) {
    if (!d->valid) return;
    RlsDateRange back;
    const RlsSpan *s = &d->span;
    if (s->start_byte < s->end_byte && s->end_byte <= src_len) {
        RlsBuf text;
        rls_buf_init(&text);
        seed__text(&text, src + s->start_byte, s->end_byte - s->start_byte);
        memset(&back, 0, sizeof(back));
        bool same = fuzz_rules_dates(text.data, text.len, &back) && seed__same_dates(&back, d);
        if (same) rls_buf_append(out, text.data, text.len);
        rls_buf_close(&text);
        if (same) return;
    }
    seed__date(out, &d->start);
    if (memcmp(&d->start, &d->end, sizeof(d->start)) == 0) return;
    rls_buf_puts(out, " \xe2\x80\x93 ");
    seed__date(out, &d->end);
}

static void seed__push(SeedRecords *r, uint32_t at_byte, int rank, int32_t entry, RlsBuf *line) {
    rls_buf_putc(line, '\n');
    SeedRecord rec = {at_byte, rank, entry, rls_buf_detach(line)};
    RLS_PUSH(r->items, r->len, r->cap, rec);
}

static int seed__cmp(const void *a, const void *b) {
    const SeedRecord *x = a, *y = b;
    if (x->at_byte != y->at_byte) return x->at_byte < y->at_byte ? -1 : 1;
    return x->rank - y->rank;
}

static void seed__sections(const RlsResume *m, const char *src, SeedRecords *r) {
    RlsBuf b;
    rls_buf_init(&b);
    for (uint32_t i = 0; i < m->n_sections; i++) {
        const RlsSection *s = &m->sections[i];
        if (s->kind == RLS_SECTION_HEADER && s->heading_span.end_byte == 0) continue;
        for (uint16_t k = 0; k < (s->level ? s->level : 1) && k < 6; k++)
            rls_buf_putc(&b, '#');
        rls_buf_printf(&b, "=%c ", 'a' + (int)s->kind);
        seed__plain(&b, &s->heading);
        seed__push(r, s->heading_span.start_byte, 0, -2, &b);
    }
    for (uint32_t i = 0; i < m->n_entries; i++) {
        const RlsEntry *e = &m->entries[i];
        const char *f[3] = {e->title, e->org, e->location};
        rls_buf_putc(&b, '@');
        for (int k = 0; k < 3; k++) {
            if (f[k]) seed__text(&b, f[k], strlen(f[k]));
            rls_buf_putc(&b, '|');
        }
        seed__dates(&b, &e->dates, src, m->src_len);
        seed__push(r, e->span.start_byte, 1, -2, &b);
    }
    rls_buf_close(&b);
}

static void seed__content(const RlsResume *m, SeedRecords *r) {
    RlsBuf b;
    rls_buf_init(&b);
    for (uint32_t i = 0; i < m->n_bullets; i++) {
        const RlsBullet *x = &m->bullets[i];
        for (uint16_t k = 0; k <= x->depth && k <= FUZZ_RULES_MAX_DEPTH; k++)
            rls_buf_putc(&b, '-');
        rls_buf_putc(&b, ' ');
        seed__plain(&b, &x->plain);
        seed__push(r, x->span.start_byte, 2, x->entry, &b);
    }
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        rls_buf_putc(&b, '=');
        seed__plain(&b, &m->paragraphs[i].plain);
        seed__push(r, m->paragraphs[i].span.start_byte, 2, m->paragraphs[i].entry, &b);
    }
    for (uint32_t i = 0; i < m->n_skills; i++) {
        const RlsSkill *s = &m->skills[i];
        rls_buf_putc(&b, '$');
        if (s->category) seed__text(&b, s->category, strlen(s->category));
        rls_buf_putc(&b, ':');
        seed__text(&b, s->text, strlen(s->text));
        seed__push(r, s->span.start_byte, 2, -2, &b);
    }
    rls_buf_close(&b);
}

static void seed__marks(const RlsResume *m, const char *src, SeedRecords *r) {
    static const char contact[] = {'e', 'p', 'l'};
    RlsBuf b;
    rls_buf_init(&b);
    for (uint32_t i = 0; i < m->n_contacts; i++) {
        rls_buf_printf(&b, "&%c", contact[m->contacts[i].kind]);
        seed__text(&b, m->contacts[i].text, strlen(m->contacts[i].text));
        seed__push(r, m->contacts[i].span.start_byte, 2, -2, &b);
    }
    for (uint32_t i = 0; i < m->n_comments; i++) {
        rls_buf_putc(&b, '%');
        seed__text(&b, m->comments[i].text, strlen(m->comments[i].text));
        seed__push(r, m->comments[i].span.start_byte, 2, -2, &b);
    }
    /* Layout marks and errors keep at most a line's worth of their source. */
    for (uint32_t i = 0; i < m->n_layout + m->n_errors; i++) {
        RlsSpan s = i < m->n_layout ? m->layout[i].span : m->errors[i - m->n_layout];
        if (i < m->n_layout)
            rls_buf_printf(&b, "^%c", '0' + (int)m->layout[i].kind);
        else
            rls_buf_putc(&b, '?');
        uint32_t n = s.end_byte - s.start_byte;
        seed__text(&b, src + s.start_byte, n > 60 ? 60 : n);
        seed__push(r, s.start_byte, 2, -2, &b);
    }
    rls_buf_close(&b);
}

/* The lines of model m (parsed from src) into out, in source order; a
 * bullet or paragraph of no entry after an entry gets "!" first. */
static void seed__write(const RlsResume *m, const char *src, RlsBuf *out) {
    SeedRecords r = {0};
    /* What tells the rules a LaTeX model is a whole document, not a
     * fragment (an \input file) that leaves sections to the main file. */
    if (m->format == RLS_FORMAT_LATEX && !rls_rules_is_fragment(m, src, m->src_len))
        rls_buf_puts(out, "\\documentclass\n");
    seed__sections(m, src, &r);
    seed__content(m, &r);
    seed__marks(m, src, &r);
    if (r.len) qsort(r.items, r.len, sizeof(*r.items), seed__cmp);
    bool in_entry = false;
    for (size_t k = 0; k < r.len; k++) {
        char c = r.items[k].line[0];
        if (c == '#') in_entry = false;
        if (c == '@') in_entry = true;
        if (in_entry && r.items[k].entry == -1) {
            rls_buf_puts(out, "!\n");
            in_entry = false;
        }
        rls_buf_puts(out, r.items[k].line);
        rls_free(r.items[k].line);
    }
    rls_free(r.items);
}

static char *seed__read(const char *path, uint32_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    RlsBuf b;
    rls_buf_init(&b);
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
        rls_buf_append(&b, chunk, got);
    fclose(f);
    *len = (uint32_t)b.len;
    return rls_buf_detach(&b);
}

/* Bit r of out set when rule r fires on model m. */
static void seed__fired(const RlsResume *m, const char *src, uint32_t len, bool *out) {
    RlsDiagList l;
    rls_diag_list_init(&l);
    rls_rules_run(m, src, len, NULL, &l);
    for (size_t i = 0; i < l.len; i++)
        for (int r = 0; r < RLS_RULE_COUNT; r++)
            if (strcmp(l.items[i].rule, rls_rule_info((RlsRule)r)->id) == 0) out[r] = true;
    rls_diag_list_close(&l);
}

/* What the decoded model lost against the parsed one, on one line. */
static bool seed__check(const char *path, const RlsResume *m, const char *src, uint32_t len,
                        const RlsBuf *lines) {
    RlsResume *d = fuzz_rules_decode(lines->data + 1, (uint32_t)lines->len - 1, m->format);
    printf("%s: sections %u/%u entries %u/%u bullets %u/%u paragraphs %u/%u skills %u/%u "
           "comments %u/%u",
           path, d->n_sections, m->n_sections, d->n_entries, m->n_entries, d->n_bullets,
           m->n_bullets, d->n_paragraphs, m->n_paragraphs, d->n_skills, m->n_skills, d->n_comments,
           m->n_comments);
    uint32_t dates = 0;
    for (uint32_t i = 0; i < d->n_entries && i < m->n_entries; i++) {
        const RlsDateRange *x = &d->entries[i].dates, *y = &m->entries[i].dates;
        dates += !seed__same_dates(x, y);
    }
    printf(" dates-differ %u", dates);
    bool was[RLS_RULE_COUNT] = {0}, is[RLS_RULE_COUNT] = {0};
    seed__fired(m, src, len, was);
    seed__fired(d, lines->data + 1, (uint32_t)lines->len - 1, is);
    bool lost = dates || d->n_sections != m->n_sections || d->n_entries != m->n_entries ||
                d->n_bullets != m->n_bullets || d->n_paragraphs != m->n_paragraphs ||
                d->n_skills != m->n_skills || d->n_comments != m->n_comments;
    for (int r = 0; r < RLS_RULE_COUNT; r++) {
        if (was[r] == is[r]) continue;
        printf(" %c%s", is[r] ? '+' : '-', rls_rule_info((RlsRule)r)->id);
        lost = true;
    }
    printf("%s\n", lost ? " LOST" : "");
    rls_resume_delete(d);
    return lost;
}

int main(int argc, char **argv) {
    bool check = argc > 1 && strcmp(argv[1], "--check") == 0;
    int rc = 0;
    for (int i = check ? 2 : 1; i < argc; i++) {
        RlsFormat format;
        uint32_t len;
        char *src = rls_format_from_path(argv[i], &format) ? seed__read(argv[i], &len) : NULL;
        if (!src) {
            fprintf(stderr, "fuzz_rules_seed: cannot read %s as Markdown or LaTeX\n", argv[i]);
            rc = 1;
            continue;
        }
        RlsParser *p = rls_parser_new(format);
        RlsResume *m = rls_parser_parse(p, src, len, NULL);
        RlsBuf lines;
        rls_buf_init(&lines);
        rls_buf_putc(&lines, format == RLS_FORMAT_LATEX ? 'e' : 'd');
        seed__write(m, src, &lines);
        if (check)
            rc |= seed__check(argv[i], m, src, len, &lines);
        else
            fwrite(lines.data, 1, lines.len, stdout);
        rls_buf_close(&lines);
        rls_resume_delete(m);
        rls_parser_delete(p);
        rls_free(src);
    }
    rls_parse_release_globals();
    return rc;
}
