#!/usr/bin/env bash
# The end-to-end scale table: generates organizations of growing size (org_generate) and
# times `blastgraph scan` on each with 1 and 2 threads, printing medians of RUNS runs and the
# peak memory as a Markdown table. Usage (from the repository, after a release build):
#   bench/org/scale.sh [BUILD_DIR] [SIZES...]        e.g. bench/org/scale.sh build/release 10000 100000
set -euo pipefail

build=${1:-build/release}
shift || true
sizes=("${@:-1000 10000 100000}")
runs=${RUNS:-3}
bin="$build/cli/blastgraph"
generate="$build/bench/org/org_generate"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=measure.sh
source "$(dirname "${BASH_SOURCE[0]}")/measure.sh"

echo "| resources | services | files | MB | scan, 1 thread (s) | scan, 2 threads (s) | speed-up | RSS (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for size in ${sizes[*]}; do
  dir="$work/org-$size"
  read -r _ services _ files _ resources _ bytes < <("$generate" "$dir" "$size")
  read -r one _ < <(measure "$bin" --threads 1 scan "$dir")
  read -r two rss < <(measure "$bin" --threads 2 scan "$dir")
  speedup=$(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '| %s | %s | %s | %.1f | %s | %s | %s× | %s |\n' "$resources" "$services" "$files" \
    "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$one" "$two" "$speedup" "$rss"
  rm -rf "$dir"
done
