package com.slaledger.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.events.HealthObserved;
import com.slaledger.events.HealthStatus;
import com.slaledger.events.TicketKind;
import com.slaledger.events.TicketResolved;
import com.slaledger.events.Topics;
import com.slaledger.testing.TestKafka;
import io.quarkus.arc.Arc;

import static io.restassured.RestAssured.given;

/** Shared steps for the ledger's tests: contracts over HTTP, observations over the real broker. */
public final class LedgerFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerFixtures() {}

    /** Now on the service's clock (the suite's instant, or the pinned one: see test-support's PinnedClock). */
    public static Instant now() {
        return Arc.container().instance(Clock.class).get().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The SPEC §4 example contract, on the given services. */
    public static String specContract(String policy, String api, String web) {
        return """
                {"customer": {"name": "Acme Ltd", "noticeEmails": ["sla@acme.example"]},
                 "services": ["%s", "%s"], "policy": "%s", "uptimeTargetPercent": 99.9,
                 "minimumDowntime": "PT5M", "timezone": "Europe/Lisbon",
                 "creditTiers": [{"belowPercent": 99.9, "creditPercent": 10},
                                 {"belowPercent": 99.0, "creditPercent": 25},
                                 {"belowPercent": 95.0, "creditPercent": 100}],
                 "creditCapPercent": 100, "monthlyFee": {"amount": 1000.00, "currency": "EUR"},
                 "maintenanceWindows": [{"start": "2026-10-10T01:00:00Z", "end": "2026-10-10T03:00:00Z", "reason": "DB upgrade"}]}
                """
                .formatted(api, web, policy);
    }

    public static void putContract(String contractId, String body, int expectedStatus) {
        given().contentType("application/json")
                .body(body)
                .when()
                .put("/api/v1/contracts/{id}", contractId)
                .then()
                .statusCode(expectedStatus);
    }

    public static void observe(String service, String probe, HealthStatus status, String at) {
        Instant instant = Instant.parse(at);
        TestKafka.send(
                Topics.HEALTH_OBSERVED,
                service,
                new HealthObserved(
                        HealthObserved.dedupKey(null, service, probe, instant, status),
                        null,
                        service,
                        probe,
                        status,
                        instant,
                        null,
                        null,
                        now()));
    }

    /** An outage ticket "t-{contract}" of the service, reported and resolved, as the ticket service sends it. */
    public static void resolvedOutage(String contract, String service, Instant reported, Instant resolved) {
        TestKafka.send(
                Topics.TICKETS,
                "t-" + contract,
                new TicketResolved(
                        "t-" + contract,
                        "ZD-" + contract,
                        contract,
                        service,
                        TicketKind.OUTAGE,
                        "API down",
                        reported,
                        resolved));
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode statement(String contractId, String period) {
        return json(given().when()
                .get("/api/v1/contracts/{id}/statements/{p}", contractId, period)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
