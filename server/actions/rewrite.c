/*
 * rewrite.c - the two rewrites that restructure a bullet: outcome to the
 * front, and weak opener to a strong verb; plus the pipeline that chains
 * every step for fix-all and the full rewrite.
 *
 * Every rewrite here copies the words of its input (tracked, so they can be
 * written back through the source map) and adds only verb forms of words
 * already there, a fixed connective ("by", "with", "using") or a strong verb
 * chosen from what the bullet says it worked on. Numbers are never made up.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "actions/actions_internal.h"
#include "rls/alloc.h"
#include "rls/rules.h"

/* ---- Shared helpers --------------------------------------------------------- */

const char *rls_verb_out(const RlsVerb *v, bool present) {
    return present ? v->base : v->past;
}

bool rls_word_past(const char *text, RlsTok tok, bool guess, RlsVerb *v) {
    return rls_verb_as(text + tok.start, tok.end - tok.start, RLS_VFORM_PAST, guess, v);
}

char *rls_title_replace(const char *old, size_t old_len, const char *new_text, size_t new_len) {
    RlsBuf b;
    rls_buf_init(&b);
    /* Lightbulb menus are one line: long quotes are cut at a word. */
    const size_t max = 60;
    while (old_len > 0 && old[old_len - 1] == ' ')
        old_len--;
    while (new_len > 0 && new_text[new_len - 1] == ' ')
        new_len--;
    rls_buf_puts(&b, "Replace “");
    rls_buf_append(&b, old, RLS_MIN(old_len, max));
    rls_buf_puts(&b, old_len > max ? "…” with “" : "” with “");
    rls_buf_append(&b, new_text, RLS_MIN(new_len, max));
    rls_buf_puts(&b, new_len > max ? "…”" : "”");
    return rls_buf_detach(&b);
}

/* "Rewrite as “…”"; a choice adds "if you did it yourself". */
static char *rewrite__title_as(const char *text, size_t len, bool choice) {
    RlsBuf b;
    rls_buf_init(&b);
    const size_t max = 70;
    size_t n = len;
    if (n > max) {
        n = max;
        while (n > 40 && text[n] != ' ')
            n--; /* cut at a word */
    }
    rls_buf_puts(&b, "Rewrite as “");
    rls_buf_append(&b, text, n);
    rls_buf_puts(&b, n < len ? "…”" : "”");
    if (choice) rls_buf_puts(&b, " if you did it yourself");
    return rls_buf_detach(&b);
}

void rls_tracked_copy_cap(RlsTracked *out, const RlsTracked *in, size_t start, size_t end,
                          bool cap) {
    if (start >= end) return;
    char c = in->text.data[start];
    if (cap && islower((unsigned char)c)) {
        char u = (char)toupper((unsigned char)c);
        rls_tracked_lit(out, &u, 1);
        rls_tracked_copy(out, in, start + 1, end);
    } else {
        rls_tracked_copy(out, in, start, end);
    }
}

/* Where the body ends: before a final ".", "!" or ";" (and spaces). */
/* Writes "<Verb> <rest of the clause> <connector> <who or what>": the
 * clause's own verb first, in the role's tense, then what it acted on, then
 * the party or tool the weak opener had put first ("Helped the team move X"
 * -> "Moved X with the team", "Used X to build Y" -> "Built Y using X"). */
static void rewrite__verb_first(const RlsStepIn *in, RlsStepOut *out, const RlsVerb *v,
                                size_t verb_end, size_t body_end, const char *connector,
                                size_t who_start, size_t who_end, RlsApplicability applicability) {
    RlsTracked *o = out->text;
    const RlsTracked *src = in->text;
    rls_tracked_lit_cap(o, rls_verb_out(v, in->present), true);
    rls_tracked_copy(o, src, verb_end, body_end);
    rls_tracked_puts(o, connector);
    rls_tracked_copy(o, src, who_start, who_end);
    rls_tracked_copy(o, src, body_end, src->text.len);
    out->title = rewrite__title_as(o->text.data, o->text.len, applicability == RLS_APPLY_CHOICE);
    out->applicability = applicability;
}

static size_t rewrite__body_end(const char *t, size_t n) {
    while (n > 0 && (t[n - 1] == '.' || t[n - 1] == '!' || t[n - 1] == ';' || t[n - 1] == ' '))
        n--;
    return n;
}

/* A gerund used as a verb here, not as a noun ("engineering tools"). */
static bool rewrite__gerund(const char *t, const RlsToks *w, size_t i, RlsVerb *v) {
    RlsTok tok = w->items[i];
    if (isupper((unsigned char)t[tok.start]) && i > 0) return false;
    if (!rls_verb_as(t + tok.start, tok.end - tok.start, RLS_VFORM_GERUND, true, v)) return false;
    static const char *const nounish[] = {
        "engineering", "marketing",  "planning",   "testing",    "training",   "programming",
        "accounting",  "building",   "hosting",    "scheduling", "monitoring", "logging",
        "networking",  "computing",  "streaming",  "tooling",    "funding",    "pricing",
        "recruiting",  "hiring",     "onboarding", "routing",    "caching",    "indexing",
        "rendering",   "messaging",  "ordering",   "billing",    "banking",    "shipping",
        "trading",     "reporting",  "modeling",   "processing", "learning",   "security",
        "alerting",    "consulting", "mentoring",  "staffing",   "packaging",  "branding",
        NULL};
    if (!rls_tok_in(t, tok, nounish)) return true;
    /* A noun-like gerund is a verb when an object phrase follows it. */
    static const char *const det[] = {
        "the", "a",   "an", "our",     "their",   "all",      "new",  "each",     "every", "its",
        "his", "her", "my", "various", "several", "multiple", "many", "numerous", "some",  NULL};
    return i + 1 < w->len &&
           (rls_tok_in(t, w->items[i + 1], det) || rls_tok_has_digit(t, w->items[i + 1]));
}

/* ---- Outcome first ---------------------------------------------------------- */

/* Verbs that state a result: a clause led by one of them is the outcome. */
static const char *const rewrite__result_verbs[] = {
    "reduce",   "cut",        "lower",   "decrease", "save",    "increase", "improve", "boost",
    "raise",    "grow",       "speed",   "shrink",   "halve",   "double",   "triple",  "eliminate",
    "drop",     "accelerate", "prevent", "avoid",    "free",    "shorten",  "slash",   "trim",
    "drive",    "generate",   "achieve", "recover",  "reclaim", "bring",    "lift",    "remove",
    "enable",   "keep",       "block",   "catch",    "absorb",  "sustain",  "expand",  "minimize",
    "maximize", "deliver",    NULL};

