/*
 * code_action.c - textDocument/codeAction and codeAction/resolve (issue #5):
 * quick fixes linked to the client's diagnostics, the outcome-first rewrite
 * of the bullet under the range, "disable RULE" suppression comments, and
 * fix-all. The actions themselves come from the core (rls/actions.h); this
 * file finds which finding a client diagnostic is, filters by kind, and
 * turns RlsActions into CodeActions with WorkspaceEdits in the negotiated
 * position encoding.
 *
 * Lazy edits: when the client resolves "edit" (and keeps `data`), actions go
 * out without edits and with data {uri, version, source, rule, range,
 * bullet, index, ...}; codeAction/resolve recomputes the same list on the
 * same document version and fills in the index-th action's edit. A resolve
 * after the document changed is refused (RequestFailed, saying so) rather
 * than answered with an edit computed on other text.
 *
 * Clients without codeActionLiteralSupport (LSP 3.7 and older) get an empty
 * list: a bare Command would need a server-side command that applies edits
 * through workspace/applyEdit, and every client we target has literals.
 */
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "rls/fix_all.h"
#include "lsp/code_action_spell.h"
#include "lsp/features.h"
#include "rls/actions.h"
#include "rls/alloc.h"
#include "rls/common.h"
#include "rls/hash.h"
#include "rls/rules.h"
#include "rpc/jsonrpc.h"

/* Rewrites offered for at most this many bullets under one range, so that
 * "select all" on a huge document stays a quick answer. */
#define CODE_ACTION_MAX_REWRITES 50

/* How an action was made, so that resolve can make it again. */
static const char *const code_action__sources[] = {"fix", "suppress", "rewrite", "fixAll"};
typedef enum { CA_FIX = 0, CA_SUPPRESS, CA_REWRITE, CA_FIX_ALL } CaSource;

typedef struct {
    RlsServer *srv;
    RlsDocument *doc;
    const RlsAnalysis *an;
    const RlsClientCaps *caps;
    bool lazy;  /* edits come later, from codeAction/resolve */
    cJSON *out; /* the CodeAction[] answered */
} CaCtx;

/* ---- Building CodeActions ------------------------------------------------------------------ */

cJSON *rls_lsp_workspace_edit(RlsServer *srv, RlsDocument *doc, const RlsTextEdit *list, size_t n) {
    cJSON *edits = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) {
        cJSON *e = cJSON_CreateObject();
        rls_json_add(e, "range", rls_lsp_range_to_json(srv, doc, list[i].span));
        rls_json_add(e, "newText", cJSON_CreateString(list[i].new_text));
        cJSON_AddItemToArray(edits, e);
    }
    cJSON *we = cJSON_CreateObject();
    if (rls_server_caps(srv)->document_changes) {
        cJSON *tde = cJSON_CreateObject();
        cJSON *id = rls_json_add(tde, "textDocument", cJSON_CreateObject());
        rls_json_add(id, "uri", cJSON_CreateString(doc->uri));
        rls_json_add(id, "version", cJSON_CreateNumber(doc->version));
        rls_json_add(tde, "edits", edits);
        cJSON *changes = rls_json_add(we, "documentChanges", cJSON_CreateArray());
        cJSON_AddItemToArray(changes, tde);
    } else {
        cJSON *changes = rls_json_add(we, "changes", cJSON_CreateObject());
        rls_json_add(changes, doc->uri, edits);
    }
    return we;
}

/* Appends one CodeAction for a. diag_json (the client's diagnostic, may be
 * NULL) is copied into `diagnostics`; d is the finding it answers (NULL for
 * a rewrite or fix-all). */
