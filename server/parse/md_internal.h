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

#include <tree_sitter/api.h>

#include "model/builder.h"
#include "parse/formats.h"
#include "rls/hash.h"
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

/* The plain text of block b of self, read from src with pb, into *out
 * (owned; free with rls_plain_free): its words only, markup, links and
 * comments left out, so nothing reaches a model. */
void rls_md_html_plain(const MdHtml *self, const MdHtmlBlock *b, const char *src,
                       RlsPlainBuilder *pb, RlsPlain *out);

/* Whether p[0..n) opens with a block-level tag ("<h3>", "<div class=x>",
 * "<li>", "</p>"): text that renders as blocks of its own. */
bool rls_md_html_opens_block(const char *p, size_t n);

/* What an inline tag src[0..n) ('<' to '>') does to a Markdown paragraph's
 * text: 1 it opens markup (<strong>, <b>, <em>, <i>), -1 it closes it, 0
 * neither (a word break). */
int rls_md_html_markup(const char *p, size_t n);

/* ---- The parse (markdown.c) ------------------------------------------------------ */

/* What walking one inline run did, as replayable steps (MdEvent) with
 * offsets relative to the run's first byte. The inline parse and walk of a
 * run depend only on its bytes and range layout, so a run that did not
 * change since the last parse (every run but the one being typed in)
 * replays its steps instead of being parsed again: the inline grammar was
 * most of the per-keystroke cost (issue 9). */
typedef struct {
    uint64_t hash; /* 0: empty slot */
    uint32_t n_ranges;
    uint32_t *ranges; /* n_ranges pairs (start, end), relative to the first start */
    char *bytes;      /* the ranges' bytes, concatenated */
    uint32_t n_bytes;
    MdEvent *events;
    uint32_t n_events;
    uint32_t generation; /* of the last parse that used it */
} MdRun;

/* The role of a block capture (the capture names of
 * grammars/queries/markdown.scm). */
typedef enum {
    MD_CAP_HEADING,
    MD_CAP_ITEM,
    MD_CAP_PARAGRAPH,
    MD_CAP_HTML,
    MD_CAP_TABLE,
    MD_CAP_SKIP,
    MD_CAP_INDENTED,
    MD_CAP_ERROR,
    MD_CAP_LINK,
    MD_CAP_AUTOLINK,
    MD_CAP_IMAGE,
    MD_CAP_LIST,
    MD_CAP_UNKNOWN,
} MdCap;

#define MD_MAX_BOUNDS 48
#define MD_MAX_LINKS 16
#define MD_MAX_RANGES 256
/* Longest inline run (bytes) handed to the inline grammar; see md__run. */
#define MD_INLINE_MAX_BYTES 4096u
#define MD_INLINE_MAX_BRACKETS 32u

/* The text of one inline run, plus what the walk noticed about its markup. */
typedef struct {
    RlsPlain plain;
    uint32_t bounds[MD_MAX_BOUNDS]; /* plain offsets where emphasis, code or HTML begin or end */
    uint32_t n_bounds;
    uint32_t markup_len;         /* plain bytes inside emphasis, strong or code */
    RlsSpan links[MD_MAX_LINKS]; /* link destinations and autolinks (source) */
    uint32_t n_links;
    RlsSpan span; /* source bytes the text came from */
    uint32_t n_lines;
} MdText;

/* The block after a heading, as md__group_label asks about it: a
 * capture, or a block of an HTML block (no node). */
typedef struct {
    MdCap cap;
    uint16_t level; /* of a heading */
    uint32_t start_byte, end_byte;
    TSNode node;
} MdNext;

/* A heading's words (md__heading_words), from a Markdown heading or an
 * HTML one. */
typedef struct {
    char text[256];
    size_t len;
} MdWords;

/* A heading as the level plan sees it, from Markdown or HTML. */
typedef struct {
    uint16_t level;
    uint32_t start_byte;
    TSNode inl;                   /* a Markdown heading's inline; null for HTML */
    uint32_t words_at, words_len; /* an HTML heading's text, in Md.head_words */
    bool has_text;
} MdHead;

