#!/bin/bash
# Install what the harness needs from Debian's archive.  Idempotent: does
# nothing (and needs no network) when everything is installed.
. "$(dirname "$0")/lib.sh"

pkgs=(gcc make flex bison bc libelf-dev libssl-dev cpio xz-utils gzip kmod
      git ccache qemu-system-x86 busybox-static python3 python3-matplotlib
      python3-ply python3-git sparse quilt)
# install PKG...: apt-get install those of PKG... not installed yet.
install() {
	local p missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
			grep -q '^install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -gt 0 ] || return 0
	log "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
		apt-get update -qq
		apt-get install -y -qq "${missing[@]}" >/dev/null
	}
}

install "${pkgs[@]}"
# DOCS=1 (make check): Sphinx, for make htmldocs.
[ -n "${DOCS:-}" ] && install python3-sphinx python3-sphinx-rtd-theme
# ARCH=arm64: the cross compiler, QEMU's arm64 system emulator and the
# arm64 static busybox for the guest, unpacked from Debian's package (it
# cannot be installed beside the host's).
if [ "$ARCH" = arm64 ]; then
	install gcc-aarch64-linux-gnu qemu-system-arm
	if [ ! -x "$GUEST_BUSYBOX" ]; then
		log "fetching Debian's arm64 busybox-static"
		dpkg --print-foreign-architectures | grep -qx arm64 || {
			dpkg --add-architecture arm64
			apt-get update -qq
		}
		dl=$(mktemp -d)
		chmod 755 "$dl"		# apt's download user writes there
		(cd "$dl" && apt-get download -qq busybox-static:arm64) ||
			{ apt-get update -qq; (cd "$dl" && apt-get download -qq busybox-static:arm64); }
		rm -rf "$WORK/arm64/busybox"
		mkdir -p "$WORK/arm64"
		dpkg-deb -x "$dl"/busybox-static_*_arm64.deb "$WORK/arm64/busybox"
		rm -rf "$dl"
		[ -x "$GUEST_BUSYBOX" ] || die "no busybox in Debian's busybox-static:arm64"
	fi
fi
"$ROOT/harness/base.sh"
