package com.slaledger.ticket.helpdesk;

import java.io.IOException;
import java.time.Clock;
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
import com.slaledger.support.rest.ProblemException;
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

    public HelpdeskWebhookResource(
            HelpdeskService helpdesk,
            RequestValidator validator,
            ZendeskMapper zendesk,
            JiraMapper jira,
            ObjectMapper json,
            TicketConfig config,
            Clock clock,
            CurrentIdentityAssociation identities) {
        this.helpdesk = helpdesk;
        this.validator = validator;
        this.zendesk = zendesk;
        this.jira = jira;
        this.json = json;
        this.config = config.helpdesk();
        this.clock = clock;
        this.identities = identities;
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
        return allowed(config.zendeskSecret()
                        .map(secret ->
                                WebhookSignature.zendesk(secret, signature, timestamp, bytes(body), clock.instant())))
                .chain(mayActOn -> perform(TicketSource.ZENDESK, zendesk.map(event(body)), mayActOn));
    }

    @POST
    @Path("/jira")
    @Operation(
            summary =
                    "Jira Service Management: issue_created records (with its priority), the first status transition is the first response, a done status resolves")
    @APIResponse(responseCode = "401", description = "A secret is configured and the signature is missing or wrong")
    public Uni<Response> jira(@HeaderParam("X-Hub-Signature") String signature, byte[] body) {
        return allowed(config.jiraSecret().map(secret -> WebhookSignature.jira(secret, signature, bytes(body))))
                .chain(mayActOn -> perform(TicketSource.JIRA, jira.map(event(body)), mayActOn));
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
    private Uni<Predicate<String>> allowed(Optional<Optional<String>> signatureCheck) {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.hasRole(Roles.OPERATOR)) {
                return contract -> true;
            }
            if (identity.hasRole(Roles.HELPDESK)) {
                return Caller.helpdeskContracts(identity);
            }
            if (signatureCheck.isPresent() && signatureCheck.get().isEmpty()) {
                return contract -> true; // the help desk's own signature holds
            }
            if (!identity.isAnonymous()) {
                throw ProblemException.forbidden("the token's role does not allow this");
            }
            if (signatureCheck.isEmpty()) {
                throw ProblemException.unauthorized(
                        "a bearer token with the helpdesk role is required (no signing secret is configured)");
            }
            refuse(signatureCheck.get().get());
            return contract -> true;
        });
    }

    private Uni<Response> perform(TicketSource source, HelpdeskAction action, Predicate<String> mayActOn) {
        return helpdesk.perform(source, action, mayActOn)
                .map(done -> done.ticket() == null
                        ? Response.ok(new Ignored(done.ignored())).build()
                        : Response.status(done.status())
                                .entity(TicketView.of(done.ticket()))
                                .build());
    }
}
