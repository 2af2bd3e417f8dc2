/*
 * kwrules.c - the keyword and format diagnostics (keywords.h): what a job
 * description wants that the resume lacks, skills listed but never shown
 * (and the reverse), layout that ATS parsers lose, missing contact details,
 * inconsistent dates and excessive length.
 *
 * They judge the document, not a bullet, so every one defaults to
 * information: the person decides, the tool points.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keywords/kw_internal.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/rules.h"

/* Job-description keywords reported at most: beyond this the list stops
 * being advice and becomes noise; the score still counts them all. */
#define KWRULES_MAX_MISSING 12

static void kwrules__emit(RlsDiagList *out, const RlsConfig *config, const char *id, RlsSpan span,
                          const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void kwrules__emit(RlsDiagList *out, const RlsConfig *config, const char *id, RlsSpan span,
                          const char *fmt, ...) {
    const RlsRuleInfo *info = rls_rule_find(id);
    RlsSeverity sev = rls_config_severity(config, info->id, info->default_severity);
    if (sev == RLS_SEV_OFF) return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = rls_vstrfmt(fmt, ap);
    va_end(ap);
    rls_diag_push(out, span, sev, info->id, "%s", msg);
    rls_free(msg);
}

/* The first non-blank line of the source: where document-level findings go
 * when there is no better place. */
static int32_t kwrules__skills_section(const RlsResume *model) {
    for (uint32_t s = 0; s < model->n_sections; s++)
        if (model->sections[s].kind == RLS_SECTION_SKILLS) return (int32_t)s;
    return -1;
}

/* ---- Keywords -------------------------------------------------------------- */

static void kwrules__missing(const RlsResume *model, const RlsKwReport *r, const char *src,
                             uint32_t len, const RlsConfig *config, RlsDiagList *out) {
    int32_t sk = kwrules__skills_section(model);
    RlsSpan at = sk >= 0 && model->sections[sk].heading_span.end_byte >
                                model->sections[sk].heading_span.start_byte
                     ? model->sections[sk].heading_span
                     : rls_resume_top_line(model, src, len);
    size_t reported = 0;
    for (size_t j = 0; j < r->jd.len && reported < KWRULES_MAX_MISSING; j++) {
        if (r->coverage[j].covered) continue;
        const RlsJdKeyword *k = &r->jd.items[j];
        const RlsKeyword *kw = k->term >= 0 ? rls_kw_get((uint32_t)k->term) : NULL;
        char times[32] = "";
        if (k->count > 1) snprintf(times, sizeof(times), " (%u mentions)", k->count);
        if (kw && kw->expansion)
            kwrules__emit(out, config, RLS_RULE_ID(MISSING_KEYWORD), at,
                          "The job description asks for %s%s, but the resume never mentions it. "
                          "If you have used it, show it in a bullet and list it in Skills, "
                          "writing both forms once: \"%s (%s)\".",
                          k->text, times, kw->name, kw->expansion);
        else
            kwrules__emit(out, config, RLS_RULE_ID(MISSING_KEYWORD), at,
                          "The job description asks for %s%s, but the resume never mentions it. "
                          "If you have used it, show it in a bullet with an outcome "
                          "(\"Built ... with %s, cutting ...\") and list it in Skills.",
                          k->text, times, k->text);
        reported++;
    }
}

static const RlsKwHit *kwrules__first_hit(const RlsKwReport *r, uint32_t term, RlsKwWhere where) {
    for (size_t i = 0; i < r->n_hits; i++)
        if (r->hits[i].term == term && r->hits[i].where == where) return &r->hits[i];
    return NULL;
}

/* Unbacked skills reported without a job description. A skills line lists
 * twenty tools and a resume backs five of them with bullets: one finding
 * per tool buries the advice (corpus md/04 had 25 of 26 flagged). The first
 * few in list order are named (people list what matters first) and the
 * last of them counts the rest. With a job description, exactly the skills
 * it asks for are reported: those are the ones a recruiter will check. */
#define KWRULES_MAX_UNBACKED 3

static int kwrules__hit_cmp(const void *a, const void *b) {
    const RlsKwHit *x = *(const RlsKwHit *const *)a, *y = *(const RlsKwHit *const *)b;
    if (x->span.start_byte != y->span.start_byte)
        return x->span.start_byte < y->span.start_byte ? -1 : 1;
    return x->term < y->term ? -1 : x->term > y->term;
}

static void kwrules__unbacked(const RlsKwReport *r, const RlsConfig *config, RlsDiagList *out) {
    uint32_t n_terms = rls_kw_count();
    bool jd = r->jd.len > 0;
    bool role = r->profile >= 0 && !r->profile_inferred;
    const RlsKwHit **cand = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t t = 0; t < n_terms; t++) {
        const RlsKwTermStat *st = &r->terms[t];
        if (st->n_skills == 0 || st->n_bullet > 0 || st->n_described > 0) continue;
        if (jd && st->jd_count == 0) continue;
        if (!jd && role && !st->in_profile) continue;
        // NOLINTNEXTLINE(bugprone-sizeof-expression): sizeof one pointer, for an array of them
        RLS_PUSH(cand, n, cap, kwrules__first_hit(r, t, RLS_KW_IN_SKILLS));
    }
    // NOLINTNEXTLINE(bugprone-sizeof-expression): sizeof one pointer, for an array of them
    if (n > 1) qsort(cand, n, sizeof(*cand), kwrules__hit_cmp);
    size_t shown = jd || n <= KWRULES_MAX_UNBACKED ? n : KWRULES_MAX_UNBACKED;
    RlsBuf more;
    rls_buf_init(&more);
    if (shown < n) {
        rls_buf_printf(&more,
                       " %zu more listed skill%s never appear in a bullet either: ", n - shown,
                       n - shown == 1 ? "" : "s");
        for (size_t k = shown; k < n && k < shown + 6; k++)
            rls_buf_printf(&more, "%s%s", k == shown ? "" : ", ", rls_kw_get(cand[k]->term)->name);
        rls_buf_puts(&more, n > shown + 6 ? ", ...; back the ones the job needs." : ".");
    }
    for (size_t k = 0; k < shown; k++) {
        const RlsKeyword *kw = rls_kw_get(cand[k]->term);
        kwrules__emit(out, config, RLS_RULE_ID(SKILL_UNBACKED), cand[k]->span,
                      "%s is listed in Skills but no bullet shows it in use; recruiters trust "
                      "skills they see applied. Add it to a bullet with a result, e.g. "
                      "\"Built <what> with %s, cutting <metric> from A to B\".%s",
                      kw->name, kw->name, k + 1 == shown && more.data ? more.data : "");
    }
    rls_buf_close(&more);
    rls_free(cand);
}

