/*
 * edits.c - writing a rewritten bullet back into its source as the
 * smallest set of edits, and applying edits to a text.
 *
 * The rewritten text is a tracked string: each byte knows which plain byte
 * it was copied from. Runs of bytes copied in order are "kept" when they
 * form the heaviest increasing chain (a weighted longest increasing
 * subsequence over the runs): their source bytes, markup included, are not
 * touched. Every gap between kept runs becomes one edit replacing the old
 * plain bytes of the gap; its new text is built from inserted words
 * (escaped for the format) and moved runs (copied verbatim from source, so
 * "\%" stays "\%"). A gap or a moved run that crosses markup cannot be
 * written safely, and the whole rewrite is refused.
 */
#include <stdlib.h>
#include <string.h>

#include "actions/actions_internal.h"
#include "rls/alloc.h"

void rls_escape_append(RlsBuf *out, RlsFormat format, const char *text, size_t len,
                       bool at_item_start) {
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (format == RLS_FORMAT_LATEX) {
            switch (c) {
            case '%':
            case '$':
            case '&':
            case '#':
            case '_':
            case '{':
            case '}':
                rls_buf_putc(out, '\\');
                rls_buf_putc(out, c);
                continue;
            case '~':
                rls_buf_puts(out, "\\textasciitilde{}");
                continue;
            case '^':
                rls_buf_puts(out, "\\textasciicircum{}");
                continue;
            case '\\':
                rls_buf_puts(out, "\\textbackslash{}");
                continue;
            case '[':
                /* "\item [N] services" would read [N] as \item's optional
                 * argument. */
                if (i == 0 && at_item_start) {
                    rls_buf_puts(out, "{[}");
                    continue;
                }
                break;
            default:
                break;
            }
        } else {
            /* "[N]" needs no escape: with no reference defining "N" it is
             * text, for CommonMark renderers and for our parser. */
            switch (c) {
            case '*':
            case '_':
            case '`':
            case '\\':
            case '<':
                rls_buf_putc(out, '\\');
                rls_buf_putc(out, c);
                continue;
            default:
                break;
            }
        }
        rls_buf_putc(out, c);
    }
}

typedef struct {
    uint32_t t_start;     /* in the tracked text */
    uint32_t plain_start; /* in the original plain text */
    uint32_t len;
} EditsRun;

