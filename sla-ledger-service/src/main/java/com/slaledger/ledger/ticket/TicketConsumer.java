package com.slaledger.ledger.ticket;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.TicketEvent;
import com.slaledger.ledger.evaluation.ChangeMarkRepository;
import com.slaledger.support.messaging.ConsumerRetry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Folds ticket events from ticket-service into the ledger's own table; acknowledged after the
 * transaction commits. An incomplete event goes to the dead-letter topic.
 */
@ApplicationScoped
public class TicketConsumer {

    private final LedgerTicketRepository tickets;
    private final ChangeMarkRepository changes;

    public TicketConsumer(LedgerTicketRepository tickets, ChangeMarkRepository changes) {
        this.tickets = tickets;
        this.changes = changes;
    }

    @Incoming("tickets")
    public Uni<Void> fold(TicketEvent event) {
        if (event.ticketId() == null
                || event.contractId() == null
                || event.serviceId() == null
                || event.kind() == null
                || event.reportedAt() == null) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException(
                            "ticket event without ticketId, contractId, serviceId, kind or reportedAt"));
        }
        return ConsumerRetry.untilDone(Panache.withTransaction(() ->
                tickets.fold(event).chain(() -> changes.contractChanged(event.contractId(), event.reportedAt()))));
    }
}
