/*
 * cmd_fix.c - PLACEHOLDER for `resume-ls fix`.
 * TODO(#5): implement.
 */
#include <stdio.h>

#include "cli/commands.h"

int rls_cmd_fix(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "resume-ls fix: not implemented yet (issue #5)\n");
    return 2;
}
