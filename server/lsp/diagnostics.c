/*
 * diagnostics.c - what the findings of a document look like on the wire:
 * the one encoder of a Diagnostic, the encoded Diagnostic of each finding
 * kept between versions, the publishDiagnostics notification and the pull
 * request (textDocument/diagnostic, LSP 3.17). Pushed diagnostics are
 * sent by rls_server_idle (server.c) from the same encoding, so push and
 * pull agree byte for byte.
 *
 * A keystroke changes a few findings at most, but every finding used to be
 * encoded again and the whole set re-sent (issue 16: 41 KB per keystroke on
 * a 2-page resume with 84 findings). Here each finding's encoded JSON is
 * kept in a table keyed by everything it is written from: rule, severity,
 * message, the data fields and its LSP range. A finding whose range did not
 * move and whose text did not change is copied from the table; only the
 * others are encoded (rls_lsp_diagnostic_write). The LSP range is always
 * recomputed from the current text, so an edit above a finding (a line
 * break, a CRLF, a multi-unit character) that moves it shows as a new key,
 * never as a stale range.
 *
 * The set as a whole is named by a 64-bit hash chained over its findings'
 * keys, in order. It is the resultId of pull diagnostics (a client that
 * sends it back as previousResultId gets kind "unchanged"), and a push is
 * skipped when the set equals the last one pushed, unless the client
 * interprets versions (publishDiagnostics.versionSupport): such a client
 * ties a set to the version it names, and is told that the set still holds
 * for the new version.
 */
#include "lsp/handlers.h"
#include "lsp/server_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/hash.h"
#include "rpc/jsonrpc.h"

/* ---- One Diagnostic -------------------------------------------------------------- */

/* The notification is written straight into one buffer rather than built
 * as a cJSON tree and printed: on a keystroke that tree was most of the
 * publish cost (an allocation per field, and a sprintf/sscanf round trip per
 * number). The bytes are what cJSON prints of the same object
 * (tests/incremental/incremental_test.c checks it), so one encoder serves
 * callers that want a tree too (rls_lsp_diagnostic_to_json). */
static void diagnostics__json_u32(RlsBuf *b, int64_t v) {
    char tmp[24];
    size_t n = 0;
    bool neg = v < 0;
    uint64_t u = neg ? (uint64_t)(-v) : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg) tmp[n++] = '-';
    char out[24];
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    rls_buf_append(b, out, n);
}

/* A JSON string's contents, escaped as cJSON escapes: quote, backslash, the
 * named control characters, other controls as \u00XX; UTF-8 passes through. */
static void diagnostics__json_chars(RlsBuf *b, const char *s) {
    static const char hex[] = "0123456789abcdef";
    const char *run = s;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        rls_buf_append(b, run, (size_t)(p - run));
        run = p + 1;
        char esc[6] = {'\\', 0, '0', '0', 0, 0};
        switch (c) {
        case '"':
            esc[1] = '"';
            break;
        case '\\':
            esc[1] = '\\';
            break;
        case '\b':
            esc[1] = 'b';
            break;
        case '\f':
            esc[1] = 'f';
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        case '\t':
            esc[1] = 't';
            break;
        default:
            esc[1] = 'u';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            rls_buf_append(b, esc, 6);
            continue;
        }
        rls_buf_append(b, esc, 2);
    }
    rls_buf_append(b, run, strlen(run));
}

static void diagnostics__json_str(RlsBuf *b, const char *s) {
    rls_buf_putc(b, '"');
    diagnostics__json_chars(b, s);
    rls_buf_putc(b, '"');
}

static void diagnostics__json_pos(RlsBuf *b, RlsLspPos pos) {
    rls_buf_puts(b, "{\"line\":");
    diagnostics__json_u32(b, pos.line);
    rls_buf_puts(b, ",\"character\":");
    diagnostics__json_u32(b, pos.character);
    rls_buf_putc(b, '}');
}

void rls_lsp_diagnostic_write(const RlsServer *srv, const RlsDocument *doc, const RlsDiag *diag,
                              RlsBuf *out) {
    RlsLspRange r = rls_text_range_of(doc->text, diag->span, srv->encoding);
    rls_buf_puts(out, "{\"range\":{\"start\":");
    diagnostics__json_pos(out, r.start);
    rls_buf_puts(out, ",\"end\":");
    diagnostics__json_pos(out, r.end);
    rls_buf_puts(out, "},\"severity\":");
    diagnostics__json_u32(out, diag->severity ? diag->severity : RLS_SEV_INFO);
    rls_buf_puts(out, ",\"code\":");
    diagnostics__json_str(out, diag->rule);
    if (srv->rules_doc_uri) {
        rls_buf_puts(out, ",\"codeDescription\":{\"href\":\"");
        diagnostics__json_chars(out, srv->rules_doc_uri);
        rls_buf_putc(out, '#');
        diagnostics__json_chars(out, diag->rule);
        rls_buf_puts(out, "\"}");
    }
    rls_buf_puts(out, ",\"source\":\"resume-ls\",\"message\":");
    diagnostics__json_str(out, diag->message ? diag->message : diag->rule);
    rls_buf_puts(out, ",\"data\":{\"bullet\":");
    diagnostics__json_u32(out, diag->bullet);
    rls_buf_puts(out, ",\"plainStart\":");
    diagnostics__json_u32(out, diag->plain_start);
    rls_buf_puts(out, ",\"plainEnd\":");
    diagnostics__json_u32(out, diag->plain_end);
    rls_buf_puts(out, "}}");
}

