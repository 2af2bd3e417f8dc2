/*
 * cmd_score.c - PLACEHOLDER for `resume-ls score`.
 * TODO(#6): implement.
 */
#include <stdio.h>

#include "cli/commands.h"

int rls_cmd_score(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "resume-ls score: not implemented yet (issue #6)\n");
    return 2;
}