static bool rewrite__is_result_base(const char *base) {
    for (size_t i = 0; rewrite__result_verbs[i]; i++)
        if (strcmp(base, rewrite__result_verbs[i]) == 0) return true;
    return false;
}

static bool rewrite__has_digit(const char *t, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if (isdigit((unsigned char)t[i])) return true;
    return false;
}

/* A comma (and spaces) between two words. */
static bool rewrite__comma_before(const char *t, const RlsToks *w, size_t i) {
    if (i == 0) return false;
    for (uint32_t k = w->items[i - 1].end; k < w->items[i].start; k++)
        if (t[k] == ',') return true;
    return false;
}

/* Where the result of a lever-first bullet is said: "..., which cut X by
 * 40%", ", reducing X", "to speed up X", ", resulting in X" (drove: the
 * rewrite opens "Drove X"). */
typedef struct {
    size_t res_verb;      /* the word of the result's verb */
    size_t lever_end_tok; /* the last word of the lever */
    size_t np_tok;        /* when drove: the first word of what was driven */
    bool drove;
    RlsVerb result; /* when not drove: the result's verb */
} RewriteResult;

/* Finds the result clause after the lever's words; false when there is
 * none. */
static bool rewrite__find_result(const char *t, const RlsToks *w, RewriteResult *r) {
    for (size_t j = 1; j + 1 < w->len && !r->res_verb; j++) {
        RlsTok tj = w->items[j];
        bool comma = rewrite__comma_before(t, w, j);
        RlsVerb v;
        if (rls_tok_is(t, tj, "which") || rls_tok_is(t, tj, "that")) {
            RlsTok nx = w->items[j + 1];
            if ((rls_tok_is(t, nx, "resulted") && j + 2 < w->len &&
                 rls_tok_is(t, w->items[j + 2], "in")) ||
                (rls_tok_is(t, nx, "led") && j + 2 < w->len &&
                 rls_tok_is(t, w->items[j + 2], "to"))) {
                r->drove = true;
                r->np_tok = j + 3;
                r->res_verb = j + 1;
                r->lever_end_tok = j - 1;
            } else if (rls_word_past(t, nx, true, &v) && rewrite__is_result_base(v.base)) {
                r->res_verb = j + 1;
                r->lever_end_tok = j - 1;
                r->result = v;
            }
        } else if (comma && (rls_tok_is(t, tj, "resulting") || rls_tok_is(t, tj, "leading"))) {
            RlsTok nx = w->items[j + 1];
            if (rls_tok_is(t, nx, "in") || rls_tok_is(t, nx, "to")) {
                r->drove = true;
                r->np_tok = j + 2;
                r->res_verb = j;
                r->lever_end_tok = j - 1;
            }
        } else if (comma &&
                   rls_verb_as(t + tj.start, tj.end - tj.start, RLS_VFORM_GERUND, true, &v) &&
                   rewrite__is_result_base(v.base)) {
            r->res_verb = j;
            r->lever_end_tok = j - 1;
            r->result = v;
        } else if (j >= 2 && rls_tok_is(t, tj, "to")) {
            RlsTok nx = w->items[j + 1];
            if (rls_verb_as(t + nx.start, nx.end - nx.start, RLS_VFORM_BASE, false, &v) &&
                rewrite__is_result_base(v.base)) {
                r->res_verb = j + 1;
                r->lever_end_tok = j - 1;
                r->result = v;
            }
        }
    }
    return r->res_verb && r->lever_end_tok != 0 && !(r->drove && r->np_tok >= w->len);
}

bool rls_rewrite_outcome_first(const RlsStepIn *in, RlsStepOut *out) {
    if (in->alt != 0) return false;
    const RlsTracked *src = in->text;
    const char *t = src->text.data;
    size_t n = src->text.len;
    if (!t || n == 0) return false;
    RlsToks w = {0};
    rls_words_split(t, n, &w);
    bool ok = false;
    RlsVerb lever;
    if (w.len < 4) goto done;
    /* The bullet opens with the lever's verb, which is not itself a result. */
    RlsTok v0 = w.items[0];
    bool opener = rls_word_past(t, v0, true, &lever) ||
                  (in->present &&
                   rls_verb_as(t + v0.start, v0.end - v0.start, RLS_VFORM_BASE, false, &lever));
    if (!opener || rewrite__is_result_base(lever.base)) goto done;

    size_t body_end = rewrite__body_end(t, n);
    RewriteResult r = {0};
    if (!rewrite__find_result(t, &w, &r)) goto done;
    size_t res_verb = r.res_verb, lever_end_tok = r.lever_end_tok, np_tok = r.np_tok;
    bool drove = r.drove;

    /* The result clause runs to the next ", <gerund>" or the end. */
    size_t clause_end = body_end;
    for (size_t j = res_verb + 1; j < w.len; j++) {
        if (w.items[j].start >= body_end) break;
        RlsVerb v;
        RlsTok tj = w.items[j];
        if (rewrite__comma_before(t, &w, j) &&
            rls_verb_as(t + tj.start, tj.end - tj.start, RLS_VFORM_GERUND, true, &v)) {
            clause_end = w.items[j - 1].end;
            break;
        }
    }
    size_t res_start = drove ? w.items[np_tok].start : w.items[res_verb].end;
    if (!rewrite__has_digit(t, res_start, clause_end)) goto done;
    /* A result that already says "by <gerund>" would get two. */
    for (size_t j = res_verb + 1; j + 1 < w.len && w.items[j].end <= clause_end; j++) {
        RlsVerb v;
        RlsTok nx = w.items[j + 1];
        if (rls_tok_is(t, w.items[j], "by") &&
            rls_verb_as(t + nx.start, nx.end - nx.start, RLS_VFORM_GERUND, true, &v))
            goto done;
    }

    RlsTracked *o = out->text;
    if (drove) {
        rls_tracked_puts(o, in->present ? "Drive " : "Drove ");
        rls_tracked_copy(o, src, res_start, clause_end);
    } else {
        rls_tracked_lit_cap(o, rls_verb_out(&r.result, in->present), true);
        rls_tracked_copy(o, src, res_start, clause_end);
    }
    rls_tracked_puts(o, " by ");
    rls_tracked_puts(o, lever.gerund);
    /* The lever, with coordinated verbs as gerunds too: "ran X and fixed
     * Y" -> "running X and fixing Y". */
    size_t at = v0.end;
    for (size_t j = 1; j + 1 <= lever_end_tok; j++) {
        RlsVerb cv;
        RlsTok nx = w.items[j + 1];
        if (!rls_tok_is(t, w.items[j], "and") || !rls_word_past(t, nx, false, &cv)) continue;
        rls_tracked_copy(o, src, at, nx.start);
        rls_tracked_puts(o, cv.gerund);
        at = nx.end;
    }
    rls_tracked_copy(o, src, at, w.items[lever_end_tok].end);
    rls_tracked_copy(o, src, clause_end, body_end);
    rls_tracked_copy(o, src, body_end, n);
    out->title = rewrite__title_as(o->text.data, o->text.len, false);
    out->applicability = RLS_APPLY_SAFE;
    ok = true;
done:
    rls_toks_close(&w);
    return ok;
}

