package com.slaledger.ledger.warning;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.slaledger.ledger.engine.PolicyFigures;

/** A warning before a breach that was published: once per (contract, period, threshold) (SPEC §7). */
@Entity
@Table(name = "warning")
@IdClass(Warning.Key.class)
public class Warning {

    @Id
    @Column(name = "contract_id")
    public String contractId;

    @Id
    public String period;

    @Id
    @Column(name = "threshold_percent")
    public BigDecimal thresholdPercent;

    @Column(name = "downtime_seconds")
    public long downtimeSeconds;

    @Column(name = "allowance_seconds")
    public long allowanceSeconds;

    @Column(name = "detected_at")
    public Instant detectedAt;

    /** The row of a warning at {@code threshold}, with the figures it was judged on. */
    public static Warning of(
            String contractId, String period, BigDecimal threshold, PolicyFigures f, Instant detectedAt) {
        Warning row = new Warning();
        row.contractId = contractId;
        row.period = period;
        row.thresholdPercent = threshold;
        row.downtimeSeconds = f.downtimeSeconds();
        row.allowanceSeconds = f.allowanceSeconds();
        row.detectedAt = detectedAt;
        return row;
    }

    public record Key(String contractId, String period, BigDecimal thresholdPercent) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
