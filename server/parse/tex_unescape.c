/*
 * tex_unescape.c - the text a reader sees in a piece of LaTeX.
 *
 * Walks a tree-sitter node and appends its visible text to an
 * RlsPlainBuilder with a source map:
 *   - formatting commands keep the text of their arguments (\textbf{x} -> x,
 *     \href{url}{text} -> text, \url{x} -> x); layout commands (\vspace{..})
 *     and optional arguments vanish; comments vanish (with the newline they
 *     swallow, as in TeX);
 *   - escapes resolve: \% \$ \& \# \_ \{ \} -> the character, ~ -> space,
 *     -- -> en dash, --- -> em dash, ``x'' -> "x" with curly quotes (a single
 *     ` or ' stays ASCII, so "user's" matches word lists), accents compose
 *     (\'e, \'{e}, {\"o}, \c{c} -> é ö ç; unknown pairs get a combining mark),
 *     \\ \newline \par break lines;
 *   - math: a formula that is one symbol becomes that character ($|$ -> |,
 *     $\sim$ -> ~, $\cdot$ -> ·, $\times$ -> ×, $\bullet$ -> •, $>$ -> >,
 *     $+$ ...) and anything else becomes the placeholder "[math]", so rules
 *     see that something is there without reading TeX syntax as words.
 * Structural macros (bullets, entries, headings...) are skipped: the model
 * walk in latex.c visits them on its own.
 */
#include <string.h>

#include "parse/formats.h"
#include "parse/tex_internal.h"
#include "rls/alloc.h"
#include "rls/dates.h"

void rls_tex_text_init(RlsTexText *self, const char *src, uint32_t src_len, RlsPlainBuilder *pb,
                       const RlsTexMacros *macros) {
    memset(self, 0, sizeof(*self));
    self->src = src;
    self->src_len = src_len;
    self->pb = pb;
    self->macros = macros;
}

const char *rls_tex_command_name(const char *src, TSNode cmd, size_t *len) {
    TSNode name = ts_node_child_by_field_name(cmd, "command", 7);
    if (ts_node_is_null(name)) name = cmd;
    uint32_t s = ts_node_start_byte(name), e = ts_node_end_byte(name);
    if (e > s && src[s] == '\\') s++;
    if (e > s + 1 && src[e - 1] == '*') e--;
    *len = e - s;
    return src + s;
}

unsigned rls_tex_curly_args(TSNode cmd, TSNode *args, unsigned max) {
    unsigned n = 0;
    RlsKids kids;
    rls_kids_init_named(&kids, cmd);
    TSNode c;
    while (rls_kids_next(&kids, &c)) {
        if (strcmp(ts_node_type(c), "curly_group") != 0) continue;
        if (n < max && args) args[n] = c;
        n++;
    }
    rls_kids_close(&kids);
    return n;
}

/* ---- Small helpers --------------------------------------------------------- */

static bool text__is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool text__eq(const char *s, size_t len, const char *lit) {
    return strlen(lit) == len && memcmp(s, lit, len) == 0;
}

static void text__hard_break(RlsTexText *self, uint32_t start, uint32_t end) {
    if (self->on_line)
        self->on_line(self->ud, start, end);
    else
        rls_plain_builder_break(self->pb, start, end);
}

/* Source between the last node and the next one: whitespace is a word
 * break, and a blank line is a paragraph break. */
static void text__gap(RlsTexText *self, uint32_t start) {
    uint32_t from = self->last_end;
    if (from < self->consumed_to) from = self->consumed_to;
    if (start <= from || start > self->src_len) return;
    /* Backwards, stopping at the second newline: a text started deep in the
     * document has a gap reaching back to its start, and scanning all of it
     * for every item made parsing quadratic. */
    int newlines = 0;
    bool space = false;
    for (uint32_t i = start; i > from && newlines < 2; i--) {
        char c = self->src[i - 1];
        if (c == '\n') newlines++;
        if (text__is_space(c)) space = true;
    }
    if (newlines >= 2 || (newlines == 1 && self->obey_lines))
        text__hard_break(self, from, start);
    else if (space)
        rls_plain_builder_break(self->pb, from, start);
}

void rls_tex_text_skip_to(RlsTexText *self, uint32_t end_byte) {
    if (end_byte > self->last_end) self->last_end = end_byte;
}

/* ---- Accents ----------------------------------------------------------------- */

typedef struct {
    char accent;
    char base;
    const char *utf8;
} TexAccent;

