package com.slaledger.ticket.rest;

import java.time.Duration;
import java.util.UUID;

import com.slaledger.events.Topics;
import com.slaledger.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Tickets are stored in the real database and announced on the real broker through the outbox. */
@QuarkusTest
class TicketResourceTest {

    private static String ticket(String externalId) {
        return "{\"externalId\":\"" + externalId + "\",\"contractId\":\"acme\",\"serviceId\":\"api\","
                + "\"kind\":\"OUTAGE\",\"subject\":\"API returns 503\",\"reportedAt\":\"2026-10-03T14:20:00.600Z\"}";
    }

    @Test
    void aNewTicketIsStoredAndPublishedOnce() {
        String externalId = "ZD-" + UUID.randomUUID();
        String id = given().contentType("application/json")
                .body(ticket(externalId))
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(201)
                .body("externalId", equalTo(externalId))
                .body("reportedAt", equalTo("2026-10-03T14:20:00Z"))
                .body("status", equalTo("OPEN"))
                .extract()
                .path("id");

        given().contentType("application/json")
                .body(ticket(externalId))
                .when()
                .post("/api/v1/tickets")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().when().get("/api/v1/tickets/{id}", id).then().statusCode(200).body("externalId", equalTo(externalId));

        var records = TestKafka.read(Topics.TICKETS, r -> id.equals(r.key()), 2, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        assertThat(TestKafka.text(records.get(0)))
                .contains("\"type\":\"TicketOpened\"")
                .contains(externalId);
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
}
