package com.slaledger.ledger.evaluation;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The evaluation triggers on {@code sla.evaluations}, keyed by contract, read by the consumer
 * group {@code sla-ledger-evaluator}: Kafka's partition assignment makes exactly one instance the
 * owner of each contract and moves ownership when an instance dies (docs/architecture.md,
 * "Evaluation"). Each contract a batch names is evaluated once however many triggers name it,
 * then the batch is acknowledged; a failing contract stops no other and is due again later.
 */
@ApplicationScoped
public class EvaluationConsumer {

    private final Evaluator evaluator;
    private final Clock clock;

    public EvaluationConsumer(Evaluator evaluator, Clock clock) {
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Incoming("evaluations")
    public Uni<Void> triggered(KafkaRecordBatch<String, String> batch) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (KafkaRecord<String, String> r : batch) {
            if (r.getKey() != null) {
                ids.add(r.getKey());
            }
        }
        return evaluator
                .evaluate(List.copyOf(ids), clock.instant())
                .invoke(o -> Log.debugf("evaluated %d contracts: %s", ids.size(), o))
                .onFailure()
                .invoke(e -> Log.errorf(e, "evaluating %s failed; their marks and due instants stay", ids))
                .onFailure()
                .recoverWithNull()
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }
}
