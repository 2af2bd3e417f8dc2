/*
 * log.h - the server's log: stderr always, and window/logMessage once a
 * client is connected, filtered by one level.
 *
 * The level comes from --log-level or the RESUME_LS_LOG environment
 * variable ("off", "error", "warn", "info", "debug", "trace"); the default is
 * "warn", so that a normal start writes nothing on stderr. The log is
 * process-wide, like stderr itself: one server per process.
 */
#ifndef RLS_CONFIG_LOG_H_
#define RLS_CONFIG_LOG_H_

#include <stdbool.h>

typedef enum {
    RLS_LOG_ERROR = 1, /* values are LSP MessageType */
    RLS_LOG_WARN = 2,
    RLS_LOG_INFO = 3,
    RLS_LOG_DEBUG = 4, /* LSP 3.18 "Debug"; clients without it show it as a log line */
    RLS_LOG_TRACE = 5,
} RlsLogLevel;

/* Parses a level name (also "warning", "information", "off" -> 0); false when
 * unknown. */
bool rls_log_level_parse(const char *name, int *out);
/* Messages above this level are dropped (0 drops everything). */
void rls_log_set_level(int level);
int rls_log_level(void);
bool rls_log_enabled(RlsLogLevel level);

/* Where window/logMessage goes: cb(data, type, text) for every message that
 * passes the filter; NULL disconnects. The text is borrowed. */
typedef void (*RlsLogCb)(void *data, RlsLogLevel level, const char *text);
void rls_log_set_sink(RlsLogCb cb, void *data);

void rls_log(RlsLogLevel level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define rls_log_error(...) rls_log(RLS_LOG_ERROR, __VA_ARGS__)
#define rls_log_warn(...) rls_log(RLS_LOG_WARN, __VA_ARGS__)
#define rls_log_info(...) rls_log(RLS_LOG_INFO, __VA_ARGS__)
#define rls_log_debug(...) rls_log(RLS_LOG_DEBUG, __VA_ARGS__)

#endif /* RLS_CONFIG_LOG_H_ */
