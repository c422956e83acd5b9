#!/bin/bash
# Usage: tree.sh [--force]
# Make $TREE (.work/tree): a git repository of the base (tag "base") with
# patches/series applied as one commit per patch on branch "series".
# Developers edit and commit there, then run export.sh.  Refuses to throw
# away a tree that holds work patches/ does not have, unless --force.
. "$(dirname "$0")/lib.sh"

"$ROOT/harness/base.sh"
if [ -d "$TREE/.git" ] && [ "${1:-}" != --force ]; then
	if ! "$ROOT/harness/export.sh" --check >/dev/null 2>&1; then
		die "$TREE holds work that patches/ does not (make export-check); use FORCE=1"
	fi
fi
rm -rf "$TREE"
git clone -q "$BASE_GIT" "$TREE"
git -C "$TREE" checkout -q -b series base
# Commits made by developers carry their own identity, not the harness's.
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
for k in user.name user.email; do
	v=$(git -C "$ROOT" config "$k" || true)
	[ -n "$v" ] && git -C "$TREE" config "$k" "$v"
done
n=0
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	n=$((n + 1))
	git -C "$TREE" am -q --keep-cr --committer-date-is-author-date \
		"$ROOT/patches/$p" || die "patch $n ($p) does not apply"
done < "$ROOT/patches/series"
log "tree: $TREE, branch series, base + $n patch(es)"
