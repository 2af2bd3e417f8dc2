/*
 * srcmap_corpus_test.c - source-map properties over every resume of the
 * fixtures (tests/data/resumes) and of the corpus (../shared/corpus, label
 * corpus), Markdown and LaTeX:
 *   - every plain byte of every bullet maps to source bytes inside the
 *     bullet's span, and a verbatim byte is the source byte it maps to;
 *   - every single plain character maps back through rls_plain_to_source;
 *   - extracting again is idempotent: the plain text of a bullet, written
 *     as a bullet of a fresh document, extracts to the same text;
 *   - incremental parsing is invisible: after each of a run of random edits
 *     (typing, deleting, markup characters, newlines), the model from the
 *     parser that saw every edit equals the model of a fresh parse.
 */
#include <dirent.h>
#include <stdlib.h>

#include "rls/buf.h"
#include "rls/parse.h"
#include "rls/text.h"
#include "test.h"

static long corpus__bullets, corpus__files, corpus__reextracted;

/* Characters that are markup in the format: a plain text holding them
 * (from an escape such as "\*" or "\%") legitimately re-extracts
 * differently, so the idempotence check skips it. */
static bool corpus__has_markup(const char *text, RlsFormat format) {
    /* "[" too for LaTeX: "\item [x]" would read it as the item's label. */
    const char *special = format == RLS_FORMAT_LATEX ? "\\%$&#_{}~^[" : "\\`*_[]<>&#|~!";
    if (strpbrk(text, special)) return true;
    if (format == RLS_FORMAT_MARKDOWN) {
        /* "1. x" or "- x" at the start would become a nested list. */
        size_t i = 0;
        while (text[i] >= '0' && text[i] <= '9')
            i++;
        if (i && (text[i] == '.' || text[i] == ')')) return true;
        if (strchr("-+=", text[0])) return true;
    }
    return false;
}

static void corpus__reextract(const RlsBullet *b, RlsFormat format, const char *path) {
    if (corpus__has_markup(b->plain.text, format) || b->plain.len == 0) return;
    RlsBuf doc;
    rls_buf_init(&doc);
    if (format == RLS_FORMAT_LATEX)
        rls_buf_printf(&doc,
                       "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n"
                       "\\begin{itemize}\n\\item %s\n\\end{itemize}\n\\end{document}\n",
                       b->plain.text);
    else
        rls_buf_printf(&doc, "# Name\n\n## Experience\n\n- %s\n", b->plain.text);
    RlsParser *p = rls_parser_new(format);
    RlsResume *m = rls_parser_parse(p, doc.data, (uint32_t)doc.len, NULL);
    /* The LaTeX model may still be empty while its parser is being built;
     * when it has the bullet, the text must round-trip. */
    if (m->n_bullets == 1) {
        corpus__reextracted++;
        if (strcmp(m->bullets[0].plain.text, b->plain.text) != 0)
            RLS__FAIL("%s: re-extracting \"%s\" gave \"%s\"", path, b->plain.text,
                      m->bullets[0].plain.text);
    } else if (format == RLS_FORMAT_MARKDOWN) {
        RLS__FAIL("%s: \"%s\" as a bullet gave %u bullets", path, b->plain.text, m->n_bullets);
    }
    rls_resume_delete(m);
    rls_parser_delete(p);
    rls_buf_close(&doc);
}

static void corpus__check_file(const char *path, RlsFormat format) {
    size_t len;
    char *src = rls_test_read_file(path, &len);
    if (!src) {
        RLS__FAIL("cannot read %s", path);
        return;
    }
    corpus__files++;
    RlsParser *p = rls_parser_new(format);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)len, NULL);
    int reported = 0;
    for (uint32_t bi = 0; bi < m->n_bullets; bi++) {
        const RlsBullet *b = &m->bullets[bi];
        corpus__bullets++;
        if (b->span.end_byte > len || b->span.start_byte > b->span.end_byte)
            RLS__FAIL("%s: bullet %u span %u-%u out of the file", path, bi, b->span.start_byte,
                      b->span.end_byte);
        for (uint32_t i = 0; i < b->plain.len && reported < 5; i++) {
            uint32_t s = b->plain.src_start[i], e = b->plain.src_end[i];
            /* Text a document's own macro definition wrote (tex_expand.h) has
             * no source bytes of its own: it maps to the whole call and is
             * not editable, by design. */
            if (rls_plain_is_generated(&b->plain, i, i + 1)) continue;
            /* Text the parser adds between macro arguments (moderncv's
             * "title: description") maps to an empty span at its place. */
            bool inside = s >= b->span.start_byte && e <= b->span.end_byte && s <= e;
            if (!inside) {
                RLS__FAIL("%s: bullet %u byte %u ('%c') maps to %u-%u outside %u-%u", path, bi, i,
                          b->plain.text[i], s, e, b->span.start_byte, b->span.end_byte);
                reported++;
                continue;
            }
            bool verbatim = e == s + 1 && b->plain.text[i] != ' ';
            if (verbatim && src[s] != b->plain.text[i]) {
                RLS__FAIL("%s: bullet %u byte %u is '%c' but maps to '%c'", path, bi, i,
                          b->plain.text[i], src[s]);
                reported++;
            }
            /* A character starts here: it maps back on its own. */
            if (((unsigned char)b->plain.text[i] & 0xC0) != 0x80) {
                uint32_t j = i + 1;
                while (j < b->plain.len && ((unsigned char)b->plain.text[j] & 0xC0) == 0x80)
                    j++;
                RlsSpan out;
                if (rls_plain_to_source(&b->plain, i, j, &out) != 0) {
                    RLS__FAIL("%s: bullet %u character at %u does not map back", path, bi, i);
                    reported++;
                }
            }
        }
        if (b->plain.len && (b->plain.text[0] == ' ' || b->plain.text[b->plain.len - 1] == ' ' ||
                             strstr(b->plain.text, "  ")))
            RLS__FAIL("%s: bullet %u is not folded: \"%s\"", path, bi, b->plain.text);
        corpus__reextract(b, format, path);
    }
    rls_resume_delete(m);
    rls_parser_delete(p);
    rls_free(src);
}

