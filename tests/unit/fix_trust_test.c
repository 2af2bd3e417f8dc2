/* Tests for what a fix may claim and where it may write
 * (server/actions/: applicability, data/verb-strength.tsv, protected
 * spans, tense on verbs only): a fix applied without asking never says
 * more than the writer did, and never edits words that are not theirs. */
#include <string.h>

#include "actions/actions_internal.h"
#include "rls/actions.h"
#include "rls/analysis.h"
#include "rls/parse.h"
#include "test.h"

/* ---- Duty openers ---------------------------------------------------------------------- */

#define NONE (-1)
#define SAFE RLS_APPLY_SAFE
#define CHOICE RLS_APPLY_CHOICE

typedef struct {
    const char *bullet;
    int first;        /* applicability of the first weak-opener fix, NONE: no fix */
    const char *safe; /* the SAFE fix's text */
} OpenerRow;

static const OpenerRow opener_rows[] = {
    {"Responsible for migrating the billing service to Kubernetes.", SAFE,
     "Migrated the billing service to Kubernetes."},
    {"Responsible for the CI pipeline.", SAFE, "Owned the CI pipeline."},
    {"Responsible for a 40% reduction in build times.", SAFE,
     "Drove a 40% reduction in build times."},
    {"Responsible for leading the platform team.", CHOICE, NULL},
    {"Was responsible for maintaining the internal APIs.", SAFE, "Maintained the internal APIs."},
    {"Accountable for on-call rotations for the payments API.", SAFE,
     "Owned on-call rotations for the payments API."},
    {"In charge of the team's CI pipeline.", SAFE, "Owned the team's CI pipeline."},
    {"In charge of hiring for the data team.", CHOICE, NULL},
    {"Worked on the payments integration with Stripe.", CHOICE, NULL},
    {"Worked on migrating the reporting jobs to Spark.", CHOICE, NULL},
    {"Worked on a 30% reduction in cloud costs.", CHOICE, NULL},
    {"Worked on the checkout redesign.", CHOICE, NULL},
    {"Working on the search service.", CHOICE, NULL},
    {"Participated in code reviews and sprint planning.", CHOICE, NULL},
    {"Participated in the migration to AWS.", CHOICE, NULL},
    {"Participated in design discussions for the billing platform.", CHOICE, NULL},
    {"Was involved in designing various microservices.", CHOICE, NULL},
    {"Involved in the rollout of the new CRM.", CHOICE, NULL},
    {"Took part in the hackathon project for the mobile app.", CHOICE, NULL},
    {"Engaged in customer interviews for the onboarding flow.", CHOICE, NULL},
    {"Part of an existing effort to modernize the data platform.", CHOICE, NULL},
    {"Was part of the platform team.", NONE, NULL},
    {"Played a role in the launch of the mobile app.", CHOICE, NULL},
    {"Played a key role in the Kafka migration.", CHOICE, NULL},
    {"Contributed to several open-source libraries.", CHOICE, NULL},
    {"Contributed to the design of the billing API.", CHOICE, NULL},
    {"Contributed to building the metrics dashboard.", CHOICE, NULL},
    {"Helped with the migration to the cloud.", CHOICE, NULL},
    {"Helped in testing the release candidates.", CHOICE, NULL},
    {"Helped to build the onboarding flow.", CHOICE, NULL},
    {"Helped cut onboarding time by 40%.", CHOICE, NULL},
    {"Helped improve onboarding documentation for new hires.", CHOICE, NULL},
    {"Helped the team move several services from Python to Go.", CHOICE, NULL},
    {"Helped the support team migrate the billing database.", CHOICE, NULL},
    /* Leadership is never offered for help: no fix at all. */
    {"Helped the team lead the incident response.", NONE, NULL},
    {"Assisted with the quarterly audit.", CHOICE, NULL},
    {"Assisted in debugging production issues.", CHOICE, NULL},
    {"Assisted senior engineers in debugging production issues.", CHOICE, NULL},
    {"Assisted the data team with migrating dashboards to Looker.", CHOICE, NULL},
    {"Aided in the rollout of SSO.", CHOICE, NULL},
    {"Supported the team with various tasks as needed.", NONE, NULL},
    {"Supported the migration of 12 services to Go.", NONE, NULL},
    {"Tasked with improving the reliability of the platform.", SAFE,
     "Improved the reliability of the platform."},
    {"Tasked with the Python 3 upgrade.", CHOICE, NULL},
    {"Charged with reducing cloud spend.", SAFE, "Reduced cloud spend."},
    {"Assigned to the payments squad.", NONE, NULL},
    {"Duties included writing unit tests and documentation.", SAFE,
     "Wrote unit tests and documentation."},
    {"Duties included: Daily editorial and journalistic work.", NONE, NULL},
    {"Responsibilities included maintaining the build system.", SAFE,
     "Maintained the build system."},
    {"Responsibilities include reviewing pull requests.", SAFE, "Reviewed pull requests."},
    {"Used Java, Spring and MySQL to develop features.", SAFE,
     "Developed features using Java, Spring and MySQL."},
    {"Used Terraform to provision the staging cluster.", SAFE,
     "Provisioned the staging cluster using Terraform."},
    {"Utilized Docker and Kubernetes for deployments.", NONE, NULL},
    {"Leveraged Airflow to schedule the nightly ETL jobs.", SAFE,
     "Scheduled the nightly ETL jobs using Airflow."},
    {"Employed A/B tests to evaluate the new pricing page.", SAFE,
     "Evaluated the new pricing page using A/B tests."},
    {"Handled customer tickets and bug reports.", CHOICE, NULL},
    {"Handled the vendor relationship with Twilio.", CHOICE, NULL},
    {"Worked closely with product to launch features used by 2M users.", SAFE,
     "Partnered with product to launch features used by 2M users."},
    {"Worked with a local manufacturer to finalize the pattern.", SAFE,
     "Partnered with a local manufacturer to finalize the pattern."},
    {"Collaborated with designers to ship the new onboarding flow.", SAFE,
     "Partnered with designers to ship the new onboarding flow."},
    {"Collaborated closely with SRE to cut p99 latency by 30%.", SAFE,
     "Partnered with SRE to cut p99 latency by 30%."},
    {"Worked with the data team on the churn model.", SAFE,
     "Partnered with the data team on the churn model."},
};

