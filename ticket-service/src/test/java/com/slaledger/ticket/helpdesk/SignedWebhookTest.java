package com.slaledger.ticket.helpdesk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestTokens;
import com.slaledger.ticket.TicketFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the help desks' secrets configured, a webhook request without a bearer token is taken only
 * with a valid signature, made here the way each vendor documents it; anything else is a 401
 * problem and records nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(SignedWebhookTest.WithSecrets.class)
class SignedWebhookTest {

    /** The service's clock (pinned: this class's data has fixed dates). */
    @Inject
    Clock clock;

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static final String ZENDESK_SECRET = "zendesk-signing-secret";
    static final String JIRA_SECRET = "jira-webhook-secret";

    /** The help desks' secrets, at the pinned instant (the payloads' dates are fixed). */
    public static class WithSecrets extends PinnedClock {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("ticket.helpdesk.zendesk-secret", ZENDESK_SECRET);
            config.put("ticket.helpdesk.jira-secret", JIRA_SECRET);
            return config;
        }
    }

    private static byte[] hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void zendeskSignedIsRecordedAndUnsignedOrStaleIsRefused() throws Exception {
        String contract = TicketFixtures.contract("api");
        String zid = Long.toString(System.nanoTime());
        String body = HelpdeskSamples.text("zendesk-created.json", zid, contract);
        String now = now().toString();

        given().auth()
                .none()
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/webhooks/zendesk")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        String stale = now().minus(Duration.ofMinutes(6)).toString();
        given().auth()
                .none()
                .contentType("application/json")
                .header(
                        "X-Zendesk-Webhook-Signature",
                        Base64.getEncoder().encodeToString(hmac(ZENDESK_SECRET, stale + body)))
                .header("X-Zendesk-Webhook-Signature-Timestamp", stale)
                .body(body)
                .when()
                .post("/api/v1/webhooks/zendesk")
                .then()
                .statusCode(401)
                .body("detail", equalTo("the signature's timestamp is more than 5 minutes off"));
        given().auth()
                .none()
                .contentType("application/json")
                .header("X-Zendesk-Webhook-Signature", Base64.getEncoder().encodeToString(hmac("wrong", now + body)))
                .header("X-Zendesk-Webhook-Signature-Timestamp", now)
                .body(body)
                .when()
                .post("/api/v1/webhooks/zendesk")
                .then()
                .statusCode(401);
        given().when().get("/api/v1/tickets?contractId={c}", contract).then().body("size()", equalTo(0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String at = now().toString();
            given().auth()
                    .none()
                    .contentType("application/json")
                    .header(
                            "X-Zendesk-Webhook-Signature",
                            Base64.getEncoder().encodeToString(hmac(ZENDESK_SECRET, at + body)))
                    .header("X-Zendesk-Webhook-Signature-Timestamp", at)
                    .body(body)
                    .when()
                    .post("/api/v1/webhooks/zendesk")
                    .then()
                    .statusCode(201)
                    .body("externalId", equalTo("zendesk:" + zid))
                    .body("source", equalTo("ZENDESK"));
        });
    }

    @Test
    void jiraSignedIsRecordedAndBadlySignedIsRefused() throws Exception {
        String contract = TicketFixtures.contract("api");
        String key = "SUP-" + System.nanoTime();
        String body = HelpdeskSamples.text("jira-created.json", key, contract);

        given().auth()
                .none()
                .contentType("application/json")
                .header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(hmac("wrong", body)))
                .body(body)
                .when()
                .post("/api/v1/webhooks/jira")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .none()
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/webhooks/jira")
                .then()
                .statusCode(401);
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(JIRA_SECRET, body));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .none()
                .contentType("application/json")
                .header("X-Hub-Signature", signature)
                .body(body)
                .when()
                .post("/api/v1/webhooks/jira")
                .then()
                .statusCode(201)
                .body("externalId", equalTo("jira:" + key))
                .body("source", equalTo("JIRA")));
    }

    /**
     * SPEC §12, replay: Jira's signature covers the body, not a time, so a captured delivery sent
     * again is a 409 and changes nothing: by its X-Atlassian-Webhook-Identifier, or without one by
     * the body's hash. Before, the same signed "resolved" could be sent again at will.
     */
    @Test
    void aSignedJiraDeliverySentAgainIsRefused() throws Exception {
        String contract = TicketFixtures.contract("api");
        String key = "SUP-" + System.nanoTime();
        String created = HelpdeskSamples.text("jira-created.json", key, contract);
        String delivery = "delivery-" + key;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> signedJira(created, delivery).then().statusCode(201));
        signedJira(created, delivery)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sla-ledger:problem:conflict"));
        // the same event in another delivery (Jira sends it anew) is acted on as before: unchanged
        signedJira(created, delivery + "-2").then().statusCode(200);

        String resolved = HelpdeskSamples.text("jira-resolved.json", key, contract);
        signedJira(resolved, null).then().statusCode(200).body("resolvedAt", org.hamcrest.Matchers.notNullValue());
        signedJira(resolved, null).then().statusCode(409);
    }

    private static io.restassured.response.Response signedJira(String body, String deliveryId) throws Exception {
        var request = given().auth()
                .none()
                .contentType("application/json")
                .header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(hmac(JIRA_SECRET, body)));
        if (deliveryId != null) {
            request = request.header("X-Atlassian-Webhook-Identifier", deliveryId);
        }
        return request.body(body).when().post("/api/v1/webhooks/jira");
    }
}
