/*
 * tex_unescape_test.c - what text a reader sees in LaTeX, and where each
 * plain byte comes from (server/parse/tex_unescape.c).
 */
#include "parse/tex_internal.h"
#include "test.h"

/* Unescapes src and compares with want; returns the plain text (owned). */
static void check(const char *src, const char *want) {
    RlsPlain p;
    rls_tex_unescape(src, (uint32_t)strlen(src), &p);
    EXPECT_STR_EQ(p.text, want);
    rls_plain_free(&p);
}

static void test_escaped_specials(void) {
    check("Cut cost 50\\% at R\\&D for \\$5 on task \\#1 in my\\_file",
          "Cut cost 50% at R&D for $5 on task #1 in my_file");
    check("braces \\{x\\}", "braces {x}");
}

static void test_brackets_in_text_are_kept(void) {
    /* Placeholders the rewrites insert, and brackets people write. */
    check("cut by {[}N{]}\\% for [N] users", "cut by [N]% for [N] users");
    check("the [workspace.package] fields", "the [workspace.package] fields");
    /* A macro's optional argument is not text. */
    check("\\includegraphics[width=3cm]{a.png} word", "word");
}

static void test_dashes_quotes_and_ties(void) {
    check("2019--2021", "2019–2021");
    check("fast --- really", "fast — really");
    check("``Best paper'' award", "“Best paper” award");
    check("Dr.~Smith", "Dr. Smith");
    check("a \\\\ b \\newline c", "a b c");
    check("user's repo", "user's repo");
}

static void test_accents(void) {
    check("\\'ecole", "école");
    check("caf\\'{e}", "café");
    check("{\\\"o}ffentlich", "öffentlich");
    check("\\c{c}a na\\\"ive Fran\\c{c}ois", "ça naïve François");
    check("\\`a la \\^ile", "à la île");
    check("\\~nu \\v{s}", "ñu š");
    /* No precomposed form: base letter plus a combining mark. */
    check("\\'x", "x\xcc\x81");
}

static void test_formatting_keeps_text(void) {
    check("\\textbf{Led} a \\emph{team} of \\textit{five}", "Led a team of five");
    check("\\href{https://x.io}{my site} and \\url{https://y.io}", "my site and https://y.io");
    check("\\textbf{Languages}{: Java, C}", "Languages: Java, C");
    check("\\small{tiny} \\underline{under}", "tiny under");
    check("\\textcolor{gray}{grey text}", "grey text");
}

static void test_layout_macros_vanish(void) {
    check("a \\vspace{2pt} b", "a b");
    check("a\\hspace{1em}b", "ab");
    check("\\vspace{2pt}{kept}", "kept");
    check("x \\faGithub\\ y", "x y");
    check("\\unknownmacro{one}{two}", "one two");
    check("a\\kern 5.0 pt%\n b", "ab");
}

static void test_comments_vanish_with_their_newline(void) {
    check("Built the API % TODO: numbers\n  and shipped it", "Built the API and shipped it");
    check("half%\n  word", "halfword");
}

static void test_math_placeholders(void) {
    check("$\\sim$50\\% faster", "~50% faster");
    check("A $|$ B $\\cdot$ C", "A | B · C");
    check("grew $10\\times$", "grew [math]");
    check("$x^2 + y^2$ solver", "[math] solver");
    check("$>$100 users", ">100 users");
}

static void test_non_ascii_and_crlf(void) {
    check("实现了 \\textbf{特性}，减少8\\%", "实现了 特性，减少8%");
    check("Built\r\nthings\r\n", "Built things");
    check("Développé à Zürich 🚀", "Développé à Zürich 🚀");
}

static void test_source_map(void) {
    const char *src = "\\'ecole \\textbf{Led} 50\\%";
    RlsPlain p;
    rls_tex_unescape(src, (uint32_t)strlen(src), &p);
    ASSERT_STR_EQ(p.text, "école Led 50%");
    /* é (two bytes) comes from the whole accent construct. */
    EXPECT_EQ_INT(p.src_start[0], 0);
    EXPECT_EQ_INT(p.src_end[0], 3);
    EXPECT_EQ_INT(p.src_start[1], 0);
    EXPECT_EQ_INT(p.src_start[2], 3); /* 'c' */
    /* "Led" is inside \textbf{...}: its bytes map to themselves. */
    uint32_t led = 7;
    EXPECT_EQ_INT(p.src_start[led], 16);
    EXPECT_EQ_INT(p.src_end[led + 2], 19);
    /* "%" maps to "\%". */
    EXPECT_EQ_INT(p.src_start[p.len - 1], 23);
    EXPECT_EQ_INT(p.src_end[p.len - 1], 25);
    RlsSpan span;
    EXPECT_EQ_INT(rls_plain_to_source(&p, led, led + 3, &span), 0);
    EXPECT_EQ_INT(span.start_byte, 16);
    EXPECT_EQ_INT(span.end_byte, 19);
    /* From "Led" into "50" crosses the closing brace of \textbf. */
    EXPECT_EQ_INT(rls_plain_to_source(&p, led, led + 6, &span), RLS_EREFUSED);
    rls_plain_free(&p);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_escaped_specials),
        RLS_TEST(test_brackets_in_text_are_kept),
        RLS_TEST(test_dashes_quotes_and_ties),
        RLS_TEST(test_accents),
        RLS_TEST(test_formatting_keeps_text),
        RLS_TEST(test_layout_macros_vanish),
        RLS_TEST(test_comments_vanish_with_their_newline),
        RLS_TEST(test_math_placeholders),
        RLS_TEST(test_non_ascii_and_crlf),
        RLS_TEST(test_source_map),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
