#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (internal/server) when
# /usr/bin/chromium is missing. Needs root and Debian's package archive;
# does nothing when Chromium is already there. Non-interactive.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium.sh: /usr/bin/chromium is missing and installing it needs root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version || true
