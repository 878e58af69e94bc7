package com.slaledger.ledger.engine;

/**
 * What monitoring says of one service: its monitored down-time (rule 2) and whether any probe
 * has ever reported on it (without that, the customer-ticket policy uses the tickets alone).
 */
public record ServiceHistory(IntervalSet monitored, boolean everObserved) {

    public static final ServiceHistory UNOBSERVED = new ServiceHistory(IntervalSet.EMPTY, false);
}
