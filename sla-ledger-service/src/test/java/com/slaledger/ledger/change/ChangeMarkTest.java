package com.slaledger.ledger.change;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.slaledger.testing.PinnedClock;
import com.slaledger.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A contract's change mark is never lost to a change that commits while the evaluator works, and
 * a mark that already waits costs no second trigger. The service's own evaluator runs beside
 * these tests and would claim the marks they set (the triggers do reach it): each test holds the
 * contract's evaluation lock, as another instance evaluating it would, so the evaluator leaves the
 * mark alone and asks again later.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@TestProfile(PinnedClock.class)
class ChangeMarkTest {

    @Inject
    ChangeMarkRepository marks;

    @Inject
    Pool pool;

    /** Holds the contract's evaluation lock (the evaluator's advisory lock) until closed. */
    private AutoCloseable evaluationHeld(String contract) {
        SqlConnection conn = pool.getConnection().await().indefinitely();
        String key = "evaluate:" + contract;
        conn.preparedQuery("SELECT pg_advisory_lock(hashtext($1))")
                .execute(Tuple.of(key))
                .await()
                .indefinitely();
        return () -> {
            try {
                conn.preparedQuery("SELECT pg_advisory_unlock(hashtext($1))")
                        .execute(Tuple.of(key))
                        .await()
                        .indefinitely();
            } finally {
                conn.closeAndAwait();
            }
        };
    }

    private static <T> T tx(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private static long triggers(String contract) throws Throwable {
        return tx(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT count(*) FROM outbox_message WHERE topic = 'sla.evaluations' AND message_key = :c",
                        Long.class)
                .setParameter("c", contract)
                .getSingleResult()));
    }

    @Test
    void aChangeAfterTheClaimMarksAndTriggersAgain() throws Throwable {
        String contract = unique("mark");
        try (AutoCloseable held = evaluationHeld(contract)) {
            changeAfterClaim(contract);
        }
    }

    private void changeAfterClaim(String contract) throws Throwable {
        Instant since = Instant.parse("2026-09-15T00:00:00Z");
        tx(() -> marks.contractChanged(contract, since, "test"));
        assertThat(triggers(contract)).isEqualTo(1);
        // a second change while the mark waits: the earlier instant is kept, no second trigger
        tx(() -> marks.contractChanged(contract, since.plusSeconds(3600), "test"));
        tx(() -> marks.contractChanged(contract, since.minusSeconds(60), "test"));
        assertThat(triggers(contract)).isEqualTo(1);

        // the evaluator claims the mark in its transaction ...
        assertThat(tx(() -> marks.claim(contract))).isEqualTo(since.minusSeconds(60));
        assertThat(tx(() -> marks.marked(contract))).isFalse();
        // ... a late ticket commits after that: a new mark, a new trigger
        tx(() -> marks.contractChanged(contract, since, "test"));
        assertThat(tx(() -> marks.marked(contract))).isTrue();
        assertThat(triggers(contract)).isEqualTo(2);
        assertThat(tx(() -> marks.claim(contract))).isEqualTo(since);
        assertThat(tx(() -> marks.claim(contract))).isNull();
    }

    @Test
    void aFailedEvaluationLeavesTheMark() throws Throwable {
        String contract = unique("mark");
        try (AutoCloseable held = evaluationHeld(contract)) {
            failedEvaluation(contract);
        }
    }

    private void failedEvaluation(String contract) throws Throwable {
        Instant since = Instant.parse("2026-09-15T00:00:00Z");
        tx(() -> marks.contractChanged(contract, since, "test"));
        // the claim is part of the evaluation's transaction: it fails, the mark is back
        assertThatThrownBy(() -> tx(() -> marks.claim(contract)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("evaluation failed")))))
                .hasMessageContaining("evaluation failed");
        assertThat(tx(() -> marks.marked(contract))).isTrue();
    }
}
