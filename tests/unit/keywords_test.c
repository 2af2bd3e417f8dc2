/* Tests for the keyword catalogue, matching, job descriptions and the
 * keyword diagnostics (server/keywords/). */
#include <time.h>

#include "kw_fixture.h"
#include "rls/analysis.h"
#include "rls/parse.h"
#include "rls/keyword_report.h"
#include "rls/rules.h"
#include "test.h"

/* ---- Helpers ---------------------------------------------------------------- */

typedef struct {
    char found[1024]; /* "Name@start-end;" per match */
    size_t n;
} Found;

static void collect_cb(const RlsKwMatch *m, void *data) {
    Found *f = data;
    size_t used = strlen(f->found);
    snprintf(f->found + used, sizeof(f->found) - used, "%s@%u-%u;", rls_kw_get(m->term)->name,
             m->start_byte, m->end_byte);
    f->n++;
}

/* The matches of text as "Name@start-end;..." (static buffer). */
static const char *scan(const char *text) {
    static Found f;
    memset(&f, 0, sizeof(f));
    rls_kw_scan(text, strlen(text), collect_cb, &f);
    return f.found;
}

/* Just the canonical names, "A,B,". */
static const char *names(const char *text) {
    static char out[1024];
    out[0] = '\0';
    const char *s = scan(text);
    while (*s) {
        const char *at = strchr(s, '@');
        size_t n = strlen(out);
        snprintf(out + n, sizeof(out) - n, "%.*s,", (int)(at - s), s);
        s = strchr(at, ';') + 1;
    }
    return out;
}

static size_t count_rule(const RlsDiagList *l, const char *rule) {
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++)
        n += strcmp(l->items[i].rule, rule) == 0;
    return n;
}

static const RlsDiag *find_diag(const RlsDiagList *l, const char *rule, const char *word) {
    for (size_t i = 0; i < l->len; i++)
        if (strcmp(l->items[i].rule, rule) == 0 && strstr(l->items[i].message, word))
            return &l->items[i];
    return NULL;
}

/* ---- Catalogue ------------------------------------------------------------- */

static void test_every_profile_loads_and_backend_has_sixty_terms(void) {
    ASSERT_EQ_INT(rls_kw_profile_count(), 7);
    EXPECT_TRUE(rls_kw_profile_size((uint32_t)rls_kw_profile_find("backend")) >= 60);
    for (uint32_t p = 0; p < rls_kw_profile_count(); p++)
        EXPECT_TRUE(rls_kw_profile_size(p) >= 25);
    /* Every term referenced by a profile is defined somewhere. */
    for (uint32_t t = 0; t < rls_kw_count(); t++) {
        const RlsKeyword *kw = rls_kw_get(t);
        if (strcmp(kw->category, "other") == 0) RLS__FAIL("term %s has no definition", kw->name);
    }
}

static void test_profile_names_and_synonyms_resolve(void) {
    EXPECT_EQ_INT(rls_kw_profile_find("Backend"), 0);
    EXPECT_STR_EQ(rls_kw_profile_name((uint32_t)rls_kw_profile_find("full-stack")), "fullstack");
    EXPECT_STR_EQ(rls_kw_profile_name((uint32_t)rls_kw_profile_find("SRE")), "devops-sre");
    EXPECT_STR_EQ(rls_kw_profile_name((uint32_t)rls_kw_profile_find("ml")), "machine-learning");
    EXPECT_EQ_INT(rls_kw_profile_find("astronaut"), -1);
}

static void test_find_resolves_aliases_and_expansions(void) {
    int32_t pg = rls_kw_find("PostgreSQL", 10);
    ASSERT_TRUE(pg >= 0);
    EXPECT_EQ_INT(rls_kw_find("postgres", 8), pg);
    EXPECT_STR_EQ(rls_kw_get((uint32_t)rls_kw_find("k8s", 3))->name, "Kubernetes");
    EXPECT_STR_EQ(rls_kw_get((uint32_t)rls_kw_find("GH Actions", 10))->name, "GitHub Actions");
    const char *cicd = "continuous integration and delivery";
    EXPECT_STR_EQ(rls_kw_get((uint32_t)rls_kw_find(cicd, strlen(cicd)))->name, "CI/CD");
    EXPECT_STR_EQ(rls_kw_get((uint32_t)rls_kw_find("CI/CD", 5))->expansion, cicd);
    EXPECT_EQ_INT(rls_kw_find("Cobol", 5), -1);
    /* Found by an index now, with the scan's sense of "the same name": any
     * case, a hyphen for a space; not a name cut short, nor one with a
     * letter more. */
    int32_t gha = rls_kw_find("GitHub Actions", 14);
    EXPECT_EQ_INT(rls_kw_find("github-actions", 14), gha);
    EXPECT_EQ_INT(rls_kw_find("GITHUB ACTIONS", 14), gha);
    EXPECT_EQ_INT(rls_kw_find("GitHub Action", 13), rls_kw_find("GitHub Actionz", 14));
    EXPECT_TRUE(rls_kw_find("GitHub Action", 13) != gha);
    EXPECT_EQ_INT(rls_kw_find("PostgreSQLs", 11), -1);
    EXPECT_EQ_INT(rls_kw_find("POSTGRESQL", 10), pg);
}