/* ---- Incremental parsing equals a fresh parse ------------------------------- */

static bool corpus__str_eq(const char *a, const char *b) {
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool corpus__span_eq(RlsSpan a, RlsSpan b) {
    return a.start_byte == b.start_byte && a.end_byte == b.end_byte;
}

static bool corpus__plain_eq(const RlsPlain *a, const RlsPlain *b) {
    return a->len == b->len && !memcmp(a->text, b->text, a->len) &&
           (!a->len || (!memcmp(a->src_start, b->src_start, a->len * sizeof(uint32_t)) &&
                        !memcmp(a->src_end, b->src_end, a->len * sizeof(uint32_t))));
}

static bool corpus__date_eq(const RlsDateRange *a, const RlsDateRange *b) {
    return a->valid == b->valid && a->start.year == b->start.year &&
           a->start.month == b->start.month && a->start.present == b->start.present &&
           a->end.year == b->end.year && a->end.month == b->end.month &&
           a->end.present == b->end.present && corpus__span_eq(a->span, b->span);
}

/* Where the two models first differ, or NULL when they are equal. */
static const char *corpus__model_diff(const RlsResume *a, const RlsResume *b) {
    if (a->n_sections != b->n_sections) return "section count";
    for (uint32_t i = 0; i < a->n_sections; i++) {
        const RlsSection *x = &a->sections[i], *y = &b->sections[i];
        if (!corpus__span_eq(x->span, y->span) ||
            !corpus__span_eq(x->heading_span, y->heading_span) ||
            !corpus__plain_eq(&x->heading, &y->heading) || x->kind != y->kind ||
            x->level != y->level || x->standard_heading != y->standard_heading ||
            x->first_entry != y->first_entry || x->n_entries != y->n_entries ||
            x->first_bullet != y->first_bullet || x->n_bullets != y->n_bullets)
            return "a section";
    }
    if (a->n_entries != b->n_entries) return "entry count";
    for (uint32_t i = 0; i < a->n_entries; i++) {
        const RlsEntry *x = &a->entries[i], *y = &b->entries[i];
        if (!corpus__span_eq(x->span, y->span) || !corpus__str_eq(x->title, y->title) ||
            !corpus__str_eq(x->org, y->org) || !corpus__str_eq(x->location, y->location) ||
            !corpus__date_eq(&x->dates, &y->dates) || x->section != y->section ||
            x->first_bullet != y->first_bullet || x->n_bullets != y->n_bullets)
            return "an entry";
    }
    if (a->n_bullets != b->n_bullets) return "bullet count";
    for (uint32_t i = 0; i < a->n_bullets; i++) {
        const RlsBullet *x = &a->bullets[i], *y = &b->bullets[i];
        if (!corpus__span_eq(x->span, y->span) || !corpus__span_eq(x->item_span, y->item_span) ||
            !corpus__plain_eq(&x->plain, &y->plain) || x->section != y->section ||
            x->entry != y->entry || x->depth != y->depth)
            return "a bullet";
    }
    if (a->n_paragraphs != b->n_paragraphs) return "paragraph count";
    for (uint32_t i = 0; i < a->n_paragraphs; i++)
        if (!corpus__span_eq(a->paragraphs[i].span, b->paragraphs[i].span) ||
            !corpus__plain_eq(&a->paragraphs[i].plain, &b->paragraphs[i].plain) ||
            a->paragraphs[i].section != b->paragraphs[i].section)
            return "a paragraph";
    if (a->n_skills != b->n_skills) return "skill count";
    for (uint32_t i = 0; i < a->n_skills; i++)
        if (!corpus__span_eq(a->skills[i].span, b->skills[i].span) ||
            !corpus__str_eq(a->skills[i].text, b->skills[i].text) ||
            !corpus__str_eq(a->skills[i].category, b->skills[i].category))
            return "a skill";
    if (a->n_contacts != b->n_contacts) return "contact count";
    for (uint32_t i = 0; i < a->n_contacts; i++)
        if (a->contacts[i].kind != b->contacts[i].kind ||
            !corpus__span_eq(a->contacts[i].span, b->contacts[i].span) ||
            !corpus__str_eq(a->contacts[i].text, b->contacts[i].text))
            return "a contact";
    if (a->n_comments != b->n_comments) return "comment count";
    for (uint32_t i = 0; i < a->n_comments; i++)
        if (!corpus__span_eq(a->comments[i].span, b->comments[i].span) ||
            !corpus__str_eq(a->comments[i].text, b->comments[i].text))
            return "a comment";
    if (a->n_layout != b->n_layout) return "layout count";
    for (uint32_t i = 0; i < a->n_layout; i++)
        if (a->layout[i].kind != b->layout[i].kind ||
            !corpus__span_eq(a->layout[i].span, b->layout[i].span))
            return "a layout item";
    if (a->n_errors != b->n_errors) return "error count";
    return NULL;
}

static long corpus__edits;

/* Random typing over one file: each edit inserts a character that matters
 * to the format (a letter, a space, a newline, markup, a non-ASCII letter)
 * or deletes one to three characters, at a random character boundary. */
static void corpus__check_edits(const char *path, RlsFormat format, unsigned seed) {
    size_t len;
    char *src = rls_test_read_file(path, &len);
    if (!src) return;
    static const char *const inserts[] = {"x", " ", "\n", "*",    "`",  "\\", "%",    "{",
                                          "}", "-", "é",  "\n- ", "**", "|",  "2019", "\n\n"};
    RlsText *text = rls_text_new(src, len);
    RlsParser *inc = rls_parser_new(format);
    rls_resume_delete(rls_parser_parse(inc, rls_text_data(text), rls_text_len(text), NULL));
    unsigned s = seed;
    for (int k = 0; k < 30; k++) {
        s = s * 1103515245u + 12345u;
        uint32_t n = rls_text_len(text);
        uint32_t at = n ? (s >> 8) % n : 0;
        const char *d = rls_text_data(text);
        while (at > 0 && ((unsigned char)d[at] & 0xC0) == 0x80)
            at--;
        RlsByteEdit edit;
        if ((s >> 4) % 3 == 0 && at < n) {
            uint32_t end = at + 1 + (s >> 12) % 3;
            if (end > n) end = n;
            while (end < n && ((unsigned char)d[end] & 0xC0) == 0x80)
                end++;
            rls_text_replace(text, at, end, "", 0, &edit);
        } else {
            const char *ins = inserts[(s >> 16) % RLS_ARRAY_LEN(inserts)];
            rls_text_replace(text, at, at, ins, strlen(ins), &edit);
        }
        rls_parser_edit(inc, &edit);
        RlsResume *m = rls_parser_parse(inc, rls_text_data(text), rls_text_len(text), NULL);
        RlsParser *fresh = rls_parser_new(format);
        RlsResume *f = rls_parser_parse(fresh, rls_text_data(text), rls_text_len(text), NULL);
        const char *diff = corpus__model_diff(m, f);
        corpus__edits++;
        rls_resume_delete(m);
        rls_resume_delete(f);
        rls_parser_delete(fresh);
        if (diff) {
            RLS__FAIL("%s: after edit %d at byte %u, %s differs from a fresh parse", path, k, at,
                      diff);
            break;
        }
    }
    rls_parser_delete(inc);
    rls_text_delete(text);
    rls_free(src);
}

static void corpus__check_one(const char *name, const char *path, bool latex, void *ctx) {
    long *bullets = ctx;
    RlsFormat format = latex ? RLS_FORMAT_LATEX : RLS_FORMAT_MARKDOWN;
    long before = corpus__bullets;
    corpus__check_file(path, format);
    bullets[latex] += corpus__bullets - before;
    /* The edit runs are the expensive part: sampled under memcheck. */
    if (rls_test_sampled((size_t)corpus__files))
        corpus__check_edits(path, format, (unsigned)strlen(name) * 2654435761u);
}

/* Checks every resume under root; min_md and min_tex bullets at least, so
 * that a parser that finds none does not pass vacuously. */
static void corpus__check_root(const char *root, long min_md, long min_tex) {
    long bullets[2] = {0, 0};
    size_t files = rls_test_each_resume(root, corpus__check_one, bullets);
    EXPECT_TRUE(files > 0);
    EXPECT_TRUE(bullets[0] >= min_md);
    EXPECT_TRUE(bullets[1] >= min_tex);
}

static void test_fixture_bullets_map_inside_their_spans_and_reextract(void) {
    corpus__check_root(RLS_TEST_RESUMES, 30, 30);
}

static void test_corpus_bullets_map_inside_their_spans_and_reextract(void) {
    corpus__check_root(rls_test_corpus_dir(), 100, 100);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_fixture_bullets_map_inside_their_spans_and_reextract),
        RLS_CORPUS_TEST(test_corpus_bullets_map_inside_their_spans_and_reextract),
    };
    int rc = rls_test_run(cases, RLS_ARRAY_LEN(cases));
    printf("# %ld files, %ld bullets, %ld re-extracted, %ld incremental edits\n", corpus__files,
           corpus__bullets, corpus__reextracted, corpus__edits);
    return rc;
}
