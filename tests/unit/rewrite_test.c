/* Tests for the plain-text rewrites (server/actions/rewrite.c, fixes.c):
 * every row of tests/data/bullets/rewrites.tsv, the labelled weak bullets, and
 * the never-invent-a-fact properties over every labelled bullet. */
#include <ctype.h>
#include <string.h>

#include "actions/actions_internal.h"
#include "rls/actions.h"
#include "test.h"

/* ---- Reading the TSV files of tests/data/bullets -----------------------------------------------
 */

typedef struct {
    char *data;
    char *cols[64][3];
    size_t n;
} Tsv;

/* Splits a TSV file in place: non-comment rows, up to three columns. */
static bool tsv_load(Tsv *self, const char *name) {
    char path[512];
    snprintf(path, sizeof path, "%s/bullets/%s", RLS_TEST_DATA_DIR, name);
    self->data = rls_test_read_file(path, NULL);
    self->n = 0;
    if (!self->data) return false;
    char *line = self->data;
    while (line && *line && self->n < 64) {
        char *next = strchr(line, '\n');
        if (next) *next++ = '\0';
        if (*line && *line != '#') {
            char **row = self->cols[self->n++];
            row[0] = line;
            row[1] = row[2] = NULL;
            for (int c = 1; c < 3; c++) {
                char *tab = strchr(row[c - 1], '\t');
                if (!tab) break;
                *tab = '\0';
                row[c] = tab + 1;
            }
        }
        line = next;
    }
    return true;
}

/* ---- rewrites.tsv --------------------------------------------------------------------- */

/* Rows where our rewrite differs from the file's in wording but says the
 * same thing with the same facts. Empty: every row matches exactly. */
static const struct {
    const char *input;
    const char *ours;
} rewrite_equivalent[] = {{NULL, NULL}};

/* Rows whose rewrite in the file claims more than the input says: "Worked
 * on" does not say the writer built it, "Helped cut" does not say the cut
 * was theirs. The full rewrite leaves them (no SAFE fix), and the file's
 * rewrite is offered as a choice instead. */
static const char *const rewrite_needs_choice[] = {
    "Helped cut onboarding time by 40%.",
    "Worked on the payments integration with Stripe.",
    NULL,
};

static bool needs_choice(const char *in) {
    for (size_t i = 0; rewrite_needs_choice[i]; i++)
        if (!strcmp(rewrite_needs_choice[i], in)) return true;
    return false;
}

/* Whether `rule` offers `want` for `in` as a CHOICE (never preferred). */
static bool offered_as_choice(const char *rule, const char *in, const char *want) {
    RlsRewriteList list;
    rls_rewrite_list_init(&list);
    rls_rewrite_rule(rule, in, strlen(in), 0, (uint32_t)strlen(in), &list);
    bool found = false;
    for (size_t k = 0; k < list.len; k++)
        if (!strcmp(list.items[k].text, want))
            found = list.items[k].applicability == RLS_APPLY_CHOICE && !list.items[k].preferred;
    rls_rewrite_list_close(&list);
    return found;
}

static void test_every_row_of_rewrites_tsv_is_rewritten_as_given(void) {
    Tsv tsv;
    ASSERT_TRUE(tsv_load(&tsv, "rewrites.tsv"));
    EXPECT_TRUE(tsv.n >= 11);
    size_t exact = 0, equivalent = 0;
    for (size_t i = 0; i < tsv.n; i++) {
        const char *in = tsv.cols[i][0], *want = tsv.cols[i][1];
        if (!want) continue;
        char *got = rls_rewrite_bullet(in, strlen(in));
        const char *expect = want;
        for (size_t e = 0; rewrite_equivalent[e].input; e++)
            if (!strcmp(rewrite_equivalent[e].input, in)) expect = rewrite_equivalent[e].ours;
        if (needs_choice(in)) {
            EXPECT_TRUE(got == NULL);
            EXPECT_TRUE(offered_as_choice("weak-opener", in, want));
            rls_free(got);
            continue;
        }
        EXPECT_STR_EQ(got, expect);
        if (got && !strcmp(got, want))
            exact++;
        else if (got && !strcmp(got, expect))
            equivalent++;
        rls_free(got);
    }
    printf("# rewrites.tsv: %zu rows, %zu exact, %zu equivalent\n", tsv.n, exact, equivalent);
    rls_free(tsv.data);
}

