package com.slaledger.ledger.maintenance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import com.slaledger.ledger.engine.MaintenanceCalendar;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A contract's maintenance calendar as an RFC 5545 document, written by ical4j: one {@code VEVENT}
 * per window or occurrence, its {@code UID} stable across contract versions, {@code SEQUENCE}
 * counting its changes, {@code DTSTAMP} and {@code LAST-MODIFIED} the version that last changed it,
 * and {@code STATUS:CANCELLED} once a version removed it before it started. Instants are written
 * in UTC (calendar programs show them in their own zone).
 */
public final class MaintenanceFeed {

    static final String PRODUCT = "-//SLA Ledger//Maintenance calendar//EN";

    private MaintenanceFeed() {}

    public static String write(String contractId, String customer, List<MaintenanceCalendar.Event> events) {
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODUCT))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(ImmutableMethod.PUBLISH)
                .add(new XProperty("X-WR-CALNAME", "Maintenance: " + customer + " (" + contractId + ")"));
        for (MaintenanceCalendar.Event e : events) {
            Instant modified = Instant.ofEpochSecond(e.modifiedAt());
            VEvent event = new VEvent(
                            Instant.ofEpochSecond(e.start()),
                            Instant.ofEpochSecond(e.end()),
                            e.reason() == null || e.reason().isBlank() ? "Maintenance" : "Maintenance: " + e.reason())
                    .replace(new DtStamp(modified))
                    .add(new Uid(e.uid()))
                    .add(new Sequence(e.sequence()))
                    .add(new LastModified(modified))
                    .add(new Description("Planned maintenance of contract " + contractId + " (" + customer + ")"))
                    .add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
