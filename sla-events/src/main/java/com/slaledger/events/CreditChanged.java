package com.slaledger.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit of a contract reached a status the customer is told of (SPEC §17): DUE, APPROVED,
 * APPLIED or EXPIRED. Published once per (creditId, status), keyed by {@code contractId}; the
 * notification service mails it (kind CREDIT) to the contract's {@code noticeEmails}.
 *
 * @param kind CREDIT or ADJUSTMENT
 * @param amount null when the contract has no monthly fee
 * @param claimDeadline null unless the contract requires claims
 */
public record CreditChanged(
        String creditId,
        String contractId,
        String period,
        String kind,
        String status,
        BigDecimal creditPercent,
        Money amount,
        int statementVersion,
        Instant claimDeadline,
        String invoiceReference,
        Instant at) {

    /** The key under which this change is published and mailed exactly once. */
    public String idempotencyKey() {
        return contractId + "/" + period + "/CREDIT/" + creditId + "/" + status;
    }
}
