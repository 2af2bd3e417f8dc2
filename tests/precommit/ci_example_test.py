#!/usr/bin/env python3
"""Tests examples/ci/resume-ls-code-scanning.yml, the workflow docs/ci.md shows.

    ci_example_test.py RESUME_LS_BIN REPO_ROOT

Runs the workflow's check command (with the built binary) on a fixture
resume, as the job would, and checks that it writes the SARIF file the
upload step reads: SARIF 2.1.0 with results, and exit status 1 (findings),
which the workflow's later steps expect. The workflow is parsed with PyYAML
when it is installed (the permission and the upload step are checked), and
its lines are read directly otherwise.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

failures = 0


def check(cond, what):
    global failures
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failures += 1


def main():
    binary, root = sys.argv[1], sys.argv[2]
    path = os.path.join(root, "examples", "ci", "resume-ls-code-scanning.yml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^\s*run: (resume-ls check .*)$", text, re.M)
    check(m is not None, "the workflow has a `run: resume-ls check ...` step")
    if not m:
        return 1
    command = m.group(1)
    out = re.search(r">\s*(\S+)\s*$", command)
    check(out is not None and "--format sarif" in command, "it writes --format sarif to a file")
    sarif_name = out.group(1) if out else "resume-ls.sarif"
    check(re.search(r"sarif_file:\s*" + re.escape(sarif_name) + r"\s*$", text, re.M) is not None,
          "the upload step reads the file the check writes")
    check("security-events: write" in text, "the workflow may write code scanning alerts")
    try:
        import yaml
    except ImportError:
        yaml = None
    if yaml:
        wf = yaml.safe_load(text)
        steps = wf["jobs"]["review"]["steps"]
        uses = [s.get("uses", "") for s in steps]
        check(any(u.startswith("github/codeql-action/upload-sarif@") for u in uses),
              "PyYAML: a step uses upload-sarif")
        check(wf["permissions"]["security-events"] == "write", "PyYAML: security-events: write")

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(os.path.join(root, "tests", "data", "resumes", "md", "crlf-windows.md"),
                    os.path.join(tmp, "resume.md"))
        # As the job runs it: a shell with RESUMES from the workflow's env.
        resumes = re.search(r"^\s*RESUMES:\s*(.+)$", text, re.M)
        env = dict(os.environ, RESUMES=resumes.group(1).strip() if resumes else "resume.md",
                   PATH=os.path.dirname(os.path.abspath(binary)) + os.pathsep + os.environ["PATH"])
        run = subprocess.run(["sh", "-c", command], cwd=tmp, env=env, capture_output=True,
                             text=True)
        check(run.returncode == 1, "the check exits 1 on a resume with warnings (got %d: %s)"
              % (run.returncode, run.stderr.strip()[:200]))
        try:
            with open(os.path.join(tmp, sarif_name), encoding="utf-8") as f:
                sarif = json.load(f)
        except (OSError, ValueError) as e:
            check(False, "the SARIF file reads as JSON: %s" % e)
            return 1
        check(sarif.get("version") == "2.1.0", "SARIF 2.1.0")
        results = sarif["runs"][0]["results"]
        check(len(results) > 0, "with results (%d)" % len(results))
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        check(uris == {"resume.md"}, "relative to the checkout: %s" % sorted(uris))
    print("# %d failed" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
