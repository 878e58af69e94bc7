package com.slaledger.ticket.contract;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What ticket-service knows of a contract: that it exists, and which services it covers. */
@Entity
@Table(name = "contract_view")
public class ContractView {

    @Id
    @Column(name = "contract_id")
    public String contractId;

    public long version;

    /** Comma-separated service ids. */
    public String services;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> serviceList() {
        return services == null || services.isEmpty() ? List.of() : Arrays.asList(services.split(","));
    }
}
