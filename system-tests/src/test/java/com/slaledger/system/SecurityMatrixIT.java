package com.slaledger.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.LocalTokens;
import com.slaledger.client.LocalTokens.Grant;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of every service, as every kind of caller: no token, a malformed token, an expired
 * one, one signed by another key, a token of each role, a customer of the contract and a customer
 * of another. The endpoints are read from each service's OpenAPI document, and the table below must
 * name exactly those: an endpoint added without a row (or a row left for a removed one) fails.
 */
@ExtendWith(SystemStack.class)
class SecurityMatrixIT {

    private static final List<String> ROLES = List.of("operator", "viewer", "probe", "helpdesk", "customer");

    /** Who may call an endpoint; {@code customerScope}: a customer may, for its own contract's data only. */
    private record Rule(Set<String> roles, boolean customerScope) {}

    private static Rule roles(String... roles) {
        return new Rule(Set.of(roles), false);
    }

    private static Rule readersAndOwner(String... others) {
        Set<String> all = new TreeSet<>(Set.of("operator", "viewer", "customer"));
        all.addAll(List.of(others));
        return new Rule(all, true);
    }

    /** "service METHOD path" -> who may call it. */
    private static final Map<String, Rule> TABLE = Map.ofEntries(
            Map.entry("monitor POST /api/v1/health-events", roles("operator", "probe")),
            Map.entry("monitor POST /api/v1/alertmanager", roles("operator", "probe")),
            Map.entry("monitor POST /api/v1/duty-events", roles("operator", "probe")),
            Map.entry("ticket POST /api/v1/tickets", roles("operator", "helpdesk")),
            Map.entry("ticket POST /api/v1/tickets/{id}/resolve", roles("operator", "helpdesk")),
            Map.entry("ticket POST /api/v1/tickets/{id}/respond", roles("operator", "helpdesk")),
            Map.entry("ticket POST /api/v1/tickets/{id}/pause", roles("operator", "helpdesk")),
            Map.entry("ticket POST /api/v1/tickets/{id}/unpause", roles("operator", "helpdesk")),
            Map.entry("ticket GET /api/v1/tickets/{id}", readersAndOwner("helpdesk")),
            Map.entry("ticket GET /api/v1/tickets", readersAndOwner("helpdesk")),
            Map.entry("ticket POST /api/v1/webhooks/zendesk", roles("operator", "helpdesk")),
            Map.entry("ticket POST /api/v1/webhooks/jira", roles("operator", "helpdesk")),
            Map.entry("ledger PUT /api/v1/contracts/{contractId}", roles("operator")),
            Map.entry("ledger GET /api/v1/contracts/{contractId}", readersAndOwner()),
            Map.entry("ledger GET /api/v1/contracts/{contractId}/versions", readersAndOwner()),
            Map.entry("ledger GET /api/v1/contracts", readersAndOwner()),
            Map.entry("ledger GET /api/v1/overview", readersAndOwner()),
            Map.entry("ledger GET /api/v1/contracts/{contractId}/statements/{period}", readersAndOwner()),
            Map.entry("ledger GET /api/v1/contracts/{contractId}/downtime", readersAndOwner()),
            Map.entry("ledger GET /api/v1/contracts/{contractId}/shortfalls", readersAndOwner()),
            Map.entry("ledger POST /api/v1/contracts/{contractId}/exclusions", roles("operator")),
            Map.entry("ledger GET /api/v1/contracts/{contractId}/exclusions", readersAndOwner()),
            Map.entry("ledger POST /api/v1/contracts/{contractId}/exclusions/{exclusionId}/approve", roles("operator")),
            Map.entry("ledger POST /api/v1/contracts/{contractId}/exclusions/{exclusionId}/reject", roles("operator")),
            Map.entry("ledger POST /api/v1/contracts/{contractId}/claims", roles("operator", "customer")),
            Map.entry("ledger POST /api/v1/contracts/{contractId}/disputes", roles("operator", "customer")),
            Map.entry("ledger GET /api/v1/contracts/{contractId}/maintenance.ics", readersAndOwner()),
            Map.entry("ledger GET /api/v1/contracts/{contractId}/feed-key", readersAndOwner()),
            Map.entry("ledger GET /api/v1/contracts/{contractId}/openslo", readersAndOwner()),
            Map.entry(
                    "ledger POST /api/v1/contracts/{contractId}/feed-key",
                    new Rule(Set.of("operator", "customer"), true)),
            Map.entry("ledger GET /api/v1/credits", readersAndOwner()),
            Map.entry("ledger GET /api/v1/credits/{creditId}", roles("operator", "viewer", "customer")),
            Map.entry("ledger POST /api/v1/credits/{creditId}/approve", roles("operator")),
            Map.entry("ledger POST /api/v1/credits/{creditId}/apply", roles("operator")),
            Map.entry("ledger GET /api/v1/disputes", readersAndOwner()),
            Map.entry("ledger GET /api/v1/disputes/{disputeId}", roles("operator", "viewer", "customer")),
            Map.entry("ledger POST /api/v1/disputes/{disputeId}/accept", roles("operator")),
            Map.entry("ledger POST /api/v1/disputes/{disputeId}/reject", roles("operator")),
            Map.entry("ledger PUT /api/v1/services/{serviceId}", roles("operator")),
            Map.entry("ledger GET /api/v1/services/{serviceId}", roles("operator", "viewer")),
            Map.entry("ledger GET /api/v1/services", roles("operator", "viewer")),
            Map.entry("ledger GET /api/v1/services/{serviceId}/observations", roles("operator", "viewer")),
            Map.entry("ledger PUT /api/v1/calendars/{calendarId}", roles("operator")),
            Map.entry("ledger GET /api/v1/calendars/{calendarId}", roles("operator", "viewer")),
            Map.entry("ledger PUT /api/v1/calendars/{calendarId}/holidays", roles("operator")),
            Map.entry("ledger GET /api/v1/audit", roles("operator", "viewer")),
            Map.entry("ledger GET /api/v1/audit/verify", roles("operator", "viewer")),
            Map.entry("notification GET /api/v1/notices", readersAndOwner()),
            Map.entry("notification GET /api/v1/notices/{id}", readersAndOwner()),
            Map.entry("notification GET /api/v1/notices/latest", readersAndOwner()),
            Map.entry("notification POST /api/v1/notices/{id}/resend", roles("operator")),
            // a webhook's URL may itself be a credential (a Slack incoming-webhook URL is): operators only
            Map.entry("notification GET /api/v1/webhooks", roles("operator")),
            Map.entry("notification GET /api/v1/webhooks/{webhookId}", roles("operator")),
            Map.entry("notification PUT /api/v1/webhooks/{webhookId}", roles("operator")),
            Map.entry("notification DELETE /api/v1/webhooks/{webhookId}", roles("operator")),
            Map.entry("notification GET /api/v1/webhooks/{webhookId}/deliveries", roles("operator")));

