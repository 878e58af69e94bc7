package com.slaledger.support.rest;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * Whether a failure means the database could not be reached (SPEC §19): a refused or dropped
 * connection, or no connection from the pool in time. Such a request is a 503 with Retry-After
 * (nothing was changed: its transaction never committed), not a 500 "it has been logged".
 */
public final class DatabaseDown {

    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseDown() {}

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return true;
            }
            String type = t.getClass().getName();
            if (type.equals("io.vertx.sqlclient.ClosedConnectionException")
                    || type.equals("io.vertx.core.http.ConnectionPoolTooBusyException")
                    || type.endsWith("AnnotatedConnectException")) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("connection refused")
                    || message.contains("connection is closed")
                    || message.contains("pending connection acquisition timeout")
                    || message.contains("the database system is shutting down")
                    || message.contains("the database system is starting up")
                    || message.contains("terminating connection due to administrator command")) {
                return true;
            }
        }
        return false;
    }
}
