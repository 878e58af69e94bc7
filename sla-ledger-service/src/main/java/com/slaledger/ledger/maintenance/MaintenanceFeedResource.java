package com.slaledger.ledger.maintenance;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A contract's maintenance calendar feed (SPEC §18): {@code text/calendar}, every window and
 * occurrence from the start of the previous period to 90 days ahead. Read with a bearer token
 * (operator, viewer, customer for its own) or, since calendar programs cannot send one, with the
 * contract's feed key as {@code ?key=}; a wrong key is a 404, as for a contract that does not
 * exist, so that keys cannot be told apart from contracts by guessing.
 */
@Path("/api/v1/contracts/{contractId}/maintenance.ics")
public class MaintenanceFeedResource {

    static final String CALENDAR = "text/calendar";

    private final ContractRepository contracts;
    private final FeedKeyRepository keys;
    private final CurrentIdentityAssociation identities;
    private final Clock clock;

    public MaintenanceFeedResource(
            ContractRepository contracts, FeedKeyRepository keys, CurrentIdentityAssociation identities, Clock clock) {
        this.contracts = contracts;
        this.keys = keys;
        this.identities = identities;
        this.clock = clock;
    }

    @GET
    @WithSession
    @PermitAll
    @Produces(CALENDAR)
    @Operation(summary = "The contract's maintenance windows as an RFC 5545 calendar (a bearer token or ?key=)")
    @APIResponse(responseCode = "200", description = "The calendar")
    @APIResponse(responseCode = "401", description = "Neither a credential nor a key")
    @APIResponse(responseCode = "404", description = "No such contract, not the customer's, or not its key")
    public Uni<Response> feed(@PathParam("contractId") String contractId, @QueryParam("key") String key) {
        // the endpoint admits anyone, so the credential (if any) is resolved here, off the IO thread's blocking path
        return identities.getDeferredIdentity().chain(identity -> feed(contractId, key, new Caller(identity)));
    }

    private Uni<Response> feed(String contractId, String key, Caller caller) {
        Uni<Void> allowed;
        if (key != null) {
            allowed = keys.opens(contractId, key)
                    .invoke(ok -> {
                        if (!ok) {
                            throw ProblemException.notFound("contract " + contractId + " with this feed key");
                        }
                    })
                    .replaceWithVoid();
        } else if (caller.anonymous()) {
            allowed = Uni.createFrom()
                    .failure(ProblemException.unauthorized(
                            "a bearer token, or the contract's feed key as ?key= (GET .../feed-key)"));
        } else if (!(caller.readsAll() || caller.has(Roles.CUSTOMER))) {
            allowed = Uni.createFrom().failure(ProblemException.forbidden("this role does not read contracts"));
        } else if (!caller.mayRead(contractId)) {
            allowed = Uni.createFrom().failure(ProblemException.notFound("contract " + contractId));
        } else {
            allowed = Uni.createFrom().voidItem();
        }
        return allowed.chain(() -> contracts.history(contractId)).map(history -> {
            if (history == null) {
                throw ProblemException.notFound("contract " + contractId);
            }
            Instant now = clock.instant();
            MaintenancePlan.Range range = MaintenancePlan.feedRange(history, now);
            var events = MaintenancePlan.events(history, range.from(), range.to());
            String body = MaintenanceFeed.write(
                    contractId, history.current().terms().customer().name(), events);
            return Response.ok(body, CALENDAR + "; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"" + contractId + "-maintenance.ics\"")
                    .header("Cache-Control", "private, max-age=300")
                    .build();
        });
    }
}
