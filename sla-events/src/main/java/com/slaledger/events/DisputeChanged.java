package com.slaledger.events;

import java.time.Instant;
import java.util.List;

/**
 * A dispute of a contract was received (OPEN), accepted or rejected (SPEC §17). Published once per
 * (disputeId, status), keyed by {@code contractId}; mailed (kind DISPUTE) to the contract's {@code
 * noticeEmails}.
 *
 * @param services the covered services it names (empty: every one)
 * @param note the operator's note on the decision (null when received)
 */
public record DisputeChanged(
        String disputeId,
        String contractId,
        String period,
        Instant start,
        Instant end,
        List<String> services,
        String description,
        String reference,
        String status,
        String note,
        Instant at) {

    public DisputeChanged {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** The key under which this change is published and mailed exactly once. */
    public String idempotencyKey() {
        return contractId + "/" + period + "/DISPUTE/" + disputeId + "/" + status;
    }
}
