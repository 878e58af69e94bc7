package com.slaledger.ledger.contract;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.ContractChanged;
import com.slaledger.events.EventJson;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, String> {

    public Uni<ContractChanged> document(String contractId) {
        return findById(contractId).map(c -> c == null ? null : read(c.document));
    }

    public Uni<List<ContractChanged>> all() {
        return listAll(Sort.by("contractId"))
                .map(list -> list.stream().map(c -> read(c.document)).toList());
    }

    /** Contracts that cover a service (a LIKE prefilter on the JSON, confirmed on the parsed list). */
    public Uni<List<ContractChanged>> covering(String serviceId) {
        return list("document like ?1", "%\"" + serviceId + "\"%").map(list -> list.stream()
                .map(c -> read(c.document))
                .filter(c -> c.services().contains(serviceId))
                .toList());
    }

    public static ContractChanged read(String json) {
        try {
            return EventJson.mapper().readValue(json, ContractChanged.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contract is unreadable", e);
        }
    }

    static String write(ContractChanged contract) {
        try {
            return EventJson.mapper().writeValueAsString(contract);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
