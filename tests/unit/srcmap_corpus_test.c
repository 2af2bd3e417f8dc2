/*
 * srcmap_corpus_test.c - source-map properties over every corpus resume
 * (../shared/corpus/md and tex):
 *   - every plain byte of every bullet maps to source bytes inside the
 *     bullet's span, and a verbatim byte is the source byte it maps to;
 *   - every single plain character maps back through rls_plain_to_source;
 *   - extracting again is idempotent: the plain text of a bullet, written
 *     as a bullet of a fresh document, extracts to the same text.
 */
#include <dirent.h>
#include <stdlib.h>

#include "rls/buf.h"
#include "rls/parse.h"
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

static void corpus__check_dir(const char *fmt, const char *ext, RlsFormat format) {
    char dir[1024];
    snprintf(dir, sizeof(dir), "%s/corpus/%s", RLS_SHARED_DIR, fmt);
    DIR *d = opendir(dir);
    if (!d) {
        RLS__FAIL("corpus folder %s is missing", dir);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name), el = strlen(ext);
        if (n <= el || strcmp(e->d_name + n - el, ext) != 0) continue;
        char path[2048];
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        corpus__check_file(path, format);
    }
    closedir(d);
}

static void test_markdown_bullets_map_inside_their_spans_and_reextract(void) {
    long before = corpus__bullets;
    corpus__check_dir("md", ".md", RLS_FORMAT_MARKDOWN);
    /* The Markdown corpus has well over a hundred bullets: a parser that
     * finds none must not pass vacuously. */
    EXPECT_TRUE(corpus__bullets - before > 100);
}

static void test_latex_bullets_map_inside_their_spans_and_reextract(void) {
    corpus__check_dir("tex", ".tex", RLS_FORMAT_LATEX);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_markdown_bullets_map_inside_their_spans_and_reextract),
        RLS_TEST(test_latex_bullets_map_inside_their_spans_and_reextract),
    };
    int rc = rls_test_run(cases, RLS_ARRAY_LEN(cases));
    printf("# %ld files, %ld bullets, %ld re-extracted\n", corpus__files, corpus__bullets,
           corpus__reextracted);
    return rc;
}
