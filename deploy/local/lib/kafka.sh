# A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run
# from the jars that Maven resolved into deploy/target/lib/kafka. Sourced, never run.

# kafka_start NAME DATA_DIR PORT CONTROLLER_PORT PIDFILE LOGFILE [fresh]
kafka_start() {
  local name=$1 data=$2 port=$3 cport=$4 pidfile=$5 logfile=$6 fresh=${7:-}
  ensure_java_libs
  if pid_alive "$pidfile"; then
    log "$name already runs (pid $(cat "$pidfile"))"
    return 0
  fi
  if port_open 127.0.0.1 "$port"; then
    die "port $port is taken by a process this script did not start; stop it or choose another port"
  fi
  [ "$fresh" = fresh ] && rm -rf "$data"
  mkdir -p "$data"
  local props="$data/server.properties"
  sed -e "s|@DATA_DIR@|$data/log|g" -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$cport|g" \
    "$DEPLOY_DIR/local/conf/kafka-server.properties" >"$props"
  local cp="$LIB_DIR/kafka/*"
  local opts=(-Dlog4j2.configurationFile="$DEPLOY_DIR/local/conf/kafka-log4j2.properties"
    -Dkafka.logs.dir="$data/logs")
  # shellcheck disable=SC2206
  local heap=(${KAFKA_HEAP_OPTS:--Xms256m -Xmx256m})
  if [ ! -f "$data/log/meta.properties" ]; then
    local cluster_id
    cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    java -Xmx128m -cp "$cp" "${opts[@]}" kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$props" \
      >>"$logfile" 2>&1 || die "formatting Kafka storage failed; see $logfile"
  fi
  log "starting $name (Kafka $KAFKA_VERSION, KRaft) on 127.0.0.1:$port"
  start_detached "$name" "$pidfile" "$logfile" java "${heap[@]}" -XX:+UseG1GC -Djava.awt.headless=true \
    "${opts[@]}" -cp "$cp" kafka.Kafka "$props"
  if ! wait_for 60 "$name" kafka_ready "$port" "$pidfile"; then
    tail -n 30 "$logfile" >&2
    die "$name did not become ready on port $port; see $logfile"
  fi
  log "$name ready on 127.0.0.1:$port (pid $(cat "$pidfile"))"
}

# The broker logs this line once it has joined the KRaft quorum and opened its listener.
kafka_ready() {
  pid_alive "$2" || return 2
  port_open 127.0.0.1 "$1"
}
