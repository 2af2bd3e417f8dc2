/*
 * fuzz_actions.c - parse -> rules -> every code action offered -> applied.
 *
 * Input: the first byte picks the format (even: Markdown, odd: LaTeX); the
 * rest is the document. Every action the core offers on it (the quick
 * fixes and suppression comments of each finding, the rewrite of each
 * bullet, fix-all with and without restructuring) must:
 *   - keep its edits inside the document, sorted and not overlapping, each
 *     with a NUL-terminated replacement and no NUL byte in it;
 *   - apply (rls_edits_apply agrees);
 *   - leave a document that still parses to the same number of bullets and
 *     sections, with no more syntax errors than before (an action never
 *     breaks a document; actions.h), an Education item read as a fact
 *     instead of a bullet once a fix shortened it aside (fuzz__same_items);
 *   - for a suppression comment: leave every bullet's text as it was.
 * A failure prints what broke and aborts, so libFuzzer keeps the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_model.h"
#include "rls/actions.h"
#include "rls/alloc.h"
#include "rls/analysis.h"
#include "rls/text.h"

/* Re-parsing after every action costs a parse each: bound the work. */
#define FUZZ__MAX_DOC (32 * 1024)
#define FUZZ__MAX_DIAGS 48
#define FUZZ__MAX_BULLETS 24

typedef struct {
    RlsFormat format;
    const char *src;
    uint32_t len;
    const RlsResume *model;
    size_t checked;
} FuzzDoc;

static void fuzz__fail(const FuzzDoc *d, const RlsAction *a, const char *what) {
    fprintf(stderr, "fuzz_actions: %s action \"%s\" (%s, %zu edits): %s\n",
            d->format == RLS_FORMAT_LATEX ? "LaTeX" : "Markdown", a->title ? a->title : "?",
            rls_action_kind_name(a->kind), a->n_edits, what);
    for (size_t i = 0; i < a->n_edits; i++)
        fprintf(stderr, "  edit [%u, %u) -> \"%s\"\n", a->edits[i].span.start_byte,
                a->edits[i].span.end_byte, a->edits[i].new_text ? a->edits[i].new_text : "(null)");
    abort();
}

/* Bullets outside Education sections. */
static uint32_t fuzz__plain_bullets(const RlsResume *m) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < m->n_bullets; i++)
        n += m->sections[m->bullets[i].section].kind != RLS_SECTION_EDUCATION;
    return n;
}

/* Whether after holds the items of before. In an Education section lines
 * are read by what they say (model/builder.c, latex.c): a short item
 * (eight words or fewer, no final period) is a fact about the degree
 * ("GPA 3.9"), a paragraph, and a longer one a bullet, and an undated line
 * right under an entry with no bullet yet fills the entry's empty fields.
 * A fix that shortens an item there ("Responsible for the on-call rotation
 * of the payments team" -> "Owned the on-call rotation of the payments
 * team") so moves it from bullets to paragraphs, and the line below it
 * may become the entry's place: the same document, read by its words.
 * Outside Education the number of bullets must stay. */
static bool fuzz__same_items(const RlsResume *before, const RlsResume *after) {
    return after->n_bullets == before->n_bullets ||
           fuzz__plain_bullets(after) == fuzz__plain_bullets(before);
}

/* Whether an edit of a starts inside a syntax error of m. */
static bool fuzz__in_error(const RlsResume *m, const RlsAction *a) {
    for (size_t i = 0; i < a->n_edits; i++)
        for (uint32_t k = 0; k < m->n_errors; k++)
            if (m->errors[k].start_byte <= a->edits[i].span.start_byte &&
                a->edits[i].span.start_byte <= m->errors[k].end_byte)
                return true;
    return false;
}

/* One parser per format for the re-parses after actions: building one per
 * action was much of a run (fuzz_model.h). */
static FuzzParser fuzz__parsers[2];

static RlsResume *fuzz__parse(RlsFormat format, const char *src, uint32_t len) {
    return fuzz_model_parse(&fuzz__parsers[format == RLS_FORMAT_LATEX], format, src, len);
}

