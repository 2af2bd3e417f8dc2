/* Tests for the one whole-file reader (server/config/file_read.c): only regular
 * files, never blocking, never past the cap, and the owner check used for
 * configuration files resume-ls finds on its own. */
#define _GNU_SOURCE

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/file_read.h"
#include "config/hooks.h"
#include "rls/alloc.h"
#include "rls/buf.h"
#include "test.h"

static char root[PATH_MAX];

static const char *at(const char *rel) {
    static char buf[4][2 * PATH_MAX + 2];
    static int next;
    char *out = buf[next++ % 4];
    snprintf(out, sizeof(buf[0]), "%s/%s", root, rel);
    return out;
}

static void write_file(const char *rel, const char *content) {
    FILE *f = fopen(at(rel), "wb");
    if (!f) abort();
    fputs(content, f);
    fclose(f);
}

/* Reads rel with the given cap and flags; returns the rc, the reason in
 * why (cleared first) and frees the data. */
static int read_rel(const char *rel, size_t max, unsigned flags, RlsBuf *why, size_t *len_out) {
    rls_buf_clear(why);
    char *data = NULL;
    size_t len = 0;
    struct stat st;
    int rc = rls_file_read(rel[0] == '/' ? rel : at(rel), max, flags, &data, &len, &st, why);
    if (rc != 0 && data) printf("#   data left behind on failure\n");
    if (rc == 0 && (!data || data[len] != '\0')) printf("#   data not NUL-terminated\n");
    if (len_out) *len_out = len;
    rls_free(data);
    return rc;
}

static bool has(const RlsBuf *b, const char *needle) {
    if (b->data && strstr(b->data, needle)) return true;
    printf("#   expected \"%s\" in \"%s\"\n", needle, b->data ? b->data : "");
    return false;
}

static void test_a_regular_file_is_read_whole_up_to_the_cap_and_not_a_byte_more(void) {
    write_file("ten.txt", "0123456789");
    RlsBuf why;
    rls_buf_init(&why);
    size_t len = 0;
    EXPECT_EQ_INT(read_rel("ten.txt", 10, 0, &why, &len), 0);
    EXPECT_EQ_INT(len, 10);
    EXPECT_EQ_INT(read_rel("ten.txt", 9, 0, &why, NULL), RLS_ETOOBIG);
    EXPECT_TRUE(has(&why, "larger than 9 bytes, the most resume-ls accepts"));
    write_file("empty.txt", "");
    EXPECT_EQ_INT(read_rel("empty.txt", 10, 0, &why, &len), 0);
    EXPECT_EQ_INT(len, 0);
    rls_buf_close(&why);
}

static void test_a_file_whose_size_says_zero_is_still_capped(void) {
    /* /proc files are regular and report size 0: the cap must hold on what
     * is read, not on what fstat says. */
    RlsBuf why;
    rls_buf_init(&why);
    size_t len = 0;
    EXPECT_EQ_INT(read_rel("/proc/self/status", 16, 0, &why, NULL), RLS_ETOOBIG);
    EXPECT_EQ_INT(read_rel("/proc/self/status", 1024 * 1024, 0, &why, &len), 0);
    EXPECT_TRUE(len > 16);
    rls_buf_close(&why);
}

static void test_a_fifo_is_refused_at_once_instead_of_blocking(void) {
    ASSERT_EQ_INT(mkfifo(at("pipe.txt"), 0600), 0);
    /* Without the fix the open blocks forever waiting for a writer: the
     * alarm turns that hang into a failure. */
    alarm(60);
    RlsBuf why;
    rls_buf_init(&why);
    EXPECT_EQ_INT(read_rel("pipe.txt", 100, 0, &why, NULL), RLS_EINVAL);
    EXPECT_TRUE(has(&why, "a named pipe (FIFO), not a regular file"));
    alarm(0);
    rls_buf_close(&why);
}