static void code_action__emit(CaCtx *ctx, const RlsAction *a, CaSource source, size_t index,
                              const cJSON *diag_json, const RlsDiag *d) {
    cJSON *ca = cJSON_CreateObject();
    rls_json_add(ca, "title", cJSON_CreateString(a->title));
    rls_json_add(ca, "kind", cJSON_CreateString(rls_action_kind_name(a->kind)));
    if (diag_json) {
        cJSON *list = rls_json_add(ca, "diagnostics", cJSON_CreateArray());
        cJSON_AddItemToArray(list, cJSON_Duplicate(diag_json, true));
    }
    /* isPreferred picks one fix among a diagnostic's quick fixes (what
     * "auto fix" applies); fix-all is a source action and never is one. */
    if (a->preferred && a->kind == RLS_ACTION_QUICKFIX && ctx->caps->code_action_is_preferred)
        rls_json_add(ca, "isPreferred", cJSON_CreateTrue());
    if (ctx->lazy) {
        cJSON *data = rls_json_add(ca, "data", cJSON_CreateObject());
        rls_json_add(data, "uri", cJSON_CreateString(ctx->doc->uri));
        rls_json_add(data, "version", cJSON_CreateNumber(ctx->doc->version));
        rls_json_add(data, "source", cJSON_CreateString(code_action__sources[source]));
        if (d) {
            rls_json_add(data, "rule", cJSON_CreateString(d->rule));
            rls_json_add(data, "range", rls_lsp_range_to_json(ctx->srv, ctx->doc, d->span));
            rls_json_add(data, "bullet", cJSON_CreateNumber(d->bullet));
        } else if (source == CA_REWRITE) {
            rls_json_add(data, "bullet", cJSON_CreateNumber(a->bullet));
        }
        rls_json_add(data, "index", cJSON_CreateNumber((double)index));
    } else {
        rls_json_add(ca, "edit",
                     rls_lsp_workspace_edit(ctx->srv, ctx->doc, (a)->edits, (a)->n_edits));
    }
    cJSON_AddItemToArray(ctx->out, ca);
}

/* ---- Finding the client's diagnostic in the analysis ----------------------------------------- */

/* Whether kind is wanted by context.only (NULL or empty: every kind). A
 * kind is wanted when an entry equals it or is one of its parents
 * ("source" wants "source.fixAll.resume-ls"). */
static bool code_action__wanted(const cJSON *only, const char *kind) {
    if (!cJSON_IsArray(only) || cJSON_GetArraySize(only) == 0) return true;
    const cJSON *o;
    cJSON_ArrayForEach(o, only) {
        if (!cJSON_IsString(o)) continue;
        size_t n = strlen(o->valuestring);
        if (strncmp(kind, o->valuestring, n) == 0 && (kind[n] == '\0' || kind[n] == '.'))
            return true;
    }
    return false;
}

/* The finding of the current analysis with this rule and span (and bullet,
 * when bullet >= -1), or NULL. */
static const RlsDiag *code_action__find(const RlsAnalysis *an, const char *rule, RlsSpan span,
                                        int64_t bullet) {
    /* The findings are sorted by span (rls_analyze): a select-all request
     * brings every finding of the document, so no linear scan per one. */
    size_t lo = 0, hi = an->diags.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        RlsSpan m = an->diags.items[mid].span;
        if (m.start_byte < span.start_byte ||
            (m.start_byte == span.start_byte && m.end_byte < span.end_byte))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < an->diags.len; i++) {
        const RlsDiag *d = &an->diags.items[i];
        if (d->span.start_byte != span.start_byte || d->span.end_byte != span.end_byte) break;
        if (!d->rule || strcmp(d->rule, rule) != 0) continue;
        if (bullet >= -1 && d->bullet != bullet) continue;
        return d;
    }
    return NULL;
}

/* The finding a client Diagnostic stands for, or NULL when it is not ours,
 * is malformed, or no longer exists in the current analysis. */
static const RlsDiag *code_action__match(CaCtx *ctx, const cJSON *dj) {
    if (!cJSON_IsObject(dj)) return NULL;
    const cJSON *source = cJSON_GetObjectItemCaseSensitive(dj, "source");
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(dj, "code");
    const cJSON *range = cJSON_GetObjectItemCaseSensitive(dj, "range");
    if (cJSON_IsString(source) && strcmp(source->valuestring, "resume-ls") != 0) return NULL;
    if (!cJSON_IsString(code) || !cJSON_IsObject(range)) return NULL;
    RlsSpan span;
    if (rls_lsp_range_from_json(ctx->srv, ctx->doc, range, &span, NULL) != 0) return NULL;
    int64_t bullet = -2; /* unknown: clients may drop `data` */
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(dj, "data");
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(data, "bullet");
    if (cJSON_IsNumber(b)) {
        /* Compared as a double first: converting inf or 1e300 (client
         * data) to an integer is undefined behaviour. */
        double v = b->valuedouble;
        if (!(v >= -1 && v <= (double)INT32_MAX) || v != floor(v)) return NULL;
        bullet = (int64_t)v;
    }
    const RlsDiag *d = code_action__find(ctx->an, code->valuestring, span, bullet);
    if (!d) return NULL;
    /* Plain offsets, when given, must agree too: the same words in the same
     * bullet, not a finding that moved there. */
    const cJSON *ps = cJSON_GetObjectItemCaseSensitive(data, "plainStart");
    const cJSON *pe = cJSON_GetObjectItemCaseSensitive(data, "plainEnd");
    if (cJSON_IsNumber(ps) && ps->valuedouble != (double)d->plain_start) return NULL;
    if (cJSON_IsNumber(pe) && pe->valuedouble != (double)d->plain_end) return NULL;
    return d;
}

