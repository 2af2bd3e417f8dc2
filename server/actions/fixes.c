/*
 * fixes.c - the per-rule fixes that change words in place: first person,
 * passive voice, spelled-out numbers, vague quantifiers, buzzwords, tense,
 * repeated verbs, and the placeholder for a missing metric.
 *
 * Each step re-finds its words in the text it is given (the hint narrows
 * which ones), so steps compose: fix-all runs them one after another on the
 * same bullet, and the hint of a later finding is mapped through the
 * earlier rewrites (rls_tracked_find).
 */
#include <ctype.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "actions/actions_internal.h"
#include "rls/alloc.h"
#include "rls/keywords.h"

/* Whether word i lies inside the hint. */
static bool fixes__in_hint(const RlsStepIn *in, RlsTok tok) {
    return tok.end > in->hint_start && tok.start < in->hint_end;
}

/* Whether the hint covers the whole text ("fix them all"). */
static bool fixes__whole(const RlsStepIn *in) {
    return in->hint_start == 0 && in->hint_end >= in->text->text.len;
}

/* Copies in[from, to) to out, and capitalises the first letter written
 * when it lands at the start of the bullet. */
static void fixes__copy(RlsTracked *o, const RlsTracked *src, size_t from, size_t to) {
    rls_tracked_copy_cap(o, src, from, to, o->text.len == 0);
}

/* A step's opening: NULL when the step offers no alternative in->alt (it
 * offers 0 to max_alt) or the text is empty; else the text, with *w its
 * words (close with rls_toks_close). */
static const char *fixes__open(const RlsStepIn *in, int max_alt, RlsToks *w) {
    const RlsBuf *text = &in->text->text;
    if (in->alt < 0 || in->alt > max_alt || !text->data || !text->len) return NULL;
    rls_words_split(text->data, text->len, w);
    return text->data;
}

static bool fixes__changed(const RlsStepIn *in, RlsStepOut *out) {
    const RlsBuf *a = &in->text->text, *b = &out->text->text;
    return a->len != b->len || memcmp(a->data, b->data, a->len) != 0;
}

/* A step's closing, for a step that copies the text around what it
 * changes: the rest of the text, from byte at, when it changed something;
 * false, with out's text cleared, when it did not or the result is the text
 * it started from. Closes w. */
static bool fixes__done(const RlsStepIn *in, RlsStepOut *out, RlsToks *w, bool did, size_t at) {
    if (did) fixes__copy(out->text, in->text, at, in->text->text.len);
    rls_toks_close(w);
    if (did && fixes__changed(in, out)) return true;
    rls_tracked_clear(out->text);
    return false;
}

/* ---- first-person -------------------------------------------------------------- */

/* Whether a sentence ends somewhere in t[0, at): ". ", "! ", "? ", "; ". */
static bool fixes__sentence_before(const char *t, uint32_t at) {
    for (uint32_t c = 0; c + 1 < at; c++)
        if (strchr(".!?;", t[c]) && t[c + 1] == ' ') return true;
    return false;
}

/* Alternative 0 drops the person as subject ("I", "We", "by me") and turns
 * "our X" into "the X": SAFE. "my X" -> "the X" loses whose X it was ("my
 * Master's thesis", "my proof of concept"), so it comes as a CHOICE: with
 * the rest as alternative 1, or alone as alternative 0 when nothing else
 * changes. */
static bool fixes__first_person(const RlsStepIn *in, RlsStepOut *out, bool mine);

bool rls_rewrite_first_person(const RlsStepIn *in, RlsStepOut *out) {
    if (in->alt < 0 || in->alt > 1) return false;
    RlsTracked probe;
    rls_tracked_init(&probe);
    RlsStepOut tmp = {&probe, NULL, RLS_APPLY_SAFE};
    bool safe = fixes__first_person(in, &tmp, false);
    rls_free(tmp.title);
    rls_tracked_close(&probe);
    if (in->alt == 0) {
        if (safe) return fixes__first_person(in, out, false);
        return fixes__first_person(in, out, true);
    }
    return safe && fixes__first_person(in, out, true);
}

/* The leading subject of words w ("I", "We", "My team and I", "Our
 * team"), when the hint covers it: returns how many words it takes (0:
 * none to drop). */
static size_t fixes__leading_subject(const RlsStepIn *in, const char *t, const RlsToks *w) {
    static const char *const subjects[][4] = {
        {"my", "team", "and", "i"}, {"our", "team", "and", "i"}, {"the", "team", "and", "i"},
        {"i", "and", "my", "team"}, {"me", "and", "my", "team"}, {"i", NULL, NULL, NULL},
        {"we", NULL, NULL, NULL},
    };
    for (size_t s = 0; s < RLS_ARRAY_LEN(subjects); s++) {
        size_t k = 0;
        while (k < 4 && subjects[s][k] && k < w->len && rls_tok_is(t, w->items[k], subjects[s][k]))
            k++;
        if (k < 4 && subjects[s][k]) continue;
        if (k >= w->len || !fixes__in_hint(in, (RlsTok){w->items[0].start, w->items[k - 1].end}))
            return 0;
        return k;
    }
    return 0;
}

/* Whether a first-person subject stays after word `from` ("where I
 * describe my process", "we needed to upgrade our system"): "the" beside
 * it reads worse, and the bullet needs rewording, not a word swapped. */
static bool fixes__subject_left(const char *t, const RlsToks *w, size_t from) {
    bool left = false;
    for (size_t k = from; k < w->len; k++) {
        bool pronoun = rls_tok_is(t, w->items[k], "i") || rls_tok_is(t, w->items[k], "we");
        bool dropped = k > 0 && rls_tok_is(t, w->items[k - 1], "and") && k + 1 < w->len &&
                       !fixes__sentence_before(t, w->items[k].start);
        if (pronoun && !dropped) left = true;
    }
    return left;
}

/* Whether the possessive at word i ("our", "my") stays. "the" says "our
 * services" ("migrated the services"), but not "my life", "my own", "my
 * contributions included": words about the person, or a sentence about
 * them, are left to rephrase. */
static bool fixes__possessive_stays(const char *t, const RlsToks *w, size_t i, bool subject_left) {
    static const char *const personal[] = {"own",
                                           "life",
                                           "willingness",
                                           "passion",
                                           "passions",
                                           "interest",
                                           "interests",
                                           "career",
                                           "goal",
                                           "goals",
                                           "role",
                                           "work",
                                           "contributions",
                                           "contribution",
                                           "experience",
                                           "skills",
                                           "knowledge",
                                           "time",
                                           "responsibilities",
                                           "duties",
                                           "job",
                                           "free",
                                           "spare",
                                           "personal",
                                           "favorite",
                                           "favourite",
                                           NULL};
    RlsTok tok = w->items[i];
    bool sentence_start = false;
    if (i > 0) {
        uint32_t c = tok.start;
        while (c > 0 && t[c - 1] == ' ')
            c--;
        sentence_start = c > 0 && strchr(".:;!?", t[c - 1]) != NULL;
    }
    /* "my teaching", "our hiring": an activity of the person's own;
     * "the teaching" would say it was someone else's. */
    bool activity = i + 1 < w->len && w->items[i + 1].end - w->items[i + 1].start > 4 &&
                    strncasecmp(t + w->items[i + 1].end - 3, "ing", 3) == 0;
    return (rls_tok_is(t, tok, "our") || rls_tok_is(t, tok, "my")) &&
           (sentence_start || activity || subject_left ||
            (i + 1 < w->len && rls_tok_in(t, w->items[i + 1], personal)));
}

