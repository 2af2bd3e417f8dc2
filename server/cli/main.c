/*
 * main.c - PLACEHOLDER entry point until the command line (issue 2, the cli
 * work) lands: it starts the language server and prints the version.
 * TODO(#2): the real command line.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("resume-ls %s\n", RLS_VERSION);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "serve") == 0) return rls_cmd_serve(argc - 1, argv + 1);
    if (argc == 1 || argv[1][0] == '-') return rls_cmd_serve(argc, argv);
    fprintf(stderr, "resume-ls: not yet usable\n");
    return 2;
}
