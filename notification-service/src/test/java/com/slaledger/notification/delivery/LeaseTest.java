package com.slaledger.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import com.slaledger.testing.SmtpServerResource;
import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §8 with several instances: a notice's lease is taken again when its mails go out, and only
 * by the attempt that holds it. An attempt whose notice was taken over by another (its attempt
 * count moved on, as when another instance claimed it after the first lease ran out) sends nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(SmtpServerResource.class)
class LeaseTest {

    @Inject
    NoticeSender sender;

    @Inject
    Pool pool;

    /** The sender's clock: the notice's times are on it. */
    @Inject
    Clock clock;

    @Test
    void onlyTheAttemptThatHoldsTheNoticeTakesItsLease() {
        String id = UUID.randomUUID().toString();
        Instant created = clock.instant();
        // a notice claimed three times, and never due by itself (it belongs to no contract anybody knows)
        pool.preparedQuery("INSERT INTO notice (id, idempotency_key, contract_id, period, kind, payload, status,"
                        + " attempts, next_attempt_at, created_at) VALUES ($1, $2, 'lease-test', '2026-10', 'SHORTFALL',"
                        + " '{}', 'PENDING', 3, $3, $4)")
                .execute(Tuple.of(
                        id,
                        "lease-test/" + id,
                        created.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC),
                        created.atOffset(ZoneOffset.UTC)))
                .await()
                .atMost(Duration.ofSeconds(10));

        Instant now = clock.instant();
        assertThat(sender.lease(id, 2, now).await().atMost(Duration.ofSeconds(10)))
                .as("an attempt that was taken over")
                .isFalse();
        assertThat(sender.lease(id, 3, now).await().atMost(Duration.ofSeconds(10)))
                .as("the attempt that holds it")
                .isTrue();
        var next = pool.preparedQuery("SELECT next_attempt_at FROM notice WHERE id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getOffsetDateTime(0)
                .toInstant();
        // the lease (notification.send-lease) counts from the send, not from the claim
        assertThat(next).isAfter(now).isBefore(now.plus(Duration.ofDays(1)));

        pool.preparedQuery("UPDATE notice SET status = 'SENT' WHERE id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(Duration.ofSeconds(10));
        assertThat(sender.lease(id, 3, now).await().atMost(Duration.ofSeconds(10)))
                .as("a notice already sent")
                .isFalse();
    }
}
