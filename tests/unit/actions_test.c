/* Tests for source-level code actions (server/actions/actions.c, edits.c):
 * quick fixes, the outcome-first rewrite, fix-all and suppression comments
 * written back through hand-built source maps in Markdown and LaTeX. */
#include <string.h>

#include "model/builder.h"
#include "rls/actions.h"
#include "test.h"

/* ---- A tiny stand-in parser: enough markup to exercise the source maps ------------------
 * Markdown: "**" and "`" are markup. LaTeX: "\textbf{...}" is markup and
 * \% \$ \& \# \_ are one-character escapes. */
static void fake_plain(RlsPlain *out, const char *src, uint32_t start, uint32_t end,
                       RlsFormat format) {
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    int tex_depth = 0;
    for (uint32_t i = start; i < end;) {
        if (format == RLS_FORMAT_MARKDOWN) {
            if (src[i] == '*' && i + 1 < end && src[i + 1] == '*') {
                i += 2;
                continue;
            }
            if (src[i] == '`') {
                i++;
                continue;
            }
        } else {
            if (!strncmp(src + i, "\\textbf{", 8)) {
                tex_depth++;
                i += 8;
                continue;
            }
            if (src[i] == '}' && tex_depth > 0) {
                tex_depth--;
                i++;
                continue;
            }
            if (src[i] == '\\' && i + 1 < end && strchr("%$&#_", src[i + 1])) {
                rls_plain_builder_emit(&pb, src + i + 1, 1, i, i + 2);
                i += 2;
                continue;
            }
        }
        rls_plain_builder_source(&pb, src, i, i + 1);
        i++;
    }
    rls_plain_builder_finish(&pb, out);
}

/* A model of src: one "Experience" section whose bullets are the lines
 * starting with marker (after indentation), text after the marker (and
 * up to a closing "}" for \resumeItem{...}). */
static RlsResume *fake_model(const char *src, RlsFormat format, const char *marker,
                             const char *heading) {
    uint32_t len = (uint32_t)strlen(src);
    RlsModelBuilder mb;
    rls_model_builder_init(&mb, format, len);
    RlsPlain h;
    uint32_t hs = (uint32_t)(strstr(src, heading) - src);
    fake_plain(&h, src, hs, hs + (uint32_t)strlen(heading), format);
    rls_model_builder_section(&mb, (RlsSpan){hs, hs + (uint32_t)strlen(heading)}, &h, 2);
    for (const char *p = src; (p = strstr(p, marker)) != NULL;) {
        uint32_t item = (uint32_t)(p - src);
        uint32_t s = item + (uint32_t)strlen(marker);
        uint32_t e = s;
        while (e < len && src[e] != '\n' && src[e] != '\r')
            e++;
        if (format == RLS_FORMAT_LATEX && marker[strlen(marker) - 1] == '{') e--; /* "}" */
        RlsPlain pl;
        fake_plain(&pl, src, s, e, format);
        rls_model_builder_bullet(&mb, (RlsSpan){s, e}, (RlsSpan){item, e}, &pl, 0);
        p = src + e;
    }
    return rls_model_builder_finish(&mb);
}

static RlsDiag fake_diag(const RlsResume *m, uint32_t bullet, const char *rule, const char *words) {
    const RlsPlain *p = &m->bullets[bullet].plain;
    const char *at = words ? strstr(p->text, words) : p->text;
    uint32_t ps = at ? (uint32_t)(at - p->text) : 0;
    uint32_t pe = words && at ? ps + (uint32_t)strlen(words) : p->len;
    RlsDiag d = {rls_plain_cover(p, ps, pe), RLS_SEV_WARNING, rule, NULL, (int32_t)bullet, ps, pe};
    return d;
}

/* Applies an action to src; returns the owned result. */
static char *apply(const char *src, const RlsAction *a) {
    RlsBuf out;
    rls_buf_init(&out);
    int rc = rls_edits_apply(src, (uint32_t)strlen(src), a->edits, a->n_edits, &out);
    if (rc != 0) {
        rls_buf_close(&out);
        return NULL;
    }
    return rls_buf_detach(&out);
}

/* ---- Quick fixes ------------------------------------------------------------------------- */

