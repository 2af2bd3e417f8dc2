#!/usr/bin/env python3
"""The one-way rule of docs/architecture.md, checked on the sources.

Reads every `#include "..."` in server/<folder>/*.[ch] and include/rls/*.h and
draws the graph between folders ("a -> b": a file of a includes a header of
b; "rls" is the core's public API, include/rls/). It fails when:
  - the folders include each other in a cycle;
  - an arrow points up: to a higher layer, where the layers are, from the
    bottom, the core, then config, rpc, then lsp and transport (side by
    side: neither includes the other), then cli;
  - a shell folder reaches into a core folder's own headers instead of the
    core's API (include/rls/);
  - a public header (include/rls/) includes anything but include/rls/ and
    system headers;
  - a file includes another folder's *_internal.h (a folder's own);
  - a folder under server/ is in no layer (say where it goes, below).

The build refuses most of these already (each shell layer is a library that
sees only the headers of what it links; docs/architecture.md), but the core
is one library, so a cycle between its folders would build. This check sees
both.

Usage: scripts/layers.py [ROOT] [--graph]
  ROOT     the repository (default: the one this script is in)
  --graph  print the folder graph ("a -> b", one per line) and exit 0
Exits 0 when the graph is one-way, 1 otherwise (each fault on one line).
"""
import os
import re
import sys

# The core: one library (rls_core), one layer. Its folders may include one
# another's headers as long as no cycle forms.
CORE = {"util", "text", "doc", "parse", "model", "rules", "actions", "keywords", "hover", "engine"}
# Shell layers, from the bottom; folders on one line sit side by side.
SHELL = [["config"], ["speller", "rpc"], ["lsp", "transport"], ["cli"]]

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(folder):
    if folder in CORE or folder == "rls":
        return 0
    for i, row in enumerate(SHELL):
        if folder in row:
            return i + 1
    return None


def read_graph(root):
    """{(from, to): [file: include, ...]} over folders, self-arrows left out."""
    edges = {}
    sources = []
    server = os.path.join(root, "server")
    for folder in sorted(os.listdir(server)):
        path = os.path.join(server, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith((".c", ".h")):
                sources.append((folder, os.path.join("server", folder, name)))
    api = os.path.join(root, "include", "rls")
    for name in sorted(os.listdir(api)) if os.path.isdir(api) else []:
        if name.endswith(".h"):
            sources.append(("rls", os.path.join("include", "rls", name)))
    folders = sorted({f for f, _ in sources})
    for folder, rel in sources:
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            text = f.read()
        for inc in INCLUDE.findall(text):
            if "/" not in inc:
                target = folder  # a header beside the file
            else:
                target = inc.split("/", 1)[0]
            if target != folder:
                edges.setdefault((folder, target), []).append("%s: \"%s\"" % (rel, inc))
    return folders, edges


def find_cycle(folders, edges):
    """One cycle as a list of folders, or None."""
    succ = {f: sorted(t for (s, t) in edges if s == f) for f in folders}
    state = {}
    stack = []

    def visit(f):
        state[f] = 1
        stack.append(f)
        for t in succ.get(f, []):
            if state.get(t) == 1:
                return stack[stack.index(t):] + [t]
            if t not in state:
                found = visit(t)
                if found:
                    return found
        stack.pop()
        state[f] = 2
        return None

    for f in folders:
        if f not in state:
            found = visit(f)
            if found:
                return found
    return None


def check(root):
    folders, edges = read_graph(root)
    faults = []
    for f in folders:
        if layer_of(f) is None:
            faults.append("server/%s/ is in no layer: add it to scripts/layers.py and "
                          "docs/architecture.md" % f)
    for (src, dst), where in sorted(edges.items()):
        ls, ld = layer_of(src), layer_of(dst)
        if ls is None or ld is None:
            if ld is None and dst not in folders:
                faults.append("%s includes a header of no folder (%s)" % (src, where[0]))
            continue
        if src == "rls" and dst != "rls":
            faults.append("include/rls/ is the core's API and may include only include/rls/: "
                          + where[0])
        elif ld > ls:
            faults.append("%s -> %s points up (layer %d to %d): %s"
                          % (src, dst, ls, ld, where[0]))
        elif ld == ls and ls > 0:
            faults.append("%s -> %s: side-by-side layers include each other: %s"
                          % (src, dst, where[0]))
        elif any(w.rstrip('"').endswith("_internal.h") for w in where):
            faults.append("%s -> %s: a folder's *_internal.h is its own: %s"
                          % (src, dst, [w for w in where if w.rstrip('"').endswith("_internal.h")][0]))
        elif ls > 0 and dst in CORE:
            faults.append("%s -> %s: the shell reaches the core through include/rls/ only: %s"
                          % (src, dst, where[0]))
    cycle = find_cycle(folders, edges)
    if cycle:
        first = edges[(cycle[0], cycle[1])][0]
        faults.append("cycle between folders: %s (%s)" % (" -> ".join(cycle), first))
    return edges, faults


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    edges, faults = check(root)
    if "--graph" in argv:
        for (src, dst) in sorted(edges):
            print("%s -> %s" % (src, dst))
        return 0
    for fault in faults:
        print("layers: " + fault)
    if faults:
        print("layers: %d fault(s); the layers and the one-way rule are in "
              "docs/architecture.md" % len(faults))
        return 1
    print("layers: %d arrows between folders, all one-way" % len(edges))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
