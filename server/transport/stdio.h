/*
 * stdio.h - the server's transport: a libuv loop reading one file
 * descriptor and writing another (stdin/stdout in production), framed
 * with framing.h and routed with rpc/dispatch.h.
 *
 * Each descriptor is opened as what uv_guess_handle says it is: a pipe or
 * Unix socket (the usual case under an editor), a TTY, a TCP socket, or a
 * file (a transcript redirected from disk).
 *
 * Output never blocks the loop: rls_stdio_send frames a message into a
 * pending buffer, and once per loop iteration (a check handle, like redis'
 * beforeSleep) the buffer becomes one write request that owns it until its
 * write callback. So a batch of messages answered together costs one
 * write(2).
 *
 * The loop ends on `exit` or on end of input; pending output is written
 * first, every handle is closed and the loop is closed.
 */
#ifndef RLS_TRANSPORT_STDIO_H_
#define RLS_TRANSPORT_STDIO_H_

#include <stddef.h>

#include "rpc/dispatch.h"

typedef struct RlsStdio RlsStdio;

/* Returns an owned transport over in_fd/out_fd (not closed by it); free
 * with rls_stdio_delete. max_body 0 means the framer's default. Returns
 * NULL (and logs why) when libuv cannot open a descriptor. */
RlsStdio *rls_stdio_new(int in_fd, int out_fd, size_t max_body);
void rls_stdio_delete(RlsStdio *self);

/* RlsSendCb for rls_server_new: frames body and queues it for the next
 * flush. data is the RlsStdio. */
void rls_stdio_send(void *data, const char *body, size_t len);

/* The transport's event loop (borrowed): the server queues work on its
 * thread pool (the spelling dictionary's load). */
struct uv_loop_s *rls_stdio_loop(RlsStdio *self);

/* Runs the loop until exit or end of input. Returns the process status:
 * the dispatcher's exit code after `exit`, 0 at end of input. */
int rls_stdio_run(RlsStdio *self, RlsDispatch *dispatch);

#endif /* RLS_TRANSPORT_STDIO_H_ */
