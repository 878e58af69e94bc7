package com.slaledger.ticket.helpdesk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help desks' own signatures. The expected values were computed outside this code base, the
 * way each vendor documents it (Python's hmac module):
 *
 * <pre>
 * zendesk: base64(hmac_sha256(secret, timestamp + body))
 *   = base64(hmac.new(b"dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==",
 *                     b"2026-10-03T16:00:00Z" + ZENDESK_BODY, sha256).digest())
 *   = ruoQHIdX5DSsncqyMRF+k/f2TPGghbVRkzx2jNgWnVc=
 * jira: "sha256=" + hex(hmac_sha256(secret, body))
 *   = "sha256=" + hmac.new(b"It's a Secret to Everybody", JIRA_BODY, sha256).hexdigest()
 *   = sha256=c2011f9d6ba54a6a7021e0b2c8a54390b783d48512f5fa8923cc0f349a2099c9
 * </pre>
 */
class WebhookSignatureTest {

    private static final String ZENDESK_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    private static final String ZENDESK_TIMESTAMP = "2026-10-03T16:00:00Z";
    private static final byte[] ZENDESK_BODY =
            "{\"type\":\"zen:event-type:ticket.created\",\"detail\":{\"id\":\"35436\"}}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final String ZENDESK_SIGNATURE = "ruoQHIdX5DSsncqyMRF+k/f2TPGghbVRkzx2jNgWnVc=";

    private static final String JIRA_SECRET = "It's a Secret to Everybody";
    private static final byte[] JIRA_BODY =
            "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"key\":\"SUP-1\"}}".getBytes(StandardCharsets.UTF_8);
    private static final String JIRA_SIGNATURE =
            "sha256=c2011f9d6ba54a6a7021e0b2c8a54390b783d48512f5fa8923cc0f349a2099c9";

    private static final Instant NOW = Instant.parse("2026-10-03T16:02:00Z");

    @Test
    void zendeskSignedAsDocumentedIsGenuine() {
        assertThat(WebhookSignature.zendesk(ZENDESK_SECRET, ZENDESK_SIGNATURE, ZENDESK_TIMESTAMP, ZENDESK_BODY, NOW))
                .isEmpty();
    }

    @Test
    void zendeskWithAnotherBodySecretOrTimestampIsRefused() {
        byte[] tampered = "{\"type\":\"zen:event-type:ticket.created\",\"detail\":{\"id\":\"35437\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.zendesk(ZENDESK_SECRET, ZENDESK_SIGNATURE, ZENDESK_TIMESTAMP, tampered, NOW))
                .contains("the signature does not match");
        assertThat(WebhookSignature.zendesk("another", ZENDESK_SIGNATURE, ZENDESK_TIMESTAMP, ZENDESK_BODY, NOW))
                .contains("the signature does not match");
        // The timestamp is signed too: moving it (within the tolerance) breaks the signature.
        assertThat(WebhookSignature.zendesk(
                        ZENDESK_SECRET, ZENDESK_SIGNATURE, "2026-10-03T16:00:01Z", ZENDESK_BODY, NOW))
                .contains("the signature does not match");
    }

    @Test
    void zendeskMoreThanFiveMinutesOffIsARefusedReplay() {
        // signed at 16:00:00; 16:05:00 is exactly 5 minutes later (still taken), 16:05:01 is not
        assertThat(WebhookSignature.zendesk(
                        ZENDESK_SECRET,
                        ZENDESK_SIGNATURE,
                        ZENDESK_TIMESTAMP,
                        ZENDESK_BODY,
                        Instant.parse("2026-10-03T16:05:00Z")))
                .isEmpty();
        assertThat(WebhookSignature.zendesk(
                        ZENDESK_SECRET,
                        ZENDESK_SIGNATURE,
                        ZENDESK_TIMESTAMP,
                        ZENDESK_BODY,
                        Instant.parse("2026-10-03T16:05:01Z")))
                .contains("the signature's timestamp is more than 5 minutes off");
        assertThat(WebhookSignature.zendesk(
                        ZENDESK_SECRET,
                        ZENDESK_SIGNATURE,
                        ZENDESK_TIMESTAMP,
                        ZENDESK_BODY,
                        Instant.parse("2026-10-03T15:54:59Z")))
                .isPresent();
    }

    @Test
    void zendeskWithoutHeadersIsRefused() {
        assertThat(WebhookSignature.zendesk(ZENDESK_SECRET, null, ZENDESK_TIMESTAMP, ZENDESK_BODY, NOW))
                .isPresent();
        assertThat(WebhookSignature.zendesk(ZENDESK_SECRET, ZENDESK_SIGNATURE, null, ZENDESK_BODY, NOW))
                .isPresent();
        assertThat(WebhookSignature.zendesk(ZENDESK_SECRET, ZENDESK_SIGNATURE, "yesterday", ZENDESK_BODY, NOW))
                .contains("X-Zendesk-Webhook-Signature-Timestamp is not a timestamp");
    }

    @Test
    void jiraSignedAsDocumentedIsGenuine() {
        assertThat(WebhookSignature.jira(JIRA_SECRET, JIRA_SIGNATURE, JIRA_BODY))
                .isEmpty();
        // hex digits in either case
        assertThat(WebhookSignature.jira(
                        JIRA_SECRET, JIRA_SIGNATURE.toUpperCase().replace("SHA256=", "sha256="), JIRA_BODY))
                .isEmpty();
    }

    @Test
    void jiraWithAnotherBodyOrSecretOrNoHeaderIsRefused() {
        byte[] tampered = "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"key\":\"SUP-2\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.jira(JIRA_SECRET, JIRA_SIGNATURE, tampered))
                .contains("the signature does not match");
        assertThat(WebhookSignature.jira("another", JIRA_SIGNATURE, JIRA_BODY))
                .contains("the signature does not match");
        assertThat(WebhookSignature.jira(JIRA_SECRET, null, JIRA_BODY)).isPresent();
        assertThat(WebhookSignature.jira(JIRA_SECRET, "sha1=abc", JIRA_BODY)).isPresent();
    }
}
