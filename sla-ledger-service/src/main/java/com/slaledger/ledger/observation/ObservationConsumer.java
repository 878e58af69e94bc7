package com.slaledger.ledger.observation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.HealthObserved;
import com.slaledger.support.messaging.ConsumerRetry;
import com.slaledger.support.messaging.DeadLetters;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Folds health observations from Kafka in batches, in one database transaction per batch
 * (ObservationFold: two set-based statements, whatever the batch size), and
 * acknowledges the batch (so commits its offsets) only after that transaction committed. A
 * redelivered batch inserts nothing twice: rows are keyed by the de-duplication key.
 */
@ApplicationScoped
public class ObservationConsumer {

    private final ObservationFold fold;
    private final DeadLetters deadLetters;

    public ObservationConsumer(ObservationFold fold, DeadLetters deadLetters) {
        this.fold = fold;
        this.deadLetters = deadLetters;
    }

    @Incoming("health-observed")
    public Uni<Void> fold(KafkaRecordBatch<String, HealthObserved> batch) {
        List<HealthObserved> events = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, HealthObserved> record : batch) {
            HealthObserved event = record.getPayload();
            String problem = event == null ? DeadLetters.deserializationFailure(record) : validate(event);
            if (problem == null) {
                events.add(event);
            } else {
                rejected.add(deadLetters.send(record, problem));
            }
        }
        Uni<Void> dlq = rejected.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return dlq.chain(() -> events.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : ConsumerRetry.untilDone(fold.fold(events)).replaceWithVoid())
                .onItem()
                .invoke(() -> Log.debugf("folded %d observations", events.size()))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
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
        return null;
    }
}
