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
        Instant resolvedAt)
        implements TicketEvent {}
