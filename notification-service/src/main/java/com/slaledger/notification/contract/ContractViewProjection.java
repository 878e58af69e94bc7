package com.slaledger.notification.contract;

import java.time.Clock;
import java.util.Map;

import jakarta.inject.Singleton;

import com.slaledger.events.ContractChanged;
import com.slaledger.support.persistence.ContractProjection;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * notification-service's view of the contracts, kept from the compacted contracts topic: who the
 * customer is and where notices go.
 */
@Singleton
public class ContractViewProjection extends ContractProjection {

    public ContractViewProjection(Clock clock) {
        super(clock, "customer_name", "notice_emails", "alert_emails", "timezone", "locale");
    }

    @Incoming("contracts")
    public Uni<Void> onContract(ContractChanged event) {
        return consume(event);
    }

    @Override
    public boolean complete(ContractChanged event) {
        return event.customer() != null && event.customer().noticeEmails() != null;
    }

    @Override
    protected Map<String, Object> columns(ContractChanged event) {
        return Map.of(
                "customer_name",
                event.customer().name(),
                "notice_emails",
                joined(event.customer().noticeEmails()),
                "alert_emails",
                event.alerts() == null ? "" : joined(event.alerts().emails()),
                "timezone",
                event.timezone() == null ? "UTC" : event.timezone(),
                "locale",
                event.language());
    }
}
