/*
 * timeline.c - the timeline rules, read from the dates the model holds
 * (rls_date_*, the one date grammar): date-invalid, timeline-order and
 * timeline-gap.
 *
 * Every date is read as the span of months it can mean: "Mar 2021" is one
 * month, "2021" is January to December, "Summer 2019" three months, an
 * open end is today. Two dates are only ever compared where those spans do
 * not overlap, so a year-only date is compared by its year and nothing is
 * said where the text does not decide.
 */
#define _POSIX_C_SOURCE 200809L /* gmtime_r */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rls/alloc.h"
#include "rls/buf.h"
#include "rules/rules_internal.h"

/* Entries of one section beyond which no order is read. */
#define TIMELINE_MAX_ORDERED 256

/* Months since year 0: year * 12 + month - 1. */
typedef struct {
    int32_t lo, hi; /* the earliest and latest month the date can mean */
} TlSpan;

typedef struct {
    TlSpan start, end;
    bool single; /* one date, not a range ("May 2021": a graduation, an award) */
} TlRange;

static int32_t timeline__today(const RlsConfig *config) {
    if (config && config->today_months > 0) return config->today_months;
    time_t now = time(NULL);
    struct tm tm;
    if (!gmtime_r(&now, &tm)) return 2026 * 12;
    return (int32_t)(tm.tm_year + 1900) * 12 + tm.tm_mon;
}

static bool timeline__span(const RlsDate *d, int32_t today, TlSpan *out) {
    if (d->present || d->kind == RLS_DATE_PRESENT) {
        out->lo = out->hi = today;
        return true;
    }
    if (d->year <= 0) return false;
    int32_t y = (int32_t)d->year * 12;
    if (d->month >= 1 && d->month <= 12) {
        out->lo = y + d->month - 1;
        out->hi = out->lo + (d->kind == RLS_DATE_SEASON ? 2 : 0);
    } else {
        out->lo = y;
        out->hi = y + 11;
    }
    return true;
}

/* The entry's dates as month spans; false for an undated entry or an end
 * the text leaves unknown ("1667 - death"). */
static bool timeline__range(const RlsEntry *e, int32_t today, TlRange *out) {
    if (!e->dates.valid) return false;
    if (!timeline__span(&e->dates.start, today, &out->start)) return false;
    if (!timeline__span(&e->dates.end, today, &out->end)) return false;
    const RlsDate *a = &e->dates.start, *b = &e->dates.end;
    out->single = a->year == b->year && a->month == b->month && a->present == b->present &&
                  a->kind == b->kind;
    return true;
}

/* b is surely more recent than a: it starts and ends later, whatever
 * month a year-only date means. A role that started later but ended
 * earlier (a side job inside a long one) is in no order at all. */
static bool timeline__newer(const TlRange *b, const TlRange *a) {
    return b->start.lo > a->start.hi && b->end.lo > a->end.hi;
}

/* Sections whose entries are read most recent first. */
static bool timeline__ordered_kind(RlsSectionKind kind) {
    return kind == RLS_SECTION_EXPERIENCE || kind == RLS_SECTION_EDUCATION;
}

static RlsSpan timeline__where(const RlsEntry *e) {
    if (e->dates.span.end_byte > e->dates.span.start_byte) return e->dates.span;
    return e->span;
}

static void timeline__push(RlsRulesCtx *ctx, const char *rule, RlsSpan span, RlsBuf *msg) {
    rls_rules_push_owned(ctx->out, span, rls_rules_severity(ctx, rule), rule, rls_buf_detach(msg));
}

/* ---- date-invalid ------------------------------------------------------------- */

/* Words in an entry's header that announce a role not begun yet: an
 * accepted offer is listed with its future dates on purpose. */
