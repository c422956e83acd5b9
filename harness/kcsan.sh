#!/bin/bash
# `make kcsan`: build the series with configs/kcsan.config, boot it on 4
# vCPUs, let the KUnit suites run at boot, run test_vmalloc's smoke and
# stress sets, and judge the console like make test, except that a KCSAN
# report fails the run only when one of its two racing accesses is in a
# function of the vmap layer (mm/vmalloc.c, mm/vmap_area.c, mm/vmap_kva.c,
# mm/vmap_block.c); the others (other subsystems' races, which this series
# does not own) are listed.
. "$(dirname "$0")/lib.sh"
x86_only

"$ROOT/harness/deps.sh"
"$ROOT/harness/apply.sh" series ${PATCHES:-}
kernel kcsan kcsan

# The functions the series' files define, as the reports name them.
syms=$WORK/logs/kcsan-symbols.txt
mkdir -p "$WORK/logs"
for o in mm/vmalloc.o mm/vmap_area.o mm/vmap_kva.o mm/vmap_block.o; do
	[ -f "$OBJ/kcsan/$o" ] && nm "$OBJ/kcsan/$o"
done | awk '$2 ~ /^[tT]$/ { sub(/\..*/, "", $3); print $3 }' | sort -u > "$syms"

logf=$WORK/logs/kcsan-console.log
guest kcsan "$logf" --smp 4 --timeout 3600 <<RUN
checked_run smoke run_test_mask=$TV_MASK nr_threads=2 test_loop_count=1000 test_repeat_count=${SMOKE_REPEAT:-2}
checked_run stress run_test_mask=$TV_MASK nr_threads=4 test_loop_count=1000 test_repeat_count=${STRESS_REPEAT:-1}
RUN
"$PY" "$ROOT/harness/check-log.py" "$logf" \
	--kunit-py "$SRC/tools/testing/kunit/kunit.py" --tv-runs 2 --leak-checks 2 \
	--kcsan-symbols "$syms"
