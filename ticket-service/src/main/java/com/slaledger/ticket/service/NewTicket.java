package com.slaledger.ticket.service;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.slaledger.events.TicketKind;

/** POST /api/v1/tickets body (SPEC §5.2). */
public record NewTicket(
        @NotBlank @Size(max = 128) String externalId,
        @NotNull @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be 1 to 64 characters of [a-z0-9-]")
                String contractId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be 1 to 64 characters of [A-Za-z0-9._:-]")
                String serviceId,
        @NotNull TicketKind kind,
        @Size(max = 500) String subject,
        Instant reportedAt) {}
