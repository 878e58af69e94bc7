package com.slaledger.ledger.contract;

import com.slaledger.events.ContractChanged;
import com.slaledger.events.MeasurementPolicy;
import com.slaledger.events.Money;

/**
 * The edge between the ledger's contract model and the wire: the event published on the
 * compacted {@code sla.contracts} topic for every stored version. The engine and the events name
 * the same things alike ({@code MeasurementPolicy}, {@code Money}); they stay separate types so
 * that the engine depends on nothing and the wire format changes only on purpose.
 */
public final class ContractEvents {

    private ContractEvents() {}

    public static ContractChanged changed(ContractVersion c) {
        ContractTerms t = c.terms();
        return new ContractChanged(
                c.contractId(),
                c.version(),
                new ContractChanged.Customer(t.customer().name(), t.customer().noticeEmails()),
                // what a ticket may name (SPEC §16.2): a covered service, a group's name or any member
                t.ticketServices(),
                policy(t.policy()),
                t.uptimeTargetPercent(),
                t.minimumDowntime(),
                t.timezone(),
                t.creditTiers().stream()
                        .map(k -> new ContractChanged.CreditTier(k.belowPercent(), k.creditPercent()))
                        .toList(),
                t.creditCapPercent(),
                money(t.monthlyFee()),
                t.maintenanceWindows().stream()
                        .filter(w -> !w.isRecurring())
                        .map(w -> new ContractChanged.MaintenanceWindow(w.start(), w.end(), w.reason()))
                        .toList(),
                c.updatedAt(),
                t.alerts() == null
                        ? null
                        : new ContractChanged.Alerts(
                                t.alerts().emails(), t.alerts().allowanceUsedPercent()),
                t.locale());
    }

    public static MeasurementPolicy policy(com.slaledger.ledger.engine.MeasurementPolicy p) {
        return MeasurementPolicy.valueOf(p.name());
    }

    public static Money money(com.slaledger.ledger.engine.Money m) {
        return m == null ? null : new Money(m.amount(), m.currency());
    }
}
