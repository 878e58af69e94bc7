package com.slaledger.ledger.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.slaledger.events.ChecklistElement;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.StatementIssued;
import com.slaledger.ledger.contract.ContractEvents;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.Decimals;
import com.slaledger.ledger.engine.Money;
import com.slaledger.ledger.engine.PolicyFigures;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.ledger.engine.StatementInterval;

/** Translates the engine's results (intervals, amounts, percentages) to the wire and REST forms. */
public final class EngineMapping {

    private EngineMapping() {}

    public static com.slaledger.events.Money money(Money m) {
        return ContractEvents.money(m);
    }

    public static Instant instant(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond);
    }

    public static DowntimeInterval interval(StatementInterval i) {
        return new DowntimeInterval(
                instant(i.start()),
                i.end() == null ? null : instant(i.end()),
                i.seconds(),
                i.services(),
                i.counted(),
                i.reason(),
                i.ongoing());
    }

    public static List<DowntimeInterval> intervals(List<StatementInterval> list) {
        return list.stream().map(EngineMapping::interval).toList();
    }

    /** A checklist line as events carry it; a lapse still going on has no end. */
    public static ChecklistElement element(Checklist.Item i) {
        return new ChecklistElement(
                i.element(),
                i.label(),
                i.agreed(),
                i.measured(),
                i.met(),
                i.decided(),
                i.metCount(),
                i.lapses() == null
                        ? null
                        : i.lapses().stream()
                                .map(l -> new ChecklistElement.Lapse(
                                        instant(l.start()),
                                        l.ongoing() ? null : instant(l.end()),
                                        l.seconds(),
                                        l.ongoing()))
                                .toList(),
                i.failures(),
                i.pausedSeconds());
    }

    /** The period's maintenance windows and occurrences, as events and answers list them. */
    public static List<StatementIssued.Planned> maintenance(Statement s) {
        return s.maintenance().stream()
                .map(w -> new StatementIssued.Planned(instant(w.start()), instant(w.end()), w.seconds(), w.reason()))
                .toList();
    }

    /** The period's approved exclusions, clipped. */
    public static List<StatementIssued.Excluded> exclusions(Statement s) {
        return s.exclusions().stream()
                .map(x -> new StatementIssued.Excluded(
                        x.exclusionId(),
                        instant(x.start()),
                        instant(x.end()),
                        x.seconds(),
                        x.category(),
                        x.reason(),
                        x.services()))
                .toList();
    }

    /** The period's accepted disputes, clipped (SPEC §17). */
    public static List<StatementIssued.Disputed> disputes(Statement s) {
        return s.disputes().stream()
                .map(d -> new StatementIssued.Disputed(
                        d.disputeId(), instant(d.start()), instant(d.end()), d.seconds(), d.services()))
                .toList();
    }

    public static List<ChecklistElement> elements(List<Checklist.Item> items) {
        return items.stream().map(EngineMapping::element).toList();
    }

    /**
     * A period's statement as it is issued (and filed): the figures under the contract's policy,
     * its intervals (at most {@link DowntimeInterval#MAX_PER_EVENT} for an event, all of them with
     * {@code whole}), the checklist, the version, the instant.
     */
    public static StatementIssued issued(
            ContractVersion c, Statement s, List<Checklist.Item> items, int version, Instant at, boolean whole) {
        PolicyFigures f = s.figures();
        List<DowntimeInterval> intervals = intervals(s.intervals());
        return new StatementIssued(
                c.contractId(),
                s.period().toString(),
                version,
                instant(s.periodStart()),
                instant(s.periodEnd()),
                ContractEvents.policy(c.terms().policy()),
                f.eligibleSeconds(),
                f.downtimeSeconds(),
                f.availabilityPercent(),
                c.terms().uptimeTargetPercent(),
                f.met(),
                plain(f.creditPercent()),
                money(f.creditAmount()),
                whole ? intervals : DowntimeInterval.listed(intervals),
                whole ? 0 : DowntimeInterval.omitted(intervals),
                at,
                elements(items),
                maintenance(s),
                exclusions(s),
                s.excludedSeconds(),
                disputes(s));
    }

    /** 10.00 → 10, 12.50 → 12.5, 0.000 → 0: the shortest exact form, never exponent notation. */
    public static BigDecimal plain(BigDecimal percent) {
        return Decimals.plain(percent);
    }
}