static bool fixes__first_person(const RlsStepIn *in, RlsStepOut *out, bool mine) {
    RlsToks w = {0};
    const char *t = fixes__open(in, 1, &w);
    if (!t) return false;
    RlsTracked *o = out->text;
    /* A leading subject goes: "I", "We", "My team and I", "Our team". */
    size_t i = fixes__leading_subject(in, t, &w);
    size_t at = i ? w.items[i].start : 0; /* next input byte to copy */
    bool did = i > 0;
    bool subject_left = fixes__subject_left(t, &w, i);
    bool changed_mine = false;
    /* Then, wherever they are: "our X"/"my X" -> "the X", "by me" (an
     * agent) and a subject "I"/"we" after "and" go. */
    for (; i < w.len; i++) {
        RlsTok tok = w.items[i];
        if (!fixes__in_hint(in, tok)) continue;
        if (fixes__possessive_stays(t, &w, i, subject_left)) continue;
        if (rls_tok_is(t, tok, "my") && !mine) continue;
        if (rls_tok_is(t, tok, "our") || rls_tok_is(t, tok, "my")) {
            fixes__copy(o, in->text, at, tok.start);
            rls_tracked_lit_cap(o, "the", o->text.len == 0);
            at = tok.end;
            did = true;
            changed_mine = changed_mine || rls_tok_is(t, tok, "my");
        } else if ((rls_tok_is(t, tok, "me") || rls_tok_is(t, tok, "us") ||
                    rls_tok_is(t, tok, "myself")) &&
                   i > 0 && rls_tok_is(t, w.items[i - 1], "by")) {
            size_t a = w.items[i - 1].start, b = tok.end;
            if (a > 0 && t[a - 1] == ' ') a--;
            fixes__copy(o, in->text, at, a);
            at = b;
            did = true;
        } else if ((rls_tok_is(t, tok, "i") || rls_tok_is(t, tok, "we")) && i > 0 &&
                   rls_tok_is(t, w.items[i - 1], "and") && i + 1 < w.len &&
                   !fixes__sentence_before(t, tok.start)) {
            /* "Built X and I ran Y" -> "Built X and ran Y": the bullet's
             * implied subject is the person. After a sentence break ("The
             * idea was born and I will ...") the "and" joins another
             * subject's clause, which dropping "I" would make its own. */
            fixes__copy(o, in->text, at, tok.start);
            at = w.items[i + 1].start;
            did = true;
        }
    }
    if (!fixes__done(in, out, &w, did, at)) return false;
    out->title =
        rls_strdup(changed_mine ? "Drop the first person (“my” → “the”)" : "Drop the first person");
    out->applicability = changed_mine ? RLS_APPLY_CHOICE : RLS_APPLY_SAFE;
    return true;
}

/* ---- passive-voice --------------------------------------------------------------- */

static const char *const fixes__be[] = {"was", "were", "is", "are", "been", "being", NULL};

/* Lower-cases a subject's first word, which only opened the sentence
 * ("Deployment scripts were rewritten" -> "Rewrote deployment scripts"),
 * unless it is a name: an acronym or a word with inner capitals ("AWS",
 * "PostgreSQL", "iOS") or a term of the keyword catalogue ("Kafka",
 * "Python"). */
static void fixes__subject(RlsTracked *o, const RlsTracked *src, const char *t, const RlsToks *w,
                           size_t first, size_t end) {
    RlsTok tok = w->items[first];
    bool inner_caps = false;
    for (uint32_t c = tok.start + 1; c < tok.end; c++)
        if (isupper((unsigned char)t[c])) inner_caps = true;
    /* "Kafka" alone, and "Kafka consumers" (the catalogue's "Kafka"). */
    bool name = rls_kw_find(t + tok.start, tok.end - tok.start) >= 0;
    if (!name && first + 1 < w->len && w->items[first + 1].end <= end)
        name = rls_kw_find(t + tok.start, w->items[first + 1].end - tok.start) >= 0;
    if (isupper((unsigned char)t[tok.start]) && !inner_caps && !name) {
        char c = (char)tolower((unsigned char)t[tok.start]);
        rls_tracked_lit(o, &c, 1);
        rls_tracked_copy(o, src, tok.start + 1, end);
    } else {
        rls_tracked_copy(o, src, tok.start, end);
    }
}

/* A passive subject is a plain noun phrase: no punctuation inside it
 * ("ML forecasting: I was tasked" is a label and a sentence) and not a
 * pronoun ("I was tasked with" is a weak opener, "It was" says nothing). */
static bool fixes__plain_subject(const char *t, const RlsToks *w, size_t subj, size_t be) {
    static const char *const pronouns[] = {"i",    "we",  "it",    "he",    "she",  "they",
                                           "you",  "me",  "us",    "them",  "this", "that",
                                           "what", "who", "which", "there", NULL};
    if (rls_tok_in(t, w->items[subj], pronouns)) return false;
    for (uint32_t c = w->items[subj].start; c < w->items[be].start; c++)
        if (strchr(":;,()!?\"", t[c]) || (t[c] == '.' && t[c + 1] == ' ')) return false;
    return true;
}

/* The byte before the spaces that end t[0..at). */
static size_t fixes__trim_back(const char *t, size_t at) {
    while (at > 0 && t[at - 1] == ' ')
        at--;
    return at;
}

/* A passive clause "<subject> was|were <participle>[ and <participle>]
 * <rest>", by word index; rest_end is a byte. */
typedef struct {
    size_t subj, be, part_first, part_last, rest_end;
} FixesClause;

/* Finds the agent: "by me", "by us", "by myself" at the end moves
 * *agent_start (a byte) to before "by". Returns false for a bullet too
 * complex to turn: words after the person as agent, or another agent ("by
 * the ops team") after a participle. */
