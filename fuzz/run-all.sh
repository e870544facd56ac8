#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each and prints, per target, the
# executions, speed, corpus growth and findings (crash/timeout/oom/leak files in
# fuzz/artifacts/<target>/). Exit status: 0 no finding, 1 findings, 2 build failure.
#
#   fuzz/run-all.sh [SECONDS] [TARGET…]        e.g.  fuzz/run-all.sh 600
#
# Environment: MAX_LEN (default 1048576: inputs up to 1 MB, large enough for super-linear
# paths to show, e.g. glued capitalised syllables that took 296 s per MB), TIMEOUT (default
# 10 s per input: a slower input is reported as a finding), JOBS (default 1),
# LEAKS=1 (turn LeakSanitizer back on; off by default because one-time, intentional leaks of
# tables built in a LazyLock, e.g. Box::leak in decode's table setup, are reported as findings
# at exit although memory does not grow; real growth still hits libFuzzer's -rss_limit_mb),
# VNTEXT_FUZZ_SKIP_NFC=1 (normalize target: skip the NFC check; only for the skeleton).
# Works on the stable toolchain through RUSTC_BOOTSTRAP=1 (cargo-fuzz needs -Z flags).
set -u
cd "$(dirname "$0")"

secs=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
if [ $# -gt 0 ]; then targets=("$@"); else targets=(decode normalize tokenize analyze); fi
max_len=${MAX_LEN:-1048576}
timeout=${TIMEOUT:-10}
jobs=${JOBS:-1}
leaks=${LEAKS:-0}
if [ "$leaks" = 0 ]; then
    # libFuzzer's -detect_leaks covers each input; ASan's own check at exit needs this.
    export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
fi

export RUSTC_BOOTSTRAP=1
if ! cargo fuzz build >build.log 2>&1; then
    echo "build failed; see fuzz/build.log" >&2
    exit 2
fi
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi

found=0
printf '%-10s %12s %10s %8s %8s  %s\n' target executions exec/s corpus rss_mb findings
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    log="artifacts/$t.log"
    before=$(ls "artifacts/$t" | wc -l)
    # Seeds: the project's sample articles and edge-case tables (read, never written).
    cargo fuzz run "$t" "corpus/$t" ../data/articles ../tests/cases -- \
        -max_total_time="$secs" -max_len="$max_len" -timeout="$timeout" \
        -detect_leaks="$leaks" "${parallel[@]}" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    execs=$(grep -h 'stat::number_of_executed_units' "$log" fuzz-*.log 2>/dev/null | awk '{s+=$2} END {print s+0}')
    rate=$(grep -h 'stat::average_exec_per_sec' "$log" fuzz-*.log 2>/dev/null | awk '{s+=$2} END {print s+0}')
    rss=$(grep -h 'stat::peak_rss_mb' "$log" fuzz-*.log 2>/dev/null | awk '$2>m {m=$2} END {print m+0}')
    rm -f fuzz-*.log
    corpus=$(ls "corpus/$t" | wc -l)
    after=$(ls "artifacts/$t" | wc -l)
    new=$((after - before))
    findings="none"
    if [ "$new" -gt 0 ] || { [ "$rc" -ne 0 ] && [ "$execs" -eq 0 ]; }; then
        findings="$new new file(s) in fuzz/artifacts/$t (exit $rc; log fuzz/$log)"
        found=1
    elif [ "$rc" -ne 0 ]; then
        findings="libFuzzer exit $rc; see fuzz/$log"
        found=1
    fi
    printf '%-10s %12s %10s %8s %8s  %s\n' "$t" "$execs" "$rate" "$corpus" "$rss" "$findings"
done
if [ "$found" -ne 0 ]; then
    echo
    echo "Reproduce a finding:  RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/FILE"
    echo "Then add the input to tests/cases/robustness.tsv (escaped) as a regression test."
fi
exit "$found"
