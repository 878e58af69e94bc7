package com.slaledger.ledger.dispute;

import java.util.Set;

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
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Disputes (SPEC §17), listed and decided on their own; they are filed with DisputeFilingResource. */
@Path("/api/v1/disputes")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeResource {

    private final DisputeService service;
    private final DisputeRepository disputes;
    private final Caller caller;

    public DisputeResource(DisputeService service, DisputeRepository disputes, Caller caller) {
        this.service = service;
        this.disputes = disputes;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "Disputes, newest first, by contract and status; paged (limit, offset, Link rel=next)")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<Response> list(
            @QueryParam("contractId") String contractId,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @Context UriInfo uri) {
        if (status != null
                && !Set.of(Dispute.OPEN, Dispute.ACCEPTED, Dispute.REJECTED).contains(status)) {
            throw ProblemException.invalid("status", "must be OPEN, ACCEPTED or REJECTED");
        }
        Paging paging = Paging.of(limit, offset);
        Set<String> contracts =
                contractId == null ? caller.readableContracts() : Set.of(caller.listedContract(contractId));
        return disputes.page(contracts, status, paging.offset(), paging.fetch())
                .map(list -> paging.respond(list, this::view, uri));
    }

    @GET
    @Path("/{disputeId}")
    @WithSession
    @Operation(summary = "One dispute")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<DisputeView> one(@PathParam("disputeId") String disputeId) {
        return disputes.findById(disputeId).map(d -> {
            if (d == null || !caller.mayRead(d.contractId)) {
                throw ProblemException.notFound("dispute " + disputeId);
            }
            return view(d);
        });
    }

    @POST
    @Path("/{disputeId}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Accept an open dispute: its time becomes downtime (rule 4b), the statements it touches"
                    + " are amended")
    @APIResponse(responseCode = "200", description = "Accepted")
    @APIResponse(responseCode = "404", description = "No such dispute")
    @APIResponse(responseCode = "409", description = "Not OPEN")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<DisputeView> accept(@PathParam("disputeId") String disputeId, DisputeRequest.Decision body) {
        return service.decide(disputeId, true, body, caller.name()).map(DisputeView::of);
    }

    @POST
    @Path("/{disputeId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject an open dispute: the statement stands")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "404", description = "No such dispute")
    @APIResponse(responseCode = "409", description = "Not OPEN")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<DisputeView> reject(@PathParam("disputeId") String disputeId, DisputeRequest.Decision body) {
        return service.decide(disputeId, false, body, caller.name()).map(DisputeView::of);
    }

    private DisputeView view(Dispute d) {
        return view(d, caller);
    }

    /** As {@code caller} may read it: a customer without who decided inside the provider. */
    static DisputeView view(Dispute d, Caller caller) {
        DisputeView v = DisputeView.of(d);
        return caller.readsAll() ? v : v.forCustomer();
    }
}