static bool fixes__passive_agent(const char *t, const RlsToks *w, size_t body_end,
                                 size_t *agent_start) {
    for (size_t k = 0; k + 1 < w->len; k++) {
        if (!rls_tok_is(t, w->items[k], "by")) continue;
        RlsTok a = w->items[k + 1];
        bool mine = rls_tok_is(t, a, "me") || rls_tok_is(t, a, "us") || rls_tok_is(t, a, "myself");
        if (mine && a.end >= body_end - 0 && k + 2 >= w->len) {
            *agent_start = fixes__trim_back(t, w->items[k].start);
        } else if (mine) {
            *agent_start = fixes__trim_back(t, w->items[k].start);
            if (a.end < body_end) return false; /* words after the agent: too complex */
        } else if (k + 1 < w->len && w->items[k + 1].start < body_end) {
            /* Another agent ("by the ops team") is not the person: skip. */
            RlsVerb v;
            RlsTok a2 = w->items[k + 1];
            bool ger = rls_verb_as(t + a2.start, a2.end - a2.start, RLS_VFORM_GERUND, true, &v);
            bool num = rls_tok_has_digit(t, a2);
            if (!ger && !num && k > 0) {
                RlsVerb pv;
                RlsTok prev = w->items[k - 1];
                if (rls_verb_as(t + prev.start, prev.end - prev.start, RLS_VFORM_PARTICIPLE, true,
                                &pv))
                    return false;
            }
        }
    }
    return true;
}

/* Reads up to cap clauses joined by "and" into cl, the first opening the
 * bullet, each ending at the next "and <subject> was|were" or at
 * agent_start. Returns how many. */
static size_t fixes__passive_clauses(const char *t, const RlsToks *w, size_t agent_start,
                                     FixesClause *cl, size_t cap) {
    size_t ncl = 0;
    size_t i = 0;
    while (i < w->len && ncl < cap) {
        size_t subj = i, be = 0;
        for (size_t k = i; k < w->len && k < i + 6; k++) {
            if (rls_tok_in(t, w->items[k], fixes__be)) {
                be = k;
                break;
            }
        }
        if (!be || be == subj || !fixes__plain_subject(t, w, subj, be)) break;
        size_t p = be + 1;
        RlsVerb v;
        if (p >= w->len) break;
        RlsTok pt = w->items[p];
        /* A listed verb only: the active voice of a guessed one ("Some
         * machines was enlaced" -> "Enlaced some machines") turns a word
         * that may be no English verb into the bullet's opening claim. */
        if (!rls_verb_as(t + pt.start, pt.end - pt.start, RLS_VFORM_PARTICIPLE, false, &v)) break;
        size_t last = p;
        /* "automated and documented". */
        while (last + 2 < w->len && rls_tok_is(t, w->items[last + 1], "and")) {
            RlsTok q = w->items[last + 2];
            if (!rls_verb_as(t + q.start, q.end - q.start, RLS_VFORM_PARTICIPLE, true, &v)) break;
            if (last + 3 < w->len && rls_tok_in(t, w->items[last + 3], fixes__be)) break;
            last += 2;
        }
        /* The clause runs to the next "and <subject> was|were" or the end. */
        size_t rest_end = agent_start, next = w->len;
        for (size_t k = last + 1; k < w->len && w->items[k].start < agent_start; k++) {
            if (!rls_tok_is(t, w->items[k], "and")) continue;
            bool passive_next = false;
            for (size_t m = k + 2; m < w->len && m < k + 6; m++)
                if (rls_tok_in(t, w->items[m], fixes__be)) {
                    passive_next = true;
                    break;
                }
            if (passive_next) {
                rest_end = fixes__trim_back(t, w->items[k].start);
                next = k + 1;
                break;
            }
        }
        cl[ncl++] = (FixesClause){subj, be, p, last, rest_end};
        i = next;
    }
    return ncl;
}

/* Writes the clauses in the active voice: the participles as past (or
 * present) verbs, then the subject, then the rest of the clause. */
static void fixes__passive_write(const RlsStepIn *in, RlsTracked *o, const char *t,
                                 const RlsToks *w, const FixesClause *cl, size_t ncl) {
    const RlsTracked *src = in->text;
    for (size_t c = 0; c < ncl; c++) {
        const FixesClause *k = &cl[c];
        if (c > 0) rls_tracked_puts(o, " and ");
        /* The participles, as past tense verbs ("written" -> "wrote"). */
        for (size_t p = k->part_first; p <= k->part_last; p += 2) {
            RlsTok pt = w->items[p];
            RlsVerb v;
            rls_verb_as(t + pt.start, pt.end - pt.start, RLS_VFORM_PARTICIPLE, true, &v);
            if (p > k->part_first) rls_tracked_puts(o, " and ");
            rls_tracked_lit_cap(o, rls_verb_out(&v, in->present), o->text.len == 0);
        }
        rls_tracked_puts(o, " ");
        size_t subj_end = w->items[k->be - 1].end;
        fixes__subject(o, src, t, w, k->subj, subj_end);
        rls_tracked_copy(o, src, w->items[k->part_last].end, k->rest_end);
    }
}

bool rls_rewrite_passive(const RlsStepIn *in, RlsStepOut *out) {
    RlsToks w = {0};
    const char *t = fixes__open(in, 0, &w);
    if (!t) return false;
    size_t n = in->text->text.len;
    RlsTracked *o = out->text;
    bool ok = false;
    size_t body_end = n;
    while (body_end > 0 && (t[body_end - 1] == '.' || t[body_end - 1] == ' '))
        body_end--;
    /* Agent: "by me", "by us", "by myself", "by my team". */
    size_t agent_start = body_end;
    FixesClause cl[4];
    size_t ncl = 0;
    if (fixes__passive_agent(t, &w, body_end, &agent_start))
        ncl = fixes__passive_clauses(t, &w, agent_start, cl, RLS_ARRAY_LEN(cl));
    if (ncl > 0) {
        fixes__passive_write(in, o, t, &w, cl, ncl);
        rls_tracked_copy(o, in->text, body_end, n);
        out->title = rls_strfmt("Rewrite in the active voice: “%.60s%s”", o->text.data,
                                o->text.len > 60 ? "…" : "");
        out->applicability = RLS_APPLY_SAFE;
        ok = true;
    }
    rls_toks_close(&w);
    if (!ok) rls_tracked_clear(o);
    return ok;
}

/* ---- spelled-out-number ------------------------------------------------------------ */

static void fixes__digits(char *buf, size_t size, uint64_t v, const char **suffix) {
    *suffix = "";
    if (v >= 1000000000u && v % 1000000000u == 0) {
        v /= 1000000000u;
        *suffix = "B";
    } else if (v >= 1000000u && v % 1000000u == 0) {
        v /= 1000000u;
        *suffix = "M";
    }
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%" PRIu64, v);
    size_t len = strlen(tmp), j = 0;
    /* Thousands separators from 10,000 up, as resumes write them. */
    for (size_t k = 0; k < len && j + 2 < size; k++) {
        if (len > 4 && k > 0 && (len - k) % 3 == 0) buf[j++] = ',';
        buf[j++] = tmp[k];
    }
    buf[j] = '\0';
}

