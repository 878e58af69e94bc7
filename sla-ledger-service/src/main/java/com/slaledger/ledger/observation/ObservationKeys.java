package com.slaledger.ledger.observation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import com.slaledger.events.HealthStatus;

/**
 * How an observation is keyed in storage (V8 migration): the status as a small integer, the
 * de-duplication key as the first 8 bytes of its SHA-256 (unique with the probe and the second),
 * a client eventId also as the first 16 bytes (unique on its own), the month partition by the
 * start of the month in UTC. The migration computes the same values in SQL.
 */
public final class ObservationKeys {

    private ObservationKeys() {}

    /** 0 UP, 1 DOWN, 2 DEGRADED. */
    public static short status(HealthStatus status) {
        return switch (status) {
            case UP -> 0;
            case DOWN -> 1;
            case DEGRADED -> 2;
        };
    }

    public static com.slaledger.ledger.engine.HealthStatus engineStatus(short stored) {
        return switch (stored) {
            case 0 -> com.slaledger.ledger.engine.HealthStatus.UP;
            case 1 -> com.slaledger.ledger.engine.HealthStatus.DOWN;
            case 2 -> com.slaledger.ledger.engine.HealthStatus.DEGRADED;
            default -> throw new IllegalStateException("unknown stored status " + stored);
        };
    }

    /** A client's eventId (as opposed to the tuple key of an observation sent without one). */
    public static boolean isEventId(String dedupKey) {
        return dedupKey.startsWith("id:");
    }

    public static long dedupHash(String dedupKey) {
        return ByteBuffer.wrap(sha256(dedupKey)).getLong();
    }

    public static UUID eventHash(String dedupKey) {
        ByteBuffer b = ByteBuffer.wrap(sha256(dedupKey));
        return new UUID(b.getLong(), b.getLong());
    }

    /** The start of the UTC month holding {@code at}, in epoch seconds: the partition it lands in. */
    public static long monthStart(long epochMicros) {
        return monthStart(Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L)));
    }

    public static long monthStart(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay()
                .toEpochSecond(ZoneOffset.UTC);
    }

    /** One digest per thread: {@code getInstance} per key showed in the fold's profile. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private static byte[] sha256(String text) {
        return SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
