package com.slaledger.notification.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription (SPEC §18): the kinds of notice it wants, for which contracts (empty:
 * all), posted in which format. The secret is kept to sign with and never shown.
 */
public record Webhook(
        String id,
        String url,
        List<String> events,
        List<String> contracts,
        WebhookFormat format,
        String secret,
        boolean enabled,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt) {}
