package com.slaledger.ledger.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Duties (SPEC §13.3): with s₀ = {@code since} and s₁ < s₂ < … the SUCCESS instants after it, the
 * duty is lapsed over [sᵢ + every + grace, sᵢ₊₁) whenever that is not empty, and from the last
 * success + every + grace on while no later success exists (an ongoing lapse, up to now). A
 * FAILURE never counts as a success; a period reports how many it holds. A period's element is
 * met when no lapse overlaps it; it falls short at the start of the first lapse that overlaps it
 * (the period's start, for one that began before it), at once, even with no new event.
 */
public final class Duties {

    private Duties() {}

    /** What an agent reported. */
    public enum Outcome {
        SUCCESS,
        FAILURE
    }

    /** A duty of a contract: due every {@code everySeconds}, with {@code graceSeconds} of leeway, from {@code since}. */
    public record Duty(String dutyId, long everySeconds, long graceSeconds, long since) {}

    /** One piece of evidence, epoch seconds. */
    public record Event(Outcome outcome, long completedAt) {}

    /** A lapse, clipped to the period (and to now while ongoing). */
    public record Lapse(long start, long end, boolean ongoing) {

        public long seconds() {
            return end - start;
        }
    }

    /** The element {@code duty:<id>} of a period. */
    public record Element(String dutyId, boolean met, List<Lapse> lapses, int failures, Long shortfallAt) {

        public long lapsedSeconds() {
            return lapses.stream().mapToLong(Lapse::seconds).sum();
        }
    }

    /** Every lapse up to {@code now}, not clipped; the last one open ({@link Interval#OPEN}) while ongoing. */
    public static List<Interval> lapses(Duty duty, Collection<Event> events, long now) {
        TreeSet<Long> successes = new TreeSet<>();
        for (Event e : events) {
            // what happened after now is not known yet
            if (e.outcome() == Outcome.SUCCESS && e.completedAt() > duty.since() && e.completedAt() <= now) {
                successes.add(e.completedAt());
            }
        }
        long late = duty.everySeconds() + duty.graceSeconds();
        List<Interval> out = new ArrayList<>();
        long previous = duty.since();
        for (long s : successes) {
            long start = previous + late;
            if (start < s && start < now) {
                out.add(new Interval(start, s));
            }
            previous = s;
        }
        long start = previous + late;
        if (start < now) {
            out.add(new Interval(start, Interval.OPEN));
        }
        return out;
    }

    /** The element of the period [periodStart, periodEnd) as of {@code now}. */
    public static Element element(Duty duty, Collection<Event> events, long periodStart, long periodEnd, long now) {
        List<Lapse> clipped = new ArrayList<>();
        Long shortfallAt = null;
        long until = Math.min(periodEnd, now);
        for (Interval lapse : lapses(duty, events, now)) {
            long start = Math.max(lapse.start(), periodStart);
            long end = Math.min(lapse.isOpen() ? now : lapse.end(), until);
            if (end <= start) {
                continue;
            }
            // ongoing only while it runs to now inside the period: clipped at a past period's end it
            // is over for that period, whatever becomes of it later (no amendment when it ends)
            clipped.add(new Lapse(start, end, lapse.isOpen() && end == now));
            if (shortfallAt == null) {
                shortfallAt = start;
            }
        }
        int failures = (int) events.stream()
                .filter(e -> e.outcome() == Outcome.FAILURE)
                .filter(e -> e.completedAt() >= periodStart && e.completedAt() < periodEnd && e.completedAt() <= now)
                .map(Event::completedAt)
                .distinct()
                .count();
        return new Element(duty.dutyId(), clipped.isEmpty(), List.copyOf(clipped), failures, shortfallAt);
    }
}
