/*
 * server.h - the language server's state and the API that feature handlers
 * (hover, code actions, completion, code lens, commands...) are written
 * against.
 *
 * A handler never parses JSON-RPC envelopes, never writes to stdout and
 * never converts positions by hand: it receives `params`, looks up the
 * document with rls_server_document_param, reads the document's text, model,
 * findings and configuration from the RlsDocument, converts spans with
 * rls_lsp_range_to_json / rls_lsp_range_from_json, and returns a result.
 *
 *   int rls_lsp_hover(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
 *       RlsDocument *doc;
 *       uint32_t at_byte;
 *       int rc = rls_server_document_position_param(srv, params, &doc, &at_byte, error);
 *       if (rc != 0) return rc;                    // -> InvalidParams with error's text
 *       const RlsAnalysis *an = rls_document_analysis(srv, doc);  // fresh model + findings
 *       ...
 *       *result = cJSON_CreateNull();              // or the hover object
 *       return 0;
 *   }
 *
 * Test `rc != 0`, not `rc < 0`: both mean the same (every getter returns 0
 * or a negative RLS_E*), but the analyser in `make lint` cannot see into
 * other files and otherwise follows a "positive rc" path to an unset
 * out-parameter.
 *
 * Ownership: everything reached through RlsServer and RlsDocument is
 * borrowed and stays valid until the handler returns (documents are only
 * opened, changed and closed between messages).
 */
#ifndef RLS_LSP_SERVER_H_
#define RLS_LSP_SERVER_H_

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "rls/analysis.h"
#include "rls/buf.h"
#include "rls/config.h"
#include "rls/parse.h"
#include "rls/text.h"

typedef struct RlsServer RlsServer;

/* ---- Handlers ---------------------------------------------------------------
 * Every method in the method table (lsp/methods.c) is one of these.
 * params is borrowed and may be NULL (absent). For a request, on success set
 * *result to an owned cJSON (NULL is sent as null) and return 0; on failure
 * return a negative RLS_E* code and, optionally, put a human-readable reason
 * in *error (rpc/jsonrpc.c maps the code: RLS_EINVAL -> InvalidParams, ...).
 * The contract is rpc/dispatch.h's RlsRpcHandler, with the server typed.
 * For a notification result is NULL and a failure is only logged. */
typedef int (*RlsHandler)(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error);

/* ---- Output ---------------------------------------------------------------------
 * The server writes whole JSON texts through this callback; the transport
 * frames and queues them. body is borrowed for the duration of the call. */
typedef void (*RlsSendCb)(void *data, const char *body, size_t len);

/* Returns an owned server; free with rls_server_delete. send/data are
 * borrowed and must outlive it. */
RlsServer *rls_server_new(RlsSendCb send, void *data);
/* Closes every document and frees everything the server owns. */
void rls_server_delete(RlsServer *self);

/* The event loop whose thread pool loads spelling dictionaries (borrowed;
 * must outlive the server's pending loads). Without one (unit tests) a
 * dictionary is loaded synchronously when first wanted. */
struct uv_loop_s;
void rls_server_set_loop(RlsServer *self, struct uv_loop_s *loop);
/* The server's spelling dictionaries (speller/speller.h). Borrowed. */
struct RlsSpellerLib;
struct RlsSpellerLib *rls_server_speller(RlsServer *self);
/* Asks for the dictionary of lang (and dict_path) ahead of any document:
 * called at `initialized` for English so that it is usually ready when the
 * first resume opens. */
void rls_server_spell_prefetch(RlsServer *self, const char *lang, const char *dict_path);

/* Sends a notification; params is consumed (NULL omits it). */
void rls_server_notify(RlsServer *self, const char *method, cJSON *params);

/* Called with the client's answer to one of our requests: exactly one of
 * result and error is non-NULL; both are borrowed. data is what was passed
 * to rls_server_request. The callback is also called (with error set to a
 * synthetic {"code": -32800}) for requests still unanswered when the server
 * is deleted, so that data can be freed. */
typedef void (*RlsResponseCb)(RlsServer *srv, void *data, const cJSON *result, const cJSON *error);
/* Sends a request to the client (e.g. workspace/applyEdit); params is
 * consumed; cb may be NULL. */
void rls_server_request(RlsServer *self, const char *method, cJSON *params, RlsResponseCb cb,
                        void *data);

