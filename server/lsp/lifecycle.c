/*
 * lifecycle.c - initialize, initialized, shutdown and configuration
 * (LSP 3.17 "Lifecycle Messages" and "workspace/configuration"). The
 * dispatcher (rpc/dispatch.c) enforces the order of the lifecycle; these
 * handlers only negotiate and configure.
 */
#include <string.h>

#include "lsp/features.h"
#include "lsp/handlers.h"
#include "config/log.h"
#include "config/uri.h"
#include "lsp/server_internal.h"
#include "rls/alloc.h"
#include "rpc/jsonrpc.h"

/* Follows a path of object keys; NULL when any step is missing. */
static const cJSON *lifecycle__dig(const cJSON *obj, const char *const *keys, size_t n) {
    for (size_t i = 0; i < n && obj; i++)
        obj = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, keys[i]) : NULL;
    return obj;
}

#define LIFECYCLE__TRUE(caps, ...)                                                                 \
    cJSON_IsTrue(lifecycle__dig((caps), (const char *const[]){__VA_ARGS__},                        \
                                RLS_ARRAY_LEN(((const char *const[]){__VA_ARGS__}))))
#define LIFECYCLE__GET(caps, ...)                                                                  \
    lifecycle__dig((caps), (const char *const[]){__VA_ARGS__},                                     \
                   RLS_ARRAY_LEN(((const char *const[]){__VA_ARGS__})))

static bool lifecycle__array_has(const cJSON *array, const char *value) {
    const cJSON *item;
    cJSON_ArrayForEach(item, array) {
        if (cJSON_IsString(item) && strcmp(item->valuestring, value) == 0) return true;
    }
    return false;
}

static void lifecycle__read_caps(RlsServer *srv, const cJSON *caps) {
    RlsClientCaps *c = &srv->caps;
    c->configuration = LIFECYCLE__TRUE(caps, "workspace", "configuration");
    c->did_change_configuration_dynamic =
        LIFECYCLE__TRUE(caps, "workspace", "didChangeConfiguration", "dynamicRegistration");
    c->apply_edit = LIFECYCLE__TRUE(caps, "workspace", "applyEdit");
    c->document_changes = LIFECYCLE__TRUE(caps, "workspace", "workspaceEdit", "documentChanges");
    c->code_action_literals =
        LIFECYCLE__GET(caps, "textDocument", "codeAction", "codeActionLiteralSupport") != NULL;
    c->code_action_resolve_edit = lifecycle__array_has(
        LIFECYCLE__GET(caps, "textDocument", "codeAction", "resolveSupport", "properties"), "edit");
    c->code_action_is_preferred =
        LIFECYCLE__TRUE(caps, "textDocument", "codeAction", "isPreferredSupport");
    c->code_action_data = LIFECYCLE__TRUE(caps, "textDocument", "codeAction", "dataSupport");
    c->code_lens_refresh = LIFECYCLE__TRUE(caps, "workspace", "codeLens", "refreshSupport");
    c->diagnostic_refresh = LIFECYCLE__TRUE(caps, "workspace", "diagnostics", "refreshSupport");
    c->diagnostic_version =
        LIFECYCLE__TRUE(caps, "textDocument", "publishDiagnostics", "versionSupport");
    c->hover_markdown = lifecycle__array_has(
        LIFECYCLE__GET(caps, "textDocument", "hover", "contentFormat"), "markdown");
    c->completion_snippets =
        LIFECYCLE__TRUE(caps, "textDocument", "completion", "completionItem", "snippetSupport");
    c->hierarchical_symbols = LIFECYCLE__TRUE(caps, "textDocument", "documentSymbol",
                                              "hierarchicalDocumentSymbolSupport");
    c->pull_diagnostics = LIFECYCLE__GET(caps, "textDocument", "diagnostic") != NULL;
    c->completion_insert_replace = LIFECYCLE__TRUE(caps, "textDocument", "completion",
                                                   "completionItem", "insertReplaceSupport");

    /* LSP 3.17: the client lists the encodings it supports in order of
     * preference; utf-16 is always supported. Bytes are our canonical
     * offsets, so utf-8 costs nothing to convert and wins when offered. */
    const cJSON *encodings = LIFECYCLE__GET(caps, "general", "positionEncodings");
    srv->encoding = lifecycle__array_has(encodings, "utf-8") ? RLS_ENC_UTF8 : RLS_ENC_UTF16;
}

