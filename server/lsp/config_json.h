/*
 * config_json.h - configuration from JSON: `.resume-ls.json` files found
 * upward from a resume, LSP initializationOptions and workspace/configuration.
 *
 * The schema is documented for users in docs/configuration.md. Merging is
 * forgiving by design (issue #4): an invalid value becomes one problem line
 * naming where it came from, the key path, what was expected and what was
 * found, and that key keeps the value it had; everything else still applies.
 * Configuration never stops the server or the checker.
 *
 * Problem lines are appended to a caller-owned RlsBuf, each ending in "\n":
 *   .resume-ls.json: rules.weak-opener: expected one of error, warning, info, hint, off; got "loud"
 *
 * These functions read files (the config itself, a job description) but
 * never execute anything, and bound what they read (RLS_CONFIG_MAX_BYTES).
 */
#ifndef RLS_LSP_CONFIG_JSON_H_
#define RLS_LSP_CONFIG_JSON_H_

#include <cjson/cJSON.h>

#include "rls/buf.h"
#include "rls/config.h"

/* The file name looked for in a resume's folder and each folder above it. */
#define RLS_CONFIG_FILE_NAME ".resume-ls.json"

/* Largest configuration file and largest job description file read. */
#define RLS_CONFIG_MAX_BYTES (1024u * 1024u)
#define RLS_JOB_MAX_BYTES (1024u * 1024u)

/* ---- Merging --------------------------------------------------------------- */

/* Merges the settings in json (must be an object) into config; later merges
 * override earlier ones key by key. origin names the source in problem lines
 * (a file path, "initializationOptions", "workspace/configuration").
 * A relative jobDescription path is resolved against the directory part of
 * origin when origin is a path to an existing file, else against the current
 * directory; use rls_config_merge_json_in to say where explicitly.
 * Borrows json and origin. Appends problem lines to problems (may be NULL).
 * Returns 0 when every key applied, RLS_EINVAL when at least one problem was
 * reported (the valid keys were still applied). */
int rls_config_merge_json(RlsConfig *config, const cJSON *json, const char *origin,
                          RlsBuf *problems);

/* As rls_config_merge_json, with relative jobDescription paths resolved
 * against base_dir (NULL: the current directory). The language server passes
 * the workspace folder here for initializationOptions. */
int rls_config_merge_json_in(RlsConfig *config, const cJSON *json, const char *origin,
                             const char *base_dir, RlsBuf *problems);

/* ---- Files ----------------------------------------------------------------- */

/* Finds the configuration that applies to the resume at path: the first
 * RLS_CONFIG_FILE_NAME in the file's folder or any folder above it (path need
 * not exist; its folder is made absolute first). On success sets found (cleared
 * first) to the absolute path of the config file and returns 0; returns
 * RLS_ENOENT when there is none. */
int rls_config_find_for_file(const char *path, RlsBuf *found);

/* Reads, parses and merges one configuration file; relative paths inside it
 * are resolved against its folder. Returns 0, RLS_EINVAL (merged with
 * problems), RLS_EIO / RLS_ENOENT (unreadable), RLS_ETOOBIG (over
 * RLS_CONFIG_MAX_BYTES) or RLS_EPARSE (not JSON); every failure also appends a
 * problem line, and on the last three config is left unchanged. */
int rls_config_load_file(RlsConfig *config, const char *config_path, RlsBuf *problems);

/* rls_config_find_for_file, then rls_config_load_file. A missing file is
 * fine (returns 0, config unchanged). Returns what rls_config_load_file
 * returns otherwise. */
int rls_config_load_for_file(RlsConfig *config, const char *path, RlsBuf *problems);

/* ---- Bounded reads (shared with the CLI) -------------------------------------- */

/* Reads the whole regular file at path into *data (owned, NUL-terminated;
 * free with rls_free) and sets *len. Refuses anything over max_bytes and
 * anything that is not a regular file (a directory, a FIFO: reading one could
 * block forever). Returns 0; RLS_ETOOBIG; or RLS_ENOENT / RLS_EIO with
 * *sys_errno (may be NULL) set to the errno that explains it. */
int rls_read_file_bounded(const char *path, size_t max_bytes, char **data, size_t *len,
                          int *sys_errno);

/* The candidate closest to word (edit distance at most a third of word's
 * length, 1 to 3), for "did you mean" hints; NULL when none is close.
 * Borrows everything; returns one of candidates. */
const char *rls_config_suggest(const char *word, const char *const *candidates, size_t n);

#endif /* RLS_LSP_CONFIG_JSON_H_ */
