package com.slaledger.monitor.observation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.HealthObserved;
import com.slaledger.events.HealthObservedJson;
import com.slaledger.events.Instants;
import com.slaledger.events.Topics;
import com.slaledger.support.messaging.BrokerAcks;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes observations keyed by serviceId and completes only when Kafka has acknowledged
 * every one of them ({@code acks=all}, idempotent): the caller answers 202 only then, so a 202
 * means the observations cannot be lost. Each record is serialised once to its JSON bytes and
 * handed to a plain {@link KafkaProducer} with one callback counting down to a single completion
 * per HTTP batch: no message object, metadata or acknowledgement future per record (the Reactive
 * Messaging emitter this replaced spent most of intake's time there; docs/benchmarks.md). Records
 * carry the same CloudEvents headers (binary mode) as before. Sends run on a worker thread: the
 * producer may block while it fetches metadata or while its buffer is full.
 */
@ApplicationScoped
public class HealthEventPublisher {

    static final String SOURCE = "monitor-service";
    static final String TYPE = "com.slaledger.health.observed.v1";
    private static final byte[] SPEC_VERSION = bytes("1.0");
    private static final byte[] SOURCE_BYTES = bytes(SOURCE);
    private static final byte[] TYPE_BYTES = bytes(TYPE);
    private static final byte[] JSON = bytes("application/json");

    private final KafkaProducer<String, byte[]> producer;

    public HealthEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "monitor-service-health-observed");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // a request answers within BrokerAcks.ANSWER_WITHIN even while the broker is down (SPEC §19)
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, BrokerAcks.MAX_BLOCK_MS);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, BrokerAcks.REQUEST_TIMEOUT_MS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, BrokerAcks.DELIVERY_TIMEOUT_MS);
        // the broker settings the services share (kafka.*), not the consumer's or admin's own
        config.keySet().retainAll(ProducerConfig.configNames());
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public Uni<Integer> publish(List<HealthObserved> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return BrokerAcks.within(Uni.createFrom().completionStage(() -> send(events)), "observations");
    }

    /**
     * The batch's acknowledgement, answered within {@link BrokerAcks#ANSWER_WITHIN} whatever the
     * broker does; the records are handed to the producer on a worker thread (it may block while
     * it waits for metadata or buffer space), which stops at the first failure: with the broker
     * gone each record would wait {@code max.block.ms} for metadata in turn.
     */
    private CompletableFuture<Integer> send(List<HealthObserved> events) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        done.orTimeout(BrokerAcks.ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        Infrastructure.getDefaultWorkerPool().execute(() -> sendAll(events, done));
        return done;
    }

    private void sendAll(List<HealthObserved> events, CompletableFuture<Integer> done) {
        AtomicInteger left = new AtomicInteger(events.size());
        Callback acked = (metadata, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else if (left.decrementAndGet() == 0) {
                done.complete(events.size());
            }
        };
        try {
            for (HealthObserved event : events) {
                if (done.isDone()) {
                    return; // failed (or timed out): the sender sends the whole batch again
                }
                producer.send(
                        new ProducerRecord<>(
                                Topics.HEALTH_OBSERVED,
                                null,
                                event.serviceId(),
                                HealthObservedJson.write(event),
                                headers(event)),
                        acked);
            }
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private static RecordHeaders headers(HealthObserved event) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", SPEC_VERSION);
        h.add("ce_id", bytes(randomId()));
        h.add("ce_source", SOURCE_BYTES);
        h.add("ce_type", TYPE_BYTES);
        h.add("ce_time", bytes(Instants.format(event.receivedAt())));
        h.add("content-type", JSON);
        return h;
    }

    /**
     * A version-4 UUID from {@link ThreadLocalRandom}: unique per record as CloudEvents asks, without
     * {@code UUID.randomUUID()}'s shared SecureRandom on every observation (nothing secret rides on it).
     */
    static String randomId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
