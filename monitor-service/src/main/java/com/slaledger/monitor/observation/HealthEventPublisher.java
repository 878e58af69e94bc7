package com.slaledger.monitor.observation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.HealthObserved;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes observations keyed by serviceId and completes only when Kafka has acknowledged
 * every one of them ({@code acks=all}): the caller answers 202 only then, so a 202 means the
 * observations cannot be lost. The producer batches records itself; nothing waits per record.
 */
@ApplicationScoped
public class HealthEventPublisher {

    private final MutinyEmitter<HealthObserved> emitter;

    public HealthEventPublisher(
            @Channel("health-observed") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    MutinyEmitter<HealthObserved> emitter) {
        this.emitter = emitter;
    }

    public Uni<Integer> publish(List<HealthObserved> events) {
        List<Uni<Void>> acks = new ArrayList<>(events.size());
        for (HealthObserved event : events) {
            Message<HealthObserved> message = Message.of(event)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(event.serviceId())
                            .build());
            acks.add(emitter.sendMessage(message));
        }
        if (acks.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.join().all(acks).andFailFast().replaceWith(events.size());
    }
}