/* A named tool, language or product ("Redis", "iOS", ".NET", "C++"), not a
 * field of work written in lower case ("machine learning", "networking",
 * "service mesh"): a skills list names tools; a field shown in the bullets
 * needs no second mention (issue #14). */
static bool kwrules__named_tool(const char *name) {
    unsigned char c = (unsigned char)name[0];
    return !(c >= 'a' && c <= 'z') || (name[1] >= 'A' && name[1] <= 'Z');
}

static void kwrules__skills(const RlsResume *model, const RlsKwReport *r, const RlsConfig *config,
                            RlsDiagList *out) {
    bool has_skills = model->n_skills > 0 || kwrules__skills_section(model) >= 0;
    uint32_t n_terms = rls_kw_count();
    kwrules__unbacked(r, config, out);
    for (uint32_t t = 0; t < n_terms; t++) {
        const RlsKwTermStat *st = &r->terms[t];
        const RlsKeyword *kw = rls_kw_get(t);
        if (has_skills && st->n_bullet > 0 && st->n_skills == 0 &&
            rls_kw_category_listable(kw->category) && !rls_kw__listed_via_parent(r, t) &&
            kwrules__named_tool(kw->name)) {
            const RlsKwHit *h = kwrules__first_hit(r, t, RLS_KW_IN_BULLET);
            kwrules__emit(out, config, RLS_RULE_ID(SKILL_UNLISTED), h->span,
                          "%s appears in your bullets but not in the Skills section; ATS keyword "
                          "searches often read the skills list, so add %s there.",
                          kw->name, kw->name);
        }
    }
}

