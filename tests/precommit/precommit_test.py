#!/usr/bin/env python3
"""Tests .pre-commit-hooks.yaml as pre-commit would use it.

    precommit_test.py RESUME_LS_BIN REPO_ROOT

- the file is a list of one hook mapping with the keys pre-commit needs
  (read with a small parser for this flat file, and with PyYAML too when it
  is installed, and both must agree);
- its `files` pattern, a Python regular expression searched in each staged
  path as pre-commit does, picks resumes and CVs and leaves other files;
- its `entry`, with the built binary in place of `resume-ls`, run as
  pre-commit runs it (entry + args + file names) fails on a fixture resume
  with findings and passes on a clean one.
"""
import os
import re
import subprocess
import sys
import tempfile

failures = 0


def check(cond, what):
    global failures
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failures += 1


def parse_hooks(text):
    """The subset of YAML this file uses: '- key: value' starting a mapping,
    '  key: value' continuing it, quoted or plain scalars, [a, b] lists."""
    hooks = []
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        if line.startswith("- "):
            hooks.append({})
            line = "  " + line[2:]
        if not line.startswith("  ") or not hooks:
            raise ValueError("unexpected line: " + raw)
        key, _, value = line.strip().partition(":")
        value = value.strip()
        if value.startswith("'") and value.endswith("'"):
            value = value[1:-1].replace("''", "'")
        elif value.startswith('"') and value.endswith('"'):
            value = value[1:-1]
        elif value.startswith("[") and value.endswith("]"):
            value = [v.strip() for v in value[1:-1].split(",") if v.strip()]
        hooks[-1][key] = value
    return hooks


def main():
    binary, root = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        text = f.read()
    hooks = parse_hooks(text)
    try:
        import yaml  # optional: python3-yaml
    except ImportError:
        yaml = None
    if yaml:
        check(yaml.safe_load(text) == hooks, "PyYAML reads the same hooks")
    check(len(hooks) == 1, "one hook")
    hook = hooks[0]
    for key in ("id", "name", "entry", "language", "files"):
        check(isinstance(hook.get(key), str) and hook[key], "the hook has " + key)
    check(hook.get("id") == "resume-ls", "its id is resume-ls")
    check(hook.get("language") == "system", "it runs the installed binary (language: system)")
    check(hook.get("entry", "").split()[:2] == ["resume-ls", "check"], "its entry is resume-ls check")

    pattern = re.compile(hook["files"])
    picked = ["resume.md", "cv/resume.tex", "Jane_Resume.tex", "cv-2026.md", "docs/CV.tex",
              "my cv.markdown", "Résumé.md", "resume-fr.markdown", "2026_CV_en.tex"]
    left = ["notes.md", "cvs.md", "README.md", "resume.pdf", "src/cvx.tex", "cv/notes.md",
            "resume.md.bak", "recv.tex"]
    for path in picked:
        check(pattern.search(path) is not None, "files picks " + path)
    for path in left:
        check(pattern.search(path) is None, "files leaves " + path)

    # pre-commit runs: entry (split like a shell command) + args + file names.
    argv = hook["entry"].split()
    argv[0] = binary
    fixture = os.path.join(root, "tests", "data", "resumes", "md", "atx-nested-lists.md")
    run = subprocess.run(argv + [fixture], capture_output=True, text=True)
    check(run.returncode == 1 and "[weak-opener]" in run.stdout,
          "the entry fails on a resume with findings (exit %d)" % run.returncode)
    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, "resume.md")
        with open(clean, "w", encoding="utf-8") as f:
            f.write("# Ada Quint\n\nada@example.com\n\n## Experience\n\n"
                    "### Engineer, Acme | 2020 - 2023\n\n"
                    "- Cut build time from 40 to 12 minutes for 30 engineers.\n\n"
                    "## Education\n\nBSc Physics, Nowhere University, 2016 - 2020\n\n"
                    "## Skills\n\nPython\n")
        run = subprocess.run(argv + ["--fail-level", "error", clean], capture_output=True,
                             text=True)
        check(run.returncode == 0, "the entry with args passes a resume without errors (exit %d: %s)"
              % (run.returncode, run.stdout.strip()[:200]))
    print("# %d failed" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
