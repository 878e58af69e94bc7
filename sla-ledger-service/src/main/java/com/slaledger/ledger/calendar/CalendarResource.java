package com.slaledger.ledger.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Business calendars (SPEC §13.1): operators write them, operators and viewers read them. */
@Path("/api/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final CalendarService calendars;
    private final Caller caller;

    public CalendarResource(CalendarService calendars, Caller caller) {
        this.calendars = calendars;
        this.caller = caller;
    }

    @PUT
    @Path("/{calendarId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a business calendar (weekly local working hours, holidays, time zone)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)")
    @APIResponse(responseCode = "400", description = "Invalid: the problem names every offending field")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<Response> put(@PathParam("calendarId") String calendarId, CalendarDocument request) {
        return calendars.put(calendarId, request, caller.name()).map(saved -> Response.status(
                        saved.created() ? 201 : 200)
                .entity(saved.document())
                .build());
    }

    @GET
    @Path("/{calendarId}")
    @Operation(summary = "A business calendar; 24x7 is built in")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER})
    public Uni<CalendarDocument> get(@PathParam("calendarId") String calendarId) {
        return calendars.get(calendarId).map(stored -> {
            if (stored == null) {
                throw ProblemException.notFound("calendar " + calendarId);
            }
            return stored.document();
        });
    }

    @PUT
    @Path("/{calendarId}/holidays")
    @Consumes("text/calendar")
    @Operation(summary = "Add the all-day events of an iCalendar file (text/calendar) to the calendar's holidays")
    @APIResponse(responseCode = "200", description = "The calendar with its holidays")
    @APIResponse(responseCode = "400", description = "Not an iCalendar file")
    @APIResponse(responseCode = "404", description = "No such calendar")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<CalendarDocument> holidays(@PathParam("calendarId") String calendarId, String ics) {
        return calendars.importHolidays(calendarId, ics, caller.name()).map(CalendarService.Saved::document);
    }
}