static const TexAccent text__accents[] = {
    {'\'', 'a', "á"}, {'\'', 'e', "é"}, {'\'', 'i', "í"}, {'\'', 'o', "ó"}, {'\'', 'u', "ú"},
    {'\'', 'y', "ý"}, {'\'', 'A', "Á"}, {'\'', 'E', "É"}, {'\'', 'I', "Í"}, {'\'', 'O', "Ó"},
    {'\'', 'U', "Ú"}, {'\'', 'Y', "Ý"}, {'\'', 'c', "ć"}, {'\'', 'n', "ń"}, {'\'', 's', "ś"},
    {'\'', 'z', "ź"}, {'\'', 'C', "Ć"}, {'\'', 'N', "Ń"}, {'\'', 'S', "Ś"}, {'\'', 'Z', "Ź"},
    {'`', 'a', "à"},  {'`', 'e', "è"},  {'`', 'i', "ì"},  {'`', 'o', "ò"},  {'`', 'u', "ù"},
    {'`', 'A', "À"},  {'`', 'E', "È"},  {'`', 'I', "Ì"},  {'`', 'O', "Ò"},  {'`', 'U', "Ù"},
    {'^', 'a', "â"},  {'^', 'e', "ê"},  {'^', 'i', "î"},  {'^', 'o', "ô"},  {'^', 'u', "û"},
    {'^', 'A', "Â"},  {'^', 'E', "Ê"},  {'^', 'I', "Î"},  {'^', 'O', "Ô"},  {'^', 'U', "Û"},
    {'"', 'a', "ä"},  {'"', 'e', "ë"},  {'"', 'i', "ï"},  {'"', 'o', "ö"},  {'"', 'u', "ü"},
    {'"', 'y', "ÿ"},  {'"', 'A', "Ä"},  {'"', 'E', "Ë"},  {'"', 'I', "Ï"},  {'"', 'O', "Ö"},
    {'"', 'U', "Ü"},  {'~', 'a', "ã"},  {'~', 'o', "õ"},  {'~', 'n', "ñ"},  {'~', 'A', "Ã"},
    {'~', 'O', "Õ"},  {'~', 'N', "Ñ"},  {'c', 'c', "ç"},  {'c', 'C', "Ç"},  {'c', 's', "ş"},
    {'c', 'S', "Ş"},  {'v', 's', "š"},  {'v', 'c', "č"},  {'v', 'z', "ž"},  {'v', 'r', "ř"},
    {'v', 'e', "ě"},  {'v', 'S', "Š"},  {'v', 'C', "Č"},  {'v', 'Z', "Ž"},  {'v', 'R', "Ř"},
    {'r', 'a', "å"},  {'r', 'A', "Å"},  {'r', 'u', "ů"},  {'H', 'o', "ő"},  {'H', 'u', "ű"},
    {'k', 'a', "ą"},  {'k', 'e', "ę"},  {'=', 'a', "ā"},  {'=', 'e', "ē"},  {'=', 'o', "ō"},
    {'u', 'g', "ğ"},  {'.', 'z', "ż"},  {'.', 'I', "İ"},
};

/* Combining marks for pairs not in the table, so nothing is lost. */
static const char *text__combining(char accent) {
    switch (accent) {
    case '\'':
        return "\xcc\x81";
    case '`':
        return "\xcc\x80";
    case '^':
        return "\xcc\x82";
    case '"':
        return "\xcc\x88";
    case '~':
        return "\xcc\x83";
    case '=':
        return "\xcc\x84";
    case '.':
        return "\xcc\x87";
    case 'u':
        return "\xcc\x86";
    case 'v':
        return "\xcc\x8c";
    case 'H':
        return "\xcc\x8b";
    case 'c':
        return "\xcc\xa7";
    case 'd':
        return "\xcc\xa3";
    case 'b':
        return "\xcc\xb1";
    case 'r':
        return "\xcc\x8a";
    case 'k':
        return "\xcc\xa8";
    default:
        return "";
    }
}

static bool text__accent_cmd(const char *name, size_t len, char *accent) {
    if (len != 1) return false;
    if (strchr("'`^\"~=.uvHcdbrk", name[0]) == NULL) return false;
    *accent = name[0];
    return true;
}

static void text__emit_accent(RlsTexText *self, char accent, const char *base, size_t base_len,
                              uint32_t start, uint32_t end) {
    if (base_len == 0) return;
    if (base_len == 2 && base[0] == '\\' && base[1] == 'i') {
        base = "i";
        base_len = 1;
    }
    for (size_t i = 0; i < RLS_ARRAY_LEN(text__accents); i++) {
        if (base_len == 1 && text__accents[i].accent == accent &&
            text__accents[i].base == base[0]) {
            rls_plain_builder_emit(self->pb, text__accents[i].utf8, strlen(text__accents[i].utf8),
                                   start, end);
            return;
        }
    }
    RlsBuf buf;
    rls_buf_init(&buf);
    rls_buf_append(&buf, base, base_len < 8 ? base_len : 8);
    rls_buf_puts(&buf, text__combining(accent));
    rls_plain_builder_emit(self->pb, buf.data, buf.len, start, end);
    rls_buf_close(&buf);
}

/* ---- Symbols --------------------------------------------------------------- */

typedef struct {
    const char *name;
    const char *text; /* " " is a word break */
} TexSymbol;

