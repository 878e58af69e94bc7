package com.slaledger.ledger.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.slaledger.events.Topics;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.support.messaging.ConsumerRetry;
import com.slaledger.support.messaging.DeadLetters;
import com.slaledger.support.persistence.Failures;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Folds health observations from Kafka with a plain consumer of its own (docs/architecture.md,
 * "The fold"): each poll (up to {@code ledger.fold-max-poll-records}) is read straight from its
 * bytes into {@link ObservationRecord}s and split into lanes by partition
 * ({@code ledger.fold-concurrency}); each lane's part is stored in one database transaction on its
 * own connection ({@link ObservationFold}: set-based statements, whatever the batch size), and the
 * poll's offsets are committed to Kafka only after every lane's transaction committed, in poll
 * order. While two polls are stored the next is fetched and read. A partition always goes to the
 * same lane, so its fold position only ever covers records already stored. A redelivered batch
 * inserts nothing twice: rows are keyed by the de-duplication key. A record that cannot be read
 * goes to the dead-letter topic with its own bytes; one that cannot be stored for a reason of its
 * own too, and the records around it are stored (SPEC §11): when a batch fails that way, its
 * records are stored one by one to find the culprits. A failure that is not the data's (the
 * database down) is retried until it succeeds.
 */
@ApplicationScoped
public class ObservationConsumer {

    static final String GROUP = "sla-ledger";

    /**
     * A batch read from one poll: what to store, where each came from (for the dead-letter topic),
     * what to commit after. Only the decoded fields are kept while it is stored, not the Kafka
     * records: a batch in flight must stay small enough to die young (docs/benchmarks.md, "Fold").
     */
    private record Batch(
            List<ObservationRecord> records, int[] partitions, long[] offsets, Map<TopicPartition, Long> next) {}

    /** One copy of each service and probe id (bounded: cleared when it grows past this). */
    private static final int CANONICAL_MAX = 100_000;

    private final Map<String, String> canonical = new HashMap<>();

    private final ObservationFold fold;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final Map<String, Object> kafka;
    private final int maxPollRecords;
    private final int concurrency;

    /**
     * One single-threaded lane per concurrent transaction; a partition always goes to the same
     * lane ({@code partition % concurrency}), so its batches are stored in order and its fold
     * position never passes records of an earlier batch still being stored (KnowledgeHorizon).
     */
    private final ExecutorService[] lanes;

    private volatile boolean running = true;
    private volatile boolean polling;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /** A poll being stored (a batch per lane) and the offsets to commit once it and every poll before it are. */
    private record InFlight(List<Future<?>> stored, Map<TopicPartition, OffsetAndMetadata> offsets) {}

    /** A poll read into a batch per lane, and the offsets it ends at. */
    private record Poll(List<Batch> lanes, Map<TopicPartition, Long> next) {}

    /** Polls being stored, oldest first: at most two while the next one is read. */
    private final Deque<InFlight> inFlight = new ArrayDeque<>();

    public ObservationConsumer(
            ObservationFold fold,
            DeadLetters deadLetters,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            LedgerConfig config,
            Clock clock) {
        this.fold = fold;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.maxPollRecords = config.foldMaxPollRecords();
        this.concurrency = config.foldConcurrency();
        this.lanes = new ExecutorService[concurrency];
        for (int i = 0; i < concurrency; i++) {
            String name = "observation-store-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> daemon(r, name));
        }
    }

