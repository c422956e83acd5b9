#!/usr/bin/env python3
"""Usage: checkpatch-moved.py PATCH < checkpatch-output

Print the checkpatch findings on PATCH that are not about moved code.
A finding is about moved code when the patch line it names ("#N:") is an
added line whose exact text the same patch also deletes: the code was
already there, and a patch that moves it should move it unchanged.
Every other finding (on new lines, on the commit message, on the patch
as a whole) is printed as checkpatch gave it.  The number of waived
findings goes to stderr.
"""
import re
import sys

lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().split("\n")
deleted = {l[1:] for l in lines if l.startswith("-") and not l.startswith("---")}

waived = 0
for block in sys.stdin.read().split("\n\n"):
    if not block.strip():
        continue
    m = re.search(r"^#(\d+): FILE: ", block, re.M)
    if m:
        n = int(m.group(1))
        line = lines[n - 1] if 0 < n <= len(lines) else ""
        if line.startswith("+") and not line.startswith("+++") and line[1:] in deleted:
            waived += 1
            continue
    print(block.strip("\n") + "\n")
if waived:
    print(f"{waived} finding(s) on moved lines waived", file=sys.stderr)
