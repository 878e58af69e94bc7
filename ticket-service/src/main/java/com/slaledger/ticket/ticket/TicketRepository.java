package com.slaledger.ticket.ticket;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, String> {

    public Uni<Ticket> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResult();
    }

    public Uni<List<Ticket>> ofContract(String contractId) {
        return list("contractId", Sort.by("reportedAt").and("id"), contractId);
    }
}