/* Start of the UTF-8 character containing byte i. */
static size_t edits__char_start(const char *s, size_t i) {
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static void edits__free(RlsTextEdit *edits, size_t n) {
    for (size_t i = 0; i < n; i++)
        rls_free(edits[i].new_text);
    rls_free(edits);
}

/* Whether the markup inside source [s, e) (the bytes no plain byte comes
 * from) closes everything it opens, so the range can be deleted or moved
 * whole without breaking the document: emphasis and code delimiter runs in
 * pairs, brackets and braces matched, no LaTeX comment or open math. A
 * heuristic, deliberately strict: when in doubt the action is not offered. */
static bool edits__balanced(const RlsPlain *plain, const char *src, uint32_t s, uint32_t e,
                            RlsFormat format) {
    if (e <= s) return true;
    bool *covered = rls_calloc(e - s, sizeof(bool));
    for (uint32_t i = 0; i < plain->len; i++) {
        uint32_t a = RLS_MAX(plain->src_start[i], s), b = RLS_MIN(plain->src_end[i], e);
        /* A folded space maps to its whole whitespace run. */
        for (uint32_t k = a; k < b; k++)
            covered[k - s] = true;
    }
    int runs[4][8] = {{0}}; /* [char][run length] for * _ ~ ` */
    int square = 0, paren = 0, brace = 0, dollar = 0;
    bool ok = true;
    for (uint32_t k = s; k < e && ok; k++) {
        if (covered[k - s]) continue;
        char c = src[k];
        if (format == RLS_FORMAT_LATEX) {
            if (c == '\\' && k + 1 < e) {
                k++; /* an escaped character or a command's first letter */
                continue;
            }
            if (c == '{') brace++;
            if (c == '}') brace--;
            /* "\item[--] text": a lone ']' closes an optional argument. */
            if (c == '[') square++;
            if (c == ']') square--;
            if (c == '$') dollar++;
            if (c == '%') ok = false;
            if (brace < 0 || square < 0) ok = false;
            continue;
        }
        const char *kinds = "*_~`";
        const char *kind = strchr(kinds, c);
        if (kind && c) {
            uint32_t j = k;
            while (j < e && src[j] == c && !covered[j - s])
                j++;
            uint32_t len = j - k;
            runs[kind - kinds][len < 8 ? len : 7]++;
            k = j - 1;
            continue;
        }
        if (c == '[') square++;
        if (c == ']') square--;
        if (c == '(') paren++;
        if (c == ')') paren--;
        if (c == '<' || c == '>') ok = false; /* HTML: not worth the risk */
        if (square < 0 || paren < 0) ok = false;
    }
    for (int a = 0; a < 4 && ok; a++)
        for (int l = 0; l < 8; l++)
            if (runs[a][l] % 2) ok = false;
    if (square || paren || brace || dollar % 2) ok = false;
    rls_free(covered);
    return ok;
}

/* The source of plain [a, b) to replace: exact when no markup is inside,
 * else the covering span when its markup is balanced. */
static int edits__old_span(const RlsPlain *plain, const char *src, RlsFormat format, size_t a,
                           size_t b, RlsSpan *span) {
    if (rls_plain_to_source(plain, (uint32_t)a, (uint32_t)b, span) == 0) return 0;
    /* Text a macro definition wrote has no source of its own to replace. */
    if (rls_plain_is_generated(plain, (uint32_t)a, (uint32_t)b)) return RLS_EREFUSED;
    *span = rls_plain_cover(plain, (uint32_t)a, (uint32_t)b);
    return edits__balanced(plain, src, span->start_byte, span->end_byte, format) ? 0 : RLS_EREFUSED;
}

/* The runs of t: stretches of consecutive characters copied in order from
 * plain. Returns owned (free with rls_free); *n_out gets how many. */
static EditsRun *edits__runs(const RlsPlain *plain, const RlsTracked *t, size_t *n_out) {
    size_t nn = t->text.len;
    EditsRun *runs = NULL;
    size_t n_runs = 0, cap_runs = 0;
    for (size_t i = 0; i < nn;) {
        if (t->origin[i] < 0 || (uint32_t)t->origin[i] >= plain->len) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < nn && t->origin[j] == t->origin[j - 1] + 1)
            j++;
        EditsRun r = {(uint32_t)i, (uint32_t)t->origin[i], (uint32_t)(j - i)};
        RLS_PUSH(runs, n_runs, cap_runs, r);
        i = j;
    }
    *n_out = n_runs;
    return runs;
}

/* The runs that stay where they are: the heaviest chain of runs increasing
 * in both texts. Returns owned (free with rls_free): keep[r] for each run. */
static bool *edits__kept_runs(const EditsRun *runs, size_t n_runs) {
    size_t *best = rls_calloc(n_runs + 1, sizeof(size_t));
    long *prev = rls_calloc(n_runs + 1, sizeof(long));
    bool *keep = rls_calloc(n_runs + 1, sizeof(bool));
    long top = -1;
    size_t top_w = 0;
    for (size_t r = 0; r < n_runs; r++) {
        best[r] = runs[r].len;
        prev[r] = -1;
        for (size_t q = 0; q < r; q++) {
            if (runs[q].plain_start + runs[q].len <= runs[r].plain_start &&
                best[q] + runs[r].len > best[r]) {
                best[r] = best[q] + runs[r].len;
                prev[r] = (long)q;
            }
        }
        if (best[r] > top_w) {
            top_w = best[r];
            top = (long)r;
        }
    }
    for (long r = top; r >= 0; r = prev[r])
        keep[r] = true;
    rls_free(best);
    rls_free(prev);
    return keep;
}

/* A stretch of the plain text a fix changes. */
typedef struct {
    size_t a, b, c, d; /* old plain [a, b) -> new tracked [c, d) */
    RlsSpan span;      /* the source it replaces */
} EditsGap;

/* Pass 1: the gaps between kept runs, and the source each replaces, into
 * *gaps_out (owned; free with rls_free). Returns 0, or RLS_EREFUSED when a
 * gap's source cannot be replaced safely. */
