package com.slaledger.ledger.observation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.slaledger.events.HealthStatus;

/** A health observation as the ledger keeps it: one row per de-duplication key. */
@Entity
@Table(name = "observation")
public class Observation {

    @Id
    @Column(name = "dedup_key")
    public String dedupKey;

    @Column(name = "service_id")
    public String serviceId;

    @Column(name = "probe_id")
    public String probeId;

    @Enumerated(EnumType.STRING)
    public HealthStatus status;

    @Column(name = "observed_at")
    public Instant observedAt;

    @Column(name = "received_at")
    public Instant receivedAt;
}