/* ---- Layout and contact ------------------------------------------------------ */

static const char *const kwrules__layout_msg[] = {
    [RLS_LAYOUT_TABLE] = "A table: ATS parsers read tables cell by cell or drop them, which "
                         "scrambles the text. Put the content in plain lines or bullets.",
    [RLS_LAYOUT_COLUMNS] = "A multi-column layout: ATS parsers read straight across columns and "
                           "mix their text. Use a single column.",
    [RLS_LAYOUT_IMAGE] = "An image: ATS parsers cannot read text inside images. Write the "
                         "content as text.",
    [RLS_LAYOUT_ICON] = "An icon: ATS parsers drop icons and the meaning they carry. Write the "
                        "label as text, e.g. \"Email: jane@example.com\".",
    [RLS_LAYOUT_HEADER_FOOTER] = "Text in the page header or footer: many ATS parsers skip it. "
                                 "Move contact details into the body of the page.",
};

/* Header and footer text matters when it holds what the body lacks:
 * contact details. A page number or the name repeated ("Jane Doe -
 * Resume - Page 1 of 2") is lost harmlessly. */
static bool kwrules__contact_like(const char *t, uint32_t n) {
    uint32_t digits = 0;
    for (uint32_t i = 0; i < n; i++) {
        char c = t[i];
        if (c == '@') return true;
        if (c >= '0' && c <= '9') {
            if (++digits >= 7) return true;
        } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '+') {
            digits = 0;
        }
        if (i + 4 <= n && (memcmp(t + i, "http", 4) == 0 || memcmp(t + i, "www.", 4) == 0 ||
                           memcmp(t + i, "href", 4) == 0))
            return true;
    }
    return false;
}

static void kwrules__layout(const RlsResume *model, const char *src, uint32_t len,
                            const RlsConfig *config, RlsDiagList *out) {
    /* Icons come in sets (one per contact line, one per heading): one
     * finding at the first says it once, with the count. */
    uint32_t n_icons = 0, n_images = 0;
    for (uint32_t i = 0; i < model->n_layout; i++) {
        n_icons += model->layout[i].kind == RLS_LAYOUT_ICON;
        n_images += model->layout[i].kind == RLS_LAYOUT_IMAGE;
    }
    bool icon_said = false, image_said = false;
    for (uint32_t i = 0; i < model->n_layout; i++) {
        RlsLayoutKind k = model->layout[i].kind;
        RlsSpan sp = model->layout[i].span;
        if ((unsigned)k >= RLS_ARRAY_LEN(kwrules__layout_msg)) continue;
        if (k == RLS_LAYOUT_HEADER_FOOTER && sp.end_byte <= len &&
            !kwrules__contact_like(src + sp.start_byte, sp.end_byte - sp.start_byte))
            continue;
        if (k == RLS_LAYOUT_ICON) {
            if (icon_said) continue;
            icon_said = true;
            if (n_icons > 1) {
                kwrules__emit(out, config, RLS_RULE_ID(ATS_LAYOUT), sp,
                              "%s (%u icons in this file.)", kwrules__layout_msg[k], n_icons);
                continue;
            }
        }
        /* Images too (a logo per employer): said once, with the count. */
        if (k == RLS_LAYOUT_IMAGE) {
            if (image_said) continue;
            image_said = true;
            if (n_images > 1) {
                kwrules__emit(out, config, RLS_RULE_ID(ATS_LAYOUT), sp,
                              "%s (%u images in this file.)", kwrules__layout_msg[k], n_images);
                continue;
            }
        }
        kwrules__emit(out, config, RLS_RULE_ID(ATS_LAYOUT), sp, "%s", kwrules__layout_msg[k]);
    }
}

static bool kwrules__contains(const char *src, uint32_t len, const char *needle) {
    size_t nl = strlen(needle);
    for (uint32_t i = 0; i + nl <= len; i++)
        if (src[i] == needle[0] && memcmp(src + i, needle, nl) == 0) return true;
    return false;
}

