package com.slaledger.notification.webhook;

import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.slaledger.notification.NotificationConfig;
import com.slaledger.support.rest.Paging;
import com.slaledger.support.rest.ProblemException;
import com.slaledger.support.rest.Violation;
import com.slaledger.support.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Webhook subscriptions and their delivery logs (SPEC §18), operators only: a subscription's URL
 * may itself be a credential (a Slack incoming-webhook URL is).
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR})
public class WebhookResource {

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAddressRule rule;
    private final Clock clock;
    private final Vertx vertx;

    public WebhookResource(
            WebhookRepository webhooks,
            WebhookDeliveryRepository deliveries,
            NotificationConfig config,
            Clock clock,
            Vertx vertx) {
        this.vertx = vertx;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.rule = WebhookSender.rule(config);
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Every webhook subscription, by id (secrets are never shown)")
    public Uni<List<WebhookView>> list() {
        return webhooks.list().map(all -> all.stream().map(WebhookView::of).toList());
    }

    @GET
    @Path("/{webhookId}")
    @Operation(summary = "One webhook subscription")
    public Uni<WebhookView> get(@PathParam("webhookId") String id) {
        return webhooks.find(id).map(w -> WebhookView.of(found(w, id)));
    }

    @PUT
    @Path("/{webhookId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace a subscription; events from now on are posted to it (a disabled one is"
                    + " enabled again)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "A field is invalid, or the URL is refused by the address rule")
    public Uni<Response> put(@PathParam("webhookId") String id, WebhookRequest body) {
        if (!WebhookRequest.ID.matcher(id).matches()) {
            throw ProblemException.invalid("webhookId", "must be 1 to 64 of [A-Za-z0-9._:-]");
        }
        if (body == null) {
            throw ProblemException.invalid("", "a JSON body is required");
        }
        return webhooks.find(id)
                .chain(existing -> {
                    List<Violation> violations = body.violations(existing != null, rule);
                    if (!violations.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.invalid(violations));
                    }
                    // the name resolved now: a URL whose host points inside is refused at once
                    return resolved(body.url());
                })
                .chain(() -> webhooks.put(body.toWebhook(id), clock.instant()))
                .map(stored -> Response.status(stored.created() ? 201 : 200)
                        .entity(WebhookView.of(stored.webhook()))
                        .build());
    }

    /** Fails with a 400 when the URL's host resolves to a refused address; a name that does not resolve now passes. */
    private Uni<Void> resolved(String url) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    try {
                        rule.check(url);
                    } catch (WebhookAddressRule.Refused e) {
                        throw ProblemException.invalid("url", e.getMessage());
                    } catch (UnknownHostException e) {
                        // checked again at every delivery
                    }
                    return true;
                }))
                .replaceWithVoid();
    }

    @DELETE
    @Path("/{webhookId}")
    @Operation(summary = "Remove a subscription and its delivery log; nothing more is posted to it")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> delete(@PathParam("webhookId") String id) {
        return webhooks.delete(id).map(gone -> {
            if (!gone) {
                throw ProblemException.notFound("webhook " + id);
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @Operation(
            summary = "A subscription's delivery log, newest first: each event's webhook-id, status, attempts and the"
                    + " receiver's last answer; paged (limit, offset, Link rel=next)")
    public Uni<Response> deliveries(
            @PathParam("webhookId") String id,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @Context UriInfo uri) {
        Paging paging = Paging.of(limit, offset);
        return webhooks.find(id)
                .map(w -> found(w, id))
                .chain(w -> deliveries.log(id, paging.offset(), paging.fetch()))
                .map(page -> paging.respond(page, d -> d, uri));
    }

    private static Webhook found(Webhook w, String id) {
        if (w == null) {
            throw ProblemException.notFound("webhook " + id);
        }
        return w;
    }
}
