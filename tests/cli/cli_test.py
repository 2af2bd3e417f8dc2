#!/usr/bin/env python3
"""End-to-end tests of the resume-ls command line: runs the real binary.

Usage: cli_test.py BINARY SOURCE_DIR VERSION CASE
Each CASE is one ctest test (tests/cli/tests.cmake), so a failure names
the behaviour that broke. Standard library only: runs wherever CI does.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

BIN, SRC, VERSION, CASE = sys.argv[1:5]

STRONG_MD = """# Dana Reyes
dana@example.com | github.com/dana

## Experience

### Engineer, Example Corp (2021 - Present)

- Cut p99 checkout latency from 900ms to 210ms by caching price lookups.

## Skills

Go, PostgreSQL

## Education

B.S. Computer Science, State University, 2020
"""

STRONG_TEX = r"""\documentclass{article}
\begin{document}
\section{Experience}
\begin{itemize}
  \item Cut p99 checkout latency from 900ms to 210ms by caching price lookups.
\end{itemize}
\section{Skills}
Go, PostgreSQL
\section{Education}
B.S. Computer Science, State University, 2020
\end{document}
"""


def run(*args, stdin=None, cwd=None, env=None):
    e = dict(os.environ)
    e.pop("RESUME_LS_DOCS_URL", None)
    e["NO_COLOR"] = "1"
    if env:
        e.update(env)
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True,
                       cwd=cwd, env=e, timeout=60)
    return p.returncode, p.stdout, p.stderr


def fail(msg, *outputs):
    print("FAIL: " + msg)
    for o in outputs:
        print("----\n" + str(o))
    sys.exit(1)


def expect(cond, msg, *outputs):
    if not cond:
        fail(msg, *outputs)


def expect_rc(got, want, out, err):
    expect(got == want, "exit status %d, expected %d" % (got, want), out, err)


def tree(root, files):
    """Creates files (path -> content) under root."""
    for rel, content in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)


def json_run(*args, **kw):
    rc, out, err = run("check", "--format", "json", *args, **kw)
    try:
        doc = json.loads(out)
    except ValueError as exc:
        fail("output is not JSON: %s" % exc, out, err)
    return rc, doc, err


# ---- help, version, usage errors ------------------------------------------------

def case_help():
    rc, out, err = run("--help")
    expect_rc(rc, 0, out, err)
    for word in ("check", "serve", "outline", "fix", "score", "--stdio", "--log-level",
                 "--version", "Examples:"):
        expect(word in out, "top-level help mentions %s" % word, out)


def case_check_help():
    for args in (("check", "--help"), ("check", "-h"), ("help", "check")):
        rc, out, err = run(*args)
        expect_rc(rc, 0, out, err)
        for word in ("--format", "text|json|sarif", "--fail-level", "--lang", "--config",
                     "--no-config", "Exit status", "Examples:", "resume-ls check"):
            expect(word in out, "%s mentions %s" % (" ".join(args), word), out)


def case_outline_help():
    """outline --help teaches on stdout and exits 0, as check's does."""
    for args in (("outline", "--help"), ("outline", "-h"), ("help", "outline")):
        rc, out, err = run(*args)
        expect_rc(rc, 0, out, err)
        for word in ("--format", "text|json", "--lang", "--encoding", "Exit status",
                     "Examples:", "resume-ls outline", "macros"):
            expect(word in out, "%s mentions %s" % (" ".join(args), word), out)


def case_version():
    rc, out, err = run("--version")
    expect_rc(rc, 0, out, err)
    expect(out == "resume-ls %s\n" % VERSION, "version line", out)


def case_usage_errors():
    cases = [
        (("chek", "x.md"), "unknown command 'chek'; did you mean 'check'?"),
        (("frobnicate",), "unknown command 'frobnicate'"),
        (("--frob",), "unknown option '--frob'"),
        (("--log-level",), "--log-level needs a value"),
        (("--socket=9000",), "stdio only"),
        (("check",), "no FILE or DIR given"),
        (("check", "--bogus", "x.md"), "unknown option '--bogus'"),
        (("check", "--format", "xml", "x.md"), "--format expects text, json or sarif; got 'xml'"),
        (("check", "--format"), "--format needs a value"),
        (("check", "--fail-level", "loud", "x.md"),
         "--fail-level expects error, warning, info or hint; got 'loud'"),
        (("check", "--lang=rtf", "x.md"), "--lang expects markdown or latex; got 'rtf'"),
        (("check", "--config", "a.json", "--no-config", "x.md"), "cannot be used together"),
        (("help", "chekc"), "did you mean 'check'?"),
        (("outline",), "no FILE given"),
        (("outline", "--json", "x.md"), "unknown option '--json'"),
        (("outline", "--format", "yaml", "x.md"), "--format expects text or json; got 'yaml'"),
        (("outline", "x.md", "--format"), "--format expects a value"),
        (("outline", "--lang=rtf", "x.md"), "--lang expects markdown or latex; got 'rtf'"),
        (("outline", "--encoding", "utf-7", "x.md"),
         "--encoding expects utf-16, utf-8 or utf-32; got 'utf-7'"),
        (("outline", "a.md", "b.md"), "one FILE at a time; 'b.md' is a second one"),
    ]
    for args, message in cases:
        rc, out, err = run(*args)
        expect(rc == 2, "%s exits 2 (got %d)" % (" ".join(args), rc), out, err)
        expect(message in err, "%s says: %s" % (" ".join(args), message), err)
        expect("--help" in err, "%s says how to get help" % " ".join(args), err)
        expect(out == "", "%s prints nothing on stdout" % " ".join(args), out)


# ---- files -------------------------------------------------------------------------

def case_missing_file():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"ok.md": STRONG_MD})
        rc, out, err = run("check", "missing.md", cwd=d)
        expect_rc(rc, 2, out, err)
        expect(err.startswith("resume-ls: cannot read 'missing.md': No such file or directory\n"),
               "missing file says which and why", err)
        # The other files are still checked, and the run still exits 2.
        rc, doc, err = json_run("ok.md", "missing.md", cwd=d)
        expect_rc(rc, 2, doc, err)
        expect(doc["files"][0] == {"path": "ok.md", "format": "markdown",
                                   "findings": len(doc["diagnostics"])},
               "readable file still checked", doc)
        expect(doc["files"][1] == {"path": "missing.md",
                                   "error": "cannot read 'missing.md': No such file or directory"},
               "the missing one is listed with the reason", doc)
        expect(doc["summary"]["unreadable"] == 1, "and counted", doc)
        expect("cannot read 'missing.md'" in err, "and named on stderr", err)
        expect(err.count("missing.md") == 1, "once", err)