/* The workspace root as a path, for relative paths in settings. */
static void lifecycle__read_root(RlsServer *srv, const cJSON *params) {
    const cJSON *folders = cJSON_GetObjectItemCaseSensitive(params, "workspaceFolders");
    const cJSON *root = cJSON_GetObjectItemCaseSensitive(params, "rootUri");
    const char *uri = NULL;
    if (cJSON_IsArray(folders) && cJSON_GetArraySize(folders) > 0) {
        const cJSON *u = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(folders, 0), "uri");
        if (cJSON_IsString(u)) uri = u->valuestring;
    }
    if (!uri && cJSON_IsString(root)) uri = root->valuestring;
    rls_free(srv->root_path);
    srv->root_path = uri ? rls_uri_to_path(uri) : NULL;
    if (!srv->root_path) {
        const cJSON *path = cJSON_GetObjectItemCaseSensitive(params, "rootPath");
        if (cJSON_IsString(path)) srv->root_path = rls_strdup(path->valuestring);
    }
}

/* Settings may come wrapped in their section ({"resumeLs": {...}}, as
 * Neovim's `settings` and initializationOptions often are) or bare. */
static cJSON *lifecycle__section(const cJSON *settings) {
    if (!cJSON_IsObject(settings)) return NULL;
    const cJSON *inner = cJSON_GetObjectItemCaseSensitive(settings, "resumeLs");
    if (cJSON_IsObject(inner)) return cJSON_Duplicate(inner, true);
    return cJSON_Duplicate(settings, true);
}

static cJSON *lifecycle__capabilities(const RlsServer *srv) {
    cJSON *caps = cJSON_CreateObject();
    cJSON_AddStringToObject(caps, "positionEncoding",
                            srv->encoding == RLS_ENC_UTF8 ? "utf-8" : "utf-16");

    cJSON *sync = rls_json_add(caps, "textDocumentSync", cJSON_CreateObject());
    cJSON_AddBoolToObject(sync, "openClose", true);
    cJSON_AddNumberToObject(sync, "change", 2); /* TextDocumentSyncKind.Incremental */
    cJSON *save = rls_json_add(sync, "save", cJSON_CreateObject());
    cJSON_AddBoolToObject(save, "includeText", false);

    cJSON *diag = rls_json_add(caps, "diagnosticProvider", cJSON_CreateObject());
    cJSON_AddStringToObject(diag, "identifier", "resume-ls");
    cJSON_AddBoolToObject(diag, "interFileDependencies", false);
    cJSON_AddBoolToObject(diag, "workspaceDiagnostics", false);

    cJSON_AddBoolToObject(caps, "documentSymbolProvider", true);
    cJSON_AddBoolToObject(caps, "foldingRangeProvider", true);
    cJSON_AddBoolToObject(caps, "hoverProvider", true);

    if (srv->caps.code_action_literals) {
        cJSON *ca = rls_json_add(caps, "codeActionProvider", cJSON_CreateObject());
        cJSON *kinds = rls_json_add(ca, "codeActionKinds", cJSON_CreateArray());
        cJSON_AddItemToArray(kinds, cJSON_CreateString("quickfix"));
        cJSON_AddItemToArray(kinds, cJSON_CreateString("refactor.rewrite"));
        cJSON_AddItemToArray(kinds, cJSON_CreateString("source.fixAll.resume-ls"));
        cJSON_AddBoolToObject(ca, "resolveProvider", true);
    } else {
        cJSON_AddBoolToObject(caps, "codeActionProvider", true);
    }

    cJSON *completion = rls_json_add(caps, "completionProvider", cJSON_CreateObject());
    cJSON *triggers = rls_json_add(completion, "triggerCharacters", cJSON_CreateArray());
    cJSON_AddItemToArray(triggers, cJSON_CreateString(","));
    cJSON_AddBoolToObject(completion, "resolveProvider", false);

    cJSON *lens = rls_json_add(caps, "codeLensProvider", cJSON_CreateObject());
    cJSON_AddBoolToObject(lens, "resolveProvider", false);

    cJSON *exec = rls_json_add(caps, "executeCommandProvider", cJSON_CreateObject());
    cJSON *commands = rls_json_add(exec, "commands", cJSON_CreateArray());
    for (const char *const *c = rls_lsp_commands; *c; c++)
        cJSON_AddItemToArray(commands, cJSON_CreateString(*c));
    return caps;
}

