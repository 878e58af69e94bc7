package com.slaledger.ledger.registry;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registered service: how many probes must report it DOWN at once for it to count as down, and
 * after how long a probe's silence makes it UNKNOWN (SPEC §6 rules 1a, 2).
 */
@Entity
@Table(name = "monitored_service")
public class MonitoredService {

    @Id
    @Column(name = "service_id")
    public String serviceId;

    public String name;

    @Column(name = "down_quorum")
    public int downQuorum;

    /** Rule 1a: how long a probe's observation holds; null: until its next one. */
    @Column(name = "stale_after_seconds")
    public Long staleAfterSeconds;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
