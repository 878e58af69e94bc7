package com.slaledger.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The counted downtime of a contract's current period reached a share of its allowance (SPEC §7,
 * warnings before a breach). Published once per (contractId, period, thresholdPercent), keyed by
 * {@code contractId}; mailed to the contract's {@code alerts.emails}, the provider's own people.
 *
 * @param period {@code YYYY-MM} in the contract's time zone
 */
public record WarningIssued(
        String contractId,
        String period,
        BigDecimal thresholdPercent,
        long allowanceSeconds,
        long downtimeSeconds,
        BigDecimal allowanceUsedPercent,
        BigDecimal availabilityPercent,
        BigDecimal uptimeTargetPercent,
        Instant detectedAt) {

    /** The key under which this warning is published and mailed exactly once. */
    public String idempotencyKey() {
        return contractId + "/" + period + "/WARNING/"
                + thresholdPercent.stripTrailingZeros().toPlainString();
    }
}
