#!/usr/bin/env bash
# Project-local PostgreSQL + PostGIS cluster: no Docker, no system service.
#   scripts/db.sh start [dev|test]   install if missing, init once, start; prints the connection string
#   scripts/db.sh stop  [dev|test]
#   scripts/db.sh url   [dev|test]
#   scripts/db.sh psql  [dev|test] [psql args...]
# The dev cluster (port 55432, GEOH_DB_PORT overrides) keeps its data; the test cluster (55433,
# GEOH_TEST_DB_PORT) runs without fsync because it is thrown away.
set -euo pipefail
cmd=${1:-start}; name=${2:-dev}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pgbin=/usr/lib/postgresql/15/bin
case "$name" in
  dev)  port=${GEOH_DB_PORT:-55432} ;;
  test) port=${GEOH_TEST_DB_PORT:-55433} ;;
  *) echo "unknown cluster '$name' (dev|test)" >&2; exit 2 ;;
esac
database=geohandhaving
[ "$name" = test ] && database=geohandhaving_test

# initdb refuses root and PostgreSQL needs every parent folder traversable by 'postgres';
# a clone under /root or a 0700 temp folder is not, so fall back to /var/tmp.
base="$root/.pg"
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$root" 2>/dev/null; then
  base="/var/tmp/geohandhaving-$(echo -n "$root" | md5sum | cut -c1-8)"
fi
# One cluster per name and port: the port is fixed when a cluster is created, so another port is another cluster.
data="$base/$name-$port"; sock="$base/run-$port"; log="$base/$name-$port.log"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
url() { echo "Host=127.0.0.1;Port=$port;Database=$database;Username=postgres;Password=postgres;Include Error Detail=true"; }

install_if_missing() { "$root/scripts/install-deps.sh" run; }

start() {
  install_if_missing
  mkdir -p "$base" "$sock"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$base" "$sock"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    local pwfile; pwfile=$(mktemp); echo postgres > "$pwfile"; chmod 644 "$pwfile"
    as_pg "$pgbin/initdb" -D "$data" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '$sock'"
      echo "max_connections = 200"
      echo "shared_buffers = 256MB"
      echo "work_mem = 32MB"
      echo "maintenance_work_mem = 256MB"
      if [ "$name" = test ]; then echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"; fi
    } | as_pg tee -a "$data/postgresql.conf" >/dev/null
  fi
  if ! as_pg "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_pg "$pgbin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null
  fi
  # Extensions in template1 so every database created later (test databases too) has them.
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d template1 -qAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
SQL
  if ! PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "select 1 from pg_database where datname='$database'" | grep -q 1; then
    PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -c "CREATE DATABASE $database" >/dev/null
  fi
  url
}

case "$cmd" in
  start) start ;;
  stop) if [ -f "$data/PG_VERSION" ]; then as_pg "$pgbin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true; fi ;;
  url) url ;;
  psql) shift 2 || true; PGPASSWORD=postgres exec psql -h 127.0.0.1 -p "$port" -U postgres -d "$database" "$@" ;;
  recreate)
    start >/dev/null
    PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
      -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null
    url ;;
  *) echo "usage: scripts/db.sh start|stop|url|psql|recreate [dev|test]" >&2; exit 2 ;;
esac
