package com.slaledger.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Statements of both policies on a shared service, through the public APIs only, against the
 * figures worked out by hand in {@link OctoberScenario}; the same events shuffled and sent twice
 * give the same statements.
 */
@ExtendWith(SystemStack.class)
@SystemStack.Pinned
class StatementsIT {

    private final SlaClient api = SystemStack.client();

    /** [start, end, seconds, counted] of each interval the PROVIDER_MONITORED statement lists. */
    private static final List<String> PM_INTERVALS = List.of(
            "2026-09-30T23:00:00Z 2026-09-30T23:10:00Z 600 true",
            "2026-10-03T14:05:00Z 2026-10-03T15:05:00Z 3600 true",
            "2026-10-07T09:00:00Z 2026-10-07T09:03:00Z 180 false",
            "2026-10-10T03:00:00Z 2026-10-10T03:20:00Z 1200 true",
            "2026-10-25T00:30:00Z 2026-10-25T01:30:00Z 3600 true",
            "2026-10-31T23:50:00Z 2026-11-01T00:00:00Z 600 true");

    private static final List<String> CT_INTERVALS = List.of(
            "2026-10-03T14:20:00Z 2026-10-03T15:05:00Z 2700 true",
            "2026-10-07T09:01:00Z 2026-10-07T09:03:00Z 120 false",
            "2026-10-10T03:10:00Z 2026-10-10T03:20:00Z 600 true",
            "2026-10-25T00:40:00Z 2026-10-25T01:30:00Z 3000 true");

    @Test
    void bothPoliciesMatchTheHandComputedStatements() {
        OctoberScenario s = new OctoberScenario("shared");
        setUp(s);
        api.postObservations(s.observations(), 500);
        for (OctoberScenario.TicketPlan t : s.tickets()) {
            String id = api.openTicket(s.ticketBody(t), Duration.ofSeconds(60));
            api.resolveTicket(id, t.resolvedAt());
        }
        assertHandComputedStatements(s);
        // The outage across the end of October counts its other 20 minutes in November.
        JsonNode november = api.statement(s.providerMonitored, "2026-11");
        assertThat(november.path("intervals").get(0).path("start").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(november.path("intervals").get(0).path("seconds").asLong()).isEqualTo(1200);
        assertThat(november.path("intervals").get(0).path("counted").asBoolean())
                .isTrue();
    }

    @Test
    void eventsOutOfOrderAndTwiceGiveTheSameStatements() {
        OctoberScenario s = new OctoberScenario("shuffled");
        setUp(s);
        List<Map<String, Object>> observations = new ArrayList<>(s.observations());
        Random random = new Random(20261026);
        Collections.shuffle(observations, random);
        List<Map<String, Object>> twice = new ArrayList<>(observations);
        Collections.shuffle(observations, random);
        twice.addAll(observations); // every observation twice, in one batch and across batches
        api.postObservations(twice, 7);
        List<OctoberScenario.TicketPlan> tickets = new ArrayList<>(s.tickets());
        Collections.reverse(tickets);
        for (OctoberScenario.TicketPlan t : tickets) {
            String id = api.openTicket(s.ticketBody(t), Duration.ofSeconds(60));
            assertThat(api.openTicket(s.ticketBody(t), Duration.ofSeconds(5)))
                    .as("the same externalId again is the same ticket")
                    .isEqualTo(id);
            api.resolveTicket(id, t.resolvedAt());
        }
        assertHandComputedStatements(s);
    }

    private void setUp(OctoberScenario s) {
        api.putService(s.serviceId, "Shared service " + s.serviceId, 2);
        api.putContract(
                s.providerMonitored, s.contract("PROVIDER_MONITORED", "sla@" + s.providerMonitored + ".example"));
        api.putContract(s.customerTicket, s.contract("CUSTOMER_TICKET", "sla@" + s.customerTicket + ".example"));
    }

    private void assertHandComputedStatements(OctoberScenario s) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode pm = api.statement(s.providerMonitored, OctoberScenario.PERIOD);
                    assertFigures(
                            pm,
                            "PROVIDER_MONITORED",
                            OctoberScenario.PM_DOWNTIME,
                            OctoberScenario.PM_AVAILABILITY,
                            false,
                            10,
                            "100.00");
                    assertThat(intervals(pm)).containsExactlyElementsOf(PM_INTERVALS);
                    JsonNode ct = api.statement(s.customerTicket, OctoberScenario.PERIOD);
                    assertFigures(
                            ct,
                            "CUSTOMER_TICKET",
                            OctoberScenario.CT_DOWNTIME,
                            OctoberScenario.CT_AVAILABILITY,
                            true,
                            0,
                            "0.00");
                    assertThat(intervals(ct)).containsExactlyElementsOf(CT_INTERVALS);
                    // Both policies side by side on the same data, whichever the contract chose.
                    assertPolicy(
                            ct.path("policies").path("PROVIDER_MONITORED"),
                            OctoberScenario.PM_DOWNTIME,
                            OctoberScenario.PM_AVAILABILITY,
                            false,
                            10);
                    assertPolicy(
                            ct.path("policies").path("CUSTOMER_TICKET"),
                            OctoberScenario.CT_DOWNTIME,
                            OctoberScenario.CT_AVAILABILITY,
                            true,
                            0);
                    assertPolicy(
                            pm.path("policies").path("PROVIDER_MONITORED"),
                            OctoberScenario.PM_DOWNTIME,
                            OctoberScenario.PM_AVAILABILITY,
                            false,
                            10);
                    // The PROVIDER_MONITORED contract has no tickets: by tickets, it had no downtime.
                    assertPolicy(pm.path("policies").path("CUSTOMER_TICKET"), 0, "100", true, 0);
                });
    }

    private static void assertFigures(
            JsonNode st, String policy, long downtime, String availability, boolean met, int credit, String amount) {
        assertThat(st.path("period").asText()).isEqualTo("2026-10");
        assertThat(st.path("periodStart").asText()).isEqualTo("2026-09-30T23:00:00Z");
        assertThat(st.path("periodEnd").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(st.path("policy").asText()).isEqualTo(policy);
        assertThat(st.path("eligibleSeconds").asLong()).isEqualTo(OctoberScenario.ELIGIBLE);
        assertThat(st.path("final").asBoolean()).isTrue();
        assertThat(st.path("uptimeTargetPercent").decimalValue()).isEqualByComparingTo("99.7");
        assertPolicy(st, downtime, availability, met, credit);
        assertThat(st.path("creditAmount").path("amount").decimalValue()).isEqualByComparingTo(amount);
        assertThat(st.path("creditAmount").path("currency").asText()).isEqualTo("EUR");
    }

    private static void assertPolicy(JsonNode figures, long downtime, String availability, boolean met, int credit) {
        assertThat(figures.path("downtimeSeconds").asLong())
                .as("downtimeSeconds")
                .isEqualTo(downtime);
        assertThat(figures.path("availabilityPercent").decimalValue())
                .as("availabilityPercent")
                .isEqualByComparingTo(new BigDecimal(availability));
        assertThat(figures.path("met").asBoolean()).as("met").isEqualTo(met);
        assertThat(figures.path("creditPercent").decimalValue())
                .as("creditPercent")
                .isEqualByComparingTo(BigDecimal.valueOf(credit));
    }

    private static List<String> intervals(JsonNode statement) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : statement.path("intervals")) {
            out.add(i.path("start").asText() + " " + i.path("end").asText() + " "
                    + i.path("seconds").asLong() + " " + i.path("counted").asBoolean());
        }
        return out;
    }
}
