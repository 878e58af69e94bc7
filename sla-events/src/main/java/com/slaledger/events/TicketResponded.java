package com.slaledger.events;

import java.time.Instant;

/** The provider first responded to a ticket at {@code respondedAt} (SPEC §5.2); the whole ticket after it. */
public record TicketResponded(
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
        implements TicketEvent {}
