/*
 * server_internal.h - the server's state, shared by the files of the lsp
 * module (server.c, lifecycle.c, sync.c, ...) and the unit tests. Feature
 * handlers use the accessors in server.h instead.
 */
#ifndef RLS_LSP_SERVER_INTERNAL_H_
#define RLS_LSP_SERVER_INTERNAL_H_

#include "lsp/server.h"

typedef struct {
    long id;
    RlsResponseCb cb;
    void *data;
} RlsPendingRequest;

struct RlsServer {
    RlsSendCb send;
    void *send_data;
    RlsClientCaps caps;
    RlsEncoding encoding;
    char *rules_doc_uri;
    char *root_path; /* first workspace folder / rootUri as a path, or NULL */

    RlsDocument **docs;
    size_t n_docs, cap_docs;

    /* Client settings, each owned and NULL when never given: merged in this
     * order over each document's .resume-ls.json. */
    cJSON *init_options;
    cJSON *settings;
    char *last_problems; /* configuration problems last shown, to show each once */

    /* In-server latency of publishing (stats.c). */
    uint64_t batch_start_ns;
    uint32_t *publish_ns; /* ring of samples, allocated on first use */
    size_t n_publish;
    /* What reached the wire since the last stats reset (stats.c). */
    uint64_t publish_bytes;   /* bodies of publishDiagnostics sent */
    uint64_t publish_sent;    /* publishDiagnostics sent */
    uint64_t publish_skipped; /* not sent: the set equals the last one pushed */
    uint64_t diag_encoded;    /* findings encoded as JSON */
    uint64_t diag_reused;     /* findings whose earlier encoding was reused */

    uint64_t change_seq; /* counts analyses after a change (RlsDocument.changed_seq) */

    /* Spelling dictionaries, and the loop that loads them (NULL: load
     * synchronously). n_spell_loads counts loads in flight. */
    struct RlsSpellerLib *spell;
    struct uv_loop_s *loop;
    size_t n_spell_loads;

    long next_request_id;
    RlsPendingRequest *pending;
    size_t n_pending, cap_pending;
};

/* Rebuilds doc->config from the file configuration and the client
 * settings, and marks the document for re-analysis and a publish. Problems
 * are appended to problems. */
void rls_server_doc_configure(RlsServer *self, RlsDocument *doc, RlsBuf *problems);
/* Reconfigures every open document; shows the problems, once. */
void rls_server_reconfigure_all(RlsServer *self);
/* Shows configuration problems unless they are the ones shown last. */
void rls_server_report_problems(RlsServer *self, const RlsBuf *problems);

/* Adds / removes documents (sync.c). */
void rls_server_doc_add(RlsServer *self, RlsDocument *doc);
void rls_server_doc_remove(RlsServer *self, RlsDocument *doc);
void rls_document_delete(RlsDocument *doc);

/* ---- The findings on the wire (diagnostics.c) ---------------------------------------
 * Each document keeps its findings' encoded Diagnostic objects between
 * versions (RlsDocument.wire) and names the set by a 64-bit hash. */
typedef struct RlsDiagWire RlsDiagWire;
/* Appends the JSON array of doc's current Diagnostics to out (analysing
 * first when stale) and returns the set's hash; findings whose key (rule,
 * severity, message, data, LSP range) was encoded before are copied. */
uint64_t rls_diag_wire_write(RlsServer *srv, RlsDocument *doc, RlsBuf *out);
/* Appends the whole publishDiagnostics notification of doc (uri, version,
 * the set rls_diag_wire_write writes) to out; returns the set's hash. */
uint64_t rls_diag_wire_publish(RlsServer *srv, RlsDocument *doc, RlsBuf *out);
/* The hash rls_diag_wire_write would return, without writing. */
uint64_t rls_diag_wire_hash(RlsServer *srv, RlsDocument *doc);
/* Frees doc's kept encodings (a cold document: see server__trim_cold). */
void rls_diag_wire_trim(RlsDocument *doc);
void rls_diag_wire_delete(RlsDiagWire *self);

/* The moment the diagnostics of a batch were queued (stats.c). */
void rls_server_batch_published(RlsServer *self);

#endif /* RLS_LSP_SERVER_INTERNAL_H_ */
