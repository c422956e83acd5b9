#!/bin/bash
# `make lockstat`: build the base and the series with configs/lockstat.config
# and count, in /proc/lock_stat, the lock acquisitions of one small
# vmalloc()+vfree() pair (test_vmalloc's fix_size_alloc_test, one page, one
# thread, on 2 vCPUs so that 6.12 has its per-node pools).  Each kernel runs
# the test at LOOPS_LO and at LOOPS_HI pairs, clearing the statistics before
# each run; the difference divided by LOOPS_HI - LOOPS_LO is the cost of one
# pair without the module load and thread start.  Writes bench/lockstat.md.
# LOCKSTAT=vmmap counts one vm_map_ram(4 pages)+vm_unmap_ram() pair instead
# (vm_map_ram_test, nr_pages=4) and writes bench/lockstat-vmmap.md.
. "$(dirname "$0")/lib.sh"
x86_only

lo=${LOOPS_LO:-1000}
hi=${LOOPS_HI:-21000}
case ${LOCKSTAT:-vmalloc} in
vmalloc) params="run_test_mask=0x1" out=lockstat.md
	pair=("--pair" "vmalloc(PAGE_SIZE) + vfree()" --test fix_size_alloc_test) ;;
vmmap) params="run_test_mask=0x400 nr_pages=4" out=lockstat-vmmap.md
	pair=("--pair" "vm_map_ram(4 pages) + vm_unmap_ram()" --test "vm_map_ram_test, nr_pages=4") ;;
*) die "LOCKSTAT=$LOCKSTAT: vmalloc or vmmap" ;;
esac

"$ROOT/harness/deps.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Every flush_tlb_kernel_range() of the runs is traced with a kprobe event
# (configs/lockstat.config has kprobe events): the report counts the calls
# and the pages they cover per 10^5 pairs.
cat > "$tmp/run.sh" <<RUN
t=/sys/kernel/tracing
mount -t tracefs tracefs \$t 2>/dev/null
echo 'p:vmflush flush_tlb_kernel_range start=%di:x64 end=%si:x64' > \$t/kprobe_events &&
	echo 8192 > \$t/buffer_size_kb && echo 1 > \$t/events/kprobes/vmflush/enable
for loops in $lo $hi; do
	echo 0 > /proc/lock_stat
	echo > \$t/trace
	run_vmalloc_test lockstat-\$loops $params nr_threads=1 test_repeat_count=1 test_loop_count=\$loops
	echo "HARNESS: lock_stat begin \$loops"
	cat /proc/lock_stat
	echo "HARNESS: lock_stat end \$loops"
	echo "HARNESS: flushes begin \$loops"
	grep -o 'vmflush: .*' \$t/trace
	echo "HARNESS: flushes end \$loops lost \$(cat \$t/per_cpu/cpu*/stats | awk '/^overrun:/ { n += \$2 } END { print n + 0 }')"
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
	kernel lockstat "lockstat-$k"
	"$ROOT/harness/boot.sh" "lockstat-$k" "$tmp/run.sh" \
		"$WORK/logs/lockstat-$k.log" --smp 2 --timeout 1800 \
		--append "kunit.enable=0" ||
		die "lockstat boot $k failed ($WORK/logs/lockstat-$k.log)"
done
"$PY" "$ROOT/harness/lockstat-report.py" --lo "$lo" --hi "$hi" "${pair[@]}" \
	--title "base $(cat "$WORK/base.imported") vs base + $desc patch(es)" \
	"$WORK/logs/lockstat-base.log" "$WORK/logs/lockstat-series.log" \
	> "$ROOT/bench/$out"
cat "$ROOT/bench/$out"
