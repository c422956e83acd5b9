#!/bin/bash
# Install Debian's linux-source-6.12 (the recorded version when apt still
# offers it) and import it once into a bare git repository, tag "base".
# Idempotent: does nothing when the imported version is the installed one.
. "$(dirname "$0")/lib.sh"

want=$(recorded_version)
have=$(installed_version || true)
if [ "$have" != "$want" ]; then
	log "installing $PKG=$want"
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y -qq "$PKG=$want" >/dev/null 2>&1; then
		apt-get update -qq
		if ! apt-get install -y -qq "$PKG=$want" >/dev/null 2>&1; then
			log "WARNING: apt no longer offers $PKG $want; using the newest"
			apt-get install -y -qq "$PKG" >/dev/null
		fi
	fi
	have=$(installed_version)
fi
[ -f "$TARBALL" ] || die "$TARBALL missing after installing $PKG $have"

if [ -d "$BASE_GIT" ] && [ "$(cat "$WORK/base.imported" 2>/dev/null)" = "$have" ]; then
	exit 0
fi

log "importing $PKG $have into $BASE_GIT (one-time, a few minutes)"
rm -rf "$BASE_GIT" "$WORK/import"
mkdir -p "$WORK/import"
tar -C "$WORK/import" -xf "$TARBALL"
imp=$WORK/import/linux-source-6.12
[ -f "$imp/Makefile" ] || die "unexpected tarball layout"
git -C "$imp" init -q
git -C "$imp" config core.autocrlf false
# The tarball carries no .gitignore-excluded files we need, but kernel
# .gitignore files would hide nothing relevant: add everything explicitly.
git -C "$imp" add -A -f .
git -C "$imp" commit -q -m "Debian $PKG $have"
git -C "$imp" tag base
git clone -q --bare "$imp" "$BASE_GIT"
rm -rf "$WORK/import"
echo "$have" > "$WORK/base.imported"
log "base imported: $(git -C "$BASE_GIT" rev-parse --short base)"
