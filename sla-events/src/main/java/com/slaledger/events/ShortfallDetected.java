package com.slaledger.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A contract's counted downtime in a period exceeded its allowance, or its credit rose to a
 * higher tier (SPEC §7); or another element of the agreement fell short (SPEC §13, {@code element}
 * set; the availability figures are then those of the moment). Published once per (contractId,
 * period, creditPercent) for availability and per (contractId, period, element) for the rest, keyed by
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
        Instant detectedAt,
        ChecklistElement element) {

    /** An availability shortfall (no other element). */
    public ShortfallDetected(
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
        this(
                contractId,
                period,
                policy,
                eligibleSeconds,
                allowanceSeconds,
                downtimeSeconds,
                availabilityPercent,
                uptimeTargetPercent,
                creditPercent,
                creditAmount,
                intervals,
                omittedIntervals,
                detectedAt,
                null);
    }

    /** The element not met: {@code availability} unless another element ({@link #element}) is named. */
    public String elementName() {
        return element == null || element.element() == null ? ChecklistElement.AVAILABILITY : element.element();
    }

    /** Whether this shortfall is of availability (a credit tier) rather than another element. */
    @JsonIgnore
    public boolean isAvailability() {
        return ChecklistElement.AVAILABILITY.equals(elementName());
    }

    /**
     * The key under which this shortfall is published and noticed exactly once: per credit tier
     * for availability, per element for the others (SPEC §8).
     */
    public String idempotencyKey() {
        if (!isAvailability()) {
            return contractId + "/" + period + "/SHORTFALL/" + elementName();
        }
        return contractId + "/" + period + "/SHORTFALL/"
                + creditPercent.stripTrailingZeros().toPlainString();
    }
}
