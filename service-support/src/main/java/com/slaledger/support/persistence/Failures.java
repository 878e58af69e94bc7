package com.slaledger.support.persistence;

import java.util.regex.Pattern;

/** Recognising failures that are not errors of the request. */
public final class Failures {

    private Failures() {}

    /**
     * A unique-key violation (PostgreSQL SQLSTATE 23505): two requests created the same row at
     * once. The loser retries and then finds the winner's row.
     */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.hibernate.exception.ConstraintViolationException")) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("23505")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure inherent to the data, which no retry can cure: PostgreSQL's data exceptions
     * (SQLSTATE class 22: a value out of range, too long, not a valid date) and check or not-null
     * violations (23502, 23514), or a record the code refuses ({@link IllegalArgumentException}).
     * The record goes to the dead-letter topic; anything else (connection lost, serialisation
     * conflict, database down) is retried.
     */
    public static boolean isInherent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return true;
            }
            String state = sqlState(t);
            if (state != null && (state.startsWith("22") || state.equals("23502") || state.equals("23514"))) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable t) {
        if (t.getClass().getName().equals("io.vertx.pgclient.PgException")) {
            try {
                return (String) t.getClass().getMethod("getSqlState").invoke(t);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        String m = t.getMessage();
        if (m != null) {
            var matcher = SQLSTATE.matcher(m);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static final Pattern SQLSTATE = Pattern.compile("SQLSTATE[ =:]*([0-9A-Z]{5})");
}
