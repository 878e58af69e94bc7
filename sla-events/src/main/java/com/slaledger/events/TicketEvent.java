package com.slaledger.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A change of a support ticket, published by ticket-service through its outbox and keyed by
 * {@code ticketId}. Every event carries the whole ticket as it is after the change, so a
 * consumer can fold it without having seen the events before it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TicketOpened.class, name = "TicketOpened"),
    @JsonSubTypes.Type(value = TicketResolved.class, name = "TicketResolved"),
    @JsonSubTypes.Type(value = TicketResponded.class, name = "TicketResponded"),
    @JsonSubTypes.Type(value = TicketPauseChanged.class, name = "TicketPauseChanged")
})
public sealed interface TicketEvent permits TicketOpened, TicketResolved, TicketResponded, TicketPauseChanged {

    String ticketId();

    String externalId();

    String contractId();

    String serviceId();

    TicketKind kind();

    Instant reportedAt();

    /** Null while the ticket is open. */
    Instant resolvedAt();

    /** P1 .. P4; null in events written before priorities existed (read as P3). */
    String priority();

    /** The provider's first response; null until there is one. */
    Instant respondedAt();

    /** The pauses and unpauses recorded (SPEC §16.4); only a TicketPauseChanged carries them. */
    default java.util.List<TicketPause> pauses() {
        return java.util.List.of();
    }
}
