/*
 * text.c - document text, line indexes and position mapping (text.h).
 *
 * Both line indexes are arrays of line-start byte offsets, updated in place
 * on every edit: only the starts next to the edit are rescanned, the rest
 * are shifted. That keeps a keystroke O(lines) in the worst case (a memmove)
 * instead of a rescan of the whole document.
 */
#include "rls/text.h"

#include <string.h>

#include "rls/alloc.h"

typedef struct {
    uint32_t *starts; /* starts[0] == 0; ascending */
    uint32_t len;
    size_t cap;
} LineIndex;

typedef struct {
    uint32_t line, byte, units;
    bool valid;
} PosMemo;

struct RlsText {
    char *data;
    uint32_t len;
    size_t cap;
    LineIndex lsp;  /* "\n", "\r\n" and lone "\r" end a line */
    LineIndex rows; /* "\n" only, for tree-sitter points */
    /* The last position rls_text_pos_at measured: callers convert findings
     * in document order, so the next one on the same line counts on from
     * here. Counting from the line start each time was quadratic on a long
     * line (a 1 MB one-line file with 120,000 findings: minutes). */
    PosMemo last[3]; /* one per encoding: output may give both a UTF-16 and a byte column */
};

/* ---- Line indexes ---------------------------------------------------------- */

/* The line start produced by the terminator byte at data[i], or 0 when
 * data[i] ends no line ("\r" directly before "\n" leaves that to "\n"). */
static uint32_t text__start_after(const char *data, uint32_t len, uint32_t i, bool lsp) {
    if (data[i] == '\n') return i + 1;
    if (lsp && data[i] == '\r' && !(i + 1 < len && data[i + 1] == '\n')) return i + 1;
    return 0;
}

/* First index whose start is > byte (upper bound): starts[0] is 0, so it
 * is the line that holds byte, plus one. */
static uint32_t text__upper(const LineIndex *ix, uint32_t byte) {
    return rls_line_find(ix->starts, ix->len, byte) + 1;
}

