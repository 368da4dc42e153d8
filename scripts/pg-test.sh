# Starts a throwaway PostgreSQL server for the store's tests and exports
# PACTWATCH_TEST_PG (postgres://postgres@127.0.0.1:PORT/pactwatch_test?sslmode=disable).
# Source it from a test script:
#
#   . scripts/pg-test.sh          # starts the server, stops it when the shell exits
#   go test ./internal/store/...
#
# When initdb is missing it installs Debian's postgresql package (as root
# only). The data directory lives in a temporary folder owned by the
# postgres user, with trust authentication, UTF-8, listening on 127.0.0.1
# on a free port; pg_test_stop (run on EXIT) stops the server and removes
# it. Without PostgreSQL the variable stays empty and the PostgreSQL tests
# skip themselves.

pg_test_log() { echo "pg-test: $*" >&2; }

# pg_test_as runs a command as the postgres user (as ourselves when not root).
pg_test_as() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_test_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

pg_test_free_port() {
  local port tries=0
  while [ $tries -lt 50 ]; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

pg_test_start() {
  local bin port
  if ! bin=$(pg_test_bin); then
    if [ "$(id -u)" != 0 ]; then
      pg_test_log "initdb not found and not root: PostgreSQL tests will skip"
      return 0
    fi
    pg_test_log "installing Debian's postgresql package"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }; then
      pg_test_log "could not install postgresql: PostgreSQL tests will skip"
      return 0
    fi
    bin=$(pg_test_bin) || { pg_test_log "initdb still missing"; return 0; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    pg_test_log "no postgres user: PostgreSQL tests will skip"
    return 0
  fi
  PG_TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pactwatch-pg.XXXXXX") || return 0
  chmod 755 "$PG_TEST_DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_TEST_DIR"
  if ! pg_test_as "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1; then
    pg_test_log "initdb failed (see $PG_TEST_DIR/initdb.log): PostgreSQL tests will skip"
    return 0
  fi
  port=$(pg_test_free_port) || { pg_test_log "no free port"; return 0; }
  if ! pg_test_as "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off -c max_connections=200" \
    start >/dev/null; then
    pg_test_log "server did not start (see $PG_TEST_DIR/server.log): PostgreSQL tests will skip"
    return 0
  fi
  PG_TEST_BIN=$bin
  pg_test_watch "$$"
  if ! pg_test_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres pactwatch_test; then
    pg_test_log "createdb failed"
    pg_test_stop
    return 0
  fi
  export PACTWATCH_TEST_PG="postgres://postgres@127.0.0.1:$port/pactwatch_test?sslmode=disable"
  pg_test_log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# pg_test_watch starts a watchdog in a session of its own that stops the
# server once the shell that sourced this script is gone, however it ended
# (a killed test run never reaches the EXIT trap).
pg_test_watch() {
  local asroot=0
  [ "$(id -u)" = 0 ] && asroot=1
  setsid bash -c '
    parent=$1 bin=$2 dir=$3 asroot=$4
    while kill -0 "$parent" 2>/dev/null; do sleep 2; done
    [ -d "$dir/data" ] || exit 0
    if [ "$asroot" = 1 ]; then
      runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop
    else
      "$bin/pg_ctl" -D "$dir/data" -m fast -w stop
    fi
    rm -rf "$dir"' pg-test-watch "$1" "$PG_TEST_BIN" "$PG_TEST_DIR" "$asroot" </dev/null >/dev/null 2>&1 &
}

pg_test_stop() {
  if [ -n "${PG_TEST_BIN:-}" ] && [ -n "${PG_TEST_DIR:-}" ]; then
    pg_test_as "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1
  fi
  if [ -n "${PG_TEST_DIR:-}" ]; then
    rm -rf "$PG_TEST_DIR"
  fi
  PG_TEST_BIN= PG_TEST_DIR=
  unset PACTWATCH_TEST_PG
}

trap pg_test_stop EXIT
pg_test_start
