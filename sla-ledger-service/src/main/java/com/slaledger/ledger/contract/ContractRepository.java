package com.slaledger.ledger.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import com.slaledger.support.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.logging.Log;
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

    /** Every version of each contract, kept while its current version is unchanged. */
    private final Map<String, ContractHistory> histories = new ConcurrentHashMap<>();

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

    /** Every version of a contract, for the periods each was in force; null for an unknown contract. */
    public Uni<ContractHistory> history(String contractId) {
        return current(contractId).chain(current -> {
            if (current == null) {
                return Uni.createFrom().nullItem();
            }
            ContractHistory known = histories.get(contractId);
            if (known != null && known.current().version() == current.version()) {
                return Uni.createFrom().item(known);
            }
            return getSession()
                    .chain(s -> s.createNativeQuery(
                                    "SELECT version, CAST(EXTRACT(EPOCH FROM valid_from) AS BIGINT), document,"
                                            + " CAST(EXTRACT(EPOCH FROM stored_at) AS BIGINT)"
                                            + " FROM contract_version WHERE contract_id = :c ORDER BY version",
                                    Object[].class)
                            .setParameter("c", contractId)
                            .getResultList())
                    .map(rows -> {
                        List<ContractHistory.Entry> entries = new ArrayList<>();
                        for (Object[] r : rows) {
                            long version = ((Number) r[0]).longValue();
                            ContractVersion v = version == current.version()
                                    ? current
                                    : ContractVersion.of(
                                            contractId,
                                            version,
                                            read((String) r[2]),
                                            current.createdAt(),
                                            Instant.ofEpochSecond(((Number) r[3]).longValue()));
                            entries.add(
                                    new ContractHistory.Entry(v, Instant.ofEpochSecond(((Number) r[1]).longValue())));
                        }
                        if (entries.stream().noneMatch(e -> e.version().version() == current.version())) {
                            // a contract stored before versions were kept: its current version serves every period
                            entries.add(new ContractHistory.Entry(current, current.createdAt()));
                        }
                        ContractHistory history = new ContractHistory(entries);
                        histories.put(contractId, history);
                        return history;
                    });
        });
    }

    /** Stores a version with the instant from which it is in force. */
    public Uni<Void> addVersion(ContractVersion v, Instant validFrom, String document) {
        return getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO contract_version"
                                        + " (contract_id, version, valid_from, document, stored_at) VALUES (:c, :v, :f, :d, :s)")
                        .setParameter("c", v.contractId())
                        .setParameter("v", v.version())
                        .setParameter("f", validFrom)
                        .setParameter("d", document)
                        .setParameter("s", v.updatedAt())
                        .executeUpdate())
                .chain(() -> getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO contract_service (service_id, contract_id)"
                                        + " SELECT unnest(string_to_array(:services, ',')), :c ON CONFLICT DO NOTHING")
                        // service ids are [A-Za-z0-9._:-]: a comma separates them
                        .setParameter("services", String.join(",", v.terms().monitoredServices()))
                        .setParameter("c", v.contractId())
                        .executeUpdate()))
                .chain(() -> v.terms().duties().isEmpty()
                        ? Uni.createFrom().item(0)
                        : getSession().chain(s -> s.createNativeQuery("INSERT INTO contract_duty (duty_id, contract_id)"
                                        + " SELECT unnest(string_to_array(:duties, ',')), :c ON CONFLICT DO NOTHING")
                                // duty ids are [A-Za-z0-9._:-]: a comma separates them
                                .setParameter(
                                        "duties",
                                        String.join(
                                                ",",
                                                v.terms().duties().stream()
                                                        .map(ContractTerms.Duty::dutyId)
                                                        .toList()))
                                .setParameter("c", v.contractId())
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * Every contract id, and the versions that could be read: a stored document that cannot be
     * read any more is left out of {@code readable} (and logged), so that it stops nothing else.
     */
    public record Everything(List<String> ids, List<ContractVersion> readable) {}

    public Uni<Everything> everything() {
        return listAll(Sort.by("contractId")).map(rows -> {
            List<String> ids = new ArrayList<>();
            List<ContractVersion> readable = new ArrayList<>();
            for (Contract row : rows) {
                ids.add(row.contractId);
                try {
                    readable.add(version(row));
                } catch (RuntimeException e) {
                    Log.errorf("contract %s cannot be read: %s", row.contractId, e.toString());
                }
            }
            return new Everything(ids, readable);
        });
    }

    /** Every contract that can be read, by id (an unreadable stored document is logged and left out). */
    public Uni<List<ContractVersion>> all() {
        return everything().map(Everything::readable);
    }

    /** Contracts that cover a service (a LIKE prefilter on the JSON, confirmed on the parsed terms). */
    public Uni<List<ContractVersion>> covering(String serviceId) {
        return list("document like ?1", "%\"" + serviceId + "\"%").map(list -> list.stream()
                .map(this::version)
                .filter(c -> c.terms().monitoredServices().contains(serviceId))
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