bool rls_rewrite_numbers(const RlsStepIn *in, RlsStepOut *out) {
    RlsToks w = {0};
    const char *t = fixes__open(in, 0, &w);
    if (!t) return false;
    size_t n = in->text->text.len;
    RlsTracked *o = out->text;
    size_t at = 0;
    bool did = false, whole = fixes__whole(in);
    RlsBuf title;
    rls_buf_init(&title);
    for (size_t i = 0; i < w.len; i++) {
        if (!fixes__in_hint(in, w.items[i])) continue;
        uint64_t value = 0;
        size_t used = rls_number_words(t, &w, i, &value);
        if (!used) continue;
        /* "one" and "zero" read as words ("one of", "zero downtime") unless
         * a finding points at them. */
        if (whole && value <= 1) {
            i += used - 1;
            continue;
        }
        size_t a = w.items[i].start, b = w.items[i + used - 1].end;
        char digits[40];
        const char *suffix;
        fixes__digits(digits, sizeof digits, value, &suffix);
        bool percent = false;
        if (i + used < w.len) {
            RlsTok nx = w.items[i + used];
            if (rls_tok_is(t, nx, "percent") && nx.start == b + 1) {
                b = nx.end;
                percent = true;
            } else if (rls_tok_is(t, nx, "per") && i + used + 1 < w.len &&
                       rls_tok_is(t, w.items[i + used + 1], "cent")) {
                b = w.items[i + used + 1].end;
                percent = true;
            }
        }
        fixes__copy(o, in->text, at, a);
        rls_tracked_puts(o, digits);
        rls_tracked_puts(o, suffix);
        if (percent) rls_tracked_puts(o, "%");
        if (title.len == 0)
            rls_buf_printf(&title, "Write “%.*s” as “%s%s%s”", (int)(b - a), t + a, digits, suffix,
                           percent ? "%" : "");
        at = b;
        did = true;
        i += used - 1;
    }
    if (did) fixes__copy(o, in->text, at, n);
    rls_toks_close(&w);
    if (!did) {
        rls_buf_close(&title);
        return false;
    }
    out->title = rls_buf_detach(&title);
    out->applicability = RLS_APPLY_SAFE;
    return true;
}

/* ---- vague-quantifier --------------------------------------------------------------- */

bool rls_rewrite_vague(const RlsStepIn *in, RlsStepOut *out) {
    RlsToks w = {0};
    const char *t = fixes__open(in, 0, &w);
    if (!t) return false;
    size_t n = in->text->text.len;
    RlsTracked *o = out->text;
    size_t at = 0;
    bool did = false, placeholder = false;
    /* Phrases that stand for a count: replaced by the count placeholder. */
    static const char *const phrases[][4] = {
        {"a", "lot", "of", NULL},        {"lots", "of", NULL, NULL},
        {"a", "number", "of", NULL},     {"a", "variety", "of", NULL},
        {"a", "range", "of", NULL},      {"a", "bunch", "of", NULL},
        {"plenty", "of", NULL, NULL},    {"tons", "of", NULL, NULL},
        {"dozens", "of", NULL, NULL},    {"hundreds", "of", NULL, NULL},
        {"thousands", "of", NULL, NULL}, {"a", "few", NULL, NULL},
        {"various", NULL, NULL, NULL},   {"several", NULL, NULL, NULL},
        {"numerous", NULL, NULL, NULL},  {"multiple", NULL, NULL, NULL},
        {"many", NULL, NULL, NULL},      {"countless", NULL, NULL, NULL},
        {"myriad", NULL, NULL, NULL},
    };
    for (size_t i = 0; i < w.len; i++) {
        RlsTok tok = w.items[i];
        if (!fixes__in_hint(in, tok)) continue;
        /* "etc." and "and more" say nothing: they go. */
        /* Mid-sentence, the list would run into what follows ("zippers,
         * bleaching via the website"): only a closing "etc." goes. */
        bool etc_closes = false;
        if (rls_tok_is(t, tok, "etc")) {
            size_t c = tok.end;
            if (c < n && t[c] == '.') c++;
            while (c < n && t[c] == ' ')
                c++;
            etc_closes = c >= n || strchr(");", t[c]) != NULL;
        }
        if (etc_closes || (rls_tok_is(t, tok, "more") && i > 0 &&
                           rls_tok_is(t, w.items[i - 1], "and") && i + 1 == w.len)) {
            size_t a = rls_tok_is(t, tok, "etc") ? tok.start : w.items[i - 1].start;
            size_t b = tok.end;
            /* Keep a final period: "projects etc." -> "projects." */
            bool final_dot = b < n && t[b] == '.' && b + 1 == n;
            if (!final_dot && b < n && t[b] == '.') b++;
            while (a > at && (t[a - 1] == ' ' || t[a - 1] == ','))
                a--;
            rls_tracked_copy(o, in->text, at, a);
            at = b;
            did = true;
            continue;
        }
        for (size_t p = 0; p < RLS_ARRAY_LEN(phrases); p++) {
            size_t k = 0;
            while (k < 4 && phrases[p][k] && i + k < w.len &&
                   rls_tok_is(t, w.items[i + k], phrases[p][k]))
                k++;
            if (k < 4 && phrases[p][k]) continue;
            /* A count needs a noun after it ("many of" still counts). */
            if (i + k >= w.len || w.items[i + k].start != w.items[i + k - 1].end + 1) break;
            fixes__copy(o, in->text, at, tok.start);
            /* "Lots of improvements to X" has no verb: a count of changes
             * that open the bullet were made ("Made [N] improvements"). */
            static const char *const made[] = {
                "improvements", "contributions", "changes",  "fixes",         "enhancements",
                "updates",      "additions",     "upgrades", "optimizations", NULL};
            if (i == 0 && i + k + 1 < w.len && rls_tok_in(t, w.items[i + k], made) &&
                !rls_tok_in(t, w.items[i + k + 1], fixes__be) &&
                !rls_tok_is(t, w.items[i + k + 1], "have") &&
                !rls_tok_is(t, w.items[i + k + 1], "had"))
                rls_tracked_puts(o, in->present ? "Make " : "Made ");
            rls_tracked_puts(o, RLS_PLACEHOLDER_COUNT);
            at = w.items[i + k - 1].end;
            did = true;
            placeholder = true;
            i += k - 1;
            break;
        }
    }
    if (!fixes__done(in, out, &w, did, at)) return false;
    /* Dropping a closing "etc." keeps what the bullet says; a count
     * placeholder is for the writer to fill in. */
    out->title =
        rls_strdup(placeholder ? "Replace the vague quantity with a count placeholder ([N])"
                               : "Remove the closing “etc.”");
    out->applicability = placeholder ? RLS_APPLY_PLACEHOLDER : RLS_APPLY_SAFE;
    return true;
}

/* ---- buzzword ------------------------------------------------------------------------- */

/* A phrase about the person at word i: "as|in|with [a|an] <buzz
 * adjective>* <buzz noun>" ("as a detail-oriented team player", "in
 * fast-paced environments", "with a proven track record"). Returns the
 * word index after it, or 0. */
