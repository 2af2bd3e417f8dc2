/*
 * engine.c - the rule registry and one run of every rule (rules.h).
 *
 * A run walks the bullets once, scanning each into words a single time and
 * handing it to every bullet rule, then runs the document rules, then drops
 * what in-document comments suppress. Configuration edits to lexicons are
 * copied once per run (they are few); nothing else is allocated per word.
 */
#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/rules.h"
#include "rls/text.h"
#include "rls/verbs.h"
#include "rules/rules_internal.h"

#define ENGINE__ID(name, id, ...) const char rls__rule_id_##name[] = id;
RLS_RULES(ENGINE__ID)
#undef ENGINE__ID

#define ENGINE__ROW(name, id, sev, scope, check, content, anchor, summary)                         \
    [RLS_RULE_##name] = {RLS_RULE_ID(name), sev, scope, content, anchor, summary},
static const RlsRuleInfo engine__rules[RLS_RULE_COUNT] = {RLS_RULES(ENGINE__ROW)};
#undef ENGINE__ROW

/* The checks the engine runs itself, by rule (NULL: run elsewhere). */
#define ENGINE__CHECK(name, id, sev, scope, check, ...) [RLS_RULE_##name] = check,
static void (*const engine__checks[RLS_RULE_COUNT])(RlsRulesCtx *) = {RLS_RULES(ENGINE__CHECK)};
#undef ENGINE__CHECK

const RlsRuleInfo *rls_rules_all(size_t *count) {
    *count = RLS_ARRAY_LEN(engine__rules);
    return engine__rules;
}

const RlsRuleInfo *rls_rule_find(const char *id) {
    if (!id) return NULL;
    for (size_t i = 0; i < RLS_ARRAY_LEN(engine__rules); i++)
        if (strcmp(engine__rules[i].id, id) == 0) return &engine__rules[i];
    return NULL;
}

const RlsRuleInfo *rls_rule_info(RlsRule rule) {
    return (unsigned)rule < RLS_RULE_COUNT ? &engine__rules[rule] : NULL;
}

/* Runs the engine's own checks of one scope, in table order: the bullet
 * rules on the current bullet (those a bullet's place or language rules
 * out skip it), the others once over the model. */
static void engine__run_checks(RlsRulesCtx *ctx, bool bullet) {
    for (size_t i = 0; i < RLS_RULE_COUNT; i++) {
        if (!engine__checks[i] || (engine__rules[i].scope == RLS_RULE_ON_BULLET) != bullet)
            continue;
        bool on = bullet ? rls_rules_on(ctx, engine__rules[i].id)
                         : rls_rules_severity(ctx, engine__rules[i].id) != RLS_SEV_OFF;
        if (on) engine__checks[i](ctx);
    }
}

void rls_rules_bullet_checks(RlsRulesCtx *ctx) {
    engine__run_checks(ctx, true);
}

/* ---- Context helpers --------------------------------------------------------- */

RlsSeverity rls_rules_severity(const RlsRulesCtx *ctx, const char *rule) {
    /* Rule ids are string literals: the pointer usually matches. */
    for (size_t i = 0; i < RLS_ARRAY_LEN(engine__rules); i++)
        if (engine__rules[i].id == rule) return ctx->sev[i];
    for (size_t i = 0; i < RLS_ARRAY_LEN(engine__rules); i++)
        if (strcmp(engine__rules[i].id, rule) == 0) return ctx->sev[i];
    return rls_config_severity(ctx->config, rule, RLS_SEV_WARNING);
}

RlsDiag *rls_rules_report(RlsRulesCtx *ctx, const char *rule, uint32_t plain_start,
                          uint32_t plain_end, const char *fmt, ...) {
    RlsBuf msg;
    rls_buf_init(&msg);
    va_list ap;
    va_start(ap, fmt);
    rls_rules_vformat(&msg, fmt, ap);
    va_end(ap);
    /* No finding has an empty range: an editor draws nothing for it and a
     * reader cannot tell what it is about. The whole text stands in. */
    if (plain_end <= plain_start && ctx->bullet->plain.len > 0) {
        plain_start = 0;
        plain_end = ctx->bullet->plain.len;
    }
    RlsSpan span = rls_plain_cover(&ctx->bullet->plain, plain_start, plain_end);
    RlsDiag *d = rls_rules_push_owned(ctx->out, span, rls_rules_severity(ctx, rule), rule,
                                      rls_buf_detach(&msg));
    d->bullet = ctx->bullet_index;
    d->plain_start = plain_start;
    d->plain_end = plain_end;
    return d;
}

static void engine__edits_load(RlsRulesCtx *ctx) {
    const RlsConfig *cfg = ctx->config;
    if (!cfg) return;
    for (size_t i = 0; i < cfg->n_lexicon_edits; i++) {
        const RlsLexiconEdit *e = &cfg->lexicon_edits[i];
        if (!e->lexicon || !e->word || !e->word[0]) continue;
        for (int id = 0; id < RLS_LEX_COUNT; id++) {
            const RlsLexicon *lex = rls_lexicon_get((RlsLexId)id);
            if (strcmp(lex->name, e->lexicon) != 0) continue;
            RlsLexEdits *ed = &ctx->edits[id];
            char *w = rls_strdup(e->word);
            /* Fold case and spacing the way the data files are written, so
             * "Team  Player" removes "team player". */
            size_t n = 0;
            for (size_t k = 0; w[k]; k++) {
                char c = w[k];
                if (c == '\t') c = ' ';
                if (c == ' ' && (n == 0 || w[n - 1] == ' ')) continue;
                w[n++] = lex->fold ? (char)tolower((unsigned char)c) : c;
            }
            while (n && w[n - 1] == ' ')
                n--;
            w[n] = '\0';
            if (e->remove)
                RLS_PUSH(ed->removes, ed->n_removes, ed->cap_removes, w);
            else
                RLS_PUSH(ed->adds, ed->n_adds, ed->cap_adds, w);
        }
    }
}

static void engine__edits_free(RlsRulesCtx *ctx) {
    for (int id = 0; id < RLS_LEX_COUNT; id++) {
        RlsLexEdits *ed = &ctx->edits[id];
        for (size_t i = 0; i < ed->n_adds; i++)
            rls_free(ed->adds[i]);
        for (size_t i = 0; i < ed->n_removes; i++)
            rls_free(ed->removes[i]);
        rls_free(ed->adds);
        rls_free(ed->removes);
    }
}

/* An added acronym is written "ACR=spelled out form"; the key is before '='. */
static size_t engine__add_key_len(RlsLexId id, const char *w) {
    if (id == RLS_LEX_ACRONYM) {
        const char *eq = strchr(w, '=');
        if (eq) {
            size_t n = (size_t)(eq - w);
            while (n && w[n - 1] == ' ')
                n--;
            return n;
        }
    }
    return strlen(w);
}

static bool engine__removed(const RlsLexEdits *ed, const char *key, size_t len) {
    for (size_t i = 0; i < ed->n_removes; i++)
        if (strlen(ed->removes[i]) == len && memcmp(ed->removes[i], key, len) == 0) return true;
    return false;
}

uint32_t rls_rules_match(RlsRulesCtx *ctx, RlsLexId id, const char *text, uint32_t len,
                         uint32_t pos, uint8_t *flags) {
    const RlsLexicon *lex = rls_lexicon_get(id);
    const RlsLexEdits *ed = &ctx->edits[id];
    uint32_t best = 0;
    uint8_t best_flags = 0;
    /* The first word of the text selects the candidate run: entries are
     * sorted, and all phrases starting with that word sort together. */
    unsigned char c0 = pos < len ? (unsigned char)text[pos] : 0;
    if (lex->fold && c0 >= 'A' && c0 <= 'Z') c0 = (unsigned char)(c0 + 32);
    bool candidates = c0 < 128 && lex->first_hi[c0] > lex->first_lo[c0];
    char first[64];
    uint32_t n = 0, i = pos;
    while (candidates && i < len && n < sizeof(first) - 1 &&
           rls_rules_ascii_alnum((unsigned char)text[i])) {
        char c = text[i];
        first[n++] = lex->fold && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        i++;
    }
    bool word_goes_on =
        i < len && ((unsigned char)text[i] & 0x80 ? rls_rules_word_at(text, len, i)
                                                  : rls_rules_ascii_alnum((unsigned char)text[i]));
    if (n > 0 && !word_goes_on) {
        size_t lo = lex->first_lo[c0], hi = lex->first_hi[c0];
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            const RlsLexEntry *e = &lex->items[mid];
            size_t m = e->key_len < n ? e->key_len : n;
            int c = memcmp(e->key, first, m);
            if (c == 0) c = e->key_len < n ? -1 : 0;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < lex->first_hi[c0]; k++) {
            const RlsLexEntry *e = &lex->items[k];
            if (e->key_len < n || memcmp(e->key, first, n) != 0) break;
            /* "helped" after "help": punctuation sorts before letters and
             * digits, so once the key goes on with a letter no later entry
             * can start with this word ("help", "help with", "CI/CD" all
             * come first). */
            if (e->key_len > n && isalnum((unsigned char)e->key[n])) break;
            if (ed->n_removes && engine__removed(ed, e->key, e->key_len)) continue;
            uint32_t end = rls_rules_phrase_at(e->key, e->key_len, lex->fold, text, len, pos);
            if (end > best) {
                best = end;
                best_flags = e->flags;
            }
        }
    }
    for (size_t k = 0; k < ed->n_adds; k++) {
        const char *w = ed->adds[k];
        uint32_t end =
            rls_rules_phrase_at(w, engine__add_key_len(id, w), lex->fold, text, len, pos);
        if (end > best) {
            best = end;
            best_flags = 0;
        }
    }
    if (flags) *flags = best_flags;
    return best;
}

