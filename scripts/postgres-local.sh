#!/usr/bin/env bash
# Private PostgreSQL cluster for development, tests and CI.
#
#   postgres-local.sh start <data-dir> [port] [database] [--watch <pid>]
#                                          create if needed, start in the background, wait until ready; with --watch,
#                                          a detached watchdog stops the server once process <pid> is gone (a test
#                                          host that is killed never runs its exit handler)
#   postgres-local.sh run   <data-dir> [port] [database]   create if needed, run in the foreground (for the Aspire AppHost)
#   postgres-local.sh roles <data-dir> <port> <database>   the database's least-privilege roles (postgres-init/database-roles.psql)
#   postgres-local.sh stop  <data-dir>          fast, clean shutdown
#   postgres-local.sh status <data-dir>
#   postgres-local.sh dump  <data-dir> <port> <database>   pg_dump of the database to stdout (PGHOST, PGUSER and
#                                          PGPASSWORD are honoured; default 127.0.0.1 as postgres)
#
# start and run with a database also create its roles (callloop_silo owns it, callloop_client, callloop_analyst);
# passwords from CALLLOOP_SILO_DB_PASSWORD / CALLLOOP_CLIENT_DB_PASSWORD (unset: none, the cluster trusts 127.0.0.1).
# The cluster listens on 127.0.0.1 only, trusts local TCP connections as user "postgres",
# and runs as the "postgres" OS user when invoked as root (PostgreSQL refuses to run as root).
set -euo pipefail

usage() { echo "usage: $0 start|run|roles|stop|status|dump <data-dir> [port] [database] [--watch <pid>]" >&2; exit 2; }
watch_pid=
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --watch) [ $# -ge 2 ] || usage; watch_pid=$2; shift 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
set -- "${positional[@]}"
[ $# -ge 2 ] || usage
command_name=$1
data_dir=$(realpath -m "$2")
port=${3:-5432}
database=${4:-}

find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ]; then echo "$candidate"; return; fi
  done
  echo "PostgreSQL server binaries not found. Install them with: sudo apt-get install -y postgresql" >&2
  exit 3
}
bindir=$(find_bindir)

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  else
    "$@"
  fi
}

# Whether a server runs on the data folder (pg_ctl finds its postmaster.pid and the process).
server_running() { as_owner "$bindir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; }

ensure_cluster() {
  if [ -f "$data_dir/PG_VERSION" ]; then return; fi
  mkdir -p "$data_dir"
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || { echo "the 'postgres' OS user is missing; install the postgresql package" >&2; exit 3; }
    chown postgres:postgres "$data_dir"
  fi
  chmod 700 "$data_dir"
  as_owner "$bindir/initdb" -D "$data_dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$data_dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$data_dir'
max_connections = 400
shared_buffers = 256MB
max_wal_size = 2GB
log_min_messages = warning
CONF
}

ensure_database() {
  [ -n "$database" ] || return 0
  local psql_cmd=("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAq)
  if [ "$(as_owner "${psql_cmd[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
    as_owner "${psql_cmd[@]}" -c "CREATE DATABASE \"$database\"" >/dev/null
  fi
}

ensure_roles() {
  [ -n "$database" ] || return 0
  as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$database" -q \
    -v database="$database" -v silo_password="${CALLLOOP_SILO_DB_PASSWORD:-}" -v client_password="${CALLLOOP_CLIENT_DB_PASSWORD:-}" \
    < "$(dirname "$(realpath "$0")")/postgres-init/database-roles.psql" >/dev/null
}

# Stops the server once process $watch_pid has gone. Detached (own session, no inherited output) so that neither the
# caller waiting for this script's output nor a signal to the caller's process group ends it first.
start_watchdog() {
  [ -n "$watch_pid" ] || return 0
  if ! kill -0 "$watch_pid" 2>/dev/null; then
    # The process died while the server was starting (e.g. a test host killed during its start-up): nobody will use it.
    as_owner "$bindir/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null 2>&1 || true
    echo "--watch: no process $watch_pid; server stopped" >&2
    exit 2
  fi
  setsid bash -c '
    trap "" HUP INT TERM
    while kill -0 "$1" 2>/dev/null; do sleep 1; done
    if [ "$(id -u)" = "0" ]; then
      setpriv --reuid=postgres --regid=postgres --init-groups -- "$2/pg_ctl" -D "$3" -m fast -w stop
    else
      "$2/pg_ctl" -D "$3" -m fast -w stop
    fi' postgres-watchdog "$watch_pid" "$bindir" "$data_dir" </dev/null >/dev/null 2>&1 &
}

case "$command_name" in
  start)
    ensure_cluster
    if server_running; then
      ensure_database; ensure_roles; start_watchdog; echo "PostgreSQL already running in $data_dir"; exit 0
    fi
    as_owner "$bindir/pg_ctl" -D "$data_dir" -o "-p $port" -l "$data_dir/server.log" -w -t 60 start >/dev/null
    ensure_database
    ensure_roles
    start_watchdog
    echo "PostgreSQL running on 127.0.0.1:$port (data: $data_dir)"
    ;;
  run)
    ensure_cluster
    if server_running; then
      as_owner "$bindir/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
    fi
    if [ -n "$database" ]; then
      as_owner "$bindir/pg_ctl" -D "$data_dir" -o "-p $port" -l "$data_dir/server.log" -w -t 60 start >/dev/null
      ensure_database
      ensure_roles
      as_owner "$bindir/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
    fi
    exec_cmd=("$bindir/postgres" -D "$data_dir" -p "$port")
    if [ "$(id -u)" = "0" ]; then
      exec setpriv --reuid=postgres --regid=postgres --init-groups -- "${exec_cmd[@]}"
    fi
    exec "${exec_cmd[@]}"
    ;;
  roles)
    [ -n "$database" ] || usage
    ensure_roles
    ;;
  stop)
    if [ -f "$data_dir/PG_VERSION" ] && server_running; then
      # Another stop (a watchdog's, a second caller's) may finish between the status and this stop, which then fails
      # on the missing postmaster.pid: a server no longer running is what was asked for.
      if ! stop_output=$(as_owner "$bindir/pg_ctl" -D "$data_dir" -m fast -w stop 2>&1); then
        if server_running; then
          echo "$stop_output" >&2
          exit 1
        fi
      fi
      echo "PostgreSQL stopped ($data_dir)"
    else
      echo "PostgreSQL not running ($data_dir)"
    fi
    ;;
  status)
    as_owner "$bindir/pg_ctl" -D "$data_dir" status
    ;;
  dump)
    [ -n "$database" ] || usage
    exec "$bindir/pg_dump" -h "${PGHOST:-127.0.0.1}" -p "$port" -U "${PGUSER:-postgres}" -d "$database"
    ;;
  *) usage ;;
esac
