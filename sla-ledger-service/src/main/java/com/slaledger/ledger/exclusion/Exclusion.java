package com.slaledger.ledger.exclusion;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.slaledger.ledger.engine.ExclusionApproval;

/** An exclusion as stored (SPEC §16.1): proposed, then approved or rejected once. */
@Entity
@Table(name = "exclusion")
public class Exclusion {

    @Id
    @Column(name = "exclusion_id")
    public String exclusionId;

    @Column(name = "contract_id")
    public String contractId;

    @Column(name = "start_at")
    public Instant start;

    @Column(name = "end_at")
    public Instant end;

    public String category;

    public String reason;

    /** The covered services it names, comma-separated (service ids never hold a comma). */
    public String services;

    public String reference;

    public String status;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String note;

    public List<String> serviceList() {
        return services == null || services.isEmpty() ? List.of() : Arrays.asList(services.split(","));
    }

    public ExclusionApproval.Status state() {
        return ExclusionApproval.Status.valueOf(status);
    }

    /** The engine's view of an approved exclusion. */
    public com.slaledger.ledger.engine.Exclusion engine() {
        return new com.slaledger.ledger.engine.Exclusion(
                exclusionId, start.getEpochSecond(), end.getEpochSecond(), category, reason, serviceList());
    }
}
