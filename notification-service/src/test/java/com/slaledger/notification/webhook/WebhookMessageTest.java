package com.slaledger.notification.webhook;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.EventJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookMessageTest {

    private static final String PAYLOAD =
            "{\"contractId\":\"acme\",\"period\":\"2026-11\",\"creditPercent\":10,\"idempotencyKey\":\"acme/2026-11/x\"}";

    @Test
    void theStandardBodyIsTheTypeTheTimeAndTheNoticesFigures() throws Exception {
        String body = WebhookMessage.standard(
                "n-1", "SHORTFALL", "acme", "2026-11", PAYLOAD, Instant.parse("2026-11-03T01:00:04Z"));
        JsonNode json = EventJson.mapper().readTree(body);
        assertThat(json.get("type").asText()).isEqualTo("sla.shortfall");
        assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-03T01:00:04Z");
        assertThat(json.get("data").get("noticeId").asText()).isEqualTo("n-1");
        assertThat(json.get("data").get("kind").asText()).isEqualTo("SHORTFALL");
        assertThat(json.get("data").get("creditPercent").asInt()).isEqualTo(10);
        // every retry posts the same bytes, so that one signature scheme and one webhook-id fit all
        assertThat(WebhookMessage.standard(
                        "n-1", "SHORTFALL", "acme", "2026-11", PAYLOAD, Instant.parse("2026-11-03T01:00:04Z")))
                .isEqualTo(body);
    }

    @Test
    void slackIsATextMessage() throws Exception {
        JsonNode json = EventJson.mapper().readTree(WebhookMessage.slack("SLA shortfall: \"acme\""));
        assertThat(json.get("text").asText()).isEqualTo("SLA shortfall: \"acme\"");
        assertThat(json.size()).isEqualTo(1);
    }
}