/* One parse's state: the source, the model being built, and where the
 * walk of the captures is. */
typedef struct {
    const char *src;
    uint32_t len;
    RlsMdParser *parser;
    RlsModelBuilder mb;
    RlsPlainBuilder pb;
    uint32_t *line_starts; /* byte offset of each "\n" row, for TSPoint */
    uint32_t n_lines;
    uint16_t section_level;
    bool has_name;
    bool header_above; /* headings above the section level, before it, are the header */
    uint32_t name_start_byte;
    RlsSectionKind kind;          /* of the current section */
    int32_t fresh_entry;          /* entry with nothing under it yet, or -1 */
    bool slot_layout;             /* the current section dates its entries with slots */
    bool bold_sections;           /* sections start at bold lines (md__bold_heading) */
    uint32_t entry_item_end_byte; /* end of the list item read as an entry, or 0 */
    uint32_t entry_item_depth;    /* the lists around that item */
    int32_t group_entry;          /* an employer's heading over role headings, or -1 */
    uint16_t group_level;
    uint16_t fresh_entry_level;
    /* The level of the heading that opened the current role (0: the role
     * came from a line, or there is none): a deeper undated heading under
     * it ("#### Responsibilities", "#### Stack") labels the role's items. */
    uint16_t role_level;
    /* A level below the plan's at which a section heading was met among
     * roles ("### Awards" after "### Engineer, Acme (2019)"): the section
     * words there start sections too. 0: none. */
    uint16_t deep_section_level;
    char *skill_category; /* owned */
    char *entry_heading;  /* text of the heading of the last entry made from one; owned */
    int markup_depth;
    uint32_t markup_start;
    uint32_t walk_depth; /* md__walk calls, one inside the other */
    MdEvent *rec;        /* steps of the run being walked */
    uint32_t n_rec;
    size_t cap_rec;
    uint32_t rec_base; /* the run's first byte */
    /* Nesting, tracked from the captures' order instead of asked of the
     * tree: ts_node_parent costs a walk down from the root every time. */
    uint32_t *list_ends; /* end bytes of the lists around the current capture */
    uint32_t n_lists;
    size_t cap_lists;
    char **labels; /* link reference labels the document defines, as md__label_key */
    uint32_t n_labels;
    size_t cap_labels;
    RlsParseBudget *budget; /* shared by the block parse and every inline run */
    MdRun once;             /* a run that timed out: replayed, not kept */
    uint32_t *item_paras;   /* start bytes of paragraphs read as part of an item */
    uint32_t n_item_paras, next_item_para;
    size_t cap_item_paras;
    /* Whether every item of the list last asked about is dated
     * (md__items_all_dated, asked for each of its items): the list's end
     * byte (0 for none yet) and depth, as a nested list may end with it. */
    uint32_t dated_list_end, dated_list_depth;
    bool dated_list_all;
    MdHead *heads; /* every heading, for the level plan */
    uint32_t n_heads;
    size_t cap_heads;
    RlsBuf head_words;
} Md;

/* ---- Contacts, skills, lines (md_fields.c) ---------------------------------------- */

/* Contact items in a text: everything in the header; elsewhere only emails
 * and phones (a closing "<me@x.org> • +1 555 ..." line), plus the links that
 * sit beside them. Borrows t. */
void rls_md_contacts(Md *md, const MdText *t, bool header);
/* A skills text split at its source line breaks, each line a category and
 * items. Borrows t. */
void rls_md_skills(Md *md, const MdText *t);
/* Whether plain byte i of p is a space that stands for a line break in
 * the source: a newline, or an HTML <br>. */
bool rls_md_breaks_line(const Md *md, const RlsPlain *p, uint32_t i);

#endif /* RLS_PARSE_MD_INTERNAL_H_ */
