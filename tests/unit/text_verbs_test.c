/* Tests for the one verb table and its morphology (server/text/verbs.c),
 * both ways: a form to its base and which form it is, a base to any form. */
#include <string.h>
#include <strings.h>

#include "rls/verbs.h"
#include "test.h"

/* Form -> base + which forms, as the rules read openers and the rewrites
 * read the verbs they move. */
static void test_a_form_reads_back_to_its_base_and_its_forms(void) {
    static const struct {
        const char *word;
        bool guess;
        const char *base;
        unsigned forms;
    } rows[] = {
        {"led", false, "lead", RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE},
        {"Led", false, "lead", RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE},
        {"running", false, "run", RLS_VFORM_GERUND},
        {"ran", false, "run", RLS_VFORM_PAST},
        {"cut", false, "cut", RLS_VFORM_BASE | RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE},
        {"written", false, "write", RLS_VFORM_PARTICIPLE},
        {"wrote", false, "write", RLS_VFORM_PAST},
        {"builds", false, "build", RLS_VFORM_THIRD},
        /* Both spellings of learn's past are read; "learned" is written. */
        {"learned", false, "learn", RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE},
        {"learnt", false, "learn", RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE},
        /* Irregulars the rules' list brought into the one table. */
        {"bore", false, "bear", RLS_VFORM_PAST},
        {"beaten", false, "beat", RLS_VFORM_PARTICIPLE},
        {"sped", false, "speed", RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE},
        {"committed", false, "commit", RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE},
        /* Unlisted: only a guess finds them, British and American alike. */
        {"optimised", true, "optimise", RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE},
        {"optimized", true, "optimize", RLS_VFORM_PAST | RLS_VFORM_PARTICIPLE},
        {"containerizing", true, "containerize", RLS_VFORM_GERUND},
        {"dockerizes", true, "dockerize", RLS_VFORM_THIRD},
        {"Kubernetes", false, NULL, RLS_VFORM_NONE},
        {"king", true, NULL, RLS_VFORM_NONE},
        {"containerized", false, NULL, RLS_VFORM_NONE},
        {"p99", true, NULL, RLS_VFORM_NONE},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        RlsVerb v;
        memset(&v, 0, sizeof v);
        unsigned forms = rls_verb_read(rows[i].word, strlen(rows[i].word), rows[i].guess, &v);
        if (forms != rows[i].forms)
            RLS__FAIL("\"%s\": forms %#x, expected %#x", rows[i].word, forms, rows[i].forms);
        if (rows[i].base && forms) EXPECT_STR_EQ(v.base, rows[i].base);
    }
}

/* Base -> any form, and the table's own flags. */
static void test_a_base_conjugates_to_any_form(void) {
    static const struct {
        const char *base;
        RlsVerbForm form;
        const char *want;
        bool irregular;
    } rows[] = {
        {"lead", RLS_VFORM_PAST, "led", true},
        {"run", RLS_VFORM_GERUND, "running", true},
        {"run", RLS_VFORM_PARTICIPLE, "run", true},
        {"learn", RLS_VFORM_PAST, "learned", true}, /* the first line of two */
        {"bear", RLS_VFORM_PARTICIPLE, "borne", true},
        {"prove", RLS_VFORM_PARTICIPLE, "proven", true},
        {"debug", RLS_VFORM_PAST, "debugged", true},
        {"optimize", RLS_VFORM_PAST, "optimized", false},
        {"optimise", RLS_VFORM_THIRD, "optimises", false},
        {"apply", RLS_VFORM_THIRD, "applies", false},
        {"ship", RLS_VFORM_PAST, "shipped", false},
        {"Manage", RLS_VFORM_GERUND, "managing", false},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        RlsVerb v;
        ASSERT_TRUE(rls_verb_from_base(rows[i].base, strlen(rows[i].base), &v));
        EXPECT_STR_EQ(rls_verb_form(&v, rows[i].form), rows[i].want);
        if (v.irregular != rows[i].irregular)
            RLS__FAIL("%s: irregular %d, expected %d", rows[i].base, v.irregular,
                      rows[i].irregular);
        /* And back: the form names its base. */
        RlsVerb back;
        bool found = rls_verb_as(rows[i].want, strlen(rows[i].want), rows[i].form, true, &back);
        if (!found) RLS__FAIL("%s is not found as the form of %s", rows[i].want, rows[i].base);
        if (found && strcasecmp(back.base, rows[i].base) != 0)
            RLS__FAIL("%s reads back as %s, not %s", rows[i].want, back.base, rows[i].base);
    }
    RlsVerb v;
    EXPECT_TRUE(!rls_verb_from_base("", 0, &v));
    EXPECT_TRUE(!rls_verb_from_base("p99", 3, &v));
    EXPECT_STR_EQ(rls_verb_form(&v, RLS_VFORM_NONE), "");
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_form_reads_back_to_its_base_and_its_forms),
        RLS_TEST(test_a_base_conjugates_to_any_form),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
