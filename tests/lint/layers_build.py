#!/usr/bin/env python3
"""Shows that the build, not only scripts/layers.py, refuses an include
that points up or sideways (docs/architecture.md, "Layers").

For each folder of server/, takes the compile command of one of its files
from the build's compile_commands.json (the exact include path that folder's
library is compiled with) and preprocesses, with it, a probe file holding one
`#include` of each header of the other folders and of include/rls/. Fails
when
  - a header a folder may not include (a folder of a higher or the same rank
    in server/layers.txt, or a core folder's own header in a shell folder) is
    found: the build would let that include through;
  - in the core, where each folder's library links every folder below it, a
    header it may include is not found (or does not preprocess): the probe
    would then prove nothing.

Usage: layers_build.py ROOT BUILD
Exits 0 when every probe behaves, 1 otherwise (each fault on one line).
"""
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import layers  # noqa: E402  (scripts/layers.py: server/layers.txt's reader)


def folder_commands(root, build):
    """{folder: compile arguments without the output and the source}."""
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        entries = json.load(f)
    server = os.path.realpath(os.path.join(root, "server"))
    found = {}
    for entry in entries:
        path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        if os.path.dirname(os.path.dirname(path)) != server:
            continue
        folder = os.path.basename(os.path.dirname(path))
        if folder in found or os.path.basename(path) == "main.c":
            continue
        args = entry.get("arguments") or shlex.split(entry["command"])
        kept, skip = [], False
        for a in args:
            if skip:
                skip = False
            elif a in ("-o", "-c", "-MF", "-MT", "-MQ"):
                skip = True
            elif not a.startswith(("-MD", "-MMD")) and a != entry["file"] and a != path:
                kept.append(a)
        found[folder] = (entry["directory"], kept)
    return found


def candidates(root, owner):
    """[(include, owning folder)] for every header of include/rls/ and server/<folder>/."""
    out = [("rls/" + h, f) for h, f in sorted(owner.items())]
    server = os.path.join(root, "server")
    for folder in sorted(os.listdir(server)):
        path = os.path.join(server, folder)
        if os.path.isdir(path):
            out += [("%s/%s" % (folder, n), folder) for n in sorted(os.listdir(path))
                    if n.endswith(".h")]
    return out


def probe(cwd, args, include, workdir):
    src = os.path.join(workdir, re.sub(r"\W", "_", include) + ".c")
    with open(src, "w", encoding="utf-8") as f:
        f.write('#include "%s"\n' % include)
    run = subprocess.run(args + ["-E", "-o", os.devnull, src], cwd=cwd, capture_output=True,
                         text=True)
    if run.returncode == 0:
        return "found", ""
    missing = re.compile(r"\.c:1:\d+: fatal error: '?%s'?(: No such file| file not found)"
                         % re.escape(include))
    return ("missing" if missing.search(run.stderr) else "broken"), run.stderr.strip()


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-2])
        return 2
    root, build = argv[1], argv[2]
    table, owner = layers.read_layers(root)
    commands = folder_commands(root, build)
    faults, checked = [], 0
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        jobs = []
        for folder, (cwd, args) in sorted(commands.items()):
            if folder not in table:
                faults.append("server/%s/ is in no layer (server/layers.txt)" % folder)
                continue
            side, rank = table[folder]
            workdir = os.path.join(tmp, folder)
            os.mkdir(workdir)
            for include, other in candidates(root, owner):
                if other == folder or other not in table:
                    continue
                o_side, o_rank = table[other]
                if side == "shell" and o_side == "core":
                    may = include.startswith("rls/")
                    must = may
                else:
                    may = o_rank < rank
                    must = may and side == "core"
                jobs.append((folder, include, may, must,
                             pool.submit(probe, cwd, args, include, workdir)))
        for folder, include, may, must, job in jobs:
            result, err = job.result()
            checked += 1
            if result == "found" and not may:
                faults.append("server/%s/ compiles with \"%s\": the build lets it point up or "
                              "sideways" % (folder, include))
            elif result != "found" and must:
                faults.append("server/%s/ cannot include \"%s\" (%s): %s"
                              % (folder, include, result, err.splitlines()[0] if err else ""))
    for fault in faults:
        print("layers-build: " + fault)
    if faults:
        print("layers-build: %d fault(s) in %d probes" % (len(faults), checked))
        return 1
    refused = sum(1 for _, _, may, _, _ in jobs if not may)
    print("layers-build: %d probes over %d folders; the build refuses all %d includes that "
          "point up or sideways" % (checked, len(commands), refused))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
