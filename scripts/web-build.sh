#!/usr/bin/env bash
# Builds the web app (web/) into internal/server/dist, which the Go build
# embeds: npm ci from the committed lockfile (packages from the npm
# registry; nothing is fetched at run time), then Vite. Run it before
# `go build` to get the app in the binary; without it the binary serves the
# API and a page saying how to build the app. Needs Node.js 20+ and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null; then
  echo "web-build.sh: npm not found: install Node.js 20 or later" >&2
  exit 1
fi
dist=internal/server/dist
(cd web && npm ci --no-audit --no-fund --loglevel=error)
# the old build out, the committed README kept
rm -rf "$dist/assets" "$dist/index.html"
(cd web && npx --no-install vite build --logLevel warn)
test -f "$dist/index.html" || { echo "web-build.sh: no $dist/index.html after the build" >&2; exit 1; }
echo "web app built into $dist ($(du -sh "$dist" | cut -f1))"
