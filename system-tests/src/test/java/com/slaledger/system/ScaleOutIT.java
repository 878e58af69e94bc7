package com.slaledger.system;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.client.SlaClient;
import com.slaledger.client.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances each of monitor-service, the ledger and notification-service on one stack (SPEC
 * §11, §15): a random scenario and a live shortfall go through both; one ledger and one
 * notification instance are killed with {@code kill -9} in the middle. The statements equal an
 * undisturbed run's and the hand-computed figures, and every notice reaches SMTP exactly once.
 */
@ExtendWith(SystemStack.class)
@SystemStack.Pinned
class ScaleOutIT {

    private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
    private static final long STEP = 600; // every 10 minutes
    private static final int STEPS = 31 * 24 * 6; // the whole of October
    private static final int SCENARIOS = 6;

    private final SlaClient first = SystemStack.client();
    private final SlaClient second = SystemStack.secondClient();

    /** One service's random October: a probe every 10 minutes, outages of random length, ending UP. */
    record Scenario(List<String> statuses, long downtimeSeconds, int outages) {

        static Scenario random(long seed) {
            Random random = new Random(seed);
            double start = 0.002 + random.nextDouble() * 0.004;
            List<String> statuses = new ArrayList<>(STEPS);
            boolean down = false;
            long downtime = 0;
            int outages = 0;
            for (int i = 0; i < STEPS; i++) {
                if (i == STEPS - 1) {
                    down = false; // the month ends UP: nothing is ongoing, the figures are final
                } else if (!down && random.nextDouble() < start) {
                    down = true;
                    outages++;
                } else if (down && random.nextDouble() < 0.3) {
                    down = false;
                }
                statuses.add(down ? "DOWN" : "UP");
                // an observation holds until the next one (rule 1); the last one is UP
                if (down) {
                    downtime += STEP;
                }
            }
            return new Scenario(statuses, downtime, outages);
        }

        /** Newest first: every prefix already holds the final UP, so what a ledger sees only grows. */
        List<Map<String, Object>> observations(String serviceId) {
            List<Map<String, Object>> out = new ArrayList<>(STEPS);
            for (int i = 0; i < STEPS; i++) {
                out.add(SlaClient.observation(
                        serviceId + "-" + i, serviceId, "p1", statuses.get(i), OCTOBER.plusSeconds(STEP * i)));
            }
            Collections.reverse(out);
            return out;
        }
    }

