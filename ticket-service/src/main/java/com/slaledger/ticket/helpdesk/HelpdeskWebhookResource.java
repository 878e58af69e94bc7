package com.slaledger.ticket.helpdesk;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.ledger.engine.Sha256;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.ProblemTypes;
import com.slaledger.support.rest.RequestValidator;
import com.slaledger.support.security.Caller;
import com.slaledger.support.security.Roles;
import com.slaledger.ticket.TicketConfig;
import com.slaledger.ticket.ticket.TicketSource;
import com.slaledger.ticket.ticket.TicketView;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Help-desk webhooks (Zendesk ticket events, Jira Service Management issue events), mapped onto
 * the same operations as POST /tickets and /tickets/{id}/resolve, so help desks need no glue
 * code. Events that are not about SLA tickets are answered 200 with the reason they were
 * ignored (a help desk retries an error, so ignoring is not one).
 */
@Path("/api/v1/webhooks")
@PermitAll // a bearer token or the help desk's signature; checked in allowed()
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HelpdeskWebhookResource {

    private final HelpdeskService helpdesk;
    private final RequestValidator validator;
    private final ZendeskMapper zendesk;
    private final JiraMapper jira;
    private final ObjectMapper json;
    private final TicketConfig.Helpdesk config;
    private final Clock clock;
    private final CurrentIdentityAssociation identities;
    private final WebhookDeliveries deliveries;

    public HelpdeskWebhookResource(
            HelpdeskService helpdesk,
            RequestValidator validator,
            ZendeskMapper zendesk,
            JiraMapper jira,
            ObjectMapper json,
            TicketConfig config,
            Clock clock,
            CurrentIdentityAssociation identities,
            WebhookDeliveries deliveries) {
        this.helpdesk = helpdesk;
        this.validator = validator;
        this.zendesk = zendesk;
        this.jira = jira;
        this.json = json;
        this.config = config.helpdesk();
        this.clock = clock;
        this.identities = identities;
        this.deliveries = deliveries;
    }

    /** The answer to an event that was not acted on. */
    public record Ignored(String ignored) {}

    @POST
    @Path("/zendesk")
    @Operation(
            summary =
                    "Zendesk ticket events: ticket.created records (with its priority), a public agent comment is the first response, status_changed to solved/closed resolves")
    @APIResponse(
            responseCode = "401",
            description = "A signing secret is configured and the signature is missing, wrong or stale")
    public Uni<Response> zendesk(
            @HeaderParam("X-Zendesk-Webhook-Signature") String signature,
            @HeaderParam("X-Zendesk-Webhook-Signature-Timestamp") String timestamp,
            byte[] body) {
        return authenticate(config.zendeskSecret()
                        .map(secret ->
                                WebhookSignature.zendesk(secret, signature, timestamp, bytes(body), clock.instant())))
                .chain(auth -> perform(TicketSource.ZENDESK, zendesk.map(event(body)), auth.mayActOn()));
    }

    @POST
    @Path("/jira")
    @Operation(
            summary =
                    "Jira Service Management: issue_created records (with its priority), the first status transition is the first response, a done status resolves")
    @APIResponse(responseCode = "401", description = "A secret is configured and the signature is missing or wrong")
    @APIResponse(
            responseCode = "409",
            description = "A signed delivery already received within ticket.helpdesk.replay-window (a replay)")
    public Uni<Response> jira(
            @HeaderParam("X-Hub-Signature") String signature,
            @HeaderParam("X-Atlassian-Webhook-Identifier") String deliveryId,
            byte[] body) {
        return authenticate(config.jiraSecret().map(secret -> WebhookSignature.jira(secret, signature, bytes(body))))
                .chain(auth -> {
                    HelpdeskAction action = jira.map(event(body));
                    if (!auth.bySignature()) {
                        return perform(TicketSource.JIRA, action, auth.mayActOn());
                    }
                    // Jira signs the body only, not a time: a delivery is acted on once (SPEC §12)
                    String id = deliveryId != null && !deliveryId.isBlank() && deliveryId.length() <= 128
                            ? "id:" + deliveryId
                            : "sha256:" + Sha256.hex(bytes(body));
                    return deliveries
                            .remember(TicketSource.JIRA.name(), id)
                            .chain(seen -> seen != null
                                    ? Uni.createFrom().failure(replayed(seen))
                                    : Uni.createFrom()
                                            .deferred(() -> perform(TicketSource.JIRA, action, auth.mayActOn()))
                                            .onFailure()
                                            .call(() -> deliveries.forget(TicketSource.JIRA.name(), id)));
                });
    }

    private static ProblemException replayed(Instant seen) {
        return new ProblemException(
                409,
                ProblemTypes.CONFLICT,
                "Delivery already received",
                "this signed delivery was received at " + seen + " and acted on then; a repeat changes nothing",
                null);
    }

    /**
     * A webhook event is a JSON object; anything else is a malformed request (400), whereas an
     * object that is not a ticket event is acknowledged and ignored (200) so the help desk does not
     * retry it.
     */
    private JsonNode event(byte[] body) {
        JsonNode event;
        try {
            event = json.readTree(bytes(body));
        } catch (JsonProcessingException e) {
            throw ProblemException.malformed("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.malformed("the body cannot be read");
        }
        if (event == null || !event.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (the help desk's webhook event)");
        }
        return event;
    }

    /** A request whose signature does not hold changes nothing and learns only why. */
    private static void refuse(String why) {
        throw ProblemException.unauthorized(why);
    }

    private static byte[] bytes(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    /**
     * A help desk authenticates with a bearer token (role helpdesk or operator) or, when its secret
     * is configured, with its own signature ({@code signatureCheck}: empty when it holds, else
     * why not). Answers which contracts the caller may record tickets for.
     */
    private Uni<Auth> authenticate(Optional<Optional<String>> signatureCheck) {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.hasRole(Roles.OPERATOR)) {
                return new Auth(contract -> true, false);
            }
            if (identity.hasRole(Roles.HELPDESK)) {
                return new Auth(Caller.helpdeskContracts(identity), false);
            }
            if (signatureCheck.isPresent() && signatureCheck.get().isEmpty()) {
                return new Auth(contract -> true, true); // the help desk's own signature holds
            }
            if (!identity.isAnonymous()) {
                throw ProblemException.forbidden("the token's role does not allow this");
            }
            if (signatureCheck.isEmpty()) {
                throw ProblemException.unauthorized(
                        "a bearer token with the helpdesk role is required (no signing secret is configured)");
            }
            refuse(signatureCheck.get().get());
            return new Auth(contract -> false, false);
        });
    }

    /** Who may be acted for ({@code mayActOn}: the contracts) and whether the help desk's signature said so. */
    private record Auth(Predicate<String> mayActOn, boolean bySignature) {}

    private Uni<Response> perform(TicketSource source, HelpdeskAction action, Predicate<String> mayActOn) {
        return helpdesk.perform(source, action, mayActOn)
                .map(done -> done.ticket() == null
                        ? Response.ok(new Ignored(done.ignored())).build()
                        : Response.status(done.status())
                                .entity(TicketView.of(done.ticket()))
                                .build());
    }
}
