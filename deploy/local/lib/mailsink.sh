# A real SMTP server for the local stack: GreenMail standalone (SMTP on 2525, IMAP on 3143 and
# a REST API on 8025 to read what arrived). Sourced, never run. MAIL_SINK_VERBOSE=1 logs every
# SMTP line (slow: about 0.2 s a message).

MAIL_SMTP_PORT=${MAIL_SMTP_PORT:-2525}
# GreenMail itself listens here; on MAIL_SMTP_PORT stands a front door (RejectingSmtpFront, module
# test-support) that refuses for good (550 5.1.1) every recipient matching MAIL_SINK_REJECT, as a
# real mail server refuses an unknown mailbox, and passes everything else through.
MAIL_INNER_PORT=${MAIL_INNER_PORT:-$((MAIL_SMTP_PORT + 1))}
MAIL_SINK_REJECT=${MAIL_SINK_REJECT:-^bounce}
MAIL_FRONT_JAR="$REPO_ROOT/test-support/target/test-support-0.1.0-SNAPSHOT.jar"
MAIL_IMAP_PORT=${MAIL_IMAP_PORT:-3143}
MAIL_API_PORT=${MAIL_API_PORT:-8025}

mailsink_start() {
  local pidfile=$1 logfile=$2
  ensure_java_libs
  local frontpid="${pidfile%.pid}front.pid"
  if ! pid_alive "$frontpid"; then
    port_open 127.0.0.1 "$MAIL_SMTP_PORT" && die "port $MAIL_SMTP_PORT is taken by a process this script did not start"
    log "starting the mail sink's front door SMTP 127.0.0.1:$MAIL_SMTP_PORT (refusing $MAIL_SINK_REJECT)"
    start_detached mailfront "$frontpid" "${logfile%.log}front.log" java -Xmx32m -cp "$MAIL_FRONT_JAR" \
      com.slaledger.testing.RejectingSmtpFront "$MAIL_SMTP_PORT" "$MAIL_INNER_PORT" "$MAIL_SINK_REJECT"
  fi
  if pid_alive "$pidfile"; then log "mail sink already runs (pid $(cat "$pidfile"))"; return 0; fi
  port_open 127.0.0.1 "$MAIL_INNER_PORT" && die "port $MAIL_INNER_PORT is taken by a process this script did not start"
  log "starting the mail sink (GreenMail) SMTP 127.0.0.1:$MAIL_INNER_PORT, API http://127.0.0.1:$MAIL_API_PORT"
  start_detached mailsink "$pidfile" "$logfile" java -Xmx128m \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MAIL_INNER_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$MAIL_IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -Dgreenmail.auth.disabled ${MAIL_SINK_VERBOSE:+-Dgreenmail.verbose} \
    -jar "$(ls "$LIB_DIR"/greenmail/greenmail-standalone-*.jar | head -n 1)"
  wait_for 30 mailsink port_open 127.0.0.1 "$MAIL_INNER_PORT" || die "the mail sink did not start; see $logfile"
  wait_for 30 mailfront port_open 127.0.0.1 "$MAIL_SMTP_PORT" || die "the mail sink's front door did not start"
}
