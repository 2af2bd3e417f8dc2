/*
 * docs_url.h - where a rule's documentation lives, as a URL.
 *
 * Used for LSP codeDescription.href and for SARIF helpUri, so that the
 * server and `resume-ls check` point at the same place. resume-ls works
 * offline, so the URL is a file:// URI to docs/rules.md, anchored at the
 * rule id (the headings in docs/rules.md are the rule ids):
 *   1. $RESUME_LS_DOCS_URL when set (a packager's web copy, for instance),
 *      used as given;
 *   2. PREFIX/share/doc/resume-ls/rules.md next to the running binary
 *      (PREFIX = the folder above the executable's bin/), when it exists;
 *   3. the source tree's docs/rules.md, when it exists (a build that was
 *      not installed);
 *   4. the configured install location, whether or not it exists yet.
 */
#ifndef RLS_LSP_DOCS_URL_H_
#define RLS_LSP_DOCS_URL_H_

#include "rls/buf.h"

/* The URL of docs/rules.md without a fragment. Computed on the first call
 * and cached for the life of the process; returns a static string. The first
 * call must not race another (call it once at start-up in threaded code). */
const char *rls_docs_rules_url(void);

/* Appends "<rls_docs_rules_url()>#<rule_id>" to out. Borrows rule_id. */
void rls_docs_rule_url(RlsBuf *out, const char *rule_id);

/* Appends path to out percent-encoded for a URI path: unreserved characters
 * and "/" are kept, every other byte becomes %XX (so "my cv.md" becomes
 * "my%20cv.md", and UTF-8 names are encoded byte by byte). */
void rls_uri_append_path(RlsBuf *out, const char *path);

/* Appends the file:// URI of an absolute path to out. */
void rls_uri_append_file(RlsBuf *out, const char *abs_path);

#endif /* RLS_LSP_DOCS_URL_H_ */
