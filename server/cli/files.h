/*
 * files.h - reading resumes from disk for the subcommands: which files a
 * FILE|DIR argument names, and their text as valid UTF-8.
 */
#ifndef RLS_CLI_FILES_H_
#define RLS_CLI_FILES_H_

#include <sys/stat.h>

#include "rls/buf.h"
#include "rls/common.h"
#include "rls/model.h"

/* A growable list of owned path strings. */
typedef struct {
    char **items;
    size_t len, cap;
} RlsPathList;

void rls_path_list_init(RlsPathList *self);
void rls_path_list_close(RlsPathList *self);
/* Appends an owned copy of path unless the list already holds it. */
void rls_path_list_add(RlsPathList *self, const char *path);

/* True when the name ends in .md, .markdown or .tex: what a directory walk
 * picks up. (An explicit FILE argument is read whatever its name.) */
bool rls_cli_is_resume_name(const char *name);

/* Adds the resumes that arg names to out: arg itself when it is not a
 * directory (a file, "-" for standard input, or a path that does not exist:
 * reading it will say why); every resume under it when it is a directory,
 * recursively, in byte order of names, skipping hidden entries, node_modules
 * and symbolic links to directories (no cycles). Returns 0, or RLS_ENOENT /
 * RLS_EIO with one line per problem appended to err ("cannot read 'x':
 * reason"); when a sub-folder is unreadable the rest is still collected. */
int rls_cli_collect(const char *arg, RlsPathList *out, RlsBuf *err);

/* The one reader of the subcommands. Reads path ("-": standard input) into
 * *data (owned, NUL-terminated; free with rls_free), its bytes as they are,
 * at most max_bytes. A path must name a regular file (rls_file_read,
 * config/file_read.h: a FIFO, a folder or a device is refused before a byte is
 * read, so nothing blocks); standard input may be anything. When st is not
 * NULL it receives the file's fstat (zeroed for standard input). Returns 0,
 * or an RLS_E* code with one line appended to err naming the file, what is
 * wrong and, where there is one, the fix ("cannot read 'x.md': No such file
 * or directory\n"). */
int rls_cli_read_bytes(const char *path, size_t max_bytes, char **data, size_t *len,
                       struct stat *st, RlsBuf *err);

/* Reads a resume ("-": standard input) with rls_cli_read_bytes into *text
 * (owned, NUL-terminated, valid UTF-8: invalid bytes become U+FFFD; free with
 * rls_free), at most RLS_TEXT_MAX_BYTES. Returns 0, or an RLS_E* code with a
 * one-line reason appended to err ("cannot read 'x.md': No such file or
 * directory"). */
int rls_cli_read_resume(const char *path, char **text, uint32_t *len, RlsBuf *err);

/* Picks the format of path: lang when has_lang, else from the extension.
 * Returns 0, or RLS_EINVAL with a message that says how to fix it. */
int rls_cli_format_for(const char *path, bool has_lang, RlsFormat lang, RlsFormat *out,
                       RlsBuf *err);

#endif /* RLS_CLI_FILES_H_ */