/* ---- Per-rule fixes on the labelled weak bullets ---------------------------------------- */

typedef struct {
    const char *rule;
    const char *input;
    /* The fix `fix --placeholders` applies: the first SAFE or PLACEHOLDER
     * rewrite; NULL: none (at most choices are offered). */
    const char *want;
} RuleRow;

static const RuleRow rule_rows[] = {
    {"weak-opener", "Responsible for maintaining the company's internal APIs.",
     "Maintained the company's internal APIs."},
    {"weak-opener", "Worked on the new checkout page with the frontend team.", NULL},
    {"weak-opener", "Helped with the migration to the cloud.", NULL},
    {"weak-opener", "Assisted senior engineers in debugging production issues.", NULL},
    {"weak-opener", "Participated in code reviews and sprint planning.", NULL},
    {"weak-opener", "Was involved in designing various microservices.", NULL},
    {"weak-opener", "Used Java, Spring and MySQL to develop features.",
     "Developed features using Java, Spring and MySQL."},
    {"weak-opener", "Utilized Docker and Kubernetes for deployments.", NULL},
    {"weak-opener", "Handled customer tickets and bug reports.", NULL},
    {"weak-opener", "Tasked with improving the reliability of the platform.",
     "Improved the reliability of the platform."},
    {"weak-opener", "Duties included writing unit tests and documentation.",
     "Wrote unit tests and documentation."},
    {"weak-opener", "In charge of the team's CI pipeline.", "Owned the team's CI pipeline."},
    {"weak-opener", "Contributed to several open-source libraries.", NULL},
    {"weak-opener", "Supported the team with various tasks as needed.", NULL},
    {"weak-opener", "Helped improve onboarding documentation for new hires.", NULL},
    {"weak-opener", "Responsible for a 40% reduction in build times.",
     "Drove a 40% reduction in build times."},
    {"weak-opener", "Worked closely with product to launch features used by 2M users.",
     "Partnered with product to launch features used by 2M users."},
    {"weak-opener", "Was part of the platform team.", NULL},
    {"vague-quantifier", "Was involved in designing various microservices.",
     "Was involved in designing [N] microservices."},
    {"vague-quantifier", "Built many internal tools for the operations team.",
     "Built [N] internal tools for the operations team."},
    {"vague-quantifier", "Wrote code for multiple projects etc.", "Wrote code for [N] projects."},
    {"vague-quantifier", "Contributed to several open-source libraries.",
     "Contributed to [N] open-source libraries."},
    {"first-person", "I designed and implemented a caching layer for the product catalog.",
     "Designed and implemented a caching layer for the product catalog."},
    {"first-person", "My team and I migrated our services to Kubernetes.",
     "Migrated the services to Kubernetes."},
    {"spelled-out-number", "Reduced server costs by thirty percent by consolidating workloads.",
     "Reduced server costs by 30% by consolidating workloads."},
    {"spelled-out-number", "Led a team of five engineers to deliver the mobile app redesign.",
     "Led a team of 5 engineers to deliver the mobile app redesign."},
    {"passive-voice", "The deployment process was automated and documented by me.",
     "Automated and documented the deployment process."},
    {"passive-voice", "Bugs were fixed and features were added to the legacy codebase.",
     "Fixed bugs and added features to the legacy codebase."},
    {"passive-voice", "The outage was caused by a misconfigured load balancer.", NULL},
    {"buzzword", "Leveraged synergies across teams to drive best-in-class outcomes.",
     "Leveraged synergies across teams to drive outcomes."},
    {"buzzword", "Hard-working and detail-oriented engineer passionate about clean code.", NULL},
    {"no-metric", "Improved performance of the reporting system.",
     "Improved performance of the reporting system by [N]%."},
    {"no-metric", "Optimized database queries for faster page loads.",
     "Optimized database queries for faster page loads, cutting [metric] by [N]%."},
    {"no-metric", "Developed REST APIs using Node.js and Express.",
     "Developed REST APIs using Node.js and Express, used by [N] [users]."},
    {"no-metric", "Results-driven team player who thrives in fast-paced environments.", NULL},
    {"tense-mismatch", "Build the billing service in Go.", "Built the billing service in Go."},
    /* What a reader rejected in examples/resume.md and the corpus. */
    {"passive-voice", "Deployment scripts were rewritten to reduce errors.",
     "Rewrote deployment scripts to reduce errors."},
    {"passive-voice", "Kafka consumers were rewritten in Go.", "Rewrote Kafka consumers in Go."},
    {"passive-voice", "AWS costs were reduced by 30%.", "Reduced AWS costs by 30%."},
    {"passive-voice", "PostgreSQL replicas were added for reads.",
     "Added PostgreSQL replicas for reads."},
    {"passive-voice", "ML sales forecasting: I was tasked with improving an ML model.", NULL},
    /* A guessed participle is no sure verb: "Enlaced some machines" was. */
    {"passive-voice", "Some machines were enlaced with an AD through WinBind.", NULL},
    {"weak-opener", "Helped the team move several services from Python to Go.", NULL},
    {"weak-opener", "Helped the support team migrate the billing database.", NULL},
    {"weak-opener", "Helped the team support the legacy billing system.", NULL},
    {"weak-opener", "Participated in design discussions for the new billing platform.", NULL},
    {"weak-opener", "Contributed to the migration of legacy APIs to microservices.", NULL},
    {"vague-quantifier", "Sold shirts with zippers, bleaching, etc. via my website.", NULL},
    {"vague-quantifier", "Shared tips, selling gear, etc., for 100 members.", NULL},
    {"vague-quantifier", "Built tools (linters, formatters, etc.) for 40 engineers.",
     "Built tools (linters, formatters) for 40 engineers."},
    {"buzzword", "Used Python and SQL to build reports as a detail-oriented team player.",
     "Used Python and SQL to build reports."},
    {"buzzword", "Built dashboards for finance in a fast-paced environment.",
     "Built dashboards for finance."},
    {"buzzword", "Team player who thrives in fast-paced environments.", NULL},
    {"vague-quantifier", "Lots of improvements to the documentation and examples.",
     "Made [N] improvements to the documentation and examples."},
    {"vague-quantifier", "Lots of improvements were made to the docs.",
     "[N] improvements were made to the docs."},
    {"no-metric", "Rewrote deployment scripts to reduce errors.",
     "Rewrote deployment scripts to reduce errors by [N]%."},
    {"no-metric", "Migrated the services to Kubernetes.",
     "Migrated the services to Kubernetes, cutting [metric] by [N]%."},
    {"no-metric", "fixed bugs in the core code base;",
     "fixed bugs in the core code base, cutting [metric] by [N]%;"},
    {"no-metric", "Developed features using Java, Spring and MySQL.",
     "Developed features using Java, Spring and MySQL, used by [N] [users]."},
    {"no-metric", "Advised the management on technical decisions.", NULL},
    {"no-metric", "Added a priority queue, greatly reducing starvation of the analyzer.",
     "Added a priority queue, greatly reducing starvation of the analyzer by [N]%."},
    {"no-metric", "Refactored the CLI code, which greatly improved maintainability.", NULL},
    {"no-metric", "Launched a clothing brand by collaborating with local designers.", NULL},
    {"no-metric", "Rewrote the key software: an application for directors.", NULL},
    {"no-metric", "Led and shipped Yoda - the admin interface for the new platform.", NULL},
    {"no-metric", "Developed a server plugin to entertain kids during free time.", NULL},
    {"no-metric", "Built the billing service and moved it to production.",
     "Built the billing service and moved it to production, used by [N] [users]."},
    {"no-metric", "Attended daily standups and weekly retrospectives.", NULL},
    {"no-metric", "Owned legacy system enhancements for the LATAM client.", NULL},
    {"no-metric", "Wrote unit tests and documentation.", NULL},
    {"no-metric", "Mentored engineers on clean code, fostering a collaborative culture.", NULL},
    {"no-metric", "Developed a game in Java to test the generated dungeons.", NULL},
    {"no-metric", "Provisioned a monitoring system. Wrote Terraform modules for it.", NULL},
    {"no-metric", "Wrote code for multiple projects etc.", NULL},
    {"no-metric", "Mentoring: gave workshops to fellow employees on:", NULL},
    {"first-person", "Writing software to automate my life!", NULL},
    {"first-person", "Web scraping: the project scraped data. My contributions included:", NULL},
    {"first-person", "Showed persistence and my willingness to stay after the acquisition.", NULL},
    {"repeated-verb", "Built the billing service in Go.", NULL},
};

