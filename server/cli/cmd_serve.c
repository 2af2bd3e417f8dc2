/*
 * cmd_serve.c - `resume-ls [serve] [--stdio] [--log-level LEVEL]`: the
 * language server over stdin/stdout.
 */
#define _POSIX_C_SOURCE 200809L /* SIGPIPE */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "config/hooks.h"
#include "config/log.h"
#include "lsp/methods.h"
#include "lsp/server.h"
#include "rls/parse.h"
#include "rls/alloc.h"
#include "rpc/dispatch.h"
#include "transport/stdio.h"

static const char serve__usage[] =
    "usage: resume-ls [serve] [--stdio] [--log-level off|error|warn|info|debug|trace]\n"
    "\n"
    "Runs the language server on stdin/stdout (the default transport).\n"
    "The log goes to stderr and, once a client is connected, to window/logMessage;\n"
    "the default level is warn (warnings and errors only).\n"
    "RESUME_LS_LOG sets the log level too; --log-level wins.\n";

/* window/logMessage for every log line, once the client may receive it:
 * LSP forbids notifications before initialize, and after exit nobody reads. */
typedef struct {
    RlsServer *server;
    RlsDispatch *dispatch;
} ServeLogSink;

static void serve__log_cb(void *data, RlsLogLevel level, const char *text) {
    ServeLogSink *sink = data;
    RlsLifecycle state = sink->dispatch->state;
    if (state != RLS_LIFECYCLE_RUNNING && state != RLS_LIFECYCLE_SHUTDOWN) return;
    cJSON *params = cJSON_CreateObject();
    /* MessageType Log (4) for debug and trace: 3.17 has no lower level. */
    cJSON_AddNumberToObject(params, "type", level > RLS_LOG_DEBUG ? RLS_LOG_DEBUG : level);
    cJSON_AddStringToObject(params, "message", text);
    rls_server_notify(sink->server, "window/logMessage", params);
}

static int serve__set_level(const char *name) {
    int level;
    if (!rls_log_level_parse(name, &level)) {
        fprintf(stderr, "resume-ls: unknown log level '%s'\n%s", name, serve__usage);
        return 2;
    }
    rls_log_set_level(level);
    return 0;
}

int rls_cmd_serve(int argc, char **argv) {
    const char *env = getenv("RESUME_LS_LOG");
    if (env && *env) {
        int level;
        if (rls_log_level_parse(env, &level))
            rls_log_set_level(level);
        else
            fprintf(stderr, "resume-ls: RESUME_LS_LOG: unknown level '%s', using warn\n", env);
    }
    /* argv[0] is the subcommand (or the program when serve is implied). */
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--stdio") == 0 || strcmp(arg, "serve") == 0) continue;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(serve__usage, stdout);
            return 0;
        }
        if (strcmp(arg, "--log-level") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "resume-ls: --log-level needs a value\n%s", serve__usage);
                return 2;
            }
            int rc = serve__set_level(argv[++i]);
            if (rc) return rc;
            continue;
        }
        if (strncmp(arg, "--log-level=", 12) == 0) {
            int rc = serve__set_level(arg + 12);
            if (rc) return rc;
            continue;
        }
        fprintf(stderr, "resume-ls: unknown option '%s'\n%s", arg, serve__usage);
        return 2;
    }

    rls_hooks_install();
    /* A client that dies mid-write must cost us an EPIPE, not the process. */
    signal(SIGPIPE, SIG_IGN);

    RlsStdio *io = rls_stdio_new(0, 1, 0);
    if (!io) return 2;
    RlsServer *server = rls_server_new(rls_stdio_send, io);
    /* Dictionaries load on the loop's thread pool, not in a handler. */
    rls_server_set_loop(server, rls_stdio_loop(io));
    RlsDispatch dispatch;
    rls_lsp_dispatch_init(&dispatch, server);
    ServeLogSink sink = {server, &dispatch};
    rls_log_set_sink(serve__log_cb, &sink);
    rls_log_debug("resume-ls %s serving on stdio", RLS_VERSION);

    int code = rls_stdio_run(io, &dispatch);

    rls_log_set_sink(NULL, NULL);
    rls_dispatch_close(&dispatch);
    rls_server_delete(server);
    rls_stdio_delete(io);
    /* Process-wide parser caches: freed so that the allocation count
     * really is zero at exit (a leak then stands out). */
    rls_parse_release_globals();
    rls_log_debug("exit %d; %ld allocations live", code, rls_alloc_live());
    return code;
}
