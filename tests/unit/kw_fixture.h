/*
 * kw_fixture.h - resume models built by hand for the keyword, score and
 * hover tests, so they do not depend on the parsers (issue #3) landing.
 */
#ifndef RLS_TESTS_KW_FIXTURE_H_
#define RLS_TESTS_KW_FIXTURE_H_

#include <stdio.h>
#include <string.h>

#include "model/builder.h"
#include "rls/diag.h"

static inline RlsPlain plain_of(const char *src, uint32_t start, uint32_t end) {
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    rls_plain_builder_source(&pb, src, start, end);
    RlsPlain p;
    rls_plain_builder_finish(&pb, &p);
    rls_plain_builder_close(&pb);
    return p;
}

static inline uint32_t find(const char *src, const char *needle) {
    const char *p = strstr(src, needle);
    return p ? (uint32_t)(p - src) : 0;
}

/* Builds a model from a tiny Markdown-like source by hand: "## " lines are
 * headings, "- " lines bullets, lines in a Skills section "Label: a, b"
 * become skills (and a paragraph), other lines paragraphs; "@date TEXT"
 * after an entry line "### Title" gives the entry's dates. */
static inline RlsResume *build(const char *src) {
    RlsModelBuilder mb;
    uint32_t len = (uint32_t)strlen(src);
    rls_model_builder_init(&mb, RLS_FORMAT_MARKDOWN, len);
    bool in_skills = false;
    uint32_t i = 0;
    while (i < len) {
        uint32_t e = i;
        while (e < len && src[e] != '\n')
            e++;
        uint32_t le = e > i && src[e - 1] == '\r' ? e - 1 : e;
        if (le - i > 3 && strncmp(src + i, "## ", 3) == 0) {
            RlsPlain h = plain_of(src, i + 3, le);
            RlsSection *s = rls_model_builder_section(&mb, (RlsSpan){i, le}, &h, 2);
            in_skills = s->kind == RLS_SECTION_SKILLS;
        } else if (le - i > 4 && strncmp(src + i, "### ", 4) == 0) {
            RlsDateRange d = {0};
            const char *at = memchr(src + i, '@', le - i);
            uint32_t title_end = at ? (uint32_t)(at - src) : le;
            if (at) {
                uint32_t ds = (uint32_t)(at - src) + 1;
                /* The dates as the parsers read them: the date grammar's
                 * reading (style included) and the span of the text. */
                rls_date_range_parse(src + ds, le - ds, &d);
                d.span = (RlsSpan){ds, le};
            }
            char title[128];
            snprintf(title, sizeof(title), "%.*s", (int)(title_end - i - 4), src + i + 4);
            rls_model_builder_entry(&mb, (RlsSpan){i, le}, title, NULL, NULL, &d);
        } else if (le - i > 2 && strncmp(src + i, "- ", 2) == 0) {
            RlsPlain p = plain_of(src, i + 2, le);
            rls_model_builder_bullet(&mb, (RlsSpan){i + 2, le}, (RlsSpan){i, le}, &p, 0);
        } else if (le > i) {
            if (strstr(src + i, "@") && (size_t)(strstr(src + i, "@") - src) < le) {
                const char *at = strstr(src + i, "@");
                uint32_t s0 = (uint32_t)(at - src), s1 = s0;
                while (s0 > i && src[s0 - 1] != ' ')
                    s0--;
                while (s1 < le && src[s1] != ' ')
                    s1++;
                rls_model_builder_contact(&mb, RLS_CONTACT_EMAIL, (RlsSpan){s0, s1}, src + s0,
                                          s1 - s0);
            }
            if (strncmp(src + i, "phone ", 6) == 0)
                rls_model_builder_contact(&mb, RLS_CONTACT_PHONE, (RlsSpan){i + 6, le}, src + i + 6,
                                          le - i - 6);
            if (strncmp(src + i, "[table]", 7) == 0)
                rls_model_builder_layout(&mb, RLS_LAYOUT_TABLE, (RlsSpan){i, le});
            if (in_skills) {
                uint32_t k = i;
                const char *colon = memchr(src + i, ':', le - i);
                char label[64] = "";
                if (colon) {
                    snprintf(label, sizeof(label), "%.*s", (int)(colon - (src + i)), src + i);
                    k = (uint32_t)(colon - src) + 1;
                }
                while (k < le) {
                    while (k < le && (src[k] == ' ' || src[k] == ','))
                        k++;
                    uint32_t ks = k;
                    while (k < le && src[k] != ',')
                        k++;
                    uint32_t ke = k;
                    while (ke > ks && src[ke - 1] == ' ')
                        ke--;
                    if (ke > ks)
                        rls_model_builder_skill(&mb, (RlsSpan){ks, ke}, src + ks, ke - ks,
                                                colon ? label : NULL);
                }
            }
            RlsPlain p = plain_of(src, i, le);
            rls_model_builder_paragraph(&mb, (RlsSpan){i, le}, &p);
        }
        i = e + 1;
    }
    return rls_model_builder_finish(&mb);
}

/* What the rule engine would report on bullet b: a finding of rule on the
 * bullet's first word. */
static inline void fixture_flag(RlsDiagList *l, const RlsResume *m, uint32_t b, const char *rule) {
    const RlsBullet *bl = &m->bullets[b];
    RlsDiag *d = rls_diag_push(l, (RlsSpan){bl->span.start_byte, bl->span.start_byte + 1},
                               RLS_SEV_WARNING, rule, "%s finding", rule);
    d->bullet = (int32_t)b;
}

#endif /* RLS_TESTS_KW_FIXTURE_H_ */
