/*
 * dispatch.c - method tables and the lifecycle (dispatch.h).
 */
#include "rpc/dispatch.h"

#include <stdio.h>
#include <string.h>

#include "config/log.h"
#include "rls/alloc.h"
#include "rls/common.h"

static const RlsMethod *dispatch__find(const RlsDispatch *self, const char *method,
                                       RlsMethodKind kind) {
    const RlsRpcService *sv = &self->service;
    for (size_t i = 0; i < sv->n_methods; i++) {
        if (sv->methods[i].kind == kind && strcmp(sv->methods[i].method, method) == 0)
            return &sv->methods[i];
    }
    return NULL;
}

void rls_dispatch_init(RlsDispatch *self, const RlsRpcService *service) {
    memset(self, 0, sizeof(*self));
    self->service = *service;
    self->state = RLS_LIFECYCLE_UNINITIALIZED;
}

void rls_dispatch_close(RlsDispatch *self) {
    for (size_t i = self->head; i < self->len; i++) {
        rls_rpc_message_close(&self->queue[i].msg);
        cJSON_Delete(self->queue[i].reject_id);
    }
    rls_free(self->queue);
    self->queue = NULL;
    self->head = self->len = self->cap = 0;
}

static void dispatch__error(RlsDispatch *self, const cJSON *id, int code, const char *message) {
    size_t len;
    char *body = rls_rpc_encode_error(id, code, message, NULL, &len);
    self->service.send_owned(self->service.ctx, body, len);
}

static bool dispatch__same_id(const cJSON *a, const cJSON *b) {
    if (cJSON_IsNumber(a) && cJSON_IsNumber(b)) return a->valuedouble == b->valuedouble;
    if (cJSON_IsString(a) && cJSON_IsString(b)) return strcmp(a->valuestring, b->valuestring) == 0;
    return false;
}

/* $/cancelRequest: mark the request if it is still queued. One that already
 * ran has been answered; the spec lets us ignore the cancellation then. */
static void dispatch__cancel(RlsDispatch *self, const cJSON *params) {
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(params, "id");
    for (size_t i = self->head; i < self->len; i++) {
        RlsQueued *q = &self->queue[i];
        if (q->msg.kind == RLS_RPC_REQUEST && dispatch__same_id(q->msg.id, id)) {
            q->cancelled = true;
            return;
        }
    }
}

void rls_dispatch_feed(RlsDispatch *self, const char *body, size_t len) {
    if (self->state == RLS_LIFECYCLE_EXITED) return;
    if (rls_log_enabled(RLS_LOG_TRACE))
        fprintf(stderr, "resume-ls: trace: <- %.*s\n", (int)RLS_MIN(len, 2000), body);
    RlsQueued q = {.cancelled = false};
    cJSON *bad_id = NULL;
    int rc = rls_rpc_decode(body, len, &q.msg, &bad_id);
    if (rc == RLS_EPARSE) {
        rls_log_warn("message is not JSON (%zu bytes)", len);
        q.reject_code = RLS_RPC_PARSE_ERROR;
        q.reject_message = "Parse error: the body is not JSON";
    } else if (rc < 0) {
        rls_log_warn("message is not a JSON-RPC 2.0 request, notification or response");
        q.reject_code = RLS_RPC_INVALID_REQUEST;
        q.reject_id = bad_id;
        q.reject_message = "Invalid Request: not a JSON-RPC 2.0 message";
    } else if (q.msg.kind == RLS_RPC_NOTIFICATION && strcmp(q.msg.method, "$/cancelRequest") == 0) {
        dispatch__cancel(self, q.msg.params);
        rls_rpc_message_close(&q.msg);
        return;
    }
    if (self->head == self->len) self->head = self->len = 0;
    RLS_PUSH(self->queue, self->len, self->cap, q);
}

void rls_dispatch_too_big(RlsDispatch *self, size_t declared_len) {
    if (self->state == RLS_LIFECYCLE_EXITED) return;
    rls_log_warn("refused a message of %zu bytes (over the limit)", declared_len);
    RlsQueued q = {.reject_code = RLS_RPC_INVALID_REQUEST,
                   .reject_message = "Invalid Request: message larger than the server accepts"};
    if (self->head == self->len) self->head = self->len = 0;
    RLS_PUSH(self->queue, self->len, self->cap, q);
}

