#!/usr/bin/env bash
# A private PostgreSQL server for the tests, never the machine's own:
#   postgres.sh start STATE_DIR   initdb into a new temporary directory, start the server on a
#                                 Unix socket there (no TCP), write its URL to STATE_DIR/url
#   postgres.sh stop STATE_DIR    stop it and remove the temporary directory
# The server refuses to run as root, so as root it runs as the `postgres` user Debian's
# package creates. Local connections are trusted, except for members of the role
# `password_users`, who must give their password (the tests of password handling).
set -euo pipefail

action="$1"
state="$2"
bindir="$(pg_config --bindir)"

as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  [ -f "$state/server_dir" ] || return 0
  local dir
  dir="$(cat "$state/server_dir")"
  as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$state/server_dir" "$state/url"
}

case "$action" in
  start)
    stop
    mkdir -p "$state"
    # Short: a Unix socket's path is limited to about 100 characters.
    dir="$(mktemp -d /tmp/blastgraph-pg.XXXXXX)"
    echo "$dir" >"$state/server_dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    # The server's user may not be allowed into the caller's directory.
    cd "$dir"
    as_server "$bindir/initdb" -D "$dir/data" -U blastgraph -E UTF8 --locale=C.UTF-8 \
      --auth=trust --no-sync >"$state/initdb.log" 2>&1
    cat >"$dir/data/pg_hba.conf" <<'HBA'
local all +password_users scram-sha-256
local all all trust
HBA
    as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >/dev/null
    url="postgresql:///postgres?host=$dir&user=blastgraph"
    "$bindir/psql" -q "$url" -c "CREATE ROLE password_users NOLOGIN" >/dev/null
    echo "$url" >"$state/url"
    ;;
  stop) stop ;;
  *) echo "usage: postgres.sh start|stop STATE_DIR" >&2; exit 2 ;;
esac
