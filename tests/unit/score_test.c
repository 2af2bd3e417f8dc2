/* Tests for the ATS score (server/keywords/score.c): each component moves
 * the right way when the resume gets better, and explains its deductions. */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/commands.h"
#include "kw_fixture.h"
#include "rls/score.h"
#include "test.h"

/* A resume with one weak bullet (index 1), a table, and PostgreSQL listed
 * but never shown. The findings a rule engine would report are given by
 * hand (fixture_flag), since the engine is developed in parallel (#4). */
static const char *base_src = "# Jane Doe\n"
                              "jane@example.com\n"
                              "phone +1 555 0100\n"
                              "[table] Remote | Berlin\n"
                              "## Experience\n"
                              "### Backend Engineer @Jan 2021 – Present\n"
                              "- Cut p99 latency 40% by adding Redis caching to the Go API\n"
                              "- Worked on backend features\n"
                              "- Migrated 14 services to Kubernetes with zero downtime\n"
                              "## Education\n"
                              "### BSc Computer Science @2014 – 2018\n"
                              "## Skills\n"
                              "Languages: Go, Python\n"
                              "Data: PostgreSQL, Redis\n"
                              "Infra: Kubernetes, Docker\n";

typedef struct {
    RlsResume *model;
    RlsDiagList diags;
    RlsScore score;
} Scored;

/* Scores src; weak_bullet >= 0 gets weak-opener and no-metric findings. */
static void score_of(Scored *s, const char *src, int weak_bullet, const RlsConfig *config) {
    s->model = build(src);
    rls_diag_list_init(&s->diags);
    if (weak_bullet >= 0) {
        fixture_flag(&s->diags, s->model, (uint32_t)weak_bullet, "weak-opener");
        fixture_flag(&s->diags, s->model, (uint32_t)weak_bullet, "no-metric");
    }
    rls_score_init(&s->score);
    rls_score_document(&s->score, s->model, src, (uint32_t)strlen(src), &s->diags, config);
}

static void scored_close(Scored *s) {
    rls_score_close(&s->score);
    rls_diag_list_close(&s->diags);
    rls_resume_delete(s->model);
}

static int points(const Scored *s, RlsScoreComponentKind k) {
    return s->score.components[k].points;
}
static double raw(const Scored *s, RlsScoreComponentKind k) {
    return s->score.components[k].raw;
}

static bool has_deduction(const Scored *s, RlsScoreComponentKind k, const char *words) {
    const RlsScoreComponent *c = &s->score.components[k];
    for (size_t i = 0; i < c->n_deductions; i++)
        if (strstr(c->deductions[i].reason, words)) return true;
    return false;
}

/* Replaces the first occurrence of from with to; returns owned text. */
static char *replace(const char *src, const char *from, const char *to) {
    const char *at = strstr(src, from);
    size_t n = strlen(src) - strlen(from) + strlen(to) + 1;
    char *out = rls_malloc(n);
    snprintf(out, n, "%.*s%s%s", (int)(at - src), src, to, at + strlen(from));
    return out;
}

static void test_total_is_the_sum_of_the_components_and_summary_says_so(void) {
    Scored s;
    score_of(&s, base_src, 1, NULL);
    int sum = 0;
    for (int c = 0; c < RLS_SCORE_COMPONENT_COUNT; c++) {
        EXPECT_TRUE(points(&s, c) >= 0 && points(&s, c) <= s.score.components[c].max);
        sum += points(&s, c);
    }
    EXPECT_EQ_INT(s.score.total, sum);
    EXPECT_EQ_INT(
        s.score.components[RLS_SCORE_IMPACT].max + s.score.components[RLS_SCORE_KEYWORDS].max +
            s.score.components[RLS_SCORE_FORMATTING].max + s.score.components[RLS_SCORE_SKILLS].max,
        100);
    char *summary = rls_score_summary(&s.score);
    char want[160];
    snprintf(
        want, sizeof(want),
        "ATS score %d/100 \xc2\xb7 impact %d/30 \xc2\xb7 keywords %d/30 \xc2\xb7 formatting %d/20 "
        "\xc2\xb7 skills %d/20",
        s.score.total, points(&s, RLS_SCORE_IMPACT), points(&s, RLS_SCORE_KEYWORDS),
        points(&s, RLS_SCORE_FORMATTING), points(&s, RLS_SCORE_SKILLS));
    EXPECT_STR_EQ(summary, want);
    rls_free(summary);
    scored_close(&s);
}