static size_t fixes__buzz_phrase(const char *t, const RlsToks *w, size_t i,
                                 const char *const *adjectives) {
    static const char *const preps[] = {"as", "in", "with", NULL};
    static const char *const nouns[] = {"team player",
                                        "team-player",
                                        "self-starter",
                                        "self starter",
                                        "go-getter",
                                        "rockstar",
                                        "rock star",
                                        "ninja",
                                        "guru",
                                        "people person",
                                        "go-to person",
                                        "thought leader",
                                        "motivated individual",
                                        "professional",
                                        "innovative thinker",
                                        "strategic thinker",
                                        "problem solver",
                                        "problem-solver",
                                        "visionary",
                                        "game changer",
                                        "game-changer",
                                        "fast-paced environment",
                                        "proven track record",
                                        "track record of success",
                                        "strong work ethic",
                                        "individual",
                                        "engineer",
                                        NULL};
    if (i + 2 >= w->len || !rls_tok_in(t, w->items[i], preps)) return 0;
    size_t j = i + 1;
    if (rls_tok_is(t, w->items[j], "a") || rls_tok_is(t, w->items[j], "an")) j++;
    size_t adj = 0;
    while (j < w->len && rls_tok_in(t, w->items[j], adjectives)) {
        j++;
        adj++;
    }
    for (size_t k = 0; nouns[k]; k++) {
        /* Plain nouns ("professional", "engineer") only after a buzz
         * adjective: "as a seasoned professional", not "as an engineer". */
        bool plain = !strcmp(nouns[k], "professional") || !strcmp(nouns[k], "individual") ||
                     !strcmp(nouns[k], "engineer");
        if (plain && adj == 0) continue;
        size_t m = j;
        const char *p = nouns[k];
        bool ok = true;
        while (*p && ok) {
            const char *sp = strchr(p, ' ');
            size_t len = sp ? (size_t)(sp - p) : strlen(p);
            if (m >= w->len) {
                ok = false;
                break;
            }
            RlsTok tk = w->items[m];
            size_t tl = tk.end - tk.start;
            bool last = sp == NULL;
            /* The last word may be plural ("environments"). */
            ok = (tl == len ||
                  (last && tl == len + 1 && tolower((unsigned char)t[tk.end - 1]) == 's')) &&
                 strncasecmp(t + tk.start, p, len) == 0;
            m++;
            p += len;
            if (*p == ' ') p++;
        }
        if (ok) return m;
    }
    return 0;
}

bool rls_rewrite_buzzword(const RlsStepIn *in, RlsStepOut *out) {
    RlsToks w = {0};
    const char *t = fixes__open(in, 0, &w);
    if (!t) return false;
    size_t n = in->text->text.len;
    RlsTracked *o = out->text;
    /* Adjectives that add nothing and can go without breaking the
     * sentence; noun buzzwords ("synergy", "team player") have no safe
     * removal and are left to the person. */
    static const char *const adjectives[] = {
        "results-driven",   "results-oriented", "detail-oriented",
        "hard-working",     "hardworking",      "self-motivated",
        "highly-motivated", "best-in-class",    "world-class",
        "cutting-edge",     "state-of-the-art", "seasoned",
        "dynamic",          "proactive",        "passionate",
        "innovative",       "go-getter",        "visionary",
        "goal-oriented",    "data-driven",      NULL};
    static const char *const stop[] = {"and", "or",  "with", "in",    "of", "to",
                                       "for", "who", "that", "about", "at", NULL};
    size_t at = 0;
    bool did = false;
    RlsBuf title;
    rls_buf_init(&title);
    /* In a self-description ("Team player who thrives in fast-paced
     * environments") the phrase is the sentence: only an achievement
     * bullet, opening with a verb, loses it whole. */
    RlsVerb v0;
    bool verb_led = w.len > 0 && rls_word_past(t, w.items[0], true, &v0);
    for (size_t i = 0; i < w.len; i++) {
        RlsTok tok = w.items[i];
        /* A phrase that only describes the person goes whole: "as a
         * detail-oriented team player", "in a fast-paced environment". */
        size_t end_w = verb_led ? fixes__buzz_phrase(t, &w, i, adjectives) : 0;
        if (end_w && i > 0) {
            RlsTok last = w.items[end_w - 1];
            bool hit = false;
            for (size_t k = i; k < end_w; k++)
                hit = hit || fixes__in_hint(in, w.items[k]);
            size_t a = w.items[i - 1].end;
            if (hit && a >= at && t[a] == ' ') {
                if (title.len == 0)
                    rls_buf_printf(&title, "Remove “%.*s”", (int)(last.end - tok.start),
                                   t + tok.start);
                fixes__copy(o, in->text, at, a);
                at = last.end;
                did = true;
                i = end_w - 1;
                continue;
            }
        }
        if (!fixes__in_hint(in, tok) || !rls_tok_in(t, tok, adjectives)) continue;
        /* An adjective before a noun: the next word is not a function word
         * and nothing but a space separates them. "X and Y engineer" drops
         * "X and ". */
        if (i + 1 >= w.len || w.items[i + 1].start != tok.end + 1) continue;
        size_t a = tok.start, b = w.items[i + 1].start;
        /* "Hard-working and detail-oriented engineer": the "and" goes with
         * the second adjective ("Hard-working engineer"). */
        if (i >= 2 &&
            (rls_tok_is(t, w.items[i - 1], "and") || rls_tok_is(t, w.items[i - 1], "or")) &&
            w.items[i - 2].end >= at && w.items[i - 2].end + 1 == w.items[i - 1].start) {
            a = w.items[i - 2].end;
            b = tok.end;
        } else if (rls_tok_is(t, w.items[i + 1], "and")) {
            if (i + 2 >= w.len || !rls_tok_in(t, w.items[i + 2], adjectives)) continue;
            b = w.items[i + 2].start;
        } else if (rls_tok_in(t, w.items[i + 1], stop)) {
            continue;
        }
        if (title.len == 0)
            rls_buf_printf(&title, "Remove “%.*s”", (int)(tok.end - tok.start), t + a);
        fixes__copy(o, in->text, at, a);
        at = b;
        did = true;
    }
    if (did) fixes__copy(o, in->text, at, n);
    rls_toks_close(&w);
    if (!did) {
        rls_buf_close(&title);
        rls_tracked_clear(o);
        return false;
    }
    out->title = rls_buf_detach(&title);
    /* In an achievement bullet (opening with a past-tense verb) removal is
     * safe; in a summary line it leaves fluff that needs rewording. */
    RlsToks w2 = {0};
    rls_words_split(o->text.data, o->text.len, &w2);
    RlsVerb v;
    out->applicability = w2.len > 0 && rls_word_past(o->text.data, w2.items[0], true, &v)
                             ? RLS_APPLY_SAFE
                             : RLS_APPLY_CHOICE;
    rls_toks_close(&w2);
    return true;
}

/* ---- no-metric ------------------------------------------------------------------------ */

/* Words after "to" that do not start a verb phrase ("to the cloud"). */
static const char *const fixes__not_verbs[] = {
    "the", "a",    "an",   "all",   "each",  "every", "our",        "my",     "their", "its", "his",
    "her", "this", "that", "these", "those", "new",   "production", "market", "date",  NULL};

