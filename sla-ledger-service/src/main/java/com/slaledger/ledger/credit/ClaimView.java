package com.slaledger.ledger.credit;

import java.time.Instant;

/** A claim as answered by POST .../claims: who claimed which period's credit, and the credit now. */
public record ClaimView(
        String contractId, String period, String claimedBy, Instant claimedAt, String note, CreditView credit) {}
