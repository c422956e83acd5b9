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
"$ROOT/harness/build.sh" bench "$obj"
"$ROOT/harness/initramfs.sh" "$obj"
mkdir -p "$WORK/logs"
logf=$WORK/logs/run$ARCH_SUFFIX-console.log
run=$(mktemp)
trap 'rm -f "$run"' EXIT
cat > "$run" <<RUN
run_vmalloc_test threads1 run_test_mask=0x7bf sequential_test_order=1 nr_threads=1 test_repeat_count=1 test_loop_count=$loops
run_vmalloc_test threads2 run_test_mask=0x7bf sequential_test_order=1 nr_threads=2 test_repeat_count=1 test_loop_count=$loops
RUN
log "booting the series (bench config), test_loop_count=$loops"
"$ROOT/harness/boot.sh" "$obj" "$run" "$logf" --smp 2 --timeout 3600 \
	--append "kunit.enable=0" || die "boot failed ($logf)"
"$PY" - "$logf" <<'PY'
import re, sys, statistics
runs, cur = {}, None
for l in open(sys.argv[1], errors='replace'):
    m = re.search(r'HARNESS: test_vmalloc begin (\S+)', l)
    if m:
        cur = runs.setdefault(m.group(1), {})
    m = re.search(r'Summary: (\S+) passed: (\d+) failed: (\d+) .* avg: (\d+) usec', l)
    if m and cur is not None:
        cur.setdefault(m.group(1), []).append((int(m.group(2)), int(m.group(3)), int(m.group(4))))
tests = list(runs.get('threads1', {}))
print(f"{'test':34} {'1 thread usec':>14} {'2 threads usec':>15}  result")
bad = 0
for t in tests:
    cells, ok = [], True
    for r in ('threads1', 'threads2'):
        v = runs.get(r, {}).get(t, [])
        ok &= all(f == 0 and p > 0 for p, f, _ in v) and bool(v)
        cells.append(f"{statistics.mean(u for _, _, u in v):.0f}" if v else '-')
    bad += not ok
    print(f"{t:34} {cells[0]:>14} {cells[1]:>15}  {'ok' if ok else 'FAILED'}")
print("(avg usec per test run as test_vmalloc reports it; 2 threads: mean of both;"
      " TCG time: compare only with make bench)")
sys.exit(1 if bad or not tests else 0)
PY
