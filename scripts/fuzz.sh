#!/usr/bin/env bash
# Bounded fuzzing run: builds the libFuzzer targets with clang, ASan and
# UBSan in build-fuzz/, then fuzzes each target for FUZZ_SECONDS (default 60)
# starting from the seed corpora. A crash leaves its input in
# build-fuzz/fuzz-artifacts/ and fails the run; add that input to
# tests/fuzz/seeds/<target>/ with the fix, so the replay tests keep it.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-${FUZZ_SECONDS:-60}}
if ! command -v clang >/dev/null; then
    echo "fuzz: clang is not installed; skipping the fuzz run (apt-get install clang libclang-rt-14-dev)"
    exit 0
fi
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DRLS_FUZZ=ON -DRLS_SANITIZE="address;undefined" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_text fuzz_analyze >/dev/null

work=build-fuzz/fuzz-work
art=build-fuzz/fuzz-artifacts
rm -rf "$work"; mkdir -p "$work" "$art"
shared=${RLS_SHARED_DIR:-../shared}

# Seeds: the checked-in ones, plus every corpus resume with its mode byte.
mkdir -p "$work/text" "$work/analyze"
cp tests/fuzz/seeds/text/* "$work/text/" 2>/dev/null || true
for f in "$shared"/corpus/md/*.md examples/*.md tests/fuzz/seeds/analyze/*.md; do
    [ -f "$f" ] && { printf 'b'; cat "$f"; } > "$work/analyze/md-$(basename "$f")"
done
for f in "$shared"/corpus/tex/*.tex examples/*.tex tests/fuzz/seeds/analyze/*.tex; do
    [ -f "$f" ] && { printf 'a'; cat "$f"; } > "$work/analyze/tex-$(basename "$f")"
done

status=0
for target in text analyze; do
    echo "fuzz: fuzz_$target for ${secs}s"
    if ! ASAN_OPTIONS=detect_leaks=1 build-fuzz/tests/fuzz_$target "$work/$target" \
            -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
            -artifact_prefix="$art/$target-" -print_final_stats=1 >"$work/$target.log" 2>&1; then
        echo "fuzz: fuzz_$target FAILED; see $work/$target.log and $art/"
        tail -30 "$work/$target.log"
        status=1
    else
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$work/$target.log" | sed 's/^/fuzz:   /'
    fi
done
exit $status
