#!/usr/bin/env bash
# Links one of the shared evaluation sets into DIR (outside the repository) with the file names
# `make bench` turns into ids that `make score` finds the ground truth by:
#   bench/stage.sh wcxb DIR [N]          WCXB dev html/NNNN.html.gz (N: every k-th page, all types)
#   bench/stage.sh readability DIR [N]   readability/<case>/source.html → DIR/<case>.html
#   bench/stage.sh l3s DIR [N]           L3S-GN1 original/<uuid>.html, the untouched pages (the annotated
#                                        copy's spans change their structure); `make score` aligns each
#                                        cleaned page's words with annotated/<uuid>.html's labels
# DATA (default ../shared/data) is where the sets live. Nothing is copied: the links point into DATA.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${DATA:-$ROOT/../shared/data}"
set_name="${1:?usage: bench/stage.sh wcxb|readability|l3s DIR [N]}"
dir="${2:?usage: bench/stage.sh wcxb|readability|l3s DIR [N]}"
n="${3:-0}"
case "$dir" in "$ROOT"|"$ROOT"/*) echo "stage: DIR must be outside the repository" >&2; exit 2;; esac
[ -d "$DATA" ] || { echo "stage: $DATA is absent" >&2; exit 1; }
# The links point at DATA's physical path: through a checkout's ../shared they would break when that
# checkout (a worktree) is removed, and every page would then be served as "not found".
DATA="$(cd "$DATA" && pwd -P)"
mkdir -p "$dir"
rm -f "$dir"/*.html "$dir"/*.html.gz

case "$set_name" in
  wcxb) mapfile -t files < <(ls "$DATA"/wcxb-dev/html/*.html.gz | sort) ;;
  readability) mapfile -t files < <(ls "$DATA"/readability/*/source.html | sort) ;;
  l3s) mapfile -t files < <(ls "$DATA"/l3s-gn1/original/*.html | sort) ;;
  *) echo "stage: unknown set $set_name (wcxb, readability, l3s)" >&2; exit 2 ;;
esac

# N pages spread evenly over the sorted set (page j*total/N), so a subset still holds every page type.
total=${#files[@]}
[ "$n" -gt 0 ] && [ "$n" -lt "$total" ] || n=$total
count=0
for (( j = 0; j < n; j++ )); do
  f="${files[$(( j * total / n ))]}"
  if [ "$set_name" = readability ]; then
    ln -s "$f" "$dir/$(basename "$(dirname "$f")").html"
  else
    ln -s "$f" "$dir/$(basename "$f")"
  fi
  count=$((count + 1))
done
echo "stage: $count $set_name pages linked into $dir"