    void start(@Observes StartupEvent event) {
        thread = daemon(this::run, "observation-fold");
        thread.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        }
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }

    /** Up while the consumer reaches the broker (ObservationFoldHealth). */
    public boolean polling() {
        return polling;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        // the broker settings the services share (kafka.*), not a producer's or admin's own
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sla-ledger-observations");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // a fetch response is one buffer: bounded, so that it does not land in the old generation
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        return config;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c =
                    new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                c.subscribe(List.of(Topics.HEALTH_OBSERVED), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        // the batches being stored belong to partitions about to go: finish them first
                        finishInFlight(c, 0);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
                });
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                    polling = true;
                    if (records.isEmpty()) {
                        finishInFlight(c, 0);
                        continue;
                    }
                    Poll poll = read(records);
                    finishInFlight(c, 2);
                    List<Future<?>> stored = new ArrayList<>(poll.lanes().size());
                    for (int lane = 0; lane < poll.lanes().size(); lane++) {
                        Batch batch = poll.lanes().get(lane);
                        if (!batch.next().isEmpty()) {
                            stored.add(lanes[lane].submit(() -> store(batch)));
                        }
                    }
                    inFlight.addLast(new InFlight(stored, offsets(poll.next())));
                }
                finishInFlight(c, 0);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                polling = false;
                if (running) {
                    Log.errorf(e, "the observation fold failed; reconnecting");
                    discardInFlight();
                    sleep(Duration.ofSeconds(1));
                }
            } finally {
                consumer = null;
            }
        }
    }

    /**
     * Waits for the oldest batches being stored until at most {@code left} remain, committing each
     * one's offsets once it is stored: in order, so a commit never passes a batch not yet stored.
     */
    private void finishInFlight(KafkaConsumer<String, byte[]> c, int left) {
        while (inFlight.size() > left) {
            InFlight oldest = inFlight.peekFirst();
            try {
                for (Future<?> f : oldest.stored()) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            } catch (ExecutionException e) {
                throw new IllegalStateException("storing observations failed", e.getCause());
            }
            inFlight.removeFirst();
            try {
                c.commitSync(oldest.offsets());
            } catch (CommitFailedException e) {
                // the group moved on: the batch is stored, its records will come again and change nothing
                Log.warnf("committing folded offsets failed (%s); the records will be redelivered", e.getMessage());
            }
        }
    }

    private void discardInFlight() {
        for (InFlight poll : inFlight) {
            for (Future<?> f : poll.stored()) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    f.cancel(true);
                }
            }
        }
        inFlight.clear();
    }

    /** Collects one lane's part of a poll. */
    private static final class LaneBuilder {
        final List<ObservationRecord> records = new ArrayList<>();
        final int[] partitions;
        final long[] offsets;
        final Map<TopicPartition, Long> next = new HashMap<>();

        LaneBuilder(int capacity) {
            partitions = new int[capacity];
            offsets = new long[capacity];
        }

        Batch build() {
            return new Batch(records, partitions, offsets, next);
        }
    }

    /**
     * Reads a poll into a batch per lane; unreadable records go to the dead-letter topic before
     * their batch is stored (their offsets still count: the fold never waits for a record it put
     * aside).
     */
    private Poll read(ConsumerRecords<String, byte[]> records) {
        int n = records.count();
        LaneBuilder[] builders = new LaneBuilder[concurrency];
        for (int i = 0; i < concurrency; i++) {
            builders[i] = new LaneBuilder(n);
        }
        List<Uni<Void>> rejected = new ArrayList<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        if (canonical.size() > CANONICAL_MAX) {
            canonical.clear();
        }
        Instant now = clock.instant();
        for (ConsumerRecord<String, byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            LaneBuilder lane = builders[r.partition() % concurrency];
            lane.next.merge(tp, r.offset() + 1, Math::max);
            next.merge(tp, r.offset() + 1, Math::max);
            ObservationRecord.Decoded d = ObservationRecord.decode(r.value(), this::canonical, now);
            if (d.problem() == null) {
                lane.partitions[lane.records.size()] = r.partition();
                lane.offsets[lane.records.size()] = r.offset();
                lane.records.add(d.record());
            } else {
                rejected.add(deadLetters.send(r.key(), r.value(), r.topic(), r.partition(), r.offset(), d.problem()));
            }
        }
        if (!rejected.isEmpty()) {
            Uni.join().all(rejected).andFailFast().await().atMost(Duration.ofMinutes(1));
        }
        List<Batch> out = new ArrayList<>(concurrency);
        for (LaneBuilder b : builders) {
            out.add(b.build());
        }
        return new Poll(out, next);
    }

    private String canonical(String id) {
        String known = canonical.putIfAbsent(id, id);
        return known == null ? id : known;
    }

    /** Stores a batch with its fold position; retried until done unless the data itself is at fault. */
    private void store(Batch batch) {
        long start = System.nanoTime();
        try {
            untilDone(batch.records(), batch.next());
            Log.debugf(
                    "folded %d observations in %d ms", batch.records().size(), (System.nanoTime() - start) / 1_000_000);
        } catch (InherentFailure e) {
            Log.warnf(
                    "a batch of %d observations could not be stored (%s); storing them one by one",
                    batch.records().size(), e.getCause());
            for (int i = 0; i < batch.records().size(); i++) {
                try {
                    untilDone(List.of(batch.records().get(i)), Map.of());
                } catch (InherentFailure alone) {
                    // what was read, as JSON (the original bytes are at the partition and offset named)
                    ObservationRecord r = batch.records().get(i);
                    deadLetters
                            .send(
                                    r.serviceId(),
                                    r.json(),
                                    Topics.HEALTH_OBSERVED,
                                    batch.partitions()[i],
                                    batch.offsets()[i],
                                    "cannot be stored: " + alone.getCause().getMessage())
                            .await()
                            .atMost(Duration.ofMinutes(1));
                }
            }
            untilDone(List.of(), batch.next());
        }
    }

    /** Stores the records until it succeeds (ConsumerRetry, while running); an inherent failure is thrown as such. */
    private void untilDone(List<ObservationRecord> records, Map<TopicPartition, Long> next) {
        try {
            ConsumerRetry.untilDone(
                            fold.fold(records, next)
                                    .ifNoItem()
                                    .after(Duration.ofMinutes(2))
                                    .fail(),
                            Failures::isInherent,
                            () -> running)
                    .await()
                    .indefinitely();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (Failures.isInherent(cause)) {
                throw new InherentFailure(cause);
            }
            throw e;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(Map<TopicPartition, Long> next) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        next.forEach((tp, o) -> out.put(tp, new OffsetAndMetadata(o)));
        return out;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failure no retry can cure (Failures.isInherent). */
    private static final class InherentFailure extends RuntimeException {
        InherentFailure(Throwable cause) {
            super(cause);
        }
    }
}