static bool timeline__announced(const RlsEntry *e, const char *src, uint32_t src_len) {
    static const char *const words[] = {"incoming", "upcoming", "future",   "expected",
                                        "starting", "offer",    "accepted", "prospective"};
    uint32_t s = e->span.start_byte, end = RLS_MIN(e->span.end_byte, src_len);
    for (uint32_t i = s; i < end;) {
        while (i < end && !rls_rules_ascii_alnum((unsigned char)src[i]))
            i++;
        uint32_t w = i;
        while (i < end && rls_rules_ascii_alnum((unsigned char)src[i]))
            i++;
        for (size_t k = 0; k < RLS_ARRAY_LEN(words) && i > w; k++)
            if (rls_rules_word_is(src + w, i - w, words[k])) return true;
    }
    return false;
}

static void timeline__month_name(RlsBuf *b, int32_t months) {
    static const char *const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    rls_rules_format(b, "%s %d", names[months % 12], (int)(months / 12));
}

/* A date as the model read it: "Mar 2021", "2021", "Summer 2019", "present". */
static void timeline__date_text(RlsBuf *b, const RlsDate *d) {
    static const char *const seasons[] = {"Spring", "Summer", "Fall", "Winter"};
    if (d->present || d->kind == RLS_DATE_PRESENT) {
        rls_rules_format(b, "present");
    } else if (d->kind == RLS_DATE_SEASON && d->month >= 1 && d->month <= 12) {
        rls_rules_format(b, "%s %d", seasons[((d->month - 1) / 3) % 4], (int)d->year);
    } else if (d->month >= 1 && d->month <= 12) {
        timeline__month_name(b, (int32_t)d->year * 12 + d->month - 1);
    } else {
        rls_rules_format(b, "%d", (int)d->year);
    }
}

/* The range as the model read it: "Mar 2021 – present", "2019". */
static void timeline__range_text(RlsBuf *b, const RlsDateRange *r) {
    timeline__date_text(b, &r->start);
    const RlsDate *a = &r->start, *e = &r->end;
    if (a->year == e->year && a->month == e->month && a->present == e->present) return;
    rls_rules_format(b, " \xe2\x80\x93 ");
    timeline__date_text(b, e);
}

void rls_rules_date_invalid(RlsRulesCtx *ctx) {
    const RlsResume *m = ctx->model;
    int32_t today = timeline__today(ctx->config);
    for (uint32_t i = 0; i < m->n_entries; i++) {
        const RlsEntry *e = &m->entries[i];
        RlsSpan at = timeline__where(e);
        /* A numeric month outside 1..12 is read by the grammar as no month
         * at all (or as another date), so it is looked for in the header. */
        uint32_t hs = RLS_MIN(e->span.start_byte, ctx->src_len);
        uint32_t he = RLS_MIN(e->span.end_byte, ctx->src_len);
        size_t bs, be;
        if (he > hs && rls_date_bad_month_find(ctx->src + hs, he - hs, &bs, &be)) {
            RlsBuf msg;
            rls_buf_init(&msg);
            rls_rules_format(&msg,
                             "\"%.*s\" names a month that does not exist (months run 01 to "
                             "12); ATS date parsing drops it.",
                             (int)(be - bs), ctx->src + hs + bs);
            timeline__push(ctx, RLS_RULE_ID(DATE_INVALID),
                           (RlsSpan){hs + (uint32_t)bs, hs + (uint32_t)be}, &msg);
            continue;
        }
        TlRange r;
        if (!timeline__range(e, today, &r)) continue;
        if (!e->dates.end.present && r.end.hi < r.start.lo) {
            RlsBuf msg;
            rls_buf_init(&msg);
            rls_rules_format(&msg, "\"");
            timeline__range_text(&msg, &e->dates);
            rls_rules_format(&msg, "\" ends before it starts; check the two dates.");
            timeline__push(ctx, RLS_RULE_ID(DATE_INVALID), at, &msg);
            continue;
        }
        /* A single date is when something ended or is expected (a degree,
         * an award): only a range's start says a role has begun. */
        if (!r.single && !e->dates.start.present && r.start.lo > today &&
            !timeline__announced(e, ctx->src, ctx->src_len)) {
            RlsBuf msg;
            rls_buf_init(&msg);
            rls_rules_format(&msg, "\"");
            timeline__range_text(&msg, &e->dates);
            rls_rules_format(&msg, "\" starts after today (");
            timeline__month_name(&msg, today);
            rls_rules_format(&msg, "); check the year, or say the role is upcoming "
                                   "(\"Incoming\").");
            timeline__push(ctx, RLS_RULE_ID(DATE_INVALID), at, &msg);
        }
    }
}

