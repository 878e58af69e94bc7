package com.slaledger.ticket.ticket;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.slaledger.events.Ids;
import com.slaledger.events.Limits;
import com.slaledger.events.TicketKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/tickets body (SPEC §5.2). */
public record NewTicket(
        @NotBlank @Size(max = 128) String externalId,
        @NotNull @Pattern(regexp = Ids.CONTRACT_REGEX, message = Ids.CONTRACT_RULE) String contractId,
        @NotNull @Pattern(regexp = Ids.SERVICE_REGEX, message = Ids.SERVICE_RULE) String serviceId,
        @NotNull TicketKind kind,
        @Size(max = Limits.MAX_TEXT) String subject,
        Instant reportedAt,
        @Schema(description = "P1, P2, P3 or P4 (default P3): chooses the contract's support target", example = "P1")
                @Pattern(regexp = "P[1-4]", message = "must be P1, P2, P3 or P4")
                String priority) {

    /** Without a priority (P3). */
    public NewTicket(
            String externalId,
            String contractId,
            String serviceId,
            TicketKind kind,
            String subject,
            Instant reportedAt) {
        this(externalId, contractId, serviceId, kind, subject, reportedAt, null);
    }

    /** A help desk's subject, cut to what a ticket keeps (SPEC §11): a long subject is not a reason to lose a ticket. */
    public static String clipSubject(String subject) {
        return subject == null || subject.length() <= Limits.MAX_TEXT ? subject : subject.substring(0, Limits.MAX_TEXT);
    }
}
