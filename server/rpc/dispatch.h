/*
 * dispatch.h - routes decoded messages to handlers and enforces the LSP
 * lifecycle (LSP 3.17 "Lifecycle Messages"):
 *
 *   UNINITIALIZED --initialize--> RUNNING --shutdown--> SHUTDOWN --exit--> EXITED
 *
 *   - before initialize: requests get ServerNotInitialized (-32002),
 *     notifications are dropped (exit excepted);
 *   - a second initialize, and any request after shutdown: InvalidRequest;
 *   - exit: the process status is 0 after shutdown, 1 without;
 *   - unknown requests (including "$/..." ones): MethodNotFound; unknown
 *     notifications: ignored.
 *
 * Messages are queued as they are read and run in a batch (rls_dispatch_run,
 * once per event-loop iteration), which is what makes `$/cancelRequest`
 * meaningful: a request still in the queue when its cancellation arrives is
 * answered RequestCancelled (-32800) without running.
 */
#ifndef RLS_RPC_DISPATCH_H_
#define RLS_RPC_DISPATCH_H_

#include "lsp/server.h"
#include "rpc/jsonrpc.h"

typedef enum {
    RLS_LIFECYCLE_UNINITIALIZED,
    RLS_LIFECYCLE_RUNNING,
    RLS_LIFECYCLE_SHUTDOWN,
    RLS_LIFECYCLE_EXITED,
} RlsLifecycle;

typedef enum { RLS_METHOD_REQUEST, RLS_METHOD_NOTIFICATION } RlsMethodKind;

typedef struct {
    const char *method;
    RlsHandler handler;
    RlsMethodKind kind;
} RlsMethod;

/* A queued message, or (reject_code != 0) an error reply to a body that
 * could not be decoded, queued so that replies keep the order of arrival. */
typedef struct {
    RlsRpcMessage msg;
    bool cancelled;
    int reject_code;
    cJSON *reject_id; /* owned; NULL sends id null */
    const char *reject_message;
} RlsQueued;

/* Asked before each queued message: true holds the rest of the queue for
 * a later rls_dispatch_run (the transport's output backpressure). */
typedef bool (*RlsDispatchHoldCb)(void *data);

typedef struct {
    RlsServer *server; /* borrowed */
    RlsLifecycle state;
    int exit_code; /* valid once state is EXITED */
    RlsQueued *queue;
    size_t head, len, cap;     /* queue[head..len) waits to run */
    RlsDispatchHoldCb hold_cb; /* NULL: never hold */
    void *hold_data;
} RlsDispatch;

/* Initialises a dispatcher the caller owns; server is borrowed. */
void rls_dispatch_init(RlsDispatch *self, RlsServer *server);
/* Frees queued messages. */
void rls_dispatch_close(RlsDispatch *self);

/* Decodes one message body and queues it; a body that is not a valid
 * message is answered at once (ParseError / InvalidRequest, id null unless
 * an id could be read). `$/cancelRequest` takes effect here, at arrival. */
void rls_dispatch_feed(RlsDispatch *self, const char *body, size_t len);
/* Answers a refused oversized body (framing.h RLS_FRAME_TOO_BIG). */
void rls_dispatch_too_big(RlsDispatch *self, size_t declared_len);

/* Runs every queued message in order, then lets the server push what the
 * batch changed (rls_server_idle). Stops at exit, and before any message
 * for which hold_cb (when set) returns true: those wait for the next run. */
void rls_dispatch_run(RlsDispatch *self);

/* Sets the hold callback (NULL to clear). */
void rls_dispatch_set_hold(RlsDispatch *self, RlsDispatchHoldCb hold_cb, void *data);

/* How many messages wait in the queue. */
size_t rls_dispatch_queued(const RlsDispatch *self);

/* True once exit was received; *code gets the process status. */
bool rls_dispatch_exited(const RlsDispatch *self, int *code);

/* The method table, for tests and documentation. */
const RlsMethod *rls_dispatch_methods(size_t *count);

#endif /* RLS_RPC_DISPATCH_H_ */
