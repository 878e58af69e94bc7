package com.slaledger.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (SPEC §18): {@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}
 * keyed with the secret's decoded bytes. A secret is {@code whsec_} and the base64 of 24 to 64
 * random bytes, as the specification recommends. A pure function of its inputs.
 */
public final class WebhookSignature {

    static final String PREFIX = "whsec_";
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    private WebhookSignature() {}

    /** The key bytes of {@code secret}; IllegalArgumentException naming what is wrong with it. */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX + " followed by base64");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not " + PREFIX + " followed by base64");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "must hold " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes, has " + key.length);
        }
        return key;
    }

    /** The {@code webhook-signature} header's value for one attempt. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