    private static final String OWN = "sec-own";
    private static final String OTHER = "sec-other";
    private static final String SERVICE = "sec-svc";

    private static final SlaClient api = SystemStack.client();
    private static final Map<String, String> ticketOf = new LinkedHashMap<>();
    private static final Map<String, String> noticeOf = new LinkedHashMap<>();

    /** Two contracts on one service, each with a ticket and a shortfall notice (an ongoing outage). */
    @BeforeAll
    static void twoCustomers() {
        Instant now = SystemStack.now();
        for (String contract : List.of(OWN, OTHER)) {
            Map<String, Object> terms = new LinkedHashMap<>();
            terms.put("customer", Map.of("name", contract, "noticeEmails", List.of(contract + "@customer.example")));
            terms.put("services", List.of(SERVICE));
            terms.put("policy", "PROVIDER_MONITORED");
            terms.put("uptimeTargetPercent", 99.99);
            api.putContract(contract, terms);
        }
        api.postObservations(
                List.of(
                        SlaClient.observation(null, SERVICE, "p1", "UP", now.minus(Duration.ofMinutes(40))),
                        SlaClient.observation(null, SERVICE, "p1", "DOWN", now.minus(Duration.ofMinutes(30)))),
                10);
        for (String contract : List.of(OWN, OTHER)) {
            Map<String, Object> ticket = new LinkedHashMap<>();
            ticket.put("externalId", "SEC-1");
            ticket.put("contractId", contract);
            ticket.put("serviceId", SERVICE);
            ticket.put("kind", "REQUEST");
            ticketOf.put(contract, api.openTicket(ticket, Duration.ofSeconds(60)));
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String contract : List.of(OWN, OTHER)) {
                        JsonNode notices = api.notices(contract);
                        assertThat(notices.size()).as("notices of " + contract).isPositive();
                        noticeOf.put(contract, notices.get(0).path("id").asText());
                    }
                });
    }

    private static String base(String service) {
        SlaClient.Endpoints e = SystemStack.ENDPOINTS;
        return switch (service) {
            case "monitor" -> e.monitor();
            case "ticket" -> e.ticket();
            case "ledger" -> e.ledger();
            case "notification" -> e.notification();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** The endpoints each service's OpenAPI document declares under /api/v1. */
    private static Set<String> declared() {
        Set<String> found = new TreeSet<>();
        for (String service : List.of("monitor", "ticket", "ledger", "notification")) {
            SlaClient.Reply reply = SlaClient.expect(api.as(null).get(base(service) + "/q/openapi?format=json"), 200);
            Iterator<Map.Entry<String, JsonNode>> paths =
                    reply.json().path("paths").fields();
            while (paths.hasNext()) {
                var path = paths.next();
                if (!path.getKey().startsWith("/api/v1")) {
                    continue;
                }
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        found.add(service + " " + method.toUpperCase() + " " + path.getKey());
                    }
                });
            }
        }
        return found;
    }

    /** The concrete request for an endpoint, about {@code contract}'s data. */
    private static String url(String endpoint, String contract) {
        String[] parts = endpoint.split(" ");
        String path = parts[2].replace("{contractId}", contract)
                .replace("{serviceId}", SERVICE)
                .replace("{calendarId}", "sec-cal")
                .replace("{exclusionId}", "sec-no-such-exclusion")
                .replace("{creditId}", "sec-no-such-credit")
                .replace("{disputeId}", "sec-no-such-dispute")
                .replace("{webhookId}", "sec-no-such-webhook")
                .replace("{period}", "2026-10");
        if (path.startsWith("/api/v1/tickets/{id}")) {
            path = path.replace("{id}", ticketOf.get(contract));
        } else if (path.startsWith("/api/v1/notices/{id}")) {
            path = path.replace("{id}", noticeOf.get(contract));
        }
        if (path.equals("/api/v1/tickets") && parts[1].equals("GET")
                || path.equals("/api/v1/notices")
                || path.equals("/api/v1/credits")
                || path.equals("/api/v1/disputes")
                || path.equals("/api/v1/notices/latest")) {
            path += "?contractId=" + contract;
        }
        return base(parts[0]) + path;
    }

    private static String body(String endpoint, String contract) {
        String path = endpoint.split(" ")[2];
        Instant at = SystemStack.now().minusSeconds(5);
        return switch (path) {
            case "/api/v1/health-events" -> SlaClient.write(SlaClient.observation(null, SERVICE, "p9", "UP", at));
            case "/api/v1/alertmanager" -> "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}";
            case "/api/v1/tickets" ->
                SlaClient.write(Map.of(
                        "externalId",
                        "SEC-" + System.nanoTime(),
                        "contractId",
                        contract,
                        "serviceId",
                        SERVICE,
                        "kind",
                        "REQUEST"));
            case "/api/v1/webhooks/zendesk", "/api/v1/webhooks/jira" -> "{\"event\":\"ping\"}";
            case "/api/v1/contracts/{contractId}" ->
                SlaClient.write(Map.of(
                        "customer",
                        Map.of("name", contract, "noticeEmails", List.of(contract + "@customer.example")),
                        "services",
                        List.of(SERVICE),
                        "policy",
                        "PROVIDER_MONITORED",
                        "uptimeTargetPercent",
                        99.99));
            case "/api/v1/services/{serviceId}" -> "{\"downQuorum\":1}";
            case "/api/v1/calendars/{calendarId}" ->
                "{\"name\":\"Office\",\"timezone\":\"Europe/Lisbon\",\"weekly\":{\"MON\":[[\"09:00\",\"18:00\"]]}}";
            case "/api/v1/calendars/{calendarId}/holidays" ->
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sec//EN\r\nBEGIN:VEVENT\r\nUID:h1\r\n"
                        + "DTSTAMP:20261126T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
            default -> endpoint.contains(" GET ") ? null : "{}";
        };
    }

    private static SlaClient.Reply call(String endpoint, String contract, String token) {
        String method = endpoint.split(" ")[1];
        String body = body(endpoint, contract);
        String type = endpoint.endsWith("/holidays") ? "text/calendar" : "application/json";
        return api.as(token).send(method, url(endpoint, contract), body == null ? null : type, body);
    }

    @Test
    void theTableNamesExactlyTheEndpointsTheServicesDeclare() {
        assertThat(declared()).containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() throws Exception {
        Path otherKeys = Files.createTempDirectory("other-issuer");
        String foreign = LocalTokens.of(otherKeys).token(Grant.of("operator"));
        String expired = SystemStack.token(new Grant("late", "operator", null, null, Duration.ofMinutes(-10)));
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no token", null);
        callers.put("a malformed token", "not.a.token");
        callers.put("an expired token", expired);
        callers.put("a token signed by another key", foreign);
        callers.put(
                "a token of this issuer for another audience",
                SystemStack.token(Grant.of("operator"), "another-client"));
        List<String> wrong = new ArrayList<>();
        for (String endpoint : TABLE.keySet()) {
            for (var caller : callers.entrySet()) {
                SlaClient.Reply reply = call(endpoint, OWN, caller.getValue());
                if (reply.status() != 401 || !reply.contentType().startsWith("application/problem+json")) {
                    wrong.add(endpoint + " with " + caller.getKey() + ": " + SlaClient.describe(reply));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachRoleIsAllowedExactlyWhatTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (var row : TABLE.entrySet()) {
            for (String role : ROLES) {
                String token = role.equals("customer")
                        ? SystemStack.token(Grant.customer(OWN))
                        : SystemStack.token(Grant.of(role));
                SlaClient.Reply reply = call(row.getKey(), OWN, token);
                boolean allowed = row.getValue().roles().contains(role);
                boolean refused = reply.status() == 403;
                if (allowed == refused || reply.status() == 401 || reply.status() >= 500) {
                    wrong.add(
                            row.getKey() + " as " + role + " (allowed: " + allowed + "): " + SlaClient.describe(reply));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aCustomerSeesItsOwnContractsAndAnotherCustomersDataIsNotFound() {
        String customer = SystemStack.token(Grant.customer(OWN));
        List<String> wrong = new ArrayList<>();
        for (var row : TABLE.entrySet()) {
            if (!row.getValue().customerScope() || LISTS.contains(row.getKey())) {
                continue;
            }
            SlaClient.Reply own = call(row.getKey(), OWN, customer);
            SlaClient.Reply other = call(row.getKey(), OTHER, customer);
            if (own.status() != 200) {
                wrong.add(row.getKey() + " for its own contract: " + SlaClient.describe(own));
            }
            if (other.status() != 404) {
                wrong.add(row.getKey() + " for another customer's contract: " + SlaClient.describe(other));
            }
        }
        assertThat(wrong).isEmpty();
        JsonNode listed = SlaClient.expect(
                        api.as(customer).get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts"), 200)
                .json();
        assertThat(listed.findValuesAsText("contractId")).containsExactly(OWN);
        JsonNode overview = SlaClient.expect(
                        api.as(customer).get(SystemStack.ENDPOINTS.ledger() + "/api/v1/overview"), 200)
                .json();
        assertThat(overview.findValuesAsText("contractId")).containsExactly(OWN);
        // the latest notices of both contracts, asked by OWN's customer: only its own comes back
        JsonNode latest = SlaClient.expect(
                        api.as(customer)
                                .get(SystemStack.ENDPOINTS.notification() + "/api/v1/notices/latest?contractId=" + OWN
                                        + "&contractId=" + OTHER),
                        200)
                .json();
        assertThat(latest.findValuesAsText("contractId")).containsExactly(OWN);
    }

    /** Lists that show a customer its own contracts only (their rows are checked above by content, not by 404). */
    private static final Set<String> LISTS = Set.of(
            "ledger GET /api/v1/contracts", "ledger GET /api/v1/overview", "notification GET /api/v1/notices/latest");

    @Test
    void limitedTokensActOnlyOnWhatTheyName() {
        String helpdesk = SystemStack.token(new Grant("desk", "helpdesk", List.of(OWN), null, null));
        assertThat(call("ticket POST /api/v1/tickets", OWN, helpdesk).status()).isIn(200, 201);
        assertThat(call("ticket POST /api/v1/tickets", OTHER, helpdesk).status())
                .isEqualTo(403);
        assertThat(call("ticket GET /api/v1/tickets/{id}", OTHER, helpdesk).status())
                .isEqualTo(404);

        String probe = SystemStack.token(new Grant("probe-a", "probe", null, List.of("elsewhere"), null));
        SlaClient.Reply reply = call("monitor POST /api/v1/health-events", OWN, probe);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("detail").asText()).contains(SERVICE);

        // a probe token naming its probe ids reports as no other probe (no made-up quorum)
        String asP2 = SystemStack.token(Grant.probe("p2"));
        SlaClient.Reply otherProbe = SystemStack.client()
                .as(asP2)
                .postJson(
                        SystemStack.ENDPOINTS.monitor() + "/api/v1/health-events",
                        SlaClient.observation(null, SERVICE, "p1", "UP", SystemStack.now()));
        assertThat(otherProbe.status()).isEqualTo(403);
        assertThat(otherProbe.json().path("detail").asText()).contains("probe p1");

        // the help-desk webhook keeps the token's contract limit: OWN's desk cannot resolve OTHER's ticket
        String solved = "{\"type\":\"zen:event-type:ticket.status_changed\",\"time\":\"" + SystemStack.now()
                + "\",\"detail\":{\"id\":\"SEC-1\",\"status\":\"SOLVED\","
                + "\"tags\":[\"sla_contract_" + OTHER + "\",\"sla_service_" + SERVICE + "\"],"
                + "\"updated_at\":\"" + SystemStack.now() + "\"},\"event\":{\"current\":\"SOLVED\"}}";
        SlaClient.Reply webhook = SystemStack.client()
                .as(helpdesk)
                .send("POST", SystemStack.ENDPOINTS.ticket() + "/api/v1/webhooks/zendesk", "application/json", solved);
        assertThat(webhook.status()).as(SlaClient.describe(webhook)).isEqualTo(403);
        // the same through Jira: an issue of OTHER's moved to done
        String jiraTime = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .withZone(java.time.ZoneOffset.UTC)
                .format(SystemStack.now());
        String done = "{\"webhookEvent\":\"jira:issue_updated\",\"issue_event_type_name\":\"issue_generic\","
                + "\"issue\":{\"id\":\"1\",\"key\":\"SEC-1\",\"fields\":{\"summary\":\"x\",\"created\":\"" + jiraTime
                + "\",\"labels\":[\"sla_contract_" + OTHER + "\",\"sla_service_" + SERVICE + "\"],"
                + "\"status\":{\"name\":\"Resolved\",\"statusCategory\":{\"key\":\"done\"}},\"resolutiondate\":\""
                + jiraTime + "\"}},\"changelog\":{\"items\":[{\"field\":\"status\",\"toString\":\"Resolved\"}]}}";
        SlaClient.Reply jira = SystemStack.client()
                .as(helpdesk)
                .send("POST", SystemStack.ENDPOINTS.ticket() + "/api/v1/webhooks/jira", "application/json", done);
        assertThat(jira.status()).as(SlaClient.describe(jira)).isEqualTo(403);
        assertThat(SlaClient.expect(
                                api.get(SystemStack.ENDPOINTS.ticket() + "/api/v1/tickets/" + ticketOf.get(OTHER)), 200)
                        .json()
                        .path("resolvedAt")
                        .isNull())
                .isTrue();
    }

    /**
     * SPEC §12: provider-only data never reaches a customer: a contract's alerts (the provider's own
     * addresses and thresholds) and the WARNING notices they bring, in every view.
     */
    @Test
    void providerOnlyDataNeverReachesACustomer() {
        String contract = "sec-alerts";
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", contract, "noticeEmails", List.of(contract + "@customer.example")));
        terms.put("services", List.of(SERVICE));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.99);
        terms.put(
                "alerts",
                Map.of("emails", List.of("noc-matrix@provider.example"), "allowanceUsedPercent", List.of(50)));
        SlaClient.expect(api.putContract(contract, terms), 200, 201);
        String[] warning = new String[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode notices = api.notices(contract);
                    warning[0] = null;
                    notices.forEach(n -> {
                        if (n.path("kind").asText().equals("WARNING")) {
                            warning[0] = n.path("id").asText();
                        }
                    });
                    assertThat(warning[0]).as("a warning notice of " + contract).isNotNull();
                    assertThat(notices.findValuesAsText("kind")).contains("SHORTFALL");
                });
        SlaClient customer = SystemStack.client().as(SystemStack.token(Grant.customer(contract)));
        String ledger = SystemStack.ENDPOINTS.ledger();
        String notification = SystemStack.ENDPOINTS.notification();
        for (String url : List.of(
                ledger + "/api/v1/contracts/" + contract,
                ledger + "/api/v1/contracts/" + contract + "/versions",
                ledger + "/api/v1/contracts",
                notification + "/api/v1/notices?contractId=" + contract,
                notification + "/api/v1/notices/latest?contractId=" + contract)) {
            String body = SlaClient.expect(customer.get(url), 200).body();
            assertThat(body)
                    .as(url)
                    .doesNotContain("noc-matrix@provider.example")
                    .doesNotContain("allowanceUsed")
                    .doesNotContain("\"WARNING\"");
        }
        assertThat(SlaClient.expect(customer.get(notification + "/api/v1/notices?contractId=" + contract), 200)
                        .json()
                        .findValuesAsText("kind"))
                .contains("SHORTFALL");
        assertThat(customer.get(notification + "/api/v1/notices/" + warning[0]).status())
                .isEqualTo(404);
        // the provider's own people see both
        assertThat(SlaClient.expect(api.get(ledger + "/api/v1/contracts/" + contract), 200)
                        .body())
                .contains("noc-matrix@provider.example");
        assertThat(api.get(notification + "/api/v1/notices/" + warning[0]).status())
                .isEqualTo(200);
    }
}