def case_directory_walk():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {
            "cv/b.md": STRONG_MD,
            "cv/a.tex": STRONG_TEX,
            "cv/sub/c.markdown": STRONG_MD,
            "cv/sub/Z.md": STRONG_MD,
            "cv/.hidden/x.md": STRONG_MD,
            "cv/node_modules/pkg/readme.md": STRONG_MD,
            "cv/.draft.md": STRONG_MD,
            "cv/notes.txt": "not a resume",
        })
        rc, doc, err = json_run("cv", cwd=d)
        expect_rc(rc, 0, doc, err)
        paths = [f["path"] for f in doc["files"]]
        expect(paths == ["cv/a.tex", "cv/b.md", "cv/sub/Z.md", "cv/sub/c.markdown"],
               "walk order and filtering: %s" % paths, doc)
        formats = [f["format"] for f in doc["files"]]
        expect(formats == ["latex", "markdown", "markdown", "markdown"],
               "format from extension: %s" % formats, doc)
        # A trailing slash gives the same paths, without a double slash.
        rc, doc, err = json_run("cv/", cwd=d)
        expect([f["path"] for f in doc["files"]] == paths, "trailing slash", doc)
        # A folder without resumes is an error, not a silent pass in CI.
        os.makedirs(os.path.join(d, "empty"))
        rc, out, err = run("check", "empty", cwd=d)
        expect_rc(rc, 2, out, err)
        expect("no .md, .markdown or .tex files under 'empty'" in err, "empty folder", err)


def case_lang_override():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv.txt": STRONG_TEX, "cv.md": STRONG_MD})
        rc, out, err = run("check", "cv.txt", cwd=d)
        expect_rc(rc, 2, out, err)
        expect("pass --lang markdown or --lang latex" in err, "unknown extension explains fix", err)
        rc, doc, err = json_run("--lang", "latex", "cv.txt", cwd=d)
        expect_rc(rc, 0, doc, err)
        expect(doc["files"][0]["format"] == "latex", "--lang latex applies", doc)
        rc, doc, err = json_run("--lang=tex", "cv.md", cwd=d)
        expect(doc["files"][0]["format"] == "latex", "--lang overrides the extension", doc)


def case_stdin():
    rc, doc, err = json_run("-", stdin=STRONG_MD)
    expect_rc(rc, 0, doc, err)
    expect(doc["files"] == [{"path": "<stdin>", "format": "markdown", "findings": 0}] or
           (doc["files"][0]["path"] == "<stdin>" and doc["files"][0]["format"] == "markdown"),
           "stdin is read as Markdown", doc)


def case_invalid_utf8_is_not_fatal():
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "bad.md"), "wb") as f:
            f.write(b"# Name\n\n## Experience\n\n- Cut costs by 30% \xff\xfe here\n")
        rc, out, err = run("check", "bad.md", cwd=d)
        expect(rc in (0, 1), "invalid UTF-8 is checked, not refused (rc %d)" % rc, out, err)


# ---- output formats ------------------------------------------------------------------

def case_json_shape():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"a.md": STRONG_MD, "b.tex": STRONG_TEX})
        rc, doc, err = json_run("a.md", "b.tex", cwd=d)
        expect_rc(rc, 0, doc, err)
        expect(doc["tool"] == "resume-ls" and doc["version"] == VERSION, "tool and version", doc)
        expect(isinstance(doc["diagnostics"], list), "diagnostics list", doc)
        s = doc["summary"]
        for key in ("files", "unreadable", "findings", "error", "warning", "info", "hint",
                    "failLevel", "failed"):
            expect(key in s, "summary has %s" % key, doc)
        expect(s["files"] == 2 and s["failLevel"] == "warning", "summary values", doc)
        expect(s["findings"] == len(doc["diagnostics"]) ==
               s["error"] + s["warning"] + s["info"] + s["hint"], "counts agree", doc)
        expect(s["failed"] is (rc == 1), "failed matches the exit status", doc)
        for diag in doc["diagnostics"]:
            for key in ("file", "line", "column", "endLine", "endColumn", "severity", "message",
                        "rule", "docs", "range", "bytes"):
                expect(key in diag, "diagnostic has %s" % key, diag)
            expect(diag["line"] == diag["range"]["start"]["line"] + 1, "1-based vs 0-based", diag)
        rc, doc, err = json_run("--fail-level", "hint", "a.md", cwd=d)
        expect(doc["summary"]["failLevel"] == "hint", "--fail-level reaches the summary", doc)


def case_sarif_shape():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"my cv.md": STRONG_MD})
        rc, out, err = run("check", "--format", "sarif", "my cv.md", "gone.md", cwd=d)
        expect_rc(rc, 2, out, err)
        doc = json.loads(out)
        expect(doc["version"] == "2.1.0", "SARIF version", doc)
        expect("sarif-schema-2.1.0.json" in doc["$schema"], "SARIF schema", doc)
        expect(len(doc["runs"]) == 1, "one run", doc)
        run0 = doc["runs"][0]
        driver = run0["tool"]["driver"]
        expect(driver["name"] == "resume-ls" and driver["version"] == VERSION, "driver", driver)
        expect(len(driver["rules"]) >= 1, "rules listed", driver)
        ids = set()
        for r in driver["rules"]:
            expect(r["id"] and r["shortDescription"]["text"], "rule has id and description", r)
            expect(r["helpUri"].endswith("rules.md#" + r["id"]), "helpUri anchors the rule", r)
            expect(r["defaultConfiguration"]["level"] in ("error", "warning", "note"), "level", r)
            ids.add(r["id"])
        expect("weak-opener" in ids, "weak-opener is a rule", driver)
        expect(run0["columnKind"] == "unicodeCodePoints", "columns are code points", run0)
        expect(run0["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///"), "base", run0)
        for res in run0["results"]:
            expect(res["ruleId"] in ids, "result rule is declared", res)
            expect(driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"], "ruleIndex", res)
            expect(res["level"] in ("error", "warning", "note"), "result level", res)
            expect(res["message"]["text"], "message text", res)
            loc = res["locations"][0]["physicalLocation"]
            expect(loc["artifactLocation"]["uri"] == "my%20cv.md", "uri is percent-encoded", loc)
            reg = loc["region"]
            expect(all(reg[k] >= 1 for k in ("startLine", "startColumn", "endLine", "endColumn")),
                   "1-based region", reg)
        inv = run0["invocations"][0]
        expect(inv["executionSuccessful"] is False, "unreadable file marks the run", inv)
        expect("gone.md" in inv["toolExecutionNotifications"][0]["message"]["text"], "names it",
               inv)


# ---- configuration --------------------------------------------------------------------

def case_config_problems_are_reported_not_fatal():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {
            "cv/.resume-ls.json": '{"rules": {"weak-opener": "loud", "no-such-rule": "off"}}',
            "cv/resume.md": STRONG_MD,
        })
        rc, out, err = run("check", "cv/resume.md", cwd=d)
        expect(rc in (0, 1), "bad values do not stop the check (rc %d)" % rc, out, err)
        real = os.path.realpath(os.path.join(d, "cv", ".resume-ls.json"))
        want = ("resume-ls: %s: rules.weak-opener: expected one of error, warning, info, hint, "
                "off; got \"loud\"" % real)
        expect(want in err, "problem names file, key, expectation and value", err)
        expect("rules.no-such-rule: unknown rule" in err, "unknown rule reported", err)
        expect(err.count("rules.weak-opener") == 1, "reported once", err)
        # A file that is not JSON: reported, defaults apply, still checked.
        tree(d, {"cv/.resume-ls.json": "{ nope"})
        rc, out, err = run("check", "cv/resume.md", cwd=d)
        expect(rc in (0, 1) and "not valid JSON" in err, "broken config is not fatal", out, err)
        # --no-config does not read it at all.
        rc, out, err = run("check", "--no-config", "cv/resume.md", cwd=d)
        expect("not valid JSON" not in err, "--no-config ignores discovered files", err)


