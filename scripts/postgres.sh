#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL cluster for the test suite, on its own port and
# in its own folder, so that it never touches a PostgreSQL the machine already runs.
#   scripts/postgres.sh start   prints the DATABASE_URL to use
#   scripts/postgres.sh stop
set -euo pipefail
PGPORT="${MUNICIPIUM_PG_PORT:-54329}"
PGDIR="${MUNICIPIUM_PG_DIR:-/tmp/municipium-pg-$PGPORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    if [ ! -s "$PGDIR/PG_VERSION" ]; then
      mkdir -p "$PGDIR"
      [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$PGDIR"
      as_owner "$BIN/initdb" -D "$PGDIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w \
        -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    fi
    echo "postgres://postgres@127.0.0.1:$PGPORT/municipium"
    ;;
  stop)
    if [ -s "$PGDIR/PG_VERSION" ]; then
      as_owner "$BIN/pg_ctl" -D "$PGDIR" -m fast stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
