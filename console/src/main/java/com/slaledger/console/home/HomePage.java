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
import com.slaledger.console.Pages;
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
        static native TemplateInstance home(List<HomeRow> rows, String error, boolean operator, List<QueueRow> queue);
    }

    /** One item of the operators' queue (SPEC §17): a credit to approve or apply, or an open dispute. */
    public record QueueRow(String contractId, String period, String what, String status, String detail) {}

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
            return Response.ok(Templates.home(List.of(), overview.problem(), sessions.operates(session), List.of())
                            .render())
                    .build();
        }
        JsonNode contracts = Services.json(overview);
        Map<String, String> lastNotice = lastNotices(token, contracts);
        List<HomeRow> rows = new ArrayList<>();
        for (JsonNode c : contracts) {
            rows.add(row(c, lastNotice.getOrDefault(c.path("contractId").asText(), "")));
        }
        boolean operator = sessions.operates(session);
        return Response.ok(Templates.home(rows, null, operator, operator ? queue(token) : List.of())
                        .render())
                .build();
    }

    /** What waits for an operator: credits DUE (to approve) and APPROVED (to apply), open disputes. */
    private List<QueueRow> queue(String token) {
        List<QueueRow> out = new ArrayList<>();
        for (String status : List.of("DUE", "APPROVED")) {
            for (JsonNode c :
                    services.read(token, services.ledger("/api/v1/credits?status=" + status + "&limit=100"))) {
                JsonNode amount = c.path("amount");
                out.add(new QueueRow(
                        c.path("contractId").asText(),
                        c.path("period").asText(),
                        c.path("kind").asText().equals("ADJUSTMENT") ? "credit adjustment" : "credit",
                        status,
                        c.path("creditPercent").asText() + "%"
                                + (amount.isObject()
                                        ? " = " + amount.path("amount").asText() + " "
                                                + amount.path("currency").asText()
                                        : "")));
            }
        }
        for (JsonNode d : services.read(token, services.ledger("/api/v1/disputes?status=OPEN&limit=100"))) {
            out.add(new QueueRow(
                    d.path("contractId").asText(),
                    d.path("period").asText(),
                    "dispute",
                    "OPEN",
                    d.path("description").asText()));
        }
        return out;
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

    /** "2026-11" as "November 2026"; anything else as it is. */
    private static String periodName(String period) {
        return Pages.PERIOD.matcher(period).matches() ? Pages.month(java.time.YearMonth.parse(period)) : period;
    }

    private static HomeRow row(JsonNode c, String lastNotice) {
        List<String> notMet = new ArrayList<>();
        c.path("notMet").forEach(e -> notMet.add(e.asText()));
        return new HomeRow(
                c.path("contractId").asText(),
                c.path("customer").asText(),
                periodName(c.path("period").asText()),
                c.path("availabilityPercent").asText(""),
                c.path("uptimeTargetPercent").asText(""),
                Math.min(100, c.path("allowanceUsedPercent").asDouble(0)),
                c.path("met").asBoolean(true),
                notMet,
                c.path("shortfalls").asInt(),
                lastNotice);
    }
}