def case_explicit_config():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"resume.md": STRONG_MD, "strict.json": '{"rules": {"weak-opener": "error"}}'})
        rc, out, err = run("check", "--config", "absent.json", "resume.md", cwd=d)
        expect_rc(rc, 2, out, err)
        expect("absent.json: cannot read: No such file or directory" in err, "missing --config", err)
        tree(d, {"broken.json": "[1,"})
        rc, out, err = run("check", "--config", "broken.json", "resume.md", cwd=d)
        expect_rc(rc, 2, out, err)
        expect("broken.json: not valid JSON" in err, "unparsable --config is fatal", err)
        rc, out, err = run("check", "--config", "strict.json", "resume.md", cwd=d)
        expect(rc in (0, 1) and err.count("resume-ls:") == 1, "valid --config is quiet", out, err)


# ---- findings and exit status (need the real rules: issue #4) ---------------------------

def findings_for(path, *extra):
    rc, doc, err = json_run(*extra, path)
    return rc, doc, err


CONTENT_RULES = ("weak-opener", "no-metric", "vague-quantifier", "passive-voice",
                 "first-person", "spelled-out-number", "buzzword")
STRONG_OPENINGS = ("Cut p99", "Built a Kafka", "Instrumented 14", "Reduced AWS", "Migrated 22",
                   "Wrote a rule engine")


def case_examples_have_findings():
    per_format = {}
    for name in ("resume.md", "resume.tex"):
        path = os.path.join(SRC, "examples", name)
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        rc, doc, err = findings_for(path)
        expect_rc(rc, 1, doc, err)
        rules = {x["rule"] for x in doc["diagnostics"]}
        for rule in ("weak-opener", "no-metric", "vague-quantifier", "first-person",
                     "spelled-out-number", "passive-voice", "buzzword", "tense-mismatch"):
            expect(rule in rules, "%s: %s fires" % (name, rule), sorted(rules))
        # The strong bullets are what the weak ones should become: a content
        # finding on one of them would teach the reader the wrong thing.
        for x in doc["diagnostics"]:
            text = lines[x["line"] - 1]
            if x["rule"] in CONTENT_RULES:
                expect(not any(s in text for s in STRONG_OPENINGS),
                       "%s: no %s on a strong bullet: %s" % (name, x["rule"], text))
        counts = {}
        for x in doc["diagnostics"]:
            if x["rule"] in CONTENT_RULES:
                counts[x["rule"]] = counts.get(x["rule"], 0) + 1
        per_format[name] = counts
    expect(per_format["resume.md"] == per_format["resume.tex"],
           "both formats give the same content findings", per_format)


def case_fail_level_semantics():
    path = os.path.join(SRC, "examples", "resume.md")
    with tempfile.TemporaryDirectory() as d:
        # Everything but weak-opener off; weak-opener raised to error.
        rc, doc, err = findings_for(path, "--no-config")
        rules = sorted({x["rule"] for x in doc["diagnostics"]})
        cfg = {"rules": {r: "off" for r in rules}}
        cfg["rules"]["weak-opener"] = "error"
        tree(d, {"c.json": json.dumps(cfg)})
        conf = os.path.join(d, "c.json")
        rc, doc, err = findings_for(path, "--config", conf, "--fail-level", "error")
        expect_rc(rc, 1, doc, err)
        expect({x["severity"] for x in doc["diagnostics"]} == {"error"}, "only errors", doc)
        cfg["rules"]["weak-opener"] = "hint"
        tree(d, {"c.json": json.dumps(cfg)})
        rc, _, err = findings_for(path, "--config", conf)
        expect_rc(rc, 0, "hint below warning", err)
        rc, _, err = findings_for(path, "--config", conf, "--fail-level", "hint")
        expect_rc(rc, 1, "hint at hint", err)
        cfg["rules"]["weak-opener"] = "off"
        tree(d, {"c.json": json.dumps(cfg)})
        rc, doc, err = findings_for(path, "--config", conf, "--fail-level", "hint")
        expect_rc(rc, 0, doc, err)
        expect(doc["diagnostics"] == [], "all off: nothing reported", doc)


def case_text_format_lines():
    path = os.path.join(SRC, "examples", "resume.md")
    rc, out, err = run("check", path)
    expect_rc(rc, 1, out, err)
    import re
    pat = re.compile(r"^(.+):(\d+):(\d+): (error|warning|info|hint): (.+) \[([a-z-]+)\]$")
    lines = out.splitlines()
    expect(lines, "some findings", out)
    for line in lines:
        expect(pat.match(line), "line has the documented shape: %r" % line)
    expect(re.search(r"\d+ files? checked: ", err), "summary on stderr", err)