bool rls_rules_has_word(RlsRulesCtx *ctx, RlsLexId id, const char *word, size_t len) {
    const RlsLexicon *lex = rls_lexicon_get(id);
    const RlsLexEdits *ed = &ctx->edits[id];
    for (size_t k = 0; k < ed->n_adds; k++) {
        const char *w = ed->adds[k];
        size_t wl = engine__add_key_len(id, w);
        if (wl != len) continue;
        bool eq = true;
        for (size_t j = 0; j < len && eq; j++) {
            char c = lex->fold ? (char)tolower((unsigned char)word[j]) : word[j];
            eq = c == w[j];
        }
        if (eq) return true;
    }
    const RlsLexEntry *e = rls_lexicon_find(lex, word, len);
    if (!e) return false;
    return !(ed->n_removes && engine__removed(ed, e->key, e->key_len));
}

uint32_t rls_rules_line_of(RlsRulesCtx *ctx, uint32_t byte) {
    /* Built once per run, only when a finding needs a line number. */
    if (!ctx->line_starts)
        ctx->line_starts = rls_line_starts(ctx->src, ctx->src_len, true, &ctx->n_lines);
    return rls_line_find(ctx->line_starts, ctx->n_lines, byte);
}

/* ---- Scanning a bullet ----------------------------------------------------------- */

