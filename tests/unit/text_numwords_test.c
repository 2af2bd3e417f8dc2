/* Tests for the one grammar of numbers written in words (server/text/numwords.c). */
#include <string.h>

#include "rls/numwords.h"
#include "test.h"

static void test_numbers_in_words_read_to_their_value_and_end(void) {
    static const struct {
        const char *text;
        uint64_t value;
        const char *last; /* the number's text, to check where it ends */
        uint32_t words;
    } rows[] = {
        {"twelve engineers", 12, "twelve", 1},
        {"Seventeen services", 17, "Seventeen", 1},
        {"twenty-five services", 25, "twenty-five", 2},
        {"twenty five services", 25, "twenty five", 2},
        {"twenty one services", 21, "twenty one", 2},
        {"a hundred users", 100, "a hundred", 2},
        {"an hundred users", 100, "an hundred", 2},
        {"three thousand rows", 3000, "three thousand", 2},
        {"two-hundred rows", 200, "two-hundred", 2},
        {"five hundred twenty users", 520, "five hundred twenty", 3},
        {"twelve thousand five hundred rows", 12500, "twelve thousand five hundred", 4},
        {"one hundred and twenty users", 120, "one hundred and twenty", 4},
        {"two hundred thousand requests", 200000, "two hundred thousand", 3},
        {"two million requests", 2000000, "two million", 2},
        {"a dozen teams", 12, "a dozen", 2},
        {"two dozen teams", 24, "two dozen", 2},
        {"a thousand and one nights", 1001, "a thousand and one", 4},
        {"five six", 5, "five", 1},      /* two numbers */
        {"three-tier", 3, "three", 1},   /* ends before the hyphen */
        {"Three.js", 3, "Three", 1},     /* the caller judges the dot */
        {"ten and five", 10, "ten", 1},  /* "and" only after hundred or a scale */
        {"zero downtime", 0, "zero", 1}, /* read; reporting it is the caller's choice */
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        RlsNumWords num = {0};
        const char *t = rows[i].text;
        if (!rls_numwords_read(t, strlen(t), 0, &num)) {
            RLS__FAIL("\"%s\" reads no number", t);
            continue;
        }
        EXPECT_EQ_INT(num.value, rows[i].value);
        EXPECT_EQ_INT(num.end_byte, strlen(rows[i].last));
        EXPECT_EQ_INT(num.words, rows[i].words);
    }
}

static void test_words_that_are_no_number_are_refused(void) {
    static const char *const rows[] = {
        "none of them", "someone", "once", "often",  "tens of users", "a team", "hundred users",
        "and five",     "one's",   "",     "dozens", "the two",       "an",     "a-",
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        RlsNumWords num;
        if (rls_numwords_read(rows[i], strlen(rows[i]), 0, &num))
            RLS__FAIL("\"%s\" reads as %llu", rows[i], (unsigned long long)num.value);
    }
}

static void test_a_number_is_read_from_the_middle_of_a_text(void) {
    const char *t = "Led a team of twelve engineers";
    RlsNumWords num;
    const char *at = strstr(t, "twelve");
    ASSERT_TRUE(rls_numwords_read(t, strlen(t), (size_t)(at - t), &num));
    EXPECT_EQ_INT(num.value, 12);
    EXPECT_EQ_INT(num.end_byte, (at - t) + 6);
    /* The text's length bounds the read: "twelve" cut to "twel" is none. */
    EXPECT_TRUE(!rls_numwords_read(t, (size_t)(at - t) + 4, (size_t)(at - t), &num));
}

static void test_each_number_word_has_its_kind_and_value(void) {
    static const struct {
        const char *word;
        RlsNumWordKind kind;
        uint64_t value;
    } rows[] = {
        {"zero", RLS_NUMWORD_SMALL, 0},        {"One", RLS_NUMWORD_SMALL, 1},
        {"twelve", RLS_NUMWORD_SMALL, 12},     {"NINETY", RLS_NUMWORD_SMALL, 90},
        {"hundred", RLS_NUMWORD_HUNDRED, 100}, {"dozen", RLS_NUMWORD_DOZEN, 12},
        {"thousand", RLS_NUMWORD_SCALE, 1000}, {"billion", RLS_NUMWORD_SCALE, 1000000000},
        {"none", RLS_NUMWORD_NONE, 0},         {"someone", RLS_NUMWORD_NONE, 0},
        {"once", RLS_NUMWORD_NONE, 0},         {"twelves", RLS_NUMWORD_NONE, 0},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        uint64_t v = 0;
        RlsNumWordKind k = rls_numword_kind(rows[i].word, strlen(rows[i].word), &v);
        if (k != rows[i].kind)
            RLS__FAIL("\"%s\": kind %d, expected %d", rows[i].word, k, rows[i].kind);
        if (k != RLS_NUMWORD_NONE) EXPECT_EQ_INT(v, rows[i].value);
    }
    /* Every unit and tens word of the data is there: 0-19 and 20-90. */
    static const char *const units[] = {"zero",    "one",     "two",       "three",    "four",
                                        "five",    "six",     "seven",     "eight",    "nine",
                                        "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(units); i++) {
        uint64_t v = 99;
        EXPECT_EQ_INT(rls_numword_kind(units[i], strlen(units[i]), &v), RLS_NUMWORD_SMALL);
        EXPECT_EQ_INT(v, i);
    }
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_numbers_in_words_read_to_their_value_and_end),
        RLS_TEST(test_words_that_are_no_number_are_refused),
        RLS_TEST(test_a_number_is_read_from_the_middle_of_a_text),
        RLS_TEST(test_each_number_word_has_its_kind_and_value),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
