package com.slaledger.support.messaging;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import com.slaledger.events.FoldedRecordDeserializer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends records that cannot be processed to the dead-letter topic, with the original bytes and the
 * reason in headers, so the consumer can go on and an operator can inspect or replay them. For
 * consumers that handle failures themselves (a batch consumer dead-letters single records and
 * folds the rest); per-record consumers use SmallRye's {@code dead-letter-queue} failure strategy,
 * which writes the same {@link #REASON} header. A service makes one from its own outgoing channel
 * ({@code dead-letters}), so that services that never dead-letter open no producer for it.
 */
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** How large a message was that the broker refused (the outbox relay sends only its start). */
    public static final String SIZE = "dead-letter-size";
    /** Set by the Kafka connector when the value could not be deserialised. */
    static final String FAILURE_REASON = FoldedRecordDeserializer.FAILURE_REASON;

    static final String FAILURE_DATA = FoldedRecordDeserializer.FAILURE_DATA;

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetters(MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(KafkaRecord<String, ?> record, String reason) {
        var headers = new RecordHeaders()
                .add(REASON, bytes(reason))
                .add(TOPIC, bytes(record.getTopic()))
                .add(PARTITION, bytes(Integer.toString(record.getPartition())));
        record.getMetadata(IncomingKafkaRecordMetadata.class)
                .ifPresent(m -> headers.add(OFFSET, bytes(Long.toString(m.getOffset()))));
        Header data = record.getHeaders().lastHeader(FAILURE_DATA);
        byte[] value = data != null ? data.value() : json(record.getPayload());
        return emitter.sendMessage(Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.getKey())
                        .withHeaders(headers)
                        .build()));
    }

    /**
     * For consumers that read raw records with a plain Kafka consumer: the record's own key and
     * bytes, and where it came from.
     */
    public Uni<Void> send(String key, byte[] value, String topic, int partition, long offset, String reason) {
        var headers = new RecordHeaders()
                .add(REASON, bytes(reason))
                .add(TOPIC, bytes(topic))
                .add(PARTITION, bytes(Integer.toString(partition)))
                .add(OFFSET, bytes(Long.toString(offset)));
        return emitter.sendMessage(Message.of(value == null ? new byte[0] : value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .withHeaders(headers)
                        .build()));
    }

    public static String deserializationFailure(KafkaRecord<String, ?> record) {
        Header reason = record.getHeaders().lastHeader(FAILURE_REASON);
        return "unreadable record: "
                + (reason == null ? "no value" : new String(reason.value(), StandardCharsets.UTF_8));
    }

    /** A record that was read but cannot be processed keeps its content, as JSON. */
    private static byte[] json(Object payload) {
        if (payload == null) {
            return new byte[0];
        }
        // a record read as text or bytes goes out as it came, not as a JSON string of itself
        if (payload instanceof String text) {
            return bytes(text);
        }
        if (payload instanceof byte[] raw) {
            return raw;
        }
        try {
            return EventJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            return bytes(String.valueOf(payload));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
