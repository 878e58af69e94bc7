package com.slaledger.ledger.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A contract's downtime under one policy, as of a moment (SPEC §6 rules 4 and 5): the union of
 * the covered services' down-sets, less the maintenance windows, split into maximal intervals,
 * each counted when at least the contract's minimum long as a whole.
 */
public final class ContractDowntime {

    private final Map<String, IntervalSet> downSets;
    private final List<Downtime> intervals;
    private final Map<String, IntervalSet> noData;
    private final IntervalSet excluded;
    private final long now;

    private ContractDowntime(
            Map<String, IntervalSet> downSets,
            List<Downtime> intervals,
            Map<String, IntervalSet> noData,
            IntervalSet excluded,
            long now) {
        this.downSets = downSets;
        this.intervals = intervals;
        this.noData = noData;
        this.excluded = excluded;
        this.now = now;
    }

    /**
     * @param histories monitoring per covered service (a missing one: never observed)
     * @param ticketOpen the contract's OUTAGE ticket-open time per covered service (rule 3)
     * @param now the present, epoch seconds: what has not ended runs to it
     */
    public static ContractDowntime of(
            Terms terms,
            MeasurementPolicy policy,
            Map<String, ServiceHistory> histories,
            Map<String, IntervalSet> ticketOpen,
            long now) {
        Map<String, IntervalSet> downSets = new TreeMap<>();
        Map<String, IntervalSet> noData = new TreeMap<>();
        IntervalSet union = IntervalSet.EMPTY;
        IntervalSet anyNoData = IntervalSet.EMPTY;
        for (String service : terms.services()) {
            ServiceHistory history = histories.getOrDefault(service, ServiceHistory.UNOBSERVED);
            IntervalSet tickets = ticketOpen.getOrDefault(service, IntervalSet.EMPTY);
            // rule 1a: with noData DOWN, no-data time is monitored down-time whatever the quorum
            IntervalSet monitored = terms.noData() == NoDataRule.DOWN
                    ? history.monitored().union(history.noData())
                    : history.monitored();
            IntervalSet downSet =
                    switch (policy) {
                        case PROVIDER_MONITORED -> monitored;
                        case CUSTOMER_TICKET -> history.everObserved() ? monitored.intersect(tickets) : tickets;
                    };
            downSets.put(service, downSet);
            union = union.union(downSet);
            if (!history.noData().isEmpty()) {
                noData.put(service, history.noData());
                anyNoData = anyNoData.union(history.noData());
            }
        }
        // with noData EXCLUDED, no-data time of any covered service leaves the contract's time (up to now)
        IntervalSet excluded =
                terms.noData() == NoDataRule.EXCLUDED ? anyNoData.clip(Long.MIN_VALUE, now) : IntervalSet.EMPTY;
        IntervalSet net =
                union.minus(IntervalSet.of(terms.maintenanceWindows())).minus(excluded);
        List<Downtime> intervals = new ArrayList<>();
        for (Interval i : net.intervals()) {
            if (i.start() >= now) {
                break;
            }
            boolean ongoing = i.end() > now;
            long end = ongoing ? now : i.end();
            intervals.add(new Downtime(i.start(), end, ongoing, end - i.start() >= terms.minimumDowntimeSeconds()));
        }
        return new ContractDowntime(downSets, List.copyOf(intervals), noData, excluded, now);
    }

    /** Time removed from the contract's time because no probe knew (noData EXCLUDED), up to now. */
    public IntervalSet excluded() {
        return excluded;
    }

    /**
     * The no-data intervals of the covered services (rule 1a) that overlap [from, to), clipped to
     * it, whatever the contract's noData setting; one that has not ended runs to now.
     */
    public List<NoDataInterval> noDataWithin(long from, long to) {
        IntervalSet all = IntervalSet.EMPTY;
        for (IntervalSet s : noData.values()) {
            all = all.union(s);
        }
        List<NoDataInterval> out = new ArrayList<>();
        for (Interval i : all.intervals()) {
            if (i.start() >= now || !i.overlaps(from, to)) {
                continue;
            }
            boolean ongoing = i.end() > now;
            long end = Math.min(ongoing ? now : i.end(), to);
            long start = Math.max(i.start(), from);
            if (end <= start) {
                continue;
            }
            List<String> services = new ArrayList<>();
            for (var s : noData.entrySet()) {
                if (s.getValue().overlaps(start, end)) {
                    services.add(s.getKey());
                }
            }
            out.add(new NoDataInterval(start, ongoing && end == now ? null : end, end - start, List.copyOf(services)));
        }
        return out;
    }

    /**
     * Counted seconds within [from, to) of the intervals that have ended by now: what is known for
     * certain, whatever becomes of the outages still ongoing (SPEC §7, judged on what is known).
     */
    public long endedCountedSeconds(long from, long to) {
        long total = 0;
        for (Downtime d : intervals) {
            if (d.counted() && !d.ongoing() && d.start() < to && from < d.end()) {
                total += Math.min(d.end(), to) - Math.max(d.start(), from);
            }
        }
        return total;
    }

    /** Every maximal interval as of the moment, in time order. */
    public List<Downtime> intervals() {
        return intervals;
    }

    /** Counted seconds within [from, to) (rule 6: a counted interval counts in each period it crosses). */
    public long countedSeconds(long from, long to) {
        long total = 0;
        for (Downtime d : intervals) {
            if (d.counted() && d.start() < to && from < d.end()) {
                total += Math.min(d.end(), to) - Math.max(d.start(), from);
            }
        }
        return total;
    }

    /** The intervals overlapping [from, to), clipped to it, as a statement lists them. */
    public List<StatementInterval> within(long from, long to) {
        List<StatementInterval> out = new ArrayList<>();
        for (Downtime d : intervals) {
            if (d.start() >= to || d.end() <= from) {
                continue;
            }
            long start = Math.max(d.start(), from);
            long end = Math.min(d.end(), to);
            boolean ongoing = d.ongoing() && d.end() <= to;
            List<String> services = new ArrayList<>();
            for (var s : downSets.entrySet()) {
                if (s.getValue().overlaps(start, end)) {
                    services.add(s.getKey());
                }
            }
            out.add(new StatementInterval(
                    start,
                    ongoing ? null : end,
                    end - start,
                    List.copyOf(services),
                    d.counted(),
                    d.counted() ? null : StatementInterval.BELOW_MINIMUM,
                    ongoing));
        }
        return out;
    }
}
