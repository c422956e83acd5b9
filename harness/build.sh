#!/bin/bash
# Usage: build.sh FLAVOR OBJNAME [extra make args...]
# Build $SRC (as apply.sh left it) for $ARCH with configs/common.config,
# configs/$ARCH.config and configs/<flavor>.config over tinyconfig, into
# $OBJ/OBJNAME.
# Every build uses the one source path $SRC and sibling O= directories, and
# ccache rewrites absolute paths below $WORK, so the base and the patched
# tree, and a fresh clone in CI, share one cache.
. "$(dirname "$0")/lib.sh"

flavor=${1:?flavor: test, bench, test+kasan-sw-tags, ...}
name=${2:?objname}
shift 2
out=$OBJ/$name
mkdir -p "$out"

command -v ccache >/dev/null || die "ccache missing (make deps)"
export CCACHE_BASEDIR=$WORK CCACHE_COMPILERCHECK=content CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS=time_macros,include_file_mtime,include_file_ctime
ccache -M 20G >/dev/null
export KBUILD_BUILD_TIMESTAMP="Sat Jan  1 00:00:00 UTC 2000"
export KBUILD_BUILD_USER=harness KBUILD_BUILD_HOST=harness
MAKE=(make -C "$SRC" O="$out" ARCH="$ARCH" CROSS_COMPILE="$CROSS_COMPILE"
      CC="ccache ${CROSS_COMPILE}gcc" HOSTCC="ccache gcc" -j"$(nproc)")
# A flavor "a+b" merges configs/a.config, then configs/b.config over it.
fragments=("$ROOT/configs/common.config" "$ROOT/configs/$ARCH.config")
for f in ${flavor//+/ }; do
	fragments+=("$ROOT/configs/$f.config")
done

# Regenerate .config when the fragments or the tree's Kconfig files changed.
stamp=$( (cat "${fragments[@]}";
	 git -C "$SRC" rev-parse HEAD) | sha1sum | cut -c1-16)
if [ "$(cat "$out/.config.stamp" 2>/dev/null)" != "$stamp" ]; then
	log "configuring $name ($flavor)"
	# Generate into .config.new and replace .config only if it differs:
	# a rewritten .config makes kbuild recheck every object.
	new=$out/.config.new
	KCONFIG_CONFIG=$new "${MAKE[@]}" -s tinyconfig >/dev/null
	KCONFIG_CONFIG=$new "$SRC/scripts/kconfig/merge_config.sh" -m \
		-O "$out" "$new" "${fragments[@]}" >/dev/null
	KCONFIG_CONFIG=$new "${MAKE[@]}" -s olddefconfig >/dev/null
	rm -f "$new.old"
	if cmp -s "$new" "$out/.config"; then
		rm -f "$new"
	else
		mv "$new" "$out/.config"
	fi
	# Every requested symbol that exists in this tree must have stuck,
	# at the value of the last fragment that sets it.
	missing=0
	declare -A seen=()
	known=$(git -C "$SRC" grep -h -E '^(menu)?config [A-Z0-9_]+$' -- '*Kconfig*' |
		awk '{ print "CONFIG_" $2 }' | sort -u)
	while IFS= read -r line; do
		case "$line" in CONFIG_*=*) ;; *) continue ;; esac
		sym=${line%%=*}
		[ -z "${seen[$sym]:-}" ] || continue
		seen[$sym]=1
		grep -qx "$sym" <<<"$known" || continue
		val=${line#*=}
		if [ "$val" = n ]; then
			grep -q "^$sym=" "$out/.config" && { log "$sym not off"; missing=1; }
		else
			grep -qx "$line" "$out/.config" || { log "$line did not stick"; missing=1; }
		fi
	done < <(cat "${fragments[@]}" | tac)
	[ $missing = 0 ] || die "config for $name is not what configs/ asks for"
	echo "$stamp" > "$out/.config.stamp"
fi

log "building $name ($flavor) from $(git -C "$SRC" log -1 --format=%s HEAD | cut -c1-60)"
start=$(date +%s)
set +e
"${MAKE[@]}" "$@" "$KIMAGE_TARGET" modules 2>&1 | tee "$out/build.log" | {
	n=0
	while IFS= read -r line; do
		case "$line" in "  CC "*) ;; *) continue ;; esac
		n=$((n + 1))
		[ $((n % 200)) = 0 ] && printf '[build] %5d compiled, %4ds, %s\n' \
			"$n" $(( $(date +%s) - start )) "${line#  CC }"
	done
	true
}
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" != 0 ]; then
	grep -E 'error|Error' "$out/build.log" | head -30 >&2
	die "build of $name failed (log: $out/build.log)"
fi
grep -E '(^|: )warning:' "$out/build.log" | head -20 >&2 || true
log "built $name in $(( $(date +%s) - start ))s: $out/$KIMAGE"
