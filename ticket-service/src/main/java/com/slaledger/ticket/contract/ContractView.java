package com.slaledger.ticket.contract;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.slaledger.support.persistence.ContractViewRow;

/** What ticket-service knows of a contract: that it exists, and which services it covers. */
@Entity
@Table(name = "contract_view")
public class ContractView extends ContractViewRow {

    /** Comma-separated service ids. */
    public String services;

    public List<String> serviceList() {
        return split(services);
    }
}
