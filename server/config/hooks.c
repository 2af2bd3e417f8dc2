/*
 * hooks.c - points cJSON and tree-sitter at the project allocator, so that
 * one live-allocation count covers the whole process (include/rls/alloc.h).
 */
#include "config/hooks.h"

#include <cjson/cJSON.h>
#include <tree_sitter/api.h>

#include "rls/alloc.h"

void rls_hooks_install(void) {
    cJSON_Hooks hooks = {.malloc_fn = rls_malloc, .free_fn = rls_free};
    cJSON_InitHooks(&hooks);
    ts_set_allocator(rls_malloc, rls_calloc, rls_realloc, rls_free);
}