static void test_folders_devices_and_missing_files_say_what_they_are(void) {
    ASSERT_EQ_INT(mkdir(at("folder.md"), 0700), 0);
    RlsBuf why;
    rls_buf_init(&why);
    EXPECT_EQ_INT(read_rel("folder.md", 100, 0, &why, NULL), RLS_EINVAL);
    EXPECT_TRUE(has(&why, "Is a directory"));
    EXPECT_EQ_INT(read_rel("/dev/zero", 100, 0, &why, NULL), RLS_EINVAL);
    EXPECT_TRUE(has(&why, "a device, not a regular file"));
    EXPECT_EQ_INT(read_rel("absent.md", 100, 0, &why, NULL), RLS_ENOENT);
    EXPECT_TRUE(has(&why, "No such file or directory"));
    EXPECT_EQ_INT(read_rel("absent/x.md", 100, 0, &why, NULL), RLS_ENOENT);
    rls_buf_close(&why);
}

static void test_a_file_of_another_user_or_writable_by_others_is_refused_when_asked(void) {
    write_file("cfg.json", "{}");
    RlsBuf why;
    rls_buf_init(&why);
    ASSERT_EQ_INT(chmod(at("cfg.json"), 0644), 0);
    EXPECT_EQ_INT(read_rel("cfg.json", 100, RLS_FILE_OWNED_BY_USER, &why, NULL), 0);
    ASSERT_EQ_INT(chmod(at("cfg.json"), 0646), 0);
    EXPECT_EQ_INT(read_rel("cfg.json", 100, RLS_FILE_OWNED_BY_USER, &why, NULL), RLS_EINVAL);
    EXPECT_TRUE(has(&why, "writable by every user (mode 0646)"));
    EXPECT_TRUE(has(&why, "chmod go-w"));
    /* Without the flag the same file is read: the user named it. */
    EXPECT_EQ_INT(read_rel("cfg.json", 100, 0, &why, NULL), 0);
    ASSERT_EQ_INT(chmod(at("cfg.json"), 0644), 0);
    if (chown(at("cfg.json"), 65534, 65534) != 0) {
        printf("# skipped the owner cases: chown needs root\n");
    } else {
        EXPECT_EQ_INT(read_rel("cfg.json", 100, RLS_FILE_OWNED_BY_USER, &why, NULL), RLS_EINVAL);
        EXPECT_TRUE(has(&why, "owned by user 65534"));
        EXPECT_TRUE(has(&why, "not by you or root"));
        EXPECT_EQ_INT(read_rel("cfg.json", 100, 0, &why, NULL), 0);
        /* Group-writable through a group that is not the user's own. */
        ASSERT_EQ_INT(chown(at("cfg.json"), geteuid(), 65534), 0);
        ASSERT_EQ_INT(chmod(at("cfg.json"), 0664), 0);
        EXPECT_EQ_INT(read_rel("cfg.json", 100, RLS_FILE_OWNED_BY_USER, &why, NULL), RLS_EINVAL);
        EXPECT_TRUE(has(&why, "writable by its group (mode 0664)"));
    }
    rls_buf_close(&why);
}

int main(void) {
    rls_hooks_install();
    const char *base = getenv("TMPDIR");
    snprintf(root, sizeof(root), "%s/rls-file-read-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(root)) return 1;
    static const RlsTestCase cases[] = {
        RLS_TEST(test_a_regular_file_is_read_whole_up_to_the_cap_and_not_a_byte_more),
        RLS_TEST(test_a_file_whose_size_says_zero_is_still_capped),
        RLS_TEST(test_a_fifo_is_refused_at_once_instead_of_blocking),
        RLS_TEST(test_folders_devices_and_missing_files_say_what_they_are),
        RLS_TEST(test_a_file_of_another_user_or_writable_by_others_is_refused_when_asked),
    };
    int rc = rls_test_run(cases, RLS_ARRAY_LEN(cases));
    static const char *const made[] = {"ten.txt", "empty.txt", "pipe.txt", "folder.md", "cfg.json"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(made); i++)
        remove(at(made[i]));
    rmdir(root);
    return rc;
}