/* window/showMessage (type: 1 error, 2 warning, 3 info) and the log. */
void rls_server_show_message(RlsServer *self, int type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- What was negotiated at initialize ------------------------------------------ */

/* The client capabilities handlers care about, read once from initialize. */
typedef struct {
    bool configuration;                    /* workspace.configuration: we may pull settings */
    bool did_change_configuration_dynamic; /* may register for didChangeConfiguration */
    bool apply_edit;                       /* workspace.applyEdit */
    bool document_changes;                 /* workspace.workspaceEdit.documentChanges: use
                                              versioned TextDocumentEdits */
    bool code_action_literals;             /* codeAction.codeActionLiteralSupport: return CodeAction
                                              objects, not bare Commands */
    bool code_action_resolve_edit;         /* codeAction.resolveSupport.properties has "edit":
                                              edits may be computed lazily in codeAction/resolve */
    bool code_action_is_preferred;         /* codeAction.isPreferredSupport */
    bool code_action_data;                 /* codeAction.dataSupport: `data` survives to resolve */
    bool code_lens_refresh;                /* workspace.codeLens.refreshSupport */
    bool diagnostic_refresh;               /* workspace.diagnostics.refreshSupport */
    bool diagnostic_version;               /* publishDiagnostics.versionSupport */
    bool hover_markdown;                   /* hover.contentFormat lists "markdown" */
    bool completion_snippets;              /* completion.completionItem.snippetSupport */
    bool hierarchical_symbols;             /* documentSymbol.hierarchicalDocumentSymbolSupport */
    bool pull_diagnostics;                 /* textDocument.diagnostic present */
    bool completion_insert_replace;        /* completion.completionItem.insertReplaceSupport:
                                              textEdit may be an InsertReplaceEdit */
} RlsClientCaps;

/* Borrowed; all false before initialize. */
const RlsClientCaps *rls_server_caps(const RlsServer *self);
/* The position encoding every position in and out is counted in: utf-8
 * when the client offered it in general.positionEncodings, else utf-16. */
RlsEncoding rls_server_encoding(const RlsServer *self);
/* The URI of the rules documentation (installed rules.md, or
 * RESUME_LS_DOCS_URL), without an anchor, or NULL when there is none: a
 * diagnostic's codeDescription.href is this + "#" + rule id, and is left out
 * when this is NULL. */
const char *rls_server_rules_doc_uri(const RlsServer *self);

/* ---- Documents ------------------------------------------------------------------ */

typedef struct RlsDocument {
    char *uri;         /* as the client sent it */
    char *path;        /* local path for a file:// uri, else NULL */
    char *language_id; /* "markdown", "latex", ... */
    RlsFormat format;
    int32_t version;   /* the client's version of text */
    RlsText *text;     /* the current text; positions convert through it */
    RlsParser *parser; /* this document's incremental parser */
    RlsConfig config;  /* effective configuration: defaults, .resume-ls.json,
                          initializationOptions, workspace settings */
    /* The last analysis. Read it through rls_document_analysis, which
     * redoes it first if the text or configuration changed since. */
    RlsAnalysis analysis;
    bool stale;   /* analysis is older than text/config */
    bool publish; /* diagnostics must be pushed at the end of this batch */
    /* When it was last analysed after a change (server-wide count), and
     * whether it still holds its incremental state (tree, caches): only the
     * RLS_WARM_DOCS most recently changed documents do. */
    uint64_t changed_seq;
    bool warm;
    /* The findings as encoded for the wire, kept between versions, and the
     * set last pushed (diagnostics.c). Owned; NULL until first encoded and
     * again once the document is trimmed. */
    struct RlsDiagWire *wire;
    uint64_t pushed_hash;
    bool pushed;
} RlsDocument;

/* The open document with this uri, or NULL. Borrowed. */
RlsDocument *rls_server_document(RlsServer *self, const char *uri);

/* Reads params.textDocument.uri and finds the document. Returns 0 and sets
 * *doc; RLS_EINVAL when params has no such string (error says which key);
 * RLS_ENOENT when the document is not open. Both become InvalidParams. */
int rls_server_document_param(RlsServer *self, const cJSON *params, RlsDocument **doc,
                              RlsBuf *error);

/* The document's analysis (model + findings), brought up to date with its
 * text and configuration if needed. Borrowed; valid until the document
 * changes (i.e. for the whole handler). Never NULL; model is never NULL. */
const RlsAnalysis *rls_document_analysis(RlsServer *self, RlsDocument *doc);

/* Every open document, in no particular order: *count gets the number.
 * Borrowed; invalidated by didOpen/didClose. */
RlsDocument *const *rls_server_documents(RlsServer *self, size_t *count);

/* ---- Positions and JSON helpers ------------------------------------------------------
 * All conversions clamp (text.h): a client position is never trusted. */

/* {"line":..,"character":..} of a byte offset, in the negotiated encoding. */
cJSON *rls_lsp_position_to_json(const RlsServer *srv, const RlsDocument *doc, uint32_t byte);
/* {"start":..,"end":..} of a byte span, in the negotiated encoding. Returns owned. */
cJSON *rls_lsp_range_to_json(const RlsServer *srv, const RlsDocument *doc, RlsSpan span);
/* Reads a Position object into a byte offset. RLS_EINVAL (with error text)
 * when pos is not {line: uint, character: uint}. */
int rls_lsp_position_from_json(const RlsServer *srv, const RlsDocument *doc, const cJSON *pos,
                               uint32_t *byte, RlsBuf *error);
/* Reads a Range object into a byte span (inverted ranges are reordered). */
int rls_lsp_range_from_json(const RlsServer *srv, const RlsDocument *doc, const cJSON *range,
                            RlsSpan *span, RlsBuf *error);
/* rls_lsp_position_from_json on params[key]. */
int rls_lsp_position_param(const RlsServer *srv, const RlsDocument *doc, const cJSON *params,
                           const char *key, uint32_t *byte, RlsBuf *error);
/* The document and the position of a TextDocumentPositionParams (hover,
 * completion, ...): rls_server_document_param, then params.position. */
int rls_server_document_position_param(RlsServer *srv, const cJSON *params, RlsDocument **doc,
                                       uint32_t *byte, RlsBuf *error);

/* ---- One finding as an LSP Diagnostic (diagnostics.c) -----------------------------
 * range, severity, source "resume-ls", code (the rule id),
 * codeDescription.href, message, and data {"bullet", "plainStart",
 * "plainEnd"} so that code actions can find the bullet again. */

/* Appends the Diagnostic as JSON text to out, without building a cJSON tree
 * (the publish path, run on every keystroke): the one encoder. */
void rls_lsp_diagnostic_write(const RlsServer *srv, const RlsDocument *doc, const RlsDiag *diag,
                              RlsBuf *out);
/* The same Diagnostic as a tree (rls_lsp_diagnostic_write's bytes, parsed).
 * Returns owned. */
cJSON *rls_lsp_diagnostic_to_json(const RlsServer *srv, const RlsDocument *doc,
                                  const RlsDiag *diag);

/* Typed reads of params members. Each returns 0 and sets *out, or returns
 * RLS_EINVAL and writes "KEY: expected TYPE" to error (may be NULL). When
 * required is false, an absent (or null) member returns 0 and leaves *out. */
int rls_json_get_object(const cJSON *obj, const char *key, bool required, const cJSON **out,
                        RlsBuf *error);
int rls_json_get_array(const cJSON *obj, const char *key, bool required, const cJSON **out,
                       RlsBuf *error);
int rls_json_get_string(const cJSON *obj, const char *key, bool required, const char **out,
                        RlsBuf *error);
int rls_json_get_int(const cJSON *obj, const char *key, bool required, int64_t *out, RlsBuf *error);

/* ---- Internal to the lsp module and the dispatcher -------------------------------- */

/* End of a batch of messages: analyse and push diagnostics for every
 * document marked `publish`. */
void rls_server_idle(RlsServer *self);
/* Called by the dispatcher before it runs a batch of messages read
 * together: the start of the in-server latency "resume-ls/stats" reports. */
void rls_server_batch_begin(RlsServer *self);
/* A response from the client to one of our requests (called by dispatch). */
void rls_server_on_response(RlsServer *self, const cJSON *id, const cJSON *result,
                            const cJSON *error);
/* Sends one pre-encoded JSON text (takes ownership of body: rls_free). */
void rls_server_send_owned(RlsServer *self, char *body, size_t len);

#endif /* RLS_LSP_SERVER_H_ */