static const TexSymbol text__symbols[] = {
    {"%", "%"},
    {"$", "$"},
    {"&", "&"},
    {"#", "#"},
    {"_", "_"},
    {"{", "{"},
    {"}", "}"},
    {" ", " "},
    {",", " "},
    {";", " "},
    {":", " "},
    {"!", ""},
    {"/", ""},
    {"-", ""},
    {"@", ""},
    {"quad", " "},
    {"qquad", " "},
    {"enskip", " "},
    {"enspace", " "},
    {"hfill", " "},
    {"hfil", " "},
    {"space", " "},
    {"thinspace", " "},
    {"nobreakspace", " "},
    {"LaTeX", "LaTeX"},
    {"TeX", "TeX"},
    {"XeLaTeX", "XeLaTeX"},
    {"LuaLaTeX", "LuaLaTeX"},
    {"BibTeX", "BibTeX"},
    {"ldots", "…"},
    {"dots", "…"},
    {"textellipsis", "…"},
    {"textbar", "|"},
    {"textbullet", "•"},
    {"textperiodcentered", "·"},
    {"cdotp", "·"},
    {"cdot", "·"},
    {"textendash", "–"},
    {"textemdash", "—"},
    {"textasciitilde", "~"},
    {"textasciicircum", "^"},
    {"textbackslash", "\\"},
    {"textless", "<"},
    {"textgreater", ">"},
    {"textquoteright", "'"},
    {"textquoteleft", "'"},
    {"textregistered", "®"},
    {"texttrademark", "™"},
    {"copyright", "©"},
    {"textcopyright", "©"},
    {"textdegree", "°"},
    {"pounds", "£"},
    {"euro", "€"},
    {"texteuro", "€"},
    {"S", "§"},
    {"P", "¶"},
    {"ss", "ß"},
    {"ae", "æ"},
    {"AE", "Æ"},
    {"oe", "œ"},
    {"OE", "Œ"},
    {"o", "ø"},
    {"O", "Ø"},
    {"aa", "å"},
    {"AA", "Å"},
    {"l", "ł"},
    {"L", "Ł"},
    {"i", "ı"},
    {"textsection", "§"},
    {"slash", "/"},
    {"textslash", "/"},
    {"textunderscore", "_"},
    {"sim", "~"},
    {"times", "×"},
    {"bullet", "•"},
    {"textasteriskcentered", "*"},
    {"guillemotleft", "«"},
    {"guillemotright", "»"},
    {"today", "[date]"},
};

static const TexSymbol text__math_symbols[] = {
    {"sim", "~"},        {"|", "|"},          {"mid", "|"},   {"vert", "|"},
    {"cdot", "·"},       {"cdotp", "·"},      {"times", "×"}, {"bullet", "•"},
    {"approx", "≈"},     {"rightarrow", "→"}, {"to", "→"},    {"leftarrow", "←"},
    {"Rightarrow", "⇒"}, {"pm", "±"},         {"geq", "≥"},   {"ge", "≥"},
    {"leq", "≤"},        {"le", "≤"},         {"%", "%"},     {"infty", "∞"},
    {"ast", "*"},        {"star", "*"},       {"circ", "∘"},  {"diamond", "⋄"},
    {"uparrow", "↑"},    {"downarrow", "↓"},  {"sim$", "~"},  {"checkmark", "✓"},
    {"neq", "≠"},        {"ne", "≠"},         {"$", "$"},     {"#", "#"},
    {"&", "&"},          {"_", "_"},          {"lvert", "|"}, {"Vert", "‖"},
};

static const char *text__lookup(const TexSymbol *table, size_t n, const char *name, size_t len) {
    for (size_t i = 0; i < n; i++)
        if (text__eq(name, len, table[i].name)) return table[i].text;
    return NULL;
}

/* The length in "\\\\[-1pt]" or "\\\\*[\\baselineskip]": the optional argument of a line
 * break, spacing and not text. Returns the byte just past its ']', or `at`
 * when none follows (or when the brackets hold no length: "\\\\ [1] A paper"
 * is text). */
static uint32_t text__break_length_end(const char *src, uint32_t src_len, uint32_t at) {
    uint32_t i = at;
    if (i < src_len && src[i] == '*') i++;
    while (i < src_len && (src[i] == ' ' || src[i] == '\t'))
        i++;
    if (i >= src_len || src[i] != '[') return at;
    uint32_t j = i + 1, end = RLS_MIN(src_len, i + 40);
    while (j < end && (src[j] == ' ' || src[j] == '-' || src[j] == '+'))
        j++;
    uint32_t digits = j;
    while (j < end && ((src[j] >= '0' && src[j] <= '9') || src[j] == '.'))
        j++;
    bool number = j > digits;
    while (j < end && src[j] == ' ')
        j++;
    /* A unit ("pt", "em", "mm") after the number, or a length macro
     * ("\\baselineskip", "0.5\\baselineskip", "\\subsectionvspace"). */
    uint32_t unit = j;
    if (j < end && src[j] == '\\') j++;
    while (j < end && ((src[j] >= 'a' && src[j] <= 'z') || (src[j] >= 'A' && src[j] <= 'Z')))
        j++;
    bool macro = unit < end && src[unit] == '\\' && j > unit + 1;
    bool length = macro || (number && j == unit + 2);
    while (j < end && src[j] == ' ')
        j++;
    if (!length || j >= end || src[j] != ']') return at;
    return j + 1;
}

/* "May 2020 -\\\\[-1pt] Aug 2020": a date range the writer broke over two
 * lines of a narrow column. The break [brk, after) joins the range's two
 * halves when the source before it ends in a dash after a digit and a date
 * range read across the join reaches past it; the two halves are then one
 * line, not an open range over a date of its own. */
