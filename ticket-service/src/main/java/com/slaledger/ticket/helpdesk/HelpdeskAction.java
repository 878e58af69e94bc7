package com.slaledger.ticket.helpdesk;

import java.time.Instant;

import com.slaledger.ticket.ticket.NewTicket;

/** What a help-desk webhook asks of ticket-service. */
public sealed interface HelpdeskAction {

    /** Record a ticket (SPEC §5.2 POST /tickets). */
    record Open(NewTicket ticket) implements HelpdeskAction {}

    /** Resolve the ticket recorded under this externalId (and contract, when the event names it). */
    record Resolve(String externalId, String contractId, Instant resolvedAt) implements HelpdeskAction {}

    /**
     * Record the provider's first response to the ticket recorded under this externalId (and
     * contract, when the event names it): only the earliest counts (SPEC §5.2).
     */
    record Respond(String externalId, String contractId, Instant respondedAt) implements HelpdeskAction {}

    /**
     * Pause ({@code paused}) or unpause the resolution clock of the ticket recorded under this
     * externalId at {@code at} (SPEC §16.4); with {@code respond}, the status change is also the
     * provider's response (Jira: the first transition).
     */
    record Pause(String externalId, String contractId, Instant at, boolean paused, boolean respond)
            implements HelpdeskAction {}

    /** Nothing to do: not an SLA ticket, or an event that does not matter here. */
    record Ignore(String reason) implements HelpdeskAction {}
}
