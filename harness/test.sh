#!/bin/bash
# Usage: test.sh [N]
# `make test`: apply the first N patches of the series (all by default),
# build the test kernel (checkers on), boot it on 4 vCPUs, let the KUnit
# suites run at boot, run test_vmalloc in smoke mode, and judge the console.
# Ends with "N passed, N failed"; exits non-zero on any failure, splat, hang
# or patch that does not apply.
. "$(dirname "$0")/lib.sh"

limit=${1:-}
"$ROOT/harness/deps.sh"
"$ROOT/harness/apply.sh" series $limit
mkdir -p "$WORK/logs"

# The allocator core's userland harness, when the applied series has it:
# its KUnit suite under ASan and UBSan, 10^6 random operations, no QEMU.
userland=()
if [ -d "$SRC/tools/testing/vmap_kva" ]; then
	ulog=$WORK/logs/test-userland.log
	log "userland: tools/testing/vmap_kva (log: $ulog)"
	urc=0
	make -s -C "$SRC/tools/testing/vmap_kva" OUT="$OBJ/vmap_kva" check \
		> "$ulog" 2>&1 || urc=$?
	echo "HARNESS: exit $urc" >> "$ulog"
	userland=(--userland "$ulog")
fi

"$ROOT/harness/build.sh" test test
"$ROOT/harness/initramfs.sh" test
logf=$WORK/logs/test-console.log
run=$(mktemp)
trap 'rm -f "$run"' EXIT
# Smoke mode is SMOKE_PARAM of tools/testing/selftests/mm/test_vmalloc.sh
# (test_loop_count=10000 test_repeat_count=10), at 2 threads so the test
# kernel's checkers see concurrent frees, and without align_shift_alloc_test
# (mask bit 6), which fails by design with a warn_alloc() report.
# SMOKE_REPEAT lowers test_repeat_count for a quicker local run.
cat > "$run" <<RUN
echo "HARNESS: VmallocUsed before: \$(vmalloc_used) kB"
run_vmalloc_test smoke run_test_mask=0x7bf nr_threads=2 test_loop_count=10000 test_repeat_count=${SMOKE_REPEAT:-10}
echo "HARNESS: VmallocUsed after: \$(vmalloc_used) kB"
RUN
log "booting the test kernel (console: $logf)"
start=$(date +%s)
rc=0
"$ROOT/harness/boot.sh" test "$run" "$logf" --smp 4 --timeout 2400 || rc=$?
log "guest ran $(( $(date +%s) - start ))s (boot.sh exit $rc)"
"$PY" "$ROOT/harness/check-log.py" "$logf" \
	--kunit-py "$SRC/tools/testing/kunit/kunit.py" --tv-runs 1 "${userland[@]}"
