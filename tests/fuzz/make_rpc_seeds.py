#!/usr/bin/env python3
"""Writes the checked-in seeds of fuzz_rpc (tests/fuzz/seeds/rpc/): framed
LSP sessions, each after fuzz_rpc's control byte (bit 0: start from an
initialised server with untitled:a.md and untitled:b.tex open; bits 1-7:
read size). Run from anywhere: python3 tests/fuzz/make_rpc_seeds.py"""
import json
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeds", "rpc")


def dumps(o):
    try:
        return json.dumps(o, ensure_ascii=False).encode()
    except UnicodeEncodeError:  # lone surrogates: only \u escapes can carry them
        return json.dumps(o).encode()


def fr(obj):
    b = obj if isinstance(obj, bytes) else dumps(obj)
    return b"Content-Length: %d\r\n\r\n" % len(b) + b


def req(i, m, p=None):
    o = {"jsonrpc": "2.0", "id": i, "method": m}
    if p is not None:
        o["params"] = p
    return fr(o)


def note(m, p=None):
    o = {"jsonrpc": "2.0", "method": m}
    if p is not None:
        o["params"] = p
    return fr(o)


def td(u):
    return {"textDocument": {"uri": u}}


def pos(l, c):
    return {"line": l, "character": c}


def rng(a, b, c, d):
    return {"start": pos(a, b), "end": pos(c, d)}


def write(name, control, body):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(bytes([control]) + body)


MD = ("# Zoë Ünal\n\nzoe@example.com\n\n## Experience\n\n### Engineer, Acme — 2019–Present\n\n"
      "- Worked on the billing system 😀\n- I helped migrate **three** services to Go\r\n"
      "- Built a cache that cut latency by 40%\n\n## Skills\n\nPython, Go, 日本語\n")
TEX = ("\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n"
       "\\textbf{Engineer} \\hfill 2019 -- Present\n\\begin{itemize}\n"
       "  \\item Responsible for \\emph{many} deployments \\& 50\\% of tests\n"
       "  \\item Was tasked with the {migration\n\\end{itemize}\n\\end{document}\n")
INIT = req(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {
    "general": {"positionEncodings": ["utf-8", "utf-16"]},
    "textDocument": {
        "hover": {"contentFormat": ["markdown"]},
        "publishDiagnostics": {"versionSupport": True},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "refactor"]}},
                       "resolveSupport": {"properties": ["edit"]}, "dataSupport": True,
                       "isPreferredSupport": True},
        "completion": {"completionItem": {"snippetSupport": True, "insertReplaceSupport": True}},
        "documentSymbol": {"hierarchicalDocumentSymbolSupport": True}, "diagnostic": {}},
    "workspace": {"applyEdit": True, "configuration": True, "workspaceEdit": {"documentChanges": True},
                  "didChangeConfiguration": {"dynamicRegistration": True}}},
    "initializationOptions": {"rules": {"weak-opener": "error"}}})


