package com.slaledger.ticket.ticket;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, String> {

    /** The ticket with this identity, or null. */
    public Uni<Ticket> findByIdentity(TicketSource source, String contractId, String externalId) {
        return find("source = ?1 and contractId = ?2 and externalId = ?3", source, contractId, externalId)
                .firstResult();
    }

    /** The tickets a help desk knows by this id: one, unless two contracts' tickets share it. */
    public Uni<List<Ticket>> findBySourceId(TicketSource source, String externalId) {
        return list("source = ?1 and externalId = ?2", source, externalId);
    }

    /** A page of a contract's tickets, oldest report first. */
    public Uni<List<Ticket>> ofContract(String contractId, int offset, int count) {
        return find("contractId", Sort.by("reportedAt").and("id"), contractId)
                .range(offset, offset + count - 1)
                .list();
    }
}