static int edits__gaps(const RlsPlain *plain, const char *src, RlsFormat format, const char *nt,
                       size_t nn, const EditsRun *runs, size_t n_runs, const bool *keep,
                       EditsGap **gaps_out, size_t *n_out) {
    int rc = 0;
    EditsGap *gaps = NULL;
    size_t n_gaps = 0, cap_gaps = 0;
    uint32_t prev_plain = 0, prev_t = 0;
    for (size_t r = 0; r <= n_runs && rc == 0; r++) {
        if (r < n_runs && !keep[r]) continue;
        uint32_t gap_plain_end = r < n_runs ? runs[r].plain_start : plain->len;
        uint32_t gap_t_end = r < n_runs ? runs[r].t_start : (uint32_t)nn;
        size_t a = prev_plain, b = gap_plain_end, c = prev_t, d = gap_t_end;
        if (r < n_runs) {
            prev_plain = runs[r].plain_start + runs[r].len;
            prev_t = runs[r].t_start + runs[r].len;
        }
        while (a < b && c < d && plain->text[a] == nt[c])
            a++, c++;
        while (a < b && c < d && plain->text[b - 1] == nt[d - 1])
            b--, d--;
        /* Never split a UTF-8 character. */
        size_t back = a - edits__char_start(plain->text, a);
        size_t back_t = c - edits__char_start(nt, c);
        back = RLS_MAX(back, back_t);
        a -= back, c -= back;
        while ((b < plain->len && ((unsigned char)plain->text[b] & 0xC0) == 0x80) ||
               (d < nn && ((unsigned char)nt[d] & 0xC0) == 0x80))
            b++, d++;
        if (a == b && c == d) continue;
        EditsGap g = {a, b, c, d, {0, 0}};
        if (edits__old_span(plain, src, format, a, b, &g.span) != 0) rc = RLS_EREFUSED;
        RLS_PUSH(gaps, n_gaps, cap_gaps, g);
    }
    *gaps_out = gaps;
    *n_out = n_gaps;
    return rc;
}

/* The source of plain [os, oe), a run a fix moves: exact when it has one,
 * else the covering span, widened over the markup next to it when that
 * markup lies in a gap (replaced anyway), so "`orders.created_at`" moves
 * with its backticks. Returns 0, or RLS_EREFUSED. */
static int edits__moved_source(const RlsPlain *plain, const char *src, uint32_t src_len,
                               RlsFormat format, const EditsGap *gaps, size_t n_gaps, uint32_t os,
                               uint32_t oe, RlsSpan *moved) {
    *moved = (RlsSpan){0, 0};
    if (rls_plain_is_generated(plain, os, oe)) return RLS_EREFUSED;
    if (rls_plain_to_source(plain, os, oe, moved) != 0) {
        *moved = rls_plain_cover(plain, os, oe);
        uint32_t ext_s = os > 0 ? plain->src_end[os - 1] : moved->start_byte;
        uint32_t ext_e = oe < plain->len ? plain->src_start[oe] : moved->end_byte;
        bool in_s = false, in_e = false;
        for (size_t k = 0; k < n_gaps; k++) {
            RlsSpan gs = gaps[k].span;
            if (ext_s >= gs.start_byte && moved->start_byte <= gs.end_byte) in_s = true;
            if (moved->end_byte >= gs.start_byte && ext_e <= gs.end_byte) in_e = true;
        }
        if (in_s && ext_s < moved->start_byte) moved->start_byte = ext_s;
        if (in_e && ext_e > moved->end_byte) moved->end_byte = ext_e;
        if (!edits__balanced(plain, src, moved->start_byte, moved->end_byte, format))
            return RLS_EREFUSED;
    }
    return moved->end_byte > src_len ? RLS_EREFUSED : 0;
}

/* Pass 2: the new text of gap g into text (cleared first): new words
 * escaped for the format, moved runs copied from their source. Returns 0,
 * or RLS_EREFUSED. */
