/* Tests for hover texts (server/hover/hover.c): on a keyword, a bullet and a
 * section heading, with non-ASCII text and CRLF line endings. */
#include "kw_fixture.h"
#include "rls/hover.h"
#include "test.h"

static const char *src_crlf = "# Zoë Müller\r\n"
                              "zoe@example.com\r\n"
                              "## Experience\r\n"
                              "### Backend Engineer @Jan 2021 – Present\r\n"
                              "- Worked on the café ordering backend\r\n"
                              "- Cut p99 latency 40% on 12M requests/day by moving sessions to "
                              "Redis and ran CI/CD for 14 services on k8s\r\n"
                              "## Skills\r\n"
                              "Languages: Go, Python\r\n"
                              "Data: Postgres, Redis\r\n";

static char *hover(const char *src, const RlsDiagList *diags, const RlsConfig *cfg,
                   const char *at_text, int offset, RlsSpan *range) {
    RlsResume *m = build(src);
    uint32_t at = find(src, at_text) + (uint32_t)offset;
    char *md = rls_hover_at(m, diags, src, (uint32_t)strlen(src), cfg, at, range);
    rls_resume_delete(m);
    return md;
}

#define EXPECT_HAS(text, words)                                                                    \
    do {                                                                                           \
        const char *t_ = (text);                                                                   \
        if (!t_ || !strstr(t_, (words)))                                                           \
            RLS__FAIL("expected \"%s\" in:\n%s", (words), t_ ? t_ : "(null)");                     \
    } while (0)

static void test_keyword_hover_names_alias_hits_and_evidence(void) {
    RlsSpan range;
    char *md = hover(src_crlf, NULL, NULL, "Postgres", 2, &range);
    EXPECT_HAS(md, "**PostgreSQL** \xc2\xb7 database");
    EXPECT_HAS(md, "Matched as `Postgres`, an alias of PostgreSQL.");
    EXPECT_HAS(md, "**1 hit**: 0 in bullets, 0 in other text, 1 in Skills");
    EXPECT_HAS(md, "- Skills, line 9 (skills list)");
    EXPECT_HAS(md, "Only listed: no bullet shows it used.");
    EXPECT_EQ_INT(range.start_byte, find(src_crlf, "Postgres"));
    EXPECT_EQ_INT(range.end_byte, find(src_crlf, "Postgres") + 8);
    rls_free(md);

    md = hover(src_crlf, NULL, NULL, "Redis and", 0, &range);
    EXPECT_HAS(md, "**Redis** \xc2\xb7 database");
    EXPECT_HAS(md, "**2 hits**: 1 in bullets, 0 in other text, 1 in Skills");
    EXPECT_HAS(md, "- Experience, line 6 (bullet)");
    EXPECT_HAS(md, "- Skills, line 9 (skills list)");
    EXPECT_HAS(md, "Backed by a bullet");
    EXPECT_TRUE(strstr(md, "Matched as") == NULL);
    EXPECT_TRUE(strstr(md, "job description") == NULL); /* none configured */
    rls_free(md);
}

static void test_keyword_hover_shows_expansion_and_job_description(void) {
    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_job_text(&c, "Kubernetes and CI/CD. You will own Kubernetes clusters.");
    rls_config_set_role(&c, "devops");
    char *md = hover(src_crlf, NULL, &c, "k8s", 1, NULL);
    EXPECT_HAS(md, "**Kubernetes** \xc2\xb7 infrastructure");
    EXPECT_HAS(md, "Matched as `k8s`");
    EXPECT_HAS(md, "The job description asks for it (2 mentions).");
    EXPECT_HAS(md, "Part of the devops-sre profile.");
    rls_free(md);
    md = hover(src_crlf, NULL, &c, "CI/CD", 0, NULL);
    EXPECT_HAS(md, "*continuous integration and delivery*");
    EXPECT_HAS(md, "asks for it (1 mention)");
    rls_free(md);
    md = hover(src_crlf, NULL, &c, "Python", 0, NULL);
    EXPECT_HAS(md, "The job description does not mention it.");
    rls_free(md);
    rls_config_close(&c);
}

