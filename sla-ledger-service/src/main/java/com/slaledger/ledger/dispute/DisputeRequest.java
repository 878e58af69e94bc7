package com.slaledger.ledger.dispute;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/contracts/{contractId}/disputes body (SPEC §17); text stays text until validated. */
@Schema(
        description = "The customer says it was down in [start, end) although the statement does not count it",
        example = "{\"period\": \"2026-10\", \"start\": \"2026-10-07T09:00:00Z\", \"end\": \"2026-10-07T09:40:00Z\","
                + " \"services\": [\"api\"], \"description\": \"checkout returned 502 for 40 minutes\","
                + " \"reference\": \"CS-2291\"}")
public record DisputeRequest(
        @Schema(description = "the period it concerns, YYYY-MM; [start, end) must touch it", example = "2026-10")
                String period,
        @Schema(example = "2026-10-07T09:00:00Z") String start,
        @Schema(example = "2026-10-07T09:40:00Z") String end,
        @Schema(description = "covered services (default: every one)", example = "[\"api\"]") List<String> services,
        @Schema(description = "required, at most 1,000 characters", example = "checkout returned 502")
                String description,
        @Schema(description = "the customer's own reference, optional", example = "CS-2291") String reference) {

    /** POST .../accept and .../reject body. */
    public record Decision(
            @Schema(description = "optional, at most 1,000 characters", example = "load balancer log confirms it")
                    String note) {}
}
