/*
 * complete.c - completion candidates (keywords.h): strong action verbs at
 * the start of a bullet, ranked by what the bullet goes on to say, and
 * skills not yet listed after a comma in the Skills section.
 *
 * The context is read from the source line, not only from the model, so
 * that a bullet being typed ("- Re|") completes before the parser has made
 * a bullet of it.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keywords/kw_internal.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/text.h"

extern const unsigned char rls_data_verbs_txt[];

#define VERB_MAX 96
#define VERB_MAX_CUES 16
#define VERB_POOL_BYTES 8192
#define COMPLETE_MAX_ITEMS 50

typedef struct {
    const char *verb;
    const char *cues[VERB_MAX_CUES];
    uint32_t n_cues;
} VerbEntry;

static struct {
    VerbEntry verbs[VERB_MAX];
    uint32_t n;
    char pool[VERB_POOL_BYTES];
    size_t used;
} verbs;

static pthread_once_t verbs__once = PTHREAD_ONCE_INIT;

static const char *verbs__intern(const char *s, size_t len) {
    return rls_strpool_add(verbs.pool, VERB_POOL_BYTES, &verbs.used, s, len);
}

static void verbs__build(void) {
    const char *s = (const char *)rls_data_verbs_txt;
    while (*s) {
        const char *e = strchr(s, '\n');
        if (!e) e = s + strlen(s);
        const char *bar = memchr(s, '|', (size_t)(e - s));
        if (*s != '#' && bar && verbs.n < VERB_MAX) {
            const char *ve = bar;
            while (ve > s && ve[-1] == ' ')
                ve--;
            VerbEntry *v = &verbs.verbs[verbs.n];
            v->verb = verbs__intern(s, (size_t)(ve - s));
            const char *c = bar + 1;
            while (c < e && v->n_cues < VERB_MAX_CUES) {
                while (c < e && (*c == ' ' || *c == '\r'))
                    c++;
                const char *ce = c;
                while (ce < e && *ce != ' ' && *ce != '\r')
                    ce++;
                if (ce > c) v->cues[v->n_cues++] = verbs__intern(c, (size_t)(ce - c));
                c = ce;
            }
            if (v->verb) verbs.n++;
        }
        s = *e ? e + 1 : e;
    }
}

void rls_completion_list_init(RlsCompletionList *self) {
    memset(self, 0, sizeof(*self));
}

void rls_completion_list_close(RlsCompletionList *self) {
    for (size_t i = 0; i < self->len; i++) {
        rls_free(self->items[i].label);
        rls_free(self->items[i].detail);
    }
    rls_free(self->items);
    rls_completion_list_init(self);
}

static void complete__push(RlsCompletionList *out, const char *label, char *detail_owned,
                           double score) {
    RlsCompletionItem it = {rls_strdup(label), detail_owned, score};
    RLS_PUSH(out->items, out->len, out->cap, it);
}

static int complete__cmp(const void *a, const void *b) {
    const RlsCompletionItem *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return strcmp(x->label, y->label);
}

static bool complete__prefix(const char *word, const char *prefix, size_t plen) {
    for (size_t i = 0; i < plen; i++) {
        if (!word[i]) return false;
        if (rls_kw__lower((unsigned char)word[i]) != rls_kw__lower((unsigned char)prefix[i]))
            return false;
    }
    return true;
}

/* ---- Verbs -------------------------------------------------------------------- */

typedef struct {
    const char *categories[16];
    uint32_t n;
} CatSet;

static void complete__on_term(const RlsKwMatch *m, void *data) {
    CatSet *cs = data;
    const char *cat = rls_kw_get(m->term)->category;
    for (uint32_t i = 0; i < cs->n; i++)
        if (strcmp(cs->categories[i], cat) == 0) return;
    if (cs->n < RLS_ARRAY_LEN(cs->categories)) cs->categories[cs->n++] = cat;
}

