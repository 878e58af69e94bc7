package com.slaledger.ledger.shortfall;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.support.rest.Paging;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A contract's shortfalls (SPEC §7). */
@Path("/api/v1/contracts/{contractId}/shortfalls")
@Produces(MediaType.APPLICATION_JSON)
public class ShortfallResource {

    private final ContractRepository contracts;
    private final ShortfallRepository shortfalls;

    private final Caller caller;

    public ShortfallResource(ContractRepository contracts, ShortfallRepository shortfalls, Caller caller) {
        this.contracts = contracts;
        this.shortfalls = shortfalls;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(
            summary =
                    "The shortfalls detected so far, one per period and credit tier, by period; paged (limit, offset, Link rel=next)")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<Response> list(
            @PathParam("contractId") String contractId,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @Context UriInfo uri) {
        Paging paging = Paging.of(limit, offset);
        return contracts
                .existing(contractId, caller::mayRead)
                .chain(c -> shortfalls.ofContract(contractId, paging.offset(), paging.fetch()))
                .map(list -> paging.respond(list, ShortfallView::of, uri));
    }
}
