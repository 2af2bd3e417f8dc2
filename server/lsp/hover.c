/*
 * hover.c - textDocument/hover: what the keyword, bullet or heading under
 * the cursor means for the resume (issue #6). The text comes from the core
 * (rls_hover_at, hover.h) as Markdown; a client that did not list
 * "markdown" in hover.contentFormat gets the same text with the emphasis
 * and code marks taken out, as plaintext.
 */
#include <string.h>

#include "lsp/features.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "rls/common.h"
#include "rls/hover.h"

static bool hover__is_space(char c) {
    return c == '\0' || c == ' ' || c == '\n' || c == '\t' || c == '(' || c == ')' || c == ',' ||
           c == '.' || c == ':' || c == ';';
}

/* The hover Markdown as plain text. The core only writes bold, italics,
 * code spans and "- " lists; a lone '*' with spaces on both sides (or
 * inside a word) is text and stays. Returns owned. */
static char *hover__plaintext(const char *md) {
    RlsBuf b;
    rls_buf_init(&b);
    size_t len = strlen(md);
    for (size_t i = 0; i < len; i++) {
        char c = md[i];
        if (c == '`') continue;
        if (c == '*') {
            size_t run = 1;
            while (i + run < len && md[i + run] == '*')
                run++;
            char before = i ? md[i - 1] : '\0';
            char after = md[i + run];
            bool opens = hover__is_space(before) && !hover__is_space(after);
            bool closes = !hover__is_space(before) && hover__is_space(after);
            if (run <= 2 && (opens || closes)) {
                i += run - 1;
                continue;
            }
        }
        rls_buf_append(&b, &c, 1);
    }
    return rls_buf_detach(&b);
}

int rls_lsp_hover(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    RlsDocument *doc = NULL;
    uint32_t at_byte = 0;
    int rc = rls_server_document_position_param(srv, params, &doc, &at_byte, error);
    if (rc != 0) return rc;
    const RlsAnalysis *an = rls_document_analysis(srv, doc);
    RlsSpan span = {at_byte, at_byte};
    char *md = rls_hover_at(an->model, &an->diags, rls_text_data(doc->text),
                            rls_text_len(doc->text), &doc->config, at_byte, &span);
    if (!md) {
        *result = cJSON_CreateNull();
        return 0;
    }
    bool markdown = rls_server_caps(srv)->hover_markdown;
    cJSON *hover = cJSON_CreateObject();
    cJSON *contents = cJSON_AddObjectToObject(hover, "contents");
    cJSON_AddStringToObject(contents, "kind", markdown ? "markdown" : "plaintext");
    if (markdown) {
        cJSON_AddStringToObject(contents, "value", md);
    } else {
        char *plain = hover__plaintext(md);
        cJSON_AddStringToObject(contents, "value", plain);
        rls_free(plain);
    }
    rls_free(md);
    cJSON_AddItemToObject(hover, "range", rls_lsp_range_to_json(srv, doc, span));
    *result = hover;
    return 0;
}
