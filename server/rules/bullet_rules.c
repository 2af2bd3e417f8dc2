/*
 * bullet_rules.c - the rules judged on one bullet at a time: weak-opener,
 * no-metric, vague-quantifier, passive-voice, first-person,
 * spelled-out-number, buzzword, bullet-length.
 *
 * Each finding points at the offending words in the bullet's plain text;
 * the engine maps them to source bytes through the bullet's source map.
 */
#include <ctype.h>
#include <string.h>

#include "rules/rules_internal.h"

#define WORD_TEXT(ctx, w) ((ctx)->bullet->plain.text + (ctx)->words[w].start_byte)
#define WORD_LEN(ctx, w) ((ctx)->words[w].end_byte - (ctx)->words[w].start_byte)

static bool bullet__is(RlsRulesCtx *ctx, size_t w, const char *s) {
    return w < ctx->n_words && rls_rules_word_is(WORD_TEXT(ctx, w), WORD_LEN(ctx, w), s);
}

/* ---- weak-opener --------------------------------------------------------------------- */

void rls_rules_weak_opener(RlsRulesCtx *ctx) {
    if (ctx->is_list || ctx->opener >= ctx->n_words) return;
    const char *t = ctx->bullet->plain.text;
    uint32_t n = ctx->bullet->plain.len;
    uint32_t start = ctx->words[ctx->opener].start_byte;
    uint32_t end = rls_rules_match(ctx, RLS_LEX_WEAK_OPENER, t, n, start, NULL);
    if (!end) {
        /* "I am responsible for", "We were tasked with": skip the auxiliary. */
        size_t o = ctx->opener;
        if (bullet__is(ctx, o, "am") || bullet__is(ctx, o, "was") || bullet__is(ctx, o, "were") ||
            bullet__is(ctx, o, "is") || bullet__is(ctx, o, "are")) {
            if (o + 1 < ctx->n_words)
                end = rls_rules_match(ctx, RLS_LEX_WEAK_OPENER, t, n, ctx->words[o + 1].start_byte,
                                      NULL);
        }
    }
    if (!end) return;
    if (ctx->n_openers && ctx->openers[ctx->n_openers - 1].bullet == ctx->bullet_index)
        ctx->openers[ctx->n_openers - 1].weak = true;
    rls_rules_report(ctx, RLS_RULE_ID(WEAK_OPENER), start, end,
                     "\"%.*s\" describes a duty or activity, not a result. Open with a verb that "
                     "names what you achieved, e.g. \"Responsible for the billing API\" -> "
                     "\"Rebuilt the billing API, cutting failed payments by 30%%\".",
                     (int)(end - start), t + start);
}

/* One token with a slash, dot or at sign: a link or handle under a
 * project ("github.com/jane/tool", "instagram/handle"), not a statement. */
static bool bullet__link_only(const char *t, uint32_t n) {
    bool mark = false;
    for (uint32_t i = 0; i < n; i++) {
        if (t[i] == ' ') return false;
        if ((t[i] == '/' || t[i] == '@' || t[i] == '.') && i > 0 && i + 1 < n) mark = true;
    }
    return mark;
}

/* ---- no-metric ------------------------------------------------------------------------ */

void rls_rules_no_metric(RlsRulesCtx *ctx) {
    if (!ctx->is_achievement || ctx->is_list || ctx->is_list_item || ctx->has_metric ||
        ctx->states_no_work || ctx->n_words < 3 ||
        bullet__link_only(ctx->bullet->plain.text, ctx->bullet->plain.len))
        return;
    /* In a role told in prose, a sentence that does not open with a verb
     * sets the scene ("The team builds payroll software."): no claim. */
    if (ctx->prose_role && !rls_rules_opens_with_verb(ctx)) return;
    rls_rules_report(ctx, RLS_RULE_ID(NO_METRIC), 0, ctx->bullet->plain.len,
                     "No measurable result: add a number a reader can weigh (%%, time, money, "
                     "scale), e.g. \"Optimized queries\" -> \"Cut p95 query time from 2s to "
                     "300ms for 40K daily users\".");
}

/* ---- vague-quantifier -------------------------------------------------------------------- */

