/*
 * completion.c - textDocument/completion: strong action verbs at the start
 * of a bullet, catalogue terms after a comma in Skills (issue #6).
 *
 * The candidates and the span they replace come from the core
 * (rls_complete_at, keywords.h); this file turns them into CompletionItems
 * whose edits are exact in the negotiated encoding: an InsertReplaceEdit
 * (insert = typed prefix, replace = the whole word under the cursor) when
 * the client supports one, else a TextEdit over the whole word.
 */
#include <stdio.h>
#include <string.h>

#include "lsp/features.h"
#include "rls/common.h"
#include "rls/keyword_report.h"

/* LSP CompletionItemKind values. */
enum {
    COMPLETION__TEXT = 1,    /* a job-description token the catalogue does not know */
    COMPLETION__VALUE = 12,  /* a catalogue term: a skill one lists */
    COMPLETION__KEYWORD = 14 /* an action verb: the resume's own "keywords" */
};

static bool completion__starts_with(const char *s, const char *prefix, size_t plen) {
    for (size_t i = 0; i < plen; i++) {
        char a = s[i], b = prefix[i];
        if (!a) return false;
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

/* The core offers a term when the typed prefix starts its name or one of
 * its aliases ("k8" -> Kubernetes). Clients filter on filterText (default:
 * the label), so an alias match must be filterable by that alias or the
 * client drops the item the server chose. */
static const char *completion__filter_alias(const char *label, const char *typed, size_t tlen) {
    if (!tlen || completion__starts_with(label, typed, tlen)) return NULL;
    int32_t id = rls_kw_find(label, strlen(label));
    if (id < 0) return NULL;
    const RlsKeyword *kw = rls_kw_get((uint32_t)id);
    for (uint32_t a = 0; a < kw->n_aliases; a++)
        if (completion__starts_with(rls_kw_alias(kw, a), typed, tlen)) return rls_kw_alias(kw, a);
    return NULL;
}

int rls_lsp_completion(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    RlsDocument *doc = NULL;
    uint32_t at_byte = 0;
    int rc = rls_server_document_position_param(srv, params, &doc, &at_byte, error);
    if (rc != 0) return rc;
    const RlsAnalysis *an = rls_document_analysis(srv, doc);
    const char *src = rls_text_data(doc->text);
    uint32_t src_len = rls_text_len(doc->text);
    RlsCompletionList list;
    rls_completion_list_init(&list);
    rls_complete_at(an->model, src, src_len, at_byte, &doc->config, &list);

    /* The list is filtered by what was typed and cut to the best items, so
     * the client must ask again as the word grows rather than filter this
     * answer. */
    cJSON *out = cJSON_CreateObject();
    cJSON_AddBoolToObject(out, "isIncomplete", list.kind != RLS_COMPLETE_NONE);
    cJSON *items = cJSON_AddArrayToObject(out, "items");
    RlsSpan replace = list.replace;
    if (replace.start_byte > at_byte) replace.start_byte = at_byte;
    if (replace.end_byte < at_byte) replace.end_byte = at_byte;
    RlsSpan insert = {replace.start_byte, at_byte};
    const char *typed = src + insert.start_byte;
    size_t typed_len = insert.end_byte - insert.start_byte;
    bool insert_replace = rls_server_caps(srv)->completion_insert_replace;

    for (size_t i = 0; i < list.len; i++) {
        const RlsCompletionItem *it = &list.items[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "label", it->label);
        int kind = COMPLETION__KEYWORD;
        if (list.kind == RLS_COMPLETE_SKILL)
            kind = rls_kw_find(it->label, strlen(it->label)) >= 0 ? COMPLETION__VALUE
                                                                  : COMPLETION__TEXT;
        cJSON_AddNumberToObject(item, "kind", kind);
        if (it->detail) cJSON_AddStringToObject(item, "detail", it->detail);
        char sort[24];
        snprintf(sort, sizeof(sort), "%05zu", i);
        cJSON_AddStringToObject(item, "sortText", sort);
        const char *alias = list.kind == RLS_COMPLETE_SKILL
                                ? completion__filter_alias(it->label, typed, typed_len)
                                : NULL;
        if (alias) cJSON_AddStringToObject(item, "filterText", alias);
        if (i == 0) cJSON_AddBoolToObject(item, "preselect", true);
        cJSON_AddNumberToObject(item, "insertTextFormat", 1); /* plain text, never a snippet */
        cJSON *edit = cJSON_AddObjectToObject(item, "textEdit");
        cJSON_AddStringToObject(edit, "newText", it->label);
        if (insert_replace) {
            cJSON_AddItemToObject(edit, "insert", rls_lsp_range_to_json(srv, doc, insert));
            cJSON_AddItemToObject(edit, "replace", rls_lsp_range_to_json(srv, doc, replace));
        } else {
            cJSON_AddItemToObject(edit, "range", rls_lsp_range_to_json(srv, doc, replace));
        }
        cJSON_AddItemToArray(items, item);
    }
    rls_completion_list_close(&list);
    *result = out;
    return 0;
}