/* ---- Matching -------------------------------------------------------------- */

static void test_symbol_terms_match_whole(void) {
    EXPECT_STR_EQ(names("Rewrote C# and C++ services on .NET"), "C#,C++,.NET,");
    EXPECT_STR_EQ(scan("C#/.NET"), "C#@0-2;.NET@3-7;");
    EXPECT_STR_EQ(names("Built ASP.NET Core APIs"), "ASP.NET,");
    EXPECT_STR_EQ(names("Node.js, gRPC and CI/CD"), "Node.js,gRPC,CI/CD,");
    EXPECT_STR_EQ(names("ran A/B tests on checkout"), "A/B testing,");
    EXPECT_STR_EQ(names("Shipped the A/B testing platform"), "A/B testing,");
}

static void test_go_is_a_language_only_when_written_as_one(void) {
    EXPECT_STR_EQ(names("Rewrote the billing API in Go, cutting p99 by 40%"), "Go,");
    EXPECT_STR_EQ(names("ready to go live; go-to-market"), "");
    EXPECT_STR_EQ(names("Moved to Google Cloud"), "GCP,");
    EXPECT_STR_EQ(names("Go-to-market launch"), "");
    EXPECT_STR_EQ(names("a Go-based scheduler"), "Go,");
    EXPECT_STR_EQ(names("Golang services"), "Go,");
    EXPECT_STR_EQ(names("jane@golang.org"), "");
}

static void test_word_boundaries_hold(void) {
    EXPECT_STR_EQ(names("JavaScript and Java"), "JavaScript,Java,");
    EXPECT_STR_EQ(names("MySQLx and PostgreSQLish"), "");
    EXPECT_STR_EQ(names("reduced rest time"), ""); /* REST is exact */
    EXPECT_STR_EQ(names("Built REST APIs"), "REST,");
    EXPECT_STR_EQ(names("a react-ive team"), "");
    EXPECT_STR_EQ(names("C++17 services"), "C++,"); /* a version is still C++ */
    EXPECT_STR_EQ(names("Cx and C"), "");
    EXPECT_STR_EQ(names("Node.js"), "Node.js,"); /* not also JavaScript for "js" */
}

static void test_aliases_map_to_canonical_terms(void) {
    EXPECT_STR_EQ(names("Ran k8s and Postgres"), "Kubernetes,PostgreSQL,");
    EXPECT_STR_EQ(names("pipelines on GH Actions"), "GitHub Actions,");
    EXPECT_STR_EQ(names("JS and TS"), "JavaScript,TypeScript,");
    EXPECT_STR_EQ(names("js and ts"), ""); /* =JS and =TS are exact */
    EXPECT_STR_EQ(names("K8S cluster"), "Kubernetes,");
    EXPECT_STR_EQ(names("event driven design"), "event-driven architecture,");
    EXPECT_STR_EQ(names("continuous  integration and delivery"), "CI/CD,");
}

static void test_non_ascii_text_around_terms(void) {
    /* é is a letter: "Goé" is one word. CJK and emoji are not letters. */
    EXPECT_STR_EQ(names("Goé"), "");
    EXPECT_STR_EQ(names("résumé: Kafka, Redis"), "Kafka,Redis,");
    EXPECT_STR_EQ(scan("使用Go开发"), "Go@6-8;");
    EXPECT_STR_EQ(names("🚀Kubernetes🚀"), "Kubernetes,");
    EXPECT_STR_EQ(names("Kafka—Redis"), "Kafka,Redis,");
    EXPECT_STR_EQ(names("Привет Python"), "Python,");
    EXPECT_STR_EQ(names("ПриветPython"), "");
}

static void test_contains_token_respects_boundaries(void) {
    const char *t = "We run ClickHouse and Temporal.";
    EXPECT_TRUE(rls_kw_contains_token(t, strlen(t), "clickhouse", 10));
    EXPECT_TRUE(rls_kw_contains_token(t, strlen(t), "Temporal", 8));
    EXPECT_TRUE(!rls_kw_contains_token(t, strlen(t), "Click", 5));
}

static void test_scanning_a_page_counts_every_hit(void) {
    /* A keystroke re-scans the whole document: about 6 KB of text. Speed is
     * the benchmark's business (bench/); here, every occurrence counts. */
    static const char sentence[] =
        "Cut p99 latency from 1.2s to 240ms by adding Redis caching to Go APIs. ";
    char page[6200];
    page[0] = '\0';
    size_t sentences = 0;
    while (strlen(page) < 6000) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof(page) - n, "%s", sentence);
        sentences++;
    }
    /* Each sentence names Redis, caching and Go. */
    EXPECT_EQ_INT(rls_kw_scan(page, strlen(page), NULL, NULL), 3 * sentences);
}

