package com.slaledger.system;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.LocalTokens;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agreement as it is written (SPEC §16), over HTTP and SMTP only, on October 2026 in Lisbon:
 * a redundant database pair, weekly maintenance across the end of summer time, a ticket paused
 * while the provider waits on the customer, and an exclusion approved by a second operator after
 * the statement was issued.
 *
 * <p>Hand-computed. October 2026 in Lisbon is 31 days and an hour: 2,682,000 s. Maintenance every
 * Sunday 01:30 local for an hour: 4, 11, 18 Oct at 00:30Z (summer time), and 25 Oct, when clocks
 * go back at 02:00 and 01:30 happens twice: the earlier, 00:30Z. Eligible 2,682,000 − 4 × 3,600 =
 * 2,667,600 s; allowance floor(2,667.6) = 2,667 s.
 *
 * <ul>
 *   <li>api down 3 Oct 14:05–15:05Z: 3,600 s.
 *   <li>db-eu down 7 Oct 10:00–11:00Z while db-us stays up: the group "database" is not down.
 *   <li>api down 25 Oct 00:00–01:00Z: the 00:30–01:30Z occurrence takes half: 1,800 s (were the
 *       later 01:30 taken, all 3,600 s would count).
 * </ul>
 *
 * Downtime 5,400 s > 2,667 s: not met, 10% = 100.00 EUR, statement version 1. Then the 3 Oct
 * outage is excluded (customer-caused, 14:00–15:30Z), proposed by one operator and approved by
 * another: downtime 1,800 s ≤ 2,667 s, met, no credit, excludedSeconds 3,600; the statement is
 * amended (version 2) and mailed once; the shortfall already sent stays the only one.
 *
 * <p>Ticket P2 (resolution 4 h, office hours Mon–Fri 09:00–18:00 Lisbon) reported Friday 16 Oct
 * 17:00 local (16:00Z), paused 17:30 local to Monday 19 Oct 10:00 local (09:00Z): 30 min run
 * Friday, 3 h 30 from Monday 10:00 make the deadline Monday 13:30 local (12:30Z); resolved 13:00
 * local (12:00Z): met. Without the pause the deadline was 12:00 local (11:00Z): breached. Paused
 * business time: Friday 17:30–18:00 and Monday 09:00–10:00 = 5,400 s.
 */
@ExtendWith(SystemStack.class)
@SystemStack.Pinned
class AgreementIT {

    private static final String CONTRACT = "agreement-oct";
    private static final String API = "sys-agree-api";
    private static final String EMAIL = "sla@agreement-oct.example";

    private final SlaClient api = SystemStack.client();
    private final SlaClient second =
            api.as(SystemStack.token(new LocalTokens.Grant("second-operator", "operator", null, null, null)));

