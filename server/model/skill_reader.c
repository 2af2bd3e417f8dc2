/*
 * skill_reader.c - the skills a line lists (skill_reader.h).
 */
#include "model/skill_reader.h"

#include <string.h>

#include "rls/alloc.h"
#include "rls/model.h"

/* Length of a list separator at t[0..n): , ; | • · 、 ， (0 if none). */
static uint32_t skill_reader__separator(const char *t, uint32_t n) {
    static const char *const seps[] = {",", ";", "|", "•", "·", "、", "，"};
    for (size_t k = 0; k < RLS_ARRAY_LEN(seps); k++) {
        size_t l = strlen(seps[k]);
        if (l <= n && !memcmp(t, seps[k], l)) return (uint32_t)l;
    }
    return 0;
}

/* The label before a colon ("Languages: ...") as an owned string, or NULL;
 * *from is set past the colon (0 when there is none). An ASCII colon
 * labels only when a space or the end follows it: "https://..." and
 * "C:\\" are no labels. */
static char *skill_reader__label(const char *t, uint32_t n, uint32_t *from) {
    *from = 0;
    for (uint32_t i = 0; i < n && i < 64; i++) {
        if (t[i] == ',' || t[i] == ';') break;
        bool ascii = t[i] == ':' && (i + 1 == n || t[i + 1] == ' ');
        bool wide = t[i] == '\xef' && i + 2 < n && t[i + 1] == '\xbc' && t[i + 2] == '\x9a';
        if (ascii || wide) {
            uint32_t ce = i;
            while (ce > 0 && t[ce - 1] == ' ')
                ce--;
            *from = i + (ascii ? 1 : 3);
            return ce > 0 ? rls_strndup(t, ce) : NULL;
        }
    }
    return NULL;
}

void rls_skill_reader_range(RlsModelBuilder *mb, const RlsPlain *line, uint32_t begin, uint32_t end,
                            const char *category) {
    const char *t = line->text + begin;
    uint32_t n = end - begin;
    uint32_t from;
    char *cat = skill_reader__label(t, n, &from);
    const char *use_cat = cat ? cat : category;
    int paren = 0;
    uint32_t start = from;
    for (uint32_t i = from; i <= n; i++) {
        bool sep = false;
        uint32_t sep_len = 1;
        if (i == n) {
            sep = true;
        } else if (t[i] == '(' || t[i] == '[') {
            paren++;
        } else if ((t[i] == ')' || t[i] == ']') && paren > 0) {
            paren--;
        } else if (paren == 0) {
            sep_len = skill_reader__separator(t + i, n - i);
            sep = sep_len > 0;
        }
        if (!sep) continue;
        /* A list glyph left before a skill ("* Go", "- Rust") is none of it;
         * a full stop or separator left after it neither. */
        uint32_t a = start, b = i;
        while (a < b && strchr(" *-", t[a]))
            a++;
        while (b > a && strchr(" .;,", t[b - 1]))
            b--;
        if (b > a) {
            RlsSpan span = rls_plain_cover(line, begin + a, begin + b);
            rls_model_builder_skill(mb, span, t + a, b - a, use_cat);
        }
        start = i + sep_len;
        i += sep_len - 1;
    }
    rls_free(cat);
}

void rls_skill_reader_line(RlsModelBuilder *mb, const RlsPlain *line, const char *category) {
    rls_skill_reader_range(mb, line, 0, line->len, category);
}

bool rls_skill_reader_label(const char *text, size_t len, size_t *label_len) {
    size_t n = len;
    while (n && text[n - 1] == ' ')
        n--;
    bool label = n > 1 && n < 64 && !memchr(text, ',', n);
    bool colon = label && text[n - 1] == ':';
    if (!colon && !(label && rls_section_is_lead_in(text, n))) return false;
    if (colon) n--;
    while (n && text[n - 1] == ' ')
        n--;
    *label_len = n;
    return true;
}
