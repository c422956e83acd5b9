#!/bin/bash
# Usage: initramfs.sh OBJNAME
# Build $OBJ/OBJNAME/initramfs.cpio.gz: static busybox, the finit helper,
# guest/init and the test_vmalloc module of that build.  The per-boot
# /run.sh is appended by boot.sh as a second archive.
. "$(dirname "$0")/lib.sh"

out=$OBJ/${1:?objname}
[ -x "$GUEST_BUSYBOX" ] || die "$GUEST_BUSYBOX missing (make deps ARCH=$ARCH)"
ko=$out/lib/test_vmalloc.ko
[ -f "$ko" ] || die "$ko missing: build first"

mkdir -p "$WORK/guest"
finit=$WORK/guest/finit$ARCH_SUFFIX
if [ ! -x "$finit" ] || [ "$ROOT/guest/finit.c" -nt "$finit" ]; then
	"${CROSS_COMPILE}gcc" -static -O2 -Wall -Wextra -Werror -o "$finit" \
		"$ROOT/guest/finit.c"
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging"/{bin,dev,proc,sys,lib,tmp}
cp "$GUEST_BUSYBOX" "$staging/bin/busybox"
ln -s busybox "$staging/bin/sh"		# /init's interpreter, before --install
cp "$finit" "$staging/bin/finit"
cp "$ROOT/guest/init" "$staging/init"
chmod +x "$staging/init"
cp "$ko" "$staging/lib/test_vmalloc.ko"
(cd "$staging" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 > "$out/initramfs.cpio.gz"
