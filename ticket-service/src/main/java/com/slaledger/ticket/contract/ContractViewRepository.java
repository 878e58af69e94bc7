package com.slaledger.ticket.contract;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.ContractChanged;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContractViewRepository implements PanacheRepositoryBase<ContractView, String> {

    /** Keeps the newest version of each contract; an older or repeated version changes nothing. */
    public Uni<Void> apply(ContractChanged event) {
        return findById(event.contractId()).chain(view -> {
            if (view != null && view.version >= event.version()) {
                return Uni.createFrom().voidItem();
            }
            ContractView v = view == null ? new ContractView() : view;
            v.contractId = event.contractId();
            v.version = event.version();
            v.services = String.join(",", event.services());
            v.updatedAt = Instant.now();
            return persist(v).replaceWithVoid();
        });
    }
}
