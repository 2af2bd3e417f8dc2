/*
 * hooks.h - process-wide allocator hooks for the libraries we link.
 */
#ifndef RLS_CONFIG_HOOKS_H_
#define RLS_CONFIG_HOOKS_H_

/* Routes cJSON's and tree-sitter's allocations through rls_malloc/rls_free.
 * Call once, first thing in main and in test mains that use either library,
 * before any of their objects exist. */
void rls_hooks_install(void);

#endif /* RLS_CONFIG_HOOKS_H_ */
