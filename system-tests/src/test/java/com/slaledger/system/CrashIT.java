package com.slaledger.system;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 in the middle of the work: the ledger while 50,000 observations stream in, the
 * notification service between storing a notice and sending it. Nothing is lost, nothing is
 * counted or sent twice.
 */
@ExtendWith(SystemStack.class)
@SystemStack.Pinned
class CrashIT {

    private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
    private static final int MINUTES = 25_000;

    private final SlaClient api = SystemStack.client();

    /**
     * Two probes each report every minute for 25,000 minutes from 1 October 2026 (UTC): 50,000
     * observations. Probe p1 is DOWN in minutes 100..109 and 300..301 of every 500, so the month
     * (2,678,400 s) has 50 outages of 600 s (counted) and 50 of 120 s (below the 5-minute minimum):
     * 30,000 s down, availability 98.8799%, below 99.9 and 99.0: two shortfalls, credit 25%.
     *
     * <p>The stream is sent newest first. Sent oldest first, the ledger, which judges shortfalls
     * at once on what it has folded so far (SPEC §7), would at some moments see a DOWN as p1's
     * latest word and count an outage running from October to now: a shortfall true on the data
     * of that moment, and final once published. Newest first, every prefix of the stream already
     * holds p1's last (UP) observation, so each moment's figures only grow towards the final ones.
     */
    private static List<Map<String, Object>> stream(String serviceId) {
        List<Map<String, Object>> o = new ArrayList<>(2 * MINUTES);
        for (int m = 0; m < MINUTES; m++) {
            int phase = m % 500;
            boolean down = (phase >= 100 && phase < 110) || (phase >= 300 && phase < 302);
            Instant at = OCTOBER.plusSeconds(60L * m);
            o.add(SlaClient.observation(serviceId + "-p1-" + m, serviceId, "p1", down ? "DOWN" : "UP", at));
            o.add(SlaClient.observation(serviceId + "-p2-" + m, serviceId, "p2", "UP", at));
        }
        Collections.reverse(o);
        return o;
    }

