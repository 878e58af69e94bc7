package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Support targets (SPEC §13.2): for each ticket whose priority has a target and each measure,
 * the deadline is the instant at which the business time since {@code reportedAt} reaches the
 * target; the completion is the first response ({@code respondedAt}, or {@code resolvedAt} when
 * that is earlier or there is no response) for {@code firstResponse}, {@code resolvedAt} for
 * {@code resolution}; the ticket is met if completion ≤ deadline, breached otherwise; it is
 * decided at min(completion, deadline) and counts in the period that contains that instant; before
 * that it is pending and counts nowhere.
 */
public final class SupportTargets {

    private SupportTargets() {}

    /** What is measured. */
    public enum Measure {
        FIRST_RESPONSE("firstResponse"),
        RESOLUTION("resolution");

        private final String key;

        Measure(String key) {
            this.key = key;
        }

        /** {@code firstResponse} or {@code resolution}, as element names write it. */
        public String key() {
            return key;
        }
    }

    /** A ticket as support targets see it; instants in epoch seconds, null while not yet. */
    public record Ticket(String ticketId, String priority, long reportedAt, Long respondedAt, Long resolvedAt) {}

    /**
     * A contract's target for one priority: seconds of business time (null: not measured) and
     * the share of decided tickets that must be met (100: every one).
     */
    public record Target(String priority, Long firstResponseSeconds, Long resolutionSeconds, BigDecimal percentMet) {

        public Long seconds(Measure m) {
            return m == Measure.FIRST_RESPONSE ? firstResponseSeconds : resolutionSeconds;
        }
    }

    /** One ticket's judgement on one measure: decided at {@code decidedAt} (null: pending), met or not. */
    public record Decision(String ticketId, Long deadline, Long completion, Long decidedAt, boolean met) {}

    /**
     * The element {@code measure:priority} of a period: tickets decided in it, how many met, met
     * or not, and when it fell short (null while met, or while it still can be): at the first
     * breach when every ticket must be met, otherwise at the period's end.
     */
    public record Element(Measure measure, String priority, int decided, int metCount, boolean met, Long shortfallAt) {

        public String name() {
            return measure.key() + ":" + priority;
        }
    }

    /** One ticket on one measure as of {@code now}. */
    public static Decision decide(Ticket t, Measure m, long targetSeconds, BusinessCalendar calendar, long now) {
        Long deadline = calendar.deadline(t.reportedAt(), targetSeconds);
        Long completion = completion(t, m);
        if (completion != null && completion > now) {
            completion = null; // not known yet as of now
        }
        Long decidedAt;
        boolean met;
        if (completion != null && (deadline == null || completion <= deadline)) {
            decidedAt = completion;
            met = true;
        } else if (deadline != null && deadline <= now) {
            decidedAt = deadline;
            met = false;
        } else {
            decidedAt = null;
            met = false;
        }
        return new Decision(t.ticketId(), deadline, completion, decidedAt, met);
    }

    /** The completion of a measure: the first response (or an earlier resolution), the resolution. */
    static Long completion(Ticket t, Measure m) {
        if (m == Measure.RESOLUTION) {
            return t.resolvedAt();
        }
        if (t.respondedAt() == null) {
            return t.resolvedAt();
        }
        return t.resolvedAt() == null ? t.respondedAt() : Math.min(t.respondedAt(), t.resolvedAt());
    }

    /**
     * The element of {@code period} for a target and a measure, over the contract's tickets (each
     * ticket once however often it is given: by id, the last one given wins).
     */
    public static Element element(
            Collection<Ticket> tickets,
            Target target,
            Measure m,
            BusinessCalendar calendar,
            YearMonth period,
            ZoneId zone,
            long now) {
        return element(tickets, target, m, calendar, Periods.start(period, zone), Periods.end(period, zone), now);
    }

    /** The same for the period [start, end), epoch seconds. */
    public static Element element(
            Collection<Ticket> tickets,
            Target target,
            Measure m,
            BusinessCalendar calendar,
            long start,
            long end,
            long now) {
        Long seconds = target.seconds(m);
        if (seconds == null) {
            throw new IllegalArgumentException("target " + target.priority() + " does not measure " + m.key());
        }
        Map<String, Ticket> byId = new TreeMap<>();
        for (Ticket t : tickets) {
            if (target.priority().equals(t.priority())) {
                byId.put(t.ticketId(), t);
            }
        }
        int decided = 0;
        int metCount = 0;
        Long firstBreach = null;
        for (Ticket t : byId.values()) {
            Decision d = decide(t, m, seconds, calendar, now);
            if (d.decidedAt() == null || d.decidedAt() < start || d.decidedAt() >= end) {
                continue;
            }
            decided++;
            if (d.met()) {
                metCount++;
            } else if (firstBreach == null || d.decidedAt() < firstBreach) {
                firstBreach = d.decidedAt();
            }
        }
        boolean met = decided == 0
                || BigDecimal.valueOf(metCount)
                                .multiply(BigDecimal.valueOf(100))
                                .compareTo(target.percentMet().multiply(BigDecimal.valueOf(decided)))
                        >= 0;
        Long shortfallAt = null;
        if (!met) {
            boolean everyOne = target.percentMet().compareTo(BigDecimal.valueOf(100)) >= 0;
            shortfallAt = everyOne ? firstBreach : (now >= end ? end : null);
        }
        return new Element(m, target.priority(), decided, metCount, met, shortfallAt);
    }
}
