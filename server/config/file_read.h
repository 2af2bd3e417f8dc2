/*
 * file_read.h - the one way resume-ls reads a whole file from disk: resumes
 * (every CLI subcommand), .resume-ls.json and job descriptions (the CLI and
 * the server).
 *
 * Every file name that reaches resume-ls may come from somewhere hostile (a
 * cloned repository's configuration, a folder walk), so the reader refuses
 * anything that is not a regular file *before reading a byte*: a named pipe
 * (FIFO) would block forever, a device could be endless or have side effects
 * on read, a folder is a mistake. It opens without blocking
 * (O_NONBLOCK|O_CLOEXEC|O_NOCTTY), checks the type again on the opened
 * descriptor (fstat: the name may have been swapped since), refuses files
 * larger than the caller's cap before allocating, and still stops reading at
 * the cap (a file that grows while read, or a /proc file whose size is 0).
 *
 * Failures come back as an RLS_E* code plus a reason for people, without the
 * path, so that each caller frames it ("cannot read 'x.md': <reason>").
 */
#ifndef RLS_CONFIG_FILE_READ_H_
#define RLS_CONFIG_FILE_READ_H_

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "rls/buf.h"

/* ---- Flags ---------------------------------------------------------------- */

/* The file must belong to the user running resume-ls or to root, and must not
 * be writable by other users: for files resume-ls finds on its own (a
 * .resume-ls.json above a resume) rather than files the user named. A file
 * writable by its group is accepted when that group is the user's private
 * group (named after the user, with no other members: the Debian, Ubuntu and
 * Fedora default with umask 002), since nobody else can write it. */
#define RLS_FILE_OWNED_BY_USER 1u

/* ---- Reading -------------------------------------------------------------- */

/* Reads the whole regular file at path into *data (owned, NUL-terminated;
 * free with rls_free) and sets *len (bytes, not counting the NUL). flags is
 * 0 or RLS_FILE_OWNED_BY_USER. When st is not NULL it receives the fstat of
 * the opened file (type, size, owner, mode, inode, link count, mtime), also
 * on most failures, so callers can act on what was refused.
 *
 * Returns 0, or:
 *   RLS_ENOENT  the path does not exist;
 *   RLS_EIO     the system refused (permission, I/O error);
 *   RLS_EINVAL  not a regular file (folder, FIFO, device, socket), or
 *               refused by RLS_FILE_OWNED_BY_USER;
 *   RLS_ETOOBIG larger than max_bytes (nothing is allocated).
 * On failure *data is NULL and, when why is not NULL, one reason without a
 * trailing newline is appended to it: "No such file or directory", "a named
 * pipe (FIFO), not a regular file", "larger than 64 MB, the most resume-ls
 * accepts", "owned by user 65534 (nobody), not by you or root". */
int rls_file_read(const char *path, size_t max_bytes, unsigned flags, char **data, size_t *len,
                  struct stat *st, RlsBuf *why);

/* Appends "larger than <max_bytes in MB or bytes>, the most resume-ls
 * accepts" to why: the reason rls_file_read gives for RLS_ETOOBIG, for
 * callers whose data grows after reading (UTF-8 repair) to say the same. */
void rls_file_too_big_reason(size_t max_bytes, RlsBuf *why);

/* Appends what kind of file st describes when it is not a regular file ("a
 * folder", "a named pipe (FIFO)", "a device", "a socket") to out. */
void rls_file_kind(const struct stat *st, RlsBuf *out);

/* True when st (of a file the caller opened) may be trusted as the user's
 * own under RLS_FILE_OWNED_BY_USER; otherwise appends the reason and the fix
 * to why (may be NULL). */
bool rls_file_owned_by_user(const struct stat *st, RlsBuf *why);

#endif /* RLS_CONFIG_FILE_READ_H_ */