    private static Map<String, Object> contract(String serviceId, String email, String policy) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("customer", Map.of("name", "Stream customer", "noticeEmails", List.of(email)));
        c.put("services", List.of(serviceId));
        c.put("policy", policy);
        c.put("uptimeTargetPercent", 99.9);
        c.put("minimumDowntime", "PT5M");
        c.put(
                "creditTiers",
                List.of(
                        Map.of("belowPercent", 99.9, "creditPercent", 10),
                        Map.of("belowPercent", 99.0, "creditPercent", 25),
                        Map.of("belowPercent", 95.0, "creditPercent", 100)));
        c.put("monthlyFee", Map.of("amount", 2000, "currency", "EUR"));
        return c;
    }

    @Test
    void theLedgerKilledMidStreamEndsWithTheStatementsOfAnUndisturbedRun() {
        // The undisturbed run: the same stream on a twin service, nothing killed.
        api.putContract("stream-twin", contract("sys-stream-twin", "sla@stream-twin.example", "PROVIDER_MONITORED"));
        api.postObservations(stream("sys-stream-twin"), 2000);
        JsonNode undisturbed = awaitStreamStatement("stream-twin");

        api.putContract("stream", contract("sys-stream", "sla@stream.example", "PROVIDER_MONITORED"));
        List<Map<String, Object>> observations = stream("sys-stream");
        int half = observations.size() / 2;
        api.postObservations(observations.subList(0, half), 2000);
        // The first half's 10% shortfall is out before the kill, so that the run has the same two
        // tiers as the undisturbed one whatever the ledger's round takes (the tiers a run passes
        // depend on what the ledger has seen when it judges, not on the crash).
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.shortfalls("stream").size() >= 1);
        SystemStack.crash("sla-ledger-service");
        // Intake goes on while the ledger is down: the records wait in Kafka.
        api.postObservations(observations.subList(half, observations.size()), 2000);
        SystemStack.up();

        JsonNode recovered = awaitStreamStatement("stream");
        assertThat(withoutId(recovered)).isEqualTo(withoutId(undisturbed));

        // Two shortfalls (the 10% and the 25% tier), each noticed exactly once, for both runs.
        for (String contract : List.of("stream", "stream-twin")) {
            String address = "sla@" + contract + ".example";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(api.shortfalls(contract)).hasSize(2);
                assertThat(api.mails(address)).hasSize(2);
            });
        }
        SlaClient.pause(Duration.ofSeconds(5));
        for (String contract : List.of("stream", "stream-twin")) {
            List<String> subjects = api.mails("sla@" + contract + ".example").stream()
                    .map(SlaClient.Mail::subject)
                    .toList();
            assertThat(subjects).hasSize(2).doesNotHaveDuplicates();
            assertThat(subjects).anyMatch(s -> s.contains("10%")).anyMatch(s -> s.contains("25%"));
            JsonNode notices = api.notices(contract);
            assertThat(notices).hasSize(2);
            assertThat(notices).allMatch(n -> n.path("status").asText().equals("SENT"));
        }
    }

    @Test
    void theNotificationServiceKilledBeforeSendingSendsEachNoticeOnceAfterRestart() {
        // The mail server is down: the notice is consumed and stored, but cannot go out.
        SystemStack.crash("mail-sink");
        api.putContract("notify-crash", contract("sys-notify", "sla@notify-crash.example", "PROVIDER_MONITORED"));
        api.postObservations(
                List.of(
                        SlaClient.observation(null, "sys-notify", "p1", "DOWN", Instant.parse("2026-10-05T10:00:00Z")),
                        SlaClient.observation(null, "sys-notify", "p1", "UP", Instant.parse("2026-10-05T12:00:00Z"))),
                100);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode notices = api.notices("notify-crash");
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).path("status").asText()).isEqualTo("PENDING");
            assertThat(notices.get(0).path("attempts").asInt()).isGreaterThanOrEqualTo(1);
        });

        SystemStack.crash("notification-service");
        SystemStack.up(); // starts the mail sink and the notification service again, nothing else

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api.mails("sla@notify-crash.example")).hasSize(1);
            JsonNode notices = api.notices("notify-crash");
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).path("status").asText()).isEqualTo("SENT");
        });
        SlaClient.pause(Duration.ofSeconds(5));
        assertThat(api.mails("sla@notify-crash.example")).hasSize(1);
        assertThat(api.notices("notify-crash")).hasSize(1);
        assertThat(api.mails("sla@notify-crash.example").get(0).subject()).contains("notify-crash", "2026-10");
    }

    /**
     * SPEC §19, the broker down in the middle of intake: every batch is answered at once (a 503
     * with Retry-After instead of holding the connection for the producer's 60 s), monitor-service
     * says it is not ready, duty events are refused the same way, and a ticket is still taken (its
     * outbox keeps it until the broker is back). The prober sends what was refused again after
     * the broker returns; the statement is the hand-computed one of the undisturbed stream above:
     * every observation answered 202, before, during or after, counts exactly once.
     */
    @Test
    void theBrokerKilledMidIntakeRefusesAtOnceAndEveryAcceptedObservationCountsOnce() {
        api.putContract("broker-down", contract("sys-broker", "sla@broker-down.example", "PROVIDER_MONITORED"));
        List<Map<String, Object>> observations = stream("sys-broker");
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int from = 0; from < observations.size(); from += 2000) {
            batches.add(observations.subList(from, Math.min(observations.size(), from + 2000)));
        }
        String intake = SystemStack.ENDPOINTS.monitor() + "/api/v1/health-events";
        SlaClient impatient = api.withTimeout(Duration.ofSeconds(15)); // the issue's client gave up at 60 s
        List<List<Map<String, Object>>> refused = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SlaClient.expect(impatient.postJson(intake, batches.get(i)), 202);
        }
        String ticket = api.openTicket(
                Map.of(
                        "externalId",
                        "BROKER-1",
                        "contractId",
                        "broker-down",
                        "serviceId",
                        "sys-broker",
                        "kind",
                        "REQUEST"),
                Duration.ofSeconds(60));

        // the ticket was reported now (the stack's clock); its first response comes during the outage
        Instant respondedAt = SystemStack.now().truncatedTo(ChronoUnit.SECONDS);
        SystemStack.crash("kafka");
        try {
            for (int i = 10; i < 13; i++) {
                SlaClient.Reply reply = impatient.postJson(intake, batches.get(i));
                assertThat(reply.status()).as(SlaClient.describe(reply)).isEqualTo(503);
                assertThat(reply.json().path("type").asText()).isEqualTo("urn:sla-ledger:problem:unavailable");
                refused.add(batches.get(i));
            }
            SlaClient.Reply duty = impatient.postJson(
                    SystemStack.ENDPOINTS.monitor() + "/api/v1/duty-events",
                    List.of(SlaClient.dutyEvent("broker-backup", "SUCCESS", Instant.parse("2026-10-05T02:00:00Z"))));
            assertThat(duty.status()).as(SlaClient.describe(duty)).isEqualTo(503);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(impatient
                            .get(SystemStack.ENDPOINTS.monitor() + "/q/health/ready")
                            .status())
                    .isEqualTo(503));
            // tickets do not wait for the broker: ticket-service's outbox holds the event until it is back
            SlaClient.Reply responded = impatient.respondTicket(ticket, respondedAt);
            assertThat(responded.status()).as(SlaClient.describe(responded)).isEqualTo(200);
        } finally {
            SystemStack.up(); // the broker again, nothing else (also when a check above failed)
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(impatient
                        .get(SystemStack.ENDPOINTS.monitor() + "/q/health/ready")
                        .status())
                .isEqualTo(200));
        for (List<Map<String, Object>> batch : refused) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> impatient.postJson(intake, batch).status() == 202);
        }
        for (int i = 13; i < batches.size(); i++) {
            SlaClient.expect(impatient.postJson(intake, batches.get(i)), 202);
        }
        awaitStreamStatement("broker-down");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.shortfalls("broker-down")).hasSize(2));
        assertThat(api.get(SystemStack.ENDPOINTS.ticket() + "/api/v1/tickets/" + ticket)
                        .json()
                        .path("respondedAt")
                        .asText())
                .isEqualTo(respondedAt.toString());
    }

    /**
     * SPEC §19, PostgreSQL down in the middle of intake and ticket traffic: what needs the
     * database (opening a ticket, a statement, the notices) is a 503 with Retry-After at once,
     * intake goes on (monitor-service keeps no data; the records wait in Kafka), the services say
     * they are not ready and, with the database back, are ready again without a restart; the
     * ledger's consumers go on where they stopped. The statement, the shortfalls and the notices
     * are those of the undisturbed stream: each shortfall noticed once.
     */
    @Test
    void theDatabaseStoppedMidTrafficIsA503AndNothingIsLostOrSentTwice() {
        api.putContract("db-down", contract("sys-db-down", "sla@db-down.example", "PROVIDER_MONITORED"));
        List<Map<String, Object>> observations = stream("sys-db-down");
        int half = observations.size() / 2;
        api.postObservations(observations.subList(0, half), 2000);
        api.openTicket(
                Map.of("externalId", "DB-1", "contractId", "db-down", "serviceId", "sys-db-down", "kind", "REQUEST"),
                Duration.ofSeconds(60));
        SlaClient impatient = api.withTimeout(Duration.ofSeconds(15));
        SlaClient.Endpoints e = SystemStack.ENDPOINTS;
        // The first half's 10% shortfall is out before the database stops, so that the run passes
        // both tiers whenever the ledger judges (had it not judged the first half before the stop,
        // it would see the whole stream at once afterwards and pass the 25% tier only).
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.shortfalls("db-down").size() >= 1);

        SystemStack.stopDatabase();
        try {
            Map<String, Object> second = new LinkedHashMap<>();
            second.put("externalId", "DB-2");
            second.put("contractId", "db-down");
            second.put("serviceId", "sys-db-down");
            second.put("kind", "REQUEST");
            for (SlaClient.Reply reply : List.of(
                    impatient.postJson(e.ticket() + "/api/v1/tickets", second),
                    impatient.get(e.ledger() + "/api/v1/contracts/db-down/statements/2026-10"),
                    impatient.get(e.notification() + "/api/v1/notices?contractId=db-down"))) {
                assertThat(reply.status()).as(SlaClient.describe(reply)).isEqualTo(503);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
            // intake needs no database: the second half goes in while it is down
            assertThat(impatient.postObservations(observations.subList(half, observations.size()), 2000))
                    .isEqualTo(observations.size() - half);
            for (String base : List.of(e.ticket(), e.ledger(), e.notification())) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                                impatient.get(base + "/q/health/ready").status())
                        .as(base)
                        .isEqualTo(503));
            }
        } finally {
            SystemStack.startDatabase();
        }
        for (String base : List.of(e.ticket(), e.ledger(), e.notification())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                            impatient.get(base + "/q/health/ready").status())
                    .as(base)
                    .isEqualTo(200));
        }
        awaitStreamStatement("db-down");
        String address = "sla@db-down.example";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api.shortfalls("db-down")).hasSize(2);
            assertThat(api.mails(address)).hasSize(2);
        });
        SlaClient.pause(Duration.ofSeconds(5));
        assertThat(api.mails(address)).hasSize(2);
        JsonNode notices = api.notices("db-down");
        assertThat(notices).hasSize(2);
        assertThat(notices).allMatch(n -> n.path("status").asText().equals("SENT"));
    }

    private JsonNode awaitStreamStatement(String contract) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode st = api.statement(contract, "2026-10");
                    assertThat(st.path("downtimeSeconds").asLong()).isEqualTo(30_000);
                    assertThat(st.path("intervals")).hasSize(100);
                    assertThat(st.path("availabilityPercent").decimalValue()).isEqualByComparingTo("98.8799");
                    assertThat(st.path("creditPercent").decimalValue()).isEqualByComparingTo("25");
                    assertThat(st.path("creditAmount").path("amount").decimalValue())
                            .isEqualByComparingTo("500.00");
                    Map<Boolean, Long> counted = new LinkedHashMap<>();
                    st.path("intervals")
                            .forEach(i -> counted.merge(i.path("counted").asBoolean(), 1L, Long::sum));
                    assertThat(counted).containsEntry(true, 50L).containsEntry(false, 50L);
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