static bool engine__word_is(const RlsRulesCtx *ctx, size_t w, const char *s) {
    if (w >= ctx->n_words) return false;
    const RlsWord *wd = &ctx->words[w];
    return rls_rules_word_is(ctx->bullet->plain.text + wd->start_byte,
                             wd->end_byte - wd->start_byte, s);
}

static bool engine__is_list(const RlsPlain *p) {
    /* "Technologies: Go, Kafka, Postgres" or "Tech stack - React, Node": a
     * short label, then a comma-separated list. */
    uint32_t words = 1;
    for (uint32_t i = 0; i < p->len && i < 40; i++) {
        char c = p->text[i];
        if (c == ' ') {
            if (++words > 3) return false;
        } else if (c == ':') {
            return i > 0 && memchr(p->text + i, ',', p->len - i) != NULL;
        }
    }
    return false;
}

/* A nested bullet under a parent that ends with a preposition and a colon
 * ("Gave workshops to new hires on:") names an item of that list (a topic,
 * a tool), not an achievement of its own. A parent ending "My work
 * included:" or "achieved:" introduces achievements: those are judged. */
static bool engine__ends_with_preposition(const char *t, uint32_t n) {
    static const char *const preps[] = {"on",   "about", "in",   "of",       "for",
                                        "with", "to",    "like", "covering", "at"};
    uint32_t e = n, s = n;
    while (s > 0 && ((t[s - 1] | 32) >= 'a' && (t[s - 1] | 32) <= 'z'))
        s--;
    for (size_t i = 0; i < RLS_ARRAY_LEN(preps); i++)
        if (rls_rules_word_is(t + s, e - s, preps[i])) return true;
    return false;
}

static bool engine__list_item(const RlsResume *m, int32_t index) {
    const RlsBullet *b = &m->bullets[index];
    /* "My contributions include: - increasing test coverage; - fixing
     * bugs;": items that end with a semicolon or comma, or open in lower
     * case after one that does, continue one sentence (introduced by a
     * paragraph as often as by a parent bullet): judged as one list. */
    const RlsPlain *c = &b->plain;
    char last = c->len ? c->text[c->len - 1] : 0;
    if (last == ';' || last == ',') return true;
    if (index > 0 && c->len && c->text[0] >= 'a' && c->text[0] <= 'z') {
        const RlsPlain *prev = &m->bullets[index - 1].plain;
        if (m->bullets[index - 1].section == b->section && prev->len &&
            (prev->text[prev->len - 1] == ';' || prev->text[prev->len - 1] == ','))
            return true;
    }
    if (b->depth == 0) return false;
    for (int32_t i = index - 1; i >= 0; i--) {
        const RlsBullet *p = &m->bullets[i];
        if (p->section != b->section) return false;
        if (p->depth >= b->depth) continue;
        uint32_t n = p->plain.len;
        while (n > 0 && p->plain.text[n - 1] == ' ')
            n--;
        if (n == 0 || p->plain.text[n - 1] != ':') return false;
        /* "Main contributions:" over "contributing new features": the
         * items continue the parent's sentence in lower case. */
        if (c->len && c->text[0] >= 'a' && c->text[0] <= 'z') return true;
        return engine__ends_with_preposition(p->plain.text, n - 1);
    }
    return false;
}

/* Whether word w of the current text is a verb a statement of work opens
 * with: a listed action verb, or a past or present form. */
static bool engine__verb(const RlsRulesCtx *ctx, size_t w) {
    if (w >= ctx->n_words) return false;
    const char *t = ctx->bullet->plain.text;
    const RlsWord *wd = &ctx->words[w];
    uint32_t l = wd->end_byte - wd->start_byte;
    const RlsLexicon *verbs = rls_lexicon_get(RLS_LEX_ACTION_VERB);
    if (rls_lexicon_find(verbs, t + wd->start_byte, l)) return true;
    /* "Developing", "Writing", "Running": the gerund of a listed verb. */
    RlsVerb g;
    if (l > 5 && rls_verb_as(t + wd->start_byte, l, RLS_VFORM_GERUND, true, &g) &&
        rls_lexicon_find(verbs, g.base, strlen(g.base)))
        return true;
    const RlsWord *nx = w + 1 < ctx->n_words ? &ctx->words[w + 1] : NULL;
    return rls_rules_tense_of(t + wd->start_byte, l, nx ? t + nx->start_byte : NULL,
                              nx ? nx->end_byte - nx->start_byte : 0) != RLS_TENSE_NONE;
}