def case_jobs_do_not_change_the_report():
    corpus = os.path.join(SRC, "..", "shared", "corpus")
    if not os.path.isdir(corpus):
        corpus = os.path.join(SRC, "examples")
    rc1, out1, err1 = run("check", "--format", "json", "--jobs", "1", corpus)
    rc4, out4, err4 = run("check", "--format", "json", "-j", "4", corpus)
    if rc1 != rc4 or out1 != out4:
        fail("--jobs 1 and -j 4 disagree (exit %d vs %d)" % (rc1, rc4), err1, err4)
    if len(json.loads(out1)["files"]) < 2:
        fail("expected several files in %s" % corpus, out1)
    # Unreadable files are reported in the order they were named, whatever
    # order the workers finished in.
    ex = os.path.join(SRC, "examples", "resume.md")
    rc, _, err = run("check", "-j", "4", "/nonexistent/b.md", ex, "/nonexistent/a.md")
    lines = [l for l in err.splitlines() if "cannot read" in l]
    if rc != 2 or len(lines) != 2 or "b.md" not in lines[0] or "a.md" not in lines[1]:
        fail("unreadable files out of order or missing", err)
    rc, _, err = run("check", "--jobs", "0", corpus)
    if rc != 2 or "--jobs expects a number" not in err:
        fail("--jobs 0 is a usage error", err)


def case_outline_text_and_json():
    """Prose prints where a reader meets it: an entry's description under the
    entry, a section's group label between the entries it separates; the
    JSON gives the same split. Non-ASCII text and CRLF on the way."""
    src = ("# Zoë Martín-Li\r\n\r\n## Experience\r\n\r\n"
           "### Ingénieur | Acme 東京 | 2019 – Present\r\n\r\n"
           "Runs the payments platform 🚀.\r\n\r\n"
           "- Cut p99 latency from 1.2s to 240ms.\r\n\r\n"
           "**Earlier roles**\r\n\r\n"
           "### Engineer | Globex | 2015 – 2019\r\n\r\n"
           "- Shipped 12 releases.\r\n")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "cv.md")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(src)
        rc, out, err = run("outline", path)
        expect_rc(rc, 0, out, err)
        lines = [l for l in out.splitlines() if l.strip()]
        want = [
            "  * Ingénieur @ Acme 東京 (2019 .. present)  line 5",
            "    | Runs the payments platform 🚀.",
            "    - [9:3-9:38] Cut p99 latency from 1.2s to 240ms.",
            "  | Earlier roles",
            "  * Engineer @ Globex (2015 .. 2019)  line 13",
            "    - [15:3-15:23] Shipped 12 releases.",
        ]
        at = [lines.index(w) if w in lines else -1 for w in want]
        expect(-1 not in at and at == sorted(at),
               "outline prints %s in this order" % want, out)
        rc, out, err = run("outline", "--format", "json", path)
        expect_rc(rc, 0, out, err)
        doc = json.loads(out)
        exp = [s for s in doc["sections"] if s["kind"] == "experience"][0]
        expect(exp["paragraphs"] == ["Earlier roles"], "the label is the section's prose", out)
        expect(exp["entries"][0]["paragraphs"] == ["Runs the payments platform 🚀."],
               "the description is the entry's prose", out)
        expect(exp["entries"][1]["paragraphs"] == [], "the second entry has no prose", out)
        rc, out, err = run("outline", path, path)
        expect_rc(rc, 2, out, err)
        expect("one FILE at a time" in err, "a second FILE is a usage error", err)



def case_outline_json_gives_lsp_ranges_and_sources():
    """outline --format json gives each range as an LSP object (0-based,
    UTF-16 by default, --encoding to change it) beside the 1-based string,
    and says where each entry's title, organisation and dates were read:
    emoji and CJK before the fields count two and one UTF-16 units."""
    src = ("# Zoë\r\n\r\n## Experience\r\n\r\n"
           "### 🚀 Ingénieur | Acme 東京 | 2019 – Present\r\n\r\n"
           "- Cut p99 latency from 1.2s to 240ms.\r\n")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "cv.md")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(src)
        rc, out, err = run("outline", "--format", "json", path)
        expect_rc(rc, 0, out, err)
        exp = [s for s in json.loads(out)["sections"] if s["kind"] == "experience"][0]
        e = exp["entries"][0]
        expect(e["lsp_range"]["start"] == {"line": 4, "character": 0},
               "the entry's LSP range starts at line 4 (0-based)", out)
        src_ = e["sources"]
        expect(src_["org"] is not None and src_["org"]["lsp_range"] == {
            "start": {"line": 4, "character": 19}, "end": {"line": 4, "character": 26}},
            "the organisation 'Acme 東京' is read from UTF-16 columns 19-26", out)
        expect(src_["org"]["range"] == "5:19-5:26", "the 1-based string counts code points", out)
        expect(src_["dates"] is not None and
               src_["dates"]["lsp_range"]["start"] == {"line": 4, "character": 29},
               "the dates are read from UTF-16 column 29", out)
        b = e["bullets"][0]
        expect(b["lsp_range"] == {"start": {"line": 6, "character": 2},
                                  "end": {"line": 6, "character": 37}},
               "a bullet's LSP range", out)
        rc, out, err = run("outline", "--format", "json", "--encoding", "utf-8", path)
        expect_rc(rc, 0, out, err)
        exp = [s for s in json.loads(out)["sections"] if s["kind"] == "experience"][0]
        org = exp["entries"][0]["sources"]["org"]["lsp_range"]
        expect(org["start"]["character"] == len("### 🚀 Ingénieur | ".encode("utf-8")),
               "--encoding utf-8 counts bytes", out)
        rc, out, err = run("outline", "--format", "json", "--encoding", "utf-7", path)
        expect_rc(rc, 2, out, err)

# ---- untrusted files and configuration (issue #17) -------------------------------------

WEAK_MD = """# Dana Reyes
dana@example.com

## Experience

### Engineer, Example Corp (2021 - Present)

- Worked on the checkout service using Kafka and Go.
- Responsible for the billing team.

## Skills

Go, PostgreSQL

## Education

B.S. Computer Science, State University, 2020
"""

SECRET = "hunter2Xq9SecretZ"


def run_quick(*args, seconds=30, **kw):
    """run() that fails the test, instead of hanging it, when the binary
    blocks (a FIFO opened for reading waits for a writer forever)."""
    try:
        e = dict(os.environ)
        e["NO_COLOR"] = "1"
        e.update(kw.pop("env", None) or {})
        p = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=seconds,
                           env=e, stdin=subprocess.DEVNULL, **kw)
    except subprocess.TimeoutExpired:
        fail("resume-ls %s hung for %d s (a FIFO opened before its type was checked?)"
             % (" ".join(args), seconds))
    return p.returncode, p.stdout, p.stderr


def rule_ids(out):
    return [d["rule"] for d in json.loads(out)["diagnostics"]]


