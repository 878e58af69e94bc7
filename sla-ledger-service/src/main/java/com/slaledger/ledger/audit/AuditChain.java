package com.slaledger.ledger.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.slaledger.ledger.engine.Sha256;

/**
 * The audit log's hash chain, in plain Java: each entry's hash is SHA-256 over the previous
 * entry's hash and the entry's own fields, so changing, removing or reordering any entry breaks
 * every hash after it. {@link #firstBroken} finds where a stored log stops being what was written.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** What an entry says; the hash covers all of it. */
    public record Fields(
            long seq, String at, String actor, String action, String resource, String before, String after) {}

    /**
     * A stored entry: its fields, the hashes it was written with, and its signature (null for
     * entries written before the log was signed).
     */
    public record Stored(Fields fields, String prevHash, String hash, String signature) {}

    /**
     * The signature of an entry (or of the anchored head): HMAC-SHA256 with the audit key over its
     * sequence number and hash, 64 hex digits. Without the key, a rewritten and re-hashed entry
     * cannot be signed again.
     */
    public static String sign(String key, long seq, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((seq + "\n" + hash).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code signature} is the entry's own (compared in constant time). */
    public static boolean signed(String key, long seq, String hash, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(key, seq, hash).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
    }

    public static String hash(String prevHash, Fields f) {
        StringBuilder text = new StringBuilder(prevHash);
        for (Object part : List.of(f.seq(), f.at(), f.actor(), f.action(), f.resource())) {
            text.append('\n').append(part);
        }
        // before and after may be null (creation, deletion), which must differ from "null"
        text.append('\n').append(f.before() == null ? "-" : "+" + f.before());
        text.append('\n').append(f.after() == null ? "-" : "+" + f.after());
        return Sha256.hex(text.toString());
    }

    /**
     * The sequence number of the first entry that does not hold (its hash does not match its
     * fields, or its previous hash is not the hash of the entry before it), given the entries in
     * order from the first and the hash expected before them; empty when all hold.
     */
    public static OptionalLong firstBroken(String hashBefore, List<Stored> entries) {
        String expectedPrev = hashBefore;
        for (Stored e : entries) {
            if (!Objects.equals(e.prevHash(), expectedPrev)
                    || !Objects.equals(e.hash(), hash(e.prevHash(), e.fields()))) {
                return OptionalLong.of(e.fields().seq());
            }
            expectedPrev = e.hash();
        }
        return OptionalLong.empty();
    }
}
