/*
 * code_action_spell.c - the quick fixes of a `spelling` finding and the
 * command that adds a word to the resume dictionary (code_action_spell.h).
 *
 * They live in the shell, not in the core's actions: suggestions come from
 * the hunspell handle the server loaded, and the dictionary is a file.
 */
#define _XOPEN_SOURCE 700

#include "lsp/code_action_spell.h"

#include <string.h>
#include <sys/stat.h>

#include "config/config_json.h"
#include "config/file_read.h"
#include "config/log.h"
#include "config/uri.h"
#include "lsp/server_internal.h"
#include "rls/alloc.h"
#include "rls/rules.h"
#include "rls/spell.h"
#include "rls/text.h"
#include "rpc/jsonrpc.h"
#include "speller/speller.h"

/* Suggestions offered per misspelt word. */
#define SPELL_ACTION_MAX_SUGGESTIONS 5

static cJSON *spell__edit(RlsServer *srv, RlsDocument *doc, RlsSpan span, const char *text) {
    RlsTextEdit edit = {span, (char *)text};
    return rls_lsp_workspace_edit(srv, doc, &edit, 1);
}

static cJSON *spell__action(const char *title, const cJSON *diag_json) {
    cJSON *ca = cJSON_CreateObject();
    rls_json_add(ca, "title", cJSON_CreateString(title));
    rls_json_add(ca, "kind", cJSON_CreateString("quickfix"));
    if (diag_json) {
        cJSON *list = rls_json_add(ca, "diagnostics", cJSON_CreateArray());
        cJSON_AddItemToArray(list, cJSON_Duplicate(diag_json, true));
    }
    return ca;
}

void rls_lsp_spell_actions(RlsServer *srv, RlsDocument *doc, const RlsAnalysis *an,
                           const RlsDiag *d, const cJSON *diag_json, cJSON *out) {
    char word[RLS_SPELL_MAX_WORD * 2];
    size_t wn = rls_spell_word_of(an->model, d, word, sizeof(word));
    if (!wn) return;
    RlsBuf title;
    rls_buf_init(&title);
    /* Replacements only where the source holds the word as it reads: not
     * across markup or a LaTeX accent command. */
    const char *src = rls_text_data(doc->text);
    bool verbatim = d->span.end_byte - d->span.start_byte == wn &&
                    memcmp(src + d->span.start_byte, word, wn) == 0;
    const char *lang = rls_rules_language(an->model);
    char **sugg = NULL;
    size_t n = verbatim ? rls_speller_suggest(srv->spell, lang ? lang : "", doc->config.spell_path,
                                              word, &sugg, SPELL_ACTION_MAX_SUGGESTIONS)
                        : 0;
    /* docs/actions.md: the first suggestion is safe (preferred) only when it
     * is hunspell's single suggestion and one edit away. */
    bool safe = n == 1 && rls_config_distance(word, sugg[0]) == 1;
    for (size_t i = 0; i < n; i++) {
        rls_buf_clear(&title);
        rls_buf_printf(&title, "Replace '%s' with '%s'", word, sugg[i]);
        cJSON *ca = spell__action(title.data, diag_json);
        if (safe && rls_server_caps(srv)->code_action_is_preferred)
            rls_json_add(ca, "isPreferred", cJSON_CreateTrue());
        rls_json_add(ca, "edit", spell__edit(srv, doc, d->span, sugg[i]));
        cJSON_AddItemToArray(out, ca);
        rls_free(sugg[i]);
    }
    rls_free(sugg);
    if (doc->path) {
        rls_buf_clear(&title);
        rls_buf_printf(&title, "Add '%s' to the resume dictionary", word);
        cJSON *ca = spell__action(title.data, diag_json);
        cJSON *cmd = rls_json_add(ca, "command", cJSON_CreateObject());
        rls_json_add(cmd, "title", cJSON_CreateString(title.data));
        rls_json_add(cmd, "command", cJSON_CreateString(RLS_LSP_ADD_WORD_COMMAND));
        cJSON *args = rls_json_add(cmd, "arguments", cJSON_CreateArray());
        cJSON_AddItemToArray(args, cJSON_CreateString(doc->uri));
        cJSON_AddItemToArray(args, cJSON_CreateString(word));
        cJSON_AddItemToArray(out, ca);
    }
    rls_buf_close(&title);
}

