#!/usr/bin/env bash
# The benchmark (issue 9): a release build in build-release/, then
# bench/lsp_bench drives the real server over pipes and times the command
# line. Prints a table and writes bench/results/latest.json (and a copy named
# after the date and commit). A benchmark, not a test: nothing here fails on
# a slow number; docs/performance.md compares them with the targets.
#   scripts/bench.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
edits=2000 big=300 core_big=20
[ "${1:-}" = "--quick" ] && { edits=300; big=20; core_big=3; }
scripts/deps.sh >/dev/null
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release -j"$(nproc)" --target resume-ls lsp_bench core_bench spell_bench >/dev/null

shared=${RLS_SHARED_DIR:-../shared}
gen=build-release/bench-gen
rm -rf "$gen" && mkdir -p "$gen/files"
build-release/bench/lsp_bench --gen "$gen/files" 1000
# One 2-page resume for the single-file timing (the generator's 60-bullet form).
build-release/bench/lsp_bench --gen "$gen/one" 1 && one=$(ls "$gen"/one/*)

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git status --porcelain 2>/dev/null | grep -v '^??')" ] && commit="$commit+dirty"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
echo "machine: $cpu, $(nproc) cores, $mem; commit $commit; Release build"

mkdir -p bench/results
out=bench/results/latest.json
corpus_args=()
[ -d "$shared/corpus" ] && corpus_args=(--corpus "$shared/corpus")
build-release/bench/lsp_bench --server build-release/resume-ls --edits "$edits" --big-edits "$big" \
    --one-file "$one" "${corpus_args[@]}" --generated "$gen/files" \
    --commit "$commit" --build Release --json "$out.tmp"
# The same keystrokes in process, split into stages (reparse, model,
# rules): where the in-server time goes, without pipes or JSON.
echo "core_bench: per-edit stages, in process"
build-release/bench/core_bench --edits "$edits" --big-edits "$core_big" --json "$out.core.tmp"
node -e '
  const fs = require("fs");
  const r = JSON.parse(fs.readFileSync(process.argv[1]));
  r.core = JSON.parse(fs.readFileSync(process.argv[6])).results;
  r.machine = { cpu: process.argv[2], cores: Number(process.argv[3]), memory: process.argv[4] };
  r.date = new Date().toISOString();
  fs.writeFileSync(process.argv[5], JSON.stringify(r, null, 2) + "\n");
' "$out.tmp" "$cpu" "$(nproc)" "$mem" "$out" "$out.core.tmp"
rm -f "$out.tmp" "$out.core.tmp"
# The spelling rule apart: its dictionary load is paid once per process.
build-release/bench/spell_bench examples/resume.md
cp "$out" "bench/results/$(date -u +%Y%m%d)-$commit.json"
echo "bench: results in $out"
