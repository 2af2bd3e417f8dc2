/*
 * docs_url.c - the documentation URL of a rule (docs_url.h).
 */
#define _XOPEN_SOURCE 700

#include "config/docs_url.h"
#include "config/uri.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rls/alloc.h"
#include "rls/common.h"
#include "rls/rules.h"

/* A static copy rather than an allocation: it lives as long as the process
 * and must not show up in the tests' leak count. */
static char docs__url[3 * PATH_MAX + 64];

static bool docs__exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

void rls_docs_rules_url_for(RlsBuf *out, const char *exe_path, bool (*exists)(const char *path)) {
    RlsBuf path;
    rls_buf_init(&path);
    const char *slash = exe_path ? strrchr(exe_path, '/') : NULL;
    if (slash) {
        /* .../bin/resume-ls -> .../bin/../share/doc/resume-ls/rules.md,
         * written without the "..": .../share/doc/resume-ls/rules.md. */
        size_t dir = (size_t)(slash - exe_path);
        size_t up = dir;
        while (up > 0 && exe_path[up - 1] != '/')
            up--;
        if (up > 0) {
            rls_buf_append(&path, exe_path, up);
            rls_buf_puts(&path, "share/doc/resume-ls/rules.md");
        }
    }
    if (path.len && exe_path && exe_path[0] == '/' && exists(path.data))
        rls_uri_append_file(out, path.data);
    else
        rls_buf_puts(out, "docs/rules.md"); /* the repository's copy, relative */
    rls_buf_close(&path);
}

const char *rls_docs_rules_url(void) {
    if (docs__url[0]) return docs__url;
    RlsBuf url;
    rls_buf_init(&url);
    const char *env = getenv("RESUME_LS_DOCS_URL");
    if (env && *env) {
        rls_buf_puts(&url, env);
    } else {
        /* Linux names the running executable; elsewhere the relative
         * fallback applies. Never a path of the machine that built it. */
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
        exe[n > 0 ? n : 0] = '\0';
        rls_docs_rules_url_for(&url, n > 0 ? exe : NULL, docs__exists);
    }
    size_t n = RLS_MIN(url.len, sizeof(docs__url) - 1);
    memcpy(docs__url, url.data, n);
    docs__url[n] = '\0';
    rls_buf_close(&url);
    return docs__url;
}

void rls_docs_rule_url(RlsBuf *out, const char *rule_id) {
    /* The anchor comes from the table of rules (rules.h); an id the table
     * does not have (a finding of a newer server, say) still links to a
     * section of its own name. */
    const RlsRuleInfo *info = rls_rule_find(rule_id);
    rls_buf_printf(out, "%s#%s", rls_docs_rules_url(), info ? info->anchor : rule_id);
}