def case_a_fifo_named_as_job_description_does_not_hang_check():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv/resume.md": WEAK_MD, "cv/.resume-ls.json": '{"jobDescription": "jd.txt"}'})
        os.mkfifo(os.path.join(d, "cv", "jd.txt"))
        rc, out, err = run_quick("check", "cv/resume.md", cwd=d)
        expect(rc in (0, 1), "the check still runs (rc %d)" % rc, out, err)
        expect("jobDescription: cannot read '" in err and
               "jd.txt': a named pipe (FIFO), not a regular file" in err,
               "the FIFO is named and refused", err)


def case_every_subcommand_refuses_fifos_folders_and_huge_files_alike():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"ok.md": WEAK_MD, "folder.md/x": ""})
        os.mkfifo(os.path.join(d, "pipe.md"))
        with open(os.path.join(d, "huge.md"), "wb") as f:
            f.truncate(64 * 1024 * 1024 + 1)  # sparse: costs no disk
        reasons = {"pipe.md": "a named pipe (FIFO), not a regular file",
                   "folder.md": "Is a directory",
                   "huge.md": "larger than 64 MB, the most resume-ls accepts"}
        for name, reason in reasons.items():
            for cmd in (["check", "--no-config"], ["score", "--no-config"],
                        ["fix", "--no-config"], ["outline"]):
                if cmd[0] == "check" and name == "folder.md":
                    continue  # check walks folders: a feature
                rc, out, err = run_quick(*cmd, name, cwd=d)
                expect_rc(rc, 2, out, err)
                expect("cannot read '%s': %s" % (name, reason) in err,
                       "%s %s says why" % (cmd[0], name), err)
        # The files a command names besides the resume go through the same reader.
        rc, out, err = run_quick("score", "--no-config", "--job", "pipe.md", "ok.md", cwd=d)
        expect_rc(rc, 2, out, err)
        expect("cannot read 'pipe.md': a named pipe (FIFO)" in err, "score --job FIFO", err)
        rc, out, err = run_quick("check", "--config", "pipe.md", "ok.md", cwd=d)
        expect_rc(rc, 2, out, err)
        expect("pipe.md: cannot read: a named pipe (FIFO)" in err, "check --config FIFO", err)
        # Standard input still works where it worked.
        rc, out, err = run("check", "--no-config", "-", stdin=WEAK_MD)
        expect(rc == 1 and "weak-opener" in out, "check - reads stdin", out, err)
        rc, out, err = run("outline", "-", stdin=WEAK_MD)
        expect(rc == 0 and "Engineer" in out, "outline - reads stdin", out, err)


def case_a_config_cannot_make_check_read_files_outside_its_folder():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv/resume.md": WEAK_MD,
                 "cv/.env": "PASSWORD=%s\nTOKEN=AKIA%s\n" % (SECRET, SECRET.upper()),
                 "cv/secrets.json": '{"key": "%s"}' % SECRET,
                 "elsewhere/job.txt": "Kafka %s\n" % SECRET})
        os.symlink("../elsewhere/job.txt", os.path.join(d, "cv", "link.txt"))
        for job, why in ((".env", "hidden files and folders"),
                         ("/etc/passwd", "it is outside '"),
                         ("../elsewhere/job.txt", "it is outside '"),
                         ("link.txt", "it is outside '"),
                         ("secrets.json", "must be a text file ending in .txt")):
            tree(d, {"cv/.resume-ls.json": json.dumps({"jobDescription": job})})
            rc, out, err = run_quick("check", "--format", "sarif", "cv/resume.md", cwd=d)
            expect(rc in (0, 1), "%s: still checked (rc %d)" % (job, rc), out, err)
            for leaked in (SECRET, SECRET.upper(), "/bin/bash", "nologin", "/usr/sbin"):
                expect(leaked not in out, "%s: %s must not reach the SARIF report" % (job, leaked),
                       out)
            expect("jobDescription: not reading '" in err and why in err,
                   "%s: the problem says what and why" % job, err)
        # A job description beside the configuration is read as before.
        tree(d, {"cv/jobs/acme.txt": "We need Terraform and Kubernetes experts.\n",
                 "cv/.resume-ls.json": '{"jobDescription": "jobs/acme.txt"}'})
        rc, out, err = run_quick("score", "--format", "json", "cv/resume.md", cwd=d)
        expect_rc(rc, 0, out, err)
        expect("jobDescription" not in err and "Terraform" in out,
               "an allowed job description is used", out, err)


def case_the_config_search_stops_at_the_repository_and_home():
    with tempfile.TemporaryDirectory() as d:
        # A configuration someone left higher up turns weak-opener off and
        # has a typo that would be reported if it were read.
        tree(d, {".resume-ls.json": '{"rules": {"weak-opener": "off"}, "ruels": 1}',
                 "repo/.git/HEAD": "ref: refs/heads/main\n",
                 "repo/cv/resume.md": WEAK_MD,
                 "home/cv/resume.md": WEAK_MD,
                 "plain/cv/resume.md": WEAK_MD})
        # Sanity: with no boundary in the way it does apply.
        rc, out, err = run_quick("check", "--format", "json", "plain/cv/resume.md", cwd=d)
        expect("weak-opener" not in rule_ids(out) and "ruels" in err, "sanity", out, err)
        for where, env in (("repo", None), ("home", {"HOME": os.path.join(d, "home")})):
            rc, out, err = run_quick("check", "--format", "json", "%s/cv/resume.md" % where,
                                     cwd=d, env=env)
            expect("weak-opener" in rule_ids(out), "%s: the file above is not used" % where,
                   out, err)
            expect("ruels" not in err, "%s: nor read" % where, err)


def case_a_found_config_of_another_user_or_writable_by_others_is_ignored():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv/resume.md": WEAK_MD,
                 "cv/.resume-ls.json": '{"rules": {"weak-opener": "off"}}'})
        cfg = os.path.join(d, "cv", ".resume-ls.json")
        os.chmod(cfg, 0o646)
        rc, out, err = run_quick("check", "--format", "json", "cv/resume.md", cwd=d)
        expect("weak-opener" in rule_ids(out), "a world-writable config is not used", out, err)
        expect("not using it: writable by every user (mode 0646)" in err and "chmod go-w" in err,
               "and the problem says why and the fix", err)
        os.chmod(cfg, 0o644)
        if os.geteuid() != 0:
            fail("this case needs root, to give the file to another user")
        os.chown(cfg, 65534, 65534)
        rc, out, err = run_quick("check", "--format", "json", "cv/resume.md", cwd=d)
        expect("weak-opener" in rule_ids(out), "another user's config is not used", out, err)
        expect("not using it: owned by user 65534" in err, "and the problem says so", err)
        # Named with --config, the user chose it: it applies.
        rc, out, err = run_quick("check", "--format", "json", "--config", cfg, "cv/resume.md",
                                 cwd=d)
        expect("weak-opener" not in rule_ids(out) and err.count("not using it") == 0,
               "--config is the user's choice", out, err)