/* ---- Making the actions (shared by the request and resolve) -----------------------------------
 */

static const char *code_action__src(const RlsDocument *doc) {
    const char *s = rls_text_data(doc->text);
    return s ? s : "";
}

static int code_action__make(RlsDocument *doc, const RlsAnalysis *an, CaSource source,
                             const RlsDiag *d, int64_t bullet, RlsActionList *out) {
    const char *src = code_action__src(doc);
    uint32_t len = rls_text_len(doc->text);
    switch (source) {
    case CA_FIX:
        return rls_actions_for_diag(an->model, src, len, d, out);
    case CA_SUPPRESS:
        return rls_actions_suppress(an->model, src, len, d, out);
    case CA_REWRITE:
        if (bullet < 0 || (uint64_t)bullet >= an->model->n_bullets) return RLS_EINVAL;
        return rls_actions_for_bullet(an->model, src, len, (uint32_t)bullet, &an->diags, out);
    case CA_FIX_ALL: {
        RlsFixAllOptions fo = {false, false};
        return rls_fix_all_actions(an->model, src, len, &an->diags, &fo, out);
    }
    }
    return RLS_EINVAL;
}

static size_t code_action__count_like(const RlsDiagList *list, const RlsDiag *d) {
    size_t n = 0;
    for (size_t i = 0; i < list->len; i++)
        n += strcmp(list->items[i].rule, d->rule) == 0 &&
             strcmp(list->items[i].message, d->message) == 0;
    return n;
}

/* What the suppression check needs to know about the document's top,
 * worked out once per request (each part is a pass over the model). */
typedef struct {
    bool ready;
    bool model_empty;       /* no section, paragraph, entry, bullet or contact */
    uint32_t first_comment; /* start of the earliest model comment, UINT32_MAX: none */
    RlsSpan top;            /* rls_resume_top_line */
} CaTop;

static void code_action__top(CaTop *top, const RlsDocument *doc, const RlsResume *m) {
    if (top->ready) return;
    uint32_t len = rls_text_len(doc->text);
    bool empty = true;
#define CA_NONEMPTY(span) ((span).end_byte > (span).start_byte && (span).start_byte < len)
    for (uint32_t i = 0; empty && i < m->n_sections; i++)
        empty = !CA_NONEMPTY(m->sections[i].heading_span);
    for (uint32_t i = 0; empty && i < m->n_paragraphs; i++)
        empty = !CA_NONEMPTY(m->paragraphs[i].span);
    for (uint32_t i = 0; empty && i < m->n_entries; i++)
        empty = !CA_NONEMPTY(m->entries[i].span);
    for (uint32_t i = 0; empty && i < m->n_bullets; i++)
        empty = !CA_NONEMPTY(m->bullets[i].item_span);
    for (uint32_t i = 0; empty && i < m->n_contacts; i++)
        empty = !CA_NONEMPTY(m->contacts[i].span);
#undef CA_NONEMPTY
    top->model_empty = empty;
    top->first_comment = UINT32_MAX;
    for (uint32_t i = 0; i < m->n_comments; i++)
        top->first_comment = RLS_MIN(top->first_comment, m->comments[i].span.start_byte);
    top->top = rls_resume_top_line(m, code_action__src(doc), len);
    top->ready = true;
}

/* Whether applying a (a "disable" action) really silences d: the old
 * answer, by trying the edit on a copy and re-checking the copy. A whole
 * analysis per suppression, so only the shapes code_action__predict leaves
 * open come here (a comment on the first line before the finding). */
