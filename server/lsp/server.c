/*
 * server.c - the server's state, output, documents and the JSON helpers
 * handlers share (server.h).
 */
#define _XOPEN_SOURCE 700 /* realpath, getcwd */

#include "lsp/server_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include "config/log.h"
#include "rls/alloc.h"
#include "rpc/jsonrpc.h"

#include "config/config_json.h"
#include "config/docs_url.h"
#include "speller/speller.h"

/* ---- Spelling dictionaries ----------------------------------------------------------
 * A dictionary takes ~50-60 ms to load: never in a handler. The first
 * request for one queues the load on libuv's thread pool; analyses meanwhile
 * have no speller (the spelling rule reports nothing), and when the load
 * finishes every document is analysed again and republished. */

typedef struct {
    uv_work_t req;
    RlsServer *server;
    RlsSpellerDict *dict;
} ServerSpellLoad;

static void server__spell_work_cb(uv_work_t *req) {
    ServerSpellLoad *load = req->data;
    rls_speller_load(load->dict);
}

static void server__spell_ready(RlsServer *self, RlsSpellerDict *dict) {
    self->n_spell_loads--;
    if (!rls_speller_lib_finish(self->spell, dict)) return;
    for (size_t i = 0; i < self->n_docs; i++) {
        self->docs[i]->stale = true;
        self->docs[i]->publish = true;
    }
}

static void server__spell_after_cb(uv_work_t *req, int status) {
    ServerSpellLoad *load = req->data;
    /* Cancelled or not, the load ran or never will: finish it either way
     * (a cancelled one finishes as missing). */
    if (status != 0) rls_log_warn("spelling: dictionary load did not run: %s", uv_strerror(status));
    server__spell_ready(load->server, load->dict);
    rls_free(load);
}

static void server__spell_request_cb(void *data, RlsSpellerLib *lib, RlsSpellerDict *dict) {
    (void)lib;
    RlsServer *self = data;
    self->n_spell_loads++;
    if (self->loop) {
        ServerSpellLoad *load = rls_calloc(1, sizeof(*load));
        load->server = self;
        load->dict = dict;
        load->req.data = load;
        if (uv_queue_work(self->loop, &load->req, server__spell_work_cb, server__spell_after_cb) ==
            0)
            return;
        rls_free(load);
    }
    rls_speller_load(dict);
    server__spell_ready(self, dict);
}

void rls_server_set_loop(RlsServer *self, struct uv_loop_s *loop) {
    self->loop = loop;
}

struct RlsSpellerLib *rls_server_speller(RlsServer *self) {
    return self->spell;
}

void rls_server_spell_prefetch(RlsServer *self, const char *lang, const char *dict_path) {
    RlsSpellSource src = rls_speller_lib_source(self->spell);
    src.speller_cb(src.data, lang, dict_path);
}

/* ---- Lifetime --------------------------------------------------------------------- */

RlsServer *rls_server_new(RlsSendCb send, void *data) {
    RlsServer *self = rls_calloc(1, sizeof(*self));
    self->send = send;
    self->send_data = data;
    self->encoding = RLS_ENC_UTF16;
    /* LSP's codeDescription.href is a URI: a relative fallback path
     * (docs_url.h) is no link an editor can open, so it is left out. */
    const char *docs = rls_docs_rules_url();
    self->rules_doc_uri = strstr(docs, "://") ? rls_strdup(docs) : NULL;
    self->next_request_id = 1;
    self->spell = rls_speller_lib_new(server__spell_request_cb, self);
    return self;
}

