/* Tests for the format-neutral skills-line reader
 * (server/model/skill_reader.c): a line of plain text in, skills with
 * their category and source span out, with no parser. */
#include "model/builder.h"
#include "model/skill_reader.h"
#include "rls/alloc.h"
#include "test.h"

typedef struct {
    const char *line;
    const char *category; /* the parser's category for the line */
    /* Expected skills, "text@category" ("text@" with none), NULL-ended. */
    const char *skills[6];
} SkillCase;

static void test_skill_lines_split_into_skills(void) {
    static const SkillCase cases[] = {
        /* A label heads the list; brackets keep their commas; a closing
         * full stop is no part of the last skill. */
        {"Languages: Java, Python (3.x, typing), C/C++.",
         NULL,
         {"Java@Languages", "Python (3.x, typing)@Languages", "C/C++@Languages", NULL}},
        /* Without a label the parser's category holds. */
        {"Go | Rust • SQL", "Tools", {"Go@Tools", "Rust@Tools", "SQL@Tools", NULL}},
        /* A full-width colon and CJK separators. */
        {"语言：Go、Rust，SQL", NULL, {"Go@语言", "Rust@语言", "SQL@语言", NULL}},
        /* A colon after the first comma labels nothing. */
        {"Git, Docker: basics", NULL, {"Git@", "Docker: basics@", NULL}},
        /* A colon with no space after it labels nothing ("https://"); a
         * list glyph before a skill is none of it; a bracket left open at
         * the line's end loses no skill; ".NET" keeps its dot. */
        {"https://go.dev, Rust", NULL, {"https://go.dev@", "Rust@", NULL}},
        {"Tools: * Docker; - Helm", NULL, {"Docker@Tools", "Helm@Tools", NULL}},
        {"C#, .NET, Azure (AKS", NULL, {"C#@", ".NET@", "Azure (AKS@", NULL}},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        const SkillCase *c = &cases[i];
        uint32_t len = (uint32_t)strlen(c->line);
        RlsModelBuilder mb;
        rls_model_builder_init(&mb, RLS_FORMAT_MARKDOWN, len);
        RlsPlainBuilder pb;
        RlsPlain p;
        rls_plain_builder_init(&pb);
        rls_plain_builder_source(&pb, c->line, 0, len);
        rls_plain_builder_finish(&pb, &p);
        rls_plain_builder_close(&pb);
        rls_skill_reader_line(&mb, &p, c->category);
        RlsResume *m = rls_model_builder_finish(&mb);
        printf("# %s\n", c->line);
        uint32_t want = 0;
        while (c->skills[want])
            want++;
        EXPECT_EQ_INT(m->n_skills, want);
        for (uint32_t k = 0; k < m->n_skills && k < want; k++) {
            const RlsSkill *s = &m->skills[k];
            char got[128];
            snprintf(got, sizeof(got), "%s@%s", s->text, s->category ? s->category : "");
            EXPECT_STR_EQ(got, c->skills[k]);
            /* The span is where the skill's text is written. */
            EXPECT_EQ_INT(s->span.end_byte - s->span.start_byte, strlen(s->text));
            EXPECT_TRUE(!memcmp(c->line + s->span.start_byte, s->text, strlen(s->text)));
        }
        rls_plain_free(&p);
        rls_resume_delete(m);
    }
}

/* Markdown splits a paragraph's lines: each range is a line of its own,
 * its spans in the whole text. */
static void test_a_range_of_a_longer_text_is_a_line(void) {
    const char *text = "Cloud: AWS, GCP\nData: SQL";
    uint32_t len = (uint32_t)strlen(text);
    RlsModelBuilder mb;
    rls_model_builder_init(&mb, RLS_FORMAT_MARKDOWN, len);
    RlsPlainBuilder pb;
    RlsPlain p;
    rls_plain_builder_init(&pb);
    rls_plain_builder_source(&pb, text, 0, len);
    rls_plain_builder_finish(&pb, &p);
    rls_plain_builder_close(&pb);
    rls_skill_reader_range(&mb, &p, 0, 15, NULL);
    rls_skill_reader_range(&mb, &p, 16, len, NULL);
    RlsResume *m = rls_model_builder_finish(&mb);
    ASSERT_EQ_INT(m->n_skills, 3);
    EXPECT_STR_EQ(m->skills[1].category, "Cloud");
    EXPECT_STR_EQ(m->skills[2].text, "SQL");
    EXPECT_STR_EQ(m->skills[2].category, "Data");
    EXPECT_EQ_INT(m->skills[2].span.start_byte, 22);
    rls_plain_free(&p);
    rls_resume_delete(m);
}

static void test_label_lines_head_the_lines_below(void) {
    size_t n = 0;
    /* A colon ends a label; the label is kept without it. */
    EXPECT_TRUE(rls_skill_reader_label("Over 5000 lines :  ", 19, &n));
    EXPECT_EQ_INT(n, strlen("Over 5000 lines"));
    /* A lead-in is a label without a colon. */
    EXPECT_TRUE(rls_skill_reader_label("Proficient In", 13, &n));
    EXPECT_EQ_INT(n, 13);
    /* A list is skills, even with a colon at its end; so is one skill. */
    EXPECT_TRUE(!rls_skill_reader_label("Go, Rust:", 9, &n));
    EXPECT_TRUE(!rls_skill_reader_label("Kubernetes", 10, &n));
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_skill_lines_split_into_skills),
        RLS_TEST(test_a_range_of_a_longer_text_is_a_line),
        RLS_TEST(test_label_lines_head_the_lines_below),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
