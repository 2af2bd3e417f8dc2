/*
 * md_internal.h - pieces of the Markdown parser shared between markdown.c
 * (the block walk and the model) and md_html.c (raw HTML read as the
 * Markdown structure it renders as).
 *
 * Both produce text as replayable steps (MdEvent): source ranges kept as
 * they are, bytes that stand for a construct (an entity, an escape), word
 * breaks, field boundaries and markup. markdown.c replays them into a plain
 * text with its source map, so an HTML paragraph, heading or list item goes
 * down the same paths as a Markdown one.
 */
#ifndef RLS_PARSE_MD_INTERNAL_H_
#define RLS_PARSE_MD_INTERNAL_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rls/model.h"

/* ---- Text steps ----------------------------------------------------------- */

/* One step of building a text. Offsets are bytes of the document, relative
 * to a base the replayer adds (an inline run's first byte; 0 for HTML). */
typedef enum {
    MD_EV_SOURCE,   /* builder_source [a, b) */
    MD_EV_EMIT_SRC, /* builder_emit of source [c, d) for construct [a, b) */
    MD_EV_EMIT,     /* builder_emit of bytes[0..n) for construct [a, b) */
    MD_EV_BREAK,    /* builder_break [a, b) */
    MD_EV_BOUND,    /* a field boundary */
    MD_EV_ENTER,    /* markup begins; n = 1 when it is a field boundary */
    MD_EV_LEAVE,    /* markup ends; n as for ENTER */
    MD_EV_LINK,     /* link destination [a, b) */
    MD_EV_IMAGE,    /* image [a, b) */
    MD_EV_COMMENT,  /* HTML comment [a, b) with content [c, d) */
} MdEvKind;

typedef struct {
    uint8_t kind;
    uint8_t n;
    char bytes[6];
    uint32_t a, b, c, d;
} MdEvent;

/* ---- Character references ----------------------------------------------------- */

/* Decodes the character reference p[0..n) ("&amp;", "&#233;", "&#x1F600;",
 * ';' included) into out (4 bytes at least); returns its length, or 0 for a
 * reference this table does not know (then the source stays as it is). */
size_t rls_md_entity(const char *p, size_t n, char *out);

/* ---- Raw HTML ---------------------------------------------------------------- */

/* What a piece of an HTML block renders as. */
typedef enum {
    MD_HTML_NONE,     /* no text: comments or images between blocks */
    MD_HTML_LINE,     /* a paragraph's text (<p>, <div>, <summary>, bare text) */
    MD_HTML_HEADING,  /* <h1>..<h6>; level 1..6 */
    MD_HTML_ITEM,     /* <li>; level: the lists around it (1: outermost) */
    MD_HTML_ROW,      /* <tr> with a data cell */
    MD_HTML_HEAD_ROW, /* <tr> of header cells only: names columns */
    MD_HTML_TABLE,    /* <table> opens (no text): the table is layout */
} MdHtmlKind;

typedef struct {
    uint8_t kind;  /* MdHtmlKind */
    uint8_t level; /* of a heading, or an item's list depth */
    bool has_list; /* an item with a list inside it */
    /* A heading's, item's, row's or table's element, from its opening tag to
     * its closing tag (or where the block ends); a line's text. */
    RlsSpan span;
    uint32_t first_event, n_events; /* in MdHtml.events */
} MdHtmlBlock;

typedef struct {
    MdHtmlBlock *blocks;
    uint32_t n_blocks;
    size_t cap_blocks;
    MdEvent *events; /* offsets relative to 0 */
    uint32_t n_events;
    size_t cap_events;
} MdHtml;

/* Reads the raw HTML src[start_byte, end_byte) into self (zeroed or closed
 * before) as blocks of text in document order. Tags and attributes are no
 * text; script, style, template and hidden elements are skipped whole;
 * character references are decoded; <strong>, <b>, <em> and <i> are markup,
 * <br> a line break, <a href> a link. Linear in the input, whatever its
 * nesting (elements deeper than 256 are read as if not opened). Owned;
 * free with rls_md_html_close. */
void rls_md_html_read(MdHtml *self, const char *src, uint32_t start_byte, uint32_t end_byte);
void rls_md_html_close(MdHtml *self);

/* Whether p[0..n) opens with a block-level tag ("<h3>", "<div class=x>",
 * "<li>", "</p>"): text that renders as blocks of its own. */
bool rls_md_html_opens_block(const char *p, size_t n);

/* What an inline tag src[0..n) ('<' to '>') does to a Markdown paragraph's
 * text: 1 it opens markup (<strong>, <b>, <em>, <i>), -1 it closes it, 0
 * neither (a word break). */
int rls_md_html_markup(const char *p, size_t n);

#endif /* RLS_PARSE_MD_INTERNAL_H_ */