/* "name@host.tld" anywhere in the source. */
static bool kwrules__has_address(const char *src, uint32_t len) {
    for (uint32_t i = 1; i + 3 < len; i++) {
        if (src[i] != '@') continue;
        char b = src[i - 1];
        if (!((b | 32) >= 'a' && (b | 32) <= 'z') && !(b >= '0' && b <= '9') && b != '.' &&
            b != '_' && b != '-' && b != '+')
            continue;
        uint32_t j = i + 1;
        bool dot = false;
        while (j < len && (((src[j] | 32) >= 'a' && (src[j] | 32) <= 'z') ||
                           (src[j] >= '0' && src[j] <= '9') || src[j] == '-' || src[j] == '.')) {
            if (src[j] == '.' && j > i + 1 && j + 1 < len && ((src[j + 1] | 32) >= 'a')) dot = true;
            j++;
        }
        if (dot) return true;
    }
    return false;
}

static void kwrules__contact(const RlsResume *model, const char *src, uint32_t len,
                             const RlsConfig *config, RlsDiagList *out) {
    bool email = false, phone = false;
    for (uint32_t i = 0; i < model->n_contacts; i++) {
        email |= model->contacts[i].kind == RLS_CONTACT_EMAIL;
        phone |= model->contacts[i].kind == RLS_CONTACT_PHONE;
    }
    /* A phone alone is a deliberate choice many engineers make; a missing
     * email is not, so only that is reported. */
    if (email) return;
    /* Template macros the parser does not know (\\cvmail{...}) still hold
     * an address a reader (and an ATS, after rendering) sees. */
    if (kwrules__has_address(src, len)) return;
    /* A LaTeX file without \\documentclass is a part \\input by the main
     * file, which holds the header. */
    if (model->format == RLS_FORMAT_LATEX && !kwrules__contains(src, len, "\\documentclass") &&
        !kwrules__contains(src, len, "\\begin{document}"))
        return;
    kwrules__emit(out, config, RLS_RULE_ID(CONTACT_MISSING), rls_resume_top_line(model, src, len),
                  "No email address found%s: recruiters and ATS forms need one. Add it to the "
                  "header as text, e.g. \"jane@example.com\".",
                  phone ? "" : " (and no phone number)");
}

/* ---- Dates --------------------------------------------------------------- */

/* Seasons read as words, like month names: "Summer 2020" next to
 * "Jan 2021" is not an inconsistency a reader notices. */
static RlsDateStyle kwrules__style_class(RlsDateStyle s) {
    return s == RLS_DATE_STYLE_SEASON ? RLS_DATE_STYLE_MONTH_NAME : s;
}

/* Sections of dated roles, where a reader compares one entry's dates with
 * the next. Awards, publications, talks and the like are dated by a year
 * or a day by nature: their dates are no style to match (issue #14). */
static bool kwrules__dated_roles(RlsSectionKind k) {
    return k == RLS_SECTION_EXPERIENCE || k == RLS_SECTION_EDUCATION || k == RLS_SECTION_PROJECTS ||
           k == RLS_SECTION_VOLUNTEERING;
}

static RlsDateStyle kwrules__entry_style(const RlsEntry *e, const char *src, uint32_t src_len) {
    if (!e->dates.valid || e->dates.span.end_byte <= e->dates.span.start_byte ||
        e->dates.span.end_byte > src_len)
        return RLS_DATE_STYLE_NONE;
    /* A date span over emphasis markers or a line break was misread with
     * the text around it: no style can be told from it. */
    for (uint32_t i = e->dates.span.start_byte; i < e->dates.span.end_byte; i++)
        if (src[i] == '*' || src[i] == '\n') return RLS_DATE_STYLE_NONE;
    /* A range within one month ("July 2 - 4, 2025") dates an event (a
     * conference, a course), not a tenure; a season names a term. Neither
     * is a style a role's dates should match. */
    const RlsDateRange *d = &e->dates;
    if (!d->end.present && d->start.month != 0 && d->start.year == d->end.year &&
        d->start.month == d->end.month)
        return RLS_DATE_STYLE_NONE;
    if (d->start.style == RLS_DATE_STYLE_SEASON) return RLS_DATE_STYLE_NONE;
    return kwrules__style_class((RlsDateStyle)e->dates.start.style);
}

