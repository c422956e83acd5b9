#!/bin/bash
# Usage: export.sh [--check]
# Write the commits base..series of $TREE to patches/ (git format-patch with
# fixed hash and date lines and no signature, so unchanged commits give
# byte-identical files) and rewrite patches/series.  The cover letter
# (patches/0000-cover-letter.patch) is kept by hand and not in series.
# --check: change nothing; exit 1 naming every difference, including
# uncommitted edits in the tree.
. "$(dirname "$0")/lib.sh"

[ -d "$TREE/.git" ] || die "no working tree: make tree"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# --minimal: the move of a file's half shows as deletions only, not as
# deletions with unchanged lines re-added (the default can pair them).
git -C "$TREE" format-patch -q --minimal --zero-commit --no-signature \
	--no-thread --no-numbered --full-index --subject-prefix=PATCH \
	-o "$tmp" base..series
(cd "$tmp" && ls -1 -- *.patch 2>/dev/null || true) > "$tmp/series"

if [ "${1:-}" = --check ]; then
	bad=0
	dirty=$(git -C "$TREE" status --porcelain --untracked-files=no)
	[ -z "$dirty" ] || { echo "uncommitted edits in $TREE:"; echo "$dirty"; bad=1; }
	# Debian's top-level .gitignore ignores everything ("/*"), so new
	# files never show as untracked: list them without ignore rules.
	new=$(git -C "$TREE" ls-files --others | grep -v '^\.kunit/' || true)
	[ -z "$new" ] || { echo "files not in git in $TREE (git add -f):"; echo "$new"; bad=1; }
	[ "$(git -C "$TREE" rev-parse --abbrev-ref HEAD)" = series ] ||
		{ echo "$TREE is not on branch series"; bad=1; }
	if ! cmp -s "$tmp/series" "$ROOT/patches/series"; then
		echo "patches/series differs:"
		diff "$ROOT/patches/series" "$tmp/series" || true
		bad=1
	fi
	while read -r p; do
		cmp -s "$tmp/$p" "$ROOT/patches/$p" 2>/dev/null ||
			{ echo "patches/$p differs from the tree"; bad=1; }
	done < "$tmp/series"
	exit $bad
fi

find "$ROOT/patches" -maxdepth 1 -name '*.patch' ! -name '0000-cover-letter.patch' -delete
while read -r p; do cp "$tmp/$p" "$ROOT/patches/$p"; done < "$tmp/series"
cp "$tmp/series" "$ROOT/patches/series"
log "exported $(wc -l < "$tmp/series") patch(es) to patches/"