void rls_rules_vague_quantifier(RlsRulesCtx *ctx) {
    const char *t = ctx->bullet->plain.text;
    uint32_t n = ctx->bullet->plain.len;
    for (size_t w = 0; w < ctx->n_words; w++) {
        uint8_t flags = 0;
        uint32_t start = ctx->words[w].start_byte;
        uint32_t end = rls_rules_match(ctx, RLS_LEX_VAGUE, t, n, start, &flags);
        if (!end) continue;
        if (!((flags & RLS_LEX_FLAG_WEAK) && ctx->has_metric)) {
            if (flags & RLS_LEX_FLAG_WEAK)
                rls_rules_report(ctx, RLS_RULE_ID(VAGUE_QUANTIFIER), start, end,
                                 "\"%.*s\" claims a big effect without showing it. Give the "
                                 "figure instead, e.g. \"significantly faster\" -> \"40%% "
                                 "faster (2.1s to 1.3s)\".",
                                 (int)(end - start), t + start);
            else
                rls_rules_report(ctx, RLS_RULE_ID(VAGUE_QUANTIFIER), start, end,
                                 "\"%.*s\" is vague: say how many, e.g. \"various "
                                 "microservices\" -> \"6 microservices\".",
                                 (int)(end - start), t + start);
        }
        while (w + 1 < ctx->n_words && ctx->words[w + 1].start_byte < end)
            w++;
    }
}

/* ---- passive-voice ----------------------------------------------------------------------- */

static bool bullet__be(RlsRulesCtx *ctx, size_t w) {
    static const char *const be[] = {"am", "is", "are", "was", "were", "be", "been", "being"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(be); i++)
        if (bullet__is(ctx, w, be[i])) return true;
    return false;
}

/* Participles that follow "be" as adjectives describing a state, not an
 * action someone did: "is based in", "was interested in". */
static const char *const bullet__stative[] = {
    "based",     "located",   "interested", "excited",  "experienced", "skilled",
    "dedicated", "motivated", "focused",    "oriented", "committed",   "qualified",
    "certified", "detailed",  "advanced",   "pleased",  "honored",     "honoured",
    "proud",     "concerned", "related",    "supposed", "used to",     "tired",
};

static bool bullet__participle(RlsRulesCtx *ctx, size_t w) {
    const char *s = WORD_TEXT(ctx, w);
    uint32_t n = WORD_LEN(ctx, w);
    for (size_t i = 0; i < RLS_ARRAY_LEN(bullet__stative); i++)
        if (rls_rules_word_is(s, n, bullet__stative[i])) return false;
    if (bullet__is(ctx, w, "used") && bullet__is(ctx, w + 1, "to")) return false;
    if (rls_rules_has_word(ctx, RLS_LEX_PARTICIPLE, s, n)) {
        /* "been" + "done" is passive, but "was" + "set"/"cut"/"put" is too;
         * "is" + "read" is rare enough to accept. */
        return true;
    }
    if (n < 4 || tolower((unsigned char)s[n - 2]) != 'e' || tolower((unsigned char)s[n - 1]) != 'd')
        return false;
    return rls_rules_tense_of(s, n, NULL, 0) == RLS_TENSE_PAST;
}

/* Words that open a subordinate clause. Passive voice there describes a
 * thing ("a game where maps are generated", "the way commands are added"),
 * not the person's own work, so only a sentence's main clause is judged. */
static const char *const bullet__clause_words[] = {
    "that", "which", "who", "whom", "where", "when",  "while",  "because", "since",
    "so",   "if",    "as",  "way",  "whose", "after", "before", "until",   "unless",
};

/* Recognition is passive by nature and hides no one: "was selected as a
 * speaker", "was featured in TechCrunch", "was promoted to lead". */
static bool bullet__recognition(RlsRulesCtx *ctx, size_t p) {
    static const char *const verbs[] = {"selected",  "featured", "awarded",    "invited",
                                        "nominated", "named",    "recognized", "recognised",
                                        "promoted",  "elected",  "chosen",     "accepted",
                                        "published", "cited",    "appointed",  "honored"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(verbs); i++)
        if (bullet__is(ctx, p, verbs[i])) return true;
    return false;
}

/* "Phabricator is used daily by Facebook, Dropbox and Quora": the agent is
 * named and is someone else; the sentence states adoption, an outcome.
 * "... was automated by me" still hides the person behind the passive. */
