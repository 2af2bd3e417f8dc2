/* Tests for verb morphology and number words (server/text/verbs.c, server/actions/words.c). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actions/actions_internal.h"
#include "test.h"

typedef struct {
    const char *base, *past, *participle, *gerund, *third;
} MorphRow;

/* Forward conjugation: regular spelling rules and the irregular table. */
static const MorphRow morph_rows[] = {
    {"migrate", "migrated", "migrated", "migrating", "migrates"}, /* e-dropping */
    {"cut", "cut", "cut", "cutting", "cuts"},                     /* irregular, doubling */
    {"ship", "shipped", "shipped", "shipping", "ships"},          /* CVC doubling */
    {"apply", "applied", "applied", "applying", "applies"},       /* y -> i */
    {"deploy", "deployed", "deployed", "deploying", "deploys"},   /* vowel + y stays */
    {"build", "built", "built", "building", "builds"},
    {"lead", "led", "led", "leading", "leads"},
    {"run", "ran", "run", "running", "runs"},
    {"write", "wrote", "written", "writing", "writes"},
    {"drive", "drove", "driven", "driving", "drives"},
    {"grow", "grew", "grown", "growing", "grows"},
    {"make", "made", "made", "making", "makes"},
    {"set", "set", "set", "setting", "sets"},
    {"bring", "brought", "brought", "bringing", "brings"},
    {"speed", "sped", "sped", "speeding", "speeds"},
    {"begin", "began", "begun", "beginning", "begins"},
    {"commit", "committed", "committed", "committing", "commits"},   /* listed doubling */
    {"develop", "developed", "developed", "developing", "develops"}, /* no doubling */
    {"fix", "fixed", "fixed", "fixing", "fixes"},                    /* x never doubles */
    {"reach", "reached", "reached", "reaching", "reaches"},
    {"tie", "tied", "tied", "tying", "ties"},
    {"agree", "agreed", "agreed", "agreeing", "agrees"},
    {"quit", "quit", "quit", "quitting", "quits"},
    {"plan", "planned", "planned", "planning", "plans"},
    {"open", "opened", "opened", "opening", "opens"},
};

static void test_base_forms_conjugate_to_every_form(void) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(morph_rows); i++) {
        const MorphRow *r = &morph_rows[i];
        RlsVerb v;
        ASSERT_TRUE(rls_verb_from_base(r->base, strlen(r->base), &v));
        EXPECT_STR_EQ(v.past, r->past);
        EXPECT_STR_EQ(v.participle, r->participle);
        EXPECT_STR_EQ(v.gerund, r->gerund);
        EXPECT_STR_EQ(v.third, r->third);
    }
}

static void test_every_form_leads_back_to_its_base(void) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(morph_rows); i++) {
        const MorphRow *r = &morph_rows[i];
        RlsVerb v;
        memset(&v, 0, sizeof v);
        EXPECT_TRUE(rls_verb_as(r->past, strlen(r->past), RLS_VFORM_PAST, true, &v));
        EXPECT_STR_EQ(v.base, r->base);
        EXPECT_TRUE(rls_verb_as(r->gerund, strlen(r->gerund), RLS_VFORM_GERUND, true, &v));
        EXPECT_STR_EQ(v.base, r->base);
        EXPECT_TRUE(
            rls_verb_as(r->participle, strlen(r->participle), RLS_VFORM_PARTICIPLE, true, &v));
        EXPECT_STR_EQ(v.base, r->base);
    }
}

/* Unlisted verbs: the reversed rules must restore a dropped "e" only where
 * English spelling dropped one. */
