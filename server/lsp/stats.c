/*
 * stats.c - how long the server takes from reading a batch of messages to
 * queueing the diagnostics they caused, measured inside the process.
 *
 * The benchmark (bench/lsp_bench.c) reads it with the "resume-ls/stats"
 * request, so that in-server time can be told apart from pipe and client
 * time, and the bytes the diagnostics cost on the wire beside it. Recording costs two clock reads
 * per batch; samples live in a ring of RLS_STATS_MAX entries, allocated on first use.
 */
#define _POSIX_C_SOURCE 200809L /* uv.h needs POSIX types */
#include <stdlib.h>
#include <uv.h>

#include "lsp/handlers.h"
#include "lsp/server_internal.h"
#include "rls/alloc.h"

#define RLS_STATS_MAX 65536u

void rls_server_batch_begin(RlsServer *self) {
    self->batch_start_ns = uv_hrtime();
}

void rls_server_batch_published(RlsServer *self) {
    uint64_t ns = uv_hrtime() - self->batch_start_ns;
    if (!self->publish_ns) self->publish_ns = rls_calloc(RLS_STATS_MAX, sizeof(uint32_t));
    self->publish_ns[self->n_publish % RLS_STATS_MAX] = ns > UINT32_MAX ? UINT32_MAX : (uint32_t)ns;
    self->n_publish++;
}

static int stats__cmp(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted samples, in microseconds. */
static double stats__pct(const uint32_t *sorted, size_t n, double p) {
    size_t rank = (size_t)(p / 100.0 * (double)n + 0.999999);
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return sorted[rank - 1] / 1e3;
}

int rls_lsp_stats(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    (void)error;
    size_t n = srv->n_publish < RLS_STATS_MAX ? srv->n_publish : RLS_STATS_MAX;
    cJSON *out = cJSON_CreateObject();
    cJSON *pub = cJSON_AddObjectToObject(out, "publishDiagnostics");
    cJSON_AddNumberToObject(pub, "n", (double)n);
    if (n) {
        uint32_t *sorted = rls_malloc(n * sizeof(uint32_t));
        for (size_t i = 0; i < n; i++)
            sorted[i] = srv->publish_ns[i];
        qsort(sorted, n, sizeof(uint32_t), stats__cmp);
        cJSON_AddNumberToObject(pub, "min_us", stats__pct(sorted, n, 0));
        cJSON_AddNumberToObject(pub, "median_us", stats__pct(sorted, n, 50));
        cJSON_AddNumberToObject(pub, "p95_us", stats__pct(sorted, n, 95));
        cJSON_AddNumberToObject(pub, "p99_us", stats__pct(sorted, n, 99));
        cJSON_AddNumberToObject(pub, "max_us", stats__pct(sorted, n, 100));
        rls_free(sorted);
    }
    /* What went on the wire: bytes of the publishDiagnostics bodies sent,
     * the publishes sent and those skipped (the set was the one pushed
     * last), and how many findings were encoded afresh or copied. */
    cJSON_AddNumberToObject(pub, "bytes", (double)srv->publish_bytes);
    cJSON_AddNumberToObject(pub, "sent", (double)srv->publish_sent);
    cJSON_AddNumberToObject(pub, "skipped", (double)srv->publish_skipped);
    cJSON_AddNumberToObject(pub, "encoded", (double)srv->diag_encoded);
    cJSON_AddNumberToObject(pub, "reused", (double)srv->diag_reused);
    cJSON_AddNumberToObject(out, "liveAllocations", (double)rls_alloc_live());
    const cJSON *reset = params ? cJSON_GetObjectItemCaseSensitive(params, "reset") : NULL;
    if (cJSON_IsTrue(reset)) {
        srv->n_publish = 0;
        srv->publish_bytes = srv->publish_sent = srv->publish_skipped = 0;
        srv->diag_encoded = srv->diag_reused = 0;
    }
    *result = out;
    return 0;
}
