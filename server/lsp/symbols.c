/*
 * symbols.c - textDocument/documentSymbol (sections -> entries -> bullets,
 * hierarchical, sub-sections under their section) and
 * textDocument/foldingRange (sections and entries), both read from the
 * resume model.
 */
#include <string.h>

#include "lsp/handlers.h"
#include "lsp/server_internal.h"
#include "rls/alloc.h"
#include "rpc/jsonrpc.h"

/* LSP SymbolKind values. */
enum { SYMBOLS__NAMESPACE = 3, SYMBOLS__CLASS = 5, SYMBOLS__STRING = 15 };

/* Longest bullet name shown in an outline, in bytes (cut at a character
 * boundary, with an ellipsis). */
#define SYMBOLS__NAME_MAX 80

static RlsSpan symbols__union(RlsSpan a, RlsSpan b) {
    RlsSpan r = {RLS_MIN(a.start_byte, b.start_byte), RLS_MAX(a.end_byte, b.end_byte)};
    return r;
}

/* A symbol name must be non-empty (clients reject empty names). */
static char *symbols__name(const char *text, size_t len, const char *fallback) {
    if (!text || len == 0) return rls_strdup(fallback);
    if (len <= SYMBOLS__NAME_MAX) return rls_strndup(text, len);
    size_t cut = SYMBOLS__NAME_MAX;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
        cut--;
    RlsBuf b;
    rls_buf_init(&b);
    rls_buf_append(&b, text, cut);
    rls_buf_puts(&b, "\xE2\x80\xA6");
    return rls_buf_detach(&b);
}

static cJSON *symbols__symbol(RlsServer *srv, RlsDocument *doc, char *name, const char *detail,
                              int kind, RlsSpan range, RlsSpan selection) {
    cJSON *sym = cJSON_CreateObject();
    cJSON_AddStringToObject(sym, "name", name);
    rls_free(name);
    if (detail && *detail) cJSON_AddStringToObject(sym, "detail", detail);
    cJSON_AddNumberToObject(sym, "kind", kind);
    /* selectionRange must lie inside range (LSP 3.17, DocumentSymbol). */
    if (selection.start_byte < range.start_byte || selection.end_byte > range.end_byte)
        selection = range;
    rls_json_add(sym, "range", rls_lsp_range_to_json(srv, doc, range));
    rls_json_add(sym, "selectionRange", rls_lsp_range_to_json(srv, doc, selection));
    return sym;
}

static cJSON *symbols__bullet(RlsServer *srv, RlsDocument *doc, const RlsBullet *b) {
    char *name = symbols__name(b->plain.text, b->plain.len, "(empty bullet)");
    return symbols__symbol(srv, doc, name, NULL, SYMBOLS__STRING, b->item_span, b->span);
}

static RlsSpan symbols__entry_span(const RlsResume *m, const RlsEntry *e) {
    RlsSpan span = e->span;
    for (uint32_t k = 0; k < e->n_bullets; k++)
        span = symbols__union(span, m->bullets[e->first_bullet + k].item_span);
    return span;
}

static cJSON *symbols__entry(RlsServer *srv, RlsDocument *doc, const RlsResume *m,
                             const RlsEntry *e) {
    RlsBuf name;
    rls_buf_init(&name);
    if (e->title) rls_buf_puts(&name, e->title);
    if (e->title && e->org) rls_buf_puts(&name, " \xC2\xB7 ");
    if (e->org) rls_buf_puts(&name, e->org);
    char *label = symbols__name(name.data, name.len, "(entry)");
    rls_buf_close(&name);
    cJSON *sym = symbols__symbol(srv, doc, label, e->location, SYMBOLS__CLASS,
                                 symbols__entry_span(m, e), e->span);
    cJSON *children = rls_json_add(sym, "children", cJSON_CreateArray());
    for (uint32_t k = 0; k < e->n_bullets; k++)
        cJSON_AddItemToArray(children, symbols__bullet(srv, doc, &m->bullets[e->first_bullet + k]));
    return sym;
}

/* For each section, the index after its last sub-section: the sections
 * right after it with a deeper heading level (LaTeX's \subsection under
 * \section, moderncv's "Vocational" under "Experience") belong to it. The
 * header block holds none. One pass with a stack; owned array. */
static uint32_t *symbols__subtree_ends(const RlsResume *m) {
    uint32_t n = m->n_sections;
    uint32_t *end = rls_calloc(n ? n : 1, sizeof(*end));
    uint32_t *stack = rls_calloc(n ? n : 1, sizeof(*stack));
    uint32_t depth = 0;
    for (uint32_t j = 0; j < n; j++) {
        const RlsSection *s = &m->sections[j];
        while (depth > 0) {
            const RlsSection *top = &m->sections[stack[depth - 1]];
            if (top->kind != RLS_SECTION_HEADER && s->kind != RLS_SECTION_HEADER &&
                s->level > top->level)
                break;
            end[stack[--depth]] = j;
        }
        stack[depth++] = j;
    }
    while (depth > 0)
        end[stack[--depth]] = n;
    rls_free(stack);
    return end;
}

