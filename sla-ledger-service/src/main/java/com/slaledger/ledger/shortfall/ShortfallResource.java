package com.slaledger.ledger.shortfall;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.slaledger.ledger.contract.ContractRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A contract's shortfalls (SPEC §7). */
@Path("/api/v1/contracts/{contractId}/shortfalls")
@Produces(MediaType.APPLICATION_JSON)
public class ShortfallResource {

    private final ContractRepository contracts;
    private final ShortfallRepository shortfalls;

    public ShortfallResource(ContractRepository contracts, ShortfallRepository shortfalls) {
        this.contracts = contracts;
        this.shortfalls = shortfalls;
    }

    @GET
    @WithSession
    @Operation(summary = "The shortfalls detected so far, one per period and credit tier")
    public Uni<List<ShortfallView>> list(@PathParam("contractId") String contractId) {
        return contracts
                .existing(contractId)
                .chain(c -> shortfalls.ofContract(contractId))
                .map(list -> list.stream().map(ShortfallView::of).toList());
    }
}
