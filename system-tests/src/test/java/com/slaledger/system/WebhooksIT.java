package com.slaledger.system;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.client.SlaClient;
import com.slaledger.client.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks through the whole system (SPEC §18): an outage the ledger judges becomes a warning and
 * a shortfall, an earlier period's statement is issued, and each is posted to the billing system's
 * receiver on loopback, signed as Standard Webhooks say and checked by the specification's
 * algorithm in Python (not the code that signs); the receiver's first answer is a 500, and the
 * retry carries the same webhook-id. A Slack subscription gets each notice's subject. A listener on
 * 127.0.0.2 (loopback, but not among the stack's allowed hosts) cannot be subscribed and receives
 * nothing; nothing here connects anywhere but this machine's loopback.
 */
@ExtendWith(SystemStack.class)
class WebhooksIT {

    private static final String CONTRACT = "sys-hooks";
    private static final String SERVICE = "sys-hooks-svc";
    private static final Path VERIFIER = Path.of("..", "deploy", "local", "standard-webhooks-verify.py");

    private final SlaClient api = SystemStack.client();

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private SlaClient.Reply subscribe(String id, String url, String format, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", List.of("SHORTFALL", "WARNING", "STATEMENT"));
        body.put("contracts", List.of(CONTRACT));
        body.put("format", format);
        if (secret != null) {
            body.put("secret", secret);
        }
        return api.putJson(SystemStack.ENDPOINTS.notification() + "/api/v1/webhooks/" + id, body);
    }

    @Test
    void eachNoticeIsPostedSignedOncePerSubscriptionAndRetriedWithItsWebhookId() throws Exception {
        String secret = secret();
        try (WebhookReceiver billing = WebhookReceiver.start("127.0.0.1", 500);
                WebhookReceiver slack = WebhookReceiver.start("127.0.0.1");
                WebhookReceiver internal = WebhookReceiver.start("127.0.0.2")) {
            SlaClient.expect(subscribe("sys-billing", billing.url(), "standard", secret), 200, 201);
            SlaClient.expect(subscribe("sys-noc-slack", slack.url(), "slack", null), 200, 201);
            SlaClient.Reply refused = subscribe("sys-internal", internal.url(), "standard", secret);
            assertThat(refused.status()).as(SlaClient.describe(refused)).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"url\"").contains("allowed-hosts");

            // All in the current month (the build runs the system tests just after one begins): 30 s
            // down is 11% of the allowance of 99.99% (267 s in a 31-day month, 241 s in 28 days),
            // past the 10% that warns; with startsOn the month before last's statement is issued at
            // once; then an outage going on since three minutes ago takes it past the allowance
            // (about a minute on: 30 s + 237 s).
            Instant now = SystemStack.afterMonthStart(Duration.ofMinutes(5));
            YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
            Map<String, Object> terms = new LinkedHashMap<>();
            terms.put("customer", Map.of("name", "Hooks Ltd", "noticeEmails", List.of("sla@hooks.example")));
            terms.put("services", List.of(SERVICE));
            terms.put("policy", "PROVIDER_MONITORED");
            terms.put("uptimeTargetPercent", 99.99);
            terms.put("creditTiers", List.of(Map.of("belowPercent", 99.99, "creditPercent", 10)));
            terms.put("alerts", Map.of("emails", List.of("noc@hooks.example"), "allowanceUsedPercent", List.of(10)));
            SlaClient.expect(api.putContract(CONTRACT, terms), 201);
            api.postObservations(
                    List.of(
                            SlaClient.observation(null, SERVICE, "p1", "DOWN", now.minus(Duration.ofMinutes(4))),
                            SlaClient.observation(null, SERVICE, "p1", "UP", now.minus(Duration.ofSeconds(210)))),
                    10);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(kinds()).containsExactly("WARNING"));
            terms.put("startsOn", current.minusMonths(2).atDay(1).toString());
            SlaClient.expect(api.putContract(CONTRACT, terms), 200);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(kinds()).containsExactly("STATEMENT", "WARNING"));
            api.postObservations(
                    List.of(SlaClient.observation(null, SERVICE, "p1", "DOWN", now.minus(Duration.ofMinutes(3)))), 10);

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode notices = api.notices(CONTRACT);
                Set<String> kinds = new TreeSet<>();
                notices.forEach(n -> kinds.add(n.path("kind").asText()));
                assertThat(kinds).containsExactly("SHORTFALL", "STATEMENT", "WARNING");
                // each notice delivered: one webhook-id per notice (the 500 answered is retried)
                assertThat(ids(billing)).hasSize(notices.size());
                assertThat(slack.received()).hasSize(notices.size());
            });
            JsonNode notices = api.notices(CONTRACT);
            List<WebhookReceiver.Received> posts = billing.received();
            // the first POST was answered 500, and retried with the same webhook-id and body
            assertThat(posts).hasSize(notices.size() + 1);
            WebhookReceiver.Received first = posts.get(0);
            List<WebhookReceiver.Received> sameEvent = posts.stream()
                    .filter(p -> p.header("webhook-id").equals(first.header("webhook-id")))
                    .toList();
            assertThat(sameEvent).hasSize(2);
            assertThat(sameEvent.get(1).body()).isEqualTo(first.body());
            for (WebhookReceiver.Received p : posts) {
                assertThat(WebhookReceiver.verify(VERIFIER, secret, p))
                        .as("signature of %s", p.header("webhook-id"))
                        .isTrue();
                assertThat(WebhookReceiver.verify(VERIFIER, secret(), p))
                        .as("another secret's check fails")
                        .isFalse();
            }
            Set<String> types = posts.stream()
                    .map(p -> json(p.body()).path("type").asText())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(types).containsExactly("sla.shortfall", "sla.statement", "sla.warning");
            JsonNode shortfall = posts.stream()
                    .map(p -> json(p.body()))
                    .filter(b -> b.path("type").asText().equals("sla.shortfall"))
                    .findFirst()
                    .orElseThrow();
            assertThat(shortfall.at("/data/contractId").asText()).isEqualTo(CONTRACT);
            assertThat(shortfall.at("/data/period").asText()).isEqualTo(current.toString());
            assertThat(shortfall.at("/data/creditPercent").decimalValue()).isEqualByComparingTo("10");
            assertThat(slack.received())
                    .allSatisfy(p ->
                            assertThat(json(p.body()).path("text").asText()).contains(CONTRACT))
                    .allSatisfy(p -> assertThat(p.header("webhook-signature")).isNull());

            JsonNode log = SlaClient.expect(
                            api.get(SystemStack.ENDPOINTS.notification() + "/api/v1/webhooks/sys-billing/deliveries"),
                            200)
                    .json();
            assertThat(log).hasSize(notices.size());
            assertThat(log).allMatch(d -> d.path("status").asText().equals("DELIVERED"));
            assertThat(log).filteredOn(d -> d.path("attempts").asInt() == 2).hasSize(1);
            assertThat(log)
                    .filteredOn(d -> d.path("attempts").asInt() == 2)
                    .allMatch(d -> d.path("webhookMessageId").asText().equals(first.header("webhook-id")));

            // a while later: nothing more anywhere, and nothing ever reached 127.0.0.2
            SlaClient.pause(Duration.ofSeconds(6));
            assertThat(billing.received()).hasSize(notices.size() + 1);
            assertThat(internal.received()).isEmpty();
        } finally {
            for (String id : List.of("sys-billing", "sys-noc-slack")) {
                api.send("DELETE", SystemStack.ENDPOINTS.notification() + "/api/v1/webhooks/" + id, null, null);
            }
        }
    }

    private static JsonNode json(String body) {
        try {
            return SlaClient.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private Set<String> kinds() {
        Set<String> kinds = new TreeSet<>();
        api.notices(CONTRACT).forEach(n -> kinds.add(n.path("kind").asText()));
        return kinds;
    }

    private static Set<String> ids(WebhookReceiver r) {
        return r.received().stream().map(p -> p.header("webhook-id")).collect(Collectors.toSet());
    }
}
