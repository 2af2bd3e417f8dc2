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
 * *from is set past the colon (0 when there is none). */
static char *skill_reader__label(const char *t, uint32_t n, uint32_t *from) {
    *from = 0;
    for (uint32_t i = 0; i < n && i < 64; i++) {
        if (t[i] == ',' || t[i] == ';') break;
        if (t[i] == ':' ||
            (t[i] == '\xef' && i + 2 < n && t[i + 1] == '\xbc' && t[i + 2] == '\x9a')) {
            uint32_t ce = i;
            while (ce > 0 && t[ce - 1] == ' ')
                ce--;
            *from = i + (t[i] == ':' ? 1 : 3);
            return ce > 0 ? rls_strndup(t, ce) : NULL;
        }
    }
    return NULL;
}

void rls_skill_reader_line(RlsModelBuilder *mb, const RlsPlain *line, const char *category) {
    const char *t = line->text;
    uint32_t n = line->len;
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
        uint32_t a = start, b = i;
        while (a < b && (t[a] == ' '))
            a++;
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == '.'))
            b--;
        if (b > a) {
            RlsSpan span = rls_plain_cover(line, a, b);
            rls_model_builder_skill(mb, span, t + a, b - a, use_cat);
        }
        start = i + sep_len;
        i += sep_len - 1;
    }
    rls_free(cat);
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
