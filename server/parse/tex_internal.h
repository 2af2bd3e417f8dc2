/*
 * tex_internal.h - pieces of the LaTeX parser shared between latex.c (the
 * model walk), tex_unescape.c (text extraction) and tex_templates.c (the
 * macro tables of the common resume templates).
 */
#ifndef RLS_PARSE_TEX_INTERNAL_H_
#define RLS_PARSE_TEX_INTERNAL_H_

#include <tree_sitter/api.h>

#include "model/builder.h"
#include "parse/formats.h"
#include "rls/parse.h"

const TSLanguage *tree_sitter_latex(void);

/* ---- Macro roles --------------------------------------------------------- */

typedef enum {
    RLS_TEX_NONE = 0,  /* unknown: its curly arguments are text */
    RLS_TEX_FORMAT,    /* formatting: keep the text of every curly argument */
    RLS_TEX_DROP,      /* layout or metadata: no text at all */
    RLS_TEX_KEEP_LAST, /* \textcolor{c}{text}: only the last argument is text */
    RLS_TEX_HEADING,   /* a section heading: text_arg */
    RLS_TEX_ENTRY,     /* a role/degree header: title/org/location/dates args */
    RLS_TEX_AMEND,     /* amends the current entry (\role, \descript, \location) */
    RLS_TEX_BULLET,    /* one bullet: every curly argument, joined by ": " */
    RLS_TEX_LABELED,   /* "label: text" line (\cvitem): skills or a paragraph */
    RLS_TEX_SKILL,     /* skill macro (\cvskill, \cvtag, \cvdoubleitem) */
    RLS_TEX_CONTACT,   /* \email{..}, \phone{..}, \github{..} */
    RLS_TEX_HEADFOOT,  /* page header / footer text (\fancyfoot{..}) */
    RLS_TEX_IMAGE,     /* a photo macro (\photo, \profilepic) */
    RLS_TEX_STOP,      /* the resume ends here (moderncv's cover letter) */
    RLS_TEX_LINE,      /* its arguments are a line of their own (AltaCV's \name, \tagline) */
} RlsTexRole;

typedef struct {
    const char *name; /* without the backslash */
    RlsTexRole role;
    uint8_t nargs;     /* 0: any arity; else this row applies to exactly nargs */
    uint8_t text_arg;  /* HEADING / BULLET / LABELED text; CONTACT value */
    uint8_t title_arg; /* ENTRY fields (1-based, 0 = none) */
    uint8_t org_arg;
    uint8_t location_arg;
    uint8_t dates_arg;
    uint8_t dates_end_arg; /* when start and end dates are separate arguments */
    uint8_t body_arg;      /* holds the entry's bullets / description */
    uint8_t skills_arg;    /* a comma list of skills (YAAC \experience) */
    uint8_t note_arg;      /* on the header line with no field of its own (moderncv's
                              grade): a line under the entry */
    uint8_t flags;
    uint8_t contact_kind; /* RlsContactKind for CONTACT */
    uint8_t arity;        /* DROP: arguments it takes (later braces are text); 0: all */
} RlsTexMacro;

/* ENTRY: when the dates argument does not look like a date but the 4th does,
 * the layout is Jake's education variant: {org}{location}{title}{dates}. */
#define RLS_TEX_F_SWAP_EDU 0x01
/* ENTRY with no fixed fields: assign by content (date-looking argument ->
 * dates, the rest -> title, org, location in order). */
#define RLS_TEX_F_GUESS 0x02
/* ENTRY: in the organisation argument, the bold part is the organisation
 * and the text after it the place ("\textbf{School}, City"). */
#define RLS_TEX_F_BOLD_ORG 0x08
/* BULLET: a second macro argument is the item's description. */
#define RLS_TEX_F_ICON_FIRST 0x04

/* Looks a macro up in the built-in template tables for the given number of
 * curly arguments; NULL when unknown. */
const RlsTexMacro *rls_tex_builtin_macro(const char *name, size_t len, unsigned nargs);

/* ---- Per-parse macro table: built-ins, user macros, inferred macros ----- */

typedef struct {
    RlsTexMacro *items; /* owned; names owned */
    size_t n, cap;
    const RlsParseOptions *opts; /* borrowed */
} RlsTexMacros;

