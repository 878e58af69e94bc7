package com.slaledger.ticket.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, String> {

    public Uni<Ticket> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResult();
    }
}
