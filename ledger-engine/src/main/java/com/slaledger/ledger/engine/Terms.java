package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * What the engine needs of a contract. Maintenance windows are given as intervals; they are
 * validated elsewhere (ordered, not overlapping). {@code noData} says what no-data time is (rule
 * 1a); {@code warningThresholds} are the shares of the allowance (percent) that warn (SPEC §7).
 */
public record Terms(
        String contractId,
        List<String> services,
        MeasurementPolicy policy,
        BigDecimal uptimeTargetPercent,
        long minimumDowntimeSeconds,
        ZoneId zone,
        List<CreditTier> creditTiers,
        BigDecimal creditCapPercent,
        Money monthlyFee,
        List<Interval> maintenanceWindows,
        NoDataRule noData,
        List<BigDecimal> warningThresholds) {

    public Terms {
        services = List.copyOf(services);
        creditTiers = List.copyOf(creditTiers);
        maintenanceWindows = List.copyOf(maintenanceWindows);
        noData = noData == null ? NoDataRule.UP : noData;
        warningThresholds = List.copyOf(warningThresholds);
    }
}
