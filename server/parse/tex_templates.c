/*
 * tex_templates.c - what the macros of the common resume templates mean.
 *
 * Supporting a new template is mostly a row here: which macro is a heading,
 * an entry, a bullet, and which argument holds what. Rows with nargs != 0
 * apply to that arity only, which is how same-named macros of different
 * templates are told apart (Awesome-CV's 5-argument \cventry versus
 * moderncv's 6-argument one).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "parse/tex_internal.h"
#include "rls/alloc.h"

#define ROW(n, r)                                                                                  \
    { .name = (n), .role = (r) }
#define FMT(n) ROW(n, RLS_TEX_FORMAT)
#define DROP(n) ROW(n, RLS_TEX_DROP)
#define HEAD(n, a)                                                                                 \
    { .name = (n), .role = RLS_TEX_HEADING, .text_arg = (a) }
#define BULLET(n) ROW(n, RLS_TEX_BULLET)
#define CONTACT(n, k)                                                                              \
    { .name = (n), .role = RLS_TEX_CONTACT, .text_arg = 1, .contact_kind = (k) }

static const RlsTexMacro tex__builtin[] = {
    /* Formatting: the text of every curly argument is kept. */
    FMT("textbf"),
    FMT("textit"),
    FMT("emph"),
    FMT("underline"),
    FMT("textsc"),
    FMT("textsl"),
    FMT("texttt"),
    FMT("textrm"),
    FMT("textsf"),
    FMT("textmd"),
    FMT("textup"),
    FMT("textnormal"),
    FMT("uline"),
    FMT("small"),
    FMT("large"),
    FMT("Large"),
    FMT("LARGE"),
    FMT("huge"),
    FMT("Huge"),
    FMT("tiny"),
    FMT("scriptsize"),
    FMT("footnotesize"),
    FMT("normalsize"),
    FMT("bfseries"),
    FMT("itshape"),
    FMT("scshape"),
    FMT("mbox"),
    FMT("makebox"),
    FMT("hbox"),
    FMT("textsuperscript"),
    FMT("textsubscript"),
    FMT("en"),
    FMT("mbox"),
    FMT("centerline"),
    FMT("hyperlink"),
    FMT("ce"),
    FMT("bf"),
    FMT("it"),
    FMT("sc"),
    FMT("sf"),
    FMT("tt"),
    FMT("rm"),
    FMT("strong"),
    FMT("cvparagraph"),
    FMT("fbox"),
    FMT("framebox"),
    /* Only the last argument is text. */
    ROW("textcolor", RLS_TEX_KEEP_LAST),
    ROW("color", RLS_TEX_KEEP_LAST),
    ROW("colorbox", RLS_TEX_KEEP_LAST),
    ROW("raisebox", RLS_TEX_KEEP_LAST),
    ROW("parbox", RLS_TEX_KEEP_LAST),
    ROW("hrefWithoutArrow", RLS_TEX_KEEP_LAST),
    ROW("resizebox", RLS_TEX_KEEP_LAST),
    ROW("scalebox", RLS_TEX_KEEP_LAST),
    ROW("multirow", RLS_TEX_KEEP_LAST),
    ROW("multicolumn", RLS_TEX_KEEP_LAST),
    /* No text at all. */
    {.name = "vspace", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "addvspace", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "setcolumnwidth", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "hspace", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "setlength", .role = RLS_TEX_DROP, .arity = 2},
    {.name = "addtolength", .role = RLS_TEX_DROP, .arity = 2},
    DROP("titleformat"),
    DROP("titlespacing"),
    {.name = "pagestyle", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "thispagestyle", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "pagenumbering", .role = RLS_TEX_DROP, .arity = 1},
    DROP("fancyhf"),
    {.name = "geometry", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "setlist", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "colorlet", .role = RLS_TEX_DROP, .arity = 2},
    {.name = "urlstyle", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "hypersetup", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "rule", .role = RLS_TEX_DROP, .arity = 2},
    {.name = "phantom", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "hphantom", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "vphantom", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "columnratio", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "setbool", .role = RLS_TEX_DROP, .arity = 2},
    {.name = "fontsize", .role = RLS_TEX_DROP, .arity = 2},
    DROP("setmainfont"),
    DROP("setsansfont"),
    DROP("setmonofont"),
    DROP("newfontfamily"),
    DROP("moderncvstyle"),
    DROP("moderncvcolor"),
    DROP("moderncvtheme"),
    DROP("kern"),
    {.name = "cite", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "nocite", .role = RLS_TEX_DROP, .arity = 1},
    DROP("bibliography"),
    DROP("bibliographystyle"),
    DROP("printbibliography"),
    {.name = "label", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "ref", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "pageref", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "zh", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "mynames", .role = RLS_TEX_DROP, .arity = 1},
    DROP("wheelchart"),
    DROP("AtBeginEnvironment"),
    DROP("newsavebox"),
    DROP("sbox"),
    {.name = "setcounter", .role = RLS_TEX_DROP, .arity = 2},
    {.name = "addtocounter", .role = RLS_TEX_DROP, .arity = 2},
    DROP("renewcommand"),
    DROP("newcommand"),
    DROP("def"),
    {.name = "definecolor", .role = RLS_TEX_DROP, .arity = 3},
    DROP("selectfont"),
    {.name = "linespread", .role = RLS_TEX_DROP, .arity = 1},
    DROP("documentclass"),
    {.name = "usepackage", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "input", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "include", .role = RLS_TEX_DROP, .arity = 1},
    DROP("hyphenation"),
    {.name = "enlargethispage", .role = RLS_TEX_DROP, .arity = 1},
    DROP("setuphighlights"),
    DROP("cvref"),
    DROP("makecvtitle"),
    DROP("makecvheader"),
    {.name = "date", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "quote", .role = RLS_TEX_DROP, .arity = 1},
    DROP("lastupdated"),
    DROP("extracolsep"),
    DROP("titlerule"),
    DROP("skillbar"),
    {.name = "vskip", .role = RLS_TEX_DROP, .arity = 1},
    {.name = "hskip", .role = RLS_TEX_DROP, .arity = 1},
    DROP("cvlistdoubleitem_unused"),
    /* Section headings of the resume classes (\section itself is a grammar node). */
    HEAD("cvsection", 1),
    HEAD("sectionTitle", 1),
    HEAD("cvsubsection", 1),
    HEAD("resumeSection", 1),
    HEAD("sectiontitle", 1),
    HEAD("mysection", 1),
    /* europasscv, the Europass class: "\\ecvtitle{dates}{role}", and
     * "\\ecvtitlelevel{dates}{degree}{level}" for a degree. */
    HEAD("ecvsection", 1),
    {.name = "ecvtitle", .role = RLS_TEX_ENTRY, .nargs = 2, .dates_arg = 1, .title_arg = 2},
    {.name = "ecvtitlelevel", .role = RLS_TEX_ENTRY, .nargs = 3, .dates_arg = 1, .title_arg = 2},
    /* Jake's Resume / sb2nov. */
    {.name = "resumeSubheading",
     .role = RLS_TEX_ENTRY,
     .nargs = 4,
     .title_arg = 1,
     .dates_arg = 2,
     .org_arg = 3,
     .location_arg = 4,
     .flags = RLS_TEX_F_SWAP_EDU},
    {.name = "resumeHeading",
     .role = RLS_TEX_ENTRY,
     .nargs = 4,
     .title_arg = 1,
     .dates_arg = 2,
     .org_arg = 3,
     .location_arg = 4,
     .flags = RLS_TEX_F_SWAP_EDU},
    {.name = "resumeSubSubheading", .role = RLS_TEX_ENTRY, .title_arg = 1, .dates_arg = 2},
    {.name = "resumeProjectHeading", .role = RLS_TEX_ENTRY, .title_arg = 1, .dates_arg = 2},
    BULLET("resumeItem"),
    BULLET("resumeSubItem"),
    BULLET("resumeItemWithoutTitle"),
    /* moderncv: \cventry{dates}{title}{employer}{city}{grade}{description}. */
    {.name = "cventry",
     .role = RLS_TEX_ENTRY,
     .nargs = 6,
     .dates_arg = 1,
     .title_arg = 2,
     .org_arg = 3,
     .location_arg = 4,
     .note_arg = 5,
     .body_arg = 6},
    {.name = "cventry",
     .role = RLS_TEX_ENTRY,
     .nargs = 7,
     .dates_arg = 1,
     .title_arg = 2,
     .org_arg = 3,
     .location_arg = 4,
     .note_arg = 5,
     .body_arg = 6},
    /* Awesome-CV: \cventry{title}{org}{location}{dates}{items}. */
    {.name = "cventry",
     .role = RLS_TEX_ENTRY,
     .title_arg = 1,
     .org_arg = 2,
     .location_arg = 3,
     .dates_arg = 4,
     .body_arg = 5},
    {.name = "cvsubentry", .role = RLS_TEX_ENTRY, .title_arg = 2, .dates_arg = 3, .body_arg = 4},
    {.name = "cvhonor",
     .role = RLS_TEX_ENTRY,
     .title_arg = 1,
     .org_arg = 2,
     .location_arg = 3,
     .dates_arg = 4},
    {.name = "cvitem", .role = RLS_TEX_LABELED},
    {.name = "cvitemwithcomment", .role = RLS_TEX_LABELED},
    {.name = "cvdoubleitem", .role = RLS_TEX_SKILL},
    {.name = "cvskill", .role = RLS_TEX_SKILL},
    {.name = "cvtag", .role = RLS_TEX_SKILL},
    BULLET("cvlistitem"),
    BULLET("cvlistdoubleitem"),
    /* AltaCV: \cvevent{title}{org}{dates}{location}. */
    {.name = "cvevent",
     .role = RLS_TEX_ENTRY,
     .title_arg = 1,
     .org_arg = 2,
     .dates_arg = 3,
     .location_arg = 4},
    {.name = "cvachievement", .role = RLS_TEX_BULLET, .flags = RLS_TEX_F_ICON_FIRST},
    /* Deedy: \runsubsection{org} \descript{| title} \location{dates | place}. */
    {.name = "runsubsection", .role = RLS_TEX_ENTRY, .org_arg = 1},
    {.name = "descript", .role = RLS_TEX_AMEND, .title_arg = 1},
    {.name = "location", .role = RLS_TEX_AMEND, .location_arg = 1},
    /* billryan / 0xPoe: \datedsubsection{org}{dates} \role{title}{detail}. */
    {.name = "datedsubsection",
     .role = RLS_TEX_ENTRY,
     .org_arg = 1,
     .dates_arg = 2,
     .flags = RLS_TEX_F_BOLD_ORG},
    {.name = "datedline", .role = RLS_TEX_ENTRY, .title_arg = 1, .dates_arg = 2},
    {.name = "role", .role = RLS_TEX_AMEND, .title_arg = 1},
    /* friggeri: \entry{dates}{title}{org}{description}. */
    {.name = "entry",
     .role = RLS_TEX_ENTRY,
     .nargs = 4,
     .dates_arg = 1,
     .title_arg = 2,
     .org_arg = 3,
     .body_arg = 4},
    /* YAAC: \experience{end}{title}{org}{place}{start}{description}{skills}. */
    {.name = "experience",
     .role = RLS_TEX_ENTRY,
     .nargs = 7,
     .dates_end_arg = 1,
     .title_arg = 2,
     .org_arg = 3,
     .location_arg = 4,
     .dates_arg = 5,
     .body_arg = 6,
     .skills_arg = 7},
    /* twentysecondcv: \twentyitem{dates}{title}{place}{description}, and the
     * 6-argument variant {dates}{duration}{title}{org}{}{description}. */
    {.name = "twentyitem",
     .role = RLS_TEX_ENTRY,
     .nargs = 4,
     .dates_arg = 1,
     .title_arg = 2,
     .location_arg = 3,
     .body_arg = 4},
    {.name = "twentyitem",
     .role = RLS_TEX_ENTRY,
     .nargs = 6,
     .dates_arg = 1,
     .title_arg = 3,
     .org_arg = 4,
     .body_arg = 6},
    /* Contacts. */
    CONTACT("email", RLS_CONTACT_EMAIL),
    CONTACT("phone", RLS_CONTACT_PHONE),
    CONTACT("mobile", RLS_CONTACT_PHONE),
    CONTACT("homepage", RLS_CONTACT_LINK),
    CONTACT("github", RLS_CONTACT_LINK),
    CONTACT("linkedin", RLS_CONTACT_LINK),
    CONTACT("gitlab", RLS_CONTACT_LINK),
    CONTACT("twitter", RLS_CONTACT_LINK),
    CONTACT("xtwitter", RLS_CONTACT_LINK),
    CONTACT("social", RLS_CONTACT_LINK),
    CONTACT("orcid", RLS_CONTACT_LINK),
    CONTACT("stackoverflow", RLS_CONTACT_LINK),
    CONTACT("website", RLS_CONTACT_LINK),
    CONTACT("cvemail", RLS_CONTACT_EMAIL),
    CONTACT("cvphone", RLS_CONTACT_PHONE),
    CONTACT("cvsite", RLS_CONTACT_LINK),
    /* twentysecondcv's sidebar. */
    CONTACT("cvmail", RLS_CONTACT_EMAIL),
    CONTACT("cvnumberphone", RLS_CONTACT_PHONE),
    CONTACT("cvlinkedin", RLS_CONTACT_LINK),
    CONTACT("cvgithub", RLS_CONTACT_LINK),
    /* Page headers and footers. */
    ROW("fancyhead", RLS_TEX_HEADFOOT),
    ROW("fancyfoot", RLS_TEX_HEADFOOT),
    ROW("lhead", RLS_TEX_HEADFOOT),
    ROW("chead", RLS_TEX_HEADFOOT),
    ROW("rhead", RLS_TEX_HEADFOOT),
    ROW("lfoot", RLS_TEX_HEADFOOT),
    ROW("cfoot", RLS_TEX_HEADFOOT),
    ROW("rfoot", RLS_TEX_HEADFOOT),
    ROW("makecvfooter", RLS_TEX_HEADFOOT),
    /* Photos. */
    ROW("photo", RLS_TEX_IMAGE),
    ROW("photoR", RLS_TEX_IMAGE),
    ROW("photoL", RLS_TEX_IMAGE),
    ROW("profilepic", RLS_TEX_IMAGE),
    /* Header lines set apart by the class. */
    ROW("name", RLS_TEX_LINE),
    ROW("tagline", RLS_TEX_LINE),
    /* moderncv's cover letter follows the resume in the same file. */
    ROW("recipient", RLS_TEX_STOP),
    ROW("makelettertitle", RLS_TEX_STOP),
};