static int edits__gap_text(const RlsPlain *plain, const char *src, uint32_t src_len,
                           RlsFormat format, const RlsTracked *t, const EditsGap *gaps,
                           size_t n_gaps, size_t g, RlsBuf *text) {
    const char *nt = t->text.data ? t->text.data : "";
    size_t c = gaps[g].c, d = gaps[g].d;
    bool item_start = plain->len > 0 && gaps[g].span.start_byte == plain->src_start[0];
    rls_buf_clear(text);
    for (size_t i = c; i < d;) {
        if (t->origin[i] < 0) {
            size_t j = i;
            while (j < d && t->origin[j] < 0)
                j++;
            rls_escape_append(text, format, nt + i, j - i, item_start && i == c);
            i = j;
            continue;
        }
        size_t j = i + 1;
        while (j < d && t->origin[j] == t->origin[j - 1] + 1)
            j++;
        RlsSpan moved;
        if (edits__moved_source(plain, src, src_len, format, gaps, n_gaps, (uint32_t)t->origin[i],
                                (uint32_t)t->origin[j - 1] + 1, &moved) != 0)
            return RLS_EREFUSED;
        rls_buf_append(text, src + moved.start_byte, moved.end_byte - moved.start_byte);
        i = j;
    }
    return 0;
}

/* The writer's prose only: a quoted title, link text, a URL or a code span
 * is quoted from elsewhere, and a fix inside it would misquote. The scan
 * covers the bullet's lines, where their markers are. Returns 0, or
 * RLS_EREFUSED when an edit touches such text. */
static int edits__spare_quoted(const RlsPlain *plain, const char *src, uint32_t src_len,
                               RlsFormat format, const RlsTextEdit *edits, size_t n_edits) {
    if (plain->len == 0 || n_edits == 0) return 0;
    uint32_t from = plain->src_start[0], to = plain->src_end[plain->len - 1];
    while (from > 0 && src[from - 1] != '\n')
        from--;
    while (to < src_len && src[to] != '\n')
        to++;
    /* A span deleted by one edit may be re-inserted by another (the
     * outcome-first move): every new text counts. */
    RlsBuf all;
    rls_buf_init(&all);
    for (size_t e = 0; e < n_edits; e++) {
        rls_buf_puts(&all, edits[e].new_text);
        rls_buf_putc(&all, '\n');
    }
    int rc = 0;
    for (size_t e = 0; e < n_edits && rc == 0; e++)
        if (rls_edits_touch_protected(src, from, to, format, edits[e].span.start_byte,
                                      edits[e].span.end_byte, all.data))
            rc = RLS_EREFUSED;
    rls_buf_close(&all);
    return rc;
}

int rls_edits_from_tracked(const RlsPlain *plain, const char *src, uint32_t src_len,
                           RlsFormat format, const RlsTracked *t, RlsTextEdit **edits_out,
                           size_t *n_out) {
    const char *nt = t->text.data ? t->text.data : "";
    size_t n_runs = 0, n_gaps = 0;
    EditsRun *runs = edits__runs(plain, t, &n_runs);
    bool *keep = edits__kept_runs(runs, n_runs);
    EditsGap *gaps = NULL;
    int rc = edits__gaps(plain, src, format, nt, t->text.len, runs, n_runs, keep, &gaps, &n_gaps);
    RlsTextEdit *edits = NULL;
    size_t n_edits = 0, cap_edits = 0;
    RlsBuf text;
    rls_buf_init(&text);
    for (size_t g = 0; g < n_gaps && rc == 0; g++) {
        rc = edits__gap_text(plain, src, src_len, format, t, gaps, n_gaps, g, &text);
        if (rc != 0) break;
        RlsSpan span = gaps[g].span;
        if (span.start_byte == span.end_byte && text.len == 0) continue;
        RlsTextEdit e = {span, rls_strndup(text.data ? text.data : "", text.len)};
        RLS_PUSH(edits, n_edits, cap_edits, e);
    }
    if (rc == 0) rc = edits__spare_quoted(plain, src, src_len, format, edits, n_edits);
    rls_free(gaps);
    rls_buf_close(&text);
    rls_free(runs);
    rls_free(keep);
    if (rc != 0) {
        edits__free(edits, n_edits);
        return rc;
    }
    *edits_out = edits;
    *n_out = n_edits;
    return 0;
}

/* ---- Text that is not the writer's prose ---------------------------------------------------- */

static bool edits__starts(const char *src, uint32_t at, uint32_t to, const char *lit) {
    size_t n = strlen(lit);
    return at + n <= to && memcmp(src + at, lit, n) == 0;
}

/* The byte after the brace group opening at src[at] == '{' (nested groups
 * counted, escaped braces skipped), or `to` when it does not close. */
