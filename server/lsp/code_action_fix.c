/*
 * code_action_fix.c - fix-all with placeholder fixes left out unless asked
 * (see code_action_fix.h for why).
 */
#include <ctype.h>
#include <string.h>

#include "lsp/code_action_fix.h"
#include "rls/alloc.h"

/* Rules whose fix is nothing but a placeholder to fill in. */
static bool code_action_fix__placeholder_rule(const char *rule) {
    return rule && (strcmp(rule, "no-metric") == 0 || strcmp(rule, "vague-quantifier") == 0);
}

size_t rls_fix_count_placeholders(const char *text, size_t len) {
    size_t count = 0;
    for (size_t i = 0; text && i < len; i++) {
        if (text[i] != '[') continue;
        /* Escapes around the brackets: Markdown "\[N\]", LaTeX "{[}N]". */
        size_t j = i + 1;
        if (j < len && text[j] == '}') j++;
        size_t letters = 0;
        while (j < len && (isalpha((unsigned char)text[j]) || text[j] == '/' || text[j] == ' ' ||
                           text[j] == '\\')) {
            if (isalpha((unsigned char)text[j])) letters++;
            j++;
        }
        if (j < len && text[j] == ']' && letters > 0) {
            count++;
            i = j;
        }
    }
    return count;
}

/* The innermost bullet whose item holds span, or -1. */
static int64_t code_action_fix__bullet_of(const RlsResume *model, RlsSpan span) {
    int64_t best = -1;
    uint32_t best_len = UINT32_MAX;
    for (uint32_t b = 0; b < model->n_bullets; b++) {
        RlsSpan item = model->bullets[b].item_span;
        uint32_t len = item.end_byte - item.start_byte;
        if (span.start_byte >= item.start_byte && span.end_byte <= item.end_byte &&
            len < best_len) {
            best = b;
            best_len = len;
        }
    }
    return best;
}

int rls_fix_all_actions(const RlsResume *model, const char *src, uint32_t src_len,
                        const RlsDiagList *diags, const RlsFixAllOptions *opts,
                        RlsActionList *out) {
    if (!model || !src || !out) return RLS_EINVAL;
    RlsFixOptions fo = {opts && opts->restructure};
    if (opts && opts->placeholders)
        return rls_actions_fix_all(model, src, src_len, diags, &fo, out);

    /* A shallow copy of the findings without the placeholder rules: the
     * messages stay owned by diags, so only the array is freed. */
    RlsDiagList kept = {NULL, 0, 0};
    for (size_t i = 0; diags && i < diags->len; i++)
        if (!code_action_fix__placeholder_rule(diags->items[i].rule))
            RLS_PUSH(kept.items, kept.len, kept.cap, diags->items[i]);
    size_t first = out->len;
    int rc = rls_actions_fix_all(model, src, src_len, &kept, &fo, out);
    rls_free(kept.items);
    if (rc != 0 || out->len == first) return rc;

    /* Drop, bullet by bullet, the composed fixes that still add a
     * placeholder (a weak opener whose strong verb needs a count): more
     * placeholders in the new text than in the text it replaces (moved
     * text, such as a link "[Acme](url)", counts on both sides). A bullet's
     * edits come from one rewrite, so they go or stay together. */
    RlsAction *a = &out->items[first];
    size_t n_edits = a->n_edits ? a->n_edits : 1;
    int64_t *owner = rls_calloc(n_edits, sizeof(int64_t));
    int64_t *balance = rls_calloc(model->n_bullets ? model->n_bullets : 1, sizeof(int64_t));
    bool *drop = rls_calloc(n_edits, sizeof(bool));
    for (size_t e = 0; e < a->n_edits; e++) {
        RlsSpan at = a->edits[e].span;
        int64_t added =
            (int64_t)rls_fix_count_placeholders(a->edits[e].new_text,
                                                strlen(a->edits[e].new_text)) -
            (int64_t)rls_fix_count_placeholders(src + at.start_byte, at.end_byte - at.start_byte);
        owner[e] = code_action_fix__bullet_of(model, at);
        if (owner[e] >= 0)
            balance[owner[e]] += added;
        else
            drop[e] = added > 0;
    }
    for (size_t e = 0; e < a->n_edits; e++)
        if (owner[e] >= 0 && balance[owner[e]] > 0) drop[e] = true;
    rls_free(owner);
    rls_free(balance);
    size_t n = 0;
    for (size_t e = 0; e < a->n_edits; e++) {
        if (drop[e]) {
            rls_free(a->edits[e].new_text);
            continue;
        }
        a->edits[n++] = a->edits[e];
    }
    a->n_edits = n;
    rls_free(drop);
    if (n == 0) {
        /* Nothing left to fix: no action, as rls_actions_fix_all does. */
        rls_free(a->title);
        rls_free(a->edits);
        out->len = first;
    }
    return 0;
}
