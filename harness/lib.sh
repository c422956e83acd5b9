# Common settings for the harness scripts; sourced, not run.
# shellcheck shell=bash
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# All derived state (the imported base, the build source path, object
# directories, the developers' working tree) lives at one fixed absolute
# path, reachable as .work from the repository.  The path is part of every
# compile line, so a fixed one lets any clone (CI's included) hit the same
# ccache entries and reuse object directories incrementally.
WORK=${VMALLOC_WORK:-/var/tmp/vmalloc-series}
mkdir -p "$WORK"
[ -e "$ROOT/.work" ] || ln -s "$WORK" "$ROOT/.work"
BASE_GIT=$WORK/base.git		# bare repo: the base as one commit, tag "base"
SRC=$WORK/src			# the one source path every build uses
OBJ=$WORK/obj			# O= directories, one per (tree, config)
TREE=$WORK/tree			# developers' working tree (make tree)
PKG=linux-source-6.12
TARBALL=/usr/src/linux-source-6.12.tar.xz

# Debian's python3, which has python3-matplotlib; a python3 earlier on PATH
# (pyenv, a venv) may not.
PY=/usr/bin/python3
# The kernel's own scripts (checkpatch's spdxcheck.py, kunit.py) run
# "python3" from PATH: make that Debian's too.
export PATH=/usr/bin:$PATH

# test_vmalloc's run_test_mask for "every test": all 11 but
# align_shift_alloc_test (bit 6), which fails by design with a warn_alloc()
# report.
TV_MASK=0x7bf

log() { printf '[harness] %s\n' "$*" >&2; }
die() { printf '[harness] error: %s\n' "$*" >&2; exit 1; }

# The guest's architecture: ARCH=x86_64 (the default) or ARCH=arm64, which
# is cross-built with Debian's gcc-aarch64-linux-gnu and boots on
# qemu-system-aarch64 -M virt.  An arm64 object directory is named after
# its x86_64 sibling with ARCH_SUFFIX appended (obj/test-arm64).
case "${ARCH:-x86_64}" in
x86_64|x86)
	ARCH=x86_64 ARCH_SUFFIX= CROSS_COMPILE=
	KIMAGE=arch/x86/boot/bzImage KIMAGE_TARGET=bzImage ;;
arm64|aarch64)
	ARCH=arm64 ARCH_SUFFIX=-arm64 CROSS_COMPILE=aarch64-linux-gnu-
	KIMAGE=arch/arm64/boot/Image KIMAGE_TARGET=Image ;;
*)	die "ARCH=$ARCH: the harness builds x86_64 or arm64" ;;
esac
export ARCH
# For the targets that measure or need x86_64 (bench, lockstat, KCSAN).
x86_only() {
	[ "$ARCH" = x86_64 ] || die "$(basename "$0"): x86_64 only (ARCH=$ARCH)"
}
# Static busybox for the guest: the host's own on x86_64, Debian's arm64
# package unpacked by deps.sh on arm64.
if [ "$ARCH" = arm64 ]; then
	GUEST_BUSYBOX=$WORK/arm64/busybox/bin/busybox
else
	GUEST_BUSYBOX=/bin/busybox
fi

# The version recorded in the repository, and the one on this machine.
recorded_version() { cat "$ROOT/base.version"; }
installed_version() {
	dpkg-query -W -f='${Status} ${Version}\n' "$PKG" 2>/dev/null |
		awk '$3 == "installed" { print $4 }'
}

# Deterministic git identity and dates for the commits the harness makes.
export GIT_AUTHOR_NAME="vmalloc harness" GIT_AUTHOR_EMAIL="harness@localhost"
export GIT_COMMITTER_NAME="vmalloc harness" GIT_COMMITTER_EMAIL="harness@localhost"
export GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" GIT_COMMITTER_DATE="2000-01-01T00:00:00Z"

# kernel FLAVOR OBJNAME: build $SRC with FLAVOR's config fragments into
# $OBJ/OBJNAME and pack the initramfs its guests boot.
kernel() {
	"$ROOT/harness/build.sh" "$1" "$2"
	"$ROOT/harness/initramfs.sh" "$2"
}

# guest OBJNAME LOG [boot.sh options] < COMMANDS: boot OBJNAME with the
# guest commands on stdin (guest/init's functions: checked_run,
# run_vmalloc_test, ...) and its console written to LOG.  Sets guest_rc to
# boot.sh's exit status (0; 124 on timeout; 1) and logs the guest's time;
# check-log.py then judges LOG.
guest() {
	local name=$1 logf=$2 run start
	shift 2
	run=$(mktemp)
	cat > "$run"
	mkdir -p "$(dirname "$logf")"
	log "booting $name (console: $logf)"
	start=$(date +%s)
	guest_rc=0
	"$ROOT/harness/boot.sh" "$name" "$run" "$logf" "$@" || guest_rc=$?
	rm -f "$run"
	log "guest ran $(( $(date +%s) - start ))s (boot.sh exit $guest_rc)"
}
