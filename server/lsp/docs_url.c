/*
 * docs_url.c - the documentation URL of a rule (docs_url.h).
 */
#define _XOPEN_SOURCE 700

#include "lsp/docs_url.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rls/alloc.h"
#include "rls/common.h"

/* Set by server/CMakeLists.txt; the fallbacks keep other builds compiling. */
#ifndef RLS_DOC_DIR
#define RLS_DOC_DIR "/usr/local/share/doc/resume-ls"
#endif

/* A static copy rather than an allocation: it lives as long as the process
 * and must not show up in the tests' leak count. */
static char docs__url[3 * PATH_MAX + 64];

void rls_uri_append_path(RlsBuf *out, const char *path) {
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            rls_buf_putc(out, (char)c);
        } else {
            char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
            rls_buf_append(out, esc, 3);
        }
    }
}

void rls_uri_append_file(RlsBuf *out, const char *abs_path) {
    rls_buf_puts(out, "file://");
    rls_uri_append_path(out, abs_path);
}

static bool docs__exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* PREFIX/share/doc/resume-ls/rules.md for the running executable, into out;
 * false when the executable's path is unknown. Linux-specific: elsewhere
 * the later fallbacks apply. */
static bool docs__beside_binary(RlsBuf *out) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0) return false;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/'); /* .../bin/resume-ls -> .../bin */
    if (!slash) return false;
    *slash = '\0';
    slash = strrchr(exe, '/'); /* .../bin -> ... */
    if (!slash) return false;
    *slash = '\0';
    rls_buf_printf(out, "%s/share/doc/resume-ls/rules.md", exe);
    return true;
}

const char *rls_docs_rules_url(void) {
    if (docs__url[0]) return docs__url;
    RlsBuf url, path;
    rls_buf_init(&url);
    rls_buf_init(&path);
    const char *env = getenv("RESUME_LS_DOCS_URL");
    if (env && *env) {
        rls_buf_puts(&url, env);
    } else {
        if (!docs__beside_binary(&path) || !docs__exists(path.data)) {
            rls_buf_clear(&path);
#ifdef RLS_SOURCE_DIR
            rls_buf_puts(&path, RLS_SOURCE_DIR "/docs/rules.md");
            if (!docs__exists(path.data)) {
                rls_buf_clear(&path);
                rls_buf_puts(&path, RLS_DOC_DIR "/rules.md");
            }
#else
            rls_buf_puts(&path, RLS_DOC_DIR "/rules.md");
#endif
        }
        rls_uri_append_file(&url, path.data);
    }
    rls_buf_close(&path);
    size_t n = RLS_MIN(url.len, sizeof(docs__url) - 1);
    memcpy(docs__url, url.data, n);
    docs__url[n] = '\0';
    rls_buf_close(&url);
    return docs__url;
}

void rls_docs_rule_url(RlsBuf *out, const char *rule_id) {
    rls_buf_printf(out, "%s#%s", rls_docs_rules_url(), rule_id);
}
