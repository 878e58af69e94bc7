package com.slaledger.ticket.ticket;

import java.time.Instant;
import java.util.List;

import com.slaledger.events.TicketKind;
import com.slaledger.events.TicketPause;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket as the API shows it. */
public record TicketView(
        String id,
        TicketSource source,
        String externalId,
        String contractId,
        String serviceId,
        TicketKind kind,
        String subject,
        Instant reportedAt,
        Instant resolvedAt,
        String status,
        @Schema(example = "P1") String priority,
        @Schema(
                        description = "the provider's first response (the earliest recorded); null before one",
                        example = "2026-10-03T14:35:00Z")
                Instant respondedAt,
        @Schema(
                        description = "every pause and unpause of the support clock recorded (SPEC §16.4), by instant",
                        example = "[{\"at\": \"2026-11-06T17:30:00Z\", \"paused\": true},"
                                + " {\"at\": \"2026-11-09T10:00:00Z\", \"paused\": false}]")
                List<TicketPause> pauses,
        @Schema(description = "whether the latest of them is a pause", example = "false") boolean paused) {

    public static TicketView of(Ticket t) {
        return new TicketView(
                t.id,
                t.source,
                t.externalId,
                t.contractId,
                t.serviceId,
                t.kind,
                t.subject,
                t.reportedAt,
                t.resolvedAt,
                t.resolvedAt == null ? "OPEN" : "RESOLVED",
                t.priority,
                t.respondedAt,
                TicketPauses.read(t.pauses),
                TicketPauses.pausedNow(t.pauses));
    }
}