/* ---- Resume report ----------------------------------------------------------- */

static const char *resume_src = "# Jane Doe\n"
                                "jane@example.com\n"
                                "## Experience\n"
                                "### Backend Engineer @Jan 2021 – Present\n"
                                "- Cut p99 latency 40% by adding Redis caching to the Go API\n"
                                "- Migrated 14 services to Kubernetes with zero downtime\n"
                                "- Moved 3 jobs to AWS Lambda and Docker on EC2\n"
                                "## Skills\n"
                                "Languages: Go, Python\n"
                                "Data: Postgres, Redis\n"
                                "Cloud: AWS, EC2\n";

static void test_hits_record_where_and_source_span(void) {
    RlsResume *m = build(resume_src);
    RlsKwReport r;
    rls_kw_report_init(&r);
    rls_kw_analyze(&r, m, NULL);
    int32_t go = rls_kw_find("Go", 2), pg = rls_kw_find("PostgreSQL", 10);
    int32_t k8s = rls_kw_find("Kubernetes", 10), py = rls_kw_find("Python", 6);
    EXPECT_EQ_INT(r.terms[go].n_bullet, 1);
    EXPECT_EQ_INT(r.terms[go].n_skills, 1); /* skill item and paragraph counted once */
    EXPECT_EQ_INT(r.terms[pg].n_skills, 1);
    EXPECT_EQ_INT(r.terms[pg].n_bullet, 0);
    EXPECT_EQ_INT(r.terms[k8s].n_bullet, 1);
    EXPECT_EQ_INT(r.terms[py].n_bullet, 0);
    const RlsKwHit *h = rls_kw_report_hit_at(&r, find(resume_src, "Kubernetes") + 3);
    ASSERT_TRUE(h != NULL);
    EXPECT_EQ_INT(h->term, k8s);
    EXPECT_EQ_INT(h->where, RLS_KW_IN_BULLET);
    EXPECT_EQ_INT(h->span.start_byte, find(resume_src, "Kubernetes"));
    EXPECT_EQ_INT(h->span.end_byte, find(resume_src, "Kubernetes") + 10);
    h = rls_kw_report_hit_at(&r, find(resume_src, "Postgres"));
    ASSERT_TRUE(h != NULL);
    EXPECT_STR_EQ(h->form, "Postgres");
    EXPECT_EQ_INT(h->where, RLS_KW_IN_SKILLS);
    /* No role configured: the profile with most distinct terms is inferred. */
    EXPECT_STR_EQ(rls_kw_profile_name((uint32_t)r.profile), "backend");
    EXPECT_TRUE(r.profile_inferred);
    rls_kw_report_close(&r);
    rls_resume_delete(m);
}

static void test_role_from_config_marks_profile_terms(void) {
    RlsResume *m = build(resume_src);
    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_role(&c, "mobile");
    RlsKwReport r;
    rls_kw_report_init(&r);
    rls_kw_analyze(&r, m, &c);
    EXPECT_STR_EQ(rls_kw_profile_name((uint32_t)r.profile), "mobile");
    EXPECT_TRUE(!r.profile_inferred);
    EXPECT_TRUE(!r.terms[rls_kw_find("Redis", 5)].in_profile);
    EXPECT_TRUE(r.terms[rls_kw_find("Swift", 5)].in_profile);
    rls_kw_report_close(&r);
    rls_config_close(&c);
    rls_resume_delete(m);
}

/* ---- Job description ---------------------------------------------------------- */

static char *read_jd(void) {
    return rls_test_read_file(RLS_TESTS_DIR "/jd/backend-platform.txt", NULL);
}

static const RlsJdKeyword *jd_get(const RlsJdKeywords *jd, const char *text) {
    for (size_t i = 0; i < jd->len; i++)
        if (strcmp(jd->items[i].text, text) == 0) return &jd->items[i];
    return NULL;
}

static void test_job_description_keywords_are_extracted(void) {
    char *text = read_jd();
    ASSERT_TRUE(text != NULL);
    RlsJdKeywords jd;
    rls_jd_init(&jd);
    rls_jd_extract(&jd, text, strlen(text));
    const char *want[] = {"Go",    "PostgreSQL",    "Kafka",     "gRPC", "Kubernetes",
                          "CI/CD", "OpenTelemetry", "Terraform", "Redis"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(want); i++)
        if (!jd_get(&jd, want[i])) RLS__FAIL("expected %s among the JD keywords", want[i]);
    /* Known by frequency, not by the catalogue. */
    const RlsJdKeyword *ch = jd_get(&jd, "ClickHouse");
    ASSERT_TRUE(ch != NULL);
    EXPECT_EQ_INT(ch->term, -1);
    EXPECT_TRUE(jd_get(&jd, "SOC2") != NULL);
    /* Prose, locations, benefits and the employer's shouting are not. */
    const char *never[] = {"US", "PTO", "REMOTE", "e.g", "acme.com/careers", "Senior", "go", "50k"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(never); i++)
        if (jd_get(&jd, never[i])) RLS__FAIL("%s should not be a JD keyword", never[i]);
    /* Most mentioned first: Go is asked for most often in the sample. */
    EXPECT_STR_EQ(jd.items[0].text, "Go");
    EXPECT_TRUE(jd_get(&jd, "Go")->count >= 4);
    rls_jd_close(&jd);
    rls_free(text);
}

