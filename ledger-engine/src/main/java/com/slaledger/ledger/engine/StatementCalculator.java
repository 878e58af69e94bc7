package com.slaledger.ledger.engine;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Computes a period's statement from a contract's terms and what monitoring and tickets say (SPEC §6, §7, §16). */
public final class StatementCalculator {

    private StatementCalculator() {}

    /** Without exclusions. */
    public static Statement statement(
            Terms terms,
            YearMonth period,
            Map<String, ServiceHistory> histories,
            Map<String, IntervalSet> ticketOpen,
            long now,
            long graceSeconds) {
        return statement(terms, period, histories, ticketOpen, List.of(), now, graceSeconds);
    }

    /** Without disputes. */
    public static Statement statement(
            Terms terms,
            YearMonth period,
            Map<String, ServiceHistory> histories,
            Map<String, IntervalSet> ticketOpen,
            List<Exclusion> exclusions,
            long now,
            long graceSeconds) {
        return statement(terms, period, histories, ticketOpen, List.of(), exclusions, now, graceSeconds);
    }

    /**
     * @param disputes the contract's accepted disputes (rule 4b), of any period
     * @param exclusions the contract's approved exclusions (rule 4a), of any period
     * @param now the present, epoch seconds: ongoing downtime and open tickets run to it
     * @param graceSeconds how long after the period's end it becomes final
     */
    public static Statement statement(
            Terms terms,
            YearMonth period,
            Map<String, ServiceHistory> histories,
            Map<String, IntervalSet> ticketOpen,
            List<Dispute> disputes,
            List<Exclusion> exclusions,
            long now,
            long graceSeconds) {
        long start = Periods.start(period, terms.zone());
        long end = Periods.end(period, terms.zone());
        Map<MeasurementPolicy, PolicyFigures> policies = new EnumMap<>(MeasurementPolicy.class);
        ContractDowntime own = null;
        PolicyFigures ended = null;
        long withoutExclusions = 0;
        for (MeasurementPolicy policy : MeasurementPolicy.values()) {
            ContractDowntime downtime =
                    ContractDowntime.of(terms, policy, histories, ticketOpen, disputes, exclusions, now);
            long eligible = eligibleSeconds(terms, start, end, downtime.excluded());
            policies.put(policy, Credit.figures(terms, eligible, downtime.countedSeconds(start, end)));
            if (policy == terms.policy()) {
                own = downtime;
                ended = Credit.figures(terms, eligible, downtime.endedCountedSeconds(start, end));
                withoutExclusions = exclusions.isEmpty()
                        ? downtime.countedSeconds(start, end)
                        : ContractDowntime.of(terms, policy, histories, ticketOpen, disputes, List.of(), now)
                                .countedSeconds(start, end);
            }
        }
        PolicyFigures figures = policies.get(terms.policy());
        List<Exclusion.Listed> listed = new ArrayList<>();
        for (Exclusion e : exclusions) {
            Exclusion.Listed l = e.within(start, end);
            if (l != null) {
                listed.add(l);
            }
        }
        listed.sort(java.util.Comparator.comparingLong(Exclusion.Listed::start)
                .thenComparing(Exclusion.Listed::exclusionId));
        List<Dispute.Listed> disputed = new ArrayList<>();
        for (Dispute d : new java.util.LinkedHashSet<>(disputes)) {
            Dispute.Listed l = d.within(start, end);
            if (l != null) {
                disputed.add(l);
            }
        }
        disputed.sort(
                java.util.Comparator.comparingLong(Dispute.Listed::start).thenComparing(Dispute.Listed::disputeId));
        return new Statement(
                terms.contractId(),
                period,
                start,
                end,
                terms.policy(),
                figures,
                now >= end + graceSeconds,
                own.within(start, end),
                Map.copyOf(policies),
                own.noDataWithin(start, end),
                ended,
                terms.maintenance().within(terms.zone(), start, end),
                List.copyOf(listed),
                // SPEC §16.1: the counted downtime without the exclusions less the downtime with them
                withoutExclusions - figures.downtimeSeconds(),
                List.copyOf(disputed));
    }

    /** Rule 7: the period's length less its overlap with maintenance windows. */
    public static long eligibleSeconds(Terms terms, long start, long end) {
        return eligibleSeconds(terms, start, end, IntervalSet.EMPTY);
    }

    /** Rule 7: less maintenance windows and, with noData EXCLUDED, no-data time ({@code excluded}). */
    public static long eligibleSeconds(Terms terms, long start, long end, IntervalSet excluded) {
        IntervalSet period = IntervalSet.of(new Interval(start, end));
        return period.minus(terms.maintenance().set(terms.zone(), start, end))
                .minus(excluded)
                .seconds();
    }
}