void rls_server_delete(RlsServer *self) {
    if (!self) return;
    for (size_t i = 0; i < self->n_docs; i++)
        rls_document_delete(self->docs[i]);
    rls_free(self->docs);
    cJSON *cancelled = cJSON_CreateObject();
    cJSON_AddNumberToObject(cancelled, "code", RLS_RPC_REQUEST_CANCELLED);
    cJSON_AddStringToObject(cancelled, "message", "server shut down");
    for (size_t i = 0; i < self->n_pending; i++)
        if (self->pending[i].cb) self->pending[i].cb(self, self->pending[i].data, NULL, cancelled);
    cJSON_Delete(cancelled);
    rls_free(self->pending);
    cJSON_Delete(self->init_options);
    cJSON_Delete(self->settings);
    rls_free(self->last_problems);
    rls_free(self->rules_doc_uri);
    rls_free(self->publish_ns);
    rls_free(self->root_path);
    rls_speller_lib_delete(self->spell);
    rls_free(self);
}

/* ---- Output ----------------------------------------------------------------------- */

void rls_server_send_owned(RlsServer *self, char *body, size_t len) {
    if (rls_log_enabled(RLS_LOG_TRACE)) fprintf(stderr, "resume-ls: trace: -> %s\n", body);
    self->send(self->send_data, body, len);
    rls_free(body);
}

void rls_server_notify(RlsServer *self, const char *method, cJSON *params) {
    size_t len;
    char *body = rls_rpc_encode_notification(method, params, &len);
    rls_server_send_owned(self, body, len);
}

void rls_server_request(RlsServer *self, const char *method, cJSON *params, RlsResponseCb cb,
                        void *data) {
    long id = self->next_request_id++;
    RlsPendingRequest p = {id, cb, data};
    RLS_PUSH(self->pending, self->n_pending, self->cap_pending, p);
    size_t len;
    char *body = rls_rpc_encode_request(id, method, params, &len);
    rls_server_send_owned(self, body, len);
}

void rls_server_on_response(RlsServer *self, const cJSON *id, const cJSON *result,
                            const cJSON *error) {
    if (!cJSON_IsNumber(id)) {
        rls_log_warn("response with an id we never sent");
        return;
    }
    for (size_t i = 0; i < self->n_pending; i++) {
        if ((double)self->pending[i].id != id->valuedouble) continue;
        RlsPendingRequest p = self->pending[i];
        self->pending[i] = self->pending[--self->n_pending];
        if (p.cb) p.cb(self, p.data, result, error);
        return;
    }
    rls_log_warn("response to unknown request %g", id->valuedouble);
}

void rls_server_show_message(RlsServer *self, int type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *text = rls_vstrfmt(fmt, ap);
    va_end(ap);
    rls_log(type == 1 ? RLS_LOG_ERROR : type == 2 ? RLS_LOG_WARN : RLS_LOG_INFO, "%s", text);
    cJSON *params = cJSON_CreateObject();
    cJSON_AddNumberToObject(params, "type", type);
    cJSON_AddStringToObject(params, "message", text);
    rls_server_notify(self, "window/showMessage", params);
    rls_free(text);
}

/* ---- Accessors ------------------------------------------------------------------------ */

const RlsClientCaps *rls_server_caps(const RlsServer *self) {
    return &self->caps;
}

RlsEncoding rls_server_encoding(const RlsServer *self) {
    return self->encoding;
}

const char *rls_server_rules_doc_uri(const RlsServer *self) {
    return self->rules_doc_uri;
}

/* ---- Documents --------------------------------------------------------------------
 * A linear scan: an editor has a handful of resumes open, and even the
 * 1 000-document load test costs microseconds per lookup. */

RlsDocument *rls_server_document(RlsServer *self, const char *uri) {
    for (size_t i = 0; i < self->n_docs; i++)
        if (strcmp(self->docs[i]->uri, uri) == 0) return self->docs[i];
    return NULL;
}

RlsDocument *const *rls_server_documents(RlsServer *self, size_t *count) {
    *count = self->n_docs;
    return self->docs;
}

void rls_server_doc_add(RlsServer *self, RlsDocument *doc) {
    // NOLINTNEXTLINE(bugprone-sizeof-expression): sizeof one pointer, for an array of them
    RLS_PUSH(self->docs, self->n_docs, self->cap_docs, doc);
}

