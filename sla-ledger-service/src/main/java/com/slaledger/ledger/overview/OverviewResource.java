package com.slaledger.ledger.overview;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.support.rest.Paging;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Every contract the caller may read, each with its current period (its own time zone's month) as
 * of now: one request for an overview of all of them, paged like the contract list (SPEC §11). A
 * customer sees its own contracts only.
 */
@Path("/api/v1/overview")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    private final OverviewService overview;
    private final ContractRepository contracts;
    private final Caller caller;

    public OverviewResource(OverviewService overview, ContractRepository contracts, Caller caller) {
        this.overview = overview;
        this.contracts = contracts;
        this.caller = caller;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    @Operation(
            summary = "Every readable contract with its current period: availability against target, allowance"
                    + " used, elements not met, shortfalls; paged (limit, offset, Link rel=next)")
    public Uni<Response> list(
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        Paging paging = Paging.of(limit, offset);
        Set<String> readable = caller.readableContracts();
        return contracts.all().chain(all -> {
            List<ContractVersion> mine = all.stream()
                    .filter(c -> readable == null || readable.contains(c.contractId()))
                    .toList();
            int from = Math.min(paging.offset(), mine.size());
            int to = (int) Math.min((long) from + paging.fetch(), mine.size());
            return overview.of(mine.subList(from, to)).map(rows -> paging.respond(rows, r -> r, uri));
        });
    }
}