static void test_each_rule_fix_gives_the_expected_preferred_rewrite(void) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(rule_rows); i++) {
        const RuleRow *r = &rule_rows[i];
        RlsRewriteList list;
        rls_rewrite_list_init(&list);
        size_t len = strlen(r->input);
        rls_rewrite_rule(r->rule, r->input, len, 0, (uint32_t)len, &list);
        const char *pref = NULL;
        size_t n_pref = 0;
        for (size_t k = 0; k < list.len; k++) {
            if (list.items[k].applicability != RLS_APPLY_CHOICE && !pref) pref = list.items[k].text;
            if (list.items[k].preferred) {
                /* Only a SAFE fix is ever preferred. */
                EXPECT_TRUE(list.items[k].applicability == RLS_APPLY_SAFE);
                n_pref++;
            }
        }
        EXPECT_TRUE(n_pref <= 1);
        if (r->want) {
            EXPECT_STR_EQ(pref, r->want);
        } else if (pref) {
            EXPECT_TRUE(pref == NULL);
            printf("#     %s on \"%s\" gave \"%s\"\n", r->rule, r->input, pref);
        }
        for (size_t k = 0; k < list.len; k++)
            EXPECT_TRUE(list.items[k].title != NULL);
        rls_rewrite_list_close(&list);
    }
}

