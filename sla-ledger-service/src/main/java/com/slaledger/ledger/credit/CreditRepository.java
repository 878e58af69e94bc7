package com.slaledger.ledger.credit;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** The credit and credit_history tables: their one owner is this feature. */
@ApplicationScoped
public class CreditRepository implements PanacheRepositoryBase<Credit, String> {

    /**
     * A period's credits (its CREDIT and adjustments), oldest first, locked for this transaction:
     * an evaluation and a person's move of the same credit wait for each other, never overwrite.
     */
    public Uni<List<Credit>> ofPeriod(String contractId, String period) {
        return find("contractId = ?1 and period = ?2 order by createdAt, creditId", contractId, period)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** The contract's credits waiting for a claim, locked for this transaction. */
    public Uni<List<Credit>> pending(String contractId) {
        return find("contractId = ?1 and status = 'PENDING_CLAIM' order by creditId", contractId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** One credit, locked for this transaction (null when there is none). */
    public Uni<Credit> locked(String creditId) {
        return findById(creditId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * A page of credits by period (newest first), optionally of some contracts ({@code
     * contractIds} null: every one), of one status and of one period.
     */
    public Uni<List<Credit>> page(Collection<String> contractIds, String status, String period, int offset, int limit) {
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
        if (period != null) {
            q.append(" and period = :period");
            p.and("period", period);
        }
        q.append(" order by period desc, contractId, createdAt, creditId");
        return find(q.toString(), p).range(offset, offset + limit - 1).list();
    }

    /** The history of the credits, each in order. */
    public Uni<List<CreditEntry>> history(Collection<String> creditIds) {
        if (creditIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from CreditEntry where creditId in :ids order by creditId, seq", CreditEntry.class)
                .setParameter("ids", creditIds)
                .getResultList());
    }

    /** Appends a step to a credit's history (its next sequence number). */
    public Uni<Void> append(CreditEntry e) {
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(
                                "select coalesce(max(seq), 0) from CreditEntry where creditId = :id", Integer.class)
                        .setParameter("id", e.creditId)
                        .getSingleResult())
                .chain(max -> {
                    e.seq = max + 1;
                    return Panache.getSession().chain(s -> s.persist(e));
                })
                .replaceWithVoid();
    }
}
