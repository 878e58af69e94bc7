package com.slaledger.events;

import java.time.Instant;

/** A ticket was closed at {@code resolvedAt}. */
public record TicketResolved(
        String ticketId,
        String externalId,
        String contractId,
        String serviceId,
        TicketKind kind,
        String subject,
        Instant reportedAt,
        Instant resolvedAt,
        String priority,
        Instant respondedAt)
        implements TicketEvent {

    /** Without priority and response (P3, none). */
    public TicketResolved(
            String ticketId,
            String externalId,
            String contractId,
            String serviceId,
            TicketKind kind,
            String subject,
            Instant reportedAt,
            Instant resolvedAt) {
        this(ticketId, externalId, contractId, serviceId, kind, subject, reportedAt, resolvedAt, null, null);
    }
}
