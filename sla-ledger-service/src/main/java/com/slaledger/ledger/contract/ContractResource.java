package com.slaledger.ledger.contract;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.slaledger.support.persistence.Failures;
import com.slaledger.support.rest.Paging;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
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

    private final Caller caller;

    public ContractResource(ContractService service, ContractRepository contracts, Caller caller) {
        this.service = service;
        this.contracts = contracts;
        this.caller = caller;
    }

    @PUT
    @Path("/{contractId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a contract")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)")
    @APIResponse(responseCode = "400", description = "Invalid: the problem names every offending field")
    @RolesAllowed({Roles.OPERATOR})
    public Uni<Response> put(@PathParam("contractId") String contractId, ContractRequest request) {
        return service.put(contractId, request, caller.name())
                // Two creations of one new contract at once: the loser retries and replaces.
                .onFailure(Failures::isUniqueViolation)
                .recoverWithUni(() -> service.put(contractId, request, caller.name()))
                .map(saved -> Response.status(saved.created() ? 201 : 200)
                        .entity(ContractView.of(saved.contract()))
                        .build());
    }

    @GET
    @Path("/{contractId}")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<ContractView> get(@PathParam("contractId") String contractId) {
        return contracts.existing(contractId, caller::mayRead).map(c -> ContractView.of(c, caller));
    }

    /** A version as GET /versions lists it: in force from {@code validFrom} (SPEC §7). */
    public record VersionView(
            String contractId,
            long version,
            Instant validFrom,
            @JsonUnwrapped ContractTerms terms,
            Instant changedAt) {}

    @GET
    @Path("/{contractId}/versions")
    @WithSession
    @Operation(summary = "Every version of a contract, oldest first, with the instant from which it is in force")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<List<VersionView>> versions(@PathParam("contractId") String contractId) {
        return contracts
                .existing(contractId, caller::mayRead)
                .chain(c -> contracts.history(contractId))
                .map(h -> h.entries().stream()
                        .map(e -> new VersionView(
                                contractId,
                                e.version().version(),
                                e.validFrom(),
                                caller.readsAll()
                                        ? e.version().terms()
                                        : e.version().terms().forCustomer(),
                                e.version().updatedAt()))
                        .toList());
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    @Operation(summary = "Contracts by id; paged (limit, offset, Link rel=next)")
    public Uni<Response> list(
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        Paging paging = Paging.of(limit, offset);
        Set<String> readable = caller.readableContracts();
        return contracts
                .all()
                .map(list -> paging.slice(
                        list.stream()
                                .filter(c -> readable == null || readable.contains(c.contractId()))
                                .toList(),
                        c -> ContractView.of(c, caller),
                        uri));
    }
}
