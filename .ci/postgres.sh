# A throwaway PostgreSQL cluster on loopback for the tests that need a real server: sourced by
# .ci/run. `start_postgres` sets CHECKIN_TEST_DATABASE_URL (a name no real deployment uses, so
# the tests never wipe a database by accident); `stop_postgres` stops the cluster and removes it
# (.ci/run calls it on exit, however the run ends). initdb refuses root: the cluster runs as the
# `postgres` user, in a temporary folder.
PG_DIR=""

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
  return 1
}

start_postgres() {
  local bin port
  if ! bin=$(pg_bin); then
    echo "--- installing Debian postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    bin=$(pg_bin)
  fi
  PG_DIR=$(mktemp -d)
  chmod 755 "$PG_DIR"
  chown postgres "$PG_DIR"
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  su postgres -s /bin/sh -c "'$bin/initdb' -D '$PG_DIR/data' -A trust -U postgres >/dev/null"
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_DIR/data' -o \"-p $port -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=off\" -l '$PG_DIR/log' -w start >/dev/null"
  export CHECKIN_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export PG_BIN="$bin"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m immediate -w stop >/dev/null" 2>/dev/null || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
