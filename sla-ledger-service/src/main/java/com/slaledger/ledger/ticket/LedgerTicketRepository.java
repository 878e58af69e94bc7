package com.slaledger.ledger.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.TicketEvent;
import com.slaledger.events.TicketKind;
import com.slaledger.ledger.engine.TicketMerge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LedgerTicketRepository implements PanacheRepositoryBase<LedgerTicket, String> {

    /** The ticket as merged (TicketMerge), written whole; locked first when it is known. */
    private static final String UPSERT = "INSERT INTO ledger_ticket"
            + " (ticket_id, contract_id, service_id, kind, reported_at, resolved_at, priority, responded_at)"
            + " VALUES (:id, :contract, :service, :kind, :reported, :resolved, :priority, :responded)"
            + " ON CONFLICT (ticket_id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at,"
            + " responded_at = EXCLUDED.responded_at, priority = EXCLUDED.priority";

    private static final String KNOWN = "SELECT CAST(EXTRACT(EPOCH FROM resolved_at) AS BIGINT),"
            + " CAST(EXTRACT(EPOCH FROM responded_at) AS BIGINT) FROM ledger_ticket WHERE ticket_id = :id FOR UPDATE";

    /**
     * Folds a ticket event into what is known of the ticket by the engine's rules (TicketMerge): a
     * resolution once known is kept (a replayed or late "opened" never reopens a ticket), the first
     * response is the earliest known, the priority is the latest event's (the default without
     * one); so the result does not depend on arrival order or repeats.
     */
    public Uni<Void> fold(TicketEvent e) {
        return getSession()
                .chain(s -> s.createNativeQuery(KNOWN, Object[].class)
                        .setParameter("id", e.ticketId())
                        .getResultList())
                .chain(known -> {
                    Long resolved = known.isEmpty() ? null : number(known.get(0)[0]);
                    Long responded = known.isEmpty() ? null : number(known.get(0)[1]);
                    Long keptResolution = TicketMerge.resolution(resolved, seconds(e.resolvedAt()));
                    Long firstResponse = TicketMerge.firstResponse(responded, seconds(e.respondedAt()));
                    return getSession().chain(s -> s.createNativeQuery(UPSERT)
                            .setParameter("id", e.ticketId())
                            .setParameter("contract", e.contractId())
                            .setParameter("service", e.serviceId())
                            .setParameter("kind", e.kind().name())
                            .setParameter("reported", e.reportedAt())
                            .setParameter("resolved", instant(keptResolution))
                            .setParameter("priority", TicketMerge.priority(e.priority()))
                            .setParameter("responded", instant(firstResponse))
                            .executeUpdate());
                })
                .chain(() -> pauses(e))
                .replaceWithVoid();
    }

    private static final String PAUSE = "INSERT INTO ledger_ticket_pause (ticket_id, at, paused)"
            + " SELECT :id, CAST(a AS timestamptz), CAST(p AS boolean)"
            + " FROM unnest(string_to_array(:at, ','), string_to_array(:paused, ',')) AS t(a, p)"
            + " ON CONFLICT DO NOTHING";

    /** The event's pauses and unpauses join those already known (a set: SPEC §16.4). */
    private Uni<Integer> pauses(TicketEvent e) {
        if (e.pauses().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String at = e.pauses().stream().map(p -> p.at().toString()).collect(java.util.stream.Collectors.joining(","));
        String paused = e.pauses().stream()
                .map(p -> String.valueOf(p.paused()))
                .collect(java.util.stream.Collectors.joining(","));
        return getSession().chain(s -> s.createNativeQuery(PAUSE)
                .setParameter("id", e.ticketId())
                .setParameter("at", at)
                .setParameter("paused", paused)
                .executeUpdate());
    }

    private static Long number(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static Long seconds(Instant i) {
        return i == null ? null : i.getEpochSecond();
    }

    private static Instant instant(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    public Uni<List<LedgerTicket>> outagesOf(String contractId) {
        return list("contractId = ?1 and kind = ?2", contractId, TicketKind.OUTAGE);
    }

    /** The contracts' outage tickets open at some time in [from, to). */
    public Uni<List<LedgerTicket>> outagesOf(List<String> contractIds, OffsetDateTime from, OffsetDateTime to) {
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
