/*
 * cmd_fix.c - `resume-ls fix [--write | --diff] [--rewrite] [--placeholders]
 *                 [--lang L] [--config FILE | --no-config] FILE...`
 *
 * Checks each file with the same analysis and configuration as `check`
 * (the nearest .resume-ls.json, or --config's, or none), applies the
 * SAFE fix of every finding (rls_fix_all_actions, the server's
 * source.fixAll; RlsApplicability in rls/actions.h) and prints the fixed text to
 * stdout, writes it back in place (--write: a temporary file in the same
 * folder, flushed, given the original's permissions, then renamed over it,
 * so a crash never leaves half a resume), or prints a unified diff (--diff).
 * --rewrite also moves every bullet's result to the front. Fixes that only
 * insert placeholders to fill in ("[N]", "[metric]") are left out unless
 * --placeholders asks for them: a command run over a whole resume should not
 * put brackets into every bullet that lacks a figure.
 *
 * Exit status: 0 done (whether or not anything changed), 2 usage or I/O
 * error (the other files are still processed).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "lsp/code_action_fix.h"
#include "lsp/config_json.h"
#include "rls/actions.h"
#include "rls/alloc.h"
#include "rls/analysis.h"
#include "rls/buf.h"
#include "rls/text.h"

typedef struct {
    bool write;
    bool diff;
    bool rewrite;
    bool placeholders;
    bool have_lang;
    RlsFormat lang;
    const char *config_path; /* --config FILE */
    bool no_config;          /* --no-config */
} FixOptions;

static void cmd_fix__usage(FILE *to) {
    fputs("usage: resume-ls fix [--write | --diff] [--rewrite] [--placeholders]\n"
          "                     [--lang markdown|latex] [--config FILE | --no-config] FILE...\n"
          "  Applies the safe fix of every finding: one that keeps the meaning and claims\n"
          "  no more than the text does (\"Responsible for migrating X\" -> \"Migrated X\").\n"
          "  Fixes that need the writer's choice (a stronger verb for \"Worked on X\") are\n"
          "  offered in the editor only.\n"
          "  (default)        print the fixed text to stdout\n"
          "  --write          rewrite each file in place (atomically)\n"
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

/* Reads a whole file; returns an owned buffer or NULL with errno set. */
static char *cmd_fix__read(const char *path, uint32_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    RlsBuf b;
    rls_buf_init(&b);
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + got > RLS_TEXT_MAX_BYTES) {
            fclose(f);
            rls_buf_close(&b);
            errno = EFBIG;
            return NULL;
        }
        rls_buf_append(&b, chunk, got);
    }
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad) {
        rls_buf_close(&b);
        errno = EIO;
        return NULL;
    }
    *len_out = (uint32_t)b.len;
    return rls_buf_detach(&b);
}

/* Replaces path with data atomically, keeping its permissions. */
static int cmd_fix__write(const char *path, const char *data, size_t len) {
    struct stat st;
    if (stat(path, &st) != 0) return -1;
    size_t plen = strlen(path);
    char *tmp = rls_malloc(plen + 32);
    snprintf(tmp, plen + 32, "%s.resume-ls-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        rls_free(tmp);
        return -1;
    }
    int rc = 0;
    for (size_t off = 0; off < len && rc == 0;) {
        ssize_t n = write(fd, data + off, len - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            rc = -1;
        else
            off += (size_t)n;
    }
    if (rc == 0 && fchmod(fd, st.st_mode & 07777) != 0) rc = -1;
    if (rc == 0 && fsync(fd) != 0) rc = -1;
    if (close(fd) != 0) rc = -1;
    if (rc == 0 && rename(tmp, path) != 0) rc = -1;
    if (rc != 0) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
    }
    rls_free(tmp);
    return rc;
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
    uint32_t len = 0;
    char *src = cmd_fix__read(path, &len);
    if (!src) {
        fprintf(stderr, "resume-ls fix: %s: %s\n", path, strerror(errno));
        return 2;
    }
    RlsFormat format;
    if (opts->have_lang)
        format = opts->lang;
    else
        rls_format_from_path(path, &format);
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
        int lr = rls_config_load_for_file(&found_config, path, &problems);
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
        if (changed && cmd_fix__write(path, out, fixed.len) != 0) {
            fprintf(stderr, "resume-ls fix: %s: cannot write: %s\n", path, strerror(errno));
            rc = 2;
        }
    } else {
        if (many) printf("==> %s <==\n", path);
        fwrite(out, 1, fixed.len, stdout);
    }
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
        int lr = rls_config_load_file(&explicit_config, opts.config_path, &problems);
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
