/* Tests for the raw-HTML reader of the Markdown parser (server/parse/md_html.c):
 * what each block of an HTML block renders as, its plain text, and the
 * source map of that text, on HTML written here. */
#include "model/builder.h"
#include "parse/md_internal.h"
#include "test.h"

typedef struct {
    MdHtml html;
    RlsPlain plain[16];
    uint32_t n;
} Read;

/* Reads src and builds each block's plain text (markup and links change
 * no byte of it). */
static void read_html(Read *r, const char *src) {
    memset(r, 0, sizeof(*r));
    rls_md_html_read(&r->html, src, 0, (uint32_t)strlen(src));
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    for (uint32_t i = 0; i < r->html.n_blocks && i < RLS_ARRAY_LEN(r->plain); i++) {
        rls_md_html_plain(&r->html, &r->html.blocks[i], src, &pb, &r->plain[i]);
        r->n++;
    }
    rls_plain_builder_close(&pb);
}

static void read_close(Read *r) {
    for (uint32_t i = 0; i < r->n; i++)
        rls_plain_free(&r->plain[i]);
    rls_md_html_close(&r->html);
}

/* The blocks as "KIND level: text" lines, for one comparison a case. */
static void blocks_of(const Read *r, char *out, size_t cap) {
    static const char *const kinds[] = {"none", "line", "h", "li", "row", "head", "table"};
    size_t n = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < r->n; i++) {
        const MdHtmlBlock *b = &r->html.blocks[i];
        n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "%s%s%u%s: %s", n ? " / " : "",
                              kinds[b->kind], b->level, b->has_list ? "+" : "", r->plain[i].text);
    }
}

