package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * What the engine needs of a contract. Maintenance windows are given as intervals; they are
 * validated elsewhere (ordered, not overlapping).
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
        List<Interval> maintenanceWindows) {

    public Terms {
        services = List.copyOf(services);
        creditTiers = List.copyOf(creditTiers);
        maintenanceWindows = List.copyOf(maintenanceWindows);
    }
}
