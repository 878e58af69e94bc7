# The machine's PostgreSQL server (Debian's package), installed when missing, with one role and
# one database per service. Sourced, never run.

PG_PORT=${PG_PORT:-5432}

pg_version() { ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1; }

pg_ensure_installed() {
  if [ -n "$(pg_version)" ] && command -v pg_ctlcluster >/dev/null 2>&1; then return 0; fi
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed; install Debian's 'postgresql' package (needs root)"
  log "installing PostgreSQL (Debian package 'postgresql')"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
    || die "apt-get install postgresql failed"
}

pg_as_postgres() { runuser -u postgres -- "$@"; }

pg_cluster_status() { # prints "VERSION CLUSTER PORT STATUS" of the cluster on PG_PORT, if any
  pg_lsclusters --no-header 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2, $3, $4; exit }'
}

# pg_ensure_running MARKER: starts the cluster on PG_PORT (creating it if there is none) and, when
# this call started it, writes its postmaster pid to MARKER so that only then it is stopped again.
pg_ensure_running() {
  local marker=$1
  pg_ensure_installed
  local status
  status=$(pg_cluster_status)
  if [ -z "$status" ]; then
    local v
    v=$(pg_version)
    log "creating PostgreSQL $v cluster 'sla' on port $PG_PORT"
    pg_createcluster "$v" sla --port "$PG_PORT" >/dev/null || die "pg_createcluster failed"
    status=$(pg_cluster_status)
  fi
  read -r PG_CLUSTER_VERSION PG_CLUSTER_NAME _ PG_CLUSTER_STATE <<<"$status"
  if [ "$PG_CLUSTER_STATE" != online ]; then
    log "starting PostgreSQL $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME on 127.0.0.1:$PG_PORT"
    pg_ctlcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER_NAME" start || die "PostgreSQL did not start"
    mkdir -p "$(dirname "$marker")"
    head -n 1 "/var/lib/postgresql/$PG_CLUSTER_VERSION/$PG_CLUSTER_NAME/postmaster.pid" >"$marker"
  fi
  wait_for 30 postgres port_open 127.0.0.1 "$PG_PORT" || die "PostgreSQL does not accept connections on $PG_PORT"
  log "PostgreSQL $PG_CLUSTER_VERSION ready on 127.0.0.1:$PG_PORT"
}

# pg_stop_if_started MARKER: stops the cluster only when pg_ensure_running started it.
pg_stop_if_started() {
  local marker=$1
  pid_alive "$marker" || { rm -f "$marker"; return 0; }
  local status
  status=$(pg_cluster_status)
  read -r v c _ _ <<<"$status"
  log "stopping PostgreSQL $v/$c (pid $(cat "$marker"))"
  pg_ctlcluster "$v" "$c" stop -m fast || stop_pid "$marker" postgres
  rm -f "$marker"
}

# pg_ensure_database NAME [fresh]: role NAME (password NAME, for the local machine only) owning
# database NAME; with "fresh", the database is dropped and created empty.
pg_ensure_database() {
  local name=$1 fresh=${2:-}
  local sql="DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') THEN
        CREATE ROLE \"$name\" LOGIN PASSWORD '$name';
      END IF;
    END \$\$;"
  pg_as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres -c "$sql" >/dev/null \
    || die "could not create role $name"
  if [ "$fresh" = fresh ]; then
    pg_as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
      -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null || die "could not drop database $name"
  fi
  if [ -z "$(pg_as_postgres psql -tA -p "$PG_PORT" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    pg_as_postgres createdb -p "$PG_PORT" -O "$name" "$name" || die "could not create database $name"
  fi
}