cJSON *rls_lsp_diagnostic_to_json(const RlsServer *srv, const RlsDocument *doc,
                                  const RlsDiag *diag) {
    RlsBuf json;
    rls_buf_init(&json);
    rls_lsp_diagnostic_write(srv, doc, diag, &json);
    cJSON *obj = cJSON_ParseWithLength(json.data, json.len);
    rls_buf_close(&json);
    return obj;
}

/* ---- The set, kept between versions ----------------------------------------------- */

typedef struct {
    uint64_t hash; /* of the key below; 0: empty slot */
    uint32_t generation;
    /* The key: what the Diagnostic is written from. */
    const char *rule; /* static rule id */
    char *message;    /* owned copy; NULL when the finding had none */
    RlsSeverity severity;
    int32_t bullet;
    uint32_t plain_start, plain_end;
    RlsLspRange range;
    /* The encoded Diagnostic object, owned. */
    char *json;
    uint32_t json_len;
} WireEntry;

struct RlsDiagWire {
    RlsCache entries; /* of WireEntry; an entry is used when the current set holds it */
    uint64_t seq;     /* the analysis (RlsDocument.changed_seq) the set encodes */
    bool current;     /* set below encodes the document's analysis numbered seq */
    uint32_t *order;  /* slots of the set's findings, in order */
    size_t n_order, cap_order;
    uint64_t set_hash;
};

static void wire__entry_free(void *entry) {
    WireEntry *e = entry;
    rls_free(e->message);
    rls_free(e->json);
}

static RlsDiagWire *wire__new(void) {
    RlsDiagWire *self = rls_calloc(1, sizeof(RlsDiagWire));
    rls_cache_init(&self->entries, sizeof(WireEntry), offsetof(WireEntry, generation), 64,
                   wire__entry_free);
    return self;
}

void rls_diag_wire_delete(RlsDiagWire *self) {
    if (!self) return;
    rls_cache_close(&self->entries);
    rls_free(self->order);
    rls_free(self);
}

static uint64_t wire__key(const RlsDiag *d, RlsLspRange r) {
    const char *msg = d->message ? d->message : "";
    uint64_t h = rls_hash_mix(RLS_HASH_SEED, d->rule, strlen(d->rule) + 1);
    h = rls_hash_mix(h, msg, strlen(msg) + 1);
    uint32_t nums[9] = {(uint32_t)d->severity, (uint32_t)d->bullet, d->plain_start, d->plain_end,
                        r.start.line,          r.start.character,   r.end.line,     r.end.character,
                        d->message != NULL};
    return rls_hash_key(rls_hash_mix(h, nums, sizeof(nums)));
}

static bool wire__same(const WireEntry *e, const RlsDiag *d, RlsLspRange r) {
    return e->severity == d->severity && e->bullet == d->bullet &&
           e->plain_start == d->plain_start && e->plain_end == d->plain_end &&
           e->range.start.line == r.start.line && e->range.start.character == r.start.character &&
           e->range.end.line == r.end.line && e->range.end.character == r.end.character &&
           (e->rule == d->rule || strcmp(e->rule, d->rule) == 0) &&
           (e->message && d->message ? strcmp(e->message, d->message) == 0
                                     : e->message == d->message);
}

/* The slot holding d's encoding at range r, encoding it first when no
 * slot does. */
static uint32_t wire__lookup(RlsServer *srv, const RlsDocument *doc, RlsDiagWire *self,
                             const RlsDiag *d, RlsLspRange r) {
    uint64_t hash = wire__key(d, r);
    WireEntry *e = rls_cache_find(&self->entries, hash);
    if (e && wire__same(e, d, r)) {
        rls_cache_touch(&self->entries, e);
        srv->diag_reused++;
        return rls_cache_slot(&self->entries, e);
    }
    RlsBuf json;
    rls_buf_init(&json);
    rls_lsp_diagnostic_write(srv, doc, d, &json);
    /* Another finding with the same hash: the newer one wins. */
    e = rls_cache_insert(&self->entries, hash);
    e->rule = d->rule;
    e->message = d->message ? rls_strdup(d->message) : NULL;
    e->severity = d->severity;
    e->bullet = d->bullet;
    e->plain_start = d->plain_start;
    e->plain_end = d->plain_end;
    e->range = r;
    e->json_len = (uint32_t)json.len;
    e->json = rls_buf_detach(&json);
    srv->diag_encoded++;
    return rls_cache_slot(&self->entries, e);
}