/* ---- Weak opener ------------------------------------------------------------- */

typedef enum {
    OPENER_OWN,    /* "Responsible for", "In charge of": the person owned it */
    OPENER_PART,   /* "Worked on", "Participated in": took part */
    OPENER_ASSIST, /* "Helped with", "Assisted in": helped someone else */
    OPENER_CONTRIB,
    OPENER_HELP, /* "Helped reduce", "Assisted X in debugging" */
    OPENER_USE,  /* "Used X to build Y" */
    OPENER_WITH, /* "Worked closely with X to ship Y" */
    OPENER_HANDLED,
} RewriteOpenerKind;

typedef struct {
    const char *phrase; /* lower case, words separated by one space */
    RewriteOpenerKind kind;
} RewriteOpener;

/* Longest phrases first: the first match wins. */
static const RewriteOpener rewrite__openers[] = {
    {"played a key role in", OPENER_PART},
    {"played a role in", OPENER_PART},
    {"played a part in", OPENER_PART},
    {"worked closely with", OPENER_WITH},
    {"collaborated closely with", OPENER_WITH},
    {"responsibilities included", OPENER_OWN},
    {"responsibilities include", OPENER_OWN},
    {"duties included", OPENER_OWN},
    {"duties include", OPENER_OWN},
    {"responsible for", OPENER_OWN},
    {"accountable for", OPENER_OWN},
    {"in charge of", OPENER_OWN},
    {"charged with", OPENER_OWN},
    {"tasked with", OPENER_OWN},
    {"assigned to", OPENER_OWN},
    {"worked on", OPENER_PART},
    {"working on", OPENER_PART},
    {"work on", OPENER_PART},
    {"participated in", OPENER_PART},
    {"involved in", OPENER_PART},
    {"took part in", OPENER_PART},
    {"engaged in", OPENER_PART},
    {"part of", OPENER_PART},
    {"contributed to", OPENER_CONTRIB},
    {"helped with", OPENER_ASSIST},
    {"helped in", OPENER_ASSIST},
    {"assisted with", OPENER_ASSIST},
    {"assisted in", OPENER_ASSIST},
    {"aided in", OPENER_ASSIST},
    {"worked with", OPENER_WITH},
    {"collaborated with", OPENER_WITH},
    {"helped to", OPENER_HELP},
    {"helped", OPENER_HELP},
    {"helping", OPENER_HELP},
    {"helps", OPENER_HELP},
    {"help", OPENER_HELP},
    {"assisted", OPENER_HELP},
    {"assists", OPENER_HELP},
    {"assist", OPENER_HELP},
    {"aided", OPENER_HELP},
    {"supported", OPENER_HELP},
    {"used", OPENER_USE},
    {"utilized", OPENER_USE},
    {"utilised", OPENER_USE},
    {"leveraged", OPENER_USE},
    {"employed", OPENER_USE},
    {"handled", OPENER_HANDLED},
};

/* Matches phrase (words split by single spaces) at word i; returns the
 * number of words, 0 when it does not match. */
static size_t rewrite__match(const char *t, const RlsToks *w, size_t i, const char *phrase) {
    size_t k = 0;
    const char *p = phrase;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if (i + k >= w->len) return 0;
        RlsTok tok = w->items[i + k];
        if (tok.end - tok.start != len || strncasecmp(t + tok.start, p, len) != 0) return 0;
        /* Words of a phrase are separated by plain spaces only. */
        if (k > 0 && w->items[i + k - 1].end + 1 != tok.start) return 0;
        k++;
        p += len;
        if (*p == ' ') p++;
    }
    return k;
}

typedef enum {
    HEAD_NONE,
    HEAD_OUTCOME,
    HEAD_PROJECT,
    HEAD_ARTIFACT,
    HEAD_ACTIVITY,
    HEAD_MEETING,
    HEAD_PEOPLE
} RewriteHead;

static const char *const rewrite__stop[] = {
    "with",  "for",     "to",      "in",    "on",     "at",  "of", "and",  "by",
    "using", "across",  "from",    "into",  "within", "via", "as", "that", "which",
    "under", "between", "through", "while", "during", "so",  NULL};

static bool rewrite__in_list(const char *t, RlsTok tok, const char *const *list) {
    if (rls_tok_in(t, tok, list)) return true;
    /* Plural: "APIs", "services", "libraries". */
    size_t n = tok.end - tok.start;
    if (n > 3 && t[tok.end - 1] == 's') {
        RlsTok s = {tok.start, tok.end - 1};
        if (rls_tok_in(t, s, list)) return true;
        if (n > 4 && t[tok.end - 3] == 'i' && t[tok.end - 2] == 'e') {
            /* "libraries" -> "librar" + y: compare by hand. */
            for (const char *const *l = list; *l; l++) {
                size_t k = strlen(*l);
                if (k == n - 2 && (*l)[k - 1] == 'y' && strncasecmp(t + tok.start, *l, k - 1) == 0)
                    return true;
            }
        }
    }
    return false;
}