/* Was: "Built" preferred. "Worked on" does not say what the writer did:
 * every verb is the writer's choice, none preferred, none claiming more
 * than doing the work. */
static void test_worked_on_offers_several_strong_verbs_each_its_own_choice(void) {
    const char *in = "Worked on the payments integration with Stripe.";
    RlsRewriteList list;
    rls_rewrite_list_init(&list);
    rls_rewrite_rule("weak-opener", in, strlen(in), 0, 9, &list);
    ASSERT_EQ_INT(list.len, 5);
    EXPECT_STR_EQ(list.items[0].text, "Built the payments integration with Stripe.");
    EXPECT_STR_EQ(list.items[1].text, "Developed the payments integration with Stripe.");
    EXPECT_STR_EQ(list.items[2].text, "Designed the payments integration with Stripe.");
    EXPECT_STR_EQ(list.items[3].text, "Shipped the payments integration with Stripe.");
    EXPECT_STR_EQ(list.items[4].text, "Contributed to the payments integration with Stripe.");
    for (size_t k = 0; k < list.len; k++) {
        EXPECT_TRUE(!list.items[k].preferred);
        EXPECT_TRUE(list.items[k].applicability == RLS_APPLY_CHOICE);
    }
    EXPECT_STR_EQ(list.items[0].title,
                  "Replace “Worked on” with a verb that says what you did: “Built”");
    rls_rewrite_list_close(&list);
}

/* What the old preferred fixes said, now offered only for the writer to
 * pick: each claims more than its bullet does. */
