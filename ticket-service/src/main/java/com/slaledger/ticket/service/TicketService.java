package com.slaledger.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.TicketOpened;
import com.slaledger.events.Topics;
import com.slaledger.outbox.Outbox;
import com.slaledger.support.ProblemException;
import com.slaledger.ticket.repository.Ticket;
import com.slaledger.ticket.repository.TicketRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Records tickets; every change is written to the outbox in the same transaction. */
@ApplicationScoped
public class TicketService {

    private final TicketRepository tickets;
    private final Outbox outbox;
    private final Clock clock;

    public TicketService(TicketRepository tickets, Outbox outbox) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    /** The stored ticket, and whether this call created it (false: the externalId was known). */
    public record Recorded(Ticket ticket, boolean created) {}

    @WithTransaction
    public Uni<Recorded> open(NewTicket request) {
        return tickets.findByExternalId(request.externalId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Recorded(existing, false));
            }
            Instant now = clock.instant();
            Instant reportedAt = request.reportedAt() == null ? now : request.reportedAt();
            if (reportedAt.isAfter(now)) {
                throw ProblemException.invalid("reportedAt", "must not be in the future");
            }
            Ticket ticket = new Ticket();
            ticket.id = UUID.randomUUID().toString();
            ticket.externalId = request.externalId();
            ticket.contractId = request.contractId();
            ticket.serviceId = request.serviceId();
            ticket.kind = request.kind();
            ticket.subject = request.subject();
            ticket.reportedAt = reportedAt.truncatedTo(ChronoUnit.SECONDS);
            ticket.createdAt = now;
            return tickets.persist(ticket)
                    .chain(t -> outbox.add(
                            Topics.TICKETS,
                            t.id,
                            new TicketOpened(
                                    t.id, t.externalId, t.contractId, t.serviceId, t.kind, t.subject, t.reportedAt)))
                    .replaceWith(new Recorded(ticket, true));
        });
    }
}
