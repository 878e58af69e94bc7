package com.slaledger.monitor.duty;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.DutyReported;
import com.slaledger.support.messaging.BrokerAcks;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes duty events keyed by dutyId and completes only when Kafka has acknowledged every one
 * ({@code acks=all}): a 202 means the evidence cannot be lost.
 */
@ApplicationScoped
public class DutyEventPublisher {

    private final MutinyEmitter<DutyReported> emitter;

    public DutyEventPublisher(
            @Channel("duties") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<DutyReported> emitter) {
        this.emitter = emitter;
    }

    public Uni<Integer> publish(List<DutyReported> events) {
        List<Uni<Void>> acks = new ArrayList<>(events.size());
        for (DutyReported event : events) {
            acks.add(emitter.sendMessage(Message.of(event)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(event.dutyId())
                            .build())));
        }
        if (acks.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return BrokerAcks.withinNacks(Uni.join().all(acks).andFailFast().replaceWith(events.size()), "duty events");
    }
}
