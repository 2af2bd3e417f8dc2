/*
 * text.h - a document's UTF-8 text, its line index, and position mapping.
 *
 * The byte offset is the canonical position. LSP positions (line plus a
 * character offset in the negotiated encoding) exist only at the protocol
 * boundary and are converted here, in one place.
 *
 * Two line tables are kept, because the two consumers disagree:
 *   - LSP lines end at "\n", "\r\n" or a lone "\r" (LSP 3.17, Position);
 *   - tree-sitter rows end at "\n" only, with columns counted in bytes.
 *
 * Every position that comes from a client is clamped, never trusted: a line
 * past the end maps to the end of the text, a character past the end of its
 * line maps to the end of that line (terminator excluded), and an offset in
 * the middle of a UTF-8 sequence or of a UTF-16 surrogate pair snaps back to
 * the start of that character.
 */
#ifndef RLS_TEXT_H_
#define RLS_TEXT_H_

#include "rls/common.h"

typedef enum {
    RLS_ENC_UTF8 = 8,   /* character = byte */
    RLS_ENC_UTF16 = 16, /* character = UTF-16 code unit (LSP default) */
    RLS_ENC_UTF32 = 32, /* character = code point */
} RlsEncoding;

/* An LSP position: zero-based line and character in some RlsEncoding. */
typedef struct {
    uint32_t line;
    uint32_t character;
} RlsLspPos;

typedef struct {
    RlsLspPos start;
    RlsLspPos end;
} RlsLspRange;

/* A tree-sitter point: zero-based row ("\n" lines) and column in bytes. */
typedef struct {
    uint32_t row;
    uint32_t col_byte;
} RlsPoint;

/* One replacement, described in bytes and points the way ts_tree_edit wants. */
typedef struct {
    uint32_t start_byte;
    uint32_t old_end_byte;
    uint32_t new_end_byte;
    RlsPoint start_point;
    RlsPoint old_end_point;
    RlsPoint new_end_point;
} RlsByteEdit;

typedef struct RlsText RlsText;

/* ---- Lifetime ---------------------------------------------------------- */

/* Returns an owned text holding a copy of data[0..len); free with
 * rls_text_delete. The bytes are kept as given (the shell has already turned
 * invalid UTF-8 into U+FFFD); a NUL byte is an ordinary character. */
RlsText *rls_text_new(const char *data, size_t len);
void rls_text_delete(RlsText *self);

/* ---- Content ------------------------------------------------------------ */

/* Borrows the bytes; always NUL-terminated; invalidated by any edit. */
const char *rls_text_data(const RlsText *self);
uint32_t rls_text_len(const RlsText *self);

/* Number of LSP lines: one more than the number of line terminators. */
uint32_t rls_text_line_count(const RlsText *self);
/* Byte offset where LSP line `line` starts (clamped to the last line). */
uint32_t rls_text_line_start(const RlsText *self, uint32_t line);
/* Byte offset where LSP line `line` ends, before its terminator. */
uint32_t rls_text_line_end(const RlsText *self, uint32_t line);
/* LSP line that contains byte offset `byte` (clamped). */
uint32_t rls_text_line_of(const RlsText *self, uint32_t byte);

/* ---- Lines of any text ------------------------------------------------------
 * The one definition of a line for every caller, with or without an RlsText
 * (the rules' line numbers, hover, the Markdown reader's tree-sitter points):
 * when lsp, a line ends at "\n", "\r\n" or a lone "\r" (LSP lines, as above);
 * otherwise at "\n" only (tree-sitter rows). */

/* Returns the owned array of the byte offsets at which the lines of
 * src[0..len) start, ascending, the first 0; *n gets their number (at least
 * 1: one more than the line terminators). Free with rls_free. */
uint32_t *rls_line_starts(const char *src, uint32_t len, bool lsp, uint32_t *n);
/* The zero-based line that holds byte, in starts[0..n) from rls_line_starts
 * (n >= 1): the last line starting at or before it. */
uint32_t rls_line_find(const uint32_t *starts, uint32_t n, uint32_t byte);
/* The zero-based line of byte in src[0..len) (bytes past len count as len),
 * counted without building the starts: for a single lookup. */
uint32_t rls_line_at(const char *src, uint32_t len, uint32_t byte, bool lsp);
/* The LSP line of src[0..len) around byte (<= len), without its terminator:
 * from just after the "\n" or "\r" before byte to the first one at or
 * after it. */
RlsSpan rls_line_span(const char *src, uint32_t len, uint32_t byte);

/* ---- Position mapping (clamping, see the file comment) -------------------- */

uint32_t rls_text_offset_at(const RlsText *self, RlsLspPos pos, RlsEncoding enc);
RlsLspPos rls_text_pos_at(const RlsText *self, uint32_t byte, RlsEncoding enc);
RlsLspRange rls_text_range_of(const RlsText *self, RlsSpan span, RlsEncoding enc);
/* Converts a client range to bytes; an inverted range is reordered. */
RlsSpan rls_text_span_of(const RlsText *self, RlsLspRange range, RlsEncoding enc);
RlsPoint rls_text_point_at(const RlsText *self, uint32_t byte);

/* Length of the UTF-8 sequence at p (limit > 0 bytes available) and its
 * code point in *cp. An invalid, overlong, surrogate or truncated sequence
 * is one byte of U+FFFD, so that every byte belongs to exactly one
 * character. */
uint32_t rls_utf8_decode(const unsigned char *p, uint32_t limit, uint32_t *cp);

/* ---- Editing -------------------------------------------------------------- */

/* Replaces bytes [start_byte, end_byte) with data[0..len). Offsets must be in
 * range and ordered (callers clamp client input with rls_text_span_of first);
 * otherwise returns RLS_ERANGE and changes nothing. Returns RLS_ETOOBIG if
 * the result would exceed RLS_TEXT_MAX_BYTES. On success fills *edit (may be
 * NULL) for tree-sitter and returns 0. The line index is updated
 * incrementally. */
int rls_text_replace(RlsText *self, uint32_t start_byte, uint32_t end_byte, const char *data,
                     size_t len, RlsByteEdit *edit);

/* Largest document resume-ls accepts: far above any real resume, small
 * enough that a 32-bit offset and a bounded parse time are safe. */
#define RLS_TEXT_MAX_BYTES (64u * 1024u * 1024u)

#endif /* RLS_TEXT_H_ */