static void test_a_megabyte_of_distinct_tokens_is_extracted_in_linear_time(void) {
    /* A job description is read from a configuration file of up to 1 MB;
     * a hostile one is all distinct technical-looking tokens. Looking each
     * up in a list took 40 s of CPU (100 s wall) per analysis; the bound
     * below is far above the linear cost (about 0.2 s) and far below that.
     * Under valgrind (RLS_TEST_SAMPLE) a slice is run, unbounded. */
    bool memcheck = getenv("RLS_TEST_SAMPLE") != NULL;
    size_t want = memcheck ? 64 * 1024 : 1024 * 1024;
    RlsBuf text;
    rls_buf_init(&text);
    for (unsigned i = 0; text.len < want; i++)
        rls_buf_printf(&text, "Kx%u ", i);
    RlsJdKeywords jd;
    rls_jd_init(&jd);
    clock_t t0 = clock();
    rls_jd_extract(&jd, text.data, text.len);
    double cpu_s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (!memcheck && cpu_s > 5.0) RLS__FAIL("extracting took %.1f s of CPU", cpu_s);
    /* Every token is distinct and used once, so the kept ones are the
     * first by text, and there are as many as the list holds. */
    EXPECT_EQ_INT(jd.len, RLS_JD_MAX_KEYWORDS);
    EXPECT_EQ_INT(jd.items[0].count, 1);
    /* Case-insensitive: the same token in other cases counts as one. */
    rls_jd_extract(&jd, "Kx1 KX1 Zq7", strlen("Kx1 KX1 Zq7"));
    const RlsJdKeyword *kx = jd_get(&jd, "Kx1");
    ASSERT_TRUE(kx != NULL);
    EXPECT_EQ_INT(kx->count, 2);
    EXPECT_TRUE(jd_get(&jd, "KX1") == NULL);
    rls_jd_close(&jd);
    rls_buf_close(&text);
}

static void test_job_description_coverage_against_resume(void) {
    char *text = read_jd();
    ASSERT_TRUE(text != NULL);
    RlsResume *m = build(resume_src);
    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_job_text(&c, text);
    RlsKwReport r;
    rls_kw_report_init(&r);
    rls_kw_analyze(&r, m, &c);
    for (size_t j = 0; j < r.jd.len; j++) {
        const char *t = r.jd.items[j].text;
        const RlsJdCoverage *cov = &r.coverage[j];
        if (!strcmp(t, "Go") || !strcmp(t, "Kubernetes")) {
            EXPECT_TRUE(cov->covered && cov->in_bullet);
        } else if (!strcmp(t, "PostgreSQL")) {
            EXPECT_TRUE(cov->covered && !cov->in_bullet);
        } else if (!strcmp(t, "Kafka") || !strcmp(t, "ClickHouse")) {
            EXPECT_TRUE(!cov->covered);
        }
    }
    EXPECT_TRUE(r.terms[rls_kw_find("Kafka", 5)].jd_count >= 2);

    RlsDiagList d;
    rls_diag_list_init(&d);
    rls_keywords_check(m, resume_src, (uint32_t)strlen(resume_src), &c, &d);
    const RlsDiag *kafka = find_diag(&d, "missing-keyword", "Kafka");
    ASSERT_TRUE(kafka != NULL);
    EXPECT_EQ_INT(kafka->severity, RLS_SEV_INFO);
    /* Placed on the Skills heading. */
    EXPECT_EQ_INT(kafka->span.start_byte, find(resume_src, "## Skills"));
    EXPECT_TRUE(find_diag(&d, "missing-keyword", "ClickHouse") != NULL);
    EXPECT_TRUE(find_diag(&d, "missing-keyword", "for Go") == NULL);
    EXPECT_TRUE(count_rule(&d, "missing-keyword") <= 12);
    rls_diag_list_close(&d);

    rls_kw_report_close(&r);
    rls_config_close(&c);
    rls_resume_delete(m);
    rls_free(text);
}

/* ---- Diagnostics ---------------------------------------------------------------- */

