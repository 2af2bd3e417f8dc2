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
 * never execute anything, and read them through rls_file_read
 * (config/file_read.h): regular files only, opened without blocking, bounded
 * (RLS_CONFIG_MAX_BYTES, RLS_JOB_MAX_BYTES).
 */
#ifndef RLS_CONFIG_CONFIG_JSON_H_
#define RLS_CONFIG_CONFIG_JSON_H_

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
 * When origin is a path to an existing file, json is that file's content: a
 * relative jobDescription path is resolved against its folder and must stay
 * inside it (as rls_config_load_file does); otherwise against the current
 * directory, unconfined. Borrows json and origin. Appends problem lines to
 * problems (may be NULL). Returns 0 when every key applied, RLS_EINVAL when
 * at least one problem was reported (the valid keys were still applied). */
int rls_config_merge_json(RlsConfig *config, const cJSON *json, const char *origin,
                          RlsBuf *problems);

/* As rls_config_merge_json, for settings from the editor
 * (initializationOptions, workspace/configuration): relative jobDescription
 * paths are resolved against base_dir (NULL: the current directory; the
 * language server passes the workspace folder). The editor is trusted as
 * the command line is (docs/security.md), so a job description it names may
 * be anywhere; it must still be a regular file of at most RLS_JOB_MAX_BYTES. */
int rls_config_merge_json_in(RlsConfig *config, const cJSON *json, const char *origin,
                             const char *base_dir, RlsBuf *problems);

/* ---- Files ----------------------------------------------------------------- */

/* Where a configuration file came from, which decides how far it is trusted
 * (docs/security.md, "Configuration is untrusted"). */
typedef enum {
    /* Named by the user (--config FILE): read whoever owns it. */
    RLS_CONFIG_NAMED,
    /* Found by rls_config_find_for_file: used only when it belongs to the
     * user or root and others cannot write it (RLS_FILE_OWNED_BY_USER). */
    RLS_CONFIG_FOUND,
} RlsConfigSource;

/* Finds the configuration that applies to the resume at path: the first
 * RLS_CONFIG_FILE_NAME in the file's folder or a folder above it (path need
 * not exist; its folder is made absolute, symbolic links resolved). The
 * search stops after the first folder that is workspace_root (may be NULL;
 * the language server passes the client's workspace folder), holds a `.git`
 * (the repository's root) or is the user's home directory, so that a file
 * another user left further up (in /tmp, /home) never applies. On success
 * sets found (cleared first) to the absolute path of the config file and
 * returns 0; returns RLS_ENOENT when there is none. Borrows everything. */
int rls_config_find_for_file(const char *path, const char *workspace_root, RlsBuf *found);

/* Reads, parses and merges one configuration file. A jobDescription path in
 * it must name a text file inside the file's folder (after resolving
 * symbolic links; not hidden; .txt, .md, .markdown, .text, .rst or .tex).
 * Returns 0, RLS_EINVAL (merged with problems; or, for RLS_CONFIG_FOUND, a
 * file refused for its owner or mode), RLS_EIO / RLS_ENOENT (unreadable, not
 * a regular file), RLS_ETOOBIG (over RLS_CONFIG_MAX_BYTES) or RLS_EPARSE (not
 * JSON, or text after the JSON value); every failure also appends a problem
 * line, and on every failure but the first config is left unchanged (a file
 * refused for its owner or mode returns RLS_EINVAL and changes nothing). */
int rls_config_load_file(RlsConfig *config, const char *config_path, RlsConfigSource source,
                         RlsBuf *problems);

/* rls_config_find_for_file, then rls_config_load_file as RLS_CONFIG_FOUND.
 * A missing file is fine (returns 0, config unchanged). Returns what
 * rls_config_load_file returns otherwise. */
int rls_config_load_for_file(RlsConfig *config, const char *path, const char *workspace_root,
                             RlsBuf *problems);

/* The candidate closest to word (edit distance at most a third of word's
 * length, 1 to 3), for "did you mean" hints; NULL when none is close.
 * Borrows everything; returns one of candidates. */
/* Edit distance between two strings (bytes), a swap of neighbours counting
 * as one edit; SIZE_MAX for strings over 64 bytes. */
size_t rls_config_distance(const char *a, const char *b);
const char *rls_config_suggest(const char *word, const char *const *candidates, size_t n);

#endif /* RLS_CONFIG_CONFIG_JSON_H_ */