    @Test
    void exclusionsRedundancyRecurringMaintenanceAndPausesOverAMonth() {
        Map<String, Object> weekly = new LinkedHashMap<>();
        for (String day : List.of("MON", "TUE", "WED", "THU", "FRI")) {
            weekly.put(day, List.of(List.of("09:00", "18:00")));
        }
        api.putCalendar(
                "agreement-office", Map.of("name", "Lisbon office", "timezone", "Europe/Lisbon", "weekly", weekly));
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("customer", Map.of("name", "Agreement Ltd", "noticeEmails", List.of(EMAIL)));
        terms.put(
                "services",
                List.of(
                        API,
                        Map.of("name", "sys-agree-database", "anyOf", List.of("sys-agree-db-eu", "sys-agree-db-us"))));
        terms.put("policy", "PROVIDER_MONITORED");
        terms.put("uptimeTargetPercent", 99.9);
        terms.put("timezone", "Europe/Lisbon");
        terms.put("creditTiers", List.of(Map.of("belowPercent", 99.9, "creditPercent", 10)));
        terms.put("monthlyFee", Map.of("amount", 1000, "currency", "EUR"));
        terms.put(
                "maintenanceWindows",
                List.of(Map.of(
                        "recurrence", "FREQ=WEEKLY;BYDAY=SU",
                        "startTime", "01:30",
                        "duration", "PT1H",
                        "from", "2026-10-01",
                        "reason", "weekly patching")));
        terms.put(
                "support",
                Map.of(
                        "calendar",
                        "agreement-office",
                        "targets",
                        List.of(Map.of("priority", "P2", "resolution", "PT4H"))));
        SlaClient.expect(api.putContract(CONTRACT, terms), 201, 200);

        api.postObservations(
                List.of(
                        obs(API, "UP", "2026-10-01T00:00:00Z"),
                        obs(API, "DOWN", "2026-10-03T14:05:00Z"),
                        obs(API, "UP", "2026-10-03T15:05:00Z"),
                        obs(API, "DOWN", "2026-10-25T00:00:00Z"),
                        obs(API, "UP", "2026-10-25T01:00:00Z"),
                        obs("sys-agree-db-eu", "UP", "2026-10-01T00:00:00Z"),
                        obs("sys-agree-db-eu", "DOWN", "2026-10-07T10:00:00Z"),
                        obs("sys-agree-db-eu", "UP", "2026-10-07T11:00:00Z"),
                        obs("sys-agree-db-us", "UP", "2026-10-01T00:00:00Z")),
                100);

        // A ticket recorded weeks late with its whole history: while the ledger is stopped, as
        // ChecklistIT does, so that it is not judged on its opening alone (the deadline without the
        // pause passed long ago, and a notice cannot be taken back).
        SystemStack.stop("sla-ledger-service");
        try {
            // a ticket on the group's name: ticket-service accepts it as the contract's service
            Map<String, Object> ticket = new LinkedHashMap<>();
            ticket.put("externalId", CONTRACT + "-T1");
            ticket.put("contractId", CONTRACT);
            ticket.put("serviceId", "sys-agree-database");
            ticket.put("kind", "REQUEST");
            ticket.put("subject", "Replica lag question");
            ticket.put("reportedAt", "2026-10-16T16:00:00Z");
            ticket.put("priority", "P2");
            String t1 = api.openTicket(ticket, Duration.ofSeconds(30));
            // the unpause first and the pause twice: a set of events, in any order
            api.pauseTicket(t1, false, Instant.parse("2026-10-19T09:00:00Z"));
            api.pauseTicket(t1, true, Instant.parse("2026-10-16T16:30:00Z"));
            api.pauseTicket(t1, true, Instant.parse("2026-10-16T16:30:00Z"));
            api.resolveTicket(t1, Instant.parse("2026-10-19T12:00:00Z"));
        } finally {
            SystemStack.up();
        }

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode s = api.statement(CONTRACT, "2026-10");
                    assertThat(s.path("downtimeSeconds").asLong()).isEqualTo(5400);
                    // the ticket's events may reach the ledger after the observations: wait for
                    // it to be decided, not only for the element to read "met" (which it also
                    // does while no ticket is known)
                    assertThat(s.at("/elements/1/measured").asText()).isEqualTo("100% (1 of 1)");
                    assertThat(s.at("/elements/1/met").asBoolean()).isTrue();
                });
        JsonNode before = api.statement(CONTRACT, "2026-10");
        assertThat(before.path("eligibleSeconds").asLong()).isEqualTo(2_667_600);
        assertThat(before.path("allowanceSeconds").asLong()).isEqualTo(2667);
        assertThat(before.path("creditAmount").path("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(before.path("maintenance").findValuesAsText("start"))
                .containsExactly(
                        "2026-10-04T00:30:00Z", "2026-10-11T00:30:00Z", "2026-10-18T00:30:00Z", "2026-10-25T00:30:00Z");
        assertThat(before.path("intervals").findValuesAsText("start"))
                .as("the database pair was never down together")
                .containsExactly("2026-10-03T14:05:00Z", "2026-10-25T00:00:00Z");
        assertThat(before.at("/intervals/1/seconds").asLong()).isEqualTo(1800);
        JsonNode p2 = before.at("/elements/1");
        assertThat(p2.path("element").asText()).isEqualTo("resolution:P2");
        assertThat(p2.path("measured").asText()).isEqualTo("100% (1 of 1)");
        assertThat(p2.path("pausedSeconds").asLong()).isEqualTo(5400);

        // October is over, but the contract was stored after it: with startsOn the statement of
        // October is issued now, on figures that have all been folded
        assertThat(statementMails()).isEmpty();
        terms.put("startsOn", "2026-10-01");
        SlaClient.expect(api.putContract(CONTRACT, terms), 200);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(statementMails()).hasSize(1));
        assertThat(statementMails().get(0).subject())
                .contains("service credit 10%")
                .doesNotContain("amended");

        // one operator proposes the exclusion; it alone cannot approve it, a second one does
        Map<String, Object> exclusion = new LinkedHashMap<>();
        exclusion.put("start", "2026-10-03T14:00:00Z");
        exclusion.put("end", "2026-10-03T15:30:00Z");
        exclusion.put("category", "CUSTOMER_CAUSED");
        exclusion.put("reason", "customer's firewall change blocked all traffic");
        exclusion.put("services", List.of(API));
        exclusion.put("reference", "ZD-1001");
        SlaClient.Reply proposed = SlaClient.expect(api.proposeExclusion(CONTRACT, exclusion), 201);
        String exclusionId = proposed.json().path("exclusionId").asText();
        assertThat(proposed.json().path("status").asText()).isEqualTo("PROPOSED");
        SlaClient.Reply own = api.decideExclusion(CONTRACT, exclusionId, true, "mine");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.problem()).contains("second operator");
        SlaClient.expect(second.decideExclusion(CONTRACT, exclusionId, true, "firewall log checked"), 200);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(api.statement(CONTRACT, "2026-10")
                                .path("downtimeSeconds")
                                .asLong())
                        .isEqualTo(1800));
        JsonNode after = api.statement(CONTRACT, "2026-10");
        assertThat(after.path("met").asBoolean()).isTrue();
        assertThat(after.path("excludedSeconds").asLong()).isEqualTo(3600);
        assertThat(after.path("creditAmount").path("amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(after.at("/exclusions/0/exclusionId").asText()).isEqualTo(exclusionId);
        assertThat(after.at("/exclusions/0/seconds").asLong()).isEqualTo(5400);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(statementMails()).hasSize(2));
        SlaClient.pause(Duration.ofSeconds(5));
        List<SlaClient.Mail> statements = statementMails();
        assertThat(statements).hasSize(2);
        SlaClient.Mail amended = statements.stream()
                .filter(m -> m.subject().contains("amended, version 2"))
                .findFirst()
                .orElseThrow();
        assertThat(amended.subject()).contains("agreement met");
        assertThat(amended.message())
                .contains("an exclusion approved since")
                .contains("CUSTOMER_CAUSED")
                .contains("customer's firewall change blocked all traffic")
                .contains("weekly patching");
        List<SlaClient.Mail> shortfalls = api.mails(EMAIL).stream()
                .filter(m -> m.subject().startsWith("SLA shortfall"))
                .toList();
        assertThat(shortfalls)
                .as("the shortfall sent before the exclusion stays the only one")
                .hasSize(1);
        assertThat(shortfalls.get(0).subject()).contains("service credit 10%");
        // SPEC §17: the credit of version 1 (claims AUTOMATIC: DUE, the customer told once) is VOID
        // now that version 2 owes none; VOID is not a notice
        JsonNode credits =
                SlaClient.expect(api.credits("contractId=" + CONTRACT), 200).json();
        assertThat(credits).hasSize(1);
        assertThat(credits.at("/0/status").asText()).isEqualTo("VOID");
        assertThat(credits.at("/0/history").findValuesAsText("status")).containsExactly("DUE", "VOID");
        assertThat(api.mails(EMAIL).stream().filter(m -> m.subject().startsWith("SLA service credit")))
                .singleElement()
                .satisfies(m -> assertThat(m.subject()).endsWith(": due"));

        // the customer sees the approved exclusion with its category and reason
        SlaClient customer = api.as(SystemStack.token(LocalTokens.Grant.customer(CONTRACT)));
        JsonNode seen = customer.get(SystemStack.ENDPOINTS.ledger() + "/api/v1/contracts/" + CONTRACT + "/exclusions")
                .json();
        assertThat(seen).hasSize(1);
        assertThat(seen.at("/0/category").asText()).isEqualTo("CUSTOMER_CAUSED");
        assertThat(seen.at("/0/reason").asText()).isEqualTo("customer's firewall change blocked all traffic");
        assertThat(seen.at("/0/proposedBy").isMissingNode()).isTrue();
    }

    private List<SlaClient.Mail> statementMails() {
        return api.mails(EMAIL).stream()
                .filter(m -> m.subject().startsWith("SLA statement"))
                .toList();
    }

    private static Map<String, Object> obs(String service, String status, String at) {
        return SlaClient.observation(null, service, "p1", status, Instant.parse(at));
    }
}
