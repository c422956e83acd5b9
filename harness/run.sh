#!/bin/bash
# `make run`: build the series with the bench config (no checkers), boot it
# on 2 vCPUs and run test_vmalloc's performance workloads at 1 and 2
# threads; print one row per test.  LOOPS sets test_loop_count.
# align_shift_alloc_test is left out: it fails by design.  ARCH=arm64
# runs it on arm64 (obj/bench-series-arm64).
. "$(dirname "$0")/lib.sh"

loops=${LOOPS:-20000}
"$ROOT/harness/deps.sh"
"$ROOT/harness/apply.sh" series
obj=bench-series$ARCH_SUFFIX
kernel bench "$obj"
logf=$WORK/logs/run$ARCH_SUFFIX-console.log
log "test_loop_count=$loops"
guest "$obj" "$logf" --smp 2 --timeout 3600 --append "kunit.enable=0" <<RUN
run_vmalloc_test threads1 run_test_mask=$TV_MASK sequential_test_order=1 nr_threads=1 test_repeat_count=1 test_loop_count=$loops
run_vmalloc_test threads2 run_test_mask=$TV_MASK sequential_test_order=1 nr_threads=2 test_repeat_count=1 test_loop_count=$loops
RUN
[ "$guest_rc" = 0 ] || die "boot failed ($logf)"
PYTHONPATH=$ROOT/harness "$PY" - "$logf" <<'PY'
import statistics, sys
from tvlog import runs
res = {r['name']: r['summaries'] for r in runs(open(sys.argv[1], errors='replace'))}
tests = list(dict.fromkeys(r['test'] for r in res.get('threads1', [])))
print(f"{'test':34} {'1 thread usec':>14} {'2 threads usec':>15}  result")
bad = 0
for t in tests:
    cells, ok = [], True
    for name in ('threads1', 'threads2'):
        v = [r for r in res.get(name, []) if r['test'] == t]
        ok &= all(r['failed'] == 0 and r['passed'] > 0 for r in v) and bool(v)
        cells.append(f"{statistics.mean(r['usec'] for r in v):.0f}" if v else '-')
    bad += not ok
    print(f"{t:34} {cells[0]:>14} {cells[1]:>15}  {'ok' if ok else 'FAILED'}")
print("(avg usec per test run as test_vmalloc reports it; 2 threads: mean of both;"
      " TCG time: compare only with make bench)")
sys.exit(1 if bad or not tests else 0)
PY