static void fuzz__check_action(FuzzDoc *d, const RlsAction *a, bool reparse) {
    d->checked++;
    if (!a->title || !a->title[0]) fuzz__fail(d, a, "no title");
    for (size_t i = 0; i < a->n_edits; i++) {
        const RlsTextEdit *e = &a->edits[i];
        if (e->span.start_byte > e->span.end_byte) fuzz__fail(d, a, "inverted edit");
        if (e->span.end_byte > d->len) fuzz__fail(d, a, "edit past the end of the document");
        if (!e->new_text) fuzz__fail(d, a, "edit without text");
        if (i > 0 && a->edits[i - 1].span.end_byte > e->span.start_byte)
            fuzz__fail(d, a, "edits overlap or are not sorted");
    }
    RlsBuf out;
    rls_buf_init(&out);
    if (rls_edits_apply(d->src, d->len, a->edits, a->n_edits, &out) != 0)
        fuzz__fail(d, a, "rls_edits_apply refuses the edits");
    if (out.len > RLS_TEXT_MAX_BYTES) fuzz__fail(d, a, "result too large");
    if (!reparse) {
        rls_buf_close(&out);
        return;
    }

    RlsResume *after = fuzz__parse(d->format, out.data ? out.data : "", (uint32_t)out.len);
    const RlsResume *before = d->model;
    /* Inside a syntax error, tree-sitter's recovery depends on every byte:
     * a disable comment there may change what the broken region reads as
     * (a \cventry inside an ERROR read as a dated line, or, with the
     * comment, as the macro with its items). Everywhere else it must not. */
    bool broken = a->kind == RLS_ACTION_SUPPRESS && fuzz__in_error(before, a);
    if (!broken && (a->kind == RLS_ACTION_SUPPRESS ? after->n_bullets != before->n_bullets
                                                   : !fuzz__same_items(before, after)))
        fuzz__fail(d, a, "the number of bullets changed");
    if (!broken && after->n_sections != before->n_sections)
        fuzz__fail(d, a, "the number of sections changed");
    if (after->n_errors > before->n_errors) fuzz__fail(d, a, "new syntax errors");
    if (a->kind == RLS_ACTION_SUPPRESS && !broken) {
        for (uint32_t i = 0; i < before->n_bullets; i++)
            if (strcmp(after->bullets[i].plain.text, before->bullets[i].plain.text) != 0)
                fuzz__fail(d, a, "a suppression comment changed a bullet's text");
    }
    rls_resume_delete(after);
    rls_buf_close(&out);
}

/* Under libFuzzer (RLS_FUZZ_SAMPLE) a re-parse per action would make a run
 * a few inputs a second: every action's edits are still checked, but only
 * fix-all and an evenly spread sample of the others are re-parsed. The
 * replay tests re-parse after every action. */
#ifdef RLS_FUZZ_SAMPLE
#define FUZZ__REPARSES 6
#else
#define FUZZ__REPARSES ((size_t)-1)
#endif

static void fuzz__check_list(FuzzDoc *d, RlsActionList *list) {
    size_t stride = list->len / FUZZ__REPARSES + 1;
    for (size_t i = 0; i < list->len; i++) {
        const RlsAction *a = &list->items[i];
        fuzz__check_action(d, a, a->kind == RLS_ACTION_FIX_ALL || i % stride == 0);
    }
    rls_action_list_clear(list);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size - 1 > FUZZ__MAX_DOC) return 0;
    FuzzDoc d = {0};
    d.format = (data[0] & 1) ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN;
    d.src = (const char *)data + 1;
    d.len = (uint32_t)(size - 1);

    RlsParser *parser = rls_parser_new(d.format);
    RlsAnalysis an;
    rls_analysis_init(&an);
    rls_analyze(&an, parser, d.src, d.len, NULL);
    d.model = an.model;

    RlsActionList list;
    rls_action_list_init(&list);
    for (size_t i = 0; i < an.diags.len && i < FUZZ__MAX_DIAGS; i++) {
        if (rls_actions_for_diag(an.model, d.src, d.len, &an.diags.items[i], &list) != 0) abort();
        if (rls_actions_suppress(an.model, d.src, d.len, &an.diags.items[i], &list) != 0) abort();
    }
    for (uint32_t b = 0; b < an.model->n_bullets && b < FUZZ__MAX_BULLETS; b++) {
        if (rls_actions_for_bullet(an.model, d.src, d.len, b, &an.diags, &list) != 0) abort();
    }
    for (int restructure = 0; restructure < 2; restructure++) {
        RlsFixOptions opts = {.restructure = restructure != 0};
        size_t before = list.len;
        if (rls_actions_fix_all(an.model, d.src, d.len, &an.diags, &opts, &list) != 0) abort();
        if (list.len > before + 1) abort(); /* one FIX_ALL action at most */
    }
    fuzz__check_list(&d, &list);

    rls_action_list_close(&list);
    rls_analysis_close(&an);
    rls_parser_delete(parser);
    return 0;
}
