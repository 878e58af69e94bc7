package com.slaledger.ledger.engine;

import java.util.List;

/**
 * A downtime interval as a statement lists it: clipped to the period, {@code seconds} the clipped
 * length, {@code end} null when the interval is ongoing within the period, {@code services} the
 * covered services whose down-set overlaps it, {@code reason} why it is not counted.
 */
public record StatementInterval(
        long start, Long end, long seconds, List<String> services, boolean counted, String reason, boolean ongoing) {

    public static final String BELOW_MINIMUM = "BELOW_MINIMUM";
}