bool rls_rules_opens_with_verb(const RlsRulesCtx *ctx) {
    size_t o = ctx->opener;
    if (o >= ctx->n_words) return false;
    const char *t = ctx->bullet->plain.text;
    uint32_t n = ctx->bullet->plain.len;
    if (engine__word_is(ctx, o, "am") || engine__word_is(ctx, o, "was") ||
        engine__word_is(ctx, o, "were"))
        o++;
    if (o >= ctx->n_words) return false;
    RlsRulesCtx *mut = (RlsRulesCtx *)ctx; /* rls_rules_match reads only the edits */
    return engine__verb(ctx, o) ||
           rls_rules_match(mut, RLS_LEX_WEAK_OPENER, t, n, ctx->words[o].start_byte, NULL) > 0;
}

/* A line that names a fact rather than states a piece of work, though it
 * sits among bullets: "Manager: Jane Doe" or "Advisor: Prof. Li" (a short
 * label, a colon, a short value), "1st place, 2021" or "Dean's List 2019"
 * (a few words with a year or a placing and no verb). The achievement
 * rules do not judge it. */
static bool engine__not_a_claim(const RlsRulesCtx *ctx) {
    const char *t = ctx->bullet->plain.text;
    uint32_t n = ctx->bullet->plain.len;
    /* A duty phrase ("Responsible for X in 2019") always states work. */
    if (ctx->opener < ctx->n_words && rls_rules_match((RlsRulesCtx *)ctx, RLS_LEX_WEAK_OPENER, t, n,
                                                      ctx->words[ctx->opener].start_byte, NULL))
        return false;
    const char *colon = memchr(t, ':', n);
    if (colon && ctx->n_words > 0) {
        uint32_t at = (uint32_t)(colon - t);
        size_t before = 0;
        while (before < ctx->n_words && ctx->words[before].end_byte <= at)
            before++;
        /* "Tooling: Responsible for the scripts" labels a statement: judged. */
        bool value_states =
            before < ctx->n_words && (engine__verb(ctx, before) ||
                                      rls_rules_match((RlsRulesCtx *)ctx, RLS_LEX_WEAK_OPENER, t, n,
                                                      ctx->words[before].start_byte, NULL) > 0);
        if (before >= 1 && before <= 3 && ctx->n_words - before <= 6 && !engine__verb(ctx, 0) &&
            !value_states)
            return true;
    }
    /* "Please see the Teaching section", "Try it out at react-rpg.com": a
     * line that speaks to the reader points elsewhere and claims nothing. */
    static const char *const to_reader[] = {"please", "see", "try"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(to_reader) && ctx->n_words > 1; i++)
        if (engine__word_is(ctx, 0, to_reader[i])) return true;
    if (ctx->n_words == 0 || engine__verb(ctx, ctx->opener)) return false;
    /* "Clients include the LA Times, Nature, ...", "Courses include ...":
     * a list of facts (a duty phrase, "Duties included", is weak-opener's). */
    if (ctx->n_words > 2 &&
        (engine__word_is(ctx, 1, "include") || engine__word_is(ctx, 1, "includes") ||
         engine__word_is(ctx, 1, "included")) &&
        !rls_rules_match((RlsRulesCtx *)ctx, RLS_LEX_WEAK_OPENER, t, n, ctx->words[0].start_byte,
                         NULL))
        return true;
    /* A name or a title ("Lead Database Consultant T73", "CoderDojo Silicon
     * Valley"): most words capitalised, none a verb. And a run of nouns
     * between commas ("Backups, Replication, HA, Monitoring, ..."). */
    size_t caps = 0, commas = 0, verbs = 0;
    for (size_t w = 0; w < ctx->n_words; w++) {
        unsigned char c0 = (unsigned char)t[ctx->words[w].start_byte];
        caps += isupper(c0) || isdigit(c0);
        verbs += w > 0 && w < 24 && engine__verb(ctx, w);
    }
    for (uint32_t i = 0; i < n; i++)
        commas += t[i] == ',';
    if (ctx->n_words >= 2 && ctx->n_words <= 10 && caps * 3 >= ctx->n_words * 2 && verbs == 0)
        return true;
    if (commas >= 3 && verbs == 0 && ctx->n_words <= 30) return true;
    if (ctx->n_words > 8) return false;
    for (size_t w = 0; w < ctx->n_words; w++) {
        const char *s = t + ctx->words[w].start_byte;
        uint32_t l = ctx->words[w].end_byte - ctx->words[w].start_byte;
        bool year = l == 4 && (s[0] == '1' || s[0] == '2') && isdigit((unsigned char)s[1]) &&
                    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]);
        bool ordinal =
            l >= 3 && l <= 4 && isdigit((unsigned char)s[0]) &&
            (rls_rules_word_is(s + l - 2, 2, "st") || rls_rules_word_is(s + l - 2, 2, "nd") ||
             rls_rules_word_is(s + l - 2, 2, "rd") || rls_rules_word_is(s + l - 2, 2, "th"));
        if (year || ordinal) return true;
    }
    return false;
}

/* Text with no result to measure, though it may be weak in other ways: a
 * line that introduces a list ("My contributions included:"), a few words
 * with no verb ("Google Cloud as partner.", "Algorithms and infrastructure
 * for vector search"), a sentence that says how the writer came to a role
 * ("Transferred from the data team to the kernel team."). */