static void test_skill_backing_diagnostics(void) {
    RlsResume *m = build(resume_src);
    RlsDiagList d;
    rls_diag_list_init(&d);
    rls_keywords_check(m, resume_src, (uint32_t)strlen(resume_src), NULL, &d);
    /* Python and PostgreSQL are listed but never shown; Go and Redis are. */
    const RlsDiag *py = find_diag(&d, "skill-unbacked", "Python is listed");
    ASSERT_TRUE(py != NULL);
    EXPECT_EQ_INT(py->span.start_byte, find(resume_src, "Python"));
    EXPECT_TRUE(find_diag(&d, "skill-unbacked", "PostgreSQL is listed") != NULL);
    EXPECT_TRUE(find_diag(&d, "skill-unbacked", "Go is listed") == NULL);
    EXPECT_TRUE(find_diag(&d, "skill-unbacked", "Redis is listed") == NULL);
    /* Kubernetes is used in a bullet and absent from Skills. */
    const RlsDiag *k = find_diag(&d, "skill-unlisted", "Kubernetes");
    ASSERT_TRUE(k != NULL);
    EXPECT_EQ_INT(k->span.start_byte, find(resume_src, "Kubernetes"));
    /* Lambda is covered by AWS in the list; "caching" is a practice. */
    EXPECT_TRUE(find_diag(&d, "skill-unlisted", "AWS Lambda") == NULL);
    EXPECT_TRUE(find_diag(&d, "skill-unlisted", "Docker") != NULL);
    EXPECT_TRUE(find_diag(&d, "skill-unlisted", "caching") == NULL);
    EXPECT_EQ_INT(count_rule(&d, "contact-missing"), 0);
    EXPECT_EQ_INT(count_rule(&d, "resume-length"), 0);
    rls_diag_list_close(&d);
    rls_resume_delete(m);
}

static void test_configured_severity_and_off_are_respected(void) {
    RlsResume *m = build(resume_src);
    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_severity(&c, "skill-unbacked", RLS_SEV_WARNING);
    rls_config_set_severity(&c, "skill-unlisted", RLS_SEV_OFF);
    RlsDiagList d;
    rls_diag_list_init(&d);
    rls_keywords_check(m, resume_src, (uint32_t)strlen(resume_src), &c, &d);
    EXPECT_EQ_INT(count_rule(&d, "skill-unlisted"), 0);
    ASSERT_TRUE(count_rule(&d, "skill-unbacked") > 0);
    EXPECT_EQ_INT(find_diag(&d, "skill-unbacked", "")->severity, RLS_SEV_WARNING);
    rls_diag_list_close(&d);
    rls_config_close(&c);
    rls_resume_delete(m);
}

static void test_layout_contact_and_length(void) {
    const char *src = "# Jane Doe\n"
                      "[table] Go | Kafka\n"
                      "## Experience\n"
                      "- Cut build time 50% with Bazel remote caching across 30 repos\n";
    RlsResume *m = build(src);
    RlsDiagList d;
    rls_diag_list_init(&d);
    rls_keywords_check(m, src, (uint32_t)strlen(src), NULL, &d);
    const RlsDiag *t = find_diag(&d, "ats-layout", "table");
    ASSERT_TRUE(t != NULL);
    EXPECT_EQ_INT(t->span.start_byte, find(src, "[table]"));
    const RlsDiag *c = find_diag(&d, "contact-missing", "email");
    ASSERT_TRUE(c != NULL);
    EXPECT_EQ_INT(c->span.start_byte, 0);
    EXPECT_EQ_INT(c->span.end_byte, 10); /* the first line */
    EXPECT_EQ_INT(count_rule(&d, "resume-length"), 0);
    rls_diag_list_clear(&d);

    RlsConfig cfg;
    rls_config_init(&cfg);
    rls_config_set_threshold(&cfg, "resume-length.maxWords", 10);
    rls_keywords_check(m, src, (uint32_t)strlen(src), &cfg, &d);
    const RlsDiag *len = find_diag(&d, "resume-length", "words");
    ASSERT_TRUE(len != NULL);
    /* "# Jane Doe" 3 + "[table] Go | Kafka" 4 + "Experience" 1 + bullet 11. */
    EXPECT_TRUE(strstr(len->message, "About 19 words") != NULL);
    rls_config_close(&cfg);
    rls_diag_list_close(&d);
    rls_resume_delete(m);
}

static void test_date_styles_are_classified(void) {
    struct {
        const char *text;
        RlsDateStyle style;
    } cases[] = {
        {"Jan 2021 – Present", RLS_DATE_STYLE_MONTH_NAME},
        {"Sept. 2019 - June 2020", RLS_DATE_STYLE_MONTH_NAME},
        {"01/2021 - 03/2022", RLS_DATE_STYLE_NUMERIC},
        {"2021-01 – 2022-03", RLS_DATE_STYLE_ISO},
        {"2018.9 ~ 2019.1", RLS_DATE_STYLE_DOTTED},
        {"2019 – 2021", RLS_DATE_STYLE_YEAR},
        {"2019-2021", RLS_DATE_STYLE_YEAR},
        {"Present", RLS_DATE_STYLE_NONE},
        {"Summer 2020", RLS_DATE_STYLE_SEASON},
        {"Marketing", RLS_DATE_STYLE_NONE},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsDateStyle got = rls_date_style(cases[i].text, strlen(cases[i].text));
        if (got != cases[i].style)
            RLS__FAIL("\"%s\": style %d, expected %d", cases[i].text, got, cases[i].style);
    }
}

