#!/usr/bin/env bash
# Static analysis of our own C: clang-tidy (checks in .clang-tidy) and
# cppcheck, plus a clang-format check. Exits non-zero on any finding.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -f build/compile_commands.json ] || { echo "lint: run 'make build' first"; exit 2; }
status=0
files=$(git ls-files 'server/*.c' 'bench/*.c')
echo "lint: clang-format"
for f in $(git ls-files '*.c' '*.h'); do
    clang-format --dry-run --Werror "$f" 2>/dev/null || { echo "  needs formatting: $f"; status=1; }
done
echo "lint: clang-tidy"
out=$(clang-tidy -p build --quiet $files 2>/dev/null | grep -E '^[^ ].*(warning|error):')
[ -n "$out" ] && { echo "$out"; status=1; }
echo "lint: cppcheck"
out=$(cppcheck --quiet --enable=warning,performance,portability --std=c11 --error-exitcode=1 \
      --suppress=missingIncludeSystem -I include -I server server bench 2>&1)
[ -n "$out" ] && { echo "$out"; status=1; }
exit $status
