/*
 * main.c - PLACEHOLDER entry point until the foundation (issue 2) lands.
 * TODO(#2): the real command line and server.
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("resume-ls %s\n", RLS_VERSION);
        return 0;
    }
    fprintf(stderr, "resume-ls: not yet usable\n");
    return 2;
}
