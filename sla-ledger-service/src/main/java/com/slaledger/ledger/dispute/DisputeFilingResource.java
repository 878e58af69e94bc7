package com.slaledger.ledger.dispute;

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

/** Filing a dispute (SPEC §17), under its contract. */
@Path("/api/v1/contracts/{contractId}/disputes")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeFilingResource {

    private final DisputeService service;
    private final Caller caller;

    public DisputeFilingResource(DisputeService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "File a dispute: the customer says it was down in [start, end) although the statement does"
                    + " not count it")
    @APIResponse(responseCode = "201", description = "Filed, OPEN; the customer is told it was received")
    @APIResponse(responseCode = "400", description = "Invalid: the problem names every offending field")
    @APIResponse(responseCode = "404", description = "No such contract (or not the customer's)")
    @RolesAllowed({Roles.OPERATOR, Roles.CUSTOMER})
    public Uni<Response> file(@PathParam("contractId") String contractId, DisputeRequest request) {
        return service.file(contractId, caller::mayRead, request, caller.name()).map(d -> Response.status(201)
                .entity(DisputeResource.view(d, caller))
                .build());
    }
}
