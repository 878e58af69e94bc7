package com.slaledger.ledger.shortfall;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.slaledger.ledger.statement.EngineMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A shortfall as GET /api/v1/contracts/{contractId}/shortfalls lists it: {@code element} names
 * what was not met. Availability shortfalls carry the credit tier and the availability figures;
 * the other elements (SPEC §13) what was agreed and measured and when the element fell short.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShortfallView(
        String contractId,
        String period,
        @Schema(
                        description = "what was not met: availability (once per credit tier), firstResponse:P1,"
                                + " resolution:P2, duty:db-backup (once per period)",
                        example = "firstResponse:P1")
                String element,
        BigDecimal creditPercent,
        Long downtimeSeconds,
        Long allowanceSeconds,
        Long eligibleSeconds,
        BigDecimal availabilityPercent,
        @Schema(example = "95% within 30 min (EU business hours)") String agreed,
        @Schema(example = "90% (18 of 20)") String measured,
        @Schema(description = "the first instant the element could no longer be met (not for availability)")
                Instant decidedAt,
        Instant detectedAt) {

    static ShortfallView of(Shortfall s) {
        if (!s.isAvailability()) {
            return new ShortfallView(
                    s.contractId,
                    s.period,
                    s.element,
                    null,
                    null,
                    null,
                    null,
                    null,
                    s.agreed,
                    s.measured,
                    s.decidedAt,
                    s.detectedAt);
        }
        return new ShortfallView(
                s.contractId,
                s.period,
                s.element,
                EngineMapping.plain(s.creditPercent),
                s.downtimeSeconds,
                s.allowanceSeconds,
                s.eligibleSeconds,
                s.availabilityPercent,
                s.agreed,
                s.measured,
                null,
                s.detectedAt);
    }
}