static int dispatch__call(RlsDispatch *self, const RlsRpcMessage *msg, const RlsMethod *m) {
    RlsBuf error;
    rls_buf_init(&error);
    cJSON *result = NULL;
    bool request = msg->kind == RLS_RPC_REQUEST;
    int rc = m->handler(self->service.ctx, msg->params, request ? &result : NULL, &error);
    if (request) {
        size_t len;
        char *body;
        if (rc < 0) {
            cJSON_Delete(result);
            body = rls_rpc_encode_error(msg->id, rls_rpc_code_of(rc),
                                        error.len ? error.data : rls_strerror(rc), NULL, &len);
        } else {
            body = rls_rpc_encode_result(msg->id, result, &len);
        }
        self->service.send_owned(self->service.ctx, body, len);
    } else if (rc < 0) {
        rls_log_warn("%s: %s", msg->method, error.len ? error.data : rls_strerror(rc));
    }
    rls_buf_close(&error);
    return rc;
}

static void dispatch__request(RlsDispatch *self, const RlsQueued *q) {
    const RlsRpcMessage *msg = &q->msg;
    if (q->cancelled) {
        dispatch__error(self, msg->id, RLS_RPC_REQUEST_CANCELLED, "Request cancelled");
        return;
    }
    bool is_init = strcmp(msg->method, "initialize") == 0;
    switch (self->state) {
    case RLS_LIFECYCLE_UNINITIALIZED:
        if (!is_init) {
            dispatch__error(self, msg->id, RLS_RPC_SERVER_NOT_INITIALIZED,
                            "Server not initialized: send initialize first");
            return;
        }
        break;
    case RLS_LIFECYCLE_RUNNING:
        if (is_init) {
            dispatch__error(self, msg->id, RLS_RPC_INVALID_REQUEST,
                            "Invalid Request: initialize may only be sent once");
            return;
        }
        break;
    default:
        dispatch__error(self, msg->id, RLS_RPC_INVALID_REQUEST,
                        "Invalid Request: the server is shut down");
        return;
    }
    const RlsMethod *m = dispatch__find(self, msg->method, RLS_METHOD_REQUEST);
    if (!m) {
        RlsBuf text;
        rls_buf_init(&text);
        rls_buf_printf(&text, "Method not found: %s", msg->method);
        dispatch__error(self, msg->id, RLS_RPC_METHOD_NOT_FOUND, text.data);
        rls_buf_close(&text);
        return;
    }
    int rc = dispatch__call(self, msg, m);
    /* Only a successful initialize starts the server. */
    if (is_init && rc == 0) self->state = RLS_LIFECYCLE_RUNNING;
    if (strcmp(msg->method, "shutdown") == 0) self->state = RLS_LIFECYCLE_SHUTDOWN;
}

static void dispatch__notification(RlsDispatch *self, const RlsRpcMessage *msg) {
    if (strcmp(msg->method, "exit") == 0) {
        self->exit_code = self->state == RLS_LIFECYCLE_SHUTDOWN ? 0 : 1;
        self->state = RLS_LIFECYCLE_EXITED;
        return;
    }
    if (self->state != RLS_LIFECYCLE_RUNNING) {
        rls_log_debug("dropped %s: server not running", msg->method);
        return;
    }
    const RlsMethod *m = dispatch__find(self, msg->method, RLS_METHOD_NOTIFICATION);
    if (!m) {
        rls_log_debug("ignored notification %s", msg->method);
        return;
    }
    dispatch__call(self, msg, m);
}

void rls_dispatch_run(RlsDispatch *self) {
    if (self->state == RLS_LIFECYCLE_RUNNING) self->service.batch_begin(self->service.ctx);
    while (self->head < self->len && self->state != RLS_LIFECYCLE_EXITED) {
        if (self->hold_cb && self->hold_cb(self->hold_data)) break;
        RlsQueued q = self->queue[self->head++];
        if (q.reject_code) {
            dispatch__error(self, q.reject_id, q.reject_code, q.reject_message);
            cJSON_Delete(q.reject_id);
            continue;
        }
        switch (q.msg.kind) {
        case RLS_RPC_REQUEST:
            dispatch__request(self, &q);
            break;
        case RLS_RPC_NOTIFICATION:
            dispatch__notification(self, &q.msg);
            break;
        case RLS_RPC_RESPONSE:
            self->service.on_response(self->service.ctx, q.msg.id, q.msg.result, q.msg.error);
            break;
        }
        rls_rpc_message_close(&q.msg);
    }
    if (self->state == RLS_LIFECYCLE_RUNNING) self->service.idle(self->service.ctx);
    if (self->state == RLS_LIFECYCLE_EXITED) rls_dispatch_close(self);
    if (self->head == self->len) self->head = self->len = 0;
}

void rls_dispatch_set_hold(RlsDispatch *self, RlsDispatchHoldCb hold_cb, void *data) {
    self->hold_cb = hold_cb;
    self->hold_data = data;
}

size_t rls_dispatch_queued(const RlsDispatch *self) {
    return self->len - self->head;
}

bool rls_dispatch_exited(const RlsDispatch *self, int *code) {
    if (self->state != RLS_LIFECYCLE_EXITED) return false;
    if (code) *code = self->exit_code;
    return true;
}
