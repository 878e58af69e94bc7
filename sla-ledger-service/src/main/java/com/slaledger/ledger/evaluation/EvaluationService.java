package com.slaledger.ledger.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.ShortfallDetected;
import com.slaledger.events.StatementIssued;
import com.slaledger.events.Topics;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.ledger.Sha256;
import com.slaledger.ledger.contract.ContractEvents;
import com.slaledger.ledger.contract.ContractRepository;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.MeasurementPolicy;
import com.slaledger.ledger.engine.Periods;
import com.slaledger.ledger.engine.PolicyFigures;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.ledger.engine.StatementCalculator;
import com.slaledger.ledger.shortfall.Shortfall;
import com.slaledger.ledger.shortfall.ShortfallRepository;
import com.slaledger.ledger.statement.EngineMapping;
import com.slaledger.ledger.statement.IssuedStatement;
import com.slaledger.ledger.statement.IssuedStatementRepository;
import com.slaledger.outbox.Outbox;
import com.slaledger.support.scheduling.Ticker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Re-evaluates every contract on a schedule (SPEC §7): its current and previous period, and every
 * earlier period that late data touched since the last round (marks left by the folds). Publishes
 * a shortfall the first time counted downtime exceeds the allowance and again at each higher
 * credit tier, also while an outage is still ongoing (no event needed: time passing is enough)
 * and for a past period when late data makes it true; and issues a period's statement once its
 * grace time is over, then an amendment whenever late data changes it. Shortfalls and statements
 * are recorded and written to the outbox in one transaction, keyed so that each is published
 * once, whichever instance evaluates.
 */
@ApplicationScoped
public class EvaluationService {

    private final ContractRepository contracts;
    private final EngineInputRepository inputs;
    private final ShortfallRepository shortfalls;
    private final IssuedStatementRepository issued;
    private final Outbox outbox;
    private final ChangeMarkRepository changes;
    private final LedgerConfig config;
    private final Clock clock;
    private Ticker ticker;

    /** How far back late data is followed: older periods are left as they were issued. */
    static final int MAX_LOOKBACK_MONTHS = 24;

