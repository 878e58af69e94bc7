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
 * not. {@code maintenance} lists the period's maintenance windows and occurrences (merged, clipped),
 * {@code exclusions} its approved exclusions (clipped) and {@code excludedSeconds} the counted
 * downtime they took away (SPEC §16); {@code disputes} its accepted disputes (clipped, SPEC §17).
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
        List<ChecklistElement> elements,
        List<Planned> maintenance,
        List<Excluded> exclusions,
        long excludedSeconds,
        List<Disputed> disputes) {

    public StatementIssued {
        disputes = disputes == null ? List.of() : List.copyOf(disputes);
        elements = elements == null ? List.of() : List.copyOf(elements);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    /** A maintenance window or occurrence of the period, clipped to it. */
    public record Planned(Instant start, Instant end, long seconds, String reason) {}

    /** An approved exclusion of the period (SPEC §16.1), clipped to it. */
    public record Excluded(
            String exclusionId,
            Instant start,
            Instant end,
            long seconds,
            String category,
            String reason,
            List<String> services) {}

    /** An accepted dispute of the period (SPEC §17, rule 4b), clipped to it. */
    public record Disputed(String disputeId, Instant start, Instant end, long seconds, List<String> services) {}

    /** A statement without disputes. */
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
            Instant issuedAt,
            List<ChecklistElement> elements,
            List<Planned> maintenance,
            List<Excluded> exclusions,
            long excludedSeconds) {
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
                elements,
                maintenance,
                exclusions,
                excludedSeconds,
                List.of());
    }

    /** A statement without maintenance and exclusions. */
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
            Instant issuedAt,
            List<ChecklistElement> elements) {
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
                elements,
                List.of(),
                List.of(),
                0);
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