static bool engine__states_no_work(const RlsRulesCtx *ctx) {
    const char *t = ctx->bullet->plain.text;
    uint32_t n = ctx->bullet->plain.len;
    while (n > 0 && t[n - 1] == ' ')
        n--;
    /* "Web scraping: the project involved ... My contributions included:"
     * (a claim that opens with a verb, "Rebuilt the model. My work
     * included:", is still judged). */
    if (n > 0 && t[n - 1] == ':' && !engine__verb(ctx, ctx->opener)) return true;
    /* In a role told in prose, the sentence saying how the writer came to
     * it; a bullet "Joined the team to rebuild billing" is still a claim. */
    static const char *const moves[] = {"joined", "transferred", "moved", "relocated", "rejoined"};
    for (size_t i = 0; ctx->prose_role && i < RLS_ARRAY_LEN(moves); i++)
        if (engine__word_is(ctx, ctx->opener, moves[i])) return true;
    if (ctx->n_words < 3 || ctx->n_words > 8) return false;
    for (size_t w = 0; w < ctx->n_words; w++) {
        if (engine__verb(ctx, w)) return false;
        /* "Tooling: Responsible for the scripts": a duty, after a label. */
        if (w < 4 && rls_rules_match((RlsRulesCtx *)ctx, RLS_LEX_WEAK_OPENER, t, n,
                                     ctx->words[w].start_byte, NULL))
            return false;
    }
    return true;
}

/* A section where bullets state results (scope.c's achievement kinds). */
static bool engine__achievement_scope(RlsScope s) {
    return s == RLS_SCOPE_EXPERIENCE || s == RLS_SCOPE_PROJECTS || s == RLS_SCOPE_LEADERSHIP ||
           s == RLS_SCOPE_VOLUNTEERING;
}

static RlsScope engine__scope(const RlsRulesCtx *ctx, uint32_t section) {
    if (ctx->section_scope && section < ctx->model->n_sections)
        return (RlsScope)ctx->section_scope[section];
    return rls_rules_scope_of(ctx->model, section);
}

static bool engine__english(const RlsRulesCtx *ctx, uint32_t section, const RlsPlain *p) {
    bool sec = ctx->section_english && section < ctx->model->n_sections
                   ? ctx->section_english[section]
                   : ctx->english;
    return sec && !rls_rules_plain_foreign_script(p);
}

bool rls_rules_opener_applies(const RlsOpener *o, const char *rule) {
    return rls_rules_scope_applies(rule, (RlsScope)o->scope, o->english);
}

bool rls_rules_on(const RlsRulesCtx *ctx, const char *rule) {
    /* A role told in prose: the narrative may say "I" and describe its
     * context; only duty openers and unmeasured claims are judged. */
    if (ctx->prose_role && strcmp(rule, RLS_RULE_ID(WEAK_OPENER)) != 0 &&
        strcmp(rule, RLS_RULE_ID(NO_METRIC)) != 0)
        return false;
    return rls_rules_severity(ctx, rule) != RLS_SEV_OFF &&
           rls_rules_scope_applies(rule, ctx->scope, ctx->text_english);
}

void rls_rules_scan_bullet(RlsRulesCtx *ctx, const RlsBullet *b, int32_t index) {
    ctx->bullet = b;
    ctx->bullet_index = index;
    ctx->n_words = 0;
    const char *t = b->plain.text;
    uint32_t n = b->plain.len;
    uint32_t i = 0;
    while (i < n) {
        uint32_t cl = 1;
        unsigned char c0 = (unsigned char)t[i];
        if (c0 < 0x80) {
            if (!rls_rules_ascii_alnum(c0)) {
                i++;
                continue;
            }
        } else if (!rls_rules_is_word_cp(rls_rules_cp_at(t, n, i, &cl))) {
            i += cl;
            continue;
        }
        uint32_t start = i;
        while (i < n) {
            unsigned char c = (unsigned char)t[i];
            if (c < 0x80 && rls_rules_ascii_alnum(c)) {
                i++;
                continue;
            }
            uint32_t cp = rls_rules_cp_at(t, n, i, &cl);
            if (rls_rules_is_word_cp(cp)) {
                i += cl;
                continue;
            }
            /* An apostrophe inside a word keeps it whole: "company's". */
            if ((cp == '\'' || cp == 0x2019) && rls_rules_word_at(t, n, i + cl)) {
                i += cl;
                continue;
            }
            break;
        }
        RlsWord w = {start, i};
        RLS_PUSH(ctx->words, ctx->n_words, ctx->cap_words, w);
    }
    /* The opener is the first word after leading first-person words:
     * "I designed", "We shipped", "My team and I migrated". */
    size_t o = 0;
    if ((engine__word_is(ctx, 0, "my") || engine__word_is(ctx, 0, "our")) &&
        engine__word_is(ctx, 1, "team")) {
        o = 2;
        if (engine__word_is(ctx, 2, "and") &&
            (engine__word_is(ctx, 3, "i") || engine__word_is(ctx, 3, "we")))
            o = 4;
    } else if (engine__word_is(ctx, 0, "i") || engine__word_is(ctx, 0, "we")) {
        o = 1;
    }
    ctx->opener = (uint32_t)(o < ctx->n_words ? o : ctx->n_words);
    ctx->is_list = engine__is_list(&b->plain) || engine__not_a_claim(ctx);
    ctx->scope = ctx->summary ? RLS_SCOPE_SUMMARY : engine__scope(ctx, b->section);
    ctx->text_english = engine__english(ctx, b->section, &b->plain);
    ctx->is_achievement = engine__achievement_scope(ctx->scope);
    ctx->has_metric = rls_rules_has_metric(ctx, t, n);
    ctx->is_list_item = index >= 0 && engine__list_item(ctx->model, index);
    ctx->states_no_work = engine__states_no_work(ctx);
    /* A paragraph leaves no opener: the document rules index bullets. */
    if (ctx->paragraph) return;

    RlsOpener op = {.bullet = index,
                    .is_list = ctx->is_list,
                    .is_achievement = ctx->is_achievement,
                    .scope = (uint8_t)ctx->scope,
                    .english = ctx->text_english};
    if (ctx->opener < ctx->n_words) {
        op.start_byte = ctx->words[ctx->opener].start_byte;
        op.end_byte = ctx->words[ctx->opener].end_byte;
        if (ctx->opener + 1 < ctx->n_words) {
            op.next_start_byte = ctx->words[ctx->opener + 1].start_byte;
            op.next_end_byte = ctx->words[ctx->opener + 1].end_byte;
        }
        RLS_PUSH(ctx->openers, ctx->n_openers, ctx->cap_openers, op);
    }
}

