package com.slaledger.events;

import java.time.Instant;

/** A ticket was recorded. */
public record TicketOpened(
        String ticketId,
        String externalId,
        String contractId,
        String serviceId,
        TicketKind kind,
        String subject,
        Instant reportedAt)
        implements TicketEvent {

    @Override
    public Instant resolvedAt() {
        return null;
    }
}
