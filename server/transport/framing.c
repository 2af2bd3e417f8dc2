/*
 * framing.c - LSP base-protocol framing as a state machine (framing.h).
 *
 * The framer copies bytes into its own buffers, so the caller's read buffer
 * can be reused at once (libuv hands us a buffer per read).
 */
#include "transport/framing.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "rls/alloc.h"

static const char framing__key[] = "content-length";
#define FRAMING__KEY_LEN (sizeof(framing__key) - 1)
/* Bytes kept of an overlong junk line: enough to find a header in its tail. */
#define FRAMING__TAIL 64

void rls_framer_init(RlsFramer *self, size_t max_body) {
    memset(self, 0, sizeof(*self));
    self->state = RLS_FRAMER__HEADER;
    self->max_body = max_body ? max_body : RLS_FRAMING_DEFAULT_MAX_BODY;
    rls_buf_init(&self->line);
    rls_buf_init(&self->body);
    self->length = -1;
}

void rls_framer_close(RlsFramer *self) {
    rls_buf_close(&self->line);
    rls_buf_close(&self->body);
    rls_framer_init(self, self->max_body);
}

void rls_framer_frame(RlsBuf *out, const char *body, size_t len) {
    rls_buf_printf(out, "Content-Length: %zu\r\n\r\n", len);
    rls_buf_append(out, body, len);
}

static void framing__reset_header(RlsFramer *self) {
    self->state = RLS_FRAMER__HEADER;
    self->length = -1;
    self->any_header = false;
    self->line_overflow = false;
    rls_buf_clear(&self->line);
}

/* Finds the last "content-length" (any case) followed by optional blanks and
 * a colon; returns a pointer just after the colon, or NULL. Searching the
 * whole line rather than its start is what lets junk before the header (the
 * unread tail of a body declared too short) cost nothing. */
static const char *framing__find_length(const char *line, size_t len) {
    const char *found = NULL;
    for (size_t i = 0; i + FRAMING__KEY_LEN <= len; i++) {
        if (strncasecmp(line + i, framing__key, FRAMING__KEY_LEN) != 0) continue;
        size_t j = i + FRAMING__KEY_LEN;
        while (j < len && (line[j] == ' ' || line[j] == '\t'))
            j++;
        if (j < len && line[j] == ':') found = line + j + 1;
    }
    return found;
}

/* Parses a decimal length, saturating instead of overflowing: a length too
 * big to represent is simply too big. Returns -1 if it is not a number. */
static int64_t framing__parse_length(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p == end || !isdigit((unsigned char)*p)) return -1;
    int64_t value = 0;
    for (; p < end && isdigit((unsigned char)*p); p++) {
        if (value < INT64_MAX / 16) value = value * 10 + (*p - '0');
    }
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p == end ? value : -1;
}

/* A complete header line (terminator removed) or the end of the block. */
static void framing__header_line(RlsFramer *self, RlsFrameCb cb, void *data) {
    char empty[1] = "";
    char *line = self->line.data ? self->line.data : empty;
    size_t len = self->line.len;
    if (len && line[len - 1] == '\r') line[--len] = '\0';

    if (len == 0 && !self->line_overflow) {
        if (!self->any_header) return; /* stray blank line between messages */
        if (self->length < 0) {
            cb(data, RLS_FRAME_BAD_HEADER, "header block without Content-Length", 35);
            framing__reset_header(self);
            return;
        }
        rls_buf_clear(&self->body);
        self->want_bytes = (uint64_t)self->length;
        if ((uint64_t)self->length > self->max_body) {
            size_t declared = (uint64_t)self->length > SIZE_MAX ? SIZE_MAX : (size_t)self->length;
            framing__reset_header(self);
            self->state = RLS_FRAMER__SKIP;
            self->want_bytes = (uint64_t)declared;
            self->skip_match = 0;
            cb(data, RLS_FRAME_TOO_BIG, "", declared);
            return;
        }
        if (self->length == 0) {
            framing__reset_header(self);
            cb(data, RLS_FRAME_MESSAGE, "", 0);
            return;
        }
        self->state = RLS_FRAMER__BODY;
        return;
    }

    self->any_header = true;
    const char *value = framing__find_length(line, len);
    if (value) {
        int64_t n = framing__parse_length(value, line + len);
        if (n >= 0) {
            self->length = n;
        } else {
            cb(data, RLS_FRAME_BAD_HEADER, line, len);
        }
    } else if (self->line_overflow || !memchr(line, ':', len)) {
        cb(data, RLS_FRAME_BAD_HEADER, line, len);
    }
    /* Other "name: value" headers (Content-Type) are accepted and ignored. */
    self->line_overflow = false;
    rls_buf_clear(&self->line);
}

