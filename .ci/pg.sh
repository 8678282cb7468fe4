#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on a free port; prints the export line for its URL.
# Usage: eval "$(bash .ci/pg.sh start)"   …   bash .ci/pg.sh stop "$DONDOC_PG_DIR"
set -euo pipefail
cmd=${1:-start}
if [ "$cmd" = stop ]; then
  dir=${2:?folder}
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
  else "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true; fi
  rm -rf "$dir"
  exit 0
fi
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  echo "installing postgresql (Debian package)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  else sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2; fi
fi
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dir=$(mktemp -d /tmp/dondoc-pg.XXXXXX)
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
run "$bindir/initdb" -D "$dir/data" -U dondoc --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
run "$bindir/createdb" -h 127.0.0.1 -p "$port" -U dondoc dondoc_test
echo "export DONDOC_TEST_POSTGRES_URL=postgresql+psycopg://dondoc@127.0.0.1:$port/dondoc_test"
echo "export DONDOC_PG_DIR=$dir"
