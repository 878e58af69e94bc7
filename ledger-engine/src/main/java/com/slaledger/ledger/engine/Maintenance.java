package com.slaledger.ledger.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A contract's planned maintenance (SPEC §4, §16.3): one-off windows and recurring rules. A rule's
 * occurrences start on the local dates its {@link DateRule} gives, from {@code from} (inclusive)
 * to {@code until} (exclusive, null: no end), at the local {@code startTime} in the contract's
 * zone, and last {@code durationSeconds}. A local start that does not exist (clocks go forward)
 * moves forward by the gap; one that exists twice (clocks go back) is the earlier instant: the
 * rule of business calendars (SPEC §13.1). Windows and occurrences that overlap or touch are
 * merged.
 */
public record Maintenance(List<Window> windows, List<Recurring> recurring) {

    /** No maintenance. */
    public static final Maintenance NONE = new Maintenance(List.of(), List.of());

    public Maintenance {
        windows = List.copyOf(windows);
        recurring = List.copyOf(recurring);
    }

    /** One-off windows without reasons. */
    public static Maintenance of(List<Interval> intervals) {
        return new Maintenance(
                intervals.stream()
                        .map(i -> new Window(i.start(), i.end(), null))
                        .toList(),
                List.of());
    }

    /** A window [start, end), epoch seconds, and why (null: not said). */
    public record Window(long start, long end, String reason) {

        public long seconds() {
            return end - start;
        }
    }

    /**
     * The local dates a recurrence rule gives (an RFC 5545 RRULE, evaluated by an iCalendar
     * library outside the engine), its first occurrence on or after {@code seed}.
     */
    @FunctionalInterface
    public interface DateRule {

        /** The rule's dates in [{@code from}, {@code to}), in order, the rule seeded at {@code seed}. */
        List<LocalDate> dates(LocalDate seed, LocalDate from, LocalDate to);

        /** The rule as written (what names a recurring window from one contract version to the next). */
        default String text() {
            return toString();
        }
    }

    /** A recurring window: a rule's dates, at a local start time, for a duration (at most a day). */
    public record Recurring(
            DateRule rule, LocalDate from, LocalDate until, LocalTime startTime, long durationSeconds, String reason) {

        public Recurring {
            if (durationSeconds <= 0 || durationSeconds > 86_400) {
                throw new IllegalArgumentException("duration must be more than 0 and at most a day");
            }
            if (until != null && !until.isAfter(from)) {
                throw new IllegalArgumentException("until must be after from");
            }
        }

        /** The occurrences that overlap [start, end), epoch seconds, unclipped, in the contract's zone. */
        public List<Window> occurrences(ZoneId zone, long start, long end) {
            // an occurrence starting up to a day (plus a day of offsets) before start may still overlap
            LocalDate first =
                    Instant.ofEpochSecond(start).atZone(zone).toLocalDate().minusDays(2);
            LocalDate last =
                    Instant.ofEpochSecond(end).atZone(zone).toLocalDate().plusDays(2);
            LocalDate lo = first.isBefore(from) ? from : first;
            LocalDate hi = until != null && until.isBefore(last) ? until : last;
            List<Window> out = new ArrayList<>();
            if (!lo.isBefore(hi)) {
                return out;
            }
            for (LocalDate d : rule.dates(from, lo, hi)) {
                if (d.isBefore(lo) || !d.isBefore(hi)) {
                    continue;
                }
                long s = localStart(d, startTime, zone);
                long e = s + durationSeconds;
                if (s < end && start < e) {
                    out.add(new Window(s, e, reason));
                }
            }
            return out;
        }
    }

    /**
     * The instant of a local date and time: moved forward by the gap when it does not exist, the
     * earlier instant when it exists twice.
     */
    public static long localStart(LocalDate date, LocalTime time, ZoneId zone) {
        // ZonedDateTime.ofLocal does both: a gap moves the time later by the gap's length, and with
        // no preferred offset an overlap takes the earlier offset, which is the earlier instant
        return ZonedDateTime.ofLocal(LocalDateTime.of(date, time), zone, null).toEpochSecond();
    }

    /**
     * Every window and occurrence that overlaps [start, end), merged (overlapping or touching ones
     * become one, their reasons joined) and clipped to it, in time order.
     */
    public List<Window> within(ZoneId zone, long start, long end) {
        List<Window> all = new ArrayList<>();
        for (Window w : windows) {
            if (w.start() < end && start < w.end()) {
                all.add(w);
            }
        }
        for (Recurring r : recurring) {
            all.addAll(r.occurrences(zone, start, end));
        }
        all.sort(Comparator.comparingLong(Window::start).thenComparingLong(Window::end));
        List<Window> merged = new ArrayList<>();
        long s = 0;
        long e = 0;
        Set<String> reasons = new LinkedHashSet<>();
        boolean open = false;
        for (Window w : all) {
            if (open && w.start() <= e) {
                e = Math.max(e, w.end());
            } else {
                if (open) {
                    merged.add(clipped(s, e, reasons, start, end));
                }
                s = w.start();
                e = w.end();
                reasons = new LinkedHashSet<>();
                open = true;
            }
            if (w.reason() != null && !w.reason().isBlank()) {
                reasons.add(w.reason());
            }
        }
        if (open) {
            merged.add(clipped(s, e, reasons, start, end));
        }
        return merged;
    }

    /** The same as a set of time. */
    public IntervalSet set(ZoneId zone, long start, long end) {
        List<Interval> out = new ArrayList<>();
        for (Window w : within(zone, start, end)) {
            out.add(new Interval(w.start(), w.end()));
        }
        return IntervalSet.of(out);
    }

    private static Window clipped(long s, long e, Set<String> reasons, long start, long end) {
        return new Window(Math.max(s, start), Math.min(e, end), reasons.isEmpty() ? null : String.join("; ", reasons));
    }
}
