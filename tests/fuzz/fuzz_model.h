/*
 * fuzz_model.h - invariants of a model and of findings, shared by the fuzz
 * targets (header-only: each target is one translation unit plus replay.c).
 *
 * A model built from any bytes must keep every span inside the text, in
 * order, with indices that point into its own arrays; every finding must sit
 * inside the text, name a known rule and carry a message. A broken
 * invariant prints what broke and aborts, so libFuzzer keeps the input.
 */
#ifndef RLS_TESTS_FUZZ_MODEL_H_
#define RLS_TESTS_FUZZ_MODEL_H_

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rls/diag.h"
#include "rls/parse.h"
#include "rls/model.h"
#include "rls/rules.h"

static inline void fuzz_model__fail(const char *what, uint32_t index) {
    fprintf(stderr, "fuzz: %s (item %u)\n", what, index);
    abort();
}

static inline void fuzz_model__span(RlsSpan s, uint32_t len, const char *what, uint32_t index) {
    if (s.start_byte > s.end_byte || s.end_byte > len) fuzz_model__fail(what, index);
}

/* Every plain character maps to source bytes inside the text. */
static inline void fuzz_model__plain(const RlsPlain *p, uint32_t len, const char *what,
                                     uint32_t index) {
    if (p->len && !p->text) fuzz_model__fail(what, index);
    for (uint32_t k = 0; k < p->len; k++)
        if (p->src_end[k] > len || p->src_start[k] > p->src_end[k]) fuzz_model__fail(what, index);
}

static inline void fuzz_model_check(const RlsResume *m, uint32_t len) {
    if (!m) fuzz_model__fail("no model", 0);
    for (uint32_t i = 0; i < m->n_sections; i++) {
        const RlsSection *s = &m->sections[i];
        fuzz_model__span(s->span, len, "section span", i);
        fuzz_model__span(s->heading_span, len, "section heading span", i);
        fuzz_model__plain(&s->heading, len, "section heading text", i);
        if (s->kind >= RLS_SECTION_KIND_COUNT) fuzz_model__fail("section kind", i);
        if ((uint64_t)s->first_entry + s->n_entries > m->n_entries)
            fuzz_model__fail("section entries", i);
        if ((uint64_t)s->first_bullet + s->n_bullets > m->n_bullets)
            fuzz_model__fail("section bullets", i);
    }
    for (uint32_t i = 0; i < m->n_entries; i++) {
        const RlsEntry *e = &m->entries[i];
        fuzz_model__span(e->span, len, "entry span", i);
        if (e->section >= m->n_sections) fuzz_model__fail("entry section", i);
        if ((uint64_t)e->first_bullet + e->n_bullets > m->n_bullets)
            fuzz_model__fail("entry bullets", i);
    }
    for (uint32_t i = 0; i < m->n_bullets; i++) {
        const RlsBullet *b = &m->bullets[i];
        fuzz_model__span(b->span, len, "bullet span", i);
        fuzz_model__span(b->item_span, len, "bullet item span", i);
        fuzz_model__plain(&b->plain, len, "bullet text", i);
        if (b->section >= m->n_sections) fuzz_model__fail("bullet section", i);
        if (b->entry < -1 || b->entry >= (int32_t)m->n_entries) fuzz_model__fail("bullet entry", i);
    }
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        fuzz_model__span(m->paragraphs[i].span, len, "paragraph span", i);
        fuzz_model__plain(&m->paragraphs[i].plain, len, "paragraph text", i);
    }
    for (uint32_t i = 0; i < m->n_skills; i++)
        fuzz_model__span(m->skills[i].span, len, "skill span", i);
    for (uint32_t i = 0; i < m->n_contacts; i++) {
        fuzz_model__span(m->contacts[i].span, len, "contact span", i);
        if (!m->contacts[i].text) fuzz_model__fail("contact without text", i);
    }
    for (uint32_t i = 0; i < m->n_comments; i++)
        fuzz_model__span(m->comments[i].span, len, "comment span", i);
    for (uint32_t i = 0; i < m->n_layout; i++)
        fuzz_model__span(m->layout[i].span, len, "layout span", i);
    for (uint32_t i = 0; i < m->n_errors; i++)
        fuzz_model__span(m->errors[i], len, "error span", i);
}

/* Findings: inside the text, sorted, a known rule (or one of the pipeline's
 * own ids), a message, a bullet index into the model. */
