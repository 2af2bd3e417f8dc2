/*
 * alloc.h - the one allocation seam of resume-ls.
 *
 * Every allocation in project code goes through these functions; cJSON and
 * tree-sitter are pointed at them too (rls_alloc_install_hooks in the shell).
 * They abort on out-of-memory, as tree-sitter's and redis' allocators do:
 * a language server cannot do anything useful without memory, and checking
 * every call site for NULL hides real bugs. Untrusted sizes must therefore be
 * capped *before* they reach an allocator.
 *
 * A live-allocation counter is always kept (one relaxed atomic add); the
 * tests assert it returns to zero, so a leak fails a test even without
 * valgrind.
 */
#ifndef RLS_ALLOC_H_
#define RLS_ALLOC_H_

#include <stddef.h>

/* Returns owned memory; free with rls_free. Never returns NULL. */
void *rls_malloc(size_t size);
/* Returns owned zeroed memory; free with rls_free. Never returns NULL. */
void *rls_calloc(size_t count, size_t size);
/* Resizes an owned block (ptr may be NULL). Never returns NULL. */
void *rls_realloc(void *ptr, size_t size);
/* Frees an owned block; NULL is allowed. */
void rls_free(void *ptr);
/* Returns an owned NUL-terminated copy of s (NULL gives NULL). */
char *rls_strdup(const char *s);
/* Returns an owned NUL-terminated copy of the first len bytes of s. */
char *rls_strndup(const char *s, size_t len);

/* Number of blocks allocated through these functions and not yet freed.
 * Blocks handed to tree-sitter and cJSON through the hooks count too. */
long rls_alloc_live(void);

/* Makes the allocator fail (abort) after n more allocations; -1 disables.
 * For fault-injection tests only. */
void rls_alloc_fail_after(long n);

/* Grows *ptr (an array of elem_size items with capacity *cap) so that it
 * holds at least need items. Capacity at least doubles, so appends are
 * amortised O(1). */
void rls_grow(void **ptr, size_t *cap, size_t need, size_t elem_size);

/* Appends one item to a dynamic array described by (arr, len, cap). */
#define RLS_PUSH(arr, len, cap, item)                                                              \
    do {                                                                                           \
        rls_grow((void **)&(arr), &(cap), (size_t)(len) + 1, sizeof(*(arr)));                      \
        (arr)[(len)++] = (item);                                                                   \
    } while (0)

#endif /* RLS_ALLOC_H_ */
