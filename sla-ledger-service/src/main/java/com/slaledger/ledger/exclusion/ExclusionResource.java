package com.slaledger.ledger.exclusion;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Exclusions of a contract (SPEC §16.1). */
@Path("/api/v1/contracts/{contractId}/exclusions")
@Produces(MediaType.APPLICATION_JSON)
public class ExclusionResource {

    private final ExclusionService service;
    private final ExclusionRepository exclusions;
    private final ContractRepository contracts;
    private final Caller caller;

    public ExclusionResource(
            ExclusionService service, ExclusionRepository exclusions, ContractRepository contracts, Caller caller) {
        this.service = service;
        this.exclusions = exclusions;
        this.contracts = contracts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose an exclusion: once approved, its time counts as up in every period it touches")
    @APIResponse(responseCode = "201", description = "Proposed")
    @APIResponse(responseCode = "400", description = "Invalid: the problem names every offending field")
    @APIResponse(responseCode = "404", description = "No such contract")
    @APIResponse(responseCode = "422", description = "The contract has its 500 exclusions already")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<Response> propose(@PathParam("contractId") String contractId, ExclusionRequest request) {
        return service.propose(contractId, caller::mayRead, request, caller.name())
                .map(e -> Response.status(201).entity(ExclusionView.of(e)).build());
    }

    @GET
    @WithSession
    @Operation(summary = "The contract's exclusions by start; a customer sees the approved ones only")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<List<ExclusionView>> list(@PathParam("contractId") String contractId) {
        return contracts
                .existing(contractId, caller::mayRead)
                .chain(c -> exclusions.of(contractId))
                .map(list -> list.stream()
                        .filter(e -> caller.readsAll() || "APPROVED".equals(e.status))
                        .map(ExclusionView::of)
                        .map(v -> caller.readsAll() ? v : v.forCustomer())
                        .toList());
    }

    @POST
    @Path("/{exclusionId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a proposed exclusion (by a second operator unless ledger.exclusions.approval=SELF)")
    @APIResponse(responseCode = "200", description = "Approved: the periods it touches are evaluated again")
    @APIResponse(responseCode = "409", description = "Not PROPOSED, or the proposer may not approve it")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<ExclusionView> approve(
            @PathParam("contractId") String contractId,
            @PathParam("exclusionId") String exclusionId,
            ExclusionRequest.Decision body) {
        return decide(contractId, exclusionId, true, body);
    }

    @POST
    @Path("/{exclusionId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a proposed exclusion")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "409", description = "Not PROPOSED")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<ExclusionView> reject(
            @PathParam("contractId") String contractId,
            @PathParam("exclusionId") String exclusionId,
            ExclusionRequest.Decision body) {
        return decide(contractId, exclusionId, false, body);
    }

    private Uni<ExclusionView> decide(
            String contractId, String exclusionId, boolean approve, ExclusionRequest.Decision body) {
        return service.decide(contractId, caller::mayRead, exclusionId, approve, body, caller.name())
                .map(ExclusionView::of);
    }
}
