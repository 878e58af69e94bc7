package com.slaledger.ticket.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.slaledger.events.TicketKind;

/** A support ticket as ticket-service stores it. */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    public String id;

    /** With contractId and externalId, the ticket's identity (unique together). */
    @Enumerated(EnumType.STRING)
    public TicketSource source;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "contract_id")
    public String contractId;

    @Column(name = "service_id")
    public String serviceId;

    @Enumerated(EnumType.STRING)
    public TicketKind kind;

    public String subject;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** P1 .. P4 (default P3): chooses the support target (SPEC §13.2). */
    public String priority;

    /** The provider's first response; only the first counts. */
    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Every pause and unpause (SPEC §16.4), by instant: TicketPauses' text form. */
    public String pauses = "";

    @Version
    public int version;
}