static void test_headings_lines_and_nested_items_are_blocks_of_their_kind(void) {
    static const struct {
        const char *html, *blocks;
    } cases[] = {
        {"<div class=\"job\">\n<h3>Data Engineer</h3>\n<p><strong>Zalando</strong> · Berlin</p>\n"
         "</div>",
         "h3: Data Engineer / line0: Zalando · Berlin"},
        {"<H2 id=x>Projects</H2>Loose text\nover two lines<hr>After",
         "h2: Projects / line0: Loose text over two lines / line0: After"},
        /* Depth by <ul>/<ol> nesting; an item with a list in it says so. */
        {"<ul><li>Led QA<ol><li>Hired two</li><li>Wrote plans</li></ol></li><li>Ran CI</li></ul>",
         "li1+: Led QA / li2: Hired two / li2: Wrote plans / li1: Ran CI"},
        /* Two paragraphs of one item are one item; </li> may be left out. */
        {"<ul><li><p>Built</p><p>the API</p><li>Shipped it</ul>",
         "li1: Built the API / li1: Shipped it"},
        {"<details><summary><b>Acme</b> (2019)</summary>\n<p>Did things</p></details>",
         "line0: Acme (2019) / line0: Did things"},
        {"<table><tr><th>Role</th><th>Org</th></tr><tr><td>Tester</td><td>Initech</td></tr>"
         "</table>",
         "table0:  / head0: Role Org / row0: Tester Initech"},
        /* Cells hold blocks; the row is still one line of fields. */
        {"<table><tr><td><p>Analyst</p></td><td><div>Globex</div></td></tr></table>",
         "table0:  / row0: Analyst Globex"},
        /* A table in a table is inside the outer one's layout. */
        {"<table><tr><td><table><tr><td>Inner</td></tr></table></td></tr></table>",
         "table0:  / row0: Inner"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        Read r;
        read_html(&r, cases[i].html);
        char got[512];
        blocks_of(&r, got, sizeof(got));
        EXPECT_STR_EQ(got, cases[i].blocks);
        read_close(&r);
    }
}

static void test_what_a_browser_does_not_show_is_no_text(void) {
    static const struct {
        const char *html, *blocks;
    } cases[] = {
        /* Attribute values may hold '>' inside quotes. */
        {"<div title=\"a > b\" data-x='c>d' data-y=e>Text</div>", "line0: Text"},
        {"<style>p { color: red }</style><script>if (a<b && c) { x(\"</p>\"); }</script>"
         "<p>Shown</p>",
         "line0: Shown"},
        {"<template><p>Row</p></template><p hidden>Secret <p>nested</p></p>"
         "<div style=\"color: red; display : none\"><div>No</div></div><p>Yes</p>",
         "line0: Yes"},
        /* Unclosed elements, and a tag cut off by the end of the block. */
        {"<div><p>Alpha<li>Beta", "line0: Alpha / li1: Beta"},
        {"<p>Open <b", "line0: Open"},
        /* A '<' or '&' that opens nothing is text; soup stays text. */
        {"<p>a < b & c <3 &unknown; <<>></p>", "line0: a < b & c <3 &unknown; <<>>"},
        {"<p>A<!-- a note -->B</p><!-- between -->", "line0: A B / none0: "},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        Read r;
        read_html(&r, cases[i].html);
        char got[512];
        blocks_of(&r, got, sizeof(got));
        EXPECT_STR_EQ(got, cases[i].blocks);
        read_close(&r);
    }
    /* The comment is kept, with its content trimmed, for suppressions. */
    Read r;
    const char *src = "<p>A<!-- resume-ls-disable weak-opener -->B</p>";
    read_html(&r, src);
    uint32_t comments = 0;
    for (uint32_t i = 0; i < r.html.n_events; i++) {
        const MdEvent *ev = &r.html.events[i];
        if (ev->kind != MD_EV_COMMENT) continue;
        comments++;
        EXPECT_EQ_INT(ev->c, (uint32_t)(strstr(src, "resume-ls") - src));
        EXPECT_EQ_INT(ev->d, (uint32_t)(strstr(src, " -->") - src));
    }
    EXPECT_EQ_INT(comments, 1);
    read_close(&r);
}

static void test_references_decode_and_every_plain_byte_maps_to_its_source(void) {
    const char *src = "<p>R&amp;D&nbsp;Lead &ndash; 2020&#8211;2021 at <a href=\"https://x.io\">"
                      "<i>Ac</i>me</a>&#x1F600;</p>";
    Read r;
    read_html(&r, src);
    ASSERT_EQ_INT(r.n, 1);
    const RlsPlain *p = &r.plain[0];
    EXPECT_STR_EQ(p->text, "R&D Lead \xE2\x80\x93 2020\xE2\x80\x93"
                           "2021 at Acme\xF0\x9F\x98\x80");
    /* "&amp;" and "&ndash;" map whole; the words after them byte to byte. */
    uint32_t amp = (uint32_t)(strstr(src, "&amp;") - src);
    EXPECT_EQ_INT(p->src_start[1], amp);
    EXPECT_EQ_INT(p->src_end[1], amp + 5);
    const char *lead = strstr(p->text, "Lead");
    uint32_t lead_src = (uint32_t)(strstr(src, "Lead") - src);
    for (uint32_t k = 0; k < 4; k++) {
        EXPECT_EQ_INT(p->src_start[lead - p->text + k], lead_src + k);
        EXPECT_EQ_INT(p->src_end[lead - p->text + k], lead_src + k + 1);
    }
    uint32_t y2021 = (uint32_t)(strstr(src, "2021") - src);
    EXPECT_EQ_INT(p->src_start[strstr(p->text, "2021") - p->text], y2021);
    /* Markup inside a link: "Ac" and "me" are one word of the link text. */
    const char *acme = strstr(p->text, "Acme");
    EXPECT_EQ_INT(p->src_start[acme - p->text], (uint32_t)(strstr(src, "Ac</i>") - src));
    EXPECT_EQ_INT(p->src_start[acme - p->text + 2], (uint32_t)(strstr(src, "me</a>") - src));
    /* The link's destination is recorded, never text. */
    uint32_t links = 0;
    for (uint32_t i = 0; i < r.html.n_events; i++)
        if (r.html.events[i].kind == MD_EV_LINK) {
            links++;
            EXPECT_EQ_INT(r.html.events[i].a, (uint32_t)(strstr(src, "https") - src));
        }
    EXPECT_EQ_INT(links, 1);
    read_close(&r);
}

static void test_a_br_is_a_line_break_and_markup_balances(void) {
    const char *src = "<p><strong>QA Lead</strong><br>Spotify, Stockholm<br/>\n"
                      "2016 &ndash; 2018</p><p><b>Open bold</p>";
    Read r;
    read_html(&r, src);
    ASSERT_EQ_INT(r.n, 2);
    const RlsPlain *p = &r.plain[0];
    EXPECT_STR_EQ(p->text, "QA Lead Spotify, Stockholm 2016 \xE2\x80\x93 2018");
    /* The space after "Lead" stands for the <br> (and the closing tag). */
    uint32_t space = (uint32_t)(strstr(p->text, " Spotify") - p->text);
    EXPECT_TRUE(strstr(src, "<br>") - src >= p->src_start[space] &&
                strstr(src, "<br>") + 4 - src <= p->src_end[space]);
    /* Every ENTER of a block has its LEAVE in that block, even when the
     * element is never closed. */
    for (uint32_t i = 0; i < r.html.n_blocks; i++) {
        const MdHtmlBlock *b = &r.html.blocks[i];
        int depth = 0;
        for (uint32_t k = 0; k < b->n_events; k++) {
            uint8_t kind = r.html.events[b->first_event + k].kind;
            depth += kind == MD_EV_ENTER ? 1 : kind == MD_EV_LEAVE ? -1 : 0;
            EXPECT_TRUE(depth >= 0);
        }
        EXPECT_EQ_INT(depth, 0);
    }
    read_close(&r);
}

/* Any nesting or soup is read in one pass: 10,000 unclosed <div>s, as
 * many unclosed <b>s and stray closing tags, and angle-bracket soup. */
static void test_deep_nesting_and_soup_read_in_linear_time(void) {
    static const char *const units[] = {"<div>",    "<li><b>", "</span>",
                                        "<<<<>>>>", "<p x='>", "<table><tr><td>"};
    for (size_t u = 0; u < RLS_ARRAY_LEN(units); u++) {
        size_t unit = strlen(units[u]), n = 0, cap = 10000 * unit + 16;
        char *src = rls_malloc(cap);
        for (int i = 0; i < 10000; i++, n += unit)
            memcpy(src + n, units[u], unit);
        memcpy(src + n, "text", 5);
        n += 4;
        MdHtml h = {0};
        rls_md_html_read(&h, src, 0, (uint32_t)n);
        /* At most a step a byte, and a block per element at most. */
        EXPECT_TRUE(h.n_events <= n);
        EXPECT_TRUE(h.n_blocks <= 10000 + 1);
        /* Nested tables are one layout. */
        uint32_t tables = 0;
        for (uint32_t b = 0; b < h.n_blocks; b++)
            tables += h.blocks[b].kind == MD_HTML_TABLE;
        EXPECT_TRUE(tables <= 1);
        printf("# %s x 10000: %u steps, %u blocks\n", units[u], h.n_events, h.n_blocks);
        rls_md_html_close(&h);
        rls_free(src);
    }
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_headings_lines_and_nested_items_are_blocks_of_their_kind),
        RLS_TEST(test_what_a_browser_does_not_show_is_no_text),
        RLS_TEST(test_references_decode_and_every_plain_byte_maps_to_its_source),
        RLS_TEST(test_a_br_is_a_line_break_and_markup_balances),
        RLS_TEST(test_deep_nesting_and_soup_read_in_linear_time),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
