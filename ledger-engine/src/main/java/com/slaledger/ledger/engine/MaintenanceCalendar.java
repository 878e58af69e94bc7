package com.slaledger.ledger.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A contract's maintenance as a calendar (SPEC §18): every one-off window and every occurrence of
 * a recurring one as an event with a stable identity, folded over the contract's versions in
 * order so that a window keeps its {@code uid} when a later version moves it, and one a later
 * version removes before it starts stays, cancelled.
 *
 * <p>From one version to the next, a window is the same window when:
 *
 * <ol>
 *   <li>it is an occurrence of a recurring window with the same rule and first date ({@code
 *       recurrence} and {@code from}) on the same local date: its start time or duration may
 *       change;
 *   <li>it is a one-off window with the same start and end;
 *   <li>it is a one-off window that overlaps, or has the same reason as, a one-off window of the
 *       previous version that is left over (earliest first): it was moved.
 * </ol>
 *
 * Anything else is new. A window of the previous version matched by nothing is cancelled when the
 * version was stored before it started, and dropped otherwise (an operator tidying up the past
 * cancels nothing). {@code sequence} (RFC 5545 SEQUENCE) counts a window's changes of times,
 * reason or status; {@code revision} only the changes of its times, which are what a customer is
 * told of again.
 */
public final class MaintenanceCalendar {

    private MaintenanceCalendar() {}

    /** One stored contract version's maintenance, stored at {@code storedAt} (epoch seconds). */
    public record Version(long version, long storedAt, Maintenance maintenance) {}

    /**
     * One window or occurrence: [{@code start}, {@code end}), epoch seconds, with its last times
     * before a change ({@code previousStart}, {@code previousEnd}; null while unchanged); {@code
     * modifiedAt} when a version last changed it, {@code cancelledAt} when one removed it (null:
     * planned).
     */
    public record Event(
            String uid,
            long start,
            long end,
            String reason,
            int sequence,
            int revision,
            Long previousStart,
            Long previousEnd,
            long createdAt,
            long modifiedAt,
            Long cancelledAt) {

        public boolean cancelled() {
            return cancelledAt != null;
        }

        public long seconds() {
            return end - start;
        }
    }

    /** A window as one version has it: a recurring window's occurrence has a {@code key}. */
    private record Candidate(String key, long start, long end, String reason) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * The events of the windows and occurrences that overlap [{@code from}, {@code to}) (epoch
     * seconds), in start order, after folding {@code versions} (in version order) for the contract
     * {@code contractId} in {@code zone}.
     */
    public static List<Event> events(String contractId, List<Version> versions, ZoneId zone, long from, long to) {
        Map<String, Event> state = new LinkedHashMap<>();
        List<Version> ordered = versions.stream()
                .sorted(Comparator.comparingLong(Version::version))
                .toList();
        for (Version v : ordered) {
            fold(contractId, state, candidates(v.maintenance(), zone, from, to), v);
        }
        return state.values().stream()
                .sorted(Comparator.comparingLong(Event::start).thenComparing(Event::uid))
                .toList();
    }

