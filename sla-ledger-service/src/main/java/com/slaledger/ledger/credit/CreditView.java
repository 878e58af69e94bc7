package com.slaledger.ledger.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.slaledger.events.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit as the API answers it (SPEC §17); a customer's view leaves out who inside the provider acted. */
@Schema(
        example = "{\"creditId\": \"9d2f0a3c-6b1e-4c8d-a5f7-3e2b1c0d9e8f\", \"contractId\": \"acme\","
                + " \"period\": \"2026-10\", \"kind\": \"CREDIT\", \"creditPercent\": 10,"
                + " \"amount\": {\"amount\": 100.00, \"currency\": \"EUR\"}, \"statementVersion\": 1,"
                + " \"status\": \"APPLIED\", \"claimDeadline\": \"2026-12-01T01:00:00Z\","
                + " \"invoiceReference\": \"INV-2026-11-0042\", \"history\": [{\"at\": \"2026-11-01T01:00:05Z\","
                + " \"actor\": \"ledger\", \"status\": \"PENDING_CLAIM\", \"amount\": 100.00,"
                + " \"note\": \"statement version 1 is final with a credit\"}]}")
public record CreditView(
        String creditId,
        String contractId,
        String period,
        String kind,
        BigDecimal creditPercent,
        Money amount,
        int statementVersion,
        String status,
        Instant claimDeadline,
        String invoiceReference,
        List<Step> history) {

    /** One step of its history. */
    public record Step(Instant at, String actor, String status, BigDecimal amount, String note) {}

    public static CreditView of(Credit c, List<CreditEntry> history) {
        return new CreditView(
                c.creditId,
                c.contractId,
                c.period,
                c.kind,
                c.creditPercent,
                c.amount == null ? null : new Money(c.amount, c.currency),
                c.statementVersion,
                c.status,
                c.claimDeadline,
                c.invoiceReference,
                history.stream()
                        .map(e -> new Step(e.at, e.actor, e.status, e.amount, e.note))
                        .toList());
    }

    /** As a customer reads it: each step without the provider's people's names (the ledger's own and the customer's stay). */
    public CreditView forCustomer(String customer) {
        return new CreditView(
                creditId,
                contractId,
                period,
                kind,
                creditPercent,
                amount,
                statementVersion,
                status,
                claimDeadline,
                invoiceReference,
                history.stream()
                        .map(s -> new Step(
                                s.at(),
                                CreditRecorder.LEDGER.equals(s.actor())
                                                || s.actor().equals(customer)
                                        ? s.actor()
                                        : "provider",
                                s.status(),
                                s.amount(),
                                s.note()))
                        .toList());
    }
}
