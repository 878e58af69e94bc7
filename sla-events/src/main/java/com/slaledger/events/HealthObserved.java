package com.slaledger.events;

import java.time.Instant;

/**
 * One probe's observation of one service, as accepted by monitor-service. Keyed on Kafka by
 * {@code serviceId} so that a service's observations stay in order on one partition.
 *
 * @param dedupKey the client's {@code eventId}, or the tuple (serviceId, probeId, observedAt,
 *     status) when it gave none: the same key means the same observation (SPEC §5.1)
 * @param observedAt truncated to the whole second on intake
 */
public record HealthObserved(
        String dedupKey,
        String eventId,
        String serviceId,
        String probeId,
        HealthStatus status,
        Instant observedAt,
        Long latencyMs,
        String detail,
        Instant receivedAt) {

    /** The de-duplication key of SPEC §5.1: the eventId, else the tuple. */
    public static String dedupKey(
            String eventId, String serviceId, String probeId, Instant observedAt, HealthStatus status) {
        if (eventId != null && !eventId.isEmpty()) {
            return "id:" + eventId;
        }
        return "tuple:" + serviceId + "|" + probeId + "|" + observedAt + "|" + status;
    }
}
