package com.slaledger.console;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's pages (SPEC §14), rendered on the server from the services' public APIs with the
 * signed-in person's own token, kept in an HttpOnly, SameSite=Lax cookie ({@link Session}): home (every contract
 * the token may read, with its current period), a contract (statement with both policies, the
 * checklist, a timeline, intervals, tickets, notices, versions, exports), sign-in and sign-out.
 */
@Path("/")
public class ConsolePages {

    static final String COOKIE = Session.COOKIE;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern ID = Session.ID;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String error, String provider);

        static native TemplateInstance home(List<HomeRow> rows, String error);

        static native TemplateInstance contract(ContractPage page);
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

    /** What the contract page shows, read from the APIs' JSON into plain rows. */
    public record ContractPage(
            String contractId,
            String customer,
            String period,
            String previous,
            String next,
            String periodStart,
            String periodEnd,
            boolean isFinal,
            String policy,
            List<Policy> policies,
            List<Element> elements,
            Timeline timeline,
            List<Interval> intervals,
            List<Ticket> tickets,
            List<Notice> notices,
            List<Version> versions,
            String maintenanceJson) {}

    public record Policy(
            String name, boolean chosen, long downtimeSeconds, String availability, boolean met, String credit) {}

    public record Element(String element, String label, String agreed, String measured, boolean met) {}

    public record Interval(String start, String end, long seconds, String services, boolean counted, String reason) {}

    public record Ticket(
            String externalId,
            String kind,
            String priority,
            String reportedAt,
            String respondedAt,
            String resolvedAt) {}

    /** A notice with how sending it went for each recipient ("ops@acme.example: SENT"). */
    public record Notice(
            String id,
            String kind,
            String element,
            String status,
            String subject,
            String createdAt,
            String deliveries) {}

    public record Version(long version, String validFrom) {}

    private final Api api;
    private final Clock clock;

    private final boolean oidcEnabled;
    private final String oidcProvider;

    public ConsolePages(
            Api api,
            ConsoleConfig config,
            Clock clock,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidcEnabled) {
        this.api = api;
        this.clock = clock;
        this.oidcEnabled = oidcEnabled;
        this.oidcProvider = config.oidc().providerName();
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public String signInForm() {
        return Templates.signIn(null, provider()).render();
    }

    /** Takes a token (the local stack's `stack token ROLE`) if a service accepts it. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("token") String token) {
        String t = token == null ? "" : token.strip();
        Api.Reply probe = api.get(t, api.ledger("/api/v1/contracts?limit=1"));
        if (t.isEmpty() || probe.status() == 401) {
            return Response.status(401)
                    .entity(Templates.signIn("That token was not accepted: " + probe.problem(), provider())
                            .render())
                    .build();
        }
        return Response.seeOther(URI.create("/")).cookie(Session.of(t)).build();
    }

    /**
     * Forgets the token; with OIDC sign-in on, also ends the provider's session (quarkus-oidc
     * answers {@code /sign-out/oidc} with the provider's logout, which comes back to /sign-in).
     */
    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create(oidcEnabled ? "/sign-out/oidc" : "/sign-in"))
                .cookie(Session.cleared())
                .build();
    }

    /** Reached only without a provider session (with one, quarkus-oidc logs out first). */
    @GET
    @Path("sign-out/oidc")
    public Response signedOut() {
        return Session.toSignIn();
    }

    private String provider() {
        return oidcEnabled ? oidcProvider : null;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(@CookieParam(COOKIE) String token) {
        if (token == null || token.isEmpty()) {
            return Response.seeOther(URI.create("/sign-in")).build();
        }
        Api.Reply list = api.get(token, api.ledger("/api/v1/contracts?limit=200"));
        if (list.status() == 401) {
            return Response.seeOther(URI.create("/sign-in")).build();
        }
        if (!list.ok()) {
            return Response.ok(Templates.home(List.of(), list.problem()).render())
                    .build();
        }
        List<HomeRow> rows = new ArrayList<>();
        for (JsonNode c : list.json()) {
            rows.add(row(token, c));
        }
        return Response.ok(Templates.home(rows, null).render()).build();
    }

    private HomeRow row(String token, JsonNode c) {
        String id = c.path("contractId").asText();
        String period = YearMonth.now(clock.withZone(zone(c))).toString();
        JsonNode s = api.get(token, api.ledger("/api/v1/contracts/" + id + "/statements/" + period))
                .json();
        List<String> notMet = new ArrayList<>();
        for (JsonNode e : s.path("elements")) {
            if (!e.path("met").asBoolean()) {
                notMet.add(e.path("element").asText());
            }
        }
        int shortfalls = 0;
        for (JsonNode f : api.get(token, api.ledger("/api/v1/contracts/" + id + "/shortfalls"))
                .json()) {
            if (period.equals(f.path("period").asText())) {
                shortfalls++;
            }
        }
        JsonNode notices = api.get(token, api.notification("/api/v1/notices?contractId=" + Api.encode(id)))
                .json();
        String last = "";
        Instant lastAt = null;
        for (JsonNode n : notices) {
            Instant at = Instant.parse(n.path("createdAt").asText("1970-01-01T00:00:00Z"));
            if (lastAt == null || at.isAfter(lastAt)) {
                lastAt = at;
                last = n.path("subject").asText(n.path("kind").asText()) + " ("
                        + n.path("status").asText() + ")";
            }
        }
        return new HomeRow(
                id,
                c.path("customer").path("name").asText(),
                period,
                s.path("availabilityPercent").asText(""),
                s.path("uptimeTargetPercent").asText(""),
                Math.min(100, s.path("allowanceUsedPercent").asDouble(0)),
                s.path("met").asBoolean(true),
                notMet,
                shortfalls,
                last);
    }

    @GET
    @Path("contracts/{contractId}")
    @Produces(MediaType.TEXT_HTML)
    public Response contract(
            @CookieParam(COOKIE) String token,
            @PathParam("contractId") String contractId,
            @QueryParam("period") String period) {
        if (token == null || token.isEmpty()) {
            return Response.seeOther(URI.create("/sign-in")).build();
        }
        if (!ID.matcher(contractId).matches()
                || (period != null && !PERIOD.matcher(period).matches())) {
            return Response.status(400).entity("not a contract id or period").build();
        }
        Api.Reply c = api.get(token, api.ledger("/api/v1/contracts/" + contractId));
        if (!c.ok()) {
            return Response.status(c.status() == 401 ? 401 : 404)
                    .entity(Templates.home(List.of(), "Contract " + contractId + ": " + c.problem())
                            .render())
                    .build();
        }
        JsonNode contract = c.json();
        YearMonth month = period == null ? YearMonth.now(clock.withZone(zone(contract))) : YearMonth.parse(period);
        JsonNode statement = api.get(token, api.ledger("/api/v1/contracts/" + contractId + "/statements/" + month))
                .json();
        JsonNode tickets = api.get(token, api.ticket("/api/v1/tickets?contractId=" + Api.encode(contractId)))
                .json();
        JsonNode notices = api.get(token, api.notification("/api/v1/notices?contractId=" + Api.encode(contractId)))
                .json();
        JsonNode versions = api.get(token, api.ledger("/api/v1/contracts/" + contractId + "/versions"))
                .json();
        List<Policy> policies = new ArrayList<>();
        statement
                .path("policies")
                .fields()
                .forEachRemaining(e -> policies.add(new Policy(
                        e.getKey(),
                        e.getKey().equals(statement.path("policy").asText()),
                        e.getValue().path("downtimeSeconds").asLong(),
                        e.getValue().path("availabilityPercent").asText(),
                        e.getValue().path("met").asBoolean(),
                        e.getValue().path("creditPercent").asText())));
        List<Element> elements = new ArrayList<>();
        statement
                .path("elements")
                .forEach(e -> elements.add(new Element(
                        e.path("element").asText(),
                        e.path("label").asText(),
                        e.path("agreed").asText(),
                        e.path("measured").asText(),
                        e.path("met").asBoolean())));
        List<Interval> intervals = new ArrayList<>();
        statement.path("intervals").forEach(i -> {
            List<String> services = new ArrayList<>();
            i.path("services").forEach(x -> services.add(x.asText()));
            intervals.add(new Interval(
                    i.path("start").asText(),
                    i.path("end").isNull() ? "ongoing" : i.path("end").asText(),
                    i.path("seconds").asLong(),
                    String.join(", ", services),
                    i.path("counted").asBoolean(),
                    i.path("reason").asText("")));
        });
        List<Ticket> ticketRows = new ArrayList<>();
        tickets.forEach(t -> ticketRows.add(new Ticket(
                t.path("externalId").asText(),
                t.path("kind").asText(),
                t.path("priority").asText(),
                t.path("reportedAt").asText(),
                t.path("respondedAt").asText(""),
                t.path("resolvedAt").asText(""))));
        List<Notice> noticeRows = new ArrayList<>();
        notices.forEach(n -> {
            List<String> deliveries = new ArrayList<>();
            n.path("deliveries")
                    .forEach(d -> deliveries.add(d.path("recipient").asText() + ": "
                            + d.path("status").asText()));
            noticeRows.add(new Notice(
                    n.path("id").asText(),
                    n.path("kind").asText(),
                    n.path("element").asText(""),
                    n.path("status").asText(),
                    n.path("subject").asText(""),
                    n.path("createdAt").asText(),
                    String.join("; ", deliveries)));
        });
        List<Version> versionRows = new ArrayList<>();
        versions.forEach(v -> versionRows.add(
                new Version(v.path("version").asLong(), v.path("validFrom").asText())));
        return Response.ok(Templates.contract(new ContractPage(
                                contractId,
                                contract.path("customer").path("name").asText(),
                                month.toString(),
                                month.minusMonths(1).toString(),
                                month.plusMonths(1).toString(),
                                statement.path("periodStart").asText(),
                                statement.path("periodEnd").asText(),
                                statement.path("final").asBoolean(),
                                statement.path("policy").asText(),
                                policies,
                                elements,
                                Timeline.of(contract, statement, tickets, clock.instant()),
                                intervals,
                                ticketRows,
                                noticeRows,
                                versionRows,
                                contract.path("maintenanceWindows").toPrettyString()))
                        .render())
                .build();
    }

    /**
     * An operator replaces a contract's maintenance windows (a JSON array as the API takes it):
     * the contract is read, its windows replaced and the whole put back, so the API validates it
     * and its problem details are what the page shows.
     */
    @POST
    @Path("contracts/{contractId}/maintenance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response maintenance(
            @CookieParam(COOKIE) String token,
            @PathParam("contractId") String contractId,
            @FormParam("windows") String windows,
            @FormParam("period") String period) {
        Response refused = refused(token, contractId);
        if (refused != null) {
            return refused;
        }
        Api.Reply c = api.get(token, api.ledger("/api/v1/contracts/" + contractId));
        if (!c.ok()) {
            return Response.status(c.status())
                    .entity(problemPage(contractId, c.problem()))
                    .build();
        }
        com.fasterxml.jackson.databind.node.ObjectNode terms =
                (com.fasterxml.jackson.databind.node.ObjectNode) c.json();
        try {
            terms.set("maintenanceWindows", JSON.readTree(windows == null || windows.isBlank() ? "[]" : windows));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Response.status(400)
                    .entity(problemPage(contractId, "maintenance windows: not a JSON array: " + e.getOriginalMessage()))
                    .build();
        }
        terms.remove(List.of("contractId", "version", "changedAt"));
        Api.Reply put = api.send(
                token, "PUT", api.ledger("/api/v1/contracts/" + contractId), "application/json", terms.toString());
        if (!put.ok()) {
            return Response.status(put.status())
                    .entity(problemPage(contractId, put.problem()))
                    .build();
        }
        String back = "/contracts/" + contractId
                + (period != null && PERIOD.matcher(period).matches() ? "?period=" + period : "");
        return Response.seeOther(URI.create(back)).build();
    }

    /** An operator sends a notice again, to the contract's current recipients. */
    @POST
    @Path("contracts/{contractId}/notices/{noticeId}/resend")
    @Produces(MediaType.TEXT_HTML)
    public Response resend(
            @CookieParam(COOKIE) String token,
            @PathParam("contractId") String contractId,
            @PathParam("noticeId") String noticeId) {
        Response refused = refused(token, contractId, noticeId);
        if (refused != null) {
            return refused;
        }
        Api.Reply r = api.send(
                token, "POST", api.notification("/api/v1/notices/" + noticeId + "/resend"), "application/json", null);
        if (!r.ok()) {
            return Response.status(r.status())
                    .entity(problemPage(contractId, r.problem()))
                    .build();
        }
        return Response.seeOther(URI.create("/contracts/" + contractId)).build();
    }

    private static Response refused(String token, String... ids) {
        return Session.refused(token, ids);
    }

    private static String problemPage(String contractId, String problem) {
        return Templates.home(List.of(), "Contract " + contractId + ": " + problem)
                .render();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The statement as CSV or PDF, from the ledger with the caller's token (SPEC §14). */
    @GET
    @Path("contracts/{contractId}/statements/{period}.{format}")
    public Response export(
            @CookieParam(COOKIE) String token,
            @PathParam("contractId") String contractId,
            @PathParam("period") String period,
            @PathParam("format") String format) {
        if (token == null || token.isEmpty()) {
            return Response.seeOther(URI.create("/sign-in")).build();
        }
        String accept = "csv".equals(format) ? "text/csv" : "pdf".equals(format) ? "application/pdf" : null;
        if (accept == null
                || !ID.matcher(contractId).matches()
                || !PERIOD.matcher(period).matches()) {
            return Response.status(404).build();
        }
        Api.Reply r = api.get(token, api.ledger("/api/v1/contracts/" + contractId + "/statements/" + period), accept);
        if (!r.ok()) {
            return Response.status(r.status())
                    .entity(r.problem())
                    .type(MediaType.TEXT_PLAIN)
                    .build();
        }
        return Response.ok(r.body(), r.contentType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"statement-" + contractId + "-" + period + "." + format + "\"")
                .build();
    }

    private static ZoneId zone(JsonNode contract) {
        try {
            return ZoneId.of(contract.path("timezone").asText("UTC"));
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
