package com.slaledger.console.contract;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * A contract's page (SPEC §14): the statement of a period with both policies side by side, the
 * checklist, a timeline, the intervals, tickets, notices and versions, and the statement as PDF
 * and CSV; each section read from the services' public APIs with the caller's token
 * ({@link ContractSections} turns their JSON into rows).
 */
@Path("/contracts")
public class ContractPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance contract(ContractView page);
    }

    /** What the contract page shows, read from the APIs' JSON into plain rows. */
    public record ContractView(
            String contractId,
            String customer,
            String period,
            String previous,
            String next,
            String periodName,
            String previousName,
            String nextName,
            String periodStart,
            String periodEnd,
            boolean isFinal,
            String policy,
            List<ContractSections.Policy> policies,
            List<ContractSections.Element> elements,
            Timeline timeline,
            List<ContractSections.Interval> intervals,
            List<ContractSections.Ticket> tickets,
            List<ContractSections.Notice> notices,
            List<ContractSections.Version> versions,
            List<ContractSections.Exclusion> exclusions,
            List<ContractSections.Planned> maintenance,
            String zone,
            boolean operator,
            List<ContractSections.Credit> credits,
            List<ContractSections.Dispute> disputes,
            String feedAddress,
            boolean replacesFeedKey) {}

    private final Services services;
    private final Sessions sessions;
    private final Clock clock;

    public ContractPage(Services services, Sessions sessions, Clock clock) {
        this.services = services;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GET
    @Path("{contractId}")
    @Produces(MediaType.TEXT_HTML)
    public Response contract(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @QueryParam("period") String period) {
        String token = sessions.token(session);
        if (token == null || token.isEmpty()) {
            return Session.toSignIn();
        }
        if (!Session.ID.matcher(contractId).matches()
                || (period != null && !Pages.PERIOD.matcher(period).matches())) {
            return Response.status(400).entity("not a contract id or period").build();
        }
        SlaClient.Reply c = services.get(token, services.ledger("/api/v1/contracts/" + contractId));
        if (!c.ok()) {
            return Response.status(c.status() == 401 ? 401 : 404)
                    .entity(Pages.problem(contractId, c.problem()))
                    .build();
        }
        JsonNode contract = Services.json(c);
        YearMonth month =
                period == null ? YearMonth.now(clock.withZone(Pages.zone(contract))) : YearMonth.parse(period);
        String id = Services.encode(contractId);
        JsonNode statement =
                services.read(token, services.ledger("/api/v1/contracts/" + contractId + "/statements/" + month));
        JsonNode tickets = services.read(token, services.ticket("/api/v1/tickets?contractId=" + id));
        JsonNode notices = services.read(token, services.notification("/api/v1/notices?contractId=" + id));
        JsonNode versions = services.read(token, services.ledger("/api/v1/contracts/" + contractId + "/versions"));
        JsonNode exclusions = services.read(token, services.ledger("/api/v1/contracts/" + contractId + "/exclusions"));
        JsonNode credits = services.read(token, services.ledger("/api/v1/credits?contractId=" + id));
        JsonNode disputes = services.read(token, services.ledger("/api/v1/disputes?contractId=" + id));
        JsonNode feedKey = services.read(token, services.ledger("/api/v1/contracts/" + contractId + "/feed-key"));
        String feed = feedKey.path("feed").asText(null);
        ZoneId zone = Pages.zone(contract);
        return Response.ok(Templates.contract(new ContractView(
                                contractId,
                                contract.path("customer").path("name").asText(),
                                month.toString(),
                                month.minusMonths(1).toString(),
                                month.plusMonths(1).toString(),
                                Pages.month(month),
                                Pages.month(month.minusMonths(1)),
                                Pages.month(month.plusMonths(1)),
                                Pages.local(statement.path("periodStart").asText(), zone),
                                Pages.local(statement.path("periodEnd").asText(), zone),
                                statement.path("final").asBoolean(),
                                statement.path("policy").asText(),
                                ContractSections.policies(statement),
                                ContractSections.elements(statement),
                                Timeline.of(contract, statement, tickets, clock.instant()),
                                ContractSections.intervals(statement, zone),
                                ContractSections.tickets(tickets, zone),
                                ContractSections.notices(notices, zone),
                                ContractSections.versions(versions, zone),
                                ContractSections.exclusions(exclusions, zone),
                                ContractSections.maintenance(statement, zone),
                                zone.getId(),
                                sessions.operates(session),
                                ContractSections.credits(credits, zone),
                                ContractSections.disputes(disputes, zone),
                                feed == null ? null : services.feedBase() + feed,
                                sessions.operates(session) || sessions.hasRole(session, "customer")))
                        .render())
                .build();
    }

    /** The statement as CSV or PDF, from the ledger with the caller's token (SPEC §14). */
    @GET
    @Path("{contractId}/statements/{period}.{format}")
    public Response export(
            @CookieParam(Session.COOKIE) String session,
            @PathParam("contractId") String contractId,
            @PathParam("period") String period,
            @PathParam("format") String format) {
        String token = sessions.token(session);
        if (token == null || token.isEmpty()) {
            return Session.toSignIn();
        }
        String accept = "csv".equals(format) ? "text/csv" : "pdf".equals(format) ? "application/pdf" : null;
        if (accept == null
                || !Session.ID.matcher(contractId).matches()
                || !Pages.PERIOD.matcher(period).matches()) {
            return Response.status(404).build();
        }
        SlaClient.Download d = services.download(
                token, services.ledger("/api/v1/contracts/" + contractId + "/statements/" + period), accept);
        if (!d.ok()) {
            return Response.status(d.status())
                    .entity(d.body())
                    .type(d.contentType())
                    .build();
        }
        return Response.ok(d.body(), d.contentType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"statement-" + contractId + "-" + period + "." + format + "\"")
                .build();
    }
}
