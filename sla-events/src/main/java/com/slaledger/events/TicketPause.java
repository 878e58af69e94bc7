package com.slaledger.events;

import java.time.Instant;

/** A pause ({@code paused}) or unpause of a ticket's support clock at {@code at} (SPEC §16.4). */
public record TicketPause(Instant at, boolean paused) {}
