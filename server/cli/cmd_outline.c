/*
 * cmd_outline.c - PLACEHOLDER for `resume-ls outline`.
 * TODO(#3): implement.
 */
#include <stdio.h>

#include "cli/commands.h"

int rls_cmd_outline(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "resume-ls outline: not implemented yet (issue #3)\n");
    return 2;
}
