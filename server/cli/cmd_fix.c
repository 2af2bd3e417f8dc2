/*
 * cmd_fix.c - `resume-ls fix [--write [--force] | --diff] [--rewrite] [--placeholders]
 *                 [--lang L] [--config FILE | --no-config] FILE...`
 *
 * Checks each file with the same analysis and configuration as `check`
 * (the nearest .resume-ls.json, or --config's, or none), applies the
 * SAFE fix of every finding (rls_fix_all_actions, the server's
 * source.fixAll; RlsApplicability in rls/actions.h) and prints the fixed
 * text to stdout, writes it back (--write; cmd_fix__replace says how it
 * keeps symbolic links, hard links, mode, owner and a save made meanwhile,
 * and never loses the original), or prints a unified diff (--diff).
 * --rewrite also moves every bullet's result to the front. Fixes that only
 * insert placeholders to fill in ("[N]", "[metric]") are left out unless
 * --placeholders asks for them: a command run over a whole resume should not
 * put brackets into every bullet that lacks a figure.
 *
 * Exit status: 0 done (whether or not anything changed), 2 usage or I/O
 * error, or a file --write refused (read-only without --force, changed
 * since it was read); the other files are still processed.
 */
#define _GNU_SOURCE /* O_CLOEXEC, O_DIRECTORY, st_mtim */
#include <limits.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/files.h"
#include "rls/fix_all.h"
#include "config/config_json.h"
#include "config/file_read.h"
#include "rls/actions.h"
#include "rls/alloc.h"
#include "rls/analysis.h"
#include "rls/buf.h"
#include "rls/text.h"

typedef struct {
    bool write;
    bool force; /* --write even read-only files */
    bool diff;
    bool rewrite;
    bool placeholders;
    bool have_lang;
    RlsFormat lang;
    const char *config_path; /* --config FILE */
    bool no_config;          /* --no-config */
} FixOptions;

static void cmd_fix__usage(FILE *to) {
    fputs("usage: resume-ls fix [--write [--force] | --diff] [--rewrite] [--placeholders]\n"
          "                     [--lang markdown|latex] [--config FILE | --no-config] FILE...\n"
          "  Applies the safe fix of every finding: one that keeps the meaning and claims\n"
          "  no more than the text does (\"Responsible for migrating X\" -> \"Migrated X\").\n"
          "  Fixes that need the writer's choice (a stronger verb for \"Worked on X\") are\n"
          "  offered in the editor only.\n"
          "  (default)        print the fixed text to stdout\n"
          "  --write          write the fixes back into each file, safely:\n"
          "                     - through a symbolic link, into the file it points to;\n"
          "                     - a new file beside it, flushed, renamed over the old\n"
          "                       one, with its mode (and, as root, its owner) kept;\n"
          "                     - a file with hard links, or one you do not own, is\n"
          "                       overwritten in place, keeping links and owner;\n"
          "                     - not written if it changed since it was read (an\n"
          "                       editor saved it): run fix again;\n"
          "                     - read-only files are refused, unless --force;\n"
          "                     - on any error the original stays as it was\n"
          "  --force          with --write, also write read-only files (keeping their mode)\n"
          "  --diff           print a unified diff of the changes\n"
          "  --rewrite        also move every bullet's result to the front\n"
          "  --placeholders   also apply fixes that insert placeholders to fill in\n"
          "                   (\"[N]\", \"[metric]\"), e.g. for bullets without a number\n"
          "  (quoted or emphasised titles, link text, code, URLs and publication lines\n"
          "   are never edited)\n"
          "  --lang L         treat the files as markdown or latex, whatever their extension\n"
          "  --config FILE    use this configuration file instead of the nearest\n"
          "                   .resume-ls.json\n"
          "  --no-config      use the built-in defaults only\n"
          "Example: resume-ls fix --diff resume.md | less\n",
          to);
}

/* ---- Writing back ------------------------------------------------------------------------- */

/* Writes all of data to fd at its current offset. Returns 0 or -1 (errno). */
static int cmd_fix__write_all(int fd, const char *data, size_t len) {
    for (size_t off = 0; off < len;) {
        ssize_t n = write(fd, data + off, len - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return -1;
        }
        off += (size_t)n;
    }
    return 0;
}