    private static void fold(String contractId, Map<String, Event> state, List<Candidate> now, Version v) {
        Map<String, Event> left = new LinkedHashMap<>();
        state.forEach((uid, e) -> {
            if (!e.cancelled()) {
                left.put(uid, e);
            }
        });
        List<Candidate> unmatched = new ArrayList<>();
        // 1. a recurring window's occurrence: the same key
        for (Candidate c : now) {
            if (c.key() == null) {
                unmatched.add(c);
                continue;
            }
            String uid = c.key() + "." + contractId + "@sla-ledger";
            Event known = state.get(uid);
            left.remove(uid);
            state.put(uid, known == null ? created(uid, c, v) : changed(known, c, v));
        }
        // 2. a one-off window with the same times
        List<Candidate> moved = new ArrayList<>();
        for (Candidate c : unmatched) {
            Event same = left.values().stream()
                    .filter(e -> !isRecurring(e) && e.start() == c.start() && e.end() == c.end())
                    .findFirst()
                    .orElse(null);
            if (same == null) {
                moved.add(c);
            } else {
                left.remove(same.uid());
                state.put(same.uid(), changed(same, c, v));
            }
        }
        // 3. a one-off window left over that it overlaps or whose reason it has: moved
        for (Candidate c : moved) {
            Event was = left.values().stream()
                    .filter(e -> !isRecurring(e))
                    .filter(e -> (e.start() < c.end() && c.start() < e.end())
                            || (c.reason() != null
                                    && !c.reason().isBlank()
                                    && c.reason().equals(e.reason())))
                    .min(Comparator.comparingLong(Event::start))
                    .orElse(null);
            if (was == null) {
                String uid = "w" + v.version() + "-" + c.start() + "." + contractId + "@sla-ledger";
                state.put(uid, created(uid, c, v));
            } else {
                left.remove(was.uid());
                state.put(was.uid(), changed(was, c, v));
            }
        }
        // what is left was removed: cancelled if it had not started, else forgotten
        for (Event e : left.values()) {
            if (v.storedAt() < e.start()) {
                state.put(
                        e.uid(),
                        new Event(
                                e.uid(),
                                e.start(),
                                e.end(),
                                e.reason(),
                                e.sequence() + 1,
                                e.revision(),
                                e.previousStart(),
                                e.previousEnd(),
                                e.createdAt(),
                                v.storedAt(),
                                v.storedAt()));
            } else {
                state.remove(e.uid());
            }
        }
    }

    private static boolean isRecurring(Event e) {
        return e.uid().startsWith("r");
    }

    private static Event created(String uid, Candidate c, Version v) {
        return new Event(uid, c.start(), c.end(), c.reason(), 0, 0, null, null, v.storedAt(), v.storedAt(), null);
    }

    private static Event changed(Event e, Candidate c, Version v) {
        boolean times = e.start() != c.start() || e.end() != c.end();
        boolean reason = !Objects.equals(e.reason(), c.reason());
        if (!times && !reason && !e.cancelled()) {
            return e;
        }
        return new Event(
                e.uid(),
                c.start(),
                c.end(),
                c.reason(),
                e.sequence() + 1,
                times ? e.revision() + 1 : e.revision(),
                times ? Long.valueOf(e.start()) : e.previousStart(),
                times ? Long.valueOf(e.end()) : e.previousEnd(),
                e.createdAt(),
                v.storedAt(),
                null);
    }

    /** One version's one-off windows and occurrences overlapping [from, to), each on its own (not merged). */
    private static List<Candidate> candidates(Maintenance m, ZoneId zone, long from, long to) {
        List<Candidate> out = new ArrayList<>();
        for (Maintenance.Window w : m.windows()) {
            if (w.start() < to && from < w.end()) {
                out.add(new Candidate(null, w.start(), w.end(), w.reason()));
            }
        }
        for (Maintenance.Recurring r : m.recurring()) {
            String rule = "r" + Sha256.hex(r.rule().text() + "|" + r.from()).substring(0, 12);
            LocalDate first =
                    Instant.ofEpochSecond(from).atZone(zone).toLocalDate().minusDays(2);
            LocalDate last =
                    Instant.ofEpochSecond(to).atZone(zone).toLocalDate().plusDays(2);
            LocalDate lo = first.isBefore(r.from()) ? r.from() : first;
            LocalDate hi = r.until() != null && r.until().isBefore(last) ? r.until() : last;
            if (!lo.isBefore(hi)) {
                continue;
            }
            for (LocalDate d : r.rule().dates(r.from(), lo, hi)) {
                long s = Maintenance.localStart(d, r.startTime(), zone);
                long e = s + r.durationSeconds();
                if (s < to && from < e) {
                    out.add(new Candidate(rule + "-" + DAY.format(d), s, e, r.reason()));
                }
            }
        }
        return out;
    }
}
