package com.slaledger.ledger.dispute;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** The dispute table: its one owner is this feature. */
@ApplicationScoped
public class DisputeRepository implements PanacheRepositoryBase<Dispute, String> {

    /** The accepted disputes of the contracts: what the engine adds (rule 4b). */
    public Uni<List<Dispute>> accepted(Collection<String> contractIds) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("contractId in ?1 and status = 'ACCEPTED' order by start, disputeId", contractIds);
    }

    public Uni<Long> countOf(String contractId) {
        return count("contractId", contractId);
    }

    /**
     * A page of disputes by filing time, newest first, optionally of some contracts ({@code
     * contractIds} null: every one) and of one status.
     */
    public Uni<List<Dispute>> page(Collection<String> contractIds, String status, int offset, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (contractIds != null) {
            if (contractIds.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            q.append(" and contractId in :contracts");
            p.and("contracts", contractIds);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        q.append(" order by filedAt desc, disputeId");
        return find(q.toString(), p).range(offset, offset + limit - 1).list();
    }

    /** Decides an open dispute: true when this call did (a concurrent decision changes nothing). */
    public Uni<Boolean> decide(String disputeId, String status, String by, Instant at, String note) {
        return update(
                        "status = ?1, decidedBy = ?2, decidedAt = ?3, note = ?4 where disputeId = ?5 and status = 'OPEN'",
                        status,
                        by,
                        at,
                        note,
                        disputeId)
                .map(n -> n == 1);
    }
}
