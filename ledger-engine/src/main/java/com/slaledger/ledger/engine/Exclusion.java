package com.slaledger.ledger.engine;

import java.util.List;

/**
 * An approved exclusion (SPEC §16.1, rule 4a): [start, end), epoch seconds, is taken out of the
 * down-sets of {@code services} (covered services or members of a group; empty: every covered
 * service) before the union of rule 4. Excluded time counts as up: eligible time is unchanged.
 */
public record Exclusion(
        String exclusionId, long start, long end, String category, String reason, List<String> services) {

    public Exclusion {
        if (end <= start) {
            throw new IllegalArgumentException("empty exclusion");
        }
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** Whether it applies to {@code service}. */
    public boolean covers(String service) {
        return services.isEmpty() || services.contains(service);
    }

    /** As a statement lists it: clipped to the period [from, to), with its seconds there. */
    public record Listed(
            String exclusionId,
            long start,
            long end,
            long seconds,
            String category,
            String reason,
            List<String> services) {}

    /** Clipped to [from, to), or null when it does not touch it. */
    public Listed within(long from, long to) {
        long s = Math.max(start, from);
        long e = Math.min(end, to);
        return e <= s ? null : new Listed(exclusionId, s, e, e - s, category, reason, services);
    }
}
