package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A contract's statement for a period (SPEC §7): the figures under its own policy, both
 * policies side by side, the intervals under its own policy, the no-data intervals, the
 * maintenance windows and occurrences (merged, clipped) and the approved exclusions (clipped) that
 * touch the period, and {@code excludedSeconds}: the counted downtime the exclusions took away;
 * the accepted disputes (clipped) that touch it (SPEC §17, rule 4b).
 * {@code endedFigures} count only the intervals that have ended: what holds whatever becomes of
 * the outages still ongoing (used to judge while the ledger has not folded everything).
 */
public record Statement(
        String contractId,
        YearMonth period,
        long periodStart,
        long periodEnd,
        MeasurementPolicy policy,
        PolicyFigures figures,
        boolean isFinal,
        List<StatementInterval> intervals,
        Map<MeasurementPolicy, PolicyFigures> policies,
        List<NoDataInterval> noData,
        PolicyFigures endedFigures,
        List<Maintenance.Window> maintenance,
        List<Exclusion.Listed> exclusions,
        long excludedSeconds,
        List<Dispute.Listed> disputes) {

    public Statement {
        disputes = disputes == null ? List.of() : List.copyOf(disputes);
        intervals = List.copyOf(intervals);
        noData = List.copyOf(noData);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    /**
     * What the counted downtime uses of the allowance, in percent (half-up, 2 decimals); 100 when
     * there is no allowance and any downtime, 0 with none.
     */
    public BigDecimal allowanceUsedPercent() {
        return Warnings.usedPercent(figures.downtimeSeconds(), figures.allowanceSeconds());
    }
}
