/*
 * args.h - reading the subcommands' options, one way for all of them.
 */
#ifndef RLS_CLI_ARGS_H_
#define RLS_CLI_ARGS_H_

#include <stdbool.h>

/* The value of option `name` at argv[*i], written "--name value" or
 * "--name=value" (advancing *i past a separate value). NULL when argv[*i]
 * is another option ("--formatx" is not "--format"); then *missing tells
 * whether it was this option with no value after it. */
const char *rls_cli_option_value(int argc, char **argv, int *i, const char *name, bool *missing);

#endif /* RLS_CLI_ARGS_H_ */