void rls_tex_macros_init(RlsTexMacros *self, const RlsParseOptions *opts);
void rls_tex_macros_close(RlsTexMacros *self);
/* Records a macro learnt from a \newcommand in the document. */
void rls_tex_macros_add(RlsTexMacros *self, const RlsTexMacro *macro, const char *name, size_t len);
/* Resolves a command name: user configuration first, then the document's own
 * definitions, then the built-in tables. Fills *out and returns true when
 * known. */
bool rls_tex_macros_lookup(const RlsTexMacros *self, const char *name, size_t len, unsigned nargs,
                           RlsTexMacro *out);

/* Whether a command produces a page structure the model records itself
 * (headings, entries, bullets...), so text extraction must skip it. */
bool rls_tex_role_is_structural(RlsTexRole role);

/* Environment tables. */
bool rls_tex_env_is_list(const char *name, size_t len);
/* Number of mandatory arguments an environment takes after \begin{name}
 * (tabular's column spec, minipage's width), which are not text. */
unsigned rls_tex_env_arg_count(const char *name, size_t len);
/* RLS_LAYOUT_TABLE / RLS_LAYOUT_COLUMNS for layout environments, else -1. */
int rls_tex_env_layout(const char *name, size_t len);
/* Entry environments (RenderCV): 2 when the first argument is the dates
 * column (twocolentry), 1 without dates (onecolentry), 0 for others. */
int rls_tex_env_entry(const char *name, size_t len);
/* Environments that typeset each source line as its own line (\obeycr). */
bool rls_tex_env_obeys_lines(const char *name, size_t len);
/* Icon macro (\faGithub, \faIcon{..}, marvosym's \Letter...). */
bool rls_tex_is_icon(const char *name, size_t len);

/* ---- Text extraction (tex_unescape.c) ------------------------------------ */

typedef struct RlsTexText RlsTexText;
/* Called at a hard line break (\\, \newline, \par, a blank line) when the
 * walker splits lines: the receiver finishes the current line. */
typedef void (*RlsTexLineBreakFn)(void *ud, uint32_t start_byte, uint32_t end_byte);

struct RlsTexText {
    const char *src;
    uint32_t src_len;
    RlsPlainBuilder *pb;
    const RlsTexMacros *macros;
    RlsTexLineBreakFn on_line; /* NULL: hard breaks are spaces */
    /* Called for a structural node met inside running text (an entry macro
     * in the middle of a text node), so that the caller can handle it in
     * document order; NULL: such nodes are skipped. */
    /* Returns where the node's own text ends (past optional arguments the
     * grammar leaves as siblings). */
    uint32_t (*on_struct)(void *ud, TSNode node);
    void *ud;
    /* Every source newline is a hard line break (friggeri's aside sets
     * \\obeycr): needs on_line. */
    bool obey_lines;
    uint32_t consumed_to; /* bytes already turned into text by a ligature/accent */
    uint32_t last_end;    /* end of the last node seen, for word breaks */
    uint32_t depth;       /* nodes being walked, one inside the other */
};

/* Nodes nested deeper than this are read as their source text: the walk
 * recurses once per level, and a stack must not overflow on any input. */
#define RLS_TEX_TEXT_MAX_DEPTH 1000u

void rls_tex_text_init(RlsTexText *self, const char *src, uint32_t src_len, RlsPlainBuilder *pb,
                       const RlsTexMacros *macros);
/* Appends the text of a node (and everything below it) to the builder,
 * skipping structural commands, lists, comments and non-text arguments. */
void rls_tex_text_node(RlsTexText *self, TSNode node);
/* Notes that the walk jumped over source up to end_byte (a skipped node). */
void rls_tex_text_skip_to(RlsTexText *self, uint32_t end_byte);
/* Reads a command node's name (without backslash and trailing '*'). */
const char *rls_tex_command_name(const char *src, TSNode cmd, size_t *len);
/* Counts the curly-group arguments of a generic_command. */
unsigned rls_tex_curly_args(TSNode cmd, TSNode *args, unsigned max);

/* Standalone unescaping of a LaTeX fragment (tests, rewrites): parses
 * src[0..len) and fills *out (owned; free with rls_plain_free). */
void rls_tex_unescape(const char *src, uint32_t len, RlsPlain *out);

/* ---- Queries (latex.c) ------------------------------------------------------ */

/* Releases the process-wide compiled queries (tests call it before their
 * leak check; the parser recompiles lazily afterwards). */
void rls_tex_queries_release(void);

#endif /* RLS_PARSE_TEX_INTERNAL_H_ */
