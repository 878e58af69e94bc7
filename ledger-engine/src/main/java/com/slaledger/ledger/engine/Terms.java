package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the engine needs of a contract. {@code services} are the covered services by name; a name
 * in {@code groups} is a redundant group (SPEC §16.2) of its members, down while every member is.
 * {@code maintenance} is the planned maintenance, one-off and recurring (validated elsewhere).
 * {@code noData} says what no-data time is (rule 1a); {@code warningThresholds} are the shares of
 * the allowance (percent) that warn (SPEC §7).
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
        Maintenance maintenance,
        NoDataRule noData,
        List<BigDecimal> warningThresholds,
        Map<String, List<String>> groups) {

    public Terms {
        services = List.copyOf(services);
        creditTiers = List.copyOf(creditTiers);
        maintenance = maintenance == null ? Maintenance.NONE : maintenance;
        noData = noData == null ? NoDataRule.UP : noData;
        warningThresholds = List.copyOf(warningThresholds);
        Map<String, List<String>> g = new TreeMap<>();
        if (groups != null) {
            groups.forEach((name, members) -> g.put(name, List.copyOf(members)));
        }
        groups = java.util.Collections.unmodifiableMap(g);
    }

    /** Without groups, with one-off maintenance windows only. */
    public Terms(
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
        this(
                contractId,
                services,
                policy,
                uptimeTargetPercent,
                minimumDowntimeSeconds,
                zone,
                creditTiers,
                creditCapPercent,
                monthlyFee,
                Maintenance.of(maintenanceWindows),
                noData,
                warningThresholds,
                Map.of());
    }

    /** The members of a covered service: its group's, or the service alone. */
    public List<String> members(String service) {
        return groups.getOrDefault(service, List.of(service));
    }
}