    private static Map<String, Object> contract(String serviceId, String email) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("customer", Map.of("name", "Scale-out customer", "noticeEmails", List.of(email)));
        c.put("services", List.of(serviceId));
        c.put("policy", "PROVIDER_MONITORED");
        c.put("uptimeTargetPercent", 99.5);
        // one tier: at most one shortfall per period, whatever moment the ledger judges at
        c.put("creditTiers", List.of(Map.of("belowPercent", 99.5, "creditPercent", 10)));
        c.put("monthlyFee", Map.of("amount", 1000, "currency", "EUR"));
        return c;
    }

    @AfterAll
    static void backToOneInstanceEach() {
        SystemStack.up(); // the killed first instances come back for the tests after this one
        for (String name : List.of("monitor-service-2", "sla-ledger-service-2", "notification-service-2")) {
            SystemStack.stop(name);
        }
    }

    private static final List<String> HOOKED = List.of("SHORTFALL", "STATEMENT");

    @Test
    void twoInstancesEachKilledMidStreamGiveTheUndisturbedStatementsAndEachNoticeOnce() throws Exception {
        try (WebhookReceiver billing = WebhookReceiver.start("127.0.0.1")) {
            List<String> hooked = new ArrayList<>(List.of("scale-live"));
            for (int k = 0; k < SCENARIOS; k++) {
                hooked.add("scale-run-" + k);
            }
            SlaClient.expect(
                    first.putJson(
                            SystemStack.ENDPOINTS.notification() + "/api/v1/webhooks/sys-scale-billing",
                            Map.of(
                                    "url",
                                    billing.url(),
                                    "events",
                                    HOOKED,
                                    "contracts",
                                    hooked,
                                    "format",
                                    "standard",
                                    "secret",
                                    "whsec_c2NhbGUtb3V0LXRlc3Qtc2VjcmV0LWtleS0zMmJ5dGVzIQ==")),
                    201);
            try {
                run();
                // each of these notices posted once per subscription by two notification instances, one
                // killed midway: one webhook-id each (a retry after a crash would repeat the same id), and
                // the delivery log says DELIVERED once per notice
                int hookedNotices = 0;
                for (String contract : hooked) {
                    JsonNode notices = first.notices(contract);
                    long expected = 0;
                    for (JsonNode n : notices) {
                        expected += HOOKED.contains(n.path("kind").asText()) ? 1 : 0;
                    }
                    hookedNotices += (int) expected;
                    long ids = billing.received().stream()
                            .filter(p -> contract.equals(contractOf(p)))
                            .map(p -> p.header("webhook-id"))
                            .distinct()
                            .count();
                    assertThat(ids).as(contract).isEqualTo(expected);
                }
                assertThat(hookedNotices).as("the test must exercise webhooks").isGreaterThanOrEqualTo(3);
                JsonNode log = SlaClient.expect(
                                first.get(SystemStack.ENDPOINTS.notification()
                                        + "/api/v1/webhooks/sys-scale-billing/deliveries"),
                                200)
                        .json();
                assertThat(log).hasSize(hookedNotices);
                assertThat(log).allMatch(d -> d.path("status").asText().equals("DELIVERED"));
            } finally {
                first.send(
                        "DELETE",
                        SystemStack.ENDPOINTS.notification() + "/api/v1/webhooks/sys-scale-billing",
                        null,
                        null);
            }
        }
    }

    private static String contractOf(WebhookReceiver.Received post) {
        try {
            return SlaClient.JSON.readTree(post.body()).at("/data/contractId").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + post.body(), e);
        }
    }

    private void run() {
        SystemStack.instance("monitor-service", 2);
        SystemStack.instance("sla-ledger-service", 2);
        SystemStack.instance("notification-service", 2);

        List<Scenario> scenarios = new ArrayList<>();
        long breaching = 0;
        for (int k = 0; k < SCENARIOS; k++) {
            Scenario s = Scenario.random(4242 + k);
            scenarios.add(s);
            // October has 2,678,400 s: 99.5% allows 13,392 s
            if (s.downtimeSeconds() > 13_392) {
                breaching++;
            }
            first.putContract("scale-twin-" + k, contract("sys-scale-twin-" + k, "sla@scale-twin-" + k + ".example"));
            second.putContract("scale-run-" + k, contract("sys-scale-run-" + k, "sla@scale-run-" + k + ".example"));
        }
        assertThat(breaching)
                .as("scenarios that breach (the test must exercise notices)")
                .isBetween(2L, 5L);

        // The undisturbed run: every twin's data through the first monitor, nothing killed.
        for (int k = 0; k < SCENARIOS; k++) {
            first.postObservations(scenarios.get(k).observations("sys-scale-twin-" + k), 2000);
        }
        for (int k = 0; k < SCENARIOS; k++) {
            awaitStatement(first, "scale-twin-" + k, scenarios.get(k));
        }

        // The disturbed run: half through each monitor instance, crashes in the middle.
        List<List<Map<String, Object>>> streams = new ArrayList<>();
        for (int k = 0; k < SCENARIOS; k++) {
            streams.add(scenarios.get(k).observations("sys-scale-run-" + k));
        }
        for (int k = 0; k < SCENARIOS; k++) {
            List<Map<String, Object>> o = streams.get(k);
            (k % 2 == 0 ? first : second).postObservations(o.subList(0, o.size() / 2), 1000);
        }
        SystemStack.crash("sla-ledger-service");
        SystemStack.crash("notification-service-2");
        // A live shortfall while they are down: a DOWN two hours ago, still going on, against 99.9%
        // of the current month (at most 2,678 s allowed): breached at once.
        Instant downAt = SystemStack.now().minusSeconds(7200);
        YearMonth livePeriod = YearMonth.from(downAt.atOffset(ZoneOffset.UTC));
        Map<String, Object> live = contract("sys-scale-live", "sla@scale-live.example");
        live.put("uptimeTargetPercent", 99.9);
        live.put("creditTiers", List.of(Map.of("belowPercent", 99.9, "creditPercent", 10)));
        second.putContract("scale-live", live);
        second.postObservations(List.of(SlaClient.observation(null, "sys-scale-live", "p1", "DOWN", downAt)), 10);
        for (int k = 0; k < SCENARIOS; k++) {
            List<Map<String, Object>> o = streams.get(k);
            (k % 2 == 0 ? second : first).postObservations(o.subList(o.size() / 2, o.size()), 1000);
        }

        for (int k = 0; k < SCENARIOS; k++) {
            // the first ledger is down: the second answers
            JsonNode run = awaitStatement(second, "scale-run-" + k, scenarios.get(k));
            JsonNode twin = second.statement("scale-twin-" + k, "2026-10");
            assertThat(withoutId(run)).as("scenario %d", k).isEqualTo(withoutId(twin));
        }
        for (int k = 0; k < SCENARIOS; k++) {
            int expected = scenarios.get(k).downtimeSeconds() > 13_392 ? 1 : 0;
            for (String contract : List.of("scale-run-" + k, "scale-twin-" + k)) {
                String address = "sla@" + contract + ".example";
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    assertThat(second.shortfalls(contract)).as(contract).hasSize(expected);
                    assertThat(first.mails(address)).as(address).hasSize(expected);
                });
            }
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(first.mails("sla@scale-live.example"))
                .hasSize(1)
                .allMatch(m -> m.subject().contains(livePeriod.toString())));

        // A while later: still each notice once, and every notice SENT
        SlaClient.pause(Duration.ofSeconds(10));
        for (int k = 0; k < SCENARIOS; k++) {
            for (String contract : List.of("scale-run-" + k, "scale-twin-" + k, "scale-live")) {
                JsonNode notices = first.notices(contract);
                assertThat(first.mails("sla@" + contract + ".example"))
                        .as(contract)
                        .hasSize(notices.size());
                assertThat(notices).allMatch(n -> n.path("status").asText().equals("SENT"));
            }
        }
        assertThat(first.notices("scale-live")).hasSize(1);
    }

    /** The contract's October as the scenario says: its downtime, one interval per outage. */
    private static JsonNode awaitStatement(SlaClient api, String contract, Scenario scenario) {
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode st = api.statement(contract, "2026-10");
                    assertThat(st.path("downtimeSeconds").asLong()).isEqualTo(scenario.downtimeSeconds());
                    assertThat(st.path("intervals")).hasSize(scenario.outages());
                });
        return api.statement(contract, "2026-10");
    }

    /** The statement without what names the contract and its service, to compare two runs. */
    private static JsonNode withoutId(JsonNode statement) {
        ObjectNode copy = statement.deepCopy();
        copy.remove("contractId");
        copy.path("intervals").forEach(i -> ((ObjectNode) i).remove("services"));
        return copy;
    }
}
