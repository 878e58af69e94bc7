package com.slaledger.ledger.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An OUTAGE ticket's open time [reportedAt, resolvedAt) in epoch seconds; {@code resolvedAt}
 * null while unresolved (it then runs to the present).
 */
public record TicketSpan(long reportedAt, Long resolvedAt) {

    /** SPEC §6 rule 3: the union of the tickets' open times. */
    public static IntervalSet openTime(Collection<TicketSpan> tickets) {
        List<Interval> spans = new ArrayList<>();
        for (TicketSpan t : tickets) {
            long end = t.resolvedAt() == null ? Interval.OPEN : t.resolvedAt();
            if (end > t.reportedAt()) {
                spans.add(new Interval(t.reportedAt(), end));
            }
        }
        return IntervalSet.of(spans);
    }
}
