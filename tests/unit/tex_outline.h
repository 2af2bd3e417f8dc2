/*
 * tex_outline.h - a stable text rendering of a resume model, for the LaTeX
 * golden tests (tests/golden/tex/NAME.expected) and for reading models by eye.
 * JSON shaped like `resume-ls outline --format json` is the long-term goal;
 * until that command exists this is the format the goldens hold.
 */
#ifndef RLS_TEST_TEX_OUTLINE_H_
#define RLS_TEST_TEX_OUTLINE_H_

#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/model.h"

static inline void rls_outline__str(RlsBuf *b, const char *s) {
    rls_buf_putc(b, '"');
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            rls_buf_printf(b, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            rls_buf_printf(b, "\\u%04x", (unsigned char)*s);
        else
            rls_buf_putc(b, *s);
    }
    rls_buf_putc(b, '"');
}

static inline void rls_outline__dates(RlsBuf *b, const RlsDateRange *d, const char *src) {
    rls_buf_puts(b, "dates ");
    if (d->span.end_byte > d->span.start_byte) {
        char *t = rls_strndup(src + d->span.start_byte, d->span.end_byte - d->span.start_byte);
        rls_outline__str(b, t);
        rls_free(t);
    } else {
        rls_buf_puts(b, "-");
    }
    if (d->valid)
        rls_buf_printf(b, " %d-%02d..%s%d-%02d", d->start.year, d->start.month,
                       d->end.present ? "present " : "", d->end.year, d->end.month);
}

/* Renders the model; src is the text it was built from (for date spans). */
static inline char *rls_outline_render(const RlsResume *m, const char *src) {
    RlsBuf b;
    rls_buf_init(&b);
    for (uint32_t si = 0; si < m->n_sections; si++) {
        const RlsSection *s = &m->sections[si];
        rls_buf_printf(&b, "section %s L%u ", rls_section_kind_name(s->kind), s->level);
        rls_outline__str(&b, s->heading.text);
        rls_buf_printf(&b, " [%u,%u)\n", s->span.start_byte, s->span.end_byte);
        for (uint32_t ei = s->first_entry; ei < s->first_entry + s->n_entries; ei++) {
            const RlsEntry *e = &m->entries[ei];
            rls_buf_puts(&b, "  entry title ");
            rls_outline__str(&b, e->title);
            rls_buf_puts(&b, " org ");
            rls_outline__str(&b, e->org);
            rls_buf_puts(&b, " location ");
            rls_outline__str(&b, e->location);
            rls_buf_puts(&b, " ");
            rls_outline__dates(&b, &e->dates, src);
            rls_buf_printf(&b, " bullets %u\n", e->n_bullets);
        }
        for (uint32_t bi = s->first_bullet; bi < s->first_bullet + s->n_bullets; bi++) {
            const RlsBullet *u = &m->bullets[bi];
            rls_buf_printf(&b, "  bullet e%d d%u ", (int)u->entry, u->depth);
            rls_outline__str(&b, u->plain.text);
            rls_buf_putc(&b, '\n');
        }
        for (uint32_t pi = 0; pi < m->n_paragraphs; pi++) {
            if (m->paragraphs[pi].section != si) continue;
            rls_buf_puts(&b, "  para ");
            rls_outline__str(&b, m->paragraphs[pi].plain.text);
            rls_buf_putc(&b, '\n');
        }
        for (uint32_t ki = 0; ki < m->n_skills; ki++) {
            if (m->skills[ki].section != si) continue;
            rls_buf_puts(&b, "  skill ");
            rls_outline__str(&b, m->skills[ki].category);
            rls_buf_puts(&b, " ");
            rls_outline__str(&b, m->skills[ki].text);
            rls_buf_putc(&b, '\n');
        }
    }
    static const char *const ck[] = {"email", "phone", "link"};
    for (uint32_t i = 0; i < m->n_contacts; i++) {
        rls_buf_printf(&b, "contact %s ", ck[m->contacts[i].kind]);
        rls_outline__str(&b, m->contacts[i].text);
        rls_buf_putc(&b, '\n');
    }
    static const char *const lk[] = {"table", "columns", "image", "icon", "header_footer"};
    unsigned counts[5] = {0};
    for (uint32_t i = 0; i < m->n_layout; i++)
        counts[m->layout[i].kind]++;
    rls_buf_puts(&b, "layout");
    for (int i = 0; i < 5; i++)
        if (counts[i]) rls_buf_printf(&b, " %s=%u", lk[i], counts[i]);
    rls_buf_printf(&b, "\ncomments %u errors %u\n", m->n_comments, m->n_errors);
    return rls_buf_detach(&b);
}

#endif /* RLS_TEST_TEX_OUTLINE_H_ */