/* ---- resume-ls.addToDictionary ----------------------------------------------------- */

typedef struct {
    char *word;
    char *config_path;
} SpellAddWord;

/* Once the client applied the edit, the word counts at once in every open
 * document that reads that configuration file (the file on disk may not
 * be saved yet: the editor may hold the edit in a buffer). */
static void spell__applied_cb(RlsServer *srv, void *data, const cJSON *result, const cJSON *error) {
    SpellAddWord *add = data;
    const cJSON *applied = cJSON_GetObjectItemCaseSensitive(result, "applied");
    if (!error && cJSON_IsTrue(applied)) {
        RlsBuf found;
        rls_buf_init(&found);
        for (size_t i = 0; i < srv->n_docs; i++) {
            RlsDocument *doc = srv->docs[i];
            if (!doc->path) continue;
            bool same = rls_config_find_for_file(doc->path, srv->root_path, &found) == 0 &&
                        strcmp(found.data, add->config_path) == 0;
            if (!same) {
                /* A new file beside the resume: the documents of that folder. */
                const char *slash = strrchr(add->config_path, '/');
                size_t dl = slash ? (size_t)(slash - add->config_path) : 0;
                same = strncmp(doc->path, add->config_path, dl) == 0 && doc->path[dl] == '/' &&
                       !strchr(doc->path + dl + 1, '/');
            }
            if (!same) continue;
            rls_config_edit_lexicon(&doc->config, RLS_SPELL_LEXICON, add->word, false);
            doc->stale = true;
            doc->publish = true;
        }
        rls_buf_close(&found);
    } else {
        rls_log_warn("the client did not apply the edit adding '%s' to %s", add->word,
                     add->config_path);
    }
    rls_free(add->word);
    rls_free(add->config_path);
    rls_free(add);
}

/* The configuration text with word added to its "dictionary" list (owned),
 * or NULL when old_text is not a JSON object. */
static char *spell__config_with_word(const char *old_text, size_t len, const char *word) {
    cJSON *json = old_text ? cJSON_ParseWithLength(old_text, len) : cJSON_CreateObject();
    if (!cJSON_IsObject(json)) {
        cJSON_Delete(json);
        return NULL;
    }
    cJSON *dict = cJSON_GetObjectItemCaseSensitive(json, "dictionary");
    if (!cJSON_IsArray(dict)) {
        cJSON_DeleteItemFromObjectCaseSensitive(json, "dictionary");
        dict = rls_json_add(json, "dictionary", cJSON_CreateArray());
    }
    bool present = false;
    const cJSON *w;
    cJSON_ArrayForEach(w, dict) present =
        present || (cJSON_IsString(w) && !strcmp(w->valuestring, word));
    if (!present) cJSON_AddItemToArray(dict, cJSON_CreateString(word));
    char *printed = cJSON_Print(json);
    cJSON_Delete(json);
    RlsBuf out;
    rls_buf_init(&out);
    rls_buf_puts(&out, printed);
    rls_buf_putc(&out, '\n');
    cJSON_free(printed);
    return rls_buf_detach(&out);
}

