package com.slaledger.ledger.engine;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/** Computes a period's statement from a contract's terms and what monitoring and tickets say (SPEC §6, §7). */
public final class StatementCalculator {

    private StatementCalculator() {}

    /**
     * @param now the present, epoch seconds: ongoing downtime and open tickets run to it
     * @param graceSeconds how long after the period's end it becomes final
     */
    public static Statement statement(
            Terms terms,
            YearMonth period,
            Map<String, ServiceHistory> histories,
            Map<String, IntervalSet> ticketOpen,
            long now,
            long graceSeconds) {
        long start = Periods.start(period, terms.zone());
        long end = Periods.end(period, terms.zone());
        long eligible = eligibleSeconds(terms, start, end);
        Map<MeasurementPolicy, PolicyFigures> policies = new EnumMap<>(MeasurementPolicy.class);
        ContractDowntime own = null;
        for (MeasurementPolicy policy : MeasurementPolicy.values()) {
            ContractDowntime downtime = ContractDowntime.of(terms, policy, histories, ticketOpen, now);
            policies.put(policy, Credit.figures(terms, eligible, downtime.countedSeconds(start, end)));
            if (policy == terms.policy()) {
                own = downtime;
            }
        }
        return new Statement(
                terms.contractId(),
                period,
                start,
                end,
                terms.policy(),
                policies.get(terms.policy()),
                now >= end + graceSeconds,
                own.within(start, end),
                Map.copyOf(policies));
    }

    /** Rule 7: the period's length less its overlap with maintenance windows. */
    public static long eligibleSeconds(Terms terms, long start, long end) {
        IntervalSet period = IntervalSet.of(new Interval(start, end));
        return period.minus(IntervalSet.of(terms.maintenanceWindows())).seconds();
    }
}
