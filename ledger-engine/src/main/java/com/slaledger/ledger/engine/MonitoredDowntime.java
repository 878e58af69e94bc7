package com.slaledger.ledger.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SPEC §6 rules 1, 1a and 2 for one service. Each probe's status is a step function of time (the
 * status of its latest observation at or before t, ordered by observedAt, DOWN winning a tie at
 * one instant); with {@code staleAfter}, a probe whose latest observation is that old is UNKNOWN,
 * which is not DOWN. The service is down while at least {@code downQuorum} probes are DOWN, and
 * has no data while every probe is UNKNOWN (from its first observation on). An outage starts at
 * the observation that makes the quorum and ends at the one that breaks it (or when enough probes
 * go stale); one with no end yet is {@link Interval#OPEN}, and so is no-data time that no
 * observation has ended. The result is a set, so order and duplicates of the input do not matter.
 */
public final class MonitoredDowntime {

    /** No staleness: a status holds until the probe's next observation. */
    public static final long NEVER_STALE = 0;

    private MonitoredDowntime() {}

    /** Rule 2 without staleness. */
    public static IntervalSet of(Collection<Observation> observations, int downQuorum) {
        return history(observations, downQuorum, NEVER_STALE).monitored();
    }

    /**
     * @param staleAfterSeconds how long an observation holds; {@link #NEVER_STALE} (0) for ever
     */
    public static ServiceHistory history(Collection<Observation> observations, int downQuorum, long staleAfterSeconds) {
        return history(observations, downQuorum, staleAfterSeconds, !observations.isEmpty());
    }

    /**
     * The same from a window of a service's observations (each probe's last one before the window
     * included): {@code everObserved} says whether the service was ever observed at all, which a
     * window without observations cannot tell.
     */
    public static ServiceHistory history(
            Collection<Observation> observations, int downQuorum, long staleAfterSeconds, boolean everObserved) {
        if (downQuorum < 1) {
            throw new IllegalArgumentException("downQuorum must be at least 1");
        }
        if (staleAfterSeconds < 0) {
            throw new IllegalArgumentException("staleAfter must not be negative");
        }
        if (observations.isEmpty()) {
            return everObserved
                    ? new ServiceHistory(IntervalSet.EMPTY, true, IntervalSet.EMPTY)
                    : ServiceHistory.UNOBSERVED;
        }
        // instant -> probe -> DOWN at that instant (DOWN wins a tie); expiries are instants with no report
        TreeMap<Long, Map<String, Boolean>> byInstant = new TreeMap<>();
        for (Observation o : observations) {
            byInstant
                    .computeIfAbsent(o.at(), t -> new HashMap<>())
                    .merge(o.probeId(), o.status().isDown(), Boolean::logicalOr);
        }
        if (staleAfterSeconds > 0) {
            for (Long at : List.copyOf(byInstant.keySet())) {
                byInstant.computeIfAbsent(at + staleAfterSeconds, t -> new HashMap<>());
            }
        }
        Map<String, Boolean> down = new HashMap<>();
        Map<String, Long> latest = new HashMap<>();
        boolean wasDown = false;
        boolean wasNoData = false;
        long outageStart = 0;
        long noDataStart = 0;
        List<Interval> outages = new ArrayList<>();
        List<Interval> noData = new ArrayList<>();
        for (var instant : byInstant.entrySet()) {
            long t = instant.getKey();
            for (var probe : instant.getValue().entrySet()) {
                down.put(probe.getKey(), probe.getValue());
                latest.put(probe.getKey(), t);
            }
            int downCount = 0;
            int known = 0;
            for (var probe : latest.entrySet()) {
                boolean fresh = staleAfterSeconds == NEVER_STALE || t < probe.getValue() + staleAfterSeconds;
                if (fresh) {
                    known++;
                    if (down.get(probe.getKey())) {
                        downCount++;
                    }
                }
            }
            boolean isDown = downCount >= downQuorum;
            if (isDown && !wasDown) {
                outageStart = t;
            } else if (!isDown && wasDown) {
                outages.add(new Interval(outageStart, t));
            }
            wasDown = isDown;
            boolean isNoData = known == 0;
            if (isNoData && !wasNoData) {
                noDataStart = t;
            } else if (!isNoData && wasNoData) {
                noData.add(new Interval(noDataStart, t));
            }
            wasNoData = isNoData;
        }
        if (wasDown) {
            outages.add(new Interval(outageStart, Interval.OPEN));
        }
        if (wasNoData) {
            noData.add(new Interval(noDataStart, Interval.OPEN));
        }
        return new ServiceHistory(IntervalSet.of(outages), true, IntervalSet.of(noData));
    }
}
