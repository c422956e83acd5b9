#!/bin/bash
# `make bench-vmmap`: the vm_map_ram() table of the 2008 vmap rewrite.
# Builds the base and the series with the bench config (as `make bench`),
# boots them alternately (ABBA), and in each boot runs test_vmalloc's
# vm_map_ram_test (map NR pages, touch the first, unmap) at NR = 1, 4, 16
# and 64 pages, in the modes of MODES:
#   icount: -smp 1, 1 thread, -icount shift=0 (guest time counts
#           instructions: deterministic to ~1%);
#   smp2:   -smp 2, 2 threads; smp4: -smp 4, 4 threads (real-time TCG,
#           noisy; 4 vCPUs on 2 host cores).
# Writes bench/vmmap.{md,json}: ns per map+unmap pair, base/series and the
# noise band (base spread + series spread over boots).
# Environment: BOOTS (per kernel and mode, default 3), MODES (default
# "icount smp2 smp4"), LOOPS_ICOUNT (default 100000), LOOPS_SMP (default
# 50000), PATCHES (series prefix).
. "$(dirname "$0")/lib.sh"
. "$ROOT/harness/bench-lib.sh"
x86_only

loops_smp=${LOOPS_SMP:-50000}
modes=${MODES:-icount smp2 smp4}
sizes="1 4 16 64"

bench_kernels

logs=$WORK/logs/bench-vmmap
mkdir -p "$logs" "$ROOT/bench"
rm -f "$logs"/*.log
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
script() {	# mode threads loops
	for n in $sizes; do
		echo "run_vmalloc_test vmmap$n run_test_mask=0x400 nr_pages=$n nr_threads=$2 test_repeat_count=1 test_loop_count=$3"
	done > "$tmp/$1.sh"
}
script icount 1 "$loops_icount"
script smp2 2 "$loops_smp"
script smp4 4 "$loops_smp"

bench_abba bench-vmmap "$logs" "$tmp" 4
"$PY" "$ROOT/harness/bench-vmmap-report.py" --out "$ROOT/bench" \
	--title "base $(cat "$WORK/base.imported") vs base + $series_desc patch(es); $boots boots per kernel and mode; loops: icount $loops_icount, smp $loops_smp" \
	"$logs"
log "wrote bench/vmmap.md, bench/vmmap.json"
