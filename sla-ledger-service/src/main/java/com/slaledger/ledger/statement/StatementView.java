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
import com.slaledger.events.StatementIssued;
import com.slaledger.ledger.engine.Checklist;
import com.slaledger.ledger.engine.MeasurementPolicy;
import com.slaledger.ledger.engine.NoDataInterval;
import com.slaledger.ledger.engine.PolicyFigures;
import com.slaledger.ledger.engine.Statement;
import com.slaledger.ledger.engine.StatementInterval;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(
                        description = "The period's audit checklist (SPEC §13.4): availability first, then support"
                                + " targets by priority (firstResponse before resolution), then duties in contract"
                                + " order; decided/metCount/pausedSeconds (business time paused while waiting on the"
                                + " customer) for support targets, lapses/failures for duties",
                        example = "[{\"element\": \"availability\", \"label\": \"availability\", \"agreed\": \"99.9%\","
                                + " \"measured\": \"99.8654%\", \"met\": false},"
                                + " {\"element\": \"firstResponse:P1\", \"label\": \"first response to P1 tickets\","
                                + " \"agreed\": \"95% within 30 min (EU business hours)\", \"measured\": \"90% (18 of 20)\","
                                + " \"met\": false, \"decided\": 20, \"metCount\": 18, \"pausedSeconds\": 0},"
                                + " {\"element\": \"duty:db-backup\", \"label\": \"Nightly database backup\","
                                + " \"agreed\": \"every 1 day (+2 h)\", \"measured\": \"1 lapse, 7,200 s\", \"met\": false,"
                                + " \"lapses\": [{\"start\": \"2026-10-10T03:00:00Z\", \"end\": \"2026-10-10T05:00:00Z\","
                                + " \"seconds\": 7200, \"ongoing\": false}], \"failures\": 0}]")
                List<ChecklistElement> elements,
        @Schema(
                        description = "The period's maintenance windows and recurring occurrences (SPEC §16.3), merged"
                                + " and clipped to the period",
                        example = "[{\"start\": \"2026-10-04T02:00:00Z\", \"end\": \"2026-10-04T04:00:00Z\","
                                + " \"seconds\": 7200, \"reason\": \"weekly patching\"}]")
                List<StatementIssued.Planned> maintenance,
        @Schema(
                        description = "The period's approved exclusions (SPEC §16.1), clipped to the period",
                        example =
                                "[{\"exclusionId\": \"6f1c2e0a-3b9d-4c1e-9a77-0d2b5e8f1a42\","
                                        + " \"start\": \"2026-10-03T14:00:00Z\", \"end\": \"2026-10-03T15:00:00Z\","
                                        + " \"seconds\": 3600, \"category\": \"CUSTOMER_CAUSED\","
                                        + " \"reason\": \"customer's firewall change blocked all traffic\", \"services\": [\"api\"]}]")
                List<StatementIssued.Excluded> exclusions,
        @Schema(
                        description = "The counted downtime of the period without its exclusions minus downtimeSeconds",
                        example = "3600")
                long excludedSeconds,
        @Schema(
                        description = "The period's accepted disputes (SPEC §17, rule 4b), clipped to the period",
                        example = "[{\"disputeId\": \"0b7c4c1e-2f4a-4e7b-9a11-5c2d3e4f5a6b\","
                                + " \"start\": \"2026-10-07T09:00:00Z\", \"end\": \"2026-10-07T09:40:00Z\","
                                + " \"seconds\": 2400, \"services\": [\"api\"]}]")
                List<StatementIssued.Disputed> disputes) {

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
                EngineMapping.elements(elements),
                EngineMapping.maintenance(s),
                EngineMapping.exclusions(s),
                s.excludedSeconds(),
                EngineMapping.disputes(s));
    }
}