void rls_server_doc_remove(RlsServer *self, RlsDocument *doc) {
    for (size_t i = 0; i < self->n_docs; i++) {
        if (self->docs[i] != doc) continue;
        self->docs[i] = self->docs[--self->n_docs];
        rls_document_delete(doc);
        return;
    }
}

void rls_document_delete(RlsDocument *doc) {
    if (!doc) return;
    rls_analysis_close(&doc->analysis);
    rls_diag_wire_delete(doc->wire);
    rls_config_close(&doc->config);
    rls_parser_delete(doc->parser);
    rls_text_delete(doc->text);
    rls_free(doc->uri);
    rls_free(doc->path);
    rls_free(doc->language_id);
    rls_free(doc);
}

int rls_server_document_param(RlsServer *self, const cJSON *params, RlsDocument **doc,
                              RlsBuf *error) {
    const cJSON *td = NULL;
    const char *uri = NULL;
    int rc = rls_json_get_object(params, "textDocument", true, &td, error);
    if (rc == 0) rc = rls_json_get_string(td, "uri", true, &uri, error);
    if (rc != 0) return rc;
    *doc = rls_server_document(self, uri);
    if (!*doc) {
        if (error) rls_buf_printf(error, "document not open: %s", uri);
        return RLS_ENOENT;
    }
    return 0;
}

const RlsAnalysis *rls_document_analysis(RlsServer *self, RlsDocument *doc) {
    if (doc->stale || !doc->analysis.model) {
        doc->changed_seq = ++self->change_seq;
        doc->warm = true;
        uint64_t t0 = uv_hrtime();
        rls_analyze(&doc->analysis, doc->parser, rls_text_data(doc->text), rls_text_len(doc->text),
                    &doc->config);
        doc->stale = false;
        rls_log(RLS_LOG_TRACE, "analysed %s v%d in %.3f ms: %zu findings", doc->uri,
                (int)doc->version, (double)(uv_hrtime() - t0) / 1e6, doc->analysis.diags.len);
    }
    return &doc->analysis;
}

/* ---- Configuration ------------------------------------------------------------------ */

void rls_server_doc_configure(RlsServer *self, RlsDocument *doc, RlsBuf *problems) {
    rls_config_close(&doc->config);
    rls_config_init(&doc->config);
    if (doc->path) rls_config_load_for_file(&doc->config, doc->path, self->root_path, problems);
    if (self->init_options)
        rls_config_merge_json_in(&doc->config, self->init_options, "initializationOptions",
                                 self->root_path, problems);
    if (self->settings)
        rls_config_merge_json_in(&doc->config, self->settings, "workspace/configuration",
                                 self->root_path, problems);
    doc->config.spell = rls_speller_lib_source(self->spell);
    doc->stale = true;
    doc->publish = true;
}

void rls_server_report_problems(RlsServer *self, const RlsBuf *problems) {
    const char *text = problems->len ? problems->data : "";
    if (self->last_problems && strcmp(self->last_problems, text) == 0) return;
    rls_free(self->last_problems);
    self->last_problems = rls_strdup(text);
    if (problems->len)
        rls_server_show_message(self, 2, "resume-ls configuration: %s", problems->data);
}

void rls_server_reconfigure_all(RlsServer *self) {
    RlsBuf problems;
    rls_buf_init(&problems);
    for (size_t i = 0; i < self->n_docs; i++) {
        rls_server_doc_configure(self, self->docs[i], &problems);
    }
    rls_server_report_problems(self, &problems);
    rls_buf_close(&problems);
}

/* ---- Publishing --------------------------------------------------------------------- */

/* Each open document keeps a tree and caches (a few hundred KB for a
 * two-page resume) so that its next keystroke is cheap; a person types in
 * one or two at a time. Documents beyond the most recently changed few
 * give that state back and pay one full parse when next edited (about a
 * millisecond for two pages): 100 open resumes then cost memory for their
 * text and findings, not for 100 trees (issue 9). */
#define RLS_WARM_DOCS 4

