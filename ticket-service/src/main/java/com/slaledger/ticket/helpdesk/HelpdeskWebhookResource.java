package com.slaledger.ticket.helpdesk;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.RequestValidator;
import com.slaledger.ticket.ticket.TicketService;
import com.slaledger.ticket.ticket.TicketView;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;

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

    public HelpdeskWebhookResource(
            TicketService service, RequestValidator validator, ZendeskMapper zendesk, JiraMapper jira) {
        this.service = service;
        this.validator = validator;
        this.zendesk = zendesk;
        this.jira = jira;
    }

    /** The answer to an event that was not acted on. */
    public record Ignored(String ignored) {}

    @POST
    @Path("/zendesk")
    @Operation(summary = "Zendesk ticket events: ticket.created records, status_changed to solved/closed resolves")
    public Uni<Response> zendesk(JsonNode body) {
        return perform(zendesk.map(event(body)));
    }

    @POST
    @Path("/jira")
    @Operation(summary = "Jira Service Management: issue_created records, issue_updated to a done status resolves")
    public Uni<Response> jira(JsonNode body) {
        return perform(jira.map(event(body)));
    }

    /**
     * A webhook event is a JSON object; anything else is a malformed request (400), whereas an
     * object that is not a ticket event is acknowledged and ignored (200) so the help desk does not
     * retry it.
     */
    private static JsonNode event(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (the help desk's webhook event)");
        }
        return body;
    }

    private Uni<Response> perform(HelpdeskAction action) {
        if (action instanceof HelpdeskAction.Open open) {
            return service.open(validator.valid(open.ticket())).map(r -> Response.status(r.changed() ? 201 : 200)
                    .entity(TicketView.of(r.ticket()))
                    .build());
        }
        if (action instanceof HelpdeskAction.Resolve resolve) {
            return service.resolveExternal(resolve.externalId(), resolve.resolvedAt())
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
