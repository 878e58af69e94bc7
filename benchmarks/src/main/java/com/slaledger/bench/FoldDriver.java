package com.slaledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.slaledger.events.EventSerializer;
import com.slaledger.events.HealthObserved;
import com.slaledger.events.HealthStatus;
import com.slaledger.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fold throughput of a running ledger: produces N distinct health observations to the broker as
 * monitor-service would (JSON, keyed by service, acks=all), then waits until the ledger's
 * database holds all of them. Prints one line of key=value figures.
 *
 * <p>Usage: {@code FoldDriver <bootstrap> <jdbcUrl> <user> <password> <count> [services]}
 */
public final class FoldDriver {

    private FoldDriver() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("drain")) {
            drain(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), args.length > 6 ? args[6] : null);
            return;
        }
        String bootstrap = args[0];
        String jdbcUrl = args[1];
        String user = args[2];
        String password = args[3];
        int count = Integer.parseInt(args[4]);
        int services = args.length > 5 ? Integer.parseInt(args[5]) : 12;
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 6);

        Connection positions = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement position = positions.prepareStatement(
                "SELECT coalesce(sum(next_offset), 0) FROM fold_position WHERE topic = 'sla.health-observed'");
        long before = single(position);
        long done;
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        262_144,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4"),
                new StringSerializer(),
                new EventSerializer())) {
            Instant base = Instant.parse("2026-10-01T00:00:00Z");
            for (int i = 0; i < count; i++) {
                String service = run + "-s" + (i % services);
                String probe = "p" + (i / services % 3);
                Instant at = base.plusSeconds(i / services / 3);
                HealthStatus status = (i / services / 3) % 10 < 2 ? HealthStatus.DOWN : HealthStatus.UP;
                producer.send(
                        new ProducerRecord<>(
                                Topics.HEALTH_OBSERVED,
                                service,
                                new HealthObserved(
                                        HealthObserved.dedupKey(null, service, probe, at, status),
                                        null,
                                        service,
                                        probe,
                                        status,
                                        at,
                                        null,
                                        null,
                                        Instant.now())),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.set(e);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        long produced = System.nanoTime();

        long stored;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement q = db.prepareStatement(
                        "SELECT count(*) FROM observation o JOIN probe p ON p.probe_key = o.probe_key WHERE p.service_id LIKE ?")) {
            // the fold position, not a count of the rows, tells when they are all in (see drain)
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (single(position) - before < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            done = System.nanoTime();
            q.setString(1, run + "-%");
            stored = single(q);
        }
        double produceSeconds = (produced - start) / 1e9;
        double foldSeconds = (done - start) / 1e9;
        System.out.printf(
                "fold records=%d stored=%d produce_s=%.2f produce_rate=%.0f fold_s=%.2f fold_rate=%.0f%n",
                count, stored, produceSeconds, count / produceSeconds, foldSeconds, stored / foldSeconds);
        positions.close();
        if (stored < count) {
            System.exit(1);
        }
    }

    /**
     * The drain of records already on the topic (issue "a fair benchmark"): observations posted
     * while the ledger was stopped, under the service-id prefix {@code run}; the harness starts the
     * ledger after this began. Timed from the first of them folded to the last, so the ledger's start
     * and its group join are not counted. The clock follows the ledger's fold position (the next
     * offsets it committed with the rows, a handful of rows to read) rather than counting the stored
     * observations: a {@code count(*)} over hundreds of thousands of rows every few milliseconds took
     * a core from PostgreSQL and slowed the very fold it timed. The rows are counted once at the end.
     *
     * <p>The harness pauses the fold without stopping the ledger (a stopped one would come back with a
     * cold JIT, and the drain would time its compiler): a session named {@code pause} holds an
     * exclusive lock on {@code fold_position}, so the fold's first transaction waits on it. This
     * driver ends that session once it has read where the fold stands.
     *
     * <p>Usage: {@code FoldDriver drain <jdbcUrl> <user> <password> <run> <count> [pause]}
     */
    static void drain(String jdbcUrl, String user, String password, String run, int count, String pause)
            throws Exception {
        long first = -1;
        long firstFolded = 0;
        long folded = 0;
        long done = -1;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement position = db.prepareStatement(
                        "SELECT coalesce(sum(next_offset), 0) FROM fold_position WHERE topic = 'sla.health-observed'");
                PreparedStatement rows = db.prepareStatement(
                        "SELECT count(*) FROM observation o JOIN probe p ON p.probe_key = o.probe_key WHERE p.service_id LIKE ?")) {
            long start = single(position);
            if (pause != null) {
                try (PreparedStatement release = db.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
                    release.setString(1, pause);
                    if (single(release) != 1) {
                        throw new IllegalStateException("no session " + pause + " held the fold");
                    }
                }
            }
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (folded < count && System.nanoTime() < deadline) {
                folded = single(position) - start;
                if (folded > 0 && first < 0) {
                    first = System.nanoTime();
                    firstFolded = folded;
                }
                if (folded < count) {
                    Thread.sleep(folded > 0 ? 10 : 100);
                }
            }
            done = System.nanoTime();
            rows.setString(1, run + "-%");
            long stored = single(rows);
            double seconds = (done - first) / 1e9;
            System.out.printf(
                    "drain records=%d stored=%d first_seen=%d seconds=%.2f rate=%.0f%n",
                    count, stored, firstFolded, seconds, (folded - firstFolded) / seconds);
            if (stored < count) {
                System.exit(1);
            }
        }
    }

    private static long single(PreparedStatement q) throws Exception {
        try (ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