    public EvaluationService(
            ContractRepository contracts,
            EngineInputRepository inputs,
            ShortfallRepository shortfalls,
            IssuedStatementRepository issued,
            Outbox outbox,
            ChangeMarkRepository changes,
            LedgerConfig config,
            Clock clock) {
        this.contracts = contracts;
        this.inputs = inputs;
        this.shortfalls = shortfalls;
        this.issued = issued;
        this.outbox = outbox;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    /** A round every {@code ledger.evaluate-interval} after the last one ended, on a thread of its own. */
    void start(@Observes StartupEvent event) {
        ticker = Ticker.start("evaluation", config.evaluateDelay(), config.evaluateInterval(), this::scheduled);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
    }

    Uni<Void> scheduled() {
        return evaluate(clock.instant())
                .onFailure()
                .invoke(e -> Log.warnf(e, "evaluation failed; next round will retry"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** What one round published. */
    public record Outcome(int shortfalls, int statements) {}

    /** One evaluation round as of {@code now}. */
    public Uni<Outcome> evaluate(Instant now) {
        return Panache.withTransaction(() -> contracts.listAll().chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(new Outcome(0, 0));
            }
            List<ContractVersion> docs = rows.stream().map(contracts::version).toList();
            List<String> services = docs.stream()
                    .flatMap(c -> c.terms().services().stream())
                    .distinct()
                    .toList();
            return changes.services(services)
                    .chain(serviceMarks -> changes.contracts().chain(contractMarks -> {
                        Map<String, List<YearMonth>> periods = new HashMap<>();
                        for (ContractVersion c : docs) {
                            periods.put(
                                    c.contractId(),
                                    periodsToEvaluate(c, serviceMarks, contractMarks.get(c.contractId()), now));
                        }
                        List<String> allPeriods = periods.values().stream()
                                .flatMap(List::stream)
                                .map(YearMonth::toString)
                                .distinct()
                                .toList();
                        return inputs.load(docs)
                                .chain(in -> shortfalls
                                        .inPeriods(allPeriods)
                                        .map(EvaluationService::highestTiers)
                                        .chain(known -> issued.inPeriods(allPeriods)
                                                .chain(versions -> {
                                                    List<Uni<Outcome>> work = new ArrayList<>();
                                                    long nowSecond = now.getEpochSecond();
                                                    for (ContractVersion c : docs) {
                                                        for (YearMonth period : periods.get(c.contractId())) {
                                                            Statement s = StatementCalculator.statement(
                                                                    c.engine(),
                                                                    period,
                                                                    in.histories(),
                                                                    in.ticketOpenOf(c.contractId()),
                                                                    nowSecond,
                                                                    config.grace()
                                                                            .getSeconds());
                                                            work.add(shortfall(c, s, known, now)
                                                                    .chain(sf -> close(c, s, versions, now)
                                                                            .map(st -> new Outcome(sf, st))));
                                                        }
                                                    }
                                                    return Multi.createFrom()
                                                            .iterable(work)
                                                            .onItem()
                                                            .transformToUniAndConcatenate(u -> u)
                                                            .collect()
                                                            .asList()
                                                            .map(EvaluationService::sum);
                                                })))
                                .call(() -> clear(serviceMarks, contractMarks));
                    }));
        }));
    }

    /**
     * The current and previous period, and every period from the earliest instant that late data
     * touched since the last round (at most {@link #MAX_LOOKBACK_MONTHS} back).
     */
    static List<YearMonth> periodsToEvaluate(
            ContractVersion c,
            Map<String, ChangeMarkRepository.ServiceState> serviceMarks,
            Instant contractMark,
            Instant now) {
        ZoneId zone = c.zone();
        YearMonth current = Periods.of(now.getEpochSecond(), zone);
        YearMonth earliest = current.minusMonths(1);
        List<Instant> marks = new ArrayList<>();
        if (contractMark != null) {
            marks.add(contractMark);
        }
        for (String service : c.terms().services()) {
            var mark = serviceMarks.get(service);
            if (mark != null && mark.changedSince() != null) {
                marks.add(mark.changedSince());
            }
        }
        for (Instant mark : marks) {
            YearMonth touched = Periods.of(mark.getEpochSecond(), zone);
            if (touched.isBefore(earliest)) {
                earliest = touched;
            }
        }
        if (earliest.isBefore(current.minusMonths(MAX_LOOKBACK_MONTHS))) {
            earliest = current.minusMonths(MAX_LOOKBACK_MONTHS);
        }
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth p = current; !p.isBefore(earliest); p = p.minusMonths(1)) {
            out.add(p);
        }
        return out;
    }