static bool text__breaks_a_range(const char *src, uint32_t src_len, uint32_t brk, uint32_t after) {
    uint32_t k = brk;
    while (k > 0 && text__is_space(src[k - 1]))
        k--;
    uint32_t dash_end = k;
    while (k > 0 && src[k - 1] == '-')
        k--;
    if (k == dash_end && k >= 3 && (unsigned char)src[k - 3] == 0xE2 &&
        (unsigned char)src[k - 2] == 0x80 &&
        ((unsigned char)src[k - 1] == 0x93 || (unsigned char)src[k - 1] == 0x94))
        k -= 3; /* – or — */
    if (k == dash_end) return false;
    while (k > 0 && text__is_space(src[k - 1]))
        k--;
    if (k == 0 || src[k - 1] < '0' || src[k - 1] > '9') return false;
    /* The halves: back to the start of the line or of the group, on to
     * the next break, group or cell. */
    uint32_t a = dash_end, lim = dash_end > 40 ? dash_end - 40 : 0;
    while (a > lim && !strchr("\n{}&", src[a - 1]))
        a--;
    uint32_t b = after;
    while (b < src_len && text__is_space(src[b]))
        b++;
    uint32_t from = b, b_lim = RLS_MIN(src_len, b + 40);
    while (b < b_lim && !strchr("\n{}&\\", src[b]))
        b++;
    if (b == from) return false;
    char joined[96];
    size_t left = dash_end - a, right = b - from;
    memcpy(joined, src + a, left);
    joined[left] = ' ';
    memcpy(joined + left + 1, src + from, right);
    RlsDateRange r;
    size_t rs, re;
    if (!rls_date_range_find(joined, left + 1 + right, &r, &rs, &re)) return false;
    return rs < left && re > left + 1 && !r.end.present && r.end.year > 0;
}

static bool text__is_line_break(const char *name, size_t len) {
    return text__eq(name, len, "\\") || text__eq(name, len, "newline") ||
           text__eq(name, len, "par") || text__eq(name, len, "linebreak") ||
           text__eq(name, len, "break") || text__eq(name, len, "cr") ||
           text__eq(name, len, "tabularnewline");
}

/* ---- Verbatim source with ligatures --------------------------------------- */

/* Emits src[start, end) where the bytes are text, turning TeX's ligatures
 * into characters. A ligature may run past end into the next token (the
 * grammar makes "--" two operator nodes); consumed_to remembers that. */
static void text__source(RlsTexText *self, uint32_t start, uint32_t end) {
    const char *s = self->src;
    if (start < self->consumed_to) start = self->consumed_to;
    uint32_t run = start;
    uint32_t i = start;
    while (i < end) {
        char c = s[i];
        const char *lig = NULL;
        uint32_t lig_len = 0;
        if (c == '-' && i + 1 < self->src_len && s[i + 1] == '-') {
            if (i + 2 < self->src_len && s[i + 2] == '-') {
                lig = "—";
                lig_len = 3;
            } else {
                lig = "–";
                lig_len = 2;
            }
        } else if (c == '`' && i + 1 < self->src_len && s[i + 1] == '`') {
            lig = "“";
            lig_len = 2;
        } else if (c == '\'' && i + 1 < self->src_len && s[i + 1] == '\'') {
            lig = "”";
            lig_len = 2;
        } else if (c == '~' || c == '&') {
            lig = " ";
            lig_len = 1;
        } else if (c == '{' || c == '}' || c == '$') {
            lig = "";
            lig_len = 1;
        } else if (c == '\n' && self->obey_lines) {
            if (run < i) rls_plain_builder_source(self->pb, s, run, i);
            text__hard_break(self, i, i + 1);
            run = ++i;
            continue;
        }
        if (!lig) {
            i++;
            continue;
        }
        if (run < i) rls_plain_builder_source(self->pb, s, run, i);
        if (lig[0] == ' ')
            rls_plain_builder_break(self->pb, i, i + lig_len);
        else
            rls_plain_builder_emit(self->pb, lig, strlen(lig), i, i + lig_len);
        i += lig_len;
        run = i;
    }
    if (run < i) rls_plain_builder_source(self->pb, s, run, i);
    if (i > end) end = i;
    if (end > self->consumed_to) self->consumed_to = end;
    if (end > self->last_end) self->last_end = end;
}

/* ---- Math ------------------------------------------------------------------- */