/* The head noun of the phrase starting at word i, and its class. */
static RewriteHead rewrite__head(const char *t, const RlsToks *w, size_t i, size_t body_end) {
    size_t last = i;
    for (size_t k = i; k < w->len && w->items[k].start < body_end; k++) {
        if (k > i && rls_tok_in(t, w->items[k], rewrite__stop)) break;
        last = k;
        /* A comma or other punctuation ends the phrase. */
        if (k + 1 < w->len && w->items[k].end + 1 != w->items[k + 1].start) break;
        if (k + 1 < w->len && t[w->items[k].end] != ' ') break;
    }
    RlsTok h = w->items[last];
    static const char *const outcome[] = {"reduction", "increase", "improvement", "drop",
                                          "decrease",  "growth",   "savings",     "saving",
                                          "gain",      "boost",    "rise",        "uplift",
                                          "speedup",   "speed-up", NULL};
    static const char *const project[] = {
        "migration",     "redesign",   "rollout",     "launch", "upgrade",    "rewrite",
        "overhaul",      "initiative", "project",     "effort", "transition", "rebuild",
        "modernization", "refactor",   "refactoring", "revamp", "adoption",   "expansion",
        "consolidation", "cutover",    NULL};
    static const char *const artifact[] = {
        "api",         "service",   "page",      "feature",        "tool",
        "pipeline",    "library",   "app",       "application",    "platform",
        "system",      "dashboard", "component", "website",        "site",
        "backend",     "frontend",  "database",  "infrastructure", "sdk",
        "cli",         "bot",       "engine",    "module",         "portal",
        "integration", "framework", "plugin",    "extension",      "widget",
        "flow",        "checkout",  "endpoint",  "microservice",   "schema",
        "interface",   "ui",        "product",   "prototype",      "script",
        "workflow",    "report",    "model",     "cluster",        "suite",
        "layer",       "tests",     "test",      "docs",           NULL};
    static const char *const activity[] = {
        "review",        "reviews",       "planning",     "testing",     "debugging",
        "documentation", "ticket",        "issue",        "bug",         "incident",
        "meeting",       "interview",     "on-call",      "hiring",      "onboarding",
        "support",       "operations",    "maintenance",  "deployment",  "release",
        "task",          "retrospective", "standup",      "sprint",      "triage",
        "outage",        "escalation",    "request",      "audit",       "analysis",
        "research",      "design",        "architecture", "reliability", "performance",
        "security",      "monitoring",    "migrations",   NULL};
    /* Talk, where the honest verb depends on the part played. */
    static const char *const meeting[] = {"discussion", "meeting", "conversation",
                                          "workshop",   "session", "brainstorm",
                                          "call",       "sync",    NULL};
    static const char *const people[] = {"team",  "group", "squad",        "committee",
                                         "guild", "org",   "organization", "department",
                                         "unit",  "crew",  "staff",        NULL};
    if (rewrite__in_list(t, h, outcome)) return HEAD_OUTCOME;
    if (rewrite__in_list(t, h, project)) return HEAD_PROJECT;
    if (rewrite__in_list(t, h, people)) return HEAD_PEOPLE;
    if (rewrite__in_list(t, h, artifact)) return HEAD_ARTIFACT;
    if (rewrite__in_list(t, h, meeting)) return HEAD_MEETING;
    if (rewrite__in_list(t, h, activity)) return HEAD_ACTIVITY;
    return HEAD_NONE;
}

/* Whether word m is a bare infinitive after a noun phrase ("the team
 * move", "engineers debug"): a listed base form that is not also a past
 * form, right after a word that is not a determiner ("the support team":
 * "support" is the noun's modifier), with a word after it, and no
 * punctuation before it. */
static bool rewrite__bare_verb(const char *t, const RlsToks *w, size_t m) {
    static const char *const det[] = {"the",  "a",     "an",   "our", "their", "my",
                                      "his",  "her",   "its",  "all", "some",  "several",
                                      "many", "every", "each", "new", NULL};
    if (m == 0 || m + 1 >= w->len) return false;
    RlsTok tm = w->items[m], prev = w->items[m - 1];
    if (prev.end + 1 != tm.start || t[prev.end] != ' ') return false;
    if (rls_tok_in(t, prev, det) || rls_tok_in(t, prev, rewrite__stop)) return false;
    RlsVerb v;
    if (!rls_verb_as(t + tm.start, tm.end - tm.start, RLS_VFORM_BASE, false, &v)) return false;
    if (rls_verb_as(t + tm.start, tm.end - tm.start, RLS_VFORM_PAST, false, &v)) return false;
    return true;
}

/* Writes "<Verb> <rest of the bullet from byte from>". */
static void rewrite__verb_then(RlsTracked *o, const RlsTracked *src, const char *verb,
                               size_t from) {
    rls_tracked_lit_cap(o, verb, true);
    rls_tracked_copy(o, src, from, src->text.len);
}

/* Titles the rewrite in out and grades it. A CHOICE says it is one: a verb
 * chosen for a noun phrase ("Replace “Worked on” with a verb that says what
 * you did: “Built”"), or a verb of the bullet's own that claims more than
 * the phrase it loses ("… with “Cut” if you did it yourself"). */
static bool rewrite__emit(const RlsStepIn *in, RlsStepOut *out, size_t old_end,
                          RlsApplicability applicability, bool chosen) {
    const char *t = in->text->text.data;
    size_t new_len = out->text->text.len - (in->text->text.len - old_end);
    if (applicability != RLS_APPLY_CHOICE) {
        out->title = rls_title_replace(t, old_end, out->text->text.data, new_len);
    } else {
        size_t a = old_end, b = new_len;
        while (a > 0 && t[a - 1] == ' ')
            a--;
        while (b > 0 && out->text->text.data[b - 1] == ' ')
            b--;
        out->title = chosen
                         ? rls_strfmt("Replace “%.*s” with a verb that says what you did: “%.*s”",
                                      (int)a, t, (int)b, out->text->text.data)
                         : rls_strfmt("Replace “%.*s” with “%.*s” if you did it yourself", (int)a,
                                      t, (int)b, out->text->text.data);
    }
    out->applicability = applicability;
    return true;
}

/* The strongest class a choice may offer for a phrase of class source:
 * leadership only for ownership phrases, ownership only for phrases that
 * claim the work itself ("Tasked with"), else execution. */
static RlsStrength rewrite__choice_cap(RlsStrength source) {
    return source >= RLS_STRENGTH_OWNERSHIP   ? RLS_STRENGTH_LEADERSHIP
           : source == RLS_STRENGTH_EXECUTION ? RLS_STRENGTH_OWNERSHIP
                                              : RLS_STRENGTH_EXECUTION;
}

