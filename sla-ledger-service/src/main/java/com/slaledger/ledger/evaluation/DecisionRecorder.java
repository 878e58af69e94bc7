package com.slaledger.ledger.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.Topics;
import com.slaledger.events.WarningIssued;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.change.EvaluationSchedule;
import com.slaledger.ledger.contract.ContractEvents;
import com.slaledger.ledger.contract.ContractHistory;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.credit.CreditRecorder;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.Evaluation;
import com.slaledger.ledger.engine.PolicyFigures;
import com.slaledger.ledger.engine.Warnings;
import com.slaledger.ledger.maintenance.MaintenanceNoticeRecorder;
import com.slaledger.ledger.shortfall.Shortfall;
import com.slaledger.ledger.shortfall.ShortfallRepository;
import com.slaledger.ledger.statement.EngineMapping;
import com.slaledger.ledger.statement.IssuedStatement;
import com.slaledger.ledger.statement.IssuedStatementRepository;
import com.slaledger.ledger.warning.Warning;
import com.slaledger.ledger.warning.WarningRepository;
import com.slaledger.outbox.Outbox;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Records an evaluation's {@link Evaluation.Decision}, in the evaluation's transaction and in the
 * decision's order: per period the availability shortfall, the other elements' shortfalls, the
 * current period's metrics and warnings, the statement and the credits that follow it, the maintenance
 * notices due; each as its row (whose key makes it
 * unique: once per contract, period and tier, element, threshold or version) and its event through
 * the outbox; then when the contract is next due. It decides nothing.
 */
@ApplicationScoped
public class DecisionRecorder {

    private final ShortfallRepository shortfalls;
    private final IssuedStatementRepository issued;
    private final WarningRepository warnings;
    private final ContractMetrics contractMetrics;
    private final EvaluationSchedule schedule;
    private final Outbox outbox;
    private final CreditRecorder credits;
    private final LedgerConfig config;
    private final MaintenanceNoticeRecorder maintenance;

    public DecisionRecorder(
            ShortfallRepository shortfalls,
            IssuedStatementRepository issued,
            WarningRepository warnings,
            ContractMetrics contractMetrics,
            EvaluationSchedule schedule,
            Outbox outbox,
            CreditRecorder credits,
            LedgerConfig config,
            MaintenanceNoticeRecorder maintenance) {
        this.maintenance = maintenance;
        this.shortfalls = shortfalls;
        this.issued = issued;
        this.warnings = warnings;
        this.contractMetrics = contractMetrics;
        this.schedule = schedule;
        this.outbox = outbox;
        this.credits = credits;
        this.config = config;
    }

    /** Records {@code decision} for the contract of {@code history}, taken as of {@code now}. */
    public Uni<Outcome> record(ContractHistory history, Evaluation.Decision decision, Instant now) {
        String contractId = history.current().contractId();
        Uni<Outcome> chain = Uni.createFrom().item(Outcome.NONE);
        for (Evaluation.PeriodDecision p : decision.periods()) {
            ContractVersion terms = history.inForce(p.period().period());
            chain = chain.chain(
                    o -> period(history, terms, p, p == decision.current(), now).map(o::plus));
        }
        // SPEC §17: unclaimed credits expire at their deadline; SPEC §18: maintenance is announced,
        // reminded, changed and cancelled when due; the next of each is a due time
        return chain.call(() -> credits.expireDue(contractId, now)
                .chain(expiry -> maintenance.record(history, now).chain(notice -> {
                    long due = decision.nextDue();
                    due = expiry == null ? due : Math.min(due, expiry);
                    due = notice == null ? due : Math.min(due, notice);
                    return schedule.dueAt(contractId, Instant.ofEpochSecond(due));
                })));
    }

    private Uni<Outcome> period(
            ContractHistory history, ContractVersion c, Evaluation.PeriodDecision p, boolean current, Instant now) {
        Uni<Outcome> chain = Uni.createFrom().item(Outcome.NONE);
        if (p.tier() != null) {
            chain = chain.chain(o -> tier(c, p, now).map(o::plus));
        }
        for (Checklist.Item item : p.elements()) {
            chain = chain.chain(o -> element(c, p, item, now).map(o::plus));
        }
        if (current) {
            var s = p.period().statement();
            chain = chain.call(
                    () -> contractMetrics.record(c.contractId(), s, p.period().items(), now));
        }
        for (Evaluation.Warning w : p.warnings()) {
            chain = chain.chain(o -> warning(c, p, w, now).map(o::plus));
        }
        if (p.statement() != null) {
            chain = chain.chain(o -> statement(history, c, p, now).map(o::plus));
        }
        return chain;
    }

