#!/bin/bash
# Usage: check.sh [--bisect]
# `make check`: checkpatch.pl --strict on every patch, a zero-fuzz apply of
# the series with patch(1) as quilt would, sparse (C=2) and W=1 on every .c
# file the series touches, kernel-doc on every touched .c and .h file, and
# the arm64 test kernel built, with W=1 on the touched files.
# --bisect (`make check-bisect`): also build the test kernel at every prefix
# of the series.  Ends with "N passed, N failed".
. "$(dirname "$0")/lib.sh"

passed=0 failed=0
ok() { passed=$((passed + 1)); log "ok: $*"; }
bad() { failed=$((failed + 1)); log "FAIL: $*"; }

DOCS=1 "$ROOT/harness/deps.sh"
"$ROOT/harness/apply.sh" base
mapfile -t series < <(grep -v -e '^#' -e '^$' "$ROOT/patches/series")
[ ${#series[@]} -gt 0 ] || die "patches/series is empty"

# checkpatch, from the base tree so its spelling and API lists apply.
# The base is one imported commit with no upstream history, so a Fixes:
# tag naming an upstream commit cannot be looked up there: skip only that
# lookup (UNKNOWN_COMMIT_ID); the tag's format is still checked.
# Findings on lines a patch moves unchanged are pre-existing code and are
# waived (checkpatch-moved.py); everything else fails.
for p in "${series[@]}"; do
	# checkpatch exits non-zero on any finding; the filter decides.
	out=$( (cd "$SRC" && ./scripts/checkpatch.pl --strict --quiet \
		--no-summary --ignore UNKNOWN_COMMIT_ID "$ROOT/patches/$p" \
		2>&1 || true) | "$ROOT/harness/checkpatch-moved.py" "$ROOT/patches/$p")
	if [ -z "$out" ]; then
		ok "checkpatch $p"
	else
		echo "$out" >&2
		bad "checkpatch $p"
	fi
done

# Zero-fuzz apply with patch(1), the way quilt and distro builds apply.
scratch=$WORK/fuzzcheck
rm -rf "$scratch"
git clone -q --shared "$BASE_GIT" "$scratch"
git -C "$scratch" checkout -q --detach base
for p in "${series[@]}"; do
	if out=$(patch -d "$scratch" -p1 --fuzz=0 --no-backup-if-mismatch \
			< "$ROOT/patches/$p" 2>&1) && ! grep -qiE 'fuzz|offset' <<<"$out"; then
		ok "zero-fuzz apply $p"
	else
		echo "$out" >&2
		bad "zero-fuzz apply $p"
		break
	fi
done
rm -rf "$scratch"

# Warnings 6.12 itself gives in a touched file are listed, without line
# numbers, in harness/inherited-warnings.txt; new_warnings drops them.
new_warnings() {	# file < compiler or kernel-doc output
	local f=$1 line msg
	while IFS= read -r line; do
		case "$line" in *warning:*|*error:*) ;; *) continue ;; esac
		msg=${line#*: warning: }
		if [ "$msg" != "$line" ] &&
		   grep -qxF "$f: $msg" "$ROOT/harness/inherited-warnings.txt"; then
			continue
		fi
		echo "$line"
	done
}

# judge LABEL FILE < output: pass unless the output of a compile or of
# kernel-doc has a warning in FILE that 6.12 does not have.
judge() {
	local out
	out=$(new_warnings "$2") || true
	if [ -z "$out" ]; then ok "$1 $2"; else echo "$out" >&2; bad "$1 $2"; fi
}

# sparse, W=1 and kernel-doc on what the whole series touches.
"$ROOT/harness/apply.sh" series
mapfile -t touched < <(git -C "$SRC" diff --name-only --diff-filter=AM base HEAD |
			grep -E '\.[ch]$' || true)
"$ROOT/harness/build.sh" test test >/dev/null
export CCACHE_BASEDIR=$WORK
for f in "${touched[@]}"; do
	case "$f" in
	*.c)
		[ -f "$OBJ/test/${f%.c}.o" ] || { log "skip $f: not built in the test config"; continue; }
		# W=1 changes the compile line, so the object is rebuilt with
		# it; C=2 runs sparse even when the object is up to date.
		out=$(make -C "$SRC" O="$OBJ/test" ARCH=x86_64 C=2 W=1 \
			CC=gcc "${f%.c}.o" 2>&1)
		if grep -q "CHECK .*$f" <<<"$out"; then
			judge "sparse+W=1" "$f" <<<"$out"
		else
			echo "$out" >&2; bad "sparse did not run on $f"
		fi
		;;
	esac
	judge kernel-doc "$f" <<<"$("$SRC/scripts/kernel-doc" -none -Wall "$SRC/$f" 2>&1)"
done

# The vmap layer's design document (Documentation/mm/vmalloc.rst and the
# DOC: blocks it pulls in): make htmldocs of Documentation/mm gives no
# warning about it or about the vmap layer's files.  Other documents of
# Documentation/mm warn about links outside it in 6.12 already.
if [ -f "$SRC/Documentation/mm/vmalloc.rst" ]; then
	rm -rf "$WORK/htmldocs"
	make -C "$SRC" O="$WORK/htmldocs" SPHINXDIRS=mm htmldocs \
		> "$WORK/htmldocs.log" 2>&1 || true
	out=$(grep -iE 'warning|error' "$WORK/htmldocs.log" |
	      grep -E '/(Documentation/mm/vmalloc\.rst|mm/vmalloc\.c|mm/vmap_(kva|block|area)\.[ch])[:[:space:]]' || true)
	if [ -f "$WORK/htmldocs/Documentation/output/mm/vmalloc.html" ] && [ -z "$out" ]; then
		ok "htmldocs Documentation/mm/vmalloc.rst"
	else
		echo "$out" >&2
		bad "htmldocs Documentation/mm/vmalloc.rst (log: $WORK/htmldocs.log)"
	fi
fi

# The same series for arm64 (`make test ARCH=arm64`'s config): it builds,
# and W=1 adds no warning in a touched file.
ARCH=arm64 "$ROOT/harness/deps.sh"
if ARCH=arm64 "$ROOT/harness/build.sh" test test-arm64 >/dev/null; then
	ok "arm64 build"
	for f in "${touched[@]}"; do
		case "$f" in *.c) ;; *) continue ;; esac
		[ -f "$OBJ/test-arm64/${f%.c}.o" ] || continue
		judge "arm64 W=1" "$f" <<<"$(make -C "$SRC" O="$OBJ/test-arm64" \
			ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- W=1 "${f%.c}.o" 2>&1)"
	done
else
	bad "arm64 build (log: $OBJ/test-arm64/build.log)"
fi

if [ "${1:-}" = --bisect ]; then
	for n in $(seq 1 ${#series[@]}); do
		"$ROOT/harness/apply.sh" series "$n"
		if "$ROOT/harness/build.sh" test test >/dev/null 2>&1; then
			ok "builds with patches 1..$n"
		else
			bad "build with patches 1..$n (log: $OBJ/test/build.log)"
		fi
	done
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
