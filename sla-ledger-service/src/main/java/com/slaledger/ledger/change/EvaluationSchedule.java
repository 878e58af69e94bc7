package com.slaledger.ledger.change;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.slaledger.ledger.LedgerConfig;
import com.slaledger.support.scheduling.Ticker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Time-driven evaluations: each evaluation stores the contract's next due instant (the engine
 * computes it: Judgement.nextDue); every instance scans for the due ones every {@code
 * ledger.due-scan-interval} and turns them into evaluation triggers on {@code sla.evaluations}, so
 * the contract's owner evaluates it. The scan is one indexed query returning only what is due, with
 * {@code FOR UPDATE SKIP LOCKED}: several instances scan side by side and each due contract is
 * handed on once. An idle system does no work per contract. The same scan re-triggers change marks
 * that waited longer than {@code ledger.stale-mark} (their trigger may have been lost).
 */
@ApplicationScoped
public class EvaluationSchedule {

    /** Most due contracts handed on per transaction. */
    static final int BATCH = 1000;

    /** The due contracts handed on: their rows deleted, a trigger each, in one statement. */
    private static final String HAND_ON_DUE = "WITH due AS (DELETE FROM contract_due WHERE contract_id IN"
            + " (SELECT contract_id FROM contract_due WHERE due_at <= :now ORDER BY due_at LIMIT :n FOR UPDATE SKIP LOCKED)"
            + " RETURNING contract_id) " + ChangeMarkRepository.triggersFrom("due", "due", ":now");

    /** Keeps the earlier of the stored and the new instant. */
    private static final String SCHEDULE = "INSERT INTO contract_due (contract_id, due_at) VALUES (:c, :t)"
            + " ON CONFLICT (contract_id) DO UPDATE SET due_at = LEAST(contract_due.due_at, EXCLUDED.due_at)";

    /** Replaces the stored instant (an evaluation has just computed it from everything known). */
    private static final String RESCHEDULE = "INSERT INTO contract_due (contract_id, due_at) VALUES (:c, :t)"
            + " ON CONFLICT (contract_id) DO UPDATE SET due_at = EXCLUDED.due_at";

    private final ChangeMarkRepository changes;
    private final LedgerConfig config;
    private final Clock clock;
    private Ticker ticker;

    public EvaluationSchedule(ChangeMarkRepository changes, LedgerConfig config, Clock clock) {
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        ticker = Ticker.start("evaluation-schedule", config.evaluateDelay(), config.dueScanInterval(), this::scan);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
    }

    /** Due no later than {@code at} (an earlier stored instant stays). Call inside a transaction. */
    public Uni<Void> dueBy(String contractId, Instant at) {
        return store(SCHEDULE, contractId, at);
    }

    /** Due at {@code at}: what the evaluation that just ran computed. Call inside its transaction. */
    public Uni<Void> dueAt(String contractId, Instant at) {
        return store(RESCHEDULE, contractId, at);
    }

    private static Uni<Void> store(String statement, String contractId, Instant at) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(statement)
                        .setParameter("c", contractId)
                        .setParameter("t", at.truncatedTo(ChronoUnit.SECONDS))
                        .executeUpdate())
                .replaceWithVoid();
    }

    Uni<Void> scan() {
        return handOnDue(clock.instant())
                .chain(n -> Panache.withTransaction(
                        () -> changes.retriggerStale(clock.instant().minus(config.staleMark()), BATCH)))
                .onFailure()
                .invoke(e -> Log.warnf("scan for due evaluations failed (%s); the next scan retries", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Hands every contract due by {@code now} on to its owner (batch after batch); returns how many. */
    public Uni<Integer> handOnDue(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(HAND_ON_DUE)
                        .setParameter("now", now)
                        .setParameter("n", BATCH)
                        .executeUpdate()))
                .chain(n ->
                        n < BATCH ? Uni.createFrom().item(n) : handOnDue(now).map(more -> more + n));
    }
}
