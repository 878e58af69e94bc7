package com.slaledger.events;

import java.time.Instant;
import java.util.List;

/**
 * One maximal downtime interval of a contract, clipped to a period, as shown in statements and
 * notices. {@code end} is null while the interval is ongoing.
 */
public record DowntimeInterval(
        Instant start,
        Instant end,
        long seconds,
        List<String> services,
        boolean counted,
        String reason,
        boolean ongoing) {

    /**
     * Events list at most this many intervals: a Kafka record must stay well under the broker's
     * 1 MB limit, and a notice is read by people. The rest are counted in the event's
     * {@code omittedIntervals}; the statement API lists them all.
     */
    public static final int MAX_PER_EVENT = 1000;

    /** The first {@link #MAX_PER_EVENT} of {@code intervals}, in their order. */
    public static List<DowntimeInterval> listed(List<DowntimeInterval> intervals) {
        return intervals.size() <= MAX_PER_EVENT ? intervals : List.copyOf(intervals.subList(0, MAX_PER_EVENT));
    }

    /** How many of {@code intervals} {@link #listed} leaves out. */
    public static int omitted(List<DowntimeInterval> intervals) {
        return Math.max(0, intervals.size() - MAX_PER_EVENT);
    }
}