static void text__math(RlsTexText *self, TSNode node) {
    uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
    const char *src = self->src;
    uint32_t is = s, ie = e;
    /* Strip the delimiters: $..$, $$..$$, \(..\), \[..\]. */
    while (is < ie && src[is] == '$')
        is++;
    while (ie > is && src[ie - 1] == '$')
        ie--;
    if (ie - is >= 2 && src[is] == '\\' && (src[is + 1] == '(' || src[is + 1] == '[')) is += 2;
    if (ie - is >= 2 && src[ie - 2] == '\\' && (src[ie - 1] == ')' || src[ie - 1] == ']')) ie -= 2;
    while (is < ie && text__is_space(src[is]))
        is++;
    while (ie > is && text__is_space(src[ie - 1]))
        ie--;
    text__gap(self, s);
    const char *out = NULL;
    if (ie > is && src[is] == '\\') {
        out = text__lookup(text__math_symbols, RLS_ARRAY_LEN(text__math_symbols), src + is + 1,
                           ie - is - 1);
    } else if (ie > is) {
        bool simple = true;
        for (uint32_t i = is; i < ie && simple; i++) {
            unsigned char c = (unsigned char)src[i];
            simple = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     strchr(".,+-%<>=|/:()' ", c) != NULL;
        }
        if (simple) {
            rls_plain_builder_emit(self->pb, src + is, ie - is, s, e);
            out = "";
        }
    }
    if (!out) out = "[math]";
    if (out[0]) rls_plain_builder_emit(self->pb, out, strlen(out), s, e);
    self->last_end = e;
    if (e > self->consumed_to) self->consumed_to = e;
}

/* ---- The walk ----------------------------------------------------------------- */

static void text__children(RlsTexText *self, TSNode node);

static void text__skip(RlsTexText *self, TSNode node) {
    uint32_t s = ts_node_start_byte(node);
    text__gap(self, s);
    rls_tex_text_skip_to(self, ts_node_end_byte(node));
}

static void text__structural(RlsTexText *self, TSNode node) {
    text__gap(self, ts_node_start_byte(node));
    uint32_t end = ts_node_end_byte(node);
    if (self->on_struct) {
        uint32_t own_end = self->on_struct(self->ud, node);
        if (own_end > end && own_end > self->consumed_to) self->consumed_to = own_end;
    }
    rls_tex_text_skip_to(self, end);
}

/* A comment swallows its newline and the next line's indentation. */
static void text__comment(RlsTexText *self, TSNode node) {
    text__gap(self, ts_node_start_byte(node));
    uint32_t e = ts_node_end_byte(node);
    if (e < self->src_len && self->src[e] == '\r') e++;
    if (e < self->src_len && self->src[e] == '\n') {
        e++;
        while (e < self->src_len && (self->src[e] == ' ' || self->src[e] == '\t'))
            e++;
    }
    rls_tex_text_skip_to(self, e);
    if (e > self->consumed_to) self->consumed_to = e;
}

/* Whether src[a, b) is a length alone ("0.5ex", "-2pt", "1.2 cm"): an
 * unknown macro's spacing argument (\\separator{0.5ex}), never text. */
static bool text__is_length(const char *src, uint32_t a, uint32_t b) {
    static const char *const units[] = {"pt", "em", "ex", "cm", "mm", "in", "bp", "pc", "sp", "mu"};
    while (a < b && text__is_space(src[a]))
        a++;
    while (b > a && text__is_space(src[b - 1]))
        b--;
    if (a < b && (src[a] == '-' || src[a] == '+')) a++;
    uint32_t digits = a;
    while (a < b && ((src[a] >= '0' && src[a] <= '9') || src[a] == '.'))
        a++;
    if (a == digits) return false;
    while (a < b && src[a] == ' ')
        a++;
    if (b - a != 2) return false;
    for (size_t k = 0; k < RLS_ARRAY_LEN(units); k++)
        if (!memcmp(src + a, units[k], 2)) return true;
    return false;
}

/* Formatting macros glue their arguments (\\textbf{Languages}{: Java});
 * other macros typeset each argument as its own piece, so a word break
 * separates them. */
static void text__curly_args(RlsTexText *self, TSNode cmd, bool last_only, bool glue,
                             bool drop_lengths) {
    TSNode args[16];
    unsigned n = rls_tex_curly_args(cmd, args, 16);
    if (n > 16) n = 16;
    for (unsigned i = last_only && n ? n - 1 : 0; i < n; i++) {
        uint32_t as = ts_node_start_byte(args[i]), ae = ts_node_end_byte(args[i]);
        if (drop_lengths && ae - as >= 2 && text__is_length(self->src, as + 1, ae - 1)) {
            text__gap(self, as);
            rls_tex_text_skip_to(self, ae);
            continue;
        }
        if (i > 0 && !glue) {
            uint32_t at = ts_node_start_byte(args[i]);
            rls_plain_builder_break(self->pb, at, at);
        }
        rls_tex_text_node(self, args[i]);
    }
}

/* The end of a balanced group opened at src[at] ('[' or '{'), or `at` when
 * it does not close. */
static uint32_t text__group_end(const char *src, uint32_t src_len, uint32_t at) {
    char open = src[at], close = open == '[' ? ']' : '}';
    unsigned depth = 0;
    for (uint32_t i = at; i < src_len; i++) {
        if (src[i] == '\\') {
            i++;
        } else if (src[i] == open) {
            depth++;
        } else if (src[i] == close && --depth == 0) {
            return i + 1;
        }
    }
    return at;
}

/* Where the last of the optional and curly arguments written after a
 * command ending at `at` starts (its '{'), or `at` when none follows. */
