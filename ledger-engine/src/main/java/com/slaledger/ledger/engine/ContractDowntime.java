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

    /** Without exclusions. */
    public static ContractDowntime of(
            Terms terms,
            MeasurementPolicy policy,
            Map<String, ServiceHistory> histories,
            Map<String, IntervalSet> ticketOpen,
            long now) {
        return of(terms, policy, histories, ticketOpen, List.of(), now);
    }

    /**
     * @param histories monitoring per service, covered or a group's member (a missing one: never observed)
     * @param ticketOpen the contract's OUTAGE ticket-open time per service id a ticket named (rule 3)
     * @param exclusions the contract's approved exclusions (rule 4a)
     * @param now the present, epoch seconds: what has not ended runs to it
     */
    public static ContractDowntime of(
            Terms terms,
            MeasurementPolicy policy,
            Map<String, ServiceHistory> histories,
            Map<String, IntervalSet> ticketOpen,
            List<Exclusion> exclusions,
            long now) {
        return of(terms, policy, histories, ticketOpen, List.of(), exclusions, now);
    }

    /**
     * @param disputes the contract's accepted disputes (rule 4b), added before the exclusions
     * @param exclusions the contract's approved exclusions (rule 4a)
     */
    public static ContractDowntime of(
            Terms terms,
            MeasurementPolicy policy,
            Map<String, ServiceHistory> histories,
            Map<String, IntervalSet> ticketOpen,
            List<Dispute> disputes,
            List<Exclusion> exclusions,
            long now) {
        Map<String, IntervalSet> downSets = new TreeMap<>();
        Map<String, IntervalSet> noData = new TreeMap<>();
        IntervalSet union = IntervalSet.EMPTY;
        IntervalSet anyNoData = IntervalSet.EMPTY;
        for (String service : terms.services()) {
            List<String> members = terms.members(service);
            boolean group = terms.groups().containsKey(service);
            // rule 3 for a group (SPEC §16.2): tickets on the group's name or on any member
            IntervalSet tickets = ticketOpen.getOrDefault(service, IntervalSet.EMPTY);
            if (group) {
                for (String m : members) {
                    tickets = tickets.union(ticketOpen.getOrDefault(m, IntervalSet.EMPTY));
                }
            }
            IntervalSet downSet = null;
            IntervalSet serviceNoData = null;
            for (String member : members) {
                ServiceHistory history = histories.getOrDefault(member, ServiceHistory.UNOBSERVED);
                IntervalSet memberDown = memberDownSet(terms, policy, history, tickets);
                if (group) {
                    // rule 4b, then 4a, for a member named by a dispute or an exclusion
                    memberDown = memberDown
                            .union(disputedFor(disputes, member, false, now))
                            .minus(excludedFor(exclusions, member, false));
                }
                // a group is down while every member is: the intersection of the members' down-sets
                downSet = downSet == null ? memberDown : downSet.intersect(memberDown);
                serviceNoData = serviceNoData == null ? history.noData() : serviceNoData.intersect(history.noData());
            }
            // rule 4b: an accepted dispute adds its time to the down-set of the services it names;
            // rule 4a: an approved exclusion takes its time out of it (after 4b, so it wins)
            downSet = downSet.union(disputedFor(disputes, service, true, now))
                    .minus(excludedFor(exclusions, service, true));
            downSets.put(service, downSet);
            union = union.union(downSet);
            if (!serviceNoData.isEmpty()) {
                noData.put(service, serviceNoData);
                anyNoData = anyNoData.union(serviceNoData);
            }
        }
        // with noData EXCLUDED, no-data time of any covered service leaves the contract's time (up to now)
        IntervalSet excluded =
                terms.noData() == NoDataRule.EXCLUDED ? anyNoData.clip(Long.MIN_VALUE, now) : IntervalSet.EMPTY;
        IntervalSet net = union.minus(maintenance(terms, union, now)).minus(excluded);
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

    /** One service's down-set by rules 1–3 and 1a under {@code policy}, with {@code tickets} its ticket-open time. */
    private static IntervalSet memberDownSet(
            Terms terms, MeasurementPolicy policy, ServiceHistory history, IntervalSet tickets) {
        // rule 1a: with noData DOWN, no-data time is monitored down-time whatever the quorum
        IntervalSet monitored =
                terms.noData() == NoDataRule.DOWN ? history.monitored().union(history.noData()) : history.monitored();
        return switch (policy) {
            case PROVIDER_MONITORED -> monitored;
            case CUSTOMER_TICKET -> history.everObserved() ? monitored.intersect(tickets) : tickets;
        };
    }

    /**
     * The time of the exclusions that apply to {@code service}: those naming it, and with {@code
     * covered} (a covered service, not a group's member) those naming no service at all.
     */
    private static IntervalSet excludedFor(List<Exclusion> exclusions, String service, boolean covered) {
        List<Interval> out = new ArrayList<>();
        for (Exclusion e : exclusions) {
            if (covered ? e.covers(service) : e.services().contains(service)) {
                out.add(new Interval(e.start(), e.end()));
            }
        }
        return IntervalSet.of(out);
    }

    /**
     * The time of the accepted disputes that apply to {@code service} (as {@link #excludedFor}),
     * up to now: a dispute cannot say the service is down in the future.
     */
    private static IntervalSet disputedFor(List<Dispute> disputes, String service, boolean covered, long now) {
        List<Interval> out = new ArrayList<>();
        for (Dispute d : disputes) {
            if ((covered ? d.covers(service) : d.services().contains(service)) && d.start() < now) {
                out.add(new Interval(d.start(), Math.min(d.end(), now)));
            }
        }
        return IntervalSet.of(out);
    }

    /** The maintenance windows and occurrences over the span of the down-time (up to now). */
    private static IntervalSet maintenance(Terms terms, IntervalSet union, long now) {
        if (union.isEmpty()) {
            return IntervalSet.EMPTY;
        }
        List<Interval> all = union.intervals();
        long from = all.get(0).start();
        long to = Math.min(all.get(all.size() - 1).end(), now);
        if (to <= from) {
            return IntervalSet.EMPTY;
        }
        return terms.maintenance().set(terms.zone(), from, to);
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
