#!/bin/bash
# `make kcsan`: build the series with configs/kcsan.config, boot it on 4
# vCPUs, let the KUnit suites run at boot, run test_vmalloc's smoke and
# stress sets, and judge the console like make test, except that a KCSAN
# report fails the run only when one of its two racing accesses is in a
# function of mm/vmalloc.c, mm/vmap_kva.c or mm/vmap_block.c; the others (other
# subsystems' races, which this series does not own) are listed.
. "$(dirname "$0")/lib.sh"
x86_only

"$ROOT/harness/deps.sh"
"$ROOT/harness/apply.sh" series ${PATCHES:-}
"$ROOT/harness/build.sh" kcsan kcsan
"$ROOT/harness/initramfs.sh" kcsan

# The functions the series' files define, as the reports name them.
syms=$WORK/logs/kcsan-symbols.txt
mkdir -p "$WORK/logs"
for o in mm/vmalloc.o mm/vmap_kva.o mm/vmap_block.o; do
	[ -f "$OBJ/kcsan/$o" ] && nm "$OBJ/kcsan/$o"
done | awk '$2 ~ /^[tT]$/ { sub(/\..*/, "", $3); print $3 }' | sort -u > "$syms"

run=$(mktemp)
trap 'rm -f "$run"' EXIT
cat > "$run" <<RUN
used=\$(vmalloc_state /tmp/vmalloc.smoke)
run_vmalloc_test smoke run_test_mask=0x7bf nr_threads=2 test_loop_count=1000 test_repeat_count=${SMOKE_REPEAT:-2}
leak_check smoke /tmp/vmalloc.smoke \$used
used=\$(vmalloc_state /tmp/vmalloc.stress)
run_vmalloc_test stress run_test_mask=0x7bf nr_threads=4 test_loop_count=1000 test_repeat_count=${STRESS_REPEAT:-1}
leak_check stress /tmp/vmalloc.stress \$used
RUN
logf=$WORK/logs/kcsan-console.log
log "booting the KCSAN kernel (console: $logf)"
start=$(date +%s)
rc=0
"$ROOT/harness/boot.sh" kcsan "$run" "$logf" --smp 4 --timeout 3600 || rc=$?
log "guest ran $(( $(date +%s) - start ))s (boot.sh exit $rc)"
"$PY" "$ROOT/harness/check-log.py" "$logf" \
	--kunit-py "$SRC/tools/testing/kunit/kunit.py" --tv-runs 2 --leak-checks 2 \
	--kcsan-symbols "$syms"
