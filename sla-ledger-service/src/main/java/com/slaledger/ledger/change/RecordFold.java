package com.slaledger.ledger.change;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.support.messaging.ConsumerRetry;
import com.slaledger.support.messaging.DeadLetters;
import com.slaledger.support.persistence.Failures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Folds one Kafka record the way the ledger's record-by-record consumers (tickets, duty
 * evidence) do: a record that is unreadable or incomplete ({@code validate} names the problem),
 * or that cannot be stored for a reason of its own, goes to the dead-letter topic; otherwise
 * {@code store} runs in a transaction with the partition's fold position (KnowledgeHorizon), and a
 * failure that is not the data's (the database down) is retried until it succeeds. The position is
 * recorded either way, so the ledger never waits for a record it put aside; the record is
 * acknowledged after that.
 */
@ApplicationScoped
public class RecordFold {

    private final DeadLetters deadLetters;

    public RecordFold(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public <T> Uni<Void> fold(KafkaRecord<String, T> record, Function<T, String> validate, Function<T, Uni<?>> store) {
        T event = record.getPayload();
        String topic = record.getTopic();
        int partition = record.getPartition();
        long next = record.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(m -> m.getOffset())
                        .orElse(-1L)
                + 1;
        String problem = event == null ? DeadLetters.deserializationFailure(record) : validate.apply(event);
        Uni<Void> work;
        if (problem != null) {
            work = rejected(record, problem, topic, partition, next);
        } else {
            work = ConsumerRetry.untilDone(
                            Panache.withTransaction(() ->
                                    store.apply(event).chain(() -> KnowledgeHorizon.folded(topic, partition, next))),
                            Failures::isInherent)
                    .onFailure(Failures::isInherent)
                    .recoverWithUni(
                            e -> rejected(record, "cannot be stored: " + e.getMessage(), topic, partition, next));
        }
        return work.chain(() -> Uni.createFrom().completionStage(record.ack()));
    }

    private <T> Uni<Void> rejected(
            KafkaRecord<String, T> record, String problem, String topic, int partition, long next) {
        return deadLetters
                .send(record, problem)
                .chain(() -> ConsumerRetry.untilDone(
                        Panache.withTransaction(() -> KnowledgeHorizon.folded(topic, partition, next))));
    }
}
