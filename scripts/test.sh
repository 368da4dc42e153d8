#!/usr/bin/env bash
# Runs every test: vet, formatting, unit and corpus tests, and the corpus
# evaluation. Needs only Go; modules come from the module proxy.
set -euo pipefail
cd "$(dirname "$0")/.."
go version
go mod download
unformatted=$(gofmt -l cmd internal)
if [ -n "$unformatted" ]; then
  echo "gofmt needed on:"; echo "$unformatted"; exit 1
fi
go vet ./...
go test ./...
echo "== eval on testdata (own corpus)"
go run ./cmd/pactwatch eval --gold testdata/gold testdata/corpus
