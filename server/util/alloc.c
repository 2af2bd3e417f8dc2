/*
 * alloc.c - the allocation seam (see include/rls/alloc.h).
 */
#include "rls/alloc.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static atomic_long alloc__live;
static atomic_long alloc__fail_after = -1;

static void alloc__oom(size_t size) {
    fprintf(stderr, "resume-ls: out of memory allocating %zu bytes\n", size);
    abort();
}

/* Fault injection: the counter reaches zero on the allocation that must
 * fail. Kept branch-cheap because it is on every allocation. */
static void alloc__maybe_fail(size_t size) {
    long n = atomic_load_explicit(&alloc__fail_after, memory_order_relaxed);
    if (n < 0) return;
    if (atomic_fetch_sub_explicit(&alloc__fail_after, 1, memory_order_relaxed) == 0)
        alloc__oom(size);
}

void *rls_malloc(size_t size) {
    alloc__maybe_fail(size);
    void *p = malloc(size ? size : 1);
    if (!p) alloc__oom(size);
    atomic_fetch_add_explicit(&alloc__live, 1, memory_order_relaxed);
    return p;
}

void *rls_calloc(size_t count, size_t size) {
    alloc__maybe_fail(size);
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) alloc__oom(count * size);
    atomic_fetch_add_explicit(&alloc__live, 1, memory_order_relaxed);
    return p;
}

void *rls_realloc(void *ptr, size_t size) {
    if (!ptr) return rls_malloc(size);
    alloc__maybe_fail(size);
    void *p = realloc(ptr, size ? size : 1);
    if (!p) alloc__oom(size);
    return p;
}

void rls_free(void *ptr) {
    if (!ptr) return;
    atomic_fetch_sub_explicit(&alloc__live, 1, memory_order_relaxed);
    free(ptr);
}

char *rls_strdup(const char *s) {
    return s ? rls_strndup(s, strlen(s)) : NULL;
}

char *rls_strndup(const char *s, size_t len) {
    char *p = rls_malloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

long rls_alloc_live(void) {
    return atomic_load_explicit(&alloc__live, memory_order_relaxed);
}

void rls_alloc_fail_after(long n) {
    atomic_store_explicit(&alloc__fail_after, n, memory_order_relaxed);
}

void rls_grow(void **ptr, size_t *cap, size_t need, size_t elem_size) {
    if (need <= *cap) return;
    size_t new_cap = *cap ? *cap * 2 : 8;
    while (new_cap < need)
        new_cap *= 2;
    *ptr = rls_realloc(*ptr, new_cap * elem_size);
    *cap = new_cap;
}