/* The class of the duty phrase a bullet opens with: the longest listed
 * phrase of up to five words, after an auxiliary ("Was involved in"). */
static RlsStrength opener_class(const char *bullet) {
    const char *p = bullet;
    if (!strncmp(p, "Was ", 4)) p += 4;
    RlsStrength best = RLS_STRENGTH_UNKNOWN;
    size_t words = 0;
    for (const char *q = p; *q && words < 5; q++) {
        if (*q != ' ' && *q != ',' && *q != '.' && q[1] != '\0') continue;
        words++;
        size_t n = (size_t)(q - p) + (*q == ' ' || *q == ',' || *q == '.' ? 0 : 1);
        RlsStrength s = rls_strength_of(p, n);
        if (s != RLS_STRENGTH_UNKNOWN) best = s;
    }
    return best;
}

/* The class of the verb a rewrite opens with ("Partnered with" ->
 * contribution, an unlisted verb -> execution). */
static RlsStrength written_class(const char *text) {
    char verb[64];
    size_t n = strcspn(text, " ,.");
    if (n >= sizeof verb) n = sizeof verb - 1;
    memcpy(verb, text, n);
    verb[n] = '\0';
    return rls_strength_of_written(verb);
}

static void test_every_duty_opener_gets_the_expected_applicability_and_text(void) {
    EXPECT_TRUE(RLS_ARRAY_LEN(opener_rows) >= 60);
    size_t safe = 0, choice = 0, none = 0;
    for (size_t i = 0; i < RLS_ARRAY_LEN(opener_rows); i++) {
        const OpenerRow *r = &opener_rows[i];
        RlsRewriteList l;
        rls_rewrite_list_init(&l);
        size_t len = strlen(r->bullet);
        rls_rewrite_rule("weak-opener", r->bullet, len, 0, (uint32_t)len, &l);
        int got = l.len ? (int)l.items[0].applicability : NONE;
        if (got != r->first) printf("#     \"%s\": %d, wanted %d\n", r->bullet, got, r->first);
        EXPECT_EQ_INT(got, r->first);
        if (r->first == SAFE && l.len) {
            EXPECT_STR_EQ(l.items[0].text, r->safe);
            EXPECT_TRUE(l.items[0].preferred);
        }
        /* Nothing after the first is ever safe, and only a SAFE fix is
         * ever preferred. */
        for (size_t k = 1; k < l.len; k++) {
            EXPECT_TRUE(l.items[k].applicability != RLS_APPLY_SAFE);
            EXPECT_TRUE(!l.items[k].preferred);
        }
        safe += got == SAFE;
        choice += got == CHOICE;
        none += got == NONE;
        rls_rewrite_list_close(&l);
    }
    printf("# %zu openers: %zu safe, %zu needs-choice, %zu without a fix\n",
           RLS_ARRAY_LEN(opener_rows), safe, choice, none);
}

