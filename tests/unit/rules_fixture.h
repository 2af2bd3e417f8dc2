/*
 * rules_fixture.h - builds resume models by hand for the rule tests, from a
 * tiny line format, so that the rules can be tested without the real
 * parsers (and with exact control of sections, entries and dates):
 *
 *   ## Heading                       a section
 *   ### Title | Org | 2019 - 2021    an entry ("Present" ends a current one)
 *   - bullet text                    a bullet; "**" markers are markup
 *     - nested bullet                depth 1
 *   <!-- comment -->  or  % comment  a comment
 *   anything else                    a paragraph (in a Skills section:
 *                                    comma-separated skills)
 */
#ifndef RLS_TESTS_RULES_FIXTURE_H_
#define RLS_TESTS_RULES_FIXTURE_H_

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/builder.h"
#include "rls/diag.h"
#include "rls/model.h"
#include "rls/rules.h"

/* Plain text of src[a, b) with "**" markers dropped (the rest verbatim). */
static inline void fx_plain(const char *src, uint32_t a, uint32_t b, RlsPlain *out) {
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    uint32_t run = a;
    for (uint32_t i = a; i < b; i++) {
        if (i + 1 < b && src[i] == '*' && src[i + 1] == '*') {
            if (i > run) rls_plain_builder_source(&pb, src, run, i);
            i++;
            run = i + 1;
        }
    }
    if (b > run) rls_plain_builder_source(&pb, src, run, b);
    rls_plain_builder_finish(&pb, out);
    rls_plain_builder_close(&pb);
}

static inline int fx_year(const char *s, size_t n, RlsDate *d) {
    memset(d, 0, sizeof(*d));
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= 7 && strncmp(s, "Present", 7) == 0) {
        d->present = true;
        return 1;
    }
    if (n >= 4 && isdigit((unsigned char)s[0])) {
        d->year = (int16_t)atoi(s);
        return 1;
    }
    return 0;
}

static inline RlsResume *fx_build(const char *src, RlsFormat fmt) {
    uint32_t len = (uint32_t)strlen(src);
    RlsModelBuilder mb;
    rls_model_builder_init(&mb, fmt, len);
    RlsSectionKind kind = RLS_SECTION_HEADER;
    uint32_t i = 0;
    while (i < len) {
        uint32_t ls = i, le = i;
        while (le < len && src[le] != '\n' && src[le] != '\r')
            le++;
        i = le;
        if (i < len && src[i] == '\r') i++;
        if (i < len && src[i] == '\n') i++;
        uint32_t s = ls;
        while (s < le && src[s] == ' ')
            s++;
        if (s == le) continue;
        const char *l = src + s;
        uint32_t n = le - s;
        RlsPlain plain;
        if (n > 4 && strncmp(l, "### ", 4) == 0) {
            /* Title | Org | dates */
            const char *bar1 = memchr(l, '|', n);
            const char *bar2 = bar1 ? memchr(bar1 + 1, '|', (size_t)(l + n - bar1 - 1)) : NULL;
            RlsDateRange dr;
            memset(&dr, 0, sizeof(dr));
            if (bar2) {
                const char *d = bar2 + 1;
                size_t dl = (size_t)(l + n - d);
                const char *dash = memchr(d, '-', dl);
                if (dash && fx_year(d, (size_t)(dash - d), &dr.start) &&
                    fx_year(dash + 1, (size_t)(d + dl - dash - 1), &dr.end))
                    dr.valid = true;
            }
            rls_model_builder_entry(&mb, (RlsSpan){ls, le}, "title", "org", NULL,
                                    dr.valid ? &dr : NULL);
        } else if (n > 3 && strncmp(l, "## ", 3) == 0) {
            fx_plain(src, s + 3, le, &plain);
            RlsSection *sec = rls_model_builder_section(&mb, (RlsSpan){ls, le}, &plain, 2);
            kind = sec->kind;
        } else if (n > 2 && (strncmp(l, "- ", 2) == 0 || strncmp(l, "* ", 2) == 0)) {
            /* A trailing "<!-- ... -->" is a comment, not bullet text. */
            uint32_t be = le;
            const char *cm = strstr(l, "<!--");
            if (cm && cm < src + le) {
                be = (uint32_t)(cm - src);
                const char *cend = strstr(cm, "-->");
                uint32_t ts = be + 4, te = cend ? (uint32_t)(cend - src) : le;
                while (ts < te && src[ts] == ' ')
                    ts++;
                while (te > ts && src[te - 1] == ' ')
                    te--;
                while (be > s + 2 && src[be - 1] == ' ')
                    be--;
                rls_model_builder_comment(&mb, (RlsSpan){(uint32_t)(cm - src), le}, src + ts,
                                          te - ts);
            }
            fx_plain(src, s + 2, be, &plain);
            rls_model_builder_bullet(&mb, (RlsSpan){s + 2, be}, (RlsSpan){s, be}, &plain,
                                     (uint16_t)((s - ls) / 2));
        } else if (n > 7 && strncmp(l, "<!--", 4) == 0) {
            const char *end = strstr(l, "-->");
            uint32_t ts = s + 4, te = end ? (uint32_t)(end - src) : le;
            while (ts < te && src[ts] == ' ')
                ts++;
            while (te > ts && src[te - 1] == ' ')
                te--;
            rls_model_builder_comment(&mb, (RlsSpan){s, end ? (uint32_t)(end - src) + 3 : le},
                                      src + ts, te - ts);
        } else if (l[0] == '%') {
            uint32_t ts = s + 1;
            while (ts < le && src[ts] == ' ')
                ts++;
            rls_model_builder_comment(&mb, (RlsSpan){s, le}, src + ts, le - ts);
        } else if (kind == RLS_SECTION_SKILLS) {
            uint32_t a = s;
            for (uint32_t k = s; k <= le; k++) {
                if (k == le || src[k] == ',') {
                    uint32_t x = a, y = k;
                    while (x < y && src[x] == ' ')
                        x++;
                    if (y > x) rls_model_builder_skill(&mb, (RlsSpan){x, y}, src + x, y - x, NULL);
                    a = k + 1;
                }
            }
        } else {
            fx_plain(src, s, le, &plain);
            rls_model_builder_paragraph(&mb, (RlsSpan){s, le}, &plain);
        }
    }
    return rls_model_builder_finish(&mb);
}

/* Runs the rules over src (built with fx_build) into *out. */
static inline void fx_check(const char *src, const RlsConfig *cfg, RlsDiagList *out) {
    RlsResume *m = fx_build(src, RLS_FORMAT_MARKDOWN);
    rls_diag_list_init(out);
    rls_rules_run(m, src, (uint32_t)strlen(src), cfg, out);
    rls_resume_delete(m);
}

/* Number of findings of rule (NULL: any). */
static inline size_t fx_count(const RlsDiagList *l, const char *rule) {
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++)
        if (!rule || strcmp(l->items[i].rule, rule) == 0) n++;
    return n;
}

/* The first finding of rule, or NULL. */
static inline const RlsDiag *fx_find(const RlsDiagList *l, const char *rule) {
    for (size_t i = 0; i < l->len; i++)
        if (strcmp(l->items[i].rule, rule) == 0) return &l->items[i];
    return NULL;
}

#endif /* RLS_TESTS_RULES_FIXTURE_H_ */
