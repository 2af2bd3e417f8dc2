/*
 * common.h - small value types and error codes shared by every module.
 */
#ifndef RLS_COMMON_H_
#define RLS_COMMON_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Error codes ------------------------------------------------------
 * Functions return 0 on success or one of these negative codes. The table
 * is the one place that names them (libuv's UV_ERRNO_MAP); the JSON-RPC
 * layer maps them to protocol codes in rpc/jsonrpc.c and nowhere else. */
#define RLS_ERRNO_MAP(X)                                                                           \
    X(EINVAL, -1, "invalid argument")                                                              \
    X(ENOMEM, -2, "out of memory")                                                                 \
    X(ERANGE, -3, "position or range out of bounds")                                               \
    X(ETOOBIG, -4, "input larger than the configured limit")                                       \
    X(EPARSE, -5, "malformed input")                                                               \
    X(ENOENT, -6, "no such file or document")                                                      \
    X(EIO, -7, "input/output error")                                                               \
    X(ESTATE, -8, "not allowed in the current state")                                              \
    X(EREFUSED, -9, "edit would cross markup it cannot preserve")

typedef enum {
#define RLS__ERR_ENUM(name, value, text) RLS_##name = (value),
    RLS_ERRNO_MAP(RLS__ERR_ENUM)
#undef RLS__ERR_ENUM
} RlsErr;

/* Returns a static, human-readable description of an RLS_E* code. */
const char *rls_strerror(int err);

/* ---- Spans ------------------------------------------------------------
 * A half-open range of byte offsets into one UTF-8 source text. The byte
 * offset is the canonical position everywhere in the core; LSP positions
 * exist only at the protocol boundary (see text.h). */
typedef struct {
    uint32_t start_byte;
    uint32_t end_byte;
} RlsSpan;

#define RLS_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define RLS_MIN(a, b) ((a) < (b) ? (a) : (b))
#define RLS_MAX(a, b) ((a) > (b) ? (a) : (b))

#endif /* RLS_COMMON_H_ */
