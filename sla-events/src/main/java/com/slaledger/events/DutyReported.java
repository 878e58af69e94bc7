package com.slaledger.events;

import java.time.Instant;

/**
 * Evidence of a duty (SPEC §13.3), as accepted by monitor-service. Keyed on Kafka by {@code
 * dutyId} so that a duty's evidence stays in order on one partition.
 *
 * @param dedupKey the client's {@code eventId}, or the tuple (dutyId, completedAt, outcome)
 * @param completedAt truncated to the whole second on intake
 */
public record DutyReported(
        String dedupKey,
        String eventId,
        String dutyId,
        DutyOutcome outcome,
        Instant completedAt,
        String detail,
        Instant receivedAt) {

    /** The de-duplication key: the eventId, else the tuple. */
    public static String dedupKey(String eventId, String dutyId, Instant completedAt, DutyOutcome outcome) {
        if (eventId != null && !eventId.isEmpty()) {
            return "id:" + eventId;
        }
        return "tuple:" + dutyId + "|" + completedAt + "|" + outcome;
    }
}
