package com.slaledger.ticket.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.ContractChanged;
import com.slaledger.support.ConsumerRetry;
import com.slaledger.ticket.contract.ContractViewRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps ticket-service's contract view up to date from the compacted contracts topic. */
@ApplicationScoped
public class ContractConsumer {

    private final ContractViewRepository contracts;

    public ContractConsumer(ContractViewRepository contracts) {
        this.contracts = contracts;
    }

    @Incoming("contracts")
    public Uni<Void> onContract(ContractChanged event) {
        if (event.contractId() == null || event.services() == null) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("contract event without contractId or services"));
        }
        return ConsumerRetry.untilDone(Panache.withTransaction(() -> contracts.apply(event)));
    }
}