def case_huge_thresholds_are_refused_and_change_nothing():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv/resume.md": WEAK_MD})
        rc, want, err = run_quick("check", "--format", "json", "--no-config", "cv/resume.md",
                                  cwd=d)
        tree(d, {"cv/.resume-ls.json": json.dumps({"thresholds": {
            "repeated-verb.maxRepeats": 1e300, "bullet-length.maxWords": 1e300,
            "bullet-length.maxChars": -5}})})
        rc, out, err = run_quick("check", "--format", "json", "cv/resume.md", cwd=d)
        for key, rng in (("repeated-verb.maxRepeats", "from 1 to 100"),
                         ("bullet-length.maxWords", "from 0 to 1000"),
                         ("bullet-length.maxChars", "from 0 to 10000")):
            expect("thresholds.%s: expected a whole number %s" % (key, rng) in err,
                   "%s is refused with its range" % key, err)
        expect(json.loads(out)["diagnostics"] == json.loads(want)["diagnostics"],
               "refused thresholds leave the defaults", out, want)


def case_text_after_the_json_value_ignores_the_whole_config():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv/resume.md": WEAK_MD,
                 "cv/.resume-ls.json": '{"rules": {"weak-opener": "off"}}\n}\n'})
        rc, out, err = run_quick("check", "--format", "json", "cv/resume.md", cwd=d)
        expect("not valid JSON (stopped at line 2, column 1); ignoring the file" in err,
               "trailing text is reported", err)
        expect("weak-opener" in rule_ids(out), "and nothing of the file applies", out)


def case_score_reads_the_configuration_as_check_does():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv/resume.md": WEAK_MD,
                 "cv/.resume-ls.json": '{"role": "frontend", "rules": {"weak-opener": "off"}}'})
        rc, out, err = run_quick("score", "--format", "json", "cv/resume.md", cwd=d)
        expect_rc(rc, 0, out, err)
        doc = json.loads(out)
        expect(doc["role"] == "frontend" and doc["roleInferred"] is False,
               "the configured role is used", doc)
        rc, out2, err = run_quick("score", "--format", "json", "--no-config", "cv/resume.md",
                                  cwd=d)
        expect(json.loads(out2)["role"] != "frontend", "--no-config skips it", out2)
        rc, out3, err = run_quick("score", "--format", "json", "--role", "devops-sre",
                                  "cv/resume.md", cwd=d)
        expect(json.loads(out3)["role"] == "devops-sre", "--role overrides it", out3)


FIXABLE_MD = WEAK_MD.replace("- Responsible for the billing team.",
                             "- Increased sign-ups by thirty percent with a new flow.")


def fixed_text(d, name):
    rc, out, err = run_quick("fix", "--no-config", name, cwd=d)
    expect(rc == 0 and out != FIXABLE_MD, "fix has something to change", out, err)
    return out


def case_fix_write_keeps_symlinks_hard_links_owner_and_mode():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"real.md": FIXABLE_MD, "h1.md": FIXABLE_MD, "own.md": FIXABLE_MD})
        want = fixed_text(d, "real.md")
        # A symbolic link stays a link; the file it points to is written.
        os.symlink("real.md", os.path.join(d, "link.md"))
        os.chmod(os.path.join(d, "real.md"), 0o640)
        rc, out, err = run_quick("fix", "--write", "--no-config", "link.md", cwd=d)
        expect_rc(rc, 0, out, err)
        expect(os.path.islink(os.path.join(d, "link.md")), "link.md is still a link", err)
        expect(open(os.path.join(d, "real.md")).read() == want, "its target was fixed")
        expect(os.stat(os.path.join(d, "real.md")).st_mode & 0o7777 == 0o640, "mode kept")
        # Hard links stay one file.
        os.link(os.path.join(d, "h1.md"), os.path.join(d, "h2.md"))
        ino = os.stat(os.path.join(d, "h1.md")).st_ino
        rc, out, err = run_quick("fix", "--write", "--no-config", "h1.md", cwd=d)
        expect_rc(rc, 0, out, err)
        s1, s2 = os.stat(os.path.join(d, "h1.md")), os.stat(os.path.join(d, "h2.md"))
        expect(s1.st_ino == s2.st_ino == ino and s1.st_nlink == 2, "hard links kept")
        expect(open(os.path.join(d, "h2.md")).read() == want, "both names see the fix")
        # As root, the owner is kept.
        if os.geteuid() != 0:
            fail("this case needs root, to give the file to another user")
        os.chown(os.path.join(d, "own.md"), 65534, 65534)
        rc, out, err = run_quick("fix", "--write", "--no-config", "own.md", cwd=d)
        expect_rc(rc, 0, out, err)
        st = os.stat(os.path.join(d, "own.md"))
        expect((st.st_uid, st.st_gid) == (65534, 65534), "owner kept: %d:%d" % (st.st_uid,
                                                                               st.st_gid))
        expect(open(os.path.join(d, "own.md")).read() == want, "and the file fixed")
        expect(sorted(os.listdir(d)) == ["h1.md", "h2.md", "link.md", "own.md", "real.md"],
               "no temporary file left", os.listdir(d))


def case_fix_write_refuses_read_only_files_unless_force():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"ro.md": FIXABLE_MD})
        want = fixed_text(d, "ro.md")
        path = os.path.join(d, "ro.md")
        # Root may write a 0444 file; the mode bits, not access(), decide.
        os.chmod(path, 0o444)
        rc, out, err = run_quick("fix", "--write", "--no-config", "ro.md", cwd=d)
        expect_rc(rc, 2, out, err)
        expect("ro.md: read-only (mode 0444), so it was not written" in err and "--force" in err,
               "the refusal says why and how", err)
        expect(open(path).read() == FIXABLE_MD, "the file is untouched")
        rc, out, err = run_quick("fix", "--write", "--force", "--no-config", "ro.md", cwd=d)
        expect_rc(rc, 0, out, err)
        expect(open(path).read() == want, "--force writes it")
        expect(os.stat(path).st_mode & 0o7777 == 0o444, "and keeps it read-only")
        rc, out, err = run_quick("fix", "--force", "ro.md", cwd=d)
        expect(rc == 2 and "--force only applies with --write" in err, "--force alone", err)


