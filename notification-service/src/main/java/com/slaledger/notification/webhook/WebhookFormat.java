package com.slaledger.notification.webhook;

import java.util.Locale;

/** How a webhook's events are written: Standard Webhooks (signed JSON) or a Slack incoming-webhook message. */
public enum WebhookFormat {
    STANDARD,
    SLACK;

    /** The wire name: {@code standard} or {@code slack}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the wire name; null when it is neither. */
    public static WebhookFormat of(String wire) {
        for (WebhookFormat f : values()) {
            if (f.wire().equals(wire)) {
                return f;
            }
        }
        return null;
    }
}
