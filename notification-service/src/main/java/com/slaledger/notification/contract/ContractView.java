package com.slaledger.notification.contract;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What notification-service knows of a contract: who the customer is and where notices go. */
@Entity
@Table(name = "contract_view")
public class ContractView {

    @Id
    @Column(name = "contract_id")
    public String contractId;

    public long version;

    @Column(name = "customer_name")
    public String customerName;

    /** Comma-separated addresses. */
    @Column(name = "notice_emails")
    public String noticeEmails;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> recipients() {
        return noticeEmails == null || noticeEmails.isBlank() ? List.of() : Arrays.asList(noticeEmails.split(","));
    }
}
