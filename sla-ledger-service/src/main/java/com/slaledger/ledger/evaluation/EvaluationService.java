package com.slaledger.ledger.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.Topics;
import com.slaledger.events.WarningIssued;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.Sha256;
import com.slaledger.ledger.checklist.ChecklistInputRepository;
import com.slaledger.ledger.checklist.ChecklistInputs;
import com.slaledger.ledger.contract.ContractEvents;
import com.slaledger.ledger.contract.ContractHistory;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.Judgement;
import com.slaledger.ledger.engine.Periods;
import com.slaledger.ledger.engine.PolicyFigures;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.ledger.engine.StatementCalculator;
import com.slaledger.ledger.engine.StatementInterval;
import com.slaledger.ledger.engine.Warnings;
import com.slaledger.ledger.shortfall.Shortfall;
import com.slaledger.ledger.shortfall.ShortfallRepository;
import com.slaledger.ledger.statement.EngineMapping;
import com.slaledger.ledger.statement.IssuedStatement;
import com.slaledger.ledger.statement.IssuedStatementRepository;
import com.slaledger.ledger.warning.Warning;
import com.slaledger.ledger.warning.WarningRepository;
import com.slaledger.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Evaluates a contract when something that can change its result has happened or is due (SPEC
 * §7, §11): its current and previous period, and every earlier period that changed data touched
 * (the contract's change mark). Publishes a shortfall the first time counted downtime exceeds the
 * allowance and again at each higher credit tier, also while an outage is still ongoing and for a
 * past period when late data makes it true; warnings as the current period's downtime reaches each
 * alert threshold; and a period's statement once its grace time is over, then an amendment
 * whenever late data changes it.
 *
 * <p>Work arrives on {@code sla.evaluations}, keyed by contract, read by the consumer group
 * {@code sla-ledger-evaluator}: Kafka's partition assignment makes exactly one instance the owner of
 * each contract and moves ownership when an instance dies (docs/architecture.md, "Evaluation").
 * Triggers are written through the outbox in the transaction that changes a contract's data (a
 * fold, a ticket, new terms: ChangeMarkRepository), or by EvaluationSchedule when the instant the
 * engine computed at the last evaluation comes (an ongoing outage reaching the allowance, a tier or
 * a warning threshold; a period's end; its grace running out). A contract nothing happens to costs
 * nothing.
 *
 * <p>Each contract is evaluated in a transaction of its own: claim its mark, load, decide (the
 * engine's Judgement), record (rows and outbox in that transaction, keyed so that each is
 * published once), store when it is next due. A contract whose evaluation fails is logged,
 * counted in {@code sla_evaluation_failures_total{contract}}, keeps its mark and is due again
 * after {@code ledger.failure-retry}; the others go on (SPEC §11). A transaction-level advisory
 * lock on the contract guards the moments when two instances both believe they own it (a
 * rebalance): the second one asks for the contract again a second later.
 */
@ApplicationScoped
public class EvaluationService {

    /** How far back late data is followed: older periods are left as they were issued. */
    static final int MAX_LOOKBACK_MONTHS = 24;

    private final ContractRepository contracts;
    private final EngineInputRepository inputs;
    private final ChecklistInputRepository checklists;
    private final ContractMetrics contractMetrics;
    private final ShortfallRepository shortfalls;
    private final IssuedStatementRepository issued;
    private final WarningRepository warnings;
    private final Outbox outbox;
    private final ChangeMarkRepository changes;
    private final EvaluationSchedule schedule;
    private final KnowledgeHorizon horizon;
    private final LedgerConfig config;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final Clock clock;

    public EvaluationService(
            ContractRepository contracts,
            EngineInputRepository inputs,
            ChecklistInputRepository checklists,
            ContractMetrics contractMetrics,
            ShortfallRepository shortfalls,
            IssuedStatementRepository issued,
            WarningRepository warnings,
            Outbox outbox,
            ChangeMarkRepository changes,
            EvaluationSchedule schedule,
            KnowledgeHorizon horizon,
            LedgerConfig config,
            MeterRegistry metrics,
            Vertx vertx,
            Clock clock) {
        this.contracts = contracts;
        this.inputs = inputs;
        this.checklists = checklists;
        this.contractMetrics = contractMetrics;
        this.shortfalls = shortfalls;
        this.issued = issued;
        this.warnings = warnings;
        this.outbox = outbox;
        this.changes = changes;
        this.schedule = schedule;
        this.horizon = horizon;
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
        this.clock = clock;
    }

    /**
     * A batch of triggers from {@code sla.evaluations} (the partitions this instance owns): each
     * contract named is evaluated once however many triggers name it, then the batch is
     * acknowledged. A failing contract stops no other and is due again later.
     */
    @Incoming("evaluations")
    public Uni<Void> triggered(KafkaRecordBatch<String, String> batch) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (KafkaRecord<String, String> r : batch) {
            if (r.getKey() != null) {
                ids.add(r.getKey());
            }
        }
        return evaluate(List.copyOf(ids), clock.instant())
                .invoke(o -> Log.debugf("evaluated %d contracts: %s", ids.size(), o))
                .onFailure()
                .invoke(e -> Log.errorf(e, "evaluating %s failed; their marks and due instants stay", ids))
                .onFailure()
                .recoverWithNull()
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** What evaluations published, and how many contracts failed. */
    public record Outcome(int shortfalls, int statements, int warnings, int failures) {

        static final Outcome NONE = new Outcome(0, 0, 0, 0);

        Outcome plus(Outcome o) {
            return new Outcome(
                    shortfalls + o.shortfalls, statements + o.statements, warnings + o.warnings, failures + o.failures);
        }
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
                .transformToUni(id -> onOwnContext(() -> evaluateIsolated(id, caughtUp, now)))
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
    private Uni<Outcome> evaluateIsolated(String contractId, boolean caughtUp, Instant now) {
        return Panache.withTransaction(() -> locked(contractId)
                        .chain(mine -> mine
                                ? changes.claim(contractId)
                                        .chain(since -> evaluateContract(contractId, since, caughtUp, now))
                                // another instance is at it: asked again in a second, after it is done
                                : schedule.dueBy(contractId, now.plusSeconds(1)).replaceWith(Outcome.NONE)))
                .onFailure()
                .recoverWithUni(e -> {
                    Log.errorf(
                            e,
                            "evaluation of contract %s failed; the others go on, it is tried again in %s",
                            contractId,
                            config.failureRetry());
                    metrics.counter("sla.evaluation.failures", "contract", contractId)
                            .increment();
                    Outcome failed = new Outcome(0, 0, 0, 1);
                    return Panache.withTransaction(() -> schedule.dueBy(contractId, now.plus(config.failureRetry())))
                            .replaceWith(failed)
                            .onFailure()
                            .recoverWithItem(failed);
                });
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
    Uni<Outcome> evaluateContract(String contractId, Instant since, boolean caughtUp, Instant now) {
        return contracts.history(contractId).chain(history -> {
            if (history == null) {
                return Uni.createFrom().item(Outcome.NONE);
            }
            ContractVersion current = history.current();
            long nowSecond = now.getEpochSecond();
            List<Long> marks = since == null ? List.of() : List.of(since.getEpochSecond());
            List<YearMonth> periods =
                    Judgement.periodsToEvaluate(nowSecond, current.zone(), marks, MAX_LOOKBACK_MONTHS);
            List<String> periodNames = periods.stream().map(YearMonth::toString).toList();
            YearMonth currentPeriod = periods.get(0);
            List<ContractVersion> all = history.entries().stream()
                    .map(ContractHistory.Entry::version)
                    .toList();
            long minimum = all.stream()
                    .mapToLong(v -> v.engine().minimumDowntimeSeconds())
                    .max()
                    .orElse(0);
            // only the evaluated periods' data is read, whatever the length of history
            var window = Judgement.inputWindow(periods.get(periods.size() - 1), currentPeriod, current.zone(), minimum);
            return inputs.load(all, window).chain(in -> checklists
                    .load(contractId, all, window)
                    .chain(cl -> shortfalls.of(contractId, periodNames).chain(published -> issued.of(
                                    contractId, periodNames)
                            .chain(versions -> warnings.of(contractId, currentPeriod.toString())
                                    .chain(warned -> {
                                        Map<String, BigDecimal> highest = highestTiers(published);
                                        Set<String> elementsShort = elementsShort(published);
                                        Set<BigDecimal> warnedNow = new HashSet<>();
                                        warned.forEach(w -> warnedNow.add(w.thresholdPercent));
                                        List<Uni<Outcome>> work = new ArrayList<>();
                                        for (YearMonth period : periods) {
                                            ContractVersion terms = history.inForce(period);
                                            Statement s = StatementCalculator.statement(
                                                    terms.engine(),
                                                    period,
                                                    in.histories(),
                                                    in.ticketOpenOf(contractId),
                                                    nowSecond,
                                                    config.grace().getSeconds());
                                            List<Checklist.Item> items = cl.elements(s, terms, nowSecond);
                                            PolicyFigures judged = Judgement.judged(s, caughtUp);
                                            work.add(shortfall(terms, s, judged, caughtUp, highest, now));
                                            if (caughtUp) {
                                                work.add(elementShortfalls(terms, s, items, elementsShort, now));
                                            }
                                            if (period.equals(currentPeriod)) {
                                                work.add(contractMetrics
                                                        .record(contractId, s, items, now)
                                                        .replaceWith(Outcome.NONE));
                                                work.add(warn(terms, s, judged, warned, now));
                                                warnedNow.addAll(Warnings.reached(
                                                        terms.engine().warningThresholds(),
                                                        judged.downtimeSeconds(),
                                                        judged.allowanceSeconds()));
                                            }
                                            work.add(close(history, terms, s, items, versions, now));
                                        }
                                        Instant due = caughtUp
                                                ? nextDue(history, currentPeriod, in, cl, highest, warnedNow, nowSecond)
                                                : now.plus(config.behindRetry());
                                        return Multi.createFrom()
                                                .iterable(work)
                                                .onItem()
                                                .transformToUniAndConcatenate(u -> u)
                                                .collect()
                                                .in(
                                                        () -> new Outcome[] {Outcome.NONE},
                                                        (acc, o) -> acc[0] = acc[0].plus(o))
                                                .map(acc -> acc[0])
                                                .call(() -> schedule.dueAt(contractId, due));
                                    })))));
        });
    }

    /**
     * When the contract is next due with no new data (Judgement.nextDue): the first instant at
     * which the current period owes a new tier or warning as time passes (searched on the
     * statement as of later instants: counted time only grows), its end, the previous period's
     * grace. Called after this evaluation's decisions, with what they published.
     */
    private Instant nextDue(
            ContractHistory history,
            YearMonth currentPeriod,
            EngineInputRepository.Inputs in,
            ChecklistInputs cl,
            Map<String, BigDecimal> highest,
            Set<BigDecimal> warned,
            long now) {
        ContractVersion terms = history.inForce(currentPeriod);
        String contractId = terms.contractId();
        long end = Periods.end(currentPeriod, terms.zone());
        long previousEnd = Periods.start(currentPeriod, terms.zone());
        long grace = config.grace().getSeconds();
        BigDecimal published = highest.get(currentPeriod.toString());
        List<BigDecimal> alreadyWarned = List.copyOf(warned);
        Long change = Judgement.firstInstant(now, end, at -> {
            Statement s = StatementCalculator.statement(
                    terms.engine(), currentPeriod, in.histories(), in.ticketOpenOf(contractId), at, grace);
            PolicyFigures f = s.figures();
            return Judgement.newShortfallTier(f, published) != null
                    || !Warnings.due(
                                    terms.engine().warningThresholds(),
                                    f.downtimeSeconds(),
                                    f.allowanceSeconds(),
                                    alreadyWarned)
                            .isEmpty();
        });
        // a ticket's deadline or a duty's next success passing in silence (SPEC §13)
        Long silent = Checklist.nextSilentDeadline(cl.agreement(terms), cl.tickets(), cl.evidence(), now);
        if (silent != null && (change == null || silent < change)) {
            change = silent;
        }
        return Instant.ofEpochSecond(Judgement.nextDue(now, change, end, previousEnd, grace));
    }

    /** The highest availability credit tier already published per period. */
    static Map<String, BigDecimal> highestTiers(List<Shortfall> published) {
        Map<String, BigDecimal> highest = new HashMap<>();
        for (Shortfall k : published) {
            if (k.isAvailability()) {
                highest.merge(k.period, k.creditPercent, BigDecimal::max);
            }
        }
        return highest;
    }

    /** The other elements already published short, as "period/element". */
    static Set<String> elementsShort(List<Shortfall> published) {
        Set<String> out = new HashSet<>();
        for (Shortfall k : published) {
            if (!k.isAvailability()) {
                out.add(k.period + "/" + k.element);
            }
        }
        return out;
    }

    /**
     * Shortfalls of the elements besides availability (SPEC §13): each support target and duty
     * that can no longer be met as of now, once per (contract, period, element). Only judged when
     * the ledger has folded everything acknowledged (a response or a backup may still be on its
     * way, and a notice cannot be taken back).
     */
    private Uni<Outcome> elementShortfalls(
            ContractVersion c, Statement s, List<Checklist.Item> items, Set<String> published, Instant now) {
        String period = s.period().toString();
        PolicyFigures f = s.figures();
        Uni<Void> chain = Uni.createFrom().voidItem();
        int count = 0;
        for (Checklist.Item item : items) {
            if (item.isAvailability()
                    || item.shortfallAt() == null
                    || item.shortfallAt() > now.getEpochSecond()
                    || !published.add(period + "/" + item.element())) {
                continue;
            }
            count++;
            Shortfall row = row(c, period, item.element(), BigDecimal.ZERO, f, now);
            row.agreed = item.agreed();
            row.measured = item.measured();
            row.decidedAt = Instant.ofEpochSecond(item.shortfallAt());
            var event = event(c, period, f, EngineMapping.plain(f.creditPercent()), List.of(), now, item);
            Log.infof(
                    "shortfall: contract %s period %s element %s (agreed %s, measured %s)",
                    c.contractId(), period, item.element(), item.agreed(), item.measured());
            chain = chain.chain(() -> shortfalls.persist(row))
                    .chain(() -> outbox.add(Topics.SHORTFALLS, c.contractId(), event))
                    .replaceWithVoid();
        }
        return chain.replaceWith(new Outcome(count, 0, 0, 0));
    }

    private Uni<Outcome> shortfall(
            ContractVersion c,
            Statement s,
            PolicyFigures f,
            boolean caughtUp,
            Map<String, BigDecimal> highest,
            Instant now) {
        String period = s.period().toString();
        BigDecimal tier = Judgement.newShortfallTier(f, highest.get(period));
        if (tier == null) {
            return Uni.createFrom().item(Outcome.NONE);
        }
        tier = EngineMapping.plain(tier);
        highest.put(period, tier);
        Shortfall row = row(c, period, Checklist.AVAILABILITY, tier, f, now);
        row.agreed = Checklist.percent(c.terms().uptimeTargetPercent());
        row.measured = Checklist.percent(f.availabilityPercent());
        // the intervals the judgement rests on: counted, and (while not caught up) ended
        List<DowntimeInterval> counted = EngineMapping.intervals(s.intervals().stream()
                .filter(StatementInterval::counted)
                .filter(i -> caughtUp || !i.ongoing())
                .toList());
        var event = event(c, period, f, tier, counted, now, null);
        Log.infof(
                "shortfall: contract %s period %s credit %s%% (downtime %d s, allowance %d s)",
                c.contractId(), period, tier, f.downtimeSeconds(), f.allowanceSeconds());
        return shortfalls
                .persist(row)
                .chain(() -> outbox.add(Topics.SHORTFALLS, c.contractId(), event))
                .replaceWith(new Outcome(1, 0, 0, 0));
    }

    /** The row recording a shortfall, with the availability figures of the moment. */
    private static Shortfall row(
            ContractVersion c, String period, String element, BigDecimal tier, PolicyFigures f, Instant now) {
        Shortfall row = new Shortfall();
        row.contractId = c.contractId();
        row.period = period;
        row.element = element;
        row.creditPercent = tier;
        row.downtimeSeconds = f.downtimeSeconds();
        row.allowanceSeconds = f.allowanceSeconds();
        row.eligibleSeconds = f.eligibleSeconds();
        row.availabilityPercent = f.availabilityPercent();
        row.detectedAt = now;
        return row;
    }

    /** The published shortfall: of availability ({@code item} null) or of another element. */
    private static ShortfallDetected event(
            ContractVersion c,
            String period,
            PolicyFigures f,
            BigDecimal tier,
            List<DowntimeInterval> counted,
            Instant now,
            Checklist.Item item) {
        return new ShortfallDetected(
                c.contractId(),
                period,
                ContractEvents.policy(c.terms().policy()),
                f.eligibleSeconds(),
                f.allowanceSeconds(),
                f.downtimeSeconds(),
                f.availabilityPercent(),
                c.terms().uptimeTargetPercent(),
                tier,
                EngineMapping.money(f.creditAmount()),
                DowntimeInterval.listed(counted),
                DowntimeInterval.omitted(counted),
                now,
                item == null ? null : EngineMapping.element(item));
    }

    /** Warnings for the thresholds of the current period's allowance reached and not yet published. */
    private Uni<Outcome> warn(ContractVersion c, Statement s, PolicyFigures f, List<Warning> warned, Instant now) {
        List<BigDecimal> due = Warnings.due(
                c.engine().warningThresholds(),
                f.downtimeSeconds(),
                f.allowanceSeconds(),
                warned.stream().map(w -> w.thresholdPercent).toList());
        Uni<Void> chain = Uni.createFrom().voidItem();
        String period = s.period().toString();
        for (BigDecimal threshold : due) {
            Warning row = new Warning();
            row.contractId = c.contractId();
            row.period = period;
            row.thresholdPercent = threshold;
            row.downtimeSeconds = f.downtimeSeconds();
            row.allowanceSeconds = f.allowanceSeconds();
            row.detectedAt = now;
            var event = new WarningIssued(
                    c.contractId(),
                    period,
                    threshold,
                    f.allowanceSeconds(),
                    f.downtimeSeconds(),
                    Warnings.usedPercent(f.downtimeSeconds(), f.allowanceSeconds()),
                    f.availabilityPercent(),
                    c.terms().uptimeTargetPercent(),
                    now);
            Log.infof(
                    "warning: contract %s period %s reached %s%% of its allowance", c.contractId(), period, threshold);
            chain = chain.chain(() -> warnings.persist(row))
                    .chain(() -> outbox.add(Topics.WARNINGS, c.contractId(), event))
                    .replaceWithVoid();
        }
        return chain.replaceWith(new Outcome(0, 0, due.size(), 0));
    }

    /** Issues the statement of a closed period, or an amendment when it changed since the last version. */
    private Uni<Outcome> close(
            ContractHistory history,
            ContractVersion c,
            Statement s,
            List<Checklist.Item> items,
            List<IssuedStatement> versions,
            Instant now) {
        ContractVersion current = history.current();
        Long startsAt = current.terms().startsOn() == null
                ? null
                : current.terms().startsOn().atStartOfDay(current.zone()).toEpochSecond();
        if (!Judgement.issues(s, current.createdAt().getEpochSecond(), startsAt)) {
            return Uni.createFrom().item(Outcome.NONE);
        }
        String period = s.period().toString();
        String fingerprint = Sha256.hex(Judgement.fingerprintText(s, items));
        IssuedStatement latest = versions.stream()
                .filter(v -> v.period.equals(period))
                .max(java.util.Comparator.comparingInt(v -> v.version))
                .orElse(null);
        if (latest != null && latest.fingerprint.equals(fingerprint)) {
            return Uni.createFrom().item(Outcome.NONE);
        }
        IssuedStatement next = new IssuedStatement();
        next.contractId = c.contractId();
        next.period = period;
        next.version = latest == null ? 1 : latest.version + 1;
        next.fingerprint = fingerprint;
        next.issuedAt = now;
        versions.add(next);
        var event = EngineMapping.issued(c, s, items, next.version, now, false);
        Log.infof("statement: contract %s period %s version %d", c.contractId(), period, next.version);
        return issued.persist(next)
                .chain(() -> outbox.add(Topics.STATEMENTS, c.contractId(), event))
                .replaceWith(new Outcome(0, 1, 0, 0));
    }
}