static void test_fixes_that_strengthened_a_claim_are_offered_as_choices(void) {
    static const struct {
        const char *in, *choice;
    } rows[] = {
        {"Worked on the new checkout page with the frontend team.",
         "Built the new checkout page with the frontend team."},
        {"Participated in code reviews and sprint planning.",
         "Conducted code reviews and sprint planning."},
        {"Was involved in designing various microservices.", "Designed various microservices."},
        {"Handled customer tickets and bug reports.", "Resolved customer tickets and bug reports."},
        {"Contributed to several open-source libraries.",
         "Shipped [N] [changes] to several open-source libraries."},
        {"Helped improve onboarding documentation for new hires.",
         "Improved onboarding documentation for new hires."},
        {"Helped with the migration to the cloud.", "Contributed to the migration to the cloud."},
        {"Helped the team move several services from Python to Go.",
         "Moved several services from Python to Go with the team."},
        {"Assisted senior engineers in debugging production issues.",
         "Debugged production issues with senior engineers."},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        if (!offered_as_choice("weak-opener", rows[i].in, rows[i].choice)) {
            EXPECT_TRUE(false);
            printf("#     \"%s\" does not offer \"%s\" as a choice\n", rows[i].in, rows[i].choice);
        }
    }
}

static void test_a_current_role_gets_present_tense_verbs(void) {
    const char *in = "Responsible for maintaining the internal APIs.";
    RlsTracked t, out;
    rls_tracked_init_plain(&t, in, strlen(in));
    rls_tracked_init(&out);
    RlsStepIn sin = {&t, 0, (uint32_t)strlen(in), 0, true, NULL};
    RlsStepOut sout = {&out, NULL, RLS_APPLY_CHOICE};
    ASSERT_TRUE(rls_rewrite_weak_opener(&sin, &sout));
    EXPECT_STR_EQ(out.text.data, "Maintain the internal APIs.");
    rls_free(sout.title);
    rls_tracked_close(&t);
    rls_tracked_close(&out);
}

static void test_the_hint_limits_which_words_change(void) {
    const char *in = "Built various tools for several teams.";
    RlsRewriteList list;
    rls_rewrite_list_init(&list);
    /* Only "several" (bytes 24..31) is the finding. */
    rls_rewrite_rule("vague-quantifier", in, strlen(in), 24, 31, &list);
    ASSERT_EQ_INT(list.len, 1);
    EXPECT_STR_EQ(list.items[0].text, "Built various tools for [N] teams.");
    rls_rewrite_list_close(&list);
}

/* The hint on one adjective of "A and B engineer" takes its "and" with it. */
static void test_removing_the_second_of_two_buzz_adjectives_keeps_the_first(void) {
    const char *in = "Hard-working and detail-oriented engineer passionate about clean code.";
    RlsRewriteList list;
    rls_rewrite_list_init(&list);
    const char *hit = strstr(in, "detail-oriented");
    uint32_t start = (uint32_t)(hit - in);
    rls_rewrite_rule("buzzword", in, strlen(in), start, start + 15, &list);
    ASSERT_EQ_INT(list.len, 1);
    EXPECT_STR_EQ(list.items[0].text, "Hard-working engineer passionate about clean code.");
    /* A summary line, not an achievement: offered, not applied unasked. */
    EXPECT_TRUE(!list.items[0].preferred);
    rls_rewrite_list_close(&list);
}

/* Fix-all runs every finding of a bullet through one pipeline: each fix
 * keeps the others' result grammatical. */
static char *pipeline(const char *in, const char *const *rules, bool present) {
    RlsFixRequest reqs[8];
    size_t n = 0;
    for (; rules[n] && n < 8; n++)
        reqs[n] = (RlsFixRequest){rules[n], 0, (uint32_t)strlen(in)};
    RlsTracked t, out;
    rls_tracked_init_plain(&t, in, strlen(in));
    rls_tracked_init(&out);
    rls_rewrite_pipeline(&t, reqs, n, false, present, true, &out);
    char *res = rls_strndup(out.text.data ? out.text.data : "", out.text.len);
    rls_tracked_close(&t);
    rls_tracked_close(&out);
    return res;
}