/* Brings doc's wire set up to date with its analysis. */
static RlsDiagWire *wire__update(RlsServer *srv, RlsDocument *doc) {
    const RlsAnalysis *an = rls_document_analysis(srv, doc);
    if (!doc->wire) doc->wire = wire__new();
    RlsDiagWire *self = doc->wire;
    if (self->current && self->seq == doc->changed_seq) return self;
    /* Room for every finding first, so no slot moves while the order is
     * being filled. */
    rls_cache_reserve(&self->entries, (uint32_t)an->diags.len);
    rls_cache_begin(&self->entries);
    self->n_order = 0;
    uint64_t set = RLS_HASH_SEED;
    for (size_t i = 0; i < an->diags.len; i++) {
        const RlsDiag *d = &an->diags.items[i];
        RlsLspRange r = rls_text_range_of(doc->text, d->span, srv->encoding);
        uint32_t at = wire__lookup(srv, doc, self, d, r);
        RLS_PUSH(self->order, self->n_order, self->cap_order, at);
        const WireEntry *e = rls_cache_at(&self->entries, at);
        set = rls_hash_mix(set, &e->hash, sizeof(uint64_t));
    }
    self->set_hash = rls_hash_mix(set, &self->n_order, sizeof(self->n_order));
    self->seq = doc->changed_seq;
    self->current = true;
    /* Findings that are gone pile up one or two per keystroke; drop them
     * once they outnumber the live ones (the order is rebuilt after). */
    if (rls_cache_sweep(&self->entries)) {
        /* Finding the slots again reuses what was just counted. */
        uint64_t reused = srv->diag_reused;
        self->n_order = 0;
        for (size_t i = 0; i < an->diags.len; i++) {
            const RlsDiag *d = &an->diags.items[i];
            RlsLspRange r = rls_text_range_of(doc->text, d->span, srv->encoding);
            uint32_t at = wire__lookup(srv, doc, self, d, r);
            RLS_PUSH(self->order, self->n_order, self->cap_order, at);
        }
        srv->diag_reused = reused;
    }
    return self;
}

uint64_t rls_diag_wire_write(RlsServer *srv, RlsDocument *doc, RlsBuf *out) {
    RlsDiagWire *self = wire__update(srv, doc);
    rls_buf_putc(out, '[');
    for (size_t i = 0; i < self->n_order; i++) {
        const WireEntry *e = rls_cache_at(&self->entries, self->order[i]);
        if (i) rls_buf_putc(out, ',');
        rls_buf_append(out, e->json, e->json_len);
    }
    rls_buf_putc(out, ']');
    return self->set_hash;
}

uint64_t rls_diag_wire_publish(RlsServer *srv, RlsDocument *doc, RlsBuf *out) {
    rls_buf_puts(out, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\","
                      "\"params\":{\"uri\":");
    diagnostics__json_str(out, doc->uri);
    rls_buf_puts(out, ",\"version\":");
    diagnostics__json_u32(out, doc->version);
    rls_buf_puts(out, ",\"diagnostics\":");
    uint64_t set = rls_diag_wire_write(srv, doc, out);
    rls_buf_puts(out, "}}");
    return set;
}

uint64_t rls_diag_wire_hash(RlsServer *srv, RlsDocument *doc) {
    return wire__update(srv, doc)->set_hash;
}

void rls_diag_wire_trim(RlsDocument *doc) {
    rls_diag_wire_delete(doc->wire);
    doc->wire = NULL;
}

/* ---- Pull ------------------------------------------------------------------------- */

/* A resultId: the set's hash in hex (LSP 3.17 leaves its form to the server). */
static void diagnostics__result_id(uint64_t hash, char out[24]) {
    snprintf(out, 24, "%016" PRIx64, hash);
}

int rls_lsp_pull_diagnostics(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    RlsDocument *doc = NULL;
    int rc = rls_server_document_param(srv, params, &doc, error);
    if (rc != 0) return rc;
    const char *previous = NULL;
    rc = rls_json_get_string(params, "previousResultId", false, &previous, error);
    if (rc != 0) return rc;
    char id[24];
    cJSON *report = cJSON_CreateObject();
    if (previous) {
        diagnostics__result_id(rls_diag_wire_hash(srv, doc), id);
        if (strcmp(previous, id) == 0) {
            cJSON_AddStringToObject(report, "kind", "unchanged");
            cJSON_AddStringToObject(report, "resultId", id);
            *result = report;
            return 0;
        }
    }
    RlsBuf items;
    rls_buf_init(&items);
    diagnostics__result_id(rls_diag_wire_write(srv, doc, &items), id);
    cJSON_AddStringToObject(report, "kind", "full");
    cJSON_AddStringToObject(report, "resultId", id);
    /* The items are already JSON: printed as they are. */
    cJSON_AddRawToObject(report, "items", items.data);
    rls_buf_close(&items);
    *result = report;
    return 0;
}
