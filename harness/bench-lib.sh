# What `make bench` and `make bench-vmmap` share; sourced after lib.sh.
# shellcheck shell=bash

# Boots per kernel and mode, and test_loop_count in the icount mode.
boots=${BOOTS:-3}
loops_icount=${LOOPS_ICOUNT:-100000}

# bench_kernels: build the untouched base and the series (PATCHES: a
# prefix) with the bench config, each with its initramfs; sets
# series_desc to the number of patches applied.
bench_kernels() {
	"$ROOT/harness/deps.sh"
	"$ROOT/harness/apply.sh" base
	"$ROOT/harness/build.sh" bench bench-base
	"$ROOT/harness/initramfs.sh" bench-base
	"$ROOT/harness/apply.sh" series ${PATCHES:-}
	series_desc=$(git -C "$SRC" log --format=%s base..HEAD | wc -l)
	"$ROOT/harness/build.sh" bench bench-series
	"$ROOT/harness/initramfs.sh" bench-series
}

# bench_abba NAME LOGDIR SCRIPTDIR TV_RUNS: for each of BOOTS rounds and
# each mode of $modes, boot base and series (base first in odd rounds,
# series first in even ones) with SCRIPTDIR/MODE.sh, into
# LOGDIR/KERNEL-MODE-ROUND.log; each boot must pass check-log.py with
# TV_RUNS test_vmalloc runs.
bench_abba() {
	local name=$1 logs=$2 scripts=$3 tv_runs=$4 i m k order
	for i in $(seq 1 "$boots"); do
		for m in $modes; do
			if [ $((i % 2)) = 1 ]; then order="base series"; else order="series base"; fi
			for k in $order; do
				bench_boot "$name" "$logs" "$scripts" "$tv_runs" "$k" "$m" "$i"
			done
		done
	done
}

bench_boot() {	# name logdir scriptdir tv_runs kernel mode round
	local logf=$2/$5-$6-$7.log opts=() t0
	case $6 in
	icount) opts=(--smp 1 --icount) ;;
	smp2) opts=(--smp 2) ;;
	smp4) opts=(--smp 4) ;;
	*) die "$1: unknown mode $6" ;;
	esac
	t0=$(date +%s)
	"$ROOT/harness/boot.sh" "bench-$5" "$3/$6.sh" "$logf" "${opts[@]}" \
		--timeout 1800 --append "kunit.enable=0" ||
		die "$1 boot $5 $6 $7 failed ($logf)"
	"$PY" "$ROOT/harness/check-log.py" "$logf" --kunit-py /dev/null \
		--min-kunit 0 --tv-runs "$4" >"$logf.check" ||
		{ cat "$logf.check" >&2; die "$1 boot $5 $6 $7: failures"; }
	log "round $7 $6 $5: $(( $(date +%s) - t0 ))s"
}
