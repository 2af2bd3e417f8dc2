/*
 * stdio.c - libuv transport (stdio.h).
 */
#define _POSIX_C_SOURCE 200809L /* uv.h needs POSIX types */

#include "transport/stdio.h"

#include <string.h>
#include <uv.h>

#include "config/log.h"
#include "rls/alloc.h"
#include "rls/common.h"
#include "transport/framing.h"

#define STDIO__READ_CHUNK 65536

/* Output backpressure. While more than STDIO__OUTPUT_HIGH bytes of framed
 * output wait to be written (a client that does not read its replies),
 * the dispatcher holds its queue and input is not read; both resume once
 * the client has read enough that at most STDIO__OUTPUT_LOW bytes wait.
 * So a slow client costs at most about HIGH plus one reply of memory, and
 * the pipe's own buffer makes the client's writes block, as they should.
 * Reading also pauses while STDIO__MAX_QUEUED messages wait to run. */
#define STDIO__OUTPUT_HIGH (4u * 1024u * 1024u)
#define STDIO__OUTPUT_LOW (1u * 1024u * 1024u)
#define STDIO__MAX_QUEUED 1024

typedef union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_pipe_t pipe;
    uv_tty_t tty;
    uv_tcp_t tcp;
} StdioStream;

/* One write request and the bytes it owns until write_cb. */
typedef struct {
    uv_write_t req;
    char *data;
} StdioWrite;

struct RlsStdio {
    uv_loop_t loop;
    StdioStream in, out;
    bool in_is_file, out_is_file;
    int in_fd, out_fd;
    uv_fs_t in_req; /* file input: one read in flight at a time */
    bool in_req_busy;
    char *in_buf; /* file input buffer */
    uv_check_t check;

    RlsFramer framer;
    RlsDispatch *dispatch;
    RlsBuf pending; /* framed output waiting for the next flush */
    size_t writes_in_flight;
    bool output_full; /* over STDIO__OUTPUT_HIGH, not yet back to LOW */
    bool reading;     /* the stream read is started / a file read is wanted */

    bool eof;     /* no more input */
    bool closing; /* handles are being closed */
    int handles_open;
};

/* ---- Output ------------------------------------------------------------------ */

void rls_stdio_send(void *data, const char *body, size_t len) {
    RlsStdio *self = data;
    rls_framer_frame(&self->pending, body, len);
}

static void stdio__close_all(RlsStdio *self, bool force);

/* Nothing more will be read or run: input ended and every message read
 * has run (held ones included), or exit. */
static bool stdio__done(const RlsStdio *self) {
    return (self->eof && rls_dispatch_queued(self->dispatch) == 0) ||
           rls_dispatch_exited(self->dispatch, NULL);
}

static void stdio__write_cb(uv_write_t *req, int status) {
    StdioWrite *w = (StdioWrite *)req;
    RlsStdio *self = req->data;
    rls_free(w->data);
    rls_free(w);
    self->writes_in_flight--;
    if (status < 0 && status != UV_ECANCELED) {
        /* The client has gone (EPIPE): there is nobody left to serve. */
        rls_log_error("write failed: %s", uv_strerror(status));
        self->eof = true;
    }
    if (self->dispatch && stdio__done(self)) stdio__close_all(self, false);
}

static void stdio__flush(RlsStdio *self) {
    if (self->pending.len == 0) return;
    size_t len = self->pending.len;
    char *data = rls_buf_detach(&self->pending);
    if (self->out_is_file) {
        /* Files never block for long and libuv has no stream for them. */
        size_t off = 0;
        while (off < len) {
            uv_fs_t req;
            uv_buf_t buf = uv_buf_init(data + off, (unsigned)(len - off));
            int n = uv_fs_write(NULL, &req, self->out_fd, &buf, 1, -1, NULL);
            uv_fs_req_cleanup(&req);
            if (n <= 0) {
                rls_log_error("write failed: %s", n < 0 ? uv_strerror(n) : "no progress");
                self->eof = true;
                break;
            }
            off += (size_t)n;
        }
        rls_free(data);
        return;
    }
    StdioWrite *w = rls_malloc(sizeof(*w));
    w->data = data;
    w->req.data = self;
    uv_buf_t buf = uv_buf_init(data, (unsigned)len);
    int rc = uv_write(&w->req, &self->out.stream, &buf, 1, stdio__write_cb);
    if (rc < 0) {
        /* A synchronous failure: the callback will not run (libuv rule). */
        rls_log_error("write failed: %s", uv_strerror(rc));
        rls_free(w->data);
        rls_free(w);
        self->eof = true;
        return;
    }
    self->writes_in_flight++;
}

/* Bytes of output not yet handed to the kernel: the pending buffer and
 * what libuv still queues for the stream. */