static void test_combined_fixes_read_as_one_sentence(void) {
    static const struct {
        const char *rules[4];
        const char *in, *want;
    } rows[] = {
        /* Was "Built [N] internal tools": "Built" is the writer's choice. */
        {{"weak-opener", "vague-quantifier", "no-metric", NULL},
         "Worked on various internal tools for the support team.",
         "Worked on [N] internal tools for the support team."},
        /* Was "Moved [N] services ... with the team": a choice now. */
        {{"weak-opener", "vague-quantifier", "no-metric", NULL},
         "Helped the team move several services from Python to Go.",
         "Helped the team move [N] services from Python to Go."},
        {{"weak-opener", "buzzword", "no-metric", NULL},
         "Used Python and SQL to build reports as a detail-oriented team player.",
         "Built reports using Python and SQL, used by [N] [users]."},
        {{"passive-voice", "no-metric", NULL, NULL},
         "Deployment scripts were rewritten to reduce errors.",
         "Rewrote deployment scripts to reduce errors by [N]%."},
        {{"weak-opener", "no-metric", NULL, NULL},
         "Participated in design discussions for the new billing platform.",
         "Participated in design discussions for the new billing platform."},
        {{"vague-quantifier", "no-metric", NULL, NULL},
         "Lots of improvements to the documentation and examples.",
         "Made [N] improvements to the documentation and examples."},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        char *got = pipeline(rows[i].in, rows[i].rules, false);
        EXPECT_STR_EQ(got, rows[i].want);
        rls_free(got);
    }
    /* A role written in the present keeps the base form throughout. */
    static const char *const wv[] = {"weak-opener", "vague-quantifier", NULL};
    char *got =
        pipeline("Responsible for building various internal tools for the support team.", wv, true);
    EXPECT_STR_EQ(got, "Build [N] internal tools for the support team.");
    rls_free(got);
}

/* ---- Properties over every labelled bullet --------------------------------------------- */

