package com.slaledger.ledger.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import com.slaledger.events.HealthObservedJson;
import com.slaledger.events.HealthStatus;
import com.slaledger.events.Limits;

/**
 * What the fold needs of one {@code sla.health-observed} record, read straight from its bytes
 * with Jackson's streaming parser: no tree, no data-binding, no {@code Instant} deserialiser, and
 * none of the record's other fields kept (docs/benchmarks.md, "Fold"). Reads what
 * {@link com.slaledger.events.HealthObserved} written by {@link EventJson} holds, and refuses what
 * data-binding with that mapper would refuse (a malformed document, a field of the wrong type, an
 * unknown status), naming the problem for the dead-letter topic. Unknown fields are skipped, as
 * the mapper does.
 *
 * @param observedMicros microseconds since the epoch (PostgreSQL's {@code timestamptz} resolution)
 */
public record ObservationRecord(
        String dedupKey, String serviceId, String probeId, HealthStatus status, long observedMicros) {

    /**
     * How far ahead of this clock a stored observation may lie: monitor-service refuses more than
     * five minutes; a day leaves room for skewed clocks and keeps garbage from creating partitions.
     */
    static final Duration AHEAD = Duration.ofDays(1);

    private static final JsonFactory JSON = EventJson.mapper().getFactory();

    /** A record read, or the reason it cannot be. */
    public record Decoded(ObservationRecord record, String problem) {}

    public Instant observedAt() {
        return ofMicros(observedMicros);
    }

    /** The instant {@code micros} microseconds after the epoch. */
    static Instant ofMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** What was read, as JSON in the events' shape (for the dead-letter topic). */
    public byte[] json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("dedupKey", dedupKey);
        fields.put("serviceId", serviceId);
        fields.put("probeId", probeId);
        fields.put("status", status);
        fields.put("observedAt", observedAt());
        try {
            return EventJson.mapper().writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one record's value; never throws. */
    public static Decoded decode(byte[] value, Instant now) {
        return decode(value, UnaryOperator.identity(), now);
    }

    /**
     * The same, with the service and probe ids passed through {@code canonical}: a batch names a
     * few services and probes many times, and the fold keeps one copy of each while it stores it.
     */
    public static Decoded decode(byte[] value, UnaryOperator<String> canonical, Instant now) {
        HealthObservedJson.Folded f;
        try {
            f = HealthObservedJson.read(value);
        } catch (IllegalArgumentException e) {
            return new Decoded(null, "unreadable record: " + e.getMessage());
        }
        String dedupKey = f.dedupKey();
        String serviceId = f.serviceId();
        String probeId = f.probeId();
        HealthStatus status = f.status();
        Instant observedAt = f.observedAt();
        String problem = validate(dedupKey, serviceId, probeId, status, observedAt, now);
        if (problem != null) {
            return new Decoded(null, problem);
        }
        return new Decoded(
                new ObservationRecord(
                        dedupKey,
                        canonical.apply(serviceId),
                        canonical.apply(probeId),
                        status,
                        observedAt.getEpochSecond() * 1_000_000L + observedAt.getNano() / 1000),
                null);
    }

    /** A record that parsed but lacks what folding needs; monitor-service never publishes one. */
    static String validate(
            String dedupKey, String serviceId, String probeId, HealthStatus status, Instant observedAt, Instant now) {
        if (dedupKey == null || serviceId == null || probeId == null || status == null || observedAt == null) {
            return "missing dedupKey, serviceId, probeId, status or observedAt";
        }
        if (!observedAt.isAfter(Limits.EARLIEST) || observedAt.isAfter(now.plus(AHEAD))) {
            return "observedAt " + observedAt + " is out of range (after " + Limits.EARLIEST + " and at most " + AHEAD
                    + " ahead)";
        }
        if (dedupKey.length() > 300 || serviceId.length() > 64 || probeId.length() > 64) {
            return "dedupKey, serviceId or probeId too long";
        }
        return null;
    }
}
