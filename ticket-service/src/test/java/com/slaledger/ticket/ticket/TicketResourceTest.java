package com.slaledger.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import com.slaledger.events.Topics;
import com.slaledger.testing.OperationalEndpoints;
import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import com.slaledger.ticket.TicketFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * Tickets stored in the real database and announced on the real broker through the outbox; the
 * contract view is fed with records produced to the contracts topic, as the ledger would.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class TicketResourceTest {

    /** The service's clock (pinned: this class's data has fixed dates). */
    @Inject
    Clock clock;

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String ticket(String externalId, String contractId, String serviceId) {
        return "{\"externalId\":\"" + externalId + "\",\"contractId\":\"" + contractId + "\",\"serviceId\":\""
                + serviceId
                + "\",\"kind\":\"OUTAGE\",\"subject\":\"API returns 503\",\"reportedAt\":\"2026-10-03T14:20:00.600Z\"}";
    }

    /** Posts until the contract view has caught up with the contracts topic. */
    private static String open(String externalId, String contractId, String serviceId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> id[0] = given().contentType("application/json")
                        .body(ticket(externalId, contractId, serviceId))
                        .when()
                        .post("/api/v1/tickets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
        return id[0];
    }

    @Test
    void aNewTicketIsStoredAndPublishedOnce() {
        String contract = TicketFixtures.contract("api");
        String externalId = "ZD-" + UUID.randomUUID();
        String id = open(externalId, contract, "api");
        given().when()
                .get("/api/v1/tickets/{id}", id)
                .then()
                .statusCode(200)
                .body("externalId", equalTo(externalId))
                .body("reportedAt", equalTo("2026-10-03T14:20:00Z"))
                .body("status", equalTo("OPEN"))
                .body("resolvedAt", nullValue());
        given().contentType("application/json")
                .body(ticket(externalId, contract, "api"))
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));

        var records = TestKafka.read(Topics.TICKETS, r -> id.equals(r.key()), 2, Duration.ofSeconds(8));
        assertThat(records).hasSize(1);
        assertThat(TestKafka.text(records.get(0)))
                .contains("\"type\":\"TicketOpened\"")
                .contains(externalId);
    }

    /**
     * SPEC §16.4: pause and unpause record events of a set (the same one twice changes nothing),
     * not before reportedAt, each change published with every pause known.
     */
    @Test
    void pausesAreRecordedOnceEachAndPublishedWhole() {
        String contract = TicketFixtures.contract("api");
        String id = open("ZD-" + UUID.randomUUID(), contract, "api");
        given().contentType("application/json")
                .body("{\"at\":\"2026-10-03T14:00:00Z\"}")
                .when()
                .post("/api/v1/tickets/{id}/pause", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("at"));
        given().contentType("application/json")
                .body("{\"at\":\"yesterday\"}")
                .when()
                .post("/api/v1/tickets/{id}/unpause", id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("at"));
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json")
                    .body("{\"at\":\"2026-10-03T15:00:00Z\"}")
                    .when()
                    .post("/api/v1/tickets/{id}/pause", id)
                    .then()
                    .statusCode(200)
                    .body("paused", equalTo(true))
                    .body("pauses.size()", equalTo(1));
        }
        given().contentType("application/json")
                .body("{\"at\":\"2026-10-03T16:00:00Z\"}")
                .when()
                .post("/api/v1/tickets/{id}/unpause", id)
                .then()
                .statusCode(200)
                .body("paused", equalTo(false))
                .body("pauses.at", equalTo(java.util.List.of("2026-10-03T15:00:00Z", "2026-10-03T16:00:00Z")))
                .body("pauses.paused", equalTo(java.util.List.of(true, false)));
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/tickets/{id}/pause", "no-such-ticket")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("viewer"))
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/tickets/{id}/pause", id)
                .then()
                .statusCode(403);

        var records = TestKafka.read(Topics.TICKETS, r -> id.equals(r.key()), 4, Duration.ofSeconds(8));
        assertThat(records).hasSize(3);
        assertThat(TestKafka.text(records.get(2)))
                .contains("\"type\":\"TicketPauseChanged\"")
                .contains("\"pauses\":[{\"at\":\"2026-10-03T15:00:00Z\",\"paused\":true},"
                        + "{\"at\":\"2026-10-03T16:00:00Z\",\"paused\":false}]");
    }

    /** SPEC §9: a misspelled field is a 400 naming it; no ticket is opened. */
    @Test
    void aMisspelledFieldIsAProblemNamingIt() {
        String contract = TicketFixtures.contract("api");
        String externalId = "ZD-" + UUID.randomUUID();
        given().contentType("application/json")
                .body(ticket(externalId, contract, "api").replace("\"reportedAt\"", "\"reportedOn\""))
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("reportedOn"));
        given().when()
                .get("/api/v1/tickets?contractId={c}", contract)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void resolvingClosesOnceAndPublishesTheResolution() {
        String contract = TicketFixtures.contract("api");
        String id = open("ZD-" + UUID.randomUUID(), contract, "api");
        given().contentType("application/json")
                .body("{\"resolvedAt\":\"2026-10-03T14:00:00Z\"}")
                .when()
                .post("/api/v1/tickets/{id}/resolve", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("resolvedAt"));
        given().contentType("application/json")
                .body("{\"resolvedAt\":\"2026-10-03T16:00:00Z\"}")
                .when()
                .post("/api/v1/tickets/{id}/resolve", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedAt", equalTo("2026-10-03T16:00:00Z"));
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/tickets/{id}/resolve", id)
                .then()
                .statusCode(200)
                .body("resolvedAt", equalTo("2026-10-03T16:00:00Z"));
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/tickets/{id}/resolve", "no-such-ticket")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        var records = TestKafka.read(Topics.TICKETS, r -> id.equals(r.key()), 3, Duration.ofSeconds(8));
        assertThat(records).hasSize(2);
        assertThat(TestKafka.text(records.get(1)))
                .contains("\"type\":\"TicketResolved\"")
                .contains("2026-10-03T16:00:00Z");
    }

    @Test
    void aPriorityDefaultsToP3AndTheFirstResponseCounts() {
        String contract = TicketFixtures.contract("api");
        String id = open("ZD-" + UUID.randomUUID(), contract, "api");
        given().when().get("/api/v1/tickets/{id}", id).then().statusCode(200).body("priority", equalTo("P3"));
        given().contentType("application/json")
                .body("{\"respondedAt\":\"2026-10-03T14:00:00Z\"}")
                .when()
                .post("/api/v1/tickets/{id}/respond", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("respondedAt"));
        given().contentType("application/json")
                .body("{\"respondedAt\":\"2026-10-03T14:35:00Z\"}")
                .when()
                .post("/api/v1/tickets/{id}/respond", id)
                .then()
                .statusCode(200)
                .body("respondedAt", equalTo("2026-10-03T14:35:00Z"))
                .body("status", equalTo("OPEN"));
        // a later response changes nothing: only the first counts
        given().contentType("application/json")
                .body("{\"respondedAt\":\"2026-10-03T15:00:00Z\"}")
                .when()
                .post("/api/v1/tickets/{id}/respond", id)
                .then()
                .statusCode(200)
                .body("respondedAt", equalTo("2026-10-03T14:35:00Z"));
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/tickets/{id}/respond", "no-such-ticket")
                .then()
                .statusCode(404);

        var records = TestKafka.read(Topics.TICKETS, r -> id.equals(r.key()), 3, Duration.ofSeconds(8));
        assertThat(records).hasSize(2);
        assertThat(TestKafka.text(records.get(1)))
                .contains("\"type\":\"TicketResponded\"")
                .contains("\"respondedAt\":\"2026-10-03T14:35:00Z\"")
                .contains("\"priority\":\"P3\"");
    }

    @Test
    void aP1TicketKeepsItsPriority_aP5IsA400() {
        String contract = TicketFixtures.contract("api");
        String body = ticket("ZD-" + UUID.randomUUID(), contract, "api").replace("}", ",\"priority\":\"P1\"}");
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> id[0] = given().contentType("application/json")
                        .body(body)
                        .when()
                        .post("/api/v1/tickets")
                        .then()
                        .statusCode(201)
                        .body("priority", equalTo("P1"))
                        .extract()
                        .path("id"));
        given().contentType("application/json")
                .body(ticket("ZD-" + UUID.randomUUID(), contract, "api").replace("}", ",\"priority\":\"P5\"}"))
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("priority"));
    }

    @Test
    void ticketsAreListedPerContract() {
        String contract = TicketFixtures.contract("api", "web");
        String first = open("ZD-" + UUID.randomUUID(), contract, "api");
        String second = open("ZD-" + UUID.randomUUID(), contract, "web");
        given().when()
                .get("/api/v1/tickets?contractId={c}", contract)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("id", hasItems(first, second));
        given().when().get("/api/v1/tickets").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownContractsAndUncoveredServicesAre422() {
        String contract = TicketFixtures.contract("api");
        open("ZD-" + UUID.randomUUID(), contract, "api"); // the view has the contract now
        given().contentType("application/json")
                .body(ticket("ZD-" + UUID.randomUUID(), contract, "web"))
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("serviceId"));
        given().contentType("application/json")
                .body(ticket("ZD-" + UUID.randomUUID(), "no-such-contract", "api"))
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("contractId"));
    }

    @Test
    void invalidTicketsAreProblemsNamingEachField() {
        given().contentType("application/json")
                .body("{\"externalId\":\"\",\"contractId\":\"ACME!\",\"serviceId\":\"api\",\"kind\":\"OUTAGE\"}")
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("externalId", "contractId"));
        given().contentType("application/json")
                .body("{\"externalId\":\"x\",\"contractId\":\"acme\",\"serviceId\":\"api\",\"kind\":\"FIRE\"}")
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
        given().contentType("application/json")
                .body("[1,2")
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body("{\"externalId\":\"" + "x".repeat(100_000)
                        + "\",\"contractId\":\"acme\",\"serviceId\":\"api\",\"kind\":\"OUTAGE\"}")
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body(
                        "{\"externalId\":\"x\",\"contractId\":\"acme\",\"serviceId\":\"api\",\"kind\":\"OUTAGE\",\"reportedAt\":\"2999-01-01T00:00:00Z\"}")
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reportedAt"));
    }

    @Test
    void unknownTicketIsNotFound() {
        given().when()
                .get("/api/v1/tickets/{id}", "nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void operationalEndpointsAnswer() {
        OperationalEndpoints.assertAnswered();
    }

    @Test
    void reportedAtDefaultsToNow() {
        String contract = TicketFixtures.contract("api");
        Instant before = now().minusSeconds(1);
        String body = "{\"externalId\":\"ZD-" + UUID.randomUUID() + "\",\"contractId\":\"" + contract
                + "\",\"serviceId\":\"api\",\"kind\":\"REQUEST\"}";
        String[] reported = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> reported[0] = given().contentType("application/json")
                        .body(body)
                        .when()
                        .post("/api/v1/tickets")
                        .then()
                        .statusCode(201)
                        .body("kind", equalTo("REQUEST"))
                        .extract()
                        .path("reportedAt"));
        Instant at = Instant.parse(reported[0]);
        assertThat(at).isAfterOrEqualTo(before).isBeforeOrEqualTo(clock.instant());
    }

    /**
     * Ticket identity is (source, contract, externalId): another customer's ticket under the same
     * externalId is neither returned nor overwritten; each contract gets its own.
     */
    @Test
    void theSameExternalIdUnderTwoContractsIsTwoTicketsAndNeitherShowsTheOther() {
        String acme = TicketFixtures.contract("api");
        String globex = TicketFixtures.contract("api");
        String externalId = "ZD-" + UUID.randomUUID();
        String first = open(externalId, acme, "api");
        String second = open(externalId, globex, "api");

        assertThat(second).isNotEqualTo(first);
        given().when()
                .get("/api/v1/tickets/{id}", second)
                .then()
                .body("contractId", equalTo(globex))
                .body("source", equalTo("API"));
        given().when()
                .get("/api/v1/tickets?contractId={c}", acme)
                .then()
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(first));
        // Posting again under either contract finds that contract's ticket, and only it.
        given().contentType("application/json")
                .body(ticket(externalId, globex, "api"))
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("id", equalTo(second))
                .body("contractId", equalTo(globex));
    }
}