static void test_inconsistent_dates_are_reported_per_section_kind(void) {
    const char *src = "jane@example.com\n"
                      "## Experience\n"
                      "### Acme @Jan 2021 – Present\n"
                      "### Initech @Mar 2019 – Dec 2020\n"
                      "### Globex @01/2017 – 02/2019\n"
                      "### Hooli @Summer 2016\n"
                      "## Education\n"
                      "### MIT @2012 – 2016\n";
    RlsResume *m = build(src);
    RlsDiagList d;
    rls_diag_list_init(&d);
    rls_keywords_check(m, src, (uint32_t)strlen(src), NULL, &d);
    /* Only Globex differs: the season is a word style, and Education's
     * year-only range is judged against education entries alone. */
    ASSERT_EQ_INT(count_rule(&d, "date-format"), 1);
    const RlsDiag *g = find_diag(&d, "date-format", "01/2017");
    ASSERT_TRUE(g != NULL);
    EXPECT_EQ_INT(g->span.start_byte, find(src, "01/2017"));
    EXPECT_TRUE(strstr(g->message, "Jan 2021") != NULL);
    rls_diag_list_close(&d);
    rls_resume_delete(m);
}

/* Styles are matched within a section, where entries sit side by side:
 * jobs dated by the month are not odd because another section of the same
 * kind (projects listed as roles, teaching) dates its entries by the year. */
static void test_inconsistent_dates_are_judged_within_their_section(void) {
    const char *src = "jane@example.com\n"
                      "## Experience\n"
                      "### Acme @Jan 2021 – Present\n"
                      "### Initech @Mar 2019 – Dec 2020\n"
                      "## Teaching\n"
                      "### Lecturer, MIT @2020\n"
                      "### Lecturer, MIT @2019\n"
                      "### Tutor, MIT @2018\n"
                      "## Research Experience\n"
                      "### Assistant, Lab @2016 – 2017\n"
                      "### Intern, Lab @Jun 2015 – Aug 2015\n"
                      "### Intern, Other Lab @2014 – 2015\n";
    RlsResume *m = build(src);
    RlsDiagList d;
    rls_diag_list_init(&d);
    rls_keywords_check(m, src, (uint32_t)strlen(src), NULL, &d);
    ASSERT_EQ_INT(count_rule(&d, "date-format"), 1);
    EXPECT_TRUE(find_diag(&d, "date-format", "Jun 2015") != NULL);
    rls_diag_list_close(&d);
    rls_resume_delete(m);
}

static void test_keyword_rules_table_lists_every_rule(void) {
    const char *ids[] = {"missing-keyword", "skill-unbacked", "skill-unlisted", "ats-layout",
                         "contact-missing", "date-format",    "resume-length"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(ids); i++) {
        const RlsRuleInfo *r = rls_rule_find(ids[i]);
        ASSERT_TRUE(r != NULL);
        EXPECT_EQ_INT(r->default_severity, RLS_SEV_INFO);
        EXPECT_TRUE(r->summary && r->summary[0]);
    }
}

/* ---- Completion ------------------------------------------------------------------ */

static const char *top_labels(const RlsCompletionList *l, size_t n) {
    static char out[256];
    out[0] = '\0';
    for (size_t i = 0; i < l->len && i < n; i++) {
        size_t k = strlen(out);
        snprintf(out + k, sizeof(out) - k, "%s,", l->items[i].label);
    }
    return out;
}

static void verbs_for(const char *prefix, const char *rest, RlsCompletionList *l) {
    rls_completion_list_close(l);
    rls_complete_verbs(prefix, strlen(prefix), rest, strlen(rest), l);
}

static void test_verbs_are_ranked_by_what_the_bullet_says(void) {
    RlsCompletionList l;
    rls_completion_list_init(&l);
    verbs_for("", "p99 latency from 1.2s to 240ms by adding Redis caching", &l);
    EXPECT_STR_EQ(top_labels(&l, 2), "Reduced,Cut,");
    EXPECT_TRUE(strstr(l.items[0].detail, "\"latency\"") != NULL);
    EXPECT_TRUE(strstr(l.items[0].detail, "from ... to") != NULL);
    verbs_for("", "a team of 6 engineers through a payments rebuild", &l);
    EXPECT_STR_EQ(top_labels(&l, 1), "Led,");
    verbs_for("", "the legacy monolith to Kubernetes on AWS", &l);
    EXPECT_STR_EQ(top_labels(&l, 1), "Migrated,");
    verbs_for("", "tracing and alerts with OpenTelemetry for 40 services", &l);
    EXPECT_STR_EQ(top_labels(&l, 1), "Instrumented,");
    /* Nothing said yet: the data order, every verb offered. */
    verbs_for("", "", &l);
    EXPECT_TRUE(l.len >= 40);
    EXPECT_STR_EQ(l.items[0].label, "Reduced");
    EXPECT_STR_EQ(l.items[0].detail, "strong action verb");
    rls_completion_list_close(&l);
}

