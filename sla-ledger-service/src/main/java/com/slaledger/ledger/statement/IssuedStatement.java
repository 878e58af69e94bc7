package com.slaledger.ledger.statement;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A statement version issued at period close (1) or as an amendment (2, 3, ...). */
@Entity
@Table(name = "issued_statement")
@IdClass(IssuedStatement.Key.class)
public class IssuedStatement {

    @Id
    @Column(name = "contract_id")
    public String contractId;

    @Id
    public String period;

    @Id
    public int version;

    /** SHA-256 of the statement's figures and intervals: a change means an amendment is due. */
    public String fingerprint;

    @Column(name = "issued_at")
    public Instant issuedAt;

    public static IssuedStatement of(
            String contractId, String period, int version, String fingerprint, Instant issuedAt) {
        IssuedStatement row = new IssuedStatement();
        row.contractId = contractId;
        row.period = period;
        row.version = version;
        row.fingerprint = fingerprint;
        row.issuedAt = issuedAt;
        return row;
    }

    public record Key(String contractId, String period, int version) implements Serializable {
        public Key() {
            this(null, null, 0);
        }
    }
}
