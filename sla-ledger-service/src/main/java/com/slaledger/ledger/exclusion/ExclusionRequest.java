package com.slaledger.ledger.exclusion;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/contracts/{contractId}/exclusions body (SPEC §16.1); text stays text until validated. */
@Schema(
        description = "A proposed exclusion: its time counts as up once approved",
        example = "{\"start\": \"2026-10-03T14:00:00Z\", \"end\": \"2026-10-03T15:00:00Z\","
                + " \"category\": \"CUSTOMER_CAUSED\", \"reason\": \"customer's firewall change blocked all traffic\","
                + " \"services\": [\"api\"], \"reference\": \"ZD-1001\"}")
public record ExclusionRequest(
        @Schema(example = "2026-10-03T14:00:00Z") String start,
        @Schema(example = "2026-10-03T15:00:00Z") String end,
        @Schema(
                        description = "CUSTOMER_CAUSED, THIRD_PARTY, FORCE_MAJEURE, EMERGENCY_MAINTENANCE or OTHER",
                        example = "CUSTOMER_CAUSED")
                String category,
        @Schema(description = "required, at most 1,000 characters", example = "customer's firewall change")
                String reason,
        @Schema(description = "covered services (default: every one)", example = "[\"api\"]") List<String> services,
        @Schema(description = "a ticket or change reference, optional", example = "ZD-1001") String reference) {

    /** POST .../approve and .../reject body. */
    public record Decision(
            @Schema(description = "optional, at most 1,000 characters", example = "checked the firewall log")
                    String note) {}
}
