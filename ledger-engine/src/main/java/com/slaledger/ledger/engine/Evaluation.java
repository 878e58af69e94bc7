package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation of one contract as one decision (SPEC §7, §13): from plain inputs (its terms in
 * force per period, what monitoring, tickets and duty evidence say, what was already published,
 * whether the ledger is caught up, now) to what to publish and when to look again. The ledger
 * loads ({@link #plan} says what), asks {@link #decide}, and records what the {@link Decision}
 * says; every rule it applies is a named one of {@link Judgement}, {@link Warnings} and {@link
 * Checklist}.
 */
public final class Evaluation {

    private Evaluation() {}

    /** The periods to evaluate (the current one first) and the window of data they need. */
    public record Plan(List<YearMonth> periods, Interval window) {

        public Plan {
            periods = List.copyOf(periods);
        }

        public YearMonth current() {
            return periods.get(0);
        }
    }

    /**
     * What the evaluation reads of monitoring, tickets and duty evidence in the plan's window, and
     * the contract's approved exclusions (SPEC §16.1) and accepted disputes (SPEC §17).
     */
    public record Facts(
            Map<String, ServiceHistory> histories,
            Map<String, IntervalSet> ticketOpen,
            Collection<SupportTargets.Ticket> tickets,
            Map<String, List<Duties.Event>> evidence,
            List<Exclusion> exclusions,
            List<Dispute> disputes) {

        public Facts {
            exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
            disputes = disputes == null ? List.of() : List.copyOf(disputes);
        }

        /** Without disputes. */
        public Facts(
                Map<String, ServiceHistory> histories,
                Map<String, IntervalSet> ticketOpen,
                Collection<SupportTargets.Ticket> tickets,
                Map<String, List<Duties.Event>> evidence,
                List<Exclusion> exclusions) {
            this(histories, ticketOpen, tickets, evidence, exclusions, List.of());
        }

        /** Without exclusions. */
        public Facts(
                Map<String, ServiceHistory> histories,
                Map<String, IntervalSet> ticketOpen,
                Collection<SupportTargets.Ticket> tickets,
                Map<String, List<Duties.Event>> evidence) {
            this(histories, ticketOpen, tickets, evidence, List.of());
        }
    }

    /** The settings a decision depends on: the statements' grace time, the retry while behind. */
    public record Settings(long graceSeconds, long behindRetrySeconds) {}

    /** A period as evaluated: the terms in force in it, its statement and its checklist as of now. */
    public record Period(ContractVersions.Version terms, Statement statement, List<Checklist.Item> items) {

        public YearMonth period() {
            return statement.period();
        }
    }

    /** A new availability shortfall: its credit tier, the figures it is judged on, the intervals it rests on. */
    public record TierShortfall(BigDecimal tier, PolicyFigures judged, List<StatementInterval> restsOn) {}

    /** A threshold of the allowance reached (SPEC §7), with the figures it is judged on. */
    public record Warning(BigDecimal threshold, PolicyFigures judged) {}

    /** A statement version to issue, with the fingerprint of what it says. */
    public record Issue(int version, String fingerprint) {}

    /**
     * What to publish for one period, in the order it is to be recorded: the availability shortfall
     * (or null), the other elements' shortfalls, warnings (the current period only), the statement
     * (or null).
     */
    public record PeriodDecision(
            Period period,
            TierShortfall tier,
            List<Checklist.Item> elements,
            List<Warning> warnings,
            Issue statement) {}

    /** The whole decision: per period (the current one first), and the instant the contract is next due. */
    public record Decision(List<PeriodDecision> periods, long nextDue) {

        public PeriodDecision current() {
            return periods.get(0);
        }
    }

    /**
     * Which periods to evaluate as of {@code now}: the current and the previous one, and every
     * one from the instant changed data touched ({@code changedSince}, null: none) on, at most
     * {@link Judgement#LOOKBACK_MONTHS} back, in the current terms' zone; and the window to read,
     * wide enough for the longest minimum downtime of any version (ContractVersions.longestMinimum).
     */
    public static Plan plan(ZoneId zone, long longestMinimum, long now, Long changedSince) {
        List<YearMonth> periods = Judgement.periodsToEvaluate(
                now, zone, changedSince == null ? List.of() : List.of(changedSince), Judgement.LOOKBACK_MONTHS);
        Interval window = Judgement.inputWindow(periods.get(periods.size() - 1), periods.get(0), zone, longestMinimum);
        return new Plan(periods, window);
    }

    /** The decision for the plan's periods as of {@code now}. */
    public static Decision decide(
            Plan plan,
            ContractVersions versions,
            Facts facts,
            Published published,
            boolean caughtUp,
            long now,
            Settings settings) {
        Map<YearMonth, BigDecimal> highest = new HashMap<>(published.highestTier());
        Set<BigDecimal> warnedNow = new HashSet<>(published.warned());
        List<PeriodDecision> out = new ArrayList<>();
        for (YearMonth p : plan.periods()) {
            Period period = evaluate(versions.inForce(p), p, facts, now, settings.graceSeconds());
            Statement s = period.statement();
            PolicyFigures judged = Judgement.judged(s, caughtUp);
            TierShortfall tier = tier(s, judged, caughtUp, highest.get(p));
            if (tier != null) {
                highest.put(p, tier.tier());
            }
            List<Checklist.Item> elements = Judgement.elementsToPublish(
                    period.items(), published.elementsShort().getOrDefault(p, Set.of()), caughtUp, now);
            List<Warning> warnings = List.of();
            if (p.equals(plan.current())) {
                List<BigDecimal> thresholds = period.terms().terms().warningThresholds();
                warnings =
                        Warnings.due(
                                        thresholds,
                                        judged.downtimeSeconds(),
                                        judged.allowanceSeconds(),
                                        published.warned())
                                .stream()
                                .map(t -> new Warning(t, judged))
                                .toList();
                warnedNow.addAll(Warnings.reached(thresholds, judged.downtimeSeconds(), judged.allowanceSeconds()));
            }
            out.add(new PeriodDecision(period, tier, elements, warnings, issue(versions, period, published)));
        }
        long nextDue = caughtUp
                ? nextDue(plan.current(), versions, facts, highest.get(plan.current()), warnedNow, now, settings)
                : now + settings.behindRetrySeconds();
        return new Decision(out, nextDue);
    }

    /** One period with the terms in force in it, as of {@code now}. */
    public static Period evaluate(
            ContractVersions.Version terms, YearMonth period, Facts facts, long now, long graceSeconds) {
        Terms t = terms.terms();
        Statement s = StatementCalculator.statement(
                t,
                period,
                facts.histories(),
                facts.ticketOpen(),
                facts.disputes(),
                facts.exclusions(),
                now,
                graceSeconds);
        List<Checklist.Item> items = Checklist.elements(
                s, t.uptimeTargetPercent(), terms.agreement(), facts.tickets(), facts.evidence(), now);
        return new Period(terms, s, items);
    }

    private static TierShortfall tier(Statement s, PolicyFigures judged, boolean caughtUp, BigDecimal published) {
        BigDecimal tier = Judgement.newShortfallTier(judged, published);
        if (tier == null) {
            return null;
        }
        return new TierShortfall(Decimals.plain(tier), judged, Judgement.restsOn(s.intervals(), caughtUp));
    }

    /** The statement to issue for a closed period, if it is issued and says something new. */
    private static Issue issue(ContractVersions versions, Period period, Published published) {
        Statement s = period.statement();
        if (!Judgement.issues(s, versions.createdAt(), versions.startsAt())) {
            return null;
        }
        String fingerprint = Sha256.hex(Judgement.fingerprintText(s, period.items()));
        Integer version = Judgement.nextStatementVersion(published.statements().get(s.period()), fingerprint);
        return version == null ? null : new Issue(version, fingerprint);
    }

    /**
     * When the contract is next due with no new data (Judgement.nextDue): the first instant at
     * which the current period owes a new tier or warning as time passes (searched on the
     * statement as of later instants: counted time only grows), a support deadline or duty passing
     * in silence, the period's end, the previous period's grace. Given what this decision
     * publishes ({@code published} tier, {@code warned} thresholds).
     */
    private static long nextDue(
            YearMonth current,
            ContractVersions versions,
            Facts facts,
            BigDecimal published,
            Collection<BigDecimal> warned,
            long now,
            Settings settings) {
        ContractVersions.Version v = versions.inForce(current);
        Terms t = v.terms();
        long end = Periods.end(current, t.zone());
        List<BigDecimal> alreadyWarned = List.copyOf(warned);
        Long change = Judgement.firstInstant(now, end, at -> {
            PolicyFigures f = StatementCalculator.statement(
                            t,
                            current,
                            facts.histories(),
                            facts.ticketOpen(),
                            facts.disputes(),
                            facts.exclusions(),
                            at,
                            settings.graceSeconds())
                    .figures();
            return Judgement.newShortfallTier(f, published) != null
                    || !Warnings.due(t.warningThresholds(), f.downtimeSeconds(), f.allowanceSeconds(), alreadyWarned)
                            .isEmpty();
        });
        Long silent = Checklist.nextSilentDeadline(v.agreement(), facts.tickets(), facts.evidence(), now);
        return Judgement.nextDue(
                now,
                Judgement.firstOwed(change, silent),
                end,
                Periods.start(current, t.zone()),
                settings.graceSeconds());
    }
}
