#!/bin/bash
# Usage: stress-ab.sh OBJ_A OBJ_B [ROUNDS]
# Compare two already built test kernels ($OBJ/OBJ_A, $OBJ/OBJ_B, each with
# its initramfs; build them with apply.sh, build.sh test NAME and
# initramfs.sh NAME) at 4 threads under the test config's checkers: boot
# each ROUNDS times (default 4) in ABBA order on -smp 4 and run one repeat
# of the stress set.  Prints each boot's time from start to power-off and
# its splat count, then the medians, and how many of the pairs of boots
# have B slower than A (half of them is what no difference gives).  Logs
# go to $WORK/logs/stress-ab/.  Real-time TCG with 4 vCPUs on 2 cores
# spreads one kernel's boots by 2x and more: use 8 rounds or more.
. "$(dirname "$0")/lib.sh"
x86_only

a=${1:?OBJ_A}
b=${2:?OBJ_B}
rounds=${3:-4}
for k in "$a" "$b"; do
	[ -f "$OBJ/$k/initramfs.cpio.gz" ] || die "$OBJ/$k: build it first"
done

dir=$WORK/logs/stress-ab
mkdir -p "$dir"
run=$(mktemp)
trap 'rm -f "$run"' EXIT
echo "run_vmalloc_test stress run_test_mask=$TV_MASK nr_threads=4 test_loop_count=1000 test_repeat_count=1" > "$run"

declare -A times
for r in $(seq 1 "$rounds"); do
	if [ $((r % 2)) = 1 ]; then order="$a $b"; else order="$b $a"; fi
	for k in $order; do
		logf=$dir/$k-$r.log
		t0=$(date +%s)
		"$ROOT/harness/boot.sh" "$k" "$run" "$logf" --smp 4 \
			--timeout 1800 --append "kunit.enable=0" >/dev/null 2>&1 ||
			log "boot $k round $r failed ($logf)"
		t=$(( $(date +%s) - t0 ))
		times[$k]+=" $t"
		splats=$(grep -c -E 'BUG:|WARNING:|KASAN:|Call Trace:' "$logf" || true)
		echo "$k round $r: ${t}s, splat lines: $splats"
	done
done

"$PY" - "$a" "${times[$a]}" "$b" "${times[$b]}" <<'PY'
import statistics, sys
a, ta, b, tb = sys.argv[1], sys.argv[2].split(), sys.argv[3], sys.argv[4].split()
ta, tb = [int(x) for x in ta], [int(x) for x in tb]
slower = sum((y > x) + 0.5 * (y == x) for x in ta for y in tb)
print(f"{a}: median {statistics.median(ta)} s ({min(ta)}-{max(ta)})")
print(f"{b}: median {statistics.median(tb)} s ({min(tb)}-{max(tb)})")
print(f"{b} slower in {slower:g} of {len(ta) * len(tb)} pairs of boots")
PY
