package com.slaledger.notification.webhook;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.events.EventJson;

/**
 * What a webhook posts (SPEC §18). {@code standard}: {@code {"type": "sla.shortfall", "timestamp":
 * <when the notice was made>, "data": {noticeId, kind, contractId, period, ... the event's figures}}};
 * {@code slack}: {@code {"text": <the notice's subject>}}. Made from the stored notice alone, so
 * every retry posts the same bytes.
 */
public final class WebhookMessage {

    private WebhookMessage() {}

    /** {@code sla.} and the notice kind in lower case: sla.shortfall, sla.statement, ... */
    public static String type(String kind) {
        return "sla." + kind.toLowerCase(Locale.ROOT);
    }

    public static String standard(
            String noticeId, String kind, String contractId, String period, String payload, Instant at) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("type", type(kind));
        body.put("timestamp", at.toString());
        ObjectNode data = body.putObject("data");
        data.put("noticeId", noticeId);
        data.put("kind", kind);
        data.put("contractId", contractId);
        data.put("period", period);
        try {
            JsonNode event = EventJson.mapper().readTree(payload);
            event.fields().forEachRemaining(f -> {
                if (!data.has(f.getKey())) {
                    data.set(f.getKey(), f.getValue());
                }
            });
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice payload is unreadable", e);
        }
    }

    public static String slack(String text) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("text", text);
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
