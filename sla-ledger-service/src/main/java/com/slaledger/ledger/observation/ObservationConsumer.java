package com.slaledger.ledger.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.HealthObserved;
import com.slaledger.events.Limits;
import com.slaledger.support.messaging.ConsumerRetry;
import com.slaledger.support.messaging.DeadLetters;
import com.slaledger.support.persistence.Failures;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Folds health observations from Kafka in batches, in one database transaction per batch
 * (ObservationFold: set-based statements, whatever the batch size), and acknowledges the batch
 * (so commits its offsets) only after that transaction committed. A redelivered batch inserts
 * nothing twice: rows are keyed by the de-duplication key. A record that cannot be stored for a
 * reason of its own goes to the dead-letter topic and the records around it are stored (SPEC §11):
 * when a batch fails that way, its records are stored one by one to find the culprits. A failure
 * that is not the data's (the database down) is retried until it succeeds.
 */
@ApplicationScoped
public class ObservationConsumer {

    /**
     * How far ahead of this clock a stored observation may lie: monitor-service refuses more than
     * five minutes; a day leaves room for skewed clocks and keeps garbage from creating partitions.
     */
    static final Duration AHEAD = Duration.ofDays(1);

    private final ObservationFold fold;
    private final DeadLetters deadLetters;

    public ObservationConsumer(ObservationFold fold, DeadLetters deadLetters) {
        this.fold = fold;
        this.deadLetters = deadLetters;
    }

    @Incoming("health-observed")
    public Uni<Void> fold(KafkaRecordBatch<String, HealthObserved> batch) {
        List<KafkaRecord<String, HealthObserved>> good = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        for (KafkaRecord<String, HealthObserved> record : batch) {
            next.merge(new TopicPartition(record.getTopic(), record.getPartition()), offset(record) + 1, Math::max);
            HealthObserved event = record.getPayload();
            String problem = event == null ? DeadLetters.deserializationFailure(record) : validate(event);
            if (problem == null) {
                good.add(record);
            } else {
                rejected.add(deadLetters.send(record, problem));
            }
        }
        Uni<Void> dlq = rejected.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        List<HealthObserved> events = good.stream().map(KafkaRecord::getPayload).toList();
        return dlq.chain(() -> ConsumerRetry.untilDone(fold.fold(events, next), Failures::isInherent)
                        .replaceWithVoid()
                        .onFailure(Failures::isInherent)
                        .recoverWithUni(e -> oneByOne(good, next, e)))
                .onItem()
                .invoke(() -> Log.debugf("folded %d observations", events.size()))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** A batch failed for a reason of its data: stores each record alone, dead-letters those that fail so. */
    private Uni<Void> oneByOne(
            List<KafkaRecord<String, HealthObserved>> records, Map<TopicPartition, Long> next, Throwable cause) {
        Log.warnf(
                "a batch of %d observations could not be stored (%s); storing them one by one", records.size(), cause);
        return Multi.createFrom()
                .iterable(records)
                .onItem()
                .transformToUniAndConcatenate(
                        r -> ConsumerRetry.untilDone(fold.fold(List.of(r.getPayload()), Map.of()), Failures::isInherent)
                                .replaceWithVoid()
                                .onFailure(Failures::isInherent)
                                .recoverWithUni(e -> deadLetters.send(r, "cannot be stored: " + e.getMessage())))
                .collect()
                .last()
                .chain(() -> ConsumerRetry.untilDone(fold.fold(List.of(), next)))
                .replaceWithVoid();
    }

    private static long offset(KafkaRecord<String, ?> record) {
        return record.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .map(m -> m.getOffset())
                .orElse(-1L);
    }

    /** A record that parsed but lacks what folding needs; monitor-service never publishes one. */
    static String validate(HealthObserved e) {
        if (e.dedupKey() == null
                || e.serviceId() == null
                || e.probeId() == null
                || e.status() == null
                || e.observedAt() == null) {
            return "missing dedupKey, serviceId, probeId, status or observedAt";
        }
        if (!e.observedAt().isAfter(Limits.EARLIEST)
                || e.observedAt().isAfter(Instant.now().plus(AHEAD))) {
            return "observedAt " + e.observedAt() + " is out of range (after " + Limits.EARLIEST + " and at most "
                    + AHEAD + " ahead)";
        }
        if (e.dedupKey().length() > 300
                || e.serviceId().length() > 64
                || e.probeId().length() > 64) {
            return "dedupKey, serviceId or probeId too long";
        }
        return null;
    }
}
