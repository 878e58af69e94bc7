package com.slaledger.events;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A version of a contract, published by the ledger to the compacted contracts topic keyed by
 * {@code contractId}: the latest record per key is the contract as it stands. Other services
 * keep their own view from it (ticket-service to validate tickets, notification-service for
 * recipients).
 */
public record ContractChanged(
        String contractId,
        long version,
        Customer customer,
        List<String> services,
        MeasurementPolicy policy,
        BigDecimal uptimeTargetPercent,
        Duration minimumDowntime,
        String timezone,
        List<CreditTier> creditTiers,
        BigDecimal creditCapPercent,
        Money monthlyFee,
        List<MaintenanceWindow> maintenanceWindows,
        Instant changedAt,
        Alerts alerts,
        String locale) {

    /** The language notices are written in when a contract names none (and in records from before SPEC §18). */
    public static final String DEFAULT_LOCALE = "en";

    /** The language of the contract's notices: en, de, fr, es or pt (SPEC §18). */
    public String language() {
        return locale == null ? DEFAULT_LOCALE : locale;
    }

    /** Who the contract is with and where its notices go. */
    public record Customer(String name, List<String> noticeEmails) {}

    /** Credit due when availability falls below {@code belowPercent}. */
    public record CreditTier(BigDecimal belowPercent, BigDecimal creditPercent) {}

    /** The provider's own addresses for warnings before a breach, and the shares of the allowance that warn. */
    public record Alerts(List<String> emails, List<BigDecimal> allowanceUsedPercent) {}

    /** Planned downtime, excluded from the eligible time: [start, end). */
    public record MaintenanceWindow(Instant start, Instant end, String reason) {}
}