/* Section i with its own span widened over its sub-sections. */
static RlsSpan symbols__section_span(const RlsResume *m, const uint32_t *ends, uint32_t i) {
    RlsSpan span = m->sections[i].span;
    if (ends[i] > i + 1) span = symbols__union(span, m->sections[ends[i] - 1].span);
    return span;
}

static cJSON *symbols__section(RlsServer *srv, RlsDocument *doc, const RlsResume *m,
                               const uint32_t *ends, uint32_t index) {
    const RlsSection *s = &m->sections[index];
    char *name = symbols__name(s->heading.text, s->heading.len,
                               s->kind == RLS_SECTION_HEADER ? "Header" : "(section)");
    RlsSpan range = symbols__section_span(m, ends, index);
    cJSON *sym = symbols__symbol(
        srv, doc, name, rls_section_kind_name(s->kind), SYMBOLS__NAMESPACE, range,
        s->heading_span.end_byte > s->heading_span.start_byte ? s->heading_span : s->span);
    cJSON *children = rls_json_add(sym, "children", cJSON_CreateArray());
    /* Entries and the bullets outside any entry, in document order. */
    uint32_t next_entry = s->first_entry, end_entry = s->first_entry + s->n_entries;
    for (uint32_t k = 0; k < s->n_bullets; k++) {
        const RlsBullet *b = &m->bullets[s->first_bullet + k];
        while (next_entry < end_entry &&
               m->entries[next_entry].span.start_byte <= b->item_span.start_byte) {
            cJSON_AddItemToArray(children, symbols__entry(srv, doc, m, &m->entries[next_entry]));
            next_entry++;
        }
        if (b->entry < 0) cJSON_AddItemToArray(children, symbols__bullet(srv, doc, b));
    }
    for (; next_entry < end_entry; next_entry++)
        cJSON_AddItemToArray(children, symbols__entry(srv, doc, m, &m->entries[next_entry]));
    /* Then its sub-sections, which follow all of its own content. Heading
     * levels strictly deepen along this recursion, so it is shallow. */
    for (uint32_t j = index + 1; j < ends[index]; j = ends[j])
        cJSON_AddItemToArray(children, symbols__section(srv, doc, m, ends, j));
    return sym;
}

/* What both outline requests walk: the document of params, its model and
 * each section's subtree end (owned, NULL without a model). */
typedef struct {
    RlsDocument *doc;
    const RlsResume *m;
    uint32_t *ends;
} SymbolsDoc;

static int symbols__open(RlsServer *srv, const cJSON *params, SymbolsDoc *d, RlsBuf *error) {
    *d = (SymbolsDoc){NULL, NULL, NULL};
    int rc = rls_server_document_param(srv, params, &d->doc, error);
    if (rc != 0) return rc;
    d->m = rls_document_analysis(srv, d->doc)->model;
    d->ends = d->m ? symbols__subtree_ends(d->m) : NULL;
    return 0;
}

int rls_lsp_document_symbol(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    SymbolsDoc d;
    int rc = symbols__open(srv, params, &d, error);
    if (rc != 0) return rc;
    *result = cJSON_CreateArray();
    for (uint32_t i = 0; d.m && d.ends && i < d.m->n_sections; i = d.ends[i])
        cJSON_AddItemToArray(*result, symbols__section(srv, d.doc, d.m, d.ends, i));
    rls_free(d.ends);
    return 0;
}

/* A span's last line: a span that ends at the start of a line (after its
 * terminator) ends on the line before. */
static uint32_t symbols__last_line(const RlsText *text, RlsSpan span) {
    uint32_t end = span.end_byte;
    if (end > span.start_byte && rls_text_line_start(text, rls_text_line_of(text, end)) == end)
        end--;
    return rls_text_line_of(text, end);
}

static void symbols__fold(cJSON *list, const RlsText *text, RlsSpan span) {
    uint32_t first = rls_text_line_of(text, span.start_byte);
    uint32_t last = symbols__last_line(text, span);
    if (last <= first) return;
    cJSON *range = cJSON_CreateObject();
    cJSON_AddNumberToObject(range, "startLine", first);
    cJSON_AddNumberToObject(range, "endLine", last);
    cJSON_AddStringToObject(range, "kind", "region");
    cJSON_AddItemToArray(list, range);
}

int rls_lsp_folding_range(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    SymbolsDoc d;
    int rc = symbols__open(srv, params, &d, error);
    if (rc != 0) return rc;
    *result = cJSON_CreateArray();
    for (uint32_t i = 0; d.m && d.ends && i < d.m->n_sections; i++)
        symbols__fold(*result, d.doc->text, symbols__section_span(d.m, d.ends, i));
    rls_free(d.ends);
    for (uint32_t i = 0; d.m && i < d.m->n_entries; i++)
        symbols__fold(*result, d.doc->text, symbols__entry_span(d.m, &d.m->entries[i]));
    return 0;
}
