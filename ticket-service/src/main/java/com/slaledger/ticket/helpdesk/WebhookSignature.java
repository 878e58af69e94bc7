package com.slaledger.ticket.helpdesk;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook request was signed by the help desk holding the shared secret, the way each
 * vendor signs: Zendesk sends {@code X-Zendesk-Webhook-Signature} = base64(HMAC-SHA256(secret,
 * timestamp + body)) with the timestamp in {@code X-Zendesk-Webhook-Signature-Timestamp}; Jira
 * sends {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>}. Plain Java: the answer is
 * empty when the request is genuine, else why it is not. Comparisons take constant time.
 */
public final class WebhookSignature {

    /** How far a Zendesk timestamp may be from our clock before the request counts as a replay. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    public static Optional<String> zendesk(
            String secret, String signature, String timestamp, byte[] body, Instant now) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return Optional.of("X-Zendesk-Webhook-Signature and X-Zendesk-Webhook-Signature-Timestamp are required");
        }
        Instant at = instant(timestamp.strip());
        if (at == null) {
            return Optional.of("X-Zendesk-Webhook-Signature-Timestamp is not a timestamp");
        }
        if (Duration.between(at, now).abs().compareTo(TOLERANCE) > 0) {
            return Optional.of("the signature's timestamp is more than 5 minutes off");
        }
        byte[] signed = concat(timestamp.getBytes(StandardCharsets.UTF_8), body);
        byte[] expected =
                Base64.getEncoder().encodeToString(hmac(secret, signed)).getBytes(StandardCharsets.US_ASCII);
        return same(expected, signature.strip()) ? Optional.empty() : Optional.of("the signature does not match");
    }

    public static Optional<String> jira(String secret, String header, byte[] body) {
        if (header == null || !header.strip().startsWith("sha256=")) {
            return Optional.of("X-Hub-Signature: sha256=<hex> is required");
        }
        byte[] expected =
                ("sha256=" + HexFormat.of().formatHex(hmac(secret, body))).getBytes(StandardCharsets.US_ASCII);
        return same(expected, header.strip().toLowerCase(Locale.ROOT))
                ? Optional.empty()
                : Optional.of("the signature does not match");
    }

    static byte[] hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean same(byte[] expected, String given) {
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }

    /** Zendesk writes ISO-8601 (2026-10-03T16:00:00Z); epoch seconds are taken as well. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(text));
            } catch (NumberFormatException notNumeric) {
                return null;
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