/* Whether verb may be offered at all for a phrase of class source. */
static bool rewrite__offerable(const char *verb, RlsStrength source) {
    return rls_strength_of_written(verb) <= rewrite__choice_cap(source);
}

/* SAFE when the verb written claims no more than the phrase it replaces
 * (data/verb-strength.tsv), else a CHOICE. */
static RlsApplicability rewrite__grade(const char *verb, RlsStrength source) {
    return rls_strength_of_written(verb) <= source ? RLS_APPLY_SAFE : RLS_APPLY_CHOICE;
}

/* A weak opener found in a bullet and what rewriting it reads; the
 * rewrites read it as it is, none copies it into locals. */
typedef struct {
    const RlsStepIn *in;
    RlsStepOut *out;
    const RlsTracked *src; /* in->text */
    RlsTracked *o;         /* out->text */
    const char *t;         /* src's text, n bytes */
    size_t n;
    const RlsToks *w; /* t's words */
    const RewriteOpener *op;
    size_t phrase;      /* the phrase's first word (an auxiliary before it: 1) */
    size_t next;        /* the first word after the phrase */
    RlsTok nt;          /* that word */
    size_t body_end;    /* the end of the text before closing punctuation */
    RlsStrength source; /* what the phrase claims: the ceiling of a SAFE fix */
    int alt;            /* in->alt: which of the rewrites offered */
} RewriteWeak;

/* The listed opener that starts words w, at word 0 or after an auxiliary
 * ("Was involved in"): *at gets its first word, *len its length in words;
 * NULL when none does. */
static const RewriteOpener *rewrite__find_opener(const char *t, const RlsToks *w, size_t *at,
                                                 size_t *len) {
    static const char *const aux[] = {"was", "were", "am", "is", "are", "been", NULL};
    for (size_t start = 0; start < 2; start++) {
        if (start == 1 && !rls_tok_in(t, w->items[0], aux)) break;
        for (size_t p = 0; p < RLS_ARRAY_LEN(rewrite__openers); p++) {
            size_t m = rewrite__match(t, w, start, rewrite__openers[p].phrase);
            if (m) {
                *at = start;
                *len = m;
                return &rewrite__openers[p];
            }
        }
    }
    return NULL;
}

/* "Responsible for", "Worked on", "Assisted with", "Contributed to": the
 * bullet's own gerund becomes the verb ("Responsible for migrating X" ->
 * "Migrated X"), else a verb is chosen for the noun phrase that follows. */
static bool rewrite__weak_own(const RewriteWeak *wk) {
    RlsVerb v;
    if (rewrite__gerund(wk->t, wk->w, wk->next, &v)) {
        /* "Responsible for migrating X" -> "Migrated X": the verb is
         * the bullet's own; safe unless it claims more than the phrase
         * ("Worked on migrating X" -> "Migrated X" is a choice). */
        if (wk->alt != 0 || !rewrite__offerable(v.base, wk->source)) return false;
        rewrite__verb_then(wk->o, wk->src, rls_verb_out(&v, wk->in->present), wk->nt.end);
        return rewrite__emit(wk->in, wk->out, wk->nt.end, rewrite__grade(v.base, wk->source),
                             false);
    }
    RewriteHead head = rewrite__head(wk->t, wk->w, wk->next, wk->body_end);
    if (head == HEAD_PEOPLE) return false; /* "Was part of the team": nothing to claim */
    if (wk->op->kind == OPENER_CONTRIB && head == HEAD_PROJECT)
        return false; /* "Shipped [N] changes to the migration" reads as nonsense */
    /* A noun phrase follows: any verb is chosen, not read. The one
     * verb that restates an ownership phrase ("In charge of X" ->
     * "Owned X", "Responsible for a 40% reduction" -> "Drove a 40%
     * reduction") comes first and is safe; the rest are choices, and
     * never claim leadership for less than ownership, nor ownership
     * for mere participation. */
    const char *candidates[8];
    size_t count = 0;
    const char *equiv = NULL;
    /* Not before an "-ing" word ("Responsible for testing"): "Owned
     * testing" may not be what the phrase meant. */
    RlsVerb ger;
    bool ing =
        rls_verb_as(wk->t + wk->nt.start, wk->nt.end - wk->nt.start, RLS_VFORM_GERUND, true, &ger);
    if (wk->source == RLS_STRENGTH_OWNERSHIP && !ing)
        equiv = head == HEAD_OUTCOME ? "drove" : "owned";
    if (equiv) candidates[count++] = equiv;
    static const char *const outcome[] = {"drove", "delivered", "contributed to", NULL};
    static const char *const project[] = {"delivered", "drove", "led", "contributed to", NULL};
    static const char *const artifact[] = {"built",   "developed",      "designed",
                                           "shipped", "contributed to", NULL};
    static const char *const activity[] = {"conducted", "ran", "led", "contributed to", NULL};
    static const char *const meeting[] = {"facilitated", "led", "contributed to", NULL};
    static const char *const contrib[] = {"shipped [N] [changes] to", "built [features] for", NULL};
    static const char *const other[] = {"built", "developed", "delivered", "contributed to", NULL};
    static const char *const own[] = {"led", "managed", NULL};
    const char *const *verbs = other;
    if (head == HEAD_OUTCOME)
        verbs = outcome;
    else if (wk->op->kind == OPENER_CONTRIB)
        verbs = contrib;
    else if (wk->source == RLS_STRENGTH_OWNERSHIP)
        verbs = own;
    else if (head == HEAD_PROJECT)
        verbs = project;
    else if (head == HEAD_ARTIFACT)
        verbs = artifact;
    else if (head == HEAD_ACTIVITY)
        verbs = activity;
    else if (head == HEAD_MEETING)
        verbs = meeting;
    for (size_t c = 0; verbs[c] && count < RLS_ARRAY_LEN(candidates); c++) {
        if (!rewrite__offerable(verbs[c], wk->source)) continue;
        if (equiv && !strcmp(verbs[c], equiv)) continue;
        /* "Contributed to X" for "Contributed to X" changes nothing. */
        if (!strncmp(verbs[c], "contributed to", 14) && wk->op->kind == OPENER_CONTRIB) continue;
        candidates[count++] = verbs[c];
    }
    if (wk->alt < 0 || (size_t)wk->alt >= count) return false;
    const char *verb = candidates[wk->alt];
    bool safe = equiv && wk->alt == 0 && rewrite__grade(verb, wk->source) == RLS_APPLY_SAFE;
    char form[64];
    if (wk->in->present) {
        /* "owned" -> "own", keeping a trailing preposition phrase. */
        const char *sp = strchr(verb, ' ');
        size_t vn = sp ? (size_t)(sp - verb) : strlen(verb);
        RlsVerb pv;
        if (rls_verb_as(verb, vn, RLS_VFORM_PAST, false, &pv)) {
            snprintf(form, sizeof form, "%s%s", pv.base, sp ? sp : "");
            verb = form;
        }
    }
    rls_tracked_lit_cap(wk->o, verb, true);
    rls_tracked_lit(wk->o, " ", 1);
    rls_tracked_copy(wk->o, wk->src, wk->nt.start, wk->n);
    return rewrite__emit(wk->in, wk->out, wk->nt.start, safe ? RLS_APPLY_SAFE : RLS_APPLY_CHOICE,
                         true);
}