/* ---- timeline-order ----------------------------------------------------------- */

/* A heading that also names projects or activities ("Internships &
 * Projects", "实习/项目经历") heads a list of several kinds, in no one order. */
static bool timeline__mixed_heading(const RlsSection *sec) {
    static const char *const words[] = {"project",  "projects",  "projet",     "projets",
                                        "proyecto", "proyectos", "projekt",    "projekte",
                                        "projeto",  "projetos",  "activities", "activity"};
    const char *h = sec->heading.text;
    uint32_t n = sec->heading.len;
    if (!h) return false;
    for (uint32_t i = 0; i + 6 <= n; i++)
        if (memcmp(h + i, "\xe9\xa1\xb9\xe7\x9b\xae", 6) == 0) return true; /* 项目 */
    for (uint32_t i = 0; i < n;) {
        while (i < n && !rls_rules_ascii_alnum((unsigned char)h[i]))
            i++;
        uint32_t w = i;
        while (i < n && rls_rules_ascii_alnum((unsigned char)h[i]))
            i++;
        for (size_t k = 0; k < RLS_ARRAY_LEN(words) && i > w; k++)
            if (rls_rules_word_is(h + w, i - w, words[k])) return true;
    }
    return false;
}

static bool timeline__same(const char *a, const char *b) {
    return a && b && strcmp(a, b) == 0;
}

/* e is one more entry of the employer (or role) whose entries above it
 * make up the unit with range *u, last of them `prev`: a role at the same
 * organisation (a promotion; "Rambler&Co" over two roles, the second
 * naming the department the first did), or an entry with one name only
 * (no role and employer both) whose dates lie within the unit's (a
 * project inside a role: moderncv's
 * "\\cventry{}{CI/CD}{2019-2020}" under the role that holds it). Its
 * order is the writer's way of telling that one role, not the order of
 * the section's roles. */
static bool timeline__joins(const RlsEntry *prev, const RlsEntry *e, const TlRange *u,
                            const TlRange *r) {
    if (timeline__same(prev->org, e->org)) return true;
    if (e->org && strlen(e->org) >= 4 &&
        ((prev->title && strstr(prev->title, e->org)) || (prev->org && strstr(prev->org, e->org))))
        return true;
    bool one_name = !e->org != !e->title;
    return one_name && r->start.hi >= u->start.lo && r->end.lo <= u->end.hi;
}

/* The dated entries of section s, in document order, split into groups
 * listed each on its own: an undated entry with a name ("Selected
 * consultancies") heads a new group, and so does an entry that starts
 * after every entry of an in-order group of two or more above it (the
 * projects listed after the roles under one heading). An entry that
 * repeats another's title and organisation (a template's gallery of one
 * role) is left out. Entries that join the one above (timeline__joins)
 * are one unit with it, ranged over all of them, compared as one. Returns
 * the count of units; idx, rng, group, merged (owned) get the index of
 * each unit's first entry, the unit's range, its group number and whether
 * it holds more than one entry. */
