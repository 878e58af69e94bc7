package com.slaledger.ledger.exclusion;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exclusion as the API answers it; a customer's view leaves out who decided and their note. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        example = "{\"exclusionId\": \"6f1c2e0a-3b9d-4c1e-9a77-0d2b5e8f1a42\", \"contractId\": \"acme\","
                + " \"start\": \"2026-10-03T14:00:00Z\", \"end\": \"2026-10-03T15:00:00Z\", \"seconds\": 3600,"
                + " \"category\": \"CUSTOMER_CAUSED\", \"reason\": \"customer's firewall change blocked all traffic\","
                + " \"services\": [\"api\"], \"reference\": \"ZD-1001\", \"status\": \"APPROVED\","
                + " \"proposedBy\": \"ana\", \"proposedAt\": \"2026-11-02T09:00:00Z\", \"decidedBy\": \"ben\","
                + " \"decidedAt\": \"2026-11-02T10:00:00Z\", \"note\": \"firewall log checked\"}")
public record ExclusionView(
        String exclusionId,
        String contractId,
        Instant start,
        Instant end,
        long seconds,
        String category,
        String reason,
        List<String> services,
        String reference,
        String status,
        String proposedBy,
        Instant proposedAt,
        String decidedBy,
        Instant decidedAt,
        String note) {

    public static ExclusionView of(Exclusion e) {
        return new ExclusionView(
                e.exclusionId,
                e.contractId,
                e.start,
                e.end,
                e.end.getEpochSecond() - e.start.getEpochSecond(),
                e.category,
                e.reason,
                e.serviceList(),
                e.reference,
                e.status,
                e.proposedBy,
                e.proposedAt,
                e.decidedBy,
                e.decidedAt,
                e.note);
    }

    /** As a customer reads it: what was excluded and why, not who decided it inside the provider. */
    public ExclusionView forCustomer() {
        return new ExclusionView(
                exclusionId,
                contractId,
                start,
                end,
                seconds,
                category,
                reason,
                services,
                reference,
                status,
                null,
                null,
                null,
                decidedAt,
                null);
    }
}