static uint32_t text__last_group(const char *src, uint32_t src_len, uint32_t at) {
    uint32_t i = at, last = at;
    for (;;) {
        while (i < src_len && (src[i] == ' ' || src[i] == '\t'))
            i++;
        if (i >= src_len || (src[i] != '[' && src[i] != '{')) return last;
        uint32_t end = text__group_end(src, src_len, i);
        if (end == i) return last;
        if (src[i] == '{') last = i;
        i = end;
    }
}

/* "\\textbullet{}": empty braces only end the control word, so a symbol
 * macro followed by them is still the symbol. */
static bool text__args_empty(TSNode cmd) {
    TSNode args[4];
    unsigned n = rls_tex_curly_args(cmd, args, 4);
    if (n > 4) return false;
    for (unsigned i = 0; i < n; i++)
        if (ts_node_end_byte(args[i]) - ts_node_start_byte(args[i]) != 2) return false;
    return true;
}

/* An accent macro (\\'{e}, \\'e, \\"{\\i}) and its base letter are one
 * letter of the text, so that a name keeps its spelling. The letter is
 * its argument or, with no braces, the next byte of the source. */
static void text__accent(RlsTexText *self, TSNode node, char accent, uint32_t s, uint32_t e) {
    text__gap(self, s);
    TSNode args[1];
    if (rls_tex_curly_args(node, args, 1) >= 1) {
        uint32_t as = ts_node_start_byte(args[0]) + 1, ae = ts_node_end_byte(args[0]) - 1;
        while (as < ae && text__is_space(self->src[as]))
            as++;
        uint32_t be = as;
        if (be < ae && self->src[be] == '\\')
            be += 2; /* \i */
        else if (be < ae) {
            be++;
            while (be < ae && ((unsigned char)self->src[be] & 0xC0) == 0x80)
                be++;
        }
        text__emit_accent(self, accent, self->src + as, be - as, s, e);
        self->last_end = e;
        if (e > self->consumed_to) self->consumed_to = e;
        return;
    }
    /* \'e: the base letter is the next byte of the source, in the next token. */
    uint32_t b = e;
    if (b < self->src_len && (unsigned char)self->src[b] < 0x80 && !text__is_space(self->src[b]) &&
        self->src[b] != '{' && self->src[b] != '}') {
        uint32_t be = b + 1;
        if (self->src[b] == '\\' && be < self->src_len && self->src[be] == 'i') be++;
        text__emit_accent(self, accent, self->src + b, be - b, s, be);
        self->last_end = be;
        self->consumed_to = be;
        return;
    }
    self->last_end = e;
}

/* "\\kern 5.0 pt": the dimension after a spacing macro (s..e) is not
 * text, though the grammar leaves it as words. */
static void text__spacing(RlsTexText *self, uint32_t s, uint32_t e) {
    uint32_t i = e;
    while (i < self->src_len && (self->src[i] == ' ' || self->src[i] == '-'))
        i++;
    uint32_t digits = i;
    while (i < self->src_len &&
           ((self->src[i] >= '0' && self->src[i] <= '9') || self->src[i] == '.'))
        i++;
    if (i > digits) {
        while (i < self->src_len && self->src[i] == ' ')
            i++;
        uint32_t unit = i;
        while (i < self->src_len && i < unit + 2 && self->src[i] >= 'a' && self->src[i] <= 'z')
            i++;
        if (i > self->consumed_to) self->consumed_to = i;
    }
    text__gap(self, s);
    rls_tex_text_skip_to(self, i > e ? i : e);
}

/* A line break ends a line of the text (or, between the two ends of a
 * range, is read as part of it); its length argument is not text. */
static void text__line_break(RlsTexText *self, TSNode node, const char *name, size_t len,
                             uint32_t s, uint32_t e) {
    text__gap(self, s);
    /* The grammar gives "\\\\" the group on the next line as an argument
     * ("\\\\ {\\footnotesize (TA 2x)}"): it is the next line's text. */
    TSNode args[4];
    unsigned n = rls_tex_curly_args(node, args, 4);
    uint32_t break_end = n ? ts_node_start_byte(args[0]) : e;
    if (!n && text__eq(name, len, "\\")) {
        break_end = text__break_length_end(self->src, self->src_len, e);
        if (break_end > self->consumed_to) self->consumed_to = break_end;
    }
    if (!n && text__breaks_a_range(self->src, self->src_len, s, break_end))
        rls_plain_builder_break(self->pb, s, break_end);
    else
        text__hard_break(self, s, break_end);
    self->last_end = break_end;
    for (unsigned i = 0; i < n && i < 4; i++)
        rls_tex_text_node(self, args[i]);
    rls_tex_text_skip_to(self, e);
}

/* A macro the tables know (built in, or a template's or the user's
 * definition): its role says which of its arguments are text. */
