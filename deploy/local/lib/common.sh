# Shared helpers for deploy/local scripts: paths, pid files, waiting for ports.
# Sourced, never run. Every process started here is recorded as RUN_DIR/pids/NAME.pid and
# logs to RUN_DIR/logs/NAME.log, so that `down` stops exactly what `up` started.

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
DEPLOY_DIR="$REPO_ROOT/deploy"
LIB_DIR="$DEPLOY_DIR/target/lib"
KAFKA_VERSION=4.4.0

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# pid_alive FILE: true when FILE names a process that still runs.
pid_alive() {
  local f=$1 pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s until it succeeds.
wait_for() {
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# stop_pid FILE NAME: TERM, then KILL after 20 s, the process named by FILE; removes FILE.
stop_pid() {
  local f=$1 name=$2 pid
  if pid_alive "$f"; then
    pid=$(cat "$f")
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name did not stop in 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

# start_detached NAME PIDFILE LOGFILE COMMAND...: starts COMMAND in its own session, with no
# terminal and no inherited output streams (a build tool waiting on our output must not hang).
start_detached() {
  local name=$1 pidfile=$2 logfile=$3; shift 3
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  setsid nohup "$@" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

# java_libs_ready: the broker and mail-sink jars are resolved by the deploy module's build.
java_libs_ready() { [ -d "$LIB_DIR/kafka" ] && [ -d "$LIB_DIR/greenmail" ]; }

ensure_java_libs() {
  java_libs_ready && return 0
  log "resolving the Kafka and mail-sink jars (./mvnw -pl deploy)"
  (cd "$REPO_ROOT" && ./mvnw -q -B -pl deploy -DskipTests -Dsla.infra.skip=true package) >&2 \
    || die "could not resolve the deploy module's jars"
}
