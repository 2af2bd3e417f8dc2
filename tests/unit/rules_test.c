/* Tests for the rule engine (server/rules/): each rule's hits and near
 * misses, exact spans through markup and non-ASCII text, configuration and
 * suppression comments. Models are built with rules_fixture.h. */
#include "rules_fixture.h"
#include "rules/rules_internal.h"
#include "rls/analysis.h"
#include "rls/config.h"
#include "rls/parse.h"
#include "test.h"

#define RESUME(bullets)                                                                            \
    "## Experience\n### Engineer | Acme | 2019 - 2021\n" bullets "## Skills\nGo, Kafka\n"          \
    "## Education\nBSc, 2015\n"

/* Appends s to the NUL-terminated buf of cap bytes, cutting what does not fit. */
static void buf_append(char *buf, size_t cap, const char *s) {
    size_t n = strlen(buf), k = strlen(s);
    if (n + 1 >= cap) return;
    if (k > cap - n - 1) k = cap - n - 1;
    memcpy(buf + n, s, k);
    buf[n + k] = '\0';
}

/* Does rule fire on a single bullet in a finished Experience role? */
static bool fires(const char *rule, const char *bullet) {
    char src[1024];
    snprintf(src, sizeof(src), RESUME("- %s\n"), bullet);
    RlsDiagList l;
    fx_check(src, NULL, &l);
    bool hit = fx_count(&l, rule) > 0;
    rls_diag_list_close(&l);
    return hit;
}

/* The source text a rule's first finding covers on a bullet ("" if none). */
static const char *covered(const char *rule, const char *bullet) {
    static char buf[256];
    char src[1024];
    snprintf(src, sizeof(src), RESUME("- %s\n"), bullet);
    RlsDiagList l;
    fx_check(src, NULL, &l);
    const RlsDiag *d = fx_find(&l, rule);
    buf[0] = '\0';
    if (d)
        snprintf(buf, sizeof(buf), "%.*s", (int)(d->span.end_byte - d->span.start_byte),
                 src + d->span.start_byte);
    rls_diag_list_close(&l);
    return buf;
}

typedef struct {
    const char *bullet;
    bool expect;
} Case;

static void check_cases(const char *rule, const Case *cases, size_t n) {
    for (size_t i = 0; i < n; i++) {
        bool got = fires(rule, cases[i].bullet);
        if (got != cases[i].expect)
            RLS__FAIL("%s on \"%s\": got %s, expected %s", rule, cases[i].bullet,
                      got ? "a finding" : "none", cases[i].expect ? "a finding" : "none");
    }
}

/* ---- The registry ------------------------------------------------------------ */

static void test_every_rule_is_registered_with_a_severity_and_summary(void) {
    static const char *const ids[] = {
        "weak-opener",
        "no-metric",
        "vague-quantifier",
        "passive-voice",
        "first-person",
        "spelled-out-number",
        "buzzword",
        "bullet-length",
        "repeated-verb",
        "tense-mismatch",
        "nonstandard-heading",
        "missing-section",
        "acronym-undefined",
        "unread-structure",
        "missing-keyword",
        "skill-unbacked",
        "skill-unlisted",
        "ats-layout",
        "contact-missing",
        "date-format",
        "resume-length",
        "tech-casing",
        "date-invalid",
        "timeline-order",
        "timeline-gap",
        "spelling",
        "not-analysed",
    };
    size_t n;
    const RlsRuleInfo *all = rls_rules_all(&n);
    EXPECT_EQ_INT(n, RLS_ARRAY_LEN(ids));
    for (size_t i = 0; i < RLS_ARRAY_LEN(ids); i++) {
        const RlsRuleInfo *r = rls_rule_find(ids[i]);
        ASSERT_TRUE(r != NULL);
        EXPECT_TRUE(r->default_severity >= RLS_SEV_ERROR && r->default_severity <= RLS_SEV_HINT);
        EXPECT_TRUE(r->summary && r->summary[0]);
    }
    EXPECT_TRUE(all[0].content);
    EXPECT_TRUE(rls_rule_find("no-such-rule") == NULL);
    EXPECT_EQ_INT(rls_rule_find("acronym-undefined")->default_severity, RLS_SEV_INFO);
}

/* A heading's anchor as the page renders it: "## weak-opener" -> "weak-opener".
 * Only headings that are a rule id (lower case, digits, hyphens) name a rule;
 * "## Where each rule applies" does not. Returns the length, 0 for none. */
