package com.slaledger.ledger.shortfall;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.slaledger.ledger.engine.PolicyFigures;

/**
 * A shortfall that was detected and published: availability once per (contract, period, credit
 * tier); any other element once per (contract, period, element), stored with credit 0 and what
 * was agreed and measured, the availability figures those of the moment.
 */
@Entity
@Table(name = "shortfall")
@IdClass(Shortfall.Key.class)
public class Shortfall {

    @Id
    @Column(name = "contract_id")
    public String contractId;

    @Id
    public String period;

    @Id
    public String element;

    @Id
    @Column(name = "credit_percent")
    public BigDecimal creditPercent;

    @Column(name = "downtime_seconds")
    public long downtimeSeconds;

    @Column(name = "allowance_seconds")
    public long allowanceSeconds;

    @Column(name = "eligible_seconds")
    public long eligibleSeconds;

    @Column(name = "availability_percent")
    public BigDecimal availabilityPercent;

    @Column(name = "detected_at")
    public Instant detectedAt;

    /** For elements other than availability: the first instant it could no longer be met. */
    @Column(name = "decided_at")
    public Instant decidedAt;

    public String agreed;

    public String measured;

    /** The row of a shortfall of {@code element} at {@code tier}, with the availability figures of the moment. */
    public static Shortfall of(
            String contractId, String period, String element, BigDecimal tier, PolicyFigures f, Instant detectedAt) {
        Shortfall row = new Shortfall();
        row.contractId = contractId;
        row.period = period;
        row.element = element;
        row.creditPercent = tier;
        row.downtimeSeconds = f.downtimeSeconds();
        row.allowanceSeconds = f.allowanceSeconds();
        row.eligibleSeconds = f.eligibleSeconds();
        row.availabilityPercent = f.availabilityPercent();
        row.detectedAt = detectedAt;
        return row;
    }

    public boolean isAvailability() {
        return "availability".equals(element);
    }

    public record Key(String contractId, String period, String element, BigDecimal creditPercent)
            implements Serializable {
        public Key() {
            this(null, null, null, null);
        }
    }
}
