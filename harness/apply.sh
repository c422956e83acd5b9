#!/bin/bash
# Usage: apply.sh base|series [N]
# Put $SRC (the single source path all builds use) at the untouched base,
# or at the base plus the first N patches of patches/series (all by default).
# Patches apply with git am: exact context, never fuzz.  On failure, name the
# recorded and the installed base versions and the first patch that failed.
# Only files that differ are rewritten, so their mtimes move and make
# rebuilds exactly what changed; everything else keeps its objects.
. "$(dirname "$0")/lib.sh"

what=${1:?base|series}
limit=${2:-}
"$ROOT/harness/base.sh"

if [ ! -d "$SRC/.git" ]; then
	log "creating $SRC"
	git clone -q "$BASE_GIT" "$SRC"
fi
git -C "$SRC" am --abort >/dev/null 2>&1 || true
git -C "$SRC" fetch -q "$BASE_GIT" "+refs/tags/base:refs/tags/base"
git -C "$SRC" checkout -q -f --detach base
git -C "$SRC" clean -q -fdx	# no build output lives in $SRC (O=)

[ "$what" = base ] && { log "src: base $(cat "$WORK/base.imported")"; exit 0; }

n=0
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	[ -n "$limit" ] && [ "$n" -ge "$limit" ] && break
	n=$((n + 1))
	if ! git -C "$SRC" am -q --keep-cr "$ROOT/patches/$p" >/dev/null 2>"$WORK/am.err"; then
		git -C "$SRC" am --abort >/dev/null 2>&1 || true
		cat "$WORK/am.err" >&2
		die "patch $n ($p) does not apply to $PKG $(cat "$WORK/base.imported") (series recorded against $(recorded_version))"
	fi
done < "$ROOT/patches/series"
log "src: base + $n patch(es)"
