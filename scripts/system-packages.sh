#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks need, only those missing:
# PostgreSQL (a second database for the suite), Chromium (browser tests), wrk (benchmarks),
# gettext (translations). Nothing is downloaded from anywhere but Debian's archive.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v wrk >/dev/null || missing+=(wrk)
command -v msgfmt >/dev/null || missing+=(gettext)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing from Debian: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