/* Consumes header bytes up to and including one newline; returns how many. */
static size_t framing__feed_header(RlsFramer *self, const char *p, size_t n, RlsFrameCb cb,
                                   void *data) {
    const char *nl = memchr(p, '\n', n);
    size_t take = nl ? (size_t)(nl - p) : n;
    if (self->line.len + take <= RLS_FRAMING_MAX_HEADER_LINE) {
        rls_buf_append(&self->line, p, take);
    } else {
        /* Junk without a newline (a body sent without headers, say): keep
         * only its tail, where the next real header may start. */
        if (take >= FRAMING__TAIL) {
            rls_buf_clear(&self->line);
            rls_buf_append(&self->line, p + take - FRAMING__TAIL, FRAMING__TAIL);
        } else {
            rls_buf_append(&self->line, p, take);
            size_t cut = self->line.len - FRAMING__TAIL;
            memmove(self->line.data, self->line.data + cut, FRAMING__TAIL);
            self->line.len = FRAMING__TAIL;
            self->line.data[FRAMING__TAIL] = '\0';
        }
        self->line_overflow = true;
    }
    if (!nl) return n;
    framing__header_line(self, cb, data);
    return take + 1;
}

static size_t framing__feed_body(RlsFramer *self, const char *p, size_t n, RlsFrameCb cb,
                                 void *data) {
    size_t take = self->want_bytes < n ? (size_t)self->want_bytes : n;
    rls_buf_append(&self->body, p, take);
    self->want_bytes -= take;
    if (self->want_bytes == 0) {
        framing__reset_header(self);
        cb(data, RLS_FRAME_MESSAGE, self->body.data, self->body.len);
        rls_buf_clear(&self->body);
    }
    return take;
}

/* Skips an oversized body, watching for a header that would show the
 * declared length was wrong. */
static size_t framing__feed_skip(RlsFramer *self, const char *p, size_t n) {
    size_t i = 0;
    while (i < n && self->want_bytes > 0) {
        char c = (char)tolower((unsigned char)p[i]);
        i++;
        self->want_bytes--;
        if (c == framing__key[self->skip_match]) {
            self->skip_match++;
        } else {
            /* 'c' occurs only at the start of the key, so a mismatch can
             * only restart a match on this very byte. */
            self->skip_match = c == framing__key[0] ? 1 : 0;
        }
        if (self->skip_match == FRAMING__KEY_LEN) {
            framing__reset_header(self);
            rls_buf_append(&self->line, "Content-Length", FRAMING__KEY_LEN);
            self->any_header = true;
            return i;
        }
    }
    if (self->want_bytes == 0) framing__reset_header(self);
    return i;
}

void rls_framer_feed(RlsFramer *self, const char *bytes, size_t len, RlsFrameCb cb, void *data) {
    size_t off = 0;
    while (off < len) {
        const char *p = bytes + off;
        size_t n = len - off;
        switch (self->state) {
        case RLS_FRAMER__HEADER:
            off += framing__feed_header(self, p, n, cb, data);
            break;
        case RLS_FRAMER__BODY:
            off += framing__feed_body(self, p, n, cb, data);
            break;
        case RLS_FRAMER__SKIP:
            off += framing__feed_skip(self, p, n);
            break;
        }
    }
}
