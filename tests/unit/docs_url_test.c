/* Tests for where rule documentation links point (server/config/docs_url.c):
 * the installed docs beside the running binary, else the repository's
 * relative docs/rules.md; never a path of the machine the binary was built
 * on. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "config/docs_url.h"
#include "test.h"

static bool installed(const char *path) {
    return strcmp(path, "/opt/rls/share/doc/resume-ls/rules.md") == 0;
}

static bool nowhere(const char *path) {
    (void)path;
    return false;
}

static void test_installed_docs_beside_the_binary_are_linked_as_a_file_uri(void) {
    RlsBuf b;
    rls_buf_init(&b);
    rls_docs_rules_url_for(&b, "/opt/rls/bin/resume-ls", installed);
    EXPECT_STR_EQ(b.data, "file:///opt/rls/share/doc/resume-ls/rules.md");
    rls_buf_close(&b);
}

static void test_without_installed_docs_the_link_is_the_relative_repository_path(void) {
    static const char *const exes[] = {"/opt/rls/bin/resume-ls", "/home/me/cv/build/resume-ls",
                                       "resume-ls", NULL};
    for (size_t i = 0; i < RLS_ARRAY_LEN(exes); i++) {
        RlsBuf b;
        rls_buf_init(&b);
        rls_docs_rules_url_for(&b, exes[i], exes[i] && i == 0 ? nowhere : installed);
        EXPECT_STR_EQ(b.data, "docs/rules.md");
        rls_buf_close(&b);
    }
}

/* Was file://<source tree>/docs/rules.md, baked in at build time. */
static void test_a_build_that_is_not_installed_never_links_the_build_machine(void) {
    unsetenv("RESUME_LS_DOCS_URL");
    const char *url = rls_docs_rules_url();
    EXPECT_TRUE(strstr(url, RLS_SOURCE_DIR) == NULL);
    EXPECT_STR_EQ(url, "docs/rules.md");
    RlsBuf b;
    rls_buf_init(&b);
    rls_docs_rule_url(&b, "weak-opener");
    EXPECT_STR_EQ(b.data, "docs/rules.md#weak-opener");
    rls_buf_close(&b);
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_installed_docs_beside_the_binary_are_linked_as_a_file_uri),
        RLS_TEST(test_without_installed_docs_the_link_is_the_relative_repository_path),
        RLS_TEST(test_a_build_that_is_not_installed_never_links_the_build_machine),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
