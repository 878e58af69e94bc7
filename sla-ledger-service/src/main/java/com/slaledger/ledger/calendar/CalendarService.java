package com.slaledger.ledger.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import com.slaledger.ledger.audit.AuditRepository;
import com.slaledger.ledger.engine.BusinessCalendar;
import com.slaledger.support.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Business calendars (SPEC §13.1): stored as their canonical document, each change in the audit
 * log. {@code 24x7} is built in.
 */
@ApplicationScoped
public class CalendarService {

    private final AuditRepository audit;
    private final Clock clock;

    public CalendarService(AuditRepository audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** A stored calendar: its document and the engine's calendar. */
    public record Stored(CalendarDocument document, BusinessCalendar calendar) {}

    /** Saved: whether it was new. */
    public record Saved(CalendarDocument document, boolean created) {}

    @WithTransaction
    public Uni<Saved> put(String calendarId, CalendarDocument request, String actor) {
        CalendarValidator.Result result = CalendarValidator.validate(calendarId, request);
        if (!result.violations().isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(result.violations()));
        }
        return save(calendarId, result.document(), actor);
    }

    /** Adds the all-day events of an iCalendar file to the calendar's holidays. */
    @WithTransaction
    public Uni<Saved> importHolidays(String calendarId, String ics, String actor) {
        if (CalendarValidator.ALWAYS.equals(calendarId)) {
            return Uni.createFrom()
                    .failure(ProblemException.invalid("calendarId", "24x7 is built in and has no holidays"));
        }
        TreeSet<LocalDate> imported;
        try {
            imported = HolidayImport.holidays(ics == null ? "" : ics);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.invalid("body", e.getMessage()));
        }
        return find(calendarId).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().failure(ProblemException.notFound("calendar " + calendarId));
            }
            TreeSet<String> holidays = new TreeSet<>(existing.document().holidays());
            imported.forEach(d -> holidays.add(d.toString()));
            CalendarDocument d = existing.document();
            CalendarValidator.Result result = CalendarValidator.validate(
                    calendarId,
                    new CalendarDocument(calendarId, d.name(), d.timezone(), d.weekly(), new ArrayList<>(holidays)));
            if (!result.violations().isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(result.violations()));
            }
            return save(calendarId, result.document(), actor);
        });
    }

    private Uni<Saved> save(String calendarId, CalendarDocument document, String actor) {
        String json = write(document);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT document FROM calendar WHERE calendar_id = :id", String.class)
                        .setParameter("id", calendarId)
                        .getResultList())
                .chain(before -> {
                    String previous = before.isEmpty() ? null : before.get(0);
                    if (json.equals(previous)) {
                        return Uni.createFrom().item(new Saved(document, false));
                    }
                    return Panache.getSession()
                            .chain(s -> s.createNativeQuery("INSERT INTO calendar (calendar_id, document, version,"
                                            + " updated_at) VALUES (:id, :doc, 1, :at) ON CONFLICT (calendar_id) DO UPDATE"
                                            + " SET document = EXCLUDED.document, version = calendar.version + 1,"
                                            + " updated_at = EXCLUDED.updated_at")
                                    .setParameter("id", calendarId)
                                    .setParameter("doc", json)
                                    .setParameter("at", clock.instant())
                                    .executeUpdate())
                            .chain(() -> audit.append(
                                    actor,
                                    previous == null ? "CALENDAR_CREATED" : "CALENDAR_REPLACED",
                                    "calendar/" + calendarId,
                                    previous,
                                    json))
                            .replaceWith(new Saved(document, previous == null));
                });
    }

    /** The calendar, or null; 24x7 is always there. */
    @WithSession
    public Uni<Stored> get(String calendarId) {
        return find(calendarId);
    }

    /** The calendar within the caller's session, or null; 24x7 is always there. */
    public Uni<Stored> stored(String calendarId) {
        return find(calendarId);
    }

    Uni<Stored> find(String calendarId) {
        if (CalendarValidator.ALWAYS.equals(calendarId)) {
            return Uni.createFrom().item(new Stored(CalendarValidator.always(), BusinessCalendar.ALWAYS));
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT document FROM calendar WHERE calendar_id = :id", String.class)
                        .setParameter("id", calendarId)
                        .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    CalendarDocument d = read(rows.get(0));
                    CalendarValidator.Result r = CalendarValidator.validate(calendarId, d);
                    if (!r.violations().isEmpty()) {
                        throw new IllegalStateException(
                                "stored calendar " + calendarId + " is invalid: " + r.violations());
                    }
                    return new Stored(r.document(), r.calendar());
                });
    }

    static String write(CalendarDocument d) {
        try {
            return EventJson.mapper().writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static CalendarDocument read(String json) {
        try {
            return EventJson.mapper().readValue(json, CalendarDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored calendar is unreadable", e);
        }
    }
}