/* ---- Paragraphs: the summary, roles told in prose ---------------------------- */

/* A paragraph of the header block that reads as a profile: a few sentences
 * of prose (words, a full stop), not a tagline or a contact line. */
static bool engine__profile_prose(const RlsPlain *p) {
    uint32_t words = 1, letters = 0;
    bool stop = false;
    for (uint32_t i = 0; i < p->len; i++) {
        char c = p->text[i];
        if (c == ' ') words++;
        if (c == '|' || c == '@') return false;
        /* "For professional contact, email me at ...": a contact line. */
        if ((c | 32) == 'c' && i + 7 <= p->len && rls_rules_word_is(p->text + i, 7, "contact"))
            return false;
        if ((c | 32) >= 'a' && (c | 32) <= 'z') letters++;
        if (c == '.' && (i + 1 == p->len || p->text[i + 1] == ' ')) stop = true;
    }
    return stop && words >= 15 && letters * 2 > p->len;
}

/* Judges plain text p (of section `section`, entry `entry`) as one piece:
 * a stand-in bullet carries it through the bullet rules, which read only
 * the text, its place and the run's configuration. Findings have no bullet
 * index (no bullet fix applies to a paragraph). */
static void engine__judge_text(RlsRulesCtx *ctx, const RlsPlain *p, RlsSpan span, uint32_t section,
                               int32_t entry) {
    RlsBullet fake;
    memset(&fake, 0, sizeof(fake));
    fake.span = span;
    fake.item_span = span;
    fake.plain = *p;
    fake.section = section;
    fake.entry = entry;
    ctx->paragraph = true;
    rls_rules_scan_bullet(ctx, &fake, -1);
    rls_rules_bullet_checks(ctx);
    ctx->paragraph = false;
    ctx->bullet = NULL;
}

/* The sentences of a role told in prose ("I was responsible for the
 * payroll system. Worked across a number of projects."): a full stop, ! or
 * ? then a space and a capital ends one; "e.g. The" and "Inc. Our" are rare
 * enough in resumes to accept. */
static void engine__prose_role(RlsRulesCtx *ctx, const RlsParagraph *para) {
    const RlsPlain *p = &para->plain;
    uint32_t start = 0;
    for (uint32_t i = 0; i <= p->len; i++) {
        bool end = i == p->len;
        if (!end && (p->text[i] == '.' || p->text[i] == '!' || p->text[i] == '?') &&
            i + 2 < p->len && p->text[i + 1] == ' ' && isupper((unsigned char)p->text[i + 2]))
            end = true;
        if (!end) continue;
        uint32_t stop = i < p->len ? i + 1 : i;
        if (stop > start) {
            RlsPlain sub = *p;
            sub.text = p->text + start;
            sub.len = stop - start;
            sub.src_start = p->src_start + start;
            sub.src_end = p->src_end + start;
            sub.generated = p->generated ? p->generated + start : NULL;
            ctx->prose_role = true;
            engine__judge_text(ctx, &sub, rls_plain_cover(p, start, stop), para->section,
                               para->entry);
            ctx->prose_role = false;
        }
        start = i + 2;
    }
}

static void engine__paragraphs(RlsRulesCtx *ctx) {
    const RlsResume *m = ctx->model;
    for (uint32_t i = 0; i < m->n_paragraphs; i++) {
        const RlsParagraph *para = &m->paragraphs[i];
        if (!para->plain.text || para->plain.len == 0) continue;
        RlsScope scope = engine__scope(ctx, para->section);
        if (scope == RLS_SCOPE_SUMMARY ||
            (scope == RLS_SCOPE_HEADER && engine__profile_prose(&para->plain))) {
            ctx->summary = true;
            engine__judge_text(ctx, &para->plain, para->span, para->section, para->entry);
            ctx->summary = false;
        } else if (engine__achievement_scope(scope) && para->entry >= 0) {
            engine__prose_role(ctx, para);
        }
    }
}

/* Bullets in skills lists and the header block are lists of facts, not
 * statements of work; every other bullet is judged. */
static bool engine__judged(const RlsResume *m, const RlsBullet *b) {
    if (b->plain.len == 0 || !b->plain.text) return false;
    if (b->section >= m->n_sections) return true;
    RlsSectionKind k = m->sections[b->section].kind;
    return k != RLS_SECTION_SKILLS && k != RLS_SECTION_HEADER;
}

