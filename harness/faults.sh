#!/bin/bash
# `make faults`: the test kernel with failslab and fail_page_alloc
# (configs/faults.config), booted on 4 vCPUs.  Each round, guest/init's
# faults_on makes 10% of the slab and page allocations made from
# test_vmalloc's code fail while it runs the stress set (vm_map_ram_test
# among it), the tests of that set that take well under a second 50
# times over (a test stops at its first failed allocation: the repeats
# are what takes its error paths many times), and a vm_map_ram() run of
# 4-page mappings; an exact leak check follows once injection is off.
# Then the vmalloc_exhaustion KUnit suite runs again through debugfs with
# injection on for its own task.  check-log.py --faults accepts the
# allocation-failure reports of the injected code inside the windows
# only (see there); any other splat, a leak, a hang, a failed KUnit case
# or a run no fault reached fails.  FAULTS_ROUNDS (default 2) sets the
# rounds per boot.
. "$(dirname "$0")/lib.sh"
x86_only

"$ROOT/harness/deps.sh"
"$ROOT/harness/apply.sh" series ${PATCHES:-}
kernel test+faults faults

rounds=${FAULTS_ROUNDS:-2}
run=$(mktemp)
trap 'rm -f "$run"' EXIT
echo TRIES=5 > "$run"
for i in $(seq "$rounds"); do
	cat <<RUN
used=\$(vmalloc_state /tmp/vmalloc.faults)
faults_on stress$i module
run_vmalloc_test faults-stress$i run_test_mask=$TV_MASK nr_threads=4 test_loop_count=1000 test_repeat_count=2
run_vmalloc_test faults-short$i run_test_mask=0x339 nr_threads=4 test_loop_count=1000 test_repeat_count=50
run_vmalloc_test faults-ram$i run_test_mask=0x400 nr_pages=4 nr_threads=4 test_loop_count=20000 test_repeat_count=50
faults_off stress$i
leak_check faults$i /tmp/vmalloc.faults \$used
faults_on exhaustion$i self
kunit_run vmalloc_exhaustion
faults_off exhaustion$i
RUN
done >> "$run"
logf=$WORK/logs/faults-console.log
# Only the vmalloc_exhaustion suite runs at boot: make test runs them all.
guest faults "$logf" --smp 4 --timeout 3600 \
	--append "kunit.filter_glob=vmalloc_exhaustion" < "$run"
"$PY" "$ROOT/harness/check-log.py" "$logf" --faults \
	--kunit-py "$SRC/tools/testing/kunit/kunit.py" \
	--tv-runs $((3 * rounds)) --leak-checks "$rounds"