/* "Helped cut X" -> "Cut X"; "Assisted senior engineers in debugging X" ->
 * "Debugged X with senior engineers". */
static bool rewrite__weak_help(const RewriteWeak *wk) {
    RlsVerb v;
    /* "Helped cut X" -> "Cut X" (help only: "supported release ..." is
     * a noun phrase). */
    bool help = rls_tok_in(wk->t, wk->w->items[wk->phrase],
                           (const char *const[]){"helped", "helping", "helps", "help", NULL});
    /* The verb it leaves must not be weak itself ("Helped support
     * users" -> "Supported users" fixes nothing). */
    static const char *const weak[] = {"support",    "assist",  "help", "handle",
                                       "use",        "utilize", "work", "participate",
                                       "contribute", "aid",     NULL};
    if (help &&
        rls_verb_as(wk->t + wk->nt.start, wk->nt.end - wk->nt.start, RLS_VFORM_BASE, false, &v) &&
        !rewrite__gerund(wk->t, wk->w, wk->next, &(RlsVerb){0})) {
        if (rls_tok_in(v.base, (RlsTok){0, (uint32_t)strlen(v.base)}, weak)) return false;
        if (wk->alt != 0 || !rewrite__offerable(v.base, wk->source)) return false;
        /* "Helped cut X" -> "Cut X" drops the help: the whole result
         * becomes the writer's, a stronger claim. */
        rewrite__verb_then(wk->o, wk->src, rls_verb_out(&v, wk->in->present), wk->nt.end);
        return rewrite__emit(wk->in, wk->out, wk->nt.end, rewrite__grade(v.base, wk->source),
                             false);
    }
    /* "Assisted senior engineers in debugging X" -> "Debugged X with
     * senior engineers". Not for "supported": supporting users so
     * that they can do something is not doing it. */
    if (rls_tok_is(wk->t, wk->w->items[wk->phrase], "supported")) return false;
    for (size_t m = wk->next; m + 1 < wk->w->len && m < wk->next + 6; m++) {
        RlsTok tm = wk->w->items[m];
        /* The helped party is a short noun phrase. */
        if (m > wk->next && rls_tok_in(wk->t, tm, rewrite__stop) && !rls_tok_is(wk->t, tm, "in") &&
            !rls_tok_is(wk->t, tm, "with") && !rls_tok_is(wk->t, tm, "to"))
            break;
        /* "in debugging X", "with migrating X", "to move X": the verb
         * follows the helped party. */
        bool found = m > wk->next &&
                     (rls_tok_is(wk->t, tm, "in") || rls_tok_is(wk->t, tm, "with")) &&
                     rewrite__gerund(wk->t, wk->w, m + 1, &v);
        if (!found && help && m > wk->next && rewrite__bare_verb(wk->t, wk->w, m)) {
            /* "Helped the team move X" -> "Moved X with the team":
             * the bare infinitive after the helped party. */
            RlsTok vt = wk->w->items[m];
            rls_verb_as(wk->t + vt.start, vt.end - vt.start, RLS_VFORM_BASE, false, &v);
            if (rls_tok_in(v.base, (RlsTok){0, (uint32_t)strlen(v.base)}, weak)) return false;
            if (wk->alt != 0 || !rewrite__offerable(v.base, wk->source)) return false;
            rewrite__verb_first(wk->in, wk->out, &v, vt.end, wk->body_end, " with ", wk->nt.start,
                                wk->w->items[m - 1].end, rewrite__grade(v.base, wk->source));
            return true;
        }
        if (!found)
            found = m > wk->next && rls_tok_is(wk->t, tm, "to") &&
                    rls_verb_as(wk->t + wk->w->items[m + 1].start,
                                wk->w->items[m + 1].end - wk->w->items[m + 1].start, RLS_VFORM_BASE,
                                false, &v);
        if (!found) {
            if (rewrite__comma_before(wk->t, wk->w, m + 1)) break;
            continue;
        }
        if (wk->alt != 0 || !rewrite__offerable(v.base, wk->source)) return false;
        rewrite__verb_first(wk->in, wk->out, &v, wk->w->items[m + 1].end, wk->body_end, " with ",
                            wk->nt.start, wk->w->items[m - 1].end,
                            rewrite__grade(v.base, wk->source));
        return true;
    }
    return false;
}

/* "Used X to develop Y" -> "Developed Y using X". */
static bool rewrite__weak_use(const RewriteWeak *wk) {
    RlsVerb v;
    /* "Used X to develop Y" -> "Developed Y using X". */
    for (size_t m = wk->next + 1; m + 1 < wk->w->len && m < wk->next + 12; m++) {
        RlsTok nx = wk->w->items[m + 1];
        if (!rls_tok_is(wk->t, wk->w->items[m], "to")) continue;
        if (!rls_verb_as(wk->t + nx.start, nx.end - nx.start, RLS_VFORM_BASE, false, &v)) break;
        if (wk->alt != 0 || !rewrite__offerable(v.base, wk->source)) return false;
        /* "Used X to develop Y": developing is the bullet's own claim. */
        rewrite__verb_first(wk->in, wk->out, &v, nx.end, wk->body_end, " using ", wk->nt.start,
                            wk->w->items[m - 1].end, rewrite__grade(v.base, wk->source));
        return true;
    }
    return false;
}

