package com.slaledger.console.webhook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.client.SlaClient;
import com.slaledger.console.Services;
import com.slaledger.console.session.Session;
import com.slaledger.console.session.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Operators' webhooks (SPEC §14, §18): the subscriptions with a form to add or replace one
 * (events as checkboxes, contracts as a list, the secret write-only), deleting one, and each
 * one's delivery log. The form is put to notification-service as typed: the API's validation is
 * the only one, and its problem is shown with the operator's text kept for correcting.
 */
@Path("/webhooks")
public class WebhooksPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kinds a subscription may name, in the API's order. */
    static final List<String> EVENTS = List.of("SHORTFALL", "WARNING", "STATEMENT", "CREDIT", "DISPUTE", "MAINTENANCE");

    /** One subscription's row. */
    public record Row(
            String id, String url, String events, String contracts, String format, boolean enabled, String disabled) {}

    /** What the form holds: typed, or as stored when an operator edits one. */
    public record Form(String id, String url, List<String> events, String contracts, String format) {

        public boolean has(String event) {
            return events.contains(event);
        }
    }

    /** One delivery of the log. */
    public record Delivery(
            String webhookId,
            String kind,
            String contractId,
            String status,
            int attempts,
            String lastAnswer,
            String at) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(
                List<Row> rows, Form form, List<String> events, String error, String saved);

        static native TemplateInstance deliveries(String id, List<Delivery> deliveries, String error);
    }

    private final Services services;
    private final Sessions sessions;

    public WebhooksPage(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    private static final Form EMPTY = new Form("", "", List.of("SHORTFALL", "STATEMENT"), "", "standard");

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@CookieParam(Session.COOKIE) String session) {
        String token = sessions.token(session);
        Response refused = Session.refused(token);
        return refused != null ? refused : page(token, 200, EMPTY, null, null);
    }

    /** Adds or replaces subscription {@code webhookId} as the form says. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(
            @CookieParam(Session.COOKIE) String session,
            @FormParam("webhookId") String webhookId,
            @FormParam("url") String url,
            @FormParam("events") List<String> events,
            @FormParam("contracts") String contracts,
            @FormParam("format") String format,
            @FormParam("secret") String secret,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, webhookId);
        if (refused != null) {
            return refused;
        }
        Form typed = new Form(webhookId, url, events == null ? List.of() : events, contracts, format);
        ObjectNode body = JSON.createObjectNode();
        body.put("url", url == null ? "" : url.strip());
        body.putPOJO("events", typed.events());
        List<String> named = contracts == null
                ? List.of()
                : Arrays.stream(contracts.split("[,\\s]+"))
                        .filter(c -> !c.isBlank())
                        .toList();
        if (!named.isEmpty()) {
            body.putPOJO("contracts", named);
        }
        body.put("format", format == null ? "standard" : format);
        if (secret != null && !secret.isBlank()) {
            body.put("secret", secret.strip());
        }
        SlaClient.Reply put =
                services.send(token, "PUT", services.notification("/api/v1/webhooks/" + webhookId), body.toString());
        if (put.status() == 401) {
            return Session.toSignIn();
        }
        if (!put.ok()) {
            return page(token, put.status(), typed, put.problem(), null);
        }
        return page(token, 200, EMPTY, null, "Saved webhook " + webhookId + ".");
    }

    @POST
    @Path("{webhookId}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response delete(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("webhookId") String webhookId,
            @FormParam(Session.CSRF_FIELD) String csrf) {
        String token = sessions.formToken(session, csrf);
        Response refused = Session.refused(token, webhookId);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply r =
                services.send(token, "DELETE", services.notification("/api/v1/webhooks/" + webhookId), null);
        if (r.status() == 401) {
            return Session.toSignIn();
        }
        return r.ok()
                ? page(token, 200, EMPTY, null, "Deleted webhook " + webhookId + ".")
                : page(token, r.status(), EMPTY, r.problem(), null);
    }

    @GET
    @Path("{webhookId}")
    @Produces(MediaType.TEXT_HTML)
    public Response deliveries(@CookieParam(Session.COOKIE) String session, @PathParam("webhookId") String webhookId) {
        String token = sessions.token(session);
        Response refused = Session.refused(token, webhookId);
        if (refused != null) {
            return refused;
        }
        SlaClient.Reply log =
                services.get(token, services.notification("/api/v1/webhooks/" + webhookId + "/deliveries?limit=200"));
        if (log.status() == 401) {
            return Session.toSignIn();
        }
        List<Delivery> rows = new ArrayList<>();
        if (log.ok()) {
            for (JsonNode d : Services.json(log)) {
                String answer = d.path("lastStatus").isNumber()
                        ? "HTTP " + d.path("lastStatus").asInt()
                        : d.path("lastError").asText("");
                rows.add(new Delivery(
                        d.path("webhookMessageId").asText(),
                        d.path("kind").asText(),
                        d.path("contractId").asText(),
                        d.path("status").asText(),
                        d.path("attempts").asInt(),
                        answer,
                        d.path("deliveredAt").asText(d.path("createdAt").asText())));
            }
        }
        return Response.status(log.ok() ? 200 : log.status())
                .entity(Templates.deliveries(webhookId, rows, log.ok() ? null : log.problem())
                        .render())
                .type(MediaType.TEXT_HTML)
                .build();
    }

    private Response page(String token, int status, Form form, String error, String saved) {
        SlaClient.Reply list = services.get(token, services.notification("/api/v1/webhooks"));
        if (list.status() == 401) {
            return Session.toSignIn();
        }
        List<Row> rows = new ArrayList<>();
        if (list.ok()) {
            for (JsonNode w : Services.json(list)) {
                rows.add(new Row(
                        w.path("id").asText(),
                        w.path("url").asText(),
                        joined(w.path("events")),
                        w.path("contracts").isEmpty() ? "every contract" : joined(w.path("contracts")),
                        w.path("format").asText(),
                        w.path("enabled").asBoolean(),
                        w.path("disabledReason").asText("")));
            }
        }
        String problem = error != null ? error : list.ok() ? null : "Webhooks: " + list.problem();
        return Response.status(error == null && !list.ok() ? list.status() : status)
                .entity(Templates.webhooks(rows, form, EVENTS, problem, saved).render())
                .type(MediaType.TEXT_HTML)
                .build();
    }

    private static String joined(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }
}
