#!/usr/bin/env bash
# Rewrites tests/golden/KNOWN_MISSES.txt from the golden pages' current failures (after a classifier
# change that fixed some). Refuses to list the seed page or a story element shown as another kind.
set -euo pipefail
cd "$(dirname "$0")/.."
list=tests/golden/KNOWN_MISSES.txt
cp "$list" "$list.bak"
trap 'mv -f "$list.bak" "$list"' ERR
head -n 3 "$list.bak" > "$list"
out=$(cargo test --release --test golden 2>&1 || true)
printf '%s\n' "$out" | python3 -c '
import re, sys
case = None
rows = []
for l in sys.stdin:
    m = re.match(r"^---- (\S+) ----", l)
    if m:
        case = m.group(1); continue
    m = re.match(r"^  (/\S+): expected (\w+), got (\w+)", l)
    if m and case:
        if case == "ksl-north-korea":
            sys.exit("the seed page must be 100% right: " + l.strip())
        if m.group(2) == "article" and m.group(3) != "nothing":
            sys.exit("a story element is shown as " + m.group(3) + ": " + case + " " + m.group(1))
        rows.append(case + "\t" + m.group(1) + "\t" + m.group(2))
open("tests/golden/KNOWN_MISSES.txt", "a").write("".join(r + "\n" for r in rows))
print(len(rows), "known misses")
'
rm -f "$list.bak"