static uint32_t timeline__section_entries(const RlsResume *m, uint32_t s, int32_t today,
                                          uint32_t **idx, TlRange **rng, uint32_t **group,
                                          bool **merged) {
    const RlsSection *sec = &m->sections[s];
    uint32_t n = 0, g = 0, g_start = 0;
    size_t cap = sec->n_entries ? sec->n_entries : 1;
    *idx = rls_malloc(cap * sizeof(**idx));
    *rng = rls_malloc(cap * sizeof(**rng));
    *group = rls_malloc(cap * sizeof(**group));
    *merged = rls_malloc(cap * sizeof(**merged));
    const RlsEntry *last = NULL; /* the last entry of the unit being read */
    bool split = false;
    for (uint32_t k = 0; k < sec->n_entries; k++) {
        uint32_t i = sec->first_entry + k;
        if (i >= m->n_entries || m->entries[i].section != s) continue;
        const RlsEntry *e = &m->entries[i];
        bool repeated = false;
        for (uint32_t o = 0; o < sec->n_entries && !repeated; o++) {
            uint32_t j = sec->first_entry + o;
            repeated = j != i && j < m->n_entries &&
                       timeline__same(e->title, m->entries[j].title) &&
                       timeline__same(e->org, m->entries[j].org);
        }
        if (repeated) continue;
        TlRange r;
        if (!timeline__range(e, today, &r)) {
            if (e->title || e->org) split = n > g_start, last = NULL;
            continue;
        }
        if (last && !split && n && timeline__joins(last, e, &(*rng)[n - 1], &r)) {
            TlRange *u = &(*rng)[n - 1];
            if (r.start.lo < u->start.lo) u->start = r.start;
            if (r.end.hi > u->end.hi) u->end = r.end;
            u->single = false;
            (*merged)[n - 1] = true;
            last = e;
            continue;
        }
        last = e;
        if (!split && n - g_start >= 2) {
            bool in_order = true, restarts = true;
            for (uint32_t p = g_start; p < n; p++) {
                if (p > g_start && timeline__newer(&(*rng)[p], &(*rng)[p - 1])) in_order = false;
                if (r.start.lo <= (*rng)[p].start.hi) restarts = false;
            }
            split = in_order && restarts;
        }
        if (split) {
            g++;
            g_start = n;
            split = false;
        }
        (*idx)[n] = i;
        (*rng)[n] = r;
        (*group)[n] = g;
        (*merged)[n] = false;
        n++;
    }
    return n;
}

/* Marks in keep[] the longest run of entries (in document order) in which
 * no entry is newer than one above it; the others are out of place. Ties
 * keep the entries that come first. */
static void timeline__chain(const TlRange *r, uint32_t n, bool *keep) {
    uint32_t *len = rls_malloc(n * sizeof(*len));
    int32_t *prev = rls_malloc(n * sizeof(*prev));
    uint32_t best = 0;
    for (uint32_t i = 0; i < n; i++) {
        len[i] = 1;
        prev[i] = -1;
        for (uint32_t j = 0; j < i; j++) {
            if (timeline__newer(&r[i], &r[j]) || len[j] + 1 <= len[i]) continue;
            /* The whole chain before j must be in order with i too. */
            bool ok = true;
            for (int32_t k = prev[j]; k >= 0 && ok; k = prev[k])
                ok = !timeline__newer(&r[i], &r[k]);
            if (!ok) continue;
            len[i] = len[j] + 1;
            prev[i] = (int32_t)j;
        }
        if (len[i] > len[best]) best = i;
    }
    memset(keep, 0, n * sizeof(*keep));
    for (int32_t k = n ? (int32_t)best : -1; k >= 0; k = prev[k])
        keep[k] = true;
    rls_free(len);
    rls_free(prev);
}

/* The dated entries of a section, each group with its run kept in order. */
typedef struct {
    uint32_t *idx;
    TlRange *rng;
    uint32_t *group;
    bool *keep;
    bool *unordered; /* per entry: most of its group is out of place, so the
                        group follows another order (oldest first) */
    bool *merged;    /* the unit holds several entries of one employer */
    uint32_t n;
} TlList;

static bool timeline__list(const RlsResume *m, uint32_t s, TlList *l) {
    memset(l, 0, sizeof(*l));
    const RlsSection *sec = &m->sections[s];
    if (!timeline__ordered_kind(sec->kind) || timeline__mixed_heading(sec)) return false;
    /* The order is read in quadratic time; no resume lists this many
     * entries in one section, a generated document may. */
    if (sec->n_entries > TIMELINE_MAX_ORDERED) return false;
    /* Order never reads an open end's month: two open ends are equal. */
    l->n = timeline__section_entries(m, s, INT32_MAX / 2, &l->idx, &l->rng, &l->group, &l->merged);
    size_t cap = l->n ? l->n : 1;
    l->keep = rls_malloc(cap * sizeof(*l->keep));
    l->unordered = rls_malloc(cap * sizeof(*l->unordered));
    for (uint32_t a = 0; a < l->n;) {
        uint32_t b = a;
        while (b < l->n && l->group[b] == l->group[a])
            b++;
        timeline__chain(l->rng + a, b - a, l->keep + a);
        uint32_t out = 0;
        for (uint32_t j = a; j < b; j++)
            out += !l->keep[j];
        for (uint32_t j = a; j < b; j++)
            l->unordered[j] = out * 2 > b - a;
        a = b;
    }
    return true;
}

