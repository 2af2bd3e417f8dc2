#!/usr/bin/env bash
# Static analysis of our own C, run by `make lint` and first in `make test`:
#   format    every tracked .c/.h matches .clang-format (clang-format 14)
#   tidy      clang-tidy 14 with the checks in .clang-tidy, on server/ and bench/
#   cppcheck  cppcheck 2.10 (warning, performance, portability), same files
#   release   the same files compiled at -O3 with the build's -Werror flags:
#             gcc finds some warnings (maybe-uninitialized) only when it
#             optimises harder than the tested build, and a Release build
#             (`make bench`, a packager's) must not fail on them
#   layers    the include graph between folders is one-way (scripts/layers.py)
#   funclen   no function of server/ over 120 lines but those of a list that
#             only shrinks (scripts/funclen.py, scripts/funclen-allow.txt)
# Usage: scripts/lint.sh [format|tidy|cppcheck|release|layers|funclen]...   (default: all six)
# LINT_FILES="a.c b.c" limits clang-tidy and cppcheck to those files.
# Exits 0 when clean, 1 on any finding (each printed as file:line with how to
# fix it), 2 when a tool is missing or the build has not been configured.
#
# The versions are Debian 12's (scripts/deps.sh installs them): another
# version finds other things, so a different one is refused unless
# RLS_LINT_ANY_VERSION=1. clang-tidy runs one process per file: clang-tidy 14
# carries analyser state from one file to the next in a single process, which
# made findings depend on the file list.
set -uo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
JOBS=${JOBS:-2}
CLANG_FORMAT=${CLANG_FORMAT:-clang-format-14}
CLANG_TIDY=${CLANG_TIDY:-clang-tidy-14}
CPPCHECK=${CPPCHECK:-cppcheck}

