/*
 * framing.h - the LSP base protocol's framing as a pure state machine.
 *
 * Bytes go in (in chunks of any size: one byte at a time, or several
 * messages in one read), complete message bodies come out. No I/O and no
 * JSON: the framer only knows headers and lengths, so it can be unit-tested
 * and fuzzed on its own (issue 8).
 *
 * What it accepts (LSP 3.17, "Base Protocol"):
 *   - header names compared case-insensitively ("content-length" works);
 *   - Content-Type optional and ignored (the body is always UTF-8 JSON);
 *   - lines ended by "\r\n" or, tolerated, by a bare "\n".
 *
 * How it recovers (the server must keep serving whatever arrives):
 *   - a header line that is not "name: value" is dropped;
 *   - a header line that *contains* "Content-Length:" after some junk (the
 *     tail of a previous body whose Content-Length was too short) still
 *     counts, so a mis-sized message costs only itself;
 *   - a header block without a Content-Length is reported and dropped;
 *   - a body longer than the ceiling is reported (RLS_ETOOBIG) and its bytes
 *     are skipped without being buffered; if a new "Content-Length:" header
 *     shows up inside the skipped bytes, the declared length was a lie and
 *     the framer resynchronises there instead of swallowing later messages.
 */
#ifndef RLS_TRANSPORT_FRAMING_H_
#define RLS_TRANSPORT_FRAMING_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rls/buf.h"

/* Default ceiling on one body: twice the largest document (text.h) leaves
 * room for JSON escaping of a document at the limit. */
#define RLS_FRAMING_DEFAULT_MAX_BODY ((size_t)128 * 1024 * 1024)
/* A header block longer than this is junk, not headers. */
#define RLS_FRAMING_MAX_HEADER_LINE 4096

typedef enum {
    RLS_FRAME_MESSAGE,    /* body[0..len) is one complete message body */
    RLS_FRAME_TOO_BIG,    /* a body over the ceiling was refused (len: declared size, capped) */
    RLS_FRAME_BAD_HEADER, /* malformed header or header block: dropped (body: the line) */
} RlsFrameEvent;

/* Called once per event, in stream order. body is borrowed: it is valid
 * only during the call. For RLS_FRAME_BAD_HEADER it is the offending line
 * (for logs); for RLS_FRAME_TOO_BIG it is "". body[len] is a NUL byte. */
typedef void (*RlsFrameCb)(void *data, RlsFrameEvent event, const char *body, size_t len);

typedef enum {
    RLS_FRAMER__HEADER, /* collecting a header line */
    RLS_FRAMER__BODY,   /* collecting want_bytes of body */
    RLS_FRAMER__SKIP,   /* discarding an oversized body */
} RlsFramerState;

typedef struct {
    RlsFramerState state;
    size_t max_body;
    RlsBuf line;         /* the header line being collected */
    RlsBuf body;         /* the body being collected */
    int64_t length;      /* Content-Length of the current header block, -1 if none yet */
    bool any_header;     /* the current header block has at least one line */
    bool line_overflow;  /* the current line was too long and only its tail is kept */
    uint64_t want_bytes; /* body or skip bytes still expected */
    size_t skip_match;   /* how much of "content-length:" the skipped bytes end with */
} RlsFramer;

/* Initialises a framer the caller owns; max_body 0 means the default. */
void rls_framer_init(RlsFramer *self, size_t max_body);
/* Frees the buffers; the struct may be re-initialised. */
void rls_framer_close(RlsFramer *self);

/* Feeds bytes[0..len) and calls cb for every event they complete. Partial
 * headers and bodies are kept for the next call. Never fails. */
void rls_framer_feed(RlsFramer *self, const char *bytes, size_t len, RlsFrameCb cb, void *data);

/* Appends one framed message ("Content-Length: N\r\n\r\n" + body) to out. */
void rls_framer_frame(RlsBuf *out, const char *body, size_t len);

#endif /* RLS_TRANSPORT_FRAMING_H_ */
