package com.slaledger.ledger.shortfall;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A shortfall that was detected and published: once per (contract, period, credit tier). */
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

    public record Key(String contractId, String period, BigDecimal creditPercent) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