static bool code_action__reanalyse(RlsDocument *doc, const RlsAnalysis *an, const RlsDiag *d,
                                   const RlsAction *a) {
    RlsBuf edited;
    rls_buf_init(&edited);
    bool works = false;
    if (rls_edits_apply(code_action__src(doc), rls_text_len(doc->text), a->edits, a->n_edits,
                        &edited) == 0) {
        RlsParser *parser = rls_parser_new(doc->format);
        RlsAnalysis after;
        rls_analysis_init(&after);
        rls_analyze(&after, parser, edited.data ? edited.data : "", (uint32_t)edited.len,
                    &doc->config);
        works = code_action__count_like(&after.diags, d) < code_action__count_like(&an->diags, d);
        rls_analysis_close(&after);
        rls_parser_delete(parser);
    }
    rls_buf_close(&edited);
    return works;
}

/* The answer of the suppression logic (rules/engine.c) for d once a's
 * comment is in: 1 silenced, 0 not, -1 when this shape is not worked out
 * here. Pre-condition: d is outside bullets, on the first line.
 *
 * a inserts one comment line at a line start p: "disable-next-line R"
 * above the first line (p = 0), or "disable R" at the file's top (0, or
 * after front matter). The comment shifts every model span at or after p
 * by its length, and a finding on the top line (rls_resume_top_line) goes
 * where the earliest model span goes; with no model span at all it goes to
 * the first non-blank byte, which is then the comment itself: the comment
 * takes the finding's place. Then:
 *   - disable-next-line covers the line below the comment and decides
 *     alone (engine: a line directive is checked before ranges);
 *   - disable at p covers what starts at or after p, unless a directive
 *     between p and the finding decides for it: such a directive is a
 *     comment on the first line before the finding, left to the re-check.
 * A comment the Markdown grammar does not read as one (indented four
 * columns or more: a code block) silences nothing. Findings that depend
 * on the bytes of the file, not only on its model, are left to the
 * re-check too. */
static int code_action__predict(CaTop *top, const RlsDocument *doc, const RlsAnalysis *an,
                                const RlsDiag *d, const RlsAction *a) {
    if (a->n_edits != 1 || a->edits[0].span.start_byte != a->edits[0].span.end_byte) return -1;
    const char *t = a->edits[0].new_text;
    uint32_t p = a->edits[0].span.start_byte;
    bool next_line = strstr(t, "resume-ls-disable-next-line") != NULL;
    if (!next_line && !strstr(t, "resume-ls-disable ")) return -1;
    /* unread-structure weighs fenced bytes against the file's size, so a
     * comment's bytes can decide it as much as the comment does. */
    if (d->rule && strcmp(d->rule, RLS_RULE_ID(UNREAD_STRUCTURE)) == 0) return -1;
    code_action__top(top, doc, an->model);
    if (top->first_comment <= d->span.start_byte) return -1;
    bool md = doc->format == RLS_FORMAT_MARKDOWN;
    uint32_t col = 0;
    const char *c = t;
    for (; *c == ' ' || *c == '\t'; c++)
        col = *c == '\t' ? (col / 4 + 1) * 4 : col + 1;
    if (md && col >= 4) return 0;
    /* Only the trailing line break: a comment put after a last line
     * without one (front matter alone) is left to the re-check. */
    if (*c == '\r' || *c == '\n') return -1;
    bool before = p <= d->span.start_byte; /* d shifts with the spans after p */
    if (!next_line) return before;         /* at its place, d is at the comment: covered too */
    bool on_top =
        d->span.start_byte == top->top.start_byte && d->span.end_byte == top->top.end_byte;
    bool takes_place = before && on_top && top->model_empty;
    return before && !takes_place;
}

/* Whether applying a (a "disable" action) really silences d. A
 * document-level finding (missing section, no contact, length) sits on the
 * document's first line, whatever that line is: a comment inserted above it
 * may become the new first line and take the finding's place, and a
 * "disable for this file" placed after YAML front matter comes after it.
 * Findings in bullets or below the first line are not moved by the comment.
 * The suppression logic decides the rest (code_action__predict) without
 * analysing the document again: a select-all request brings every finding,
 * and a re-analysis each made it quadratic (issue #17). */
static bool code_action__suppression_works(CaTop *top, RlsDocument *doc, const RlsAnalysis *an,
                                           const RlsDiag *d, const RlsAction *a) {
    if (d->bullet >= 0 || rls_text_line_of(doc->text, d->span.start_byte) != 0) return true;
    int works = code_action__predict(top, doc, an, d, a);
    return works >= 0 ? works == 1 : code_action__reanalyse(doc, an, d, a);
}