static uint32_t edits__group_end(const char *src, uint32_t at, uint32_t to) {
    int depth = 0;
    for (uint32_t i = at; i < to; i++) {
        if (src[i] == '\\') {
            i++;
            continue;
        }
        if (src[i] == '{') depth++;
        if (src[i] == '}' && --depth == 0) return i + 1;
    }
    return to;
}

/* The first occurrence of lit in src[at, to), or `to`. */
static uint32_t edits__find(const char *src, uint32_t at, uint32_t to, const char *lit) {
    for (uint32_t i = at; i < to; i++)
        if (edits__starts(src, i, to, lit)) return i;
    return to;
}

static bool edits__contains(const char *hay, const char *needle, size_t n) {
    for (const char *p = hay; *p; p++)
        if (strncmp(p, needle, n) == 0) return true;
    return false;
}

static bool edits__word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* The end of the protected construct starting at src[i], or i when none
 * starts there. */
static uint32_t edits__protected_end(const char *src, uint32_t from, uint32_t to, RlsFormat format,
                                     uint32_t i) {
    char c = src[i];
    bool word_start = i == from || !edits__word_char(src[i - 1]);
    /* Bare URLs, in both formats. */
    if (word_start &&
        (edits__starts(src, i, to, "http://") || edits__starts(src, i, to, "https://") ||
         edits__starts(src, i, to, "www."))) {
        uint32_t e = i;
        while (e < to && src[e] != ' ' && src[e] != '\n' && src[e] != '\r' && src[e] != '\t' &&
               src[e] != ')' && src[e] != '}' && src[e] != '>')
            e++;
        return e;
    }
    /* Quotation marks: a quoted title or phrase. */
    if (edits__starts(src, i, to, "\xe2\x80\x9c")) {
        uint32_t e = edits__find(src, i + 3, to, "\xe2\x80\x9d");
        return e < to ? e + 3 : i;
    }
    if (c == '"' && !(i > from && src[i - 1] == '\\')) { /* \"u is an umlaut */
        uint32_t e = edits__find(src, i + 1, to, "\"");
        return e < to ? e + 1 : i;
    }
    if (format == RLS_FORMAT_LATEX) {
        if (edits__starts(src, i, to, "``")) {
            uint32_t e = edits__find(src, i + 2, to, "''");
            return e < to ? e + 2 : i;
        }
        if (c == '{' && (edits__starts(src, i, to, "{\\em") || edits__starts(src, i, to, "{\\it")))
            return edits__group_end(src, i, to);
        if (c != '\\') return i;
        static const char *const one_arg[] = {"\\emph{",   "\\textit{", "\\textsl{",
                                              "\\texttt{", "\\url{",    "\\path{",
                                              "\\cite{",   "\\citep{",  "\\citet{"};
        for (size_t k = 0; k < RLS_ARRAY_LEN(one_arg); k++)
            if (edits__starts(src, i, to, one_arg[k]))
                return edits__group_end(src, i + (uint32_t)strlen(one_arg[k]) - 1, to);
        if (edits__starts(src, i, to, "\\href{")) {
            uint32_t e = edits__group_end(src, i + 5, to);
            return e < to && src[e] == '{' ? edits__group_end(src, e, to) : e;
        }
        if (edits__starts(src, i, to, "\\verb") && i + 5 < to) {
            uint32_t e = edits__find(src, i + 6, to, (char[]){src[i + 5], 0});
            return e < to ? e + 1 : i;
        }
        return i;
    }
    /* Markdown. Code spans: a run of backticks to the same run. */
    if (c == '`') {
        uint32_t k = i;
        while (k < to && src[k] == '`')
            k++;
        uint32_t run = k - i;
        for (uint32_t j = k; j < to; j++) {
            if (src[j] != '`') continue;
            uint32_t m = j;
            while (m < to && src[m] == '`')
                m++;
            if (m - j == run) return m;
            j = m;
        }
        return i;
    }
    /* Links "[text](url)", "[text][ref]" and autolinks "<https://...>".
     * A bracket not followed by a target is text ("[N]"). */
    if (c == '[') {
        int depth = 0;
        for (uint32_t j = i; j < to; j++) {
            if (src[j] == '\\') {
                j++;
                continue;
            }
            if (src[j] == '[') depth++;
            if (src[j] == ']' && --depth == 0) {
                if (j + 1 < to && src[j + 1] == '(') {
                    uint32_t e = edits__find(src, j + 1, to, ")");
                    return e < to ? e + 1 : i;
                }
                if (j + 1 < to && src[j + 1] == '[') {
                    uint32_t e = edits__find(src, j + 1, to, "]");
                    return e < to ? e + 1 : i;
                }
                return i;
            }
        }
        return i;
    }
    if (c == '<' && (edits__starts(src, i, to, "<http") || edits__starts(src, i, to, "<mailto:"))) {
        uint32_t e = edits__find(src, i, to, ">");
        return e < to ? e + 1 : i;
    }
    /* Emphasis with one delimiter, "*Title*" or "_Title_" (a title, as
     * citations set it); "**bold**" marks the writer's own words. An
     * underscore inside a word ("snake_case") is no delimiter. */
    if ((c == '*' || c == '_') && (i + 1 >= to || src[i + 1] != c) &&
        (i == from || src[i - 1] != c) && i + 1 < to && src[i + 1] != ' ' &&
        (c == '*' || word_start)) {
        for (uint32_t j = i + 2; j < to; j++) {
            if (src[j] == '\n' && j + 1 < to && src[j + 1] == '\n') break;
            if (src[j] != c || src[j - 1] == ' ' || src[j - 1] == '\\') continue;
            if (j + 1 < to && src[j + 1] == c) {
                j++;
                continue;
            }
            if (c == '_' && j + 1 < to && edits__word_char(src[j + 1])) continue;
            return j + 1;
        }
    }
    return i;
}

