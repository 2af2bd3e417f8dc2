/*
 * cmd_serve.c - PLACEHOLDER for the language server, so that the command
 * line links before the proto helper's server lands (it replaces this file).
 * TODO(#2): the real server.
 */
#include <stdio.h>

#include "cli/commands.h"

int rls_cmd_serve(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "resume-ls serve: not implemented yet (issue #2)\n");
    return 2;
}
