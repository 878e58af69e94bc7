package com.slaledger.ledger.dispute;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dispute as stored (SPEC §17): filed OPEN by the customer (or an operator for it), then accepted or rejected once. */
@Entity
@Table(name = "dispute")
public class Dispute {

    public static final String OPEN = "OPEN";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    @Id
    @Column(name = "dispute_id")
    public String disputeId;

    @Column(name = "contract_id")
    public String contractId;

    public String period;

    @Column(name = "start_at")
    public Instant start;

    @Column(name = "end_at")
    public Instant end;

    /** The covered services it names, comma-separated; empty: every covered service. */
    public String services;

    public String description;

    public String reference;

    public String status;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String note;

    public List<String> serviceList() {
        return services == null || services.isEmpty() ? List.of() : Arrays.asList(services.split(","));
    }

    /** The engine's view of an accepted dispute (rule 4b). */
    public com.slaledger.ledger.engine.Dispute engine() {
        return new com.slaledger.ledger.engine.Dispute(
                disputeId, start.getEpochSecond(), end.getEpochSecond(), serviceList());
    }
}
