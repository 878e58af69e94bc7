package com.slaledger.ticket.ticket;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.slaledger.support.rest.Paging;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.RequestValidator;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Support tickets forwarded by help desks (SPEC §5.2). */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final TicketService service;
    private final TicketRepository tickets;
    private final RequestValidator validator;

    private final Caller caller;

    public TicketResource(TicketService service, TicketRepository tickets, RequestValidator validator, Caller caller) {
        this.service = service;
        this.tickets = tickets;
        this.validator = validator;
        this.caller = caller;
    }

    /** POST /{id}/resolve body; an absent body or resolvedAt means now. */
    public record Resolution(String resolvedAt) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a ticket; the same externalId again returns the stored one and changes nothing")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "outage",
                                            value =
                                                    """
            {"externalId": "ZD-1001", "contractId": "acme", "serviceId": "api", "kind": "OUTAGE",
             "subject": "API returns 503", "reportedAt": "2026-10-03T14:20:00Z", "priority": "P1"}""")))
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(
            responseCode = "200",
            description = "Already recorded under this externalId for this contract; nothing changed")
    @APIResponse(responseCode = "400", description = "Malformed; every offending field is named")
    @APIResponse(responseCode = "422", description = "Unknown contract, or a service the contract does not cover")
    @RolesAllowed({Roles.OPERATOR, Roles.HELPDESK})
    public Uni<Response> open(NewTicket request) {
        NewTicket valid = validator.valid(request);
        if (!caller.mayActOnContract(valid.contractId())) {
            throw ProblemException.forbidden("this token may not record tickets of contract " + valid.contractId());
        }
        return service.open(TicketSource.API, valid).map(r -> Response.status(r.changed() ? 201 : 200)
                .entity(TicketView.of(r.ticket()))
                .build());
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Close a ticket at resolvedAt (default now, not before reportedAt); resolving twice is harmless")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "resolve",
                                            value = "{\"resolvedAt\": \"2026-10-03T16:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The ticket, resolved")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @RolesAllowed({Roles.OPERATOR, Roles.HELPDESK})
    public Uni<TicketView> resolve(@PathParam("id") String id, Resolution body) {
        Instant at = null;
        if (body != null && body.resolvedAt() != null) {
            try {
                at = Instant.parse(body.resolvedAt());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(
                        "resolvedAt", "must be an ISO-8601 UTC instant, e.g. 2026-10-03T16:00:00Z");
            }
        }
        return service.resolve(id, at, caller::mayActOnContract).map(r -> TicketView.of(r.ticket()));
    }

    /** POST /{id}/respond body; an absent body or respondedAt means now. */
    public record FirstResponse(String respondedAt) {}

    @POST
    @Path("/{id}/respond")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record the provider's first response at respondedAt (default now, not before reportedAt);"
                    + " only the first response counts")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "respond",
                                            value = "{\"respondedAt\": \"2026-10-03T14:35:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The ticket, with its first response")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @RolesAllowed({Roles.OPERATOR, Roles.HELPDESK})
    public Uni<TicketView> respond(@PathParam("id") String id, FirstResponse body) {
        Instant at = null;
        if (body != null && body.respondedAt() != null) {
            try {
                at = Instant.parse(body.respondedAt());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(
                        "respondedAt", "must be an ISO-8601 UTC instant, e.g. 2026-10-03T14:35:00Z");
            }
        }
        return service.respond(id, at, caller::mayActOnContract).map(r -> TicketView.of(r.ticket()));
    }

    /** POST /{id}/pause and /{id}/unpause body; an absent body or at means now. */
    public record PauseAt(String at) {}

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Pause the ticket's resolution clock at `at` (default now, not before reportedAt): the"
                    + " provider waits on the customer")
    @RequestBody(
            content = @Content(examples = @ExampleObject(name = "pause", value = "{\"at\": \"2026-11-06T17:30:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The ticket, with its pauses")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @RolesAllowed({Roles.OPERATOR, Roles.HELPDESK})
    public Uni<TicketView> pause(@PathParam("id") String id, PauseAt body) {
        return service.pause(id, true, at(body), caller::mayActOnContract).map(r -> TicketView.of(r.ticket()));
    }

    @POST
    @Path("/{id}/unpause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start the ticket's resolution clock again at `at` (default now, not before reportedAt)")
    @RequestBody(
            content =
                    @Content(examples = @ExampleObject(name = "unpause", value = "{\"at\": \"2026-11-09T10:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The ticket, with its pauses")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @RolesAllowed({Roles.OPERATOR, Roles.HELPDESK})
    public Uni<TicketView> unpause(@PathParam("id") String id, PauseAt body) {
        return service.pause(id, false, at(body), caller::mayActOnContract).map(r -> TicketView.of(r.ticket()));
    }

    private static Instant at(PauseAt body) {
        if (body == null || body.at() == null) {
            return null;
        }
        try {
            return Instant.parse(body.at());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("at", "must be an ISO-8601 UTC instant, e.g. 2026-11-06T17:30:00Z");
        }
    }

    @GET
    @Path("/{id}")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.HELPDESK, Roles.CUSTOMER})
    public Uni<TicketView> get(@PathParam("id") String id) {
        return tickets.findById(id).map(t -> {
            // another customer's ticket is answered as if it did not exist
            if (t == null || !caller.mayRead(t.contractId)) {
                throw ProblemException.notFound("ticket " + id);
            }
            return TicketView.of(t);
        });
    }

    @GET
    @WithSession
    @Operation(summary = "A contract's tickets, oldest report first; paged (limit, offset, Link rel=next)")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.HELPDESK, Roles.CUSTOMER})
    public Uni<Response> list(
            @QueryParam("contractId") String contractId,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @Context UriInfo uri) {
        caller.listedContract(contractId);
        Paging paging = Paging.of(limit, offset);
        return tickets.ofContract(contractId, paging.offset(), paging.fetch())
                .map(list -> paging.respond(list, TicketView::of, uri));
    }
}
