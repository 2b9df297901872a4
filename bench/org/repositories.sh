#!/usr/bin/env bash
# The organization scale table: a generated organization of REPOS repositories of about
# PER_REPO resources each (org_generate --repositories: `platform` with the shared permission
# boundary, every other repository's roles bounded by it through a data source). Each is
# scanned and saved as a snapshot; then, as medians of RUNS runs:
#   - score the boundary edit in `platform` against the snapshot directory (--org DIR),
#   - publish one repository into a PostgreSQL database holding all the others,
#   - score the same edit against the database (--org postgresql://...),
# each answer checked (every repository reached). PostgreSQL is a private server started and
# stopped here (tests/store/postgres.sh). Usage, from the repository after a release build:
#   bench/org/repositories.sh [BUILD_DIR] [REPOS] [PER_REPO]     e.g. build/release 1000 1000
set -euo pipefail

build=${1:-build/release}
repos=${2:-100}
per_repo=${3:-1000}
runs=${RUNS:-3}
jobs=${JOBS:-$(nproc)}
bin="$(realpath "$build/cli/blastgraph")"
generate="$build/bench/org/org_generate"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
postgres="$here/../../tests/store/postgres.sh"
work=$(mktemp -d)
chmod 755 "$work"
trap '"$postgres" stop "$work/pg" || true; rm -rf "$work"' EXIT

# shellcheck source=measure.sh
source "$(dirname "${BASH_SOURCE[0]}")/measure.sh"

# The answer must reach every repository: the platform and each service repository.
check_reach() {
  local reached
  reached=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["repositories"]))' \
    "$work/out")
  if [ "$reached" -ne $((repos + 1)) ]; then
    echo "wrong answer: $reached repositories reached, $((repos + 1)) expected" >&2
    exit 1
  fi
}

read -r _ files _ resources _ bytes < <("$generate" --repositories "$work/org" "$repos" "$per_repo")
mkdir -p "$work/snapshots"
start=$(date +%s.%N)
(cd "$work/org" && ls) | xargs -P "$jobs" -I{} \
  "$bin" --threads 1 scan "$work/org/{}" --save "$work/snapshots/{}.bg" --repo {} >/dev/null
scanned=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')

score=("$bin" score "$work/org/platform" --repo platform
       --changed 'terraform/platform:aws_iam_policy.boundary' --format json)
read -r from_dir dir_rss < <(measure "${score[@]}" --org "$work/snapshots")
check_reach

"$postgres" start "$work/pg"
url=$(cat "$work/pg/url")
"$bin" db migrate --db "$url" >/dev/null
time=1
for snapshot in "$work"/snapshots/*.bg; do
  "$bin" publish "$snapshot" --db "$url" --commit "c$time" --commit-time "$time" >/dev/null
  time=$((time + 1))
done
one="$work/snapshots/repo-0000.bg"
publish_once() { time=$((time + 1)); "$bin" publish "$one" --db "$url" --commit "c$time" --commit-time "$time"; }
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  publish_once >/dev/null
  times+=("$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')")
done
publish=$(printf '%s\n' "${times[@]}" | median)
read -r from_db db_rss < <(measure "${score[@]}" --org "$url")
check_reach

echo "| repositories | resources | MB | scan + save, all, $jobs jobs (s) | score --org DIR (s) | RSS (MiB) | publish one (s) | score --org postgresql:// (s) | RSS (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '| %s | %s | %.1f | %s | %s | %s | %s | %s | %s |\n' "$((repos + 1))" "$resources" \
  "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$scanned" "$from_dir" "$dir_rss" "$publish" \
  "$from_db" "$db_rss"