static void test_bullet_hover_lists_failures_passes_and_worth(void) {
    RlsResume *m = build(src_crlf);
    RlsDiagList d;
    rls_diag_list_init(&d);
    fixture_flag(&d, m, 0, "weak-opener");
    fixture_flag(&d, m, 0, "no-metric");
    uint32_t len = (uint32_t)strlen(src_crlf);
    RlsSpan range;
    char *md = rls_hover_at(m, &d, src_crlf, len, NULL, find(src_crlf, "café"), &range);
    EXPECT_HAS(md, "**Bullet** \xc2\xb7 Experience \xc2\xb7 Backend Engineer");
    EXPECT_HAS(md, "**Fails**\n- `weak-opener`: weak-opener finding\n- `no-metric`: no-metric "
                   "finding");
    /* Two bullets share 25 points: this one earns none, fixing it 12.5. */
    EXPECT_HAS(md, "earns 0.0 of the 25 impact points its 2 bullets share; fixing it is worth "
                   "+12.5.");
    EXPECT_EQ_INT(range.start_byte, m->bullets[0].item_span.start_byte);
    rls_free(md);

    md = rls_hover_at(m, &d, src_crlf, len, NULL, find(src_crlf, "p99"), NULL);
    EXPECT_HAS(md, "No finding on this bullet.");
    EXPECT_HAS(md, "**Passes**\n- `weak-opener`: ");
    EXPECT_HAS(md, "**Keywords**: Redis, CI/CD, Kubernetes");
    EXPECT_HAS(md, "earns 12.5 of the 25 impact points its 2 bullets share, the most a bullet "
                   "can.");
    rls_free(md);
    rls_diag_list_close(&d);
    rls_resume_delete(m);
}

static void test_heading_hover_lists_the_keywords_of_its_section(void) {
    char *md = hover(src_crlf, NULL, NULL, "## Skills", 4, NULL);
    EXPECT_HAS(md, "**Skills** \xc2\xb7 skills section\n");
    EXPECT_HAS(md, "**Keywords here**: ");
    EXPECT_HAS(md, "Go (1)");
    EXPECT_HAS(md, "PostgreSQL (1)");
    EXPECT_HAS(md, "**Listed, never shown in a bullet**: ");
    EXPECT_HAS(md, "Python");
    EXPECT_TRUE(strstr(md, "never shown in a bullet**: Redis") == NULL);
    rls_free(md);

    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_job_text(&c, "Go, Kafka and Redis");
    md = hover(src_crlf, NULL, &c, "## Experience", 0, NULL);
    EXPECT_HAS(md, "**Experience** \xc2\xb7 experience section\n");
    EXPECT_HAS(md, "Redis (1)");
    EXPECT_HAS(md, "The resume covers 2 of 3 job-description keywords. Missing: Kafka");
    rls_free(md);
    rls_config_close(&c);
}

static void test_nothing_to_say_gives_null(void) {
    RlsSpan range = {7, 7};
    char *md = hover(src_crlf, NULL, NULL, "Zoë", 1, &range);
    EXPECT_TRUE(md == NULL);
    EXPECT_EQ_INT(range.start_byte, 7); /* untouched */
    RlsResume *m = build(src_crlf);
    EXPECT_TRUE(rls_hover_at(m, NULL, src_crlf, (uint32_t)strlen(src_crlf), NULL,
                             (uint32_t)strlen(src_crlf) + 50, NULL) == NULL);
    rls_resume_delete(m);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_keyword_hover_names_alias_hits_and_evidence),
        RLS_TEST(test_keyword_hover_shows_expansion_and_job_description),
        RLS_TEST(test_bullet_hover_lists_failures_passes_and_worth),
        RLS_TEST(test_heading_hover_lists_the_keywords_of_its_section),
        RLS_TEST(test_nothing_to_say_gives_null),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