static void test_fixing_a_weak_bullet_raises_impact_only(void) {
    Scored weak, fixed;
    score_of(&weak, base_src, 1, NULL);
    char *src = replace(base_src, "Worked on backend features",
                        "Shipped 6 backend features used by 30k merchants");
    score_of(&fixed, src, -1, NULL);
    EXPECT_TRUE(raw(&fixed, RLS_SCORE_IMPACT) > raw(&weak, RLS_SCORE_IMPACT));
    /* 3 bullets: the weak one cost 15/3 (content) + 10/3 (metric). */
    EXPECT_TRUE(raw(&fixed, RLS_SCORE_IMPACT) - raw(&weak, RLS_SCORE_IMPACT) > 8.3);
    EXPECT_TRUE(has_deduction(&weak, RLS_SCORE_IMPACT, "1 of 3 bullets have content findings"));
    EXPECT_TRUE(has_deduction(&weak, RLS_SCORE_IMPACT, "1 of 3 bullets carry no measurable"));
    EXPECT_TRUE(!has_deduction(&fixed, RLS_SCORE_IMPACT, "content findings"));
    EXPECT_EQ_INT(points(&fixed, RLS_SCORE_FORMATTING), points(&weak, RLS_SCORE_FORMATTING));
    EXPECT_EQ_INT(points(&fixed, RLS_SCORE_SKILLS), points(&weak, RLS_SCORE_SKILLS));
    EXPECT_EQ_INT(fixed.score.n_clean_bullets, 3);
    EXPECT_EQ_INT(weak.score.n_clean_bullets, 2);
    EXPECT_EQ_INT(weak.score.n_metric_bullets, 2);
    rls_free(src);
    scored_close(&weak);
    scored_close(&fixed);
}

static void test_adding_a_job_keyword_raises_the_keyword_match(void) {
    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_job_text(&c, "We need Go, Kafka, PostgreSQL and Kubernetes. Kafka daily. Go!");
    Scored before, after;
    score_of(&before, base_src, 1, &c);
    char *src = replace(base_src, "- Worked on backend features",
                        "- Built a Kafka pipeline that cut duplicate orders to zero");
    score_of(&after, src, -1, &c);
    EXPECT_TRUE(raw(&after, RLS_SCORE_KEYWORDS) > raw(&before, RLS_SCORE_KEYWORDS));
    EXPECT_TRUE(has_deduction(&before, RLS_SCORE_KEYWORDS, "never appear: Kafka"));
    EXPECT_TRUE(!has_deduction(&after, RLS_SCORE_KEYWORDS, "never appear"));
    /* PostgreSQL is only listed: half credit, and said so. */
    EXPECT_TRUE(has_deduction(&after, RLS_SCORE_KEYWORDS, "only outside bullets: PostgreSQL"));
    EXPECT_EQ_INT(after.score.jd_total, 4);
    EXPECT_EQ_INT(after.score.jd_covered, 4);
    EXPECT_EQ_INT(before.score.jd_covered, 3);
    EXPECT_TRUE(after.score.has_job);
    rls_free(src);
    scored_close(&before);
    scored_close(&after);
    rls_config_close(&c);
}

static void test_profile_terms_in_bullets_beat_terms_only_listed(void) {
    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_role(&c, "backend");
    Scored listed, shown;
    char *a = replace(base_src, "Data: PostgreSQL, Redis", "Data: PostgreSQL, Redis, gRPC, MySQL");
    char *b = replace(a, "- Worked on backend features",
                      "- Moved 9 services from REST to gRPC and MySQL to PostgreSQL");
    score_of(&listed, a, 1, &c);
    score_of(&shown, b, -1, &c);
    EXPECT_TRUE(raw(&shown, RLS_SCORE_KEYWORDS) > raw(&listed, RLS_SCORE_KEYWORDS));
    EXPECT_STR_EQ(shown.score.profile, "backend");
    EXPECT_TRUE(!shown.score.profile_inferred);
    /* Backing listed skills with a bullet raises the skills component too. */
    EXPECT_TRUE(raw(&shown, RLS_SCORE_SKILLS) > raw(&listed, RLS_SCORE_SKILLS));
    rls_free(a);
    rls_free(b);
    scored_close(&listed);
    scored_close(&shown);
    rls_config_close(&c);
}

