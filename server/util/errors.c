/*
 * errors.c - names of the RLS_E* codes (see include/rls/common.h).
 */
#include "rls/common.h"

const char *rls_strerror(int err) {
    switch (err) {
    case 0:
        return "success";
#define RLS__ERR_CASE(name, value, text)                                                           \
    case RLS_##name:                                                                               \
        return text;
        RLS_ERRNO_MAP(RLS__ERR_CASE)
#undef RLS__ERR_CASE
    }
    return "unknown error";
}
