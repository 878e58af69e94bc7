package com.slaledger.events;

import java.time.Instant;
import java.util.List;

/**
 * A ticket was paused or unpaused (SPEC §16.4): the whole ticket after it, with every pause and
 * unpause recorded so far ({@code pauses}, by instant). A consumer keeps the union of the pauses
 * it has seen, so order and repeats do not matter.
 */
public record TicketPauseChanged(
        String ticketId,
        String externalId,
        String contractId,
        String serviceId,
        TicketKind kind,
        String subject,
        Instant reportedAt,
        Instant resolvedAt,
        String priority,
        Instant respondedAt,
        List<TicketPause> pauses)
        implements TicketEvent {

    public TicketPauseChanged {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }
}