static void server__trim_cold(RlsServer *self) {
    size_t n_warm = 0;
    for (size_t i = 0; i < self->n_docs; i++)
        n_warm += self->docs[i]->warm;
    if (n_warm <= RLS_WARM_DOCS) return;
    /* The RLS_WARM_DOCS-th newest change among warm documents. */
    uint64_t newest[RLS_WARM_DOCS] = {0};
    for (size_t i = 0; i < self->n_docs; i++) {
        const RlsDocument *d = self->docs[i];
        if (!d->warm) continue;
        uint64_t s = d->changed_seq;
        for (size_t k = 0; k < RLS_WARM_DOCS; k++) {
            if (s <= newest[k]) continue;
            uint64_t t = newest[k];
            newest[k] = s;
            s = t;
        }
    }
    uint64_t cutoff = newest[RLS_WARM_DOCS - 1];
    for (size_t i = 0; i < self->n_docs; i++) {
        RlsDocument *d = self->docs[i];
        if (!d->warm || d->changed_seq >= cutoff) continue;
        rls_parser_trim(d->parser);
        rls_analysis_trim(&d->analysis);
        rls_diag_wire_trim(d);
        d->warm = false;
    }
}

void rls_server_idle(RlsServer *self) {
    bool published = false;
    RlsBuf msg;
    rls_buf_init(&msg);
    for (size_t i = 0; i < self->n_docs; i++) {
        RlsDocument *doc = self->docs[i];
        if (!doc->publish) continue;
        published = true;
        doc->publish = false;
        rls_buf_clear(&msg);
        uint64_t set = rls_diag_wire_publish(self, doc, &msg);
        /* The client shows this very set already (LSP 3.17 asks for a new
         * push when the diagnostics change, not per version). A client that
         * interprets versions is told the set holds for the new one. */
        if (doc->pushed && doc->pushed_hash == set && !self->caps.diagnostic_version) {
            self->publish_skipped++;
            continue;
        }
        doc->pushed = true;
        doc->pushed_hash = set;
        size_t len = msg.len;
        self->publish_bytes += len;
        self->publish_sent++;
        rls_server_send_owned(self, rls_buf_detach(&msg), len);
    }
    rls_buf_close(&msg);
    if (published) rls_server_batch_published(self);
    server__trim_cold(self);
}

/* ---- Positions -------------------------------------------------------------------- */

static cJSON *server__pos_json(RlsLspPos pos) {
    cJSON *obj = cJSON_CreateObject();
    cJSON_AddNumberToObject(obj, "line", pos.line);
    cJSON_AddNumberToObject(obj, "character", pos.character);
    return obj;
}

cJSON *rls_lsp_position_to_json(const RlsServer *srv, const RlsDocument *doc, uint32_t byte) {
    return server__pos_json(rls_text_pos_at(doc->text, byte, srv->encoding));
}

cJSON *rls_lsp_range_to_json(const RlsServer *srv, const RlsDocument *doc, RlsSpan span) {
    RlsLspRange r = rls_text_range_of(doc->text, span, srv->encoding);
    cJSON *obj = cJSON_CreateObject();
    rls_json_add(obj, "start", server__pos_json(r.start));
    rls_json_add(obj, "end", server__pos_json(r.end));
    return obj;
}

/* LSP uses uinteger (0..2^31-1) for lines and characters. */
static int server__read_pos(const cJSON *pos, RlsLspPos *out, RlsBuf *error) {
    int64_t line = 0, ch = 0;
    if (!cJSON_IsObject(pos) || rls_json_get_int(pos, "line", true, &line, error) < 0 ||
        rls_json_get_int(pos, "character", true, &ch, error) < 0 || line < 0 || ch < 0) {
        if (error && !error->len) rls_buf_puts(error, "position: expected {line, character}");
        return RLS_EINVAL;
    }
    out->line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    out->character = ch > UINT32_MAX ? UINT32_MAX : (uint32_t)ch;
    return 0;
}

int rls_lsp_position_from_json(const RlsServer *srv, const RlsDocument *doc, const cJSON *pos,
                               uint32_t *byte, RlsBuf *error) {
    RlsLspPos p;
    int rc = server__read_pos(pos, &p, error);
    if (rc == 0) *byte = rls_text_offset_at(doc->text, p, srv->encoding);
    return rc;
}

