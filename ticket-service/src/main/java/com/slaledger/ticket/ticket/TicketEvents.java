package com.slaledger.ticket.ticket;

import com.slaledger.events.TicketOpened;
import com.slaledger.events.TicketPauseChanged;
import com.slaledger.events.TicketResolved;
import com.slaledger.events.TicketResponded;

/** The edge between a stored ticket and the wire: the events published on {@code sla.tickets}. */
final class TicketEvents {

    private TicketEvents() {}

    static TicketOpened opened(Ticket t) {
        return new TicketOpened(
                t.id,
                t.externalId,
                t.contractId,
                t.serviceId,
                t.kind,
                t.subject,
                t.reportedAt,
                t.priority,
                t.respondedAt);
    }

    static TicketResolved resolved(Ticket t) {
        return new TicketResolved(
                t.id,
                t.externalId,
                t.contractId,
                t.serviceId,
                t.kind,
                t.subject,
                t.reportedAt,
                t.resolvedAt,
                t.priority,
                t.respondedAt);
    }

    static TicketResponded responded(Ticket t) {
        return new TicketResponded(
                t.id,
                t.externalId,
                t.contractId,
                t.serviceId,
                t.kind,
                t.subject,
                t.reportedAt,
                t.resolvedAt,
                t.priority,
                t.respondedAt);
    }

    static TicketPauseChanged pauseChanged(Ticket t) {
        return new TicketPauseChanged(
                t.id,
                t.externalId,
                t.contractId,
                t.serviceId,
                t.kind,
                t.subject,
                t.reportedAt,
                t.resolvedAt,
                t.priority,
                t.respondedAt,
                TicketPauses.read(t.pauses));
    }
}
