package com.slaledger.ledger.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SPEC §6 rules 1 and 2: each probe's status is a step function of time (the status of its
 * latest observation at or before t, ordered by observedAt, DOWN winning a tie at one instant);
 * the service is down while at least {@code downQuorum} probes are DOWN. An outage starts at the
 * observation that makes the quorum and ends at the one that breaks it; one with no end yet is
 * {@link Interval#OPEN}. The result is a set, so order and duplicates of the input do not matter.
 */
public final class MonitoredDowntime {

    private MonitoredDowntime() {}

    public static IntervalSet of(Collection<Observation> observations, int downQuorum) {
        if (downQuorum < 1) {
            throw new IllegalArgumentException("downQuorum must be at least 1");
        }
        // instant -> probe -> DOWN at that instant (DOWN wins a tie)
        TreeMap<Long, Map<String, Boolean>> byInstant = new TreeMap<>();
        for (Observation o : observations) {
            byInstant
                    .computeIfAbsent(o.at(), t -> new HashMap<>())
                    .merge(o.probeId(), o.status().isDown(), Boolean::logicalOr);
        }
        Map<String, Boolean> down = new HashMap<>();
        int downCount = 0;
        boolean wasDown = false;
        long outageStart = 0;
        List<Interval> outages = new ArrayList<>();
        for (var instant : byInstant.entrySet()) {
            for (var probe : instant.getValue().entrySet()) {
                boolean before = Boolean.TRUE.equals(down.put(probe.getKey(), probe.getValue()));
                if (before != probe.getValue()) {
                    downCount += probe.getValue() ? 1 : -1;
                }
            }
            boolean isDown = downCount >= downQuorum;
            if (isDown && !wasDown) {
                outageStart = instant.getKey();
            } else if (!isDown && wasDown) {
                outages.add(new Interval(outageStart, instant.getKey()));
            }
            wasDown = isDown;
        }
        if (wasDown) {
            outages.add(new Interval(outageStart, Interval.OPEN));
        }
        return IntervalSet.of(outages);
    }
}
