# Sourced by the scale scripts. Needs `runs` and `work` (a scratch directory) set.

# The median of the numbers on standard input.
median() {
  sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# Median wall seconds and the largest RSS (MiB) of `runs` runs of "$@". The last run's
# standard output is left in $work/out; a failing run stops the script with its stderr.
measure() {
  local times=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" ||
      { cat "$work/err" >&2; exit 1; }
    read -r seconds kib <"$work/time"
    times+=("$seconds")
    ((kib > rss)) && rss=$kib
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $((rss / 1024))"
}
