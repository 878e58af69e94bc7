package com.slaledger.console.home;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;
import com.slaledger.console.Services;
import com.slaledger.console.session.Session;
import com.slaledger.console.session.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The home page (SPEC §14): every contract the token may read with its current period at a
 * glance, from one request to the ledger ({@code /api/v1/overview}) and one for the latest notice
 * of each ({@code /api/v1/notices/latest}), however many contracts there are on the page.
 */
@Path("/")
public class HomePage {

    /** Contracts on the page. */
    static final int PAGE = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<HomeRow> rows, String error, boolean operator);
    }

    /** One contract on the home page: its current period at a glance. */
    public record HomeRow(
            String contractId,
            String customer,
            String period,
            String availability,
            String target,
            double allowanceUsed,
            boolean met,
            List<String> notMet,
            int shortfalls,
            String lastNotice) {}

    private final Services services;
    private final Sessions sessions;

    public HomePage(Services services, Sessions sessions) {
        this.services = services;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(@CookieParam(Session.COOKIE) String session) {
        String token = sessions.token(session);
        if (token == null || token.isEmpty()) {
            return Session.toSignIn();
        }
        SlaClient.Reply overview = services.get(token, services.ledger("/api/v1/overview?limit=" + PAGE));
        if (overview.status() == 401) {
            return Session.toSignIn();
        }
        if (!overview.ok()) {
            return Response.ok(Templates.home(List.of(), overview.problem(), sessions.operates(session))
                            .render())
                    .build();
        }
        JsonNode contracts = Services.json(overview);
        Map<String, String> lastNotice = lastNotices(token, contracts);
        List<HomeRow> rows = new ArrayList<>();
        for (JsonNode c : contracts) {
            rows.add(row(c, lastNotice.getOrDefault(c.path("contractId").asText(), "")));
        }
        return Response.ok(
                        Templates.home(rows, null, sessions.operates(session)).render())
                .build();
    }

    /** The latest notice of each contract, as "subject (status)", in one request. */
    private Map<String, String> lastNotices(String token, JsonNode contracts) {
        StringBuilder query = new StringBuilder();
        for (JsonNode c : contracts) {
            query.append(query.isEmpty() ? "?" : "&")
                    .append("contractId=")
                    .append(Services.encode(c.path("contractId").asText()));
        }
        Map<String, String> out = new HashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        for (JsonNode n : services.read(token, services.notification("/api/v1/notices/latest" + query))) {
            out.put(
                    n.path("contractId").asText(),
                    n.path("subject").asText(n.path("kind").asText()) + " ("
                            + n.path("status").asText() + ")");
        }
        return out;
    }

    private static HomeRow row(JsonNode c, String lastNotice) {
        List<String> notMet = new ArrayList<>();
        c.path("notMet").forEach(e -> notMet.add(e.asText()));
        return new HomeRow(
                c.path("contractId").asText(),
                c.path("customer").asText(),
                c.path("period").asText(),
                c.path("availabilityPercent").asText(""),
                c.path("uptimeTargetPercent").asText(""),
                Math.min(100, c.path("allowanceUsedPercent").asDouble(0)),
                c.path("met").asBoolean(true),
                notMet,
                c.path("shortfalls").asInt(),
                lastNotice);
    }
}