static bool bullet__named_agent(RlsRulesCtx *ctx, size_t p) {
    for (size_t k = p + 1; k < ctx->n_words && k <= p + 3; k++) {
        if (!bullet__is(ctx, k, "by")) continue;
        if (k + 1 >= ctx->n_words) return false;
        const char *a = WORD_TEXT(ctx, k + 1);
        if (bullet__is(ctx, k + 1, "me") || bullet__is(ctx, k + 1, "us") ||
            bullet__is(ctx, k + 1, "i") || bullet__is(ctx, k + 1, "myself"))
            return false;
        return isupper((unsigned char)a[0]) || ((unsigned char)a[0] >= '0' && a[0] <= '9');
    }
    return false;
}

void rls_rules_passive_voice(RlsRulesCtx *ctx) {
    const char *t = ctx->bullet->plain.text;
    bool subordinate = false;
    size_t scanned = 0; /* words before this one already checked for boundaries */
    for (size_t w = 0; w + 1 < ctx->n_words; w++) {
        for (; scanned <= w; scanned++) {
            /* A sentence or label boundary (". ", ": ") resets; a comma,
             * semicolon, bracket or clause word starts a subordinate part. */
            uint32_t from = scanned ? ctx->words[scanned - 1].end_byte : 0;
            for (uint32_t i = from; i < ctx->words[scanned].start_byte; i++) {
                char c = t[i];
                if (c == '.' || c == '!' || c == '?' || c == ':') subordinate = false;
                if (c == ',' || c == ';' || c == '(') subordinate = true;
            }
            /* Clause words are 2-7 letters starting with one of "abstuw"
             * (and "if", "so"): most words are rejected here. */
            uint32_t sl = WORD_LEN(ctx, scanned);
            char f0 = (char)(WORD_TEXT(ctx, scanned)[0] | 32);
            if (sl >= 2 && sl <= 7 && strchr("abstuwi", f0))
                for (size_t k = 0; k < RLS_ARRAY_LEN(bullet__clause_words); k++)
                    if (bullet__is(ctx, scanned, bullet__clause_words[k])) subordinate = true;
        }
        if (subordinate || WORD_LEN(ctx, w) > 5 || !strchr("aibw", WORD_TEXT(ctx, w)[0] | 32) ||
            !bullet__be(ctx, w))
            continue;
        /* "being set" describes a state; "can be seen" a possibility. */
        if (bullet__is(ctx, w, "being")) continue;
        static const char *const modals[] = {"can",   "could",  "will", "would", "may",
                                             "might", "should", "must", "to"};
        bool modal = false;
        for (size_t k = 0; w > 0 && k < RLS_ARRAY_LEN(modals) && !modal; k++)
            modal = bullet__is(ctx, w - 1, modals[k]);
        if (modal) continue;
        size_t p = w + 1;
        for (int adv = 0; adv < 2 && p < ctx->n_words; adv++) {
            uint32_t l = WORD_LEN(ctx, p);
            const char *s = WORD_TEXT(ctx, p);
            bool is_adv = (l > 3 && s[l - 2] == 'l' && s[l - 1] == 'y') ||
                          rls_rules_word_is(s, l, "also") || rls_rules_word_is(s, l, "then") ||
                          rls_rules_word_is(s, l, "not") || rls_rules_word_is(s, l, "later");
            if (!is_adv) break;
            p++;
        }
        if (p >= ctx->n_words || !bullet__participle(ctx, p)) continue;
        if (bullet__recognition(ctx, p) || bullet__named_agent(ctx, p)) continue;
        uint32_t start = ctx->words[w].start_byte, end = ctx->words[p].end_byte;
        rls_rules_report(ctx, RLS_RULE_ID(PASSIVE_VOICE), start, end,
                         "\"%.*s\" is passive: it hides who did the work. Put yourself first "
                         "with an active verb, e.g. \"Bugs were fixed\" -> \"Fixed 40 bugs in "
                         "the billing service\".",
                         (int)(end - start), t + start);
        w = p;
    }
}

/* ---- first-person -------------------------------------------------------------------------- */

static bool bullet__roman(RlsRulesCtx *ctx, size_t w) {
    static const char *const r[] = {"ii", "iii", "iv", "v", "vi"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(r); i++)
        if (bullet__is(ctx, w, r[i]) && isupper((unsigned char)WORD_TEXT(ctx, w)[0])) return true;
    return false;
}

