#!/bin/bash
# Usage: wip/stress-pair.sh N TAG
# Apply the first N patches of the series, build the test kernel, and run
# one repeat of the 4-thread stress set; print the guest's wall time and
# each thread's avg usec for the tests that showed the gap.
set -e
cd "$(dirname "$0")/.."
run=$(mktemp)
echo 'run_vmalloc_test stress run_test_mask=0x7bf nr_threads=4 test_loop_count=1000 test_repeat_count=1' > "$run"
harness/apply.sh series "$1" > /dev/null
harness/build.sh test test > /dev/null
harness/initramfs.sh test > /dev/null
log=/tmp/stress-$2.log
s=$(date +%s)
harness/boot.sh test "$run" "$log" --smp 4 --timeout 1800 > /dev/null || true
echo "$2: wall $(( $(date +%s) - s ))s"
grep -E "Summary: (full_fit|long_busy|fix_size|random_size_alloc)" "$log" |
	sed 's/.*Summary: \([a-z_]*\) .*avg: \([0-9]*\).*/\1 \2/' | sort |
	awk '{a[$1] = a[$1] " " $2} END {for (k in a) print k, a[k]}'
rm -f "$run"