/* First index whose start is >= byte (lower bound). */
static uint32_t text__lower(const LineIndex *ix, uint32_t byte) {
    uint32_t lo = 0, hi = ix->len;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ix->starts[mid] < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void text__index_build(LineIndex *ix, const char *data, uint32_t len, bool lsp) {
    rls_free(ix->starts);
    ix->starts = rls_line_starts(data, len, lsp, &ix->len);
    ix->cap = ix->len;
}

/* ---- Lines of any text --------------------------------------------------------- */

uint32_t *rls_line_starts(const char *src, uint32_t len, bool lsp, uint32_t *n) {
    size_t cap = len / 48 + 16, count = 0;
    uint32_t *starts = rls_malloc(cap * sizeof(*starts));
    starts[count++] = 0;
    if (lsp && memchr(src, '\r', len)) {
        for (uint32_t i = 0; i < len; i++) {
            uint32_t start = text__start_after(src, len, i, true);
            if (start) RLS_PUSH(starts, count, cap, start);
        }
    } else {
        /* No "\r" to pair: memchr finds the line ends far faster than a
         * loop over every byte (most documents). */
        const char *p = src, *end = src + len, *nl;
        while (p < end && (nl = memchr(p, '\n', (size_t)(end - p)))) {
            RLS_PUSH(starts, count, cap, (uint32_t)(nl + 1 - src));
            p = nl + 1;
        }
    }
    *n = (uint32_t)count;
    return starts;
}

uint32_t rls_line_find(const uint32_t *starts, uint32_t n, uint32_t byte) {
    uint32_t lo = 0, hi = n;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (starts[mid] <= byte)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

RlsSpan rls_line_span(const char *src, uint32_t len, uint32_t byte) {
    uint32_t start = byte, end = byte;
    while (start > 0 && src[start - 1] != '\n' && src[start - 1] != '\r')
        start--;
    while (end < len && src[end] != '\n' && src[end] != '\r')
        end++;
    return (RlsSpan){start, end};
}

uint32_t rls_line_at(const char *src, uint32_t len, uint32_t byte, bool lsp) {
    uint32_t line = 0;
    for (uint32_t i = 0; i < byte && i < len; i++)
        line += text__start_after(src, len, i, lsp) != 0;
    return line;
}

/* Updates the index after data[s, old_e) became data[s, s + new_len).
 * Pre-condition: data already holds the new text (length new_total).
 * A terminator can change only next to the edit ("\r" before it may pair
 * with a new "\n", "\n" after it may lose or gain its "\r"), so old starts
 * in [max(s,1), old_e + 1] are dropped and the new text from s - 1 to one
 * byte past the edit is rescanned. */
static void text__index_update(LineIndex *ix, const char *data, uint32_t new_total, uint32_t s,
                               uint32_t old_e, uint32_t new_len, bool lsp) {
    int64_t delta = (int64_t)new_len - (int64_t)(old_e - s);
    uint32_t drop_from = text__lower(ix, s > 0 ? s : 1);
    uint32_t drop_to = text__upper(ix, old_e + 1); /* exclusive */

    uint32_t scan_from = s > 0 ? s - 1 : 0;
    uint32_t scan_to = s + new_len + 1 < new_total ? s + new_len + 1 : new_total;
    uint32_t n_fresh = 0;
    /* Count first so the array is resized once. */
    for (uint32_t i = scan_from; i < scan_to; i++)
        if (text__start_after(data, new_total, i, lsp)) n_fresh++;

    uint32_t tail = ix->len - drop_to;
    uint32_t new_count = drop_from + n_fresh + tail;
    rls_grow((void **)&ix->starts, &ix->cap, new_count, sizeof(uint32_t));
    memmove(ix->starts + drop_from + n_fresh, ix->starts + drop_to, tail * sizeof(uint32_t));
    for (uint32_t k = 0; k < tail; k++)
        ix->starts[drop_from + n_fresh + k] =
            (uint32_t)((int64_t)ix->starts[drop_from + n_fresh + k] + delta);
    uint32_t w = drop_from;
    for (uint32_t i = scan_from; i < scan_to; i++) {
        uint32_t start = text__start_after(data, new_total, i, lsp);
        if (start) ix->starts[w++] = start;
    }
    ix->len = new_count;
}

/* ---- Lifetime ---------------------------------------------------------------- */

RlsText *rls_text_new(const char *data, size_t len) {
    if (len > RLS_TEXT_MAX_BYTES) len = RLS_TEXT_MAX_BYTES;
    RlsText *self = rls_calloc(1, sizeof(*self));
    self->cap = len + 1;
    self->data = rls_malloc(self->cap);
    if (len) memcpy(self->data, data, len);
    self->data[len] = '\0';
    self->len = (uint32_t)len;
    text__index_build(&self->lsp, self->data, self->len, true);
    text__index_build(&self->rows, self->data, self->len, false);
    return self;
}

void rls_text_delete(RlsText *self) {
    if (!self) return;
    rls_free(self->data);
    rls_free(self->lsp.starts);
    rls_free(self->rows.starts);
    rls_free(self);
}

const char *rls_text_data(const RlsText *self) {
    return self->data;
}

uint32_t rls_text_len(const RlsText *self) {
    return self->len;
}

/* ---- Lines ------------------------------------------------------------------- */

uint32_t rls_text_line_count(const RlsText *self) {
    return self->lsp.len;
}

uint32_t rls_text_line_start(const RlsText *self, uint32_t line) {
    if (line >= self->lsp.len) line = self->lsp.len - 1;
    return self->lsp.starts[line];
}

uint32_t rls_text_line_end(const RlsText *self, uint32_t line) {
    if (line >= self->lsp.len) line = self->lsp.len - 1;
    uint32_t end = line + 1 < self->lsp.len ? self->lsp.starts[line + 1] : self->len;
    uint32_t start = self->lsp.starts[line];
    /* Strip the terminator: "\n", "\r" or "\r\n". */
    if (end > start && self->data[end - 1] == '\n') end--;
    if (end > start && self->data[end - 1] == '\r' && line + 1 < self->lsp.len) end--;
    return end;
}

uint32_t rls_text_line_of(const RlsText *self, uint32_t byte) {
    if (byte > self->len) byte = self->len;
    return text__upper(&self->lsp, byte) - 1;
}

/* ---- Characters -------------------------------------------------------------- */

uint32_t rls_utf8_decode(const unsigned char *p, uint32_t limit, uint32_t *cp) {
    unsigned char c = p[0];
    uint32_t need;
    uint32_t value;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
        need = 2;
        value = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        need = 3;
        value = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
        need = 4;
        value = c & 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (need > limit) {
        *cp = 0xFFFD;
        return 1;
    }
    for (uint32_t k = 1; k < need; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        value = (value << 6) | (p[k] & 0x3F);
    }
    /* Overlong forms and surrogates are invalid too. */
    if ((need == 3 && (value < 0x800 || (value >= 0xD800 && value <= 0xDFFF))) ||
        (need == 4 && (value < 0x10000 || value > 0x10FFFF))) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = value;
    return need;
}

static uint32_t text__units(uint32_t cp, uint32_t nbytes, RlsEncoding enc) {
    switch (enc) {
    case RLS_ENC_UTF8:
        return nbytes;
    case RLS_ENC_UTF32:
        return 1;
    case RLS_ENC_UTF16:
    default:
        return cp >= 0x10000 ? 2 : 1;
    }
}

uint32_t rls_text_offset_at(const RlsText *self, RlsLspPos pos, RlsEncoding enc) {
    if (pos.line >= self->lsp.len) return self->len;
    uint32_t at = self->lsp.starts[pos.line];
    uint32_t end = rls_text_line_end(self, pos.line);
    uint32_t units = 0;
    const unsigned char *p = (const unsigned char *)self->data;
    while (at < end && units < pos.character) {
        uint32_t cp;
        uint32_t n = rls_utf8_decode(p + at, end - at, &cp);
        uint32_t u = text__units(cp, n, enc);
        /* A position inside a character (half a surrogate pair, a byte
         * inside a UTF-8 sequence) snaps back to its start. */
        if (units + u > pos.character) break;
        units += u;
        at += n;
    }
    return at;
}

RlsLspPos rls_text_pos_at(const RlsText *self, uint32_t byte, RlsEncoding enc) {
    if (byte > self->len) byte = self->len;
    uint32_t line = rls_text_line_of(self, byte);
    uint32_t at = self->lsp.starts[line];
    uint32_t end = rls_text_line_end(self, line);
    if (byte > end) byte = end;
    uint32_t units = 0;
    /* The memo is no part of the text's value: writing it through a const
     * view is safe because no RlsText is defined const. */
    RlsText *mutable_self = (RlsText *)self;
    PosMemo *memo = &mutable_self->last[enc == RLS_ENC_UTF8 ? 0 : enc == RLS_ENC_UTF16 ? 1 : 2];
    if (memo->valid && memo->line == line && memo->byte <= byte) {
        at = memo->byte;
        units = memo->units;
    }
    const unsigned char *p = (const unsigned char *)self->data;
    while (at < byte) {
        uint32_t cp;
        uint32_t n = rls_utf8_decode(p + at, end - at, &cp);
        if (at + n > byte) break; /* byte is inside this character */
        units += text__units(cp, n, enc);
        at += n;
    }
    memo->line = line;
    memo->byte = at;
    memo->units = units;
    memo->valid = true;
    return (RlsLspPos){line, units};
}

RlsLspRange rls_text_range_of(const RlsText *self, RlsSpan span, RlsEncoding enc) {
    RlsLspRange r = {rls_text_pos_at(self, span.start_byte, enc),
                     rls_text_pos_at(self, span.end_byte, enc)};
    return r;
}

RlsSpan rls_text_span_of(const RlsText *self, RlsLspRange range, RlsEncoding enc) {
    uint32_t a = rls_text_offset_at(self, range.start, enc);
    uint32_t b = rls_text_offset_at(self, range.end, enc);
    if (b < a) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    return (RlsSpan){a, b};
}

RlsPoint rls_text_point_at(const RlsText *self, uint32_t byte) {
    if (byte > self->len) byte = self->len;
    uint32_t row = text__upper(&self->rows, byte) - 1;
    return (RlsPoint){row, byte - self->rows.starts[row]};
}

/* ---- Editing ------------------------------------------------------------------ */

int rls_text_replace(RlsText *self, uint32_t start_byte, uint32_t end_byte, const char *data,
                     size_t len, RlsByteEdit *edit) {
    if (start_byte > end_byte || end_byte > self->len) return RLS_ERANGE;
    uint64_t new_total = (uint64_t)self->len - (end_byte - start_byte) + len;
    if (new_total > RLS_TEXT_MAX_BYTES) return RLS_ETOOBIG;
    memset(self->last, 0, sizeof(self->last));

    RlsByteEdit e;
    e.start_byte = start_byte;
    e.old_end_byte = end_byte;
    e.new_end_byte = start_byte + (uint32_t)len;
    e.start_point = rls_text_point_at(self, start_byte);
    e.old_end_point = rls_text_point_at(self, end_byte);

    rls_grow((void **)&self->data, &self->cap, (size_t)new_total + 1, 1);
    memmove(self->data + start_byte + len, self->data + end_byte, self->len - end_byte + 1);
    if (len) memcpy(self->data + start_byte, data, len);
    self->len = (uint32_t)new_total;

    text__index_update(&self->lsp, self->data, self->len, start_byte, end_byte, (uint32_t)len,
                       true);
    text__index_update(&self->rows, self->data, self->len, start_byte, end_byte, (uint32_t)len,
                       false);
    e.new_end_point = rls_text_point_at(self, e.new_end_byte);
    if (edit) *edit = e;
    return 0;
}
