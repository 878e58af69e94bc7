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
        String startsOn) {

    public record Customer(String name, List<String> noticeEmails) {}

    public record Tier(BigDecimal belowPercent, BigDecimal creditPercent) {}

    public record Fee(BigDecimal amount, String currency) {}

    public record Window(String start, String end, String reason) {}

    public record Alerts(List<String> emails, List<BigDecimal> allowanceUsedPercent) {}
}
