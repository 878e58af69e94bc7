package com.slaledger.ledger.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.slaledger.events.ContractChanged;
import com.slaledger.events.DowntimeInterval;
import com.slaledger.events.MeasurementPolicy;
import com.slaledger.ledger.engine.CreditTier;
import com.slaledger.ledger.engine.Interval;
import com.slaledger.ledger.engine.Money;
import com.slaledger.ledger.engine.Policy;
import com.slaledger.ledger.engine.StatementInterval;
import com.slaledger.ledger.engine.Terms;

/** Translates between the wire and storage forms and the engine's plain types. */
public final class EngineMapping {

    private EngineMapping() {}

    public static Terms terms(ContractChanged c) {
        return new Terms(
                c.contractId(),
                c.services(),
                Policy.valueOf(c.policy().name()),
                c.uptimeTargetPercent(),
                c.minimumDowntime() == null ? 0 : c.minimumDowntime().getSeconds(),
                ZoneId.of(c.timezone()),
                c.creditTiers().stream()
                        .map(t -> new CreditTier(t.belowPercent(), t.creditPercent()))
                        .toList(),
                c.creditCapPercent(),
                c.monthlyFee() == null
                        ? null
                        : new Money(c.monthlyFee().amount(), c.monthlyFee().currency()),
                c.maintenanceWindows().stream()
                        .map(w ->
                                new Interval(w.start().getEpochSecond(), w.end().getEpochSecond()))
                        .toList());
    }

    public static MeasurementPolicy policy(Policy p) {
        return MeasurementPolicy.valueOf(p.name());
    }

    public static com.slaledger.events.Money money(Money m) {
        return m == null ? null : new com.slaledger.events.Money(m.amount(), m.currency());
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

    /** 10.00 → 10, 12.50 → 12.5, 0.000 → 0: the shortest exact form, never exponent notation. */
    public static BigDecimal plain(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
