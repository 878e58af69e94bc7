package com.slaledger.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A contract's counted downtime in a period exceeded its allowance, or its credit rose to a
 * higher tier (SPEC §7). Published once per (contractId, period, creditPercent), keyed by
 * {@code contractId}. {@code intervals} are the counted intervals, at most
 * {@link DowntimeInterval#MAX_PER_EVENT}; {@code omittedIntervals} says how many more there are.
 *
 * @param period {@code YYYY-MM} in the contract's time zone
 */
public record ShortfallDetected(
        String contractId,
        String period,
        MeasurementPolicy policy,
        long eligibleSeconds,
        long allowanceSeconds,
        long downtimeSeconds,
        BigDecimal availabilityPercent,
        BigDecimal uptimeTargetPercent,
        BigDecimal creditPercent,
        Money creditAmount,
        List<DowntimeInterval> intervals,
        int omittedIntervals,
        Instant detectedAt) {

    /** The key under which this shortfall is published and noticed exactly once. */
    public String idempotencyKey() {
        return contractId + "/" + period + "/SHORTFALL/"
                + creditPercent.stripTrailingZeros().toPlainString();
    }
}
