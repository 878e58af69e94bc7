package com.slaledger.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A period's statement, issued after the period and its grace time are over ({@code version}
 * 1), and again as an amendment ({@code version} 2, 3, ...) when late data changes it. Keyed by
 * {@code contractId}. {@code intervals} are the period's intervals, counted or not, at most
 * {@link DowntimeInterval#MAX_PER_EVENT}; {@code omittedIntervals} says how many more there are.
 * {@code elements} is the period's checklist (SPEC §13.4), availability first, every element met or
 * not.
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
        Instant issuedAt,
        List<ChecklistElement> elements) {

    public StatementIssued {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    /** A statement without a checklist (availability only). */
    public StatementIssued(
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
        this(
                contractId,
                period,
                version,
                periodStart,
                periodEnd,
                policy,
                eligibleSeconds,
                downtimeSeconds,
                availabilityPercent,
                uptimeTargetPercent,
                met,
                creditPercent,
                creditAmount,
                intervals,
                omittedIntervals,
                issuedAt,
                List.of());
    }

    /** Whether every element of the checklist was met (availability alone without one). */
    public boolean allMet() {
        return met && elements.stream().allMatch(ChecklistElement::met);
    }

    /** The key under which this statement version is noticed exactly once. */
    public String idempotencyKey() {
        return contractId + "/" + period + "/STATEMENT/v" + version;
    }
}
