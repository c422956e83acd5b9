#!/bin/bash
# `make lockstat`: build the base and the series with configs/lockstat.config
# and count, in /proc/lock_stat, the lock acquisitions of one small
# vmalloc()+vfree() pair (test_vmalloc's fix_size_alloc_test, one page, one
# thread, on 2 vCPUs so that 6.12 has its per-node pools).  Each kernel runs
# the test at LOOPS_LO and at LOOPS_HI pairs, clearing the statistics before
# each run; the difference divided by LOOPS_HI - LOOPS_LO is the cost of one
# pair without the module load and thread start.  Writes bench/lockstat.md.
. "$(dirname "$0")/lib.sh"

lo=${LOOPS_LO:-1000}
hi=${LOOPS_HI:-21000}

"$ROOT/harness/deps.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/run.sh" <<RUN
for loops in $lo $hi; do
	echo 0 > /proc/lock_stat
	run_vmalloc_test lockstat-\$loops run_test_mask=0x1 nr_threads=1 test_repeat_count=1 test_loop_count=\$loops
	echo "HARNESS: lock_stat begin \$loops"
	cat /proc/lock_stat
	echo "HARNESS: lock_stat end \$loops"
done
RUN

mkdir -p "$WORK/logs"
for k in base series; do
	if [ $k = base ]; then
		"$ROOT/harness/apply.sh" base
	else
		"$ROOT/harness/apply.sh" series ${PATCHES:-}
		desc=$(git -C "$SRC" log --format=%s base..HEAD | wc -l)
	fi
	"$ROOT/harness/build.sh" lockstat "lockstat-$k"
	"$ROOT/harness/initramfs.sh" "lockstat-$k"
	"$ROOT/harness/boot.sh" "lockstat-$k" "$tmp/run.sh" \
		"$WORK/logs/lockstat-$k.log" --smp 2 --timeout 1800 \
		--append "kunit.enable=0" ||
		die "lockstat boot $k failed ($WORK/logs/lockstat-$k.log)"
done
"$PY" "$ROOT/harness/lockstat-report.py" --lo "$lo" --hi "$hi" \
	--title "base $(cat "$WORK/base.imported") vs base + $desc patch(es)" \
	"$WORK/logs/lockstat-base.log" "$WORK/logs/lockstat-series.log" \
	> "$ROOT/bench/lockstat.md"
cat "$ROOT/bench/lockstat.md"