steps=("$@")
((${#steps[@]})) || steps=(format tidy cppcheck release layers funclen)

die() {
    echo "lint: $*" >&2
    exit 2
}

# tool, what `--version` must contain, the Debian package
need() {
    command -v "$1" >/dev/null || die "$1 not found: run scripts/deps.sh (Debian package $3)"
    local v
    v=$("$1" --version 2>&1 | head -n 3 | tr '\n' ' ' | sed 's/ *$//')
    if [[ "$v" != *"$2"* ]]; then
        [ "${RLS_LINT_ANY_VERSION:-0}" = 1 ] ||
            die "$1 is '$v'; lint is pinned to $2 (Debian 12's $3), whose findings CI checks." \
                "Set RLS_LINT_ANY_VERSION=1 to run it anyway."
    fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
analysed=${LINT_FILES:-$(git ls-files 'server/*.c' 'bench/*.c')}

lint_format() {
    need "$CLANG_FORMAT" "version 14." clang-format-14
    echo "lint: clang-format ($(git ls-files '*.c' '*.h' | wc -l) files)"
    git ls-files -z '*.c' '*.h' | xargs -0 "$CLANG_FORMAT" --dry-run --Werror >"$tmp/format" 2>&1
    local bad
    bad=$(grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error):' "$tmp/format" | cut -d: -f1 | sort -u)
    if [ -n "$bad" ]; then
        grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error):' "$tmp/format" | sed 's/^/  /'
        echo "lint: not formatted as .clang-format says; fix with: $CLANG_FORMAT -i" $bad "(or: make format)"
        status=1
    elif [ -s "$tmp/format" ]; then
        sed 's/^/  /' "$tmp/format"
        echo "lint: $CLANG_FORMAT failed"
        status=1
    fi
}

lint_tidy() {
    need "$CLANG_TIDY" "version 14." clang-tidy-14
    [ -f "$BUILD/compile_commands.json" ] ||
        die "no $BUILD/compile_commands.json: run 'make build' first"
    echo "lint: clang-tidy ($(echo "$analysed" | wc -l) files, $JOBS at a time)"
    mkdir -p "$tmp/tidy"
    # One process per file (see above); each writes its own report so that
    # parallel runs do not interleave. Largest first, so that the slowest
    # file does not start last.
    # shellcheck disable=SC2086
    wc -c $analysed | sort -rn | awk '$2 != "total" {print $2}' | xargs -P "$JOBS" -I{} sh -c \
        'out="$2/$(echo "$1" | tr / _)"; "$3" -p "$4" --quiet "$1" >"$out.txt" 2>"$out.err"; echo "$? $1" >"$out.rc"' \
        _ {} "$tmp/tidy" "$CLANG_TIDY" "$BUILD"
    local rc_file rc file
    for rc_file in "$tmp"/tidy/*.rc; do
        read -r rc file <"$rc_file"
        if [ "$rc" != 0 ]; then
            echo "  $CLANG_TIDY failed on $file (exit $rc):"
            sed 's/^/    /' "${rc_file%.rc}.err" "${rc_file%.rc}.txt" | grep -v 'warnings generated' | head -n 20
            status=1
        fi
    done
    # A header's finding is reported once for every file that includes it.
    cat "$tmp"/tidy/*.txt | grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error):' |
        sed "s|^$PWD/||" | sort -u -t: -k1,1 -k2,2n -k3,3n >"$tmp/tidy.found"
    if [ -s "$tmp/tidy.found" ]; then
        local line row
        while IFS= read -r line; do
            echo "  $line"
            file=${line%%:*}
            row=$(echo "$line" | cut -d: -f2)
            [ -f "$file" ] && echo "      $(sed -n "${row}p" "$file" | sed 's/^ *//')"
        done <"$tmp/tidy.found"
        echo "lint: $(wc -l <"$tmp/tidy.found") clang-tidy finding(s). Fix the code; for a false positive" \
            "that clearer code cannot avoid, put '// NOLINTNEXTLINE(<check>): <why>' on the line above." \
            "For the analyser's full reasoning run: $CLANG_TIDY -p $BUILD FILE"
        status=1
    fi
}

lint_cppcheck() {
    need "$CPPCHECK" "Cppcheck 2.10" cppcheck
    echo "lint: cppcheck ($(echo "$analysed" | wc -l) files)"
    # shellcheck disable=SC2086
    "$CPPCHECK" --quiet --inline-suppr -j "$JOBS" --enable=warning,performance,portability \
        --std=c11 --suppress=missingIncludeSystem -I include -I server \
        --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
        $analysed >"$tmp/cppcheck" 2>&1
    local rc=$?
    grep -E '^[^ ]+:[0-9]+:[0-9]+: ' "$tmp/cppcheck" | sort -u -t: -k1,1 -k2,2n -k3,3n >"$tmp/cppcheck.found"
    if [ -s "$tmp/cppcheck.found" ]; then
        sed 's/^/  /' "$tmp/cppcheck.found"
        echo "lint: $(wc -l <"$tmp/cppcheck.found") cppcheck finding(s). Fix the code; for a false positive," \
            "put '// cppcheck-suppress <id>' on the line above, after a comment that says why."
        status=1
    elif [ $rc != 0 ] || [ -s "$tmp/cppcheck" ]; then
        sed 's/^/  /' "$tmp/cppcheck"
        echo "lint: $CPPCHECK failed (exit $rc)"
        status=1
    fi
}

lint_release() {
    [ -f "$BUILD/compile_commands.json" ] || die "no $BUILD/compile_commands.json: run 'make build' first"
    echo "lint: -O3 compile ($(echo "$analysed" | wc -l) files, $JOBS at a time)"
    # Each file's own compile command from the build, at -O3, output discarded.
    # shellcheck disable=SC2086
    python3 - "$BUILD/compile_commands.json" $analysed >"$tmp/release.cmds" <<'PY'
import json, shlex, sys, os
db = {os.path.realpath(e["file"]): e for e in json.load(open(sys.argv[1]))}
for f in sys.argv[2:]:
    e = db.get(os.path.realpath(f))
    if not e:
        continue
    args = e.get("arguments") or shlex.split(e["command"])
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        out.append(a)
    out += ["-O3", "-o", "/dev/null"]
    print("cd %s && %s" % (shlex.quote(e["directory"]), " ".join(shlex.quote(a) for a in out)))
PY
    tr '\n' '\0' <"$tmp/release.cmds" | xargs -0 -P "$JOBS" -I{} bash -c '{}' >"$tmp/release" 2>&1
    if grep -q 'error:' "$tmp/release"; then
        grep -E '(error|warning|note):|^ +[0-9]+ \|' "$tmp/release" | sed 's/^/  /'
        echo "lint: the -O3 build fails. Fix the code (e.g. initialise the variable gcc names)."
        status=1
    fi
}

lint_layers() {
    echo "lint: include graph between folders"
    python3 scripts/layers.py . | sed 's/^/  /' || status=1
}

lint_funclen() {
    echo "lint: function length"
    python3 scripts/funclen.py . | sed 's/^/  /' || status=1
}

for step in "${steps[@]}"; do
    case "$step" in
    format) lint_format ;;
    tidy) lint_tidy ;;
    cppcheck) lint_cppcheck ;;
    release) lint_release ;;
    layers) lint_layers ;;
    funclen) lint_funclen ;;
    *) die "unknown step '$step' (format, tidy, cppcheck, release, layers or funclen)" ;;
    esac
done
[ $status = 0 ] && echo "lint: clean"
exit $status
