package com.slaledger.ledger.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.slaledger.events.TicketKind;

/** What the ledger keeps of a ticket: enough for the ticket-open time (SPEC §6 rule 3). */
@Entity
@Table(name = "ledger_ticket")
public class LedgerTicket {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "contract_id")
    public String contractId;

    @Column(name = "service_id")
    public String serviceId;

    @Enumerated(EnumType.STRING)
    public TicketKind kind;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** P1 .. P4. */
    public String priority;

    @Column(name = "responded_at")
    public Instant respondedAt;
}
