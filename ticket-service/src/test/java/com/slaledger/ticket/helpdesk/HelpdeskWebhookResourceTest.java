package com.slaledger.ticket.helpdesk;

import java.time.Duration;

import com.slaledger.ticket.TicketFixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Zendesk and Jira webhooks create and resolve tickets, with no glue code in between. */
@QuarkusTest
class HelpdeskWebhookResourceTest {

    @Test
    void zendeskCreatesThenSolves() throws Exception {
        String contract = TicketFixtures.contract("api");
        String zid = Long.toString(System.nanoTime());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().contentType("application/json")
                .body(HelpdeskSamples.text("zendesk-created.json", zid, contract))
                .when()
                .post("/api/v1/webhooks/zendesk")
                .then()
                .statusCode(201)
                .body("externalId", equalTo("zendesk:" + zid))
                .body("kind", equalTo("OUTAGE")));
        given().contentType("application/json")
                .body(HelpdeskSamples.text("zendesk-solved.json", zid, contract))
                .when()
                .post("/api/v1/webhooks/zendesk")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedAt", equalTo("2026-10-03T16:00:00Z"));
        given().when().get("/api/v1/tickets?contractId={c}", contract).then().body("size()", equalTo(1));
    }

    @Test
    void jiraCreatesThenResolves() throws Exception {
        String contract = TicketFixtures.contract("api");
        String key = "SUP-" + System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().contentType("application/json")
                .body(HelpdeskSamples.text("jira-created.json", key, contract))
                .when()
                .post("/api/v1/webhooks/jira")
                .then()
                .statusCode(201)
                .body("externalId", equalTo("jira:" + key))
                .body("kind", equalTo("REQUEST")));
        given().contentType("application/json")
                .body(HelpdeskSamples.text("jira-resolved.json", key, contract))
                .when()
                .post("/api/v1/webhooks/jira")
                .then()
                .statusCode(200)
                .body("resolvedAt", equalTo("2026-10-03T16:00:00Z"));
    }

    @Test
    void eventsAboutNothingTrackedAreAcknowledgedAndIgnored() throws Exception {
        given().contentType("application/json")
                .body("{\"type\":\"zen:event-type:ticket.comment_added\",\"detail\":{\"id\":\"9\"}}")
                .when()
                .post("/api/v1/webhooks/zendesk")
                .then()
                .statusCode(200)
                .body("ignored", startsWith("event type"));
        given().contentType("application/json")
                .body(HelpdeskSamples.text("jira-resolved.json", "NOPE-1", "acme"))
                .when()
                .post("/api/v1/webhooks/jira")
                .then()
                .statusCode(200)
                .body("ignored", startsWith("no ticket"));
        given().contentType("application/json")
                .body("{not json")
                .when()
                .post("/api/v1/webhooks/jira")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyThatIsNotAnEventObjectIsABadRequest() {
        for (String hook : new String[] {"zendesk", "jira"}) {
            for (String body : new String[] {"[\"ticket\"]", "\"ticket\"", "42"}) {
                given().contentType("application/json")
                        .body(body)
                        .when()
                        .post("/api/v1/webhooks/" + hook)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("violations[0].field", equalTo("body"));
            }
        }
    }
}