/* The word of rest that starts with cue, or NULL: cue "latenc" finds
 * "latency". Returns its start and sets *wlen. */
static const char *complete__find_word(const char *rest, size_t len, const char *cue,
                                       size_t *wlen) {
    size_t cl = strlen(cue);
    for (size_t i = 0; i + cl <= len; i++) {
        if (i > 0 && rls_kw__is_word_cp((unsigned char)rest[i - 1]) &&
            (unsigned char)rest[i - 1] < 0x80)
            continue;
        if (!complete__prefix(rest + i, cue, cl)) continue;
        size_t e = i + cl;
        while (e < len && rls_kw__is_word_cp((unsigned char)rest[e]) &&
               (unsigned char)rest[e] < 0x80)
            e++;
        *wlen = e - i;
        return rest + i;
    }
    return NULL;
}

static bool complete__has_metric(const char *rest, size_t len) {
    for (size_t i = 0; i < len; i++)
        if ((rest[i] >= '0' && rest[i] <= '9') || rest[i] == '%' || rest[i] == '$') return true;
    return false;
}

int rls_complete_verbs(const char *prefix, size_t prefix_len, const char *rest, size_t rest_len,
                       RlsCompletionList *out) {
    pthread_once(&verbs__once, verbs__build);
    out->kind = RLS_COMPLETE_VERB;
    CatSet cats = {{0}, 0};
    if (rest && rest_len) rls_kw_scan(rest, rest_len, complete__on_term, &cats);
    bool metric = rest && complete__has_metric(rest, rest_len);
    size_t dummy;
    bool fromto = rest && complete__find_word(rest, rest_len, "from", &dummy) &&
                  complete__find_word(rest, rest_len, "to", &dummy);
    for (uint32_t v = 0; v < verbs.n; v++) {
        const VerbEntry *ve = &verbs.verbs[v];
        if (prefix_len && !complete__prefix(ve->verb, prefix, prefix_len)) continue;
        double score = (double)(verbs.n - v) / (verbs.n + 1.0); /* data order breaks ties */
        RlsBuf why;
        rls_buf_init(&why);
        uint32_t fits = 0;
        for (uint32_t c = 0; rest && c < ve->n_cues; c++) {
            const char *cue = ve->cues[c];
            char what[48] = "";
            if (strcmp(cue, "#metric") == 0) {
                if (metric) snprintf(what, sizeof(what), "a number");
            } else if (strcmp(cue, "#fromto") == 0) {
                if (fromto) snprintf(what, sizeof(what), "from ... to");
            } else if (cue[0] == '@') {
                for (uint32_t k = 0; k < cats.n; k++)
                    if (strcmp(cats.categories[k], cue + 1) == 0)
                        snprintf(what, sizeof(what), "a %s", cue + 1);
            } else {
                size_t wl;
                const char *w = complete__find_word(rest, rest_len, cue, &wl);
                if (w) snprintf(what, sizeof(what), "\"%.*s\"", (int)RLS_MIN(wl, 40u), w);
            }
            if (!what[0]) continue;
            score += 1.0;
            if (fits++ < 3) rls_buf_printf(&why, "%s%s", fits > 1 ? ", " : " \xc2\xb7 fits ", what);
        }
        RlsBuf detail;
        rls_buf_init(&detail);
        rls_buf_printf(&detail, "strong action verb%s", why.data ? why.data : "");
        rls_buf_close(&why);
        complete__push(out, ve->verb, rls_buf_detach(&detail), score);
    }
    if (out->len > 1) qsort(out->items, out->len, sizeof(out->items[0]), complete__cmp);
    return 0;
}

/* ---- Skills --------------------------------------------------------------------- */

