#!/bin/bash
# `make bench`: build the untouched base and the series with the same bench
# config (no checkers), boot them alternately (ABBA order), and run every
# test_vmalloc test but align_shift_alloc_test in up to three modes:
#   icount: -smp 1, nr_threads=1, -icount shift=0 (guest time counts
#           instructions: deterministic to ~1%);
#   smp2:   -smp 2, nr_threads=2, real-time multi-threaded TCG (noisy);
#   smp4:   -smp 4, nr_threads=4, real-time TCG with 4 vCPUs on this
#           machine's 2 cores: lock holders get preempted, so it shows
#           contention the other modes cannot.  Not run by default.
# Writes bench/results.{md,json} and bench/ratios.png; a MODES other than
# the default writes them to bench/<modes>/ instead.
# Environment: BOOTS (per kernel and mode, default 3), MODES (default
# "icount smp2"), LOOPS_ICOUNT, LOOPS_SMP2, LOOPS_SMP4 (test_loop_count of
# each mode), PATCHES (series prefix).
. "$(dirname "$0")/lib.sh"
. "$ROOT/harness/bench-lib.sh"
x86_only

loops_smp2=${LOOPS_SMP2:-100000}
loops_smp4=${LOOPS_SMP4:-1000}
modes=${MODES:-icount smp2}

bench_kernels

mkdir -p "$WORK/logs/bench" "$ROOT/bench"
rm -f "$WORK"/logs/bench/*.log
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mode_script() {	# mode threads loops
	echo "run_vmalloc_test $1 run_test_mask=$TV_MASK nr_threads=$2 test_repeat_count=1 test_loop_count=$3" > "$tmp/$1.sh"
}
mode_script icount 1 "$loops_icount"
mode_script smp2 2 "$loops_smp2"
mode_script smp4 4 "$loops_smp4"

bench_abba bench "$WORK/logs/bench" "$tmp" 1
# Only the default modes replace bench/results.*; other sets go apart.
out=$ROOT/bench
[ "$modes" = "icount smp2" ] || out=$ROOT/bench/${modes// /-}
mkdir -p "$out"
loops=
for m in $modes; do
	case $m in
	icount) loops+=" icount $loops_icount," ;;
	smp2) loops+=" smp2 $loops_smp2," ;;
	smp4) loops+=" smp4 $loops_smp4," ;;
	esac
done
"$PY" "$ROOT/harness/bench-report.py" --out "$out" \
	--title "base $(cat "$WORK/base.imported") vs base + $series_desc patch(es); $boots boots per kernel and mode; loops:${loops%,}" \
	--logs "$WORK/logs/bench"
log "wrote ${out#"$ROOT"/}/results.md, results.json, ratios.png"