bool rls_edits_touch_protected(const char *src, uint32_t from, uint32_t to, RlsFormat format,
                               uint32_t start, uint32_t end, const char *new_text) {
    if (!src) return false;
    for (uint32_t i = from; i < to; i++) {
        if (format == RLS_FORMAT_MARKDOWN && src[i] == '\\') {
            i++; /* an escaped character starts nothing */
            continue;
        }
        uint32_t e = edits__protected_end(src, from, to, format, i);
        if (e == i) continue;
        bool touch = start == end ? start > i && start < e : start < e && i < end;
        /* Moved whole, markers and all ("by adding an index on `x`"), the
         * quoted text is unchanged. */
        bool moved = start <= i && e <= end && new_text && e - i < 512 &&
                     edits__contains(new_text, src + i, e - i);
        if (touch && !moved) return true;
        i = e - 1;
    }
    return false;
}

typedef struct {
    const RlsTextEdit *e;
    size_t index;
} EditsOrder;

static int edits__cmp(const void *pa, const void *pb) {
    const EditsOrder *a = pa, *b = pb;
    if (a->e->span.start_byte != b->e->span.start_byte)
        return a->e->span.start_byte < b->e->span.start_byte ? -1 : 1;
    if (a->e->span.end_byte != b->e->span.end_byte)
        return a->e->span.end_byte < b->e->span.end_byte ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

int rls_edits_apply(const char *src, uint32_t src_len, const RlsTextEdit *edits, size_t n_edits,
                    RlsBuf *out) {
    if (!src && src_len) return RLS_EINVAL;
    if (n_edits && !edits) return RLS_EINVAL;
    EditsOrder *order = rls_malloc((n_edits ? n_edits : 1) * sizeof *order);
    for (size_t i = 0; i < n_edits; i++)
        order[i] = (EditsOrder){&edits[i], i};
    qsort(order, n_edits, sizeof *order, edits__cmp);
    int rc = 0;
    for (size_t i = 0; i < n_edits && rc == 0; i++) {
        RlsSpan s = order[i].e->span;
        if (s.start_byte > s.end_byte || s.end_byte > src_len) rc = RLS_ERANGE;
        if (i > 0 && s.start_byte < order[i - 1].e->span.end_byte) rc = RLS_EINVAL;
    }
    if (rc == 0) {
        uint32_t at = 0;
        for (size_t i = 0; i < n_edits; i++) {
            const RlsTextEdit *e = order[i].e;
            rls_buf_append(out, src + at, e->span.start_byte - at);
            if (e->new_text) rls_buf_puts(out, e->new_text);
            at = e->span.end_byte;
        }
        rls_buf_append(out, src + at, src_len - at);
    }
    rls_free(order);
    return rc;
}
