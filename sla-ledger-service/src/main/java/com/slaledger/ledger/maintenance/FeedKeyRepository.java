package com.slaledger.ledger.maintenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The calendar feed's key of each contract (SPEC §18): 32 random bytes, base64url; made on first
 * use, replaced on request (the old one stops working at once). Call inside a session.
 */
@ApplicationScoped
public class FeedKeyRepository {

    /** A contract's key and when it was made. */
    public record FeedKey(String contractId, String key, Instant createdAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The contract's key, made now if it has none. Call inside a transaction. */
    public Uni<FeedKey> of(String contractId, Instant now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO feed_key (contract_id, feed_key, created_at) VALUES (:c, :k, :t)"
                                        + " ON CONFLICT (contract_id) DO NOTHING")
                        .setParameter("c", contractId)
                        .setParameter("k", fresh())
                        .setParameter("t", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .chain(() -> find(contractId));
    }

    /** A new key for the contract; the old one no longer opens the feed. Call inside a transaction. */
    public Uni<FeedKey> replace(String contractId, Instant now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO feed_key (contract_id, feed_key, created_at) VALUES (:c, :k, :t)"
                                        + " ON CONFLICT (contract_id) DO UPDATE SET feed_key = EXCLUDED.feed_key,"
                                        + " created_at = EXCLUDED.created_at")
                        .setParameter("c", contractId)
                        .setParameter("k", fresh())
                        .setParameter("t", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .chain(() -> find(contractId));
    }

    /** Whether {@code key} is the contract's current key (compared in constant time). */
    public Uni<Boolean> opens(String contractId, String key) {
        return find(contractId)
                .map(k -> k != null
                        && MessageDigest.isEqual(
                                k.key().getBytes(StandardCharsets.US_ASCII), key.getBytes(StandardCharsets.US_ASCII)));
    }

    private Uni<FeedKey> find(String contractId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT feed_key, CAST(EXTRACT(EPOCH FROM created_at) AS BIGINT) FROM feed_key WHERE contract_id = :c",
                                Object[].class)
                        .setParameter("c", contractId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : key(contractId, rows));
    }

    private static FeedKey key(String contractId, List<Object[]> rows) {
        Object[] r = rows.get(0);
        return new FeedKey(contractId, (String) r[0], Instant.ofEpochSecond(((Number) r[1]).longValue()));
    }
}
