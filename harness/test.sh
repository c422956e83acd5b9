#!/bin/bash
# Usage: test.sh [N]
# `make test`: apply the first N patches of the series (all by default),
# build the test kernel (checkers on), boot it on 4 vCPUs, let the KUnit
# suites run at boot, run test_vmalloc in smoke mode, and judge the console.
# Ends with "N passed, N failed"; exits non-zero on any failure, splat, hang
# or patch that does not apply.  ARCH=arm64 (`make test ARCH=arm64`) builds
# and boots the same tests on arm64, into obj/test-arm64; KASAN=sw-tags
# there uses software tag-based KASAN instead of generic KASAN.
. "$(dirname "$0")/lib.sh"

limit=${1:-}
"$ROOT/harness/deps.sh"
"$ROOT/harness/apply.sh" series $limit
mkdir -p "$WORK/logs"

# The userland harnesses, those the applied series has, under ASan and
# UBSan, no QEMU: vmap_kva (the allocator's KUnit suite, 10^6 random
# operations) and vmap_area (the area layer: quantum cache, purge
# batching and flushes, reclaim, 10^5 random steps against a model).
userland=()
for u in vmap_kva vmap_area; do
	[ -d "$SRC/tools/testing/$u" ] || continue
	ulog=$WORK/logs/test-userland-$u.log
	log "userland: tools/testing/$u (log: $ulog)"
	urc=0
	make -s -C "$SRC/tools/testing/$u" OUT="$OBJ/$u" check \
		> "$ulog" 2>&1 || urc=$?
	echo "HARNESS: exit $urc" >> "$ulog"
	userland+=(--userland "$ulog")
done

flavor=test obj=test
case "${KASAN:-generic}" in
generic) ;;
sw-tags)
	[ "$ARCH" = arm64 ] || die "KASAN=sw-tags: arm64 only"
	flavor=test+kasan-sw-tags obj=test-sw-tags ;;
*)	die "KASAN=$KASAN: generic or sw-tags" ;;
esac
obj=$obj$ARCH_SUFFIX
kernel "$flavor" "$obj"
logf=$WORK/logs/$obj-console.log
# TCG emulates arm64 more slowly than x86_64 on this host.
timeout=3600
[ "$ARCH" = arm64 ] && timeout=7200
# Smoke mode is SMOKE_PARAM of tools/testing/selftests/mm/test_vmalloc.sh
# (test_loop_count=10000 test_repeat_count=10), at 2 threads so the test
# kernel's checkers see concurrent frees, and without align_shift_alloc_test
# (mask bit 6), which fails by design with a warn_alloc() report.
# The stress run is the same test set at 4 threads on the 4 vCPUs, repeated
# 3 times, at 1000 loops: 4 vCPUs on this machine's 2 cores spin on each
# other's preempted lock holders, and 10000 loops took over 15 minutes for
# a single repeat. Each run is bracketed by a leak check: after it, the busy areas
# of /proc/vmallocinfo and VmallocUsed must be what they were before it
# (guest/init's vmalloc_state and leak_check say what is left out and why).
# The hotplug run maps and unmaps 4 pages with vm_map_ram() on 4 threads
# while CPUs 1-3 go offline and online again in turn, and checks for leaks
# after it as well.
# SMOKE_REPEAT, STRESS_REPEAT and HOTPLUG_REPEAT lower the repeat counts for
# a quicker local run.
guest "$obj" "$logf" --smp 4 --timeout $timeout <<RUN
checked_run smoke run_test_mask=$TV_MASK nr_threads=2 test_loop_count=10000 test_repeat_count=${SMOKE_REPEAT:-10}
checked_run stress run_test_mask=$TV_MASK nr_threads=4 test_loop_count=1000 test_repeat_count=${STRESS_REPEAT:-3}
DURING=hotplug_loop
checked_run hotplug run_test_mask=0x400 nr_pages=4 nr_threads=4 test_loop_count=20000 test_repeat_count=${HOTPLUG_REPEAT:-2}
DURING=
RUN
"$PY" "$ROOT/harness/check-log.py" "$logf" \
	--kunit-py "$SRC/tools/testing/kunit/kunit.py" --tv-runs 3 --leak-checks 3 --hotplug-cycles 1 "${userland[@]}"