/* The mechanism, not a list of cases: every SAFE fix writes a verb of no
 * stronger class than the phrase it replaces, and a choice offers
 * leadership or ownership only to a phrase that claims at least doing the
 * work ("Part of an effort" never becomes "Led the effort"). */
static void test_no_safe_fix_claims_more_than_its_opener(void) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(opener_rows); i++) {
        const char *b = opener_rows[i].bullet;
        RlsStrength source = opener_class(b);
        if (opener_rows[i].first != NONE) EXPECT_TRUE(source != RLS_STRENGTH_UNKNOWN);
        RlsRewriteList l;
        rls_rewrite_list_init(&l);
        size_t len = strlen(b);
        rls_rewrite_rule("weak-opener", b, len, 0, (uint32_t)len, &l);
        for (size_t k = 0; k < l.len; k++) {
            RlsStrength out = written_class(l.items[k].text);
            bool ok = true;
            if (l.items[k].applicability == RLS_APPLY_SAFE) ok = out <= source;
            if (source <= RLS_STRENGTH_CONTRIBUTION) ok = ok && out <= RLS_STRENGTH_EXECUTION;
            if (source < RLS_STRENGTH_OWNERSHIP) ok = ok && out < RLS_STRENGTH_LEADERSHIP;
            if (!ok)
                printf("#     \"%s\" (%s) -> \"%s\" (%s, %s)\n", b, rls_strength_name(source),
                       l.items[k].text, rls_strength_name(out),
                       rls_applicability_name(l.items[k].applicability));
            EXPECT_TRUE(ok);
        }
        rls_rewrite_list_close(&l);
    }
}

static void test_the_strength_lexicon_orders_the_classes(void) {
    EXPECT_EQ_INT(rls_strength_of("worked on", 9), RLS_STRENGTH_PARTICIPATION);
    EXPECT_EQ_INT(rls_strength_of("Part of", 7), RLS_STRENGTH_PARTICIPATION);
    EXPECT_EQ_INT(rls_strength_of("helped", 6), RLS_STRENGTH_CONTRIBUTION);
    EXPECT_EQ_INT(rls_strength_of("Built", 5), RLS_STRENGTH_EXECUTION);
    EXPECT_EQ_INT(rls_strength_of("in charge of", 12), RLS_STRENGTH_OWNERSHIP);
    EXPECT_EQ_INT(rls_strength_of("Led", 3), RLS_STRENGTH_LEADERSHIP);
    EXPECT_EQ_INT(rls_strength_of("leading", 7), RLS_STRENGTH_LEADERSHIP);
    EXPECT_EQ_INT(rls_strength_of("zorbed", 6), RLS_STRENGTH_UNKNOWN);
    EXPECT_EQ_INT(rls_strength_of_written("zorbed"), RLS_STRENGTH_EXECUTION);
    EXPECT_EQ_INT(rls_strength_of_written("contributed to"), RLS_STRENGTH_CONTRIBUTION);
}

/* ---- Text that is not the writer's -------------------------------------------------------- */

static RlsResume *parse(const char *src, RlsFormat format) {
    RlsParser *p = rls_parser_new(format);
    RlsResume *m = rls_parser_parse(p, src, (uint32_t)strlen(src), NULL);
    rls_parser_delete(p);
    return m;
}

/* A first-person finding over the whole of bullet 0, its quick fixes and
 * fix-all applied; every result must still hold `kept` verbatim. Returns
 * how many results were checked. */
static size_t fixes_keep(const char *src, RlsFormat format, const char *kept) {
    RlsResume *m = parse(src, format);
    size_t checked = 0;
    if (!m || m->n_bullets == 0) {
        EXPECT_TRUE(m && m->n_bullets > 0);
        rls_resume_delete(m);
        return 0;
    }
    RlsDiagList diags;
    rls_diag_list_init(&diags);
    static const char *const rules[] = {"first-person", "weak-opener", "spelled-out-number",
                                        "vague-quantifier", "tense-mismatch"};
    for (size_t r = 0; r < RLS_ARRAY_LEN(rules); r++) {
        RlsDiag *d = rls_diag_push(&diags, m->bullets[0].span, RLS_SEV_WARNING, rules[r], "x");
        d->bullet = 0;
        d->plain_start = 0;
        d->plain_end = m->bullets[0].plain.len;
    }
    RlsActionList list;
    rls_action_list_init(&list);
    for (size_t i = 0; i < diags.len; i++)
        rls_actions_for_diag(m, src, (uint32_t)strlen(src), &diags.items[i], &list);
    RlsFixOptions all = {true, true};
    rls_actions_fix_all(m, src, (uint32_t)strlen(src), &diags, &all, &list);
    for (size_t k = 0; k < list.len; k++) {
        RlsBuf out;
        rls_buf_init(&out);
        int rc = rls_edits_apply(src, (uint32_t)strlen(src), list.items[k].edits,
                                 list.items[k].n_edits, &out);
        EXPECT_EQ_INT(rc, 0);
        if (rc == 0 && !strstr(out.data, kept)) {
            printf("#     \"%s\" lost \"%s\": %s", list.items[k].title, kept, out.data);
            EXPECT_TRUE(false);
        }
        checked++;
        rls_buf_close(&out);
    }
    rls_action_list_close(&list);
    rls_diag_list_close(&diags);
    rls_resume_delete(m);
    return checked;
}

