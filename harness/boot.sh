#!/bin/bash
# Usage: boot.sh OBJNAME RUNSCRIPT LOG [options]
#   --smp N        vCPUs (default 2)
#   --icount       single-threaded, deterministic TCG: guest time counts
#                  instructions (-icount shift=0,align=off,sleep=off)
#   --timeout S    kill QEMU after S seconds (default 1200): a hang fails
#   --mem SIZE     guest memory (default 2G)
#   --append ARGS  extra kernel command line
# Boots $OBJ/OBJNAME under TCG with RUNSCRIPT as the guest's /run.sh and the
# serial console written to LOG: on QEMU's default PC machine for x86_64,
# on its virt machine for ARCH=arm64.  Exits 0 when the guest printed
# "HARNESS: done" and rebooted; 124 on timeout; 1 otherwise.
. "$(dirname "$0")/lib.sh"

name=${1:?objname}; run=${2:?runscript}; logf=${3:?log}
shift 3
smp=2 icount= timeout=1200 mem=2G append=
while [ $# -gt 0 ]; do
	case "$1" in
	--smp) smp=$2; shift ;;
	--icount) icount=1 ;;
	--timeout) timeout=$2; shift ;;
	--mem) mem=$2; shift ;;
	--append) append=$2; shift ;;
	*) die "boot.sh: unknown option $1" ;;
	esac
	shift
done
out=$OBJ/$name
[ -f "$out/initramfs.cpio.gz" ] || "$ROOT/harness/initramfs.sh" "$name"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/root"
cp "$run" "$tmp/root/run.sh"
(cd "$tmp/root" && echo run.sh | cpio -o -H newc --quiet -R 0:0) | gzip -1 > "$tmp/run.cpio.gz"
cat "$out/initramfs.cpio.gz" "$tmp/run.cpio.gz" > "$tmp/initrd"

accel=(-accel tcg)
[ -n "$icount" ] && accel=(-accel tcg,thread=single -icount shift=0,align=off,sleep=off)

# panic=-1 and oops=panic: a crash reboots at once, and -no-reboot turns
# that reboot (and the guest's own reboot -f) into QEMU exiting.
# On arm64, -cpu max with an implementation-defined pointer-authentication
# algorithm: QEMU documents the architected one (QARMA) as slow under TCG.
if [ "$ARCH" = arm64 ]; then
	qemu=(qemu-system-aarch64 -M virt -cpu max,pauth-impdef=on)
	console=ttyAMA0
else
	qemu=(qemu-system-x86_64 -cpu max)
	console=ttyS0
fi
cmdline="console=$console panic=-1 oops=panic nokaslr $append"
set +e
timeout -k 10 "$timeout" "${qemu[@]}" "${accel[@]}" -m "$mem" \
	-smp "$smp" -kernel "$out/$KIMAGE" -initrd "$tmp/initrd" \
	-append "$cmdline" -display none -monitor none -serial "file:$logf" \
	-no-reboot -nodefaults </dev/null
rc=$?
set -e
[ $rc = 124 ] || [ $rc = 137 ] && { log "QEMU timed out after ${timeout}s ($logf)"; exit 124; }
grep -q '^HARNESS: done' "$logf" || { log "guest did not finish ($logf)"; exit 1; }
exit 0
