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
        Map<MeasurementPolicy, PolicyFigures> policies = new EnumMap<>(MeasurementPolicy.class);
        ContractDowntime own = null;
        PolicyFigures ended = null;
        for (MeasurementPolicy policy : MeasurementPolicy.values()) {
            ContractDowntime downtime = ContractDowntime.of(terms, policy, histories, ticketOpen, now);
            long eligible = eligibleSeconds(terms, start, end, downtime.excluded());
            policies.put(policy, Credit.figures(terms, eligible, downtime.countedSeconds(start, end)));
            if (policy == terms.policy()) {
                own = downtime;
                ended = Credit.figures(terms, eligible, downtime.endedCountedSeconds(start, end));
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
                Map.copyOf(policies),
                own.noDataWithin(start, end),
                ended);
    }

    /** Rule 7: the period's length less its overlap with maintenance windows. */
    public static long eligibleSeconds(Terms terms, long start, long end) {
        return eligibleSeconds(terms, start, end, IntervalSet.EMPTY);
    }

    /** Rule 7: less maintenance windows and, with noData EXCLUDED, no-data time ({@code excluded}). */
    public static long eligibleSeconds(Terms terms, long start, long end, IntervalSet excluded) {
        IntervalSet period = IntervalSet.of(new Interval(start, end));
        return period.minus(IntervalSet.of(terms.maintenanceWindows()))
                .minus(excluded)
                .seconds();
    }
}