static void text__known_macro(RlsTexText *self, TSNode node, const RlsTexMacro *m, unsigned nargs,
                              uint32_t s, uint32_t e) {
    if (rls_tex_role_is_structural(m->role)) {
        text__structural(self, node);
        return;
    }
    if (m->role == RLS_TEX_DROP) {
        TSNode args[16];
        unsigned n = rls_tex_curly_args(node, args, 16);
        if (n > 16) n = 16;
        if (!m->arity || n <= m->arity) {
            text__skip(self, node);
            return;
        }
        /* \\vspace{2pt}{text}: braces past the macro's arity are text. */
        rls_tex_text_skip_to(self, ts_node_end_byte(args[m->arity - 1]));
        for (unsigned i = m->arity; i < n; i++)
            rls_tex_text_node(self, args[i]);
        return;
    }
    text__gap(self, s);
    if (m->role == RLS_TEX_KEEP_LAST && !nargs) {
        /* "\\multirow[t]{2}{*}{text}": after an optional argument the
         * grammar leaves the braces as siblings; the row count and the
         * width before the last one are layout, not the cell's text. */
        uint32_t last = text__last_group(self->src, self->src_len, e);
        if (last > self->consumed_to) self->consumed_to = last;
        rls_tex_text_skip_to(self, last > e ? last : e);
        return;
    }
    text__curly_args(self, node, m->role == RLS_TEX_KEEP_LAST, m->role == RLS_TEX_FORMAT, false);
    rls_tex_text_skip_to(self, e);
}

static void text__command(RlsTexText *self, TSNode node) {
    uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
    size_t len;
    const char *name = rls_tex_command_name(self->src, node, &len);
    char accent;
    if (text__accent_cmd(name, len, &accent)) {
        text__accent(self, node, accent, s, e);
        return;
    }
    if (text__eq(name, len, "kern") || text__eq(name, len, "hskip") ||
        text__eq(name, len, "vskip") || text__eq(name, len, "mkern")) {
        text__spacing(self, s, e);
        return;
    }
    if (text__is_line_break(name, len)) {
        text__line_break(self, node, name, len, s, e);
        return;
    }
    const char *sym = text__lookup(text__symbols, RLS_ARRAY_LEN(text__symbols), name, len);
    if (sym && text__args_empty(node)) {
        text__gap(self, s);
        if (sym[0] == ' ')
            rls_plain_builder_break(self->pb, s, e);
        else if (sym[0])
            rls_plain_builder_emit(self->pb, sym, strlen(sym), s, e);
        self->last_end = e;
        return;
    }
    if (rls_tex_is_icon(name, len)) {
        text__skip(self, node);
        return;
    }
    RlsTexMacro m;
    unsigned nargs = rls_tex_curly_args(node, NULL, 0);
    if (self->macros && rls_tex_macros_lookup(self->macros, name, len, nargs, &m)) {
        text__known_macro(self, node, &m, nargs, s, e);
        return;
    }
    /* Unknown macro: its curly arguments are most likely text (\en{..},
     * \mbox{..}, a user's \skill{..}); its optional arguments are not. */
    text__gap(self, s);
    text__curly_args(self, node, false, false, true);
    rls_tex_text_skip_to(self, e);
}

static void text__environment(RlsTexText *self, TSNode node) {
    TSNode begin = ts_node_child_by_field_name(node, "begin", 5);
    size_t len = 0;
    const char *name = "";
    if (!ts_node_is_null(begin)) {
        TSNode n = ts_node_child_by_field_name(begin, "name", 4);
        if (!ts_node_is_null(n)) {
            uint32_t s = ts_node_start_byte(n) + 1, e = ts_node_end_byte(n) - 1;
            name = self->src + s;
            len = e > s ? e - s : 0;
        }
    }
    if (rls_tex_env_is_list(name, len)) {
        text__structural(self, node);
        return;
    }
    unsigned skip_args = rls_tex_env_arg_count(name, len);
    RlsKids kids;
    rls_kids_init(&kids, node);
    TSNode c;
    while (rls_kids_next(&kids, &c)) {
        const char *type = ts_node_type(c);
        if (!strcmp(type, "begin") || !strcmp(type, "end") || !strcmp(type, "brack_group")) {
            text__skip(self, c);
            continue;
        }
        if (skip_args && !strcmp(type, "curly_group")) {
            skip_args--;
            text__skip(self, c);
            continue;
        }
        skip_args = 0;
        rls_tex_text_node(self, c);
    }
    rls_kids_close(&kids);
}

static void text__children(RlsTexText *self, TSNode node) {
    RlsKids kids;
    rls_kids_init(&kids, node);
    TSNode c;
    while (rls_kids_next(&kids, &c))
        rls_tex_text_node(self, c);
    rls_kids_close(&kids);
}

static void text__node(RlsTexText *self, TSNode node);

void rls_tex_text_node(RlsTexText *self, TSNode node) {
    if (self->depth >= RLS_TEX_TEXT_MAX_DEPTH) {
        uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
        if (e <= self->consumed_to) return;
        if (s < self->consumed_to) s = self->consumed_to;
        text__gap(self, s);
        text__source(self, s, e);
        return;
    }
    self->depth++;
    text__node(self, node);
    self->depth--;
}

/* A token with no children: its source is its text, but for the braces
 * that group and the comments that are no text at all. */
