package com.slaledger.ticket.contract;

import java.time.Clock;
import java.util.Map;

import jakarta.inject.Singleton;

import com.slaledger.events.ContractChanged;
import com.slaledger.support.persistence.ContractProjection;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * ticket-service's view of the contracts, kept from the compacted contracts topic: which services
 * each covers (to validate tickets).
 */
@Singleton
public class ContractViewProjection extends ContractProjection {

    public ContractViewProjection(Clock clock) {
        super(clock, "services");
    }

    @Incoming("contracts")
    public Uni<Void> onContract(ContractChanged event) {
        return consume(event);
    }

    @Override
    public boolean complete(ContractChanged event) {
        return event.services() != null;
    }

    @Override
    protected Map<String, Object> columns(ContractChanged event) {
        return Map.of("services", joined(event.services()));
    }
}