def main():
    os.makedirs(OUT, exist_ok=True)
    u = "file:///tmp/fuzz/r%C3%A9sum%C3%A9.md"
    write("session-md", 0, b"".join([
        INIT, note("initialized", {}),
        note("textDocument/didOpen", {"textDocument": {"uri": u, "languageId": "markdown", "version": 1, "text": MD}}),
        note("textDocument/didChange", {"textDocument": {"uri": u, "version": 2},
                                        "contentChanges": [{"range": rng(8, 2, 8, 11), "text": "Led"}]}),
        req(2, "textDocument/hover", {**td(u), "position": pos(8, 4)}),
        req(3, "textDocument/completion", {**td(u), "position": pos(9, 2)}),
        req(4, "textDocument/codeAction", {**td(u), "range": rng(8, 0, 10, 0),
                                           "context": {"diagnostics": [], "only": ["quickfix"]}}),
        req(5, "textDocument/codeLens", td(u)), req(6, "textDocument/documentSymbol", td(u)),
        req(7, "textDocument/foldingRange", td(u)), req(8, "textDocument/diagnostic", td(u)),
        req(9, "workspace/executeCommand", {"command": "resume-ls.score", "arguments": [u]}),
        fr({"jsonrpc": "2.0", "id": 1, "result": [None]}),
        note("workspace/didChangeConfiguration", {"settings": {"resume-ls": {"rules": {"no-metric": "off"}}}}),
        note("textDocument/didSave", td(u)), note("textDocument/didClose", td(u)),
        req(10, "shutdown"), note("exit")]))
    t = "untitled:cv.tex"
    write("session-tex", 0, b"".join([
        INIT, note("initialized", {}),
        note("textDocument/didOpen", {"textDocument": {"uri": t, "languageId": "latex", "version": 1, "text": TEX}}),
        note("textDocument/didChange", {"textDocument": {"uri": t, "version": 2},
                                        "contentChanges": [{"range": rng(6, 30, 6, 30), "text": "}\n"}]}),
        req(2, "textDocument/hover", {**td(t), "position": pos(5, 10)}),
        req(3, "textDocument/codeAction", {**td(t), "range": rng(5, 0, 6, 0), "context": {"diagnostics": []}}),
        req(4, "codeAction/resolve", {"title": "x", "data": {"uri": t}}),
        req(5, "textDocument/completion", {**td(t), "position": pos(5, 8)}),
        req(6, "resume-ls/stats", {"reset": True})]))
    a = "untitled:a.md"
    write("abuse-edits", 1 | (7 << 1), b"".join([
        note("textDocument/didChange", {"textDocument": {"uri": a, "version": 5}, "contentChanges": [
            {"range": rng(99, 0, 0, 0), "text": "x"}, {"range": rng(2, 50, 1, 0), "text": ""}]}),
        note("textDocument/didChange", {"textDocument": {"uri": a, "version": 3},
                                        "contentChanges": [{"text": "- \u0000 nul\n- é\ud83d\ude00 \udc00"}]}),
        note("textDocument/didChange", {"textDocument": {"uri": "untitled:none.md", "version": 1},
                                        "contentChanges": [{"text": "x"}]}),
        note("textDocument/didChange", {"textDocument": {"uri": a}, "contentChanges": "nope"}),
        note("textDocument/didOpen", {"textDocument": {"uri": a, "languageId": "markdown", "version": 1, "text": "again"}}),
        req(20, "textDocument/hover", {**td("untitled:b.tex"), "position": pos(4294967295, 4294967295)}),
        req(21, "textDocument/hover", {**td(a), "position": {"line": -1, "character": 1.5}}),
        req(22, "textDocument/codeAction", {**td(a), "range": rng(3, 0, 0, 0), "context": {"diagnostics": [
            {"range": rng(0, 0, 0, 1), "message": "m", "code": "weak-opener",
             "data": {"bullet": 99, "plainStart": 5, "plainEnd": 1}}]}}),
        req(23, "textDocument/documentSymbol", td(a)) + note("$/cancelRequest", {"id": 23}),
        req("s", "initialize", {}), req(None, "shutdown"), fr(b'{"jsonrpc":"2.0","id":1e400,"method":"x"}'),
        note("textDocument/didClose", td("untitled:b.tex")), req(24, "textDocument/codeLens", td("untitled:b.tex"))]))
    frames = b"".join([
        b"Content-Length: 10\r\n\r\nnot json!!",
        b"Content-Length: 99999999999999999999999\r\n\r\n{}",
        b"Content-Length: -5\r\n\r\n",
        b"X-Junk\r\n\r\n", b"content-length:3\n\n[1]", b"Content-Length: 70000\r\n\r\n" + b"A" * 100,
        fr(b"\xff\xfe\x00{\"jsonrpc\":\"2.0\"}"), fr(b'{"jsonrpc":"2.0","id":[],"method":7}'),
        fr(b'{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":[1,2]}'),
        fr(b'{"jsonrpc":"2.0","id":6,"result":null,"error":{"code":1}}'),
        fr(b"[" * 3000), req(7, "resume-ls/stats")])
    write("framing", 1 | (1 << 1), frames)
    write("framing-one-read", 0, frames)


if __name__ == "__main__":
    main()