static void test_a_weak_opener_fix_edits_only_the_opener_and_keeps_bold(void) {
    const char *src = "## Experience\n\n- Worked on the **payments integration** with Stripe.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_MARKDOWN, "- ", "Experience");
    RlsDiag d = fake_diag(m, 0, "weak-opener", "Worked on");
    RlsActionList list;
    rls_action_list_init(&list);
    ASSERT_EQ_INT(rls_actions_for_diag(m, src, (uint32_t)strlen(src), &d, &list), 0);
    ASSERT_EQ_INT(list.len, 3);
    EXPECT_TRUE(list.items[0].preferred);
    EXPECT_STR_EQ(list.items[0].rule, "weak-opener");
    EXPECT_EQ_INT(list.items[0].diag_span.start_byte, d.span.start_byte);
    EXPECT_EQ_INT(list.items[0].n_edits, 1);
    char *fixed = apply(src, &list.items[0]);
    EXPECT_STR_EQ(fixed, "## Experience\n\n- Built the **payments integration** with Stripe.\n");
    EXPECT_STR_EQ(list.items[0].title, "Replace “Worked on” with “Built”");
    /* The edit is the opener, not the bullet. */
    EXPECT_EQ_INT(list.items[0].edits[0].span.end_byte - list.items[0].edits[0].span.start_byte,
                  strlen("Worked on"));
    rls_free(fixed);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

static void test_an_edit_that_would_split_bold_markers_is_not_offered(void) {
    const char *src = "- **Worked** on the payments integration.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_MARKDOWN, "- ", "Worked");
    RlsDiag d = fake_diag(m, 0, "weak-opener", "Worked on");
    RlsActionList list;
    rls_action_list_init(&list);
    ASSERT_EQ_INT(rls_actions_for_diag(m, src, (uint32_t)strlen(src), &d, &list), 0);
    EXPECT_EQ_INT(list.len, 0);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

static void test_latex_inserted_text_is_escaped(void) {
    const char *src = "\\section{Experience}\n"
                      "\\resumeItem{Reduced server costs by thirty percent by consolidating "
                      "workloads.}\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_LATEX, "\\resumeItem{", "Experience");
    RlsDiag d = fake_diag(m, 0, "spelled-out-number", "thirty percent");
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_for_diag(m, src, (uint32_t)strlen(src), &d, &list);
    ASSERT_EQ_INT(list.len, 1);
    char *fixed = apply(src, &list.items[0]);
    EXPECT_STR_EQ(fixed, "\\section{Experience}\n"
                         "\\resumeItem{Reduced server costs by 30\\% by consolidating "
                         "workloads.}\n");
    EXPECT_STR_EQ(list.items[0].title, "Write “thirty percent” as “30%”");
    rls_free(fixed);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

static void test_a_placeholder_after_latex_item_cannot_become_an_optional_argument(void) {
    const char *src = "\\section{Experience}\n\\item Several APIs shipped to production.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_LATEX, "\\item ", "Experience");
    RlsDiag d = fake_diag(m, 0, "vague-quantifier", "Several");
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_for_diag(m, src, (uint32_t)strlen(src), &d, &list);
    ASSERT_EQ_INT(list.len, 1);
    char *fixed = apply(src, &list.items[0]);
    EXPECT_STR_EQ(fixed, "\\section{Experience}\n\\item {[}N] APIs shipped to production.\n");
    rls_free(fixed);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

static void test_non_ascii_text_around_a_fix_survives(void) {
    const char *src = "- Worked on the café app for 東京 users 🚀.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_MARKDOWN, "- ", "Worked");
    RlsDiag d = fake_diag(m, 0, "weak-opener", "Worked on");
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_for_diag(m, src, (uint32_t)strlen(src), &d, &list);
    ASSERT_TRUE(list.len >= 1);
    char *fixed = apply(src, &list.items[0]);
    EXPECT_STR_EQ(fixed, "- Built the café app for 東京 users 🚀.\n");
    rls_free(fixed);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

/* ---- The outcome-first rewrite ------------------------------------------------------------ */

static void test_outcome_first_moves_clauses_with_their_markup(void) {
    const char *src = "## Experience\n\n- Added an index on `orders.created_at`, which cut the "
                      "dashboard query from **8s** to 300ms.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_MARKDOWN, "- ", "Experience");
    RlsActionList list;
    rls_action_list_init(&list);
    ASSERT_EQ_INT(rls_actions_for_bullet(m, src, (uint32_t)strlen(src), 0, NULL, &list), 0);
    ASSERT_EQ_INT(list.len, 1);
    EXPECT_EQ_INT(list.items[0].kind, RLS_ACTION_REWRITE);
    char *fixed = apply(src, &list.items[0]);
    EXPECT_STR_EQ(fixed, "## Experience\n\n- Cut the dashboard query from **8s** to 300ms by "
                         "adding an index on `orders.created_at`.\n");
    rls_free(fixed);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

static void test_outcome_first_in_latex_keeps_escapes_and_commands(void) {
    const char *src = "\\section{Experience}\n\\resumeItem{Rebuilt the image pipeline on "
                      "\\textbf{AWS Lambda} to lower processing cost by 70\\%.}\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_LATEX, "\\resumeItem{", "Experience");
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_for_bullet(m, src, (uint32_t)strlen(src), 0, NULL, &list);
    ASSERT_EQ_INT(list.len, 1);
    char *fixed = apply(src, &list.items[0]);
    EXPECT_STR_EQ(fixed, "\\section{Experience}\n\\resumeItem{Lowered processing cost by 70\\% "
                         "by rebuilding the image pipeline on \\textbf{AWS Lambda}.}\n");
    rls_free(fixed);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

/* ---- Fix all ------------------------------------------------------------------------------ */

static void test_fix_all_composes_fixes_per_bullet_without_overlaps(void) {
    const char *src = "## Experience\n\n"
                      "- I helped cut onboarding time by 40%.\n"
                      "- Managed a team of four engineers.\n"
                      "- Built many internal tools for the operations team.\n"
                      "- Reduced p99 latency from 800ms to 120ms.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_MARKDOWN, "- ", "Experience");
    ASSERT_EQ_INT(m->n_bullets, 4);
    RlsDiagList diags;
    rls_diag_list_init(&diags);
    RlsDiag ds[] = {
        fake_diag(m, 0, "first-person", "I"),
        fake_diag(m, 0, "weak-opener", "helped"),
        fake_diag(m, 1, "spelled-out-number", "four"),
        fake_diag(m, 2, "vague-quantifier", "many"),
        fake_diag(m, 2, "no-metric", NULL),
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(ds); i++) {
        RlsDiag *d = rls_diag_push(&diags, ds[i].span, ds[i].severity, ds[i].rule, "x");
        d->bullet = ds[i].bullet;
        d->plain_start = ds[i].plain_start;
        d->plain_end = ds[i].plain_end;
    }
    RlsActionList list;
    rls_action_list_init(&list);
    ASSERT_EQ_INT(rls_actions_fix_all(m, src, (uint32_t)strlen(src), &diags, NULL, &list), 0);
    ASSERT_EQ_INT(list.len, 1);
    EXPECT_EQ_INT(list.items[0].kind, RLS_ACTION_FIX_ALL);
    for (size_t i = 1; i < list.items[0].n_edits; i++)
        EXPECT_TRUE(list.items[0].edits[i - 1].span.end_byte <=
                    list.items[0].edits[i].span.start_byte);
    char *fixed = apply(src, &list.items[0]);
    EXPECT_STR_EQ(fixed, "## Experience\n\n"
                         "- Cut onboarding time by 40%.\n"
                         "- Managed a team of 4 engineers.\n"
                         /* The count placeholder is the metric to fill in: no second one. */
                         "- Built [N] internal tools for the operations team.\n"
                         "- Reduced p99 latency from 800ms to 120ms.\n");
    rls_free(fixed);
    rls_action_list_close(&list);
    rls_diag_list_close(&diags);
    rls_resume_delete(m);
}

static void test_fix_all_with_nothing_to_fix_offers_nothing(void) {
    const char *src = "- Reduced p99 latency from 800ms to 120ms.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_MARKDOWN, "- ", "Reduced");
    RlsDiagList diags;
    rls_diag_list_init(&diags);
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_fix_all(m, src, (uint32_t)strlen(src), &diags, NULL, &list);
    EXPECT_EQ_INT(list.len, 0);
    RlsFixOptions opts = {true};
    rls_actions_fix_all(m, src, (uint32_t)strlen(src), &diags, &opts, &list);
    EXPECT_EQ_INT(list.len, 0);
    rls_action_list_close(&list);
    rls_diag_list_close(&diags);
    rls_resume_delete(m);
}

static void test_a_nonstandard_heading_is_renamed_in_its_own_case_style(void) {
    const char *src = "## WORK HISTORY\n\n- Built things.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_MARKDOWN, "- ", "WORK HISTORY");
    RlsDiag d = {m->sections[0].heading_span, RLS_SEV_INFO, "nonstandard-heading", NULL, -1, 0, 0};
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_for_diag(m, src, (uint32_t)strlen(src), &d, &list);
    ASSERT_EQ_INT(list.len, 1);
    char *fixed = apply(src, &list.items[0]);
    EXPECT_STR_EQ(fixed, "## EXPERIENCE\n\n- Built things.\n");
    rls_free(fixed);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

/* ---- Suppression -------------------------------------------------------------------------- */

static void test_suppression_comments_in_markdown_respect_front_matter_and_crlf(void) {
    const char *src = "---\r\ntitle: CV\r\n---\r\n## Experience\r\n\r\n  - Worked on X.\r\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_MARKDOWN, "- ", "Experience");
    RlsDiag d = fake_diag(m, 0, "weak-opener", "Worked on");
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_suppress(m, src, (uint32_t)strlen(src), &d, &list);
    ASSERT_EQ_INT(list.len, 2);
    EXPECT_STR_EQ(list.items[0].title, "Disable weak-opener for this line");
    char *line = apply(src, &list.items[0]);
    EXPECT_STR_EQ(line,
                  "---\r\ntitle: CV\r\n---\r\n## Experience\r\n\r\n"
                  "  <!-- resume-ls-disable-next-line weak-opener -->\r\n  - Worked on X.\r\n");
    char *file = apply(src, &list.items[1]);
    EXPECT_STR_EQ(file, "---\r\ntitle: CV\r\n---\r\n<!-- resume-ls-disable weak-opener -->\r\n"
                        "## Experience\r\n\r\n  - Worked on X.\r\n");
    rls_free(line);
    rls_free(file);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

static void test_suppression_comments_in_latex(void) {
    const char *src = "\\section{Experience}\n\\item Worked on X.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_LATEX, "\\item ", "Experience");
    RlsDiag d = fake_diag(m, 0, "weak-opener", "Worked on");
    RlsActionList list;
    rls_action_list_init(&list);
    rls_actions_suppress(m, src, (uint32_t)strlen(src), &d, &list);
    ASSERT_EQ_INT(list.len, 2);
    char *line = apply(src, &list.items[0]);
    EXPECT_STR_EQ(line, "\\section{Experience}\n% resume-ls-disable-next-line weak-opener\n"
                        "\\item Worked on X.\n");
    char *file = apply(src, &list.items[1]);
    EXPECT_STR_EQ(file, "% resume-ls-disable weak-opener\n\\section{Experience}\n"
                        "\\item Worked on X.\n");
    rls_free(line);
    rls_free(file);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

/* ---- Applying edits ------------------------------------------------------------------------ */

static void test_overlapping_or_out_of_range_edits_are_rejected(void) {
    const char *src = "abcdef";
    RlsTextEdit overlap[] = {{{1, 3}, "X"}, {{2, 4}, "Y"}};
    RlsTextEdit outside[] = {{{4, 9}, "X"}};
    RlsTextEdit fine[] = {{{4, 6}, "EF"}, {{0, 0}, ">"}, {{2, 2}, "|"}};
    RlsBuf out;
    rls_buf_init(&out);
    EXPECT_EQ_INT(rls_edits_apply(src, 6, overlap, 2, &out), RLS_EINVAL);
    EXPECT_EQ_INT(rls_edits_apply(src, 6, outside, 1, &out), RLS_ERANGE);
    EXPECT_EQ_INT(out.len, 0);
    EXPECT_EQ_INT(rls_edits_apply(src, 6, fine, 3, &out), 0);
    EXPECT_STR_EQ(out.data, ">ab|cdEF");
    rls_buf_close(&out);
}

static void test_a_model_of_another_text_is_refused(void) {
    const char *src = "- Worked on X.\n";
    RlsResume *m = fake_model(src, RLS_FORMAT_MARKDOWN, "- ", "Worked");
    RlsDiag d = fake_diag(m, 0, "weak-opener", "Worked on");
    RlsActionList list;
    rls_action_list_init(&list);
    EXPECT_EQ_INT(rls_actions_for_diag(m, src, 3, &d, &list), RLS_EINVAL);
    EXPECT_EQ_INT(rls_actions_for_diag(NULL, src, 3, &d, &list), RLS_EINVAL);
    EXPECT_EQ_INT(list.len, 0);
    rls_action_list_close(&list);
    rls_resume_delete(m);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_weak_opener_fix_edits_only_the_opener_and_keeps_bold),
        RLS_TEST(test_an_edit_that_would_split_bold_markers_is_not_offered),
        RLS_TEST(test_latex_inserted_text_is_escaped),
        RLS_TEST(test_a_placeholder_after_latex_item_cannot_become_an_optional_argument),
        RLS_TEST(test_non_ascii_text_around_a_fix_survives),
        RLS_TEST(test_outcome_first_moves_clauses_with_their_markup),
        RLS_TEST(test_outcome_first_in_latex_keeps_escapes_and_commands),
        RLS_TEST(test_fix_all_composes_fixes_per_bullet_without_overlaps),
        RLS_TEST(test_fix_all_with_nothing_to_fix_offers_nothing),
        RLS_TEST(test_a_nonstandard_heading_is_renamed_in_its_own_case_style),
        RLS_TEST(test_suppression_comments_in_markdown_respect_front_matter_and_crlf),
        RLS_TEST(test_suppression_comments_in_latex),
        RLS_TEST(test_overlapping_or_out_of_range_edits_are_rejected),
        RLS_TEST(test_a_model_of_another_text_is_refused),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
