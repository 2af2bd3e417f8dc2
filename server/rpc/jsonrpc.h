/*
 * jsonrpc.h - the JSON-RPC 2.0 envelope: decoding incoming bodies into
 * requests, notifications and responses, and encoding outgoing ones.
 *
 * This is the only place that maps RLS_E* codes (common.h) to JSON-RPC
 * error codes (rls_rpc_code_of); handlers return RLS_E* and never pick a
 * protocol code themselves, except for the LSP-specific lifecycle codes the
 * dispatcher uses directly.
 *
 * Incoming bodies are cleaned before parsing, so that every string the rest
 * of the server sees is valid UTF-8 (rls_rpc_sanitize): see there.
 */
#ifndef RLS_RPC_JSONRPC_H_
#define RLS_RPC_JSONRPC_H_

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "rls/buf.h"

/* ---- Protocol error codes (JSON-RPC 2.0 and LSP 3.17) -------------------- */
#define RLS_RPC_PARSE_ERROR (-32700)
#define RLS_RPC_INVALID_REQUEST (-32600)
#define RLS_RPC_METHOD_NOT_FOUND (-32601)
#define RLS_RPC_INVALID_PARAMS (-32602)
#define RLS_RPC_INTERNAL_ERROR (-32603)
#define RLS_RPC_SERVER_NOT_INITIALIZED (-32002)
#define RLS_RPC_REQUEST_FAILED (-32803)
#define RLS_RPC_REQUEST_CANCELLED (-32800)

/* The JSON-RPC code for an RLS_E* code:
 *   EINVAL, ERANGE, ENOENT -> InvalidParams   (the client sent something wrong)
 *   EPARSE                 -> ParseError
 *   ETOOBIG, ESTATE        -> InvalidRequest
 *   EREFUSED               -> RequestFailed   (valid request, cannot be done)
 *   anything else          -> InternalError */
int rls_rpc_code_of(int rls_err);

/* ---- Decoding -------------------------------------------------------------- */

typedef enum {
    RLS_RPC_REQUEST,      /* method + id */
    RLS_RPC_NOTIFICATION, /* method, no id */
    RLS_RPC_RESPONSE,     /* id + result or error (an answer to our request) */
} RlsRpcKind;

typedef struct {
    RlsRpcKind kind;
    cJSON *root;         /* owned: the whole message */
    const char *method;  /* borrowed from root; NULL for responses */
    const cJSON *id;     /* borrowed: a number or string; NULL for notifications */
    const cJSON *params; /* borrowed; NULL when absent */
    const cJSON *result; /* responses only; borrowed */
    const cJSON *error;  /* responses only; borrowed */
} RlsRpcMessage;

/* Decodes one message body. On success returns 0 and *out owns the parsed
 * tree (release with rls_rpc_message_close). On failure returns
 *   RLS_EPARSE  - not JSON, or a raw NUL byte anywhere in it (reply
 *                 ParseError, id null), or
 *   RLS_EINVAL  - JSON but not a JSON-RPC 2.0 message (reply InvalidRequest;
 *                 *bad_id is set to a copy of the id when one could be read,
 *                 else NULL; free it with cJSON_Delete).
 * bad_id may be NULL. Never keeps body.
 *
 * Request ids are echoed exactly as sent: a number id (a double in cJSON,
 * exact only up to 2^53) carries its JSON text in id->valuestring, which
 * cJSON_Duplicate copies and cJSON_Delete frees, and the encoders below
 * write that text rather than the double. */
int rls_rpc_decode(const char *body, size_t len, RlsRpcMessage *out, cJSON **bad_id);
void rls_rpc_message_close(RlsRpcMessage *self);

/* Copies body[0..len) to out so that cJSON can parse it into valid UTF-8
 * strings, and returns true when anything had to change:
 *   - invalid UTF-8 (bad bytes, overlong forms, encoded surrogates) becomes
 *     U+FFFD, one per maximal invalid subpart (Unicode 15, 3.9);
 *   - a "\u0000" escape becomes "\u001a": cJSON strings end at NUL, so a
 *     NUL in a document would silently cut it; U+001A is one unit in every
 *     position encoding, so positions still agree with the client's;
 *   - an unpaired surrogate escape ("\ud800" alone) becomes "\ufffd", which
 *     cJSON would otherwise refuse as a whole message.
 * out is cleared first. */
bool rls_rpc_sanitize(const char *body, size_t len, RlsBuf *out);

/* ---- Encoding ---------------------------------------------------------------
 * Each returns an owned, unformatted JSON text (free with rls_free) and sets
 * *len_out (may be NULL) to its length. */

/* id is borrowed (NULL encodes as null); result is consumed (NULL -> null). */
char *rls_rpc_encode_result(const cJSON *id, cJSON *result, size_t *len_out);
/* id is borrowed (NULL encodes as null); data is consumed (may be NULL). */
char *rls_rpc_encode_error(const cJSON *id, int code, const char *message, cJSON *data,
                           size_t *len_out);
/* params is consumed; NULL omits the member (JSON-RPC: "params" MAY be
 * omitted, and a null params is not allowed). */
char *rls_rpc_encode_notification(const char *method, cJSON *params, size_t *len_out);
char *rls_rpc_encode_request(long id, const char *method, cJSON *params, size_t *len_out);

/* Adds item to object under name, or deletes item if that fails, so that
 * every path consumes it (STYLE.md section 3). Returns item or NULL. */
cJSON *rls_json_add(cJSON *object, const char *name, cJSON *item);

#endif /* RLS_RPC_JSONRPC_H_ */
