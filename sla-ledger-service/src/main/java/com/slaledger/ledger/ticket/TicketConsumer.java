package com.slaledger.ledger.ticket;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.Limits;
import com.slaledger.events.TicketEvent;
import com.slaledger.ledger.change.ChangeMarkRepository;
import com.slaledger.ledger.change.RecordFold;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Folds ticket events from ticket-service into the ledger's own table, with the contract's change
 * mark and the partition's fold position (KnowledgeHorizon) in the same transaction; acknowledged
 * after it commits. An event that is incomplete, unreadable or cannot be stored for a reason of
 * its own goes to the dead-letter topic (its position is still recorded, so that the ledger does
 * not wait for it); a failure of the database is retried until it succeeds.
 */
@ApplicationScoped
public class TicketConsumer {

    private final LedgerTicketRepository tickets;
    private final ChangeMarkRepository changes;
    private final RecordFold records;

    public TicketConsumer(LedgerTicketRepository tickets, ChangeMarkRepository changes, RecordFold records) {
        this.tickets = tickets;
        this.changes = changes;
        this.records = records;
    }

    @Incoming("tickets")
    public Uni<Void> fold(KafkaRecord<String, TicketEvent> record) {
        return records.fold(record, TicketConsumer::validate, event -> tickets.fold(event)
                .chain(() -> changes.contractChanged(event.contractId(), event.reportedAt(), "ticket")));
    }

    static String validate(TicketEvent event) {
        if (event.ticketId() == null
                || event.contractId() == null
                || event.serviceId() == null
                || event.kind() == null
                || event.reportedAt() == null) {
            return "ticket event without ticketId, contractId, serviceId, kind or reportedAt";
        }
        if (!event.reportedAt().isAfter(Limits.EARLIEST)) {
            return "reportedAt " + event.reportedAt() + " is out of range (after " + Limits.EARLIEST + ")";
        }
        return null;
    }
}
