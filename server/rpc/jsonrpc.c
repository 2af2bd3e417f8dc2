/*
 * jsonrpc.c - JSON-RPC 2.0 envelopes (jsonrpc.h).
 */
#include "rpc/jsonrpc.h"

#include <stdlib.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/common.h"
#include "rls/utf8.h"

int rls_rpc_code_of(int rls_err) {
    switch (rls_err) {
    case RLS_EINVAL:
    case RLS_ERANGE:
    case RLS_ENOENT:
        return RLS_RPC_INVALID_PARAMS;
    case RLS_EPARSE:
        return RLS_RPC_PARSE_ERROR;
    case RLS_ETOOBIG:
    case RLS_ESTATE:
        return RLS_RPC_INVALID_REQUEST;
    case RLS_EREFUSED:
        return RLS_RPC_REQUEST_FAILED;
    default:
        return RLS_RPC_INTERNAL_ERROR;
    }
}

/* ---- Sanitising ------------------------------------------------------------- */

static int jsonrpc__hex4(const char *p, size_t n) {
    if (n < 4) return -1;
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

bool rls_rpc_sanitize(const char *body, size_t len, RlsBuf *out) {
    bool changed = false;
    rls_buf_clear(out);
    size_t i = 0, run = 0; /* body[run..i) is copied verbatim when flushed */
    while (i < len) {
        unsigned char c = (unsigned char)body[i];
        if (c == '\\' && i + 1 < len) {
            if (body[i + 1] != 'u') {
                i += 2;
                continue;
            }
            int cp = jsonrpc__hex4(body + i + 2, len - i - 2);
            const char *repl = NULL;
            size_t used = 6;
            if (cp == 0) {
                repl = "\\u001a";
            } else if (cp >= 0xD800 && cp <= 0xDBFF) {
                int low = -1;
                if (i + 12 <= len && body[i + 6] == '\\' && body[i + 7] == 'u')
                    low = jsonrpc__hex4(body + i + 8, len - i - 8);
                if (low >= 0xDC00 && low <= 0xDFFF)
                    used = 12;
                else
                    repl = "\\ufffd";
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                repl = "\\ufffd";
            } else if (cp < 0) {
                used = 2; /* a broken escape: cJSON will refuse it */
            }
            if (repl) {
                rls_buf_append(out, body + run, i - run);
                rls_buf_append(out, repl, 6);
                run = i + used;
                changed = true;
            }
            i += used;
            continue;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        int seq = rls_utf8_seq((const unsigned char *)body + i, len - i);
        if (seq > 0) {
            i += (size_t)seq;
            continue;
        }
        rls_buf_append(out, body + run, i - run);
        rls_buf_append(out, "\xEF\xBF\xBD", 3);
        i += (size_t)-seq;
        run = i;
        changed = true;
    }
    rls_buf_append(out, body + run, len - run);
    return changed;
}

/* ---- Decoding ------------------------------------------------------------- */

static bool jsonrpc__valid_id(const cJSON *id) {
    return id && (cJSON_IsString(id) || cJSON_IsNumber(id));
}

/* ---- The JSON text of a number id ------------------------------------------
 * cJSON keeps numbers as doubles, which hold integers exactly only up to
 * 2^53: id 9007199254740993 would come back as 9007199254740992, and
 * 9007199254740991 as 9.00719925474099e+15. So the text of a number id is
 * found in the body (already accepted by cJSON, so well formed) and kept.
 * The walk below only needs to find where each top-level member's value
 * starts and ends; which member is the id comes from cJSON (members are in
 * document order in both), so keys are never decoded here. */

static const char *jsonrpc__skip_ws(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

/* p is at a '"': returns the position after the closing quote. */
static const char *jsonrpc__skip_string(const char *p, const char *end) {
    for (p++; p < end && *p != '"'; p++) {
        if (*p == '\\') p++;
    }
    return p < end ? p + 1 : end;
}

/* Returns the end of the value at p. */
static const char *jsonrpc__skip_value(const char *p, const char *end) {
    if (p >= end) return end;
    if (*p == '"') return jsonrpc__skip_string(p, end);
    if (*p == '{' || *p == '[') {
        size_t depth = 0;
        while (p < end) {
            if (*p == '"') {
                p = jsonrpc__skip_string(p, end);
                continue;
            }
            if (*p == '{' || *p == '[') depth++;
            if ((*p == '}' || *p == ']') && --depth == 0) return p + 1;
            p++;
        }
        return end;
    }
    /* A number, true, false or null. */
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\t' &&
           *p != '\r' && *p != '\n')
        p++;
    return p;
}

/* True when s[0..n) is a JSON number as RFC 8259 writes it. cJSON also
 * takes some that are not ("01", "1."): those are not echoed as text. */
static bool jsonrpc__is_json_number(const char *s, size_t n) {
    size_t i = 0;
    if (i < n && s[i] == '-') i++;
    if (i < n && s[i] == '0') {
        i++;
    } else {
        if (i >= n || s[i] < '1' || s[i] > '9') return false;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return false;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return false;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return i == n;
}

/* Keeps the JSON text of root's number member `id` in id->valuestring
 * (see jsonrpc.h). text[0..len) is the body cJSON parsed into root. */
static void jsonrpc__keep_id_text(cJSON *root, cJSON *id, const char *text, size_t len) {
    size_t index = 0;
    const cJSON *member = root->child;
    while (member && member != id) {
        member = member->next;
        index++;
    }
    if (!member) return;
    const char *p = text, *end = text + len;
    p = jsonrpc__skip_ws(p, end);
    if (p >= end || *p != '{') return;
    p++;
    for (size_t i = 0;; i++) {
        p = jsonrpc__skip_ws(p, end);
        if (p >= end || *p != '"') return;
        p = jsonrpc__skip_ws(jsonrpc__skip_string(p, end), end);
        if (p >= end || *p != ':') return;
        p = jsonrpc__skip_ws(p + 1, end);
        const char *value = p;
        p = jsonrpc__skip_value(p, end);
        if (i == index) {
            size_t n = (size_t)(p - value);
            if (!jsonrpc__is_json_number(value, n)) return;
            char *copy = cJSON_malloc(n + 1);
            memcpy(copy, value, n);
            copy[n] = '\0';
            id->valuestring = copy; /* cJSON_Delete and cJSON_Duplicate handle it */
            return;
        }
        p = jsonrpc__skip_ws(p, end);
        if (p >= end || *p != ',') return;
        p++;
    }
}

int rls_rpc_decode(const char *body, size_t len, RlsRpcMessage *out, cJSON **bad_id) {
    memset(out, 0, sizeof(*out));
    if (bad_id) *bad_id = NULL;
    /* A raw NUL is not JSON (a control character in a string must be
     * escaped) and cJSON would end the string there, cutting a document
     * short without a word: refuse the message instead. */
    if (memchr(body, '\0', len)) return RLS_EPARSE;
    RlsBuf clean;
    rls_buf_init(&clean);
    rls_rpc_sanitize(body, len, &clean);
    /* The whole body must be one JSON value: "{}}" is not a message. */
    const char *text = clean.data ? clean.data : "";
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, clean.len + 1, &end, false);
    if (root) {
        while (end < text + clean.len &&
               (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
            end++;
        if (end != text + clean.len) {
            cJSON_Delete(root);
            root = NULL;
        }
    }
    if (root && cJSON_IsObject(root)) {
        cJSON *number_id = cJSON_GetObjectItemCaseSensitive(root, "id");
        if (cJSON_IsNumber(number_id)) jsonrpc__keep_id_text(root, number_id, text, clean.len);
    }
    rls_buf_close(&clean);
    if (!root) return RLS_EPARSE;

    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "jsonrpc");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
    const cJSON *method = cJSON_GetObjectItemCaseSensitive(root, "method");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(root, "params");
    bool ok =
        cJSON_IsObject(root) && cJSON_IsString(version) && strcmp(version->valuestring, "2.0") == 0;
    if (ok && cJSON_IsString(method)) {
        /* JSON-RPC: params, when present, is a structured value. A null
         * is taken as absent: some clients send "params": null for
         * shutdown and exit. */
        if (cJSON_IsNull(params)) params = NULL;
        if (params && !cJSON_IsObject(params) && !cJSON_IsArray(params)) ok = false;
        if (id && !jsonrpc__valid_id(id)) ok = false;
        out->kind = id ? RLS_RPC_REQUEST : RLS_RPC_NOTIFICATION;
        out->method = method->valuestring;
    } else if (ok && !method) {
        out->result = cJSON_GetObjectItemCaseSensitive(root, "result");
        out->error = cJSON_GetObjectItemCaseSensitive(root, "error");
        ok = (out->result != NULL) != (out->error != NULL) &&
             (jsonrpc__valid_id(id) || cJSON_IsNull(id));
        out->kind = RLS_RPC_RESPONSE;
    } else {
        ok = false;
    }
    if (!ok) {
        if (bad_id && cJSON_IsObject(root) && jsonrpc__valid_id(id))
            *bad_id = cJSON_Duplicate(id, true);
        cJSON_Delete(root);
        memset(out, 0, sizeof(*out));
        return RLS_EINVAL;
    }
    out->root = root;
    out->id = id;
    out->params = params;
    return 0;
}

void rls_rpc_message_close(RlsRpcMessage *self) {
    cJSON_Delete(self->root);
    memset(self, 0, sizeof(*self));
}

/* ---- Encoding ----------------------------------------------------------------- */

cJSON *rls_json_add(cJSON *object, const char *name, cJSON *item) {
    if (!item) return NULL;
    if (!cJSON_AddItemToObject(object, name, item)) {
        cJSON_Delete(item);
        return NULL;
    }
    return item;
}

static cJSON *jsonrpc__envelope(void) {
    cJSON *msg = cJSON_CreateObject();
    cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    return msg;
}

static char *jsonrpc__print(cJSON *msg, size_t *len_out) {
    char *text = cJSON_PrintUnformatted(msg);
    cJSON_Delete(msg);
    if (!text) abort(); /* only on out-of-memory, which aborts earlier */
    if (len_out) *len_out = strlen(text);
    return text;
}

static void jsonrpc__add_id(cJSON *msg, const cJSON *id) {
    cJSON *copy;
    if (!id)
        copy = cJSON_CreateNull();
    else if (cJSON_IsNumber(id) && id->valuestring)
        copy = cJSON_CreateRaw(id->valuestring); /* the id exactly as the client wrote it */
    else
        copy = cJSON_Duplicate(id, true);
    rls_json_add(msg, "id", copy);
}

char *rls_rpc_encode_result(const cJSON *id, cJSON *result, size_t *len_out) {
    cJSON *msg = jsonrpc__envelope();
    jsonrpc__add_id(msg, id);
    rls_json_add(msg, "result", result ? result : cJSON_CreateNull());
    return jsonrpc__print(msg, len_out);
}

char *rls_rpc_encode_error(const cJSON *id, int code, const char *message, cJSON *data,
                           size_t *len_out) {
    cJSON *msg = jsonrpc__envelope();
    jsonrpc__add_id(msg, id);
    cJSON *err = rls_json_add(msg, "error", cJSON_CreateObject());
    cJSON_AddNumberToObject(err, "code", code);
    cJSON_AddStringToObject(err, "message", message ? message : "");
    if (data) rls_json_add(err, "data", data);
    return jsonrpc__print(msg, len_out);
}

char *rls_rpc_encode_notification(const char *method, cJSON *params, size_t *len_out) {
    cJSON *msg = jsonrpc__envelope();
    cJSON_AddStringToObject(msg, "method", method);
    if (params) rls_json_add(msg, "params", params);
    return jsonrpc__print(msg, len_out);
}

char *rls_rpc_encode_request(long id, const char *method, cJSON *params, size_t *len_out) {
    cJSON *msg = jsonrpc__envelope();
    cJSON_AddNumberToObject(msg, "id", (double)id);
    cJSON_AddStringToObject(msg, "method", method);
    if (params) rls_json_add(msg, "params", params);
    return jsonrpc__print(msg, len_out);
}
