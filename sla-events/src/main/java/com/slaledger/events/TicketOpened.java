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
        Instant reportedAt,
        String priority,
        Instant respondedAt)
        implements TicketEvent {

    /** Without priority and response (P3, none yet). */
    public TicketOpened(
            String ticketId,
            String externalId,
            String contractId,
            String serviceId,
            TicketKind kind,
            String subject,
            Instant reportedAt) {
        this(ticketId, externalId, contractId, serviceId, kind, subject, reportedAt, null, null);
    }

    @Override
    public Instant resolvedAt() {
        return null;
    }
}