/* True when the file's mode bits, as `ls -l` shows them, deny writing to
 * whoever runs this: for root, no write bit at all (root could write anyway,
 * which is exactly why the bits, not access(2), decide); for others, the bit
 * of the class they fall in (owner, primary group, others). */
static bool cmd_fix__read_only(const struct stat *st) {
    uid_t me = geteuid();
    if (me == 0) return (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
    if (me == st->st_uid) return (st->st_mode & S_IWUSR) == 0;
    if (getegid() == st->st_gid) return (st->st_mode & S_IWGRP) == 0;
    return (st->st_mode & S_IWOTH) == 0;
}

/* Sleeps for RESUME_LS_TEST_FIX_PAUSE_MS milliseconds when set: a test seam
 * that widens the window between reading a file and replacing it, so that
 * tests/cli can save the file meanwhile, as an editor would. */
static void cmd_fix__test_pause(void) {
    const char *v = getenv("RESUME_LS_TEST_FIX_PAUSE_MS");
    long ms = v ? strtol(v, NULL, 10) : 0;
    if (ms <= 0 || ms > 60000) return;
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* True when target is still the file that was read (same inode, size,
 * modification time and bytes); otherwise appends why to err. Comparing the
 * bytes as well catches a save within the file system's mtime granularity. */
static bool cmd_fix__unchanged(const char *target, const struct stat *was, const char *orig,
                               size_t orig_len, RlsBuf *err) {
    char *now = NULL;
    size_t now_len = 0;
    struct stat st;
    int rc = rls_file_read(target, RLS_TEXT_MAX_BYTES, 0, &now, &now_len, &st, NULL);
    bool same = rc == 0 && st.st_dev == was->st_dev && st.st_ino == was->st_ino &&
                st.st_size == was->st_size && st.st_mtim.tv_sec == was->st_mtim.tv_sec &&
                st.st_mtim.tv_nsec == was->st_mtim.tv_nsec && now_len == orig_len &&
                memcmp(now, orig, orig_len) == 0;
    rls_free(now);
    if (!same)
        rls_buf_puts(err, "it changed on disk while resume-ls was fixing it (saved from an "
                          "editor?), so it was not written; run resume-ls fix again");
    return same;
}

/* Creates a temporary file beside target holding data, with target's mode
 * and (as root) owner, flushed to disk. Returns its owned path, or NULL with
 * errno set and nothing left behind. */
static char *cmd_fix__temp(const char *target, const struct stat *st, const char *data,
                           size_t len) {
    size_t plen = strlen(target);
    char *tmp = rls_malloc(plen + 32);
    snprintf(tmp, plen + 32, "%s.resume-ls-XXXXXX", target);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int saved = errno;
        rls_free(tmp);
        errno = saved;
        return NULL;
    }
    int rc = cmd_fix__write_all(fd, data, len);
    /* Root can give the file back to its owner; anyone else keeps at least
     * the group when they belong to it (chown to it is allowed then). */
    if (rc == 0 && geteuid() == 0) rc = fchown(fd, st->st_uid, st->st_gid);
    if (rc == 0 && geteuid() != 0) (void)!fchown(fd, (uid_t)-1, st->st_gid);
    if (rc == 0) rc = fchmod(fd, st->st_mode & 07777);
    if (rc == 0) rc = fsync(fd);
    int saved = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0) {
        unlink(tmp);
        rls_free(tmp);
        errno = saved;
        return NULL;
    }
    return tmp;
}

