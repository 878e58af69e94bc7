package com.slaledger.ledger.contract;

import java.math.BigDecimal;
import java.util.List;

/**
 * PUT /api/v1/contracts/{contractId} body (SPEC §4). Text fields stay text here so that a bad
 * policy, duration, time zone or instant is reported with every other bad field, not alone.
 */
public record ContractRequest(
        Customer customer,
        List<String> services,
        String policy,
        BigDecimal uptimeTargetPercent,
        String minimumDowntime,
        String timezone,
        List<Tier> creditTiers,
        BigDecimal creditCapPercent,
        Fee monthlyFee,
        List<Window> maintenanceWindows,
        String noData,
        Alerts alerts,
        String startsOn,
        Support support,
        List<Duty> duties) {

    /** Without support targets and duties. */
    public ContractRequest(
            Customer customer,
            List<String> services,
            String policy,
            BigDecimal uptimeTargetPercent,
            String minimumDowntime,
            String timezone,
            List<Tier> creditTiers,
            BigDecimal creditCapPercent,
            Fee monthlyFee,
            List<Window> maintenanceWindows,
            String noData,
            Alerts alerts,
            String startsOn) {
        this(
                customer,
                services,
                policy,
                uptimeTargetPercent,
                minimumDowntime,
                timezone,
                creditTiers,
                creditCapPercent,
                monthlyFee,
                maintenanceWindows,
                noData,
                alerts,
                startsOn,
                null,
                null);
    }

    /** Support targets in business time (SPEC §13.2). */
    public record Support(String calendar, List<Target> targets) {}

    public record Target(String priority, String firstResponse, String resolution, BigDecimal percentMet) {}

    /** A duty proven by agents' evidence (SPEC §13.3). */
    public record Duty(String dutyId, String name, String every, String grace, String since) {}

    public record Customer(String name, List<String> noticeEmails) {}

    public record Tier(BigDecimal belowPercent, BigDecimal creditPercent) {}

    public record Fee(BigDecimal amount, String currency) {}

    public record Window(String start, String end, String reason) {}

    public record Alerts(List<String> emails, List<BigDecimal> allowanceUsedPercent) {}
}