static size_t docs_rule_heading(const char *line, size_t len, char *out, size_t cap) {
    if (len < 4 || strncmp(line, "## ", 3) != 0) return 0;
    size_t n = 0;
    for (size_t i = 3; i < len; i++) {
        char c = line[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') || n + 1 >= cap)
            return 0;
        out[n++] = c;
    }
    out[n] = '\0';
    return n;
}

/* An index row "| [id](#anchor) | default | ..." gives the anchor and the
 * default column. Returns false for any other line. */
static bool docs_index_row(const char *line, size_t len, char *anchor, size_t cap,
                           const char **dflt) {
    if (len < 8 || strncmp(line, "| [", 3) != 0) return false;
    const char *hash = memchr(line, '#', len);
    const char *close = hash ? memchr(hash, ')', len - (size_t)(hash - line)) : NULL;
    if (!close || (size_t)(close - hash - 1) >= cap) return false;
    memcpy(anchor, hash + 1, (size_t)(close - hash - 1));
    anchor[close - hash - 1] = '\0';
    *dflt = close + 1;
    while (**dflt == ' ' || **dflt == '|')
        (*dflt)++;
    return true;
}

static void test_docs_rules_md_documents_exactly_the_rules_of_the_table(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/docs/rules.md", RLS_SOURCE_DIR);
    size_t len = 0;
    char *doc = rls_test_read_file(path, &len);
    ASSERT_TRUE(doc != NULL);
    size_t n_rules = 0;
    const RlsRuleInfo *all = rls_rules_all(&n_rules);
    bool sectioned[RLS_RULE_COUNT] = {false}, indexed[RLS_RULE_COUNT] = {false};
    for (const char *line = doc; line < doc + len;) {
        const char *nl = memchr(line, '\n', (size_t)(doc + len - line));
        size_t ll = nl ? (size_t)(nl - line) : (size_t)(doc + len - line);
        char name[64];
        const char *dflt = NULL;
        bool heading = docs_rule_heading(line, ll, name, sizeof name) > 0;
        bool row = !heading && docs_index_row(line, ll, name, sizeof name, &dflt);
        if (heading || row) {
            size_t k = 0;
            while (k < n_rules && strcmp(all[k].anchor, name) != 0)
                k++;
            if (k == n_rules) {
                RLS__FAIL("docs/rules.md documents \"%s\", no rule of RLS_RULES", name);
            } else if (heading) {
                sectioned[k] = true;
            } else {
                indexed[k] = true;
                const char *sev = rls_severity_name(all[k].default_severity);
                if (strncmp(dflt, sev, strlen(sev)) != 0)
                    RLS__FAIL("docs/rules.md gives %s the default \"%.12s\", the table %s", name,
                              dflt, sev);
            }
        }
        line += ll + 1;
    }
    for (size_t k = 0; k < n_rules; k++) {
        if (!sectioned[k]) RLS__FAIL("docs/rules.md has no section \"## %s\"", all[k].anchor);
        if (!indexed[k]) RLS__FAIL("the index of docs/rules.md has no row for %s", all[k].id);
        EXPECT_TRUE(strcmp(all[k].id, rls_rule_info((RlsRule)k)->id) == 0);
    }
    /* The ids are one object each: the registry hands out the same pointer
     * as RLS_RULE_ID, which the engine compares by address first. */
    EXPECT_TRUE(rls_rule_find("weak-opener")->id == RLS_RULE_ID(WEAK_OPENER));
    EXPECT_TRUE(rls_rule_info(RLS_RULE_NOT_ANALYSED)->id == RLS_RULE_ID(NOT_ANALYSED));
    rls_free(doc);
}

/* ---- Bullet rules ------------------------------------------------------------- */

static void test_weak_opener_matches_duty_phrases_after_pronouns_and_markup(void) {
    static const Case cases[] = {
        {"Responsible for the billing API.", true},
        {"**Responsible for** the billing API.", true},
        {"I was responsible for the billing API.", true},
        {"We worked closely with design on onboarding.", true},
        {"My team and I worked on the payments integration.", true},
        {"RESPONSIBLE FOR the billing API.", true},
        {"Was part of the platform team.", true},
        {"Helped cut onboarding time by 40%.", true},
        {"Helpdesk tooling rebuilt in Go, cutting tickets 30%.", false},
        {"Partnered with sales to build a pricing API that grew revenue 18%.", false},
        {"Used by 2M people, the app cut wait times 30%.", true},
        {"Led a team of 6 to ship search in Go.", false},
        {"Technologies: used Go, Kafka, Postgres", false},
    };
    check_cases("weak-opener", cases, RLS_ARRAY_LEN(cases));
    EXPECT_STR_EQ(covered("weak-opener", "**Responsible for** the billing API."),
                  "Responsible for");
    EXPECT_STR_EQ(covered("weak-opener", "I was tasked with uptime."), "was tasked with");
}

static void test_no_metric_counts_results_not_versions_or_dates(void) {
    static const Case cases[] = {
        {"Cut p95 latency by 40% for checkout.", false},
        {"Saved $90K/year by rightsizing clusters.", false},
        {"Absorbed a 4x traffic spike on launch day.", false},
        {"Processed 12M events/day through Kafka.", false},
        {"Shrank deploys from 45 min to 6 min.", false},
        {"Split the monolith into 14 services.", false},
        {"Led a team of 6 engineers on search.", false},
        {"Brought refunds from ~40/month to zero.", false},
        {"Kept uptime at 99.98% through the migration.", false},
        {"Halved the time to onboard new engineers.", false},
        {"Led a team of five engineers on search.", false},
        {"Maintained Python 3 services on AWS EC2 and S3.", true},
        {"Upgraded the platform to Java 17 and Spring Boot 3 in 2023.", true},
        {"Moved auth to OAuth2 and HTTP/2 with ES6 clients on K8s.", true},
        {"Shipped the Q2 2024 roadmap items for billing.", true},
        {"Migrated billing to Postgres 15.2.1 on 03/2021.", true},
        {"Joined the team in Jan 2020 to rebuild billing.", true},
        {"Upgraded Kafka clusters from 2019-2021 for the team.", true},
        {"Built the 3D viewer and 5G test harness.", true},
        {"Improved performance of the reporting system.", true},
    };
    check_cases("no-metric", cases, RLS_ARRAY_LEN(cases));
    /* no-metric points at the whole bullet: there is no single word to blame. */
    EXPECT_STR_EQ(covered("no-metric", "Improved **reporting** speed."),
                  "Improved **reporting** speed.");
}

static void test_no_metric_judges_achievement_sections_only(void) {
    const char *src = "## Education\n- Studied distributed systems and compilers\n"
                      "## Experience\n- Maintained the internal billing tools\n";
    RlsDiagList l;
    fx_check(src, NULL, &l);
    EXPECT_EQ_INT(fx_count(&l, "no-metric"), 1);
    const RlsDiag *d = fx_find(&l, "no-metric");
    ASSERT_TRUE(d != NULL);
    EXPECT_EQ_INT(d->bullet, 1);
    rls_diag_list_close(&l);
}

static void test_vague_quantifier_and_intensifiers(void) {
    static const Case cases[] = {
        {"Designed various microservices for billing.", true},
        {"Fixed lots of flaky tests in CI.", true},
        {"Wrote docs, runbooks, etc.", true},
        {"Significantly improved search relevance.", true},
        {"Significantly cut p99 latency, from 900ms to 200ms.", false},
        {"Cut p99 latency across 3 regions, from 900ms to 200ms.", false},
        {"Analyzed manyfold growth in signups.", false},
    };
    check_cases("vague-quantifier", cases, RLS_ARRAY_LEN(cases));
    EXPECT_STR_EQ(covered("vague-quantifier", "Fixed a lot of flaky tests."), "a lot of");
}

static void test_passive_voice_in_main_clauses(void) {
    static const Case cases[] = {
        {"Bugs were fixed in the legacy codebase.", true},
        {"The pipeline was rewritten in Go.", true},
        {"The service was quickly rebuilt after the outage.", true},
        {"Reports are generated nightly for 40 teams.", true},
        {"Built a CLI that is used by 180 engineers.", false},
        {"Built a game where maps are generated on the fly.", false},
        {"Shipped a plugin which can be installed in one click.", false},
        {"Was based in Berlin, owning 3 services.", false},
        {"Fixed a bug with offsets not being set correctly.", false},
    };
    check_cases("passive-voice", cases, RLS_ARRAY_LEN(cases));
    EXPECT_STR_EQ(covered("passive-voice", "The pipeline was rewritten in Go."), "was rewritten");
}

static void test_first_person_spares_the_us_country_and_io(void) {
    static const Case cases[] = {
        {"I designed the caching layer.", true},
        {"Moved our services to Kubernetes.", true},
        {"Helped us ship twice as often.", true},
        {"Built payroll for US and EU customers.", false},
        {"Cut I/O wait by 40% on the ingest nodes.", false},
        {"Ran the IT help desk for 300 staff.", false},
        {"Promoted from Engineer I to Engineer II in 2020.", false},
        {"Blogged at blog.yours.me about Rust.", false},
        {"Spoke on \"How We Scaled Search\" at PyCon.", false},
        {"Sub-achievement i;", false},
    };
    check_cases("first-person", cases, RLS_ARRAY_LEN(cases));
    EXPECT_STR_EQ(covered("first-person", "Moved our services to Kubernetes."), "our");
}

static void test_spelled_out_numbers_that_count_things(void) {
    static const Case cases[] = {
        {"Reduced costs by thirty percent.", true},
        {"Led a team of five engineers.", true},
        {"Onboarded twenty-five enterprise customers.", true},
        {"Was one of the first hires on the team.", false},
        {"Ran one-on-one meetings with 6 reports.", false},
        {"Added two-factor authentication for 2M users.", false},
        {"Compared the two approaches in a 10-page report.", false},
        {"Served 2 million users across 3 regions.", false},
        {"Rebuilt the viewer in Three.js for 40K users.", false},
        {"Hired two or three contractors each quarter.", false},
    };
    check_cases("spelled-out-number", cases, RLS_ARRAY_LEN(cases));
    EXPECT_STR_EQ(covered("spelled-out-number", "Reduced costs by thirty percent."),
                  "thirty percent");
    EXPECT_STR_EQ(covered("spelled-out-number", "Onboarded twenty-five customers."), "twenty-five");
}

static void test_buzzwords_match_across_hyphens_and_spaces(void) {
    static const Case cases[] = {
        {"Results-driven engineer who ships.", true},
        {"Results driven engineer who ships.", true},
        {"A team-player across 4 teams.", true},
        {"Built dynamic pricing that grew margin 4%.", false},
        {"Cut cold starts by 1.1s by cutting SDK init.", false},
    };
    check_cases("buzzword", cases, RLS_ARRAY_LEN(cases));
    EXPECT_STR_EQ(covered("buzzword", "Passionate about clean code."), "Passionate about");
}

static void test_bullet_length_points_past_the_limit(void) {
    char longb[600] = "Built";
    for (int i = 0; i < 45; i++)
        buf_append(longb, sizeof(longb), " word");
    EXPECT_TRUE(fires("bullet-length", longb));
    /* Words 41..46 are flagged: the squiggle starts at the 41st word. */
    const char *c = covered("bullet-length", longb);
    EXPECT_EQ_INT(strlen(c), strlen(" word") * 6 - 1);
    EXPECT_TRUE(fires("bullet-length", "Testing"));
    EXPECT_TRUE(!fires("bullet-length", "Cut p99 latency 40%."));
    EXPECT_TRUE(!fires("bullet-length", "Technologies: Go, Kafka"));
}

/* ---- Spans ------------------------------------------------------------------------ */

static void test_spans_map_through_non_ascii_and_crlf(void) {
    const char *src = "## Experience\r\n### É | Café Ünited | 2019 - 2021\r\n"
                      "- Über-fast 🚀 café: **helped** with various 数据 pipelines\r\n";
    RlsDiagList l;
    fx_check(src, NULL, &l);
    const RlsDiag *d = fx_find(&l, "vague-quantifier");
    ASSERT_TRUE(d != NULL);
    EXPECT_EQ_INT(d->span.end_byte - d->span.start_byte, 7);
    EXPECT_TRUE(memcmp(src + d->span.start_byte, "various", 7) == 0);
    EXPECT_EQ_INT(d->bullet, 0);
    rls_diag_list_close(&l);
}

/* ---- Document rules ---------------------------------------------------------------- */

static void test_repeated_verb_flags_the_third_and_later(void) {
    const char *src = RESUME("- Developed the billing API for 3 teams.\n"
                             "- Developed the search indexer for 40M rows.\n"
                             "- Built the deploy pipeline for 30 services.\n"
                             "- developed the admin console for 12 staff.\n"
                             "- Developed an SDK used by 80 apps.\n");
    RlsDiagList l;
    fx_check(src, NULL, &l);
    EXPECT_EQ_INT(fx_count(&l, "repeated-verb"), 2);
    const RlsDiag *d = fx_find(&l, "repeated-verb");
    ASSERT_TRUE(d != NULL);
    EXPECT_EQ_INT(d->bullet, 3);
    EXPECT_TRUE(memcmp(src + d->span.start_byte, "developed", 9) == 0);
    EXPECT_TRUE(strstr(d->message, "lines 3, 4") != NULL);
    rls_diag_list_close(&l);
}

/* A suggestion is left out when any form of it already opens a bullet:
 * "Building" takes "Built" away as well as "Build" (the verb morphology
 * reads both as "build"; a suffix-stripping stem kept them apart). */
static void test_repeated_verb_suggests_no_verb_already_in_use_in_another_form(void) {
    const char *src = RESUME("- Developed the billing API for 3 teams.\n"
                             "- Developed the search indexer for 40M rows.\n"
                             "- Building the deploy pipeline for 30 services.\n"
                             "- Developed an SDK used by 80 apps.\n");
    RlsDiagList l;
    fx_check(src, NULL, &l);
    const RlsDiag *d = fx_find(&l, "repeated-verb");
    ASSERT_TRUE(d != NULL);
    EXPECT_TRUE(strstr(d->message, "Engineered") != NULL);
    if (strstr(d->message, "Built")) RLS__FAIL("suggests \"Built\": %s", d->message);
    rls_diag_list_close(&l);
}

static void test_tense_mismatch_by_role_dates(void) {
    const char *src = "## Experience\n"
                      "### Engineer | Acme | 2018 - 2020\n"
                      "- Manage a team of 5 engineers.\n"
                      "- Built the billing API for 3M users.\n"
                      "- Lead Engineer on the 4-person payments team.\n"
                      "### Engineer | Beta | 2021 - Present\n"
                      "- Build the search service for 40M rows.\n"
                      "- Maintain 12 ingestion jobs.\n"
                      "- Migrated the queue to Kafka for 30 services.\n"
                      "### Engineer | Gamma | 2020 - Present\n"
                      "- Cut p99 by 40%.\n"
                      "- Shipped SSO for 70 customers.\n";
    RlsDiagList l;
    fx_check(src, NULL, &l);
    EXPECT_EQ_INT(fx_count(&l, "tense-mismatch"), 2);
    for (size_t i = 0; i < l.len; i++) {
        if (strcmp(l.items[i].rule, "tense-mismatch") != 0) continue;
        const char *at = src + l.items[i].span.start_byte;
        EXPECT_TRUE(strncmp(at, "Manage", 6) == 0 || strncmp(at, "Migrated", 8) == 0);
        if (strncmp(at, "Manage", 6) == 0) EXPECT_TRUE(strstr(l.items[i].message, "\"Managed\""));
        if (strncmp(at, "Migrated", 8) == 0) EXPECT_TRUE(strstr(l.items[i].message, "\"Migrate\""));
    }
    rls_diag_list_close(&l);
}

static void test_nonstandard_heading_names_the_standard_one(void) {
    const char *src = "## Career Journey\n- Cut costs 40%.\n"
                      "## Toolbox\nGo\n"
                      "## Relevant Experience\n- Cut costs 40%.\n"
                      "## Interests\n- Climbing\n"
                      "## 工作经历\n- 降低成本 40%\n"
                      "## Education\nBSc\n## Skills\nGo\n";
    RlsDiagList l;
    fx_check(src, NULL, &l);
    EXPECT_EQ_INT(fx_count(&l, "nonstandard-heading"), 2);
    bool career = false, toolbox = false;
    for (size_t i = 0; i < l.len; i++) {
        if (strcmp(l.items[i].rule, "nonstandard-heading") != 0) continue;
        const char *at = src + l.items[i].span.start_byte;
        if (strncmp(at, "Career Journey", 14) == 0)
            career = strstr(l.items[i].message, "\"Experience\"") != NULL;
        if (strncmp(at, "Toolbox", 7) == 0)
            toolbox = strstr(l.items[i].message, "\"Skills\"") != NULL;
    }
    EXPECT_TRUE(career);
    EXPECT_TRUE(toolbox);
    rls_diag_list_close(&l);
}

/* "Patents", "Invited Talks", "Courses" are kinds of their own: calling
 * them Publications or Certifications would be untrue. */
static void test_a_heading_of_its_own_kind_is_never_renamed_to_another(void) {
    const char *src = "## Experience\n- Cut costs 40%.\n"
                      "## Patents\n- US 1234567: a method\n"
                      "## Invited Talks\n- Scaling Go, GopherCon 2021\n"
                      "## Courses\n- Distributed Systems\n"
                      "## Activities\n- Chess club\n"
                      "## Occupation\n- Cut costs 40%.\n"
                      "## Education\nBSc\n## Skills\nGo\n";
    RlsDiagList l;
    fx_check(src, NULL, &l);
    size_t n = 0;
    for (size_t i = 0; i < l.len; i++) {
        if (strcmp(l.items[i].rule, "nonstandard-heading") != 0) continue;
        n++;
        const char *at = src + l.items[i].span.start_byte;
        /* Only "Occupation", a synonym of a heading the resume already
         * has, and said so. */
        EXPECT_TRUE(strncmp(at, "Occupation", 10) == 0);
        EXPECT_TRUE(strstr(l.items[i].message, "already") != NULL);
    }
    EXPECT_EQ_INT(n, 1);
    rls_diag_list_close(&l);
}

static void test_missing_section_on_the_first_line(void) {
    const char *src = "\n# Alex Doe\n## Experience\n- Cut costs 40% across 3 teams.\n";
    RlsDiagList l;
    fx_check(src, NULL, &l);
    EXPECT_EQ_INT(fx_count(&l, "missing-section"), 2);
    const RlsDiag *d = fx_find(&l, "missing-section");
    ASSERT_TRUE(d != NULL);
    EXPECT_EQ_INT(d->span.start_byte, 1);
    EXPECT_EQ_INT(d->span.end_byte, 11);
    rls_diag_list_close(&l);
    /* A document with no heading yet is still being started. */
    fx_check("Alex Doe\n", NULL, &l);
    EXPECT_EQ_INT(fx_count(&l, "missing-section"), 0);
    rls_diag_list_close(&l);
}

static void test_acronym_undefined_until_spelled_out_once(void) {
    RlsDiagList l;
    fx_check(RESUME("- Built CI/CD for 30 services.\n- Cut ETL runtime 50%.\n"
                    "- Ran ETL (extract, transform, load) jobs for 3 teams.\n"),
             NULL, &l);
    EXPECT_EQ_INT(fx_count(&l, "acronym-undefined"), 1);
    const RlsDiag *d = fx_find(&l, "acronym-undefined");
    ASSERT_TRUE(d != NULL);
    EXPECT_TRUE(strstr(d->message, "CI/CD") != NULL);
    EXPECT_EQ_INT(d->bullet, 0);
    rls_diag_list_close(&l);
    /* "HTML" does not contain the acronym "ML". */
    fx_check(RESUME("- Rebuilt 40 HTML emails.\n"), NULL, &l);
    EXPECT_EQ_INT(fx_count(&l, "acronym-undefined"), 0);
    rls_diag_list_close(&l);
}

/* Issue #14: the summary paragraph is judged for self-description
 * (buzzwords, "I"), never as an achievement; a skills list not at all. */
static void test_summary_paragraph_gets_self_description_rules_skills_none(void) {
    const char *src = "## Summary\nI am a results-driven team player.\n"
                      "## Skills\n- Responsible for various things\n"
                      "## Experience\n- Cut costs 40% across 3 teams.\n## Education\nBSc\n";
    RlsDiagList l;
    fx_check(src, NULL, &l);
    EXPECT_EQ_INT(fx_count(&l, "buzzword"), 2);
    EXPECT_EQ_INT(fx_count(&l, "first-person"), 1);
    EXPECT_EQ_INT(fx_count(&l, "weak-opener"), 0);
    EXPECT_EQ_INT(fx_count(&l, "no-metric"), 0);
    EXPECT_EQ_INT(fx_count(&l, "vague-quantifier"), 0);
    for (size_t i = 0; i < l.len; i++)
        EXPECT_TRUE(l.items[i].span.end_byte > l.items[i].span.start_byte);
    rls_diag_list_close(&l);
}

/* ---- Configuration ------------------------------------------------------------------ */

static void test_configuration_severity_off_and_override(void) {
    RlsConfig cfg;
    rls_config_init(&cfg);
    rls_config_set_severity(&cfg, "weak-opener", RLS_SEV_OFF);
    rls_config_set_severity(&cfg, "no-metric", RLS_SEV_ERROR);
    RlsDiagList l;
    fx_check(RESUME("- Responsible for the billing API.\n"), &cfg, &l);
    EXPECT_EQ_INT(fx_count(&l, "weak-opener"), 0);
    const RlsDiag *d = fx_find(&l, "no-metric");
    ASSERT_TRUE(d != NULL);
    EXPECT_EQ_INT(d->severity, RLS_SEV_ERROR);
    rls_diag_list_close(&l);
    rls_config_close(&cfg);
}

static void test_configuration_edits_lexicons_and_thresholds(void) {
    RlsConfig cfg;
    rls_config_init(&cfg);
    rls_config_edit_lexicon(&cfg, "weak-opener", "Responsible for", true);
    rls_config_edit_lexicon(&cfg, "weak-opener", "Oversaw", false);
    rls_config_edit_lexicon(&cfg, "buzzword", "Rockstar  Coder", false);
    rls_config_edit_lexicon(&cfg, "acronym-undefined", "SLO = service level objective", false);
    rls_config_set_threshold(&cfg, "bullet-length.minWords", 6);
    RlsDiagList l;
    fx_check(RESUME("- Responsible for the billing API.\n- Oversaw the 3 SLO dashboards.\n"
                    "- A rockstar coder, 3 years.\n"),
             &cfg, &l);
    EXPECT_EQ_INT(fx_count(&l, "weak-opener"), 1);
    const RlsDiag *d = fx_find(&l, "weak-opener");
    ASSERT_TRUE(d != NULL);
    EXPECT_EQ_INT(d->bullet, 1);
    EXPECT_EQ_INT(fx_count(&l, "buzzword"), 1);
    EXPECT_EQ_INT(fx_count(&l, "acronym-undefined"), 1);
    EXPECT_EQ_INT(fx_count(&l, "bullet-length"), 3);
    rls_diag_list_close(&l);
    rls_config_close(&cfg);
}

/* ---- Suppression -------------------------------------------------------------------- */

static void test_suppression_comments(void) {
    const char *src =
        "## Experience\n### E | A | 2019 - 2021\n"
        "<!-- resume-ls-disable-next-line weak-opener -->\n"
        "- Responsible for the billing API.\n"
        "- Responsible for the search API.\n"
        "<!-- resume-ls-disable no-metric, vague-quantifier -- agreed with editor -->\n"
        "- Built various dashboards.\n"
        "<!-- resume-ls-enable vague-quantifier -->\n"
        "- Built various reports.\n"
        "% resume-ls-disable\n"
        "- I was responsible for many things.\n"
        "% resume-ls-enable\n"
        "- Helped with audits.\n"
        "- Used various tools. <!-- resume-ls-disable-line weak-opener -->\n"
        "## Skills\nGo\n## Education\nBSc\n";
    RlsDiagList l;
    fx_check(src, NULL, &l);
    /* weak-opener: bullets 0 and 6 suppressed; bullets 1 and 5 remain. */
    EXPECT_EQ_INT(fx_count(&l, "weak-opener"), 2);
    /* no-metric: bullets 0, 1, 5 and 6 (off from bullet 2 until the bare
     * "resume-ls-enable", which turns every rule back on). */
    EXPECT_EQ_INT(fx_count(&l, "no-metric"), 4);
    /* vague-quantifier: bullets 3 and 6. */
    EXPECT_EQ_INT(fx_count(&l, "vague-quantifier"), 2);
    EXPECT_EQ_INT(fx_count(&l, "first-person"), 0);
    for (size_t i = 0; i < l.len; i++)
        EXPECT_TRUE(l.items[i].bullet != 4);
    rls_diag_list_close(&l);
}

/* ---- False alarms found on real resumes (corpus review), each with a near miss ---- */

/* Findings of rule through the real parser and the whole analysis. */
static size_t real_count(const char *src, RlsFormat fmt, const char *rule, const char *needle) {
    RlsParser *p = rls_parser_new(fmt);
    RlsAnalysis an;
    rls_analysis_init(&an);
    rls_analyze(&an, p, src, (uint32_t)strlen(src), NULL);
    size_t n = 0;
    for (size_t i = 0; i < an.diags.len; i++)
        if (strcmp(an.diags.items[i].rule, rule) == 0 &&
            (!needle || strstr(an.diags.items[i].message, needle)))
            n++;
    rls_analysis_close(&an);
    rls_parser_delete(p);
    return n;
}

static size_t fx_rule_count(const char *src, const char *rule) {
    RlsDiagList l;
    fx_check(src, NULL, &l);
    size_t n = fx_count(&l, rule);
    rls_diag_list_close(&l);
    return n;
}

/* A current role written as "Since May 2020", with a U+2011 dash, or with a
 * Spanish open end is current: its present-tense bullets are right. A role
 * that ended is still told so (the near miss). */
static void test_open_ranges_in_any_form_keep_a_role_current(void) {
    static const char *const current[] = {"Since May 2020", "Jan 2021\u2011Present",
                                          "Abr 2024 \u2013 Actualidad", "2021Present",
                                          "depuis mars 2019"};
    char src[512];
    for (size_t i = 0; i < RLS_ARRAY_LEN(current); i++) {
        snprintf(src, sizeof(src),
                 "# Jane Doe\njane@example.com\n\n## Experience\n\n"
                 "### Staff Engineer, Acme Corp | %s\n\n"
                 "- Lead the payments platform team of 8 engineers.\n"
                 "- Design the ledger service used by 40 teams.\n",
                 current[i]);
        size_t n = real_count(src, RLS_FORMAT_MARKDOWN, "tense-mismatch", NULL);
        if (n != 0) RLS__FAIL("\"%s\": %zu tense-mismatch findings, expected 0", current[i], n);
    }
    snprintf(src, sizeof(src),
             "# Jane Doe\njane@example.com\n\n## Experience\n\n"
             "### Staff Engineer, Acme Corp | May 2018 \u2011 May 2020\n\n"
             "- Lead the payments platform team of 8 engineers.\n"
             "- Design the ledger service used by 40 teams.\n");
    EXPECT_EQ_INT(real_count(src, RLS_FORMAT_MARKDOWN, "tense-mismatch", "ended in 2020"), 2);
}

/* A date is no result: "on 12 March 2021" is a day, so a bullet whose
 * only numbers are that date still lacks a metric; "12 services" is one
 * (the near miss). no-metric is an English wording rule (issue #14): the
 * French bullet, date or not, is not judged by it. */
static void test_a_date_is_no_metric_and_french_is_not_judged(void) {
    EXPECT_EQ_INT(fx_rule_count("## Experience\n### Engineer | Acme | 2019 - 2021\n"
                                "- Launched the payment service on 12 March 2021 with the "
                                "teams.\n",
                                "no-metric"),
                  1);
    EXPECT_EQ_INT(fx_rule_count("## Experience\n### Engineer | Acme | 2019 - 2021\n"
                                "- Launched 12 payment services with the teams.\n",
                                "no-metric"),
                  0);
    EXPECT_EQ_INT(fx_rule_count("## Expérience\n### Ingénieur | Acme | 2019 - 2021\n"
                                "- Lancement du service de paiement le 12 mars 2021 avec les "
                                "équipes.\n",
                                "no-metric"),
                  0);
}

static void test_english_rules_stay_silent_on_other_languages(void) {
    const char *fr =
        "## Expériences professionnelles\n### Ingénieur | Acme | 2018 - 2020\n"
        "- Développe le service de paiement pour les clients de la banque.\n"
        "- Migration de la plateforme avec les équipes et les partenaires du groupe.\n"
        "- Conception des API pour la direction et le service client (CI/CD).\n"
        "## Projets scolaires et personnels\n- Un jeu en C pour les élèves du lycée.\n";
    EXPECT_EQ_INT(fx_rule_count(fr, "missing-section"), 0);
    EXPECT_EQ_INT(fx_rule_count(fr, "nonstandard-heading"), 0);
    EXPECT_EQ_INT(fx_rule_count(fr, "acronym-undefined"), 0);
    const char *ko = "## Work\n### 개발자 | 회사 | 2020 - 2022\n"
                     "- use-list-state 후크의 filter 함수에 대한 설명 오류 수정\n"
                     "- 컴포넌트 prop를 리터럴 유니언 타입으로 변경, 런타임 성능 향상\n";
    EXPECT_EQ_INT(fx_rule_count(ko, "tense-mismatch"), 0);
    EXPECT_EQ_INT(fx_rule_count(ko, "missing-section"), 0);
    /* Near miss: the same shapes in English are judged. */
    const char *en = "## Career Journey\n### Engineer | Acme | 2018 - 2020\n"
                     "- Build the payment service for the clients of the bank.\n"
                     "- Migrated the platform with the teams and partners of the group.\n"
                     "- Designed the APIs for CI/CD with the support team.\n";
    EXPECT_EQ_INT(fx_rule_count(en, "missing-section"), 2);
    EXPECT_EQ_INT(fx_rule_count(en, "nonstandard-heading"), 1);
    EXPECT_EQ_INT(fx_rule_count(en, "acronym-undefined"), 1);
    EXPECT_EQ_INT(fx_rule_count(en, "tense-mismatch"), 1);
}

static void test_tense_spares_compounds_titles_and_recognition(void) {
    /* A hyphenated name is not a verb; "Research Assistant" is a title. */
    EXPECT_EQ_INT(
        fx_rule_count(RESUME("- use-navigate hook docs fixed for 3 apps.\n"), "tense-mismatch"), 0);
    EXPECT_EQ_INT(fx_rule_count(RESUME("- Use the navigate hook in 3 apps.\n"), "tense-mismatch"),
                  1);
    EXPECT_EQ_INT(fx_rule_count(RESUME("- Research Assistant: Research on portfolio hedging.\n"),
                                "tense-mismatch"),
                  0);
    EXPECT_EQ_INT(
        fx_rule_count(RESUME("- Research the market for 3 products.\n"), "tense-mismatch"), 1);
    /* Recognition in a current role written in the present. */
    const char *now = "## Experience\n### Engineer | Acme | 2021 - Present\n"
                      "- Build the search service for 40M rows.\n"
                      "- Maintain 12 ingestion jobs.\n"
                      "- Selected as one of 20 speakers at PyCon.\n";
    EXPECT_EQ_INT(fx_rule_count(now, "tense-mismatch"), 0);
    const char *slip = "## Experience\n### Engineer | Acme | 2021 - Present\n"
                       "- Build the search service for 40M rows.\n"
                       "- Maintain 12 ingestion jobs.\n"
                       "- Migrated 20 jobs to Kafka.\n";
    EXPECT_EQ_INT(fx_rule_count(slip, "tense-mismatch"), 1);
}

static void test_headings_subsections_and_common_optional_sections(void) {
    const char *tex = "\\documentclass{article}\\begin{document}\n"
                      "\\section{Education}\n\\subsection{Cornell University}\nBSc 2015\n"
                      "\\section{Experience}\n\\subsection{Acme Corp}\n"
                      "\\begin{itemize}\\item Cut p99 latency 40\\% for 3M users.\\end{itemize}\n"
                      "\\section{Leadership}\n"
                      "\\begin{itemize}\\item Led 3 clubs of 40 students.\\end{itemize}\n"
                      "\\section{Toolbox}\nGo, Kafka\n\\end{document}\n";
    /* Only Toolbox: the subsections name entries, Leadership is common. */
    EXPECT_EQ_INT(real_count(tex, RLS_FORMAT_LATEX, "nonstandard-heading", NULL), 1);
    EXPECT_EQ_INT(real_count(tex, RLS_FORMAT_LATEX, "nonstandard-heading", "Toolbox"), 1);
}

static void test_latex_fragment_leaves_sections_and_contact_to_the_main_file(void) {
    const char *part = "\\section{Experience}\n"
                       "\\begin{itemize}\\item Cut p99 latency 40\\% for 3M users.\\end{itemize}\n";
    EXPECT_EQ_INT(real_count(part, RLS_FORMAT_LATEX, "missing-section", NULL), 0);
    EXPECT_EQ_INT(real_count(part, RLS_FORMAT_LATEX, "contact-missing", NULL), 0);
    const char *whole = "\\documentclass{article}\\begin{document}\n"
                        "\\section{Experience}\n"
                        "\\begin{itemize}\\item Cut p99 latency 40\\% for 3M users.\\end{itemize}\n"
                        "\\end{document}\n";
    EXPECT_EQ_INT(real_count(whole, RLS_FORMAT_LATEX, "missing-section", NULL), 2);
    EXPECT_EQ_INT(real_count(whole, RLS_FORMAT_LATEX, "contact-missing", NULL), 1);
    /* An address in a template macro the parser does not know still counts. */
    const char *cvmail =
        "\\documentclass{article}\\begin{document}\n\\cvmail{jane@example.com}\n"
        "\\section{Experience}\n"
        "\\begin{itemize}\\item Cut p99 latency 40\\% for 3M users.\\end{itemize}\n"
        "\\end{document}\n";
    EXPECT_EQ_INT(real_count(cvmail, RLS_FORMAT_LATEX, "contact-missing", NULL), 0);
}

static void test_header_footer_and_icons_said_once_where_they_matter(void) {
    const char *page = "\\documentclass{article}\\usepackage{fancyhdr}\n"
                       "\\cfoot{Resume -- Page \\thepage}\\begin{document}\n"
                       "\\faGithub\\ jane \\faPhone\\ 555 \\faEnvelope\\ jane@example.com\n"
                       "\\section{Experience}\n"
                       "\\begin{itemize}\\item Cut p99 latency 40\\% for 3M users.\\end{itemize}\n"
                       "\\end{document}\n";
    EXPECT_EQ_INT(real_count(page, RLS_FORMAT_LATEX, "ats-layout", "header or footer"), 0);
    EXPECT_EQ_INT(real_count(page, RLS_FORMAT_LATEX, "ats-layout", "icon"), 1);
    EXPECT_EQ_INT(real_count(page, RLS_FORMAT_LATEX, "ats-layout", "(3 icons"), 1);
    const char *contact =
        "\\documentclass{article}\\usepackage{fancyhdr}\n"
        "\\cfoot{jane@example.com}\\begin{document}\n"
        "\\section{Experience}\n"
        "\\begin{itemize}\\item Cut p99 latency 40\\% for 3M users.\\end{itemize}\n"
        "\\end{document}\n";
    EXPECT_EQ_INT(real_count(contact, RLS_FORMAT_LATEX, "ats-layout", "header or footer"), 1);
}

static void test_skill_unbacked_names_a_few_and_counts_the_rest(void) {
    const char *many = "# Jane\njane@example.com\n## Experience\n"
                       "- Cut p99 latency 40% with Go for 3M users.\n"
                       "## Skills\n- Go, Python, Rust, Java, Kafka, Redis, Docker\n";
    EXPECT_EQ_INT(real_count(many, RLS_FORMAT_MARKDOWN, "skill-unbacked", NULL), 3);
    EXPECT_EQ_INT(real_count(many, RLS_FORMAT_MARKDOWN, "skill-unbacked", "3 more listed skills"),
                  1);
    EXPECT_EQ_INT(real_count(many, RLS_FORMAT_MARKDOWN, "skill-unbacked", "Go is listed"), 0);
    const char *few = "# Jane\njane@example.com\n## Experience\n"
                      "- Cut p99 latency 40% with Go for 3M users.\n"
                      "## Skills\n- Go, Python, Rust\n";
    EXPECT_EQ_INT(real_count(few, RLS_FORMAT_MARKDOWN, "skill-unbacked", NULL), 2);
    EXPECT_EQ_INT(real_count(few, RLS_FORMAT_MARKDOWN, "skill-unbacked", "more listed"), 0);
}

static void test_list_items_links_cjk_and_long_bullets(void) {
    /* Topics of a list the parent introduces with "on:" are not results. */
    const char *topics = RESUME("- Gave 6 workshops to 40 new hires on:\n"
                                "  - static typing in Python with mypy\n"
                                "  - git hooks\n");
    EXPECT_EQ_INT(fx_rule_count(topics, "no-metric"), 0);
    EXPECT_EQ_INT(fx_rule_count(topics, "bullet-length"), 0);
    const char *work = RESUME("- Rebuilt the forecasting model. My work included:\n"
                              "  - Debugged the Python and C++ code\n");
    EXPECT_EQ_INT(fx_rule_count(work, "no-metric"), 2);
    /* A link under a project is not a two-word statement. */
    EXPECT_TRUE(!fires("bullet-length", "instagram.com/jane_builds"));
    EXPECT_TRUE(!fires("no-metric", "instagram.com/jane_builds"));
    EXPECT_TRUE(fires("no-metric", "Built the jane builds site"));
    EXPECT_TRUE(fires("bullet-length", "Testing stuff"));
    /* CJK text is counted by characters against its own budget, never as
     * words (issue #14). */
    EXPECT_TRUE(!fires("bullet-length", "后台资源占用率减少8%"));
    EXPECT_TRUE(fires("bullet-length", "xxx"));
    char cjk[1024] = "";
    for (int i = 0; i < 130; i++)
        buf_append(cjk, sizeof(cjk), "数");
    EXPECT_TRUE(fires("bullet-length", cjk));
    /* About two rendered lines: 228 characters in 31 words is not too long. */
    char two_lines[400] = "Decreased build and deploy time for a backoffice banking app by 87%";
    while (strlen(two_lines) < 220)
        buf_append(two_lines, sizeof(two_lines), " infrastructure");
    EXPECT_TRUE(!fires("bullet-length", two_lines));
    while (strlen(two_lines) < 250)
        buf_append(two_lines, sizeof(two_lines), " infrastructure");
    EXPECT_TRUE(fires("bullet-length", two_lines));
}

/* ---- Where rules apply (issue #14) ---------------------------------------- */

static size_t md_count(const char *src, const char *rule) {
    return real_count(src, RLS_FORMAT_MARKDOWN, rule, NULL);
}

/* A heading named by another language's word ("Bildungsweg") on a resume
 * whose bullets read as English is that language's heading, not an odd
 * English one; an odd English heading is still said (the near miss). */
/* A bullet that speaks to the reader ("Please see ...", "Try it out at
 * ...") points elsewhere and claims nothing: no result to ask for. The
 * claim beside it is still judged (the near miss). */
static void test_a_pointer_to_the_reader_is_no_claim(void) {
    const char *md = "# Ana\n\nana@example.com\n\n## Projects\n\n"
                     "### React RPG — 2019 – 2020\n\n"
                     "- Try it out at react-rpg.com and on the app store\n"
                     "- Please see the Teaching section for the courses I gave\n"
                     "- Built a browser game with a randomly generated world\n";
    EXPECT_EQ_INT(md_count(md, "no-metric"), 1);
}

static void test_a_foreign_heading_on_english_bullets_is_not_nonstandard(void) {
    const char *de = "# Jan Weber\n\njan@example.com\n\n"
                     "## Bildungsweg\n\n### BSc Informatik, TU Berlin — 2014 – 2018\n\n"
                     "## Experience\n\n### Engineer, Acme — 2018 – 2022\n\n"
                     "- Cut build times by 40% for 12 teams\n\n## Skills\n\n- Go, Rust\n";
    EXPECT_EQ_INT(md_count(de, "nonstandard-heading"), 0);
    const char *en = "# Jan Weber\n\njan@example.com\n\n"
                     "## Academic Journey\n\n### BSc Informatik, TU Berlin — 2014 – 2018\n\n"
                     "## Experience\n\n### Engineer, Acme — 2018 – 2022\n\n"
                     "- Cut build times by 40% for 12 teams\n\n## Skills\n\n- Go, Rust\n";
    EXPECT_EQ_INT(md_count(en, "nonstandard-heading"), 1);
    EXPECT_TRUE(rls_section_foreign_wording("Bildungsweg", 11));
    EXPECT_TRUE(!rls_section_foreign_wording("Work History", 12));
    EXPECT_TRUE(!rls_section_foreign_wording("Hobbies", 7));
}

/* Achievement rules judge experience, projects, leadership and volunteering;
 * awards, publications, talks, courses and skills lists get none of them. */
static void test_achievement_rules_run_by_section_kind(void) {
    static const struct {
        const char *heading;
        size_t want; /* weak-opener + no-metric findings on the two bullets */
    } cases[] = {
        {"Experience", 4},       {"Projects", 4},       {"Leadership", 4},    {"Volunteering", 4},
        {"Awards", 0},           {"Publications", 0},   {"Invited Talks", 0}, {"Patents", 0},
        {"Relevant Courses", 0}, {"Certifications", 0}, {"Languages", 0},     {"Interests", 0},
        {"Skills", 0},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        char src[512];
        snprintf(src, sizeof(src),
                 "# Jane Doe\njane@example.com\n## %s\n"
                 "- Responsible for the billing service and its on-call rota.\n"
                 "- Helped with the migration of the reporting stack.\n",
                 cases[i].heading);
        size_t got = md_count(src, "weak-opener") + md_count(src, "no-metric");
        if (got != cases[i].want)
            RLS__FAIL("\"%s\": %zu weak-opener + no-metric findings, expected %zu",
                      cases[i].heading, got, cases[i].want);
    }
    EXPECT_TRUE(!rls_rules_scope_applies("no-metric", RLS_SCOPE_AWARDS, true));
    EXPECT_TRUE(rls_rules_scope_applies("buzzword", RLS_SCOPE_SUMMARY, true));
    EXPECT_TRUE(!rls_rules_scope_applies("weak-opener", RLS_SCOPE_EXPERIENCE, false));
    EXPECT_TRUE(rls_rules_scope_applies("bullet-length", RLS_SCOPE_EXPERIENCE, false));
    EXPECT_TRUE(rls_rules_scope_applies("missing-section", RLS_SCOPE_AWARDS, false));
}

/* Lines among bullets that name a fact are not achievements: a supervisor,
 * a placing and a year, a client list. */
static void test_fact_lines_are_not_judged_as_achievements(void) {
    static const char *const facts[] = {
        "Manager: Jane Doe",        "1st place, 2021",
        "Dean's List 2019",         "Clients include the Los Angeles Times, Nature and ESPN",
        "CoderDojo Silicon Valley",
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(facts); i++) {
        if (fires("no-metric", facts[i])) RLS__FAIL("no-metric on \"%s\"", facts[i]);
        if (fires("bullet-length", facts[i])) RLS__FAIL("bullet-length on \"%s\"", facts[i]);
    }
    /* The near misses: a label over a statement, a verb with a year. */
    EXPECT_TRUE(fires("no-metric", "Tooling: Responsible for the annotation scripts"));
    EXPECT_TRUE(fires("no-metric", "Launched the payments app in 2021 with the team"));
}

/* A role told in prose: weak-opener and no-metric per sentence; a sentence
 * that sets the scene is no claim; "I" in a narrative is not nagged. */
static void test_prose_role_is_judged_per_sentence(void) {
    const char *src = "# Jane Doe\njane@example.com\n## Experience\n"
                      "### Engineer | Acme | 2019 - 2021\n\n"
                      "I was responsible for the payroll system. The company builds HR "
                      "software for banks. Migrated the ledger to Postgres for 40 clients.\n";
    EXPECT_EQ_INT(md_count(src, "weak-opener"), 1);
    EXPECT_EQ_INT(md_count(src, "no-metric"), 1);
    EXPECT_EQ_INT(md_count(src, "first-person"), 0);
    EXPECT_EQ_INT(real_count(src, RLS_FORMAT_MARKDOWN, "weak-opener", "responsible for"), 1);
}

/* Length counts CJK, kana and Hangul by characters: a one-line Korean
 * bullet is not "43 words"; a very long Chinese one is reported in
 * characters, over a range that is never empty. */
static void test_cjk_length_counts_characters_with_a_range(void) {
    EXPECT_TRUE(!fires("bullet-length", "사용자 인증 모듈을 재설계하여 로그인 실패율을 낮추고 "
                                        "고객 문의를 줄였으며 배포 시간을 단축했습니다"));
    char zh[1024] = "";
    for (int i = 0; i < 110; i++)
        buf_append(zh, sizeof(zh), "优化");
    char src[2048];
    snprintf(src, sizeof(src), RESUME("- %s\n"), zh);
    RlsDiagList l;
    fx_check(src, NULL, &l);
    const RlsDiag *d = fx_find(&l, "bullet-length");
    ASSERT_TRUE(d != NULL);
    EXPECT_TRUE(strstr(d->message, "220 characters") != NULL);
    EXPECT_TRUE(strstr(d->message, "words") == NULL);
    for (size_t i = 0; i < l.len; i++)
        EXPECT_TRUE(l.items[i].span.end_byte > l.items[i].span.start_byte);
    rls_diag_list_close(&l);
}

/* English wording rules judge English sections only: a French section of a
 * bilingual resume is left alone, its English one is judged. */
static void test_wording_rules_follow_each_sections_language(void) {
    const char *src = "# Jane Doe\njane@example.com\n"
                      "## Experience\n### Engineer | Acme | 2019 - 2021\n"
                      "- Responsible for the billing service of the company.\n"
                      "## Expérience associative\n### Trésorière | Club | 2015 - 2018\n"
                      "- Responsable de la trésorerie et des comptes pour les membres du club.\n"
                      "- Gestion des adhésions avec les bénévoles et la mairie.\n";
    EXPECT_EQ_INT(md_count(src, "weak-opener"), 1);
    EXPECT_EQ_INT(md_count(src, "no-metric"), 1);
}

static void test_passive_with_a_named_agent_or_recognition(void) {
    EXPECT_TRUE(
        !fires("passive-voice", "Phabricator is used daily by Facebook, Dropbox and 3 more."));
    EXPECT_TRUE(fires("passive-voice", "The pipeline was automated by me for 3 teams."));
    EXPECT_TRUE(!fires("passive-voice", "Was featured in TechCrunch for 2 launches."));
    EXPECT_TRUE(fires("passive-voice", "Bugs were fixed in 3 services."));
}

static void test_repeated_verb_leaves_weak_openers_to_their_rule(void) {
    const char *worked = RESUME("- Worked on the billing API for 3 teams.\n"
                                "- Worked on the search indexer for 40M rows.\n"
                                "- Worked on the admin console for 12 staff.\n");
    EXPECT_EQ_INT(fx_rule_count(worked, "weak-opener"), 3);
    EXPECT_EQ_INT(fx_rule_count(worked, "repeated-verb"), 0);
    /* The default alternatives are whole past-tense verbs. */
    RlsDiagList l;
    fx_check(RESUME("- Provisioned 3 clusters.\n- Provisioned 40 VPCs.\n"
                    "- Provisioned 12 queues.\n"),
             NULL, &l);
    const RlsDiag *d = fx_find(&l, "repeated-verb");
    ASSERT_TRUE(d != NULL);
    EXPECT_TRUE(strstr(d->message, "Launched.") != NULL);
    rls_diag_list_close(&l);
    /* The acronym example writes the whole long form. */
    fx_check(RESUME("- Built CI/CD for 30 services.\n"), NULL, &l);
    d = fx_find(&l, "acronym-undefined");
    ASSERT_TRUE(d != NULL);
    EXPECT_TRUE(strstr(d->message, "continuous integration and delivery (CI/CD)") != NULL);
    rls_diag_list_close(&l);
}

static void test_findings_are_sorted_and_the_run_is_repeatable(void) {
    const char *src = RESUME("- Responsible for various things.\n- Helped with many audits.\n");
    RlsDiagList a, b;
    fx_check(src, NULL, &a);
    fx_check(src, NULL, &b);
    ASSERT_EQ_INT(a.len, b.len);
    for (size_t i = 0; i < a.len; i++) {
        EXPECT_STR_EQ(a.items[i].rule, b.items[i].rule);
        EXPECT_STR_EQ(a.items[i].message, b.items[i].message);
        if (i) EXPECT_TRUE(a.items[i - 1].span.start_byte <= a.items[i].span.start_byte);
    }
    rls_diag_list_close(&a);
    rls_diag_list_close(&b);
}

/* The dictionary's language from the function words of the bullets (found
 * by their bytes, each language's list counted on its own; "das" is both
 * German and Portuguese): the one that clearly leads, English by default. */
static void test_language_is_told_by_function_words(void) {
    static const struct {
        const char *src;
        const char *lang;
    } cases[] = {
        {"## Experience\n- Built the API for the team and cut costs by 20%\n"
         "- Moved the jobs to a queue with retries\n",
         "en"},
        {"## Expérience\n- Migration des services vers une plateforme avec Kubernetes\n"
         "- Refonte de la facturation pour les clients et les partenaires\n",
         "fr"},
        {"## Berufserfahrung\n- Aufbau der Plattform für die Abrechnung mit Kafka\n"
         "- Betreuung von Kunden und Einführung der CI bei der Bank\n",
         "de"},
        {"## EXPERIENCE\n- BUILT THE API FOR THE TEAM AND THE JOBS WITH RETRIES\n", "en"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        RlsResume *m = fx_build(cases[i].src, RLS_FORMAT_MARKDOWN);
        const char *got = rls_rules_language(m);
        EXPECT_STR_EQ(got ? got : "(none)", cases[i].lang);
        rls_resume_delete(m);
    }
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_every_rule_is_registered_with_a_severity_and_summary),
        RLS_TEST(test_language_is_told_by_function_words),
        RLS_TEST(test_docs_rules_md_documents_exactly_the_rules_of_the_table),
        RLS_TEST(test_weak_opener_matches_duty_phrases_after_pronouns_and_markup),
        RLS_TEST(test_no_metric_counts_results_not_versions_or_dates),
        RLS_TEST(test_no_metric_judges_achievement_sections_only),
        RLS_TEST(test_vague_quantifier_and_intensifiers),
        RLS_TEST(test_passive_voice_in_main_clauses),
        RLS_TEST(test_first_person_spares_the_us_country_and_io),
        RLS_TEST(test_spelled_out_numbers_that_count_things),
        RLS_TEST(test_buzzwords_match_across_hyphens_and_spaces),
        RLS_TEST(test_bullet_length_points_past_the_limit),
        RLS_TEST(test_spans_map_through_non_ascii_and_crlf),
        RLS_TEST(test_repeated_verb_flags_the_third_and_later),
        RLS_TEST(test_repeated_verb_suggests_no_verb_already_in_use_in_another_form),
        RLS_TEST(test_tense_mismatch_by_role_dates),
        RLS_TEST(test_english_rules_stay_silent_on_other_languages),
        RLS_TEST(test_tense_spares_compounds_titles_and_recognition),
        RLS_TEST(test_headings_subsections_and_common_optional_sections),
        RLS_TEST(test_latex_fragment_leaves_sections_and_contact_to_the_main_file),
        RLS_TEST(test_header_footer_and_icons_said_once_where_they_matter),
        RLS_TEST(test_skill_unbacked_names_a_few_and_counts_the_rest),
        RLS_TEST(test_list_items_links_cjk_and_long_bullets),
        RLS_TEST(test_passive_with_a_named_agent_or_recognition),
        RLS_TEST(test_repeated_verb_leaves_weak_openers_to_their_rule),
        RLS_TEST(test_nonstandard_heading_names_the_standard_one),
        RLS_TEST(test_a_heading_of_its_own_kind_is_never_renamed_to_another),
        RLS_TEST(test_missing_section_on_the_first_line),
        RLS_TEST(test_acronym_undefined_until_spelled_out_once),
        RLS_TEST(test_summary_paragraph_gets_self_description_rules_skills_none),
        RLS_TEST(test_configuration_severity_off_and_override),
        RLS_TEST(test_configuration_edits_lexicons_and_thresholds),
        RLS_TEST(test_suppression_comments),
        RLS_TEST(test_findings_are_sorted_and_the_run_is_repeatable),
        RLS_TEST(test_open_ranges_in_any_form_keep_a_role_current),
        RLS_TEST(test_a_date_is_no_metric_and_french_is_not_judged),
        RLS_TEST(test_achievement_rules_run_by_section_kind),
        RLS_TEST(test_a_foreign_heading_on_english_bullets_is_not_nonstandard),
        RLS_TEST(test_a_pointer_to_the_reader_is_no_claim),
        RLS_TEST(test_fact_lines_are_not_judged_as_achievements),
        RLS_TEST(test_prose_role_is_judged_per_sentence),
        RLS_TEST(test_cjk_length_counts_characters_with_a_range),
        RLS_TEST(test_wording_rules_follow_each_sections_language),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
