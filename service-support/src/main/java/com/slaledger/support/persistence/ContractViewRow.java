package com.slaledger.support.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns every service's {@code contract_view} has, which {@link ContractProjection} keeps:
 * the contract, the newest version seen and when it was applied. A service's entity adds its own.
 */
@MappedSuperclass
public abstract class ContractViewRow {

    @Id
    @Column(name = "contract_id")
    public String contractId;

    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A list kept as one comma-separated text column (see ContractProjection.joined). */
    protected static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
