package com.slaledger.ledger.credit;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.slaledger.ledger.engine.Credits;
import com.slaledger.ledger.engine.Money;

/** A credit as stored (SPEC §17): a period's CREDIT, or an ADJUSTMENT of an applied one. */
@Entity
@Table(name = "credit")
public class Credit {

    @Id
    @Column(name = "credit_id")
    public String creditId;

    @Column(name = "contract_id")
    public String contractId;

    public String period;

    public String kind;

    @Column(name = "credit_percent")
    public BigDecimal creditPercent;

    public BigDecimal amount;

    public String currency;

    @Column(name = "statement_version")
    public int statementVersion;

    public String status;

    @Column(name = "claim_deadline")
    public Instant claimDeadline;

    @Column(name = "invoice_reference")
    public String invoiceReference;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The engine's view of it. */
    public Credits.Credit engine() {
        return new Credits.Credit(
                creditId,
                Credits.Kind.valueOf(kind),
                Credits.Status.valueOf(status),
                creditPercent,
                amount == null ? null : new Money(amount, currency),
                statementVersion,
                claimDeadline == null ? null : claimDeadline.getEpochSecond());
    }

    /** Takes the engine's new state (status, figures, statement version). */
    void take(Credits.Credit c, Instant now) {
        status = c.status().name();
        creditPercent = c.percent();
        amount = c.amount() == null ? null : c.amount().amount();
        currency = c.amount() == null ? null : c.amount().currency();
        statementVersion = c.statementVersion();
        updatedAt = now;
    }
}
