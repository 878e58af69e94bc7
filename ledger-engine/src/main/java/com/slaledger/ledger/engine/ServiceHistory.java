package com.slaledger.ledger.engine;

/**
 * What monitoring says of one service: its monitored down-time (rule 2), whether any probe has
 * ever reported on it (without that, the customer-ticket policy uses the tickets alone), and its
 * no-data time (rule 1a: every probe stale; empty without {@code staleAfter}).
 */
public record ServiceHistory(IntervalSet monitored, boolean everObserved, IntervalSet noData) {

    public static final ServiceHistory UNOBSERVED = new ServiceHistory(IntervalSet.EMPTY, false, IntervalSet.EMPTY);

    public ServiceHistory(IntervalSet monitored, boolean everObserved) {
        this(monitored, everObserved, IntervalSet.EMPTY);
    }
}