static void test_typed_prefix_filters_verbs(void) {
    RlsCompletionList l;
    rls_completion_list_init(&l);
    verbs_for("re", "a legacy billing module", &l);
    for (size_t i = 0; i < l.len; i++)
        EXPECT_TRUE(strncmp(l.items[i].label, "Re", 2) == 0);
    EXPECT_STR_EQ(top_labels(&l, 1), "Refactored,");
    verbs_for("Zz", "anything", &l);
    EXPECT_EQ_INT(l.len, 0);
    rls_completion_list_close(&l);
}

static const char *compl_src = "jane@example.com\n"
                               "## Experience\n"
                               "- Cut p99 latency from 900ms to 120ms with Redis\n"
                               "- Built a Kafka pipeline for 12M events/day\n"
                               "- Wor on things\n"
                               "## Skills\n"
                               "Databases: PostgreSQL, \n"
                               "Tools: Git\n";

static void test_completion_at_the_start_of_a_bullet_offers_verbs(void) {
    RlsResume *m = build(compl_src);
    uint32_t len = (uint32_t)strlen(compl_src);
    RlsCompletionList l;
    rls_completion_list_init(&l);
    /* Right after the marker, before "Cut": the rest of the line ranks. */
    uint32_t at = find(compl_src, "Cut p99");
    rls_complete_at(m, compl_src, len, at, NULL, &l);
    EXPECT_EQ_INT(l.kind, RLS_COMPLETE_VERB);
    EXPECT_STR_EQ(top_labels(&l, 2), "Reduced,Cut,");
    /* The word under the cursor is what a chosen verb replaces. */
    EXPECT_EQ_INT(l.replace.start_byte, at);
    EXPECT_EQ_INT(l.replace.end_byte, at + 3);
    /* A typed prefix "Wor": no verb starts so; the kind still says where. */
    at = find(compl_src, "Wor on") + 3;
    rls_complete_at(m, compl_src, len, at, NULL, &l);
    EXPECT_EQ_INT(l.kind, RLS_COMPLETE_VERB);
    EXPECT_EQ_INT(l.len, 0);
    /* Past the first word: no completion. */
    rls_complete_at(m, compl_src, len, find(compl_src, "p99 latency"), NULL, &l);
    EXPECT_EQ_INT(l.kind, RLS_COMPLETE_NONE);
    rls_completion_list_close(&l);
    rls_resume_delete(m);

    const char *tex = "\\resumeItem{the build from 40 min to 6 min}\n";
    m = build(tex);
    rls_complete_at(m, tex, (uint32_t)strlen(tex), 12, NULL, &l);
    EXPECT_EQ_INT(l.kind, RLS_COMPLETE_VERB);
    EXPECT_STR_EQ(top_labels(&l, 1), "Cut,");
    rls_completion_list_close(&l);
    rls_resume_delete(m);
}

static void test_completion_in_skills_offers_what_is_missing(void) {
    RlsResume *m = build(compl_src);
    uint32_t len = (uint32_t)strlen(compl_src);
    RlsConfig c;
    rls_config_init(&c);
    rls_config_set_job_text(&c, "Postgres, Kafka, ClickHouse and Redis. ClickHouse!");
    RlsCompletionList l;
    rls_completion_list_init(&l);
    uint32_t at = find(compl_src, "PostgreSQL, ") + 12;
    rls_complete_at(m, compl_src, len, at, &c, &l);
    EXPECT_EQ_INT(l.kind, RLS_COMPLETE_SKILL);
    /* Asked by the job and used in bullets first; the Databases label
     * lifts Redis above Kafka. Listed skills are never offered. */
    EXPECT_STR_EQ(top_labels(&l, 3), "Redis,Kafka,ClickHouse,");
    for (size_t i = 0; i < l.len; i++) {
        EXPECT_TRUE(strcmp(l.items[i].label, "PostgreSQL") != 0);
        EXPECT_TRUE(strcmp(l.items[i].label, "Git") != 0);
    }
    EXPECT_TRUE(strstr(l.items[0].detail, "asked by the job description") != NULL);
    EXPECT_TRUE(strstr(l.items[0].detail, "used in your bullets") != NULL);
    EXPECT_EQ_INT(l.replace.start_byte, at);
    rls_config_close(&c);

    /* A prefix filters by name and alias: "k8" finds Kubernetes. */
    char *typed = rls_malloc(len + 3);
    snprintf(typed, len + 3, "%.*sk8%s", (int)at, compl_src, compl_src + at);
    RlsResume *m2 = build(typed);
    rls_complete_at(m2, typed, len + 2, at + 2, NULL, &l);
    EXPECT_STR_EQ(top_labels(&l, 1), "Kubernetes,");
    EXPECT_EQ_INT(l.replace.start_byte, at);
    EXPECT_EQ_INT(l.replace.end_byte, at + 2);
    rls_resume_delete(m2);
    rls_free(typed);
    /* Before any comma or colon on a Skills line: nothing. */
    rls_complete_at(m, compl_src, len, find(compl_src, "Tools") + 2, NULL, &l);
    EXPECT_EQ_INT(l.kind, RLS_COMPLETE_NONE);
    rls_completion_list_close(&l);
    rls_resume_delete(m);
}

