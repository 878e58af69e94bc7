package com.slaledger.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes pending outbox messages in the order they were written and marks them published
 * once Kafka acknowledged them. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances of a service relay side by side without publishing a row twice at once. If Kafka
 * fails, the transaction rolls back and the rows are sent again later: at least once, in order
 * per key; consumers de-duplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String CLAIM = "SELECT * FROM outbox_message WHERE published_at IS NULL"
            + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED";

    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final Clock clock = Clock.systemUTC();

    public OutboxRelay(
            @Channel("outbox") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            @ConfigProperty(name = "sla.outbox.batch-size", defaultValue = "500") int batchSize) {
        this.emitter = emitter;
        this.batchSize = batchSize;
    }

    /** Starts after a delay: the messaging channels are wired only once the application has started. */
    @Scheduled(
            every = "${sla.outbox.poll-interval:0.2s}",
            delayed = "${sla.outbox.start-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relay().onFailure()
                .invoke(e -> Log.warnf("outbox relay failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes one batch of pending messages; returns how many were published. */
    public Uni<Integer> relay() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, OutboxMessage.class)
                        .setParameter("limit", batchSize)
                        .getResultList())
                .chain(this::publish));
    }

    private Uni<Integer> publish(List<OutboxMessage> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> acks = new ArrayList<>(pending.size());
        for (OutboxMessage m : pending) {
            acks.add(emitter.sendMessage(Message.of(m.payload)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withTopic(m.topic)
                            .withKey(m.key)
                            .build())));
        }
        return Uni.join()
                .all(acks)
                .andFailFast()
                .invoke(() -> {
                    var now = clock.instant();
                    pending.forEach(m -> m.publishedAt = now);
                })
                .replaceWith(pending.size());
    }
}
