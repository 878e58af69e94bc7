package com.slaledger.ledger.contract;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import com.slaledger.support.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Stored contracts, read as {@link ContractVersion}s. A version's terms are parsed and translated
 * to the engine's once, then kept for as long as that version is current: the evaluator reads
 * every contract each round, and a version never changes.
 */
@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, String> {

    /** The parsed current version of each contract, by contract id. */
    private final Map<String, ContractVersion> versions = new ConcurrentHashMap<>();

    public Uni<ContractVersion> current(String contractId) {
        return findById(contractId).map(c -> c == null ? null : version(c));
    }

    /**
     * The current version, or a 404 problem for a contract that does not exist or that the caller
     * may not read (another customer's contract is answered as if it did not exist).
     */
    public Uni<ContractVersion> existing(String contractId, Predicate<String> mayRead) {
        if (!mayRead.test(contractId)) {
            return Uni.createFrom().failure(ProblemException.notFound("contract " + contractId));
        }
        return current(contractId).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("contract " + contractId);
            }
            return c;
        });
    }

    public Uni<List<ContractVersion>> all() {
        return listAll(Sort.by("contractId"))
                .map(list -> list.stream().map(this::version).toList());
    }

    /** Contracts that cover a service (a LIKE prefilter on the JSON, confirmed on the parsed terms). */
    public Uni<List<ContractVersion>> covering(String serviceId) {
        return list("document like ?1", "%\"" + serviceId + "\"%").map(list -> list.stream()
                .map(this::version)
                .filter(c -> c.terms().services().contains(serviceId))
                .toList());
    }

    /** The row as a version, parsed once per stored version (a newer one replaces the older). */
    public ContractVersion version(Contract row) {
        ContractVersion known = versions.get(row.contractId);
        if (known != null && known.version() == row.version && known.updatedAt().equals(row.updatedAt)) {
            return known;
        }
        ContractVersion parsed =
                ContractVersion.of(row.contractId, row.version, read(row.document), row.createdAt, row.updatedAt);
        versions.put(row.contractId, parsed);
        return parsed;
    }

    static ContractTerms read(String json) {
        try {
            return EventJson.mapper().readValue(json, ContractTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contract is unreadable", e);
        }
    }

    static String write(ContractTerms terms) {
        try {
            return EventJson.mapper().writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
