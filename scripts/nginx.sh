#!/usr/bin/env bash
# Starts (or stops) a throw-away nginx in front of the app servers for the cluster tests and
# `make cluster`, on its own port and in its own folder, never the machine's nginx. Its site is
# deploy/nginx/municipium.conf, rendered from the environment:
#   MUNICIPIUM_NGINX_PORT (55080), MUNICIPIUM_NGINX_DIR (/tmp/municipium-nginx-<port>),
#   MUNICIPIUM_UPSTREAMS ("127.0.0.1:55101 127.0.0.1:55102"), STATIC_ROOT, MEDIA_ROOT
#   scripts/nginx.sh start    prints nginx's address (http://127.0.0.1:<port>)
#   scripts/nginx.sh stop
#   scripts/nginx.sh render   prints the rendered site (for /etc/nginx/sites-enabled)
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${MUNICIPIUM_NGINX_PORT:-55080}"
DIR="${MUNICIPIUM_NGINX_DIR:-/tmp/municipium-nginx-$PORT}"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
render() {
  local servers=""
  for upstream in ${MUNICIPIUM_UPSTREAMS:-127.0.0.1:55101 127.0.0.1:55102}; do
    servers+="server $upstream max_fails=1 fail_timeout=5s; "
  done
  sed -e "s|@LISTEN@|${MUNICIPIUM_NGINX_LISTEN:-127.0.0.1:$PORT}|" \
      -e "s|@SERVER_NAME@|${MUNICIPIUM_NGINX_SERVER_NAME:-_}|" \
      -e "s|@UPSTREAM_SERVERS@|$servers|" \
      -e "s|@STATIC_ROOT@|${STATIC_ROOT:?STATIC_ROOT is not set}|g" \
      -e "s|@MEDIA_ROOT@|${MEDIA_ROOT:?MEDIA_ROOT is not set}|g" \
      "$HERE/deploy/nginx/municipium.conf"
}
running() { [ -s "$DIR/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx.pid")" 2>/dev/null; }
case "${1:-}" in
  render)
    render
    ;;
  start)
    mkdir -p "$DIR/tmp"
    render >"$DIR/municipium.conf"
    cat >"$DIR/nginx.conf" <<CONF
# Written by scripts/nginx.sh: the throw-away frame around deploy/nginx/municipium.conf.
pid $DIR/nginx.pid;
error_log $DIR/error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $DIR/access.log;
    sendfile on;
    client_body_temp_path $DIR/tmp/body;
    proxy_temp_path $DIR/tmp/proxy;
    fastcgi_temp_path $DIR/tmp/fastcgi;
    uwsgi_temp_path $DIR/tmp/uwsgi;
    scgi_temp_path $DIR/tmp/scgi;
    include $DIR/municipium.conf;
}
CONF
    if running; then
      "$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/error.log" -s reload
    else
      "$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/error.log"
    fi
    echo "http://127.0.0.1:$PORT"
    ;;
  stop)
    if running; then
      pid="$(cat "$DIR/nginx.pid")"
      kill -QUIT "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    ;;
  *)
    echo "usage: $0 start|stop|render" >&2
    exit 2
    ;;
esac