/* Flushes the folder of path, so that a rename survives a crash. */
static void cmd_fix__sync_dir(const char *path) {
    const char *slash = strrchr(path, '/');
    char *dir =
        slash ? rls_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : rls_strdup(".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    rls_free(dir);
}

/* Overwrites target with data in place (keeping its inode, so every hard
 * link sees the change, and its owner). backup holds the original; when the
 * write fails it is copied back, and when even that fails the backup stays
 * and err names it. Returns 0 or -1. */
static int cmd_fix__overwrite(const char *target, const char *backup, const char *orig,
                              size_t orig_len, const char *data, size_t len, RlsBuf *err) {
    int fd = open(target, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        rls_buf_printf(err, "cannot write: %s", strerror(errno));
        return -1;
    }
    int rc = cmd_fix__write_all(fd, data, len);
    if (rc == 0) rc = ftruncate(fd, (off_t)len);
    if (rc == 0) rc = fsync(fd);
    if (rc != 0) {
        int saved = errno;
        bool restored = lseek(fd, 0, SEEK_SET) == 0 &&
                        cmd_fix__write_all(fd, orig, orig_len) == 0 &&
                        ftruncate(fd, (off_t)orig_len) == 0 && fsync(fd) == 0;
        if (restored)
            rls_buf_printf(err, "cannot write: %s; the original is unchanged", strerror(saved));
        else
            rls_buf_printf(err, "cannot write: %s; the original is kept in '%s'", strerror(saved),
                           backup);
        close(fd);
        return restored ? -1 : -2;
    }
    close(fd);
    return 0;
}

/* Replaces the file at path, read earlier as orig with fstat was, by data:
 * through symbolic links (the link stays, its target changes), refusing
 * read-only files unless force, and refusing when the file changed since it
 * was read. A single link is replaced by renaming a flushed temporary file
 * over it (all or nothing, mode and, as root, owner kept); a file with hard
 * links, or one the user does not own, is overwritten in place (renaming
 * would split the links or change the owner), with a backup beside it until
 * the new text is on disk. Returns 0, or -1 with the reason appended to
 * err; the original is never lost. */
static int cmd_fix__replace(const char *path, const struct stat *was, const char *orig,
                            size_t orig_len, const char *data, size_t len, bool force,
                            RlsBuf *err) {
    char target[PATH_MAX];
    if (!realpath(path, target)) {
        rls_buf_printf(err, "cannot write: %s", strerror(errno));
        return -1;
    }
    if (!force && cmd_fix__read_only(was)) {
        rls_buf_printf(err,
                       "read-only (mode %04o), so it was not written; to write it anyway, keeping "
                       "that mode, add --force",
                       (unsigned)(was->st_mode & 07777));
        return -1;
    }
    bool in_place = was->st_nlink > 1 || (geteuid() != 0 && geteuid() != was->st_uid);
    /* In place the temporary file is a backup of the original; otherwise
     * it is the new text, renamed over the original. */
    char *tmp = in_place ? cmd_fix__temp(target, was, orig, orig_len)
                         : cmd_fix__temp(target, was, data, len);
    if (!tmp) {
        rls_buf_printf(err, "cannot write a temporary file beside '%s': %s", target,
                       strerror(errno));
        return -1;
    }
    cmd_fix__test_pause();
    int rc = 0;
    if (!cmd_fix__unchanged(target, was, orig, orig_len, err)) {
        rc = -1;
    } else if (in_place) {
        rc = cmd_fix__overwrite(target, tmp, orig, orig_len, data, len, err);
    } else if (rename(tmp, target) != 0) {
        rls_buf_printf(err, "cannot write: %s", strerror(errno));
        rc = -1;
    } else {
        cmd_fix__sync_dir(target);
        rls_free(tmp);
        return 0;
    }
    /* -2: the backup is the only copy of the original left; keep it. */
    if (rc != -2) unlink(tmp);
    rls_free(tmp);
    return rc == 0 ? 0 : -1;
}

/* ---- Unified diff ------------------------------------------------------------------------- */

typedef struct {
    const char *s;
    size_t len; /* with its line break */
} FixLine;

static size_t cmd_fix__lines(const char *s, size_t n, FixLine **out) {
    size_t count = 0, cap = 0;
    *out = NULL;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        if (j < n) j++;
        FixLine l = {s + i, j - i};
        RLS_PUSH(*out, count, cap, l);
        i = j;
    }
    return count;
}

