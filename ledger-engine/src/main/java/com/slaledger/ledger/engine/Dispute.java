package com.slaledger.ledger.engine;

import java.util.List;

/**
 * An accepted dispute (SPEC §17, rule 4b): the customer said it was down in [start, end), epoch
 * seconds, and the provider agreed. The time is added to the down-sets of {@code services}
 * (covered services or members of a group; empty: every covered service) after rules 1–3, whichever
 * policy computes them, and before the exclusions of rule 4a and the union of rule 4: an exclusion
 * approved later for the same time takes it out again.
 */
public record Dispute(String disputeId, long start, long end, List<String> services) {

    public Dispute {
        if (end <= start) {
            throw new IllegalArgumentException("empty dispute");
        }
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** Whether it applies to {@code service}. */
    public boolean covers(String service) {
        return services.isEmpty() || services.contains(service);
    }

    /** As a statement lists it: clipped to the period [from, to), with its seconds there. */
    public record Listed(String disputeId, long start, long end, long seconds, List<String> services) {}

    /** Clipped to [from, to), or null when it does not touch it. */
    public Listed within(long from, long to) {
        long s = Math.max(start, from);
        long e = Math.min(end, to);
        return e <= s ? null : new Listed(disputeId, s, e, e - s, services);
    }
}