/* The suppressions already emitted, by a hash of title and edits: one per
 * finding of a whole-document selection, so not a list searched for each. */
typedef struct {
    uint64_t hash;  /* 0: empty */
    uint32_t index; /* in the list of copies */
} CaSeenSlot;

typedef struct {
    RlsActionList copies;
    CaSeenSlot *slots;
    uint32_t cap; /* a power of two, at most 3/4 full */
} CaSeen;

static uint64_t code_action__hash(const RlsAction *a) {
    uint64_t h = rls_hash_mix(RLS_HASH_SEED, a->title, strlen(a->title));
    for (size_t e = 0; e < a->n_edits; e++) {
        uint32_t at[2] = {a->edits[e].span.start_byte, a->edits[e].span.end_byte};
        h = rls_hash_mix(h, at, sizeof at);
        h = rls_hash_mix(h, a->edits[e].new_text, strlen(a->edits[e].new_text) + 1);
    }
    return rls_hash_key(h);
}

static bool code_action__same(const RlsAction *s, const RlsAction *a) {
    if (strcmp(s->title, a->title) != 0 || s->n_edits != a->n_edits) return false;
    bool same = true;
    for (size_t e = 0; e < a->n_edits && same; e++)
        same = s->edits[e].span.start_byte == a->edits[e].span.start_byte &&
               s->edits[e].span.end_byte == a->edits[e].span.end_byte &&
               strcmp(s->edits[e].new_text, a->edits[e].new_text) == 0;
    return same;
}

/* Whether an equal suppression (same title and edit) was already emitted:
 * two findings of one rule on one line, or anywhere for "this file". */
static bool code_action__seen(const CaSeen *seen, const RlsAction *a) {
    if (!seen->cap) return false;
    const CaSeenSlot *slot =
        &seen->slots[rls_hash_probe(seen->slots, sizeof *slot, seen->cap, code_action__hash(a))];
    return slot->hash && code_action__same(&seen->copies.items[slot->index], a);
}

/* Keeps a copy of a (the list it came from is cleared next). */
static void code_action__remember(CaSeen *seen, const RlsAction *a) {
    if ((seen->copies.len + 1) * 4 > (size_t)seen->cap * 3) {
        uint32_t cap = seen->cap ? seen->cap * 2 : 64;
        CaSeenSlot *slots = rls_calloc(cap, sizeof *slots);
        for (uint32_t i = 0; i < seen->cap; i++)
            if (seen->slots[i].hash)
                slots[rls_hash_probe(slots, sizeof *slots, cap, seen->slots[i].hash)] =
                    seen->slots[i];
        rls_free(seen->slots);
        seen->slots = slots;
        seen->cap = cap;
    }
    RlsAction copy = *a;
    copy.title = rls_strdup(copy.title);
    copy.edits = rls_calloc(copy.n_edits ? copy.n_edits : 1, sizeof *copy.edits);
    for (size_t e = 0; e < copy.n_edits; e++) {
        copy.edits[e].span = a->edits[e].span;
        copy.edits[e].new_text = rls_strdup(a->edits[e].new_text);
    }
    RLS_PUSH(seen->copies.items, seen->copies.len, seen->copies.cap, copy);
    uint64_t hash = code_action__hash(a);
    CaSeenSlot *slot = &seen->slots[rls_hash_probe(seen->slots, sizeof *slot, seen->cap, hash)];
    /* Same hash, other content: the first one keeps the slot. */
    if (!slot->hash) *slot = (CaSeenSlot){hash, (uint32_t)(seen->copies.len - 1)};
}

