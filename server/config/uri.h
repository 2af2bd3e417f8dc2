/*
 * uri.h - the one codec between file paths and file:// URIs (RFC 8089,
 * RFC 3986 percent-encoding): the server decodes the URIs a client names
 * documents by and encodes paths it points at (a configuration file to
 * create); the command line writes the URIs of SARIF and JSON output and
 * the docs URL of an installed copy.
 */
#ifndef RLS_CONFIG_URI_H_
#define RLS_CONFIG_URI_H_

#include "rls/buf.h"

/* Appends path to out percent-encoded for a URI path: unreserved characters
 * and "/" are kept, every other byte becomes %XX (so "my cv.md" becomes
 * "my%20cv.md", and UTF-8 names are encoded byte by byte). */
void rls_uri_append_path(RlsBuf *out, const char *path);

/* Appends the file:// URI of an absolute path to out. */
void rls_uri_append_file(RlsBuf *out, const char *abs_path);

/* "/a/b c.md" -> "file:///a/b%20c.md" (owned; free with rls_free). */
char *rls_path_to_uri(const char *path);

/* "file:///a/b%20c.md" (or file://localhost/...) -> "/a/b c.md" (owned;
 * free with rls_free), or NULL for another scheme or a remote host. A query
 * or fragment is dropped; an encoded NUL becomes "_". */
char *rls_uri_to_path(const char *uri);

#endif /* RLS_CONFIG_URI_H_ */
