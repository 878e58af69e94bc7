package com.slaledger.ledger.engine;

/**
 * One maximal downtime interval of a contract as of a moment: [start, end), where {@code end} is
 * that moment when the interval is {@code ongoing}. {@code counted} is decided on the whole
 * interval (rule 5: at least the contract's minimum).
 */
public record Downtime(long start, long end, boolean ongoing, boolean counted) {

    public long seconds() {
        return end - start;
    }
}