/* "Jan 2021 – 2022": one range, two styles. */
static bool kwrules__mixed_range(const RlsEntry *e) {
    const RlsDateRange *d = &e->dates;
    return d->valid && !d->end.present && d->end.year != 0 && d->start.year != 0 &&
           (d->start.month == 0) != (d->end.month == 0);
}

/* The most common style among the entries of each section (ties go to the
 * style seen first), into major[] (one per section; owned by the caller).
 * A reader compares an entry's dates with those of the entries beside it:
 * projects dated by the year in one section say nothing of the months of
 * the jobs in another. */
static void kwrules__major_styles(const RlsResume *model, const char *src, uint32_t src_len,
                                  RlsDateStyle *major) {
    uint32_t(*counts)[RLS_DATE_STYLE_SEASON + 1] =
        rls_calloc(model->n_sections ? model->n_sections : 1, sizeof(*counts));
    for (uint32_t s = 0; s < model->n_sections; s++)
        major[s] = RLS_DATE_STYLE_NONE;
    for (uint32_t i = 0; i < model->n_entries; i++) {
        const RlsEntry *e = &model->entries[i];
        if (e->section >= model->n_sections) continue;
        RlsDateStyle st = kwrules__entry_style(e, src, src_len);
        if (st == RLS_DATE_STYLE_NONE) continue;
        uint32_t *c = counts[e->section];
        c[st]++;
        RlsDateStyle *m = &major[e->section];
        if (*m == RLS_DATE_STYLE_NONE || c[st] > c[*m]) *m = st;
    }
    rls_free(counts);
}

uint32_t rls_date_inconsistencies(const RlsResume *model, const char *src, uint32_t src_len,
                                  uint32_t **odd) {
    uint32_t n_odd = 0;
    size_t cap = 0;
    if (odd) *odd = NULL;
    RlsDateStyle *major = rls_malloc((model->n_sections ? model->n_sections : 1) * sizeof(*major));
    kwrules__major_styles(model, src, src_len, major);
    for (uint32_t i = 0; i < model->n_entries; i++) {
        const RlsEntry *e = &model->entries[i];
        if (e->section >= model->n_sections ||
            !kwrules__dated_roles(model->sections[e->section].kind))
            continue;
        RlsDateStyle st = kwrules__entry_style(e, src, src_len);
        if (st == RLS_DATE_STYLE_NONE) continue;
        if (st != major[e->section] || kwrules__mixed_range(e)) {
            if (odd)
                RLS_PUSH(*odd, n_odd, cap, i);
            else
                n_odd++;
        }
    }
    rls_free(major);
    return n_odd;
}

static void kwrules__dates(const RlsResume *model, const char *src, uint32_t len,
                           const RlsConfig *config, RlsDiagList *out) {
    uint32_t *odd = NULL;
    uint32_t n = rls_date_inconsistencies(model, src, len, &odd);
    /* Once, not per finding: each is a pass over every entry, and 20 000
     * entries took 40 s when asked again for each odd one. */
    RlsDateStyle *majors = NULL;
    if (n) {
        majors = rls_malloc(model->n_sections * sizeof(*majors));
        kwrules__major_styles(model, src, len, majors);
    }
    for (uint32_t k = 0; k < n; k++) {
        const RlsEntry *e = &model->entries[odd[k]];
        RlsSpan sp = e->dates.span;
        RlsDateStyle st = kwrules__entry_style(e, src, len);
        RlsDateStyle major = majors[e->section];
        if (major == st || kwrules__mixed_range(e))
            kwrules__emit(out, config, RLS_RULE_ID(DATE_FORMAT), sp,
                          "\"%.*s\" mixes date styles within one range; write both ends the same "
                          "way, e.g. \"Jan 2021 – Mar 2023\" or \"2021 – 2023\".",
                          (int)(sp.end_byte - sp.start_byte), src + sp.start_byte);
        else
            kwrules__emit(out, config, RLS_RULE_ID(DATE_FORMAT), sp,
                          "\"%.*s\" is written like \"%s\" while the other %s entries use \"%s\"; "
                          "use one date style throughout so ATS date parsing stays consistent.",
                          (int)(sp.end_byte - sp.start_byte), src + sp.start_byte,
                          rls_date_style_example(st),
                          rls_section_kind_name(model->sections[e->section].kind),
                          rls_date_style_example(major));
    }
    rls_free(majors);
    rls_free(odd);
}

