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
x86_only

boots=${BOOTS:-3}
loops_icount=${LOOPS_ICOUNT:-100000}
loops_smp2=${LOOPS_SMP2:-100000}
loops_smp4=${LOOPS_SMP4:-1000}
modes=${MODES:-icount smp2}
mask=0x7bf		# all 11 tests except align_shift_alloc_test (bit 6)

"$ROOT/harness/deps.sh"
"$ROOT/harness/apply.sh" base
"$ROOT/harness/build.sh" bench bench-base
"$ROOT/harness/initramfs.sh" bench-base
"$ROOT/harness/apply.sh" series ${PATCHES:-}
series_desc=$(git -C "$SRC" log --format=%s base..HEAD | wc -l)
"$ROOT/harness/build.sh" bench bench-series
"$ROOT/harness/initramfs.sh" bench-series

mkdir -p "$WORK/logs/bench" "$ROOT/bench"
rm -f "$WORK"/logs/bench/*.log
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/icount.sh" <<RUN
run_vmalloc_test icount run_test_mask=$mask nr_threads=1 test_repeat_count=1 test_loop_count=$loops_icount
RUN
cat > "$tmp/smp2.sh" <<RUN
run_vmalloc_test smp2 run_test_mask=$mask nr_threads=2 test_repeat_count=1 test_loop_count=$loops_smp2
RUN
cat > "$tmp/smp4.sh" <<RUN
run_vmalloc_test smp4 run_test_mask=$mask nr_threads=4 test_repeat_count=1 test_loop_count=$loops_smp4
RUN

one() {	# kernel mode round
	local k=$1 m=$2 i=$3 logf=$WORK/logs/bench/$1-$2-$3.log opts=()
	case $m in
	icount) opts=(--smp 1 --icount) ;;
	smp2) opts=(--smp 2) ;;
	smp4) opts=(--smp 4) ;;
	*) die "bench: unknown mode $m" ;;
	esac
	local t0=$(date +%s)
	"$ROOT/harness/boot.sh" "bench-$k" "$tmp/$m.sh" "$logf" "${opts[@]}" \
		--timeout 1800 --append "kunit.enable=0" ||
		die "bench boot $k $m $i failed ($logf)"
	"$PY" "$ROOT/harness/check-log.py" "$logf" --kunit-py /dev/null \
		--min-kunit 0 --tv-runs 1 >"$logf.check" ||
		{ cat "$logf.check" >&2; die "bench boot $k $m $i: failures"; }
	log "round $i $m $k: $(( $(date +%s) - t0 ))s"
}
for i in $(seq 1 "$boots"); do
	for m in $modes; do
		if [ $((i % 2)) = 1 ]; then order="base series"; else order="series base"; fi
		for k in $order; do one "$k" "$m" "$i"; done
	done
done
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