static bool cmd_fix__same(FixLine a, FixLine b) {
    return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

static void cmd_fix__line_out(RlsBuf *out, char mark, FixLine l) {
    rls_buf_putc(out, mark);
    rls_buf_append(out, l.s, l.len);
    if (l.len == 0 || l.s[l.len - 1] != '\n') rls_buf_puts(out, "\n\\ No newline at end of file\n");
}

/* Appends a unified diff (3 lines of context) of a -> b to out. Lines are
 * matched by a longest-common-subsequence table over the lines between the
 * common prefix and suffix; resumes are small, and past a size cap the
 * middle is shown as one replacement rather than computing a huge table. */
static void cmd_fix__diff(RlsBuf *out, const char *path, const char *a, size_t an, const char *b,
                          size_t bn) {
    FixLine *la, *lb;
    size_t n = cmd_fix__lines(a, an, &la), m = cmd_fix__lines(b, bn, &lb);
    size_t pre = 0;
    while (pre < n && pre < m && cmd_fix__same(la[pre], lb[pre]))
        pre++;
    size_t suf = 0;
    while (suf < n - pre && suf < m - pre && cmd_fix__same(la[n - 1 - suf], lb[m - 1 - suf]))
        suf++;
    size_t N = n - pre - suf, M = m - pre - suf;
    /* ops: 0 same, 1 delete (a), 2 insert (b), in order. */
    unsigned char *ops = rls_malloc(n + m + 1);
    size_t n_ops = 0;
    for (size_t i = 0; i < pre; i++)
        ops[n_ops++] = 0;
    if ((unsigned long long)(N + 1) * (M + 1) <= 4000000ull) {
        uint32_t *t = rls_calloc((N + 1) * (M + 1), sizeof(uint32_t));
#define T(i, j) t[(i) * (M + 1) + (j)]
        for (size_t i = N; i-- > 0;)
            for (size_t j = M; j-- > 0;)
                T(i, j) = cmd_fix__same(la[pre + i], lb[pre + j]) ? T(i + 1, j + 1) + 1
                          : T(i + 1, j) >= T(i, j + 1)            ? T(i + 1, j)
                                                                  : T(i, j + 1);
        size_t i = 0, j = 0;
        while (i < N || j < M) {
            if (i < N && j < M && cmd_fix__same(la[pre + i], lb[pre + j])) {
                ops[n_ops++] = 0, i++, j++;
            } else if (i < N && (j == M || T(i + 1, j) >= T(i, j + 1))) {
                ops[n_ops++] = 1, i++; /* deletions first, as diff(1) prints them */
            } else {
                ops[n_ops++] = 2, j++;
            }
        }
#undef T
        rls_free(t);
    } else {
        for (size_t i = 0; i < N; i++)
            ops[n_ops++] = 1;
        for (size_t j = 0; j < M; j++)
            ops[n_ops++] = 2;
    }
    for (size_t i = 0; i < suf; i++)
        ops[n_ops++] = 0;

    bool header = false;
    const size_t ctx = 3;
    size_t k = 0, ai = 0, bi = 0; /* position in ops, a lines, b lines */
    while (k < n_ops) {
        if (ops[k] == 0) {
            k++, ai++, bi++;
            continue;
        }
        /* A hunk: back up for context, extend while changes are close. */
        size_t back = RLS_MIN(ctx, ai);
        size_t hs = k - back, has = ai - back, hbs = bi - back;
        size_t e = k, gap = 0;
        while (e < n_ops) {
            if (ops[e] == 0) {
                gap++;
                if (gap > 2 * ctx) break;
            } else {
                gap = 0;
            }
            e++;
        }
        size_t he = e - (gap > ctx ? gap - ctx : 0);
        size_t acount = 0, bcount = 0;
        for (size_t x = hs; x < he; x++) {
            if (ops[x] != 2) acount++;
            if (ops[x] != 1) bcount++;
        }
        if (!header) {
            rls_buf_printf(out, "--- %s\n+++ %s\n", path, path);
            header = true;
        }
        rls_buf_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", acount ? has + 1 : has, acount,
                       bcount ? hbs + 1 : hbs, bcount);
        size_t x = hs, pa = has, pb = hbs;
        for (; x < he; x++) {
            if (ops[x] == 0) {
                cmd_fix__line_out(out, ' ', la[pa++]);
                pb++;
            } else if (ops[x] == 1) {
                cmd_fix__line_out(out, '-', la[pa++]);
            } else {
                cmd_fix__line_out(out, '+', lb[pb++]);
            }
        }
        k = he, ai = pa, bi = pb;
    }
    rls_free(ops);
    rls_free(la);
    rls_free(lb);
}