int rls_lsp_range_from_json(const RlsServer *srv, const RlsDocument *doc, const cJSON *range,
                            RlsSpan *span, RlsBuf *error) {
    RlsLspRange r;
    if (!cJSON_IsObject(range) ||
        server__read_pos(cJSON_GetObjectItemCaseSensitive(range, "start"), &r.start, error) < 0 ||
        server__read_pos(cJSON_GetObjectItemCaseSensitive(range, "end"), &r.end, error) < 0) {
        if (error && !error->len) rls_buf_puts(error, "range: expected {start, end}");
        return RLS_EINVAL;
    }
    *span = rls_text_span_of(doc->text, r, srv->encoding);
    return 0;
}

int rls_lsp_position_param(const RlsServer *srv, const RlsDocument *doc, const cJSON *params,
                           const char *key, uint32_t *byte, RlsBuf *error) {
    const cJSON *pos = NULL;
    int rc = rls_json_get_object(params, key, true, &pos, error);
    return rc < 0 ? rc : rls_lsp_position_from_json(srv, doc, pos, byte, error);
}

int rls_server_document_position_param(RlsServer *srv, const cJSON *params, RlsDocument **doc,
                                       uint32_t *byte, RlsBuf *error) {
    int rc = rls_server_document_param(srv, params, doc, error);
    return rc != 0 ? rc : rls_lsp_position_param(srv, *doc, params, "position", byte, error);
}

/* ---- Typed params ------------------------------------------------------------------- */

static int server__get(const cJSON *obj, const char *key, bool required, const cJSON **item,
                       RlsBuf *error, const char *type) {
    *item = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
    if (!*item || cJSON_IsNull(*item)) {
        *item = NULL;
        if (!required) return 0;
        if (error) rls_buf_printf(error, "%s: expected %s", key, type);
        return RLS_EINVAL;
    }
    return 1;
}

static int server__fail(const char *key, const char *type, RlsBuf *error) {
    if (error) rls_buf_printf(error, "%s: expected %s", key, type);
    return RLS_EINVAL;
}

int rls_json_get_object(const cJSON *obj, const char *key, bool required, const cJSON **out,
                        RlsBuf *error) {
    const cJSON *item;
    int rc = server__get(obj, key, required, &item, error, "an object");
    if (rc <= 0) return rc;
    if (!cJSON_IsObject(item)) return server__fail(key, "an object", error);
    *out = item;
    return 0;
}

int rls_json_get_array(const cJSON *obj, const char *key, bool required, const cJSON **out,
                       RlsBuf *error) {
    const cJSON *item;
    int rc = server__get(obj, key, required, &item, error, "an array");
    if (rc <= 0) return rc;
    if (!cJSON_IsArray(item)) return server__fail(key, "an array", error);
    *out = item;
    return 0;
}

int rls_json_get_string(const cJSON *obj, const char *key, bool required, const char **out,
                        RlsBuf *error) {
    const cJSON *item;
    int rc = server__get(obj, key, required, &item, error, "a string");
    if (rc <= 0) return rc;
    if (!cJSON_IsString(item)) return server__fail(key, "a string", error);
    *out = item->valuestring;
    return 0;
}

int rls_json_get_int(const cJSON *obj, const char *key, bool required, int64_t *out,
                     RlsBuf *error) {
    const cJSON *item;
    int rc = server__get(obj, key, required, &item, error, "an integer");
    if (rc <= 0) return rc;
    double v = item->valuedouble;
    /* Range first: converting inf, NaN (1e999 parses to inf) or anything
     * out of int64 range to an integer is undefined behaviour. */
    if (!cJSON_IsNumber(item) || !(v >= -2147483648.0 && v <= 4294967295.0) ||
        v != (double)(int64_t)v)
        return server__fail(key, "an integer", error);
    *out = (int64_t)v;
    return 0;
}
