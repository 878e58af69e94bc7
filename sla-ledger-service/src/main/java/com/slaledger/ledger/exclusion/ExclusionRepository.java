package com.slaledger.ledger.exclusion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The exclusion table: its one owner is this feature. */
@ApplicationScoped
public class ExclusionRepository implements PanacheRepositoryBase<Exclusion, String> {

    /** A contract's exclusions, by start. */
    public Uni<List<Exclusion>> of(String contractId) {
        return list("contractId = ?1 order by start, exclusionId", contractId);
    }

    /** The approved exclusions of the contracts: what the engine applies (rule 4a). */
    public Uni<List<Exclusion>> approved(Collection<String> contractIds) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("contractId in ?1 and status = 'APPROVED' order by start, exclusionId", contractIds);
    }

    public Uni<Long> countOf(String contractId) {
        return count("contractId", contractId);
    }

    /**
     * Decides a proposed exclusion: true when this call did (another decision at the same time
     * finds it no longer PROPOSED and changes nothing).
     */
    public Uni<Boolean> decide(String exclusionId, String status, String by, Instant at, String note) {
        return update(
                        "status = ?1, decidedBy = ?2, decidedAt = ?3, note = ?4"
                                + " where exclusionId = ?5 and status = 'PROPOSED'",
                        status,
                        by,
                        at,
                        note,
                        exclusionId)
                .map(n -> n == 1);
    }
}