int rls_lsp_add_word(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    const cJSON *args = NULL;
    int rc = rls_json_get_array(params, "arguments", true, &args, error);
    if (rc != 0) return rc;
    const char *uri = cJSON_GetStringValue(cJSON_GetArrayItem(args, 0));
    const char *word = cJSON_GetStringValue(cJSON_GetArrayItem(args, 1));
    RlsDocument *doc = uri ? rls_server_document(srv, uri) : NULL;
    if (!doc || !doc->path || !word || !*word || strlen(word) > RLS_SPELL_MAX_WORD ||
        strchr(word, ' ')) {
        rls_buf_puts(error, RLS_LSP_ADD_WORD_COMMAND
                     ": arguments must be [uri of an open file, one word]");
        return RLS_EINVAL;
    }
    RlsBuf found;
    rls_buf_init(&found);
    bool exists = rls_config_find_for_file(doc->path, srv->root_path, &found) == 0;
    if (!exists) {
        /* None: a new one beside the resume. */
        rls_buf_clear(&found);
        const char *slash = strrchr(doc->path, '/');
        rls_buf_append(&found, doc->path, slash ? (size_t)(slash - doc->path) : 0);
        rls_buf_printf(&found, "/%s", RLS_CONFIG_FILE_NAME);
    }
    char *old_text = NULL;
    size_t old_len = 0;
    RlsBuf why;
    rls_buf_init(&why);
    if (exists &&
        rls_file_read(found.data, RLS_CONFIG_MAX_BYTES, 0, &old_text, &old_len, NULL, &why) != 0) {
        rls_buf_printf(error, "cannot read %s: %s", found.data, why.data);
        rc = RLS_EIO;
    }
    char *new_text =
        rc == 0 ? spell__config_with_word(exists ? old_text : NULL, old_len, word) : NULL;
    if (rc == 0 && !new_text) {
        rls_buf_printf(error, "%s is not a JSON object; add \"dictionary\" by hand", found.data);
        rc = RLS_EINVAL;
    }
    if (rc == 0) {
        char *cfg_uri = rls_path_to_uri(found.data);
        cJSON *edit = cJSON_CreateObject();
        cJSON *changes = rls_json_add(edit, "documentChanges", cJSON_CreateArray());
        if (!exists) {
            cJSON *create = cJSON_CreateObject();
            rls_json_add(create, "kind", cJSON_CreateString("create"));
            rls_json_add(create, "uri", cJSON_CreateString(cfg_uri));
            cJSON *opts = rls_json_add(create, "options", cJSON_CreateObject());
            rls_json_add(opts, "ignoreIfExists", cJSON_CreateTrue());
            cJSON_AddItemToArray(changes, create);
        }
        cJSON *tde = cJSON_CreateObject();
        cJSON *id = rls_json_add(tde, "textDocument", cJSON_CreateObject());
        rls_json_add(id, "uri", cJSON_CreateString(cfg_uri));
        rls_json_add(id, "version", cJSON_CreateNull());
        cJSON *edits = rls_json_add(tde, "edits", cJSON_CreateArray());
        cJSON *e = cJSON_CreateObject();
        /* The whole old text, replaced: a range past its end is clamped by
         * the client to the end of the file. */
        uint32_t lines = rls_line_at(old_text, (uint32_t)old_len, (uint32_t)old_len, false) + 1;
        cJSON *range = rls_json_add(e, "range", cJSON_CreateObject());
        cJSON *start = rls_json_add(range, "start", cJSON_CreateObject());
        cJSON_AddNumberToObject(start, "line", 0);
        cJSON_AddNumberToObject(start, "character", 0);
        cJSON *end = rls_json_add(range, "end", cJSON_CreateObject());
        cJSON_AddNumberToObject(end, "line", exists ? lines : 0);
        cJSON_AddNumberToObject(end, "character", 0);
        rls_json_add(e, "newText", cJSON_CreateString(new_text));
        cJSON_AddItemToArray(edits, e);
        cJSON_AddItemToArray(changes, tde);
        cJSON *p = cJSON_CreateObject();
        rls_buf_clear(&why);
        rls_buf_printf(&why, "Add '%s' to the resume dictionary", word);
        rls_json_add(p, "label", cJSON_CreateString(why.data));
        rls_json_add(p, "edit", edit);
        SpellAddWord *add = rls_calloc(1, sizeof(*add));
        add->word = rls_strdup(word);
        add->config_path = rls_strdup(found.data);
        rls_server_request(srv, "workspace/applyEdit", p, spell__applied_cb, add);
        rls_free(cfg_uri);
        *result = cJSON_CreateNull();
    }
    rls_free(new_text);
    rls_free(old_text);
    rls_buf_close(&why);
    rls_buf_close(&found);
    return rc;
}