static void test_no_fix_edits_a_quoted_or_emphasised_title_a_link_or_code(void) {
    static const struct {
        RlsFormat format;
        const char *src, *kept;
    } rows[] = {
        {RLS_FORMAT_MARKDOWN,
         "## Experience\n\n- Gave a talk, \"Why my tests fail\", at our meetup.\n",
         "\"Why my tests fail\""},
        {RLS_FORMAT_MARKDOWN,
         "## Experience\n\n- Wrote “Lessons from my first outage” for our blog.\n",
         "“Lessons from my first outage”"},
        {RLS_FORMAT_MARKDOWN, "## Experience\n\n- Wrote *Why my tests fail* for our blog.\n",
         "*Why my tests fail*"},
        {RLS_FORMAT_MARKDOWN,
         "## Experience\n\n- Maintain [all of my dotfiles](https://example.com/my) for our team.\n",
         "[all of my dotfiles](https://example.com/my)"},
        {RLS_FORMAT_MARKDOWN, "## Experience\n\n- Ran `make my target` for our builds.\n",
         "`make my target`"},
        {RLS_FORMAT_LATEX,
         "\\section{Experience}\n\\begin{itemize}\n\\item Wrote \\textit{Why my tests fail} for "
         "our blog.\n\\end{itemize}\n",
         "\\textit{Why my tests fail}"},
        {RLS_FORMAT_LATEX,
         "\\section{Experience}\n\\begin{itemize}\n\\item Wrote \\emph{Why my tests fail} for "
         "our blog.\n\\end{itemize}\n",
         "\\emph{Why my tests fail}"},
        {RLS_FORMAT_LATEX,
         "\\section{Experience}\n\\begin{itemize}\n\\item Gave ``Why my tests fail'' at our "
         "meetup.\n\\end{itemize}\n",
         "``Why my tests fail''"},
        {RLS_FORMAT_LATEX,
         "\\section{Experience}\n\\begin{itemize}\n\\item Keep \\href{https://example.com}{all "
         "of my dotfiles} for our team.\n\\end{itemize}\n",
         "\\href{https://example.com}{all of my dotfiles}"},
    };
    size_t checked = 0;
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++)
        checked += fixes_keep(rows[i].src, rows[i].format, rows[i].kept);
    printf("# %zu fixes checked\n", checked);
}

/* The words outside the quoted title are still the writer's: "our" there
 * is fixed when the edit leaves the title alone. */