/* Category words a Skills line label may use ("Databases:", "Cloud & DevOps:"). */
static const struct {
    const char *label_word; /* lower-case prefix */
    const char *category;
} complete__labels[] = {
    {"lang", "language"},
    {"framework", "framework"},
    {"librar", "library"},
    {"framework", "library"},
    {"data", "database"},
    {"data", "data"},
    {"storage", "database"},
    {"cloud", "cloud"},
    {"devops", "infrastructure"},
    {"devops", "ci-cd"},
    {"infra", "infrastructure"},
    {"platform", "infrastructure"},
    {"tool", "tool"},
    {"tool", "ci-cd"},
    {"messag", "messaging"},
    {"stream", "messaging"},
    {"observ", "observability"},
    {"monitor", "observability"},
    {"test", "testing"},
    {"ml", "ml"},
    {"machine", "ml"},
    {"ai", "ml"},
    {"mobile", "platform"},
    {"mobile", "framework"},
    {"secur", "security"},
    {"api", "api"},
    {"web", "framework"},
};

static bool complete__label_fits(const char *label, size_t len, const char *category) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(complete__labels); i++) {
        if (strcmp(complete__labels[i].category, category) != 0) continue;
        size_t wl;
        if (complete__find_word(label, len, complete__labels[i].label_word, &wl)) return true;
    }
    return false;
}

static bool complete__term_fits_prefix(const RlsKeyword *kw, const char *prefix, size_t plen) {
    if (!plen || complete__prefix(kw->name, prefix, plen)) return true;
    for (uint32_t a = 0; a < kw->n_aliases; a++)
        if (complete__prefix(rls_kw_alias(kw, a), prefix, plen)) return true;
    return false;
}

static void complete__skills(const RlsKwReport *r, const char *label, size_t label_len,
                             const char *prefix, size_t plen, RlsCompletionList *out) {
    out->kind = RLS_COMPLETE_SKILL;
    uint32_t n_terms = rls_kw_count();
    for (uint32_t t = 0; t < n_terms; t++) {
        const RlsKeyword *kw = rls_kw_get(t);
        const RlsKwTermStat *st = &r->terms[t];
        if (st->n_skills || !rls_kw_category_listable(kw->category)) continue;
        if (!complete__term_fits_prefix(kw, prefix, plen)) continue;
        double score = 0;
        RlsBuf d;
        rls_buf_init(&d);
        rls_buf_puts(&d, kw->category);
        if (st->jd_count) {
            score += 100 + st->jd_count;
            rls_buf_printf(&d, " \xc2\xb7 asked by the job description");
        }
        if (st->n_bullet) {
            score += 40;
            rls_buf_printf(&d, " \xc2\xb7 used in your bullets");
        }
        if (st->in_profile) score += 20;
        if (label_len && complete__label_fits(label, label_len, kw->category)) score += 15;
        /* With nothing typed, offer only what has a reason to be there. */
        if (!plen && score < 20) {
            rls_buf_close(&d);
            continue;
        }
        complete__push(out, kw->name, rls_buf_detach(&d), score);
    }
    for (size_t j = 0; j < r->jd.len; j++) {
        const RlsJdKeyword *k = &r->jd.items[j];
        if (k->term >= 0 || r->coverage[j].covered) continue;
        if (plen && !complete__prefix(k->text, prefix, plen)) continue;
        complete__push(out, k->text, rls_strdup("asked by the job description"), 100 + k->count);
    }
    if (out->len > 1) qsort(out->items, out->len, sizeof(out->items[0]), complete__cmp);
    while (out->len > COMPLETE_MAX_ITEMS) {
        out->len--;
        rls_free(out->items[out->len].label);
        rls_free(out->items[out->len].detail);
    }
}

/* ---- Context -------------------------------------------------------------------- */

static bool complete__is_letter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of a list marker at the start of line[0..len): "- ", "* ", "+ ",
 * "12. ", "\item ", "\resumeItem{", "\cvitem{"...; 0 when there is none. */