/* Part of a URL, e-mail address, path or file name: "blog.yours.me",
 * "me@example.com", "/usr/share/my". */
static bool bullet__url_like(const char *t, uint32_t n, uint32_t a, uint32_t b) {
    if (a > 0 && strchr("./@_:#~", t[a - 1])) return true;
    if (b < n && strchr("/@_", t[b])) return true;
    if (b + 1 < n && t[b] == '.' && isalnum((unsigned char)t[b + 1])) return true;
    return false;
}

/* Inside quotation marks before byte a: a title ("We Are the 18 Percent",
 * 'Why isn't our word enough?') quotes someone else's words. A single
 * quote opens after a space or bracket and closes before one; an
 * apostrophe inside a word ("isn't") does neither. */
static bool bullet__quoted(const char *t, uint32_t a) {
    int straight = 0, curly = 0, single = 0;
    for (uint32_t i = 0; i < a; i++) {
        if (t[i] == '\'') {
            bool after_space = i == 0 || t[i - 1] == ' ' || t[i - 1] == '(';
            bool before_word = i + 1 < a && rls_rules_ascii_alnum((unsigned char)t[i + 1]);
            if (!single && after_space && before_word)
                single = 1;
            else if (single && !before_word)
                single = 0;
        }
        if (t[i] == '"') straight ^= 1;
        if (i + 2 < a && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80) {
            if ((unsigned char)t[i + 2] == 0x9C) curly = 1;
            if ((unsigned char)t[i + 2] == 0x9D) curly = 0;
        }
    }
    return straight || curly || single;
}

void rls_rules_first_person(RlsRulesCtx *ctx) {
    static const char *const pronouns[] = {"i",  "me",  "my",   "mine", "myself",
                                           "we", "our", "ours", "us",   "ourselves"};
    const char *t = ctx->bullet->plain.text;
    uint32_t n = ctx->bullet->plain.len;
    for (size_t w = 0; w < ctx->n_words; w++) {
        const char *s = WORD_TEXT(ctx, w);
        uint32_t l = WORD_LEN(ctx, w);
        /* Pronouns are 1-9 letters starting with i, m, w, o or u. */
        if (l > 9 || !strchr("imwou", s[0] | 32)) continue;
        bool hit = false;
        for (size_t i = 0; i < RLS_ARRAY_LEN(pronouns) && !hit; i++)
            hit = rls_rules_word_is(s, l, pronouns[i]);
        if (!hit) continue;
        uint32_t a = ctx->words[w].start_byte, b = ctx->words[w].end_byte;
        if (bullet__url_like(t, n, a, b) || bullet__quoted(t, a)) continue;
        if (l >= 2) {
            /* "US" the country, "ME" the degree: all capitals is not a pronoun. */
            bool caps = true;
            for (uint32_t k = 0; k < l; k++)
                caps = caps && isupper((unsigned char)s[k]);
            if (caps) continue;
        } else {
            /* A lone lower-case "i" is a list numeral ("i;", "i)"), not a
             * pronoun anyone writes in a resume. */
            if (s[0] != 'I') continue;
            /* "I/O", "Type-I", "I-9", "U.S.": not a pronoun. */
            if ((b < n && (t[b] == '/' || t[b] == '-' || t[b] == '.' || t[b] == '\'')) ||
                (a > 0 && (t[a - 1] == '/' || t[a - 1] == '-' || t[a - 1] == '.')))
                if (!(b < n && t[b] == '\'' && b + 1 < n && (t[b + 1] == 'm' || t[b + 1] == 'v')))
                    continue;
            /* "Engineer I to II", "Phase I": a Roman numeral. */
            if (bullet__roman(ctx, w + 1) || (w > 0 && bullet__roman(ctx, w - 1)) ||
                bullet__roman(ctx, w + 2) || bullet__roman(ctx, w + 3))
                continue;
            static const char *const ranked[] = {
                "engineer",   "developer",  "analyst", "scientist", "associate", "specialist",
                "consultant", "technician", "phase",   "tier",      "level",     "type",
                "grade",      "class",      "part",    "series",    "war",       "step",
                "stage",      "manager",    "designer"};
            bool numeral = false;
            for (size_t k = 0; w > 0 && k < RLS_ARRAY_LEN(ranked) && !numeral; k++)
                numeral = bullet__is(ctx, w - 1, ranked[k]);
            if (numeral) continue;
            if (w > 0 && s[0] == 'I' && isupper((unsigned char)WORD_TEXT(ctx, w - 1)[0]) &&
                w - 1 != ctx->opener && w - 1 != 0 &&
                (w + 1 >= ctx->n_words || !islower((unsigned char)WORD_TEXT(ctx, w + 1)[0])))
                continue;
        }
        if (ctx->summary) {
            /* A summary told in the first person says "I" in every
             * sentence: one finding for the paragraph, not one per word. */
            size_t more = 0;
            for (size_t k = w + 1; k < ctx->n_words; k++)
                for (size_t i = 0; i < RLS_ARRAY_LEN(pronouns); i++)
                    if (bullet__is(ctx, k, pronouns[i]) &&
                        !(WORD_LEN(ctx, k) >= 2 && isupper((unsigned char)WORD_TEXT(ctx, k)[1])) &&
                        !(WORD_LEN(ctx, k) == 1 && WORD_TEXT(ctx, k)[0] != 'I'))
                        more++;
            rls_rules_report(ctx, RLS_RULE_ID(FIRST_PERSON), a, b,
                             "Drop \"%.*s\"%s: a summary reads best in the implied first "
                             "person, e.g. \"I am a backend engineer who builds payment "
                             "systems\" -> \"Backend engineer building payment systems\".",
                             (int)l, s, more ? " and the other first-person words" : "");
            return;
        }
        rls_rules_report(ctx, RLS_RULE_ID(FIRST_PERSON), a, b,
                         "Drop \"%.*s\": resume bullets leave the subject implied and start "
                         "with the verb, e.g. \"I designed the cache\" -> \"Designed the "
                         "cache\".",
                         (int)l, s);
    }
}

