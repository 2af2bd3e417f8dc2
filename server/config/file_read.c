/*
 * file_read.c - whole-file reads with a type check, an owner check and a
 * size cap (file_read.h).
 */
#define _GNU_SOURCE /* O_CLOEXEC, getpwuid_r, getgrgid_r */

#include "config/file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "rls/alloc.h"
#include "rls/common.h"

#define FILE_READ__MB (1024u * 1024u)
/* getpwuid_r/getgrgid_r scratch: enough for any real passwd or group entry;
 * a larger one (ERANGE) counts as "not a private group", the safe answer. */
#define FILE_READ__NSS_BUF 16384

void rls_file_too_big_reason(size_t max_bytes, RlsBuf *why) {
    if (!why) return;
    if (max_bytes >= FILE_READ__MB && max_bytes % FILE_READ__MB == 0)
        rls_buf_printf(why, "larger than %zu MB, the most resume-ls accepts",
                       max_bytes / FILE_READ__MB);
    else
        rls_buf_printf(why, "larger than %zu bytes, the most resume-ls accepts", max_bytes);
}

void rls_file_kind(const struct stat *st, RlsBuf *out) {
    if (S_ISDIR(st->st_mode))
        rls_buf_puts(out, "a folder");
    else if (S_ISFIFO(st->st_mode))
        rls_buf_puts(out, "a named pipe (FIFO)");
    else if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        rls_buf_puts(out, "a device");
    else if (S_ISSOCK(st->st_mode))
        rls_buf_puts(out, "a socket");
    else if (S_ISREG(st->st_mode))
        rls_buf_puts(out, "a regular file");
    else
        rls_buf_puts(out, "not a regular file");
}

/* The reason for a file that is not regular. A folder keeps the system's
 * wording ("Is a directory"), which people know from every other tool. */
static void file_read__not_regular(const struct stat *st, RlsBuf *why) {
    if (!why) return;
    if (S_ISDIR(st->st_mode)) {
        rls_buf_puts(why, strerror(EISDIR));
        return;
    }
    rls_file_kind(st, why);
    rls_buf_puts(why, ", not a regular file");
}

/* True when gid is the private group of the user uid: a group named as the
 * user is, with no listed members besides, as useradd makes with
 * USERGROUPS_ENAB. Nobody else can then write through the group bits. */
static bool file_read__private_group(uid_t uid, gid_t gid) {
    char *buf = rls_malloc(2 * FILE_READ__NSS_BUF);
    struct passwd pw, *pwp = NULL;
    struct group gr, *grp = NULL;
    bool ok = getpwuid_r(uid, &pw, buf, FILE_READ__NSS_BUF, &pwp) == 0 && pwp &&
              getgrgid_r(gid, &gr, buf + FILE_READ__NSS_BUF, FILE_READ__NSS_BUF, &grp) == 0 &&
              grp && pw.pw_gid == gid && strcmp(gr.gr_name, pw.pw_name) == 0;
    for (char **m = ok ? gr.gr_mem : NULL; m && *m; m++)
        if (strcmp(*m, pw.pw_name) != 0) ok = false;
    rls_free(buf);
    return ok;
}

/* Appends " (name)" for uid when the system knows it. */
static void file_read__user_name(uid_t uid, RlsBuf *out) {
    char *buf = rls_malloc(FILE_READ__NSS_BUF);
    struct passwd pw, *pwp = NULL;
    if (getpwuid_r(uid, &pw, buf, FILE_READ__NSS_BUF, &pwp) == 0 && pwp)
        rls_buf_printf(out, " (%s)", pw.pw_name);
    rls_free(buf);
}

bool rls_file_owned_by_user(const struct stat *st, RlsBuf *why) {
    uid_t me = geteuid();
    if (st->st_uid != me && st->st_uid != 0) {
        if (why) {
            rls_buf_printf(why, "owned by user %lu", (unsigned long)st->st_uid);
            file_read__user_name(st->st_uid, why);
            rls_buf_puts(why, ", not by you or root, so anyone could have put it there; if you "
                              "trust it, copy it into a file of your own");
        }
        return false;
    }
    bool others = (st->st_mode & S_IWOTH) != 0;
    bool group = (st->st_mode & S_IWGRP) != 0 && !file_read__private_group(me, st->st_gid);
    if (others || group) {
        if (why)
            rls_buf_printf(why,
                           "writable by %s (mode %04o), so someone else could have changed it; "
                           "if you trust it, run chmod go-w on it",
                           others ? "every user" : "its group", (unsigned)(st->st_mode & 07777));
        return false;
    }
    return true;
}

/* Reads fd to the end, or until more than max_bytes arrived. */
static int file_read__all(int fd, size_t max_bytes, size_t size_hint, char **data, size_t *len,
                          int *sys_errno) {
    /* st_size is only a hint: the file may grow or shrink while read, and
     * some (in /proc) say 0. Room for one byte more than the hint lets the
     * usual case end on the first read of 0; past the cap, one byte more
     * than max_bytes is all it takes to know the file is too large. */
    size_t cap = RLS_MIN(size_hint, max_bytes) + 2;
    char *buf = rls_malloc(cap);
    size_t n = 0;
    for (;;) {
        if (n + 1 >= cap) rls_grow((void **)&buf, &cap, cap + 1, 1);
        size_t room = RLS_MIN(cap - n - 1, max_bytes + 1 - n);
        ssize_t got = read(fd, buf + n, room);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            *sys_errno = errno;
            rls_free(buf);
            return RLS_EIO;
        }
        if (got == 0) break;
        n += (size_t)got;
        if (n > max_bytes) {
            rls_free(buf);
            return RLS_ETOOBIG;
        }
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

int rls_file_read(const char *path, size_t max_bytes, unsigned flags, char **data, size_t *len,
                  struct stat *st, RlsBuf *why) {
    *data = NULL;
    *len = 0;
    struct stat own;
    if (!st) st = &own;
    memset(st, 0, sizeof(*st));
    /* Look before opening: opening some devices has effects of its own (a
     * tape rewinds), and nothing but a regular file is read anyway. */
    if (stat(path, st) != 0) {
        int e = errno;
        if (why) rls_buf_puts(why, strerror(e));
        return e == ENOENT || e == ENOTDIR ? RLS_ENOENT : RLS_EIO;
    }
    if (!S_ISREG(st->st_mode)) {
        file_read__not_regular(st, why);
        return RLS_EINVAL;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int e = errno;
        if (why) rls_buf_puts(why, strerror(e));
        return e == ENOENT ? RLS_ENOENT : RLS_EIO;
    }
    int rc = 0, sys_errno = 0;
    /* Decide on what was opened: the name may point elsewhere by now. */
    if (fstat(fd, st) != 0) {
        sys_errno = errno;
        rc = RLS_EIO;
    } else if (!S_ISREG(st->st_mode)) {
        file_read__not_regular(st, why);
        rc = RLS_EINVAL;
    } else if ((flags & RLS_FILE_OWNED_BY_USER) && !rls_file_owned_by_user(st, why)) {
        rc = RLS_EINVAL;
    } else if ((uintmax_t)st->st_size > max_bytes) {
        rc = RLS_ETOOBIG;
    } else {
        rc = file_read__all(fd, max_bytes, (size_t)st->st_size, data, len, &sys_errno);
    }
    close(fd);
    if (rc == RLS_ETOOBIG) rls_file_too_big_reason(max_bytes, why);
    if (rc == RLS_EIO && why) rls_buf_puts(why, strerror(sys_errno ? sys_errno : EIO));
    return rc;
}