static size_t complete__marker(const char *line, size_t len) {
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (i < len && (line[i] == '-' || line[i] == '*' || line[i] == '+')) {
        if (i + 1 < len && line[i + 1] == ' ') return i + 2;
        if (i + 1 == len) return 0;
        return 0;
    }
    if (i < len && line[i] >= '0' && line[i] <= '9') {
        size_t d = i;
        while (d < len && line[d] >= '0' && line[d] <= '9')
            d++;
        if (d + 1 < len && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') return d + 2;
        return 0;
    }
    if (i < len && line[i] == '\\') {
        size_t e = i + 1;
        while (e < len && complete__is_letter((unsigned char)line[e]))
            e++;
        bool item = false;
        for (size_t k = i + 1; k + 4 <= e; k++)
            item |= complete__prefix(line + k, "item", 4);
        if (!item) return 0;
        if (e < len && line[e] == '{') return e + 1;
        if (e < len && line[e] == ' ') return e + 1;
        return 0;
    }
    return 0;
}

static int32_t complete__section_at(const RlsResume *model, uint32_t at_byte) {
    int32_t found = -1;
    for (uint32_t s = 0; s < model->n_sections; s++)
        if (model->sections[s].span.start_byte <= at_byte &&
            (at_byte < model->sections[s].span.end_byte ||
             (s + 1 == model->n_sections && at_byte <= model->sections[s].span.end_byte)))
            found = (int32_t)s;
    return found;
}

int rls_complete_at(const RlsResume *model, const char *src, uint32_t src_len, uint32_t at_byte,
                    const RlsConfig *config, RlsCompletionList *out) {
    rls_completion_list_close(out);
    if (!model || !src || at_byte > src_len) return 0;
    RlsSpan around = rls_line_span(src, src_len, at_byte);
    uint32_t ls = around.start_byte, le = around.end_byte;
    int32_t section = complete__section_at(model, at_byte);
    bool in_skills = section >= 0 && model->sections[section].kind == RLS_SECTION_SKILLS;
    const char *line = src + ls;
    size_t before = at_byte - ls;

    if (!in_skills) {
        size_t m = complete__marker(line, le - ls);
        if (m == 0 || m > before) return 0;
        size_t p = m;
        while (p < before && complete__is_letter((unsigned char)line[p]))
            p++;
        if (p != before) return 0; /* the cursor is past the first word */
        size_t we = before;
        while (ls + we < le && complete__is_letter((unsigned char)line[we]))
            we++;
        size_t rs = we;
        while (ls + rs < le && line[rs] == ' ')
            rs++;
        size_t re = le - ls;
        while (re > rs && (line[re - 1] == '}' || line[re - 1] == ' '))
            re--;
        rls_complete_verbs(line + m, before - m, line + rs, re - rs, out);
        out->replace = (RlsSpan){(uint32_t)(ls + m), (uint32_t)(ls + we)};
        return 0;
    }

    /* Skills: after the last separator before the cursor. */
    size_t sep = before;
    while (sep > 0 && line[sep - 1] != ',' && line[sep - 1] != ':' && line[sep - 1] != '|' &&
           line[sep - 1] != ';')
        sep--;
    if (sep == 0) return 0;
    size_t ps = sep;
    while (ps < before && line[ps] == ' ')
        ps++;
    for (size_t k = ps; k < before; k++)
        if (line[k] == '{' || line[k] == '}' || line[k] == '\\') return 0;
    /* The label is the text before the first colon ("Databases:"), markup
     * included; only its words matter. */
    const char *colon = memchr(line, ':', before);
    size_t label_len = colon ? (size_t)(colon - line) : 0;
    RlsKwReport r;
    rls_kw_report_init(&r);
    rls_kw_analyze(&r, model, config);
    complete__skills(&r, line, label_len, line + ps, before - ps, out);
    rls_kw_report_close(&r);
    size_t we = before;
    while (ls + we < le && line[we] != ',' && line[we] != ';' && line[we] != '|')
        we++;
    while (we > before && line[we - 1] == ' ')
        we--;
    out->replace = (RlsSpan){(uint32_t)(ls + ps), (uint32_t)(ls + we)};
    return 0;
}
