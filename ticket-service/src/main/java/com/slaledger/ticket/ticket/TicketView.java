package com.slaledger.ticket.ticket;

import java.time.Instant;

import com.slaledger.events.TicketKind;

/** A ticket as the API shows it. */
public record TicketView(
        String id,
        TicketSource source,
        String externalId,
        String contractId,
        String serviceId,
        TicketKind kind,
        String subject,
        Instant reportedAt,
        Instant resolvedAt,
        String status,
        String priority,
        Instant respondedAt) {

    public static TicketView of(Ticket t) {
        return new TicketView(
                t.id,
                t.source,
                t.externalId,
                t.contractId,
                t.serviceId,
                t.kind,
                t.subject,
                t.reportedAt,
                t.resolvedAt,
                t.resolvedAt == null ? "OPEN" : "RESOLVED",
                t.priority,
                t.respondedAt);
    }
}
