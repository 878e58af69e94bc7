package com.slaledger.ticket.helpdesk;

import java.io.IOException;
import java.time.Clock;

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
import com.slaledger.ticket.TicketConfig;
import com.slaledger.ticket.ticket.TicketService;
import com.slaledger.ticket.ticket.TicketSource;
import com.slaledger.ticket.ticket.TicketView;
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
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HelpdeskWebhookResource {

    private final TicketService service;
    private final RequestValidator validator;
    private final ZendeskMapper zendesk;
    private final JiraMapper jira;
    private final ObjectMapper json;
    private final TicketConfig.Helpdesk config;
    private final Clock clock;

    public HelpdeskWebhookResource(
            TicketService service,
            RequestValidator validator,
            ZendeskMapper zendesk,
            JiraMapper jira,
            ObjectMapper json,
            TicketConfig config,
            Clock clock) {
        this.service = service;
        this.validator = validator;
        this.zendesk = zendesk;
        this.jira = jira;
        this.json = json;
        this.config = config.helpdesk();
        this.clock = clock;
    }

    /** The answer to an event that was not acted on. */
    public record Ignored(String ignored) {}

    @POST
    @Path("/zendesk")
    @Operation(summary = "Zendesk ticket events: ticket.created records, status_changed to solved/closed resolves")
    @APIResponse(
            responseCode = "401",
            description = "A signing secret is configured and the signature is missing, wrong or stale")
    public Uni<Response> zendesk(
            @HeaderParam("X-Zendesk-Webhook-Signature") String signature,
            @HeaderParam("X-Zendesk-Webhook-Signature-Timestamp") String timestamp,
            byte[] body) {
        config.zendeskSecret()
                .flatMap(secret -> WebhookSignature.zendesk(secret, signature, timestamp, bytes(body), clock.instant()))
                .ifPresent(HelpdeskWebhookResource::refuse);
        return perform(TicketSource.ZENDESK, zendesk.map(event(body)));
    }

    @POST
    @Path("/jira")
    @Operation(summary = "Jira Service Management: issue_created records, issue_updated to a done status resolves")
    @APIResponse(responseCode = "401", description = "A secret is configured and the signature is missing or wrong")
    public Uni<Response> jira(@HeaderParam("X-Hub-Signature") String signature, byte[] body) {
        config.jiraSecret()
                .flatMap(secret -> WebhookSignature.jira(secret, signature, bytes(body)))
                .ifPresent(HelpdeskWebhookResource::refuse);
        return perform(TicketSource.JIRA, jira.map(event(body)));
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

    private Uni<Response> perform(TicketSource source, HelpdeskAction action) {
        if (action instanceof HelpdeskAction.Open open) {
            return service.open(source, validator.valid(open.ticket()))
                    .map(r -> Response.status(r.changed() ? 201 : 200)
                            .entity(TicketView.of(r.ticket()))
                            .build());
        }
        if (action instanceof HelpdeskAction.Resolve resolve) {
            return service.resolveExternal(source, resolve.contractId(), resolve.externalId(), resolve.resolvedAt())
                    .map(r -> r == null
                            ? Response.ok(new Ignored("no ticket " + resolve.externalId() + " was recorded"))
                                    .build()
                            : Response.ok(TicketView.of(r.ticket())).build());
        }
        return Uni.createFrom()
                .item(Response.ok(new Ignored(((HelpdeskAction.Ignore) action).reason()))
                        .build());
    }
}
