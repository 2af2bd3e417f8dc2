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
 *
 * The dispatcher knows no method by name but the lifecycle's: the protocol
 * layer above (lsp/methods.c) hands it a service, a method table and the
 * callbacks it needs, so dependencies point one way (lsp/ includes rpc/,
 * never the reverse).
 */
#ifndef RLS_RPC_DISPATCH_H_
#define RLS_RPC_DISPATCH_H_

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "rls/buf.h"
#include "rpc/jsonrpc.h"

typedef enum {
    RLS_LIFECYCLE_UNINITIALIZED,
    RLS_LIFECYCLE_RUNNING,
    RLS_LIFECYCLE_SHUTDOWN,
    RLS_LIFECYCLE_EXITED,
} RlsLifecycle;

typedef enum { RLS_METHOD_REQUEST, RLS_METHOD_NOTIFICATION } RlsMethodKind;

/* A method's handler. ctx is the service's (RlsRpcService.ctx). params is
 * borrowed and may be NULL (absent). For a request, on success set *result
 * to an owned cJSON (NULL is sent as null) and return 0; on failure return
 * a negative RLS_E* code and, optionally, put a human-readable reason in
 * *error (rls_rpc_code_of maps the code: RLS_EINVAL -> InvalidParams, ...).
 * For a notification result is NULL and a failure is only logged. */
typedef int (*RlsRpcHandler)(void *ctx, const cJSON *params, cJSON **result, RlsBuf *error);

typedef struct {
    const char *method;
    RlsRpcHandler handler;
    RlsMethodKind kind;
} RlsMethod;

/* What the dispatcher routes to, registered by the layer above. Everything
 * is borrowed and must outlive the dispatcher; every callback gets ctx. */
typedef struct {
    const RlsMethod *methods; /* requests and notifications, by name */
    size_t n_methods;
    void *ctx;
    /* Sends one JSON text; takes ownership of body (free with rls_free). */
    void (*send_owned)(void *ctx, char *body, size_t len);
    /* Before a batch runs and after it ran (the server pushes what the
     * batch changed then); called only while the server is running. */
    void (*batch_begin)(void *ctx);
    void (*idle)(void *ctx);
    /* The client's answer to one of the service's requests: exactly one of
     * result and error is non-NULL; all borrowed. */
    void (*on_response)(void *ctx, const cJSON *id, const cJSON *result, const cJSON *error);
} RlsRpcService;

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
    RlsRpcService service; /* a copy; what it points at is borrowed */
    RlsLifecycle state;
    int exit_code; /* valid once state is EXITED */
    RlsQueued *queue;
    size_t head, len, cap;     /* queue[head..len) waits to run */
    RlsDispatchHoldCb hold_cb; /* NULL: never hold */
    void *hold_data;
} RlsDispatch;

/* Initialises a dispatcher the caller owns; service is copied (its table
 * and ctx are borrowed). Every callback of service must be set. */
void rls_dispatch_init(RlsDispatch *self, const RlsRpcService *service);
/* Frees queued messages. */
void rls_dispatch_close(RlsDispatch *self);

/* Decodes one message body and queues it; a body that is not a valid
 * message is answered at once (ParseError / InvalidRequest, id null unless
 * an id could be read). `$/cancelRequest` takes effect here, at arrival. */
void rls_dispatch_feed(RlsDispatch *self, const char *body, size_t len);
/* Answers a refused oversized body (framing.h RLS_FRAME_TOO_BIG). */
void rls_dispatch_too_big(RlsDispatch *self, size_t declared_len);

/* Runs every queued message in order, then lets the service push what the
 * batch changed (its idle callback). Stops at exit, and before any message
 * for which hold_cb (when set) returns true: those wait for the next run. */
void rls_dispatch_run(RlsDispatch *self);

/* Sets the hold callback (NULL to clear). */
void rls_dispatch_set_hold(RlsDispatch *self, RlsDispatchHoldCb hold_cb, void *data);

/* How many messages wait in the queue. */
size_t rls_dispatch_queued(const RlsDispatch *self);

/* True once exit was received; *code gets the process status. */
bool rls_dispatch_exited(const RlsDispatch *self, int *code);

#endif /* RLS_RPC_DISPATCH_H_ */
