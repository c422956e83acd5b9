#!/bin/bash
# Install what the harness needs from Debian's archive.  Idempotent: does
# nothing (and needs no network) when everything is installed.
. "$(dirname "$0")/lib.sh"

pkgs=(gcc make flex bison bc libelf-dev libssl-dev cpio xz-utils gzip kmod
      git ccache qemu-system-x86 busybox-static python3 python3-matplotlib
      python3-ply python3-git sparse quilt)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	log "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
		apt-get update -qq
		apt-get install -y -qq "${missing[@]}" >/dev/null
	}
fi
"$ROOT/harness/base.sh"
