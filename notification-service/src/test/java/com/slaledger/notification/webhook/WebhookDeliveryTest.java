package com.slaledger.notification.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.WebhookReceiver;
import com.slaledger.events.EventJson;
import com.slaledger.events.Topics;
import com.slaledger.notification.notice.NoticeFixtures;
import com.slaledger.testing.SmtpServerResource;
import com.slaledger.testing.TestKafka;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Webhooks (SPEC §18) against receivers on this machine's loopback: signed, retried with the same
 * webhook-id, 410 disables, slack messages, and URLs refused without a connection.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(SmtpServerResource.class)
class WebhookDeliveryTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Path VERIFIER = Path.of("..", "deploy", "local", "standard-webhooks-verify.py");

    private static void subscribe(String webhookId, String url, String contractId, String format, String secret) {
        given().contentType(ContentType.JSON)
                .body(new WebhookRequest(url, List.of("SHORTFALL", "STATEMENT"), List.of(contractId), format, secret))
                .put("/api/v1/webhooks/" + webhookId)
                .then()
                .statusCode(201)
                .body("enabled", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
    }

    @Test
    void aShortfallIsPostedSignedAndRetriedWithTheSameWebhookId() throws Exception {
        String id = NoticeFixtures.newContractId();
        try (WebhookReceiver receiver = WebhookReceiver.start("127.0.0.1", 500)) {
            subscribe("wh-" + id, receiver.url(), id, null, SECRET);
            TestKafka.send(Topics.CONTRACTS, id, NoticeFixtures.contract(id, id + "@customer.example"));
            TestKafka.send(Topics.SHORTFALLS, id, NoticeFixtures.shortfall(id));
            TestKafka.send(Topics.SHORTFALLS, id, NoticeFixtures.shortfall(id)); // the same event again

            // the first attempt answered 500; the retry (after notification.retry.initial, 1 s here) 204
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() >= 2);
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(6))
                    .until(() -> receiver.received().size() == 2);
            List<WebhookReceiver.Received> got = receiver.received();
            assertThat(got.get(1).header("webhook-id"))
                    .startsWith("msg_")
                    .isEqualTo(got.get(0).header("webhook-id"));
            assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
            for (WebhookReceiver.Received r : got) {
                assertThat(WebhookReceiver.verify(VERIFIER, SECRET, r))
                        .as("signature of %s", r.headers())
                        .isTrue();
                // a wrong secret does not verify: the check can fail
                assertThat(WebhookReceiver.verify(VERIFIER, "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", r))
                        .isFalse();
            }
            JsonNode body = EventJson.mapper().readTree(got.get(0).body());
            assertThat(body.get("type").asText()).isEqualTo("sla.shortfall");
            assertThat(body.get("data").get("contractId").asText()).isEqualTo(id);
            assertThat(body.get("data").get("creditPercent").decimalValue()).isEqualByComparingTo("10");

            given().get("/api/v1/webhooks/wh-" + id + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].webhookMessageId", equalTo(got.get(0).header("webhook-id")))
                    .body("[0].status", equalTo("DELIVERED"))
                    .body("[0].attempts", equalTo(2))
                    .body("[0].lastStatus", equalTo(204));
        }
    }

    @Test
    void aGoneReceiverDisablesTheSubscription() throws Exception {
        String id = NoticeFixtures.newContractId();
        try (WebhookReceiver receiver = WebhookReceiver.start("127.0.0.1", 410)) {
            subscribe("wh-" + id, receiver.url(), id, "standard", SECRET);
            TestKafka.send(Topics.CONTRACTS, id, NoticeFixtures.contract(id, id + "@customer.example"));
            TestKafka.send(Topics.SHORTFALLS, id, NoticeFixtures.shortfall(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> !given().get("/api/v1/webhooks/wh-" + id)
                    .then()
                    .extract()
                    .<Boolean>path("enabled"));
            given().get("/api/v1/webhooks/wh-" + id)
                    .then()
                    .body("disabledReason", org.hamcrest.Matchers.containsString("410"));
            TestKafka.send(Topics.STATEMENTS, id, NoticeFixtures.statement(id, 1, false));
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().size() == 1);
            given().get("/api/v1/webhooks/wh-" + id + "/deliveries")
                    .then()
                    .body("status", hasItem("FAILED"))
                    .body("lastStatus", hasItem(410));
        }
    }

    @Test
    void aSlackSubscriptionGetsTheSubjectAsTextUnsigned() throws Exception {
        String id = NoticeFixtures.newContractId();
        try (WebhookReceiver receiver = WebhookReceiver.start("127.0.0.1")) {
            subscribe("wh-" + id, receiver.url(), id, "slack", null);
            TestKafka.send(Topics.CONTRACTS, id, NoticeFixtures.contract(id, id + "@customer.example"));
            TestKafka.send(Topics.STATEMENTS, id, NoticeFixtures.statement(id, 1, true));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received r = receiver.received().get(0);
            assertThat(r.header("webhook-signature")).isNull();
            JsonNode body = EventJson.mapper().readTree(r.body());
            assertThat(body.fieldNames()).toIterable().containsExactly("text");
            assertThat(body.get("text").asText()).contains(id).contains("2026-10");
        }
    }

    /**
     * 127.0.0.2 is loopback but not in notification.webhooks.allowed-hosts (localhost, 127.0.0.1
     * here): plain http to it is refused, and https to it too, for its address; a listener there
     * gets nothing. 169.254.169.254 is refused as a literal, without any connection.
     */
    @Test
    void refusedUrlsAreProblemsAndNothingIsPosted() throws Exception {
        String id = NoticeFixtures.newContractId();
        try (WebhookReceiver listener = WebhookReceiver.start("127.0.0.2")) {
            String port = listener.url().replaceAll(".*:(\\d+)/.*", "$1");
            for (String url : List.of(
                    listener.url(),
                    "https://127.0.0.2:" + port + "/hook",
                    "https://169.254.169.254/latest/meta-data")) {
                given().contentType(ContentType.JSON)
                        .body(new WebhookRequest(url, List.of("SHORTFALL"), List.of(id), null, SECRET))
                        .put("/api/v1/webhooks/wh-" + id)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("violations[0].field", equalTo("url"));
            }
            given().get("/api/v1/webhooks/wh-" + id).then().statusCode(404);
            TestKafka.send(Topics.CONTRACTS, id, NoticeFixtures.contract(id, id + "@customer.example"));
            TestKafka.send(Topics.SHORTFALLS, id, NoticeFixtures.shortfall(id));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> listener.received()
                    .isEmpty());
        }
    }

    @Test
    void badSubscriptionsNameTheirFields() {
        given().contentType(ContentType.JSON)
                .body(new WebhookRequest(
                        "ftp://billing.example/", List.of("SHORTFALL", "LUNCH"), List.of("a b"), "xml", "nope"))
                .put("/api/v1/webhooks/bad")
                .then()
                .statusCode(400)
                .body(
                        "violations.field",
                        org.hamcrest.Matchers.hasItems("url", "events[1]", "contracts[0]", "format", "secret"));
        given().contentType(ContentType.JSON)
                .body(new WebhookRequest("http://127.0.0.1:9/", List.of("SHORTFALL"), null, null, null))
                .put("/api/v1/webhooks/bad")
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("secret"));
        given().get("/api/v1/webhooks/bad").then().statusCode(404);
    }

    @Test
    void onlyOperatorsSeeOrChangeWebhooks() {
        for (String role : List.of("viewer", "customer", "probe")) {
            given().auth()
                    .oauth2(TestTokens.token(role))
                    .get("/api/v1/webhooks")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.token(role))
                    .contentType(ContentType.JSON)
                    .body(new WebhookRequest("http://127.0.0.1:9/", List.of("SHORTFALL"), null, null, SECRET))
                    .put("/api/v1/webhooks/x")
                    .then()
                    .statusCode(403);
        }
        given().auth().none().get("/api/v1/webhooks").then().statusCode(401);
    }
}
