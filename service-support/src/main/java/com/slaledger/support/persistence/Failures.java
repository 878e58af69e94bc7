package com.slaledger.support.persistence;

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
}
