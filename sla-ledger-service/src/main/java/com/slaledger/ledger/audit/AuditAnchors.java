package com.slaledger.ledger.audit;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.AuditAnchored;
import com.slaledger.events.EventJson;
import com.slaledger.events.Topics;
import com.slaledger.support.persistence.CallerContext;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The audit log's head as anchored on Kafka ({@link Topics#AUDIT_HEADS}), outside the ledger's
 * database: read when the log is verified, without a consumer group (assigned, from the end).
 * The newest of the last records counts (several instances relay heads; their order on the topic
 * may differ from the log's by a few).
 */
@ApplicationScoped
public class AuditAnchors {

    /** The key every head is published under (one partition, compacted to the newest). */
    public static final String KEY = "audit";

    /** How many of the newest records are read to find the highest head. */
    static final int TAIL = 64;

    private final Map<String, Object> kafka;

    public AuditAnchors(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** The highest anchored head; empty when none was ever published. */
    public Uni<Optional<AuditAnchored>> latest() {
        // the consumer blocks: read on a worker, answered where the request's database session lives
        return CallerContext.offload(this::read, Infrastructure.getDefaultWorkerPool());
    }

    private Optional<AuditAnchored> read() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sla-ledger-audit-verify");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(Topics.AUDIT_HEADS, Duration.ofSeconds(5))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
            long wanted = 0;
            for (TopicPartition tp : partitions) {
                long end = ends.getOrDefault(tp, 0L);
                long from = Math.max(starts.getOrDefault(tp, 0L), end - TAIL);
                consumer.seek(tp, from);
                wanted += Math.max(0, end - from);
            }
            AuditAnchored highest = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long seen = 0;
            while (seen < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    seen++;
                    if (!KEY.equals(r.key()) || r.value() == null) {
                        continue;
                    }
                    AuditAnchored a = EventJson.mapper().readValue(r.value(), AuditAnchored.class);
                    if (highest == null || a.seq() > highest.seq()) {
                        highest = a;
                    }
                }
                // a compacted partition has gaps: its end offset may lie beyond the last record
                if (seen < wanted
                        && consumer.assignment().stream()
                                .allMatch(tp -> consumer.position(tp) >= ends.getOrDefault(tp, 0L))) {
                    break;
                }
            }
            return Optional.ofNullable(highest);
        } catch (IOException e) {
            throw new IllegalStateException("an anchored audit head is unreadable", e);
        }
    }
}