/* Every maximal digit run ("8", "300", "1.2" -> "1", "2") of a in b. */
static bool numbers_kept(const char *a, const char *b) {
    for (const char *p = a; *p;) {
        if (!isdigit((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *q = p;
        while (isdigit((unsigned char)*q))
            q++;
        char num[32];
        size_t n = (size_t)(q - p) < sizeof num - 1 ? (size_t)(q - p) : sizeof num - 1;
        memcpy(num, p, n);
        num[n] = '\0';
        if (!strstr(b, num)) return false;
        p = q;
    }
    return true;
}

/* Digits of out that are neither in the input nor the value of a number
 * word of the input (spelled-out-number turns "five" into "5"). */
static bool no_new_digits(const char *in, const char *out) {
    RlsToks w = {0};
    rls_words_split(in, strlen(in), &w);
    char allowed[512] = "";
    for (size_t i = 0; i < w.len; i++) {
        uint64_t v;
        size_t used = rls_number_words(in, &w, i, &v);
        if (used) {
            size_t l = strlen(allowed);
            snprintf(allowed + l, sizeof allowed - l, " %llu", (unsigned long long)v);
        }
    }
    rls_toks_close(&w);
    for (const char *p = out; *p;) {
        if (!isdigit((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *q = p;
        while (isdigit((unsigned char)*q) || (*q == ',' && isdigit((unsigned char)q[1])))
            q++;
        char num[32];
        size_t j = 0;
        for (const char *r = p; r < q && j < sizeof num - 1; r++)
            if (*r != ',') num[j++] = *r;
        num[j] = '\0';
        bool ok = false;
        /* In the input as written ... */
        size_t qn = (size_t)(q - p);
        for (const char *s = in; *s && !ok; s++)
            if (!strncmp(s, p, qn) && !isdigit((unsigned char)s[qn]) &&
                (s == in || !isdigit((unsigned char)s[-1])))
                ok = true;
        /* ... or a number word's value. */
        char needle[40];
        snprintf(needle, sizeof needle, " %s", num);
        for (const char *s = strstr(allowed, needle); s && !ok; s = strstr(s + 1, needle))
            if (s[strlen(needle)] == '\0' || s[strlen(needle)] == ' ') ok = true;
        if (!ok) return false;
        p = q;
    }
    return true;
}

static void test_no_rewrite_of_a_labelled_bullet_loses_or_invents_a_number(void) {
    Tsv tsv;
    ASSERT_TRUE(tsv_load(&tsv, "labeled.tsv"));
    size_t checked = 0;
    for (size_t i = 0; i < tsv.n; i++) {
        const char *in = tsv.cols[i][2];
        if (!in) continue;
        size_t len = strlen(in);
        char *full = rls_rewrite_bullet(in, len);
        const char *texts[16];
        size_t n = 0;
        texts[n++] = full;
        RlsRewriteList all;
        rls_rewrite_list_init(&all);
        for (size_t r = 0; rls_rewrite_rules[r]; r++)
            rls_rewrite_rule(rls_rewrite_rules[r], in, len, 0, (uint32_t)len, &all);
        for (size_t k = 0; k < all.len; k++) {
            const char *t = all.items[k].text;
            if (!numbers_kept(in, t) || !no_new_digits(in, t)) {
                EXPECT_TRUE(numbers_kept(in, t) && no_new_digits(in, t));
                printf("#     \"%s\" -> \"%s\"\n", in, t);
            }
            checked++;
        }
        for (size_t k = 0; k < n; k++) {
            if (!texts[k]) continue;
            if (!numbers_kept(in, texts[k]) || !no_new_digits(in, texts[k])) {
                EXPECT_TRUE(false);
                printf("#     \"%s\" -> \"%s\"\n", in, texts[k]);
            }
            checked++;
        }
        rls_rewrite_list_close(&all);
        rls_free(full);
    }
    EXPECT_TRUE(checked > 40);
    printf("# %zu rewrites of %zu labelled bullets checked\n", checked, tsv.n);
    rls_free(tsv.data);
}

/* A strong bullet is rewritten only to move its result to the front: no
 * word is dropped and no placeholder appears. */
static void test_strong_bullets_keep_every_word(void) {
    Tsv tsv;
    ASSERT_TRUE(tsv_load(&tsv, "labeled.tsv"));
    size_t moved = 0;
    for (size_t i = 0; i < tsv.n; i++) {
        if (strcmp(tsv.cols[i][0], "strong") != 0 || !tsv.cols[i][2]) continue;
        const char *in = tsv.cols[i][2];
        char *out = rls_rewrite_bullet(in, strlen(in));
        if (out) {
            moved++;
            EXPECT_TRUE(!strchr(out, '['));
            EXPECT_TRUE(numbers_kept(in, out));
            /* Same length give or take the connective and verb forms. */
            EXPECT_TRUE(strlen(out) + 12 >= strlen(in) && strlen(out) <= strlen(in) + 12);
        }
        rls_free(out);
    }
    printf("# %zu strong bullets restructured outcome-first\n", moved);
    rls_free(tsv.data);
}

/* Running the full rewrite on its own output changes nothing more. */
static void test_the_full_rewrite_is_a_fixed_point(void) {
    Tsv tsv;
    ASSERT_TRUE(tsv_load(&tsv, "labeled.tsv"));
    for (size_t i = 0; i < tsv.n; i++) {
        const char *in = tsv.cols[i][2];
        if (!in) continue;
        char *once = rls_rewrite_bullet(in, strlen(in));
        if (!once) continue;
        char *twice = rls_rewrite_bullet(once, strlen(once));
        if (twice) {
            EXPECT_TRUE(twice == NULL);
            printf("#     \"%s\" -> \"%s\" -> \"%s\"\n", in, once, twice);
        }
        rls_free(once);
        rls_free(twice);
    }
    rls_free(tsv.data);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_every_row_of_rewrites_tsv_is_rewritten_as_given),
        RLS_TEST(test_each_rule_fix_gives_the_expected_preferred_rewrite),
        RLS_TEST(test_worked_on_offers_several_strong_verbs_each_its_own_choice),
        RLS_TEST(test_fixes_that_strengthened_a_claim_are_offered_as_choices),
        RLS_TEST(test_a_current_role_gets_present_tense_verbs),
        RLS_TEST(test_removing_the_second_of_two_buzz_adjectives_keeps_the_first),
        RLS_TEST(test_combined_fixes_read_as_one_sentence),
        RLS_TEST(test_the_hint_limits_which_words_change),
        RLS_TEST(test_no_rewrite_of_a_labelled_bullet_loses_or_invents_a_number),
        RLS_TEST(test_strong_bullets_keep_every_word),
        RLS_TEST(test_the_full_rewrite_is_a_fixed_point),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
