package com.slaledger.ledger.credit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A customer's claim of a period's credit (SPEC §17), under its contract. */
@Path("/api/v1/contracts/{contractId}/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource {

    private final CreditService service;
    private final Caller caller;

    public ClaimResource(CreditService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claim a period's credit (contracts whose credits terms say claim REQUIRED)")
    @APIResponse(responseCode = "201", description = "Claimed: the credit is DUE")
    @APIResponse(responseCode = "404", description = "No such contract (or not the customer's)")
    @APIResponse(responseCode = "409", description = "The credit is not waiting for a claim (already DUE or later)")
    @APIResponse(responseCode = "422", description = "The period has no credit, or its claim deadline has passed")
    @RolesAllowed({Roles.OPERATOR, Roles.CUSTOMER})
    public Uni<Response> claim(@PathParam("contractId") String contractId, ClaimRequest request) {
        return service.claim(contractId, caller::mayRead, request, caller.name())
                .map(c -> {
                    ClaimView v = caller.readsAll()
                            ? c
                            : new ClaimView(
                                    c.contractId(),
                                    c.period(),
                                    c.claimedBy(),
                                    c.claimedAt(),
                                    c.note(),
                                    view(c.credit()));
                    return Response.status(201).entity(v).build();
                });
    }

    private CreditView view(CreditView v) {
        return caller.readsAll() ? v : v.forCustomer(caller.name());
    }
}