static void timeline__list_close(TlList *l) {
    rls_free(l->idx);
    rls_free(l->rng);
    rls_free(l->group);
    rls_free(l->keep);
    rls_free(l->unordered);
    rls_free(l->merged);
}

/* Position (into the list) of the entry misplaced entry j belongs above:
 * the first kept entry of its group it is newer than; -1: after the
 * group's last entry. *last gets the group's last position. */
static int32_t timeline__target_in(const TlList *l, uint32_t j, uint32_t *last) {
    int32_t t = -1;
    for (uint32_t k = 0; k < l->n; k++) {
        if (l->group[k] != l->group[j]) continue;
        *last = k;
        if (t < 0 && k != j && l->keep[k] && timeline__newer(&l->rng[j], &l->rng[k]))
            t = (int32_t)k;
    }
    return t;
}

bool rls_timeline_misplaced(const RlsResume *model, uint32_t entry, int32_t *before,
                            int32_t *after) {
    if (!model || entry >= model->n_entries) return false;
    const RlsEntry *e = &model->entries[entry];
    if (e->section >= model->n_sections) return false;
    TlList l;
    if (!timeline__list(model, e->section, &l)) return false;
    bool found = false;
    for (uint32_t j = 0; j < l.n; j++) {
        /* A unit of several entries moves as a block of them all: no one
         * entry's lines make the move. */
        if (l.idx[j] != entry || l.keep[j] || l.unordered[j] || l.merged[j]) continue;
        uint32_t last = j;
        int32_t t = timeline__target_in(&l, j, &last);
        if (before) *before = t >= 0 ? (int32_t)l.idx[t] : -1;
        if (after) *after = t >= 0 ? -1 : (int32_t)l.idx[last];
        found = true;
    }
    timeline__list_close(&l);
    return found;
}

static const char *timeline__name(const RlsEntry *e) {
    return e->title ? e->title : e->org ? e->org : "the next entry";
}

void rls_rules_timeline_order(RlsRulesCtx *ctx) {
    const RlsResume *m = ctx->model;
    for (uint32_t s = 0; s < m->n_sections; s++) {
        TlList l;
        if (!timeline__list(m, s, &l)) continue;
        const char *what =
            m->sections[s].kind == RLS_SECTION_EDUCATION ? "education" : "experience";
        for (uint32_t j = 0; j < l.n; j++) {
            if (l.keep[j]) continue;
            const RlsEntry *e = &m->entries[l.idx[j]];
            RlsBuf msg;
            rls_buf_init(&msg);
            if (l.unordered[j]) {
                /* Oldest first, or in some other order: one finding per
                 * group, at its first entry out of place. */
                bool first = true;
                for (uint32_t k = 0; k < j && first; k++)
                    first = l.group[k] != l.group[j] || l.keep[k];
                if (!first) {
                    rls_buf_close(&msg);
                    continue;
                }
                rls_rules_format(&msg,
                                 "These %s entries are not listed most recent first, the order "
                                 "recruiters and ATS read; put the latest first.",
                                 what);
            } else {
                uint32_t last = j;
                int32_t t = timeline__target_in(&l, j, &last);
                rls_rules_format(&msg, "\"");
                timeline__range_text(&msg, &e->dates);
                rls_rules_format(&msg,
                                 "\" is out of order: recruiters and ATS read %s most recent "
                                 "first; ",
                                 what);
                /* The place can be below the entry: it is older than one
                 * kept below it; "above" alone would name an entry it is
                 * already above. */
                if (t >= 0)
                    rls_rules_format(&msg, "move this entry %sabove \"%s\".",
                                     (uint32_t)t > j ? "down, " : "",
                                     timeline__name(&m->entries[l.idx[t]]));
                else
                    rls_rules_format(&msg, "move this entry below \"%s\".",
                                     timeline__name(&m->entries[l.idx[last]]));
            }
            timeline__push(ctx, RLS_RULE_ID(TIMELINE_ORDER), timeline__where(e), &msg);
        }
        timeline__list_close(&l);
    }
}

