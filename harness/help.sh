#!/bin/bash
# `make help`: the first table of README.md's "Targets and knobs" section,
# as text, and the lines that follow it.  The README is the one place
# targets and knobs are written down.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
awk -F' [|] ' '
/^## Targets and knobs/ { on = 1; next }
!on { next }
/^\| `/ && table < 2 {
	table = 1
	t = $1; sub(/^\| /, "", t); gsub(/`/, "", t)
	w = $2; gsub(/`/, "", w)
	k = $3; sub(/ *\|$/, "", k); gsub(/`/, "", k)
	printf "make %-20s %s\n", t, w
	if (k != "") printf "%-25s %s\n", "", k
	next
}
table == 1 && !/^\|/ { table = 2; print ""; next }
table == 2 && /^$/ { exit }
table == 2 { gsub(/`/, ""); print }
' "$ROOT/README.md"
