package com.slaledger.ledger.contract;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.support.persistence.Failures;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Contracts (SPEC §4). */
@Path("/api/v1/contracts")
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {

    private final ContractService service;
    private final ContractRepository contracts;

    public ContractResource(ContractService service, ContractRepository contracts) {
        this.service = service;
        this.contracts = contracts;
    }

    @PUT
    @Path("/{contractId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a contract")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)")
    @APIResponse(responseCode = "400", description = "Invalid: the problem names every offending field")
    public Uni<Response> put(@PathParam("contractId") String contractId, ContractRequest request) {
        return service.put(contractId, request)
                // Two creations of one new contract at once: the loser retries and replaces.
                .onFailure(Failures::isUniqueViolation)
                .recoverWithUni(() -> service.put(contractId, request))
                .map(saved -> Response.status(saved.created() ? 201 : 200)
                        .entity(ContractView.of(saved.contract()))
                        .build());
    }

    @GET
    @Path("/{contractId}")
    @WithSession
    public Uni<ContractView> get(@PathParam("contractId") String contractId) {
        return contracts.existing(contractId).map(ContractView::of);
    }

    @GET
    @WithSession
    public Uni<List<ContractView>> list() {
        return contracts.all().map(list -> list.stream().map(ContractView::of).toList());
    }
}
