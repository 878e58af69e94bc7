package com.slaledger.ticket.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.support.ProblemException;
import com.slaledger.support.RequestValidator;
import com.slaledger.ticket.repository.TicketRepository;
import com.slaledger.ticket.service.NewTicket;
import com.slaledger.ticket.service.TicketService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Support tickets forwarded by help desks (SPEC §5.2). */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final TicketService service;
    private final TicketRepository tickets;
    private final RequestValidator validator;

    public TicketResource(TicketService service, TicketRepository tickets, RequestValidator validator) {
        this.service = service;
        this.tickets = tickets;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a ticket; the same externalId again returns the stored one")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "Already recorded under this externalId; nothing changed")
    public Uni<Response> open(NewTicket request) {
        return service.open(validator.valid(request)).map(r -> Response.status(r.created() ? 201 : 200)
                .entity(TicketView.of(r.ticket()))
                .build());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<TicketView> get(@PathParam("id") String id) {
        return tickets.findById(id).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("ticket " + id);
            }
            return TicketView.of(t);
        });
    }
}
