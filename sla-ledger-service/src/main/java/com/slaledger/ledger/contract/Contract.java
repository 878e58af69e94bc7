package com.slaledger.ledger.contract;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contract's current version: its terms (ContractTerms) as a JSON document, read as a ContractVersion. */
@Entity
@Table(name = "contract")
public class Contract {

    @Id
    @Column(name = "contract_id")
    public String contractId;

    public long version;

    /** The current version's ContractTerms as JSON (EventJson). */
    public String document;

    /** When the first version was stored: statements are issued for periods ending after it. */
    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
