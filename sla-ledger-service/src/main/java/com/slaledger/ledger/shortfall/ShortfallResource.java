package com.slaledger.ledger.shortfall;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.slaledger.ledger.contract.ContractRepository;
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
    @Operation(summary = "The shortfalls detected so far, one per period and credit tier")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<List<ShortfallView>> list(@PathParam("contractId") String contractId) {
        return contracts
                .existing(contractId, caller::mayRead)
                .chain(c -> shortfalls.ofContract(contractId))
                .map(list -> list.stream().map(ShortfallView::of).toList());
    }
}