def case_fix_write_does_not_lose_a_save_made_while_it_runs():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv.md": FIXABLE_MD})
        path = os.path.join(d, "cv.md")
        saved = FIXABLE_MD + "\n- Saved by the editor while fix ran.\n"
        e = dict(os.environ, NO_COLOR="1", RESUME_LS_TEST_FIX_PAUSE_MS="5000")
        p = subprocess.Popen([BIN, "fix", "--write", "--no-config", "cv.md"], cwd=d, env=e,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # The temporary file appears once fix has read and fixed the text.
        deadline = time.time() + 20
        while time.time() < deadline and not any(".resume-ls-" in n for n in os.listdir(d)):
            if p.poll() is not None:
                break
            time.sleep(0.02)
        with open(path, "w") as f:  # the editor saves, in place
            f.write(saved)
        try:
            out, err = p.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            fail("fix --write hung")
        expect(open(path).read() == saved, "the editor's save survives", open(path).read())
        expect(p.returncode == 2 and "cv.md: it changed on disk while resume-ls was fixing it"
               in err, "and fix says it did not write (rc %d)" % p.returncode, err)
        expect(os.listdir(d) == ["cv.md"], "no temporary file left", os.listdir(d))


def case_fix_help_describes_how_write_keeps_files_safe():
    rc, out, err = run("fix", "--help")
    expect_rc(rc, 0, out, err)
    for words in ("--force", "symbolic link", "hard links", "owner", "changed since it was read",
                  "read-only", "the original stays"):
        expect(words in out, "fix --help mentions %s" % words, out)


def case_fix_and_score_pick_the_format_as_check_does():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv.txt": FIXABLE_MD})
        for cmd in (["fix", "--no-config"], ["score", "--no-config"]):
            rc, out, err = run_quick(*cmd, "cv.txt", cwd=d)
            expect(rc == 2 and "pass --lang markdown or --lang latex" in err,
                   "%s on an unknown extension asks for --lang" % cmd[0], out, err)
            rc, out, err = run_quick(*cmd, "--lang", "markdown", "cv.txt", cwd=d)
            expect_rc(rc, 0, out, err)
        # Standard input: fixed text on stdout; --write has nowhere to write.
        rc, out, err = run("fix", "--no-config", "-", stdin=FIXABLE_MD)
        expect(rc == 0 and out != FIXABLE_MD and "Dana Reyes" in out, "fix - prints", out, err)
        rc, out, err = run("fix", "--write", "--no-config", "-", stdin=FIXABLE_MD)
        expect(rc == 2 and "--write cannot write back to standard input" in err, "fix --write -",
               out, err)


# ---- issue 18: technology names and the timeline ----------------------------------

TIMELINE_MD = """# Zoë Ångström

zoe@example.com · github.com/zoe

## Experience

### Développeuse, Café Ünïcode — Jun 2019 – Present

- Built a Javascript client and a nodejs API, cutting load by 30% 🚀
- Wrote `nodejs` scripts; I go to meetups and react to incidents in 5 minutes

### Ingénieure, Société Générale — Jan 2016 – Sep 2018

- Moved 12 services to kubernetes, saving 4 hours a week

### Analyste, 東京 Labs — Nov 2018 – Mar 2017

- Cut costs by 10%
"""

TIMELINE_TEX = r"""\documentclass{article}
\begin{document}
zoe@example.com
\section{Experience}
\resumeSubHeadingListStart
  \resumeSubheading{Ingénieure}{Jan 2016 -- Sep 2018}{Société Générale}{Paris}
  \resumeItemListStart
    \resumeItem{Moved 12 services to kubernetes with \texttt{nodejs}, saving 4 hours a week}
  \resumeItemListEnd
  \resumeSubheading{Développeuse}{Jun 2019 -- Present}{Café Ünïcode}{Zürich}
  \resumeItemListStart
    \resumeItem{Built a Javascript client, cutting load by 30\%}
  \resumeItemListEnd
\resumeSubHeadingListEnd
\end{document}
"""


def case_technology_names_and_the_timeline_in_both_formats():
    with tempfile.TemporaryDirectory() as d:
        tree(d, {"cv.md": TIMELINE_MD, "cv.tex": TIMELINE_TEX})
        rc, doc, err = json_run("--no-config", os.path.join(d, "cv.md"))
        got = sorted((x["rule"], x["line"]) for x in doc["diagnostics"]
                     if x["rule"] in ("tech-casing", "date-invalid", "timeline-order",
                                      "timeline-gap"))
        expect(got == [("date-invalid", 16), ("tech-casing", 9), ("tech-casing", 9),
                       ("tech-casing", 14), ("timeline-gap", 7)],
               "Markdown: tech-casing ×3, the gap and the reversed range", got, err)
        rc, doc, err = json_run("--no-config", os.path.join(d, "cv.tex"))
        got = sorted((x["rule"], x["line"]) for x in doc["diagnostics"]
                     if x["rule"] in ("tech-casing", "date-invalid", "timeline-order",
                                      "timeline-gap"))
        expect(got == [("tech-casing", 8), ("tech-casing", 12), ("timeline-gap", 10),
                       ("timeline-order", 10)],
               "LaTeX: tech-casing ×2 (not in \\texttt), the gap, the order", got, err)
        # The safe fix writes the official names; code stays as written.
        rc, out, err = run("fix", "--no-config", os.path.join(d, "cv.md"))
        expect(rc == 0 and "a JavaScript client and a Node.js API" in out and
               "Moved 12 services to Kubernetes" in out and "`nodejs` scripts" in out and
               "react to incidents" in out, "fix applies tech-casing", out, err)
        # Severity off and a longer gap threshold, from the configuration.
        tree(d, {".resume-ls.json": json.dumps({"rules": {"tech-casing": "off"},
                                                 "thresholds": {"timeline-gap.months": 12}})})
        rc, doc, err = json_run(os.path.join(d, "cv.md"))
        rules = {x["rule"] for x in doc["diagnostics"]}
        expect("tech-casing" not in rules and "timeline-gap" not in rules and
               "date-invalid" in rules, "configuration turns them off", rules, err)
        tree(d, {".resume-ls.json": json.dumps({"thresholds": {"timeline-gap.months": 500}})})
        rc, doc, err = json_run(os.path.join(d, "cv.md"))
        expect("timeline-gap.months" in err + json.dumps(doc), "an out-of-range gap threshold "
               "is reported", doc, err)


# ---- grammar scanner crashes (grammars/patches) ------------------------------------

def check_survives(name, text):
    """`check` on a generated Markdown document exits as for any resume (0 or 1),
    not by a signal, and reports it as Markdown."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        rc, out, err = run("check", "--format", "json", path)
        expect(rc in (0, 1), "%s: check exits 0 or 1, not %d (negative: killed by a signal)"
               % (name, rc), err)
        doc = json.loads(out)
        expect(doc["files"][0].get("format") == "markdown", "%s is checked as Markdown" % name,
               doc, err)
        return doc


def case_deep_markdown_nesting_is_checked_without_crashing():
    # 256 nested blocks overflowed the block scanner's 1024-byte serialization
    # buffer (exit 139); the patched scanner records at most 128 levels.
    for depth in (255, 256, 1000):
        shapes = {
            "quotes-bare": ">" * depth,
            "quotes-spaced": "> " * depth + "x\n",
            # One line per level is quadratic in size: 300 levels cross the limit.
            "quotes-per-line": "".join(">" * i + " a\n" for i in range(1, min(depth, 300) + 1)),
            "minus-items": "- " * depth + "x\n",
            "star-items": "* " * depth + "x\n",
            "plus-items": "+ " * depth + "x\n",
            "ordered-items": "1. " * depth + "x\n",
            "quote-list-mix": "> - " * (depth // 2 + 1) + "x\n",
            "indented-items": "".join("  " * i + "- a\n" for i in range(depth)),
            "fence-in-quotes": "> " * depth + "```\ncode\n```\n",
            "html-in-quotes": "> " * depth + "<div>\n",
        }
        for shape, body in shapes.items():
            check_survives("%s-%d.md" % (shape, depth), body)
    # The resume around a deep block is still understood: its findings come
    # from the sections after it as they do without it.
    plain = check_survives("plain.md", STRONG_MD)
    deep = check_survives("deep.md", "> " * 300 + "x\n\n" + STRONG_MD)
    rules = sorted(d["rule"] for d in plain["diagnostics"])
    expect(sorted(d["rule"] for d in deep["diagnostics"]) == rules,
           "the same findings after a 300-level quote", plain, deep)


def case_rare_code_points_after_digits_are_checked_without_crashing():
    # The block scanner called isdigit() on whole code points: a digit before
    # U+F02A4 (a Nerd Font icon) read far outside glibc's table (exit 139).
    points = ["\U000F02A4", "\U00090000", "\U000FFFFD", "\U0010FFFF", "\u0663", "\uFF11"]
    for cp in points:
        body = ("1%s x\n" % cp + "12%s. item\n" % cp + "# 1%s Dana Reyes\n" % cp
                + "- 2%s) item\n" % cp + "<d%siv>\n\n<div a%s=1>\n\n" % (cp, cp)
                + "**bold**%s *a*%sb\n" % (cp, cp))
        check_survives("cp-%x.md" % ord(cp), body)
        check_survives("cp-%x-resume.md" % ord(cp), STRONG_MD.replace("# Dana", "# 1%s Dana" % cp))


def case_spelling_is_checked_unless_no_spell_or_off():
    body = STRONG_MD + "\n- Recieved the teh award for managment of the billing team.\n"
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "cv.md")
        with open(path, "w") as f:
            f.write(body)

        def words(*extra):
            rc, out, err = run("check", "--format", "json", *extra, path)
            spelled = [x["message"].split("'")[1] for x in json.loads(out)["diagnostics"]
                       if x["rule"] == "spelling"]
            return spelled, out, err

        got, out, err = words()
        expect(got == ["Recieved", "teh", "managment"], "three typos found", out, err)
        got, out, err = words("--no-spell")
        expect(got == [], "--no-spell: no spelling finding", out, err)
        with open(os.path.join(d, ".resume-ls.json"), "w") as f:
            f.write('{"spelling": "off"}')
        got, out, err = words()
        expect(got == [], '"spelling": "off": no spelling finding', out, err)
        with open(os.path.join(d, ".resume-ls.json"), "w") as f:
            f.write('{"dictionary": ["teh"], "spelling": {"checkCapitalized": false}}')
        got, out, err = words()
        expect(got == ["Recieved", "managment"], "dictionary words are accepted", out, err)
        with open(os.path.join(d, ".resume-ls.json"), "w") as f:
            f.write('{"spelling": {"dictionaryPath": "nowhere"}}')
        rc, out, err = run("check", "--format", "json", path)
        expect("no hunspell dictionary for language 'en' at" in err and
               not any(x["rule"] == "spelling" for x in json.loads(out)["diagnostics"]),
               "a missing dictionary is said once, and nothing is flagged", out, err)


def case_spelling_stays_quiet_on_a_short_resume_in_another_language():
    """Too short to tell its language by count, a resume with no English
    function word and one of another language is not spell-checked against
    en_US (every other word would be flagged), nor one where a third of the
    words looked up are unknown; a short English one is."""
    es = ("# Lucía Fernández\n\n## Experiencia profesional\n\n"
          "### Jefa de producto | Cabify | 2020 – actualidad\n\n"
          "- Lancé 3 productos con 2M de usuarios.\n")
    en = ("# Ana Gil\n\n## Experience\n\n### Engineer | Acme | 2020 - 2022\n\n"
          "- Buit the billing API in Go.\n")
    # Longer, and with "end-to-end" for an English function word, but most
    # of its words are unknown to en_US: not English either.
    fr = ("# Chloé Martin\n\n## Expérience\n\n### Développeuse | Doctolib | 2021 – 2024\n\n"
          "- Refonte du moteur de recherche : temps de réponse divisé par 3\n"
          "- Mise en place de tests end-to-end\n"
          "- Développement d'un outil interne de suivi\n")
    # Polish, two words looked up: its function words tell.
    pl = ("# Anna Kowalska\n\n## Doświadczenie zawodowe\n\n"
          "### Stażystka | Comarch | 07.2018 – 08.2018\n\n- Testy automatyczne w Selenium.\n")
    with tempfile.TemporaryDirectory() as d:
        for name, body, want in (("es.md", es, []), ("fr.md", fr, []), ("pl.md", pl, []),
                                 ("en.md", en, ["Buit"])):
            path = os.path.join(d, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(body)
            rc, out, err = run("check", "--no-config", "--format", "json", path)
            got = [x["message"].split("'")[1] for x in json.loads(out)["diagnostics"]
                   if x["rule"] == "spelling"]
            expect(got == want, "%s: spelling flags %s" % (name, want), out, err)
        expect("no spelling findings" in run("check", "--no-config",
                                             os.path.join(d, "es.md"))[2],
               "the skipped check is said on stderr")


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}

if __name__ == "__main__":
    if CASE not in CASES:
        fail("unknown case %s; known: %s" % (CASE, ", ".join(sorted(CASES))))
    CASES[CASE]()
    print("ok - " + CASE)
