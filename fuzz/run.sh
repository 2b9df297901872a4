#!/usr/bin/env bash
# Runs each libFuzzer target, seeded from the fixtures, in a fresh corpus directory (nothing
# is kept between runs). Exits non-zero when a target finds a crash, a leak, a timeout or a
# broken invariant; the reproducer is left in the working directory (or FUZZ_ARTIFACTS) as
# crash-*/leak-*/timeout-*. Usage (after `cmake --build --preset fuzz`):
#   fuzz/run.sh [BUILD_DIR] [SECONDS|ci] [TARGET...]   e.g. fuzz/run.sh build/fuzz 600 fuzz_hcl
# SECONDS runs each target that long from a random seed. `ci` runs a fixed number of inputs
# from a fixed seed (about a minute each on two cores), so that runs on one machine explore
# nearly the same inputs. libFuzzer reads its seed files in directory order, so another machine
# may explore others and find what a local run did not: keep its reproducer as a regression.
set -euo pipefail
artifacts="${FUZZ_ARTIFACTS:-$PWD}/"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=${1:-build/fuzz}
seconds=${2:-60}
shift 2 || shift $# || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_hcl fuzz_manifests fuzz_iam)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seeds: the fixtures each target reads. fuzz_hcl's first byte picks the syntax (even: HCL,
# odd: JSON), so its seeds carry that byte in front.
seed() {
  local target=$1 dir="$work/seeds-$1"
  mkdir -p "$dir"
  local i=0 file
  case "$target" in
    fuzz_hcl)
      while IFS= read -r -d '' file; do
        { printf '\0'; cat "$file"; } >"$dir/$((i += 1))"
      done < <(find fixtures -name '*.tf' -print0)
      while IFS= read -r -d '' file; do
        { printf '\1'; cat "$file"; } >"$dir/$((i += 1))"
      done < <(find fixtures -name '*.tf.json' -print0)
      ;;
    fuzz_manifests)
      find fixtures \( -name '*.yaml' -o -name '*.yml' \) -exec cp --backup=numbered -t "$dir" {} +
      ;;
    fuzz_iam)
      find fixtures -path '*iam*' -name '*.json' -exec cp --backup=numbered -t "$dir" {} +
      ;;
  esac
  [ -d "fuzz/regressions/$target" ] && cp fuzz/regressions/"$target"/* "$dir"/ 2>/dev/null || true
  echo "$dir"
}

status=0
for target in "${targets[@]}"; do
  seeds=$(seed "$target")
  corpus="$work/corpus-$target"
  mkdir -p "$corpus"
  dict="fuzz/dictionaries/${target#fuzz_}.dict"
  args=(-max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
    -artifact_prefix="$artifacts")
  if [ "$seconds" = ci ]; then
    case "$target" in
      fuzz_hcl) runs=5000 ;;
      fuzz_manifests) runs=60000 ;;
      *) runs=300000 ;;
    esac
    args+=(-seed=1 -runs="$runs")
    budget="$runs inputs"
  else
    args+=(-max_total_time="$seconds")
    budget="${seconds}s"
  fi
  [ -f "$dict" ] && args+=(-dict="$dict")
  echo "==> $target: $budget, $(ls "$seeds" | wc -l) seeds" >&2
  if ! "$build/fuzz/$target" "${args[@]}" "$corpus" "$seeds" 2>"$work/$target.log"; then
    status=1
    tail -n 40 "$work/$target.log" >&2
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
    "$work/$target.log" | sed "s/^/$target /" >&2 || true
done
exit "$status"
