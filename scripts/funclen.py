#!/usr/bin/env python3
"""No C function in server/ over LIMIT lines, but those of a shrinking list.

A function too long to read in one sitting hides its steps; split it into
named steps instead. This lists every function definition in server/**/*.c
longer than LIMIT lines (its first signature line to its closing brace) and
fails on any that scripts/funclen-allow.txt does not list.

The allowlist may only shrink. Each line is "path function lines": the
function may not grow past the recorded lines, and an entry whose function
is no longer over the limit (split, renamed, gone) fails until it is deleted,
so a split is never undone silently. Lines starting with # are comments.

Reads the sources as clang-format leaves them (.clang-format): a definition
starts at column 0 and its body ends with "}" alone at column 0.

Usage: scripts/funclen.py [ROOT] [--all]
  ROOT   the repository (default: the one this script is in)
  --all  print every function over the limit, listed or not, and exit 0
Exits 0 when clean, 1 on any finding (each on one line, file:line).
"""
import os
import re
import sys

LIMIT = 120
ALLOW = os.path.join("scripts", "funclen-allow.txt")

# The name before the parameter list: "static void foo(" -> foo.
NAME = re.compile(r"([A-Za-z_]\w*)\s*\(")


def functions(path):
    """[(name, first_line, lines)] of the definitions in one C file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    found = []
    i = 0
    while i < len(lines):
        line = lines[i]
        # A declaration at column 0 with a parameter list: a prototype, a
        # definition or (with "=") a data table; gather its whole signature.
        if not line or line[0] in " \t#/*}{" or "(" not in line or "=" in line.split("(")[0]:
            i += 1
            continue
        start = i
        sig = line
        while not sig.rstrip().endswith(("{", ";")) and i + 1 < len(lines) and i - start < 12:
            i += 1
            sig += " " + lines[i].strip()
        if not sig.rstrip().endswith("{") or sig.startswith(("typedef", "struct", "enum")):
            i += 1
            continue
        m = NAME.search(sig)
        end = i + 1
        while end < len(lines) and lines[end] != "}":
            end += 1
        if m and end < len(lines):
            found.append((m.group(1), start + 1, end - start + 1))
        i = end + 1
    return found


def scan(root):
    """{(path, name): (first_line, lines)} over server/, longer than LIMIT."""
    long_ones = {}
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, "server")):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".c"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            for fn, first, n in functions(path):
                if n > LIMIT:
                    long_ones[(rel, fn)] = (first, n)
    return long_ones


def read_allow(root):
    """{(path, name): lines} from the allowlist; faults for bad lines."""
    allow, faults = {}, []
    path = os.path.join(root, ALLOW)
    if not os.path.exists(path):
        return allow, faults
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 3 or not parts[2].isdigit():
                faults.append("%s:%d: expected 'path function lines', got '%s'" % (ALLOW, k, line))
                continue
            allow[(parts[0], parts[1])] = int(parts[2])
    return allow, faults


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = args[0] if args else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    long_ones = scan(root)
    if "--all" in argv:
        for (rel, fn), (first, n) in sorted(long_ones.items(), key=lambda kv: -kv[1][1]):
            print("%s:%d: %s %d lines" % (rel, first, fn, n))
        return 0
    allow, faults = read_allow(root)
    for (rel, fn), (first, n) in sorted(long_ones.items()):
        if (rel, fn) not in allow:
            faults.append("%s:%d: %s is %d lines, over %d: split it into named steps"
                          % (rel, first, fn, n, LIMIT))
        elif n > allow[(rel, fn)]:
            faults.append("%s:%d: %s grew to %d lines (%s allows %d, and only shrinks): "
                          "split it" % (rel, first, fn, n, ALLOW, allow[(rel, fn)]))
    for (rel, fn), n in sorted(allow.items()):
        if (rel, fn) not in long_ones:
            faults.append("%s: %s %s is no longer over %d lines: delete its line"
                          % (ALLOW, rel, fn, LIMIT))
    for f in faults:
        print(f)
    if faults:
        print("funclen: %d fault(s)" % len(faults))
    listed = len([k for k in long_ones if k in allow])
    if not faults:
        print("funclen: no function over %d lines but the %d listed in %s"
              % (LIMIT, listed, ALLOW))
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