/* The length a reader sees includes the entry lines: a resume whose roles
 * are template entries is not shorter than the same text as paragraphs. */
static void test_word_count_includes_entry_lines(void) {
    RlsModelBuilder mb;
    rls_model_builder_init(&mb, RLS_FORMAT_MARKDOWN, 100);
    RlsDateRange d;
    ASSERT_TRUE(rls_date_range_parse("Jan 2021 – Present", strlen("Jan 2021 – Present"), &d));
    rls_model_builder_entry(&mb, (RlsSpan){0, 10}, "Staff Ingénieur", "Acme 東京", "Zürich", &d);
    rls_model_builder_entry(&mb, (RlsSpan){10, 20}, "Engineer", NULL, NULL, NULL);
    RlsResume *m = rls_model_builder_finish(&mb);
    /* 2 + 2 + 1 + 3 ("Jan 2021", "Present") + 1 */
    EXPECT_EQ_INT(rls_resume_word_count(m), 9);
    rls_resume_delete(m);
}

/* A role described in prose under its entry (moderncv, Deedy) shows the
 * tools it names in use, as a bullet does: only the skill it never names
 * is unbacked. */
static void test_a_role_description_backs_the_skills_it_names(void) {
    const char *src = "# Zoë Li\nzoe@example.com\n\n## Experience\n\n"
                      "### Ingénieur | Acme 東京 | 2020 - 2023\n\n"
                      "Built the settlement service in Go for 3 banks, cutting batch time 40%.\n\n"
                      "## Skills\n\nGo, Rust\n\n## Education\n\nBSc, 2019\n";
    RlsParser *p = rls_parser_new(RLS_FORMAT_MARKDOWN);
    RlsAnalysis an;
    rls_analysis_init(&an);
    rls_analyze(&an, p, src, (uint32_t)strlen(src), NULL);
    ASSERT_EQ_INT(an.model->n_paragraphs > 0, 1);
    bool go = false, rust = false;
    for (size_t i = 0; i < an.diags.len; i++) {
        const RlsDiag *d = &an.diags.items[i];
        if (strcmp(d->rule, "skill-unbacked") != 0) continue;
        go = go || strncmp(d->message, "Go is listed", 12) == 0;
        rust = rust || strncmp(d->message, "Rust is listed", 14) == 0;
    }
    EXPECT_TRUE(!go);
    EXPECT_TRUE(rust);
    rls_analysis_close(&an);
    rls_parser_delete(p);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_role_description_backs_the_skills_it_names),
        RLS_TEST(test_word_count_includes_entry_lines),
        RLS_TEST(test_every_profile_loads_and_backend_has_sixty_terms),
        RLS_TEST(test_profile_names_and_synonyms_resolve),
        RLS_TEST(test_find_resolves_aliases_and_expansions),
        RLS_TEST(test_symbol_terms_match_whole),
        RLS_TEST(test_go_is_a_language_only_when_written_as_one),
        RLS_TEST(test_word_boundaries_hold),
        RLS_TEST(test_aliases_map_to_canonical_terms),
        RLS_TEST(test_non_ascii_text_around_terms),
        RLS_TEST(test_contains_token_respects_boundaries),
        RLS_TEST(test_scanning_a_page_counts_every_hit),
        RLS_TEST(test_hits_record_where_and_source_span),
        RLS_TEST(test_role_from_config_marks_profile_terms),
        RLS_TEST(test_job_description_keywords_are_extracted),
        RLS_TEST(test_a_megabyte_of_distinct_tokens_is_extracted_in_linear_time),
        RLS_TEST(test_job_description_coverage_against_resume),
        RLS_TEST(test_skill_backing_diagnostics),
        RLS_TEST(test_configured_severity_and_off_are_respected),
        RLS_TEST(test_layout_contact_and_length),
        RLS_TEST(test_date_styles_are_classified),
        RLS_TEST(test_inconsistent_dates_are_reported_per_section_kind),
        RLS_TEST(test_inconsistent_dates_are_judged_within_their_section),
        RLS_TEST(test_keyword_rules_table_lists_every_rule),
        RLS_TEST(test_verbs_are_ranked_by_what_the_bullet_says),
        RLS_TEST(test_typed_prefix_filters_verbs),
        RLS_TEST(test_completion_at_the_start_of_a_bullet_offers_verbs),
        RLS_TEST(test_completion_in_skills_offers_what_is_missing),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
