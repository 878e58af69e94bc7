package com.slaledger.ledger.engine;

/**
 * A half-open span of time [start, end) in whole epoch seconds. {@link #OPEN} as the end means
 * "not ended": the span runs on into the future until something ends it.
 */
public record Interval(long start, long end) implements Comparable<Interval> {

    /** The end of a span that has not ended. */
    public static final long OPEN = Long.MAX_VALUE;

    public Interval {
        if (end <= start) {
            throw new IllegalArgumentException("empty interval [" + start + ", " + end + ")");
        }
    }

    public boolean isOpen() {
        return end == OPEN;
    }

    public long length() {
        return end - start;
    }

    public boolean overlaps(long from, long to) {
        return start < to && from < end;
    }

    @Override
    public int compareTo(Interval o) {
        return start != o.start ? Long.compare(start, o.start) : Long.compare(end, o.end);
    }
}
