#!/usr/bin/env bash
# Bounded fuzzing run: builds the libFuzzer targets with clang, ASan and
# UBSan in build-fuzz/, then fuzzes each target for FUZZ_SECONDS (default 60)
# starting from the seed corpora. A crash leaves its input in
# build-fuzz/fuzz-artifacts/ and fails the run; add that input to
# tests/fuzz/seeds/<target>/ with the fix, so the replay tests keep it.
#   scripts/fuzz.sh [SECONDS]
#   FUZZ_TARGETS="rpc actions" scripts/fuzz.sh 3600   # some targets, longer
#   FUZZ_SEED=$RANDOM scripts/fuzz.sh 600              # other inputs than CI's
# Targets: parse_md, parse_tex (one grammar alone, bytes -> model), rules
# (the rules over a model decoded from lines, no parser; cached vs
# uncached), on small inputs at hundreds of runs a second; text (document store vs a reference), analyze (the
# whole pipeline, incremental vs fresh), rpc (raw bytes into framing +
# dispatch + a real server), actions (every offered edit applies and keeps
# the document whole).
#
# Reproducible: libFuzzer runs with a fixed -seed (FUZZ_SEED, default 1),
# so the same commit tries the same inputs in the same order, and a run
# fails only on something this code does with them (or a slower machine
# reaching further down the same sequence), not on the luck of the draw. A
# crash still fails the run: its input is in build-fuzz/fuzz-artifacts/,
# and the log says how to replay it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-${FUZZ_SECONDS:-60}}
if ! command -v clang >/dev/null; then
    echo "fuzz: clang is not installed; skipping the fuzz run (apt-get install clang libclang-rt-14-dev)"
    exit 0
fi
all_targets="parse_md parse_tex rules text analyze rpc actions"
targets=${FUZZ_TARGETS:-$all_targets}
seed=${FUZZ_SEED:-1}
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
    cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
          -DRLS_FUZZ=ON -DRLS_SANITIZE="address;undefined" >/dev/null
    jobs=$(nproc); [ "$jobs" -gt 2 ] && jobs=2
    cmake --build build-fuzz -j"$jobs" --target $(printf 'fuzz_%s ' $targets) fuzz_rules_seed >/dev/null
fi

# FUZZ_WORK: a work folder of its own, for runs side by side (with
# FUZZ_NO_BUILD=1 after one build).
work=${FUZZ_WORK:-build-fuzz/fuzz-work}
art=build-fuzz/fuzz-artifacts
rm -rf "$work"; mkdir -p "$work" "$art"
shared=${RLS_SHARED_DIR:-../shared}

# Seeds: the checked-in ones and the fixture resumes, plus every corpus
# resume (when ../shared is there) with its mode byte; fuzz_rules gets the
# model of each resume written as lines (tests/fuzz/fuzz_rules_model.h).
rules=; case " $targets " in *" rules "*) rules=1 ;; esac
for t in $all_targets; do
    mkdir -p "$work/$t"
    cp tests/fuzz/seeds/$t/* "$work/$t/" 2>/dev/null || true
done
for f in "$shared"/corpus/md/*.md tests/data/resumes/md/*.md examples/*.md tests/fuzz/seeds/analyze/*.md; do
    [ -f "$f" ] || continue
    { printf 'b'; cat "$f"; } > "$work/analyze/md-$(basename "$f")"
    cp "$work/analyze/md-$(basename "$f")" "$work/actions/"
    [ -n "$rules" ] && build-fuzz/tests/fuzz_rules_seed "$f" >"$work/rules/md-$(basename "$f")"
    cp "$f" "$work/parse_md/"
done
for f in "$shared"/corpus/tex/*.tex tests/data/resumes/tex/*.tex examples/*.tex tests/fuzz/seeds/analyze/*.tex; do
    [ -f "$f" ] || continue
    { printf 'a'; cat "$f"; } > "$work/analyze/tex-$(basename "$f")"
    cp "$work/analyze/tex-$(basename "$f")" "$work/actions/"
    [ -n "$rules" ] && build-fuzz/tests/fuzz_rules_seed "$f" >"$work/rules/tex-$(basename "$f")"
    cp "$f" "$work/parse_tex/"
done

status=0
for target in $targets; do
    echo "fuzz: fuzz_$target for ${secs}s, seed $seed"
    # Small inputs keep the runs fast: the parse and rules targets and the
    # whole-pipeline ones (which re-parse after every action) look at a few
    # KB; seeds longer than max_len are read cut to it.
    case $target in
        parse_md | parse_tex | rules | actions) max_len=2048 ;;
        analyze) max_len=8192 ;;
        *) max_len=65536 ;;
    esac
    dict=()
    [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
    # -timeout is wall time: generous, since CI machines are shared (a 10-
    # minute run beside six others on 2 loaded cores saw a 20 s unit).
    # A smaller quarantine reuses freed memory instead of faulting in new
    # pages for every allocation (tree-sitter allocates per parse; 1500
    # runs of fuzz_parse_md took a quarter less CPU); use-after-free within
    # the last 32 MB of frees is still caught.
    if ! ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=32:malloc_context_size=10 build-fuzz/tests/fuzz_$target "$work/$target" "${dict[@]}" \
            -seed="$seed" -max_total_time="$secs" -rss_limit_mb=2048 -max_len="$max_len" \
            -timeout=60 -artifact_prefix="$art/$target-" -print_final_stats=1 \
            >"$work/$target.log" 2>&1; then
        echo "fuzz: fuzz_$target FAILED; see $work/$target.log and $art/"
        tail -30 "$work/$target.log"
        for a in "$art/$target-"*; do
            [ -f "$a" ] || continue
            echo "fuzz: replay with: build-fuzz/tests/fuzz_$target $a"
            echo "fuzz: keep it as tests/fuzz/seeds/$target/<name> with the fix"
        done
        status=1
    else
        # exec/s, units run, peak RSS and coverage (edges, features) at the end.
        awk '/^stat::number_of_executed_units/ {u=$2} /^stat::average_exec_per_sec/ {e=$2}
             /^stat::peak_rss_mb/ {r=$2} /(DONE|pulse|NEW|REDUCE) / {
               for (i = 1; i <= NF; i++) { if ($i == "cov:") c=$(i+1); if ($i == "ft:") f=$(i+1) } }
             END { printf "fuzz:   %s exec/s, %s units, peak RSS %s MB, cov %s, ft %s\n", e, u, r, c, f }' \
            "$work/$target.log"
    fi
done
exit $status
