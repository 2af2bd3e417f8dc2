/*
 * sync.c - text synchronisation: didOpen, didChange (full and incremental
 * changes, applied in order), didClose, didSave (LSP 3.17 "Text Document
 * Synchronization").
 *
 * Every change goes to the document's text (which keeps both line indexes
 * up to date) and, as the byte edit the text reports, to its parser, so the
 * next analysis reparses incrementally. Analysis itself is deferred to the
 * end of the batch of messages read together (rls_server_idle): a burst of
 * keystrokes costs one analysis, not one per change.
 */
#include <stdint.h>
#include <string.h>

#include "lsp/handlers.h"
#include "config/log.h"
#include "config/uri.h"
#include "lsp/server_internal.h"
#include "rls/alloc.h"

/* LSP versions are `integer`: 32-bit signed. rls_json_get_int also takes
 * uinteger values up to 2^32-1, which an int32_t version would publish as
 * negative numbers: refuse them instead (InvalidParams). */
static int sync__get_version(const cJSON *td, int32_t *out, RlsBuf *error) {
    int64_t version = 0;
    int rc = rls_json_get_int(td, "version", true, &version, error);
    if (rc != 0) return rc;
    if (version < INT32_MIN || version > INT32_MAX) {
        rls_buf_printf(error, "version: expected a 32-bit integer, got %lld", (long long)version);
        return RLS_EINVAL;
    }
    *out = (int32_t)version;
    return 0;
}

int rls_lsp_did_open(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    (void)result;
    const cJSON *td = NULL;
    const char *uri = NULL, *lang = NULL, *text = NULL;
    int32_t version = 0;
    int rc = rls_json_get_object(params, "textDocument", true, &td, error);
    if (rc == 0) rc = rls_json_get_string(td, "uri", true, &uri, error);
    if (rc == 0) rc = rls_json_get_string(td, "languageId", false, &lang, error);
    if (rc == 0) rc = sync__get_version(td, &version, error);
    if (rc == 0) rc = rls_json_get_string(td, "text", true, &text, error);
    if (rc != 0) return rc;
    size_t len = strlen(text);
    if (len > RLS_TEXT_MAX_BYTES) {
        rls_server_show_message(srv, 1, "resume-ls: %s is too large to check (%zu bytes)", uri,
                                len);
        return RLS_ETOOBIG;
    }

    RlsDocument *old = rls_server_document(srv, uri);
    if (old) {
        rls_log_warn("didOpen of an open document %s: replacing it", uri);
        rls_server_doc_remove(srv, old);
    }
    RlsDocument *doc = rls_calloc(1, sizeof(*doc));
    doc->uri = rls_strdup(uri);
    doc->path = rls_uri_to_path(uri);
    doc->language_id = rls_strdup(lang ? lang : "");
    if (!lang || !rls_format_from_language_id(lang, &doc->format)) {
        if (!doc->path || !rls_format_from_path(doc->path, &doc->format))
            doc->format = RLS_FORMAT_MARKDOWN;
    }
    doc->version = version;
    doc->text = rls_text_new(text, len);
    doc->parser = rls_parser_new(doc->format);
    rls_config_init(&doc->config);
    rls_analysis_init(&doc->analysis);
    rls_server_doc_add(srv, doc);

    RlsBuf problems;
    rls_buf_init(&problems);
    rls_server_doc_configure(srv, doc, &problems);
    rls_server_report_problems(srv, &problems);
    rls_buf_close(&problems);
    rls_log_debug("opened %s v%d (%s, %zu bytes)", uri, doc->version,
                  doc->format == RLS_FORMAT_LATEX ? "latex" : "markdown", len);
    return 0;
}

/* Checks the shape of every change before applying any, so that a
 * malformed message leaves the document as it was rather than half-edited. */
static int sync__check_changes(const cJSON *changes, RlsBuf *error) {
    const cJSON *change;
    cJSON_ArrayForEach(change, changes) {
        const char *text = NULL;
        const cJSON *range = NULL;
        if (!cJSON_IsObject(change)) {
            rls_buf_puts(error, "contentChanges: expected objects");
            return RLS_EINVAL;
        }
        int rc = rls_json_get_string(change, "text", true, &text, error);
        if (rc == 0) rc = rls_json_get_object(change, "range", false, &range, error);
        if (rc != 0) return rc;
    }
    return 0;
}

/* What undoes one applied change: put old[0..old_len) back over the
 * new_len bytes the change wrote at start_byte. */
typedef struct {
    uint32_t start_byte;
    uint32_t new_len;
    char *old;
    uint32_t old_len;
} SyncUndo;

/* Applies every change of a didChange to the text, in order, or none: when
 * one is refused (a range that is not one, a result over
 * RLS_TEXT_MAX_BYTES), the ones before it are undone, newest first, and
 * the document is as it was. The undo log holds only the bytes the changes
 * replaced. The parser is told of the edits only once all applied. */
