package com.slaledger.ledger.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.slaledger.events.ChecklistElement;
import com.slaledger.events.Money;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.MeasurementPolicy;
import com.slaledger.ledger.engine.NoDataInterval;
import com.slaledger.ledger.engine.PolicyFigures;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.ledger.engine.StatementInterval;

/** A statement as GET /api/v1/contracts/{id}/statements/{period} answers it (SPEC §7). */
public record StatementView(
        String contractId,
        String period,
        Instant periodStart,
        Instant periodEnd,
        String policy,
        long eligibleSeconds,
        long downtimeSeconds,
        BigDecimal availabilityPercent,
        BigDecimal uptimeTargetPercent,
        boolean met,
        BigDecimal creditPercent,
        Money creditAmount,
        @JsonProperty("final") boolean isFinal,
        long allowanceSeconds,
        BigDecimal allowanceUsedPercent,
        List<IntervalView> intervals,
        List<NoDataView> noData,
        Map<String, PolicyView> policies,
        List<ChecklistElement> elements) {

    /** A no-data interval (SPEC §6 rule 1a), clipped to the period; {@code end} null while it goes on. */
    public record NoDataView(Instant start, Instant end, long seconds, List<String> services, boolean ongoing) {

        static NoDataView of(NoDataInterval i) {
            return new NoDataView(
                    Instant.ofEpochSecond(i.start()),
                    i.end() == null ? null : Instant.ofEpochSecond(i.end()),
                    i.seconds(),
                    i.services(),
                    i.end() == null);
        }
    }

    public record IntervalView(
            Instant start,
            Instant end,
            long seconds,
            List<String> services,
            boolean counted,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            boolean ongoing) {

        static IntervalView of(StatementInterval i) {
            return new IntervalView(
                    Instant.ofEpochSecond(i.start()),
                    i.end() == null ? null : Instant.ofEpochSecond(i.end()),
                    i.seconds(),
                    i.services(),
                    i.counted(),
                    i.reason(),
                    i.ongoing());
        }
    }

    public record PolicyView(
            long downtimeSeconds, BigDecimal availabilityPercent, boolean met, BigDecimal creditPercent) {
        static PolicyView of(PolicyFigures f) {
            return new PolicyView(
                    f.downtimeSeconds(), f.availabilityPercent(), f.met(), EngineMapping.plain(f.creditPercent()));
        }
    }

    /** The statement with its checklist (SPEC §13.4), availability first. */
    public static StatementView of(Statement s, BigDecimal target, List<Checklist.Item> elements) {
        PolicyFigures f = s.figures();
        Map<String, PolicyView> policies = new LinkedHashMap<>();
        for (MeasurementPolicy p : MeasurementPolicy.values()) {
            policies.put(p.name(), PolicyView.of(s.policies().get(p)));
        }
        return new StatementView(
                s.contractId(),
                s.period().toString(),
                Instant.ofEpochSecond(s.periodStart()),
                Instant.ofEpochSecond(s.periodEnd()),
                s.policy().name(),
                f.eligibleSeconds(),
                f.downtimeSeconds(),
                f.availabilityPercent(),
                target,
                f.met(),
                EngineMapping.plain(f.creditPercent()),
                EngineMapping.money(f.creditAmount()),
                s.isFinal(),
                f.allowanceSeconds(),
                s.allowanceUsedPercent(),
                s.intervals().stream().map(IntervalView::of).toList(),
                s.noData().stream().map(NoDataView::of).toList(),
                policies,
                EngineMapping.elements(elements));
    }
}