/* "Worked closely with product to launch X": "Partnered with product to
 * launch X", or the outcome first: "Launched X, partnering with product". */
static bool rewrite__weak_with(const RewriteWeak *wk) {
    RlsVerb v;
    /* "Worked closely with product to launch X": "Partnered with
     * product to launch X", or the outcome first: "Launched X,
     * partnering with product". */
    size_t to = 0;
    for (size_t m = wk->next + 1; m + 1 < wk->w->len && m < wk->next + 8; m++) {
        if (rewrite__comma_before(wk->t, wk->w, m)) break;
        if (rls_tok_is(wk->t, wk->w->items[m], "to")) {
            RlsTok nx = wk->w->items[m + 1];
            if (rls_verb_as(wk->t + nx.start, nx.end - nx.start, RLS_VFORM_BASE, false, &v)) to = m;
            break;
        }
    }
    if (wk->alt == 0) {
        /* "Partnered with" restates "worked with" (both contribution). */
        rls_tracked_puts(wk->o, wk->in->present ? "Partner with " : "Partnered with ");
        rls_tracked_copy(wk->o, wk->src, wk->nt.start, wk->n);
        return rewrite__emit(wk->in, wk->out, wk->nt.start, rewrite__grade("partnered", wk->source),
                             false);
    }
    if (wk->alt == 1 && to) {
        RlsTok vt = wk->w->items[to + 1];
        rls_tracked_lit_cap(wk->o, rls_verb_out(&v, wk->in->present), true);
        rls_tracked_copy(wk->o, wk->src, vt.end, wk->body_end);
        rls_tracked_puts(wk->o, ", partnering with ");
        rls_tracked_copy(wk->o, wk->src, wk->nt.start, wk->w->items[to - 1].end);
        rls_tracked_copy(wk->o, wk->src, wk->body_end, wk->n);
        wk->out->title = rewrite__title_as(wk->o->text.data, wk->o->text.len, true);
        wk->out->applicability = RLS_APPLY_CHOICE; /* the shared work becomes the writer's */
        return true;
    }
    return false;
}

/* "Handled tickets" -> "Resolved tickets" or "Triaged tickets"; "Handled
 * the budget" -> "Managed" or "Owned". */
static bool rewrite__weak_handled(const RewriteWeak *wk) {
    RewriteHead head = rewrite__head(wk->t, wk->w, wk->next, wk->body_end);
    static const char *const fixes[] = {"ticket",  "issue",      "bug",       "incident",
                                        "request", "escalation", "complaint", "report",
                                        "outage",  "case",       NULL};
    size_t last = wk->next;
    while (last + 1 < wk->w->len && !rls_tok_in(wk->t, wk->w->items[last + 1], rewrite__stop) &&
           wk->w->items[last].end + 1 == wk->w->items[last + 1].start)
        last++;
    bool fixing = rewrite__in_list(wk->t, wk->w->items[last], fixes);
    (void)head;
    const char *const *verbs = fixing ? (const char *const[]){"resolved", "triaged", NULL}
                                      : (const char *const[]){"managed", "owned", NULL};
    /* "Handled" is execution: no "Managed" among the choices. */
    const char *kept[2];
    int n_kept = 0;
    for (size_t c = 0; verbs[c]; c++)
        if (rewrite__offerable(verbs[c], wk->source)) kept[n_kept++] = verbs[c];
    if (wk->alt < 0 || wk->alt >= n_kept) return false;
    const char *verb = kept[wk->alt];
    RlsVerb pv;
    if (wk->in->present && rls_verb_as(verb, strlen(verb), RLS_VFORM_PAST, false, &pv))
        verb = pv.base;
    rls_tracked_lit_cap(wk->o, verb, true);
    rls_tracked_lit(wk->o, " ", 1);
    rls_tracked_copy(wk->o, wk->src, wk->nt.start, wk->n);
    /* "Handled" does not say how: resolving, triaging and owning are
     * the writer's to choose. */
    return rewrite__emit(wk->in, wk->out, wk->nt.start, RLS_APPLY_CHOICE, true);
}

bool rls_rewrite_weak_opener(const RlsStepIn *in, RlsStepOut *out) {
    const RlsTracked *src = in->text;
    const char *t = src->text.data;
    size_t n = src->text.len;
    if (!t || n == 0) return false;
    RlsToks w = {0};
    rls_words_split(t, n, &w);
    bool ok = false;
    size_t i = 0, k = 0;
    /* An auxiliary before the phrase goes too: "Was involved in". */
    const RewriteOpener *op = w.len < 2 ? NULL : rewrite__find_opener(t, &w, &i, &k);
    if (!op || i + k >= w.len) goto done;
    RewriteWeak c = {.in = in,
                     .out = out,
                     .src = src,
                     .o = out->text,
                     .t = t,
                     .n = n,
                     .w = &w,
                     .op = op,
                     .phrase = i,
                     .next = i + k,
                     .nt = w.items[i + k],
                     .body_end = rewrite__body_end(t, n),
                     .source = RLS_STRENGTH_UNKNOWN,
                     .alt = in->alt};
    RlsTok nt = c.nt;
    /* What the phrase claims: the ceiling of a SAFE fix. Unlisted phrases
     * claim the least. */
    c.source = rls_strength_of(op->phrase, strlen(op->phrase));
    if (c.source == RLS_STRENGTH_UNKNOWN) c.source = RLS_STRENGTH_PARTICIPATION;
    /* "Duties included: Working with X": the phrase is a label, not the
     * start of a sentence a verb could replace. */
    if (w.items[c.next - 1].end + 1 != nt.start || t[w.items[c.next - 1].end] != ' ') goto done;
    switch (op->kind) {
    case OPENER_OWN:
    case OPENER_PART:
    case OPENER_ASSIST:
    case OPENER_CONTRIB:
        ok = rewrite__weak_own(&c);
        break;
    case OPENER_HELP:
        ok = rewrite__weak_help(&c);
        break;
    case OPENER_USE:
        ok = rewrite__weak_use(&c);
        break;
    case OPENER_WITH:
        ok = rewrite__weak_with(&c);
        break;
    case OPENER_HANDLED:
        ok = rewrite__weak_handled(&c);
        break;
    }
done:
    rls_toks_close(&w);
    return ok;
}

/* ---- Pipeline ------------------------------------------------------------------ */