static void test_unlisted_past_forms_are_guessed_with_the_right_e(void) {
    static const char *const pairs[][2] = {
        {"containerized", "containerize"},
        {"dockerized", "dockerize"},
        {"sunset", NULL},
        {"templated", "template"},
        {"throttled", "throttle"},
        {"rearchitected", "rearchitect"},
        {"onboarded", "onboard"},
        {"cached", "cache"},
        {"pivoted", "pivot"},
        {"stubbed", "stub"},
        {"geocoded", "geocode"},
        {"sharded", "shard"},
        {"upskilled", "upskill"},
        {"tokenized", "tokenize"},
        {"pipelined", "pipeline"},
        {"clustered", "cluster"},
        {"queued", "queue"},
        {"wired", "wire"},
        {"paired", "pair"},
        {"authored", "author"},
        {"explored", "explore"},
        {"edited", "edit"},
        {"completed", "complete"},
        {"evaluated", "evaluate"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(pairs); i++) {
        RlsVerb v;
        bool got = rls_verb_as(pairs[i][0], strlen(pairs[i][0]), RLS_VFORM_PAST, true, &v);
        if (!pairs[i][1]) {
            EXPECT_TRUE(!got);
            continue;
        }
        if (!got) {
            EXPECT_TRUE(got);
            printf("#     for \"%s\"\n", pairs[i][0]);
            continue;
        }
        EXPECT_STR_EQ(v.base, pairs[i][1]);
    }
}

static void test_words_that_are_not_verb_forms_are_not_recognised(void) {
    RlsVerb v;
    EXPECT_TRUE(!rls_verb_as("Kubernetes", 10, RLS_VFORM_PAST, true, &v));
    EXPECT_TRUE(!rls_verb_as("bed", 3, RLS_VFORM_PAST, true, &v));
    EXPECT_TRUE(!rls_verb_as("king", 4, RLS_VFORM_GERUND, true, &v));
    EXPECT_TRUE(!rls_verb_as("p99", 3, RLS_VFORM_BASE, true, &v));
    /* Without guessing only listed verbs count. */
    EXPECT_TRUE(!rls_verb_as("containerized", 13, RLS_VFORM_PAST, false, &v));
    EXPECT_TRUE(rls_verb_as("Reduced", 7, RLS_VFORM_PAST, false, &v));
    EXPECT_STR_EQ(v.base, "reduce");
}

static uint64_t morph_number(const char *text, size_t *used) {
    RlsToks w = {0};
    rls_words_split(text, strlen(text), &w);
    uint64_t value = 0;
    *used = rls_number_words(text, &w, 0, &value);
    rls_toks_close(&w);
    return value;
}

static void test_numbers_written_as_words_are_read(void) {
    static const struct {
        const char *text;
        size_t used;
        uint64_t value;
    } rows[] = {
        {"thirty percent", 1, 30},
        {"five engineers", 1, 5},
        {"twenty-five services", 1, 25},
        {"one hundred and twenty users", 4, 120},
        {"two million requests", 2, 2000000},
        {"a dozen teams", 2, 12},
        {"a team", 0, 0},
        {"twelve thousand five hundred rows", 4, 12500},
        {"five six", 1, 5},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        size_t used;
        uint64_t v = morph_number(rows[i].text, &used);
        EXPECT_EQ_INT(used, rows[i].used);
        if (rows[i].used) EXPECT_EQ_INT(v, rows[i].value);
    }
}

static void test_words_keep_their_joiners_and_drop_sentence_punctuation(void) {
    const char *text = "Cut p99 from 1.2s to 240ms (CI/CD, C++), saving $40M/year—fast.";
    RlsToks w = {0};
    rls_words_split(text, strlen(text), &w);
    static const char *const want[] = {"Cut",   "p99", "from",   "1.2s",      "to",  "240ms",
                                       "CI/CD", "C++", "saving", "$40M/year", "fast"};
    ASSERT_EQ_INT(w.len, RLS_ARRAY_LEN(want));
    for (size_t i = 0; i < w.len; i++) {
        char buf[64];
        size_t n = w.items[i].end - w.items[i].start;
        memcpy(buf, text + w.items[i].start, n);
        buf[n] = '\0';
        EXPECT_STR_EQ(buf, want[i]);
    }
    rls_toks_close(&w);
}

extern const unsigned char rls_data_verbs_tsv[];
extern const size_t rls_data_verbs_tsv_len;

static void test_every_listed_verb_is_indexed_and_found_in_any_case(void) {
    const char *p = (const char *)rls_data_verbs_tsv, *end = p + rls_data_verbs_tsv_len;
    uint32_t lines = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if (*p != '#' && eol > p) {
            lines++;
            const char *tab = memchr(p, '\t', (size_t)(eol - p));
            size_t bn = (size_t)((tab ? tab : eol) - p);
            char upper[RLS_VERB_MAX];
            ASSERT_TRUE(bn < sizeof upper);
            for (size_t i = 0; i < bn; i++)
                upper[i] = (char)(p[i] >= 'a' && p[i] <= 'z' ? p[i] - 'a' + 'A' : p[i]);
            if (!rls_verb_is_known_base(upper, bn)) RLS__FAIL("%.*s is not found", (int)bn, p);
        }
        p = eol + 1;
    }
    EXPECT_EQ_INT(rls_verb_table_size(), lines);
}

static void test_a_verb_lookup_does_not_scan_the_table(void) {
    /* rls_verb_as looked every listed verb up by scanning the table again:
     * about a millisecond a call, thousands of calls in a whole-document
     * codeAction (issue #17). 20 000 calls took about 30 s of CPU; indexed,
     * well under 0.1 s. Under valgrind (RLS_TEST_SAMPLE) a slice runs,
     * unbounded. */
    bool memcheck = getenv("RLS_TEST_SAMPLE") != NULL;
    int calls = memcheck ? 200 : 20000;
    RlsVerb v;
    clock_t t0 = clock();
    for (int i = 0; i < calls; i++) {
        EXPECT_TRUE(!rls_verb_as("zorbled", 7, RLS_VFORM_PAST, false, &v));
        EXPECT_TRUE(rls_verb_as("built", 5, RLS_VFORM_PAST, false, &v));
    }
    double cpu_s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (!memcheck && cpu_s > 3.0) RLS__FAIL("%d lookups took %.1f s of CPU", 2 * calls, cpu_s);
    EXPECT_STR_EQ(v.base, "build");
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_base_forms_conjugate_to_every_form),
        RLS_TEST(test_every_form_leads_back_to_its_base),
        RLS_TEST(test_unlisted_past_forms_are_guessed_with_the_right_e),
        RLS_TEST(test_words_that_are_not_verb_forms_are_not_recognised),
        RLS_TEST(test_numbers_written_as_words_are_read),
        RLS_TEST(test_words_keep_their_joiners_and_drop_sentence_punctuation),
        RLS_TEST(test_every_listed_verb_is_indexed_and_found_in_any_case),
        RLS_TEST(test_a_verb_lookup_does_not_scan_the_table),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