int rls_lsp_code_action(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    RlsDocument *doc = NULL;
    const cJSON *range = NULL, *context = NULL, *diagnostics = NULL, *only = NULL;
    RlsSpan span;
    int rc = rls_server_document_param(srv, params, &doc, error);
    if (rc == 0) rc = rls_json_get_object(params, "range", true, &range, error);
    if (rc == 0) rc = rls_lsp_range_from_json(srv, doc, range, &span, error);
    if (rc == 0) rc = rls_json_get_object(params, "context", true, &context, error);
    if (rc == 0) rc = rls_json_get_array(context, "diagnostics", false, &diagnostics, error);
    if (rc == 0) rc = rls_json_get_array(context, "only", false, &only, error);
    if (rc != 0) return rc;
    *result = cJSON_CreateArray();
    const RlsClientCaps *caps = rls_server_caps(srv);
    if (!caps->code_action_literals) return 0;

    CaCtx ctx = {srv,
                 doc,
                 rls_document_analysis(srv, doc),
                 caps,
                 caps->code_action_resolve_edit && caps->code_action_data,
                 *result};
    bool want_fix = code_action__wanted(only, rls_action_kind_name(RLS_ACTION_QUICKFIX));
    bool want_suppress = code_action__wanted(only, rls_action_kind_name(RLS_ACTION_SUPPRESS));
    bool want_rewrite = code_action__wanted(only, rls_action_kind_name(RLS_ACTION_REWRITE));
    bool want_all = code_action__wanted(only, rls_action_kind_name(RLS_ACTION_FIX_ALL));

    /* The client's diagnostics that are ours and still current, once each. */
    size_t n_in = (size_t)cJSON_GetArraySize(diagnostics);
    // NOLINTNEXTLINE(bugprone-sizeof-expression): sizeof one pointer, for an array of them
    const RlsDiag **found = rls_calloc(n_in ? n_in : 1, sizeof *found);
    // NOLINTNEXTLINE(bugprone-sizeof-expression): sizeof one pointer, for an array of them
    const cJSON **found_json = rls_calloc(n_in ? n_in : 1, sizeof *found_json);
    size_t n_found = 0;
    bool *taken = rls_calloc(ctx.an->diags.len ? ctx.an->diags.len : 1, sizeof *taken);
    const cJSON *dj;
    cJSON_ArrayForEach(dj, diagnostics) {
        const RlsDiag *d = code_action__match(&ctx, dj);
        if (!d || taken[d - ctx.an->diags.items]) continue;
        taken[d - ctx.an->diags.items] = true;
        found[n_found] = d;
        found_json[n_found++] = dj;
    }
    rls_free(taken);

    RlsActionList list;
    rls_action_list_init(&list);
    /* Quick fixes first, so the first action linked to a diagnostic is a
     * real fix; suppression comes after every fix. */
    for (size_t i = 0; want_fix && i < n_found; i++) {
        rls_action_list_clear(&list);
        code_action__make(doc, ctx.an, CA_FIX, found[i], -1, &list);
        for (size_t k = 0; k < list.len; k++)
            code_action__emit(&ctx, &list.items[k], CA_FIX, k, found_json[i], found[i]);
        /* Spelling fixes come from the server's dictionary, with their
         * edits (or command) inline: nothing to resolve. */
        if (strcmp(found[i]->rule, RLS_RULE_ID(SPELLING)) == 0)
            rls_lsp_spell_actions(srv, doc, ctx.an, found[i], found_json[i], *result);
    }
    if (want_rewrite) {
        size_t offered = 0;
        for (uint32_t b = 0; b < ctx.an->model->n_bullets && offered < CODE_ACTION_MAX_REWRITES;
             b++) {
            RlsSpan item = ctx.an->model->bullets[b].item_span;
            bool on = span.start_byte == span.end_byte
                          ? span.start_byte >= item.start_byte && span.start_byte <= item.end_byte
                          : span.start_byte < item.end_byte && span.end_byte > item.start_byte;
            if (!on) continue;
            rls_action_list_clear(&list);
            code_action__make(doc, ctx.an, CA_REWRITE, NULL, b, &list);
            for (size_t k = 0; k < list.len; k++)
                code_action__emit(&ctx, &list.items[k], CA_REWRITE, k, NULL, NULL);
            offered++;
        }
    }
    if (want_suppress) {
        CaSeen seen = {0};
        CaTop top = {0};
        rls_action_list_init(&seen.copies);
        for (size_t i = 0; i < n_found; i++) {
            rls_action_list_clear(&list);
            code_action__make(doc, ctx.an, CA_SUPPRESS, found[i], -1, &list);
            for (size_t k = 0; k < list.len; k++) {
                if (code_action__seen(&seen, &list.items[k])) continue;
                /* A suppression that would not silence the finding is not
                 * offered. */
                if (!code_action__suppression_works(&top, doc, ctx.an, found[i], &list.items[k]))
                    continue;
                code_action__emit(&ctx, &list.items[k], CA_SUPPRESS, k, found_json[i], found[i]);
                code_action__remember(&seen, &list.items[k]);
            }
        }
        rls_action_list_close(&seen.copies);
        rls_free(seen.slots);
    }
    if (want_all) {
        rls_action_list_clear(&list);
        code_action__make(doc, ctx.an, CA_FIX_ALL, NULL, -1, &list);
        for (size_t k = 0; k < list.len; k++)
            code_action__emit(&ctx, &list.items[k], CA_FIX_ALL, k, NULL, NULL);
    }
    rls_action_list_close(&list);
    rls_free(found);
    rls_free(found_json);
    return 0;
}

