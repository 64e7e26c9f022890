#!/usr/bin/env bash
# Installs the Debian packages Municipium needs, only those missing. Nothing is downloaded from
# anywhere but Debian's archive.
#   scripts/system-packages.sh runtime   Pango, which WeasyPrint needs to draw PDFs (the demo)
#   scripts/system-packages.sh           that, and what the tests and benchmarks need: PostgreSQL
#                                        (a second database for the suite), Chromium (browser
#                                        tests), wrk (benchmarks), gettext (translations),
#                                        Redis and nginx (the cluster tests, make cluster)
set -euo pipefail
missing=()
ldconfig -p | grep "libpangoft2-1.0.so.0" >/dev/null || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ "${1:-all}" = "runtime" ]; then
  :
else
command -v chromium >/dev/null || missing+=(chromium)
command -v wrk >/dev/null || missing+=(wrk)
command -v msgfmt >/dev/null || missing+=(gettext)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
fc-list 2>/dev/null | grep -i dejavu >/dev/null || missing+=(fonts-dejavu-core)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing from Debian: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "Missing Debian packages (install them as root): ${missing[*]}" >&2
    exit 1
  fi
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