int rls_lsp_initialize(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    if (!cJSON_IsObject(params)) {
        rls_buf_puts(error, "initialize: params must be an InitializeParams object");
        return RLS_EINVAL;
    }
    const cJSON *caps = cJSON_GetObjectItemCaseSensitive(params, "capabilities");
    if (caps && !cJSON_IsObject(caps)) {
        rls_buf_puts(error, "capabilities: expected an object");
        return RLS_EINVAL;
    }
    lifecycle__read_caps(srv, caps);
    lifecycle__read_root(srv, params);
    cJSON_Delete(srv->init_options);
    srv->init_options =
        lifecycle__section(cJSON_GetObjectItemCaseSensitive(params, "initializationOptions"));

    const cJSON *client = cJSON_GetObjectItemCaseSensitive(params, "clientInfo");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(client, "name");
    rls_log_info("initialize from %s; positions in %s",
                 cJSON_IsString(name) ? name->valuestring : "a client",
                 srv->encoding == RLS_ENC_UTF8 ? "utf-8" : "utf-16");

    cJSON *res = cJSON_CreateObject();
    rls_json_add(res, "capabilities", lifecycle__capabilities(srv));
    cJSON *info = rls_json_add(res, "serverInfo", cJSON_CreateObject());
    cJSON_AddStringToObject(info, "name", "resume-ls");
    cJSON_AddStringToObject(info, "version", RLS_VERSION);
    *result = res;
    return 0;
}

static void lifecycle__on_configuration(RlsServer *srv, void *data, const cJSON *result,
                                        const cJSON *error) {
    (void)data;
    if (error) {
        rls_log_debug("workspace/configuration failed; keeping the settings we have");
        return;
    }
    cJSON_Delete(srv->settings);
    srv->settings = NULL;
    if (cJSON_IsArray(result)) srv->settings = lifecycle__section(cJSON_GetArrayItem(result, 0));
    rls_server_reconfigure_all(srv);
}

static void lifecycle__pull_configuration(RlsServer *srv) {
    cJSON *params = cJSON_CreateObject();
    cJSON *items = rls_json_add(params, "items", cJSON_CreateArray());
    cJSON *item = cJSON_CreateObject();
    cJSON_AddStringToObject(item, "section", "resumeLs");
    cJSON_AddItemToArray(items, item);
    rls_server_request(srv, "workspace/configuration", params, lifecycle__on_configuration, NULL);
}

int rls_lsp_initialized(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    (void)params;
    (void)result;
    (void)error;
    if (srv->caps.did_change_configuration_dynamic) {
        /* Without this registration a pull-configuration client (VS Code)
         * never tells us that settings changed. */
        cJSON *reg = cJSON_CreateObject();
        cJSON *regs = rls_json_add(reg, "registrations", cJSON_CreateArray());
        cJSON *one = cJSON_CreateObject();
        cJSON_AddStringToObject(one, "id", "resume-ls-configuration");
        cJSON_AddStringToObject(one, "method", "workspace/didChangeConfiguration");
        cJSON *opts = rls_json_add(one, "registerOptions", cJSON_CreateObject());
        cJSON_AddStringToObject(opts, "section", "resumeLs");
        cJSON_AddItemToArray(regs, one);
        rls_server_request(srv, "client/registerCapability", reg, NULL, NULL);
    }
    if (srv->caps.configuration) lifecycle__pull_configuration(srv);
    /* Most resumes are English: start loading its dictionary now, off the
     * loop, so that it is usually ready by the first didOpen. */
    rls_server_spell_prefetch(srv, "en", NULL);
    return 0;
}

int rls_lsp_shutdown(RlsServer *srv, const cJSON *params, cJSON **result, RlsBuf *error) {
    (void)srv;
    (void)params;
    (void)error;
    *result = cJSON_CreateNull();
    return 0;
}

int rls_lsp_did_change_configuration(RlsServer *srv, const cJSON *params, cJSON **result,
                                     RlsBuf *error) {
    (void)result;
    (void)error;
    if (srv->caps.configuration) {
        /* The pushed value may be null or partial (LSP 3.17 recommends the
         * pull model); ask for the section instead. */
        lifecycle__pull_configuration(srv);
        return 0;
    }
    const cJSON *settings = cJSON_GetObjectItemCaseSensitive(params, "settings");
    cJSON_Delete(srv->settings);
    srv->settings = lifecycle__section(settings);
    rls_server_reconfigure_all(srv);
    return 0;
}
