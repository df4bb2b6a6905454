#!/usr/bin/env bash
# Starts (or stops) throwaway PostgreSQL and MariaDB servers on loopback for the tests.
#   scripts/databases.sh start   prints the environment the tests read (eval it)
#   scripts/databases.sh stop
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The servers run as Debian's postgres and mysql users, who must reach their data: a clone in a
# directory only root may enter (mktemp -d makes one) keeps them elsewhere, one place per clone.
if runuser -u postgres -- test -x "$REPO_ROOT" 2>/dev/null; then
  DEFAULT_DATA="$REPO_ROOT/target/test-databases"
else
  DEFAULT_DATA="/var/tmp/relplay-test-databases-$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-12)"
fi
DATA="$(realpath -m "${RELPLAY_DB_DIR:-$DEFAULT_DATA}")"
PG_PORT="${RELPLAY_PG_PORT:-54329}"
MY_PORT="${RELPLAY_MYSQL_PORT:-33069}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

# A command as the postgres user, from / (the current directory may be one it cannot enter, and
# PostgreSQL's tools then say so).
as_postgres() {
  (cd / && runuser -u postgres -- "$@")
}

start_postgres() {
  local dir="$DATA/postgres"
  if [ -f "$dir/postmaster.pid" ] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then return 0; fi
  rm -rf "$dir" && mkdir -p "$dir"
  chown postgres:postgres "$dir"
  # PostgreSQL refuses to run as root, so it runs as the postgres user from Debian's package.
  as_postgres "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
  # fsync off: the data are thrown away. A small write-ahead log: each CREATE DATABASE writes its
  # whole template (~8 MB) to the log, and PostgreSQL's default keeps up to 1 GB of it.
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$dir -c fsync=off -c max_wal_size=64MB -c min_wal_size=32MB" start >/dev/null; then
    echo "PostgreSQL did not start on port $PG_PORT (another server there? set RELPLAY_PG_PORT); its log:" >&2
    tail -n 5 "$dir/server.log" >&2
    return 1
  fi
}

start_mariadb() {
  local dir="$DATA/mariadb"
  if [ -S "$dir/mysqld.sock" ] && mariadb-admin --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1; then return 0; fi
  rm -rf "$dir" && mkdir -p "$dir/data"
  chown -R mysql:mysql "$dir"
  mariadb-install-db --user=mysql --datadir="$dir/data" --auth-root-authentication-method=socket >/dev/null 2>&1
  (mariadbd --user=mysql --datadir="$dir/data" --socket="$dir/mysqld.sock" --port="$MY_PORT" \
    --bind-address=127.0.0.1 --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
    --innodb-flush-log-at-trx-commit=0 --skip-name-resolve >/dev/null 2>&1 &)
  for _ in $(seq 1 60); do
    mariadb-admin --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  mariadb --socket="$dir/mysqld.sock" -uroot -e \
    "CREATE USER IF NOT EXISTS 'relplay'@'127.0.0.1' IDENTIFIED BY 'relplay'; GRANT ALL ON *.* TO 'relplay'@'127.0.0.1';"
}

case "${1:-}" in
  start)
    need_apt postgresql mariadb-server sqlite3
    mkdir -p "$DATA"
    start_postgres
    start_mariadb
    cat <<ENV
export RELPLAY_PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export RELPLAY_MYSQL_URL="mysql://relplay:relplay@127.0.0.1:$MY_PORT/"
ENV
    ;;
  stop)
    [ -d "$DATA/postgres" ] && as_postgres "$PG_BIN/pg_ctl" -D "$DATA/postgres" -m fast stop >/dev/null 2>&1 || true
    [ -S "$DATA/mariadb/mysqld.sock" ] && mariadb-admin --socket="$DATA/mariadb/mysqld.sock" -uroot shutdown >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: scripts/databases.sh start|stop" >&2
    exit 2
    ;;
esac
