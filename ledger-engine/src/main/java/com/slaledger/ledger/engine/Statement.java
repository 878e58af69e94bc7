package com.slaledger.ledger.engine;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A contract's statement for a period (SPEC §7): the figures under its own policy, both
 * policies side by side, and the intervals under its own policy.
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
        Map<MeasurementPolicy, PolicyFigures> policies) {}
