package com.slaledger.ledger.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.slaledger.events.Limits;
import com.slaledger.ledger.engine.BusinessCalendar;
import com.slaledger.support.rest.Violation;

/** Checks a calendar document and makes the engine's calendar of it, naming every bad field. */
public final class CalendarValidator {

    /** The built-in calendar: all time is working time. */
    public static final String ALWAYS = BusinessCalendar.ALWAYS_ID;

    static final int MAX_SPANS_PER_DAY = 10;
    static final int MAX_HOLIDAYS = 1000;

    static final Map<String, DayOfWeek> DAYS = new LinkedHashMap<>();

    static {
        for (DayOfWeek d : DayOfWeek.values()) {
            DAYS.put(d.name().substring(0, 3), d);
        }
    }

    private CalendarValidator() {}

    /** The checked calendar (null when there are violations) and its canonical document. */
    public record Result(BusinessCalendar calendar, CalendarDocument document, List<Violation> violations) {}

    public static Result validate(String calendarId, CalendarDocument d) {
        List<Violation> v = new ArrayList<>();
        if (calendarId == null || !calendarId.matches("[A-Za-z0-9._:-]{1,64}")) {
            v.add(new Violation("calendarId", "must be 1 to 64 characters of [A-Za-z0-9._:-]"));
        } else if (ALWAYS.equals(calendarId)) {
            v.add(new Violation("calendarId", "24x7 is built in and cannot be changed"));
        }
        if (d == null) {
            v.add(new Violation("body", "a calendar document is required"));
            return new Result(null, null, v);
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > Limits.MAX_NAME) {
            v.add(new Violation("name", "is required, at most " + Limits.MAX_NAME + " characters"));
        }
        ZoneId zone = ZoneOffset.UTC;
        if (d.timezone() != null) {
            try {
                zone = ZoneId.of(d.timezone());
            } catch (DateTimeException e) {
                v.add(new Violation("timezone", "must be an IANA time zone name, e.g. Europe/Lisbon"));
            }
        }
        Map<DayOfWeek, List<BusinessCalendar.LocalSpan>> weekly = new EnumMap<>(DayOfWeek.class);
        Map<String, List<List<String>>> canonicalWeekly = new TreeMap<>(
                (a, b) -> Integer.compare(DAYS.get(a).getValue(), DAYS.get(b).getValue()));
        if (d.weekly() != null) {
            d.weekly().forEach((day, spans) -> {
                String field = "weekly." + day;
                DayOfWeek dow = DAYS.get(day);
                if (dow == null) {
                    v.add(new Violation(field, "must be one of " + String.join(", ", DAYS.keySet())));
                    return;
                }
                if (spans == null || spans.size() > MAX_SPANS_PER_DAY) {
                    v.add(new Violation(field, "must list at most " + MAX_SPANS_PER_DAY + " intervals"));
                    return;
                }
                List<BusinessCalendar.LocalSpan> parsed = new ArrayList<>();
                for (int i = 0; i < spans.size(); i++) {
                    List<String> span = spans.get(i);
                    String f = field + "[" + i + "]";
                    if (span == null || span.size() != 2) {
                        v.add(new Violation(f, "must be [\"HH:MM\", \"HH:MM\"]"));
                        continue;
                    }
                    LocalTime from = time(span.get(0), false);
                    LocalTime to = time(span.get(1), true);
                    if (from == null || to == null) {
                        v.add(new Violation(f, "times must be HH:MM (00:00 to 24:00)"));
                        continue;
                    }
                    if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
                        v.add(new Violation(f, "must end after it starts"));
                        continue;
                    }
                    parsed.add(new BusinessCalendar.LocalSpan(from, to));
                }
                parsed.sort((a, b) -> a.from().compareTo(b.from()));
                for (int i = 1; i < parsed.size(); i++) {
                    LocalTime previousEnd = parsed.get(i - 1).to();
                    if (previousEnd.equals(LocalTime.MIDNIGHT)
                            || parsed.get(i).from().isBefore(previousEnd)) {
                        v.add(new Violation(field, "intervals must not overlap"));
                        break;
                    }
                }
                weekly.put(dow, parsed);
                canonicalWeekly.put(
                        day,
                        parsed.stream()
                                .map(s -> List.of(
                                        s.from().toString(),
                                        s.to().equals(LocalTime.MIDNIGHT) ? "24:00" : s.to().toString()))
                                .toList());
            });
        }
        TreeSet<LocalDate> holidays = new TreeSet<>();
        if (d.holidays() != null) {
            if (d.holidays().size() > MAX_HOLIDAYS) {
                v.add(new Violation("holidays", "at most " + MAX_HOLIDAYS));
            } else {
                for (int i = 0; i < d.holidays().size(); i++) {
                    try {
                        holidays.add(LocalDate.parse(d.holidays().get(i)));
                    } catch (DateTimeParseException | NullPointerException e) {
                        v.add(new Violation("holidays[" + i + "]", "must be a date written YYYY-MM-DD"));
                    }
                }
            }
        }
        if (!v.isEmpty()) {
            return new Result(null, null, v);
        }
        CalendarDocument canonical = new CalendarDocument(
                calendarId,
                d.name(),
                zone.getId(),
                canonicalWeekly,
                holidays.stream().map(LocalDate::toString).toList());
        return new Result(new BusinessCalendar(zone, weekly, holidays), canonical, v);
    }

    /** HH:MM; "24:00" only as an end (midnight at the day's end). */
    private static LocalTime time(String text, boolean end) {
        if (text == null || !text.matches("\\d{2}:\\d{2}")) {
            return null;
        }
        if (end && text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The built-in 24x7 as a document. */
    public static CalendarDocument always() {
        Map<String, List<List<String>>> all = new LinkedHashMap<>();
        DAYS.keySet().forEach(day -> all.put(day, List.of(List.of("00:00", "24:00"))));
        return new CalendarDocument(ALWAYS, "All time is working time", "UTC", all, List.of());
    }
}
