# Keycloak, a real OIDC provider, for the console's authorization-code sign-in on this machine:
# run from the distribution the deploy module unpacked into deploy/target/lib/keycloak, with its
# own H2 file database in the run directory and the realm deploy/local/conf/keycloak-realm.json
# (realm sla-ledger: client sla-console; users operator/operator and acme/acme). Sourced, never run.
KEYCLOAK_VERSION=26.5.6
KEYCLOAK_REALM=sla-ledger

keycloak_home() { echo "$LIB_DIR/keycloak/keycloak-$KEYCLOAK_VERSION"; }

# keycloak_url PORT: the realm's issuer, as tokens name it and the services check it.
keycloak_issuer() { echo "http://localhost:$1/realms/$KEYCLOAK_REALM"; }

# keycloak_start NAME DATA_DIR PORT PIDFILE LOGFILE: starts it (management interface on PORT+1),
# imports the realm if it is not there yet, returns once the realm answers.
keycloak_start() {
  local name=$1 data=$2 port=$3 pidfile=$4 logfile=$5
  local home
  home=$(keycloak_home)
  if [ ! -x "$home/bin/kc.sh" ]; then
    log "unpacking Keycloak $KEYCLOAK_VERSION (./mvnw -pl deploy)"
    (cd "$REPO_ROOT" && ./mvnw -q -B -pl deploy -DskipTests -Dsla.infra.skip=true package) >&2 \
      || die "could not resolve Keycloak"
  fi
  if pid_alive "$pidfile"; then
    log "$name already runs (pid $(cat "$pidfile"))"
    return 0
  fi
  port_open 127.0.0.1 "$port" && die "port $port for $name is taken by a process this script did not start"
  # the build step (Quarkus augmentation) once per unpacked distribution, then every start is quick
  if [ ! -f "$home/.sla-built" ]; then
    log "building Keycloak once (dev-file database, health endpoints)"
    "$home/bin/kc.sh" build --db=dev-file --health-enabled=true >>"$logfile" 2>&1 \
      || die "building Keycloak failed; see $logfile"
    touch "$home/.sla-built"
  fi
  mkdir -p "$data"
  [ -f "$data/admin-password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$data/admin-password"
  log "starting $name (Keycloak $KEYCLOAK_VERSION) on http://localhost:$port"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$data/admin-password")" \
    JAVA_OPTS_KC_HEAP="${KEYCLOAK_HEAP_OPTS:--Xms64m -Xmx384m}" \
    start_detached "$name" "$pidfile" "$logfile" "$home/bin/kc.sh" start --optimized \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" --http-management-port=$((port + 1)) \
    --hostname="http://localhost:$port" --db-url-path="$data"
  if ! wait_for 180 "$name" keycloak_ready "$port" "$pidfile"; then
    tail -n 30 "$logfile" >&2
    die "$name did not become ready on port $port; see $logfile"
  fi
  keycloak_import_realm "$port" "$data"
  log "$name ready: issuer $(keycloak_issuer "$port")"
}

keycloak_ready() {
  pid_alive "$2" || return 2
  http_ok "http://localhost:$1/realms/master"
}

# keycloak_import_realm PORT DATA_DIR: creates the realm from the file unless it exists.
keycloak_import_realm() {
  local port=$1 data=$2 base="http://localhost:$1" token
  http_ok "$base/realms/$KEYCLOAK_REALM" && return 0
  token=$(curl -sf -d client_id=admin-cli -d username=admin --data-urlencode "password=$(cat "$data/admin-password")" \
    -d grant_type=password "$base/realms/master/protocol/openid-connect/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/') || die "no admin token from Keycloak"
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data @"$DEPLOY_DIR/local/conf/keycloak-realm.json" "$base/admin/realms" \
    || die "importing the realm into Keycloak failed"
  log "realm $KEYCLOAK_REALM imported"
}
