package com.slaledger.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.slaledger.events.Topics;
import com.slaledger.testing.TestKafka;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox relay on the real broker: a message the broker can never take does not block the rest. */
@QuarkusTest
class OutboxRelayTest {

    /** The relay's clock (the suite's instant): the rows' times are on it, as the relay's own prune reads them. */
    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Test
    void aMessageTooLargeForTheBrokerIsDeadLetteredAndTheNextOneStillGoesOut() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String huge = "x".repeat(2_000_000); // the broker takes at most 1 MB
        VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> outbox.add(Topics.TICKETS, "huge-" + run, Map.of("blob", huge))
                        .chain(() -> outbox.add(Topics.TICKETS, "after-" + run, Map.of("blob", "small")))));

        var dead = TestKafka.read(Topics.DEAD_LETTERS, r -> ("huge-" + run).equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), "dead-letter-reason")).contains("RecordTooLargeException");
        assertThat(TestKafka.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.TICKETS);
        assertThat(Integer.parseInt(TestKafka.header(dead.get(0), "dead-letter-size")))
                .isGreaterThan(huge.length());
        assertThat(dead.get(0).value().length).isEqualTo(10_000);

        var after = TestKafka.read(Topics.TICKETS, r -> ("after-" + run).equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(after).hasSize(1);
        assertThat(TestKafka.text(after.get(0))).contains("small");
    }

    @Inject
    OutboxRelay relay;

    /**
     * Several relays at once (as several instances would run them, besides the scheduled one):
     * a key's messages still reach the broker in the order they were written.
     */
    @Test
    void concurrentRelaysKeepPerKeyOrder() throws Throwable {
        String key = "order-" + UUID.randomUUID().toString().substring(0, 8);
        int count = 3000;
        // written at once, as a burst of changes would be (one statement: 3,000 rows), to a topic no
        // service consumes (on sla.tickets the ledger's tests would have to work through them)
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO outbox_message"
                                + " (topic, message_key, payload, created_at)"
                                + " SELECT :topic, :key, '{\"n\":' || n || '}', now()"
                                + " FROM generate_series(0, :last) AS n ORDER BY n")
                        .setParameter("topic", Topics.DEAD_LETTERS)
                        .setParameter("key", key)
                        .setParameter("last", count - 1)
                        .executeUpdate())));
        var threads = new java.util.ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    VertxContextSupport.subscribeAndAwait(() -> relay.drain());
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        var records = TestKafka.read(Topics.DEAD_LETTERS, r -> key.equals(r.key()), count, Duration.ofSeconds(60));
        assertThat(records).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(TestKafka.text(records.get(i))).as("record %d", i).isEqualTo("{\"n\":" + i + "}");
        }
    }

    /** Published messages are kept an hour, then deleted; pending ones never. */
    @Test
    void publishedMessagesArePrunedPendingOnesKept() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "INSERT INTO outbox_message"
                                        + " (topic, message_key, payload, created_at, published_at) VALUES"
                                        + " ('none', :old, '{}', CAST(:now AS timestamptz) - interval '3 hours',"
                                        + " CAST(:now AS timestamptz) - interval '2 hours'),"
                                        + " ('none', :recent, '{}', CAST(:now AS timestamptz), CAST(:now AS timestamptz) - interval '10 minutes')")
                        .setParameter("old", "old-" + run)
                        .setParameter("recent", "recent-" + run)
                        .setParameter("now", clock.instant())
                        .executeUpdate())));
        int pruned = VertxContextSupport.subscribeAndAwait(
                () -> relay.prune(clock.instant().minus(Duration.ofHours(1))));
        assertThat(pruned).isGreaterThanOrEqualTo(1);
        long left = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "SELECT count(*) FROM outbox_message WHERE message_key IN (:a, :b)", Long.class)
                        .setParameter("a", "old-" + run)
                        .setParameter("b", "recent-" + run)
                        .getSingleResult())));
        assertThat(left).isEqualTo(1);
    }
}
