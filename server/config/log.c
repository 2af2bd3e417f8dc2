/*
 * log.c - stderr plus window/logMessage (log.h).
 */
#include "config/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/buf.h"

/* warn by default: editors file whatever a server writes on stderr as errors
 * (Neovim's log shows it as [ERROR]), so a normal start says nothing there;
 * --log-level info brings the informational lines back. */
static int log__level = RLS_LOG_WARN;
static RlsLogCb log__sink;
static void *log__sink_data;
static bool log__in_sink; /* a sink that logs must not recurse */

static const struct {
    const char *name;
    int level;
} log__names[] = {
    {"off", 0},
    {"error", RLS_LOG_ERROR},
    {"warn", RLS_LOG_WARN},
    {"warning", RLS_LOG_WARN},
    {"info", RLS_LOG_INFO},
    {"information", RLS_LOG_INFO},
    {"debug", RLS_LOG_DEBUG},
    {"trace", RLS_LOG_TRACE},
    {"verbose", RLS_LOG_TRACE},
};

bool rls_log_level_parse(const char *name, int *out) {
    for (size_t i = 0; i < sizeof(log__names) / sizeof(log__names[0]); i++) {
        if (strcmp(log__names[i].name, name) == 0) {
            *out = log__names[i].level;
            return true;
        }
    }
    return false;
}

void rls_log_set_level(int level) {
    log__level = level;
}

int rls_log_level(void) {
    return log__level;
}

bool rls_log_enabled(RlsLogLevel level) {
    return (int)level <= log__level;
}

void rls_log_set_sink(RlsLogCb cb, void *data) {
    log__sink = cb;
    log__sink_data = data;
}

void rls_log(RlsLogLevel level, const char *fmt, ...) {
    if (!rls_log_enabled(level)) return;
    static const char *const tags[] = {"", "error", "warn", "info", "debug", "trace"};
    va_list ap;
    va_start(ap, fmt);
    char *text = rls_vstrfmt(fmt, ap);
    va_end(ap);
    fprintf(stderr, "resume-ls: %s: %s\n", tags[level], text);
    if (log__sink && !log__in_sink) {
        log__in_sink = true;
        log__sink(log__sink_data, level, text);
        log__in_sink = false;
    }
    rls_free(text);
}