/* ---- One file ------------------------------------------------------------------------------ */

/* Prints each problem line of buf to stderr, prefixed with the program. */
static void cmd_fix__print_lines(const RlsBuf *buf) {
    if (!buf->data) return;
    const char *p = buf->data;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(stderr, "resume-ls fix: %.*s\n", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}

/* Returns 0, or 2 after reporting an I/O problem. explicit_config is
 * --config's (NULL otherwise). */
static int cmd_fix__file(const char *path, const FixOptions *opts, const RlsConfig *explicit_config,
                         bool many) {
    if (opts->write && strcmp(path, "-") == 0) {
        fprintf(stderr, "resume-ls fix: --write cannot write back to standard input; leave out "
                        "--write to print the fixed text\n");
        return 2;
    }
    /* The bytes as they are (no UTF-8 repair): what --write puts back must
     * differ from the original only where a fix applies. */
    char *src = NULL;
    size_t src_len = 0;
    struct stat st;
    RlsBuf err;
    rls_buf_init(&err);
    if (rls_cli_read_bytes(path, RLS_TEXT_MAX_BYTES, &src, &src_len, &st, &err) != 0) {
        cmd_fix__print_lines(&err);
        rls_buf_close(&err);
        return 2;
    }
    uint32_t len = (uint32_t)src_len;
    /* As check decides it: --lang, the extension, Markdown for standard
     * input; anything else is an error that says to pass --lang. */
    RlsFormat format = RLS_FORMAT_MARKDOWN;
    if (rls_cli_format_for(path, opts->have_lang, opts->lang, &format, &err) != 0) {
        cmd_fix__print_lines(&err);
        rls_buf_close(&err);
        rls_free(src);
        return 2;
    }
    RlsParser *parser = rls_parser_new(format);
    /* The configuration `check` would use, so that fix fixes what check
     * reports: a rule turned off is not fixed. A broken file is reported
     * and its valid keys still apply, as in `check` and the editor. */
    RlsConfig found_config;
    rls_config_init(&found_config);
    const RlsConfig *config = explicit_config;
    if (!explicit_config && !opts->no_config) {
        RlsBuf problems;
        rls_buf_init(&problems);
        int lr = rls_config_load_for_file(&found_config, path, NULL, &problems);
        cmd_fix__print_lines(&problems);
        rls_buf_close(&problems);
        config = lr == 0 || lr == RLS_EINVAL ? &found_config : NULL;
    }
    RlsAnalysis an;
    rls_analysis_init(&an);
    rls_analyze(&an, parser, src, len, config);
    RlsActionList actions;
    rls_action_list_init(&actions);
    RlsFixAllOptions fo = {opts->rewrite, opts->placeholders};
    rls_fix_all_actions(an.model, src, len, &an.diags, &fo, &actions);
    RlsBuf fixed;
    rls_buf_init(&fixed);
    int rc = 0;
    if (actions.len == 1) {
        if (rls_edits_apply(src, len, actions.items[0].edits, actions.items[0].n_edits, &fixed) !=
            0) {
            /* fix_all promises non-overlapping edits: this is a bug. */
            fprintf(stderr, "resume-ls fix: %s: internal error: conflicting edits\n", path);
            rls_buf_clear(&fixed);
            rls_buf_append(&fixed, src, len);
            rc = 2;
        }
    } else {
        rls_buf_append(&fixed, src, len);
    }
    const char *out = fixed.data ? fixed.data : "";
    bool changed = fixed.len != len || memcmp(out, src, len) != 0;
    if (opts->diff) {
        if (changed) {
            RlsBuf d;
            rls_buf_init(&d);
            cmd_fix__diff(&d, path, src, len, out, fixed.len);
            fwrite(d.data, 1, d.len, stdout);
            rls_buf_close(&d);
        }
    } else if (opts->write) {
        if (changed &&
            cmd_fix__replace(path, &st, src, len, out, fixed.len, opts->force, &err) != 0) {
            fprintf(stderr, "resume-ls fix: %s: %s\n", path, err.data);
            rc = 2;
        }
    } else {
        if (many) printf("==> %s <==\n", path);
        fwrite(out, 1, fixed.len, stdout);
    }
    rls_buf_close(&err);
    rls_buf_close(&fixed);
    rls_action_list_close(&actions);
    rls_analysis_close(&an);
    rls_config_close(&found_config);
    rls_parser_delete(parser);
    rls_free(src);
    return rc;
}

int rls_cmd_fix(int argc, char **argv) {
    FixOptions opts = {0};
    RlsConfig explicit_config;
    rls_config_init(&explicit_config);
    /* Options may come before or after the files; "--" ends them. */
    char **files = rls_calloc((size_t)argc + 1, sizeof(char *));
    int n_files = 0, status = 0;
    bool options = true;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options || a[0] != '-' || !a[1]) {
            files[n_files++] = argv[i];
        } else if (!strcmp(a, "--")) {
            options = false;
        } else if (!strcmp(a, "--write") || !strcmp(a, "-w")) {
            opts.write = true;
        } else if (!strcmp(a, "--force")) {
            opts.force = true;
        } else if (!strcmp(a, "--diff")) {
            opts.diff = true;
        } else if (!strcmp(a, "--rewrite")) {
            opts.rewrite = true;
        } else if (!strcmp(a, "--placeholders")) {
            opts.placeholders = true;
        } else if (!strcmp(a, "--no-config")) {
            opts.no_config = true;
        } else if (!strcmp(a, "--config") || !strncmp(a, "--config=", 9)) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || !*v) {
                fprintf(stderr, "resume-ls fix: --config wants a FILE\n");
                status = 2;
                goto out;
            }
            opts.config_path = v;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            cmd_fix__usage(stdout);
            goto out;
        } else if (!strcmp(a, "--lang") || !strncmp(a, "--lang=", 7)) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (v && !strcmp(v, "md")) {
                opts.lang = RLS_FORMAT_MARKDOWN;
            } else if (v && !strcmp(v, "tex")) {
                opts.lang = RLS_FORMAT_LATEX;
            } else if (!v || !rls_format_from_language_id(v, &opts.lang)) {
                fprintf(stderr, "resume-ls fix: --lang wants markdown or latex\n");
                status = 2;
                goto out;
            }
            opts.have_lang = true;
        } else {
            fprintf(stderr, "resume-ls fix: unknown option %s\n", a);
            cmd_fix__usage(stderr);
            status = 2;
            goto out;
        }
    }
    if (opts.force && !opts.write) {
        fprintf(stderr, "resume-ls fix: --force only applies with --write\n");
        status = 2;
        goto out;
    }
    if (opts.write && opts.diff) {
        fprintf(stderr, "resume-ls fix: --write and --diff exclude each other\n");
        status = 2;
        goto out;
    }
    if (opts.config_path && opts.no_config) {
        fprintf(stderr, "resume-ls fix: --config and --no-config cannot be used together\n");
        status = 2;
        goto out;
    }
    if (n_files == 0) {
        cmd_fix__usage(stderr);
        status = 2;
        goto out;
    }
    if (opts.config_path) {
        RlsBuf problems;
        rls_buf_init(&problems);
        int lr =
            rls_config_load_file(&explicit_config, opts.config_path, RLS_CONFIG_NAMED, &problems);
        cmd_fix__print_lines(&problems);
        rls_buf_close(&problems);
        /* Asked for by name, a configuration that cannot be used is a usage
         * error (as in `check`): fixing with the defaults would surprise. */
        if (lr != 0 && lr != RLS_EINVAL) {
            status = 2;
            goto out;
        }
    }
    for (int i = 0; i < n_files; i++)
        if (cmd_fix__file(files[i], &opts, opts.config_path ? &explicit_config : NULL,
                          n_files > 1) != 0)
            status = 2;
    fflush(stdout);
out:
    rls_config_close(&explicit_config);
    rls_free(files);
    return status;
}