static void text__leaf(RlsTexText *self, TSNode node, const char *type, uint32_t s, uint32_t e) {
    /* Braces are grouping, never text. Brackets reached here are text
     * ("[N] users", "{[}"): a macro's optional argument is consumed by
     * the macro tables before its children are walked. */
    if (!ts_node_is_named(node) && (!strcmp(type, "{") || !strcmp(type, "}"))) {
        text__skip(self, node);
        return;
    }
    if (ts_node_is_missing(node) || s == e) return;
    if (!strcmp(type, "line_comment") || !strcmp(type, "comment")) {
        text__comment(self, node);
        return;
    }
    text__gap(self, s);
    text__source(self, s, e);
}

/* "\\textcolor{blue}{text}": the colour is layout, the text is text. */
static void text__color_reference(RlsTexText *self, TSNode node, uint32_t s, uint32_t e) {
    TSNode t = ts_node_child_by_field_name(node, "text", 4);
    text__gap(self, s);
    if (!ts_node_is_null(t)) rls_tex_text_node(self, t);
    rls_tex_text_skip_to(self, e);
}

/* A link reads as its label; a bare \\url{..} has none and reads as its
 * address, which is what the page shows. */
static void text__hyperlink(RlsTexText *self, TSNode node, uint32_t s, uint32_t e) {
    TSNode label = ts_node_child_by_field_name(node, "label", 5);
    text__gap(self, s);
    if (!ts_node_is_null(label)) {
        rls_tex_text_node(self, label);
    } else {
        TSNode uri = ts_node_child_by_field_name(node, "uri", 3);
        if (!ts_node_is_null(uri)) {
            uint32_t us = ts_node_start_byte(uri) + 1, ue = ts_node_end_byte(uri) - 1;
            if (ue > us) rls_plain_builder_source(self->pb, self->src, us, ue);
        }
    }
    rls_tex_text_skip_to(self, e);
    if (e > self->consumed_to) self->consumed_to = e;
}

static void text__node(RlsTexText *self, TSNode node) {
    uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
    if (e <= self->consumed_to) return;
    const char *type = ts_node_type(node);
    if (ts_node_child_count(node) == 0) {
        text__leaf(self, node, type, s, e);
        return;
    }
    switch (type[0]) {
    case 'c':
        if (!strcmp(type, "curly_group")) {
            text__children(self, node);
            return;
        }
        if (!strcmp(type, "color_reference")) {
            text__color_reference(self, node, s, e);
            return;
        }
        break;
    case 't':
        if (!strcmp(type, "text")) {
            text__children(self, node);
            return;
        }
        if (!strcmp(type, "text_mode")) {
            TSNode t = ts_node_child_by_field_name(node, "content", 7);
            if (!ts_node_is_null(t)) rls_tex_text_node(self, t);
            return;
        }
        break;
    case 'w':
        if (!strcmp(type, "word")) {
            text__gap(self, s);
            text__source(self, s, e);
            return;
        }
        break;
    case 'o':
        if (!strcmp(type, "operator")) {
            text__gap(self, s);
            text__source(self, s, e);
            return;
        }
        break;
    case 'g':
        if (!strcmp(type, "generic_command")) {
            text__command(self, node);
            return;
        }
        if (!strcmp(type, "generic_environment")) {
            text__environment(self, node);
            return;
        }
        break;
    case 'h':
        if (!strcmp(type, "hyperlink")) {
            text__hyperlink(self, node, s, e);
            return;
        }
        break;
    case 'i':
        if (!strcmp(type, "inline_formula")) {
            text__math(self, node);
            return;
        }
        break;
    case 'd':
        if (!strcmp(type, "displayed_equation")) {
            text__math(self, node);
            return;
        }
        break;
    case 'm':
        if (!strcmp(type, "math_environment")) {
            text__math(self, node);
            return;
        }
        break;
    case 's':
        if (!strcmp(type, "subscript") || !strcmp(type, "superscript")) {
            text__gap(self, s);
            text__source(self, s, e);
            return;
        }
        break;
    case 'e':
        if (!strcmp(type, "enum_item")) {
            text__structural(self, node);
            return;
        }
        break;
    case 'E':
        if (!strcmp(type, "ERROR")) {
            text__children(self, node);
            return;
        }
        break;
    case 'b':
        if (!strcmp(type, "block_comment")) {
            text__comment(self, node);
            return;
        }
        break;
    case 'l':
        if (!strcmp(type, "line_comment")) {
            text__comment(self, node);
            return;
        }
        break;
    default:
        break;
    }
    /* Everything else (sections, items, includes, definitions, labels,
     * citations, optional arguments...) is not running text. */
    text__skip(self, node);
}

void rls_tex_unescape(const char *src, uint32_t len, RlsPlain *out) {
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_latex());
    RlsParseBudget budget = rls_parse_budget_start(len);
    TSTree *tree = rls_parse_budgeted(&budget, parser, NULL, src, len);
    RlsPlainBuilder pb;
    rls_plain_builder_init(&pb);
    RlsTexMacros macros;
    rls_tex_macros_init(&macros, NULL);
    RlsTexText t;
    rls_tex_text_init(&t, src, len, &pb, &macros);
    if (tree) {
        text__children(&t, ts_tree_root_node(tree));
        ts_tree_delete(tree);
    }
    rls_tex_macros_close(&macros);
    rls_plain_builder_finish(&pb, out);
    rls_plain_builder_close(&pb);
    ts_parser_delete(parser);
}