const char *const rls_rewrite_rules[] = {
    /* Tense first, so "Contributing to" is seen as the opener
     * "Contributed to"; no-metric last, after the result moved. */
    RLS_RULE_ID(PASSIVE_VOICE),      RLS_RULE_ID(FIRST_PERSON),
    RLS_RULE_ID(TENSE_MISMATCH),     RLS_RULE_ID(WEAK_OPENER),
    RLS_RULE_ID(SPELLED_OUT_NUMBER), RLS_RULE_ID(VAGUE_QUANTIFIER),
    RLS_RULE_ID(BUZZWORD),           RLS_RULE_ID(REPEATED_VERB),
    RLS_RULE_ID(NO_METRIC),          NULL};

RlsRewriteStep rls_rewrite_step_for(const char *rule) {
    if (!rule) return NULL;
    if (!strcmp(rule, RLS_RULE_ID(WEAK_OPENER))) return rls_rewrite_weak_opener;
    if (!strcmp(rule, RLS_RULE_ID(FIRST_PERSON))) return rls_rewrite_first_person;
    if (!strcmp(rule, RLS_RULE_ID(PASSIVE_VOICE))) return rls_rewrite_passive;
    if (!strcmp(rule, RLS_RULE_ID(SPELLED_OUT_NUMBER))) return rls_rewrite_numbers;
    if (!strcmp(rule, RLS_RULE_ID(VAGUE_QUANTIFIER))) return rls_rewrite_vague;
    if (!strcmp(rule, RLS_RULE_ID(BUZZWORD))) return rls_rewrite_buzzword;
    if (!strcmp(rule, RLS_RULE_ID(NO_METRIC))) return rls_rewrite_no_metric;
    if (!strcmp(rule, RLS_RULE_ID(TENSE_MISMATCH))) return rls_rewrite_tense;
    if (!strcmp(rule, RLS_RULE_ID(REPEATED_VERB))) return rls_rewrite_repeated_verb;
    return NULL;
}

/* Applies the first alternative of one step when it is SAFE (or, when
 * `placeholders`, a PLACEHOLDER fix); true when it changed cur. */
static bool rewrite__apply(RlsRewriteStep step, RlsTracked *cur, uint32_t hs, uint32_t he,
                           bool present, bool placeholders) {
    RlsTracked next;
    rls_tracked_init(&next);
    RlsStepIn sin = {cur, hs, he, 0, present, NULL};
    RlsStepOut sout = {&next, NULL, RLS_APPLY_CHOICE};
    bool changed = false;
    if (step(&sin, &sout)) {
        bool apply = sout.applicability == RLS_APPLY_SAFE ||
                     (placeholders && sout.applicability == RLS_APPLY_PLACEHOLDER);
        if (apply && (next.text.len != cur->text.len ||
                      memcmp(next.text.data, cur->text.data, cur->text.len) != 0)) {
            rls_tracked_move(cur, &next);
            changed = true;
        }
        rls_free(sout.title);
    }
    rls_tracked_close(&next);
    return changed;
}

bool rls_rewrite_pipeline(const RlsTracked *in, const RlsFixRequest *reqs, size_t n_reqs,
                          bool restructure, bool present, bool placeholders, RlsTracked *out) {
    RlsTracked cur;
    rls_tracked_init(&cur);
    rls_tracked_copy(&cur, in, 0, in->text.len);
    bool changed = false, retense = false;
    for (size_t r = 0; rls_rewrite_rules[r]; r++) {
        const char *rule = rls_rewrite_rules[r];
        bool metric = strcmp(rule, RLS_RULE_ID(NO_METRIC)) == 0;
        if (metric && restructure) {
            /* The result moves to the front before a placeholder is added. */
            if (rewrite__apply(rls_rewrite_outcome_first, &cur, 0, (uint32_t)cur.text.len, present,
                               placeholders))
                changed = true;
        }
        RlsRewriteStep step = rls_rewrite_step_for(rule);
        for (size_t i = 0; i < n_reqs; i++) {
            if (strcmp(reqs[i].rule, rule) != 0) continue;
            uint32_t hs = 0, he = (uint32_t)cur.text.len;
            /* A finding that covers the whole input stays "everywhere". */
            bool whole = reqs[i].plain_start == 0 && reqs[i].plain_end >= in->text.len;
            if (!whole && !rls_tracked_find(&cur, reqs[i].plain_start, reqs[i].plain_end, &hs, &he))
                continue; /* its words were rewritten already */
            if (rewrite__apply(step, &cur, hs, he, present, placeholders)) {
                changed = true;
                /* A verb put in the right tense can reveal a weak opener
                 * the rules could not see ("Help to build" -> "Helped to
                 * build"): fix it now, or the next fix-all would. */
                if (!strcmp(rule, RLS_RULE_ID(TENSE_MISMATCH))) retense = true;
            }
        }
        if (retense && !strcmp(rule, RLS_RULE_ID(WEAK_OPENER))) {
            retense = false;
            if (rewrite__apply(step, &cur, 0, (uint32_t)cur.text.len, present, placeholders))
                changed = true;
        }
    }
    rls_tracked_move(out, &cur);
    return changed;
}

char *rls_rewrite_bullet(const char *plain, size_t len) {
    if (!plain) return NULL;
    RlsTracked in, out;
    rls_tracked_init_plain(&in, plain, len);
    rls_tracked_init(&out);
    static const char *const rules[] = {RLS_RULE_ID(PASSIVE_VOICE), RLS_RULE_ID(FIRST_PERSON),
                                        RLS_RULE_ID(WEAK_OPENER), RLS_RULE_ID(SPELLED_OUT_NUMBER),
                                        RLS_RULE_ID(VAGUE_QUANTIFIER)};
    RlsFixRequest reqs[RLS_ARRAY_LEN(rules)];
    for (size_t i = 0; i < RLS_ARRAY_LEN(rules); i++)
        reqs[i] = (RlsFixRequest){rules[i], 0, (uint32_t)len};
    bool changed = rls_rewrite_pipeline(&in, reqs, RLS_ARRAY_LEN(reqs), true, false, false, &out);
    char *res = NULL;
    if (changed && (out.text.len != len || memcmp(out.text.data, plain, len) != 0))
        res = rls_strndup(out.text.data, out.text.len);
    rls_tracked_close(&in);
    rls_tracked_close(&out);
    return res;
}