static void test_removing_a_table_raises_formatting(void) {
    Scored with, without;
    score_of(&with, base_src, 1, NULL);
    char *src = replace(base_src, "[table] Remote | Berlin\n", "");
    score_of(&without, src, 1, NULL);
    EXPECT_EQ_INT(points(&without, RLS_SCORE_FORMATTING) - points(&with, RLS_SCORE_FORMATTING), 3);
    EXPECT_TRUE(has_deduction(&with, RLS_SCORE_FORMATTING, "1 layout element"));
    EXPECT_EQ_INT(points(&without, RLS_SCORE_IMPACT), points(&with, RLS_SCORE_IMPACT));
    rls_free(src);
    scored_close(&with);
    scored_close(&without);
}

static void test_formatting_deducts_missing_contact_sections_and_odd_dates(void) {
    const char *src = "# Jane Doe\n"
                      "## My Journey\n"
                      "### Acme @Jan 2021 – Present\n"
                      "- Cut costs 30% across 12 teams\n"
                      "### Initech @03/2019 – 12/2020\n"
                      "### Globex @Feb 2017 – Feb 2019\n";
    Scored s;
    score_of(&s, src, -1, NULL);
    EXPECT_TRUE(has_deduction(&s, RLS_SCORE_FORMATTING, "No email address"));
    EXPECT_TRUE(has_deduction(&s, RLS_SCORE_FORMATTING, "No phone number"));
    EXPECT_TRUE(has_deduction(&s, RLS_SCORE_FORMATTING, "may not recognise: My Journey"));
    EXPECT_TRUE(has_deduction(&s, RLS_SCORE_FORMATTING, "No Experience section"));
    EXPECT_TRUE(has_deduction(&s, RLS_SCORE_FORMATTING, "No Skills section"));
    EXPECT_TRUE(has_deduction(&s, RLS_SCORE_SKILLS, "No skills section"));
    EXPECT_EQ_INT(points(&s, RLS_SCORE_SKILLS), 0);
    scored_close(&s);
    /* The same entries under a standard heading: one odd date style. */
    char *fixed = replace(src, "My Journey", "Experience");
    score_of(&s, fixed, -1, NULL);
    EXPECT_TRUE(has_deduction(&s, RLS_SCORE_FORMATTING, "1 date(s) in a different style"));
    EXPECT_TRUE(!has_deduction(&s, RLS_SCORE_FORMATTING, "may not recognise"));
    rls_free(fixed);
    scored_close(&s);
}

static void test_listing_a_used_tool_raises_skills(void) {
    Scored before, after;
    char *a = replace(base_src, "Infra: Kubernetes, Docker", "Infra: Docker");
    score_of(&before, a, 1, NULL);
    score_of(&after, base_src, 1, NULL);
    EXPECT_TRUE(
        has_deduction(&before, RLS_SCORE_SKILLS, "used in bullets but not listed: Kubernetes"));
    EXPECT_TRUE(raw(&after, RLS_SCORE_SKILLS) > raw(&before, RLS_SCORE_SKILLS));
    EXPECT_TRUE(has_deduction(&after, RLS_SCORE_SKILLS, "never shown in a bullet: Python"));
    rls_free(a);
    scored_close(&before);
    scored_close(&after);
}

static void test_an_empty_resume_scores_low_without_crashing(void) {
    Scored s;
    score_of(&s, "", -1, NULL);
    EXPECT_EQ_INT(points(&s, RLS_SCORE_IMPACT), 0);
    EXPECT_EQ_INT(points(&s, RLS_SCORE_SKILLS), 0);
    EXPECT_TRUE(s.score.total < 25);
    scored_close(&s);
}

static void test_bullet_points_split_the_impact_share(void) {
    Scored s;
    score_of(&s, base_src, 1, NULL);
    double best = rls_score_bullet_points(&s.score, true, true);
    EXPECT_TRUE(best > 8.3 && best < 8.4); /* (15 + 10) / 3 */
    EXPECT_TRUE(rls_score_bullet_points(&s.score, false, false) == 0.0);
    EXPECT_TRUE(rls_score_bullet_flagged(s.model, &s.diags, 1, NULL));
    EXPECT_TRUE(!rls_score_bullet_flagged(s.model, &s.diags, 0, NULL));
    scored_close(&s);
}

/* ---- resume-ls score ------------------------------------------------------------ */

