package com.slaledger.events;

import java.time.Instant;
import java.util.List;

/**
 * One maximal downtime interval of a contract, clipped to a period, as shown in statements and
 * notices. {@code end} is null while the interval is ongoing.
 */
public record DowntimeInterval(
        Instant start,
        Instant end,
        long seconds,
        List<String> services,
        boolean counted,
        String reason,
        boolean ongoing) {}
