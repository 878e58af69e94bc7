package com.slaledger.notification.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it: everything but the secret. */
@Schema(description = "A webhook subscription; the secret is never shown")
public record WebhookView(
        @Schema(example = "billing") String id,
        @Schema(example = "https://billing.example/hooks/sla") String url,
        @Schema(example = "[\"SHORTFALL\", \"STATEMENT\", \"CREDIT\"]") List<String> events,
        @Schema(description = "Empty: every contract", example = "[\"acme\"]") List<String> contracts,
        @Schema(example = "standard") String format,
        @Schema(description = "false once the receiver answered 410 Gone; putting the subscription again enables it")
                boolean enabled,
        @Schema(example = "the receiver answered 410 Gone at 2026-11-03T01:00:04Z") String disabledReason,
        @Schema(description = "Whether a secret is stored (standard subscriptions sign with it)") boolean secretSet,
        Instant createdAt,
        Instant updatedAt) {

    static WebhookView of(Webhook w) {
        return new WebhookView(
                w.id(),
                w.url(),
                w.events(),
                w.contracts(),
                w.format().wire(),
                w.enabled(),
                w.disabledReason(),
                w.secret() != null,
                w.createdAt(),
                w.updatedAt());
    }
}
