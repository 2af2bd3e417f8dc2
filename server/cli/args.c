/*
 * args.c - reading the subcommands' options (args.h).
 */
#include "cli/args.h"

#include <string.h>

const char *rls_cli_option_value(int argc, char **argv, int *i, const char *name, bool *missing) {
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0) return NULL;
    if (a[n] == '=') return a + n + 1;
    if (a[n] != '\0') return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}