static size_t stdio__output_waiting(const RlsStdio *self) {
    size_t n = self->pending.len;
    if (!self->out_is_file) n += uv_stream_get_write_queue_size(&self->out.stream);
    return n;
}

/* The backpressure state, with hysteresis between HIGH and LOW. */
static bool stdio__output_is_full(RlsStdio *self) {
    size_t waiting = stdio__output_waiting(self);
    if (!self->output_full && waiting >= STDIO__OUTPUT_HIGH) {
        self->output_full = true;
        rls_log_debug("output backlog %zu bytes: holding input until the client reads", waiting);
    } else if (self->output_full && waiting <= STDIO__OUTPUT_LOW) {
        self->output_full = false;
        rls_log_debug("output backlog %zu bytes: reading input again", waiting);
    }
    return self->output_full;
}

static bool stdio__hold_cb(void *data) {
    return stdio__output_is_full(data);
}

static bool stdio__may_read(RlsStdio *self) {
    return !self->eof && !self->closing && !rls_dispatch_exited(self->dispatch, NULL) &&
           !stdio__output_is_full(self) && rls_dispatch_queued(self->dispatch) < STDIO__MAX_QUEUED;
}

static void stdio__file_read(RlsStdio *self);
static void stdio__alloc_cb(uv_handle_t *handle, size_t suggested, uv_buf_t *buf);
static void stdio__read_cb(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf);

/* Starts or stops reading input as stdio__may_read says. */
static void stdio__update_reading(RlsStdio *self) {
    bool want = stdio__may_read(self);
    if (want == self->reading) return;
    self->reading = want;
    if (self->in_is_file) {
        if (want && !self->in_req_busy) stdio__file_read(self);
        return; /* a read in flight ends on its own; its callback asks again */
    }
    if (uv_is_closing(&self->in.handle)) return;
    if (!want) {
        uv_read_stop(&self->in.stream);
        return;
    }
    int rc = uv_read_start(&self->in.stream, stdio__alloc_cb, stdio__read_cb);
    if (rc < 0) {
        rls_log_error("cannot read input: %s", uv_strerror(rc));
        self->eof = true;
        self->reading = false;
    }
}

/* ---- Input --------------------------------------------------------------------- */

static void stdio__frame_cb(void *data, RlsFrameEvent event, const char *body, size_t len) {
    RlsStdio *self = data;
    switch (event) {
    case RLS_FRAME_MESSAGE:
        rls_dispatch_feed(self->dispatch, body, len);
        break;
    case RLS_FRAME_TOO_BIG:
        rls_dispatch_too_big(self->dispatch, len);
        break;
    case RLS_FRAME_BAD_HEADER:
        rls_log_warn("bad header dropped: %.*s", (int)RLS_MIN(len, 120), body);
        break;
    }
}

static void stdio__input(RlsStdio *self, const char *bytes, ssize_t n) {
    if (n > 0) {
        rls_framer_feed(&self->framer, bytes, (size_t)n, stdio__frame_cb, self);
        return;
    }
    if (n == UV_EOF || n == 0) {
        rls_log_debug("end of input");
    } else if (n < 0) {
        rls_log_error("read failed: %s", uv_strerror((int)n));
    }
    self->eof = true;
}

static void stdio__alloc_cb(uv_handle_t *handle, size_t suggested, uv_buf_t *buf) {
    (void)handle;
    (void)suggested;
    buf->base = rls_malloc(STDIO__READ_CHUNK);
    buf->len = STDIO__READ_CHUNK;
}

static void stdio__read_cb(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf) {
    RlsStdio *self = stream->data;
    /* nread == 0 is EAGAIN: nothing happened. */
    if (nread != 0) stdio__input(self, buf->base, nread);
    rls_free(buf->base);
    /* libuv reads a stream up to 32 times per loop iteration: stop here
     * when the queue is long enough, before the check callback runs it. */
    stdio__update_reading(self);
}

static void stdio__fs_read_cb(uv_fs_t *req) {
    RlsStdio *self = req->data;
    ssize_t n = req->result;
    uv_fs_req_cleanup(req);
    self->in_req_busy = false;
    stdio__input(self, self->in_buf, n);
    self->reading = false;
    stdio__update_reading(self);
}

static void stdio__file_read(RlsStdio *self) {
    uv_buf_t buf = uv_buf_init(self->in_buf, STDIO__READ_CHUNK);
    self->in_req.data = self;
    int rc = uv_fs_read(&self->loop, &self->in_req, self->in_fd, &buf, 1, -1, stdio__fs_read_cb);
    if (rc < 0) {
        rls_log_error("read failed: %s", uv_strerror(rc));
        self->eof = true;
        return;
    }
    self->in_req_busy = true;
}