/* ---- spelled-out-number ---------------------------------------------------------------------- */

void rls_rules_spelled_out_number(RlsRulesCtx *ctx) {
    const char *t = ctx->bullet->plain.text;
    uint32_t n = ctx->bullet->plain.len;
    for (size_t w = 0; w < ctx->n_words; w++) {
        long v = 0;
        uint32_t end = rls_rules_spelled_number(ctx, t, n, w, &v);
        if (!end) continue;
        uint32_t start = ctx->words[w].start_byte;
        size_t last = w;
        while (last + 1 < ctx->n_words && ctx->words[last + 1].end_byte <= end)
            last++;
        bool pct = last > w && (bullet__is(ctx, last, "percent") || bullet__is(ctx, last, "pct") ||
                                bullet__is(ctx, last, "cent"));
        rls_rules_report(ctx, RLS_RULE_ID(SPELLED_OUT_NUMBER), start, end,
                         "Write \"%.*s\" as \"%ld%s\": digits stand out when a reader skims and "
                         "match what applicant tracking systems look for.",
                         (int)(end - start), t + start, v, pct ? "%" : "");
        while (w + 1 < ctx->n_words && ctx->words[w + 1].start_byte < end)
            w++;
    }
}

/* ---- buzzword ------------------------------------------------------------------------------- */

void rls_rules_buzzword(RlsRulesCtx *ctx) {
    const char *t = ctx->bullet->plain.text;
    uint32_t n = ctx->bullet->plain.len;
    for (size_t w = 0; w < ctx->n_words; w++) {
        uint32_t start = ctx->words[w].start_byte;
        uint32_t end = rls_rules_match(ctx, RLS_LEX_BUZZWORD, t, n, start, NULL);
        if (!end) continue;
        rls_rules_report(ctx, RLS_RULE_ID(BUZZWORD), start, end,
                         "\"%.*s\" is a claim readers skip. Show it with evidence instead, "
                         "e.g. \"team player\" -> \"Paired with 3 teams to ship SSO in 6 "
                         "weeks\".",
                         (int)(end - start), t + start);
        while (w + 1 < ctx->n_words && ctx->words[w + 1].start_byte < end)
            w++;
    }
}

/* ---- bullet-length -----------------------------------------------------------------------------
 */

/* Han, kana and Hangul: scripts written without spaces, where one
 * character carries about a word and renders twice as wide as a Latin
 * letter. */
