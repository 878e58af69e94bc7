package com.slaledger.ledger.engine;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working time (SPEC §13.1): per weekday, local intervals of the calendar's time zone; none on a
 * holiday (a whole local day) or a weekday not named. A boundary that does not exist on a day
 * (the clocks go forward) moves forward by the gap; one that exists twice (the clocks go back) is
 * the earlier instant: exactly what {@link ZonedDateTime#of} does. {@link #ALWAYS} ({@code 24x7})
 * makes all time working time.
 *
 * @param weekly each weekday's local working intervals [from, to); {@code to} may be midnight
 *     ({@link LocalTime#MIDNIGHT} as an end means the end of the day)
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<LocalSpan>> weekly, Set<LocalDate> holidays) {

    /** A local working interval of a day: [from, to), {@code to} = 00:00 meaning the day's end. */
    public record LocalSpan(LocalTime from, LocalTime to) {

        public LocalSpan {
            if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
                throw new IllegalArgumentException("a working interval must end after it starts: " + from + "-" + to);
            }
        }
    }

    /** {@code 24x7}: all time is working time (every day from its start to the next day's). */
    /** The id of the built-in calendar in which all time is working time (SPEC §13.1). */
    public static final String ALWAYS_ID = "24x7";

    public static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneOffset.UTC, allDays(), Set.of());

    private static Map<DayOfWeek, List<LocalSpan>> allDays() {
        Map<DayOfWeek, List<LocalSpan>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            all.put(d, List.of(new LocalSpan(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return all;
    }

    public BusinessCalendar {
        Map<DayOfWeek, List<LocalSpan>> copy = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, spans) -> copy.put(day, List.copyOf(spans)));
        weekly = Map.copyOf(copy);
        holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    /** Every day worked from its start to its end, no holiday: all time is working time. */
    public boolean isAlways() {
        if (!holidays.isEmpty() || weekly.size() < 7) {
            return false;
        }
        LocalSpan whole = new LocalSpan(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        return weekly.values().stream().allMatch(spans -> spans.equals(List.of(whole)));
    }

    /** The working intervals of one local day, as epoch-second intervals (empty on a holiday). */
    List<Interval> workingIntervals(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Interval> out = new ArrayList<>();
        for (LocalSpan span : weekly.getOrDefault(day.getDayOfWeek(), List.of())) {
            long start = ZonedDateTime.of(day, span.from(), zone).toEpochSecond();
            long end = span.to().equals(LocalTime.MIDNIGHT)
                    ? day.plusDays(1).atStartOfDay(zone).toEpochSecond()
                    : ZonedDateTime.of(day, span.to(), zone).toEpochSecond();
            if (end > start) {
                out.add(new Interval(start, end));
            }
        }
        return out;
    }

    /** Seconds of working time in [a, b) (0 if b ≤ a). */
    public long businessSeconds(long a, long b) {
        if (b <= a) {
            return 0;
        }
        if (isAlways()) {
            return b - a;
        }
        long total = 0;
        LocalDate last = Instant.ofEpochSecond(b).atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate day = Instant.ofEpochSecond(a).atZone(zone).toLocalDate().minusDays(1);
                !day.isAfter(last);
                day = day.plusDays(1)) {
            for (Interval w : workingIntervals(day)) {
                long from = Math.max(a, w.start());
                long to = Math.min(b, w.end());
                if (to > from) {
                    total += to - from;
                }
            }
        }
        return total;
    }

    /**
     * The first instant at which {@code seconds} of working time have passed since {@code a}
     * (a itself for 0), or null if the calendar has no working time at all. A deadline of 30
     * minutes from Friday 17:50 in a 09:00-18:00 calendar is Monday 09:20.
     */
    public Long deadline(long a, long seconds) {
        if (seconds <= 0) {
            return a;
        }
        if (isAlways()) {
            return a + seconds;
        }
        if (weekly.values().stream().allMatch(List::isEmpty)) {
            return null;
        }
        long left = seconds;
        LocalDate day = Instant.ofEpochSecond(a).atZone(zone).toLocalDate().minusDays(1);
        // at most a few years of holidays can stand in the way; beyond that there is no working time
        for (int guard = 0; guard < 366 * 20; guard++, day = day.plusDays(1)) {
            for (Interval w : workingIntervals(day)) {
                long from = Math.max(a, w.start());
                if (w.end() <= from) {
                    continue;
                }
                long available = w.end() - from;
                if (available >= left) {
                    return from + left;
                }
                left -= available;
            }
        }
        return null;
    }
}
