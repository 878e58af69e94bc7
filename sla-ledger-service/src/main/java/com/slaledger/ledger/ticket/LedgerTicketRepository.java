package com.slaledger.ledger.ticket;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.TicketEvent;
import com.slaledger.events.TicketKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LedgerTicketRepository implements PanacheRepositoryBase<LedgerTicket, String> {

    /**
     * Folds a ticket event. A resolution, once known, is kept: a replayed or late "opened" event
     * never reopens a resolved ticket; the first response is the earliest one known; so the result
     * does not depend on arrival order. The priority is the latest event's (P3 when it has none).
     */
    private static final String UPSERT = "INSERT INTO ledger_ticket"
            + " (ticket_id, contract_id, service_id, kind, reported_at, resolved_at, priority, responded_at)"
            + " VALUES (:id, :contract, :service, :kind, :reported, :resolved, :priority, :responded)"
            + " ON CONFLICT (ticket_id) DO UPDATE SET"
            + " resolved_at = COALESCE(EXCLUDED.resolved_at, ledger_ticket.resolved_at),"
            + " responded_at = LEAST(EXCLUDED.responded_at, ledger_ticket.responded_at),"
            + " priority = EXCLUDED.priority";

    /** The priority a ticket has when its events name none (SPEC §5.2). */
    static final String DEFAULT_PRIORITY = "P3";

    public Uni<Void> fold(TicketEvent e) {
        return getSession()
                .chain(s -> s.createNativeQuery(UPSERT)
                        .setParameter("id", e.ticketId())
                        .setParameter("contract", e.contractId())
                        .setParameter("service", e.serviceId())
                        .setParameter("kind", e.kind().name())
                        .setParameter("reported", e.reportedAt())
                        .setParameter("resolved", e.resolvedAt())
                        .setParameter("priority", e.priority() == null ? DEFAULT_PRIORITY : e.priority())
                        .setParameter("responded", e.respondedAt())
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<LedgerTicket>> outagesOf(String contractId) {
        return list("contractId = ?1 and kind = ?2", contractId, TicketKind.OUTAGE);
    }

    /** The contracts' outage tickets open at some time in [from, to). */
    public Uni<List<LedgerTicket>> outagesOf(
            List<String> contractIds, java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list(
                "contractId in ?1 and kind = ?2 and reportedAt < ?3 and (resolvedAt is null or resolvedAt > ?4)",
                contractIds,
                TicketKind.OUTAGE,
                to.toInstant(),
                from.toInstant());
    }
}