/* Whether a result clause can go at the end of the bullet: it opens with
 * a verb (a past one, or a base one when the role is current, in *v), it
 * is one sentence with no list, explanation or aside after a colon or a
 * dash, and holds no placeholder yet. *body_end gets the end of its text
 * before closing punctuation. */
static bool fixes__metric_fits(const RlsStepIn *in, const char *t, size_t n, const RlsToks *w,
                               RlsVerb *v, size_t *body_end) {
    /* NOTE: the LaTeX parser currently drops "[" and "]" from plain text,
     * so a placeholder written earlier reads back as "N" / "N%": a lone
     * capital N never occurs in a real bullet, so it counts as one too. */
    for (size_t i = 0; i < w->len; i++)
        if ((rls_tok_is(t, w->items[i], "N") || rls_tok_is(t, w->items[i], "N%")) &&
            t[w->items[i].start] == 'N')
            return false;
    if (w->len < 2) return false;
    RlsTok v0 = w->items[0];
    bool verb =
        rls_word_past(t, v0, true, v) ||
        (in->present && rls_verb_as(t + v0.start, v0.end - v0.start, RLS_VFORM_BASE, false, v));
    if (!verb) return false; /* a summary line or a fragment: no clause fits */
    *body_end = n;
    while (*body_end > 0 && strchr(". ;!", t[*body_end - 1]))
        (*body_end)--;
    /* A clause appended to the last of several sentences would be chosen
     * by the first one's verb; a bullet ending in a colon introduces a
     * list; after "etc." nothing reads. */
    if (*body_end == 0 || t[*body_end - 1] == ':' || rls_tok_is(t, w->items[w->len - 1], "etc"))
        return false;
    /* "Rewrote X: an application that ...": a clause at the end would
     * belong to the explanation, not to the work. */
    if (memchr(t, ':', *body_end)) return false;
    /* The same with a dash: "Shipped Yoda - the admin interface for X". */
    for (size_t c = 1; c + 1 < *body_end; c++)
        if (t[c - 1] == ' ' && t[c] == '-' && t[c + 1] == ' ') return false;
    if (strstr(t, " \xe2\x80\x93 ") || strstr(t, " \xe2\x80\x94 ")) return false; /* en, em dash */
    for (size_t c = 0; c + 1 < *body_end; c++)
        if ((t[c] == '.' || t[c] == ';' || t[c] == '!' || t[c] == '?') && t[c + 1] == ' ')
            return false;
    return true;
}

/* A result clause already there but without its figure: returns the
 * figure to complete it with, *insert_at its byte ("..., reducing manual
 * overhead" -> "... by [N]%"); NULL when there is none, and then
 * *tail_clause tells whether another trailing clause already says what
 * came of the work. */
static const char *fixes__result_to_complete(const char *t, const RlsToks *w, size_t body_end,
                                             size_t *insert_at, bool *tail_clause) {
    static const char *const res[] = {"reduce",   "cut",        "lower", "decrease", "improve",
                                      "increase", "boost",      "raise", "grow",     "shrink",
                                      "speed",    "accelerate", "save",  "minimize", NULL};
    /* A result clause without its figure is completed, not followed by a
     * second one: ", reducing manual overhead" -> "... by [N]%", "to
     * reduce errors" -> "to reduce errors by [N]%". Any other trailing
     * ", <doing>" clause ("..., fostering a culture") already says what
     * came of the work: a second one would only stack. */
    for (size_t k = 1; k < w->len && w->items[k].start < body_end; k++) {
        RlsVerb g;
        RlsTok tk = w->items[k];
        bool comma = false;
        for (uint32_t c = w->items[k - 1].end; c < tk.start; c++)
            if (t[c] == ',') comma = true;
        /* ", greatly reducing X": the adverb belongs to the clause. */
        if (comma && k + 1 < w->len && tk.end - tk.start > 3 && t[tk.end - 1] == 'y' &&
            t[tk.end - 2] == 'l' && w->items[k + 1].start == tk.end + 1) {
            tk = w->items[++k];
        }
        /* ", which greatly improved X" already tells what came of it. */
        if (comma && (rls_tok_is(t, tk, "which") || rls_tok_is(t, tk, "that"))) *tail_clause = true;
        bool to = !comma && k >= 2 && rls_tok_is(t, w->items[k - 1], "to") &&
                  rls_verb_as(t + tk.start, tk.end - tk.start, RLS_VFORM_BASE, false, &g);
        /* A capital word after a comma is a name in a list ("Java,
         * Spring and MySQL"), not a clause. */
        bool ger = comma && islower((unsigned char)t[tk.start]) &&
                   rls_verb_as(t + tk.start, tk.end - tk.start, RLS_VFORM_GERUND, true, &g);
        if (!to && !ger) continue;
        RlsTok gb = {0, (uint32_t)strlen(g.base)};
        if (!rls_tok_in(g.base, gb, res)) {
            *tail_clause = *tail_clause || ger;
            continue;
        }
        /* The clause ends at the next comma, parenthesis or the end. */
        size_t end = body_end;
        for (size_t c = tk.end; c < body_end; c++)
            if (t[c] == ',' || t[c] == '(') {
                end = c;
                break;
            }
        while (end > tk.end && t[end - 1] == ' ')
            end--;
        /* "to speed up X" needs its object; "reducing X by" has a figure's
         * slot already. */
        if (end == tk.end) continue;
        *insert_at = end;
        return strcmp(g.base, "save") == 0 ? " ([N] hours per [week])" : " by [N]%";
    }
    return NULL;
}

/* "X that Y", "X to do Y": a clause placed at the end would hang off the
 * last noun ("a game to test the dungeons, used by [N] [users]"). */
static bool fixes__nested_clause(const char *t, const RlsToks *w) {
    for (size_t k = 1; k + 1 < w->len; k++) {
        RlsVerb g;
        RlsTok nx = w->items[k + 1];
        /* "by collaborating with designers": the lever is last. */
        bool by_doing = rls_tok_is(t, w->items[k], "by") &&
                        rls_verb_as(t + nx.start, nx.end - nx.start, RLS_VFORM_GERUND, true, &g);
        if (by_doing || rls_tok_is(t, w->items[k], "which") || rls_tok_is(t, w->items[k], "that") ||
            rls_tok_is(t, w->items[k], "who") ||
            (rls_tok_is(t, w->items[k], "to") && islower((unsigned char)t[nx.start]) &&
             !rls_tok_in(t, nx, fixes__not_verbs) &&
             rls_verb_as(t + nx.start, nx.end - nx.start, RLS_VFORM_BASE, true, &g)))
            return true;
    }
    return false;
}

/* The result clause the opening verb v calls for ("Improved X" -> " by
 * [N]%", "Built X" -> ", used by [N] [users]"), *insert_at moved before a
 * "by <doing>" lever; NULL for a verb no clause is sure to fit. */
