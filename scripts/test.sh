#!/usr/bin/env bash
# Runs every test: formatting, vet, unit and integration tests (the store
# suite on SQLite and on a throwaway PostgreSQL server, River workers, crash
# recovery, exports), then the corpus evaluation. Needs Go; modules come
# from the module proxy. As root on Debian it installs PostgreSQL when it
# is missing (scripts/pg-test.sh); elsewhere the PostgreSQL tests skip and
# say so.
set -euo pipefail
cd "$(dirname "$0")/.."
go version
go mod download
unformatted=$(gofmt -l cmd internal)
if [ -n "$unformatted" ]; then
  echo "gofmt needed on:"; echo "$unformatted"; exit 1
fi
# the web app, built into the binary the server tests compile (needs
# Node.js and npm: npm ci from web/package-lock.json), and Chromium for
# the browser tests (installed as root on Debian; elsewhere they skip)
bash scripts/web-build.sh
bash scripts/chromium.sh || echo "== Chromium not available: the browser tests will skip"
go vet ./...
# a throwaway PostgreSQL on loopback for this run; stopped on exit
. scripts/pg-test.sh
if [ -z "${PACTWATCH_TEST_PG:-}" ]; then
  echo "== PostgreSQL not available: its tests will skip"
fi
go test ./...
echo "== eval on testdata (own corpus)"
go run ./cmd/pactwatch eval --gold testdata/gold testdata/corpus
