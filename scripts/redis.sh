#!/usr/bin/env bash
# Starts (or stops) a throw-away Redis for the cluster tests and `make cluster`, on its own port
# and in its own folder, so that it never touches a Redis the machine already runs. Nothing is
# written to disk (no RDB snapshot, no AOF): a restart empties it, as the fault tests want.
#   scripts/redis.sh start   prints the CACHE_URL to use
#   scripts/redis.sh stop
set -euo pipefail
PORT="${MUNICIPIUM_REDIS_PORT:-55379}"
DIR="${MUNICIPIUM_REDIS_DIR:-/tmp/municipium-redis-$PORT}"
running() { [ -s "$DIR/redis.pid" ] && kill -0 "$(cat "$DIR/redis.pid")" 2>/dev/null; }
case "${1:-}" in
  start)
    mkdir -p "$DIR"
    if ! running; then
      redis-server --port "$PORT" --bind 127.0.0.1 --dir "$DIR" --daemonize yes \
        --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --save "" --appendonly no \
        --maxmemory 256mb --maxmemory-policy allkeys-lru >/dev/null
      for _ in $(seq 50); do
        redis-cli -p "$PORT" ping >/dev/null 2>&1 && break
        sleep 0.1
      done
      redis-cli -p "$PORT" ping >/dev/null
    fi
    echo "redis://127.0.0.1:$PORT/0"
    ;;
  stop)
    if running; then
      pid="$(cat "$DIR/redis.pid")"
      kill "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