static int sync__apply_changes(RlsServer *srv, RlsDocument *doc, const cJSON *changes,
                               RlsBuf *error) {
    int rc = 0;
    size_t n = (size_t)cJSON_GetArraySize(changes), done = 0;
    SyncUndo *undo = rls_calloc(n ? n : 1, sizeof(*undo));
    RlsByteEdit *edits = rls_calloc(n ? n : 1, sizeof(*edits));
    const cJSON *change;
    cJSON_ArrayForEach(change, changes) {
        const char *text = cJSON_GetObjectItemCaseSensitive(change, "text")->valuestring;
        const cJSON *range = cJSON_GetObjectItemCaseSensitive(change, "range");
        RlsSpan span = {0, rls_text_len(doc->text)};
        if (range && !cJSON_IsNull(range)) {
            /* Clamped, never trusted: a range past the end edits the end. */
            rc = rls_lsp_range_from_json(srv, doc, range, &span, error);
            if (rc < 0) goto fail;
        }
        SyncUndo u = {.start_byte = span.start_byte, .old_len = span.end_byte - span.start_byte};
        u.old = rls_malloc(u.old_len ? u.old_len : 1);
        memcpy(u.old, rls_text_data(doc->text) + span.start_byte, u.old_len);
        size_t len = strlen(text);
        rc = rls_text_replace(doc->text, span.start_byte, span.end_byte, text, len, &edits[done]);
        if (rc < 0) {
            rls_free(u.old);
            rls_buf_printf(error, "%s: change refused: %s", doc->uri, rls_strerror(rc));
            rls_server_show_message(srv, 1, "resume-ls: %s; the document is unchanged",
                                    error->data);
            goto fail;
        }
        u.new_len = (uint32_t)len; /* replace succeeded: len fits the text */
        undo[done++] = u;
    }
    for (size_t i = 0; i < done; i++)
        rls_parser_edit(doc->parser, &edits[i]);
    goto out;
fail:
    /* Each undo returns the text to a length it had before: it cannot be
     * refused. */
    while (done > 0) {
        const SyncUndo *u = &undo[--done];
        rls_text_replace(doc->text, u->start_byte, u->start_byte + u->new_len, u->old, u->old_len,
                         NULL);
    }
out:
    for (size_t i = 0; i < n; i++)
        rls_free(undo[i].old);
    rls_free(undo);
    rls_free(edits);
    return rc;
}

int rls_lsp_did_change(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    (void)result;
    RlsDocument *doc = NULL;
    const cJSON *td = NULL, *changes = NULL;
    int32_t version = 0;
    int rc = rls_json_get_object(params, "textDocument", true, &td, error);
    if (rc == 0) rc = sync__get_version(td, &version, error);
    if (rc == 0) rc = rls_json_get_array(params, "contentChanges", true, &changes, error);
    if (rc == 0) rc = sync__check_changes(changes, error);
    if (rc == 0) rc = rls_server_document_param(srv, params, &doc, error);
    if (rc != 0) return rc;
    if (version <= doc->version)
        rls_log_warn("%s: version %d after %d", doc->uri, (int)version, (int)doc->version);

    /* A refused message changes nothing, not even the version: the
     * client's next change is then relative to the text we still hold. */
    rc = sync__apply_changes(srv, doc, changes, error);
    if (rc < 0) return rc;
    doc->version = version;
    doc->stale = true;
    doc->publish = true;
    return 0;
}

int rls_lsp_did_close(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    (void)result;
    RlsDocument *doc = NULL;
    int rc = rls_server_document_param(srv, params, &doc, error);
    if (rc != 0) return rc;
    /* Clear what the editor shows for the document: after a close the
     * server no longer owns its diagnostics (LSP 3.17, publishDiagnostics). */
    cJSON *clear = cJSON_CreateObject();
    cJSON_AddStringToObject(clear, "uri", doc->uri);
    cJSON_AddItemToObject(clear, "diagnostics", cJSON_CreateArray());
    rls_server_notify(srv, "textDocument/publishDiagnostics", clear);
    rls_log_debug("closed %s", doc->uri);
    rls_server_doc_remove(srv, doc);
    return 0;
}

int rls_lsp_did_save(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    (void)result;
    RlsDocument *doc = NULL;
    int rc = rls_server_document_param(srv, params, &doc, error);
    if (rc != 0) return rc;
    /* A save is the moment a person expects an edited .resume-ls.json (or
     * job description) to count: re-read the configuration. */
    RlsBuf problems;
    rls_buf_init(&problems);
    rls_server_doc_configure(srv, doc, &problems);
    rls_server_report_problems(srv, &problems);
    rls_buf_close(&problems);
    return 0;
}
