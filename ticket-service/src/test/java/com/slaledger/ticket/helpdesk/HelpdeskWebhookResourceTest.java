package com.slaledger.ticket.helpdesk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.slaledger.client.LocalTokens;
import com.slaledger.testing.PinnedClock;
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
import static org.hamcrest.Matchers.startsWith;

/** Zendesk and Jira webhooks create and resolve tickets, with no glue code in between. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
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

    /**
     * SPEC §12: a help-desk token limited to contract A cannot resolve or respond to contract B's
     * ticket through a webhook (the REST resolve and respond check it too): 403, and B's ticket
     * stays as it was. Before, the webhooks checked the limit only when opening.
     */
    @Test
    void aTokenLimitedToOneContractCannotResolveAnothersTicket() throws Exception {
        String mine = TicketFixtures.contract("api");
        String theirs = TicketFixtures.contract("api");
        String zid = Long.toString(System.nanoTime());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> hook("zendesk", "zendesk-created.json", zid, theirs)
                .statusCode(201));
        String limited = TestTokens.token(LocalTokens.Grant.helpdesk(mine));
        for (String sample : List.of("zendesk-solved.json", "zendesk-comment-agent.json")) {
            given().auth()
                    .oauth2(limited)
                    .contentType("application/json")
                    .body(HelpdeskSamples.text(sample, zid, theirs))
                    .when()
                    .post("/api/v1/webhooks/zendesk")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().when()
                .get("/api/v1/tickets?contractId={c}", theirs)
                .then()
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].respondedAt", equalTo(null));
        // the same token on its own contract's ticket: taken
        String own = Long.toString(System.nanoTime());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> hook("zendesk", "zendesk-created.json", own, mine)
                .statusCode(201));
        given().auth()
                .oauth2(limited)
                .contentType("application/json")
                .body(HelpdeskSamples.text("zendesk-solved.json", own, mine))
                .when()
                .post("/api/v1/webhooks/zendesk")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));
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

    /**
     * Zendesk's priority chooses the support target (URGENT is P1) and the first public reply by an
     * agent is the first response (SPEC §5.2, §13.2): the requester's own comment and an internal
     * note are not, and a later reply changes nothing.
     */
    @Test
    void zendeskPriorityAndTheFirstPublicAgentReply() throws Exception {
        String contract = TicketFixtures.contract("api");
        String zid = Long.toString(System.nanoTime());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> hook("zendesk", "zendesk-created.json", zid, contract)
                        .statusCode(201)
                        .body("priority", equalTo("P1")));
        for (String notAResponse : List.of("zendesk-comment-requester.json", "zendesk-comment-internal.json")) {
            hook("zendesk", notAResponse, zid, contract)
                    .statusCode(200)
                    .body("ignored", startsWith("not a public reply by an agent"));
        }
        for (String reply : List.of("zendesk-comment-agent.json", "zendesk-comment-agent-later.json")) {
            hook("zendesk", reply, zid, contract).statusCode(200).body("respondedAt", equalTo("2026-10-03T14:32:00Z"));
        }
        given().when()
                .get("/api/v1/tickets?contractId={c}", contract)
                .then()
                .body("[0].priority", equalTo("P1"))
                .body("[0].respondedAt", equalTo("2026-10-03T14:32:00Z"));
    }

    /**
     * Jira's priority names map onto P1-P4 (High is P2); the first transition out of the initial
     * status is the first response, an update that moves no status is not, and resolving later
     * keeps it.
     */
    @Test
    void jiraPriorityAndTheFirstTransition() throws Exception {
        String contract = TicketFixtures.contract("api");
        String key = "SUP-" + System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> hook("jira", "jira-created.json", key, contract)
                .statusCode(201)
                .body("priority", equalTo("P2")));
        hook("jira", "jira-assigned.json", key, contract)
                .statusCode(200)
                .body("ignored", startsWith("status category indeterminate"));
        hook("jira", "jira-transitioned.json", key, contract)
                .statusCode(200)
                .body("respondedAt", equalTo("2026-10-03T14:30:00Z"));
        hook("jira", "jira-resolved.json", key, contract)
                .statusCode(200)
                .body("resolvedAt", equalTo("2026-10-03T16:00:00Z"))
                .body("respondedAt", equalTo("2026-10-03T14:30:00Z"));
    }

    /** Posts a help desk's sample payload (for that ticket id and contract) to its webhook. */
    private static io.restassured.response.ValidatableResponse hook(
            String helpdesk, String sample, String id, String contract) throws java.io.IOException {
        return given().contentType("application/json")
                .body(HelpdeskSamples.text(sample, id, contract))
                .when()
                .post("/api/v1/webhooks/" + helpdesk)
                .then();
    }

    @Test
    void eventsAboutNothingTrackedAreAcknowledgedAndIgnored() throws Exception {
        given().contentType("application/json")
                .body("{\"type\":\"zen:event-type:ticket.priority_changed\",\"detail\":{\"id\":\"9\"}}")
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

    /**
     * A help desk retrying one delivery several times at once records one ticket and answers every
     * retry without an error (the loser of the unique key finds the winner's ticket).
     */
    @Test
    void concurrentRetriesOfOneNewTicketAreOneTicketAndNoError() throws Exception {
        String contract = TicketFixtures.contract("api");
        String zid = Long.toString(System.nanoTime());
        String body = HelpdeskSamples.text("zendesk-created.json", zid, contract);
        // the contract view first (a 422 until it has caught up)
        String other = HelpdeskSamples.text("zendesk-created.json", zid + "0", contract);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().contentType("application/json")
                .body(other)
                .post("/api/v1/webhooks/zendesk")
                .then()
                .statusCode(201));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> given().contentType("application/json")
                        .body(body)
                        .post("/api/v1/webhooks/zendesk")
                        .then()
                        .extract()
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        given().when()
                .get("/api/v1/tickets?contractId={c}", contract)
                .then()
                .body("externalId", hasItems("zendesk:" + zid))
                .body("size()", equalTo(2));
    }

    /** Two Jira sites numbering alike: one key under two contracts is two tickets, resolved apart. */
    @Test
    void oneJiraKeyUnderTwoContractsIsTwoTicketsResolvedApart() throws Exception {
        String acme = TicketFixtures.contract("api");
        String globex = TicketFixtures.contract("api");
        String key = "SUP-" + System.nanoTime();
        for (String contract : List.of(acme, globex)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().contentType("application/json")
                    .body(HelpdeskSamples.text("jira-created.json", key, contract))
                    .post("/api/v1/webhooks/jira")
                    .then()
                    .statusCode(201)
                    .body("contractId", equalTo(contract)));
        }
        given().contentType("application/json")
                .body(HelpdeskSamples.text("jira-resolved.json", key, globex))
                .post("/api/v1/webhooks/jira")
                .then()
                .statusCode(200)
                .body("contractId", equalTo(globex))
                .body("status", equalTo("RESOLVED"));
        given().when()
                .get("/api/v1/tickets?contractId={c}", acme)
                .then()
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("OPEN"));
    }
}