static const RlsTexMacro *tex__sorted[RLS_ARRAY_LEN(tex__builtin)];
static pthread_once_t tex__sorted_once = PTHREAD_ONCE_INIT;

static int tex__cmp_rows(const void *a, const void *b) {
    const RlsTexMacro *x = *(const RlsTexMacro *const *)a;
    const RlsTexMacro *y = *(const RlsTexMacro *const *)b;
    int c = strcmp(x->name, y->name);
    if (c) return c;
    /* Arity-specific rows before the catch-all of the same name. */
    if ((x->nargs == 0) != (y->nargs == 0)) return x->nargs == 0 ? 1 : -1;
    return (x > y) - (x < y);
}

static void tex__sort(void) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(tex__builtin); i++)
        tex__sorted[i] = &tex__builtin[i];
    qsort(tex__sorted, RLS_ARRAY_LEN(tex__builtin), sizeof(const RlsTexMacro *), tex__cmp_rows);
}

/* Orders as tex__cmp_rows does; name is source text and may hold NUL bytes,
 * so the row's own length bounds the comparison. */
static int tex__cmp_name(const char *name, size_t len, const char *row) {
    size_t row_len = strlen(row);
    int c = memcmp(name, row, len < row_len ? len : row_len);
    if (c) return c;
    return (len > row_len) - (len < row_len);
}

