#!/usr/bin/env bash
# blastgraph set-up: installs what is missing, builds, then runs one of
#   ./setup.sh demo    score a change on the bundled example (the default)
#   ./setup.sh test    run the whole test suite, then again under address and undefined-
#                      behaviour sanitizers (clang, the fuzz preset), then each fuzzer briefly
#   ./setup.sh build   only install and build
# Environment: PRESET (default: release for demo and build, dev for test), JOBS (default:
# all cores), FUZZ_SECONDS (per fuzzer in test; default `ci`, a fixed number of inputs from a
# fixed seed, about a minute each; 0 skips the sanitizer stage).
# The dev preset is a debug build with warnings as errors.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

action="${1:-demo}"
default_preset=release
[ "$action" = test ] && default_preset=dev
preset="${PRESET:-$default_preset}"
jobs="${JOBS:-$(nproc)}"

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Tools are looked up as commands (a machine may have them from elsewhere, e.g. Node.js with
# its own npm); libraries as Debian packages. Only what is missing is installed, so a second
# run is fast.
tool_packages=(
  cmake:cmake ninja:ninja-build g++:g++ git:git tar:tar pkg-config:pkg-config
  node:nodejs npm:npm python3:python3
)
library_packages=(
  libboost-graph-dev libtbb-dev nlohmann-json3-dev libyaml-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev libfmt-dev libpq-dev
  python3-jsonschema
)
# Only the test action needs clang and its libFuzzer and sanitizer runtimes, and a PostgreSQL
# server (the tests start a private one; see tests/store/postgres.sh).
if [ "$action" = test ]; then
  tool_packages+=(clang:clang)
  library_packages+=(libclang-rt-14-dev postgresql)
fi

install_debian_packages() {
  local missing=()
  local entry
  for entry in "${tool_packages[@]}"; do
    command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry#*:}")
  done
  for entry in "${library_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$entry" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$entry")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "Debian packages: all present"
    return
  fi
  log "Debian packages: installing ${missing[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Pinned C sources from the npm registry (deps/package-lock.json), fetched without running
# any package script. Skipped when the installed tree matches the lock file.
install_npm_sources() {
  local stamp=deps/node_modules/.blastgraph-lock
  if [ -f "$stamp" ] && cmp -s deps/package-lock.json "$stamp"; then
    log "npm sources: up to date"
    return
  fi
  log "npm sources: npm ci --ignore-scripts"
  (cd deps && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp deps/package-lock.json "$stamp"
}

build() {
  log "configure ($preset)"
  cmake --preset "$preset" >/dev/null
  log "build ($preset, $jobs jobs${1:+, target $1})"
  cmake --build --preset "$preset" -j "$jobs" ${1:+--target "$1"}
}

install_debian_packages
install_npm_sources
# The demo needs only the tool; the test suite builds everything (benchmarks included, so a
# change that breaks them fails here too).
if [ "$action" = demo ]; then build blastgraph; else build; fi

bin="build/$preset/cli/blastgraph"
case "$action" in
  demo)
    log "demo: what does editing the shared permission boundary reach?"
    set -x
    "$bin" score fixtures/acme --changed 'terraform/envs/prod:module.iam.aws_iam_policy.boundary' || true
    ;;
  test)
    log "test: ctest ($preset)"
    ctest --preset "$preset" -j "$jobs"
    fuzz_seconds="${FUZZ_SECONDS:-ci}"
    if [ "$fuzz_seconds" != 0 ]; then
      preset=fuzz
      build
      log "test: ctest (fuzz: address and undefined-behaviour sanitizers)"
      ctest --preset fuzz -j "$jobs"
      log "test: each fuzzer ($fuzz_seconds)"
      fuzz/run.sh build/fuzz "$fuzz_seconds"
    fi
    ;;
  build) ;;
  *)
    echo "usage: $0 [demo|test|build]" >&2
    exit 2
    ;;
esac
