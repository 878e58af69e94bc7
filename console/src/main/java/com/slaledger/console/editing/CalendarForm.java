package com.slaledger.console.editing;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.client.SlaClient;
import com.slaledger.console.Services;
import com.slaledger.console.session.Session;
import com.slaledger.console.session.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A business calendar as a form (SPEC §13.1): its name, time zone, each weekday's working hours
 * as {@code 09:00-13:00, 14:00-18:00} (blank: no working time that day) and the holidays, one
 * local date after another. The ledger validates it; its problems ({@code weekly.TUE[0]},
 * {@code holidays[2]}, {@code timezone}) appear beside the day or field they name.
 */
@Path("/edit/calendars/{calendarId}/hours")
public class CalendarForm {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final List<String> DAY_NAMES =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    /** One weekday: its working hours as typed, and its problem. */
    public record Day(String day, String name, String hours, String error) {}

    public record Calendar(
            String calendarId,
            boolean exists,
            String name,
            String timezone,
            List<Day> days,
            String holidays,
            String nameError,
            String timezoneError,
            String holidaysError,
            String error,
            String saved) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance hours(Calendar calendar);
    }

    private final Services services;
    private final Sessions sessions;

    public CalendarForm(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@CookieParam(Session.COOKIE) String session, @PathParam("calendarId") String calendarId) {
        String token = sessions.token(session);
        Response refused = Session.refused(token, calendarId);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply c = services.get(token, services.ledger("/api/v1/calendars/" + calendarId));
        if (c.status() == 401) {
            return Session.toSignIn();
        }
        Calendar shown = c.ok() ? stored(calendarId, Services.json(c), null) : officeHours(calendarId);
        return Response.ok(Templates.hours(shown).render()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("calendarId") String calendarId,
            @FormParam("name") String name,
            @FormParam("timezone") String timezone,
            @FormParam("MON") String mon,
            @FormParam("TUE") String tue,
            @FormParam("WED") String wed,
            @FormParam("THU") String thu,
            @FormParam("FRI") String fri,
            @FormParam("SAT") String sat,
            @FormParam("SUN") String sun,
            @FormParam("holidays") String holidays,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, calendarId);
        if (refused != null) {
            return refused;
        }
        List<String> typedHours = List.of(mon, tue, wed, thu, fri, sat, sun).stream()
                .map(h -> h == null ? "" : h.trim())
                .toList();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("name", name == null ? "" : name.trim());
        doc.put("timezone", timezone == null || timezone.isBlank() ? "UTC" : timezone.trim());
        ObjectNode weekly = doc.putObject("weekly");
        for (int d = 0; d < DAYS.size(); d++) {
            if (!typedHours.get(d).isEmpty()) {
                ArrayNode intervals = weekly.putArray(DAYS.get(d));
                for (String interval : typedHours.get(d).split("\\s*,\\s*")) {
                    ArrayNode pair = intervals.addArray();
                    String[] ends = interval.split("\\s*[-–]\\s*", 2);
                    pair.add(ends[0].trim());
                    pair.add(ends.length > 1 ? ends[1].trim() : "");
                }
            }
        }
        ArrayNode days = doc.putArray("holidays");
        String holidayText = holidays == null ? "" : holidays.trim();
        if (!holidayText.isEmpty()) {
            for (String day : holidayText.split("[\\s,;]+")) {
                days.add(day);
            }
        }
        SlaClient.Reply put =
                services.send(token, "PUT", services.ledger("/api/v1/calendars/" + calendarId), doc.toString());
        if (put.status() == 401) {
            return Session.toSignIn();
        }
        if (put.ok()) {
            return Response.ok(Templates.hours(
                                    stored(calendarId, Services.json(put), "Saved calendar " + calendarId + "."))
                            .render())
                    .build();
        }
        FieldProblems problems = FieldProblems.of(
                put,
                path -> {
                    if (path.startsWith("weekly.")) {
                        String day = path.substring("weekly.".length()).replaceAll("\\[.*", "");
                        return DAYS.contains(day) ? day : null;
                    }
                    for (String field : List.of("name", "timezone", "holidays")) {
                        if (path.startsWith(field)) {
                            return field;
                        }
                    }
                    return null;
                },
                true);
        List<Day> shownDays = new ArrayList<>();
        for (int d = 0; d < DAYS.size(); d++) {
            shownDays.add(new Day(DAYS.get(d), DAY_NAMES.get(d), typedHours.get(d), problems.of(DAYS.get(d))));
        }
        Calendar shown = new Calendar(
                calendarId,
                false,
                name == null ? "" : name,
                timezone == null ? "" : timezone,
                shownDays,
                holidayText,
                problems.of("name"),
                problems.of("timezone"),
                problems.of("holidays"),
                problems.summary(),
                null);
        return Response.status(put.status() == 403 ? 403 : 400)
                .entity(Templates.hours(shown).render())
                .build();
    }

    private static Calendar stored(String calendarId, JsonNode c, String saved) {
        List<Day> days = new ArrayList<>();
        for (int d = 0; d < DAYS.size(); d++) {
            List<String> intervals = new ArrayList<>();
            for (JsonNode pair : c.path("weekly").path(DAYS.get(d))) {
                intervals.add(pair.path(0).asText() + "-" + pair.path(1).asText());
            }
            days.add(new Day(DAYS.get(d), DAY_NAMES.get(d), String.join(", ", intervals), ""));
        }
        List<String> holidays = new ArrayList<>();
        c.path("holidays").forEach(h -> holidays.add(h.asText()));
        return new Calendar(
                calendarId,
                true,
                c.path("name").asText(),
                c.path("timezone").asText("UTC"),
                days,
                String.join("\n", holidays),
                "",
                "",
                "",
                null,
                saved);
    }

    /** A new calendar starts as office hours, Monday to Friday, in Lisbon. */
    private static Calendar officeHours(String calendarId) {
        List<Day> days = new ArrayList<>();
        for (int d = 0; d < DAYS.size(); d++) {
            days.add(new Day(DAYS.get(d), DAY_NAMES.get(d), d < 5 ? "09:00-18:00" : "", ""));
        }
        return new Calendar(calendarId, false, "Office hours", "Europe/Lisbon", days, "", "", "", "", null, null);
    }
}