const RlsTexMacro *rls_tex_builtin_macro(const char *name, size_t len, unsigned nargs) {
    pthread_once(&tex__sorted_once, tex__sort);
    size_t lo = 0, hi = RLS_ARRAY_LEN(tex__builtin);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (tex__cmp_name(name, len, tex__sorted[mid]->name) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const RlsTexMacro *any = NULL;
    for (size_t i = lo; i < RLS_ARRAY_LEN(tex__builtin); i++) {
        const RlsTexMacro *row = tex__sorted[i];
        if (tex__cmp_name(name, len, row->name) != 0) break;
        if (row->nargs == nargs) return row;
        if (row->nargs == 0 && !any) any = row;
    }
    return any;
}

/* ---- The per-parse table ------------------------------------------------- */

void rls_tex_macros_init(RlsTexMacros *self, const RlsParseOptions *opts) {
    memset(self, 0, sizeof(*self));
    self->opts = opts;
}

void rls_tex_macros_close(RlsTexMacros *self) {
    for (size_t i = 0; i < self->n; i++)
        rls_free((char *)self->items[i].name);
    rls_free(self->items);
    memset(self, 0, sizeof(*self));
}

void rls_tex_macros_add(RlsTexMacros *self, const RlsTexMacro *macro, const char *name,
                        size_t len) {
    RlsTexMacro m = *macro;
    m.name = rls_strndup(name, len);
    RLS_PUSH(self->items, self->n, self->cap, m);
}

static bool tex__user_lookup(const RlsParseOptions *opts, const char *name, size_t len,
                             RlsTexMacro *out) {
    if (!opts) return false;
    for (size_t i = 0; i < opts->n_macros; i++) {
        const RlsMacroSpec *spec = &opts->macros[i];
        if (!spec->name) continue;
        const char *n = spec->name[0] == '\\' ? spec->name + 1 : spec->name;
        if (strlen(n) != len || memcmp(n, name, len) != 0) continue;
        memset(out, 0, sizeof(*out));
        out->name = n;
        switch (spec->role) {
        case RLS_MACRO_BULLET:
            out->role = RLS_TEX_BULLET;
            out->text_arg = spec->text_arg;
            break;
        case RLS_MACRO_HEADING:
            out->role = RLS_TEX_HEADING;
            out->text_arg = spec->text_arg ? spec->text_arg : 1;
            break;
        case RLS_MACRO_ENTRY:
            out->role = RLS_TEX_ENTRY;
            out->title_arg = spec->title_arg;
            out->org_arg = spec->org_arg;
            out->location_arg = spec->location_arg;
            out->dates_arg = spec->dates_arg;
            out->body_arg = spec->text_arg;
            break;
        }
        return true;
    }
    return false;
}

bool rls_tex_macros_lookup(const RlsTexMacros *self, const char *name, size_t len, unsigned nargs,
                           RlsTexMacro *out) {
    if (tex__user_lookup(self->opts, name, len, out)) return true;
    /* The last definition wins, as in TeX. */
    for (size_t i = self->n; i-- > 0;) {
        const RlsTexMacro *m = &self->items[i];
        if (strlen(m->name) == len && memcmp(m->name, name, len) == 0) {
            *out = *m;
            return true;
        }
    }
    const RlsTexMacro *row = rls_tex_builtin_macro(name, len, nargs);
    if (row) {
        *out = *row;
        return true;
    }
    return false;
}

bool rls_tex_role_is_structural(RlsTexRole role) {
    switch (role) {
    case RLS_TEX_HEADING:
    case RLS_TEX_ENTRY:
    case RLS_TEX_AMEND:
    case RLS_TEX_BULLET:
    case RLS_TEX_LABELED:
    case RLS_TEX_SKILL:
    case RLS_TEX_CONTACT:
    case RLS_TEX_HEADFOOT:
    case RLS_TEX_IMAGE:
    case RLS_TEX_STOP:
    case RLS_TEX_LINE:
        return true;
    default:
        return false;
    }
}

/* ---- Environments ---------------------------------------------------------- */

static bool tex__in(const char *name, size_t len, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], name, len) == 0) return true;
    return false;
}

