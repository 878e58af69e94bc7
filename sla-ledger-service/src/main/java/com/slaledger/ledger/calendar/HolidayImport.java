package com.slaledger.ledger.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.TreeSet;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * The holidays of an iCalendar file (RFC 5545, parsed by ical4j): every all-day event
 * ({@code DTSTART;VALUE=DATE}) is a holiday on each date from its start up to, not including,
 * its {@code DTEND} (one day without one). Events with a time of day are not holidays and are
 * left out.
 */
public final class HolidayImport {

    /** At most this many days per event (a year): a longer "holiday" is a mistake in the file. */
    static final int MAX_DAYS_PER_EVENT = 366;

    private HolidayImport() {}

    /** The holiday dates; IllegalArgumentException with the parser's message for a file that is not iCalendar. */
    public static TreeSet<LocalDate> holidays(String ics) {
        net.fortuna.ical4j.model.Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException | IOException e) {
            throw new IllegalArgumentException("not an iCalendar file: " + e.getMessage(), e);
        }
        TreeSet<LocalDate> out = new TreeSet<>();
        List<CalendarComponent> components = calendar.getComponents();
        for (CalendarComponent c : components) {
            if (!(c instanceof VEvent event)) {
                continue;
            }
            Temporal start =
                    event.<Temporal>getDateTimeStart().map(DtStart::getDate).orElse(null);
            if (!(start instanceof LocalDate first)) {
                continue;
            }
            LocalDate end = event.<Temporal>getDateTimeEnd()
                    .map(DtEnd::getDate)
                    .filter(LocalDate.class::isInstance)
                    .map(LocalDate.class::cast)
                    .orElse(first.plusDays(1));
            int days = 0;
            for (LocalDate d = first; d.isBefore(end) && days < MAX_DAYS_PER_EVENT; d = d.plusDays(1), days++) {
                out.add(d);
            }
            if (!end.isAfter(first)) {
                out.add(first);
            }
        }
        return out;
    }
}
