/* Tests for the embedded lexicons and the word helpers (server/rules/). */
#include <ctype.h>

#include "rules/rules_internal.h"
#include "test.h"

static void test_every_lexicon_parses_without_dropping_entries(void) {
    EXPECT_EQ_INT(rls_lexicon_dropped(), 0);
    for (int id = 0; id < RLS_LEX_COUNT; id++) {
        const RlsLexicon *lex = rls_lexicon_get((RlsLexId)id);
        if (lex->n == 0) RLS__FAIL("lexicon %s is empty", lex->name);
    }
    /* Issue 4: at least 40 weak openers drawn from resume guidance. */
    EXPECT_TRUE(rls_lexicon_get(RLS_LEX_WEAK_OPENER)->n >= 40);
    EXPECT_TRUE(rls_lexicon_get(RLS_LEX_BUZZWORD)->n >= 30);
    EXPECT_TRUE(rls_lexicon_get(RLS_LEX_PARTICIPLE)->n >= 80);
}

static void test_entries_are_sorted_unique_and_normalised(void) {
    for (int id = 0; id < RLS_LEX_COUNT; id++) {
        const RlsLexicon *lex = rls_lexicon_get((RlsLexId)id);
        for (uint32_t i = 0; i < lex->n; i++) {
            const RlsLexEntry *e = &lex->items[i];
            if (e->key[0] == ' ' || e->key[e->key_len - 1] == ' ')
                RLS__FAIL("%s: \"%.*s\" has stray spaces", lex->name, e->key_len, e->key);
            for (uint16_t k = 0; lex->fold && k < e->key_len; k++)
                if (isupper((unsigned char)e->key[k]))
                    RLS__FAIL("%s: \"%.*s\" must be lower-case", lex->name, e->key_len, e->key);
            if (i == 0) continue;
            const RlsLexEntry *p = &lex->items[i - 1];
            size_t m = p->key_len < e->key_len ? p->key_len : e->key_len;
            int c = memcmp(p->key, e->key, m);
            /* The participles repeat ("read", "learnt"): the same word
             * for two verbs, or two lines of one, is fine there. */
            bool dup_ok = id == RLS_LEX_PARTICIPLE;
            if (c > 0 || (c == 0 && p->key_len > e->key_len) ||
                (c == 0 && p->key_len == e->key_len && !dup_ok))
                RLS__FAIL("%s: \"%.*s\" and \"%.*s\" out of order or duplicated", lex->name,
                          p->key_len, p->key, e->key_len, e->key);
        }
    }
}

static void test_table_lexicons_have_their_columns(void) {
    const RlsLexicon *acr = rls_lexicon_get(RLS_LEX_ACRONYM);
    for (uint32_t i = 0; i < acr->n; i++) {
        size_t l;
        if (!rls_lexicon_column(&acr->items[i], 1, &l) || l == 0)
            RLS__FAIL("acronym \"%.*s\" has no spelled-out form", acr->items[i].key_len,
                      acr->items[i].key);
    }
}

static void test_lookup_folds_case_except_for_acronyms(void) {
    EXPECT_TRUE(rls_lexicon_find(rls_lexicon_get(RLS_LEX_ACTION_VERB), "Build", 5) != NULL);
    EXPECT_TRUE(rls_lexicon_find(rls_lexicon_get(RLS_LEX_ACTION_VERB), "Buil", 4) == NULL);
    EXPECT_TRUE(rls_lexicon_find(rls_lexicon_get(RLS_LEX_ACRONYM), "SRE", 3) != NULL);
    EXPECT_TRUE(rls_lexicon_find(rls_lexicon_get(RLS_LEX_ACRONYM), "sre", 3) == NULL);
    EXPECT_TRUE(rls_lexicon_find(rls_lexicon_get(RLS_LEX_PARTICIPLE), "written", 7) != NULL);
}

