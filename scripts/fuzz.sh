#!/usr/bin/env bash
# Bounded fuzzing run: builds the libFuzzer targets with clang, ASan and
# UBSan in build-fuzz/, then fuzzes each target for FUZZ_SECONDS (default 60)
# starting from the seed corpora. A crash leaves its input in
# build-fuzz/fuzz-artifacts/ and fails the run; add that input to
# tests/fuzz/seeds/<target>/ with the fix, so the replay tests keep it.
#   scripts/fuzz.sh [SECONDS]
#   FUZZ_TARGETS="rpc actions" scripts/fuzz.sh 3600   # some targets, longer
# Targets: text (document store vs a reference), analyze (parse -> rules,
# incremental vs fresh), rpc (raw bytes into framing + dispatch + a real
# server), actions (every offered edit applies and keeps the document whole).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-${FUZZ_SECONDS:-60}}
if ! command -v clang >/dev/null; then
    echo "fuzz: clang is not installed; skipping the fuzz run (apt-get install clang libclang-rt-14-dev)"
    exit 0
fi
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DRLS_FUZZ=ON -DRLS_SANITIZE="address;undefined" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_text fuzz_analyze fuzz_rpc fuzz_actions >/dev/null

work=build-fuzz/fuzz-work
art=build-fuzz/fuzz-artifacts
rm -rf "$work"; mkdir -p "$work" "$art"
shared=${RLS_SHARED_DIR:-../shared}

# Seeds: the checked-in ones and the fixture resumes, plus every corpus
# resume (when ../shared is there) with its mode byte.
mkdir -p "$work/text" "$work/analyze" "$work/rpc" "$work/actions"
cp tests/fuzz/seeds/text/* "$work/text/" 2>/dev/null || true
cp tests/fuzz/seeds/rpc/* "$work/rpc/"
cp tests/fuzz/seeds/actions/* "$work/actions/"
for f in "$shared"/corpus/md/*.md tests/data/resumes/md/*.md examples/*.md tests/fuzz/seeds/analyze/*.md; do
    [ -f "$f" ] || continue
    { printf 'b'; cat "$f"; } > "$work/analyze/md-$(basename "$f")"
    cp "$work/analyze/md-$(basename "$f")" "$work/actions/"
done
for f in "$shared"/corpus/tex/*.tex tests/data/resumes/tex/*.tex examples/*.tex tests/fuzz/seeds/analyze/*.tex; do
    [ -f "$f" ] || continue
    { printf 'a'; cat "$f"; } > "$work/analyze/tex-$(basename "$f")"
    cp "$work/analyze/tex-$(basename "$f")" "$work/actions/"
done

status=0
for target in ${FUZZ_TARGETS:-text analyze rpc actions}; do
    echo "fuzz: fuzz_$target for ${secs}s"
    # fuzz_actions re-parses after actions: small documents keep it fast.
    max_len=65536; [ "$target" = actions ] && max_len=8192
    dict=()
    [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
    if ! ASAN_OPTIONS=detect_leaks=1 build-fuzz/tests/fuzz_$target "$work/$target" "${dict[@]}" \
            -max_total_time="$secs" -rss_limit_mb=2048 -max_len="$max_len" -timeout=10 \
            -artifact_prefix="$art/$target-" -print_final_stats=1 >"$work/$target.log" 2>&1; then
        echo "fuzz: fuzz_$target FAILED; see $work/$target.log and $art/"
        tail -30 "$work/$target.log"
        status=1
    else
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$work/$target.log" | sed 's/^/fuzz:   /'
    fi
done
exit $status
