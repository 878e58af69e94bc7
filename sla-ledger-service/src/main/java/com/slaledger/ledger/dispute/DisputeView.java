package com.slaledger.ledger.dispute;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dispute as the API answers it; a customer's view leaves out who inside the provider decided it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        example = "{\"disputeId\": \"0b7c4c1e-2f4a-4e7b-9a11-5c2d3e4f5a6b\", \"contractId\": \"acme\","
                + " \"period\": \"2026-10\", \"start\": \"2026-10-07T09:00:00Z\", \"end\": \"2026-10-07T09:40:00Z\","
                + " \"seconds\": 2400, \"services\": [\"api\"], \"description\": \"checkout returned 502\","
                + " \"reference\": \"CS-2291\", \"status\": \"ACCEPTED\", \"filedBy\": \"acme\","
                + " \"filedAt\": \"2026-11-02T08:00:00Z\", \"decidedBy\": \"ana\","
                + " \"decidedAt\": \"2026-11-02T10:00:00Z\", \"note\": \"load balancer log confirms it\"}")
public record DisputeView(
        String disputeId,
        String contractId,
        String period,
        Instant start,
        Instant end,
        long seconds,
        List<String> services,
        String description,
        String reference,
        String status,
        String filedBy,
        Instant filedAt,
        String decidedBy,
        Instant decidedAt,
        String note) {

    public static DisputeView of(Dispute d) {
        return new DisputeView(
                d.disputeId,
                d.contractId,
                d.period,
                d.start,
                d.end,
                d.end.getEpochSecond() - d.start.getEpochSecond(),
                d.serviceList(),
                d.description,
                d.reference,
                d.status,
                d.filedBy,
                d.filedAt,
                d.decidedBy,
                d.decidedAt,
                d.note);
    }

    /** As a customer reads it: its own words and the decision, not who decided inside the provider. */
    public DisputeView forCustomer() {
        return new DisputeView(
                disputeId,
                contractId,
                period,
                start,
                end,
                seconds,
                services,
                description,
                reference,
                status,
                null,
                filedAt,
                null,
                decidedAt,
                note);
    }
}