int rls_rules_run(const RlsResume *model, const char *src, uint32_t src_len,
                  const RlsConfig *config, RlsDiagList *out) {
    return rls_rules_run_cached(NULL, model, src, src_len, config, out);
}

/* A context over model and its source, appending to out; no configuration. */
static void engine__ctx_init(RlsRulesCtx *ctx, const RlsResume *model, const char *src,
                             uint32_t src_len, RlsDiagList *out) {
    memset(ctx, 0, sizeof(*ctx));
    ctx->model = model;
    ctx->src = src ? src : "";
    ctx->src_len = src ? src_len : 0;
    ctx->out = out;
}

int rls_rules_run_cached(RlsRulesCache *cache, const RlsResume *model, const char *src,
                         uint32_t src_len, const RlsConfig *config, RlsDiagList *out) {
    if (!model || !out) return 0;
    size_t from = out->len;
    RlsRulesCtx ctx;
    engine__ctx_init(&ctx, model, src, src_len, out);
    ctx.config = config;
    for (size_t i = 0; i < RLS_ARRAY_LEN(engine__rules); i++)
        ctx.sev[i] =
            rls_config_severity(config, engine__rules[i].id, engine__rules[i].default_severity);
    engine__edits_load(&ctx);
    ctx.english = rls_rules_is_english(model);
    ctx.fragment = rls_rules_is_fragment(model, ctx.src, ctx.src_len);
    ctx.max_words = rls_config_threshold_of(config, RLS_THRESHOLD_BULLET_MAX_WORDS);
    ctx.max_chars = rls_config_threshold_of(config, RLS_THRESHOLD_BULLET_MAX_CHARS);
    ctx.min_words = rls_config_threshold_of(config, RLS_THRESHOLD_BULLET_MIN_WORDS);
    ctx.max_wide_chars = rls_config_threshold_of(config, RLS_THRESHOLD_BULLET_MAX_WIDE_CHARS);
    ctx.max_summary_words = rls_config_threshold_of(config, RLS_THRESHOLD_BULLET_MAX_SUMMARY_WORDS);
    if (model->n_sections) {
        ctx.section_scope = rls_malloc(model->n_sections * sizeof(*ctx.section_scope));
        ctx.section_english = rls_malloc(model->n_sections * sizeof(*ctx.section_english));
        for (uint32_t s = 0; s < model->n_sections; s++) {
            ctx.section_scope[s] = (uint8_t)rls_rules_scope_of(model, s);
            ctx.section_english[s] = rls_rules_section_english(model, s, ctx.english);
        }
    }

    ctx.cache = cache;
    if (cache) rls_rules_cache_begin(cache, &ctx);
    for (uint32_t i = 0; i < model->n_bullets; i++) {
        const RlsBullet *b = &model->bullets[i];
        if (!engine__judged(model, b)) continue;
        if (!cache) {
            rls_rules_scan_bullet(&ctx, b, (int32_t)i);
            rls_rules_bullet_checks(&ctx);
            continue;
        }
        /* The bullet rules read the text, these two facts and the
         * configuration, nothing else (rules_internal.h, cache.c). */
        RlsScope scope = engine__scope(&ctx, b->section);
        uint8_t facts =
            (uint8_t)((engine__achievement_scope(scope) ? RLS_RULES_FACT_ACHIEVEMENT : 0) |
                      (engine__list_item(model, (int32_t)i) ? RLS_RULES_FACT_LIST_ITEM : 0) |
                      ((unsigned)scope << RLS_RULES_FACT_SCOPE_SHIFT) |
                      (engine__english(&ctx, b->section, &b->plain) ? RLS_RULES_FACT_ENGLISH : 0));
        if (rls_rules_cache_replay(cache, &ctx, b, (int32_t)i, facts)) continue;
        size_t d0 = out->len, o0 = ctx.n_openers;
        rls_rules_scan_bullet(&ctx, b, (int32_t)i);
        rls_rules_bullet_checks(&ctx);
        /* No finding yet means no array yet: never offset a NULL pointer. */
        rls_rules_cache_store(cache, b, facts, out->len > d0 ? out->items + d0 : NULL,
                              out->len - d0, ctx.n_openers > o0 ? &ctx.openers[o0] : NULL);
    }
    if (cache) rls_rules_cache_end(cache);
    engine__paragraphs(&ctx);
    ctx.bullet = NULL;
    engine__run_checks(&ctx, false);

    rls_rules_apply_suppressions(&ctx, from);
    rls_diag_list_sort(out);

    engine__edits_free(&ctx);
    rls_free(ctx.words);
    rls_free(ctx.openers);
    rls_free(ctx.line_starts);
    rls_free(ctx.section_scope);
    rls_free(ctx.section_english);
    return 0;
}

void rls_rules_suppress(const RlsResume *model, const char *src, uint32_t src_len, RlsDiagList *out,
                        size_t from) {
    RlsRulesCtx ctx;
    engine__ctx_init(&ctx, model, src, src_len, out);
    rls_rules_apply_suppressions(&ctx, from);
    rls_free(ctx.line_starts);
}

/* ---- Suppression comments ------------------------------------------------------ */

typedef enum {
    SUPPRESS_DISABLE,
    SUPPRESS_ENABLE,
    SUPPRESS_NEXT_LINE,
    SUPPRESS_LINE,
} SuppressKind;

