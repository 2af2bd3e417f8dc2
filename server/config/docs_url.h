/*
 * docs_url.h - where a rule's documentation lives, as a URL.
 *
 * Used for LSP codeDescription.href, SARIF helpUri and the JSON output's
 * "docs", so that the server and `resume-ls check` point at the same place,
 * anchored at the rule id (the headings in docs/rules.md are the rule ids).
 * Resolved at run time, never a path of the machine the binary was built on:
 *   1. $RESUME_LS_DOCS_URL when set (a packager's web copy, for instance),
 *      used as given;
 *   2. file:// of PREFIX/share/doc/resume-ls/rules.md, the installed docs
 *      beside the running binary (PREFIX = the folder above its bin/), when
 *      that file exists;
 *   3. otherwise the repository's relative "docs/rules.md".
 */
#ifndef RLS_CONFIG_DOCS_URL_H_
#define RLS_CONFIG_DOCS_URL_H_

#include <stdbool.h>

#include "rls/buf.h"

/* The URL of docs/rules.md without a fragment. Computed on the first call
 * and cached for the life of the process; returns a static string. The first
 * call must not race another (call it once at start-up in threaded code). */
const char *rls_docs_rules_url(void);

/* Steps 2 and 3 above for an executable at exe_path (NULL: unknown), with
 * exists() telling whether a file is there; appends the URL to out. */
void rls_docs_rules_url_for(RlsBuf *out, const char *exe_path, bool (*exists)(const char *path));

/* Appends "<rls_docs_rules_url()>#<rule_id>" to out. Borrows rule_id. */
void rls_docs_rule_url(RlsBuf *out, const char *rule_id);

#endif /* RLS_CONFIG_DOCS_URL_H_ */