static const char *fixes__clause_for_verb(const char *t, const RlsToks *w, const RlsVerb *v,
                                          size_t *insert_at) {
    static const char *const change[] = {"improve",  "increase",   "reduce", "cut",      "lower",
                                         "decrease", "boost",      "raise",  "grow",     "shrink",
                                         "speed",    "accelerate", "expand", "minimize", NULL};
    static const char *const build[] = {"build",  "develop", "design",    "implement", "create",
                                        "launch", "ship",    "architect", "engineer",  "introduce",
                                        "add",    "release", "publish",   "prototype", NULL};
    static const char *const tune[] = {"optimize",  "optimise", "tune",        "refactor",
                                       "rewrite",   "migrate",  "upgrade",     "consolidate",
                                       "modernize", "overhaul", "rearchitect", "re-architect",
                                       "replace",   "fix",      "debug",       "troubleshoot",
                                       "harden",    "profile",  NULL};
    static const char *const save[] = {"automate", "streamline", "simplify", "script", NULL};
    static const char *const keep[] = {"maintain", "operate", "run", "administer", NULL};
    static const char *const people[] = {"lead", "manage",    "mentor",  "coach", "train",
                                         "hire", "supervise", "onboard", NULL};
    bool nested = fixes__nested_clause(t, w);
    RlsTok base = {0, (uint32_t)strlen(v->base)};
    if (rls_tok_in(v->base, base, change)) {
        /* "Improved X" -> "Improved X by [N]%", before any "by <lever>". */
        for (size_t k = 1; k + 1 < w->len; k++) {
            RlsVerb g;
            RlsTok nx = w->items[k + 1];
            if (rls_tok_is(t, w->items[k], "by") &&
                rls_verb_as(t + nx.start, nx.end - nx.start, RLS_VFORM_GERUND, true, &g)) {
                *insert_at = fixes__trim_back(t, w->items[k].start);
                break;
            }
        }
        return " by [N]%";
    } else if (rls_tok_in(v->base, base, build) && !nested) {
        return ", used by [N] [users]";
    } else if (rls_tok_in(v->base, base, tune)) {
        return ", cutting [metric] by [N]%";
    } else if (rls_tok_in(v->base, base, save)) {
        return ", saving [N] hours per [week]";
    } else if (rls_tok_in(v->base, base, keep) && !nested) {
        return ", serving [N] [requests/day] at [metric] uptime";
    } else if (rls_tok_in(v->base, base, people)) {
        return ", improving [metric] by [N]%";
    }
    return NULL;
}

bool rls_rewrite_no_metric(const RlsStepIn *in, RlsStepOut *out) {
    RlsToks w = {0};
    const char *t = fixes__open(in, 0, &w);
    if (!t) return false;
    size_t n = in->text->text.len;
    /* Once a placeholder is there the person has something to fill in;
     * adding another would never converge. */
    if (strstr(t, RLS_PLACEHOLDER_COUNT) || strstr(t, RLS_PLACEHOLDER_METRIC)) {
        rls_toks_close(&w);
        return false;
    }
    RlsVerb v;
    size_t body_end = n;
    const char *clause = NULL;
    size_t insert_at = n;
    if (fixes__metric_fits(in, t, n, &w, &v, &body_end)) {
        insert_at = body_end;
        bool tail_clause = false;
        clause = fixes__result_to_complete(t, &w, body_end, &insert_at, &tail_clause);
        /* Any other verb ("Advised", "Attended", "Worked on"): no result
         * clause is sure to fit; the finding's message says what to add. */
        if (!clause && !tail_clause) clause = fixes__clause_for_verb(t, &w, &v, &insert_at);
    }
    if (clause) {
        RlsTracked *o = out->text;
        rls_tracked_copy(o, in->text, 0, insert_at);
        rls_tracked_puts(o, clause);
        rls_tracked_copy(o, in->text, insert_at, n);
        out->title =
            rls_strfmt("Add a result to fill in: “%s”", clause[0] == ',' ? clause + 2 : clause + 1);
        out->applicability = RLS_APPLY_PLACEHOLDER;
    }
    rls_toks_close(&w);
    return clause != NULL;
}

/* ---- tense-mismatch --------------------------------------------------------------------- */

/* The verb a noun names, for "development" -> "develop", "implementation"
 * -> "implement", "integration" -> "integrate"; false when the word is no
 * listed verb's noun. */
static bool fixes__verb_of_noun(const char *s, size_t len, RlsVerb *v) {
    char base[RLS_VERB_MAX];
    static const struct {
        const char *suffix, *repl;
    } nouns[] = {{"ment", ""},   {"ation", ""}, {"ation", "ate"}, {"ation", "e"},
                 {"tion", "te"}, {"ance", ""},  {"sion", "de"},   {"ing", ""}};
    for (size_t k = 0; k < RLS_ARRAY_LEN(nouns); k++) {
        size_t sl = strlen(nouns[k].suffix), rl = strlen(nouns[k].repl);
        if (len <= sl + 2 || len - sl + rl >= sizeof base ||
            strncasecmp(s + len - sl, nouns[k].suffix, sl) != 0)
            continue;
        for (size_t c = 0; c < len - sl; c++)
            base[c] = (char)tolower((unsigned char)s[c]);
        memcpy(base + len - sl, nouns[k].repl, rl + 1);
        if (rls_verb_is_known_base(base, strlen(base)) && rls_verb_from_base(base, strlen(base), v))
            return true;
    }
    return false;
}

/* The form a tense fix writes for the verb tok, or NULL when tok is not a
 * verb in the wrong tense. */
static const char *fixes__tense_form(const char *t, RlsTok tok, bool present, RlsVerb *v) {
    const char *s = t + tok.start;
    size_t len = tok.end - tok.start;
    if (present) return rls_verb_as(s, len, RLS_VFORM_PAST, true, v) ? v->base : NULL;
    if (rls_verb_as(s, len, RLS_VFORM_THIRD, true, v) ||
        rls_verb_as(s, len, RLS_VFORM_GERUND, true, v) ||
        rls_verb_as(s, len, RLS_VFORM_BASE, false, v))
        return v->past;
    return NULL;
}

