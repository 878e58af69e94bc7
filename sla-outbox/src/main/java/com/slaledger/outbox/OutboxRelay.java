package com.slaledger.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.slaledger.events.Topics;
import com.slaledger.support.messaging.DeadLetters;
import com.slaledger.support.scheduling.Ticker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes pending outbox messages in the order they were written and marks them published
 * once Kafka acknowledged them. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances of a service relay side by side without publishing a row twice at once. If Kafka
 * fails, the transaction rolls back and the rows are sent again later: at least once, in order
 * per key; consumers de-duplicate. A message the broker refuses for good (too large) goes to the
 * dead-letter topic instead of blocking every message after it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String CLAIM = "SELECT * FROM outbox_message WHERE published_at IS NULL"
            + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED";

    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('sla-outbox-relay'))";

    /** How much of a refused message the dead letter keeps. */
    static final int DEAD_LETTER_EXCERPT = 10_000;

    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final OutboxConfig config;
    private final Clock clock;
    private Ticker ticker;

    public OutboxRelay(
            @Channel("outbox") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            OutboxConfig config,
            Clock clock) {
        this.emitter = emitter;
        this.batchSize = config.batchSize();
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts after a delay (the messaging channels are wired only once the application has
     * started), then relays every poll interval, batch after batch while there is a backlog.
     */
    void start(@Observes StartupEvent event) {
        ticker = Ticker.start("outbox-relay", config.startDelay(), config.pollInterval(), this::drain);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
    }

    /** Relays batch after batch until fewer than a full batch was pending; returns how many. */
    Uni<Integer> drain() {
        return relay().chain(n -> n < batchSize ? Uni.createFrom().item(n) : drain().map(more -> more + n))
                .call(this::pruneNowAndThen);
    }

    private volatile Instant lastPrune = Instant.EPOCH;

    /** At most once a minute: deletes messages published longer ago than {@code sla.outbox.keep-published}. */
    private Uni<Void> pruneNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(lastPrune.plusSeconds(60))) {
            return Uni.createFrom().voidItem();
        }
        lastPrune = now;
        return prune(now.minus(config.keepPublished())).replaceWithVoid();
    }

    /** Deletes messages published before {@code before}; returns how many. */
    public Uni<Integer> prune(Instant before) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM outbox_message WHERE published_at < :t")
                        .setParameter("t", before)
                        .executeUpdate()));
    }

    /**
     * Publishes one batch of pending messages; returns how many were published. One relay at a
     * time per database, whatever the number of instances (a transaction-level advisory lock, held
     * while the batch is sent): two relays claiming batches side by side would publish a key's
     * newer messages while its older ones are still in flight, and per-key order, which consumers
     * and the compacted contracts topic rely on, would be lost (SPEC §11). An instance that finds
     * the lock taken relays nothing this time.
     */
    public Uni<Integer> relay() {
        return Panache.withTransaction(
                () -> Panache.getSession().chain(session -> session.createNativeQuery(LOCK, Boolean.class)
                        .getSingleResult()
                        .chain(mine -> !mine
                                ? Uni.createFrom().item(0)
                                : session.createNativeQuery(CLAIM, OutboxMessage.class)
                                        .setParameter("limit", batchSize)
                                        .getResultList()
                                        .chain(this::publish))));
    }

    private Uni<Integer> publish(List<OutboxMessage> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> acks = new ArrayList<>(pending.size());
        for (OutboxMessage m : pending) {
            acks.add(send(m.topic, m.key, m.payload, new RecordHeaders())
                    .onFailure(OutboxRelay::neverFits)
                    .recoverWithUni(e -> deadLetter(m, e)));
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

    private Uni<Void> send(String topic, String key, String payload, Headers headers) {
        return emitter.sendMessage(Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic)
                        .withKey(key)
                        .withHeaders(headers)
                        .build()));
    }

    /** Errors no retry can mend: a message the broker will never take must not block the rest. */
    static boolean neverFits(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends what the broker refused for good to the dead-letter topic instead (its start, its
     * size, where it was going and why), so that an operator sees it and the messages after it
     * still go out; the row then counts as published.
     */
    private Uni<Void> deadLetter(OutboxMessage m, Throwable failure) {
        Log.errorf(
                "outbox message %d for %s (key %s, %d characters) can never be published (%s); it goes to %s",
                m.id, m.topic, m.key, m.payload.length(), failure.toString(), Topics.DEAD_LETTERS);
        Headers headers = new RecordHeaders()
                .add(DeadLetters.REASON, utf8("outbox: " + failure))
                .add(DeadLetters.TOPIC, utf8(m.topic))
                .add(DeadLetters.SIZE, utf8(Integer.toString(m.payload.length())));
        String start = m.payload.substring(0, Math.min(m.payload.length(), DEAD_LETTER_EXCERPT));
        return send(Topics.DEAD_LETTERS, m.key, start, headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