typedef struct {
    SuppressKind kind;
    uint32_t at_byte;  /* where it takes effect (disable/enable) */
    uint32_t line;     /* the line it covers (next-line/line) */
    const char *rules; /* rule list, borrowed from the comment */
    size_t rules_len;  /* 0: every rule */
} Suppression;

static bool engine__lists_rule(const Suppression *s, const char *rule) {
    if (s->rules_len == 0) return true;
    size_t rl = strlen(rule);
    const char *p = s->rules, *end = s->rules + s->rules_len;
    while (p < end) {
        while (p < end && (*p == ',' || *p == ' ' || *p == '\t'))
            p++;
        const char *q = p;
        while (q < end && *q != ',' && *q != ' ' && *q != '\t')
            q++;
        if ((size_t)(q - p) == rl && memcmp(p, rule, rl) == 0) return true;
        p = q;
    }
    return false;
}

static bool engine__parse_directive(const RlsComment *c, Suppression *s) {
    static const struct {
        const char *word;
        SuppressKind kind;
    } words[] = {
        /* Longest first: "disable" is a prefix of the others. */
        {"resume-ls-disable-next-line", SUPPRESS_NEXT_LINE},
        {"resume-ls-disable-line", SUPPRESS_LINE},
        {"resume-ls-disable", SUPPRESS_DISABLE},
        {"resume-ls-enable", SUPPRESS_ENABLE},
    };
    const char *t = c->text;
    if (!t) return false;
    /* "%% resume-ls-…" and "<!--- resume-ls-…" still count. */
    while (*t == ' ' || *t == '\t' || *t == '%' || *t == '!' || *t == '-')
        t++;
    for (size_t i = 0; i < RLS_ARRAY_LEN(words); i++) {
        size_t n = strlen(words[i].word);
        if (strncmp(t, words[i].word, n) != 0) continue;
        char after = t[n];
        if (after && after != ' ' && after != '\t' && after != ':') continue;
        const char *r = t + n;
        while (*r == ' ' || *r == '\t' || *r == ':')
            r++;
        /* "resume-ls-disable weak-opener -- the client asked for it": the
         * reason after "--" is not a rule name. */
        const char *stop = strstr(r, "--");
        size_t len = stop ? (size_t)(stop - r) : strlen(r);
        while (len && (r[len - 1] == ' ' || r[len - 1] == '\t' || r[len - 1] == '\n' ||
                       r[len - 1] == '\r'))
            len--;
        s->kind = words[i].kind;
        s->rules = r;
        s->rules_len = len;
        return true;
    }
    return false;
}

void rls_rules_apply_suppressions(RlsRulesCtx *ctx, size_t from) {
    const RlsResume *m = ctx->model;
    Suppression *sup = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t i = 0; i < m->n_comments; i++) {
        Suppression s;
        if (!engine__parse_directive(&m->comments[i], &s)) continue;
        RlsSpan sp = m->comments[i].span;
        s.at_byte = sp.start_byte;
        if (s.kind == SUPPRESS_NEXT_LINE) {
            uint32_t last = sp.end_byte > sp.start_byte ? sp.end_byte - 1 : sp.start_byte;
            s.line = rls_rules_line_of(ctx, last) + 1;
        } else {
            s.line = rls_rules_line_of(ctx, sp.start_byte);
        }
        RLS_PUSH(sup, n, cap, s);
    }
    if (n == 0) return;
    RlsDiagList *out = ctx->out;
    size_t keep = from;
    for (size_t i = from; i < out->len; i++) {
        RlsDiag *d = &out->items[i];
        uint32_t line = rls_rules_line_of(ctx, d->span.start_byte);
        /* A bullet-level finding belongs to the bullet's first line, so a
         * comment above a wrapped bullet covers all of it. */
        uint32_t first_line = line;
        if (d->bullet >= 0 && (uint32_t)d->bullet < m->n_bullets)
            first_line = rls_rules_line_of(ctx, m->bullets[d->bullet].item_span.start_byte);
        bool disabled = false;
        for (size_t k = 0; k < n; k++) {
            const Suppression *s = &sup[k];
            if (!engine__lists_rule(s, d->rule)) continue;
            switch (s->kind) {
            case SUPPRESS_NEXT_LINE:
            case SUPPRESS_LINE:
                if (s->line == line || s->line == first_line) disabled = true;
                break;
            case SUPPRESS_DISABLE:
            case SUPPRESS_ENABLE:
                break;
            }
        }
        if (!disabled) {
            /* Ranges: the last disable/enable before the finding decides. */
            bool range_off = false;
            uint32_t latest = 0;
            bool seen = false;
            for (size_t k = 0; k < n; k++) {
                const Suppression *s = &sup[k];
                if (s->kind != SUPPRESS_DISABLE && s->kind != SUPPRESS_ENABLE) continue;
                if (s->at_byte > d->span.start_byte) continue;
                if (!engine__lists_rule(s, d->rule)) continue;
                if (seen && s->at_byte < latest) continue;
                seen = true;
                latest = s->at_byte;
                range_off = s->kind == SUPPRESS_DISABLE;
            }
            disabled = range_off;
        }
        if (disabled) {
            rls_free(d->message);
            continue;
        }
        out->items[keep++] = *d;
    }
    out->len = keep;
    rls_free(sup);
}