static void test_phrases_match_on_word_boundaries_with_flexible_separators(void) {
    const char *t = "Team-player, team  player; team players and company’s";
    uint32_t n = (uint32_t)strlen(t);
    EXPECT_EQ_INT(rls_rules_phrase_at("team player", 11, true, t, n, 0), 11);
    EXPECT_EQ_INT(rls_rules_phrase_at("team player", 11, true, t, n, 13), 25);
    /* "team players" does not end on a boundary after "player". */
    EXPECT_EQ_INT(rls_rules_phrase_at("team player", 11, true, t, n, 27), 0);
    const char *c = strstr(t, "company");
    EXPECT_EQ_INT(rls_rules_phrase_at("company's", 9, true, t, n, (uint32_t)(c - t)), n);
    EXPECT_EQ_INT(rls_rules_phrase_at("Team", 4, false, "team", 4, 0), 0);
}

static void test_tense_of_openers(void) {
    static const struct {
        const char *word, *next;
        RlsTense tense;
    } cases[] = {
        {"Built", "a", RLS_TENSE_PAST},        {"Led", "a", RLS_TENSE_PAST},
        {"Reduced", "p99", RLS_TENSE_PAST},    {"Build", "the", RLS_TENSE_PRESENT},
        {"Manages", "a", RLS_TENSE_PRESENT},   {"Optimizes", "the", RLS_TENSE_PRESENT},
        {"Lead", "a", RLS_TENSE_PRESENT},      {"Lead", "Engineer", RLS_TENSE_NONE},
        {"Design", "of", RLS_TENSE_NONE},      {"Cut", "costs", RLS_TENSE_NONE},
        {"Exceed", "targets", RLS_TENSE_NONE}, {"The", "team", RLS_TENSE_NONE},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsTense t = rls_rules_tense_of(cases[i].word, strlen(cases[i].word), cases[i].next,
                                        strlen(cases[i].next));
        if (t != cases[i].tense)
            RLS__FAIL("tense of \"%s %s\": %d, expected %d", cases[i].word, cases[i].next, t,
                      cases[i].tense);
    }
}

static void test_verb_forms_for_suggestions(void) {
    static const struct {
        const char *base, *past;
    } cases[] = {
        {"Manage", "Managed"}, {"Ship", "Shipped"},    {"Build", "Built"},
        {"Apply", "Applied"},  {"Deploy", "Deployed"}, {"Lead", "Led"},
        {"Debug", "Debugged"}, {"Edit", "Edited"},     {"Own", "Owned"},
    };
    char buf[64];
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        rls_rules_other_tense(cases[i].base, strlen(cases[i].base), RLS_TENSE_PRESENT, buf,
                              sizeof(buf));
        EXPECT_STR_EQ(buf, cases[i].past);
        rls_rules_other_tense(cases[i].past, strlen(cases[i].past), RLS_TENSE_PAST, buf,
                              sizeof(buf));
        EXPECT_STR_EQ(buf, cases[i].base);
    }
    rls_rules_other_tense("Manages", 7, RLS_TENSE_PRESENT, buf, sizeof(buf));
    EXPECT_STR_EQ(buf, "Managed");
    /* A past the table does not list is guessed with its "e" back (the
     * rules' own copy answered "Containeriz"). */
    rls_rules_other_tense("Containerized", 13, RLS_TENSE_PAST, buf, sizeof(buf));
    EXPECT_STR_EQ(buf, "Containerize");
    /* An empty word has no last letter to read (it used to read w[-1] and
     * answer "ed"). */
    rls_rules_other_tense("", 0, RLS_TENSE_PRESENT, buf, sizeof(buf));
    EXPECT_STR_EQ(buf, "");
    rls_rules_other_tense("", 0, RLS_TENSE_PAST, buf, sizeof(buf));
    EXPECT_STR_EQ(buf, "");
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_every_lexicon_parses_without_dropping_entries),
        RLS_TEST(test_entries_are_sorted_unique_and_normalised),
        RLS_TEST(test_table_lexicons_have_their_columns),
        RLS_TEST(test_lookup_folds_case_except_for_acronyms),
        RLS_TEST(test_phrases_match_on_word_boundaries_with_flexible_separators),
        RLS_TEST(test_tense_of_openers),
        RLS_TEST(test_verb_forms_for_suggestions),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