    private Uni<Outcome> tier(ContractVersion c, Evaluation.PeriodDecision p, Instant now) {
        String period = p.period().period().toString();
        Evaluation.TierShortfall t = p.tier();
        PolicyFigures f = t.judged();
        Shortfall row = Shortfall.of(c.contractId(), period, Checklist.AVAILABILITY, t.tier(), f, now);
        row.agreed = Checklist.percent(c.terms().uptimeTargetPercent());
        row.measured = Checklist.percent(f.availabilityPercent());
        var event = event(c, period, f, t.tier(), EngineMapping.intervals(t.restsOn()), now, null);
        Log.infof(
                "shortfall: contract %s period %s credit %s%% (downtime %d s, allowance %d s)",
                c.contractId(), period, t.tier(), f.downtimeSeconds(), f.allowanceSeconds());
        return shortfalls
                .persist(row)
                .chain(() -> outbox.add(Topics.SHORTFALLS, c.contractId(), event))
                .replaceWith(new Outcome(1, 0, 0, 0));
    }

    private Uni<Outcome> element(ContractVersion c, Evaluation.PeriodDecision p, Checklist.Item item, Instant now) {
        String period = p.period().period().toString();
        PolicyFigures f = p.period().statement().figures();
        Shortfall row = Shortfall.of(c.contractId(), period, item.element(), BigDecimal.ZERO, f, now);
        row.agreed = item.agreed();
        row.measured = item.measured();
        row.decidedAt = Instant.ofEpochSecond(item.shortfallAt());
        var event = event(c, period, f, EngineMapping.plain(f.creditPercent()), List.of(), now, item);
        Log.infof(
                "shortfall: contract %s period %s element %s (agreed %s, measured %s)",
                c.contractId(), period, item.element(), item.agreed(), item.measured());
        return shortfalls
                .persist(row)
                .chain(() -> outbox.add(Topics.SHORTFALLS, c.contractId(), event))
                .replaceWith(new Outcome(1, 0, 0, 0));
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

    private Uni<Outcome> warning(ContractVersion c, Evaluation.PeriodDecision p, Evaluation.Warning w, Instant now) {
        String period = p.period().period().toString();
        PolicyFigures f = w.judged();
        Warning row = Warning.of(c.contractId(), period, w.threshold(), f, now);
        var event = new WarningIssued(
                c.contractId(),
                period,
                w.threshold(),
                f.allowanceSeconds(),
                f.downtimeSeconds(),
                Warnings.usedPercent(f.downtimeSeconds(), f.allowanceSeconds()),
                f.availabilityPercent(),
                c.terms().uptimeTargetPercent(),
                now);
        Log.infof(
                "warning: contract %s period %s reached %s%% of its allowance", c.contractId(), period, w.threshold());
        return warnings.persist(row)
                .chain(() -> outbox.add(Topics.WARNINGS, c.contractId(), event))
                .replaceWith(new Outcome(0, 0, 1, 0));
    }

    private Uni<Outcome> statement(
            ContractHistory history, ContractVersion c, Evaluation.PeriodDecision p, Instant now) {
        var s = p.period().statement();
        IssuedStatement next = IssuedStatement.of(
                c.contractId(),
                s.period().toString(),
                p.statement().version(),
                p.statement().fingerprint(),
                now);
        var event = EngineMapping.issued(c, s, p.period().items(), next.version, now, false);
        Log.infof("statement: contract %s period %s version %d", c.contractId(), next.period, next.version);
        return issued.persist(next)
                .chain(() -> outbox.add(Topics.STATEMENTS, history.current().contractId(), event))
                // SPEC §17: the period's credits follow the statement issued (created, moved, adjusted)
                .chain(() ->
                        credits.onStatement(c, s, next.version, config.grace().getSeconds(), now))
                .replaceWith(new Outcome(0, 1, 0, 0));
    }
}
