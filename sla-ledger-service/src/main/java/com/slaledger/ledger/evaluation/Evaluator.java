package com.slaledger.ledger.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.change.ChangeMarkRepository;
import com.slaledger.ledger.change.EvaluationSchedule;
import com.slaledger.ledger.change.KnowledgeHorizon;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.engine.Evaluation;
import com.slaledger.ledger.engine.Judgement;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Evaluates contracts (SPEC §7, §11): each in a transaction of its own, load → decide → record.
 * It claims the contract's change mark, loads what the engine needs ({@link EvaluationInputs}),
 * asks the engine for its decision ({@link Evaluation#decide}) and has it recorded ({@link
 * DecisionRecorder}: rows and outbox in that transaction, keyed so that each is published once,
 * and when the contract is next due). A contract whose evaluation fails is logged, counted in
 * {@code sla_evaluation_failures_total{contract}}, keeps its mark and is due again after {@code
 * ledger.failure-retry}; the others go on. A transaction-level advisory lock on the contract
 * guards the moments when two instances both believe they own it (a rebalance): the second asks
 * for the contract again a moment later.
 */
@ApplicationScoped
public class Evaluator {

    private final ContractRepository contracts;
    private final EvaluationInputs inputs;
    private final DecisionRecorder recorder;
    private final ChangeMarkRepository changes;
    private final EvaluationSchedule schedule;
    private final KnowledgeHorizon horizon;
    private final LedgerConfig config;
    private final MeterRegistry metrics;
    private final Vertx vertx;

    public Evaluator(
            ContractRepository contracts,
            EvaluationInputs inputs,
            DecisionRecorder recorder,
            ChangeMarkRepository changes,
            EvaluationSchedule schedule,
            KnowledgeHorizon horizon,
            LedgerConfig config,
            MeterRegistry metrics,
            Vertx vertx) {
        this.contracts = contracts;
        this.inputs = inputs;
        this.recorder = recorder;
        this.changes = changes;
        this.schedule = schedule;
        this.horizon = horizon;
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    /**
     * Every contract, as of {@code now}: a full pass, for operators and tests; the service itself
     * evaluates only the contracts it is asked to.
     */
    public Uni<Outcome> evaluate(Instant now) {
        return Panache.withSession(() -> contracts.everything()).chain(all -> evaluate(all.ids(), now));
    }

    /**
     * The given contracts, one transaction each, as of {@code now}: up to {@code
     * ledger.evaluation-concurrency} at once, each on a Vert.x context of its own (a reactive
     * session belongs to its context, so that no two evaluations share one).
     */
    public Uni<Outcome> evaluate(List<String> contractIds, Instant now) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(Outcome.NONE);
        }
        return horizon.caughtUp().chain(caughtUp -> Multi.createFrom()
                .iterable(contractIds)
                .onItem()
                .transformToUni(id -> onOwnContext(() -> isolated(id, caughtUp, now)))
                .merge(config.evaluationConcurrency())
                .collect()
                .in(() -> new Outcome[] {Outcome.NONE}, (acc, o) -> acc[0] = acc[0].plus(o))
                .map(acc -> acc[0]));
    }

    /** Runs the work on a new duplicated Vert.x context (its own reactive session and transaction). */
    private <T> Uni<T> onOwnContext(Supplier<Uni<? extends T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .emitter(e -> context.runOnContext(
                        ignored -> Uni.createFrom().deferred(work).subscribe().with(e::complete, e::fail)));
    }

    /** One contract in its own transaction; its failure is logged and counted, and stops nothing else. */
    private Uni<Outcome> isolated(String contractId, boolean caughtUp, Instant now) {
        return Panache.withTransaction(() -> locked(contractId)
                        .chain(mine -> mine
                                ? changes.claim(contractId).chain(since -> evaluate(contractId, since, caughtUp, now))
                                : schedule.dueBy(contractId, now.plusSeconds(Judgement.BUSY_RETRY_SECONDS))
                                        .replaceWith(Outcome.NONE)))
                .onFailure()
                .recoverWithUni(e -> failed(contractId, e, now));
    }

    private Uni<Outcome> failed(String contractId, Throwable e, Instant now) {
        Log.errorf(
                e,
                "evaluation of contract %s failed; the others go on, it is tried again in %s",
                contractId,
                config.failureRetry());
        metrics.counter("sla.evaluation.failures", "contract", contractId).increment();
        return Panache.withTransaction(() -> schedule.dueBy(contractId, now.plus(config.failureRetry())))
                .replaceWith(Outcome.FAILED)
                .onFailure()
                .recoverWithItem(Outcome.FAILED);
    }

    /** A transaction-level advisory lock on the contract: false while another instance evaluates it. */
    private static Uni<Boolean> locked(String contractId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(:k))", Boolean.class)
                        .setParameter("k", "evaluate:" + contractId)
                        .getSingleResult());
    }

    /**
     * Load, decide, record: one contract, as of {@code now}, whose data changed from {@code since}
     * on (null: no change, only the current and previous period). Call inside a transaction.
     */
    Uni<Outcome> evaluate(String contractId, Instant since, boolean caughtUp, Instant now) {
        return inputs.load(contractId, since, now).chain(loaded -> {
            if (loaded == null) {
                return Uni.createFrom().item(Outcome.NONE);
            }
            Evaluation.Decision decision = Evaluation.decide(
                    loaded.plan(),
                    loaded.versions(),
                    loaded.facts(),
                    loaded.published(),
                    caughtUp,
                    now.getEpochSecond(),
                    new Evaluation.Settings(
                            config.grace().getSeconds(), config.behindRetry().getSeconds()));
            return recorder.record(loaded.history(), decision, now);
        });
    }
}
