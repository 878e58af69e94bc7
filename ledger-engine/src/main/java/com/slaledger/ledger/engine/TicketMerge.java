package com.slaledger.ledger.engine;

/**
 * How what is known of a ticket combines with a new fact about it (SPEC §5.2), the same for the
 * help desk's service that records tickets and for the ledger that folds their events: a
 * resolution, once known, is kept (resolving again, or a late "opened", changes nothing); only the
 * first response counts (the earliest); a ticket without a priority is {@link #DEFAULT_PRIORITY}.
 * The result does not depend on the order in which the facts arrive or on repeats.
 */
public final class TicketMerge {

    /** The priority of a ticket whose help desk names none (SPEC §5.2). */
    public static final String DEFAULT_PRIORITY = "P3";

    private TicketMerge() {}

    /** The priority given, or the default. */
    public static String priority(String given) {
        return given == null ? DEFAULT_PRIORITY : given;
    }

    /** The resolution to keep: the one known, else the new one (either may be null: none). */
    public static Long resolution(Long known, Long candidate) {
        return known != null ? known : candidate;
    }

    /** The first response to keep: the earlier of the known one and the new one (either may be null). */
    public static Long firstResponse(Long known, Long candidate) {
        if (known == null) {
            return candidate;
        }
        return candidate == null || known <= candidate ? known : candidate;
    }
}