static inline void fuzz_model_check_diags(const RlsDiagList *l, const RlsResume *m, uint32_t len) {
    for (size_t i = 0; i < l->len; i++) {
        const RlsDiag *d = &l->items[i];
        fuzz_model__span(d->span, len, "finding span", (uint32_t)i);
        if (!d->rule || !d->message)
            fuzz_model__fail("finding without rule or message", (uint32_t)i);
        if (d->bullet < -1 || d->bullet >= (int32_t)m->n_bullets)
            fuzz_model__fail("finding bullet", (uint32_t)i);
        if (d->bullet >= 0 && d->plain_start > d->plain_end)
            fuzz_model__fail("finding plain range", (uint32_t)i);
        if (i > 0 && l->items[i - 1].span.start_byte > d->span.start_byte)
            fuzz_model__fail("findings not sorted", (uint32_t)i);
    }
}

/* ---- One parser for every input -------------------------------------------- */

/* A parser kept across inputs, told that each new input replaces the whole
 * previous text (what a client's full-text didChange does), so that a run
 * re-parses everything without building a parser, its tree-sitter parsers
 * and caches again: most of a small input's cost. The caches it keeps are
 * keyed by content, so the model is that of a fresh parse (fuzz_analyze
 * checks incremental against fresh). */
typedef struct {
    RlsParser *parser;
    uint32_t len; /* bytes of the previous input */
    RlsPoint end; /* its end, in rows and bytes after the last '\n' */
} FuzzParser;

static inline RlsPoint fuzz_model__end(const char *src, uint32_t len) {
    RlsPoint pt = {0, 0};
    for (uint32_t i = 0; i < len; i++) {
        if (src[i] == '\n') {
            pt.row++;
            pt.col_byte = 0;
        } else {
            pt.col_byte++;
        }
    }
    return pt;
}

#ifdef RLS_FUZZING
/* Under libFuzzer, a run frees the trees it made. libFuzzer counts the
 * mallocs and frees of every run; a run with more mallocs than frees is
 * run again and, if still unbalanced, the whole heap is searched for
 * leaks. A kept tree is freed only by the next run, so every run whose
 * tree was bigger than the one before it was run twice: with the LaTeX
 * tree that search was more than half of all the time fuzzed, with the
 * Markdown tree about a seventh of fuzz_parse_md's (runs per CPU second
 * about 430 -> 500 once it went). A whole-text replacement reuses nothing
 * of the old tree, so dropping it at the end of a run changes no parse.
 * The LaTeX parser keeps nothing else: a parser made for each run costs
 * one ts_parser_new. The Markdown parser stays: its inline-run and
 * entry-split caches, keyed by content, serve most lines of a mutated
 * input (a new parser per run halved its runs a second); a run that adds
 * to them is still run twice. The replays keep both trees, so the kept
 * parsers are still checked against fresh ones there. */
static inline void fuzz_model__forget(FuzzParser *self, RlsFormat format) {
    if (format == RLS_FORMAT_LATEX) {
        rls_parser_trim(self->parser);
    } else {
        /* The Markdown tree goes now rather than at the next input's
         * whole-text replacement (which would drop it unused): a run
         * then frees the tree it made. */
        RlsByteEdit e = {0, self->len, 0, {0, 0}, self->end, {0, 0}};
        rls_parser_edit(self->parser, &e);
    }
    self->len = 0;
    self->end = (RlsPoint){0, 0};
}
#endif

/* Parses src[0..len) with self's parser (made on first use) as a
 * replacement of the previous input. Returns an owned model; free with
 * rls_resume_delete. */
static inline RlsResume *fuzz_model_parse(FuzzParser *self, RlsFormat format, const char *src,
                                          uint32_t len) {
    if (!self->parser) self->parser = rls_parser_new(format);
    RlsPoint end = fuzz_model__end(src, len);
    RlsByteEdit e = {0, self->len, len, {0, 0}, self->end, end};
    rls_parser_edit(self->parser, &e);
    self->len = len;
    self->end = end;
    RlsResume *m = rls_parser_parse(self->parser, src, len, NULL);
#ifdef RLS_FUZZING
    fuzz_model__forget(self, format);
#endif
    return m;
}

#endif /* RLS_TESTS_FUZZ_MODEL_H_ */
