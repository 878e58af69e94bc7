package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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

    /**
     * A ticket as support targets see it; instants in epoch seconds, null while not yet; {@code
     * pauses} its pause and unpause events (SPEC §16.4), in any order and possibly twice.
     */
    public record Ticket(
            String ticketId, String priority, long reportedAt, Long respondedAt, Long resolvedAt, List<Pause> pauses) {

        public Ticket {
            pauses = pauses == null ? List.of() : List.copyOf(pauses);
        }

        /** Never paused. */
        public Ticket(String ticketId, String priority, long reportedAt, Long respondedAt, Long resolvedAt) {
            this(ticketId, priority, reportedAt, respondedAt, resolvedAt, List.of());
        }

        /**
         * The paused time: the union of [pause, next unpause) from {@code reportedAt} on (an
         * unpause at the pause's own instant ends it at once), a pause with no unpause after it
         * running to {@code now}. A set of events, so order and duplicates do not matter.
         */
        public IntervalSet paused(long now) {
            if (pauses.isEmpty()) {
                return IntervalSet.EMPTY;
            }
            // by instant, a pause before an unpause at the same instant; duplicates are one event
            TreeSet<Pause> events =
                    new TreeSet<>(Comparator.comparingLong(Pause::at).thenComparing(e -> e.paused() ? 0 : 1));
            events.addAll(pauses);
            List<Interval> out = new ArrayList<>();
            Long since = null;
            for (Pause e : events) {
                if (e.paused() && since == null) {
                    since = Math.max(e.at(), reportedAt);
                } else if (!e.paused() && since != null) {
                    if (e.at() > since) {
                        out.add(new Interval(since, e.at()));
                    }
                    since = null;
                }
            }
            if (since != null && now > since) {
                out.add(new Interval(since, now));
            }
            return IntervalSet.of(out);
        }
    }

    /** A pause ({@code paused}) or unpause of a ticket's support clock at {@code at}, epoch seconds. */
    public record Pause(long at, boolean paused) {}

    /**
     * A contract's target for one priority: seconds of business time (null: not measured) and
     * the share of decided tickets that must be met (100: every one).
     */
    public record Target(
            String priority,
            Long firstResponseSeconds,
            Long resolutionSeconds,
            BigDecimal percentMet,
            boolean pauseWhileWaiting) {

        /** Pausing while waiting on the customer (the default). */
        public Target(String priority, Long firstResponseSeconds, Long resolutionSeconds, BigDecimal percentMet) {
            this(priority, firstResponseSeconds, resolutionSeconds, percentMet, true);
        }

        /** Whether measure {@code m} pauses while the ticket waits: only the resolution, and only when agreed. */
        public boolean pauses(Measure m) {
            return m == Measure.RESOLUTION && pauseWhileWaiting;
        }

        public Long seconds(Measure m) {
            return m == Measure.FIRST_RESPONSE ? firstResponseSeconds : resolutionSeconds;
        }
    }

    /**
     * One ticket's judgement on one measure: decided at {@code decidedAt} (null: pending), met or
     * not, {@code pausedSeconds} the business time it spent paused before it was decided (or, while
     * pending, until now), when the measure pauses.
     */
    public record Decision(
            String ticketId, Long deadline, Long completion, Long decidedAt, boolean met, long pausedSeconds) {}

    /**
     * The element {@code measure:priority} of a period: tickets decided in it, how many met, met
     * or not, and when it fell short (null while met, or while it still can be): at the first
     * breach when every ticket must be met, otherwise at the period's end.
     */
    public record Element(
            Measure measure,
            String priority,
            int decided,
            int metCount,
            boolean met,
            Long shortfallAt,
            long pausedSeconds) {

        public String name() {
            return measure.key() + ":" + priority;
        }
    }

    /** One ticket on one measure as of {@code now}, never paused. */
    public static Decision decide(Ticket t, Measure m, long targetSeconds, BusinessCalendar calendar, long now) {
        return decide(t, m, targetSeconds, false, calendar, now);
    }

    /**
     * One ticket on one measure as of {@code now}; with {@code pauses}, the deadline is the instant
     * at which the business time since {@code reportedAt}, less its business time while paused,
     * reaches the target (SPEC §16.4).
     */
    public static Decision decide(
            Ticket t, Measure m, long targetSeconds, boolean pauses, BusinessCalendar calendar, long now) {
        IntervalSet paused = pauses ? t.paused(now) : IntervalSet.EMPTY;
        Long deadline = deadline(t.reportedAt(), targetSeconds, paused, calendar);
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
        long until = decidedAt != null ? decidedAt : now;
        return new Decision(
                t.ticketId(),
                deadline,
                completion,
                decidedAt,
                met,
                pausedBusiness(paused, t.reportedAt(), until, calendar));
    }

    /**
     * The first instant at which the business time since {@code reportedAt} less the business
     * time in {@code paused} reaches {@code targetSeconds} (null: never). Found from below: the
     * deadline without pauses, then again with the paused business time before it added, until
     * that no longer grows (at most once more per paused interval).
     */
    static Long deadline(long reportedAt, long targetSeconds, IntervalSet paused, BusinessCalendar calendar) {
        long added = 0;
        while (true) {
            Long d = calendar.deadline(reportedAt, targetSeconds + added);
            if (d == null || paused.isEmpty()) {
                return d;
            }
            long p = pausedBusiness(paused, reportedAt, d, calendar);
            if (p == added) {
                return d;
            }
            added = p;
        }
    }

    /** The business time of {@code paused} within [from, to). */
    static long pausedBusiness(IntervalSet paused, long from, long to, BusinessCalendar calendar) {
        long total = 0;
        for (Interval i : paused.clip(from, to).intervals()) {
            total += calendar.businessSeconds(i.start(), i.end());
        }
        return total;
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
        long pausedSeconds = 0;
        Long firstBreach = null;
        for (Ticket t : byId.values()) {
            Decision d = decide(t, m, seconds, target.pauses(m), calendar, now);
            if (d.decidedAt() == null || d.decidedAt() < start || d.decidedAt() >= end) {
                continue;
            }
            decided++;
            pausedSeconds += d.pausedSeconds();
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
        return new Element(m, target.priority(), decided, metCount, met, shortfallAt, pausedSeconds);
    }
}
