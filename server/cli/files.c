/*
 * files.c - which files to check and their text (files.h).
 */
#define _XOPEN_SOURCE 700

#include "cli/files.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config/file_read.h"
#include "rls/alloc.h"
#include "rls/parse.h"
#include "rls/text.h"
#include "rls/utf8.h"

/* Deeper than any real folder of resumes; guards against bind-mount loops. */
#define FILES__MAX_DEPTH 64

void rls_path_list_init(RlsPathList *self) {
    self->items = NULL;
    self->len = 0;
    self->cap = 0;
}

void rls_path_list_close(RlsPathList *self) {
    for (size_t i = 0; i < self->len; i++)
        rls_free(self->items[i]);
    rls_free(self->items);
    rls_path_list_init(self);
}

void rls_path_list_add(RlsPathList *self, const char *path) {
    for (size_t i = 0; i < self->len; i++)
        if (strcmp(self->items[i], path) == 0) return;
    char *copy = rls_strdup(path);
    RLS_PUSH(self->items, self->len, self->cap, copy);
}

static bool files__ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool rls_cli_is_resume_name(const char *name) {
    return files__ends_with(name, ".md") || files__ends_with(name, ".markdown") ||
           files__ends_with(name, ".tex");
}

static int files__cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void files__join(RlsBuf *out, const char *dir, const char *name) {
    rls_buf_clear(out);
    rls_buf_puts(out, dir);
    if (out->len && out->data[out->len - 1] != '/') rls_buf_putc(out, '/');
    rls_buf_puts(out, name);
}

static int files__walk(const char *dir, int depth, RlsPathList *out, RlsBuf *err) {
    if (depth > FILES__MAX_DEPTH) return 0;
    DIR *d = opendir(dir);
    if (!d) {
        rls_buf_printf(err, "cannot read '%s': %s\n", dir, strerror(errno));
        return RLS_EIO;
    }
    RlsPathList names;
    rls_path_list_init(&names);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        /* Hidden entries (".git", ".cache", editor swap files) and
         * node_modules hold nobody's resume. */
        if (e->d_name[0] == '.' || strcmp(e->d_name, "node_modules") == 0) continue;
        char *copy = rls_strdup(e->d_name);
        RLS_PUSH(names.items, names.len, names.cap, copy);
    }
    closedir(d);
    /* Sorted, so that output and exit status do not depend on the file
     * system's order. */
    if (names.len) qsort(names.items, names.len, sizeof(char *), files__cmp);
    int rc = 0;
    RlsBuf path;
    rls_buf_init(&path);
    for (size_t i = 0; i < names.len; i++) {
        files__join(&path, dir, names.items[i]);
        struct stat st;
        if (lstat(path.data, &st) != 0) continue; /* vanished meanwhile */
        if (S_ISDIR(st.st_mode)) {
            int sub = files__walk(path.data, depth + 1, out, err);
            if (sub) rc = sub;
        } else if (rls_cli_is_resume_name(names.items[i])) {
            /* A link to a file counts; a link to a folder is not followed. */
            if (S_ISLNK(st.st_mode) && (stat(path.data, &st) != 0 || !S_ISREG(st.st_mode)))
                continue;
            if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) rls_path_list_add(out, path.data);
        }
    }
    rls_buf_close(&path);
    rls_path_list_close(&names);
    return rc;
}

int rls_cli_collect(const char *arg, RlsPathList *out, RlsBuf *err) {
    if (strcmp(arg, "-") == 0) {
        rls_path_list_add(out, arg);
        return 0;
    }
    struct stat st;
    if (stat(arg, &st) != 0) {
        /* Not a folder: reading it reports why it cannot be read, in the
         * same place as every other unreadable file. */
        rls_path_list_add(out, arg);
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        rls_path_list_add(out, arg);
        return 0;
    }
    size_t before = out->len;
    int rc = files__walk(arg, 0, out, err);
    if (rc == 0 && out->len == before) {
        rls_buf_printf(err, "no .md, .markdown or .tex files under '%s'\n", arg);
        return RLS_ENOENT;
    }
    return rc;
}

/* Reads standard input up to max_bytes. */
static int files__read_stdin(size_t max_bytes, char **data, size_t *len) {
    RlsBuf b;
    rls_buf_init(&b);
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
        if (b.len + got > max_bytes) {
            rls_buf_close(&b);
            return RLS_ETOOBIG;
        }
        rls_buf_append(&b, chunk, got);
    }
    if (ferror(stdin)) {
        rls_buf_close(&b);
        return RLS_EIO;
    }
    *len = b.len;
    *data = b.data ? rls_buf_detach(&b) : rls_strdup("");
    return 0;
}

int rls_cli_read_bytes(const char *path, size_t max_bytes, char **data, size_t *len,
                       struct stat *st, RlsBuf *err) {
    *data = NULL;
    *len = 0;
    if (st) memset(st, 0, sizeof(*st));
    RlsBuf why;
    rls_buf_init(&why);
    int rc;
    if (strcmp(path, "-") == 0) {
        /* Standard input is whatever the user connected: a pipe is the
         * point, so it is not held to the regular-file rule. */
        rc = files__read_stdin(max_bytes, data, len);
        if (rc == RLS_ETOOBIG) rls_file_too_big_reason(max_bytes, &why);
        if (rc == RLS_EIO) rls_buf_puts(&why, strerror(errno ? errno : EIO));
    } else {
        rc = rls_file_read(path, max_bytes, 0, data, len, st, &why);
    }
    if (rc != 0)
        rls_buf_printf(err, "cannot read '%s': %s\n", strcmp(path, "-") == 0 ? "<stdin>" : path,
                       why.data);
    rls_buf_close(&why);
    return rc;
}

int rls_cli_read_resume(const char *path, char **text, uint32_t *len, RlsBuf *err) {
    *text = NULL;
    *len = 0;
    char *raw = NULL;
    size_t raw_len = 0;
    int rc = rls_cli_read_bytes(path, RLS_TEXT_MAX_BYTES, &raw, &raw_len, NULL, err);
    if (rc != 0) return rc;
    RlsBuf clean;
    rls_buf_init(&clean);
    rls_utf8_sanitize(raw, raw_len, &clean);
    rls_free(raw);
    /* Replacements can grow the text by up to 3x; re-check the limit. */
    if (clean.len > RLS_TEXT_MAX_BYTES) {
        rls_buf_close(&clean);
        rls_buf_printf(err, "cannot read '%s': ", strcmp(path, "-") == 0 ? "<stdin>" : path);
        rls_file_too_big_reason(RLS_TEXT_MAX_BYTES, err);
        rls_buf_putc(err, '\n');
        return RLS_ETOOBIG;
    }
    *len = (uint32_t)clean.len;
    *text = clean.data ? rls_buf_detach(&clean) : rls_strdup("");
    return 0;
}

int rls_cli_format_for(const char *path, bool has_lang, RlsFormat lang, RlsFormat *out,
                       RlsBuf *err) {
    if (has_lang) {
        *out = lang;
        return 0;
    }
    if (rls_format_from_path(path, out)) return 0;
    if (strcmp(path, "-") == 0) {
        /* Markdown is the common case for piped text. */
        *out = RLS_FORMAT_MARKDOWN;
        return 0;
    }
    rls_buf_printf(err,
                   "cannot tell whether '%s' is Markdown or LaTeX from its name (expected .md, "
                   ".markdown or .tex); pass --lang markdown or --lang latex\n",
                   path);
    return RLS_EINVAL;
}