bool rls_rewrite_tense(const RlsStepIn *in, RlsStepOut *out) {
    RlsToks w = {0};
    const char *t = fixes__open(in, 0, &w);
    if (!t) return false;
    size_t n = in->text->text.len;
    bool ok = false;
    /* The finding's verb, or the opening word. */
    size_t i = 0;
    for (size_t k = 0; k < w.len; k++)
        if (fixes__in_hint(in, w.items[k])) {
            i = k;
            break;
        }
    if (i >= w.len) goto done;
    RlsTok tok = w.items[i];
    const char *s = t + tok.start;
    size_t len = tok.end - tok.start;
    RlsVerb v, v2;
    const char *form = fixes__tense_form(t, tok, in->present, &v);
    if (!form || (strlen(form) == len && strncasecmp(form, s, len) == 0)) goto done;
    /* Only a verb takes a tense. "Design of X", "Design and development of
     * X" are noun phrases: "Designed of X" and "Designed and development of
     * X" are not English. A verb coordinated with a verb ("Design and build
     * X") changes with it; one coordinated with a noun that names a verb
     * ("development") gives a rewrite that says more than the noun phrase
     * did, offered as a choice only. */
    RlsApplicability grade = RLS_APPLY_SAFE;
    const char *form2 = NULL;
    size_t second = 0, drop_of = 0;
    if (i + 1 < w.len && rls_tok_is(t, w.items[i + 1], "of")) goto done;
    /* "Support to the external team" is a noun; "Help to implement X" a
     * verb and its infinitive. */
    if (i + 2 < w.len && rls_tok_is(t, w.items[i + 1], "to")) {
        RlsTok nx = w.items[i + 2];
        if (!rls_verb_as(t + nx.start, nx.end - nx.start, RLS_VFORM_BASE, false, &v2)) goto done;
    }
    if (i + 2 < w.len &&
        (rls_tok_is(t, w.items[i + 1], "and") || rls_tok_is(t, w.items[i + 1], "&"))) {
        second = i + 2;
        RlsTok t2 = w.items[second];
        form2 = fixes__tense_form(t, t2, in->present, &v2);
        if (!form2) {
            if (in->present || !fixes__verb_of_noun(t + t2.start, t2.end - t2.start, &v2))
                goto done;
            form2 = v2.past;
            grade = RLS_APPLY_CHOICE;
            if (second + 1 < w.len && rls_tok_is(t, w.items[second + 1], "of"))
                drop_of = second + 1;
        }
    }
    RlsTracked *o = out->text;
    rls_tracked_copy(o, in->text, 0, tok.start);
    rls_tracked_lit_cap(o, form, isupper((unsigned char)s[0]) != 0);
    if (form2) {
        RlsTok t2 = w.items[second];
        rls_tracked_copy(o, in->text, tok.end, t2.start);
        rls_tracked_lit_cap(o, form2, false);
        rls_tracked_copy(o, in->text, drop_of ? w.items[drop_of].end : t2.end, n);
    } else {
        rls_tracked_copy(o, in->text, tok.end, n);
    }
    char cap[2 * RLS_VERB_MAX + 8];
    if (form2)
        snprintf(cap, sizeof cap, "%s and %s", form, form2);
    else
        snprintf(cap, sizeof cap, "%s", form);
    if (isupper((unsigned char)s[0])) cap[0] = (char)toupper((unsigned char)cap[0]);
    size_t old_len = form2 ? w.items[drop_of ? drop_of : second].end - tok.start : len;
    out->title = rls_title_replace(s, old_len, cap, strlen(cap));
    out->applicability = grade;
    ok = true;
done:
    rls_toks_close(&w);
    return ok;
}

/* ---- repeated-verb ------------------------------------------------------------------------ */

/* Whether some bullet of model opens with the verb whose base form is base,
 * in any form ("built", "builds", "building" for "build"): offering it as
 * the replacement would only move the repetition. */
static bool fixes__opens_a_bullet(const RlsResume *model, const char *base) {
    RlsVerb v;
    if (!model || !rls_verb_from_base(base, strlen(base), &v)) return false;
    const char *const forms[] = {v.base, v.past, v.participle, v.gerund, v.third};
    /* The model's sorted openers: one scan of every bullet per finding
     * made a whole-document codeAction quadratic (issue #17). */
    for (size_t f = 0; f < RLS_ARRAY_LEN(forms); f++)
        if (forms[f][0] && rls_resume_opens_with(model, forms[f], strlen(forms[f]))) return true;
    return false;
}

bool rls_rewrite_repeated_verb(const RlsStepIn *in, RlsStepOut *out) {
    RlsToks w = {0};
    const char *t = fixes__open(in, INT_MAX, &w);
    if (!t) return false;
    size_t n = in->text->text.len;
    bool ok = false;
    if (w.len == 0) goto done;
    size_t i = 0;
    for (size_t k = 0; k < w.len; k++)
        if (fixes__in_hint(in, w.items[k])) {
            i = k;
            break;
        }
    RlsTok tok = w.items[i];
    const char *s = t + tok.start;
    size_t len = tok.end - tok.start;
    RlsVerb v;
    bool past = rls_verb_as(s, len, RLS_VFORM_PAST, true, &v);
    if (!past && !rls_verb_as(s, len, RLS_VFORM_BASE, false, &v)) goto done;
    /* Synonyms that keep the claim (no "led" for "built"). */
    static const char *const syn[][4] = {
        {"build", "develop", "create", "engineer"},
        {"develop", "build", "engineer", "create"},
        {"create", "build", "develop", "establish"},
        {"lead", "head", "direct", "spearhead"},
        {"reduce", "cut", "lower", "decrease"},
        {"cut", "reduce", "lower", "trim"},
        {"improve", "enhance", "strengthen", "boost"},
        {"increase", "raise", "grow", "boost"},
        {"implement", "build", "deliver", "introduce"},
        {"design", "architect", "devise", "shape"},
        {"manage", "lead", "run", "direct"},
        {"migrate", "move", "port", "transition"},
        {"automate", "script", "streamline", NULL},
        {"optimize", "tune", "streamline", NULL},
        {"write", "author", "draft", NULL},
        {"launch", "ship", "release", "roll"},
        {"ship", "launch", "deliver", "release"},
        {"deliver", "ship", "launch", "complete"},
        {"maintain", "operate", "run", "support"},
        {"analyze", "assess", "evaluate", "examine"},
    };
    /* Alternative number in->alt among the synonyms no bullet opens with. */
    const char *pick = NULL;
    for (size_t r = 0; r < RLS_ARRAY_LEN(syn) && !pick; r++) {
        if (strcmp(syn[r][0], v.base) != 0) continue;
        int skip = in->alt;
        for (size_t a = 1; a < 4 && syn[r][a] && !pick; a++) {
            if (!strcmp(syn[r][a], "roll") || fixes__opens_a_bullet(in->model, syn[r][a])) continue;
            if (skip-- == 0) pick = syn[r][a];
        }
        break;
    }
    if (!pick) goto done;
    RlsVerb pv;
    if (!rls_verb_from_base(pick, strlen(pick), &pv)) goto done;
    const char *form = past ? pv.past : pv.base;
    RlsTracked *o = out->text;
    rls_tracked_copy(o, in->text, 0, tok.start);
    rls_tracked_lit_cap(o, form, isupper((unsigned char)s[0]) != 0);
    rls_tracked_copy(o, in->text, tok.end, n);
    char cap[RLS_VERB_MAX];
    snprintf(cap, sizeof cap, "%s", form);
    if (isupper((unsigned char)s[0])) cap[0] = (char)toupper((unsigned char)cap[0]);
    out->title = rls_title_replace(s, len, cap, strlen(cap));
    /* Fix-all would give every repeated bullet the same synonym. */
    out->applicability = RLS_APPLY_CHOICE;
    ok = true;
done:
    rls_toks_close(&w);
    return ok;
}
