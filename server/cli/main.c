/*
 * main.c - the resume-ls executable: picks a subcommand (commands.h).
 *
 * With no subcommand, or with only server options (--stdio, --log-level),
 * it is the language server: that is how editors start it. Everything a
 * person types goes through a subcommand, and every mistake gets a message
 * that names the mistake and the fix, with exit status 2.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "config/config_json.h"
#include "config/hooks.h"

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} MainCommand;

static const MainCommand main__commands[] = {
    {"serve", rls_cmd_serve, "run the language server on stdin/stdout (the default)"},
    {"check", rls_cmd_check, "report weak bullets and other findings (text, JSON, SARIF)"},
    {"outline", rls_cmd_outline, "show the resume as resume-ls understands it"},
    {"fix", rls_cmd_fix, "apply the preferred fixes to a resume"},
    {"score", rls_cmd_score, "the ATS score and keyword coverage of a resume"},
};

static void main__help(FILE *out) {
    fprintf(out,
            "resume-ls %s - reviews resumes written in Markdown or LaTeX, in your editor\n"
            "(as a language server) and on the command line.\n"
            "\n"
            "Usage:\n"
            "  resume-ls [--stdio] [--log-level LEVEL]   start the language server\n"
            "  resume-ls COMMAND [options] [FILE|DIR...]\n"
            "\n"
            "Commands:\n",
            RLS_VERSION);
    for (size_t i = 0; i < sizeof(main__commands) / sizeof(main__commands[0]); i++)
        fprintf(out, "  %-9s %s\n", main__commands[i].name, main__commands[i].summary);
    fputs("  help CMD  show the options of a command (same as: resume-ls CMD --help)\n"
          "\n"
          "Options:\n"
          "  --stdio            talk LSP over stdin/stdout (the only transport; editors\n"
          "                     pass it, and it may be left out)\n"
          "  --log-level LEVEL  how much the server logs to stderr and to the editor:\n"
          "                     off, error, warn (the default), info, debug, trace\n"
          "                     (also settable with RESUME_LS_LOG)\n"
          "  -V, --version      print the version and exit\n"
          "  -h, --help         show this help\n"
          "\n"
          "Examples:\n"
          "  resume-ls check resume.md                 findings, one per line\n"
          "  resume-ls check --format sarif cv/ > resume-ls.sarif\n"
          "  resume-ls check --fail-level error resume.tex && echo ready\n"
          "  resume-ls help check\n"
          "\n"
          "Editors start the server as `resume-ls --stdio`; see editors/ for VS Code and\n"
          "Neovim. Configuration: docs/configuration.md. Rules: docs/rules.md.\n",
          out);
}

static const MainCommand *main__find(const char *name) {
    for (size_t i = 0; i < sizeof(main__commands) / sizeof(main__commands[0]); i++)
        if (strcmp(main__commands[i].name, name) == 0) return &main__commands[i];
    return NULL;
}

static int main__unknown_command(const char *name) {
    const char *names[sizeof(main__commands) / sizeof(main__commands[0])];
    for (size_t i = 0; i < sizeof(main__commands) / sizeof(main__commands[0]); i++)
        names[i] = main__commands[i].name;
    const char *hint = rls_config_suggest(name, names, sizeof(names) / sizeof(names[0]));
    fprintf(stderr, "resume-ls: unknown command '%s'", name);
    if (hint) fprintf(stderr, "; did you mean '%s'?", hint);
    fputs("\nCommands: serve, check, outline, fix, score. Run 'resume-ls --help' for usage.\n",
          stderr);
    return 2;
}

/* Server options given without "serve": checks them here, so that a typo
 * is named before the server starts and waits on stdin, then hands the
 * whole list to the server as `serve ...`. */
static int main__server_options(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--stdio") == 0 || strncmp(a, "--log-level=", 12) == 0 ||
            strncmp(a, "--clientProcessId=", 18) == 0) {
            continue;
        }
        if (strcmp(a, "--log-level") == 0 || strcmp(a, "--clientProcessId") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr,
                        "resume-ls: %s needs a value, e.g. '%s %s'\nRun 'resume-ls --help' "
                        "for usage.\n",
                        a, a, a[2] == 'l' ? "debug" : "1234");
                return 2;
            }
            i++;
            continue;
        }
        if (strncmp(a, "--pipe", 6) == 0 || strncmp(a, "--socket", 8) == 0 ||
            strncmp(a, "--node-ipc", 10) == 0) {
            fprintf(
                stderr,
                "resume-ls: '%s' is not supported; resume-ls talks LSP over stdio only. "
                "Configure your editor to start 'resume-ls --stdio' (see 'resume-ls --help').\n",
                a);
            return 2;
        }
        if (a[0] == '-') {
            fprintf(stderr,
                    "resume-ls: unknown option '%s' (the server takes --stdio and "
                    "--log-level LEVEL).\nRun 'resume-ls --help' for commands and options.\n",
                    a);
        } else {
            fprintf(stderr,
                    "resume-ls: '%s' after server options: commands come first, as in "
                    "'resume-ls check %s'\n",
                    a, a);
        }
        return 2;
    }
    /* argv[0] becomes the subcommand name, as commands.h promises. Some
     * clients add --clientProcessId; the server has no use for it. */
    int n = 0;
    argv[n++] = "serve";
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--clientProcessId", 17) == 0) {
            if (argv[i][17] == '\0') i++;
            continue;
        }
        argv[n++] = argv[i];
    }
    argv[n] = NULL;
    return rls_cmd_serve(n, argv);
}

int main(int argc, char **argv) {
    rls_hooks_install();
    if (argc < 2) {
        char *serve_argv[] = {"serve", NULL};
        return rls_cmd_serve(1, serve_argv);
    }
    const char *first = argv[1];
    if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0) {
        printf("resume-ls %s\n", RLS_VERSION);
        return 0;
    }
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
        main__help(stdout);
        return 0;
    }
    if (strcmp(first, "help") == 0) {
        if (argc < 3) {
            main__help(stdout);
            return 0;
        }
        const MainCommand *cmd = main__find(argv[2]);
        if (!cmd) return main__unknown_command(argv[2]);
        char *help_argv[] = {(char *)cmd->name, "--help", NULL};
        return cmd->run(2, help_argv);
    }
    if (first[0] == '-') return main__server_options(argc, argv);
    const MainCommand *cmd = main__find(first);
    if (!cmd) return main__unknown_command(first);
    return cmd->run(argc - 1, argv + 1);
}
