package com.slaledger.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A period's statement, issued after the period and its grace time are over ({@code version}
 * 1), and again as an amendment ({@code version} 2, 3, ...) when late data changes it. Keyed by
 * {@code contractId}. {@code intervals} are the period's intervals, counted or not, at most
 * {@link DowntimeInterval#MAX_PER_EVENT}; {@code omittedIntervals} says how many more there are.
 */
public record StatementIssued(
        String contractId,
        String period,
        int version,
        Instant periodStart,
        Instant periodEnd,
        MeasurementPolicy policy,
        long eligibleSeconds,
        long downtimeSeconds,
        BigDecimal availabilityPercent,
        BigDecimal uptimeTargetPercent,
        boolean met,
        BigDecimal creditPercent,
        Money creditAmount,
        List<DowntimeInterval> intervals,
        int omittedIntervals,
        Instant issuedAt) {

    /** The key under which this statement version is noticed exactly once. */
    public String idempotencyKey() {
        return contractId + "/" + period + "/STATEMENT/v" + version;
    }
}
