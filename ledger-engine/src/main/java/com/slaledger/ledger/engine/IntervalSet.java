package com.slaledger.ledger.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A set of instants, held as sorted, disjoint, non-touching intervals: the maximal intervals of
 * the set. Immutable. The operations are the set algebra of SPEC §6 (union of services and
 * tickets, intersection for the customer-ticket policy, removal of maintenance windows).
 */
public final class IntervalSet {

    public static final IntervalSet EMPTY = new IntervalSet(List.of());

    private final List<Interval> intervals;

    private IntervalSet(List<Interval> normalised) {
        this.intervals = normalised;
    }

    /** The union of any intervals, in any order, overlapping or not. */
    public static IntervalSet of(Collection<Interval> any) {
        if (any.isEmpty()) {
            return EMPTY;
        }
        List<Interval> sorted = new ArrayList<>(any);
        Collections.sort(sorted);
        List<Interval> out = new ArrayList<>();
        long start = sorted.get(0).start();
        long end = sorted.get(0).end();
        for (int i = 1; i < sorted.size(); i++) {
            Interval next = sorted.get(i);
            if (next.start() <= end) {
                end = Math.max(end, next.end());
            } else {
                out.add(new Interval(start, end));
                start = next.start();
                end = next.end();
            }
        }
        out.add(new Interval(start, end));
        return new IntervalSet(List.copyOf(out));
    }

    public static IntervalSet of(Interval... intervals) {
        return of(List.of(intervals));
    }

    /** The maximal intervals, in time order. */
    public List<Interval> intervals() {
        return intervals;
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    public IntervalSet union(IntervalSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Interval> all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        return of(all);
    }

    public IntervalSet intersect(IntervalSet other) {
        List<Interval> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < intervals.size() && j < other.intervals.size()) {
            Interval a = intervals.get(i);
            Interval b = other.intervals.get(j);
            long start = Math.max(a.start(), b.start());
            long end = Math.min(a.end(), b.end());
            if (start < end) {
                out.add(new Interval(start, end));
            }
            if (a.end() < b.end()) {
                i++;
            } else {
                j++;
            }
        }
        return new IntervalSet(List.copyOf(out));
    }

    public IntervalSet minus(IntervalSet other) {
        if (isEmpty() || other.isEmpty()) {
            return this;
        }
        List<Interval> out = new ArrayList<>();
        int j = 0;
        for (Interval a : intervals) {
            long cursor = a.start();
            while (j < other.intervals.size() && other.intervals.get(j).end() <= cursor) {
                j++;
            }
            int k = j;
            while (k < other.intervals.size() && other.intervals.get(k).start() < a.end()) {
                Interval cut = other.intervals.get(k);
                if (cut.start() > cursor) {
                    out.add(new Interval(cursor, cut.start()));
                }
                cursor = Math.max(cursor, cut.end());
                if (cursor >= a.end()) {
                    break;
                }
                k++;
            }
            if (cursor < a.end()) {
                out.add(new Interval(cursor, a.end()));
            }
        }
        return new IntervalSet(List.copyOf(out));
    }

    /** The part of the set within [from, to). */
    public IntervalSet clip(long from, long to) {
        if (from >= to) {
            return EMPTY;
        }
        return intersect(of(new Interval(from, to)));
    }

    /** Total seconds in the set; only for sets without open intervals. */
    public long seconds() {
        long total = 0;
        for (Interval i : intervals) {
            if (i.isOpen()) {
                throw new IllegalStateException("an open interval has no length");
            }
            total += i.length();
        }
        return total;
    }

    /** Whether any instant of [from, to) is in the set: a binary search, O(log n). */
    public boolean overlaps(long from, long to) {
        // Intervals are sorted and disjoint, so their ends ascend too: find the first ending after from.
        int lo = 0;
        int hi = intervals.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (intervals.get(mid).end() <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < intervals.size() && intervals.get(lo).start() < to;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSet s && s.intervals.equals(intervals);
    }

    @Override
    public int hashCode() {
        return intervals.hashCode();
    }

    @Override
    public String toString() {
        return intervals.toString();
    }
}
