package com.slaledger.ledger.credit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/contracts/{contractId}/claims body (SPEC §17). */
@Schema(example = "{\"period\": \"2026-10\", \"note\": \"checkout outage of 3 October\"}")
public record ClaimRequest(
        @Schema(description = "the period whose credit is claimed, YYYY-MM", example = "2026-10") String period,
        @Schema(description = "optional, at most 1,000 characters", example = "checkout outage of 3 October")
                String note) {

    /** POST /api/v1/credits/{creditId}/apply body. */
    public record Apply(
            @Schema(description = "the invoice that settles it, required", example = "INV-2026-11-0042")
                    String invoiceReference,
            @Schema(description = "optional, at most 1,000 characters") String note) {}

    /** POST /api/v1/credits/{creditId}/approve body (optional). */
    public record Approve(@Schema(description = "optional, at most 1,000 characters") String note) {}
}