static bool bullet__wide_cp(uint32_t cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

void rls_rules_bullet_length(RlsRulesCtx *ctx) {
    if (ctx->is_list) return;
    const char *t = ctx->bullet->plain.text;
    uint32_t n = ctx->bullet->plain.len;
    double max_words = ctx->max_words, max_chars = ctx->max_chars, min_words = ctx->min_words;
    double max_wide = ctx->max_wide_chars;
    if (ctx->summary) {
        /* A summary paragraph holds a few sentences: about four lines. */
        max_words = ctx->max_summary_words;
        max_chars = max_words * 7;
        max_wide = max_words * 2;
        min_words = 0;
    }
    /* Words are counted where words are spaced: Latin, Cyrillic, Greek.
     * Han, kana and Hangul are counted by characters against their own
     * budget (about two rendered lines: a wide character takes the room of
     * two Latin letters), never as words. Width is in Latin-letter columns.
     * Plain text is already folded to single spaces. */
    uint32_t words = 0, chars = 0, wide = 0;
    uint32_t over_word_byte = n, over_char_byte = n, over_wide_byte = n;
    bool in_word = false;
    for (uint32_t i = 0; i < n;) {
        unsigned char c = (unsigned char)t[i];
        uint32_t cl = 1, cp = c;
        if (c >= 0x80) cp = rls_rules_cp_at(t, n, i, &cl);
        if (bullet__wide_cp(cp)) {
            chars += 2;
            wide++;
            in_word = false;
            if (max_wide > 0 && wide == (uint32_t)max_wide + 1) over_wide_byte = i;
        } else {
            chars++;
            if (c == ' ') {
                in_word = false;
            } else if (!in_word) {
                in_word = true;
                words++;
                if (max_words > 0 && words == (uint32_t)max_words + 1) over_word_byte = i;
            }
        }
        if (max_chars > 0 && chars > (uint32_t)max_chars && over_char_byte == n) over_char_byte = i;
        i += cl;
    }
    bool cjk = wide > 0 && wide * 2 >= chars / 2; /* half the width is wide text */
    bool too_long;
    uint32_t from;
    if (cjk) {
        too_long = max_wide > 0 && wide > max_wide;
        from = over_wide_byte;
    } else {
        too_long = (max_words > 0 && words > max_words) || (max_chars > 0 && chars > max_chars);
        from = over_word_byte < over_char_byte ? over_word_byte : over_char_byte;
    }
    if (too_long) {
        /* Start the squiggle at a word, not mid-word; never an empty range. */
        while (!cjk && from > 0 && from < n && t[from - 1] != ' ')
            from--;
        if (from >= n) from = 0;
        const char *what = ctx->summary ? "Summary" : "Bullet";
        if (cjk)
            rls_rules_report(ctx, RLS_RULE_ID(BULLET_LENGTH), from, n,
                             "%s is %u characters, more than about two lines: readers skim "
                             "past it. Keep one result per %s (at most %g characters); split "
                             "it or cut the detail from here on.",
                             what, wide, ctx->summary ? "paragraph" : "bullet", max_wide);
        else if (ctx->summary)
            rls_rules_report(ctx, RLS_RULE_ID(BULLET_LENGTH), from, n,
                             "Summary is %u words, more than about four lines: a reader "
                             "skims it in seconds. Keep the two or three claims that matter "
                             "most (at most %g words); cut from here on.",
                             words, max_words);
        else
            rls_rules_report(ctx, RLS_RULE_ID(BULLET_LENGTH), from, n,
                             "Bullet is %u words / %u characters, more than about two lines: "
                             "readers skim past it. Keep one result per bullet (at most %g "
                             "words or %g characters); split it or cut the detail from here "
                             "on.",
                             words, chars, max_words, max_chars);
    } else if (ctx->is_achievement && !ctx->is_list_item && min_words > 0 && !cjk && wide == 0 &&
               words < min_words && !bullet__link_only(t, n)) {
        rls_rules_report(ctx, RLS_RULE_ID(BULLET_LENGTH), 0, n,
                         "Bullet is only %u word%s: say what you did and what came of it, e.g. "
                         "\"Testing\" -> \"Added integration tests that caught 12 regressions "
                         "before release\".",
                         words, words == 1 ? "" : "s");
    }
}