    private Uni<Void> clear(
            Map<String, ChangeMarkRepository.ServiceState> serviceMarks, Map<String, Instant> contractMarks) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var mark : serviceMarks.values()) {
            if (mark.changedSince() != null) {
                chain = chain.chain(() -> changes.clearService(mark.serviceId(), mark.version()));
            }
        }
        for (var mark : contractMarks.entrySet()) {
            chain = chain.chain(() -> changes.clearContract(mark.getKey(), mark.getValue()));
        }
        return chain;
    }

    private static Outcome sum(List<Outcome> outcomes) {
        int sf = 0;
        int st = 0;
        for (Outcome o : outcomes) {
            sf += o.shortfalls();
            st += o.statements();
        }
        return new Outcome(sf, st);
    }

    /** Publishes a shortfall when the period is not met at a credit tier above every one published. */
    /**
     * The highest credit tier already published per contract and period ({@code contract/period}):
     * looked up once per contract each round, so a map, not a scan (a scan of every shortfall for
     * every contract made rounds quadratic in the number of contracts).
     */
    static Map<String, BigDecimal> highestTiers(List<Shortfall> published) {
        Map<String, BigDecimal> highest = new HashMap<>();
        for (Shortfall k : published) {
            highest.merge(k.contractId + "/" + k.period, k.creditPercent, BigDecimal::max);
        }
        return highest;
    }

    private Uni<Integer> shortfall(ContractVersion c, Statement s, Map<String, BigDecimal> known, Instant now) {
        PolicyFigures f = s.figures();
        if (f.met()) {
            return Uni.createFrom().item(0);
        }
        String period = s.period().toString();
        BigDecimal tier = EngineMapping.plain(f.creditPercent());
        BigDecimal published = known.get(c.contractId() + "/" + period);
        boolean higher = published == null || published.compareTo(tier) < 0;
        if (!higher) {
            return Uni.createFrom().item(0);
        }
        Shortfall row = new Shortfall();
        row.contractId = c.contractId();
        row.period = period;
        row.creditPercent = tier;
        row.downtimeSeconds = f.downtimeSeconds();
        row.allowanceSeconds = f.allowanceSeconds();
        row.eligibleSeconds = f.eligibleSeconds();
        row.availabilityPercent = f.availabilityPercent();
        row.detectedAt = now;
        known.put(c.contractId() + "/" + period, tier);
        List<DowntimeInterval> counted = EngineMapping.intervals(
                s.intervals().stream().filter(i -> i.counted()).toList());
        var event = new ShortfallDetected(
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
                now);
        Log.infof(
                "shortfall: contract %s period %s credit %s%% (downtime %d s, allowance %d s)",
                c.contractId(), period, tier, f.downtimeSeconds(), f.allowanceSeconds());
        return shortfalls
                .persist(row)
                .chain(() -> outbox.add(Topics.SHORTFALLS, c.contractId(), event))
                .replaceWith(1);
    }

    /** Issues the statement of a closed period, or an amendment when it changed since the last version. */
    private Uni<Integer> close(ContractVersion c, Statement s, List<IssuedStatement> versions, Instant now) {
        if (!s.isFinal() || s.periodEnd() <= c.createdAt().getEpochSecond()) {
            return Uni.createFrom().item(0);
        }
        String period = s.period().toString();
        String fingerprint = fingerprint(s);
        IssuedStatement latest = versions.stream()
                .filter(v -> v.contractId.equals(c.contractId()) && v.period.equals(period))
                .max(java.util.Comparator.comparingInt(v -> v.version))
                .orElse(null);
        if (latest != null && latest.fingerprint.equals(fingerprint)) {
            return Uni.createFrom().item(0);
        }
        IssuedStatement next = new IssuedStatement();
        next.contractId = c.contractId();
        next.period = period;
        next.version = latest == null ? 1 : latest.version + 1;
        next.fingerprint = fingerprint;
        next.issuedAt = now;
        versions.add(next);
        PolicyFigures f = s.figures();
        List<DowntimeInterval> intervals = EngineMapping.intervals(s.intervals());
        var event = new StatementIssued(
                c.contractId(),
                period,
                next.version,
                Instant.ofEpochSecond(s.periodStart()),
                Instant.ofEpochSecond(s.periodEnd()),
                ContractEvents.policy(c.terms().policy()),
                f.eligibleSeconds(),
                f.downtimeSeconds(),
                f.availabilityPercent(),
                c.terms().uptimeTargetPercent(),
                f.met(),
                EngineMapping.plain(f.creditPercent()),
                EngineMapping.money(f.creditAmount()),
                DowntimeInterval.listed(intervals),
                DowntimeInterval.omitted(intervals),
                now);
        Log.infof("statement: contract %s period %s version %d", c.contractId(), period, next.version);
        return issued.persist(next)
                .chain(() -> outbox.add(Topics.STATEMENTS, c.contractId(), event))
                .replaceWith(1);
    }

    /**
     * What a customer is told: both policies' figures (in a fixed order) and the intervals. Stable
     * across restarts, so only a change of the data makes an amendment.
     */
    static String fingerprint(Statement s) {
        StringBuilder text = new StringBuilder();
        for (MeasurementPolicy p : MeasurementPolicy.values()) {
            text.append(p).append('=').append(s.policies().get(p)).append('\n');
        }
        text.append(s.intervals());
        return Sha256.hex(text.toString());
    }
}