/* Runs rls_cmd_score with stdout captured; returns owned output. */
static char *run_score(int argc, char **argv, int *rc) {
    fflush(stdout);
    char path[] = "/tmp/rls_score_outXXXXXX";
    int fd = mkstemp(path);
    int saved = dup(1);
    dup2(fd, 1);
    *rc = rls_cmd_score(argc, argv);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    close(fd);
    char *out = rls_test_read_file(path, NULL);
    unlink(path);
    return out;
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

static void test_score_command_reports_usage_and_io_errors(void) {
    int rc;
    char *argv1[] = {"score", NULL};
    rls_free(run_score(1, argv1, &rc));
    EXPECT_EQ_INT(rc, 2);
    char *argv2[] = {"score", "/nonexistent/resume.md", NULL};
    rls_free(run_score(2, argv2, &rc));
    EXPECT_EQ_INT(rc, 2);
    char *argv3[] = {"score", "--role", "astronaut", "x.md", NULL};
    rls_free(run_score(4, argv3, &rc));
    EXPECT_EQ_INT(rc, 2);
    char *argv4[] = {"score", "--format", "sarif", "x.md", NULL};
    rls_free(run_score(4, argv4, &rc));
    EXPECT_EQ_INT(rc, 2);
}

static void test_score_command_prints_text_and_json(void) {
    char resume[] = "/tmp/rls_score_resumeXXXXXX.md";
    int fd = mkstemps(resume, 3);
    close(fd);
    write_file(resume, "# Jane\n\n## Experience\n\n- Cut p99 latency 40% with Redis\n");
    char *argv[] = {"score", "--role", "backend", "--job", RLS_TESTS_DIR "/jd/backend-platform.txt",
                    resume,  NULL};
    int rc;
    char *text = run_score(6, argv, &rc);
    EXPECT_EQ_INT(rc, 0);
    ASSERT_TRUE(text != NULL);
    EXPECT_TRUE(strstr(text, ": ATS score ") != NULL);
    EXPECT_TRUE(strstr(text, "Role profile: backend\n") != NULL);
    EXPECT_TRUE(strstr(text, "Job description: ") != NULL);
    EXPECT_TRUE(strstr(text, "Content and impact") != NULL);
    rls_free(text);

    char *argj[] = {"score", "--format", "json", "--job", RLS_TESTS_DIR "/jd/backend-platform.txt",
                    resume,  NULL};
    char *json = run_score(6, argj, &rc);
    EXPECT_EQ_INT(rc, 0);
    cJSON *root = cJSON_Parse(json);
    ASSERT_TRUE(root != NULL);
    const cJSON *comps = cJSON_GetObjectItemCaseSensitive(root, "components");
    EXPECT_EQ_INT(cJSON_GetArraySize(comps), 4);
    int sum = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, comps) sum += cJSON_GetObjectItemCaseSensitive(c, "points")->valueint;
    EXPECT_EQ_INT(cJSON_GetObjectItemCaseSensitive(root, "total")->valueint, sum);
    const cJSON *job = cJSON_GetObjectItemCaseSensitive(root, "job");
    EXPECT_TRUE(cJSON_IsObject(job));
    const cJSON *missing = cJSON_GetObjectItemCaseSensitive(job, "missing");
    bool kafka = false;
    cJSON_ArrayForEach(c, missing) kafka |= strcmp(c->valuestring, "Kafka") == 0;
    EXPECT_TRUE(kafka);
    EXPECT_STR_EQ(cJSON_GetObjectItemCaseSensitive(root, "file")->valuestring, resume);
    cJSON_Delete(root);
    rls_free(json);
    unlink(resume);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_total_is_the_sum_of_the_components_and_summary_says_so),
        RLS_TEST(test_fixing_a_weak_bullet_raises_impact_only),
        RLS_TEST(test_adding_a_job_keyword_raises_the_keyword_match),
        RLS_TEST(test_profile_terms_in_bullets_beat_terms_only_listed),
        RLS_TEST(test_removing_a_table_raises_formatting),
        RLS_TEST(test_formatting_deducts_missing_contact_sections_and_odd_dates),
        RLS_TEST(test_listing_a_used_tool_raises_skills),
        RLS_TEST(test_an_empty_resume_scores_low_without_crashing),
        RLS_TEST(test_bullet_points_split_the_impact_share),
        RLS_TEST(test_score_command_reports_usage_and_io_errors),
        RLS_TEST(test_score_command_prints_text_and_json),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
