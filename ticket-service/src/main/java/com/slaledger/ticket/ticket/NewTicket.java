package com.slaledger.ticket.ticket;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.slaledger.events.Ids;
import com.slaledger.events.TicketKind;

/** POST /api/v1/tickets body (SPEC §5.2). */
public record NewTicket(
        @NotBlank @Size(max = 128) String externalId,
        @NotNull @Pattern(regexp = Ids.CONTRACT_REGEX, message = Ids.CONTRACT_RULE) String contractId,
        @NotNull @Pattern(regexp = Ids.SERVICE_REGEX, message = Ids.SERVICE_RULE) String serviceId,
        @NotNull TicketKind kind,
        @Size(max = 500) String subject,
        Instant reportedAt) {}