bool rls_tex_env_is_list(const char *name, size_t len) {
    static const char *const lists[] = {
        "itemize",     "enumerate",     "description", "cvitems",      "tightemize",
        "compactitem", "compactenum",   "highlights",  "itemize*",     "enumerate*",
        "inparaitem",  "cvhonors_list", "rSubsection", "tightitemize", "bullets",
    };
    return tex__in(name, len, lists, RLS_ARRAY_LEN(lists));
}

unsigned rls_tex_env_arg_count(const char *name, size_t len) {
    static const char *const one[] = {"tabular",    "minipage",          "multicols", "multicols*",
                                      "paracol",    "longtable",         "array",     "twocolentry",
                                      "wrapfigure", "rSubsection_unused"};
    static const char *const two[] = {"tabular*", "tabularx", "tabulary", "tabu", "CJK", "CJK*"};
    if (tex__in(name, len, one, RLS_ARRAY_LEN(one))) return 1;
    if (tex__in(name, len, two, RLS_ARRAY_LEN(two))) return 2;
    return 0;
}

int rls_tex_env_layout(const char *name, size_t len) {
    static const char *const tables[] = {"tabular",   "tabular*", "tabularx", "tabulary",
                                         "longtable", "tabu",     "table"};
    static const char *const columns[] = {"multicols", "multicols*", "minipage", "paracol",
                                          "multicol",  "wrapfigure", "aside"};
    if (tex__in(name, len, tables, RLS_ARRAY_LEN(tables))) return RLS_LAYOUT_TABLE;
    if (tex__in(name, len, columns, RLS_ARRAY_LEN(columns))) return RLS_LAYOUT_COLUMNS;
    return -1;
}

int rls_tex_env_entry(const char *name, size_t len) {
    if (tex__in(name, len, (const char *const[]){"twocolentry"}, 1)) return 2;
    if (tex__in(name, len, (const char *const[]){"onecolentry"}, 1)) return 1;
    return 0;
}

bool rls_tex_env_obeys_lines(const char *name, size_t len) {
    /* friggeri-cv's sidebar lists one item per source line. */
    static const char *const envs[] = {"aside"};
    return tex__in(name, len, envs, RLS_ARRAY_LEN(envs));
}

bool rls_tex_is_icon(const char *name, size_t len) {
    /* fontawesome: \faGithub, \faIcon{github}, \faIcon*; marvosym's phone/mail. */
    if (len >= 3 && name[0] == 'f' && name[1] == 'a' && name[2] >= 'A' && name[2] <= 'Z')
        return true;
    static const char *const others[] = {"Letter", "Mobilefone", "Telefon", "Email",
                                         "ding",   "Mundus",     "Envelope"};
    return tex__in(name, len, others, RLS_ARRAY_LEN(others));
}
