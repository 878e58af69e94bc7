package com.slaledger.ledger.change;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What the ledger knows (SPEC §7, judged on what is known). Every fold records, in the transaction
 * that stores its records, the next offset of each partition it folded ({@code fold_position});
 * the ledger is caught up when, for every partition of the observation, ticket and duty topics, that
 * position has reached the end offset the broker reported when the judgement began: everything
 * acknowledged to a sender by then (202 means acks=all, so at or below the high watermark) has been
 * folded. Positions live in the database, so the answer holds across restarts and for partitions
 * folded by another instance. The lag is the gauge {@code sla_ledger_fold_lag_records}.
 */
@ApplicationScoped
public class KnowledgeHorizon {

    static final List<String> FOLDED = List.of(Topics.HEALTH_OBSERVED, Topics.TICKETS, Topics.DUTIES);

    /** Asked with them: how many records the dead-letter topic has ever received (its end offsets). */
    static final List<String> ASKED =
            List.of(Topics.HEALTH_OBSERVED, Topics.TICKETS, Topics.DUTIES, Topics.DEAD_LETTERS);

    private static final String UPSERT = "INSERT INTO fold_position (topic, partition, next_offset)"
            + " SELECT * FROM unnest($1::varchar[], $2::int[], $3::bigint[])"
            + " ON CONFLICT (topic, partition) DO UPDATE SET"
            + " next_offset = GREATEST(fold_position.next_offset, EXCLUDED.next_offset)";

    private final Map<String, Object> kafka;
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong deadLetters = new AtomicLong(-1);
    private Admin admin;

    public KnowledgeHorizon(@Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry metrics) {
        this.kafka = kafka;
        Gauge.builder("sla.ledger.fold.lag.records", lag, AtomicLong::get)
                .description("Records acknowledged to senders and not yet folded by the ledger (-1: unknown)")
                .register(metrics);
        Gauge.builder("sla.dead.letter.records", deadLetters, AtomicLong::get)
                .description(
                        "Records ever sent to the dead-letter topic by any service (-1: unknown); alert on increase")
                .register(metrics);
    }

    /** Records the next offsets folded, on the fold's own connection (sorted: one lock order). */
    public static Uni<Void> folded(SqlConnection conn, Map<TopicPartition, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        TreeMap<String, Long> sorted = new TreeMap<>();
        nextOffsets.forEach((tp, o) -> sorted.put(tp.topic() + "\u0000" + tp.partition(), o));
        String[] topics = new String[sorted.size()];
        Integer[] partitions = new Integer[sorted.size()];
        Long[] offsets = new Long[sorted.size()];
        int i = 0;
        for (var e : sorted.entrySet()) {
            String[] key = e.getKey().split("\u0000");
            topics[i] = key[0];
            partitions[i] = Integer.parseInt(key[1]);
            offsets[i] = e.getValue();
            i++;
        }
        return conn.preparedQuery(UPSERT)
                .execute(Tuple.of(topics, partitions, offsets))
                .replaceWithVoid();
    }

    /** The same within the current Hibernate Reactive session's transaction. */
    public static Uni<Void> folded(String topic, int partition, long nextOffset) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO fold_position (topic, partition, next_offset)"
                                + " VALUES (:t, :p, :o) ON CONFLICT (topic, partition) DO UPDATE SET"
                                + " next_offset = GREATEST(fold_position.next_offset, EXCLUDED.next_offset)")
                        .setParameter("t", topic)
                        .setParameter("p", partition)
                        .setParameter("o", nextOffset)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Whether everything acknowledged up to now has been folded. False when the broker cannot be
     * asked (what cannot be known is not known). Call on a Vert.x context, outside a session: the
     * broker is asked on a worker thread, the database back on the caller's context.
     */
    public Uni<Boolean> caughtUp() {
        Context context = Vertx.currentContext();
        Uni<Map<TopicPartition, long[]>> ends =
                Uni.createFrom().item(this::offsets).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        if (context != null) {
            ends = ends.emitOn(command -> context.runOnContext(v -> command.run()));
        }
        return ends.chain(end -> Panache.withSession(() -> positions()).map(folded -> judge(end, folded)))
                .onFailure()
                .recoverWithItem(e -> {
                    Log.warnf(
                            "cannot tell whether the ledger is caught up (%s); judging on ended intervals only",
                            rootCause(e));
                    lag.set(-1);
                    return false;
                });
    }

    /**
     * Caught up when every partition's fold position has reached its end offset; the lag is the
     * sum of the gaps. Records the broker deleted by retention before they were folded (its log
     * start offset passed them) can never be folded: the position counts from the log start then,
     * so that an idle partition is not "behind" for ever.
     */
    static boolean judge(Map<TopicPartition, long[]> offsets, Map<TopicPartition, Long> folded, long[] lagAndDead) {
        long behind = 0;
        long dead = 0;
        for (var e : offsets.entrySet()) {
            long start = e.getValue()[0];
            long end = e.getValue()[1];
            if (e.getKey().topic().equals(Topics.DEAD_LETTERS)) {
                dead += end - start;
                continue;
            }
            long position = Math.max(start, folded.getOrDefault(e.getKey(), 0L));
            behind += Math.max(0, end - position);
        }
        lagAndDead[0] = behind;
        lagAndDead[1] = dead;
        return behind == 0;
    }

    private boolean judge(Map<TopicPartition, long[]> offsets, Map<TopicPartition, Long> folded) {
        long[] lagAndDead = new long[2];
        boolean caughtUp = judge(offsets, folded, lagAndDead);
        long behind = lagAndDead[0];
        long dead = lagAndDead[1];
        lag.set(behind);
        deadLetters.set(dead);
        return caughtUp;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    /** Each partition's log start and end offsets. */
    private Map<TopicPartition, long[]> offsets() {
        try {
            Admin a = admin();
            var described = a.describeTopics(ASKED).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            described.forEach((topic, d) -> d.partitions().forEach(p -> {
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            }));
            Map<TopicPartition, long[]> out = new HashMap<>();
            a.listOffsets(earliest)
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.put(tp, new long[] {info.offset(), 0}));
            a.listOffsets(latest)
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.computeIfAbsent(tp, k -> new long[2])[1] = info.offset());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read end offsets", e);
        }
    }

    private Uni<Map<TopicPartition, Long>> positions() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT topic, partition, next_offset FROM fold_position", Object[].class)
                        .getResultList())
                .map(rows -> {
                    Map<TopicPartition, Long> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.put(
                                new TopicPartition((String) r[0], ((Number) r[1]).intValue()),
                                ((Number) r[2]).longValue());
                    }
                    return out;
                });
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            kafka.forEach((k, v) -> {
                if (AdminClientConfig.configNames().contains(k)) {
                    config.put(k, v);
                }
            });
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "sla-ledger-horizon");
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
