package com.slaledger.ledger.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.slaledger.ledger.engine.Maintenance;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * A recurring maintenance window's RFC 5545 RRULE (SPEC §16.3), parsed and expanded by ical4j:
 * the dates it gives, seeded at the window's {@code from} date. The engine turns each date into
 * an occurrence in the contract's zone. Allowed: FREQ DAILY, WEEKLY or MONTHLY with INTERVAL,
 * BYDAY, BYMONTHDAY, BYSETPOS (and WKST, COUNT, UNTIL, which RFC 5545 defines for every rule).
 */
public final class RecurrenceRule implements Maintenance.DateRule {

    static {
        // ical4j's TemporalAdapter holds the comparator its recurrence iterator needs; loading it
        // first avoids a class-initialisation order in which that comparator is still null
        try {
            Class.forName("net.fortuna.ical4j.model.TemporalAdapter");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final Set<String> PARTS =
            Set.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "WKST", "COUNT", "UNTIL");
    private static final Set<Frequency> FREQUENCIES = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY);
    private static final Map<String, RecurrenceRule> PARSED = new ConcurrentHashMap<>();
    private static final int MOST_CACHED = 10_000;

    private final String text;
    private final Recur<LocalDate> recur;

    private RecurrenceRule(String text, Recur<LocalDate> recur) {
        this.text = text;
        this.recur = recur;
    }

    @Override
    public String text() {
        return text;
    }

    /** The rule, or an IllegalArgumentException saying what is wrong with it. */
    public static RecurrenceRule parse(String text) {
        RecurrenceRule known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        RecurrenceRule rule = new RecurrenceRule(text, recur(text));
        if (PARSED.size() < MOST_CACHED) {
            PARSED.put(text, rule);
        }
        return rule;
    }

    /** What is wrong with the rule, or null when it is one SPEC §16.3 allows. */
    public static String problem(String text) {
        try {
            recur(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Recur<LocalDate> recur(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=SU");
        }
        if (text.length() > 200) {
            throw new IllegalArgumentException("must be at most 200 characters");
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            if (!PARTS.contains(name)) {
                throw new IllegalArgumentException(
                        "rule part " + name + " is not allowed: use FREQ, INTERVAL, BYDAY, BYMONTHDAY and BYSETPOS");
            }
        }
        Recur<LocalDate> recur;
        try {
            // RFC 5545: weeks start on Monday unless WKST says otherwise (ical4j would take the locale's)
            recur = new Recur<>(text.contains("WKST=") ? text : text + ";WKST=MO");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not an RFC 5545 RRULE: " + e.getMessage());
        }
        if (!FREQUENCIES.contains(recur.getFrequency())) {
            throw new IllegalArgumentException("FREQ must be DAILY, WEEKLY or MONTHLY");
        }
        if (recur.getInterval() > 1000) {
            throw new IllegalArgumentException("INTERVAL must be at most 1000");
        }
        return recur;
    }

    @Override
    public List<LocalDate> dates(LocalDate seed, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        // ical4j's period end is inclusive here: the last day before {@code to} is the end
        return recur.getDates(seed, from, to.minusDays(1)).stream()
                .filter(d -> !d.isBefore(from) && d.isBefore(to))
                .toList();
    }
}
