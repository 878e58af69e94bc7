package com.slaledger.notification.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import com.slaledger.support.rest.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/v1/webhooks/{webhookId}} (SPEC §18). */
@Schema(description = "A webhook subscription: where to post which notices' events, signed with the secret")
public record WebhookRequest(
        @Schema(
                        description = "https, or http to a host in notification.webhooks.allowed-hosts",
                        example = "https://billing.example/hooks/sla")
                String url,
        @Schema(
                        description =
                                "The kinds of notice to post: SHORTFALL, WARNING, STATEMENT, CREDIT, DISPUTE, MAINTENANCE",
                        example = "[\"SHORTFALL\", \"STATEMENT\", \"CREDIT\"]")
                List<String> events,
        @Schema(description = "Only these contracts' events; absent or empty: every contract", example = "[\"acme\"]")
                List<String> contracts,
        @Schema(
                        description =
                                "standard (signed JSON, Standard Webhooks; the default) or slack ({\"text\": ...}, unsigned)",
                        example = "standard")
                String format,
        @Schema(
                        description = "whsec_ and the base64 of 24 to 64 random bytes; write-only, never shown again;"
                                + " required for a new standard subscription, absent keeps the stored one",
                        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                String secret) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The kinds of notice a subscription may want. */
    static final List<String> EVENTS = List.of("SHORTFALL", "WARNING", "STATEMENT", "CREDIT", "DISPUTE", "MAINTENANCE");

    /** What is wrong with the request, field by field, beside the address rule; empty when it is fine. */
    List<Violation> violations(boolean exists, WebhookAddressRule rule) {
        List<Violation> v = new ArrayList<>();
        if (url == null || url.isBlank()) {
            v.add(new Violation("url", "is required"));
        } else if (url.length() > 2000) {
            v.add(new Violation("url", "must be at most 2000 characters"));
        } else {
            try {
                rule.parse(url);
            } catch (WebhookAddressRule.Refused e) {
                v.add(new Violation("url", e.getMessage()));
            }
        }
        if (events == null || events.isEmpty()) {
            v.add(new Violation("events", "is required: one or more of " + EVENTS));
        } else {
            for (int i = 0; i < events.size(); i++) {
                if (!EVENTS.contains(events.get(i))) {
                    v.add(new Violation("events[" + i + "]", "must be one of " + EVENTS));
                }
            }
        }
        if (contracts != null) {
            for (int i = 0; i < contracts.size(); i++) {
                if (contracts.get(i) == null || !ID.matcher(contracts.get(i)).matches()) {
                    v.add(new Violation("contracts[" + i + "]", "must be a contract id (1 to 64 of [A-Za-z0-9._:-])"));
                }
            }
        }
        WebhookFormat f = format == null ? WebhookFormat.STANDARD : WebhookFormat.of(format);
        if (f == null) {
            v.add(new Violation("format", "must be standard or slack"));
        }
        if (secret != null) {
            try {
                WebhookSignature.key(secret);
            } catch (IllegalArgumentException e) {
                v.add(new Violation("secret", e.getMessage()));
            }
        } else if (f == WebhookFormat.STANDARD && !exists) {
            v.add(new Violation("secret", "is required for a new standard subscription (whsec_ and base64)"));
        }
        return v;
    }

    Webhook toWebhook(String id) {
        WebhookFormat f = format == null ? WebhookFormat.STANDARD : WebhookFormat.of(format);
        return new Webhook(
                id,
                url,
                List.copyOf(new LinkedHashSet<>(events)),
                contracts == null ? List.of() : List.copyOf(new LinkedHashSet<>(contracts)),
                f,
                secret,
                true,
                null,
                null,
                null);
    }
}