/* ---- Length -------------------------------------------------------------- */

static uint32_t kwrules__words(const char *t, size_t len) {
    uint32_t n = 0;
    bool in = false;
    for (size_t i = 0; i < len; i++) {
        bool sp = t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r';
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

/* Words a reader sees in a date range: "Jan 2021 – Present" is three. */
static uint32_t kwrules__date_words(const RlsDateRange *r) {
    uint32_t n = r->start.present ? 1u : r->start.month ? 2u : 1u;
    bool single = r->end.year == r->start.year && r->end.month == r->start.month &&
                  r->end.present == r->start.present;
    if (!single) n += r->end.present ? 1u : r->end.month ? 2u : 1u;
    return n;
}

uint32_t rls_resume_word_count(const RlsResume *model) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < model->n_bullets; i++)
        n += kwrules__words(model->bullets[i].plain.text, model->bullets[i].plain.len);
    for (uint32_t i = 0; i < model->n_paragraphs; i++)
        n += kwrules__words(model->paragraphs[i].plain.text, model->paragraphs[i].plain.len);
    for (uint32_t i = 0; i < model->n_sections; i++)
        n += kwrules__words(model->sections[i].heading.text, model->sections[i].heading.len);
    for (uint32_t i = 0; i < model->n_skills; i++)
        if (model->skills[i].text)
            n += kwrules__words(model->skills[i].text, strlen(model->skills[i].text));
    /* Entry lines are read too: role, organisation, place and dates. */
    for (uint32_t i = 0; i < model->n_entries; i++) {
        const RlsEntry *e = &model->entries[i];
        const char *fields[] = {e->title, e->org, e->location};
        for (size_t f = 0; f < RLS_ARRAY_LEN(fields); f++)
            if (fields[f]) n += kwrules__words(fields[f], strlen(fields[f]));
        if (e->dates.valid) n += kwrules__date_words(&e->dates);
    }
    return n;
}

static void kwrules__length(const RlsResume *model, const char *src, uint32_t len,
                            const RlsConfig *config, RlsDiagList *out) {
    double max_words = rls_config_threshold_of(config, RLS_THRESHOLD_RESUME_LENGTH_MAX_WORDS);
    uint32_t words = rls_resume_word_count(model);
    if ((double)words <= max_words) return;
    kwrules__emit(out, config, RLS_RULE_ID(RESUME_LENGTH), rls_resume_top_line(model, src, len),
                  "About %u words: more than fits on two pages (about %.0f words). Recruiters "
                  "skim; cut older roles to one or two bullets and drop the weakest bullets.",
                  words, max_words);
}

/* ---- Entry points -------------------------------------------------------- */

int rls_keywords_check_report(const RlsResume *model, const RlsKwReport *report, const char *src,
                              uint32_t src_len, const RlsConfig *config, RlsDiagList *out) {
    if (!model) return 0;
    kwrules__missing(model, report, src, src_len, config, out);
    kwrules__skills(model, report, config, out);
    kwrules__layout(model, src, src_len, config, out);
    kwrules__contact(model, src, src_len, config, out);
    kwrules__dates(model, src, src_len, config, out);
    kwrules__length(model, src, src_len, config, out);
    rls_kw__tech_casing(model, report, src, src_len, config, out);
    rls_diag_list_sort(out);
    return 0;
}

int rls_keywords_check(const RlsResume *model, const char *src, uint32_t src_len,
                       const RlsConfig *config, RlsDiagList *out) {
    return rls_keywords_check_cached(NULL, model, src, src_len, config, out);
}

int rls_keywords_check_cached(RlsKwScanCache *cache, const RlsResume *model, const char *src,
                              uint32_t src_len, const RlsConfig *config, RlsDiagList *out) {
    if (!model) return 0;
    RlsKwReport report;
    rls_kw_report_init(&report);
    report.scan_cache = cache;
    rls_kw_analyze(&report, model, config);
    int rc = rls_keywords_check_report(model, &report, src, src_len, config, out);
    rls_kw_report_close(&report);
    return rc;
}
