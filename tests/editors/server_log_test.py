#!/usr/bin/env python3
"""The server's stderr at each log level, as an editor sees it.

Editors file whatever a language server writes on stderr as errors (Neovim's
LSP log marks every stderr line [ERROR]), so a normal session must write
nothing there: the default level is warn. `--log-level info` (or
RESUME_LS_LOG=info) brings the informational lines back.

Usage: server_log_test.py BINARY
A session: initialize, initialized, didOpen of a resume, shutdown, exit.
"""
import json
import os
import subprocess
import sys

BIN = sys.argv[1]

RESUME = "# Jane Doe\n\n## Experience\n\n- Responsible for writing APIs\n"


def frame(msg):
    body = json.dumps(msg).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def session(args, env_extra=None):
    env = dict(os.environ)
    env.pop("RESUME_LS_LOG", None)
    if env_extra:
        env.update(env_extra)
    uri = "file:///tmp/jane-resume.md"
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "rootUri": None, "capabilities": {},
                    "clientInfo": {"name": "log-test"}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                     "text": RESUME}}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None},
        {"jsonrpc": "2.0", "method": "exit", "params": None},
    ]
    p = subprocess.run([BIN, *args], input=b"".join(frame(m) for m in msgs),
                       capture_output=True, env=env, timeout=60)
    if p.returncode != 0:
        print("FAIL: %s exited %d\nstderr: %s" % (args, p.returncode, p.stderr.decode()))
        sys.exit(1)
    if b'"serverInfo"' not in p.stdout:
        print("FAIL: %s: no initialize answer on stdout" % (args,))
        sys.exit(1)
    return p.stderr.decode("utf-8", "replace")


failures = 0


def expect(cond, msg, stderr):
    global failures
    if cond:
        print("ok - " + msg)
    else:
        failures += 1
        print("not ok - %s\n  stderr was: %r" % (msg, stderr))


err = session(["--stdio"])
expect(err == "", "a default start writes nothing on stderr", err)
err = session(["--stdio", "--log-level", "warn"])
expect(err == "", "--log-level warn writes nothing on stderr in a normal session", err)
err = session(["--stdio", "--log-level", "info"])
expect("resume-ls: info: initialize from log-test" in err,
       "--log-level info writes the initialize line on stderr", err)
err = session(["--stdio"], {"RESUME_LS_LOG": "info"})
expect("resume-ls: info: initialize from log-test" in err,
       "RESUME_LS_LOG=info writes the initialize line on stderr", err)
err = session(["--stdio", "--log-level", "off"], {"RESUME_LS_LOG": "info"})
expect(err == "", "--log-level off wins over RESUME_LS_LOG=info", err)
print("%d passed, %d failed" % (5 - failures, failures))
sys.exit(1 if failures else 0)
