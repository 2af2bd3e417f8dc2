#!/usr/bin/env python3
"""The one-way rule of docs/architecture.md, checked on the sources.

The layers are server/layers.txt: every folder of server/ with its rank
(from the bottom) and the headers of include/rls/ it owns. Reads every
`#include "..."` in server/<folder>/*.[ch] and include/rls/*.h and draws the
graph between folders ("a -> b": a file of a includes a header of b; an
include of "rls/x.h" points to the folder that owns x.h, and include/rls/x.h
itself counts as a file of that folder). It fails when:
  - an arrow points up: to a folder of a higher rank;
  - an arrow joins two folders of one rank (side by side: neither includes
    the other);
  - the folders include each other in a cycle;
  - a shell folder reaches into a core folder's own headers instead of the
    core's API (include/rls/);
  - a public header (include/rls/) includes anything but include/rls/ and
    system headers;
  - a file includes another folder's *_internal.h (a folder's own);
  - a folder under server/, or a header of include/rls/, is in no layer (say
    where it goes, in server/layers.txt).

The build refuses the first ones too: each folder is a library that sees
only its own headers and those of the libraries it links (lower ranks);
ctest lint/layers-build shows it by compiling such includes. This check
reads the sources, so it also runs without a build and names the line.

Usage: scripts/layers.py [ROOT] [--graph]
  ROOT     the repository (default: the one this script is in)
  --graph  print the folder graph ("a -> b", one per line) and exit 0
Exits 0 when the graph is one-way, 1 otherwise (each fault on one line).
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def read_layers(root):
    """({folder: (side, rank)}, {header of include/rls/: folder}) from server/layers.txt."""
    layers, owner = {}, {}
    with open(os.path.join(root, "server", "layers.txt"), encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            side, rank, folder = words[0], int(words[1]), words[2]
            layers[folder] = (side, rank)
            for header in words[3:]:
                owner[header] = folder
    return layers, owner


def read_graph(root, owner):
    """folders, {(from, to): [file: include, ...]} (self-arrows left out), faults."""
    edges = {}
    faults = []
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
            if name not in owner:
                faults.append("include/rls/%s belongs to no folder: add it to server/layers.txt"
                              % name)
                continue
            sources.append((owner[name], os.path.join("include", "rls", name)))
    folders = sorted({f for f, _ in sources})
    for folder, rel in sources:
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            text = f.read()
        public = rel.startswith("include/")
        for inc in INCLUDE.findall(text):
            if "/" not in inc:
                target = folder  # a header beside the file
                if public:
                    target = owner.get(inc, folder)
            elif inc.startswith("rls/"):
                target = owner.get(inc[4:])
                if target is None:
                    faults.append("%s includes %s, which belongs to no folder" % (rel, inc))
                    continue
            else:
                target = inc.split("/", 1)[0]
                if public:
                    faults.append("include/rls/ is the core's API and may include only "
                                  "include/rls/: %s: \"%s\"" % (rel, inc))
            if target != folder:
                edges.setdefault((folder, target), []).append("%s: \"%s\"" % (rel, inc))
    return folders, edges, faults


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
    layers, owner = read_layers(root)
    folders, edges, faults = read_graph(root, owner)
    for f in folders:
        if f not in layers:
            faults.append("server/%s/ is in no layer: add it to server/layers.txt and "
                          "docs/architecture.md" % f)
    for (src, dst), where in sorted(edges.items()):
        if src not in layers or dst not in layers:
            if dst not in layers and dst not in folders:
                faults.append("%s includes a header of no folder (%s)" % (src, where[0]))
            continue
        (side_s, rank_s), (side_d, rank_d) = layers[src], layers[dst]
        internal = [w for w in where if w.rstrip('"').endswith("_internal.h")]
        own = [w for w in where if '"rls/' not in w]
        if rank_d > rank_s:
            faults.append("%s -> %s points up (rank %d to %d): %s"
                          % (src, dst, rank_s, rank_d, where[0]))
        elif rank_d == rank_s:
            faults.append("%s -> %s: side-by-side layers include each other: %s"
                          % (src, dst, where[0]))
        elif internal:
            faults.append("%s -> %s: a folder's *_internal.h is its own: %s"
                          % (src, dst, internal[0]))
        elif side_s == "shell" and side_d == "core" and own:
            faults.append("%s -> %s: the shell reaches the core through include/rls/ only: %s"
                          % (src, dst, own[0]))
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