static void test_a_fix_outside_a_quoted_title_still_applies(void) {
    const char *src = "## Experience\n\n- Deployed our services with “My Tool”.\n";
    RlsResume *m = parse(src, RLS_FORMAT_MARKDOWN);
    ASSERT_TRUE(m && m->n_bullets == 1);
    RlsDiag d = {m->bullets[0].span, RLS_SEV_WARNING, "first-person", NULL, 0, 9, 12};
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_for_diag(m, src, (uint32_t)strlen(src), &d, &list);
    ASSERT_TRUE(list.len >= 1);
    RlsBuf out;
    rls_buf_init(&out);
    rls_edits_apply(src, (uint32_t)strlen(src), list.items[0].edits, list.items[0].n_edits, &out);
    EXPECT_STR_EQ(out.data, "## Experience\n\n- Deployed the services with “My Tool”.\n");
    rls_buf_close(&out);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

/* A publication line is a citation: "my" in its title is the title's. */
static void test_a_publication_line_containing_my_is_never_fixed(void) {
    static const char *const srcs[] = {
        "## Publications\n\n- Doe, J. (2021). Why my tests fail. In Proc. ICSE, our track.\n",
        "## Invited Talks\n\n- Why my tests fail, GopherCon 2021, with our team.\n",
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(srcs); i++)
        fixes_keep(srcs[i], RLS_FORMAT_MARKDOWN, "Why my tests fail");
    /* And nothing is offered there at all. */
    RlsResume *m = parse(srcs[0], RLS_FORMAT_MARKDOWN);
    ASSERT_TRUE(m && m->n_bullets == 1);
    RlsDiag d = {m->bullets[0].span,     RLS_SEV_WARNING, "first-person", NULL, 0, 0,
                 m->bullets[0].plain.len};
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_for_diag(m, srcs[0], (uint32_t)strlen(srcs[0]), &d, &list);
    EXPECT_EQ_INT(list.len, 0);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

/* ---- Tense on verbs only ------------------------------------------------------------------ */

static void test_a_tense_fix_never_turns_a_noun_phrase_into_a_broken_verb(void) {
    static const struct {
        const char *in;
        int first;
        const char *text;
    } rows[] = {
        /* Was "Designed and development of the billing API". */
        {"Design and development of the billing API.", CHOICE,
         "Designed and developed the billing API."},
        {"Implementation of the search service.", NONE, NULL},
        {"Design of the caching layer.", NONE, NULL},
        {"Design and build the billing service in Go.", SAFE,
         "Designed and built the billing service in Go."},
        {"Build the billing service in Go.", SAFE, "Built the billing service in Go."},
        {"Maintains the payments API.", SAFE, "Maintained the payments API."},
        /* Was "Supported to Pythian's External Profile". */
        {"Support to Pythian's External Profile.", NONE, NULL},
        {"Help to implement the web service.", SAFE, "Helped to implement the web service."},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        RlsRewriteList l;
        rls_rewrite_list_init(&l);
        size_t len = strlen(rows[i].in);
        rls_rewrite_rule("tense-mismatch", rows[i].in, len, 0, 6, &l);
        int got = l.len ? (int)l.items[0].applicability : NONE;
        if (got != rows[i].first)
            printf("#     \"%s\" -> \"%s\"\n", rows[i].in, l.len ? l.items[0].text : "(none)");
        EXPECT_EQ_INT(got, rows[i].first);
        if (rows[i].text && l.len) EXPECT_STR_EQ(l.items[0].text, rows[i].text);
        rls_rewrite_list_close(&l);
    }
}

/* ---- First person --------------------------------------------------------------------------- */

/* "our X" -> "the X" keeps the meaning; "my thesis" -> "the thesis" does
 * not (whose thesis?), and "where I describe my process" keeps its "I". */
static void test_first_person_fixes_keep_whose_work_it_was(void) {
    static const struct {
        const char *in;
        int first;
        const char *text;
    } rows[] = {
        {"I designed our payments layer.", SAFE, "Designed the payments layer."},
        /* "our teaching", "my caching work": an -ing word may be an activity
         * of the person, left as written. */
        {"I improved our hiring process.", SAFE, "Improved our hiring process."},
        {"Deployed changes for our web apps.", SAFE, "Deployed changes for the web apps."},
        /* Was "..., which became the Master's thesis." */
        {"Proposed an odometry system, which became my Master's thesis.", CHOICE,
         "Proposed an odometry system, which became the Master's thesis."},
        /* Was "... where I describe the process and goals." */
        {"Wrote blog posts where I describe my process and goals.", NONE, NULL},
        {"In order to upgrade our system, we needed to migrate servers.", NONE, NULL},
        {"I built my first compiler.", SAFE, "Built my first compiler."},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(rows); i++) {
        RlsRewriteList l;
        rls_rewrite_list_init(&l);
        size_t len = strlen(rows[i].in);
        rls_rewrite_rule("first-person", rows[i].in, len, 0, (uint32_t)len, &l);
        int got = l.len ? (int)l.items[0].applicability : NONE;
        if (got != rows[i].first)
            printf("#     \"%s\" -> \"%s\"\n", rows[i].in, l.len ? l.items[0].text : "(none)");
        EXPECT_EQ_INT(got, rows[i].first);
        if (rows[i].text && l.len) EXPECT_STR_EQ(l.items[0].text, rows[i].text);
        rls_rewrite_list_close(&l);
    }
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_every_duty_opener_gets_the_expected_applicability_and_text),
        RLS_TEST(test_no_safe_fix_claims_more_than_its_opener),
        RLS_TEST(test_the_strength_lexicon_orders_the_classes),
        RLS_TEST(test_no_fix_edits_a_quoted_or_emphasised_title_a_link_or_code),
        RLS_TEST(test_a_fix_outside_a_quoted_title_still_applies),
        RLS_TEST(test_a_publication_line_containing_my_is_never_fixed),
        RLS_TEST(test_a_tense_fix_never_turns_a_noun_phrase_into_a_broken_verb),
        RLS_TEST(test_first_person_fixes_keep_whose_work_it_was),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