/* ---- codeAction/resolve ------------------------------------------------------------------------
 */

int rls_lsp_code_action_resolve(RlsServer *srv, const cJSON *params, cJSON **result,
                                RlsBuf *error) {
    if (!cJSON_IsObject(params)) {
        rls_buf_puts(error, "codeAction/resolve: expected a CodeAction");
        return RLS_EINVAL;
    }
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(params, "data");
    if (cJSON_HasObjectItem(params, "edit") || !cJSON_IsObject(data)) {
        /* Already complete, or not one of our lazy actions: as it came. */
        *result = cJSON_Duplicate(params, true);
        return 0;
    }
    const char *uri = NULL, *source_name = NULL, *rule = NULL, *title = NULL;
    int64_t version = 0, index = 0, bullet = -1;
    const cJSON *range = NULL;
    int rc = rls_json_get_string(data, "uri", true, &uri, error);
    if (rc == 0) rc = rls_json_get_int(data, "version", true, &version, error);
    if (rc == 0) rc = rls_json_get_string(data, "source", true, &source_name, error);
    if (rc == 0) rc = rls_json_get_int(data, "index", true, &index, error);
    if (rc == 0) rc = rls_json_get_int(data, "bullet", false, &bullet, error);
    if (rc == 0) rc = rls_json_get_string(data, "rule", false, &rule, error);
    if (rc == 0) rc = rls_json_get_object(data, "range", false, &range, error);
    if (rc == 0) rc = rls_json_get_string(params, "title", false, &title, error);
    if (rc != 0) return rc;
    int source = -1;
    for (size_t i = 0; i < RLS_ARRAY_LEN(code_action__sources); i++)
        if (strcmp(source_name, code_action__sources[i]) == 0) source = (int)i;
    if (source < 0 || index < 0) {
        rls_buf_printf(error, "codeAction/resolve: data.source \"%s\" / data.index %lld unknown",
                       source_name, (long long)index);
        return RLS_EINVAL;
    }
    RlsDocument *doc = rls_server_document(srv, uri);
    if (!doc) {
        rls_buf_printf(error, "codeAction/resolve: %s is no longer open", uri);
        return RLS_EREFUSED;
    }
    if (version != doc->version) {
        rls_buf_printf(error,
                       "codeAction/resolve: the document changed since the action was offered "
                       "(version %lld, now %d); ask for code actions again",
                       (long long)version, (int)doc->version);
        return RLS_EREFUSED;
    }
    const RlsAnalysis *an = rls_document_analysis(srv, doc);
    const RlsDiag *d = NULL;
    if (source == CA_FIX || source == CA_SUPPRESS) {
        RlsSpan span;
        if (!rule || !range) {
            rls_buf_puts(error, "codeAction/resolve: data.rule and data.range are required");
            return RLS_EINVAL;
        }
        rc = rls_lsp_range_from_json(srv, doc, range, &span, error);
        if (rc != 0) return rc;
        d = code_action__find(an, rule, span, bullet);
        if (!d) {
            rls_buf_printf(error, "codeAction/resolve: the %s finding no longer exists", rule);
            return RLS_EREFUSED;
        }
    }
    RlsActionList list;
    rls_action_list_init(&list);
    code_action__make(doc, an, (CaSource)source, d, bullet, &list);
    /* Same text, same analysis, same list; the title check catches a
     * configuration change that kept the version. */
    if ((size_t)index >= list.len || (title && strcmp(title, list.items[index].title) != 0)) {
        rls_action_list_close(&list);
        rls_buf_puts(error, "codeAction/resolve: the action is no longer offered; ask for code "
                            "actions again");
        return RLS_EREFUSED;
    }
    *result = cJSON_Duplicate(params, true);
    cJSON_DeleteItemFromObjectCaseSensitive(*result, "edit");
    rls_json_add(*result, "edit",
                 rls_lsp_workspace_edit(srv, doc, (&list.items[index])->edits,
                                        (&list.items[index])->n_edits));
    rls_action_list_close(&list);
    return 0;
}
