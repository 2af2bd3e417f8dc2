/*
 * commands.h - the subcommands of the resume-ls executable. Each takes the
 * arguments after its name (argv[0] is the subcommand) and returns the
 * process exit status: 0 clean, 1 findings at or above the fail level,
 * 2 usage or I/O error.
 */
#ifndef RLS_CLI_COMMANDS_H_
#define RLS_CLI_COMMANDS_H_

int rls_cmd_serve(int argc, char **argv);   /* the language server (default) */
int rls_cmd_check(int argc, char **argv);   /* findings as text, JSON or SARIF */
int rls_cmd_outline(int argc, char **argv); /* the resume model */
int rls_cmd_fix(int argc, char **argv);     /* apply the preferred fixes */
int rls_cmd_score(int argc, char **argv);   /* the ATS score */

#endif /* RLS_CLI_COMMANDS_H_ */