/* ---- timeline-gap ------------------------------------------------------------- */

typedef struct {
    TlRange r;
    uint32_t entry;
    bool job;
} TlItem;

static int timeline__by_start(const void *pa, const void *pb) {
    const TlItem *a = pa, *b = pb;
    if (a->r.start.lo != b->r.start.lo) return a->r.start.lo < b->r.start.lo ? -1 : 1;
    return a->entry < b->entry ? -1 : a->entry > b->entry;
}

/* Sections whose dates fill the time between two jobs: studies,
 * volunteering and dated projects are what one did then. */
static bool timeline__fills(RlsSectionKind kind) {
    return kind == RLS_SECTION_EXPERIENCE || kind == RLS_SECTION_EDUCATION ||
           kind == RLS_SECTION_VOLUNTEERING || kind == RLS_SECTION_PROJECTS;
}

void rls_rules_timeline_gap(RlsRulesCtx *ctx) {
    const RlsResume *m = ctx->model;
    int32_t today = timeline__today(ctx->config);
    double limit = rls_config_threshold_of(ctx->config, RLS_THRESHOLD_TIMELINE_GAP_MONTHS);
    TlItem *items = NULL;
    size_t n = 0, cap = 0;
    int32_t studies = 0;
    for (uint32_t i = 0; i < m->n_entries; i++) {
        const RlsEntry *e = &m->entries[i];
        if (e->section >= m->n_sections) continue;
        RlsSectionKind kind = m->sections[e->section].kind;
        if (!timeline__fills(kind)) continue;
        TlItem it = {.entry = i, .job = kind == RLS_SECTION_EXPERIENCE};
        if (!timeline__range(e, today, &it.r) || it.r.end.hi < it.r.start.lo) continue;
        /* Jobs held before the last degree ended are a student's: the
         * time between them was study. */
        if (kind == RLS_SECTION_EDUCATION && it.r.end.hi > studies) studies = it.r.end.hi;
        RLS_PUSH(items, n, cap, it);
    }
    if (n > 1) qsort(items, n, sizeof(*items), timeline__by_start);
    int32_t covered = 0; /* the latest month any earlier entry may reach */
    uint32_t covered_entry = 0;
    bool covered_job = false, covered_exact = false;
    for (size_t k = 0; k < n; k++) {
        const TlItem *it = &items[k];
        if (k > 0 && covered_job && it->job && covered >= studies) {
            int32_t gap = it->r.start.lo - covered - 1;
            if ((double)gap > limit) {
                RlsSpan at = timeline__where(&m->entries[it->entry]);
                bool exact = covered_exact && it->r.start.lo == it->r.start.hi;
                RlsBuf msg;
                rls_buf_init(&msg);
                rls_rules_format(&msg, "No role listed for %s%d months between \"",
                                 exact ? "" : "at least ", (int)gap);
                timeline__range_text(&msg, &m->entries[covered_entry].dates);
                rls_rules_format(&msg, "\" and \"");
                timeline__range_text(&msg, &m->entries[it->entry].dates);
                rls_rules_format(&msg,
                                 "\": recruiters often ask about gaps over %d months; a line on "
                                 "what you did then helps.",
                                 (int)limit);
                timeline__push(ctx, RLS_RULE_ID(TIMELINE_GAP), at, &msg);
            }
        }
        /* Ties go to a job: a role ending with a degree still ends a job. */
        if (k == 0 || it->r.end.hi > covered || (it->r.end.hi == covered && it->job)) {
            covered_job = it->job;
            covered = it->r.end.hi;
            covered_entry = it->entry;
            covered_exact = it->r.end.lo == it->r.end.hi;
        }
    }
    rls_free(items);
}
