package com.slaledger.ledger.credit;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One step of a credit's history: when, by whom, to which status and amount, and why. */
@Entity
@Table(name = "credit_history")
@IdClass(CreditEntry.Key.class)
public class CreditEntry {

    @Id
    @Column(name = "credit_id")
    public String creditId;

    @Id
    public int seq;

    public Instant at;

    public String actor;

    public String status;

    public BigDecimal amount;

    public String note;

    public static class Key implements Serializable {
        public String creditId;
        public int seq;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.creditId, creditId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(creditId, seq);
        }
    }
}
