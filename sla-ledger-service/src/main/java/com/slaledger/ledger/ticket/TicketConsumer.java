package com.slaledger.ledger.ticket;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.Limits;
import com.slaledger.events.TicketEvent;
import com.slaledger.ledger.evaluation.ChangeMarkRepository;
import com.slaledger.ledger.evaluation.KnowledgeHorizon;
import com.slaledger.support.messaging.ConsumerRetry;
import com.slaledger.support.messaging.DeadLetters;
import com.slaledger.support.persistence.Failures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
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
    private final DeadLetters deadLetters;

    public TicketConsumer(LedgerTicketRepository tickets, ChangeMarkRepository changes, DeadLetters deadLetters) {
        this.tickets = tickets;
        this.changes = changes;
        this.deadLetters = deadLetters;
    }

    @Incoming("tickets")
    public Uni<Void> fold(KafkaRecord<String, TicketEvent> record) {
        TicketEvent event = record.getPayload();
        String topic = record.getTopic();
        int partition = record.getPartition();
        long next = record.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(m -> m.getOffset())
                        .orElse(-1L)
                + 1;
        String problem = event == null ? DeadLetters.deserializationFailure(record) : validate(event);
        Uni<Void> work;
        if (problem != null) {
            work = rejected(record, problem, topic, partition, next);
        } else {
            work = ConsumerRetry.untilDone(
                            Panache.withTransaction(() -> tickets.fold(event)
                                    .chain(() ->
                                            changes.contractChanged(event.contractId(), event.reportedAt(), "ticket"))
                                    .chain(() -> KnowledgeHorizon.folded(topic, partition, next))),
                            Failures::isInherent)
                    .onFailure(Failures::isInherent)
                    .recoverWithUni(
                            e -> rejected(record, "cannot be stored: " + e.getMessage(), topic, partition, next));
        }
        return work.chain(() -> Uni.createFrom().completionStage(record.ack()));
    }

    private Uni<Void> rejected(
            KafkaRecord<String, TicketEvent> record, String problem, String topic, int partition, long next) {
        return deadLetters
                .send(record, problem)
                .chain(() -> ConsumerRetry.untilDone(
                        Panache.withTransaction(() -> KnowledgeHorizon.folded(topic, partition, next))));
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