/* ---- The loop ---------------------------------------------------------------- */

static void stdio__close_cb(uv_handle_t *handle) {
    RlsStdio *self = handle->data;
    self->handles_open--;
}

static void stdio__close(RlsStdio *self, uv_handle_t *handle) {
    if (!uv_is_closing(handle)) {
        handle->data = self;
        uv_close(handle, stdio__close_cb);
    }
}

/* Closes every handle once no write is in flight (closing a stream would
 * cancel its queued writes and lose the last replies). */
static void stdio__close_all(RlsStdio *self, bool force) {
    if ((self->writes_in_flight > 0 && !force) || self->closing) return;
    self->closing = true;
    stdio__close(self, (uv_handle_t *)&self->check);
    if (!self->in_is_file) stdio__close(self, &self->in.handle);
    if (!self->out_is_file) stdio__close(self, &self->out.handle);
}

/* After each poll: run what was read (up to the output backlog), write
 * what it produced, and read on only while the backlog allows. */
static void stdio__check_cb(uv_check_t *check) {
    RlsStdio *self = check->data;
    rls_dispatch_run(self->dispatch);
    stdio__flush(self);
    stdio__update_reading(self);
    if (stdio__done(self)) stdio__close_all(self, false);
}

static int stdio__open(RlsStdio *self, StdioStream *s, int fd, bool readable, bool *is_file) {
    uv_handle_type type = uv_guess_handle(fd);
    int rc;
    *is_file = false;
    switch (type) {
    case UV_TTY:
        rc = uv_tty_init(&self->loop, &s->tty, fd, readable);
        break;
    case UV_NAMED_PIPE:
        rc = uv_pipe_init(&self->loop, &s->pipe, 0);
        if (rc == 0) rc = uv_pipe_open(&s->pipe, fd);
        break;
    case UV_TCP:
        rc = uv_tcp_init(&self->loop, &s->tcp);
        if (rc == 0) rc = uv_tcp_open(&s->tcp, fd);
        break;
    default:
        /* A regular file, a character device such as /dev/null, or
         * something libuv cannot classify: plain reads and writes work. */
        *is_file = true;
        return 0;
    }
    if (rc == 0) {
        s->handle.data = self;
        self->handles_open++;
    } else {
        rls_log_error("cannot open fd %d: %s", fd, uv_strerror(rc));
    }
    return rc;
}

RlsStdio *rls_stdio_new(int in_fd, int out_fd, size_t max_body) {
    RlsStdio *self = rls_calloc(1, sizeof(*self));
    self->in_fd = in_fd;
    self->out_fd = out_fd;
    rls_buf_init(&self->pending);
    rls_framer_init(&self->framer, max_body);
    int rc = uv_loop_init(&self->loop);
    if (rc < 0) {
        rls_log_error("cannot start the event loop: %s", uv_strerror(rc));
        rls_framer_close(&self->framer);
        rls_free(self);
        return NULL;
    }
    uv_check_init(&self->loop, &self->check);
    self->check.data = self;
    self->handles_open = 1;
    if (stdio__open(self, &self->in, in_fd, true, &self->in_is_file) < 0 ||
        stdio__open(self, &self->out, out_fd, false, &self->out_is_file) < 0) {
        rls_stdio_delete(self);
        return NULL;
    }
    if (self->in_is_file) self->in_buf = rls_malloc(STDIO__READ_CHUNK);
    return self;
}

void rls_stdio_delete(RlsStdio *self) {
    if (!self) return;
    stdio__close_all(self, true);
    /* Let the close callbacks (and a file read in flight) finish. */
    uv_run(&self->loop, UV_RUN_DEFAULT);
    int rc = uv_loop_close(&self->loop);
    if (rc < 0) rls_log_error("event loop did not close: %s", uv_strerror(rc));
    rls_framer_close(&self->framer);
    rls_buf_close(&self->pending);
    rls_free(self->in_buf);
    rls_free(self);
}

uv_loop_t *rls_stdio_loop(RlsStdio *self) {
    return &self->loop;
}

int rls_stdio_run(RlsStdio *self, RlsDispatch *dispatch) {
    self->dispatch = dispatch;
    rls_dispatch_set_hold(dispatch, stdio__hold_cb, self);
    uv_check_start(&self->check, stdio__check_cb);
    stdio__update_reading(self);
    uv_run(&self->loop, UV_RUN_DEFAULT);
    /* A file read can finish after the handles closed: drain it. */
    if (self->in_req_busy) uv_run(&self->loop, UV_RUN_DEFAULT);
    rls_dispatch_set_hold(dispatch, NULL, NULL);
    int code = 0;
    rls_dispatch_exited(dispatch, &code);
    return code;
}
