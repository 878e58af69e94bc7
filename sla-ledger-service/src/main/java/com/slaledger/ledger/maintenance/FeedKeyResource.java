package com.slaledger.ledger.maintenance;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.slaledger.ledger.audit.AuditRepository;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The key of a contract's calendar feed (SPEC §18): shown to whoever reads the contract
 * (operator, viewer, its customer), replaced by an operator or the customer (a viewer reads
 * only). Replacing it is recorded in the audit log; the key itself is not.
 */
@Path("/api/v1/contracts/{contractId}/feed-key")
@Produces(MediaType.APPLICATION_JSON)
public class FeedKeyResource {

    /** The key and the feed's address with it (relative to the ledger's base). */
    public record FeedKeyView(
            String contractId,
            String key,
            @Schema(example = "/api/v1/contracts/acme/maintenance.ics?key=…") String feed,
            Instant createdAt) {

        static FeedKeyView of(FeedKeyRepository.FeedKey k) {
            return new FeedKeyView(
                    k.contractId(),
                    k.key(),
                    "/api/v1/contracts/" + k.contractId() + "/maintenance.ics?key=" + k.key(),
                    k.createdAt());
        }
    }

    private final ContractRepository contracts;
    private final FeedKeyRepository keys;
    private final AuditRepository audit;
    private final Caller caller;
    private final Clock clock;

    public FeedKeyResource(
            ContractRepository contracts, FeedKeyRepository keys, AuditRepository audit, Caller caller, Clock clock) {
        this.contracts = contracts;
        this.keys = keys;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @WithTransaction
    @Operation(summary = "The calendar feed's key (made on first use)")
    @APIResponse(responseCode = "404", description = "No such contract (or not the customer's)")
    @RolesAllowed({Roles.OPERATOR, Roles.VIEWER, Roles.CUSTOMER})
    public Uni<FeedKeyView> show(@PathParam("contractId") String contractId) {
        return contracts
                .existing(contractId, caller::mayRead)
                .chain(c -> keys.of(contractId, clock.instant()))
                .map(FeedKeyView::of);
    }

    @POST
    @WithTransaction
    @Operation(summary = "Replace the calendar feed's key: the old one stops opening the feed")
    @APIResponse(responseCode = "404", description = "No such contract (or not the customer's)")
    @RolesAllowed({Roles.OPERATOR, Roles.CUSTOMER})
    public Uni<FeedKeyView> replace(@PathParam("contractId") String contractId) {
        return contracts
                .existing(contractId, caller::mayRead)
                .chain(c -> keys.replace(contractId, clock.instant()))
                .call(k -> audit.append(
                        caller.name(), "FEED_KEY_REPLACED", "contract/" + contractId + "/feed-key", null, null))
                .map(FeedKeyView::of);
    }
}
